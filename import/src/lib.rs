//! Keeps the catalog current with Tencent Cloud's official SDKs.
//!
//! - [`refresh`]: reads the SDKs ([`sdk`]: the Python wheels, and Go
//!   source trees when a maintainer has them), derives [`tags`] from what
//!   each code's description says, and rewrites `data/codes.tsv` ([`data`]),
//!   retiring, never removing, what the SDKs dropped.
//! - [`render`]: writes the product catalogs, `products/<product>.toml`,
//!   and the product features of `Cargo.toml` from `data/codes.tsv`, with
//!   the advice of [`advice`], and validates every file it writes with the
//!   build script's own catalog model (`build/catalog.rs`), so the two cannot disagree.
//!
//! The hand-made decisions live beside the data, not in its output, so a
//! re-import keeps them: the reviewed advice and meanings in
//! `data/reviewed.tsv` ([`review`]), which win; the rules that guess for a
//! code nobody has reviewed yet in [`advice`]; variant names and
//! hand-written descriptions in `data/names.toml`. The output depends on
//! those inputs alone: run twice, nothing changes.

pub mod advice;
pub mod data;
pub mod describe;
pub mod families;
pub mod ledger;
pub mod refresh;
pub mod review;
pub mod sdk;
pub mod tags;
pub mod words;

/// The build script's catalog model and validator, shared so that the
/// import names variants and checks files exactly as the build does.
#[path = "../../build/catalog.rs"]
#[allow(dead_code)]
mod catalog;

pub use catalog::Retry;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write;
use std::path::{Path, PathBuf};

use data::Row;
use review::Verdict;
use tags::Tags;

/// The marker lines around the product features in `Cargo.toml`.
pub const FEATURES_BEGIN: &str = "# BEGIN product features: written by the import tool (see CONTRIBUTING.md), do not edit by hand.";
pub const FEATURES_END: &str = "# END product features";

/// crates.io refuses a crate with more features than this.
pub const CRATES_IO_MAX_FEATURES: usize = 300;

/// One file the import writes: its path under the repository, its text.
pub type Output = (PathBuf, String);

/// What the data says of one code, across its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CodeFacts {
    /// The tags of its current rows (of every row, for a retired code).
    pub tags: Tags,
    /// No SDK defines it for any product any more.
    pub retired: bool,
}

/// Each code's facts, from the rows of `data/codes.tsv`.
pub fn code_facts(rows: &[Row]) -> BTreeMap<&str, CodeFacts> {
    let mut facts: BTreeMap<&str, (Tags, Tags, bool)> = BTreeMap::new();
    for row in rows {
        let (current, all, any_current) = facts.entry(&row.code).or_default();
        // A lasting fact one product states outweighs another's hope.
        *all = tags::combine([*all, row.tags]);
        if !row.retired {
            *current = tags::combine([*current, row.tags]);
            *any_current = true;
        }
    }
    facts
        .into_iter()
        .map(|(code, (current, all, any_current))| {
            let facts = CodeFacts {
                tags: if any_current { current } else { all },
                retired: !any_current,
            };
            (code, facts)
        })
        .collect()
}

/// What the catalog says of a code's advice: the review's verdict, or
/// the rules' guess for a code nobody has reviewed yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub category: String,
    pub retry: Retry,
    /// A person read the code's descriptions and decided.
    pub reviewed: bool,
    /// The review's reason, or the rule that guessed.
    pub reason: String,
}

impl Decision {
    fn of(code: &str, facts: &CodeFacts, verdict: Option<&Verdict>) -> Decision {
        match verdict {
            Some(v) => Decision {
                category: v.category.clone(),
                retry: v.retry,
                reviewed: true,
                reason: v.reason.clone(),
            },
            None => {
                let guess = advice::advise(code, facts.tags);
                Decision {
                    category: guess.category.to_owned(),
                    retry: guess.retry,
                    reviewed: false,
                    reason: format!("rules' guess ({})", guess.rule),
                }
            }
        }
    }
}

/// The advice of every code of the data: reviewed where `reviewed` has a
/// verdict, guessed by the rules elsewhere.
pub fn advice_by_code<'a>(
    facts: &BTreeMap<&'a str, CodeFacts>,
    reviewed: &BTreeMap<String, Verdict>,
) -> BTreeMap<&'a str, Decision> {
    facts
        .iter()
        .map(|(&code, f)| (code, Decision::of(code, f, reviewed.get(code))))
        .collect()
}

