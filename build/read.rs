//! Step 1: each file's TOML turned into pending parts (categories, code
//! entries, a product's `common` list, families), every malformed,
//! unknown, missing or mistyped piece reported where it stands. `toml`'s
//! own document types keep every key's and value's byte span, with no
//! serde and no proc-macro for dependents to compile.

use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::diagnostics::{Files, Located, Place, one_line};
use super::families::{self, PendingFamily};
use super::model::Kind;

/// The string fields of a `[[code]]` entry; the first three are required.
pub(super) const FIELDS: [&str; 6] = [
    "code",
    "description",
    "category",
    "retry",
    "variant",
    "reason",
];
pub(super) const REQUIRED: usize = 3;
/// The boolean fields of a `[[code]]` entry, each `false` when absent:
/// `retired`, `reviewed`.
pub(super) const FLAGS: [&str; 2] = ["retired", "reviewed"];
/// The top-level key of a product catalog that lists the common codes (of
/// `codes.toml`) the product returns.
pub(super) const COMMON: &str = "common";

pub(super) struct PendingCategory {
    pub(super) name: Located,
    pub(super) description: Located,
    /// The category's codes say the caller sends too fast.
    pub(super) rate_limit: bool,
}

/// An entry's string fields, not yet checked against the rest of the
/// catalog. `complete` is false when a field was missing, unknown or of the
/// wrong type (already reported); the fields present are still checked.
pub(super) struct PendingEntry {
    pub(super) complete: bool,
    pub(super) fields: [Option<Located>; FIELDS.len()],
    /// The values of [`FLAGS`], in that order.
    pub(super) flags: [bool; FLAGS.len()],
}

/// What the files hold, read but not yet checked: categories, entries,
/// the common codes products list, families.
#[derive(Default)]
pub(super) struct Pending {
    pub(super) categories: Vec<PendingCategory>,
    pub(super) entries: Vec<PendingEntry>,
    /// Each product catalog's `common` list, each code with its place.
    pub(super) common: Vec<Located>,
    pub(super) families: Vec<PendingFamily>,
}

/// Step 1: each file's tables, with every malformed, unknown, missing or
/// mistyped part reported.
pub(super) fn read_files(files: &mut Files<'_>) -> Pending {
    let mut pending = Pending::default();
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
        if source.kind == Kind::Families {
            families::read_families_file(files, file, document, &mut pending.families);
            continue;
        }
        for (key, value) in in_file_order(document) {
            let (name, value_place) = (key.get_ref().as_ref(), at(value.span()));
            match (name, value.into_inner()) {
                ("categories", DeValue::Table(table)) => {
                    if let Kind::Product(product) = source.kind {
                        files.report(
                            &at(key.span()),
                            format!("the product catalog `{product}` declares categories; product catalogs use the categories of codes.toml, so declare them there"),
                        );
                        continue;
                    }
                    read_categories(files, file, table, &mut pending.categories);
                }
                ("code", DeValue::Array(array)) => {
                    for table in array.into_iter() {
                        let span = table.span();
                        match table.into_inner() {
                            DeValue::Table(table) => {
                                pending.entries.push(read_entry(files, at(span), table));
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
                    read_common(files, file, value_place, value, &mut pending.common);
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
    pending
}

/// A product catalog's `common = ["Code", ...]`: strings, each with its
/// place.
pub(super) fn read_common(
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
pub(super) fn in_file_order<'i>(
    table: DeTable<'i>,
) -> Vec<(Spanned<std::borrow::Cow<'i, str>>, Spanned<DeValue<'i>>)> {
    let mut pairs: Vec<_> = table.into_iter().collect();
    pairs.sort_by_key(|(key, _)| key.span().start);
    pairs
}

/// A `[categories]` table: `name = "description"`, or
/// `name = { description = "...", rate_limit = true }` for a category
/// whose codes say the caller sends too fast (the policy backs off longer).
pub(super) fn read_categories(
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
        let shown = name.value.escape_debug().to_string();
        match value.into_inner() {
            DeValue::String(description) => out.push(PendingCategory {
                name,
                description: Located {
                    value: description.into_owned(),
                    place: Place { file, span },
                },
                rate_limit: false,
            }),
            DeValue::Table(fields) => {
                let mut description = None;
                let mut rate_limit = false;
                let mut sound = true;
                for (key, value) in in_file_order(fields) {
                    let place = Place {
                        file,
                        span: value.span(),
                    };
                    match (key.get_ref().as_ref(), value.into_inner()) {
                        ("description", DeValue::String(text)) => {
                            description = Some(Located {
                                value: text.into_owned(),
                                place,
                            })
                        }
                        ("rate_limit", DeValue::Boolean(b)) => rate_limit = b,
                        (field @ ("description" | "rate_limit"), other) => {
                            let want = if field == "description" { "a string" } else { "true or false" };
                            files.report(
                                &place,
                                format!("field `{field}` of category `{shown}` must be {want}, found {}", other.type_str()),
                            );
                            sound = false;
                        }
                        (other, _) => {
                            files.report(
                                &Place { file, span: key.span() },
                                format!("unknown field `{}` of category `{shown}`; the fields are `description` and `rate_limit`", other.escape_debug()),
                            );
                            sound = false;
                        }
                    }
                }
                // A category with a description stands even beside a bad
                // field (reported above), so its codes are not reported too.
                match (sound, description) {
                    (_, Some(description)) => out.push(PendingCategory {
                        name,
                        description,
                        rate_limit,
                    }),
                    (true, None) => files.report(
                        &Place { file, span },
                        format!("category `{shown}` has no `description`; write {shown} = {{ description = \"what this category means\", rate_limit = {rate_limit} }}"),
                    ),
                    (false, None) => {}
                }
            }
            other => files.report(
                &Place { file, span },
                format!(
                    "category `{shown}` must be described by a string, found {}; write {shown} = \"what this category means\"",
                    other.type_str(),
                ),
            ),
        }
    }
}

/// Takes the fields out of one `[[code]]` table, reporting every unknown,
/// missing or mistyped one.
pub(super) fn read_entry(files: &mut Files<'_>, header: Place, table: DeTable<'_>) -> PendingEntry {
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
