//! Regenerates the product catalogs, `products/<product>.toml`, and the
//! product features of `Cargo.toml` from `data/codes.tsv` (every code the
//! official SDKs define, as facts: product, version, code, actions).
//!
//! The hand-made decisions live beside the data, not in its output, so a
//! re-import keeps them: the advice rules and exceptions in
//! [`advice`], variant names and hand-written descriptions in
//! `data/names.toml`. The output depends on those inputs alone: run twice,
//! nothing changes.

pub mod advice;
pub mod describe;
pub mod words;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// The marker lines around the product features in `Cargo.toml`.
pub const FEATURES_BEGIN: &str =
    "# BEGIN product features: written by the import tool (see README), do not edit by hand.";
pub const FEATURES_END: &str = "# END product features";

/// One file the import writes: its path under the repository, its text.
pub type Output = (PathBuf, String);

/// Everything the import writes, from the repository at `root`.
pub fn render(root: &Path) -> Result<Vec<Output>, String> {
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let products = read_tsv(&read("data/codes.tsv")?)?;
    let common = common_codes(&read("codes.toml")?)?;
    let names = Names::parse(&read("data/names.toml")?)?;

    let all_codes: BTreeSet<&str> = products
        .values()
        .flat_map(|p| p.codes.iter().map(String::as_str))
        .filter(|code| !common.contains(*code))
        .collect();
    check_variants(&all_codes, &common, &names)?;

    let mut outputs = Vec::new();
    for (product, data) in &products {
        outputs.push((
            PathBuf::from(format!("products/{product}.toml")),
            product_file(product, data, &common, &names),
        ));
    }
    let manifest = read("Cargo.toml")?;
    outputs.push((
        PathBuf::from("Cargo.toml"),
        with_features(&manifest, products.keys())?,
    ));
    Ok(outputs)
}

/// A product's versions and codes, from the data.
#[derive(Default)]
pub struct Product {
    pub versions: BTreeSet<String>,
    pub codes: BTreeSet<String>,
}

/// `data/codes.tsv`: product, version, code, actions; one header row.
pub fn read_tsv(text: &str) -> Result<BTreeMap<String, Product>, String> {
    let mut products: BTreeMap<String, Product> = BTreeMap::new();
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header.starts_with("product\tversion\tcode") => {}
        _ => return Err("data/codes.tsv: the first line is not the header".to_owned()),
    }
    for (i, line) in lines {
        let mut fields = line.split('\t');
        let (Some(product), Some(version), Some(code)) =
            (fields.next(), fields.next(), fields.next())
        else {
            return Err(format!("data/codes.tsv:{}: fewer than 3 fields", i + 1));
        };
        if !product
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            || product.is_empty()
        {
            return Err(format!(
                "data/codes.tsv:{}: product {product:?} cannot name a feature",
                i + 1
            ));
        }
        let entry = products.entry(product.to_owned()).or_default();
        entry.versions.insert(version.to_owned());
        entry.codes.insert(code.to_owned());
    }
    Ok(products)
}

/// The codes of `codes.toml`, which no product file repeats.
fn common_codes(text: &str) -> Result<BTreeSet<String>, String> {
    let table: toml::Table = text.parse().map_err(|e| format!("codes.toml: {e}"))?;
    let codes = table
        .get("code")
        .and_then(|c| c.as_array())
        .ok_or("codes.toml has no [[code]] entries")?;
    Ok(codes
        .iter()
        .filter_map(|c| c.get("code")?.as_str().map(str::to_owned))
        .collect())
}

/// `data/names.toml`: variant names and hand-written descriptions.
pub struct Names {
    pub variants: HashMap<String, String>,
    pub descriptions: HashMap<String, String>,
}

impl Names {
    pub fn parse(text: &str) -> Result<Names, String> {
        let table: toml::Table = text.parse().map_err(|e| format!("data/names.toml: {e}"))?;
        let section = |name: &str| -> Result<HashMap<String, String>, String> {
            let Some(value) = table.get(name) else {
                return Ok(HashMap::new());
            };
            let section = value
                .as_table()
                .ok_or(format!("data/names.toml: [{name}] is not a table"))?;
            section
                .iter()
                .map(|(k, v)| {
                    v.as_str()
                        .map(|v| (k.clone(), v.to_owned()))
                        .ok_or(format!("data/names.toml: [{name}] {k:?} is not a string"))
                })
                .collect()
        };
        Ok(Names {
            variants: section("variants")?,
            descriptions: section("descriptions")?,
        })
    }