/// `data/reviewed.tsv` under `root`, checked against `codes_toml`: its
/// categories, and its codes, which are reviewed there instead.
pub fn read_reviewed(root: &Path, codes_toml: &str) -> Result<BTreeMap<String, Verdict>, String> {
    let text = std::fs::read_to_string(root.join("data/reviewed.tsv"))
        .map_err(|e| format!("cannot read data/reviewed.tsv: {e}"))?;
    let common = parse_common(codes_toml)?;
    let names: Vec<&str> = common.categories.iter().map(|c| c.name.as_str()).collect();
    let verdicts = review::read(&text, &names)?;
    let common_reviewed: Vec<&str> = verdicts
        .keys()
        .map(String::as_str)
        .filter(|c| common.entries.iter().any(|e| e.code == *c))
        .collect();
    if !common_reviewed.is_empty() {
        return Err(format!(
            "data/reviewed.tsv reviews common codes, which are reviewed in codes.toml: {}",
            common_reviewed.join(", ")
        ));
    }
    Ok(verdicts)
}

/// Every code `data/reviewed.tsv` reviews is a code of the data: a review
/// of a misspelt code would silently review nothing.
fn check_reviewed_codes(
    verdicts: &BTreeMap<String, Verdict>,
    facts: &BTreeMap<&str, CodeFacts>,
) -> Result<(), String> {
    let strays: Vec<&str> = verdicts
        .keys()
        .map(String::as_str)
        .filter(|c| !facts.contains_key(c))
        .collect();
    match strays.is_empty() {
        true => Ok(()),
        false => Err(format!(
            "data/reviewed.tsv reviews codes that data/codes.tsv does not hold; fix or remove them: {}",
            strays.join(", ")
        )),
    }
}

/// Everything the import writes, from the repository at `root`. Every code
/// `data/reviewed.tsv` reviews must be a code of the data.
pub fn render(root: &Path) -> Result<Vec<Output>, String> {
    let text = std::fs::read_to_string(root.join("data/codes.tsv"))
        .map_err(|e| format!("cannot read data/codes.tsv: {e}"))?;
    render_whole(root, &data::read(&text)?, &read_reviewed_at(root)?)
}

/// `data/reviewed.tsv`, checked against the `codes.toml` at `root`.
fn read_reviewed_at(root: &Path) -> Result<BTreeMap<String, Verdict>, String> {
    let codes_toml = std::fs::read_to_string(root.join("codes.toml"))
        .map_err(|e| format!("cannot read codes.toml: {e}"))?;
    read_reviewed(root, &codes_toml)
}

/// Everything the import writes when `rows` are the whole data, as after a
/// refresh: every review must name a code of `rows`, and the variant
/// ledger (`data/variants.tsv`) gains the new variants and must keep every
/// published one. `reviewed` is `data/reviewed.tsv` as [`read_reviewed`]
/// gives it, read once by a caller that needs it too.
pub fn render_whole(
    root: &Path,
    rows: &[Row],
    reviewed: &BTreeMap<String, Verdict>,
) -> Result<Vec<Output>, String> {
    render_data(root, rows, true, reviewed)
}

/// Everything the import writes for the data `rows`, with the rest of the
/// repository at `root`, where `rows` may be a part of the data: reviews
/// of codes `rows` does not hold are ignored, and the ledger is left
/// alone.
pub fn render_rows(root: &Path, rows: &[Row]) -> Result<Vec<Output>, String> {
    render_data(root, rows, false, &read_reviewed_at(root)?)
}

