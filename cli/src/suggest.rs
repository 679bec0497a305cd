//! "Did you mean …" for codes the catalog does not have.

use tencentcloud_error_codes::ErrorCode;

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;

/// Catalog codes close to `input`: the one that differs only in ASCII case,
/// else those within a small edit distance (case-insensitive), nearest
/// first.
pub fn similar_codes(input: &str) -> Vec<&'static str> {
    if let Some(code) = ErrorCode::ALL
        .iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(input))
    {
        return vec![code.as_str()];
    }
    // About one typo per five characters, and at least one.
    let budget = (input.chars().count() / 5).max(1);
    let longest = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().len())
        .max()
        .unwrap_or(0);
    // Nothing much longer than every code is within budget; skip the
    // quadratic distance on, say, a pasted megabyte.
    if input.len() > longest + budget {
        return Vec::new();
    }
    let input = input.to_ascii_lowercase();
    let mut near: Vec<(usize, &'static str)> = ErrorCode::ALL
        .iter()
        .map(|c| {
            let code = c.as_str();
            (
                strsim::levenshtein(&input, &code.to_ascii_lowercase()),
                code,
            )
        })
        .filter(|&(distance, _)| distance <= budget)
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, code)| code)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::similar_codes;

    #[test]
    fn case_difference_suggests_that_code_alone() {
        assert_eq!(similar_codes("internalerror"), ["InternalError"]);
        assert_eq!(
            similar_codes("AUTHFAILURE.SIGNATUREFAILURE"),
            ["AuthFailure.SignatureFailure"]
        );
    }

    #[test]
    fn typos_suggest_the_nearest_codes() {
        assert_eq!(
            similar_codes("AuthFailure.SignatureFailur"),
            ["AuthFailure.SignatureFailure"]
        );
        assert_eq!(similar_codes("ResourceNotFund"), ["ResourceNotFound"]);
    }

    #[test]
    fn unrelated_or_huge_input_suggests_nothing() {
        assert!(similar_codes("Banana").is_empty());
        assert!(similar_codes("").is_empty());
        assert!(similar_codes(&"x".repeat(1 << 20)).is_empty());
    }
}
