//! Text from input, made safe to show: for a terminal or a log line, no
//! character of the input may act as a control. The one place the rule is
//! written: `ApiError`'s `Display` and `tcerr` both use it.

use std::fmt;

/// Text from the network or a user, displayed safely for a terminal or a
/// log line: every control character (C0, DEL, C1), every bidirectional
/// control, every line or paragraph separator and the byte-order mark is
/// written as a visible `\u{…}` escape, and a backslash as `\\`, so an
/// escape cannot be forged. The text is cut after a number of characters,
/// with `…` and its length in bytes, so a megabyte of input is one line of
/// output. The text itself is left as it is: keep it for a program.
///
/// [`ApiError`](crate::ApiError)'s `Display` uses it; use it for any field
/// of a response you log.
///
/// ```
/// use tencentcloud_error_codes::SafeText;
///
/// assert_eq!(SafeText::code("Fail\u{1b}[2J").to_string(), r"Fail\u{1b}[2J");
/// assert_eq!(SafeText::message("a\u{202e}b").to_string(), r"a\u{202e}b");
/// let long = "x".repeat(100);
/// assert_eq!(SafeText::new(&long, 3).to_string(), "xxx… (100 bytes)");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct SafeText<'a> {
    text: &'a str,
    limit: usize,
}

impl<'a> SafeText<'a> {
    /// How many characters of a code or an ID are shown: no real code is
    /// longer than 89 bytes, so an input longer than this is no code.
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// let shown = SafeText::code(&"x".repeat(100)).to_string();
    /// assert!(shown.starts_with(&"x".repeat(SafeText::CODE_LIMIT)));
    /// assert!(!shown.starts_with(&"x".repeat(SafeText::CODE_LIMIT + 1)));
    /// ```
    pub const CODE_LIMIT: usize = 64;

    /// How many characters of a message are shown.
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// assert!(SafeText::MESSAGE_LIMIT > SafeText::CODE_LIMIT);
    /// ```
    pub const MESSAGE_LIMIT: usize = 1_000;

    /// `text`, cut after `limit` characters.
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// assert!(SafeText::new("abcdef", 3).to_string().starts_with("abc"));
    /// assert!(!SafeText::new("abcdef", 3).to_string().contains("abcd"));
    /// ```
    #[must_use]
    pub const fn new(text: &'a str, limit: usize) -> Self {
        SafeText { text, limit }
    }

    /// A code or an ID: cut after [`CODE_LIMIT`](SafeText::CODE_LIMIT)
    /// characters.
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// assert_eq!(SafeText::code("InternalError").to_string(), "InternalError");
    /// ```
    #[must_use]
    pub const fn code(text: &'a str) -> Self {
        SafeText::new(text, SafeText::CODE_LIMIT)
    }

    /// A message: cut after [`MESSAGE_LIMIT`](SafeText::MESSAGE_LIMIT)
    /// characters.
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// assert_eq!(SafeText::message("bell\u{7}").to_string(), r"bell\u{7}");
    /// ```
    #[must_use]
    pub const fn message(text: &'a str) -> Self {
        SafeText::new(text, SafeText::MESSAGE_LIMIT)
    }

    /// Whether `c` would act on a terminal or a reader rather than show:
    /// the characters that [`SafeText`] escapes (a backslash aside).
    ///
    /// ```
    /// use tencentcloud_error_codes::SafeText;
    ///
    /// assert!(SafeText::needs_escape('\u{1b}'));
    /// assert!(SafeText::needs_escape('\u{202e}'));
    /// assert!(!SafeText::needs_escape('中'));
    /// ```
    #[must_use]
    pub fn needs_escape(c: char) -> bool {
        c.is_control()
            || matches!(
                c,
                '\u{061C}'
                    | '\u{200E}'
                    | '\u{200F}'
                    | '\u{2028}'
                    | '\u{2029}'
                    | '\u{202A}'..='\u{202E}'
                    | '\u{2066}'..='\u{2069}'
                    | '\u{FEFF}'
            )
    }
}

impl fmt::Display for SafeText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.text.chars().enumerate() {
            if i == self.limit {
                return write!(f, "… ({} bytes)", self.text.len());
            }
            if SafeText::needs_escape(c) {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else if c == '\\' {
                f.write_str("\\\\")?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}
