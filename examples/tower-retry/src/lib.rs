//! Retrying Tencent Cloud API calls with [tower]'s retry layer, by the
//! catalog's advice.
//!
//! [`AdvisedRetry`] is a tower `retry::Policy`. tower clones the policy for
//! every request, so each request starts its own [`RetryState`] on its first
//! outcome, from the request's idempotency; the state then decides each
//! retry and pays the client's shared quota.
//!
//! [tower]: https://docs.rs/tower

use std::sync::Arc;

use tencentcloud_error_codes::{RetryPolicy, RetryQuota, RetryState};
use tencentcloud_error_codes_async_client::{Call, CallError};
use tower::retry::Policy;

/// A tower retry policy that follows the catalog's advice.
#[derive(Clone)]
pub struct AdvisedRetry {
    policy: RetryPolicy,
    quota: Arc<RetryQuota>,
    /// This request's retries; `None` in the layer's own copy.
    retries: Option<RetryState>,
}

impl AdvisedRetry {
    /// Retries by `policy`, every request paying from `quota`.
    pub fn new(policy: RetryPolicy, quota: Arc<RetryQuota>) -> Self {
        AdvisedRetry {
            policy,
            quota,
            retries: None,
        }
    }
}

impl<Res> Policy<Call, Res, CallError> for AdvisedRetry {
    type Future = tokio::time::Sleep;

    fn retry(
        &mut self,
        call: &mut Call,
        result: &mut Result<Res, CallError>,
    ) -> Option<Self::Future> {
        let retries = self.retries.get_or_insert_with(|| {
            self.policy
                .start(call.is_idempotent())
                .with_quota(self.quota.clone())
        });
        match result {
            Ok(_) => {
                retries.succeeded();
                None
            }
            Err(err) => retries.next_delay(&*err).ok().map(tokio::time::sleep),
        }
    }

    fn clone_request(&mut self, call: &Call) -> Option<Call> {
        Some(call.clone())
    }
}
