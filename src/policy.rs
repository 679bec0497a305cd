//! From advice to action: how long to wait before sending a failed request
//! again, or whether to stop.
//!
//! Classification stays where it is: the catalog says whether a retry can
//! help ([`Retry`]) and what kind of failure it is ([`Category`]). This
//! module is the policy on top: exponential backoff with full jitter, a
//! maximum number of attempts and a maximum delay, and an optional retry
//! quota shared by a client. It computes delays and never sleeps, so the
//! same policy serves blocking and async code alike.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::{Advice, ApiError, Category, ErrorCode, Retry};

/// What a failed attempt says about retrying it: the catalog's retry
/// advice and category for its code, and any delay the server asked for.
///
/// Build one from an [`ErrorCode`], from the result of
/// [`resolve`](crate::resolve) (`Option<ErrorCode>`), or from an
/// [`ApiError`]. A code the catalog does not know at all is
/// [`Failure::unknown`]: retried only when the request is idempotent, since
/// nothing says whether it ran. Use the same for a transport failure (a
/// connection reset, a timeout) whose request may or may not have arrived.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, Failure, Retry, resolve};
///
/// assert_eq!(Failure::from(ErrorCode::RequestLimitExceeded).retry(), Retry::Safe);
/// assert_eq!(Failure::from(resolve("MissingParameter.Anything")).retry(), Retry::Never);
/// assert_eq!(Failure::from(resolve("NoSuchFamily.Anything")), Failure::unknown());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Failure {
    retry: Retry,
    category: Option<Category>,
    server_delay: Option<Duration>,
}

impl Failure {
    /// A failure with this advice and, if known, this category.
    pub const fn new(retry: Retry, category: Option<Category>) -> Failure {
        Failure {
            retry,
            category,
            server_delay: None,
        }
    }

    /// A failure the catalog knows nothing of: [`Retry::IfIdempotent`], no
    /// category. Repeating an idempotent request does no harm, and the code
    /// may be a passing one newer than the catalog; any other request is
    /// not repeated blind.
    pub const fn unknown() -> Failure {
        Failure::new(Retry::IfIdempotent, None)
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
    /// let decision = RetryPolicy::default().decide(failure, 1, false, 0.0);
    /// assert_eq!(decision, Decision::RetryAfter(Duration::from_secs(3)));
    /// ```
    pub const fn with_server_delay(self, delay: Duration) -> Failure {
        Failure {
            server_delay: Some(delay),
            ..self
        }
    }

    /// The retry advice.
    pub const fn retry(&self) -> Retry {
        self.retry
    }

    /// The category, when the catalog knows the code or a code it refines.
    pub const fn category(&self) -> Option<Category> {
        self.category
    }

    /// The delay the server asked for, if any.
    pub const fn server_delay(&self) -> Option<Duration> {
        self.server_delay
    }

    fn is_throttling(&self) -> bool {
        // By name: categories are declared in codes.toml.
        self.category.is_some_and(|c| c.as_str() == "throttling")
    }
}

impl From<ErrorCode> for Failure {
    fn from(code: ErrorCode) -> Failure {
        Failure::new(code.retry(), Some(code.category()))
    }
}

impl From<Option<ErrorCode>> for Failure {
    /// `Some(code)` is that code's advice; `None` is [`Failure::unknown`].
    fn from(code: Option<ErrorCode>) -> Failure {
        code.map_or(Failure::unknown(), Failure::from)
    }
}

impl From<Option<Advice>> for Failure {
    /// The advice of [`advise`](crate::advise): `None` is
    /// [`Failure::unknown`].
    fn from(advice: Option<Advice>) -> Failure {
        advice.map_or(Failure::unknown(), |a| {
            Failure::new(a.retry(), Some(a.category()))
        })
    }
}

impl From<&ApiError> for Failure {
    /// The advice of [`ApiError::advice`]: the code's own, else its
    /// family's, else that of the catalog code it refines, else
    /// [`Failure::unknown`].
    fn from(error: &ApiError) -> Failure {
        Failure::from(error.advice())
    }
}

/// What to do after a failed attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// Send the request again after this delay.
    RetryAfter(Duration),
    /// Do not send it again; the reason says why.
    Stop(Stop),
}

