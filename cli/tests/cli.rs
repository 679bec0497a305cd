//! `tcerr` as a person and a script run it: output, exit codes, JSON.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const FAILURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/failure-response.json"
);
const SUCCESS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../tests/fixtures/success-response.json"
);

fn tcerr() -> Command {
    Command::cargo_bin("tcerr").unwrap()
}

/// `tcerr explain --json` on `body`: its exit code and its JSON.
fn explain_json(body: &str) -> (Option<i32>, Value) {
    let output = tcerr()
        .args(["explain", "--json"])
        .write_stdin(body)
        .output()
        .unwrap();
    (output.status.code(), json_stdout(&output))
}

fn json_stdout(output: &std::process::Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn a_known_code_shows_description_category_and_retry() {
    tcerr()
        .arg("AuthFailure.SignatureFailure")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "AuthFailure.SignatureFailure\n",
        ))
        .stdout(predicate::str::contains("description  Signature error.\n"))
        .stdout(predicate::str::contains("category     auth: "))
        .stdout(predicate::str::contains("retry        never: "));
}

#[test]
fn a_child_code_names_the_code_it_refines() {
    tcerr()
        .arg("RequestLimitExceeded.UinLimitExceeded")
        .assert()
        .success()
        .stdout(predicate::str::contains("retry        safe: "))
        .stdout(predicate::str::contains(
            "refines      RequestLimitExceeded: The number of requests exceeds the frequency limit.",
        ));
}

#[test]
fn an_unknown_code_exits_1_with_a_suggestion() {
    tcerr()
        .arg("AuthFailure.SignatureFailur")
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tcerr: unknown error code \"AuthFailure.SignatureFailur\"; did you mean \"AuthFailure.SignatureFailure\"?\n",
        );
    tcerr()
        .arg("internalerror")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean \"InternalError\"?"));
}

#[test]
fn an_unknown_code_among_known_ones_still_shows_the_known_ones() {
    tcerr()
        .args(["InternalError", "Nope", "ResourceInUse"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("InternalError\n"))
        .stdout(predicate::str::contains("\nResourceInUse\n"))
        .stderr(predicate::str::contains(
            "unknown error code \"Nope\" (try `tcerr list`)",
        ));
}

#[test]
fn json_for_codes_is_an_array_in_argument_order() {
    let output = tcerr()
        .args(["--json", "InternalError", "AuthFailure.SignatureFailur"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let reports = json_stdout(&output);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["code"], "InternalError");
    assert_eq!(reports[0]["in_catalog"], true);
    assert_eq!(reports[0]["description"], "Internal error.");
    assert_eq!(reports[0]["category"], "server");
    assert_eq!(reports[0]["retry"], "if-idempotent");
    assert_eq!(reports[0]["refines"], Value::Null);
    assert_eq!(reports[0]["suggestions"], serde_json::json!([]));
    assert_eq!(reports[1]["code"], "AuthFailure.SignatureFailur");
    assert_eq!(reports[1]["in_catalog"], false);
    assert_eq!(
        reports[1]["suggestions"],
        serde_json::json!(["AuthFailure.SignatureFailure"])
    );
}

#[test]
fn list_prints_an_aligned_table_of_the_whole_catalog() {
    let output = tcerr().arg("list").output().unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1 + tencentcloud_error_codes::ErrorCode::ALL.len()
    );
    assert!(lines[0].starts_with("CODE "));
    // Every column starts at the same offset on every line.
    let column = |line: &str, n: usize| {
        let mut offset = 0;
        let mut rest = line;
        for _ in 0..n {
            let gap = rest.find("  ").unwrap();
            let next = gap + rest[gap..].find(|c: char| c != ' ').unwrap();
            offset += next;
            rest = &rest[next..];
        }
        offset
    };
    for n in 1..=3 {
        let at = column(lines[0], n);
        assert!(
            lines.iter().all(|l| column(l, n) == at),
            "column {n} is not aligned"
        );
    }
    assert!(lines[1].starts_with("ActionOffline "));
    assert!(text.contains("Signature error.\n"));
}

#[test]
fn list_by_category_and_as_json() {
    let output = tcerr()
        .args(["list", "--category", "throttling", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let codes: Vec<String> = json_stdout(&output)
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            assert_eq!(entry["category"], "throttling");
            assert_eq!(entry["retry"], "safe");
            entry["code"].as_str().unwrap().to_owned()
        })
        .collect();
    assert_eq!(
        codes,
        [
            "RequestLimitExceeded",
            "RequestLimitExceeded.GlobalRegionUinLimitExceeded",
            "RequestLimitExceeded.IPLimitExceeded",
            "RequestLimitExceeded.UinLimitExceeded"
        ]
    );
}

#[test]
fn usage_errors_exit_2() {
    tcerr()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: tcerr"));
    tcerr()
        .args(["list", "--category", "network"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: auth, permission",
        ));
}

#[test]
fn an_api_specific_code_shows_the_code_it_refines_and_exits_0() {
    tcerr()
        .arg("InvalidParameterValue.InvalidInstanceId")
        .assert()
        .success()
        .stdout(
            "InvalidParameterValue.InvalidInstanceId\n  \
             not in the catalog; refines InvalidParameterValue: Invalid parameter value.\n  \
             category     request: The request is malformed or unsupported: fix the caller.\n  \
             retry        never: Do not retry: the same request fails the same way until its cause is fixed.\n",
        );
    let output = tcerr()
        .args(["--json", "ResourceUnavailable.Attached"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report = &json_stdout(&output)[0];
    assert_eq!(report["in_catalog"], false);
    assert_eq!(report["refines"], "ResourceUnavailable");
    assert_eq!(report["category"], "resource");
    assert_eq!(report["retry"], "safe");
    assert_eq!(report["description"], "Resource is unavailable.");
}

#[test]
fn a_code_refining_nothing_in_the_catalog_exits_1() {
    for code in [
        "InvalidParameterValueLimit",
        "InvalidInstanceId.NotFound",
        "ResourceBusy",
    ] {
        tcerr()
            .arg(code)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "unknown error code {code:?}"
            )));
    }
}

