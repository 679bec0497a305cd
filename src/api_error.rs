use std::fmt;

use crate::{Advice, Category, ErrorCode, Retry, SafeText, advise, lookup, resolve};

/// A failed Tencent Cloud API call: the `Error` of a response and its
/// `RequestId`.
///
/// The code is kept exactly as received, in the catalog or not;
/// [`advice`](ApiError::advice) says what the catalog makes of it (the one
/// answer that [`Failure`](crate::Failure), the retry policy and `tcerr`
/// give too), and [`nearest_catalog_code`](ApiError::nearest_catalog_code)
/// which catalog code it is or refines. Fields are private so that more can
/// be added; the accessors borrow them.
///
/// With the `serde` feature, `ApiError` deserializes from (and serializes
/// to) the failure body itself,
/// `{"Response": {"Error": {"Code", "Message"}, "RequestId"}}`; see
/// [`Response`](crate::Response) for a body that may be either.
///
/// ```
/// use tencentcloud_error_codes::{ApiError, Category, ErrorCode, Retry};
///
/// let err = ApiError::new(
///     "InvalidParameterValue.InvalidWidgetId",
///     "The widget ID is malformed.",
///     Some("b5b41468-520d-4192-b42f-595cc34b6c1c".to_owned()),
/// );
/// assert_eq!(err.code(), "InvalidParameterValue.InvalidWidgetId");
/// assert_eq!(err.nearest_catalog_code(), Some(ErrorCode::InvalidParameterValue));
/// assert!(!err.is_in_catalog());
/// assert_eq!(err.category(), Some(Category::Request));
/// assert_eq!(err.retry(), Some(Retry::Never));
/// assert_eq!(
///     err.to_string(),
///     "InvalidParameterValue.InvalidWidgetId: The widget ID is malformed. \
///      (request ID b5b41468-520d-4192-b42f-595cc34b6c1c)"
/// );
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiError {
    code: String,
    message: String,
    request_id: Option<String>,
}

impl ApiError {
    /// An error with this code, message and request ID.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let err = ApiError::new("InternalError", "written for this example", None);
    /// assert_eq!(err.code(), "InternalError");
    /// assert_eq!(err.request_id(), None);
    /// ```
    #[must_use]
    pub fn new(
        code: impl Into<String>,
        message: impl Into<String>,
        request_id: Option<String>,
    ) -> Self {
        ApiError {
            code: code.into(),
            message: message.into(),
            request_id,
        }
    }

