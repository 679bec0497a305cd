//! The catalog of Tencent Cloud API 3.0 error codes.
//!
//! Every Tencent Cloud API call that fails answers
//! `{"Response": {"Error": {"Code": "...", "Message": "..."}, "RequestId": "..."}}`.
//! This crate tells a program what the `Code` means: a typed [`ErrorCode`]
//! with its [`description`](ErrorCode::description), its [`Category`] (what
//! kind of failure, so what to do next) and its [`Retry`] advice.
//!
//! The catalog holds the common error codes that every API action can
//! return, and, behind one cargo feature per product (`cvm`, `cbs`, …, or
//! `all-products`), every API-specific code the official SDKs define, each
//! with advice a person decided by reading what Tencent says the code
//! means ([`ErrorCode::is_reviewed`], [`ErrorCode::reason`]) and a
//! meaning in the catalog's own words. It is generated at
//! build time from the crate's `codes.toml` and `products/*.toml`; a string
//! is looked up in a perfect-hash map built then, so a lookup hashes once,
//! compares at most once and never allocates.
//!
//! ```
//! use tencentcloud_error_codes::{Category, ErrorCode, Retry, describe, lookup};
//!
//! let code = lookup("RequestLimitExceeded").expect("a common error code");
//! assert_eq!(code, ErrorCode::RequestLimitExceeded);
//! assert_eq!(code.category(), Category::Throttling);
//! assert_eq!(code.retry(), Retry::Safe);
//!
//! assert_eq!(describe("AuthFailure.SignatureFailure"), Some("Signature error."));
//! assert_eq!(describe("NoSuchCode"), None);
//! ```
//!
//! A code no enabled catalog holds still gets advice: [`advise`] answers
//! with what its family's known codes mostly are, or its nearest catalog
//! ancestor's (never `safe`), and says which; [`resolve`] names the nearest
//! catalog code. `advise` is the one classifier: [`ApiError::advice`],
//! [`Failure`], the retry policy and `tcerr` all answer with it.
//!
//! From advice to action: [`RetryPolicy`] computes "retry after this long"
//! or "stop, because …" without side effects; [`RetryState`] drives one
//! request through it and a client's shared [`RetryQuota`], and plugs into
//! backon, tower and tokio-retry2 in a few lines (the README shows each).
//!
//! ```
//! use tencentcloud_error_codes::{ApiError, RetryPolicy};
//!
//! let retries = RetryPolicy::new().start(true); // a read: idempotent
//! let err = ApiError::new("InternalError", "written for this example", None);
//! assert!(retries.next_delay(&err).is_ok()); // an unknown outcome, but a read
//! ```
//!
//! A program can add codes of its own without forking: name extra catalog
//! files, in the format of `codes.toml`, in the environment variable
//! `TENCENTCLOUD_ERROR_CODES_EXTRA` at build time (the README shows how).
//!
//! Codes are variants named after the code without its dots
//! (`AuthFailure.SignatureFailure` is [`ErrorCode::AuthFailureSignatureFailure`]);
//! where two codes would make the same name, the catalog gives one another
//! (`InternalError.` is `ErrorCode::InternalError_`). A variant's name is the
//! same whichever features are on, and once published is never removed
//! (`data/variants.tsv` lists each, and a test holds the catalog to it).
//! Both enums are `#[non_exhaustive]`: the catalog grows.
//!
//! # Features
//!
//! - `serde` (off by default): [`ErrorCode`], [`Category`] and [`Retry`]
//!   serialize as their strings; [`ApiError`] and [`Response`] read response
//!   bodies. Without it the library depends on `phf` (and its `phf_shared`)
//!   alone.
//! - one per product, named as the product (`cvm`, `cbs`, `cfs`, …): adds
//!   that product's codes; [`ErrorCode::products`] names the products that
//!   define a code (or, for a [common](ErrorCode::is_common) code, whose
//!   SDKs name it: any product can return one). `all-products` adds every product. The default build
//!   holds the common codes only. The documentation on docs.rs is built
//!   with `cvm`, to show what a product adds without an 11 MB page.

#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_docs)]
#![forbid(unsafe_code)]

