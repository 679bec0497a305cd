//! `data/codes.tsv`: every code the official SDKs define, as facts only.
//! One header row, then one row per product, API version and code:
//!
//! | column | meaning |
//! |---|---|
//! | `product` | the product's short name (`cvm`), also its feature |
//! | `version` | the API version (`2017-03-12`) |
//! | `code` | the code, exactly as the API returns it |
//! | `actions` | the actions whose reference lists the code, `,`-separated (may be empty) |
//! | `tags` | what the SDKs' descriptions say (see [`crate::tags`]), `,`-separated |
//! | `status` | `current`, or `retired` once no SDK defines the code for the product |
//!
//! Rows are in byte order of product, version, code. No description or
//! other text of Tencent's is stored.

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::tags::Tags;

/// The header row.
pub const HEADER: &str = "product\tversion\tcode\tactions\ttags\tstatus";

/// One row of `data/codes.tsv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub product: String,
    pub version: String,
    pub code: String,
    pub actions: BTreeSet<String>,
    pub tags: Tags,
    /// No SDK defines the code for this product any more; the row stays so
    /// that the variant is never removed.
    pub retired: bool,
}

impl Row {
    /// The row's key: product, version, code.
    pub fn key(&self) -> (&str, &str, &str) {
        (&self.product, &self.version, &self.code)
    }
}

/// Reads `data/codes.tsv`. The first three columns are required; a file
/// of the older shape (without `tags` and `status`) reads as untagged and
/// current.
pub fn read(text: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.starts_with("product\tversion\tcode") => {}
        _ => return Err("data/codes.tsv:1: the first line is not the header".to_owned()),
    }
    let mut rows = Vec::new();
    for (i, line) in lines {
        let at = |message: String| format!("data/codes.tsv:{}: {message}", i + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        let [product, version, code, ref rest @ ..] = fields[..] else {
            return Err(at("fewer than 3 fields".to_owned()));
        };
        if product.is_empty()
            || !product
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return Err(at(format!("product {product:?} cannot name a feature")));
        }
        if code.is_empty() {
            return Err(at("empty code".to_owned()));
        }
        let actions = rest
            .first()
            .map(|a| {
                a.split(',')
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let tags = Tags::parse(rest.get(1).copied().unwrap_or("")).map_err(at)?;
        let retired = match rest.get(2).copied().unwrap_or("current") {
            "current" => false,
            "retired" => true,
            other => return Err(at(format!("status {other:?}: write current or retired"))),
        };
        rows.push(Row {
            product: product.to_owned(),
            version: version.to_owned(),
            code: code.to_owned(),
            actions,
            tags,
            retired,
        });
    }
    Ok(rows)
}

/// Writes rows as `data/codes.tsv`, sorted.
pub fn write(rows: &[Row]) -> String {
    let mut rows: Vec<&Row> = rows.iter().collect();
    rows.sort_by(|a, b| a.key().cmp(&b.key()));
    let mut out = format!("{HEADER}\n");
    for row in rows {
        let actions: Vec<&str> = row.actions.iter().map(String::as_str).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            row.product,
            row.version,
            row.code,
            actions.join(","),
            row.tags,
            if row.retired { "retired" } else { "current" }
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Tag;

    #[test]
    fn rows_round_trip() {
        let text = format!(
            "{HEADER}\nab\t2020-01-01\tA.B\tX,Y\ttemporary,fault\tcurrent\nab\t2020-01-01\tA.C\t\t\tretired\n"
        );
        let rows = read(&text).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].tags.has(Tag::Temporary) && rows[0].tags.has(Tag::Fault));
        assert_eq!(rows[0].actions.len(), 2);
        assert!(rows[1].retired && rows[1].tags.is_empty());
        assert_eq!(write(&rows), text);
    }

    #[test]
    fn the_older_shape_reads_as_current_and_untagged() {
        let rows = read("product\tversion\tcode\tactions\nab\t2020-01-01\tA.B\tX\n").unwrap();
        assert!(!rows[0].retired && rows[0].tags.is_empty());
    }

    #[test]
    fn bad_rows_name_their_line() {
        let bad = [
            format!("{HEADER}\nab\t2020\n"),
            format!("{HEADER}\nAB\t2020\tA\t\t\tcurrent\n"),
            format!("{HEADER}\nab\t2020\tA\t\tsoon\tcurrent\n"),
            format!("{HEADER}\nab\t2020\tA\t\t\tgone\n"),
        ];
        for text in bad {
            let e = read(&text).unwrap_err();
            assert!(e.starts_with("data/codes.tsv:2: "), "{e}");
        }
        assert!(read("no header\n").is_err());
    }
}
