//! The spellings of the retry advice in catalog files, in the order of the
//! `Retry` enum's variants. The one place they are written: the library
//! (`src/retry.rs`) and the build script (`build/catalog.rs`) both include
//! this file.

/// `never`, `safe`, `if-idempotent`: `Retry::Never as usize` indexes
/// `never`, and so on.
pub(crate) const RETRY_SPELLINGS: [&str; 3] = ["never", "safe", "if-idempotent"];
