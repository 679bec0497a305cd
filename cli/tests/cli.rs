//! `tcerr` as a person and a script run it: output, exit codes, JSON.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn tcerr() -> Command {
    Command::cargo_bin("tcerr").unwrap()
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
    assert_eq!(reports[0]["parent"], Value::Null);
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
