//! A server on a loopback port that answers its requests with canned
//! bodies, in order, then with success, and counts the requests it saw.

use std::convert::Infallible;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;

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
