//! From advice to action: how long to wait before sending a failed request
//! again, or whether to stop.
//!
//! Classification stays where it is: the catalog says whether a retry can
//! help ([`Retry`]) and what kind of failure it is ([`Category`](crate::Category)),
//! and [`Failure`] carries that for one attempt. This module is the backoff
//! on top: exponential backoff with full jitter, a maximum number of
//! attempts and a maximum delay. It computes delays and never sleeps, so
//! the same policy serves blocking and async code alike, and deciding has
//! no side effect. The budget a client shares is apart
//! ([`RetryQuota`](crate::RetryQuota)), and [`RetryState`] drives one
//! request through both.

use std::time::Duration;

use crate::{Failure, Retry, RetryState};

/// What to do after a failed attempt.
///
/// ```
/// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy, Stop};
///
/// let decision = RetryPolicy::new().decide(ErrorCode::InvalidParameter, 1, true, 0.5);
/// assert_eq!(decision, Decision::Stop(Stop::NotRetryable));
/// assert_eq!(decision.delay(), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decision {
    /// Send the request again after this delay.
    RetryAfter(Duration),
    /// Do not send it again; the reason says why.
    Stop(Stop),
}

impl Decision {
    /// The delay of [`Decision::RetryAfter`], `None` for a stop.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::Decision;
    ///
    /// assert_eq!(Decision::RetryAfter(Duration::ZERO).delay(), Some(Duration::ZERO));
    /// ```
    #[must_use]
    pub const fn delay(&self) -> Option<Duration> {
        match self {
            Decision::RetryAfter(delay) => Some(*delay),
            Decision::Stop(_) => None,
        }
    }
}

/// Why a retry stops.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, RetryPolicy, Stop};
///
/// let stop = RetryPolicy::new().decide(ErrorCode::InternalError, 1, false, 0.5);
/// assert_eq!(stop, tencentcloud_error_codes::Decision::Stop(Stop::NotIdempotent));
/// ```
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
    /// The shared [`RetryQuota`](crate::RetryQuota) cannot pay for the
    /// retry: most recent calls failed, so retries would only add load.
    QuotaExhausted,
    /// The server asked for a longer wait than the policy's maximum delay.
    ServerDelayTooLong,
}

/// The largest `f64` below 1: a unit is clamped into `[0, ONE_BELOW]`.
const ONE_BELOW: f64 = 1.0 - f64::EPSILON / 2.0;

/// Retry after how long, or stop: exponential backoff with full jitter and
/// bounded attempts and delay. A small `Copy` value of settings, built with
/// `const fn`s; the budget a client shares is
/// [`RetryQuota`](crate::RetryQuota), and [`RetryPolicy::start`] drives
/// one request through both.
///
/// For attempt `n` (the number of attempts made so far, from 1), a
/// retryable failure waits `unit × min(max_delay, base × 2ⁿ⁻¹)`, where
/// `unit` is a random number in `[0, 1)` (from [`Jitter`](crate::Jitter),
/// or any generator) and `base` is
/// [`throttling_base_delay`](RetryPolicy::with_throttling_base_delay) for a
/// rate limit ([`Failure::is_rate_limit`]) and
/// [`base_delay`](RetryPolicy::with_base_delay) for anything else. Full
/// jitter spreads the clients that failed together so they do not retry
/// together.
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
/// The defaults, each settable, and why they stand:
///
/// | setting | default | AWS 2.0 (smithy-rs's default) | AWS 2.1 | why this one |
/// |---|---|---|---|---|
/// | attempts | 3 | 3 | 3 | every anchor agrees: one try and two retries |
/// | base delay | 500 ms | 1 s | 50 ms | Tencent's `safe` codes outside rate limits are mostly a resource busy or an operation in progress, which take seconds to pass; 50 ms would spend both retries in 150 ms |
/// | throttling base delay | 1 s | 1 s | 1 s | Tencent Cloud limits requests per second |
/// | maximum delay | 20 s | 20 s | 20 s | every anchor agrees |
///
/// **Nothing panics**, whatever the settings and the input: a `unit` that
/// is NaN counts as 0, one below 0 as 0 and one of 1 or more as the
/// largest number below 1; an attempt of 0 counts as 1; a delay too large
/// to compute is the maximum delay; `Duration::MAX` is a valid setting.
///
/// ```
/// use std::time::Duration;
/// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy, Stop};
///
/// let policy = RetryPolicy::new();
/// // Attempt 1 failed with a rate limit: wait up to 1 s.
/// assert_eq!(
///     policy.decide(ErrorCode::RequestLimitExceeded, 1, false, 0.5),
///     Decision::RetryAfter(Duration::from_millis(500))
/// );
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    throttling_base_delay: Duration,
    max_delay: Duration,
}

impl Default for RetryPolicy {
    /// [`RetryPolicy::new`].
    fn default() -> Self {
        RetryPolicy::new()
    }
}

