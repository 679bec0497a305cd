//! One request's retries: [`RetryState`], the driver that the retry crates
//! (backon, tower, tokio-retry2) and a hand-written loop all use. It keeps
//! what a request's retries need between attempts: the count, whether the
//! request is idempotent, the jitter, and what it owes the shared quota.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::Duration;

use crate::jitter::{GOLDEN_GAMMA, entropy, unit_of};
use crate::{Decision, Failure, RetryPolicy, RetryQuota, Stop};

/// The retries of one request. Feed it each failure
/// ([`next_delay`](RetryState::next_delay)) and it answers how long to
/// wait before the next attempt, or why to stop; tell it of the success
/// ([`succeeded`](RetryState::succeeded)). It counts the attempts, knows
/// whether the request is idempotent, draws the jitter and, with a
/// [`RetryQuota`], withdraws each retry's cost and deposits on success.
///
/// Its methods take `&self` (the state is atomic), so a closure can
/// borrow it while the caller keeps it, and it is `Send + Sync`. Start one
/// per request with [`RetryPolicy::start`]; clone the quota's `Arc` into
/// each.
///
/// How each retry crate uses it, in a few lines (the README and the
/// `examples/` crates show them whole):
///
/// - **backon**: `.adjust(|err, _| retries.next_delay(err).ok())`: the
///   delay backon's own backoff proposes is ignored, `None` stops.
/// - **tower**: a `retry::Policy` whose `retry` calls `next_delay` on an
///   `Err` and `succeeded` on an `Ok`; tower clones the policy per request.
/// - **tokio-retry2**: map an error to `RetryError::Transient { err,
///   retry_after: Some(delay) }` when `next_delay` is `Ok(delay)`, else to
///   `RetryError::Permanent(err)`.
///
/// ```
/// use std::sync::Arc;
/// use tencentcloud_error_codes::{ApiError, RetryPolicy, RetryQuota, is_idempotent};
///
/// let quota = Arc::new(RetryQuota::standard()); // one per client
/// let retries = RetryPolicy::new()
///     .start(is_idempotent("DescribeInstances", false))
///     .with_quota(quota.clone());
/// let mut sent = 0;
/// let result = loop {
///     sent += 1;
///     let outcome: Result<(), ApiError> = if sent < 3 {
///         Err(ApiError::new("InternalError", "written for this example", None))
///     } else {
///         Ok(())
///     };
///     match outcome {
///         Ok(value) => {
///             retries.succeeded();
///             break Ok(value);
///         }
///         Err(err) => match retries.next_delay(&err) {
///             Ok(_delay) => continue, // std::thread::sleep(delay), or sleep(delay).await
///             Err(_stop) => break Err(err),
///         },
///     }
/// };
/// assert!(result.is_ok());
/// assert_eq!(sent, 3);
/// assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY - RetryQuota::RETRY_COST);
/// ```
#[derive(Debug)]
pub struct RetryState {
    policy: RetryPolicy,
    idempotent: bool,
    quota: Option<Arc<RetryQuota>>,
    /// The failed attempts reported so far.
    failures: AtomicU32,
    /// The jitter generator's state (SplitMix64).
    jitter: AtomicU64,
    /// What the last retry withdrew from the quota, refunded if it succeeds.
    owed: AtomicU32,
}

impl RetryState {
    /// The retries of a request that is `idempotent` or not, by `policy`,
    /// with jitter seeded from the process's randomness and no quota.
    ///
    /// ```
    /// use tencentcloud_error_codes::{RetryPolicy, RetryState};
    ///
    /// let retries = RetryState::new(RetryPolicy::new(), true);
    /// assert!(retries.is_idempotent());
    /// assert_eq!(retries.attempts(), 0);
    /// ```
    #[must_use]
    pub fn new(policy: RetryPolicy, idempotent: bool) -> RetryState {
        RetryState {
            policy,
            idempotent,
            quota: None,
            failures: AtomicU32::new(0),
            jitter: AtomicU64::new(entropy()),
            owed: AtomicU32::new(0),
        }
    }

    /// The same retries, paying each retry from `quota`, which a client
    /// shares across its requests.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy, RetryQuota, Stop};
    ///
    /// let quota = Arc::new(RetryQuota::new(RetryQuota::RETRY_COST));
    /// let first = RetryPolicy::new().start(true).with_quota(quota.clone());
    /// assert!(first.next_delay(ErrorCode::InternalError).is_ok());
    /// let second = RetryPolicy::new().start(true).with_quota(quota);
    /// assert_eq!(second.next_delay(ErrorCode::InternalError), Err(Stop::QuotaExhausted));
    /// ```
    #[must_use]
    pub fn with_quota(self, quota: Arc<RetryQuota>) -> RetryState {
        RetryState {
            quota: Some(quota),
            ..self
        }
    }