#[test]
fn explain_a_failure_body() {
    tcerr()
        .args(["explain", FAILURE])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "AuthFailure.SignatureFailure\n  \
             message      The provided credentials could not be validated. Please ensure your signature is correct.\n  \
             request ID   ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\n  \
             description  Signature error.\n  \
             category     auth: ",
        ))
        .stdout(predicate::str::contains("  retry        never: "));

    let output = tcerr()
        .args(["explain", "--json", FAILURE])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report = json_stdout(&output);
    assert_eq!(report["success"], false);
    assert_eq!(report["code"], "AuthFailure.SignatureFailure");
    assert_eq!(
        report["message"],
        "The provided credentials could not be validated. Please ensure your signature is correct."
    );
    assert_eq!(report["request_id"], "ed93f3cb-f35e-473f-b9f3-0d451b8b79c6");
    assert_eq!(report["in_catalog"], true);
    assert_eq!(report["category"], "auth");
    assert_eq!(report["retry"], "never");
    assert_eq!(report["description"], "Signature error.");
}

#[test]
fn explain_a_success_body_from_standard_input() {
    let body = std::fs::read_to_string(SUCCESS).unwrap();
    tcerr()
        .arg("explain")
        .write_stdin(body.clone())
        .assert()
        .success()
        .stdout(
            "no error: the request succeeded (request ID b5b41468-520d-4192-b42f-595cc34b6c1c)\n",
        );
    let output = tcerr()
        .args(["explain", "-", "--json"])
        .write_stdin(body)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        json_stdout(&output),
        serde_json::json!({"success": true, "request_id": "b5b41468-520d-4192-b42f-595cc34b6c1c"})
    );
}

#[test]
fn explain_an_api_specific_and_an_unknown_code() {
    let body = r#"{"Response": {"Error": {"Code": "LimitExceeded.CvmInstanceQuota", "Message": "Quota."}, "RequestId": "r1"}}"#;
    tcerr()
        .arg("explain")
        .write_stdin(body)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  not in the catalog; refines LimitExceeded: Quota limit exceeded.\n  category     quota: ",
        ));
    let (status, report) = explain_json(body);
    assert_eq!(status, Some(0));
    assert_eq!(
        (report["in_catalog"].clone(), report["refines"].clone()),
        (Value::Bool(false), Value::from("LimitExceeded"))
    );

    // An error body with a code the catalog knows nothing of is still explained.
    let body = r#"{"Response": {"Error": {"Code": "ResourceBusy", "Message": "Busy."}, "RequestId": "r2"}}"#;
    tcerr()
        .arg("explain")
        .write_stdin(body)
        .assert()
        .success()
        .stdout("ResourceBusy\n  message      Busy.\n  request ID   r2\n  not in the catalog, and refines no catalog code\n");
    let (status, report) = explain_json(body);
    assert_eq!(status, Some(0));
    assert_eq!(report["code"], "ResourceBusy");
    assert_eq!(report["category"], Value::Null);
    assert_eq!(report["retry"], Value::Null);
}

#[test]
fn explain_broken_input_exits_2_saying_what_and_where() {
    for (body, expected) in [
        (
            "not json",
            "standard input is not a Tencent Cloud API response: expected ident at line 1 column 2",
        ),
        ("{}", "missing field `Response` at line 1 column 2"),
        (
            "{\"Response\": {\"Error\": {\"Message\": \"x\"}}}",
            "missing field `Code` at line 1 column",
        ),
        (
            "{\n  \"Response\": {\n",
            "EOF while parsing an object at line 3 column 0",
        ),
        ("", "EOF while parsing a value at line 1 column 0"),
    ] {
        tcerr()
            .arg("explain")
            .write_stdin(body)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::starts_with("tcerr: ").and(predicate::str::contains(expected)));
    }
    tcerr()
        .args(["explain", "/no/such/file.json"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "tcerr: cannot read /no/such/file.json: ",
        ));
    tcerr()
        .arg("explain")
        .write_stdin(vec![0xff, 0xfe])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is not a Tencent Cloud API response",
        ));
}