/// Why a [`RetryPolicy`] stops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stop {
    /// The advice is [`Retry::Never`]: the same request fails the same
    /// way until its cause changes.
    NotRetryable,
    /// The advice is [`Retry::IfIdempotent`] and the request is not
    /// idempotent: it may have taken effect, and a repeat could do it
    /// twice.
    NotIdempotent,
    /// The maximum number of attempts is reached.
    AttemptsExhausted,
    /// The shared [`RetryQuota`] is empty: most recent calls failed, so
    /// retries would only add load.
    QuotaExhausted,
    /// The server asked for a longer wait than the policy's maximum delay.
    ServerDelayTooLong,
}

/// Retry after how long, or stop: exponential backoff with full jitter,
/// bounded attempts and delay, and an optional shared [`RetryQuota`].
///
/// For attempt `n` (the number of attempts made so far, from 1), a
/// retryable failure waits `unit × min(max_delay, base × 2ⁿ⁻¹)`, where
/// `unit` is a random number in `[0, 1)` the caller supplies (from
/// [`Jitter`], or any generator of its own) and `base` is
/// [`throttling_base_delay`](RetryPolicy::with_throttling_base_delay) for
/// a rate limit and [`base_delay`](RetryPolicy::with_base_delay) for
/// anything else. Full jitter spreads the clients that failed together so
/// they do not retry together.
///
/// Why each advice is or is not retried:
///
/// - [`Retry::Safe`]: the service refused the request before running it
///   (a rate limit, a resource busy with another operation, a service
///   briefly unavailable), so sending it again cannot do anything twice.
///   Retried. A rate limit backs off from a longer base: the limit is per
///   second, and every caller of the account shares it.
/// - [`Retry::IfIdempotent`]: the outcome is unknown (an internal error,
///   a timeout). Retried only when the caller says repeating the request
///   does no harm; see [`is_idempotent`].
/// - [`Retry::Never`]: stop at once. The request fails the same way until
///   something changes that a retry does not change. That differs from
///   "retry after the state changes": a resource that is *not yet ready*
///   (being created, an operation in progress) changes by itself, so its
///   codes are `safe`; a *stopped* instance or an expired certificate stays
///   so until a person acts, so its codes are `never`.
///
/// The defaults, each settable:
///
/// | setting | default | why |
/// |---|---|---|
/// | attempts | 3 | smithy-rs's standard; the Python SDK's `StandardRetryer` |
/// | base delay | 500 ms | a busy resource or a faulted server: short, then doubling |
/// | throttling base delay | 1 s | Tencent Cloud limits requests per second |
/// | maximum delay | 20 s | smithy-rs's cap |
///
/// ```
/// use std::time::Duration;
/// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy, Stop};
///
/// let policy = RetryPolicy::default();
/// // Attempt 1 failed with a rate limit: wait up to 1 s.
/// match policy.decide(ErrorCode::RequestLimitExceeded, 1, false, 0.5) {
///     Decision::RetryAfter(delay) => assert_eq!(delay, Duration::from_millis(500)),
///     other => panic!("{other:?}"),
/// }
/// // A malformed request is never retried.
/// assert_eq!(
///     policy.decide(ErrorCode::InvalidParameter, 1, true, 0.5),
///     Decision::Stop(Stop::NotRetryable)
/// );
/// // An internal error, only when idempotent.
/// assert_eq!(
///     policy.decide(ErrorCode::InternalError, 1, false, 0.5),
///     Decision::Stop(Stop::NotIdempotent)
/// );
/// assert!(matches!(policy.decide(ErrorCode::InternalError, 1, true, 0.5), Decision::RetryAfter(_)));
/// // Three attempts in all.
/// assert_eq!(
///     policy.decide(ErrorCode::RequestLimitExceeded, 3, true, 0.5),
///     Decision::Stop(Stop::AttemptsExhausted)
/// );
/// ```
#[derive(Clone, Debug)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    throttling_base_delay: Duration,
    max_delay: Duration,
    quota: Option<Arc<RetryQuota>>,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(500),
            throttling_base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(20),
            quota: None,
        }
    }
}

impl RetryPolicy {
    /// The policy with at most `attempts` attempts in all, the first
    /// included (at least 1: one attempt, no retry).
    pub fn with_max_attempts(self, attempts: u32) -> Self {
        RetryPolicy {
            max_attempts: attempts.max(1),
            ..self
        }
    }

