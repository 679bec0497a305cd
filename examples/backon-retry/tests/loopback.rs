//! backon with the catalog's advice, against a local server that fails the
//! first requests: what the server saw is asserted, request by request.

use std::sync::Arc;
use std::time::Duration;

use tencentcloud_error_codes::{RetryPolicy, RetryQuota};
use tencentcloud_error_codes_async_client::loopback::{failure, serve};
use tencentcloud_error_codes_async_client::{Call, CallError};
use tencentcloud_error_codes_backon_example::call_with_backon;

/// Short delays, so that the tests take milliseconds.
const POLICY: RetryPolicy = RetryPolicy::new()
    .with_base_delay(Duration::from_millis(2))
    .with_throttling_base_delay(Duration::from_millis(4));

fn run<T>(test: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(test)
}

/// `action` against a server answering `bodies` first; the outcome and the
/// number of requests the server saw.
async fn call(
    bodies: Vec<String>,
    action: &str,
    quota: &Arc<RetryQuota>,
) -> (Result<serde_json::Value, CallError>, usize) {
    let server = serve(bodies).await;
    let call = Call {
        url: server.url.clone(),
        action: action.to_owned(),
        body: "{}".to_owned(),
        has_client_token: false,
    };
    let result = call_with_backon(&call, &POLICY, quota).await;
    (result, server.requests())
}

fn code(result: &Result<serde_json::Value, CallError>) -> &str {
    match result {
        Err(CallError::Api(e)) => e.code(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn a_throttled_call_is_sent_again_and_succeeds() {
    run(async {
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
    run(async {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) = call(
            vec![failure("InvalidParameter")],
            "DescribeInstances",
            &quota,
        )
        .await;
        assert_eq!(code(&result), "InvalidParameter");
        assert_eq!(seen, 1);
    });
}

#[test]
fn an_if_idempotent_code_is_retried_for_a_read_only() {
    run(async {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) =
            call(vec![failure("InternalError")], "DescribeInstances", &quota).await;
        assert!(result.is_ok());
        assert_eq!(seen, 2);
        let (result, seen) = call(vec![failure("InternalError")], "RunInstances", &quota).await;
        assert_eq!(code(&result), "InternalError");
        assert_eq!(seen, 1);
    });
}

#[test]
fn a_lasting_outage_stops_at_the_maximum_number_of_attempts() {
    run(async {
        let quota = Arc::new(RetryQuota::standard());
        let outage = vec![failure("ServiceUnavailable"); 10];
        let (result, seen) = call(outage, "RunInstances", &quota).await;
        assert_eq!(code(&result), "ServiceUnavailable");
        assert_eq!(seen, 3);
        let spent = 2 * RetryQuota::RETRY_COST;
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY - spent);
    });
}

#[test]
fn an_empty_quota_stops_retries_but_not_first_attempts() {
    run(async {
        let quota = Arc::new(RetryQuota::new(0));
        let (result, seen) =
            call(vec![failure("ServiceUnavailable")], "RunInstances", &quota).await;
        assert_eq!(code(&result), "ServiceUnavailable");
        assert_eq!(seen, 1);
    });
}
