//! Retrying Tencent Cloud API calls with [backon], by the catalog's advice.
//!
//! backon drives the loop and the sleeping; the request's
//! [`RetryState`](tencentcloud_error_codes::RetryState) decides, in
//! backon's `adjust`: for each failure it answers the next delay, or `None`
//! to stop. The delay backon's own
//! backoff proposes is ignored, so its builder only needs not to run out
//! first (`without_max_times`). `when` is not needed: `adjust` stops on a
//! code that is not worth retrying.
//!
//! [backon]: https://docs.rs/backon

use std::sync::Arc;

use backon::{ConstantBuilder, Retryable};
use tencentcloud_error_codes::{RetryPolicy, RetryQuota};
use tencentcloud_error_codes_async_client::{Call, CallError, send};

/// Sends `call` until it succeeds or the catalog's advice, `policy` and the
/// client's `quota` say stop; returns the last outcome.
pub async fn call_with_backon(
    call: &Call,
    policy: &RetryPolicy,
    quota: &Arc<RetryQuota>,
) -> Result<serde_json::Value, CallError> {
    let retries = policy.start(call.is_idempotent()).with_quota(quota.clone());
    let result = (|| send(call))
        .retry(ConstantBuilder::new().without_max_times())
        .adjust(|err, _| retries.next_delay(err).ok())
        .await;
    if result.is_ok() {
        retries.succeeded();
    }
    result
}
