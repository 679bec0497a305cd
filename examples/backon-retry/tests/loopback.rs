//! backon with the catalog's advice, against a local server that fails the
//! first requests: what the server saw is asserted, request by request.

use std::sync::Arc;

use tencentcloud_error_codes::RetryQuota;
use tencentcloud_error_codes_async_client::CallError;
use tencentcloud_error_codes_async_client::loopback::{
    FAST, api_code, block_on, call_to, failure, serve,
};
use tencentcloud_error_codes_backon_example::call_with_backon;

/// `action` against a server answering `bodies` first; the outcome and the
/// number of requests the server saw.
async fn call(
    bodies: Vec<String>,
    action: &str,
    quota: &Arc<RetryQuota>,
) -> (Result<serde_json::Value, CallError>, usize) {
    let server = serve(bodies).await;
    let result = call_with_backon(&call_to(&server, action), &FAST, quota).await;
    (result, server.requests())
}

#[test]
fn a_throttled_call_is_sent_again_and_succeeds() {
    block_on(async {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) = call(
            vec![failure("RequestLimitExceeded")],
            "RunInstances",
            &quota,
        )
        .await;
        assert_eq!(result.unwrap()["TotalCount"], 1);
        assert_eq!(seen, 2);
        // The retry's cost came back with its success.
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY);
    });
}

#[test]
fn a_never_code_is_sent_once() {
    block_on(async {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) = call(
            vec![failure("InvalidParameter")],
            "DescribeInstances",
            &quota,
        )
        .await;
        assert_eq!(api_code(&result), "InvalidParameter");
        assert_eq!(seen, 1);
    });
}

#[test]
fn an_if_idempotent_code_is_retried_for_a_read_only() {
    block_on(async {
        let quota = Arc::new(RetryQuota::standard());
        let (read, seen) = call(vec![failure("InternalError")], "DescribeInstances", &quota).await;
        assert!(read.is_ok());
        assert_eq!(seen, 2);
        let (create, seen) = call(vec![failure("InternalError")], "RunInstances", &quota).await;
        assert_eq!(api_code(&create), "InternalError");
        assert_eq!(seen, 1);
    });
}

#[test]
fn a_lasting_outage_stops_at_the_maximum_number_of_attempts() {
    block_on(async {
        let quota = Arc::new(RetryQuota::standard());
        let outage = vec![failure("ServiceUnavailable"); 10];
        let (result, seen) = call(outage, "RunInstances", &quota).await;
        assert_eq!(api_code(&result), "ServiceUnavailable");
        assert_eq!(seen, 3);
        let spent = 2 * RetryQuota::RETRY_COST;
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY - spent);
    });
}

#[test]
fn an_empty_quota_stops_retries_but_not_first_attempts() {
    block_on(async {
        let quota = Arc::new(RetryQuota::new(0));
        let (result, seen) =
            call(vec![failure("ServiceUnavailable")], "RunInstances", &quota).await;
        assert_eq!(api_code(&result), "ServiceUnavailable");
        assert_eq!(seen, 1);
    });
}
