//! The naming rule of `ErrorCode` variants: a code's variant is the code
//! without its dots, unless its catalog entry names another. The one place
//! the rule is written: the build script (`build/catalog.rs`, which the
//! import tool shares) and the library's `Debug` both include this file.

/// The parts of `code`'s default variant name, in order: its dotted
/// segments. Joined, they are the name (`AuthFailure.SignatureFailure` →
/// `AuthFailureSignatureFailure`).
#[allow(dead_code)] // each includer uses what it needs
pub(crate) fn default_variant_parts(code: &str) -> impl Iterator<Item = &str> {
    code.split('.')
}