mod advice;
mod api_error;
mod category;
mod error_code;
mod failure;
mod fingerprint;
mod generated;
mod jitter;
mod names;
mod policy;
mod quota;
#[cfg(feature = "serde")]
mod response;
mod retry;
mod retry_state;
#[cfg(feature = "serde")]
mod serde_impls;
mod shown;

use std::fmt;
use std::iter::FusedIterator;

pub use advice::{Advice, AdviceSource, advise};
pub use api_error::ApiError;
pub use category::UnknownCategory;
pub use error_code::UnknownCode;
pub use failure::Failure;
/// A code of the catalog: one of the common error codes any Tencent Cloud
/// API action can return, or, with a product's feature on, one of that
/// product's API-specific codes (or one of an extra catalog file's).
///
/// Each variant is named after its code without the dots and documents the
/// code, its description, category and retry advice. The methods read
/// tables generated with the enum, so none of them branches per code.
///
/// Get one from a string with [`lookup`] or [`ErrorCode::from_code`] (exact,
/// case-sensitive, never allocating), or by parsing (`FromStr`,
/// `TryFrom<&str>`), which also says what was wrong. `Ord` follows declared
/// order; `Display` writes the code string and `Debug` the variant name.
///
/// **The discriminant is no identity.** `code as u16` (the enum is
/// `#[repr(u16)]`, `u32` past 65,536 codes) is the code's position in this
/// build's tables: it changes when any crate in the build turns on another
/// product feature (`OperationDeniedInstanceOperationInProgress` is one
/// number with `cvm` and another with `cvm,cbs`) and from one release to
/// the next. Store, send or compare across builds the code string
/// ([`as_str`](ErrorCode::as_str), [`from_code`](ErrorCode::from_code)),
/// or use the `serde` feature, which writes the string.
///
/// ```
/// use tencentcloud_error_codes::{Category, ErrorCode, Retry};
///
/// let code: ErrorCode = "ResourceInUse".parse()?;
/// assert_eq!(code, ErrorCode::ResourceInUse);
/// assert_eq!(code.to_string(), "ResourceInUse");
/// assert_eq!(format!("{code:?}"), "ResourceInUse");
/// assert_eq!(code.description(), "Resource is in use.");
/// assert_eq!(code.category(), Category::Resource);
/// assert_eq!(code.retry(), Retry::Never);
/// # Ok::<(), tencentcloud_error_codes::UnknownCode>(())
/// ```
pub use generated::ErrorCode;
pub use jitter::Jitter;
pub use policy::{Decision, RetryPolicy, Stop, is_idempotent};
pub use quota::RetryQuota;
pub use retry_state::RetryState;
pub use shown::SafeText;

/// The class of failure a code belongs to, so a program can decide what to
/// do next: fix credentials ([`Auth`](Category::Auth)), ask for access
/// ([`Permission`](Category::Permission)), fix the request
/// ([`Request`](Category::Request)), back off
/// ([`Throttling`](Category::Throttling)), and so on.
///
/// Categories are declared in `codes.toml`; each variant documents its
/// meaning.
///
/// ```
/// use tencentcloud_error_codes::{Category, lookup};
///
/// match lookup("AuthFailure.SignatureExpire").map(|code| code.category()) {
///     Some(Category::Auth) => { /* check the clock, then re-sign */ }
///     Some(Category::Throttling) => { /* back off */ }
///     _ => {}
/// }
/// assert_eq!(Category::Auth.to_string(), "auth");
/// ```
pub use generated::Category;
#[cfg(feature = "serde")]
pub use response::Response;
pub use retry::{Retry, UnknownRetry};

/// The code with exactly this string, if the catalog has it.
///
/// The match is exact and case-sensitive: API-specific codes such as
/// `ResourceNotFound.NoSuchDisk` are not in the catalog ([`resolve`] finds
/// the code they refine). Any string is a valid input; the lookup never
/// allocates and never panics.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, lookup};
///
/// assert_eq!(lookup("InternalError"), Some(ErrorCode::InternalError));
/// assert_eq!(lookup("internalerror"), None);
/// assert_eq!(lookup(" InternalError"), None);
/// ```
#[inline]
#[must_use]
pub fn lookup(code: &str) -> Option<ErrorCode> {
    ErrorCode::from_code(code)
}

