//! No input reaches a terminal or a log line as a control character: the
//! `Display` of `ApiError` and of the parse errors escapes it visibly and
//! cuts long input, while the exact value stays available.

use tencentcloud_error_codes::{ApiError, Category, ErrorCode, Retry};

/// Would act on a terminal rather than show.
fn is_dangerous(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn hostile_inputs() -> Vec<String> {
    let mut inputs = vec![
        "\u{1b}[2J\u{1b}[31m".to_owned(),
        "InternalError\u{1b}]0;owned\u{7}".to_owned(),
        "A\u{202e}txet desrever".to_owned(),
        "line\nbreak\rreturn\ttab\u{0}nul".to_owned(),
        "\u{2066}isolate\u{2069}\u{2028}\u{feff}".to_owned(),
        "x".repeat(1 << 20),
        format!("{}\u{1b}[2J", "y".repeat(1 << 20)),
    ];
    inputs.push(
        (0u32..0x20)
            .chain(0x7f..0xa0)
            .filter_map(char::from_u32)
            .collect(),
    );
    inputs
}

#[test]
fn api_error_display_escapes_and_cuts() {
    for input in hostile_inputs() {
        let err = ApiError::new(input.clone(), input.clone(), Some(input.clone()));
        let shown = err.to_string();
        assert!(
            !shown.chars().any(is_dangerous),
            "{:?}",
            &shown[..shown.len().min(200)]
        );
        assert!(shown.len() < 4_000, "{} bytes shown", shown.len());
        // The exact values stay available to a program.
        assert_eq!(err.code(), input);
        assert_eq!(err.message(), input);
        assert_eq!(err.request_id(), Some(input.as_str()));
    }
}

#[test]
fn an_escape_cannot_be_forged() {
    // A backslash in the input is doubled, so `\u{1b}` in the output
    // always means the input held ESC.
    let err = ApiError::new(r"A\u{1b}", "", None);
    assert_eq!(err.to_string(), r"A\\u{1b}");
    let err = ApiError::new("A\u{1b}", "", None);
    assert_eq!(err.to_string(), r"A\u{1b}");
}

#[test]
fn parse_errors_escape_and_cut() {
    for input in hostile_inputs() {
        for shown in [
            input.parse::<ErrorCode>().unwrap_err().to_string(),
            input.parse::<Category>().unwrap_err().to_string(),
            input.parse::<Retry>().unwrap_err().to_string(),
        ] {
            assert!(!shown.chars().any(is_dangerous), "{shown:?}");
            assert!(shown.len() < 1_000, "{} bytes shown", shown.len());
        }
    }
}
