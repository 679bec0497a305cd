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
        .arg("AuthFailur.SignatureFailure")
        .assert()
        .code(1)
        .stdout("")
        .stderr(
            "tcerr: unknown error code \"AuthFailur.SignatureFailure\"; did you mean \"AuthFailure.SignatureFailure\"?\n",
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
        .args(["--json", "InternalError", "AuthFailur.SignatureFailure"])
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
    assert_eq!(
        reports[0]["products"],
        serde_json::json!(products_returning("InternalError"))
    );
    assert_eq!(reports[0]["retired"], false);
    assert_eq!(reports[1]["retired"], false);
    // Reviewed in codes.toml; a code outside the catalog is no review's.
    assert_eq!(reports[0]["reviewed"], true);
    assert!(reports[0]["reason"].as_str().is_some_and(|r| !r.is_empty()));
    assert_eq!(reports[1]["reviewed"], false);
    assert_eq!(reports[1]["reason"], Value::Null);
    assert_eq!(reports[1]["code"], "AuthFailur.SignatureFailure");
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
    let first = tencentcloud_error_codes::ErrorCode::ALL[0];
    assert!(lines[1].starts_with(&format!("{first} ")));
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
            entry["code"].as_str().unwrap().to_owned()
        })
        .collect();
    let expected: Vec<&str> = tencentcloud_error_codes::Category::Throttling
        .codes()
        .map(|c| c.as_str())
        .collect();
    assert_eq!(codes, expected);
    assert!(codes.contains(&"RequestLimitExceeded".to_owned()));
}

#[test]
fn usage_errors_exit_2() {
    tcerr()
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: tcerr"));
    tcerr()
        .args(["list", "--category", "no-such-category"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!(
            "possible values: {}",
            tencentcloud_error_codes::Category::ALL
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )));
}

