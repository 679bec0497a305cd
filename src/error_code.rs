use std::fmt;
use std::str::FromStr;

use crate::fingerprint::fingerprint;
use crate::generated::{
    self, BY_CODE, ENTRIES, Entry, FINGERPRINTED, FINGERPRINTS, MAX_CODE_LEN, PRODUCT_SETS, code_at,
};
use crate::names::default_variant_parts;
use crate::{Category, ErrorCode, Quoted, Retry};

impl ErrorCode {
    /// Every code of the catalog, in declared order: `codes.toml`'s entries
    /// (in ASCII order), then those of any extra catalog files, each in its
    /// own order. `ErrorCode`'s `Ord` follows the same order.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert!(ErrorCode::ALL.contains(&ErrorCode::InternalError));
    /// assert!(ErrorCode::ALL.iter().enumerate().all(|(i, &code)| code as usize == i));
    /// ```
    pub const ALL: &'static [ErrorCode] = &generated::ALL;

    /// The code with exactly this string (case-sensitive), if the catalog
    /// has it. Never allocates; any string is a valid input.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::from_code("AuthFailure.SignatureFailure"),
    ///     Some(ErrorCode::AuthFailureSignatureFailure)
    /// );
    /// assert_eq!(ErrorCode::from_code("authfailure.signaturefailure"), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        // Longer strings cannot match; skip hashing them.
        if code.len() > MAX_CODE_LEN {
            return None;
        }
        // `phf::Map::get`, with one step more: most misses differ from
        // the slot's code in its fingerprint, a byte of a small dense array,
        // and are rejected without reading the slot's string.
        let hashes = phf_shared::hash(code, &BY_CODE.key);
        let slot = phf_shared::get_index(&hashes, BY_CODE.disps, BY_CODE.entries.len()) as usize;
        if FINGERPRINTED && FINGERPRINTS[slot] != fingerprint(&hashes) {
            return None;
        }
        let (key, index) = BY_CODE.entries[slot];
        (key == code).then(|| code_at(index))
    }

    /// The code itself if the catalog has it, else its nearest dotted
    /// ancestor in the catalog; see [`resolve`](crate::resolve).
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::resolve("ResourceNotFound.NoSuchDisk"),
    ///     Some(ErrorCode::ResourceNotFound)
    /// );
    /// ```
    #[must_use]
    pub fn resolve(code: &str) -> Option<ErrorCode> {
        // A longer prefix cannot match: start from the longest one that
        // ends at a dot and fits, so work is bounded whatever the input.
        let mut prefix = match code.as_bytes().get(..=MAX_CODE_LEN) {
            None => code,
            Some(head) => &code[..head.iter().rposition(|&b| b == b'.')?],
        };
        loop {
            if let Some(found) = ErrorCode::from_code(prefix) {
                return Some(found);
            }
            prefix = &prefix[..prefix.rfind('.')?];
        }
    }

    /// The code as the API returns it.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::RequestLimitExceededUinLimitExceeded.as_str(),
    ///     "RequestLimitExceeded.UinLimitExceeded"
    /// );
    /// ```
    #[inline]
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.entry().code
    }

    /// What the code means, in one sentence.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::AuthFailureSignatureFailure.description(), "Signature error.");
    /// ```
    #[inline]
    #[must_use]
    pub fn description(self) -> &'static str {
        self.entry().description
    }

    /// The class of failure, for deciding what to do next.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Category, ErrorCode};
    ///
    /// assert_eq!(ErrorCode::AuthFailureSignatureExpire.category(), Category::Auth);
    /// assert_eq!(ErrorCode::UnauthorizedOperation.category(), Category::Permission);
    /// ```
    #[inline]
    #[must_use]
    pub fn category(self) -> Category {
        self.entry().category
    }

    /// Whether sending the same request again can succeed.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, Retry};
    ///
    /// assert_eq!(ErrorCode::ServiceUnavailable.retry(), Retry::Safe);
    /// assert!(!ErrorCode::MissingParameter.retry().allows(true));
    /// ```
    #[inline]
    #[must_use]
    pub fn retry(self) -> Retry {
        self.entry().retry
    }

    /// The nearest code of the catalog that this one refines: its longest
    /// dotted prefix in the catalog, if any.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(
    ///     ErrorCode::RequestLimitExceededUinLimitExceeded.parent(),
    ///     Some(ErrorCode::RequestLimitExceeded)
    /// );
    /// assert_eq!(ErrorCode::RequestLimitExceeded.parent(), None);
    /// ```
    #[inline]
    #[must_use]
    pub fn parent(self) -> Option<ErrorCode> {
        self.entry().parent.map(code_at)
    }

    /// The product catalogs built into this crate that name the code, in
    /// ASCII order: for a product code, the products that define it; for a
    /// [common](ErrorCode::is_common) code, the products whose SDK happens
    /// to list it among their codes (the `common` list of
    /// `products/<name>.toml`). That list is no limit: **a common code can
    /// come from any action of any product**, listed or not. Empty for codes
    /// of extra catalog files, and for every code in a build without product
    /// features. A product's catalog is built in when its cargo feature
    /// (named as the product: `cvm`, `cbs`, …) is on.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, products};
    ///
    /// for code in ErrorCode::ALL {
    ///     assert!(code.products().is_sorted());
    ///     assert!(code.products().iter().all(|p| products().contains(p)));
    /// }
    /// if products().is_empty() {
    ///     assert!(ErrorCode::InternalError.products().is_empty());
    /// }
    /// ```
    #[inline]
    #[must_use]
    pub fn products(self) -> &'static [&'static str] {
        PRODUCT_SETS[self.entry().products as usize]
    }

    /// Whether the code is retired: the official SDKs defined it once and
    /// define it no more. A retired code stays in the catalog with its
    /// advice, because its variant, once published, is never removed, and
    /// because a service may still return it.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert!(!ErrorCode::InternalError.is_retired());
    /// let retired = ErrorCode::ALL.iter().filter(|c| c.is_retired()).count();
    /// assert!(retired < ErrorCode::ALL.len());
    /// ```
    #[inline]
    #[must_use]
    pub fn is_retired(self) -> bool {
        self.entry().retired
    }

    /// Whether the code is one of the common codes of `codes.toml`, which
    /// every action of every product can return, as opposed to a code a
    /// product defines (or an extra catalog file's).
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert!(ErrorCode::AuthFailureSignatureFailure.is_common());
    /// assert!(ErrorCode::ALL.iter().any(|c| c.is_common()));
    /// ```
    #[must_use]
    #[inline]
    pub fn is_common(self) -> bool {
        self.entry().common
    }

    /// Whether a person decided this code's advice by reading what Tencent
    /// says the code means, rather than rules guessing it from the code's
    /// words and the descriptions' keywords. Every current code of the
    /// shipped catalogs is reviewed; a code a later refresh adds is guessed
    /// until someone reads it (see the README, "Reviewed advice"). A code
    /// of an extra catalog file is reviewed when its entry says
    /// `reviewed = true`.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert!(ErrorCode::RequestLimitExceeded.is_reviewed());
    /// let reviewed = ErrorCode::ALL.iter().filter(|c| c.is_reviewed()).count();
    /// assert!(reviewed > 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn is_reviewed(self) -> bool {
        self.entry().reviewed
    }

    /// Why the code's advice is what it is, in a few words: the review's
    /// reason for a [reviewed](ErrorCode::is_reviewed) code, the rule that
    /// guessed it otherwise. Empty when the catalog file gives no reason.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// let why = ErrorCode::RequestLimitExceeded.reason();
    /// assert!(!why.is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn reason(self) -> &'static str {
        self.entry().reason
    }

    #[inline]
    fn entry(self) -> &'static Entry {
        &ENTRIES[self as usize]
    }
}