fn render_data(
    root: &Path,
    rows: &[Row],
    whole: bool,
    reviewed: &BTreeMap<String, Verdict>,
) -> Result<Vec<Output>, String> {
    let read = |path: &str| {
        std::fs::read_to_string(root.join(path)).map_err(|e| format!("cannot read {path}: {e}"))
    };
    let codes_toml = read("codes.toml")?;
    let common = common_codes(&codes_toml)?;
    let names = Names::parse(&read("data/names.toml")?)?;
    let facts = code_facts(rows);
    if whole {
        check_reviewed_codes(reviewed, &facts)?;
    }
    let advice = advice_by_code(&facts, reviewed);

    let mut products: BTreeMap<&str, Product> = BTreeMap::new();
    for row in rows {
        let product = products.entry(&row.product).or_default();
        product.versions.insert(&row.version);
        product.codes.insert(&row.code);
    }
    if products.len() + 2 > CRATES_IO_MAX_FEATURES {
        return Err(format!(
            "{} products and `serde` and `all-products` make more than the {CRATES_IO_MAX_FEATURES} features crates.io accepts; see CONTRIBUTING.md on splitting the catalog",
            products.len()
        ));
    }
    let product_codes: BTreeSet<&str> = facts
        .keys()
        .copied()
        .filter(|code| !common.contains(*code))
        .collect();
    check_variants(&product_codes, &common, &names)?;

    let mut outputs = Vec::new();
    for (product, data) in &products {
        outputs.push((
            PathBuf::from(format!("products/{product}.toml")),
            product_file(product, data, &common, &names, &facts, &advice, reviewed),
        ));
    }
    let catalog = validate(&codes_toml, &outputs)?;
    let published = ledger::read(&read("data/variants.tsv")?)?;
    // The families speak for the product codes and the published common
    // ones: a code a user adds to codes.toml (and to no ledger) leaves the
    // families, and so every test, as they are.
    let published_common: BTreeSet<&str> = published
        .iter()
        .filter(|row| row.catalog == "common")
        .map(|row| row.code.as_str())
        .collect();
    let family_members = catalog.entries.iter().filter(|e| {
        !common.contains(e.code.as_str()) || published_common.contains(e.code.as_str())
    });
    let families_toml = families::file(&families::families(family_members.map(|e| {
        (
            e.code.as_str(),
            catalog.categories[e.category].name.as_str(),
            e.retry,
        )
    })));
    validate_families(&codes_toml, &families_toml)?;
    outputs.push((PathBuf::from("families.toml"), families_toml));
    if whole {
        let ledger = ledger::extend(
            &published,
            catalog.entries.iter().map(|e| {
                let file = match e.products.first() {
                    Some(&p) if !common.contains(e.code.as_str()) => catalog.products[p].as_str(),
                    _ => "common",
                };
                (e.code.as_str(), e.variant.as_str(), file)
            }),
        )?;
        outputs.push((PathBuf::from("data/variants.tsv"), ledger::write(&ledger)));
    }
    let manifest = read("Cargo.toml")?;
    outputs.push((
        PathBuf::from("Cargo.toml"),
        with_features(&manifest, products.keys().copied())?,
    ));
    Ok(outputs)
}

/// Every product file, with `codes.toml`, is a sound catalog to the build
/// script's own validator: what the import writes, the build accepts.
/// Returns that catalog: every code with its advice.
fn validate(codes_toml: &str, outputs: &[Output]) -> Result<catalog::Catalog, String> {
    let names: Vec<String> = outputs
        .iter()
        .map(|(path, _)| path.display().to_string())
        .collect();
    let products: Vec<String> = outputs
        .iter()
        .map(|(path, _)| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let mut sources = vec![catalog::Source {
        name: "codes.toml",
        text: codes_toml,
        kind: catalog::Kind::Common,
    }];
    for (i, (_, text)) in outputs.iter().enumerate() {
        sources.push(catalog::Source {
            name: &names[i],
            text,
            kind: catalog::Kind::Product(&products[i]),
        });
    }
    catalog::Catalog::parse(&sources).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!(
            "the catalog the import would write does not validate:\n  {}",
            lines.join("\n  ")
        )
    })
}

/// `families.toml`, with `codes.toml`, is sound to the build's validator.
fn validate_families(codes_toml: &str, families_toml: &str) -> Result<(), String> {
    let sources = [
        catalog::Source {
            name: "codes.toml",
            text: codes_toml,
            kind: catalog::Kind::Common,
        },
        catalog::Source {
            name: "families.toml",
            text: families_toml,
            kind: catalog::Kind::Families,
        },
    ];
    catalog::Catalog::parse(&sources)
        .map(|_| ())
        .map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
            format!(
                "families.toml would not validate:\n  {}",
                lines.join("\n  ")
            )
        })
}

/// A product's versions and codes, from the data.
#[derive(Default)]
struct Product<'a> {
    versions: BTreeSet<&'a str>,
    codes: BTreeSet<&'a str>,
}

/// The codes of `codes.toml`, which no product file repeats, read with the
/// build script's own validator.
pub fn common_codes(text: &str) -> Result<BTreeSet<String>, String> {
    Ok(parse_common(text)?
        .entries
        .into_iter()
        .map(|e| e.code)
        .collect())
}

