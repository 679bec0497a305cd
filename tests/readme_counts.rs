//! The README's "The catalog in numbers" is the one place the documents
//! give the catalog's counts. Each line is checked here against the
//! catalog files, read independently of the build, counting the codes the
//! crate publishes: those of the variant ledger (`data/variants.tsv`). So a
//! refresh, which appends to the ledger, fails until the README says its
//! counts, while a user who adds a code of their own to `codes.toml` keeps
//! every test passing. (The split of
//! the common codes between the seed page and later documentation is
//! history, not a count of the files, and is not checked.)

use std::collections::BTreeMap;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap()
}

fn table(path: &str) -> toml::Table {
    read(path).parse().unwrap()
}

/// `12,780` → 12780.
fn number(text: &str) -> usize {
    text.replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("{text:?} is no number"))
}

/// The line of the numbers section that starts with `- {label}: `, after
/// the label.
fn line(readme: &str, label: &str) -> String {
    let section = readme
        .split("\n## The catalog in numbers\n")
        .nth(1)
        .expect("README.md has the section \"The catalog in numbers\"");
    let section = section.split("\n## ").next().unwrap();
    section
        .lines()
        .find_map(|l| l.strip_prefix(&format!("- {label}: ")))
        .unwrap_or_else(|| panic!("no line \"- {label}: ...\" in the numbers section"))
        .to_owned()
}

/// Each code of a catalog file's entries with (retry, retired, reviewed).
fn entries(table: &toml::Table) -> Vec<(String, String, bool, bool)> {
    table
        .get("code")
        .and_then(|c| c.as_array())
        .map(|codes| {
            codes
                .iter()
                .map(|e| {
                    let flag = |k: &str| e.get(k).and_then(|v| v.as_bool()).unwrap_or(false);
                    (
                        e["code"].as_str().unwrap().to_owned(),
                        e.get("retry")
                            .and_then(|v| v.as_str())
                            .unwrap_or("never")
                            .to_owned(),
                        flag("retired"),
                        flag("reviewed"),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The codes of the variant ledger: every code the crate has published.
fn published() -> std::collections::HashSet<String> {
    read("data/variants.tsv")
        .lines()
        .skip(1)
        .filter_map(|line| line.split('\t').nth(1).map(str::to_owned))
        .collect()
}

#[test]
fn the_readme_numbers_are_the_catalog_files() {
    let readme = read("README.md");
    let published = published();
    let mut common = entries(&table("codes.toml"));
    common.retain(|(code, ..)| published.contains(code));
    let mut products = 0;
    let mut by_code: BTreeMap<String, (String, bool, bool)> = BTreeMap::new();
    for file in std::fs::read_dir(Path::new(ROOT).join("products")).unwrap() {
        let path = file.unwrap().path();
        products += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        for (code, retry, retired, reviewed) in entries(&text.parse().unwrap()) {
            if published.contains(&code) {
                by_code.insert(code, (retry, retired, reviewed));
            }
        }
    }
    let retired = by_code.values().filter(|(_, retired, _)| *retired).count();
    assert_eq!(number(&line(&readme, "common codes")), common.len());
    assert_eq!(
        line(&readme, "product codes"),
        format!(
            "{}, from {products} products ({retired} of them retired)",
            thousands(by_code.len())
        )
    );
    let all = common.len() + by_code.len();
    assert_eq!(number(&line(&readme, "codes with all-products")), all);

    let mut retries: BTreeMap<String, usize> = BTreeMap::new();
    let advice = common
        .iter()
        .map(|(_, retry, ..)| retry)
        .chain(by_code.values().map(|(retry, ..)| retry));
    for retry in advice {
        *retries.entry(retry.clone()).or_default() += 1;
    }
    let count = |r: &str| thousands(retries.get(r).copied().unwrap_or(0));
    assert_eq!(
        line(&readme, "advice with all-products"),
        format!(
            "{} never, {} safe, {} if-idempotent",
            count("never"),
            count("safe"),
            count("if-idempotent")
        )
    );

    let current: Vec<_> = common
        .iter()
        .map(|(_, _, retired, reviewed)| (*retired, *reviewed))
        .chain(
            by_code
                .values()
                .map(|(_, retired, reviewed)| (*retired, *reviewed)),
        )
        .collect();
    let reviewed = current.iter().filter(|(_, reviewed)| *reviewed).count();
    let unreviewed_current = current
        .iter()
        .filter(|(retired, reviewed)| !retired && !reviewed)
        .count();
    let reviewed_line = line(&readme, "reviewed");
    assert_eq!(
        unreviewed_current, 0,
        "the README says every current code is reviewed"
    );
    assert!(
        reviewed_line.starts_with(&format!("every current code ({})", thousands(reviewed))),
        "{reviewed_line}"
    );
    assert!(
        reviewed_line.contains(&format!("the {retired} retired codes")),
        "{reviewed_line}"
    );

    let families = table("families.toml")["family"].as_array().unwrap().len();
    assert_eq!(number(&line(&readme, "families")), families);
    let features = line(&readme, "cargo features");
    assert!(
        features.starts_with(&format!("{} ({products} products,", products + 2)),
        "{features}"
    );
}

/// 12780 → `12,780`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