#[test]
fn an_api_specific_code_shows_the_code_it_refines_and_exits_0() {
    tcerr()
        .arg("InvalidParameterValue.NoSuchValueAnywhere")
        .assert()
        .success()
        .stdout(
            "InvalidParameterValue.NoSuchValueAnywhere\n  \
             not in the catalog; refines InvalidParameterValue: Invalid parameter value.\n  \
             advice       of the family InvalidParameterValue.*: what most of its known codes are\n  \
             category     request: The request is malformed or unsupported: fix the caller.\n  \
             retry        never: Do not retry: the same request fails the same way until its cause is fixed.\n",
        );
    let output = tcerr()
        .args(["--json", "ResourceUnavailable.NoSuchStateAnywhere"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report = &json_stdout(&output)[0];
    assert_eq!(report["in_catalog"], false);
    assert_eq!(report["refines"], "ResourceUnavailable");
    // The family's advice, as families.toml gives it; not the bare code's.
    let (category, retry) = family_advice("ResourceUnavailable");
    assert_eq!(report["category"], category.as_str());
    assert_eq!(report["retry"], retry.as_str());
    assert_eq!(report["advice_from"], "family");
    assert_eq!(report["family"], "ResourceUnavailable");
    assert_eq!(report["description"], "Resource is unavailable.");
}

#[test]
fn a_code_refining_nothing_in_the_catalog_exits_1() {
    for code in [
        "InvalidParameterValueNoSuchThing",
        "NoSuchFamilyAnywhere.NotFound",
        "ResourceBusyNowhere",
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
        serde_json::json!({"success": true, "request_id": "b5b41468-520d-4192-b42f-595cc34b6c1c", "retired": false, "reviewed": false, "common": false})
    );
}

#[test]
fn explain_an_api_specific_and_an_unknown_code() {
    let body = r#"{"Response": {"Error": {"Code": "LimitExceeded.NoSuchQuotaAnywhere", "Message": "Quota."}, "RequestId": "r1"}}"#;
    tcerr()
        .arg("explain")
        .write_stdin(body)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  not in the catalog; refines LimitExceeded: Quota limit exceeded.\n  advice       of the family LimitExceeded.*: what most of its known codes are\n  category     quota: ",
        ));
    let (status, report) = explain_json(body);
    assert_eq!(status, Some(0));
    assert_eq!(
        (report["in_catalog"].clone(), report["refines"].clone()),
        (Value::Bool(false), Value::from("LimitExceeded"))
    );

    // An error body with a code the catalog knows nothing of is still explained.
    let body = r#"{"Response": {"Error": {"Code": "ResourceBusyNowhere", "Message": "Busy."}, "RequestId": "r2"}}"#;
    tcerr()
        .arg("explain")
        .write_stdin(body)
        .assert()
        .success()
        .stdout("ResourceBusyNowhere\n  message      Busy.\n  request ID   r2\n  not in the catalog, and refines no catalog code\n");
    let (status, report) = explain_json(body);
    assert_eq!(status, Some(0));
    assert_eq!(report["code"], "ResourceBusyNowhere");
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

/// Every code of the SDK data, as `tcerr --json` reports it.
fn data_codes() -> Vec<String> {
    let tsv =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/codes.tsv")).unwrap();
    let mut codes: Vec<String> = tsv
        .lines()
        .skip(1)
        .map(|line| line.split('\t').nth(2).unwrap().to_owned())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

/// `codes.toml` and each `products/<name>.toml`, read independently of the
/// build: the file's stem and its table, `codes` first, then the products
/// in ASCII order.
fn catalog_files() -> Vec<(String, toml::Table)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut paths: Vec<_> = std::fs::read_dir(root.join("products"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.insert(0, root.join("codes.toml"));
    paths
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let table = std::fs::read_to_string(&path).unwrap().parse().unwrap();
            (stem, table)
        })
        .collect()
}

/// One `[[code]]` entry of a catalog file.
struct CatalogEntry {
    code: String,
    description: String,
    category: String,
    retry: String,
    retired: bool,
    reviewed: bool,
    reason: String,
    /// An entry of `codes.toml`.
    common: bool,
}

/// Every entry of every catalog file, in file order; a code several
/// product files share, once.
fn catalog_entries() -> Vec<CatalogEntry> {
    let mut seen = std::collections::HashSet::new();
    let mut entries = Vec::new();
    for (stem, table) in catalog_files() {
        for entry in table
            .get("code")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            let text = |k: &str| entry.get(k).and_then(|v| v.as_str()).map(str::to_owned);
            let flag = |k: &str| entry.get(k).and_then(|v| v.as_bool()) == Some(true);
            let code = text("code").unwrap();
            if seen.insert(code.clone()) {
                entries.push(CatalogEntry {
                    description: text("description").unwrap(),
                    category: text("category").unwrap(),
                    retry: text("retry").unwrap_or_else(|| "never".to_owned()),
                    retired: flag("retired"),
                    reviewed: flag("reviewed"),
                    reason: text("reason").unwrap_or_default(),
                    common: stem == "codes",
                    code,
                });
            }
        }
    }
    entries
}

/// The product catalogs whose `common` list names `code`, in ASCII order.
fn products_returning(code: &str) -> Vec<String> {
    catalog_files()
        .into_iter()
        .filter(|(stem, table)| {
            stem != "codes"
                && table
                    .get("common")
                    .and_then(|c| c.as_array())
                    .is_some_and(|list| list.iter().any(|c| c.as_str() == Some(code)))
        })
        .map(|(stem, _)| stem)
        .collect()
}

/// Each product code with whether its entry says `retired = true`, in
/// byte order of code.
fn product_codes_retired() -> Vec<(String, bool)> {
    let mut codes: Vec<(String, bool)> = catalog_entries()
        .into_iter()
        .filter(|e| !e.common)
        .map(|e| (e.code, e.retired))
        .collect();
    codes.sort();
    codes
}

/// Each code of every catalog file with whether its entry says
/// `reviewed = true` and its reason, in byte order of code.
fn codes_reviewed() -> Vec<(String, bool, String)> {
    let mut codes: Vec<(String, bool, String)> = catalog_entries()
        .into_iter()
        .map(|e| (e.code, e.reviewed, e.reason))
        .collect();
    codes.sort();
    codes
}