impl RetryPolicy {
    /// The default policy: 3 attempts, a 500 ms base (1 s for a rate
    /// limit), at most 20 s.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// const POLICY: RetryPolicy = RetryPolicy::new().with_max_attempts(5);
    /// assert_eq!(POLICY.max_attempts(), 5);
    /// assert_eq!(POLICY.max_delay(), Duration::from_secs(20));
    /// ```
    #[must_use]
    pub const fn new() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(500),
            throttling_base_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(20),
        }
    }

    /// The policy with at most `attempts` attempts in all, the first
    /// included (at least 1: one attempt, no retry).
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().with_max_attempts(0).max_attempts(), 1);
    /// ```
    #[must_use]
    pub const fn with_max_attempts(self, attempts: u32) -> Self {
        RetryPolicy {
            max_attempts: if attempts == 0 { 1 } else { attempts },
            ..self
        }
    }

    /// The policy whose backoff for anything but a rate limit starts from
    /// `delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().with_base_delay(Duration::from_millis(50));
    /// assert_eq!(policy.base_delay(), Duration::from_millis(50));
    /// ```
    #[must_use]
    pub const fn with_base_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            base_delay: delay,
            ..self
        }
    }

    /// The policy whose backoff for a rate limit starts from `delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().with_throttling_base_delay(Duration::from_secs(2));
    /// assert_eq!(policy.throttling_base_delay(), Duration::from_secs(2));
    /// ```
    #[must_use]
    pub const fn with_throttling_base_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            throttling_base_delay: delay,
            ..self
        }
    }

    /// The policy that never waits longer than `delay`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().with_max_delay(Duration::from_secs(5));
    /// assert_eq!(policy.max_delay(), Duration::from_secs(5));
    /// ```
    #[must_use]
    pub const fn with_max_delay(self, delay: Duration) -> Self {
        RetryPolicy {
            max_delay: delay,
            ..self
        }
    }

    /// The maximum number of attempts, the first included.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().max_attempts(), 3);
    /// ```
    #[must_use]
    pub const fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The first delay's ceiling for anything but a rate limit.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().base_delay(), Duration::from_millis(500));
    /// ```
    #[must_use]
    pub const fn base_delay(&self) -> Duration {
        self.base_delay
    }

    /// The first delay's ceiling for a rate limit.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().throttling_base_delay(), Duration::from_secs(1));
    /// ```
    #[must_use]
    pub const fn throttling_base_delay(&self) -> Duration {
        self.throttling_base_delay
    }

    /// The longest delay the policy returns.
    ///
    /// ```
    /// use std::time::Duration;
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert_eq!(RetryPolicy::new().max_delay(), Duration::from_secs(20));
    /// ```
    #[must_use]
    pub const fn max_delay(&self) -> Duration {
        self.max_delay
    }

    /// What to do after attempt number `attempt` (from 1) failed with
    /// `failure`, for a request that is `idempotent` or not; `unit` is a
    /// random number in `[0, 1)` for the jitter (see the clamping above).
    ///
    /// A question, not an action: it touches no quota and no state, so it
    /// may be asked for a log line. [`RetryState`] asks it and then pays
    /// the quota.
    ///
    /// ```
    /// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy};
    ///
    /// let policy = RetryPolicy::new();
    /// let decision = policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.0);
    /// assert_eq!(decision, policy.decide(ErrorCode::ServiceUnavailable, 1, false, 0.0));
    /// assert!(matches!(decision, Decision::RetryAfter(_)));
    /// ```
    #[must_use]
    pub fn decide(
        &self,
        failure: impl Into<Failure>,
        attempt: u32,
        idempotent: bool,
        unit: f64,
    ) -> Decision {
        let failure = failure.into();
        match failure.retry() {
            Retry::Never => return Decision::Stop(Stop::NotRetryable),
            Retry::IfIdempotent if !idempotent => return Decision::Stop(Stop::NotIdempotent),
            _ => {}
        }
        if attempt >= self.max_attempts {
            return Decision::Stop(Stop::AttemptsExhausted);
        }
        let mut delay = self.backoff(&failure, attempt, unit);
        if let Some(asked) = failure.server_delay() {
            if asked > self.max_delay {
                return Decision::Stop(Stop::ServerDelayTooLong);
            }
            delay = delay.max(asked);
        }
        Decision::RetryAfter(delay)
    }

    /// A driver for one request: feed it each failure and it answers the
    /// next delay or why to stop, keeping the attempt count, the
    /// idempotency and, with [`RetryState::with_quota`], the quota.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy, Stop};
    ///
    /// let retries = RetryPolicy::new().start(false);
    /// assert!(retries.next_delay(ErrorCode::ServiceUnavailable).is_ok());
    /// assert!(retries.next_delay(ErrorCode::ServiceUnavailable).is_ok());
    /// assert_eq!(retries.next_delay(ErrorCode::ServiceUnavailable), Err(Stop::AttemptsExhausted));
    /// ```
    #[must_use]
    pub fn start(&self, idempotent: bool) -> RetryState {
        RetryState::new(*self, idempotent)
    }

    /// `unit × min(max_delay, base × 2^(attempt-1))`, computed so that no
    /// setting and no unit can panic.
    fn backoff(&self, failure: &Failure, attempt: u32, unit: f64) -> Duration {
        let base = if failure.is_rate_limit() {
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
            unit.clamp(0.0, ONE_BELOW)
        };
        Duration::try_from_secs_f64(ceiling.as_secs_f64() * unit)
            .map_or(ceiling, |d| d.min(ceiling))
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
#[must_use]
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
