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

/// Product names close to `name`.
pub fn similar_products(name: &str) -> Vec<&'static str> {
    nearest(name, tencentcloud_error_codes::products().iter().copied())
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
    let input = input.to_ascii_lowercase();
    // A length difference is a lower bound of the distance: skip every
    // code that cannot be near before measuring the others.
    let mut near: Vec<(usize, &'a str)> = candidates
        .filter(|c| c.len().abs_diff(input.len()) <= budget)
        .filter_map(|c| Some((distance_within(input.as_bytes(), c.as_bytes(), budget)?, c)))
        .collect();
    near.sort_unstable();
    near.into_iter()
        .take(MAX_SUGGESTIONS)
        .map(|(_, code)| code)
        .collect()
}

/// The Levenshtein distance between `a` (already lowercase) and `b`,
/// comparing bytes case-insensitively, if it is at most `budget`.
///
/// Every catalog code is measured against the input, so this must be cheap
/// for the many codes that are far: the common prefix and suffix cost no
/// edit and are skipped, only the band of cells within `budget` of the
/// diagonal can hold a distance that small, and the search stops at the
/// first row whose every cell is over budget. No allocation past one row.
fn distance_within(a: &[u8], b: &[u8], budget: usize) -> Option<usize> {
    let same = |x: u8, y: u8| x == y.to_ascii_lowercase();
    let prefix = a.iter().zip(b).take_while(|&(&x, &y)| same(x, y)).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|&(&x, &y)| same(x, y))
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.len().abs_diff(b.len()) > budget || letters_apart(a, b) > 2 * budget {
        return None;
    }
    if a.is_empty() || b.is_empty() {
        return Some(a.len().max(b.len()));
    }
    // prev[j], cur[j]: the distance between a[..i] and b[..j], capped at
    // `far`. A cell more than `budget` off the diagonal is at least that
    // far, so it is not computed.
    let far = budget + 1;
    let mut prev: Vec<usize> = (0..=b.len()).map(|j| j.min(far)).collect();
    let mut cur = vec![far; b.len() + 1];
    for (i, &x) in a.iter().enumerate().map(|(i, x)| (i + 1, x)) {
        cur[0] = i.min(far);
        let mut best = cur[0];
        for j in 1..=b.len() {
            cur[j] = if j + budget < i || j > i + budget {
                far
            } else {
                let substitution = prev[j - 1] + usize::from(!same(x, b[j - 1]));
                substitution.min(prev[j] + 1).min(cur[j - 1] + 1).min(far)
            };
            best = best.min(cur[j]);
        }
        if best > budget {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let row = prev;
    let distance = row[b.len()];
    (distance <= budget).then_some(distance)
}

/// How many bytes `a` and `b` do not share, counted as multisets (case
/// folded, bytes grouped in 64 buckets). An edit changes this by at most
/// two, so half of it is a lower bound of the edit distance, and far more
/// cheaply computed.
fn letters_apart(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i32; 64];
    for &x in a {
        counts[usize::from(x.to_ascii_lowercase() & 63)] += 1;
    }
    for &y in b {
        counts[usize::from(y.to_ascii_lowercase() & 63)] -= 1;
    }
    counts.iter().map(|c| c.unsigned_abs() as usize).sum()
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
    fn the_banded_distance_is_the_levenshtein_distance_within_budget() {
        let words = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "kitten",
            "sitting",
            "InternalError",
            "internalerr",
            "InternalErrorX",
            "XInternalError",
            "Internal.Error",
            "ResourceNotFound",
            "ResourceNotFund",
            "resourcenotfound",
            "AuthFailure.SignatureFailure",
            "AuthFailur.SignatureFailure",
        ];
        for a in words {
            for b in words {
                let exact = strsim::levenshtein(&a.to_ascii_lowercase(), &b.to_ascii_lowercase());
                for budget in 0..8 {
                    let got = super::distance_within(
                        a.to_ascii_lowercase().as_bytes(),
                        b.as_bytes(),
                        budget,
                    );
                    let want = (exact <= budget).then_some(exact);
                    assert_eq!(got, want, "{a:?} {b:?} within {budget}");
                }
            }
        }
    }

    #[test]
    fn unrelated_or_huge_input_suggests_nothing() {
        assert!(similar_codes("Banana").is_empty());
        assert!(similar_codes("").is_empty());
        assert!(similar_codes(&"x".repeat(1 << 20)).is_empty());
    }
}