/// `codes.toml` alone, as the build script's validator reads it.
fn parse_common(text: &str) -> Result<catalog::Catalog, String> {
    let source = catalog::Source {
        name: "codes.toml",
        text,
        kind: catalog::Kind::Common,
    };
    catalog::Catalog::parse(&[source]).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        lines.join("\n")
    })
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
            .unwrap_or_else(|| catalog::default_variant(code))
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

fn product_file(
    product: &str,
    data: &Product<'_>,
    common: &BTreeSet<String>,
    names: &Names,
    facts: &BTreeMap<&str, CodeFacts>,
    advice: &BTreeMap<&str, Decision>,
    reviewed: &BTreeMap<String, Verdict>,
) -> String {
    let versions: Vec<&str> = data.versions.iter().copied().collect();
    let mut out = format!(
        "# The error codes of Tencent Cloud's `{product}` API (version {}), beyond\n\
         # the common codes of codes.toml. Behind the cargo feature `{product}`.\n\
         #\n\
         # Written by the import tool from data/codes.tsv: do not edit. Reviewed\n\
         # advice and meanings live in data/reviewed.tsv, the rules that guess\n\
         # for a code not yet reviewed in import/src/advice.rs, names in\n\
         # data/names.toml; change them there and run the import again.\n",
        versions.join(", ")
    );
    let returned: Vec<String> = data
        .codes
        .iter()
        .filter(|c| common.contains(**c))
        .map(|c| quote(c))
        .collect();
    if !returned.is_empty() {
        let _ = write!(
            out,
            "\n# The common codes of codes.toml that the product's SDK lists.\ncommon = [\n{}]\n",
            returned
                .iter()
                .map(|c| format!("    {c},\n"))
                .collect::<String>()
        );
    }
    for &code in data.codes.iter().filter(|c| !common.contains(**c)) {
        let advice = &advice[code];
        let description = match reviewed.get(code) {
            Some(verdict) => verdict.meaning.clone(),
            None => names
                .descriptions
                .get(code)
                .cloned()
                .unwrap_or_else(|| describe::describe(code)),
        };
        let _ = write!(
            out,
            "\n[[code]]\ncode = {}\ndescription = {}\ncategory = \"{}\"\nretry = \"{}\"\n",
            quote(code),
            quote(&description),
            advice.category,
            advice.retry,
        );
        if advice.reviewed {
            let _ = writeln!(out, "reviewed = true");
        }
        let _ = writeln!(out, "reason = {}", quote(&advice.reason));
        if facts[code].retired {
            let _ = writeln!(out, "retired = true");
        }
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
    products: impl Iterator<Item = &'a str>,
) -> Result<String, String> {
    let (Some(begin), Some(end)) = (manifest.find(FEATURES_BEGIN), manifest.find(FEATURES_END))
    else {
        return Err(format!(
            "Cargo.toml lacks the lines {FEATURES_BEGIN:?} and {FEATURES_END:?} around the product features"
        ));
    };
    let products: Vec<&str> = products.collect();
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

/// How the rules' guesses compare with the review, over every reviewed
/// code: the measure of a change to a rule.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Reviewed codes compared.
    pub codes: usize,
    /// Of those, the codes whose guessed retry is the reviewed one.
    pub retry: usize,
    /// Of those, the codes whose guessed category is the reviewed one.
    pub category: usize,
    /// (reviewed retry, guessed retry) → how many codes.
    pub confusion: BTreeMap<(Retry, Retry), usize>,
    /// The codes the rules guess `safe` that the review says are not.
    pub wrongly_safe: Vec<String>,
}

impl Agreement {
    /// The share of reviewed codes whose retry the rules guess right.
    pub fn retry_share(&self) -> f64 {
        self.retry as f64 / self.codes.max(1) as f64
    }
}

/// The rules' agreement with `reviewed`, guessing from the tags of
/// `facts` as if no code had been reviewed.
pub fn agreement(
    facts: &BTreeMap<&str, CodeFacts>,
    reviewed: &BTreeMap<String, Verdict>,
) -> Agreement {
    let mut measured = Agreement::default();
    for (code, verdict) in reviewed {
        let Some(f) = facts.get(code.as_str()) else {
            continue;
        };
        let guess = advice::advise(code, f.tags);
        measured.codes += 1;
        measured.retry += usize::from(guess.retry == verdict.retry);
        measured.category += usize::from(guess.category == verdict.category);
        *measured
            .confusion
            .entry((verdict.retry, guess.retry))
            .or_default() += 1;
        if guess.retry == Retry::Safe && verdict.retry != Retry::Safe {
            measured.wrongly_safe.push(code.clone());
        }
    }
    measured
}
