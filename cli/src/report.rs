//! What `tcerr` prints, as text for a person or JSON for a program.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use serde::de::IgnoredAny;
use tencentcloud_error_codes::{
    Advice, AdviceSource, ErrorCode, Response, SafeText, advise, lookup, resolve,
};

use crate::suggest;

/// What the catalog says of one code string.
///
/// `category` and `retry` are the code's own when it is in the catalog,
/// else its family's or its nearest ancestor's (`advice_from` says which);
/// `description` is the code's own or that of the catalog code it refines.
/// All are null when the catalog knows nothing of it.
#[derive(Serialize)]
pub struct CodeReport<'a> {
    code: &'a str,
    in_catalog: bool,
    /// The catalog code this one refines: a catalog code's parent, or an
    /// API-specific code's nearest ancestor in the catalog.
    refines: Option<&'static str>,
    description: Option<&'static str>,
    category: Option<&'static str>,
    retry: Option<&'static str>,
    /// Where `category` and `retry` come from: `code` (the catalog holds
    /// it), `family` (what the known codes of `family` mostly are) or
    /// `ancestor` (the catalog code it refines); null when unknown.
    advice_from: Option<&'static str>,
    /// The family whose advice this is, when `advice_from` is `family`.
    family: Option<&'static str>,
    /// A common code of `codes.toml`: any action of any product can return
    /// it. False for a product's code and for a code the catalog does not
    /// hold.
    common: bool,
    /// The product catalogs that name the code: those that define it, or
    /// for a common code those whose SDK happens to list it, which is no
    /// limit on where it comes from (empty for a code the catalog does not
    /// hold).
    products: &'static [&'static str],
    /// The official SDKs no longer define the code; the catalog keeps it.
    /// False for a code the catalog does not hold.
    retired: bool,
    /// A person read what the code means and decided its advice. False
    /// for a code only the rules decided, and for a code the catalog does
    /// not hold (its advice is its family's or ancestor's).
    reviewed: bool,
    /// Why the code's advice is what it is: the review's reason, or the
    /// rule that guessed it; null for a code the catalog does not hold.
    reason: Option<&'static str>,
    /// Near misses, for a code the catalog does not hold.
    suggestions: Vec<String>,
    #[serde(skip)]
    exact: Option<ErrorCode>,
    #[serde(skip)]
    resolved: Option<ErrorCode>,
    #[serde(skip)]
    advice: Option<Advice>,
}

impl<'a> CodeReport<'a> {
    pub fn new(code: &'a str) -> Self {
        let exact = lookup(code);
        let resolved = exact.or_else(|| resolve(code));
        let advice = advise(code);
        let family = match advice.map(|a| a.source()) {
            Some(AdviceSource::Family(prefix)) => Some(prefix),
            _ => None,
        };
        CodeReport {
            code,
            in_catalog: exact.is_some(),
            refines: exact
                .map_or(resolved, ErrorCode::parent)
                .map(ErrorCode::as_str),
            description: resolved.map(ErrorCode::description),
            category: advice.map(|a| a.category().as_str()),
            retry: advice.map(|a| a.retry().as_str()),
            advice_from: advice.map(|a| match a.source() {
                AdviceSource::Code(_) => "code",
                AdviceSource::Family(_) => "family",
                _ => "ancestor",
            }),
            family,
            common: exact.is_some_and(ErrorCode::is_common),
            products: exact.map_or(&[], ErrorCode::products),
            retired: exact.is_some_and(ErrorCode::is_retired),
            reviewed: exact.is_some_and(ErrorCode::is_reviewed),
            reason: exact.map(ErrorCode::reason).filter(|r| !r.is_empty()),
            suggestions: match exact {
                Some(_) => Vec::new(),
                None => suggest::similar_codes(code),
            },
            exact,
            resolved,
            advice,
        }
    }

    /// Nothing in the catalog speaks for it: not a code, not a family's,
    /// not refining one.
    pub fn is_unknown(&self) -> bool {
        self.advice.is_none()
    }

