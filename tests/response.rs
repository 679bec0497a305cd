//! Response bodies, success and failure, through serde (feature `serde`).
#![cfg(feature = "serde")]

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Value, json};
use tencentcloud_error_codes::{AdviceSource, ApiError, Category, ErrorCode, Response, Retry};

const FAILURE: &str = include_str!("fixtures/failure-response.json");
const SUCCESS: &str = include_str!("fixtures/success-response.json");

/// The seeds' success example, `DescribeInstancesStatus`.
#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "PascalCase")]
struct InstancesStatus {
    total_count: u64,
    instance_status_set: Vec<Value>,
}

fn error_message<T: std::fmt::Debug>(result: serde_json::Result<T>) -> String {
    result
        .expect_err("expected a deserialization error")
        .to_string()
}

#[test]
fn the_seed_failure_example_is_an_api_error() {
    let err: ApiError = serde_json::from_str(FAILURE).unwrap();
    assert_eq!(err.code(), "AuthFailure.SignatureFailure");
    assert_eq!(
        err.message(),
        "The provided credentials could not be validated. Please ensure your signature is correct."
    );
    assert_eq!(
        err.request_id(),
        Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
    );
    assert_eq!(
        err.nearest_catalog_code(),
        Some(ErrorCode::AuthFailureSignatureFailure)
    );
    assert!(err.is_in_catalog());
    assert_eq!(err.category(), Some(Category::Auth));
    assert_eq!(err.retry(), Some(Retry::Never));
    assert_eq!(
        err.to_string(),
        "AuthFailure.SignatureFailure: The provided credentials could not be validated. \
         Please ensure your signature is correct. (request ID ed93f3cb-f35e-473f-b9f3-0d451b8b79c6)"
    );
    let boxed: Box<dyn std::error::Error> = Box::new(err);
    assert!(
        boxed
            .to_string()
            .starts_with("AuthFailure.SignatureFailure: ")
    );
}

#[test]
fn the_seed_examples_through_the_envelope() {
    let success: Response<InstancesStatus> = serde_json::from_str(SUCCESS).unwrap();
    assert!(success.is_success());
    assert_eq!(
        success.request_id(),
        Some("b5b41468-520d-4192-b42f-595cc34b6c1c")
    );
    assert_eq!(
        success.into_result().unwrap(),
        InstancesStatus {
            total_count: 0,
            instance_status_set: vec![]
        }
    );

    // A failure never reaches `T`, whatever fields `T` requires.
    let failure: Response<InstancesStatus> = serde_json::from_str(FAILURE).unwrap();
    assert!(!failure.is_success());
    assert_eq!(
        failure.request_id(),
        Some("ed93f3cb-f35e-473f-b9f3-0d451b8b79c6")
    );
    let err = failure.into_result().unwrap_err();
    assert_eq!(err, serde_json::from_str::<ApiError>(FAILURE).unwrap());
}

#[test]
fn the_success_type_sees_request_id_but_never_error() {
    let value: Response<Value> = serde_json::from_str(SUCCESS).unwrap();
    assert_eq!(
        value.into_result().unwrap(),
        json!({"TotalCount": 0, "InstanceStatusSet": [], "RequestId": "b5b41468-520d-4192-b42f-595cc34b6c1c"})
    );

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "PascalCase", deny_unknown_fields)]
    struct Strict {
        total_count: u64,
        #[allow(dead_code)]
        instance_status_set: Vec<Value>,
        request_id: String,
    }
    let strict = serde_json::from_str::<Response<Strict>>(SUCCESS)
        .unwrap()
        .into_result()
        .unwrap();
    assert_eq!(
        (strict.total_count, strict.request_id.as_str()),
        (0, "b5b41468-520d-4192-b42f-595cc34b6c1c")
    );
    // A strict type that stops at an unexpected field still lets the failure through.
    let err = serde_json::from_str::<Response<Strict>>(FAILURE)
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!(err.code(), "AuthFailure.SignatureFailure");
}

