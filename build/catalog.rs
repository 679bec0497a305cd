//! The catalog's data model and its validation, shared by `build.rs`, the
//! tests and the import tool (all pull this file in with `#[path]`), so that
//! every rule is unit-tested without running cargo.
//!
//! Reading is two steps. `toml`'s own document types turn each file into
//! tables whose keys and values keep their byte spans (no serde, no
//! proc-macro: every dependent compiles this); then [`Catalog::parse`] runs
//! one step per job over those tables and reports *every* problem it finds,
//! each with the file, line and column to look at and what to do about it.
//!
//! A new rule is a new step, or a few lines in one: each step gets the
//! [`Files`] to report through and what the steps before it produced.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

#[path = "../src/retry_spelling.rs"]
mod retry_spelling;
#[path = "../src/variant_name.rs"]
mod variant_name;

/// The variant a code gets when its entry names none: the code without its
/// dots (`src/variant_name.rs` holds the rule).
pub fn default_variant(code: &str) -> String {
    variant_name::default_variant_parts(code).collect()
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
    /// A file named in [`EXTRA_VAR`]: the user's own codes and categories.
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

/// One problem in a catalog file, located at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The `retry` advice of a code, as spelled in the TOML. The spellings live
/// in `src/retry_spelling.rs`, which the library uses too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
        retry_spelling::RETRY_SPELLINGS[self as usize]
    }

    /// The name of the runtime `Retry` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Retry::Never => "Never",
            Retry::Safe => "Safe",
            Retry::IfIdempotent => "IfIdempotent",
        }
    }

    fn parse(spelling: &str) -> Option<Retry> {
        Retry::ALL.into_iter().find(|r| r.spelling() == spelling)
    }
}

/// A category of codes, from a `[categories]` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CategoryDef {
    pub name: String,
    /// The `Category` variant: `name` in UpperCamelCase.
    pub variant: String,
    pub description: String,
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

/// The string fields of a `[[code]]` entry; the first three are required.
const FIELDS: [&str; 6] = [
    "code",
    "description",
    "category",
    "retry",
    "variant",
    "reason",
];
const REQUIRED: usize = 3;
/// The boolean fields of a `[[code]]` entry, each `false` when absent:
/// `retired`, `reviewed`.
const FLAGS: [&str; 2] = ["retired", "reviewed"];
/// The top-level key of a product catalog that lists the common codes (of
/// `codes.toml`) the product returns.
const COMMON: &str = "common";
/// The table of a families file.
const FAMILY: &str = "family";

/// Names an `ErrorCode` variant cannot take: Rust keywords (of every
/// edition, strict and reserved) and the enum's own associated items, which
/// a variant of the same name would shadow or clash with.
const RESERVED_VARIANTS: &[&str] = &[
    // Associated items of `ErrorCode` whose names a code could produce.
    "ALL",
    "as_str",
    "category",
    "description",
    "entry",
    "from_code",
    "is_retired",
    "is_reviewed",
    "parent",
    "products",
    "reason",
    "resolve",
    "retry",
    // Keywords.
    "Self",
    "abstract",
    "as",
    "async",
    "await",
    "become",
    "box",
    "break",
    "const",
    "continue",
    "crate",
    "do",
    "dyn",
    "else",
    "enum",
    "extern",
    "false",
    "final",
    "fn",
    "for",
    "gen",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "macro",
    "match",
    "mod",
    "move",
    "mut",
    "override",
    "priv",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "try",
    "type",
    "typeof",
    "unsafe",
    "unsized",
    "use",
    "virtual",
    "where",
    "while",
    "yield",
];