    /// The policy whose backoff for anything but a rate limit starts from
    /// `delay`.
    pub fn with_base_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            base_delay: delay,
            ..self
        }
    }

    /// The policy whose backoff for a rate limit starts from `delay`.
    pub fn with_throttling_base_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            throttling_base_delay: delay,
            ..self
        }
    }

    /// The policy that never waits longer than `delay`.
    pub fn with_max_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            max_delay: delay,
            ..self
        }
    }

    /// The policy that takes [`RetryQuota::RETRY_COST`] tokens from `quota`
    /// for every retry, and stops when it cannot. Clones of the policy
    /// share the quota: give one to every request of a client.
    pub fn with_quota(self, quota: Arc<RetryQuota>) -> Self {
        RetryPolicy {
            quota: Some(quota),
            ..self
        }
    }

    /// The maximum number of attempts, the first included.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest delay the policy returns.
    pub fn max_delay(&self) -> Duration {
        self.max_delay
    }

    /// What to do after attempt number `attempt` (from 1) failed with
    /// `failure`, for a request that is `idempotent` or not; `unit` is a
    /// random number in `[0, 1)` for the jitter (clamped into that range;
    /// see [`Jitter`]). With a quota, a retry takes its cost from it.
    pub fn decide(
        &self,
        failure: impl Into<Failure>,
        attempt: u32,
        idempotent: bool,
        unit: f64,
    ) -> Decision {
        let failure = failure.into();
        match failure.retry {
            Retry::Never => return Decision::Stop(Stop::NotRetryable),
            Retry::IfIdempotent if !idempotent => return Decision::Stop(Stop::NotIdempotent),
            _ => {}
        }
        if attempt >= self.max_attempts {
            return Decision::Stop(Stop::AttemptsExhausted);
        }
        let mut delay = self.backoff(&failure, attempt, unit);
        if let Some(asked) = failure.server_delay {
            if asked > self.max_delay {
                return Decision::Stop(Stop::ServerDelayTooLong);
            }
            delay = delay.max(asked);
        }
        if let Some(quota) = &self.quota {
            if !quota.take(RetryQuota::RETRY_COST) {
                return Decision::Stop(Stop::QuotaExhausted);
            }
        }
        Decision::RetryAfter(delay)
    }

    /// Tells the quota, if any, that the request succeeded after `attempts`
    /// attempts: a retried request gives back what its last retry took, a
    /// first-time success adds [`RetryQuota::SUCCESS_REFILL`].
    pub fn record_success(&self, attempts: u32) {
        if let Some(quota) = &self.quota {
            quota.give(if attempts > 1 {
                RetryQuota::RETRY_COST
            } else {
                RetryQuota::SUCCESS_REFILL
            });
        }
    }

    /// `unit × min(max_delay, base × 2^(attempt-1))`.
    fn backoff(&self, failure: &Failure, attempt: u32, unit: f64) -> Duration {
        let base = if failure.is_throttling() {
            self.throttling_base_delay
        } else {
            self.base_delay
        };
        let doublings = attempt.saturating_sub(1).min(31);
        let ceiling = base
            .checked_mul(1 << doublings)
            .map_or(self.max_delay, |d| d.min(self.max_delay));
        let unit = if unit.is_nan() {
            0.0
        } else {
            unit.clamp(0.0, 1.0)
        };
        ceiling.mul_f64(unit).min(self.max_delay)
    }
}

/// A token bucket that a client shares across its requests, so that one
/// outage does not become a retry storm: every retry takes
/// [`RETRY_COST`](RetryQuota::RETRY_COST) tokens, every success gives some
/// back, and when the bucket is empty the policy stops retrying (first
/// attempts still go out). The numbers are smithy-rs's standard ones: 500
/// tokens, so 100 retries in a row without a success empty it; 5 a retry;
/// 1 back for a first-time success, the retry's 5 back for a successful
/// retry. A policy holds it in an `Arc`, which its clones share.
///
/// ```
/// use std::sync::Arc;
/// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy, RetryQuota, Stop};
///
/// let quota = Arc::new(RetryQuota::new(10));
/// let policy = RetryPolicy::default().with_quota(quota.clone());
/// assert!(matches!(policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.0), Decision::RetryAfter(_)));
/// assert!(matches!(policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.0), Decision::RetryAfter(_)));
/// assert_eq!(
///     policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.0),
///     Decision::Stop(Stop::QuotaExhausted)
/// );
/// policy.record_success(2); // a retried request succeeded
/// assert_eq!(quota.available(), 5);
/// ```
#[derive(Debug)]
pub struct RetryQuota {
    tokens: AtomicU32,
    capacity: u32,
}

