use std::fmt;
use std::str::FromStr;

use crate::Quoted;
use crate::names::RETRY_SPELLINGS;

/// Whether sending the same request again can succeed.
///
/// The catalog gives every code one of these (`retry` in `codes.toml`,
/// `"never"` when absent). It answers "may I retry?", not "when": a code
/// that allows retrying still wants a pause, ideally with exponential
/// backoff and jitter.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, Retry};
///
/// assert_eq!(ErrorCode::RequestLimitExceeded.retry(), Retry::Safe);
/// assert_eq!(ErrorCode::InternalError.retry(), Retry::IfIdempotent);
/// assert_eq!(ErrorCode::InvalidParameter.retry(), Retry::Never);
/// assert_eq!("if-idempotent".parse(), Ok(Retry::IfIdempotent));
/// ```
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Retry {
    /// The same request fails the same way: fix its cause instead (`never`).
    Never,
    /// The service did not run the request, so sending it again unchanged
    /// after a pause is safe (`safe`).
    Safe,
    /// The request may or may not have taken effect: retry only a request
    /// whose repetition does no harm (`if-idempotent`).
    IfIdempotent,
}

impl Retry {
    /// Every value, in the order of their spellings in `codes.toml`:
    /// `never`, `safe`, `if-idempotent` (the order of `Ord` too).
    ///
    /// ```
    /// use tencentcloud_error_codes::Retry;
    ///
    /// let spellings: Vec<&str> = Retry::ALL.iter().map(|r| r.as_str()).collect();
    /// assert_eq!(spellings, ["never", "safe", "if-idempotent"]);
    /// ```
    pub const ALL: &'static [Retry] = &[Retry::Never, Retry::Safe, Retry::IfIdempotent];

    /// The spelling used in `codes.toml`: `never`, `safe` or `if-idempotent`.
    ///
    /// ```
    /// use tencentcloud_error_codes::Retry;
    ///
    /// assert_eq!(Retry::IfIdempotent.as_str(), "if-idempotent");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        RETRY_SPELLINGS[self as usize]
    }

    /// Advice for a person, one sentence.
    ///
    /// ```
    /// use tencentcloud_error_codes::Retry;
    ///
    /// assert!(Retry::Safe.description().contains("safe"));
    /// ```
    #[must_use]
    pub const fn description(self) -> &'static str {
        match self {
            Retry::Never => {
                "Do not retry: the same request fails the same way until its cause is fixed."
            }
            Retry::Safe => "Retrying after a pause is safe: the service did not run the request.",
            Retry::IfIdempotent => {
                "Retry only if the request is idempotent: it may or may not have taken effect."
            }
        }
    }

    /// Whether a request that failed with this advice should be sent again,
    /// given whether repeating it is harmless (`idempotent`: a read, or a
    /// write that carries a client token).
    ///
    /// ```
    /// use tencentcloud_error_codes::Retry;
    ///
    /// assert!(Retry::Safe.allows(false));
    /// assert!(Retry::IfIdempotent.allows(true));
    /// assert!(!Retry::IfIdempotent.allows(false));
    /// assert!(!Retry::Never.allows(true));
    /// ```
    #[must_use]
    pub const fn allows(self, idempotent: bool) -> bool {
        match self {
            Retry::Never => false,
            Retry::Safe => true,
            Retry::IfIdempotent => idempotent,
        }
    }
}

impl fmt::Display for Retry {
    /// Writes [`as_str`](Retry::as_str).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Retry {
    type Err = UnknownRetry;

    /// Parses the spellings of [`as_str`](Retry::as_str), exactly.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Retry::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| UnknownRetry(s.to_owned()))
    }
}

/// The error of parsing a [`Retry`] from a string that is not one of its
/// spellings.
///
/// ```
/// use tencentcloud_error_codes::Retry;
///
/// let err = "maybe".parse::<Retry>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"unknown retry advice "maybe": expected "never", "safe" or "if-idempotent""#
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownRetry(String);

impl UnknownRetry {
    /// The string that failed to parse.
    ///
    /// ```
    /// use tencentcloud_error_codes::Retry;
    ///
    /// let err = "sometimes".parse::<Retry>().unwrap_err();
    /// assert_eq!(err.input(), "sometimes");
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for UnknownRetry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [never, safe, if_idempotent] = RETRY_SPELLINGS;
        write!(
            f,
            "unknown retry advice {}: expected {never:?}, {safe:?} or {if_idempotent:?}",
            Quoted(&self.0)
        )
    }
}

impl std::error::Error for UnknownRetry {}
