//! "Did you mean …" for codes the catalog does not have, fast enough at
//! 12,000 codes that a person does not notice.

use tencentcloud_error_codes::{ErrorCode, resolve};

/// At most this many suggestions.
const MAX_SUGGESTIONS: usize = 3;

/// Catalog codes close to `input`: the one that differs only in ASCII case;
/// else `input` with a misspelt first segment corrected, when that makes a
/// code the catalog knows or refines; else those within a small edit
/// distance (case-insensitive), nearest first.
pub fn similar_codes(input: &str) -> Vec<String> {
    if let Some(code) = ErrorCode::ALL
        .iter()
        .find(|c| c.as_str().eq_ignore_ascii_case(input))
    {
        return vec![code.as_str().to_owned()];
    }
    if let Some(fixed) = fixed_root(input) {
        return vec![fixed];
    }
    nearest(input, ErrorCode::ALL.iter().map(|c| c.as_str()))
        .into_iter()
        .map(str::to_owned)
        .collect()
}

/// `InvalidParamterValue.Foo` → `InvalidParameterValue.Foo`: the first
/// segment replaced by the nearest catalog code without a dot, if the
/// result is in the catalog or refines a code of it.
fn fixed_root(input: &str) -> Option<String> {
    let (root, rest) = input.split_once('.')?;
    if ErrorCode::from_code(root).is_some() {
        return None;
    }
    let roots = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !c.contains('.'));
    nearest(root, roots)
        .into_iter()
        .map(|root| format!("{root}.{rest}"))
        .find(|candidate| resolve(candidate).is_some())
}

/// The strings of `candidates` within about one edit per five characters
/// of `input`, case-insensitive, nearest first.
fn nearest<'a>(input: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let budget = (input.chars().count() / 5).max(1);
    let input_lower = input.to_ascii_lowercase();
    // A length difference is a lower bound of the distance: skip the
    // quadratic distance for every code that cannot be near.
    let mut near: Vec<(usize, &'a str)> = candidates
        .filter(|c| c.len().abs_diff(input.len()) <= budget)
        .map(|c| {
            (
                strsim::levenshtein(&input_lower, &c.to_ascii_lowercase()),
                c,
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
            similar_codes("AuthFailure.SignatureFailur")[0],
            "AuthFailure.SignatureFailure"
        );
        assert_eq!(similar_codes("ResourceNotFund")[0], "ResourceNotFound");
    }

    #[test]
    fn a_misspelt_parent_is_corrected() {
        assert_eq!(
            similar_codes("InvalidParamterValue.NoSuchThingAnywhere"),
            ["InvalidParameterValue.NoSuchThingAnywhere"]
        );
    }

    #[test]
    fn unrelated_or_huge_input_suggests_nothing() {
        assert!(similar_codes("Banana").is_empty());
        assert!(similar_codes("").is_empty());
        assert!(similar_codes(&"x".repeat(1 << 20)).is_empty());
    }
}
