//! The catalog as `build.rs` generates it from `codes.toml`, the enabled
//! product catalogs and any extra catalog files: the `ErrorCode` and
//! `Category` enums, the tables their methods index, and the
//! perfect-hash map from code strings.

use crate::Retry;

/// What the catalog says of one code.
pub(crate) struct Entry {
    pub(crate) code: &'static str,
    pub(crate) description: &'static str,
    pub(crate) category: Category,
    pub(crate) retry: Retry,
    /// A code of `codes.toml`, which any product can return.
    pub(crate) common: bool,
    /// No official SDK defines the code any more.
    pub(crate) retired: bool,
    /// A person read what the code means and decided its advice.
    pub(crate) reviewed: bool,
    /// Why the advice is what it is; empty when the catalog file gives no
    /// reason.
    pub(crate) reason: &'static str,
    pub(crate) parent: Option<Index>,
    /// Index into `PRODUCT_SETS`: the product catalogs that define the code
    /// or, for a common code, say they return it.
    pub(crate) products: u32,
    /// The variant's name, when it is not the code without its dots.
    pub(crate) variant: Option<&'static str>,
}

/// What the catalog says of one category.
pub(crate) struct CategoryEntry {
    pub(crate) name: &'static str,
    pub(crate) description: &'static str,
    /// Its codes say the caller sends too fast (`rate_limit = true`).
    pub(crate) rate_limit: bool,
    pub(crate) codes: &'static [Index],
}

/// What a family's unknown codes mostly are.
pub(crate) struct Family {
    pub(crate) prefix: &'static str,
    pub(crate) category: Category,
    pub(crate) retry: Retry,
}

include!(concat!(env!("OUT_DIR"), "/catalog.rs"));

/// The code at `index` in the tables.
#[inline]
pub(crate) fn code_at(index: Index) -> ErrorCode {
    ALL[index as usize]
}