#[test]
fn field_order_and_extra_fields_do_not_matter() {
    let body = r#"{"Other": [1, {"x": null}], "Response": {"RequestId": "r", "Extra": true,
        "Error": {"Message": "m", "Unknown": 1, "Code": "ResourceUnavailable.NoSuchStateAnywhere"}}}"#;
    let err: ApiError = serde_json::from_str(body).unwrap();
    assert_eq!(
        (err.code(), err.message(), err.request_id()),
        ("ResourceUnavailable.NoSuchStateAnywhere", "m", Some("r"))
    );
    assert_eq!(
        err.nearest_catalog_code(),
        Some(ErrorCode::ResourceUnavailable)
    );
    assert!(!err.is_in_catalog());
    // A child the catalog does not hold: its family's advice, not the bare
    // parent's `safe`.
    let advice = err.advice().unwrap();
    assert_eq!(advice.source(), AdviceSource::Family("ResourceUnavailable"));
    assert_eq!(err.retry(), Some(advice.retry()));
    assert_eq!(err.category(), Some(advice.category()));
}

#[test]
fn an_unknown_code_is_kept_and_never_guessed() {
    let body = r#"{"Response": {"Error": {"Code": "InvalidWidgetId.NotFound", "Message": "m"}}}"#;
    let err: ApiError = serde_json::from_str(body).unwrap();
    assert_eq!(err.code(), "InvalidWidgetId.NotFound");
    assert_eq!(err.request_id(), None);
    assert_eq!(
        (err.nearest_catalog_code(), err.category(), err.retry()),
        (None, None, None)
    );
    assert_eq!(err.to_string(), "InvalidWidgetId.NotFound: m");
}

#[test]
fn a_body_of_neither_shape_is_an_error_naming_what_is_missing() {
    let cases: [(&str, &str); 9] = [
        ("not json", "expected ident at line 1 column 2"),
        ("", "EOF while parsing a value at line 1 column 0"),
        (
            "[]",
            "invalid type: sequence, expected a Tencent Cloud API response",
        ),
        ("{}", "missing field `Response` at line 1 column 2"),
        (
            r#"{"Response": 5}"#,
            "invalid type: integer `5`, expected the object inside `Response`",
        ),
        (
            r#"{"Response": {"Error": {"Message": "x"}}}"#,
            "missing field `Code`",
        ),
        (
            r#"{"Response": {"Error": {"Code": 5}}}"#,
            "invalid type: integer `5`, expected a string",
        ),
        (
            r#"{"Response": {"Error": null}}"#,
            "invalid type: null, expected an `Error` object",
        ),
        (
            r#"{"Response": {"Error": {"Code": "A"}, "RequestId": 7}}"#,
            "invalid type: integer `7`, expected a string",
        ),
    ];
    for (body, expected) in cases {
        let message = error_message(serde_json::from_str::<Response<Value>>(body));
        assert!(
            message.contains(expected),
            "{body:?}: {message:?} lacks {expected:?}"
        );
        assert!(serde_json::from_str::<ApiError>(body).is_err(), "{body:?}");
    }
    // Truncated in the middle of the error.
    let cut = &FAILURE[..FAILURE.find("Message").unwrap()];
    assert!(serde_json::from_str::<Response<Value>>(cut).is_err());
}

