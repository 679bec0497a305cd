//! `families.toml`: for each family of codes (a dotted prefix), the advice
//! for a child the catalog does not hold. Reading its `[[family]]` tables,
//! and checking each prefix, category and retry.

use toml::de::{DeTable, DeValue};

use super::checks::DefinedCategory;
use super::diagnostics::{Files, FirstDefinitions, Located, Place};
use super::grammar::is_code;
use super::model::{FamilyDef, Retry};
use super::read::in_file_order;

/// The table of a families file.
pub(super) const FAMILY: &str = "family";

/// Reads a families file's `[[family]]` tables; any other key is reported.
pub(super) fn read_families_file(
    files: &mut Files<'_>,
    file: usize,
    document: DeTable<'_>,
    out: &mut Vec<PendingFamily>,
) {
    let at = |span: std::ops::Range<usize>| Place { file, span };
    for (key, value) in in_file_order(document) {
        let name = key.get_ref().as_ref();
        match (name, value.into_inner()) {
            (FAMILY, DeValue::Array(array)) => {
                for table in array {
                    let span = table.span();
                    match table.into_inner() {
                        DeValue::Table(table) => out.push(read_family(files, at(span), table)),
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
    }
}

/// The fields of a `[[family]]` table, all required.
pub(super) const FAMILY_FIELDS: [&str; 3] = ["prefix", "category", "retry"];

/// A `[[family]]` table's fields, not yet checked; `None` when a field was
/// missing, unknown or mistyped (already reported).
pub(super) struct PendingFamily {
    pub(super) fields: Option<[Located; FAMILY_FIELDS.len()]>,
}

/// Takes the fields out of one `[[family]]` table.
pub(super) fn read_family(
    files: &mut Files<'_>,
    header: Place,
    table: DeTable<'_>,
) -> PendingFamily {
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
pub(super) fn check_families(
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
