//! The committed product catalogs and features are what the import writes:
//! fails when someone edits a product file by hand, or changes the data or
//! the rules without running the import.

use std::path::Path;

use tencentcloud_error_codes_import::{render, stale_products};

#[test]
fn the_committed_catalogs_are_what_the_import_writes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let outputs = render(&root).unwrap();
    for (path, text) in &outputs {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            &committed == text,
            "{} differs from what the import writes: run `cargo run -p tencentcloud-error-codes-import`",
            path.display()
        );
    }
    assert_eq!(
        stale_products(&root, &outputs),
        Vec::<std::path::PathBuf>::new()
    );
}

#[test]
fn the_import_is_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    assert_eq!(render(&root).unwrap(), render(&root).unwrap());
}

/// crates.io refuses to publish a crate with more than 300 features; the
/// product features grow with Tencent Cloud's products. This fails before
/// a release would (see CONTRIBUTING.md, "Within crates.io's limits").
#[test]
fn the_crate_stays_within_crates_io_feature_limit() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml"))
        .unwrap()
        .parse()
        .unwrap();
    let features = manifest["features"].as_table().unwrap();
    // Optional dependencies become implicit features unless `dep:` hides
    // them; count those too.
    let implicit = manifest["dependencies"]
        .as_table()
        .unwrap()
        .iter()
        .filter(|(name, spec)| {
            spec.get("optional").and_then(|o| o.as_bool()) == Some(true)
                && !features
                    .values()
                    .flat_map(|v| v.as_array().unwrap())
                    .any(|f| f.as_str() == Some(&format!("dep:{name}")))
        })
        .count();
    let total = features.len() + implicit;
    assert!(
        total <= tencentcloud_error_codes_import::CRATES_IO_MAX_FEATURES,
        "{total} features: crates.io accepts at most {}",
        tencentcloud_error_codes_import::CRATES_IO_MAX_FEATURES
    );
    // Every product catalog has its feature, and all-products names each.
    let products: Vec<String> = std::fs::read_dir(root.join("products"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_owned()))
        .collect();
    let all = features["all-products"].as_array().unwrap();
    for product in &products {
        assert!(features.contains_key(product), "no feature {product}");
        assert!(all.iter().any(|f| f.as_str() == Some(product)), "{product}");
    }
}

/// The rules are the guess for a code nobody has reviewed yet; the review
/// measures them. Over every reviewed code, the rules' retry must agree
/// with the review at least this often, and call `safe` what the review
/// does not at most this rarely. A change to a rule shows its effect here
/// on thousands of real decisions: `import --agreement` lists them.
const RETRY_AGREEMENT_FLOOR: f64 = 0.95;
const WRONGLY_SAFE_CEILING: f64 = 0.005;

#[test]
fn the_rules_agree_with_the_review() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("data/codes.tsv")).unwrap();
    let rows = tencentcloud_error_codes_import::data::read(&text).unwrap();
    let facts = tencentcloud_error_codes_import::code_facts(&rows);
    let codes_toml = std::fs::read_to_string(root.join("codes.toml")).unwrap();
    let reviewed = tencentcloud_error_codes_import::read_reviewed(&root, &codes_toml).unwrap();
    let measured = tencentcloud_error_codes_import::agreement(&facts, &reviewed);
    assert_eq!(
        measured.codes,
        reviewed.len(),
        "every reviewed code is measured"
    );
    assert!(
        measured.retry_share() >= RETRY_AGREEMENT_FLOOR,
        "the rules agree with the review on {:.1}% of {} codes, below the floor of {:.0}%: {:?}",
        100.0 * measured.retry_share(),
        measured.codes,
        100.0 * RETRY_AGREEMENT_FLOOR,
        measured.confusion
    );
    let wrongly_safe = measured.wrongly_safe.len() as f64 / measured.codes.max(1) as f64;
    assert!(
        wrongly_safe <= WRONGLY_SAFE_CEILING,
        "the rules guess safe for {} codes the review does not: {:?}",
        measured.wrongly_safe.len(),
        measured.wrongly_safe
    );
}
