//! The variant ledger, `data/variants.tsv`: every `ErrorCode` variant the
//! crate has published, with its code and the version it first shipped in
//! (`unreleased` until a release names it). A published variant is never
//! removed and never names another code; `tests/ledger.rs` holds the
//! library to that, and the import refuses to write a catalog that breaks
//! it. The import appends each new variant of a product catalog, in byte
//! order of code; a common code's row is written by whoever adds the code
//! to `codes.toml` (CONTRIBUTING.md), so that a user who adds one keeps
//! every test passing.
//!
//! | column | what |
//! |---|---|
//! | `variant` | the `ErrorCode` variant's name |
//! | `code` | the code it names |
//! | `catalog` | `common` for a code of `codes.toml`, else the first product (in byte order) that defines it: which builds hold the variant |
//! | `since` | the version it first shipped in, or `unreleased` |

use std::collections::HashMap;

/// The header row.
pub const HEADER: &str = "variant\tcode\tcatalog\tsince";

/// The `since` of a variant no release has shipped yet; a release replaces
/// it with its version, as it names the CHANGELOG's "Unreleased" section.
pub const UNRELEASED: &str = "unreleased";

/// One published variant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    pub variant: String,
    pub code: String,
    pub catalog: String,
    pub since: String,
}

/// Reads the ledger, checking its header and that no variant is listed
/// twice.
pub fn read(text: &str) -> Result<Vec<Published>, String> {
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) {
        return Err(format!(
            "data/variants.tsv must start with the header {HEADER:?}"
        ));
    }
    let mut rows = Vec::new();
    let mut seen = HashMap::new();
    for (i, line) in lines.enumerate() {
        let at = i + 2;
        let [variant, code, catalog, since] = line.split('\t').collect::<Vec<_>>()[..] else {
            return Err(format!(
                "data/variants.tsv:{at}: expected variant, code, catalog and since, tab-separated"
            ));
        };
        if let Some(first) = seen.insert(variant.to_owned(), at) {
            return Err(format!(
                "data/variants.tsv:{at}: variant {variant} is already listed on line {first}"
            ));
        }
        rows.push(Published {
            variant: variant.to_owned(),
            code: code.to_owned(),
            catalog: catalog.to_owned(),
            since: since.to_owned(),
        });
    }
    Ok(rows)
}

/// The ledger once `catalog` (each code with its variant and the catalog
/// that holds it, `common` for `codes.toml`) is published: the rows of
/// `ledger`, then every product variant they lack, in byte order of code,
/// as `unreleased`. An error names each published variant that
/// `catalog` drops or points at another code, and how to keep it.
pub fn extend<'a>(
    ledger: &[Published],
    catalog: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
) -> Result<Vec<Published>, String> {
    let variants: HashMap<&str, (&str, &str)> = catalog
        .into_iter()
        .map(|(code, variant, file)| (variant, (code, file)))
        .collect();
    let mut problems = Vec::new();
    for row in ledger {
        match variants.get(row.variant.as_str()) {
            None => problems.push(format!(
                "ErrorCode::{} (code {}, published in {}) would be removed: keep its entry, marked retired = true",
                row.variant, row.code, row.since
            )),
            Some((code, _)) if *code != row.code => problems.push(format!(
                "ErrorCode::{} was published for code {} (in {}) but would name {code}: give {code} another variant in data/names.toml",
                row.variant, row.code, row.since
            )),
            Some(_) => {}
        }
    }
    if !problems.is_empty() {
        return Err(format!(
            "a published variant would change:\n  {}",
            problems.join("\n  ")
        ));
    }
    let listed: std::collections::HashSet<&str> =
        ledger.iter().map(|r| r.variant.as_str()).collect();
    let mut new: Vec<(&str, &str, &str)> = variants
        .iter()
        .filter(|(variant, (_, file))| *file != "common" && !listed.contains(**variant))
        .map(|(variant, (code, file))| (*code, *variant, *file))
        .collect();
    new.sort_unstable();
    let mut rows = ledger.to_vec();
    rows.extend(new.into_iter().map(|(code, variant, file)| Published {
        variant: variant.to_owned(),
        code: code.to_owned(),
        catalog: file.to_owned(),
        since: UNRELEASED.to_owned(),
    }));
    Ok(rows)
}

/// The ledger's text.
pub fn write(rows: &[Published]) -> String {
    let mut text = format!("{HEADER}\n");
    for row in rows {
        text.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            row.variant, row.code, row.catalog, row.since
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ledger() -> Vec<Published> {
        read(&format!(
            "{HEADER}\nAB\tA.B\tcommon\t0.1.0\nC\tC\tcvm\t0.1.0\n"
        ))
        .unwrap()
    }

    #[test]
    fn new_product_variants_are_appended_in_byte_order_of_code() {
        let rows = extend(
            &ledger(),
            [
                ("Z", "Z", "cbs"),
                ("A.B", "AB", "common"),
                ("C", "C", "cvm"),
                ("B", "B", "common"),
                ("Y.A", "YA", "cbs"),
            ],
        )
        .unwrap();
        let text = write(&rows);
        // The common B is left to whoever adds it to codes.toml.
        assert_eq!(
            text,
            format!(
                "{HEADER}\nAB\tA.B\tcommon\t0.1.0\nC\tC\tcvm\t0.1.0\nYA\tY.A\tcbs\tunreleased\nZ\tZ\tcbs\tunreleased\n"
            )
        );
        assert_eq!(read(&text).unwrap(), rows);
    }

    #[test]
    fn a_published_variant_may_not_go_or_change_its_code() {
        let gone = extend(&ledger(), [("A.B", "AB", "common")]).unwrap_err();
        assert!(
            gone.contains("ErrorCode::C (code C, published in 0.1.0) would be removed"),
            "{gone}"
        );
        let moved = extend(&ledger(), [("A.B", "AB", "common"), ("D", "C", "cvm")]).unwrap_err();
        assert!(
            moved.contains("ErrorCode::C was published for code C (in 0.1.0) but would name D"),
            "{moved}"
        );
    }

    #[test]
    fn a_malformed_ledger_is_refused() {
        assert!(read("variant\tcode\tsince\n").is_err());
        assert!(
            read(&format!("{HEADER}\nA\tA\t0.1.0\n"))
                .unwrap_err()
                .contains(":2:")
        );
        assert!(
            read(&format!(
                "{HEADER}\nA\tA\tcommon\t0.1.0\nA\tB\tcommon\t0.1.0\n"
            ))
            .unwrap_err()
            .contains("line 2")
        );
    }
}