impl Catalog {
    /// Parses and validates the catalog made of `sources`, in that order.
    ///
    /// Returns every problem found, when there is any, ordered by place:
    /// file (in the order given), line, column.
    pub fn parse(sources: &[Source<'_>]) -> Result<Catalog, Vec<Diagnostic>> {
        let mut files = Files::new(sources);
        let (pending_categories, pending_entries, pending_common, pending_families) =
            read_files(&mut files);
        let categories = define_categories(&mut files, pending_categories);
        let families = check_families(&mut files, &categories, pending_families);
        let checked = check_entries(&mut files, &categories, pending_entries);
        let mut entries = merge_codes(&mut files, checked);
        link_common_codes(&mut files, &mut entries, pending_common);
        // Only on an otherwise sound catalog: an entry rejected above may be
        // the one that uses the category.
        if files.errors.is_empty() {
            check_categories_used(&mut files, &categories, &entries);
            check_not_empty(&mut files, &entries);
        }
        link_parents(&mut entries);
        let warnings = ascii_order_warnings(&files, &entries);
        let Files { errors, .. } = files;
        if !errors.is_empty() {
            return Err(sorted(errors, sources));
        }
        let products = sources
            .iter()
            .filter_map(|s| match s.kind {
                Kind::Product(name) => Some(name.to_owned()),
                _ => None,
            })
            .collect();
        Ok(Catalog {
            categories: categories.into_iter().map(|c| c.def).collect(),
            entries: entries.into_iter().map(|e| e.entry).collect(),
            products,
            families,
            warnings: sorted(warnings, sources),
        })
    }
}

/// In the order an editor would show them: files as given, then lines.
fn sorted(mut diagnostics: Vec<Diagnostic>, sources: &[Source<'_>]) -> Vec<Diagnostic> {
    let file_order = |name: &str| sources.iter().position(|s| s.name == name);
    diagnostics.sort_by_key(|d| (file_order(&d.file), d.line, d.column));
    diagnostics
}

/// A place in one of the files: which file, which bytes.
#[derive(Clone, Debug)]
struct Place {
    file: usize,
    span: Range<usize>,
}

/// The files being read, and the problems found in them so far.
struct Files<'a> {
    sources: &'a [Source<'a>],
    /// Byte offset of each line's start, per file, for line and column.
    line_starts: Vec<Vec<usize>>,
    /// Each file's index among the product files (into
    /// [`Catalog::products`]), if it is one.
    product_of: Vec<Option<usize>>,
    errors: Vec<Diagnostic>,
}

impl<'a> Files<'a> {
    fn new(sources: &'a [Source<'a>]) -> Self {
        let line_starts = sources
            .iter()
            .map(|s| {
                std::iter::once(0)
                    .chain(s.text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect()
            })
            .collect();
        let mut products = 0..;
        let product_of = sources
            .iter()
            .map(|s| match s.kind {
                Kind::Product(_) => products.next(),
                _ => None,
            })
            .collect();
        Files {
            sources,
            line_starts,
            product_of,
            errors: Vec::new(),
        }
    }

    /// A diagnostic at `place`; columns count characters, as editors do.
    fn diagnostic(&self, place: &Place, message: String) -> Diagnostic {
        let text = self.sources[place.file].text;
        let offset = place.span.start.min(text.len());
        let starts = &self.line_starts[place.file];
        let line = starts.partition_point(|&start| start <= offset);
        let column = text
            .get(starts[line - 1]..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Diagnostic {
            file: self.sources[place.file].name.to_owned(),
            line,
            column,
            message,
        }
    }

    fn report(&mut self, place: &Place, message: String) {
        let diagnostic = self.diagnostic(place, message);
        self.errors.push(diagnostic);
    }

    /// `file:line:column`, for a message that points at a second place.
    fn locate(&self, place: &Place) -> String {
        let d = self.diagnostic(place, String::new());
        format!("{}:{}:{}", d.file, d.line, d.column)
    }

    fn kind(&self, place: &Place) -> Kind<'a> {
        self.sources[place.file].kind
    }
}

/// The first definition of each key, and where it is. The rule for every
/// "defined twice" check: the first definition wins, and the second is
/// reported at its own place, naming the first.
struct FirstDefinitions<T> {
    by_key: HashMap<String, (Place, T)>,
}

impl<T: Copy> FirstDefinitions<T> {
    fn new() -> Self {
        FirstDefinitions {
            by_key: HashMap::new(),
        }
    }

    /// Records `key` as defined at `place` and returns `None`, or, if it is
    /// already defined, returns the first definition and records nothing.
    fn claim(&mut self, key: &str, place: &Place, value: T) -> Option<(Place, T)> {
        match self.by_key.get(key) {
            Some((first, value)) => Some((first.clone(), *value)),
            None => {
                self.by_key.insert(key.to_owned(), (place.clone(), value));
                None
            }
        }
    }
}

/// A string field with the place of its value.
struct Located {
    value: String,
    place: Place,
}

struct PendingCategory {
    name: Located,
    description: Located,
}

/// An entry's string fields, not yet checked against the rest of the
/// catalog. `complete` is false when a field was missing, unknown or of the
/// wrong type (already reported); the fields present are still checked.
struct PendingEntry {
    complete: bool,
    fields: [Option<Located>; FIELDS.len()],
    /// The values of [`FLAGS`], in that order.
    flags: [bool; FLAGS.len()],
}

/// What the files hold, read but not yet checked: categories, entries,
/// the common codes products list, families.
type Pending = (
    Vec<PendingCategory>,
    Vec<PendingEntry>,
    Vec<Located>,
    Vec<PendingFamily>,
);