#[test]
fn a_success_body_is_not_an_api_error() {
    let message = error_message(serde_json::from_str::<ApiError>(SUCCESS));
    assert!(message.contains("has no `Error` field"), "{message}");
    // An empty `Response` is a success with nothing in it, not an error.
    let empty: Response<Value> = serde_json::from_str(r#"{"Response": {}}"#).unwrap();
    assert_eq!(empty.into_result().unwrap(), json!({}));
}

#[test]
fn a_missing_message_is_empty_not_an_error() {
    let err: ApiError =
        serde_json::from_str(r#"{"Response": {"Error": {"Code": "InternalError"}}}"#).unwrap();
    assert_eq!((err.code(), err.message()), ("InternalError", ""));
}

#[test]
fn enums_serialize_as_their_strings() {
    assert_eq!(
        serde_json::to_string(&ErrorCode::AuthFailureSignatureFailure).unwrap(),
        r#""AuthFailure.SignatureFailure""#
    );
    assert_eq!(
        serde_json::to_string(&Category::Throttling).unwrap(),
        r#""throttling""#
    );
    assert_eq!(
        serde_json::to_string(&Retry::IfIdempotent).unwrap(),
        r#""if-idempotent""#
    );
    for code in tencentcloud_error_codes::iter() {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(serde_json::from_str::<ErrorCode>(&json).unwrap(), code);
    }
    for &category in Category::ALL {
        assert_eq!(
            serde_json::from_value::<Category>(json!(category.as_str())).unwrap(),
            category
        );
    }
    for &retry in Retry::ALL {
        assert_eq!(
            serde_json::from_value::<Retry>(json!(retry.as_str())).unwrap(),
            retry
        );
    }
}

#[test]
fn an_unknown_enum_string_is_an_error_that_names_it() {
    let message = error_message(serde_json::from_str::<ErrorCode>(
        r#""ResourceNotFound.NoSuchDisk""#,
    ));
    assert!(
        message.contains(r#"unknown Tencent Cloud error code "ResourceNotFound.NoSuchDisk""#),
        "{message}"
    );
    let message = error_message(serde_json::from_str::<Category>(r#""no-such-category""#));
    assert!(
        message.contains(r#"unknown category "no-such-category""#),
        "{message}"
    );
    let message = error_message(serde_json::from_str::<Retry>(r#""maybe""#));
    assert!(
        message.contains(r#"unknown retry advice "maybe""#),
        "{message}"
    );
    let message = error_message(serde_json::from_str::<ErrorCode>("5"));
    assert!(
        message.contains("expected a Tencent Cloud error code"),
        "{message}"
    );
}

#[test]
fn an_api_error_serializes_as_the_failure_body() {
    let err: ApiError = serde_json::from_str(FAILURE).unwrap();
    let expected: Value = serde_json::from_str(FAILURE).unwrap();
    assert_eq!(serde_json::to_value(&err).unwrap(), expected);
    let no_id = ApiError::new("A", "b", None);
    assert_eq!(
        serde_json::to_value(&no_id).unwrap(),
        json!({"Response": {"Error": {"Code": "A", "Message": "b"}}})
    );
}

proptest! {
    #[test]
    fn an_api_error_round_trips_unchanged(
        code in any::<String>(),
        message in any::<String>(),
        request_id in proptest::option::of(any::<String>()),
    ) {
        let err = ApiError::new(code, message, request_id);
        let json = serde_json::to_string(&err).unwrap();
        prop_assert_eq!(serde_json::from_str::<ApiError>(&json).unwrap(), err.clone());
        let through_envelope = serde_json::from_str::<Response<Value>>(&json).unwrap();
        prop_assert_eq!(through_envelope.request_id(), err.request_id());
        prop_assert_eq!(through_envelope.into_result().unwrap_err(), err);
    }

    #[test]
    fn api_error_round_trips_awkward_strings(
        code in r##"["\\\n\t\x00"#{}é中🚀 ]{0,20}"##,
        message in r##"["\\\n\t\x00"#{}é中🚀 ]{0,40}"##,
    ) {
        let err = ApiError::new(code, message, Some(String::new()));
        let json = serde_json::to_string(&err).unwrap();
        prop_assert_eq!(serde_json::from_str::<ApiError>(&json).unwrap(), err);
    }

    #[test]
    fn arbitrary_json_bodies_never_panic(body in any::<String>()) {
        let _ = serde_json::from_str::<Response<Value>>(&body);
        let _ = serde_json::from_str::<ApiError>(&body);
    }
}
