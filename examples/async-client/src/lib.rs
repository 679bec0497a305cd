//! An async Tencent Cloud API call, and a loopback server to call, shared
//! by the retry examples (`examples/backon-retry`, `examples/tower-retry`).
//!
//! [`send`] makes one attempt with hyper over tokio: POST the action's JSON
//! parameters, read the body with the catalog's `Response`, and return the
//! success's JSON or a [`CallError`]. It sends no signature: a real call to
//! `*.tencentcloudapi.com` also needs Tencent Cloud's TC3-HMAC-SHA256
//! headers, which are outside these examples. [`loopback`] serves canned
//! bodies and counts the requests it saw, which the examples' tests assert.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::{Request, Uri};
use hyper_util::rt::TokioIo;
use tencentcloud_error_codes::{ApiError, Failure, Response, is_idempotent};

pub mod loopback;

/// One API call: where, which action, its JSON parameters, and whether it
/// carries a client token (which makes a creating action idempotent).
#[derive(Clone, Debug)]
pub struct Call {
    pub url: String,
    pub action: String,
    pub body: String,
    pub has_client_token: bool,
}

impl Call {
    /// Whether sending it twice does no harm: a read, or a request with a
    /// client token.
    pub fn is_idempotent(&self) -> bool {
        is_idempotent(&self.action, self.has_client_token)
    }
}

/// Why an attempt failed.
#[derive(Debug)]
pub enum CallError {
    /// The service answered with an error body.
    Api(ApiError),
    /// No usable answer: the connection failed, or the body was not a
    /// Tencent Cloud response. The request may or may not have arrived.
    Transport(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Api(e) => write!(f, "{e}"),
            CallError::Transport(e) => write!(f, "transport: {e}"),
        }
    }
}

impl std::error::Error for CallError {}

impl From<&CallError> for Failure {
    /// What the catalog advises for the code, or, for a transport failure,
    /// [`Failure::unknown`]: the request may have run.
    fn from(error: &CallError) -> Failure {
        match error {
            CallError::Api(e) => Failure::from(e),
            CallError::Transport(_) => Failure::unknown(),
        }
    }
}

/// One attempt of `call`. Must run inside a tokio runtime (the connection
/// is driven by a task of its own).
pub async fn send(call: &Call) -> Result<serde_json::Value, CallError> {
    let transport = |e: &dyn std::fmt::Display| CallError::Transport(e.to_string());
    let uri: Uri = call.url.parse().map_err(|e| transport(&e))?;
    let authority = uri
        .authority()
        .ok_or_else(|| CallError::Transport(format!("{} names no host", call.url)))?
        .clone();
    let stream = tokio::net::TcpStream::connect(authority.as_str())
        .await
        .map_err(|e| transport(&e))?;
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| transport(&e))?;
    tokio::spawn(connection);
    let request = Request::post(uri)
        .header(hyper::header::HOST, authority.as_str())
        .header(hyper::header::CONTENT_TYPE, "application/json")
        .header("X-TC-Action", call.action.as_str())
        .body(Full::new(Bytes::from(call.body.clone())))
        .map_err(|e| transport(&e))?;
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| transport(&e))?;
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| transport(&e))?
        .to_bytes();
    let response: Response<serde_json::Value> =
        serde_json::from_slice(&body).map_err(|e| transport(&e))?;
    response.into_result().map_err(CallError::Api)
}
