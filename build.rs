//! Reads `codes.toml` and any extra catalog files named in
//! `TENCENTCLOUD_ERROR_CODES_EXTRA`, validates them as one catalog and writes
//! its Rust source to `$OUT_DIR/catalog.rs`, which `src/generated.rs`
//! includes. The data model and every rule live in `build/catalog.rs`, the
//! output's shape in `build/codegen.rs`.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/codegen.rs"]
mod codegen;

use std::path::PathBuf;

use catalog::{Catalog, EXTRA_VAR, Source};

const CATALOG: &str = "codes.toml";

fn main() {
    for path in [CATALOG, "build.rs", "build/catalog.rs", "build/codegen.rs"] {
        println!("cargo::rerun-if-changed={path}");
    }
    println!("cargo::rerun-if-env-changed={EXTRA_VAR}");
    // Cargo fails the build after a `cargo::error`, showing each message.
    if let Err(problems) = run() {
        for problem in problems {
            println!("cargo::error={problem}");
        }
    }
}

fn run() -> Result<(), Vec<String>> {
    let mut files = vec![(CATALOG.to_owned(), std::fs::read_to_string(CATALOG))];
    if let Some(value) = std::env::var_os(EXTRA_VAR) {
        for path in catalog::extra_files(&value)? {
            println!("cargo::rerun-if-changed={}", path.display());
            files.push((path.display().to_string(), std::fs::read_to_string(&path)));
        }
    }
    let mut texts = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for (name, text) in files {
        match text {
            Ok(text) => texts.push((name, text)),
            Err(e) if name == CATALOG => unreadable.push(format!("cannot read {CATALOG}: {e}")),
            Err(e) => unreadable.push(format!("cannot read {name}, named in {EXTRA_VAR}: {e}")),
        }
    }
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let catalog = Catalog::parse(&sources)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;

    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(&out, codegen::generate(&catalog))
        .map_err(|e| vec![format!("cannot write {}: {e}", out.display())])
}
