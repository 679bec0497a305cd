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
use tencentcloud_error_codes::RetryPolicy;

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
