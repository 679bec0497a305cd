//! The catalog's data model and its validation, shared by `build.rs` and the
//! tests (both pull this file in with `#[path]`), so that every rule is
//! unit-tested without running cargo.
//!
//! Reading is two steps. serde + toml turn each file into tables whose keys
//! and values keep their byte spans; then [`Catalog::parse`] checks every rule
//! on those tables and reports *every* problem it finds, each with the file,
//! line and column to look at and what to do about it.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

/// One catalog file: the name shown in messages, and its text.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    pub name: &'a str,
    pub text: &'a str,
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

/// The `retry` advice of a code, as spelled in the TOML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retry {
    Never,
    Safe,
    IfIdempotent,
}

impl Retry {
    /// Every value; `never` is the default.
    pub const ALL: [Retry; 3] = [Retry::Never, Retry::Safe, Retry::IfIdempotent];

    /// The TOML spelling.
    pub fn spelling(self) -> &'static str {
        match self {
            Retry::Never => "never",
            Retry::Safe => "safe",
            Retry::IfIdempotent => "if-idempotent",
        }
    }

    /// The name of the runtime `Retry` variant.
    pub fn variant(self) -> &'static str {
        match self {
            Retry::Never => "Never",
            Retry::Safe => "Safe",
            Retry::IfIdempotent => "IfIdempotent",
        }
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
    /// The `ErrorCode` variant: `code` without its dots.
    pub variant: String,
    pub description: String,
    /// Index into [`Catalog::categories`].
    pub category: usize,
    pub retry: Retry,
    /// Index into [`Catalog::entries`] of the nearest dotted ancestor.
    pub parent: Option<usize>,
}

/// The validated catalog: categories and entries in declared order (the
/// files in the order given, each in its own order).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalog {
    pub categories: Vec<CategoryDef>,
    pub entries: Vec<Entry>,
}

/// The fields of a `[[code]]` entry.
pub const FIELDS: [&str; 4] = ["code", "description", "category", "retry"];

/// Names an `ErrorCode` variant cannot take: Rust keywords (of every
/// edition, strict and reserved) and the enum's own associated items, which
/// a variant of the same name would shadow or clash with.
pub const RESERVED_VARIANTS: &[&str] = &[
    // Associated items of `ErrorCode` whose names a code could produce.
    "ALL",
    "category",
    "description",
    "parent",
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

/// A file as serde + toml see it. Entry fields stay an open table so that
/// every missing, unknown or mistyped field can be reported, not only the
/// first one serde meets.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    categories: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    #[serde(default)]
    code: Vec<Spanned<RawTable>>,
}

type RawTable = BTreeMap<Spanned<String>, Spanned<toml::Value>>;

