//! Invariants of the advice the crate ships, checked on the catalog files
//! themselves (`codes.toml`, `products/*.toml`, `data/reviewed.tsv`), read
//! here independently of the build, so that a user who adds a code, or a
//! refresh that brings new ones, meets the same checks:
//!
//! - no `InternalError.*` code is `safe`: the service faulted, so the
//!   request may have taken effect;
//! - no code of a parameter, permission, not-found, exists or count family
//!   is `safe` unless a review says so, with its reason: the rules never
//!   guess it;
//! - every `safe` or `if-idempotent` verdict of the review rests on two
//!   reads or more, as does every verdict that breaks a family's rule;
//! - `throttling` is `safe`, `quota` and `billing` are `never`.

use std::collections::BTreeMap;
use std::path::Path;

/// One `[[code]]` entry of a catalog file, as the file writes it.
#[derive(Debug)]
struct Shipped {
    file: String,
    category: String,
    retry: String,
    reviewed: bool,
    reason: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every entry of `codes.toml` and of every product file, by code.
fn shipped() -> BTreeMap<String, Shipped> {
    let mut paths = vec![root().join("codes.toml")];
    let mut products: Vec<_> = std::fs::read_dir(root().join("products"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    products.sort();
    paths.extend(products);
    let mut codes = BTreeMap::new();
    for path in paths {
        let table: toml::Table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
        for entry in table
            .get("code")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            let text = |key: &str| entry.get(key).and_then(|v| v.as_str()).map(str::to_owned);
            codes.insert(
                text("code").unwrap(),
                Shipped {
                    file: path.file_name().unwrap().to_string_lossy().into_owned(),
                    category: text("category").unwrap(),
                    retry: text("retry").unwrap_or_else(|| "never".to_owned()),
                    reviewed: entry.get("reviewed").and_then(|r| r.as_bool()) == Some(true),
                    reason: text("reason").unwrap_or_default(),
                },
            );
        }
    }
    codes
}

/// `data/reviewed.tsv`: code → (retry, reads).
fn reviewed_reads() -> BTreeMap<String, (String, u8)> {
    let text = std::fs::read_to_string(root().join("data/reviewed.tsv")).unwrap();
    text.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            (
                fields[0].to_owned(),
                (fields[2].to_owned(), fields[5].parse().unwrap()),
            )
        })
        .collect()
}

/// The family rules a code's name puts it under: the lasting facts a
/// `safe` would contradict.
fn lasting_families(code: &str) -> Vec<&'static str> {
    let root = code.split('.').next().unwrap_or(code);
    let detail = code
        .split_once('.')
        .map_or("", |(_, d)| d)
        .to_ascii_lowercase();
    let mut families = Vec::new();
    if root.starts_with("InvalidParameter")
        || matches!(root, "MissingParameter" | "UnknownParameter")
    {
        families.push("parameter");
    }
    if root == "UnauthorizedOperation"
        || detail.contains("nopermission")
        || detail.contains("unauthorized")
    {
        families.push("permission");
    }
    if root == "ResourceNotFound" || detail.contains("notfound") || detail.contains("notexist") {
        families.push("not found");
    }
    if detail.ends_with("exist")
        || detail.ends_with("exists")
        || detail.contains("alreadyexist")
        || detail.contains("duplicate")
    {
        families.push("exists");
    }
    if root == "LimitExceeded" || root.ends_with("QuotaLimitExceeded") || detail.contains("quota") {
        families.push("count");
    }
    families
}

#[test]
fn no_internal_error_is_safe() {
    let safe: Vec<String> = shipped()
        .into_iter()
        .filter(|(code, s)| code.starts_with("InternalError") && s.retry == "safe")
        .map(|(code, s)| format!("{code} ({})", s.file))
        .collect();
    assert!(
        safe.is_empty(),
        "InternalError codes advised safe: {safe:?}"
    );
}

#[test]
fn a_lasting_family_is_safe_only_where_a_review_says_why() {
    let reads = reviewed_reads();
    let mut unexplained = Vec::new();
    let mut explained = 0;
    for (code, s) in shipped() {
        let families = lasting_families(&code);
        if s.retry != "safe" || families.is_empty() {
            continue;
        }
        // The rules never guess it; a review may decide it, with a reason,
        // on two reads at least.
        let two_reads = reads.get(&code).is_some_and(|(_, n)| *n >= 2);
        if s.reviewed && !s.reason.is_empty() && (two_reads || s.file == "codes.toml") {
            explained += 1;
        } else {
            unexplained.push(format!("{code} ({}, {families:?})", s.file));
        }
    }
    assert!(
        unexplained.is_empty(),
        "safe in a lasting family with no reviewed reason: {unexplained:#?}"
    );
    // The review's exceptions stay exceptions.
    let total = shipped().len();
    assert!(explained * 100 < total, "{explained} of {total} codes");
}

#[test]
fn every_retried_verdict_rests_on_two_reads() {
    let weak: Vec<String> = reviewed_reads()
        .into_iter()
        .filter(|(_, (retry, reads))| retry != "never" && *reads < 2)
        .map(|(code, (retry, reads))| format!("{code}: {retry} on {reads} read"))
        .collect();
    assert!(weak.is_empty(), "{weak:#?}");
}

#[test]
fn categories_and_retry_agree() {
    for (code, s) in shipped() {
        match s.category.as_str() {
            "throttling" => assert_eq!(s.retry, "safe", "{code} ({})", s.file),
            "quota" | "billing" => assert_eq!(s.retry, "never", "{code} ({})", s.file),
            _ => {}
        }
    }
}

#[test]
fn the_shipped_catalog_is_what_the_review_decided() {
    let codes = shipped();
    for (code, (retry, _)) in reviewed_reads() {
        let Some(s) = codes.get(&code) else {
            panic!("{code} is reviewed but in no catalog file");
        };
        assert!(
            s.reviewed,
            "{code} ({}) is reviewed but not marked so",
            s.file
        );
        assert_eq!(&s.retry, &retry, "{code} ({})", s.file);
    }
}