/// Step 1: each file's tables, with every malformed, unknown, missing or
/// mistyped part reported.
fn read_files(files: &mut Files<'_>) -> Pending {
    let mut categories = Vec::new();
    let mut entries = Vec::new();
    let mut common = Vec::new();
    let mut families = Vec::new();
    for file in 0..files.sources.len() {
        let source = files.sources[file];
        let at = |span: Range<usize>| Place { file, span };
        let document = match DeTable::parse(source.text) {
            Ok(document) => document.into_inner(),
            Err(e) => {
                let span = e.span().unwrap_or(0..0);
                let message = format!("malformed catalog file: {}", one_line(e.message()));
                files.report(&at(span), message);
                continue;
            }
        };
        for (key, value) in in_file_order(document) {
            let (name, value_place) = (key.get_ref().as_ref(), at(value.span()));
            if source.kind == Kind::Families {
                match (name, value.into_inner()) {
                    (FAMILY, DeValue::Array(array)) => {
                        for table in array {
                            let span = table.span();
                            match table.into_inner() {
                                DeValue::Table(table) => {
                                    families.push(read_family(files, at(span), table));
                                }
                                other => files.report(
                                    &at(span),
                                    format!("`{FAMILY}` holds {}; write each family as a [[{FAMILY}]] table", other.type_str()),
                                ),
                            }
                        }
                    }
                    _ => files.report(
                        &at(key.span()),
                        format!("`{}` in a families file, which holds [[{FAMILY}]] tables only; it is written by the import tool", name.escape_debug()),
                    ),
                }
                continue;
            }
            match (name, value.into_inner()) {
                ("categories", DeValue::Table(table)) => {
                    if let Kind::Product(product) = source.kind {
                        files.report(
                            &at(key.span()),
                            format!("the product catalog `{product}` declares categories; product catalogs use the categories of codes.toml, so declare them there"),
                        );
                        continue;
                    }
                    read_categories(files, file, table, &mut categories);
                }
                ("code", DeValue::Array(array)) => {
                    for table in array.into_iter() {
                        let span = table.span();
                        match table.into_inner() {
                            DeValue::Table(table) => {
                                entries.push(read_entry(files, at(span), table));
                            }
                            other => files.report(
                                &at(span),
                                format!("`code` holds {}; write each code as a [[code]] table", other.type_str()),
                            ),
                        }
                    }
                }
                (COMMON, value) => {
                    let Kind::Product(_) = source.kind else {
                        files.report(
                            &at(key.span()),
                            format!("`{COMMON}` belongs in a product catalog, where it lists the common codes the product returns; remove it here"),
                        );
                        continue;
                    };
                    read_common(files, file, value_place, value, &mut common);
                }
                ("categories" | "code", other) => files.report(
                    &value_place,
                    format!(
                        "`{name}` must be {}, found {}",
                        if name == "code" {
                            "an array of [[code]] tables"
                        } else {
                            "the [categories] table"
                        },
                        other.type_str()
                    ),
                ),
                (other, _) => files.report(
                    &at(key.span()),
                    format!(
                        "unknown table `{}`; a catalog file holds [categories] and [[code]] tables only, and a product catalog a `{COMMON}` list (is it misspelt?)",
                        other.escape_debug()
                    ),
                ),
            }
        }
    }
    (categories, entries, common, families)
}

/// The fields of a `[[family]]` table, all required.
const FAMILY_FIELDS: [&str; 3] = ["prefix", "category", "retry"];

/// A `[[family]]` table's fields, not yet checked; `None` when a field was
/// missing, unknown or mistyped (already reported).
struct PendingFamily {
    fields: Option<[Located; FAMILY_FIELDS.len()]>,
}

