//! One byte of a code's hash, kept per slot of the perfect-hash map so that
//! a miss is rejected without reading the slot's string. The library
//! (`src/error_code.rs`) and the build script (`build/codegen.rs`) include
//! this file, so both compute it the same way.
//!
//! The byte is the top of `g`, the hash that picks the displacement bucket;
//! the slot itself comes from `f1` and `f2`, so a miss that lands in a slot
//! matches its byte only about once in 256 times.

/// The fingerprint of a code with these `phf` hashes.
#[inline]
pub(crate) fn fingerprint(hashes: &phf_shared::Hashes) -> u8 {
    (hashes.g >> 24) as u8
}