impl RetryQuota {
    /// The capacity of [`RetryQuota::standard`].
    pub const STANDARD_CAPACITY: u32 = 500;
    /// What one retry takes.
    pub const RETRY_COST: u32 = 5;
    /// What a success at the first attempt gives back.
    pub const SUCCESS_REFILL: u32 = 1;

    /// A full bucket of `capacity` tokens.
    pub const fn new(capacity: u32) -> RetryQuota {
        RetryQuota {
            tokens: AtomicU32::new(capacity),
            capacity,
        }
    }

    /// A full bucket of [`STANDARD_CAPACITY`](RetryQuota::STANDARD_CAPACITY)
    /// tokens.
    pub const fn standard() -> RetryQuota {
        RetryQuota::new(RetryQuota::STANDARD_CAPACITY)
    }

    /// The tokens left.
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// Takes `cost` tokens if there are that many.
    fn take(&self, cost: u32) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| t.checked_sub(cost))
            .is_ok()
    }

    /// Gives back `tokens`, up to the capacity.
    fn give(&self, tokens: u32) {
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(tokens).min(self.capacity))
            });
    }
}

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota::standard()
    }
}

/// A tiny seeded generator of jitter (SplitMix64), so the policy needs no
/// dependency for randomness. Seed it yourself for repeatable delays (in a
/// test), or from [`Jitter::from_entropy`]. Any other source of uniform
/// numbers in `[0, 1)` works as well.
///
/// ```
/// use tencentcloud_error_codes::Jitter;
///
/// let mut a = Jitter::new(7);
/// let mut b = Jitter::new(7);
/// let unit = a.next_unit();
/// assert!((0.0..1.0).contains(&unit));
/// assert_eq!(unit, b.next_unit());
/// ```
#[derive(Clone, Debug)]
pub struct Jitter {
    state: u64,
}

impl Jitter {
    /// A generator that yields the same numbers for the same seed.
    pub const fn new(seed: u64) -> Jitter {
        Jitter { state: seed }
    }

    /// A generator seeded from the process's hash randomness (the operating
    /// system's, through `std`'s `RandomState`), different in every process.
    pub fn from_entropy() -> Jitter {
        use std::hash::{BuildHasher, Hasher};
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(0x5eed);
        Jitter::new(hasher.finish())
    }

    /// The next number, uniform in `[0, 1)`.
    pub fn next_unit(&mut self) -> f64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // The top 53 bits, as many as an f64 holds exactly.
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Whether repeating a request does no harm, from its action's name and
/// whether it carries a client token.
///
/// - Reads are idempotent: actions named `Describe*`, `Get*`, `List*`,
///   `Query*`, `Search*` and `Inquiry*` (price quotes) look things up and
///   change nothing.
/// - A request that carries a client token (`ClientToken`, which many
///   creating actions accept) is idempotent: the service recognises a
///   repeat and does not create twice.
/// - Everything else is not: a repeated `RunInstances` or `CreateOrder`
///   may create or buy twice. Pass `true` yourself only for an action you
///   know to be safe to repeat (a `Modify*` that sets a value, say).
///
/// ```
/// use tencentcloud_error_codes::is_idempotent;
///
/// assert!(is_idempotent("DescribeInstances", false));
/// assert!(is_idempotent("RunInstances", true));
/// assert!(!is_idempotent("RunInstances", false));
/// assert!(!is_idempotent("Getaway", false)); // a word, not a read
/// ```
pub fn is_idempotent(action: &str, has_client_token: bool) -> bool {
    const READS: [&str; 6] = ["Describe", "Get", "List", "Query", "Search", "Inquiry"];
    has_client_token
        || READS.iter().any(|read| {
            action.strip_prefix(read).is_some_and(|rest| {
                rest.chars()
                    .next()
                    .is_none_or(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
        })
}