/// Takes the fields out of one `[[family]]` table.
fn read_family(files: &mut Files<'_>, header: Place, table: DeTable<'_>) -> PendingFamily {
    let file = header.file;
    let mut fields: [Option<Located>; FAMILY_FIELDS.len()] = Default::default();
    let mut sound = true;
    for (key, value) in in_file_order(table) {
        let place = Place {
            file,
            span: value.span(),
        };
        let slot = FAMILY_FIELDS
            .iter()
            .position(|f| *f == key.get_ref().as_ref());
        match (slot, value.into_inner()) {
            (Some(slot), DeValue::String(s)) => {
                fields[slot] = Some(Located {
                    value: s.into_owned(),
                    place,
                })
            }
            (Some(slot), other) => {
                files.report(
                    &place,
                    format!(
                        "field `{}` must be a string, found {}; quote it",
                        FAMILY_FIELDS[slot],
                        other.type_str()
                    ),
                );
                sound = false;
            }
            (None, _) => {
                files.report(
                    &Place { file, span: key.span() },
                    format!("unknown field `{}` in [[{FAMILY}]]; the fields are `prefix`, `category`, `retry`", key.get_ref().escape_debug()),
                );
                sound = false;
            }
        }
    }
    let [prefix, category, retry] = fields;
    match (sound, prefix, category, retry) {
        (true, Some(p), Some(c), Some(r)) => PendingFamily {
            fields: Some([p, c, r]),
        },
        (true, ..) => {
            files.report(
                &header,
                format!("[[{FAMILY}]] needs `prefix`, `category` and `retry`; run the import tool to rewrite the file"),
            );
            PendingFamily { fields: None }
        }
        _ => PendingFamily { fields: None },
    }
}

/// Step 2b: each family's prefix, category and retry; a prefix given twice.
fn check_families(
    files: &mut Files<'_>,
    categories: &[DefinedCategory],
    pending: Vec<PendingFamily>,
) -> Vec<FamilyDef> {
    let mut families = Vec::new();
    let mut prefixes = FirstDefinitions::new();
    for [prefix, category, retry] in pending.into_iter().filter_map(|p| p.fields) {
        let mut sound = true;
        if !is_code(&prefix.value) || prefix.value.ends_with('.') {
            files.report(
                &prefix.place,
                format!(
                    "family prefix {:?} is not dot-separated ASCII identifiers",
                    prefix.value
                ),
            );
            sound = false;
        } else if let Some((first, ())) = prefixes.claim(&prefix.value, &prefix.place, ()) {
            let first = files.locate(&first);
            files.report(
                &prefix.place,
                format!(
                    "family `{}` is already given at {first}; keep one",
                    prefix.value
                ),
            );
            sound = false;
        }
        let category_index = categories.iter().position(|d| d.def.name == category.value);
        if category_index.is_none() {
            files.report(
                &category.place,
                format!("unknown category `{}` for family `{}`; families use the categories of codes.toml", category.value.escape_debug(), prefix.value.escape_debug()),
            );
        }
        let parsed = Retry::parse(&retry.value);
        if parsed.is_none() {
            files.report(
                &retry.place,
                format!("invalid retry value {:?} for family `{}`; use \"never\", \"safe\" or \"if-idempotent\"", retry.value, prefix.value.escape_debug()),
            );
        }
        if let (true, Some(category), Some(retry)) = (sound, category_index, parsed) {
            families.push(FamilyDef {
                prefix: prefix.value,
                category,
                retry,
            });
        }
    }
    families.sort_by(|a, b| a.prefix.cmp(&b.prefix));
    families
}

/// A product catalog's `common = ["Code", ...]`: strings, each with its
/// place.
fn read_common(
    files: &mut Files<'_>,
    file: usize,
    place: Place,
    value: DeValue<'_>,
    out: &mut Vec<Located>,
) {
    let DeValue::Array(array) = value else {
        files.report(
            &place,
            format!("`{COMMON}` must be an array of code strings, e.g. {COMMON} = [\"InternalError\"], found {}", value.type_str()),
        );
        return;
    };
    for item in array {
        let span = item.span();
        match item.into_inner() {
            DeValue::String(code) => out.push(Located {
                value: code.into_owned(),
                place: Place { file, span },
            }),
            other => files.report(
                &Place { file, span },
                format!(
                    "`{COMMON}` holds {}; write each common code as a string",
                    other.type_str()
                ),
            ),
        }
    }
}

/// A table's entries in the order they are written (the table itself keeps
/// them sorted by key).
fn in_file_order<'i>(
    table: DeTable<'i>,
) -> Vec<(Spanned<std::borrow::Cow<'i, str>>, Spanned<DeValue<'i>>)> {
    let mut pairs: Vec<_> = table.into_iter().collect();
    pairs.sort_by_key(|(key, _)| key.span().start);
    pairs
}

fn read_categories(
    files: &mut Files<'_>,
    file: usize,
    table: DeTable<'_>,
    out: &mut Vec<PendingCategory>,
) {
    for (name, value) in in_file_order(table) {
        let name = Located {
            value: name.get_ref().to_string(),
            place: Place {
                file,
                span: name.span(),
            },
        };
        let span = value.span();
        match value.into_inner() {
            DeValue::String(description) => out.push(PendingCategory {
                name,
                description: Located {
                    value: description.into_owned(),
                    place: Place { file, span },
                },
            }),
            other => files.report(
                &Place { file, span },
                format!(
                    "category `{0}` must be described by a string, found {1}; write {0} = \"what this category means\"",
                    name.value.escape_debug(),
                    other.type_str(),
                ),
            ),
        }
    }
}

