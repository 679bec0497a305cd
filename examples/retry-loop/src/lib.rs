//! A complete retry loop around a Tencent Cloud API call: send, read the
//! body with the catalog's `Response`, and on a failure ask the
//! `RetryPolicy` whether to send again and after how long.
//!
//! The HTTP client is `ureq` (blocking); an async client would use the same
//! loop with its own sleep. The request is sent unsigned: a real call to
//! `*.tencentcloudapi.com` also needs Tencent Cloud's TC3-HMAC-SHA256
//! signature headers, which are outside this example. The tests run it
//! against a local server.

use std::time::Duration;

use tencentcloud_error_codes::{ApiError, Failure, Response, RetryState, is_idempotent};

/// One API call: where, which action, its JSON parameters, and whether it
/// carries a client token (which makes a creating action idempotent).
#[derive(Clone, Copy, Debug)]
pub struct Call<'a> {
    pub url: &'a str,
    pub action: &'a str,
    pub body: &'a str,
    pub has_client_token: bool,
}

impl Call<'_> {
    /// Whether sending it twice does no harm: a read, or a request with a
    /// client token.
    pub fn is_idempotent(&self) -> bool {
        is_idempotent(self.action, self.has_client_token)
    }
}

/// Why a call failed in the end.
#[derive(Debug)]
pub enum CallError {
    /// The service answered with an error body.
    Api(ApiError),
    /// No usable answer: the connection failed, or the body was not a
    /// Tencent Cloud response.
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

/// What a finished call did: its result, and how many attempts it took.
#[derive(Debug)]
pub struct Outcome {
    pub result: Result<serde_json::Value, CallError>,
    pub attempts: u32,
}

/// Sends `call` until it succeeds or `retries` (started for this call,
/// with [`Call::is_idempotent`]) says stop, calling `sleep` with each delay
/// (`std::thread::sleep` in a program; a test records).
pub fn call_with_retries(
    agent: &ureq::Agent,
    call: Call<'_>,
    retries: &RetryState,
    mut sleep: impl FnMut(Duration),
) -> Outcome {
    loop {
        let (error, failure) = match send_once(agent, call) {
            Ok(value) => {
                retries.succeeded();
                return Outcome {
                    result: Ok(value),
                    attempts: retries.attempts() + 1,
                };
            }
            Err(CallError::Api(e)) => {
                let failure = Failure::from(&e);
                (CallError::Api(e), failure)
            }
            // The request may or may not have arrived.
            Err(transport) => (transport, Failure::unknown()),
        };
        match retries.next_delay(failure) {
            Ok(delay) => sleep(delay),
            Err(_stop) => {
                return Outcome {
                    result: Err(error),
                    attempts: retries.attempts(),
                };
            }
        }
    }
}

/// One attempt: POST the parameters, read the body.
fn send_once(agent: &ureq::Agent, call: Call<'_>) -> Result<serde_json::Value, CallError> {
    let response = agent
        .post(call.url)
        .set("Content-Type", "application/json")
        .set("X-TC-Action", call.action)
        .send_string(call.body)
        .map_err(|e| CallError::Transport(e.to_string()))?;
    let body = response
        .into_string()
        .map_err(|e| CallError::Transport(e.to_string()))?;
    let response: Response<serde_json::Value> =
        serde_json::from_str(&body).map_err(|e| CallError::Transport(e.to_string()))?;
    response.into_result().map_err(CallError::Api)
}
