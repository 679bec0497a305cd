//! What a failed attempt says about retrying it: [`Failure`], built from
//! the catalog's one classifier, [`advise`](crate::advise), whatever form
//! the failure comes in.

use std::time::Duration;

use crate::{Advice, ApiError, Category, ErrorCode, Retry, advise};

/// What a failed attempt says about retrying it: the retry advice and
/// category of its code, and any delay the server asked for.
///
/// Every way to build one takes its advice from [`advise`], so a code gets
/// the same answer however it arrives: an [`ApiError`], a code string, an
/// [`ErrorCode`] or an [`Advice`]. A code the catalog does not hold gets
/// its family's advice, never the bare parent's own (`ResourceInUse` is
/// `never`, yet a child saying a task is running is `safe`). A code nothing
/// in the catalog speaks for is [`Failure::unknown`]: retried only when the
/// request is idempotent, since nothing says whether it ran. Use the same
/// for a transport failure (a connection reset, a timeout) whose request
/// may or may not have arrived.
///
/// ```
/// use tencentcloud_error_codes::{ApiError, ErrorCode, Failure, Retry};
///
/// assert_eq!(Failure::from(ErrorCode::RequestLimitExceeded).retry(), Retry::Safe);
/// // A code string: what the catalog says of it, or of its family.
/// assert_eq!(Failure::from_code("MissingParameter.Anything").retry(), Retry::Never);
/// assert_eq!(Failure::from_code("NoSuchFamily.Anything"), Failure::unknown());
/// // An ApiError says the same as its code.
/// let err = ApiError::new("ResourceUnavailable.SomethingNew", "written for this example", None);
/// assert_eq!(Failure::from(&err), Failure::from_code(err.code()));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failure {
    retry: Retry,
    category: Option<Category>,
    server_delay: Option<Duration>,
}

impl Failure {
    /// A failure with this advice and, if known, this category.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Category, Failure, Retry};
    ///
    /// let failure = Failure::new(Retry::Safe, Some(Category::Throttling));
    /// assert!(failure.is_rate_limit());
    /// ```
    #[must_use]
    pub const fn new(retry: Retry, category: Option<Category>) -> Failure {
        Failure {
            retry,
            category,
            server_delay: None,
        }
    }

    /// A failure nothing in the catalog speaks for: [`Retry::IfIdempotent`],
    /// no category. Repeating an idempotent request does no harm, and the
    /// code may be a passing one newer than the catalog; any other request
    /// is not repeated blind. Also the failure of a transport error.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Failure, Retry};
    ///
    /// assert_eq!(Failure::unknown().retry(), Retry::IfIdempotent);
    /// assert_eq!(Failure::unknown().category(), None);
    /// ```
    #[must_use]
    pub const fn unknown() -> Failure {
        Failure::new(Retry::IfIdempotent, None)
    }

    /// The failure of a response with this `Code`: its [`advise`]d advice,
    /// or [`Failure::unknown`] when nothing in the catalog speaks for it.
    /// Any string is a valid input.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Failure, Retry};
    ///
    /// assert_eq!(Failure::from_code("InternalError").retry(), Retry::IfIdempotent);
    /// assert_eq!(Failure::from_code("ResourceInUse").retry(), Retry::Never);
    /// ```
    #[must_use]
    pub fn from_code(code: &str) -> Failure {
        Failure::from(advise(code))
    }

    /// The same failure, with a delay the server asked for (a
    /// `Retry-After`-style hint). Tencent Cloud sends none in the body
    /// today; a transport layer that sees one can pass it on. When the
    /// policy retries, it waits at least this long.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::{Decision, ErrorCode, Failure, RetryPolicy};
    ///
    /// let failure = Failure::from(ErrorCode::RequestLimitExceeded)
    ///     .with_server_delay(Duration::from_secs(3));
    /// let decision = RetryPolicy::new().decide(failure, 1, false, 0.0);
    /// assert_eq!(decision, Decision::RetryAfter(Duration::from_secs(3)));
    /// ```
    #[must_use]
    pub const fn with_server_delay(self, delay: Duration) -> Failure {
        Failure {
            server_delay: Some(delay),
            ..self
        }
    }

    /// The retry advice.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, Failure, Retry};
    ///
    /// assert_eq!(Failure::from(ErrorCode::ServiceUnavailable).retry(), Retry::Safe);
    /// ```
    #[must_use]
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// The category, when something in the catalog speaks for the code.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Category, ErrorCode, Failure};
    ///
    /// assert_eq!(Failure::from(ErrorCode::InternalError).category(), Some(Category::Server));
    /// ```
    #[must_use]
    pub const fn category(&self) -> Option<Category> {
        self.category
    }

    /// The delay the server asked for, if any.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::Failure;
    ///
    /// assert_eq!(Failure::unknown().server_delay(), None);
    /// let hinted = Failure::unknown().with_server_delay(Duration::from_secs(1));
    /// assert_eq!(hinted.server_delay(), Some(Duration::from_secs(1)));
    /// ```
    #[must_use]
    pub const fn server_delay(&self) -> Option<Duration> {
        self.server_delay
    }

    /// Whether the code says the caller sends too fast: its category is a
    /// rate limit ([`Category::is_rate_limit`], declared in `codes.toml`).
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, Failure};
    ///
    /// assert!(Failure::from(ErrorCode::RequestLimitExceeded).is_rate_limit());
    /// assert!(!Failure::from(ErrorCode::ServiceUnavailable).is_rate_limit());
    /// ```
    #[must_use]
    pub fn is_rate_limit(&self) -> bool {
        self.category.is_some_and(Category::is_rate_limit)
    }
}

impl From<ErrorCode> for Failure {
    /// The code's own advice, which is what [`advise`] says of it.
    fn from(code: ErrorCode) -> Failure {
        Failure::new(code.retry(), Some(code.category()))
    }
}

impl From<Advice> for Failure {
    /// The advice of [`advise`].
    fn from(advice: Advice) -> Failure {
        Failure::new(advice.retry(), Some(advice.category()))
    }
}

impl From<Option<Advice>> for Failure {
    /// The advice of [`advise`]; `None` is [`Failure::unknown`].
    fn from(advice: Option<Advice>) -> Failure {
        advice.map_or(Failure::unknown(), Failure::from)
    }
}

impl From<&str> for Failure {
    /// [`Failure::from_code`].
    fn from(code: &str) -> Failure {
        Failure::from_code(code)
    }
}

impl From<&ApiError> for Failure {
    /// The advice of [`ApiError::advice`], that is of [`advise`] for its
    /// code.
    fn from(error: &ApiError) -> Failure {
        Failure::from(error.advice())
    }
}
