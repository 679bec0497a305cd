//! The advice for a code the catalog does not hold, by its family: the
//! codes that start with a prefix and a dot (`ResourceUnavailable.*`).
//!
//! A code newer than the catalog, or one of a product whose feature is
//! off, used to get the advice of its nearest catalog ancestor: the bare
//! parent's own. That is wrong for many families: `ResourceInUse` is
//! `never`, yet its children that say a task is running are `safe`. So the import derives, from
//! every known code, what a family's children mostly are, and the build
//! puts it in every build (`families.toml`), default included.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::Retry;

/// A family needs this many known codes to speak for its unknown ones;
/// with fewer, the nearest ancestor's own advice stands.
pub const MIN_CODES: usize = 3;

/// The spellings of retry advice, from the most to the least cautious:
/// the order ties are broken in.
const CAUTION: [Retry; 3] = [Retry::Never, Retry::IfIdempotent, Retry::Safe];

/// One family's advice and the counts it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Family {
    pub prefix: String,
    pub category: String,
    pub retry: Retry,
    /// How many known codes the family has, and how many per retry advice
    /// (never, if-idempotent, safe).
    pub codes: usize,
    pub by_retry: [usize; 3],
}

/// The families of `codes` (code, category, retry), in byte order of
/// prefix. A family's retry is the advice most of its codes share, ties
/// going to the more cautious; `safe` only when more than half its codes
/// are `safe`, else the more cautious advice the rest support. Its category
/// is the one most of the codes with that advice share (ties: byte order).
pub fn families<'a>(codes: impl IntoIterator<Item = (&'a str, &'a str, Retry)>) -> Vec<Family> {
    type Tally<'a> = ([usize; 3], BTreeMap<(usize, &'a str), usize>);
    let mut tallies: BTreeMap<&str, Tally<'_>> = BTreeMap::new();
    for (code, category, retry) in codes {
        let Some(r) = CAUTION.iter().position(|c| *c == retry) else {
            continue;
        };
        for (i, _) in code.match_indices('.') {
            let (by_retry, by_category) = tallies.entry(&code[..i]).or_default();
            by_retry[r] += 1;
            *by_category.entry((r, category)).or_default() += 1;
        }
    }
    tallies
        .into_iter()
        .filter_map(|(prefix, (by_retry, by_category))| {
            let codes: usize = by_retry.iter().sum();
            if codes < MIN_CODES {
                return None;
            }
            // The most shared advice; among equals, the first (most cautious).
            let mut r = (0..3).max_by_key(|&r| (by_retry[r], std::cmp::Reverse(r)))?;
            if CAUTION[r] == Retry::Safe && by_retry[r] * 2 <= codes {
                r = if (by_retry[1] + by_retry[2]) * 2 > codes {
                    1
                } else {
                    0
                };
            }
            let category = by_category
                .iter()
                .filter(|((retry, _), _)| *retry == r)
                .max_by_key(|&(&(_, category), &n)| (n, std::cmp::Reverse(category)))
                .or_else(|| by_category.iter().max_by_key(|&(_, &n)| n))
                .map(|((_, category), _)| (*category).to_owned())?;
            Some(Family {
                prefix: prefix.to_owned(),
                category,
                retry: CAUTION[r],
                codes,
                by_retry,
            })
        })
        .collect()
}

/// `families.toml`.
pub fn file(families: &[Family]) -> String {
    let mut out = format!(
        "# The advice for a code the catalog does not hold, by its family: the\n\
         # codes that start with `prefix` and a dot. Every build has it, so a\n\
         # code newer than the catalog, or of a product whose feature is off,\n\
         # gets what its family's codes mostly are, not its parent's own advice.\n\
         #\n\
         # Written by the import tool from codes.toml and every product catalog:\n\
         # do not edit. A family needs {MIN_CODES} known codes; its retry is the advice\n\
         # most of them share (\"safe\" only when more than half are safe).\n"
    );
    for f in families {
        let counts: Vec<String> = CAUTION
            .iter()
            .zip(f.by_retry)
            .filter(|&(_, n)| n > 0)
            .map(|(retry, n)| format!("{n} {retry}"))
            .collect();
        let _ = write!(
            out,
            "\n[[family]]\nprefix = \"{}\"\ncategory = \"{}\"\nretry = \"{}\" # {} codes: {}\n",
            f.prefix,
            f.category,
            f.retry,
            f.codes,
            counts.join(", ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn family(codes: &[(&'static str, &'static str, Retry)], prefix: &str) -> Option<Family> {
        families(codes.iter().copied())
            .into_iter()
            .find(|f| f.prefix == prefix)
    }

    #[test]
    fn a_family_speaks_for_what_most_of_its_codes_are() {
        let codes = [
            ("Busy", "resource", Retry::Safe),
            ("Busy.A", "resource", Retry::Never),
            ("Busy.B", "resource", Retry::Never),
            ("Busy.C", "operation", Retry::Never),
            ("Busy.D", "resource", Retry::Safe),
        ];
        let f = family(&codes, "Busy").unwrap();
        // The bare code's own advice does not count: it is no child.
        assert_eq!(
            (f.category.as_str(), f.retry, f.codes),
            ("resource", Retry::Never, 4)
        );
        assert_eq!(f.by_retry, [3, 0, 1]);
    }

    #[test]
    fn safe_needs_more_than_half() {
        let codes = [
            ("F.A", "resource", Retry::Safe),
            ("F.B", "resource", Retry::Safe),
            ("F.C", "server", Retry::IfIdempotent),
            ("F.D", "request", Retry::Never),
        ];
        // Two of four are safe: not "mostly"; three of four may be retried
        // when idempotent.
        assert_eq!(family(&codes, "F").unwrap().retry, Retry::IfIdempotent);
        let codes = [
            ("F.A", "resource", Retry::Safe),
            ("F.B", "resource", Retry::Safe),
            ("F.C", "request", Retry::Never),
            ("F.D", "request", Retry::Never),
        ];
        assert_eq!(family(&codes, "F").unwrap().retry, Retry::Never);
        let codes = [
            ("F.A", "resource", Retry::Safe),
            ("F.B", "resource", Retry::Safe),
            ("F.C", "resource", Retry::Safe),
            ("F.D", "request", Retry::Never),
        ];
        assert_eq!(family(&codes, "F").unwrap().retry, Retry::Safe);
    }

    #[test]
    fn small_families_are_left_to_their_ancestors_and_deep_ones_count() {
        let codes = [
            ("A.B.C", "request", Retry::Never),
            ("A.B.D", "request", Retry::Never),
            ("A.E", "request", Retry::Never),
        ];
        assert!(family(&codes, "A.B").is_none());
        assert_eq!(family(&codes, "A").unwrap().codes, 3);
        let text = file(&families(codes));
        assert!(text.contains(
            "prefix = \"A\"\ncategory = \"request\"\nretry = \"never\" # 3 codes: 3 never\n"
        ));
    }
}