    pub fn unknown_message(&self) -> String {
        let mut message = format!("unknown error code \"{}\"", SafeText::code(self.code));
        match self.suggestions.as_slice() {
            [] => message.push_str(" (try `tcerr list`)"),
            [one] => message.push_str(&format!("; did you mean {one:?}?")),
            many => {
                let quoted: Vec<String> = many.iter().map(|s| format!("{s:?}")).collect();
                message.push_str(&format!("; did you mean one of {}?", quoted.join(", ")));
            }
        }
        message
    }

    /// The code, then what the catalog says of it, indented.
    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        writeln!(out, "{}", SafeText::code(self.code))?;
        self.write_details(out)
    }

    fn write_details(&self, out: &mut impl Write) -> io::Result<()> {
        let Some(advice) = self.advice else {
            return writeln!(out, "  not in the catalog, and refines no catalog code");
        };
        match (self.exact, self.resolved) {
            (Some(code), _) => writeln!(out, "  description  {}", code.description())?,
            (None, Some(resolved)) => writeln!(
                out,
                "  not in the catalog; refines {resolved}: {}",
                resolved.description()
            )?,
            (None, None) => writeln!(out, "  not in the catalog, and refines no catalog code")?,
        }
        match advice.source() {
            AdviceSource::Family(prefix) => writeln!(
                out,
                "  advice       of the family {prefix}.*: what most of its known codes are"
            )?,
            AdviceSource::Ancestor(code) => writeln!(
                out,
                "  advice       of {code}, the code it refines (never safe for an unknown child)"
            )?,
            _ => {}
        }
        let category = advice.category();
        writeln!(out, "  category     {category}: {}", category.description())?;
        let retry = advice.retry();
        writeln!(out, "  retry        {retry}: {}", retry.description())?;
        if self.exact.is_some() {
            let reason = self.reason.map_or(String::new(), |r| format!(": {r}"));
            match self.reviewed {
                true => writeln!(out, "  advice       reviewed{reason}")?,
                false => writeln!(out, "  advice       not reviewed{reason}")?,
            }
        }
        if let Some(parent) = self.exact.and_then(ErrorCode::parent) {
            writeln!(out, "  refines      {parent}: {}", parent.description())?;
        }
        if self.common {
            writeln!(
                out,
                "  common       any action of any product can return it"
            )?;
            if !self.products.is_empty() {
                writeln!(
                    out,
                    "  listed by    {} (the products whose SDKs name it)",
                    self.products.join(", ")
                )?;
            }
        } else if !self.products.is_empty() {
            writeln!(out, "  products     {}", self.products.join(", "))?;
        }
        if self.retired {
            writeln!(
                out,
                "  retired      the official SDKs no longer define this code; the catalog keeps it"
            )?;
        }
        if let Some(suggestion) = self.suggestions.first() {
            writeln!(out, "  did you mean {suggestion}?")?;
        }
        Ok(())
    }
}

/// What `tcerr explain` says of a response body.
#[derive(Serialize)]
pub struct ExplainReport<'a> {
    /// The body has no `Error`.
    success: bool,
    request_id: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(flatten)]
    error: Option<CodeReport<'a>>,
    /// `false` for a success body, so that every object has the field; an
    /// error body has its code's, from `error`.
    #[serde(skip_serializing_if = "Option::is_none")]
    retired: Option<bool>,
    /// Likewise `false` for a success body.
    #[serde(skip_serializing_if = "Option::is_none")]
    reviewed: Option<bool>,
    /// Likewise `false` for a success body.
    #[serde(skip_serializing_if = "Option::is_none")]
    common: Option<bool>,
}

impl<'a> ExplainReport<'a> {
    pub fn new(response: &'a Response<IgnoredAny>) -> Self {
        let error = response.as_result().err();
        ExplainReport {
            success: error.is_none(),
            request_id: response.request_id(),
            message: error.map(|e| e.message()),
            error: error.map(|e| CodeReport::new(e.code())),
            retired: error.is_none().then_some(false),
            reviewed: error.is_none().then_some(false),
            common: error.is_none().then_some(false),
        }
    }

