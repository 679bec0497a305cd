//! `resolve`: any code to what the catalog knows of it.

use proptest::prelude::*;
use tencentcloud_error_codes::{ErrorCode, describe, iter, lookup, resolve};

/// The definition, by brute force: the longest catalog code `k` with
/// `code == k` or `code` starting with `k` and a dot.
fn oracle(code: &str) -> Option<ErrorCode> {
    iter()
        .filter(|k| {
            let k = k.as_str();
            code == k || (code.starts_with(k) && code.as_bytes()[k.len()] == b'.')
        })
        .max_by_key(|k| k.as_str().len())
}

fn resolved(code: &str) -> Option<&'static str> {
    resolve(code).map(ErrorCode::as_str)
}

#[test]
fn every_catalog_code_resolves_to_itself() {
    for code in iter() {
        assert_eq!(resolve(code.as_str()), Some(code));
    }
}

#[test]
fn api_specific_codes_resolve_to_their_nearest_catalog_ancestor() {
    assert_eq!(
        resolved("ResourceNotFound.NoSuchDisk"),
        Some("ResourceNotFound")
    );
    assert_eq!(
        resolved("InvalidParameterValue.NoSuchValueAnywhere"),
        Some("InvalidParameterValue")
    );
    assert_eq!(
        resolved("LimitExceeded.NoSuchQuotaAnywhere"),
        Some("LimitExceeded")
    );
    assert_eq!(
        resolved("ResourceUnavailable.NoSuchState.Deeper.Still"),
        Some("ResourceUnavailable")
    );
    assert_eq!(
        resolved("RequestLimitExceeded.UinLimitExceeded"),
        Some("RequestLimitExceeded.UinLimitExceeded")
    );
    assert_eq!(
        resolved("RequestLimitExceeded.UinLimitExceeded.Extra"),
        Some("RequestLimitExceeded.UinLimitExceeded")
    );
    assert_eq!(
        resolved("RequestLimitExceeded.NoSuchLimitAnywhere"),
        Some("RequestLimitExceeded")
    );
}

#[test]
fn only_whole_dotted_segments_count() {
    assert_eq!(resolved("InvalidParameterValueLimitless"), None);
    assert_eq!(resolved("InvalidParameterValueLimitless.Foo"), None);
    assert_eq!(resolved("InvalidWidgetId.NotFound"), None);
    assert_eq!(resolved("ResourceBusyNowhere"), None);
    // `AuthFailure` is a family of the common codes, and a code only in
    // product catalogs.
    assert_eq!(
        resolved("AuthFailure.SomethingNew"),
        lookup("AuthFailure").map(ErrorCode::as_str)
    );
    // Case-sensitive, like `lookup`.
    assert_eq!(resolved("internalerror.Foo"), None);
}

/// The edge cases, as documented on `resolve`.
#[test]
fn empty_segments_and_degenerate_inputs() {
    assert_eq!(resolved(""), None);
    assert_eq!(resolved("."), None);
    assert_eq!(resolved(".."), None);
    assert_eq!(resolved(".InternalError"), None);
    // A trailing empty segment is a segment like any other.
    assert_eq!(resolved("ResourceNotFound."), Some("ResourceNotFound"));
    assert_eq!(resolved("ResourceNotFound..Foo"), Some("ResourceNotFound"));
    // Not a lookup: `lookup` stays exact.
    assert_eq!(lookup("ResourceNotFound."), None);
    assert_eq!(describe("ResourceNotFound."), None);
}

#[test]
fn huge_inputs_resolve_from_their_first_segments() {
    // 1 MB with 500,000 dots.
    let dots = "a.".repeat(500_000);
    assert_eq!(
        (dots.len(), dots.matches('.').count()),
        (1_000_000, 500_000)
    );
    assert_eq!(resolved(&dots), None);
    let child = format!("InternalError.{dots}");
    assert_eq!(resolved(&child), Some("InternalError"));
    let deep = format!(
        "RequestLimitExceeded.UinLimitExceeded.{}",
        "x".repeat(1 << 20)
    );
    assert_eq!(
        resolved(&deep),
        Some("RequestLimitExceeded.UinLimitExceeded")
    );
    assert_eq!(resolved(&"InternalError".repeat(100_000)), None);
    assert_eq!(resolved(&".".repeat(1 << 20)), None);
}

/// A string made of catalog codes' pieces, so that hits are common.
fn code_like() -> impl Strategy<Value = String> {
    let segments: Vec<String> = iter()
        .flat_map(|c| c.as_str().split('.').map(str::to_owned).collect::<Vec<_>>())
        .chain(["", "X", "Foo", "é", " "].map(str::to_owned))
        .collect();
    prop::collection::vec(prop::sample::select(segments), 0..6).prop_map(|parts| parts.join("."))
}

fn dotted_identifiers() -> impl Strategy<Value = String> {
    prop::collection::vec("[A-Za-z][A-Za-z0-9]{0,12}", 1..5).prop_map(|parts| parts.join("."))
}

proptest! {
    #[test]
    fn a_catalog_code_with_any_suffix_resolves_to_it_or_a_descendant(
        index in 0..ErrorCode::ALL.len(),
        suffix in dotted_identifiers(),
    ) {
        let code = ErrorCode::ALL[index];
        let input = format!("{code}.{suffix}");
        let found = resolve(&input).expect("an ancestor is in the catalog");
        prop_assert!(
            found == code || found.as_str().starts_with(&format!("{code}.")),
            "{input} resolved to {found}"
        );
        let prefix = format!("{found}.");
        prop_assert!(input.starts_with(&prefix));
    }

    #[test]
    fn resolve_matches_its_definition_on_code_like_strings(input in code_like()) {
        prop_assert_eq!(resolve(&input), oracle(&input));
    }

    #[test]
    fn lookups_never_panic_and_agree_on_any_string(input in any::<String>()) {
        prop_assert_eq!(resolve(&input), oracle(&input));
        let exact = lookup(&input);
        prop_assert_eq!(describe(&input), exact.map(ErrorCode::description));
        if let Some(code) = exact {
            prop_assert_eq!(resolve(&input), Some(code));
        }
    }
}
