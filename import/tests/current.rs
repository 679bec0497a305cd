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
/// a release would (see the README, "Within crates.io's limits").
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
