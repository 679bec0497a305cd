//! `cargo run -p tencentcloud-error-codes-retry-example -- URL ACTION [JSON]`:
//! calls ACTION at URL with the default retry policy, printing each wait.

use std::process::ExitCode;

use tencentcloud_error_codes::RetryPolicy;
use tencentcloud_error_codes_retry_example::{Call, call_with_retries};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(url), Some(action)) = (args.first(), args.get(1)) else {
        eprintln!("usage: retry-example URL ACTION [JSON]");
        return ExitCode::from(2);
    };
    let call = Call {
        url,
        action,
        body: args.get(2).map_or("{}", String::as_str),
        has_client_token: false,
    };
    let retries = RetryPolicy::new().start(call.is_idempotent());
    let outcome = call_with_retries(&ureq::Agent::new(), call, &retries, |delay| {
        eprintln!("retrying in {delay:?}");
        std::thread::sleep(delay);
    });
    match outcome.result {
        Ok(value) => {
            println!("{value}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("failed after {} attempts: {e}", outcome.attempts);
            ExitCode::FAILURE
        }
    }
}
