//! The advice for any code string, the catalog's or not: its own when the
//! catalog holds it, else what its family's codes mostly are, else its
//! nearest catalog ancestor's.

use crate::generated::{FAMILIES, MAX_CODE_LEN, MAX_FAMILY_LEN};
use crate::{Category, ErrorCode, Retry};

/// Where the advice for a code string comes from.
///
/// ```
/// use tencentcloud_error_codes::{AdviceSource, ErrorCode, advise};
///
/// let source = |code: &str| advise(code).map(|a| a.source());
/// assert_eq!(source("InternalError"), Some(AdviceSource::Code(ErrorCode::InternalError)));
/// assert_eq!(source("InvalidParameter.New"), Some(AdviceSource::Family("InvalidParameter")));
/// // No family of ServiceUnavailable: its ancestor speaks, but not `safe`.
/// assert_eq!(
///     source("ServiceUnavailable.New"),
///     Some(AdviceSource::Ancestor(ErrorCode::ServiceUnavailable))
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AdviceSource {
    /// The catalog holds the code: its own advice.
    Code(ErrorCode),
    /// The catalog does not hold the code; the advice is what the known
    /// codes of its family (this prefix, then a dot) mostly are, which need
    /// not be what the family's bare code is advised.
    Family(&'static str),
    /// The catalog holds neither the code nor a family of it: the advice of
    /// the nearest catalog code it refines, except that `safe` becomes
    /// `if-idempotent`. That the service did not run a request failing with
    /// the parent code says nothing of a child nobody has seen.
    Ancestor(ErrorCode),
}

/// What to make of a code string: its category and retry advice, and where
/// they come from, so a program can tell an exact match from a fallback.
///
/// ```
/// use tencentcloud_error_codes::{advise, AdviceSource, ErrorCode, Retry};
///
/// let exact = advise("ServiceUnavailable").unwrap();
/// assert_eq!(exact.source(), AdviceSource::Code(ErrorCode::ServiceUnavailable));
/// assert_eq!(exact.retry(), Retry::Safe);
///
/// // A child the catalog does not know gets its family's advice.
/// let new = advise("ResourceUnavailable.SomethingNew").unwrap();
/// assert_eq!(new.source(), AdviceSource::Family("ResourceUnavailable"));
/// assert_eq!(new.retry(), Retry::Never);
/// assert!(advise("NoSuchFamily.Anything").is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Advice {
    category: Category,
    retry: Retry,
    source: AdviceSource,
}

impl Advice {
    /// The category of failure.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Category, advise};
    ///
    /// assert_eq!(advise("RequestLimitExceeded").unwrap().category(), Category::Throttling);
    /// ```
    #[must_use]
    pub fn category(&self) -> Category {
        self.category
    }

    /// Whether a retry can help.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Retry, advise};
    ///
    /// assert_eq!(advise("ServiceUnavailable.New").unwrap().retry(), Retry::IfIdempotent);
    /// ```
    #[must_use]
    pub fn retry(&self) -> Retry {
        self.retry
    }

    /// Where the advice comes from.
    ///
    /// ```
    /// use tencentcloud_error_codes::{AdviceSource, advise};
    ///
    /// let advice = advise("OperationDenied.New").unwrap();
    /// assert_eq!(advice.source(), AdviceSource::Family("OperationDenied"));
    /// ```
    #[must_use]
    pub fn source(&self) -> AdviceSource {
        self.source
    }

    /// The catalog holds the code itself.
    ///
    /// ```
    /// use tencentcloud_error_codes::advise;
    ///
    /// assert!(advise("InternalError").unwrap().is_exact());
    /// assert!(!advise("InternalError.New").unwrap().is_exact());
    /// ```
    #[must_use]
    pub fn is_exact(&self) -> bool {
        matches!(self.source, AdviceSource::Code(_))
    }

    /// A person decided this advice by reading what the code means: the
    /// catalog holds the code and [its advice is
    /// reviewed](ErrorCode::is_reviewed). False for a guess of the rules,
    /// and for the advice of a family or an ancestor.
    ///
    /// ```
    /// use tencentcloud_error_codes::advise;
    ///
    /// assert!(advise("RequestLimitExceeded").unwrap().is_reviewed());
    /// assert!(!advise("InvalidParameter.SomethingNew").unwrap().is_reviewed());
    /// ```
    #[must_use]
    pub fn is_reviewed(&self) -> bool {
        match self.source {
            AdviceSource::Code(code) => code.is_reviewed(),
            _ => false,
        }
    }

    fn of(code: ErrorCode, source: AdviceSource) -> Advice {
        Advice {
            category: code.category(),
            retry: code.retry(),
            source,
        }
    }
}

/// The advice for `code`: its own if the catalog holds it; else, walking up
/// one dotted segment at a time, the advice of the first family it belongs
/// to (`families.toml`, derived from every product's codes and present in
/// every build) or the first catalog code it refines, whichever comes
/// first (an ancestor's `safe` becomes `if-idempotent`: see
/// [`AdviceSource::Ancestor`]). `None` when nothing in the catalog speaks
/// for it. No code outside the catalog is advised `safe` unless most of
/// its family's known codes are.
///
/// The families cover the roots Tencent Cloud uses (`AuthFailure`,
/// `FailedOperation`, `InternalError`, `InvalidParameter`,
/// `OperationDenied`, `ResourceUnavailable`, `ResourcesSoldOut`, …), so a
/// program learns the class of failure even in the default build. Never
/// allocates; like [`resolve`](crate::resolve), it hashes no prefix longer
/// than the longest code or family.
///
/// ```
/// use tencentcloud_error_codes::{advise, AdviceSource, Category};
///
/// // Not a common code, but a family every build knows.
/// let denied = advise("OperationDenied.SomethingNew").unwrap();
/// assert_eq!(denied.source(), AdviceSource::Family("OperationDenied"));
/// assert_ne!(denied.category(), Category::Server);
/// // A family's advice is no review of the code itself.
/// assert!(!denied.is_reviewed());
/// ```
#[must_use]
pub fn advise(code: &str) -> Option<Advice> {
    if let Some(exact) = ErrorCode::from_code(code) {
        return Some(Advice::of(exact, AdviceSource::Code(exact)));
    }
    // The longest prefix that can match ends at a dot within the longest
    // code or family: work is bounded whatever the input.
    let longest = MAX_CODE_LEN.max(MAX_FAMILY_LEN);
    let head = &code.as_bytes()[..code.len().min(longest + 1)];
    let mut end = head.iter().rposition(|&b| b == b'.')?;
    loop {
        let prefix = &code[..end];
        if let Ok(i) = FAMILIES.binary_search_by(|f| f.prefix.cmp(prefix)) {
            let family = &FAMILIES[i];
            return Some(Advice {
                category: family.category,
                retry: family.retry,
                source: AdviceSource::Family(family.prefix),
            });
        }
        if let Some(ancestor) = ErrorCode::from_code(prefix) {
            let mut advice = Advice::of(ancestor, AdviceSource::Ancestor(ancestor));
            if advice.retry == Retry::Safe {
                advice.retry = Retry::IfIdempotent;
            }
            return Some(advice);
        }
        end = prefix.rfind('.')?;
    }
}
