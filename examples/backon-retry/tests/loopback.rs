//! backon with the catalog's advice, against a local server that fails the
//! first requests: the scenarios every retrying client must pass
//! (`loopback::scenarios`), what the server saw asserted in each.

use std::sync::Arc;

use tencentcloud_error_codes::RetryQuota;
use tencentcloud_error_codes_async_client::loopback::{
    FAST, Seen, block_on, call_to, scenarios, serve,
};
use tencentcloud_error_codes_backon_example::call_with_backon;

/// `action` through backon against a server answering `bodies` first.
async fn call(bodies: Vec<String>, action: String, quota: Arc<RetryQuota>) -> Seen {
    let server = serve(bodies).await;
    let result = call_with_backon(&call_to(&server, &action), &FAST, &quota).await;
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