    pub fn write_text(&self, out: &mut impl Write) -> io::Result<()> {
        let request_id = SafeText::code(self.request_id.unwrap_or("none"));
        let Some(error) = &self.error else {
            return writeln!(
                out,
                "no error: the request succeeded (request ID {request_id})"
            );
        };
        writeln!(out, "{}", SafeText::code(error.code))?;
        let message = SafeText::message(self.message.unwrap_or_default());
        writeln!(out, "  message      {message}")?;
        writeln!(out, "  request ID   {request_id}")?;
        error.write_details(out)
    }
}

/// Pretty JSON and a final newline. Strings keep their exact values, but
/// every character that could act on a terminal is written as a JSON
/// escape: serde_json escapes C0 controls, and the rest (DEL, C1, the
/// bidirectional controls, separators) is escaped here. Such characters
/// occur only inside strings, so escaping them in the output is exact.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    let json = serde_json::to_string_pretty(value)?;
    let mut safe = String::with_capacity(json.len());
    for c in json.chars() {
        if c != '\n' && SafeText::needs_escape(c) {
            let _ = write!(safe, "\\u{:04x}", u32::from(c));
        } else {
            safe.push(c);
        }
    }
    writeln!(out, "{safe}")
}

/// The product catalogs with their number of codes, as an aligned table.
pub fn write_products(out: &mut impl Write, counts: &[(&str, usize, usize)]) -> io::Result<()> {
    let width = counts
        .iter()
        .map(|(p, ..)| p.len())
        .max()
        .unwrap_or(0)
        .max("PRODUCT".len());
    writeln!(out, "{:width$}  CODES", "PRODUCT")?;
    for &(product, count, retired) in counts {
        let note = match retired {
            0 => String::new(),
            n if n == count => "  (retired)".to_owned(),
            n => format!("  ({n} retired)"),
        };
        writeln!(out, "{product:width$}  {count:>5}{note}")?;
    }
    Ok(())
}

/// The catalog as an aligned table; with a `terminal_width`, each
/// description is cut with `…` to fit the room the other columns leave
/// (at least 10 characters: the code, category and retry are never cut).
pub fn write_table(
    out: &mut impl Write,
    codes: &[ErrorCode],
    terminal_width: Option<usize>,
) -> io::Result<()> {
    let width = |header: &str, cell: fn(ErrorCode) -> &'static str| {
        codes
            .iter()
            .map(|&c| cell(c).len())
            .chain([header.len()])
            .max()
            .unwrap_or(0)
    };
    let code_width = width("CODE", ErrorCode::as_str);
    let category_width = width("CATEGORY", |c| c.category().as_str());
    let retry_width = width("RETRY", |c| c.retry().as_str());
    writeln!(
        out,
        "{:code_width$}  {:category_width$}  {:retry_width$}  DESCRIPTION",
        "CODE", "CATEGORY", "RETRY"
    )?;
    let room = terminal_width.map(|width| {
        width
            .saturating_sub(code_width + category_width + retry_width + 6)
            .max(10)
    });
    for &code in codes {
        let description = format!(
            "{}{}",
            if code.is_retired() { "(retired) " } else { "" },
            code.description()
        );
        writeln!(
            out,
            "{:code_width$}  {:category_width$}  {:retry_width$}  {}",
            code.as_str(),
            code.category().as_str(),
            code.retry().as_str(),
            fit(&description, room)
        )?;
    }
    Ok(())
}

/// `text` cut to `room` characters, the last one `…`, or whole without a
/// room.
fn fit(text: &str, room: Option<usize>) -> std::borrow::Cow<'_, str> {
    match room {
        Some(room) if text.chars().count() > room => {
            let mut cut: String = text.chars().take(room.saturating_sub(1)).collect();
            cut.push('…');
            cut.into()
        }
        _ => text.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::fit;

    #[test]
    fn descriptions_fit_a_terminal_and_stay_whole_in_a_pipe() {
        let text = "Operation denied: instance operation in progress.";
        assert_eq!(fit(text, None), text);
        assert_eq!(fit(text, Some(200)), text);
        let cut = fit(text, Some(20));
        assert_eq!(cut.chars().count(), 20);
        assert!(cut.ends_with('…'));
        assert!(text.starts_with(cut.trim_end_matches('…')));
    }
}
