//! A server on a loopback port that answers its requests with canned
//! bodies, in order, then with success, and counts the requests it saw;
//! and what the examples' tests share around it.

use std::convert::Infallible;
use std::sync::Arc;

use std::sync::atomic::{AtomicUsize, Ordering};

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tencentcloud_error_codes::{RetryPolicy, RetryQuota};

use crate::{Call, CallError};

/// The default policy with delays short enough for a test.
pub const FAST: RetryPolicy = RetryPolicy::new()
    .with_base_delay(std::time::Duration::from_millis(2))
    .with_throttling_base_delay(std::time::Duration::from_millis(4));

/// Runs `test` to its end on a new single-threaded runtime.
pub fn block_on<T>(test: impl Future<Output = T>) -> T {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
        .block_on(test)
}

/// A call of `action` to `server`, without a client token.
pub fn call_to(server: &Server, action: &str) -> Call {
    Call {
        url: server.url.clone(),
        action: action.to_owned(),
        body: "{}".to_owned(),
        has_client_token: false,
    }
}

/// The code of the API error `result` must be.
pub fn api_code(result: &Result<serde_json::Value, CallError>) -> &str {
    match result {
        Err(CallError::Api(e)) => e.code(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

/// The body of a success.
pub const SUCCESS: &str = r#"{"Response": {"TotalCount": 1, "RequestId": "r-ok"}}"#;

/// The body of a failure with `code`.
pub fn failure(code: &str) -> String {
    format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "written for this test"}}, "RequestId": "r-fail"}}}}"#
    )
}

/// A running server: its URL and the count of requests it has seen.
pub struct Server {
    pub url: String,
    seen: Arc<AtomicUsize>,
}

impl Server {
    /// The requests the server has answered so far.
    pub fn requests(&self) -> usize {
        self.seen.load(Ordering::SeqCst)
    }
}

/// Starts a server, on the current tokio runtime, that answers the first
/// requests with `bodies` and every later one with [`SUCCESS`].
pub async fn serve(bodies: Vec<String>) -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    let bodies = Arc::new(bodies);
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let (counter, bodies) = (counter.clone(), bodies.clone());
            let answer = service_fn(move |_: Request<hyper::body::Incoming>| {
                let n = counter.fetch_add(1, Ordering::SeqCst);
                let body = bodies.get(n).cloned().unwrap_or_else(|| SUCCESS.to_owned());
                async move { Ok::<_, Infallible>(Response::new(Full::new(Bytes::from(body)))) }
            });
            tokio::spawn(async move {
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), answer)
                    .await;
            });
        }
    });
    Server { url, seen }
}

/// The outcome of a call through a retrying client, and how many requests
/// the server saw.
pub type Seen = (Result<serde_json::Value, CallError>, usize);

/// The scenarios every retrying client must pass, each against a new
/// server. `call(bodies, action, quota)` serves `bodies` first, calls
/// `action` through the client under test with `quota`, and returns what
/// [`Seen`] holds.
pub mod scenarios {
    use super::*;

    /// A rate limit, then success: sent twice, and the retry's cost comes
    /// back with its success.
    pub async fn throttled_then_success(
        call: impl AsyncFn(Vec<String>, String, Arc<RetryQuota>) -> Seen,
    ) {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) = call(
            vec![failure("RequestLimitExceeded")],
            "RunInstances".into(),
            quota.clone(),
        )
        .await;
        assert_eq!(result.unwrap()["TotalCount"], 1);
        assert_eq!(seen, 2);
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY);
    }

    /// A `never` code: sent once.
    pub async fn never_is_sent_once(
        call: impl AsyncFn(Vec<String>, String, Arc<RetryQuota>) -> Seen,
    ) {
        let quota = Arc::new(RetryQuota::standard());
        let (result, seen) = call(
            vec![failure("InvalidParameter")],
            "DescribeInstances".into(),
            quota,
        )
        .await;
        assert_eq!(api_code(&result), "InvalidParameter");
        assert_eq!(seen, 1);
    }

    /// An `if-idempotent` code: sent again for a read, once for a create
    /// without a client token.
    pub async fn if_idempotent_is_retried_for_a_read_only(
        call: impl AsyncFn(Vec<String>, String, Arc<RetryQuota>) -> Seen,
    ) {
        let quota = Arc::new(RetryQuota::standard());
        let (read, seen) = call(
            vec![failure("InternalError")],
            "DescribeInstances".into(),
            quota.clone(),
        )
        .await;
        assert!(read.is_ok());
        assert_eq!(seen, 2);
        let (create, seen) =
            call(vec![failure("InternalError")], "RunInstances".into(), quota).await;
        assert_eq!(api_code(&create), "InternalError");
        assert_eq!(seen, 1);
    }

    /// A lasting outage: three attempts, two retries paid.
    pub async fn an_outage_stops_at_the_maximum_number_of_attempts(
        call: impl AsyncFn(Vec<String>, String, Arc<RetryQuota>) -> Seen,
    ) {
        let quota = Arc::new(RetryQuota::standard());
        let outage = vec![failure("ServiceUnavailable"); 10];
        let (result, seen) = call(outage, "RunInstances".into(), quota.clone()).await;
        assert_eq!(api_code(&result), "ServiceUnavailable");
        assert_eq!(seen, 3);
        let spent = 2 * RetryQuota::RETRY_COST;
        assert_eq!(quota.available(), RetryQuota::STANDARD_CAPACITY - spent);
    }

    /// An empty quota: no retry, but the first attempt goes out.
    pub async fn an_empty_quota_stops_retries_but_not_first_attempts(
        call: impl AsyncFn(Vec<String>, String, Arc<RetryQuota>) -> Seen,
    ) {
        let quota = Arc::new(RetryQuota::new(0));
        let (result, seen) = call(
            vec![failure("ServiceUnavailable")],
            "RunInstances".into(),
            quota,
        )
        .await;
        assert_eq!(api_code(&result), "ServiceUnavailable");
        assert_eq!(seen, 1);
    }
}
