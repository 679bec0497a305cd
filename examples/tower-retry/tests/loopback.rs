//! tower's retry layer with the catalog's advice, against a local server
//! that fails the first requests: what the server saw is asserted.

use std::sync::Arc;

use tencentcloud_error_codes::RetryQuota;
use tencentcloud_error_codes_async_client::loopback::{
    FAST, api_code, block_on, call_to, failure, serve,
};
use tencentcloud_error_codes_async_client::{Call, CallError, send};
use tencentcloud_error_codes_tower_example::AdvisedRetry;
use tower::{Service, ServiceBuilder, ServiceExt};

/// A client: the retry layer over one attempt.
fn client(
    quota: &Arc<RetryQuota>,
) -> impl Service<Call, Response = serde_json::Value, Error = CallError> {
    ServiceBuilder::new()
        .retry(AdvisedRetry::new(FAST, quota.clone()))
        .service_fn(|call: Call| async move { send(&call).await })
}

/// `action` against a server answering `bodies` first, through a new
/// client; the outcome and the number of requests the server saw.
async fn call(
    bodies: Vec<String>,
    action: &str,
    quota: &Arc<RetryQuota>,
) -> (Result<serde_json::Value, CallError>, usize) {
    let server = serve(bodies).await;
    let result = client(quota).oneshot(call_to(&server, action)).await;
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
fn each_request_counts_its_own_attempts() {
    block_on(async {
        // One client for two requests during an outage: each gets its own
        // three attempts, so the layer's policy holds no shared count.
        let quota = Arc::new(RetryQuota::standard());
        let server = serve(vec![failure("ServiceUnavailable"); 6]).await;
        let mut client = client(&quota);
        for expected in [3, 6] {
            let call = call_to(&server, "RunInstances");
            let result = client.ready().await.unwrap().call(call).await;
            assert_eq!(api_code(&result), "ServiceUnavailable");
            assert_eq!(server.requests(), expected);
        }
        let spent = 4 * RetryQuota::RETRY_COST;
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY - spent);
    });
}
