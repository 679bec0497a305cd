//! A variant, once published, is never removed and never names another
//! code. `data/variants.tsv` lists every variant the crate has published
//! with its code; this test holds the catalog this build generated to it.
//! Adding a code never fails it: only the ledger's rows are checked.
//!
//! With `all-products`, every row is checked; in a build without it, the
//! rows of the common codes (`catalog` is `common`), which every build
//! holds.

use std::collections::{HashMap, HashSet};

use tencentcloud_error_codes::ErrorCode;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One row of the ledger.
struct Published {
    variant: String,
    code: String,
    /// `common`, or the product whose catalog holds the code.
    catalog: String,
    since: String,
}

fn ledger() -> Vec<Published> {
    let text = std::fs::read_to_string(format!("{ROOT}/data/variants.tsv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("variant\tcode\tcatalog\tsince"));
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "{line:?}");
            Published {
                variant: fields[0].into(),
                code: fields[1].into(),
                catalog: fields[2].into(),
                since: fields[3].into(),
            }
        })
        .collect()
}

/// The codes `codes.toml` defines.
fn common_codes() -> HashSet<String> {
    let text = std::fs::read_to_string(format!("{ROOT}/codes.toml")).unwrap();
    let table: toml::Table = text.parse().unwrap();
    table["code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap().to_owned())
        .collect()
}

/// The problems of this build's catalog against `ledger`, one line each.
fn broken_promises(ledger: &[Published], checked: impl Fn(&Published) -> bool) -> Vec<String> {
    let by_variant: HashMap<String, ErrorCode> = ErrorCode::ALL
        .iter()
        .map(|&code| (format!("{code:?}"), code))
        .collect();
    let mut problems = Vec::new();
    for row in ledger.iter().filter(|row| checked(row)) {
        let Published {
            variant,
            code,
            since,
            ..
        } = row;
        match by_variant.get(variant) {
            None => problems.push(format!(
                "ErrorCode::{variant} (code {code}, published in {since}) is gone. A published variant is never removed: keep the entry of {code} and mark it retired = true; if another code now makes this name, give that one another with variant = \"...\""
            )),
            Some(now) if now.as_str() != code => problems.push(format!(
                "ErrorCode::{variant} was published for code {code} (in {since}) but now names {}: keep {code} under this name, and give {} another with variant = \"...\"",
                now.as_str(),
                now.as_str()
            )),
            Some(_) => {}
        }
    }
    problems
}

#[test]
fn every_published_variant_still_names_its_code() {
    let ledger = ledger();
    let all_products = cfg!(feature = "all-products");
    let problems = broken_promises(&ledger, |row| all_products || row.catalog == "common");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_ledger_lists_each_variant_once_and_every_common_code() {
    let ledger = ledger();
    let mut variants = HashSet::new();
    for Published { variant, since, .. } in &ledger {
        assert!(
            variants.insert(variant.clone()),
            "{variant} is listed twice"
        );
        assert!(
            since == "unreleased" || since.split('.').all(|n| n.parse::<u32>().is_ok()),
            "{variant}: since {since:?} is neither a version nor `unreleased`"
        );
    }
    // A common code of the ledger is one of codes.toml (a code added since
    // is simply not listed yet).
    let defined = common_codes();
    let common: Vec<&str> = ledger
        .iter()
        .filter(|row| row.catalog == "common")
        .map(|row| row.code.as_str())
        .collect();
    assert!(common.len() >= 38, "the 38 common codes of 0.1.0 at least");
    for code in common {
        assert!(
            defined.contains(code),
            "{code} is common in the ledger but not in codes.toml"
        );
    }
}

#[test]
fn a_removed_or_renamed_variant_is_named_with_the_fix() {
    // The checker on rows made to fail: one gone, one moved to another code.
    let row = |variant: &str, code: &str| Published {
        variant: variant.into(),
        code: code.into(),
        catalog: "common".into(),
        since: "0.1.0".into(),
    };
    let rows = [
        row("GoneVariant", "Gone.Code"),
        row("InternalError", "InternalError.Other"),
        row("InvalidParameter", "InvalidParameter"),
    ];
    let problems = broken_promises(&rows, |_| true);
    assert_eq!(problems.len(), 2, "{problems:#?}");
    assert!(
        problems[0]
            .starts_with("ErrorCode::GoneVariant (code Gone.Code, published in 0.1.0) is gone")
    );
    assert!(problems[0].contains("retired = true"));
    assert!(problems[1].starts_with(
        "ErrorCode::InternalError was published for code InternalError.Other (in 0.1.0) but now names InternalError"
    ));
    assert!(problems[1].contains("variant = \"...\""));
}