/// Takes the fields out of one `[[code]]` table, reporting every unknown,
/// missing or mistyped one.
fn read_entry(files: &mut Files<'_>, header: Place, table: DeTable<'_>) -> PendingEntry {
    let file = header.file;
    let mut fields: [Option<Located>; FIELDS.len()] = Default::default();
    let mut present = [false; FIELDS.len()];
    let mut complete = true;
    let mut flags = [false; FLAGS.len()];
    for (key, value) in in_file_order(table) {
        if let Some(flag) = FLAGS.iter().position(|f| *f == key.get_ref().as_ref()) {
            let place = Place {
                file,
                span: value.span(),
            };
            match value.into_inner() {
                DeValue::Boolean(b) => flags[flag] = b,
                other => {
                    let name = FLAGS[flag];
                    files.report(
                        &place,
                        format!(
                            "field `{name}` must be true or false, found {}; write {name} = true",
                            other.type_str()
                        ),
                    );
                    complete = false;
                }
            }
            continue;
        }
        let Some(slot) = FIELDS.iter().position(|f| *f == key.get_ref().as_ref()) else {
            files.report(
                &Place {
                    file,
                    span: key.span(),
                },
                format!(
                    "unknown field `{}` in [[code]]; the fields are {}, {} (is it misspelt?)",
                    key.get_ref().escape_debug(),
                    FIELDS.map(|f| format!("`{f}`")).join(", "),
                    FLAGS.map(|f| format!("`{f}`")).join(", ")
                ),
            );
            complete = false;
            continue;
        };
        present[slot] = true;
        let place = Place {
            file,
            span: value.span(),
        };
        match value.into_inner() {
            DeValue::String(s) => {
                fields[slot] = Some(Located {
                    value: s.into_owned(),
                    place,
                })
            }
            other => {
                files.report(
                    &place,
                    format!(
                        "field `{}` must be a string, found {}; quote it",
                        FIELDS[slot],
                        other.type_str()
                    ),
                );
                complete = false;
            }
        }
    }
    let missing: Vec<&str> = FIELDS[..REQUIRED]
        .iter()
        .zip(present)
        .filter(|&(_, present)| !present)
        .map(|(&name, _)| name)
        .collect();
    if !missing.is_empty() {
        let code = fields[0]
            .as_ref()
            .map_or_else(String::new, |c| format!(" `{}`", c.value.escape_debug()));
        let names: Vec<String> = missing.iter().map(|f| format!("`{f}`")).collect();
        let fixes: Vec<String> = missing.iter().map(|f| format!("{f} = \"...\"")).collect();
        files.report(
            &header,
            format!(
                "[[code]] entry{code} is missing the required field{} {}; add {}",
                if missing.len() > 1 { "s" } else { "" },
                names.join(", "),
                fixes.join(" and ")
            ),
        );
        complete = false;
    }
    PendingEntry {
        complete,
        fields,
        flags,
    }
}

/// A category once its name is checked, with the place of that name.
struct DefinedCategory {
    def: CategoryDef,
    place: Place,
}

/// Step 2: category names, variants and descriptions; a name or variant
/// defined twice.
fn define_categories(files: &mut Files<'_>, pending: Vec<PendingCategory>) -> Vec<DefinedCategory> {
    let mut defined: Vec<DefinedCategory> = Vec::new();
    let mut names = FirstDefinitions::new();
    let mut variants = FirstDefinitions::new();
    for PendingCategory { name, description } in pending {
        // Shown escaped: a quoted TOML key may hold a line break.
        let shown = name.value.escape_debug().to_string();
        if let Some((first, ())) = names.claim(&name.value, &name.place, ()) {
            let first = files.locate(&first);
            files.report(
                &name.place,
                format!("category `{shown}` is already defined at {first}; keep one definition"),
            );
            continue;
        }
        if !is_category_name(&name.value) {
            files.report(
                &name.place,
                format!("category name `{shown}` is not a lowercase identifier; use lowercase ASCII letters, digits and `_`, starting with a letter (e.g. `rate_limit`)"),
            );
            continue;
        }
        if description.value.trim().is_empty() {
            files.report(
                &description.place,
                format!(
                    "category `{shown}` has an empty description; say what its codes have in common"
                ),
            );
        }
        let variant = upper_camel(&name.value);
        if variant == "Self" {
            files.report(
                &name.place,
                format!("category name `{shown}` would make the variant `Category::Self`, which Rust reserves; choose another name"),
            );
            continue;
        }
        if let Some((first, other)) = variants.claim(&variant, &name.place, defined.len()) {
            let first = files.locate(&first);
            let other = &defined[other].def.name;
            files.report(
                &name.place,
                format!("category `{shown}` makes the variant `Category::{variant}`, as does `{other}` at {first}; rename one of them"),
            );
            continue;
        }
        defined.push(DefinedCategory {
            def: CategoryDef {
                name: name.value,
                variant,
                description: description.value,
            },
            place: name.place,
        });
    }
    defined
}

