//! Steps 2, 3 and 5: each category and each entry on its own (names,
//! grammar, description, category, retry, reason, variant), then the
//! catalog as a whole (an extra file's unused category, an empty catalog,
//! the order of `codes.toml`).

use super::diagnostics::{Diagnostic, Files, FirstDefinitions, Place};
use super::grammar::{is_category_name, is_code, is_identifier, is_reserved_variant, upper_camel};
use super::model::{CategoryDef, Entry, Kind, Retry, default_variant};
use super::read::{PendingCategory, PendingEntry};

/// A category once its name is checked, with the place of that name.
pub(super) struct DefinedCategory {
    pub(super) def: CategoryDef,
    pub(super) place: Place,
}

/// Step 2: category names, variants and descriptions; a name or variant
/// defined twice.
pub(super) fn define_categories(
    files: &mut Files<'_>,
    pending: Vec<PendingCategory>,
) -> Vec<DefinedCategory> {
    let mut defined: Vec<DefinedCategory> = Vec::new();
    let mut names = FirstDefinitions::new();
    let mut variants = FirstDefinitions::new();
    for PendingCategory {
        name,
        description,
        rate_limit,
    } in pending
    {
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
                rate_limit,
            },
            place: name.place,
        });
    }
    defined
}

/// An entry whose fields are each sound, with the places later steps name.
pub(super) struct CheckedEntry {
    pub(super) entry: Entry,
    pub(super) code_place: Place,
}

/// Step 3: each entry's own fields: the code's grammar, the description,
/// the category it names, the retry advice, the variant name.
pub(super) fn check_entries(
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
        if is_reserved_variant(&variant) {
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
                common: files.kind(&code.place) == Kind::Common,
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

/// Step 5: a category an extra file declares and no code uses is a mistake.
/// The categories of `codes.toml` are the vocabulary of every product
/// catalog, so some are used only when a product's feature is on.
pub(super) fn check_categories_used(
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

pub(super) fn check_not_empty(files: &mut Files<'_>, entries: &[CheckedEntry]) {
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

/// `codes.toml` keeps its entries in ASCII order, so that a reader finds a
/// code where they expect it. Advice, not an error: the declared order is
/// whatever the file says.
pub(super) fn ascii_order_warnings(files: &Files<'_>, entries: &[CheckedEntry]) -> Vec<Diagnostic> {
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