/// The codes of `codes.toml`, in its order.
fn common_codes() -> Vec<String> {
    catalog_entries()
        .into_iter()
        .filter(|e| e.common)
        .map(|e| e.code)
        .collect()
}

#[test]
fn every_code_of_the_data_is_known_with_its_catalog_advice() {
    let codes = data_codes();
    let catalog: std::collections::HashMap<String, CatalogEntry> = catalog_entries()
        .into_iter()
        .map(|e| (e.code.clone(), e))
        .collect();
    for chunk in codes.chunks(4000) {
        let output = tcerr().arg("--json").args(chunk).output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let reports = json_stdout(&output);
        for (report, code) in reports.as_array().unwrap().iter().zip(chunk) {
            let entry = &catalog[code];
            assert_eq!(report["code"], code.as_str());
            assert_eq!(report["in_catalog"], true, "{code}");
            assert_eq!(report["description"], entry.description.as_str(), "{code}");
            assert_eq!(report["category"], entry.category.as_str(), "{code}");
            assert_eq!(report["retry"], entry.retry.as_str(), "{code}");
        }
    }
}

#[test]
fn the_traps_get_the_advice_of_the_code_itself() {
    for (code, category, retry) in [
        ("UnsupportedOperation.FrequencyLimit", "throttling", "safe"),
        ("FailedOperation.ResourceInOperating", "resource", "safe"),
        ("ResourceInUse.CosBucketExists", "resource", "never"),
        ("InternalError.InsufficientBalance", "billing", "never"),
        (
            "OperationDenied.InstanceOperationInProgress",
            "resource",
            "safe",
        ),
    ] {
        let output = tcerr().args(["--json", code]).output().unwrap();
        assert!(output.status.success());
        let report = &json_stdout(&output)[0];
        assert_eq!(
            (report["category"].as_str(), report["retry"].as_str()),
            (Some(category), Some(retry)),
            "{code}"
        );
        assert!(!report["products"].as_array().unwrap().is_empty(), "{code}");
    }
}

#[test]
fn a_product_code_shows_its_products() {
    let output = tcerr()
        .args(["--json", "InvalidInstanceId.NotFound"])
        .output()
        .unwrap();
    let report = &json_stdout(&output)[0];
    let products: Vec<&str> = report["products"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert!(
        products.contains(&"cvm") && products.is_sorted(),
        "{products:?}"
    );
    tcerr()
        .arg("InvalidInstanceId.NotFound")
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "  products     {}\n",
            products.join(", ")
        )));
}

#[test]
fn products_lists_each_product_with_its_count() {
    let output = tcerr().args(["products", "--json"]).output().unwrap();
    assert!(output.status.success());
    let rows = json_stdout(&output);
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), tencentcloud_error_codes::products().len());
    let cvm = rows.iter().find(|r| r["product"] == "cvm").unwrap();
    let listed = tcerr()
        .args(["list", "--product", "cvm", "--json"])
        .output()
        .unwrap();
    let listed = json_stdout(&listed);
    assert_eq!(
        cvm["codes"].as_u64().unwrap() as usize,
        listed.as_array().unwrap().len()
    );
    for entry in listed.as_array().unwrap() {
        assert!(
            entry["products"]
                .as_array()
                .unwrap()
                .contains(&Value::from("cvm"))
        );
    }
    // An unknown product: the close ones and how to list all, not all 264.
    let output = tcerr()
        .args(["list", "--product", "nosuchproduct"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("`tcerr products` lists all"), "{stderr}");
    assert!(stderr.len() < 400, "{stderr}");
    tcerr()
        .args(["list", "--product", "cvn"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean one of cdn, cvm?"));
    let help = tcerr().args(["list", "--help"]).output().unwrap();
    assert!(
        !String::from_utf8(help.stdout)
            .unwrap()
            .contains("workbuddyenterprise")
    );
    // Piped, every row is whole, however wide.
    let list = tcerr().arg("list").output().unwrap();
    assert!(!String::from_utf8(list.stdout).unwrap().contains('…'));
    tcerr()
        .arg("products")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("PRODUCT"));
}

#[test]
fn a_typo_that_still_refines_a_code_gets_a_hint() {
    tcerr()
        .arg("AuthFailure.SignatureFailur")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "did you mean AuthFailure.SignatureFailure?",
        ));
}

