//! `data/reviewed.tsv`: the advice people decided by reading what Tencent
//! says each code means. One header row, then one row per code, in byte
//! order of code:
//!
//! | column | meaning |
//! |---|---|
//! | `code` | the code, exactly as the API returns it |
//! | `category` | a category of `codes.toml` |
//! | `retry` | `never`, `safe` or `if-idempotent`, by the classes of the README's "Reviewed advice" |
//! | `meaning` | what happened and what to do, in our own words: the code's description |
//! | `reason` | why this retry class, in a few words of our own |
//! | `reads` | how many independent reads the verdict rests on (1 to 3) |
//!
//! A verdict wins over the rules of [`crate::advice`], which only guess for
//! a code nobody has read yet. Meanings and reasons are our own English:
//! no sentence of Tencent's, and no Chinese text, is accepted.

use std::collections::BTreeMap;

use crate::Retry;

/// The header row.
pub const HEADER: &str = "code\tcategory\tretry\tmeaning\treason\treads";

/// The longest meaning accepted, in characters: one terse line.
pub const MAX_MEANING: usize = 140;

/// One reviewed code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub category: String,
    pub retry: Retry,
    pub meaning: String,
    pub reason: String,
    pub reads: u8,
}

/// Reads `data/reviewed.tsv`, checking every row: the fields, their
/// spelling, the classes' own consistency, and that the words are ours.
/// `categories` are the category names of `codes.toml`.
pub fn read(text: &str, categories: &[&str]) -> Result<BTreeMap<String, Verdict>, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header == HEADER => {}
        _ => {
            return Err(format!(
                "data/reviewed.tsv:1: the first line is not the header {HEADER:?}"
            ));
        }
    }
    let mut verdicts = BTreeMap::new();
    let mut previous: Option<String> = None;
    for (i, line) in lines {
        let at = |message: String| format!("data/reviewed.tsv:{}: {message}", i + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, category, retry, meaning, reason, reads] = fields[..] else {
            return Err(at(format!(
                "{} fields; a row has 6, tab-separated: {HEADER}",
                fields.len()
            )));
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(at(format!("code {code:?} is not a code")));
        }
        if let Some(before) = &previous {
            if before.as_str() >= code {
                return Err(at(format!(
                    "{code} comes after {before}; keep the rows in byte order of code, each code once"
                )));
            }
        }
        if !categories.contains(&category) {
            return Err(at(format!(
                "unknown category {category:?} for {code}; use one of {}",
                categories.join(", ")
            )));
        }
        let Some(retry) = Retry::ALL.into_iter().find(|r| r.spelling() == retry) else {
            return Err(at(format!(
                "retry {retry:?} for {code}; use never, safe or if-idempotent"
            )));
        };
        check_words(meaning, "meaning", MAX_MEANING).map_err(at)?;
        check_words(reason, "reason", MAX_MEANING).map_err(at)?;
        let reads = match reads.parse::<u8>() {
            Ok(n @ 1..=3) => n,
            _ => {
                return Err(at(format!(
                    "reads {reads:?} for {code}; write how many reads the verdict rests on, 1 to 3"
                )));
            }
        };
        let inconsistent = match (category, retry) {
            ("throttling", r) if r != Retry::Safe => {
                Some("a rate limit passes: throttling is safe")
            }
            ("quota" | "billing", r) if r != Retry::Never => {
                Some("a quota or a debt needs a person: quota and billing are never")
            }
            _ if retry == Retry::Safe && code.starts_with("InternalError") => Some(
                "an internal error's outcome is unknown: InternalError.* is never safe, at most if-idempotent",
            ),
            _ => None,
        };
        if let Some(why) = inconsistent {
            return Err(at(format!("{code} is {category}/{retry}, but {why}")));
        }
        verdicts.insert(
            code.to_owned(),
            Verdict {
                category: category.to_owned(),
                retry,
                meaning: meaning.to_owned(),
                reason: reason.to_owned(),
                reads,
            },
        );
        previous = Some(code.to_owned());
    }
    Ok(verdicts)
}