    /// The same retries, with jitter drawn from `seed`: the same seed, the
    /// same delays (for tests).
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy};
    ///
    /// let a = RetryPolicy::new().start(false).with_jitter_seed(9);
    /// let b = RetryPolicy::new().start(false).with_jitter_seed(9);
    /// assert_eq!(a.next_delay(ErrorCode::ServiceUnavailable), b.next_delay(ErrorCode::ServiceUnavailable));
    /// ```
    #[must_use]
    pub fn with_jitter_seed(self, seed: u64) -> RetryState {
        self.jitter.store(seed, Ordering::Relaxed);
        self
    }

    /// The attempt that just failed with `failure` is counted; answers how
    /// long to wait before the next one, or why to stop. A retry withdraws
    /// its cost from the quota, if any, and stops with
    /// [`Stop::QuotaExhausted`] when the quota cannot pay.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy, Stop};
    ///
    /// let retries = RetryPolicy::new().start(false);
    /// assert_eq!(retries.next_delay(ErrorCode::InternalError), Err(Stop::NotIdempotent));
    /// assert_eq!(retries.attempts(), 1);
    /// ```
    pub fn next_delay(&self, failure: impl Into<Failure>) -> Result<Duration, Stop> {
        let failure = failure.into();
        // Saturating: a count that wrapped to 0 would start the retries over.
        let before = self
            .failures
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                Some(n.saturating_add(1))
            })
            .unwrap_or(u32::MAX);
        let attempt = before.saturating_add(1);
        let state = self
            .jitter
            .fetch_add(GOLDEN_GAMMA, Ordering::Relaxed)
            .wrapping_add(GOLDEN_GAMMA);
        let delay = match self
            .policy
            .decide(failure, attempt, self.idempotent, unit_of(state))
        {
            Decision::RetryAfter(delay) => delay,
            Decision::Stop(stop) => return Err(stop),
        };
        if let Some(quota) = &self.quota {
            let cost = quota.cost(&failure);
            if !quota.withdraw(cost) {
                return Err(Stop::QuotaExhausted);
            }
            self.owed.store(cost, Ordering::Release);
        }
        Ok(delay)
    }

    /// [`next_delay`](RetryState::next_delay) as a [`Decision`].
    ///
    /// ```
    /// use tencentcloud_error_codes::{Decision, ErrorCode, RetryPolicy, Stop};
    ///
    /// let retries = RetryPolicy::new().start(true);
    /// assert_eq!(retries.decide(ErrorCode::InvalidParameter), Decision::Stop(Stop::NotRetryable));
    /// ```
    pub fn decide(&self, failure: impl Into<Failure>) -> Decision {
        match self.next_delay(failure) {
            Ok(delay) => Decision::RetryAfter(delay),
            Err(stop) => Decision::Stop(stop),
        }
    }

    /// The request succeeded: a retried one gives back what its last retry
    /// withdrew, a first-time success adds
    /// [`RetryQuota::SUCCESS_REFILL`].
    ///
    /// ```
    /// use std::sync::Arc;
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy, RetryQuota};
    ///
    /// let quota = Arc::new(RetryQuota::standard());
    /// let retries = RetryPolicy::new().start(true).with_quota(quota.clone());
    /// retries.next_delay(ErrorCode::RequestLimitExceeded).unwrap();
    /// assert_eq!(quota.available(), 495);
    /// retries.succeeded();
    /// assert_eq!(quota.available(), 500);
    /// ```
    pub fn succeeded(&self) {
        if let Some(quota) = &self.quota {
            let owed = self.owed.swap(0, Ordering::AcqRel);
            quota.deposit(if self.attempts() == 0 {
                RetryQuota::SUCCESS_REFILL
            } else {
                owed
            });
        }
    }

    /// The failed attempts reported so far.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, RetryPolicy};
    ///
    /// let retries = RetryPolicy::new().start(true);
    /// let _ = retries.next_delay(ErrorCode::ServiceUnavailable);
    /// assert_eq!(retries.attempts(), 1);
    /// ```
    #[must_use]
    pub fn attempts(&self) -> u32 {
        self.failures.load(Ordering::Acquire)
    }

    /// Whether the request may be repeated without harm.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// assert!(!RetryPolicy::new().start(false).is_idempotent());
    /// ```
    #[must_use]
    pub const fn is_idempotent(&self) -> bool {
        self.idempotent
    }

    /// The policy it follows.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryPolicy;
    ///
    /// let policy = RetryPolicy::new().with_max_attempts(5);
    /// assert_eq!(policy.start(true).policy(), policy);
    /// ```
    #[must_use]
    pub const fn policy(&self) -> RetryPolicy {
        self.policy
    }
}

impl Clone for RetryState {
    /// The same request's state, as it stands: tower clones its retry
    /// policy for every request, so a policy holding a fresh state gives
    /// each request its own count.
    fn clone(&self) -> Self {
        RetryState {
            policy: self.policy,
            idempotent: self.idempotent,
            quota: self.quota.clone(),
            failures: AtomicU32::new(self.failures.load(Ordering::Acquire)),
            jitter: AtomicU64::new(self.jitter.load(Ordering::Relaxed)),
            owed: AtomicU32::new(self.owed.load(Ordering::Acquire)),
        }
    }
}