/// What the code with exactly this string means, if the catalog has it.
///
/// ```
/// use tencentcloud_error_codes::describe;
///
/// assert_eq!(describe("ResourceNotFound"), Some("The resource does not exist."));
/// assert_eq!(describe(""), None);
/// ```
#[inline]
#[must_use]
pub fn describe(code: &str) -> Option<&'static str> {
    lookup(code).map(ErrorCode::description)
}

/// What the catalog knows of any code: the code itself if the catalog has
/// it, else its nearest ancestor in the catalog, walking up one dotted
/// segment at a time (`A.B.C`, then `A.B`, then `A`).
///
/// Tencent Cloud answers most failures with an API-specific code that
/// refines a common one (`InvalidParameterValue.InvalidInstanceId`
/// refines `InvalidParameterValue`); this finds the common one, and so the
/// category and retry advice that apply. Precisely: the longest catalog code
/// `k` such that `code == k` or `code` starts with `k` followed by a dot.
/// Only whole segments count, so `InvalidParameterValueLimitless` (no dot) is
/// not a child of `InvalidParameterValue`. It follows that an empty last
/// segment is dropped like any other (`"InternalError."` resolves to
/// `InternalError`), while a string starting with a dot, `""` and `"."`
/// resolve to nothing.
///
/// Never allocates, and its work is bounded by the length of the longest
/// catalog code, whatever the input's length: no longer prefix is hashed.
///
/// ```
/// use tencentcloud_error_codes::{Category, ErrorCode, resolve};
///
/// let code = resolve("InvalidParameterValue.InvalidWidgetId").unwrap();
/// assert_eq!(code, ErrorCode::InvalidParameterValue);
/// assert_eq!(code.category(), Category::Request);
///
/// // A catalog code resolves to itself, a child to its nearest ancestor.
/// assert_eq!(resolve("RequestLimitExceeded.UinLimitExceeded"), Some(ErrorCode::RequestLimitExceededUinLimitExceeded));
/// assert_eq!(resolve("RequestLimitExceeded.UinLimitExceeded.Extra"), Some(ErrorCode::RequestLimitExceededUinLimitExceeded));
///
/// // Not a dotted child of anything in the catalog.
/// assert_eq!(resolve("InvalidParameterValueLimitless"), None);
/// assert_eq!(resolve("InvalidWidgetId.NotFound"), None);
/// ```
#[inline]
#[must_use]
pub fn resolve(code: &str) -> Option<ErrorCode> {
    ErrorCode::resolve(code)
}

/// The product catalogs built into this crate, in ASCII order: one per
/// product feature that is on (`cvm`, `cbs`, …; `all-products` turns on
/// every one). Empty in a default build, which holds the common codes only.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, products};
///
/// assert!(products().is_sorted());
/// // Every code's products are among them.
/// assert!(ErrorCode::ALL
///     .iter()
///     .all(|code| code.products().iter().all(|p| products().contains(p))));
/// ```
#[must_use]
pub fn products() -> &'static [&'static str] {
    &generated::PRODUCTS
}

/// Every code of the catalog, in declared order (as [`ErrorCode::ALL`]).
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, iter};
///
/// let retryable = iter().filter(|code| code.retry().allows(false)).count();
/// assert!(retryable > 0);
/// assert_eq!(iter().len(), ErrorCode::ALL.len());
/// assert_eq!(iter().next_back(), ErrorCode::ALL.last().copied());
/// ```
#[must_use]
pub fn iter()
-> impl DoubleEndedIterator<Item = ErrorCode> + ExactSizeIterator + FusedIterator + Clone {
    ErrorCode::ALL.iter().copied()
}

// The README's examples run as doctests, with the features CI tests.
#[cfg(all(doctest, feature = "serde"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

/// Shows a caller's input in an error message: quoted and escaped, and cut
/// after 64 characters, so that a megabyte of input stays one short line.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const SHOWN: usize = 64;
        match self.0.char_indices().nth(SHOWN) {
            None => write!(f, "{:?}", self.0),
            Some((cut, _)) => write!(f, "{:?}… ({} bytes)", &self.0[..cut], self.0.len()),
        }
    }
}