/// A meaning or reason is one line of our own English: not empty, not too
/// long, no control character, and no Chinese or other CJK text (which
/// would be Tencent's words).
fn check_words(text: &str, field: &str, max: usize) -> Result<(), String> {
    if text.trim().is_empty() {
        return Err(format!("empty {field}; say it in our own words"));
    }
    if text.trim() != text {
        return Err(format!("{field} {text:?} has spaces at an end"));
    }
    let length = text.chars().count();
    if length > max {
        return Err(format!(
            "{field} has {length} characters; keep it under {max}, one terse line"
        ));
    }
    if let Some(c) = text.chars().find(|&c| c.is_control()) {
        return Err(format!("{field} holds the control character {c:?}"));
    }
    if let Some(c) = text.chars().find(|&c| is_cjk(c)) {
        return Err(format!(
            "{field} holds {c:?}: meanings and reasons are our own English, never Tencent's text"
        ));
    }
    Ok(())
}

/// Han ideographs, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{2ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    const CATEGORIES: &[&str] = &["request", "resource", "throttling", "quota", "server"];

    fn one(row: &str) -> Result<BTreeMap<String, Verdict>, String> {
        read(&format!("{HEADER}\n{row}\n"), CATEGORIES)
    }

    #[test]
    fn reads_every_field() {
        let text = format!(
            "{HEADER}\nA.Busy\tresource\tsafe\tThe widget is busy; retry shortly.\tbusy passes\t2\nB.Gone\tresource\tnever\tNo such widget; check the ID.\tnot found\t1\n"
        );
        let verdicts = read(&text, CATEGORIES).unwrap();
        assert_eq!(verdicts["A.Busy"].retry, Retry::Safe);
        assert_eq!(verdicts["B.Gone"].reads, 1);
        assert_eq!(verdicts["A.Busy"].category, "resource");
        assert_eq!(
            verdicts["A.Busy"].meaning,
            "The widget is busy; retry shortly."
        );
        assert_eq!(verdicts["A.Busy"].reason, "busy passes");
        assert_eq!(verdicts.len(), 2);
    }

    #[test]
    fn rejects_what_a_reviewer_gets_wrong() {
        for (row, says) in [
            ("A\trequest\tnever\tFix it.\twrong", "6, tab-separated"),
            ("A\tnosuch\tnever\tFix it.\twrong\t1", "unknown category"),
            ("A\trequest\tmaybe\tFix it.\twrong\t1", "retry \"maybe\""),
            ("A\trequest\tnever\t\twrong\t1", "empty meaning"),
            ("A\trequest\tnever\t部件不存在\twrong\t1", "our own English"),
            ("A\trequest\tnever\tFix it.\twrong\t4", "1 to 3"),
            (
                "A\tthrottling\tnever\tToo fast.\trate\t1",
                "throttling is safe",
            ),
            (
                "A\tquota\tsafe\tFull.\tcount\t1",
                "quota and billing are never",
            ),
            (
                "InternalError.X\tserver\tsafe\tBusy.\tbusy\t2",
                "InternalError.* is never safe",
            ),
            (
                "A\trequest\tnever\tFix\u{1b}[31m it.\twrong\t1",
                "control character",
            ),
        ] {
            let err = one(row).unwrap_err();
            assert!(err.contains(says), "{row:?}: {err}");
            assert!(err.starts_with("data/reviewed.tsv:2: "), "{err}");
        }
        let long = "x".repeat(MAX_MEANING + 1);
        assert!(one(&format!("A\trequest\tnever\t{long}\tr\t1")).is_err());
    }

    #[test]
    fn rows_stay_in_order_once_each() {
        let text = format!("{HEADER}\nB\trequest\tnever\tM.\tr\t1\nA\trequest\tnever\tM.\tr\t1\n");
        assert!(read(&text, CATEGORIES).unwrap_err().contains("byte order"));
        let text = format!("{HEADER}\nA\trequest\tnever\tM.\tr\t1\nA\trequest\tnever\tM.\tr\t1\n");
        assert!(read(&text, CATEGORIES).is_err());
        assert!(read("code\tcategory\n", CATEGORIES).is_err());
    }
}
