//! A code's words: `OperationDenied.InstanceOperationInProgress` is
//! `operation denied instance operation in progress`. The advice rules
//! match whole words, never substrings, so that `Generate` holds no `rate`
//! and `LoadBalancer` no `balance`.

/// The words of one segment (`URLGenerateFailed` → `URL`, `Generate`,
/// `Failed`), as written: split at `_`, at a lowercase letter followed by
/// an uppercase one, before the last capital of an acronym that a word
/// follows, and between letters and digits.
pub fn segment_words(segment: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for part in segment.split('_').filter(|p| !p.is_empty()) {
        let chars: Vec<(usize, char)> = part.char_indices().collect();
        let mut start = 0;
        for i in 1..chars.len() {
            let (at, c) = chars[i];
            let prev = chars[i - 1].1;
            let next = chars.get(i + 1).map(|&(_, c)| c);
            let boundary = (prev.is_ascii_lowercase() && c.is_ascii_uppercase())
                || (prev.is_ascii_uppercase()
                    && c.is_ascii_uppercase()
                    && next.is_some_and(|n| n.is_ascii_lowercase()))
                || (prev.is_ascii_digit() != c.is_ascii_digit());
            if boundary {
                words.push(&part[start..at]);
                start = at;
            }
        }
        words.push(&part[start..]);
    }
    words
}

/// Every word of `code`, lowercase, across its segments.
pub fn words(code: &str) -> Vec<String> {
    code.split('.')
        .flat_map(segment_words)
        .map(str::to_ascii_lowercase)
        .collect()
}

/// Whether `sequence` occurs in `words` as consecutive words; a word of the
/// sequence ending in `*` matches any word it starts.
pub fn has(words: &[String], sequence: &[&str]) -> bool {
    positions(words, sequence).next().is_some()
}

/// Where `sequence` starts in `words`.
pub fn positions<'a>(
    words: &'a [String],
    sequence: &'a [&'a str],
) -> impl Iterator<Item = usize> + 'a {
    (0..words.len().saturating_sub(sequence.len() - 1)).filter(move |&i| {
        sequence
            .iter()
            .zip(&words[i..])
            .all(|(pattern, word)| matches_word(pattern, word))
    })
}

fn matches_word(pattern: &str, word: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => word.starts_with(prefix),
        None => word == pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_camel_case_acronyms_digits_and_underscores() {
        assert_eq!(
            segment_words("InstanceOperationInProgress"),
            ["Instance", "Operation", "In", "Progress"]
        );
        assert_eq!(
            segment_words("URLGenerateFailed"),
            ["URL", "Generate", "Failed"]
        );
        assert_eq!(segment_words("SYS_ERR"), ["SYS", "ERR"]);
        assert_eq!(
            segment_words("InvalidParameter_SQLTask"),
            ["Invalid", "Parameter", "SQL", "Task"]
        );
        assert_eq!(segment_words("Ipv6Address"), ["Ipv", "6", "Address"]);
        assert_eq!(segment_words("MFAFailure"), ["MFA", "Failure"]);
        assert!(segment_words("").is_empty());
    }

    #[test]
    fn matches_whole_words_only() {
        let w = words("FailedOperation.GenerateImageFailed");
        assert!(!has(&w, &["rate"]));
        let w = words("ResourceNotFound.LoadBalancerNotFound");
        assert!(!has(&w, &["balance"]));
        assert!(has(&w, &["not", "found"]));
        assert!(has(&w, &["load", "bal*"]));
    }
}