/// An entry whose fields are each sound, with the places later steps name.
struct CheckedEntry {
    entry: Entry,
    code_place: Place,
}

/// Step 3: each entry's own fields: the code's grammar, the description,
/// the category it names, the retry advice, the variant name.
fn check_entries(
    files: &mut Files<'_>,
    categories: &[DefinedCategory],
    pending: Vec<PendingEntry>,
) -> Vec<CheckedEntry> {
    let mut known: Vec<&str> = categories.iter().map(|c| c.def.name.as_str()).collect();
    known.sort_unstable();
    let known = if known.is_empty() {
        "no category yet: define one under [categories]".to_owned()
    } else {
        format!(
            "use one of {}, or define another under [categories]",
            known.join(", ")
        )
    };
    let mut checked = Vec::with_capacity(pending.len());
    for PendingEntry {
        complete,
        fields,
        flags: [retired, reviewed],
    } in pending
    {
        let [code, description, category, retry, variant, reason] = fields;
        let mut ok = complete;
        let name = code.as_ref().map_or_else(
            || "this entry".to_owned(),
            |c| format!("`{}`", c.value.escape_debug()),
        );
        if let Some(c) = &code {
            if c.value.is_empty() {
                files.report(&c.place, "code is empty; write the code as the API returns it, e.g. \"InvalidParameterValue.InvalidInstanceId\"".to_owned());
                ok = false;
            } else if !is_code(&c.value) {
                files.report(
                    &c.place,
                    format!(
                        "code {:?} is not dot-separated ASCII identifiers; each segment starts with a letter and holds only letters, digits and `_`, and only the last may be empty (e.g. \"InvalidParameterValue.InvalidInstanceId\")",
                        c.value
                    ),
                );
                ok = false;
            }
        }
        if let Some(d) = description.as_ref().filter(|d| d.value.trim().is_empty()) {
            files.report(
                &d.place,
                format!("description of {name} is empty; say in one sentence what went wrong"),
            );
            ok = false;
        }
        let category_index = category.as_ref().and_then(|c| {
            let found = categories.iter().position(|d| d.def.name == c.value);
            if found.is_none() {
                let shown = c.value.escape_debug();
                files.report(
                    &c.place,
                    format!("unknown category `{shown}` for {name}; {known}"),
                );
            }
            found
        });
        let retry = match &retry {
            None => Some(Retry::Never),
            Some(r) => {
                let parsed = Retry::parse(&r.value);
                if parsed.is_none() {
                    let spellings: Vec<String> = Retry::ALL
                        .iter()
                        .map(|r| format!("{:?}", r.spelling()))
                        .collect();
                    files.report(
                        &r.place,
                        format!(
                            "invalid retry value {:?} for {name}; use {} (the default) or {}",
                            r.value,
                            spellings[0],
                            spellings[1..].join(" or ")
                        ),
                    );
                    ok = false;
                }
                parsed
            }
        };
        if let Some(r) = reason.as_ref().filter(|r| r.value.trim().is_empty()) {
            files.report(
                &r.place,
                format!("reason of {name} is empty; say in a few words why its advice is right, or remove the field"),
            );
            ok = false;
        }
        if reviewed && reason.is_none() {
            if let Some(c) = &code {
                files.report(
                    &c.place,
                    format!("{name} is reviewed = true but gives no reason; add reason = \"...\" saying in a few words why its advice is right"),
                );
                ok = false;
            }
        }
        if let Some(v) = variant.as_ref().filter(|v| !is_identifier(&v.value)) {
            files.report(
                &v.place,
                format!(
                    "variant {:?} of {name} is not an identifier; use ASCII letters, digits and `_`, starting with a letter",
                    v.value
                ),
            );
            ok = false;
        }
        let (true, Some(code), Some(description), Some(category), Some(retry)) =
            (ok, code, description, category_index, retry)
        else {
            continue;
        };
        let variant_given = variant.is_some();
        let variant = variant.map_or_else(|| default_variant(&code.value), |v| v.value);
        if RESERVED_VARIANTS.contains(&variant.as_str()) {
            files.report(
                &code.place,
                format!(
                    "code `{}` would make the variant `ErrorCode::{variant}`, a name Rust or this crate reserves; name it otherwise with variant = \"...\"",
                    code.value
                ),
            );
            continue;
        }
        checked.push(CheckedEntry {
            entry: Entry {
                code: code.value,
                variant,
                variant_given,
                description: description.value,
                category,
                retry,
                retired,
                reviewed,
                reason: reason.map(|r| r.value),
                parent: None,
                products: Vec::new(),
            },
            code_place: code.place,
        });
    }
    checked
}