#[test]
fn retired_codes_say_so_in_text_and_json() {
    let codes = product_codes_retired();
    // Every retired code, and as many current ones.
    let retired: Vec<&(String, bool)> = codes.iter().filter(|(_, r)| *r).collect();
    let current = codes.iter().filter(|(_, r)| !*r).take(retired.len().max(3));
    let sample: Vec<&(String, bool)> = retired.iter().copied().chain(current).collect();
    let args: Vec<&str> = sample.iter().map(|(c, _)| c.as_str()).collect();
    let output = tcerr().arg("--json").args(&args).output().unwrap();
    assert!(output.status.success());
    let reports = json_stdout(&output);
    for (report, (code, retired)) in reports.as_array().unwrap().iter().zip(&sample) {
        assert_eq!(report["code"], code.as_str());
        assert_eq!(report["retired"], *retired, "{code}");
    }
    for (code, retired) in sample {
        let text = tcerr().arg(code).output().unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        assert_eq!(text.contains("  retired  "), *retired, "{code}: {text}");
    }
}

#[test]
fn a_product_lists_the_common_codes_it_returns() {
    // Every product that returns InternalError lists it.
    let products = products_returning("InternalError");
    assert!(!products.is_empty(), "some product returns InternalError");
    for product in products.iter().take(5) {
        let output = tcerr()
            .args(["list", "--product", product, "--json"])
            .output()
            .unwrap();
        assert!(output.status.success());
        let codes = json_stdout(&output);
        assert!(
            codes
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["code"] == "InternalError"),
            "{product}"
        );
    }
}

/// Would act on a terminal rather than show.
fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn hostile() -> Vec<String> {
    vec![
        "\u{1b}[2J\u{1b}[31m".to_owned(),
        "InternalError.\u{1b}]0;title\u{7}".to_owned(),
        "Resource\u{202e}txet".to_owned(),
        (1u32..0x20)
            .chain(0x7f..0xa0)
            .filter_map(char::from_u32)
            .collect(),
        // A command-line argument may hold 128 KiB at most.
        "z".repeat(100_000),
    ]
}

fn assert_safe(output: &std::process::Output, what: &str) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text.chars().any(is_dangerous),
            "{what}: {stream} holds a control character: {:?}",
            &text[..text.len().min(300)]
        );
    }
}

#[test]
fn no_input_reaches_the_terminal_as_a_control_character() {
    for input in hostile() {
        // A code on the command line, as text and as JSON.
        let text = tcerr().arg(&input).output().unwrap();
        assert_safe(&text, "tcerr CODE");
        assert!(
            text.stderr.len() + text.stdout.len() < 2_000,
            "long input is cut"
        );
        let json = tcerr().args(["--json", &input]).output().unwrap();
        assert_safe(&json, "tcerr --json CODE");
        // JSON keeps the exact value for a program.
        assert_eq!(json_stdout(&json)[0]["code"], input.as_str());

        // A response body whose code, message and request ID are hostile,
        // and a megabyte long.
        let input = format!("{input}{}", "w".repeat(1 << 20));
        let body = serde_json::json!({
            "Response": {"Error": {"Code": input, "Message": input}, "RequestId": input}
        })
        .to_string();
        let text = tcerr()
            .arg("explain")
            .write_stdin(body.clone())
            .output()
            .unwrap();
        assert_safe(&text, "tcerr explain");
        assert!(text.stdout.len() < 4_000, "long fields are cut");
        let json = tcerr()
            .args(["explain", "--json"])
            .write_stdin(body)
            .output()
            .unwrap();
        assert_safe(&json, "tcerr explain --json");
        let report = json_stdout(&json);
        assert_eq!(report["code"], input.as_str());
        assert_eq!(report["message"], input.as_str());
        assert_eq!(report["request_id"], input.as_str());
    }
}

