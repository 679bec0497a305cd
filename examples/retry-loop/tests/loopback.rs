//! The retry loop against a local server that fails the first requests.
//! Asserts what the server saw: the number of requests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use tencentcloud_error_codes::RetryPolicy;
use tencentcloud_error_codes_retry_example::{Call, CallError, Outcome, call_with_retries};

const SUCCESS: &str = r#"{"Response": {"TotalCount": 1, "RequestId": "r-ok"}}"#;

fn failure(code: &str) -> String {
    format!(
        r#"{{"Response": {{"Error": {{"Code": "{code}", "Message": "written for this test"}}, "RequestId": "r-fail"}}}}"#
    )
}

/// A server on a loopback port that answers its requests with `bodies`, in
/// order, then with success; it counts the requests it saw.
struct Server {
    url: String,
    seen: Arc<AtomicUsize>,
    _thread: JoinHandle<()>,
}

fn serve(bodies: Vec<String>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = seen.clone();
    let thread = std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let n = counter.fetch_add(1, Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap() == 0 || line == "\r\n" {
                    break;
                }
                if let Some((name, value)) = line.split_once(':') {
                    if name.eq_ignore_ascii_case("content-length") {
                        length = value.trim().parse().unwrap();
                    }
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let answer = bodies.get(n).map_or(SUCCESS, String::as_str);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
                answer.len()
            );
        }
    });
    Server {
        url,
        seen,
        _thread: thread,
    }
}

/// Calls `action` at `server` with short delays; returns the outcome and
/// the delays it waited.
fn call(server: &Server, action: &str) -> (Outcome, Vec<Duration>) {
    let policy = RetryPolicy::new()
        .with_base_delay(Duration::from_millis(2))
        .with_throttling_base_delay(Duration::from_millis(4));
    let call = Call {
        url: &server.url,
        action,
        body: "{}",
        has_client_token: false,
    };
    let retries = policy.start(call.is_idempotent()).with_jitter_seed(1);
    let mut waits = Vec::new();
    let outcome = call_with_retries(&ureq::Agent::new(), call, &retries, |delay| {
        waits.push(delay);
        std::thread::sleep(delay);
    });
    (outcome, waits)
}

fn api_code(outcome: &Outcome) -> &str {
    match &outcome.result {
        Err(CallError::Api(e)) => e.code(),
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[test]
fn a_throttled_call_is_sent_again_and_succeeds() {
    let server = serve(vec![failure("RequestLimitExceeded")]);
    let (outcome, waits) = call(&server, "RunInstances");
    assert_eq!(outcome.result.unwrap()["TotalCount"], 1);
    assert_eq!(server.seen.load(Ordering::SeqCst), 2);
    assert_eq!(outcome.attempts, 2);
    assert_eq!(waits.len(), 1);
    assert!(waits[0] <= Duration::from_millis(4));
}

#[test]
fn a_never_code_is_sent_once() {
    let server = serve(vec![failure("InvalidParameter")]);
    let (outcome, waits) = call(&server, "DescribeInstances");
    assert_eq!(api_code(&outcome), "InvalidParameter");
    assert_eq!(server.seen.load(Ordering::SeqCst), 1);
    assert!(waits.is_empty());
}

#[test]
fn an_if_idempotent_code_is_retried_for_a_read_only() {
    // A read: sent again, and succeeds.
    let server = serve(vec![failure("InternalError")]);
    let (outcome, _) = call(&server, "DescribeInstances");
    assert!(outcome.result.is_ok());
    assert_eq!(server.seen.load(Ordering::SeqCst), 2);
    // A create without a client token: sent once.
    let server = serve(vec![failure("InternalError")]);
    let (outcome, _) = call(&server, "RunInstances");
    assert_eq!(api_code(&outcome), "InternalError");
    assert_eq!(server.seen.load(Ordering::SeqCst), 1);
}

#[test]
fn a_lasting_outage_stops_at_the_maximum_number_of_attempts() {
    let server = serve(vec![failure("ServiceUnavailable"); 10]);
    let (outcome, waits) = call(&server, "RunInstances");
    assert_eq!(api_code(&outcome), "ServiceUnavailable");
    assert_eq!(server.seen.load(Ordering::SeqCst), 3);
    assert_eq!(waits.len(), 2);
}
