//! Text from input made safe to show: for a terminal or a log line, no
//! character of the input may act as a control. The one place the rule is
//! written: the library (`ApiError`'s `Display`) and `tcerr` (which
//! includes this file) both use it.

use std::fmt;

/// `text` as it is shown: every control character (C0, DEL, C1), every
/// bidirectional control and every line or paragraph separator written as
/// a visible `\u{…}` escape and a backslash as `\\`, so the escape cannot
/// be forged; cut after `limit` characters, with `…` and the input's length
/// in bytes, so a megabyte of input is a line of output.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Shown<'a> {
    pub(crate) text: &'a str,
    pub(crate) limit: usize,
}

/// How many characters of an input code are shown; no real code is longer
/// than 89 bytes, and a longer one is cut all the same.
#[allow(dead_code)] // each includer uses what it needs
pub(crate) const CODE_LIMIT: usize = 64;

/// How many characters of a message are shown.
#[allow(dead_code)]
pub(crate) const MESSAGE_LIMIT: usize = 1_000;

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.text.chars().enumerate() {
            if i == self.limit {
                return write!(f, "… ({} bytes)", self.text.len());
            }
            if needs_escape(c) {
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

/// A character that would act on a terminal or a reader rather than show:
/// controls, bidirectional controls, line and paragraph separators, the
/// byte-order mark.
pub(crate) fn needs_escape(c: char) -> bool {
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
