//! tower's retry layer with the catalog's advice, against a local server
//! that fails the first requests: the scenarios every retrying client must
//! pass (`loopback::scenarios`), and one of tower's own.

use std::sync::Arc;

use tencentcloud_error_codes::RetryQuota;
use tencentcloud_error_codes_async_client::loopback::{
    FAST, Seen, api_code, block_on, call_to, failure, scenarios, serve,
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

/// `action` through a new client against a server answering `bodies` first.
async fn call(bodies: Vec<String>, action: String, quota: Arc<RetryQuota>) -> Seen {
    let server = serve(bodies).await;
    let result = client(&quota).oneshot(call_to(&server, &action)).await;
    (result, server.requests())
}

#[test]
fn a_throttled_call_is_sent_again_and_succeeds() {
    block_on(scenarios::throttled_then_success(call));
}

#[test]
fn a_never_code_is_sent_once() {
    block_on(scenarios::never_is_sent_once(call));
}

#[test]
fn an_if_idempotent_code_is_retried_for_a_read_only() {
    block_on(scenarios::if_idempotent_is_retried_for_a_read_only(call));
}

#[test]
fn a_lasting_outage_stops_at_the_maximum_number_of_attempts() {
    block_on(scenarios::an_outage_stops_at_the_maximum_number_of_attempts(call));
}

#[test]
fn an_empty_quota_stops_retries_but_not_first_attempts() {
    block_on(scenarios::an_empty_quota_stops_retries_but_not_first_attempts(call));
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
