//! Reads `codes.toml`, validates it and writes the catalog's Rust source to
//! `$OUT_DIR/catalog.rs`, which `src/generated.rs` includes. The data model
//! and every rule live in `build/catalog.rs`, the output's shape in
//! `build/codegen.rs`.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/codegen.rs"]
mod codegen;

use std::path::PathBuf;

use catalog::{Catalog, Source};

const CATALOG: &str = "codes.toml";

fn main() {
    for path in [CATALOG, "build.rs", "build/catalog.rs", "build/codegen.rs"] {
        println!("cargo::rerun-if-changed={path}");
    }
    // Cargo fails the build after a `cargo::error`, showing each message.
    if let Err(problems) = run() {
        for problem in problems {
            println!("cargo::error={problem}");
        }
    }
}

fn run() -> Result<(), Vec<String>> {
    let text = std::fs::read_to_string(CATALOG)
        .map_err(|e| vec![format!("cannot read {CATALOG}: {e}")])?;
    let sources = [Source {
        name: CATALOG,
        text: &text,
    }];
    let catalog = Catalog::parse(&sources)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;

    let out =
        PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("catalog.rs");
    std::fs::write(&out, codegen::generate(&catalog))
        .map_err(|e| vec![format!("cannot write {}: {e}", out.display())])
}
