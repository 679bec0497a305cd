//! The validated catalog a build makes of its files: categories, code
//! entries and family advice, in the order the generated tables keep. The
//! types every other module of `build/` produces or reads, and what
//! `build/codegen.rs` and the import tool consume.

#[path = "../src/names.rs"]
mod names;

use super::diagnostics::Diagnostic;

/// The variant a code gets when its entry names none: the code without its
/// dots (`src/names.rs` holds the rule).
pub fn default_variant(code: &str) -> String {
    names::default_variant_parts(code).collect()
}

/// What part a catalog file plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind<'a> {
    /// `codes.toml`: the common codes and the categories every file uses.
    Common,
    /// `products/<name>.toml`: one product's codes, behind the feature of
    /// that name. It declares no category, and a code it shares with other
    /// product files must be defined identically in each.
    Product(&'a str),
    /// A file named in `TENCENTCLOUD_ERROR_CODES_EXTRA`: the user's own codes and categories.
    Extra,
    /// `families.toml`: for each family of codes (a dotted prefix), the
    /// advice for a child the catalog does not hold. Written by the import
    /// from every product's codes; `[[family]]` tables only.
    Families,
}

/// One catalog file: the name shown in messages, its text and its part.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub kind: Kind<'a>,
}

/// The `retry` advice of a code, as spelled in the TOML. The spellings live
/// in `src/names.rs`, which the library uses too.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Retry {
    Never,
    Safe,
    IfIdempotent,
}

impl Retry {
    /// Every value, in the order of the runtime enum; `never` is the default.
    pub const ALL: [Retry; 3] = [Retry::Never, Retry::Safe, Retry::IfIdempotent];

    /// The TOML spelling.
    pub fn spelling(self) -> &'static str {
        names::RETRY_SPELLINGS[self as usize]
    }

    /// The name of the runtime `Retry` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Retry::Never => "Never",
            Retry::Safe => "Safe",
            Retry::IfIdempotent => "IfIdempotent",
        }
    }

    pub(super) fn parse(spelling: &str) -> Option<Retry> {
        Retry::ALL.into_iter().find(|r| r.spelling() == spelling)
    }
}

/// The TOML spelling, as the import writes it.
impl std::fmt::Display for Retry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.spelling())
    }
}

/// A category of codes, from a `[categories]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDef {
    pub name: String,
    /// The `Category` variant: `name` in UpperCamelCase.
    pub variant: String,
    pub description: String,
    /// The codes of this category say the caller sends too fast
    /// (`rate_limit = true`): a retry backs off from a longer base.
    pub rate_limit: bool,
}

/// One `[[code]]` entry, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub code: String,
    /// The `ErrorCode` variant: the `variant` field, else `code` without its
    /// dots.
    pub variant: String,
    /// Whether `variant` was given in the file rather than derived.
    pub variant_given: bool,
    pub description: String,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    pub retry: Retry,
    /// A code of `codes.toml`: any action of any product can return it.
    pub common: bool,
    /// No official SDK defines the code any more. It stays in the catalog,
    /// because a variant, once published, is never removed.
    pub retired: bool,
    /// A person read what the code means and decided its advice; false
    /// when rules guessed it (or the file does not say).
    pub reviewed: bool,
    /// Why the advice is what it is: the review's reason, or the rule
    /// that guessed it.
    pub reason: Option<String>,
    /// Index into [`Catalog::entries`] of the nearest dotted ancestor.
    pub parent: Option<usize>,
    /// Indices into [`Catalog::products`] of the product files that define
    /// the code, or, for a code of `codes.toml`, list it under `common`: in
    /// ASCII order (the order the files are given in).
    pub products: Vec<usize>,
}

/// The advice for a code the catalog does not hold, by the family (dotted
/// prefix) it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FamilyDef {
    /// The family: `ResourceUnavailable` for `ResourceUnavailable.*`.
    pub prefix: String,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    pub retry: Retry,
}

/// The validated catalog: categories and entries in declared order (the
/// files in the order given, each in its own order; a code several product
/// files define stands where it first appears).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    pub categories: Vec<CategoryDef>,
    pub entries: Vec<Entry>,
    /// The product files' names, in the order given.
    pub products: Vec<String>,
    /// The family advice, in byte order of prefix.
    pub families: Vec<FamilyDef>,
    /// Advice that does not stop the build (`cargo::warning`).
    pub warnings: Vec<Diagnostic>,
}