/// Byte offsets to 1-based line and column, in `O(log lines)` per query
/// after one linear pass over the text.
struct LineIndex<'a> {
    source: Source<'a>,
    line_starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(source: Source<'a>) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex {
            source,
            line_starts,
        }
    }

    fn diagnostic(&self, offset: usize, message: String) -> Diagnostic {
        let offset = offset.min(self.source.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        // Columns count characters, as editors do; spans fall on boundaries.
        let column = self
            .source
            .text
            .get(line_start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        Diagnostic {
            file: self.source.name.to_owned(),
            line,
            column,
            message,
        }
    }

    fn at(&self, span: Range<usize>, message: String) -> Diagnostic {
        self.diagnostic(span.start, message)
    }
}

/// A field value kept with its span until the cross-file checks are done.
struct Located<T> {
    value: T,
    span: Range<usize>,
}

impl Located<String> {
    fn new(s: &Spanned<String>) -> Self {
        Located {
            value: s.get_ref().clone(),
            span: s.span(),
        }
    }
}

/// An entry's string fields, not yet checked against the rest of the
/// catalog. `complete` is false when a field was missing, unknown or of the
/// wrong type (already reported); the fields present are still checked.
struct PendingEntry {
    file: usize,
    complete: bool,
    code: Option<Located<String>>,
    description: Option<Located<String>>,
    category: Option<Located<String>>,
    retry: Option<Located<String>>,
}

struct PendingCategory {
    file: usize,
    name: Located<String>,
    description: Located<String>,
}

impl Catalog {
    /// Parses and validates the catalog made of `sources`, in that order.
    ///
    /// Returns every problem found, when there is any, ordered by place:
    /// file (in the order given), line, column.
    pub fn parse(sources: &[Source<'_>]) -> Result<Catalog, Vec<Diagnostic>> {
        let files: Vec<LineIndex<'_>> = sources.iter().map(|&s| LineIndex::new(s)).collect();
        let mut errors = Vec::new();
        let mut categories = Vec::new();
        let mut entries = Vec::new();
        for (file, index) in files.iter().enumerate() {
            let raw: RawFile = match toml::from_str(index.source.text) {
                Ok(raw) => raw,
                Err(e) => {
                    let offset = e.span().map_or(0, |span| span.start);
                    let message = format!("malformed catalog file: {}", one_line(e.message()));
                    errors.push(index.diagnostic(offset, message));
                    continue;
                }
            };
            read_categories(file, index, raw.categories, &mut categories, &mut errors);
            for table in raw.code {
                entries.push(read_entry(file, index, table, &mut errors));
            }
        }
        let catalog = check(&files, categories, entries, &mut errors);
        if errors.is_empty() {
            return Ok(catalog);
        }
        // In the order an editor would show them: files as given, then lines.
        let file_order = |name: &str| sources.iter().position(|s| s.name == name);
        errors.sort_by_key(|e| (file_order(&e.file), e.line, e.column));
        Err(errors)
    }

    /// The length in bytes of the longest code.
    pub fn max_code_len(&self) -> usize {
        self.entries.iter().map(|e| e.code.len()).max().unwrap_or(0)
    }
}

fn read_categories(
    file: usize,
    index: &LineIndex<'_>,
    table: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    out: &mut Vec<PendingCategory>,
    errors: &mut Vec<Diagnostic>,
) {
    // A BTreeMap sorts by name; the span gives back the declared order.
    let mut table: Vec<_> = table.into_iter().collect();
    table.sort_by_key(|(name, _)| name.span().start);
    for (name, value) in table {
        match value.get_ref() {
            toml::Value::String(description) => out.push(PendingCategory {
                file,
                name: Located::new(&name),
                description: Located {
                    value: description.clone(),
                    span: value.span(),
                },
            }),
            other => errors.push(index.at(
                value.span(),
                format!(
                    "category `{}` must be described by a string, found {}; write {} = \"what this category means\"",
                    name.get_ref().escape_debug(),
                    other.type_str(),
                    name.get_ref().escape_debug()
                ),
            )),
        }
    }
}

/// Takes the fields out of one `[[code]]` table, reporting every unknown,
/// missing or mistyped one.
fn read_entry(
    file: usize,
    index: &LineIndex<'_>,
    table: Spanned<RawTable>,
    errors: &mut Vec<Diagnostic>,
) -> PendingEntry {
    let header = table.span();
    let mut fields: [Option<Located<String>>; 4] = Default::default();
    let mut present = [false; 4];
    let mut complete = true;
    for (key, value) in table.into_inner() {
        let Some(slot) = FIELDS.iter().position(|f| f == key.get_ref()) else {
            errors.push(index.at(
                key.span(),
                format!(
                    "unknown field `{}` in [[code]]; the fields are {} (is it misspelt?)",
                    key.get_ref().escape_debug(),
                    FIELDS.map(|f| format!("`{f}`")).join(", ")
                ),
            ));
            complete = false;
            continue;
        };
        present[slot] = true;
        match value.get_ref() {
            toml::Value::String(s) => {
                fields[slot] = Some(Located {
                    value: s.clone(),
                    span: value.span(),
                })
            }
            other => {
                errors.push(index.at(
                    value.span(),
                    format!(
                        "field `{}` must be a string, found {}; quote it",
                        key.get_ref(),
                        other.type_str()
                    ),
                ));
                complete = false;
            }
        }
    }
    let [code, description, category, retry] = fields;
    // `retry`, the last field, is optional.
    let missing: Vec<&str> = FIELDS[..3]
        .iter()
        .zip(present)
        .filter(|&(_, present)| !present)
        .map(|(&name, _)| name)
        .collect();
    if !missing.is_empty() {
        errors.push(index.at(
            header,
            format!(
                "[[code]] entry{} is missing the required field{} {}; add {}",
                code.as_ref()
                    .map_or_else(String::new, |c| format!(" `{}`", c.value.escape_debug())),
                if missing.len() > 1 { "s" } else { "" },
                missing
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                missing
                    .iter()
                    .map(|f| format!("{f} = \"...\""))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
        ));
        complete = false;
    }
    PendingEntry {
        file,
        complete,
        code,
        description,
        category,
        retry,
    }
}

/// The checks that need the whole catalog: names, references and
/// uniqueness across every file.
fn check(
    files: &[LineIndex<'_>],
    pending_categories: Vec<PendingCategory>,
    pending_entries: Vec<PendingEntry>,
    errors: &mut Vec<Diagnostic>,
) -> Catalog {
    let at =
        |file: usize, span: &Range<usize>, message: String| files[file].at(span.clone(), message);
    let place = |file: usize, span: &Range<usize>| {
        let d = files[file].at(span.clone(), String::new());
        format!("{}:{}:{}", d.file, d.line, d.column)
    };

    // Categories.
    let mut categories: Vec<CategoryDef> = Vec::new();
    let mut category_index: HashMap<String, usize> = HashMap::new();
    let mut category_places: Vec<(usize, Range<usize>)> = Vec::new();
    let mut category_variants: HashMap<String, usize> = HashMap::new();
    for c in pending_categories {
        let raw = &c.name.value;
        // Shown escaped: a quoted TOML key may hold a line break.
        let name = raw.escape_debug().to_string();
        if let Some(&first) = category_index.get(raw) {
            let (f, s) = &category_places[first];
            errors.push(at(
                c.file,
                &c.name.span,
                format!(
                    "category `{name}` is already defined at {}; keep one definition",
                    place(*f, s)
                ),
            ));
            continue;
        }
        if !is_category_name(raw) {
            errors.push(at(
                c.file,
                &c.name.span,
                format!(
                    "category name `{name}` is not a lowercase identifier; use lowercase ASCII letters, digits and `_`, starting with a letter (e.g. `rate_limit`)"
                ),
            ));
            continue;
        }
        if c.description.value.trim().is_empty() {
            errors.push(at(
                c.file,
                &c.description.span,
                format!(
                    "category `{name}` has an empty description; say what its codes have in common"
                ),
            ));
        }
        let variant = upper_camel(raw);
        if variant == "Self" {
            errors.push(at(
                c.file,
                &c.name.span,
                format!("category name `{name}` would make the variant `Category::Self`, which Rust reserves; choose another name"),
            ));
            continue;
        }
        if let Some(&other) = category_variants.get(&variant) {
            let (f, s) = &category_places[other];
            errors.push(at(
                c.file,
                &c.name.span,
                format!(
                    "category `{name}` makes the variant `Category::{variant}`, as does `{}` at {}; rename one of them",
                    categories[other].name,
                    place(*f, s)
                ),
            ));
            continue;
        }
        category_index.insert(raw.clone(), categories.len());
        category_variants.insert(variant.clone(), categories.len());
        category_places.push((c.file, c.name.span.clone()));
        categories.push(CategoryDef {
            name: raw.clone(),
            variant,
            description: c.description.value,
        });
    }

    // Entries.
    let mut known_categories: Vec<&str> = categories.iter().map(|c| c.name.as_str()).collect();
    known_categories.sort_unstable();
    let known_categories = if known_categories.is_empty() {
        "no category yet: define one under [categories]".to_owned()
    } else {
        format!(
            "use one of {}, or define another under [categories]",
            known_categories.join(", ")
        )
    };
    let mut entries: Vec<Entry> = Vec::with_capacity(pending_entries.len());
    let mut places: Vec<(usize, Range<usize>)> = Vec::with_capacity(pending_entries.len());
    let mut by_code: HashMap<String, usize> = HashMap::with_capacity(pending_entries.len());
    let mut by_variant: HashMap<String, usize> = HashMap::with_capacity(pending_entries.len());
    let mut used = vec![false; categories.len()];
    for e in pending_entries {
        let f = e.file;
        let mut ok = e.complete;
        let name = e.code.as_ref().map_or_else(
            || "this entry".to_owned(),
            |c| format!("`{}`", c.value.escape_debug()),
        );
        if let Some(c) = e.code.as_ref().filter(|c| c.value.is_empty()) {
            errors.push(at(f, &c.span, "code is empty; write the code as the API returns it, e.g. \"InvalidParameterValue.InvalidInstanceId\"".to_owned()));
            ok = false;
        } else if let Some(c) = e.code.as_ref().filter(|c| !is_code(&c.value)) {
            let code = &c.value;
            errors.push(at(
                f,
                &c.span,
                format!(
                    "code {code:?} is not dot-separated ASCII identifiers; each segment starts with a letter and holds only letters and digits (e.g. \"InvalidParameterValue.InvalidInstanceId\")"
                ),
            ));
            ok = false;
        }
        if let Some(d) = e.description.as_ref().filter(|d| d.value.trim().is_empty()) {
            errors.push(at(
                f,
                &d.span,
                format!("description of {name} is empty; say in one sentence what went wrong"),
            ));
            ok = false;
        }
        let category = e.category.as_ref().and_then(|c| {
            let found = category_index.get(&c.value).copied();
            if found.is_none() {
                errors.push(at(
                    f,
                    &c.span,
                    format!(
                        "unknown category `{}` for {name}; {known_categories}",
                        c.value.escape_debug()
                    ),
                ));
            }
            found
        });
        let retry = match &e.retry {
            None => Some(Retry::Never),
            Some(r) => {
                let parsed = Retry::ALL.into_iter().find(|v| v.spelling() == r.value);
                if parsed.is_none() {
                    errors.push(at(
                        f,
                        &r.span,
                        format!(
                            "invalid retry value {:?} for {name}; use \"never\" (the default), \"safe\" or \"if-idempotent\"",
                            r.value
                        ),
                    ));
                    ok = false;
                }
                parsed
            }
        };
        let (true, Some(code), Some(description), Some(category), Some(retry)) =
            (ok, e.code, e.description, category, retry)
        else {
            continue;
        };
        if let Some(&first) = by_code.get(&code.value) {
            let (ff, fs) = &places[first];
            errors.push(at(
                f,
                &code.span,
                format!(
                    "duplicate code `{}`: already defined at {}; remove one of the two entries",
                    code.value,
                    place(*ff, fs)
                ),
            ));
            continue;
        }
        let variant = code.value.replace('.', "");
        if RESERVED_VARIANTS.contains(&variant.as_str()) {
            errors.push(at(
                f,
                &code.span,
                format!(
                    "code `{}` would make the variant `ErrorCode::{variant}`, a name Rust or this crate reserves; this code cannot be added",
                    code.value
                ),
            ));
            continue;
        }
        if let Some(&other) = by_variant.get(&variant) {
            let (of, os) = &places[other];
            errors.push(at(
                f,
                &code.span,
                format!(
                    "code `{}` makes the variant `ErrorCode::{variant}`, as does `{}` at {}; two codes that differ only in their dots cannot both be in the catalog",
                    code.value,
                    entries[other].code,
                    place(*of, os)
                ),
            ));
            continue;
        }
        used[category] = true;
        by_code.insert(code.value.clone(), entries.len());
        by_variant.insert(variant.clone(), entries.len());
        places.push((f, code.span));
        entries.push(Entry {
            code: code.value,
            variant,
            description: description.value,
            category,
            retry,
            parent: None,
        });
    }

    // Only on an otherwise sound catalog: an entry rejected above may be the
    // one that uses the category.
    let sound = errors.is_empty();
    for (i, used) in used.iter().enumerate() {
        if sound && !used {
            let (f, s) = &category_places[i];
            errors.push(at(
                *f,
                s,
                format!(
                    "category `{}` is defined but no code uses it; assign it to a code or remove it",
                    categories[i].name
                ),
            ));
        }
    }
    if entries.is_empty() && sound {
        if let Some(first) = files.first() {
            errors.push(first.diagnostic(
                0,
                "the catalog has no [[code]] entries; add at least one".to_owned(),
            ));
        }
    }

    // Each code's nearest ancestor in the catalog, one dotted segment up at
    // a time.
    for entry in &mut entries {
        let mut prefix = entry.code.as_str();
        while let Some((up, _)) = prefix.rsplit_once('.') {
            if let Some(&parent) = by_code.get(up) {
                entry.parent = Some(parent);
                break;
            }
            prefix = up;
        }
    }

    Catalog {
        categories,
        entries,
    }
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

/// `^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$`
pub fn is_code(code: &str) -> bool {
    code.split('.').all(|segment| {
        let mut chars = segment.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric())
    })
}

/// `^[a-z][a-z0-9_]*$`
pub fn is_category_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// `rate_limit` → `RateLimit`.
pub fn upper_camel(name: &str) -> String {
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