#[test]
fn json_works_before_and_after_every_subcommand() {
    for args in [
        vec!["list"],
        vec!["list", "--product", "cvm"],
        vec!["list", "--category", "server"],
        vec!["products"],
        vec!["explain", "../tests/fixtures/failure-response.json"],
        vec!["InternalError"],
    ] {
        let before = tcerr().arg("--json").args(&args).output().unwrap();
        let after = tcerr().args(&args).arg("--json").output().unwrap();
        assert!(before.status.success(), "--json {args:?}: {before:?}");
        assert_eq!(before.stdout, after.stdout, "{args:?}");
        json_stdout(&before);
    }
}

/// A family's (category, retry), read from `families.toml`.
fn family_advice(prefix: &str) -> (String, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../families.toml");
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    let family = table["family"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["prefix"].as_str() == Some(prefix))
        .unwrap_or_else(|| panic!("no family {prefix}"));
    let s = |k: &str| family[k].as_str().unwrap().to_owned();
    (s("category"), s("retry"))
}

/// Each `$ cargo run -q -p tcerr -- ARGS` of the README's text blocks, with
/// the output the README shows for it.
fn readme_examples() -> Vec<(Vec<String>, String)> {
    let readme = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"),
    )
    .unwrap();
    let mut examples: Vec<(Vec<String>, String)> = Vec::new();
    let mut in_text = false;
    // The example the lines belong to: only within its own text block.
    let mut current: Option<usize> = None;
    for line in readme.lines() {
        if line.starts_with("```") {
            in_text = line == "```text";
            current = None;
            continue;
        }
        if !in_text {
            continue;
        }
        if let Some(args) = line.strip_prefix("$ cargo run -q -p tcerr -- ") {
            current = Some(examples.len());
            examples.push((
                args.split_whitespace().map(str::to_owned).collect(),
                String::new(),
            ));
        } else if let Some((_, shown)) = current.map(|i| &mut examples[i]) {
            if !line.is_empty() || !shown.is_empty() {
                shown.push_str(line);
                shown.push('\n');
            }
        }
    }
    for (_, shown) in &mut examples {
        *shown = shown.trim_end().to_owned() + "\n";
    }
    examples
}

#[test]
fn the_readme_examples_are_current() {
    let examples = readme_examples();
    assert!(examples.len() >= 5, "{examples:?}");
    for (args, shown) in examples {
        let output = tcerr()
            .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
            .args(&args)
            .output()
            .unwrap();
        let printed = format!(
            "{}{}",
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap()
        );
        assert_eq!(
            printed, shown,
            "the README shows another output for tcerr {args:?}"
        );
    }
}

#[test]
fn reviewed_advice_says_so_and_why_in_text_and_json() {
    let codes = codes_reviewed();
    // As many reviewed codes as guessed ones, at most 40 of each.
    let reviewed = codes.iter().filter(|(_, r, _)| *r).take(40);
    let guessed = codes.iter().filter(|(_, r, _)| !*r).take(40);
    let sample: Vec<&(String, bool, String)> = reviewed.chain(guessed).collect();
    assert!(sample.iter().any(|(_, r, _)| *r), "codes.toml is reviewed");
    let args: Vec<&str> = sample.iter().map(|(c, ..)| c.as_str()).collect();
    let output = tcerr().arg("--json").args(&args).output().unwrap();
    assert!(output.status.success());
    let reports = json_stdout(&output);
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), sample.len());
    for (report, (code, reviewed, reason)) in reports.iter().zip(&sample) {
        assert_eq!(report["code"], code.as_str());
        assert_eq!(report["reviewed"], *reviewed, "{code}");
        assert_eq!(report["reason"].as_str().unwrap_or(""), reason, "{code}");
    }
    for (code, reviewed, reason) in sample.iter().take(3).chain(sample.iter().rev().take(3)) {
        let text = tcerr().arg(code).output().unwrap();
        let text = String::from_utf8(text.stdout).unwrap();
        let line = text
            .lines()
            .find(|l| l.starts_with("  advice  "))
            .unwrap_or_else(|| panic!("{code}: no advice line in {text}"));
        assert_eq!(line.contains("not reviewed"), !*reviewed, "{code}: {line}");
        assert!(line.contains(reason.as_str()), "{code}: {line}");
    }
    // A code outside the catalog has no review of its own.
    let output = tcerr()
        .args(["--json", "InvalidParameter.NoSuchThingAtAll"])
        .output()
        .unwrap();
    let report = &json_stdout(&output)[0];
    assert_eq!(report["reviewed"], false);
    assert_eq!(report["reason"], Value::Null);
}

