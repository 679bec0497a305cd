//! tower's retry layer with the catalog's advice, against a local server
//! that fails the first requests: what the server saw is asserted.

use std::sync::Arc;
use std::time::Duration;

use tencentcloud_error_codes::{RetryPolicy, RetryQuota};
use tencentcloud_error_codes_async_client::loopback::{failure, serve};
use tencentcloud_error_codes_async_client::{Call, CallError, send};
use tencentcloud_error_codes_tower_example::AdvisedRetry;
use tower::{Service, ServiceBuilder, ServiceExt};

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

/// A client: the retry layer over one attempt.
fn client(
    quota: &Arc<RetryQuota>,
) -> impl Service<Call, Response = serde_json::Value, Error = CallError> {
    ServiceBuilder::new()
        .retry(AdvisedRetry::new(POLICY, quota.clone()))
        .service_fn(|call: Call| async move { send(&call).await })
}

/// `action` against a server answering `bodies` first, through `client`;
/// the outcome and the number of requests the server saw.
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
    let result = client(quota).oneshot(call).await;
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
fn each_request_counts_its_own_attempts() {
    run(async {
        // One client for two requests during an outage: each gets its own
        // three attempts, so the layer's policy holds no shared count.
        let quota = Arc::new(RetryQuota::standard());
        let server = serve(vec![failure("ServiceUnavailable"); 6]).await;
        let mut client = client(&quota);
        for expected in [3, 6] {
            let call = Call {
                url: server.url.clone(),
                action: "RunInstances".to_owned(),
                body: "{}".to_owned(),
                has_client_token: false,
            };
            let result = client.ready().await.unwrap().call(call).await;
            assert_eq!(code(&result), "ServiceUnavailable");
            assert_eq!(server.requests(), expected);
        }
        assert_eq!(
            quota.available(),
            RetryQuota::STANDARD_CAPACITY - 4 * RetryQuota::RETRY_COST
        );
    });
}