/// Step 4: codes and variants across every file. A code defined in two
/// product files merges into one entry when both definitions agree; any
/// other code or variant defined twice is an error at the second place.
fn merge_codes(files: &mut Files<'_>, checked: Vec<CheckedEntry>) -> Vec<CheckedEntry> {
    let mut merged: Vec<CheckedEntry> = Vec::with_capacity(checked.len());
    let mut codes = FirstDefinitions::new();
    let mut variants = FirstDefinitions::new();
    for mut e in checked {
        let product = files.product_of[e.code_place.file];
        let code = e.entry.code.clone();
        if let Some((first, i)) = codes.claim(&code, &e.code_place, merged.len()) {
            let shared = matches!(files.kind(&first), Kind::Product(_)) && product.is_some();
            let difference = differs(&merged[i].entry, &e.entry);
            match (shared, difference) {
                (true, None) => merged[i].entry.products.extend(product),
                (true, Some(field)) => {
                    let first = files.locate(&first);
                    files.report(
                        &e.code_place,
                        format!("code `{code}` is defined differently at {first} (its {field} differs); a code several product catalogs share must be written identically in each"),
                    );
                }
                (false, _) => {
                    let first = files.locate(&first);
                    files.report(
                        &e.code_place,
                        format!("duplicate code `{code}`: already defined at {first}; remove one of the two entries"),
                    );
                }
            }
            continue;
        }
        let variant = e.entry.variant.clone();
        if let Some((first, i)) = variants.claim(&variant, &e.code_place, merged.len()) {
            let (other, first) = (merged[i].entry.code.clone(), files.locate(&first));
            let suggestion = code.replace('.', "_");
            files.report(
                &e.code_place,
                format!("code `{code}` makes the variant `ErrorCode::{variant}`, as does `{other}` at {first}; give this one another name, e.g. variant = \"{suggestion}\""),
            );
            continue;
        }
        e.entry.products.extend(product);
        merged.push(e);
    }
    merged
}

/// The first field in which two definitions of a code differ.
fn differs(a: &Entry, b: &Entry) -> Option<&'static str> {
    if a.description != b.description {
        Some("description")
    } else if a.category != b.category {
        Some("category")
    } else if a.retry != b.retry {
        Some("retry")
    } else if a.variant != b.variant {
        Some("variant")
    } else if a.retired != b.retired {
        Some("retired")
    } else if a.reviewed != b.reviewed {
        Some("reviewed")
    } else if a.reason != b.reason {
        Some("reason")
    } else {
        None
    }
}

/// Step 4b: the common codes each product catalog lists as returned by
/// the product join that product's codes (`ErrorCode::products`). Each must
/// be a code of `codes.toml`, listed once.
fn link_common_codes(files: &mut Files<'_>, entries: &mut [CheckedEntry], common: Vec<Located>) {
    let common_index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| files.kind(&e.code_place) == Kind::Common)
        .map(|(i, e)| (e.entry.code.as_str(), i))
        .collect();
    let mut links = Vec::new();
    let mut listed = FirstDefinitions::new();
    for Located { value, place } in common {
        let Some(&entry) = common_index.get(value.as_str()) else {
            files.report(
                &place,
                format!(
                    "`{}` is not a code of codes.toml; `{COMMON}` lists only common codes, and a product's own codes are [[code]] entries",
                    value.escape_debug()
                ),
            );
            continue;
        };
        let key = format!("{}\n{value}", place.file);
        if let Some((first, ())) = listed.claim(&key, &place, ()) {
            let first = files.locate(&first);
            files.report(
                &place,
                format!("`{value}` is already listed at {first}; list it once"),
            );
            continue;
        }
        links.extend(files.product_of[place.file].map(|product| (entry, product)));
    }
    // The lists are read file by file, in the order given, and a common
    // code has no product of its own: each code's products stay in order.
    for (entry, product) in links {
        entries[entry].entry.products.push(product);
    }
}