impl fmt::Debug for ErrorCode {
    /// Writes the variant's name, as a derived `Debug` would, without a
    /// `match` arm per code: the name is the code without its dots, unless
    /// the catalog gives it another (see the README on variant names).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.entry().variant {
            Some(name) => f.write_str(name),
            None => default_variant_parts(self.as_str()).try_for_each(|part| f.write_str(part)),
        }
    }
}

impl fmt::Display for ErrorCode {
    /// Writes the code string, as [`as_str`](ErrorCode::as_str).
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// assert_eq!(ErrorCode::InvalidParameterValue.to_string(), "InvalidParameterValue");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl AsRef<str> for ErrorCode {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl FromStr for ErrorCode {
    type Err = UnknownCode;

    /// [`from_code`](ErrorCode::from_code), with an error that names the
    /// input.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// let code: ErrorCode = "InternalError".parse().unwrap();
    /// assert_eq!(code, ErrorCode::InternalError);
    /// assert!("internalerror".parse::<ErrorCode>().is_err());
    /// ```
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ErrorCode::from_code(s).ok_or_else(|| UnknownCode(s.to_owned()))
    }
}

impl TryFrom<&str> for ErrorCode {
    type Error = UnknownCode;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// The error of parsing an [`ErrorCode`] from a string the catalog does not
/// have. It keeps the input; its message quotes it (escaped, and cut after
/// 64 characters).
///
/// ```
/// use tencentcloud_error_codes::ErrorCode;
///
/// let err = "NoSuchThing".parse::<ErrorCode>().unwrap_err();
/// assert_eq!(err.input(), "NoSuchThing");
/// assert_eq!(err.to_string(), r#"unknown Tencent Cloud error code "NoSuchThing""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode(String);

impl UnknownCode {
    /// The string that is not in the catalog.
    ///
    /// ```
    /// use tencentcloud_error_codes::ErrorCode;
    ///
    /// let err = "NoSuchCode".parse::<ErrorCode>().unwrap_err();
    /// assert_eq!(err.input(), "NoSuchCode");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown Tencent Cloud error code {}", Quoted(&self.0))
    }
}

impl std::error::Error for UnknownCode {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map is `phf_codegen`'s and the fingerprints are computed from
    /// what the build read back of it: they must agree on every slot, or a
    /// lookup would reject its own code.
    #[test]
    fn every_slot_fingerprint_matches_its_code() {
        let fingerprinted = std::hint::black_box(FINGERPRINTED);
        assert!(
            fingerprinted,
            "this build could not read the map phf_codegen wrote"
        );
        assert_eq!(BY_CODE.entries.len(), FINGERPRINTS.len());
        for (slot, &(key, index)) in BY_CODE.entries.iter().enumerate() {
            let hashes = phf_shared::hash(key, &BY_CODE.key);
            let found =
                phf_shared::get_index(&hashes, BY_CODE.disps, BY_CODE.entries.len()) as usize;
            assert_eq!(found, slot, "{key} hashes to another slot");
            assert_eq!(FINGERPRINTS[slot], fingerprint(&hashes), "{key}");
            assert_eq!(code_at(index).as_str(), key);
        }
    }
}