#[test]
fn common_codes_say_any_product_can_return_them() {
    let common = common_codes();
    let output = tcerr().arg("--json").args(&common).output().unwrap();
    assert!(output.status.success());
    for (report, code) in json_stdout(&output).as_array().unwrap().iter().zip(&common) {
        assert_eq!(report["common"], true, "{code}");
    }
    // Its text says so, and names the products that list it apart.
    let listed = products_returning("InternalError");
    let text = tcerr().arg("InternalError").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("\n  common       any action of any product can return it\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "\n  listed by    {} (the products whose SDKs name it)\n",
            listed.join(", ")
        )),
        "{text}"
    );
    assert!(!text.contains("\n  products "), "{text}");

    // A product's own code, a code only a family speaks for and a success
    // body are not common; the field is in every object.
    let product_code = &data_codes()[0];
    assert!(!common.contains(product_code));
    let output = tcerr()
        .args(["--json", product_code, "InvalidParameterValue.SomethingNew"])
        .output()
        .unwrap();
    for report in json_stdout(&output).as_array().unwrap() {
        assert_eq!(report["common"], false, "{report}");
    }
    let (_, success) = explain_json(r#"{"Response": {"RequestId": "r-1"}}"#);
    assert_eq!(success["common"], false);
}

#[test]
fn unknown_means_nothing_in_the_catalog_speaks_for_the_code() {
    // The help says what unknown means and what the exit status is.
    let help = tcerr().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(
        help.contains("A code is unknown when nothing in the catalog speaks for it"),
        "{help}"
    );
    assert!(help.contains("1 when a code is unknown"), "{help}");
    // A code only a family speaks for is not unknown: exit 0, with the
    // family's advice. Take a family with no catalog code of its prefix.
    let families: toml::Table = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../families.toml"),
    )
    .unwrap()
    .parse()
    .unwrap();
    let catalog: std::collections::HashSet<String> =
        catalog_entries().into_iter().map(|e| e.code).collect();
    let prefix = families["family"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["prefix"].as_str().unwrap())
        .find(|p| !catalog.contains(*p) && !p.contains('.'))
        .expect("a family whose prefix is no catalog code");
    let code = format!("{prefix}.NeverSeenBefore");
    let (category, retry) = family_advice(prefix);
    let output = tcerr().arg("--json").arg(&code).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{code}");
    let report = &json_stdout(&output)[0];
    assert_eq!(report["advice_from"], "family");
    assert_eq!(report["refines"], Value::Null);
    assert_eq!(report["category"], category.as_str());
    assert_eq!(report["retry"], retry.as_str());
    let text = tcerr().arg(&code).output().unwrap();
    assert_eq!(text.status.code(), Some(0));
    assert!(
        String::from_utf8(text.stdout)
            .unwrap()
            .contains("  not in the catalog, and refines no catalog code\n")
    );
    // Nothing speaks for it: exit 1, in text and in JSON alike.
    for args in [
        vec!["ZzNoRoot.NeverSeen"],
        vec!["--json", "ZzNoRoot.NeverSeen"],
    ] {
        let output = tcerr().args(&args).output().unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&output.stderr).contains("unknown error code"));
    }
}
