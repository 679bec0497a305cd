//! Reads `codes.toml`, the product catalogs whose features are on
//! (`products/<name>.toml`, feature `<name>`), the family advice
//! (`families.toml`) and any extra catalog files named in
//! `TENCENTCLOUD_ERROR_CODES_EXTRA`, validates them as one catalog
//! and writes its Rust source to `$OUT_DIR/catalog.rs`, which
//! `src/generated.rs` includes. The data model and every rule live in
//! the modules of `build/` (`build/catalog.rs` lists them), the output's
//! shape in `build/codegen.rs`.

#[path = "build/catalog.rs"]
mod catalog;
#[path = "build/codegen.rs"]
mod codegen;

use std::path::{Path, PathBuf};

use catalog::{Catalog, EXTRA_VAR, Kind, Source};

const CATALOG: &str = "codes.toml";
const PRODUCTS: &str = "products";
const FAMILIES: &str = "families.toml";

fn main() {
    for path in [CATALOG, PRODUCTS, FAMILIES]
        .iter()
        .chain(catalog::BUILD_INPUTS)
    {
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

/// A catalog file to read: its name in messages, its path and its part.
struct File {
    name: String,
    path: PathBuf,
    part: Part,
}

/// What part a file plays; [`Kind`] borrows from it.
enum Part {
    Common,
    Product(String),
    Extra,
    Families,
}

fn run() -> Result<(), Vec<String>> {
    let mut files = vec![File {
        name: CATALOG.to_owned(),
        path: PathBuf::from(CATALOG),
        part: Part::Common,
    }];
    files.extend(enabled_products()?);
    files.push(File {
        name: FAMILIES.to_owned(),
        path: PathBuf::from(FAMILIES),
        part: Part::Families,
    });
    if let Some(value) = std::env::var_os(EXTRA_VAR) {
        for path in catalog::extra_files(&value)? {
            println!("cargo::rerun-if-changed={}", path.display());
            let name = path.display().to_string();
            files.push(File {
                name,
                path,
                part: Part::Extra,
            });
        }
    }
    let mut texts = Vec::with_capacity(files.len());
    let mut unreadable = Vec::new();
    for file in &files {
        match (std::fs::read_to_string(&file.path), &file.part) {
            (Ok(text), _) => texts.push(text),
            (Err(e), Part::Extra) => unreadable.push(format!(
                "cannot read {}, named in {EXTRA_VAR}: {e}",
                file.name
            )),
            (Err(e), _) => unreadable.push(format!("cannot read {}: {e}", file.name)),
        }
    }
    if !unreadable.is_empty() {
        return Err(unreadable);
    }
    let sources: Vec<Source<'_>> = files
        .iter()
        .zip(&texts)
        .map(|(file, text)| Source {
            name: &file.name,
            text,
            kind: match &file.part {
                Part::Common => Kind::Common,
                Part::Product(product) => Kind::Product(product),
                Part::Extra => Kind::Extra,
                Part::Families => Kind::Families,
            },
        })
        .collect();
    let catalog = Catalog::parse(&sources)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    for warning in &catalog.warnings {
        println!("cargo::warning={warning}");
    }

    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let generated = codegen::generate(&catalog);
    for warning in &generated.warnings {
        println!("cargo::warning={warning}");
    }
    write(&out.join("catalog.rs"), &generated.source)?;
    // Only benches/lookup.rs includes it; writing it costs at most 0.2 ms
    // (at 1,000 codes, the largest that gets a match), against about 10 ms
    // for the catalog itself (BENCHMARKS.md), so every build writes it.
    write(
        &out.join("match_floor.rs"),
        &codegen::generate_match_floor(&catalog),
    )
}

/// The product catalogs whose cargo feature is on, in ASCII order. Cargo
/// tells a build script each enabled feature as `CARGO_FEATURE_<NAME>`.
fn enabled_products() -> Result<Vec<File>, Vec<String>> {
    let dir = std::fs::read_dir(PRODUCTS)
        .map_err(|e| vec![format!("cannot read the directory {PRODUCTS}: {e}")])?;
    let mut products = Vec::new();
    for entry in dir {
        let path = entry
            .map_err(|e| vec![format!("cannot read the directory {PRODUCTS}: {e}")])?
            .path();
        let Some(name) = product_name(&path) else {
            continue;
        };
        let feature = format!("CARGO_FEATURE_{}", name.to_ascii_uppercase());
        if std::env::var_os(feature).is_some() {
            products.push(File {
                name: format!("{PRODUCTS}/{name}.toml"),
                path,
                part: Part::Product(name),
            });
        }
    }
    products.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(products)
}

/// `products/cvm.toml` → `cvm`: the feature's name.
fn product_name(path: &Path) -> Option<String> {
    if path.extension()? != "toml" {
        return None;
    }
    path.file_stem()?.to_str().map(str::to_owned)
}

fn write(path: &Path, text: &str) -> Result<(), Vec<String>> {
    std::fs::write(path, text).map_err(|e| vec![format!("cannot write {}: {e}", path.display())])
}
