//! Step 4 and 6: one entry per code across every file, and the links
//! between entries: a code several product files share, a code an extra
//! file repeats from a product, the common codes a product lists, and each
//! code's nearest ancestor.

use std::collections::HashMap;

use super::checks::CheckedEntry;
use super::diagnostics::{Diagnostic, Files, FirstDefinitions, Located, Place};
use super::grammar::is_code;
use super::model::{Entry, Kind, default_variant};
use super::read::COMMON;

/// Step 4: codes and variants across every file. A code defined twice is
/// an error at the second place, but for two cases:
///
/// - Product files may share a code: the definitions must agree, and the
///   code then lists both products.
/// - An extra file may repeat a product's code. Cargo unifies features
///   across a build, so a product's catalog can appear in a build the day
///   any crate in it turns the feature on; that must not break the build of
///   a team whose extra file holds the code. An identical entry merges;
///   a different one is replaced by the extra file's (the team's own word
///   on its codes), with a warning naming both places.
pub(super) fn merge_codes(
    files: &mut Files<'_>,
    checked: Vec<CheckedEntry>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<CheckedEntry> {
    let mut merged: Vec<CheckedEntry> = Vec::with_capacity(checked.len());
    let mut codes = FirstDefinitions::new();
    let mut variants = FirstDefinitions::new();
    // The product codes an extra file has already repeated: a second extra
    // definition is a duplicate among the team's own files, as it would be
    // without the product.
    let mut repeated_by_extra = FirstDefinitions::new();
    for mut e in checked {
        let product = files.product_of[e.code_place.file];
        let code = e.entry.code.clone();
        if let Some((first, i)) = codes.claim(&code, &e.code_place, merged.len()) {
            let kinds = (files.kind(&first), files.kind(&e.code_place));
            let difference = differs(&merged[i].entry, &e.entry);
            let earlier_extra = match kinds {
                (Kind::Product(_), Kind::Extra) => {
                    repeated_by_extra.claim(&code, &e.code_place, ())
                }
                _ => None,
            };
            match (kinds, difference) {
                ((Kind::Product(_), Kind::Product(_)), None) => {
                    merged[i].entry.products.extend(product);
                }
                ((Kind::Product(_), Kind::Product(_)), Some(field)) => {
                    let first = files.locate(&first);
                    files.report(
                        &e.code_place,
                        format!("code `{code}` is defined differently at {first} (its {field} differs); a code several product catalogs share must be written identically in each"),
                    );
                }
                ((Kind::Product(_), Kind::Extra), _) if earlier_extra.is_some() => {
                    let first = earlier_extra.map(|(place, ())| files.locate(&place));
                    let first = first.unwrap_or_default();
                    files.report(
                        &e.code_place,
                        format!("duplicate code `{code}`: already defined at {first}; remove one of the two entries"),
                    );
                }
                ((Kind::Product(_), Kind::Extra), None) => {}
                ((Kind::Product(_), Kind::Extra), Some(field)) => {
                    let product_place = files.locate(&first);
                    let kept = &merged[i].entry.variant;
                    let note = if field == "variant" {
                        format!(
                            " but for its variant, which stays `ErrorCode::{kept}`, the name this crate publishes for the code"
                        )
                    } else {
                        String::new()
                    };
                    warnings.push(files.diagnostic(
                        &e.code_place,
                        format!("code `{code}` is also defined at {product_place}, differently (its {field} differs); this file's entry replaces it{note}. Remove the entry here to take the product catalog's"),
                    ));
                    replace(&mut merged[i], e);
                }
                _ => {
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

/// An extra file's entry in the place of a product's: every field is the
/// extra file's, but the products that define the code still do, and the
/// variant keeps its name, which crates built with the product may use.
fn replace(kept: &mut CheckedEntry, extra: CheckedEntry) {
    let products = std::mem::take(&mut kept.entry.products);
    let variant = std::mem::take(&mut kept.entry.variant);
    let variant_given = kept.entry.variant_given;
    *kept = extra;
    kept.entry.products = products;
    kept.entry.variant = variant;
    kept.entry.variant_given = variant_given;
}

/// The first field in which two definitions of a code differ.
pub(super) fn differs(a: &Entry, b: &Entry) -> Option<&'static str> {
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
pub(super) fn link_common_codes(
    files: &mut Files<'_>,
    entries: &mut [CheckedEntry],
    common: Vec<Located>,
) {
    let common_index: HashMap<&str, usize> = entries
        .iter()
        .enumerate()
        .filter(|(_, e)| files.kind(&e.code_place) == Kind::Common)
        .map(|(i, e)| (e.entry.code.as_str(), i))
        .collect();
    let mut links = Vec::new();
    let mut listed = FirstDefinitions::new();
    // A code missing from codes.toml is reported once, where it is first
    // listed: a removed common code is listed by most products.
    let mut missing: Vec<(String, Place, usize)> = Vec::new();
    for Located { value, place } in common {
        let Some(&entry) = common_index.get(value.as_str()) else {
            match missing.iter_mut().find(|(code, ..)| *code == value) {
                Some((_, _, others)) => *others += 1,
                None => missing.push((value, place, 0)),
            }
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
    for (code, place, others) in missing {
        let also = match others {
            0 => String::new(),
            1 => " (as does 1 other product catalog)".to_owned(),
            n => format!(" (as do {n} other product catalogs)"),
        };
        let variant = if is_code(&code) {
            format!(
                ", like its variant `ErrorCode::{}`,",
                default_variant(&code)
            )
        } else {
            String::new()
        };
        files.report(
            &place,
            format!(
                "`{}` is listed as a common code{also} but codes.toml does not define it. If it was removed from codes.toml, restore it: a published code{variant} is never removed (mark it retired = true instead). Otherwise remove it here: `{COMMON}` lists only common codes, and a product's own codes are [[code]] entries",
                code.escape_debug()
            ),
        );
    }
    // The lists are read file by file, in the order given, and a common
    // code has no product of its own: each code's products stay in order.
    for (entry, product) in links {
        entries[entry].entry.products.push(product);
    }
}

/// Step 6: each code's nearest ancestor in the catalog, one dotted segment
/// up at a time.
pub(super) fn link_parents(entries: &mut [CheckedEntry]) {
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
