//! The catalog as `build.rs` generates it from `codes.toml`: the `ErrorCode`
//! and `Category` enums, the tables their methods index, and the
//! perfect-hash map from code strings.

use crate::Retry;

/// What the catalog says of one code.
pub(crate) struct Entry {
    pub(crate) code: &'static str,
    pub(crate) description: &'static str,
    pub(crate) category: Category,
    pub(crate) retry: Retry,
    pub(crate) parent: Option<ErrorCode>,
}

/// What the catalog says of one category.
pub(crate) struct CategoryEntry {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    pub(crate) codes: &'static [ErrorCode],
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));
