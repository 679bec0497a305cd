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
