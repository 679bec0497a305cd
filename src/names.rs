//! How the catalog spells things, written once for the build script
//! (`build/model.rs`, which the tests and the import share) and the
//! library, which both include this file: the retry advice as catalog
//! files write it, and the variant a code is named by when its entry names
//! none.

/// `never`, `safe`, `if-idempotent`, in the order of the `Retry` enum's
/// variants: `Retry::Never as usize` indexes `never`, and so on.
pub(crate) const RETRY_SPELLINGS: [&str; 3] = ["never", "safe", "if-idempotent"];

/// The parts of `code`'s default variant name, in order: its dotted
/// segments. Joined, they are the name (`AuthFailure.SignatureFailure` →
/// `AuthFailureSignatureFailure`).
pub(crate) fn default_variant_parts(code: &str) -> impl Iterator<Item = &str> {
    code.split('.')
}