/// Step 5: a category an extra file declares and no code uses is a mistake.
/// The categories of `codes.toml` are the vocabulary of every product
/// catalog, so some are used only when a product's feature is on.
fn check_categories_used(
    files: &mut Files<'_>,
    categories: &[DefinedCategory],
    entries: &[CheckedEntry],
) {
    let mut used = vec![false; categories.len()];
    for e in entries {
        used[e.entry.category] = true;
    }
    for (category, used) in categories.iter().zip(used) {
        if !used && files.kind(&category.place) == Kind::Extra {
            files.report(
                &category.place,
                format!(
                    "category `{}` is defined but no code uses it; assign it to a code or remove it",
                    category.def.name
                ),
            );
        }
    }
}

fn check_not_empty(files: &mut Files<'_>, entries: &[CheckedEntry]) {
    if entries.is_empty() && !files.sources.is_empty() {
        let start = Place {
            file: 0,
            span: 0..0,
        };
        files.report(
            &start,
            "the catalog has no [[code]] entries; add at least one".to_owned(),
        );
    }
}

/// Step 6: each code's nearest ancestor in the catalog, one dotted segment
/// up at a time.
fn link_parents(entries: &mut [CheckedEntry]) {
    let index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (e.entry.code.as_str(), i))
        .collect();
    let parents: Vec<Option<usize>> = entries
        .iter()
        .map(|e| {
            let mut prefix = e.entry.code.as_str();
            while let Some((up, _)) = prefix.rsplit_once('.') {
                if let Some(&parent) = index.get(up) {
                    return Some(parent);
                }
                prefix = up;
            }
            None
        })
        .collect();
    for (e, parent) in entries.iter_mut().zip(parents) {
        e.entry.parent = parent;
    }
}

/// `codes.toml` keeps its entries in ASCII order, so that a reader finds a
/// code where they expect it. Advice, not an error: the declared order is
/// whatever the file says.
fn ascii_order_warnings(files: &Files<'_>, entries: &[CheckedEntry]) -> Vec<Diagnostic> {
    let common: Vec<&CheckedEntry> = entries
        .iter()
        .filter(|e| files.kind(&e.code_place) == Kind::Common)
        .collect();
    common
        .windows(2)
        .filter(|pair| pair[1].entry.code < pair[0].entry.code)
        .map(|pair| {
            let (before, code) = (&pair[0].entry.code, &pair[1].entry.code);
            files.diagnostic(
                &pair[1].code_place,
                format!("`{code}` comes after `{before}` but sorts before it; keep codes.toml in ASCII order of `code`"),
            )
        })
        .collect()
}

/// The environment variable naming extra catalog files.
pub const EXTRA_VAR: &str = "TENCENTCLOUD_ERROR_CODES_EXTRA";

/// The files named by [`EXTRA_VAR`]'s value: absolute paths, separated as
/// the platform separates paths (`:` on Unix, `;` on Windows); empty
/// entries are skipped. A build script runs in the package's directory, not
/// where cargo was started, so a relative path is an error.
pub fn extra_files(value: &std::ffi::OsStr) -> Result<Vec<std::path::PathBuf>, Vec<String>> {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    let mut errors = Vec::new();
    for path in std::env::split_paths(value).filter(|p| !p.as_os_str().is_empty()) {
        if !path.is_absolute() {
            errors.push(format!(
                "{EXTRA_VAR} names the relative path {:?}; a build script cannot know where cargo was started, so give an absolute path (in .cargo/config.toml, `[env] {EXTRA_VAR} = {{ value = \"{}\", relative = true }}` makes one)",
                path.display().to_string(),
                path.display()
            ));
        } else if files.contains(&path) {
            errors.push(format!(
                "{EXTRA_VAR} names {} twice; name each file once",
                path.display()
            ));
        } else {
            files.push(path);
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// `^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*\.?$`: dotted
/// identifiers, the last of which may be empty (Tencent Cloud returns
/// `InternalError.`).
fn is_code(code: &str) -> bool {
    let body = code.strip_suffix('.').unwrap_or(code);
    body.split('.').all(is_identifier)
}

/// `^[A-Za-z][A-Za-z0-9_]*$`
fn is_identifier(segment: &str) -> bool {
    let mut chars = segment.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `^[a-z][a-z0-9_]*$`
fn is_category_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `rate_limit` → `RateLimit`.
fn upper_camel(name: &str) -> String {
    name.split('_')
        .flat_map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|c| c.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// TOML parser messages can span lines; a diagnostic is one line.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