    /// The `Code` exactly as received.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// assert_eq!(ApiError::new("Not.In.Catalog", "", None).code(), "Not.In.Catalog");
    /// ```
    #[must_use]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The `Message` as received: free text for a person, which the service
    /// may change at any time; match on the code instead.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// assert_eq!(ApiError::new("InternalError", "written here", None).message(), "written here");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The `RequestId`, to quote when asking Tencent Cloud about the call.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let err = ApiError::new("InternalError", "", Some("r-1".to_owned()));
    /// assert_eq!(err.request_id(), Some("r-1"));
    /// ```
    #[must_use]
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The nearest catalog code ([`resolve`]): the code itself if the
    /// catalog holds it, else the nearest catalog code it refines, one
    /// dotted segment up at a time; `None` when the catalog holds neither.
    /// That names the code; it is no advice: a bare parent's advice need not
    /// be its children's, so for what to do ask [`advice`](ApiError::advice).
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, ErrorCode};
    ///
    /// let err = ApiError::new("ResourceNotFound.NoSuchDisk", "", None);
    /// assert_eq!(err.nearest_catalog_code(), Some(ErrorCode::ResourceNotFound));
    /// assert_eq!(ApiError::new("ResourceBusyNowhere", "", None).nearest_catalog_code(), None);
    /// ```
    #[must_use]
    pub fn nearest_catalog_code(&self) -> Option<ErrorCode> {
        resolve(&self.code)
    }

    /// The nearest catalog code: the former name of
    /// [`nearest_catalog_code`](ApiError::nearest_catalog_code), which says
    /// what it is.
    ///
    /// ```
    /// # #![allow(deprecated)]
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let err = ApiError::new("ResourceNotFound.NoSuchDisk", "", None);
    /// assert_eq!(err.known(), err.nearest_catalog_code());
    /// ```
    #[deprecated(
        since = "0.2.0",
        note = "use `nearest_catalog_code`; for advice, `advice`"
    )]
    #[must_use]
    pub fn known(&self) -> Option<ErrorCode> {
        self.nearest_catalog_code()
    }

    /// Whether the code itself is in the catalog, rather than only a code it
    /// refines.
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// assert!(ApiError::new("InternalError", "", None).is_in_catalog());
    /// assert!(!ApiError::new("InternalError.SomethingNew", "", None).is_in_catalog());
    /// ```
    #[must_use]
    pub fn is_in_catalog(&self) -> bool {
        lookup(&self.code).is_some()
    }

    /// The advice for the code ([`advise`]): its own when the catalog holds
    /// it, else its family's, else its nearest ancestor's; `None` when the
    /// catalog knows nothing of it.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, AdviceSource};
    ///
    /// let err = ApiError::new("ResourceInUse.SomethingNew", "", None);
    /// assert_eq!(err.advice().unwrap().source(), AdviceSource::Family("ResourceInUse"));
    /// ```
    #[must_use]
    pub fn advice(&self) -> Option<Advice> {
        advise(&self.code)
    }

    /// The category of [`advice`](ApiError::advice): for a code the catalog
    /// does not hold, its family's or ancestor's; `None` only when nothing
    /// in the catalog speaks for the code.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, Category};
    ///
    /// let err = ApiError::new("InvalidParameterValue.SomethingNew", "", None);
    /// assert_eq!(err.category(), Some(Category::Request));
    /// assert_eq!(ApiError::new("NoSuchFamily.Anything", "", None).category(), None);
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        self.advice().map(|a| a.category())
    }

    /// The retry advice of [`advice`](ApiError::advice): for a code the
    /// catalog does not hold, what its family's codes mostly are, not the
    /// bare parent's own; `None` only when nothing in the catalog speaks for
    /// the code.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ApiError, Retry};
    ///
    /// let err = ApiError::new("ResourceUnavailable.SomethingNew", "", None);
    /// assert_eq!(err.retry(), Some(Retry::Never));
    /// ```
    #[must_use]
    pub fn retry(&self) -> Option<Retry> {
        self.advice().map(|a| a.retry())
    }
}

impl fmt::Display for ApiError {
    /// `Code: Message (request ID …)`, without `: Message` when the message
    /// is empty. The text comes from the network, so it is shown safely for
    /// a terminal or a log line: control and bidirectional characters are
    /// written as visible escapes (`\u{1b}`), and a code or request ID is
    /// cut after 64 characters, a message after 1,000. The exact values
    /// stay available from [`code`](ApiError::code),
    /// [`message`](ApiError::message) and
    /// [`request_id`](ApiError::request_id).
    ///
    /// ```
    /// use tencentcloud_error_codes::ApiError;
    ///
    /// let err = ApiError::new("InternalError", "", Some("r-1".to_owned()));
    /// assert_eq!(err.to_string(), "InternalError (request ID r-1)");
    /// let hostile = ApiError::new("X\u{1b}[2J", "red\u{202e}txet", None);
    /// assert_eq!(hostile.to_string(), r"X\u{1b}[2J: red\u{202e}txet");
    /// assert_eq!(hostile.code(), "X\u{1b}[2J");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", SafeText::code(&self.code))?;
        if !self.message.is_empty() {
            write!(f, ": {}", SafeText::message(&self.message))?;
        }
        if let Some(id) = &self.request_id {
            write!(f, " (request ID {})", SafeText::code(id))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}