    fn variant(&self, code: &str) -> String {
        self.variants
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.replace('.', ""))
    }
}

/// Every variant name is one code's, in every combination of features:
/// a collision must be settled in `data/names.toml`.
fn check_variants(
    codes: &BTreeSet<&str>,
    common: &BTreeSet<String>,
    names: &Names,
) -> Result<(), String> {
    let mut by_variant: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for code in common
        .iter()
        .map(String::as_str)
        .chain(codes.iter().copied())
    {
        by_variant
            .entry(names.variant(code))
            .or_default()
            .push(code);
    }
    let collisions: Vec<String> = by_variant
        .iter()
        .filter(|(_, codes)| codes.len() > 1)
        .map(|(variant, codes)| format!("{variant}: {}", codes.join(", ")))
        .collect();
    if collisions.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "codes that make the same variant; name one of each in [variants] of data/names.toml:\n  {}",
            collisions.join("\n  ")
        ))
    }
}

fn product_file(product: &str, data: &Product, common: &BTreeSet<String>, names: &Names) -> String {
    let versions: Vec<&str> = data.versions.iter().map(String::as_str).collect();
    let mut out = format!(
        "# The error codes of Tencent Cloud's `{product}` API (version {}), beyond\n\
         # the common codes of codes.toml. Behind the cargo feature `{product}`.\n\
         #\n\
         # Written by the import tool from data/codes.tsv: do not edit. Advice\n\
         # lives in import/src/advice.rs, names and descriptions in\n\
         # data/names.toml; change them there and run the import again.\n",
        versions.join(", ")
    );
    for code in data.codes.iter().filter(|c| !common.contains(*c)) {
        let advice = advice::advise(code);
        let description = names
            .descriptions
            .get(code)
            .cloned()
            .unwrap_or_else(|| describe::describe(code));
        let _ = write!(
            out,
            "\n[[code]]\ncode = {}\ndescription = {}\ncategory = \"{}\"\nretry = \"{}\"\n",
            quote(code),
            quote(&description),
            advice.category,
            advice.retry,
        );
        if let Some(variant) = names.variants.get(code) {
            let _ = writeln!(out, "variant = {}", quote(variant));
        }
    }
    out
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// `manifest` with its product features, between the marker lines,
/// replaced by one feature per product and `all-products`.
pub fn with_features<'a>(
    manifest: &str,
    products: impl Iterator<Item = &'a String>,
) -> Result<String, String> {
    let (Some(begin), Some(end)) = (manifest.find(FEATURES_BEGIN), manifest.find(FEATURES_END))
    else {
        return Err(format!(
            "Cargo.toml lacks the lines {FEATURES_BEGIN:?} and {FEATURES_END:?} around the product features"
        ));
    };
    let products: Vec<&String> = products.collect();
    let mut features = format!("{FEATURES_BEGIN}\n");
    for product in &products {
        let _ = writeln!(features, "{product} = []");
    }
    let _ = writeln!(features, "all-products = [");
    for product in &products {
        let _ = writeln!(features, "    \"{product}\",");
    }
    let _ = writeln!(features, "]");
    Ok(format!(
        "{}{features}{}",
        &manifest[..begin],
        &manifest[end..]
    ))
}

/// The product files in `products/` that the import does not write.
pub fn stale_products(root: &Path, outputs: &[Output]) -> Vec<PathBuf> {
    let Ok(dir) = std::fs::read_dir(root.join("products")) else {
        return Vec::new();
    };
    let mut stale: Vec<PathBuf> = dir
        .filter_map(|e| e.ok())
        .map(|e| PathBuf::from("products").join(e.file_name()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .filter(|p| !outputs.iter().any(|(path, _)| path == p))
        .collect();
    stale.sort();
    stale
}
