//! The retry budget a client shares across its requests: [`RetryQuota`],
//! a token bucket. Apart from the backoff ([`RetryPolicy`](crate::RetryPolicy)):
//! deciding whether a retry can help never touches it; taking and
//! returning tokens are steps of their own ([`withdraw`](RetryQuota::withdraw),
//! [`deposit`](RetryQuota::deposit)), which [`RetryState`](crate::RetryState)
//! takes for a request.

use std::sync::atomic::{AtomicU32, Ordering};

use crate::Failure;

/// A token bucket that a client shares across its requests, so that one
/// outage does not become a retry storm: every retry withdraws tokens,
/// every success deposits some, and while the bucket cannot pay for a
/// retry, failures are not retried (first attempts still go out).
///
/// The costs follow AWS's newest retry behaviour (2.1, the default of its
/// Java, Kotlin and Python SDKs): 500 tokens, 14 per retry and 5 per retry
/// of a rate limit, 1 back per first-time success and a retry's cost back
/// when it succeeds. A rate limit costs less because the service is
/// healthy and says so; its longer backoff already slows the caller. A
/// fault or an outage costs more: about 35 unanswered retries empty the
/// bucket. smithy-rs's default (AWS's behaviour 2.0: 5 per retry, 10 per
/// timeout) is one [`with_costs`](RetryQuota::with_costs) away.
///
/// It is shaped like tower's retry `Budget`: shared behind an `Arc`,
/// with `withdraw` and `deposit`, none of which blocks.
///
/// ```
/// use tencentcloud_error_codes::{ErrorCode, Failure, RetryQuota};
///
/// let quota = RetryQuota::new(20);
/// let busy = Failure::from(ErrorCode::ServiceUnavailable);
/// let cost = quota.cost(&busy);
/// assert_eq!(cost, RetryQuota::RETRY_COST);
/// assert!(quota.withdraw(cost));
/// assert!(!quota.withdraw(cost), "6 tokens left cannot pay 14");
/// quota.deposit(cost); // the retry succeeded
/// assert_eq!(quota.available(), 20);
/// ```
#[derive(Debug)]
pub struct RetryQuota {
    tokens: AtomicU32,
    capacity: u32,
    retry_cost: u32,
    rate_limit_retry_cost: u32,
}

impl RetryQuota {
    /// The capacity of [`RetryQuota::standard`].
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// // About 35 unanswered retries, or 100 of rate limits, empty it.
    /// assert_eq!(RetryQuota::STANDARD_CAPACITY / RetryQuota::RETRY_COST, 35);
    /// assert_eq!(RetryQuota::STANDARD_CAPACITY / RetryQuota::RATE_LIMIT_RETRY_COST, 100);
    /// assert!(RetryQuota::SUCCESS_REFILL < RetryQuota::RATE_LIMIT_RETRY_COST);
    /// ```
    pub const STANDARD_CAPACITY: u32 = 500;
    /// What a retry takes, by default.
    pub const RETRY_COST: u32 = 14;
    /// What a retry of a rate limit takes, by default.
    pub const RATE_LIMIT_RETRY_COST: u32 = 5;
    /// What a success at the first attempt gives back.
    pub const SUCCESS_REFILL: u32 = 1;

    /// A full bucket of `capacity` tokens, with the default costs.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// assert_eq!(RetryQuota::new(50).available(), 50);
    /// ```
    #[must_use]
    pub const fn new(capacity: u32) -> RetryQuota {
        RetryQuota {
            tokens: AtomicU32::new(capacity),
            capacity,
            retry_cost: RetryQuota::RETRY_COST,
            rate_limit_retry_cost: RetryQuota::RATE_LIMIT_RETRY_COST,
        }
    }

    /// A full bucket of [`STANDARD_CAPACITY`](RetryQuota::STANDARD_CAPACITY)
    /// tokens.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// assert_eq!(RetryQuota::standard().capacity(), 500);
    /// ```
    #[must_use]
    pub const fn standard() -> RetryQuota {
        RetryQuota::new(RetryQuota::STANDARD_CAPACITY)
    }

    /// The same bucket, with these costs for a retry and for a retry of a
    /// rate limit (each at least 1, so that retries always cost).
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, Failure, RetryQuota};
    ///
    /// // smithy-rs's default costs.
    /// let quota = RetryQuota::standard().with_costs(5, 5);
    /// assert_eq!(quota.cost(&Failure::from(ErrorCode::InternalError)), 5);
    /// ```
    #[must_use]
    pub const fn with_costs(self, retry: u32, rate_limit_retry: u32) -> RetryQuota {
        RetryQuota {
            retry_cost: if retry == 0 { 1 } else { retry },
            rate_limit_retry_cost: if rate_limit_retry == 0 {
                1
            } else {
                rate_limit_retry
            },
            ..self
        }
    }

    /// What a retry after `failure` withdraws.
    ///
    /// ```
    /// use tencentcloud_error_codes::{ErrorCode, Failure, RetryQuota};
    ///
    /// let quota = RetryQuota::standard();
    /// assert_eq!(quota.cost(&Failure::from(ErrorCode::RequestLimitExceeded)), 5);
    /// assert_eq!(quota.cost(&Failure::unknown()), 14);
    /// ```
    #[must_use]
    pub fn cost(&self, failure: &Failure) -> u32 {
        if failure.is_rate_limit() {
            self.rate_limit_retry_cost
        } else {
            self.retry_cost
        }
    }

    /// The tokens left.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// let quota = RetryQuota::new(10);
    /// assert!(quota.withdraw(4));
    /// assert_eq!(quota.available(), 6);
    /// ```
    #[must_use]
    pub fn available(&self) -> u32 {
        self.tokens.load(Ordering::Relaxed)
    }

    /// The most tokens the bucket holds.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// assert_eq!(RetryQuota::new(10).capacity(), 10);
    /// ```
    #[must_use]
    pub const fn capacity(&self) -> u32 {
        self.capacity
    }

    /// Takes `tokens` if there are that many, and says whether it did.
    /// Ignoring the answer would retry without paying: hence `must_use`.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// let quota = RetryQuota::new(5);
    /// assert!(quota.withdraw(5));
    /// assert!(!quota.withdraw(1));
    /// ```
    #[must_use = "a retry the quota cannot pay for should not be sent"]
    pub fn withdraw(&self, tokens: u32) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                t.checked_sub(tokens)
            })
            .is_ok()
    }

    /// Gives back `tokens`, up to the capacity.
    ///
    /// ```
    /// use tencentcloud_error_codes::RetryQuota;
    ///
    /// let quota = RetryQuota::new(5);
    /// quota.deposit(100);
    /// assert_eq!(quota.available(), 5);
    /// ```
    pub fn deposit(&self, tokens: u32) {
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |t| {
                Some(t.saturating_add(tokens).min(self.capacity))
            });
    }
}

impl Default for RetryQuota {
    /// [`RetryQuota::standard`].
    fn default() -> Self {
        RetryQuota::standard()
    }
}
