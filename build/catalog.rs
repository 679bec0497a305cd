//! The catalog's build model: reading, validating and merging the catalog
//! files into one [`Catalog`]. Shared by `build.rs`, the tests and the
//! import tool, which all pull this file in with `#[path]`, so that every
//! rule is unit-tested without running cargo.
//!
//! [`Catalog::parse`] runs one step per job and reports *every* problem it
//! finds, each with the file, line and column to look at and what to do
//! about it. Each module owns one job:
//!
//! | module | job |
//! |---|---|
//! | `model` | the validated catalog's types |
//! | `diagnostics` | where a problem is and how it is told |
//! | `read` | step 1: TOML to pending parts |
//! | `families` | `families.toml`: reading and checking it |
//! | `checks` | steps 2, 3, 5: categories, entries, the whole |
//! | `merge` | steps 4, 6: one entry per code, and the links between them |
//! | `extra` | which extra files the environment names |
//! | `grammar` | the shape of codes and names, and reserved names |
//!
//! A new rule is a new step, or a few lines in one: each step gets the
//! `Files` to report through and what the steps before it produced.

#[path = "checks.rs"]
mod checks;
#[path = "diagnostics.rs"]
mod diagnostics;
#[path = "extra.rs"]
mod extra;
#[path = "families.rs"]
mod families;
#[path = "grammar.rs"]
mod grammar;
#[path = "merge.rs"]
mod merge;
#[path = "model.rs"]
mod model;
#[path = "read.rs"]
mod read;

// Each includer (build.rs, the tests, the import) uses what it needs.
#[allow(unused_imports)]
pub use diagnostics::Diagnostic;
#[allow(unused_imports)]
pub use extra::{EXTRA_VAR, extra_files};
#[allow(unused_imports)]
pub use grammar::{ERROR_CODE_ITEMS, KEYWORDS};
#[allow(unused_imports)]
pub use model::{Catalog, CategoryDef, Entry, FamilyDef, Kind, Retry, Source, default_variant};

use diagnostics::{Files, sorted};

/// Every file a build reads besides the catalog files themselves: the
/// build script, the modules of `build/` and the library files they
/// include. `build.rs` watches each (`cargo::rerun-if-changed`); a test
/// reads every `#[path]` of these files and checks that the list holds them.
#[allow(dead_code)] // the golden test includes the model without it
pub const BUILD_INPUTS: &[&str] = &["build.rs", "build", "src/names.rs", "src/fingerprint.rs"];

impl Catalog {
    /// Parses and validates the catalog made of `sources`, in that order.
    ///
    /// Returns every problem found, when there is any, ordered by place:
    /// file (in the order given), line, column.
    pub fn parse(sources: &[Source<'_>]) -> Result<Catalog, Vec<Diagnostic>> {
        let mut files = Files::new(sources);
        let pending = read::read_files(&mut files);
        let categories = checks::define_categories(&mut files, pending.categories);
        let families = families::check_families(&mut files, &categories, pending.families);
        let checked = checks::check_entries(&mut files, &categories, pending.entries);
        let mut warnings = Vec::new();
        let mut entries = merge::merge_codes(&mut files, checked, &mut warnings);
        merge::link_common_codes(&mut files, &mut entries, pending.common);
        // Only on an otherwise sound catalog: an entry rejected above may be
        // the one that uses the category.
        if files.errors.is_empty() {
            checks::check_categories_used(&mut files, &categories, &entries);
            checks::check_not_empty(&mut files, &entries);
        }
        merge::link_parents(&mut entries);
        warnings.extend(checks::ascii_order_warnings(&files, &entries));
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
