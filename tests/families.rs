//! Advice for codes the catalog does not hold: each family's advice is
//! what its known codes mostly are, read here from the catalog files
//! independently, and no unknown code is advised `safe` unless its family
//! mostly is. Holds in every build (the families are in all of them).

use std::collections::BTreeMap;
use std::path::Path;

use tencentcloud_error_codes::{AdviceSource, ErrorCode, Retry, advise};

fn read(path: &Path) -> toml::Table {
    std::fs::read_to_string(path).unwrap().parse().unwrap()
}

/// Every code of `codes.toml` and of every product file, with its retry.
fn every_known_code() -> BTreeMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("codes.toml")];
    for entry in std::fs::read_dir(root.join("products")).unwrap() {
        files.push(entry.unwrap().path());
    }
    let mut codes = BTreeMap::new();
    for file in files {
        for entry in read(&file)
            .get("code")
            .and_then(|c| c.as_array())
            .into_iter()
            .flatten()
        {
            let retry = entry
                .get("retry")
                .and_then(|r| r.as_str())
                .unwrap_or("never");
            codes.insert(entry["code"].as_str().unwrap().to_owned(), retry.to_owned());
        }
    }
    codes
}

/// The families of `families.toml`: prefix → (category, retry).
fn families() -> BTreeMap<String, (String, String)> {
    let table = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("families.toml"));
    table["family"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap().to_owned();
            (s("prefix"), (s("category"), s("retry")))
        })
        .collect()
}

/// How many known codes start with `prefix` and a dot, and how many of
/// them are `safe`.
fn children(codes: &BTreeMap<String, String>, prefix: &str) -> (usize, usize) {
    let dotted = format!("{prefix}.");
    let of_family: Vec<&String> = codes
        .iter()
        .filter(|(code, _)| code.starts_with(&dotted))
        .map(|(_, retry)| retry)
        .collect();
    let safe = of_family.iter().filter(|r| r.as_str() == "safe").count();
    (of_family.len(), safe)
}

#[test]
fn every_family_speaks_for_its_unknown_codes() {
    let codes = every_known_code();
    for (prefix, (category, retry)) in families() {
        let code = format!("{prefix}.ZzSomethingNobodyDefined");
        let advice = advise(&code).unwrap();
        assert_eq!(
            advice.source(),
            AdviceSource::Family(leak(&prefix)),
            "{code}"
        );
        assert_eq!(advice.category().as_str(), category, "{code}");
        assert_eq!(advice.retry().as_str(), retry, "{code}");
        assert!(!advice.is_exact());
        let (known, safe) = children(&codes, &prefix);
        assert!(known >= 3, "{prefix}: a family of {known} codes");
        if retry == "safe" {
            assert!(
                safe * 2 > known,
                "{prefix}: safe with {safe} of {known} safe"
            );
        }
    }
}

#[test]
fn no_unknown_code_is_safe_unless_its_family_mostly_is() {
    let codes = every_known_code();
    let families = families();
    // A new child of every code this build holds, and of every family.
    let parents = ErrorCode::ALL
        .iter()
        .map(|c| c.as_str().to_owned())
        .chain(families.keys().cloned());
    for parent in parents {
        for suffix in ["ZzNew", "ZzNew.Deeper"] {
            let code = format!("{parent}.{suffix}");
            if ErrorCode::from_code(&code).is_some() {
                continue;
            }
            let Some(advice) = advise(&code) else {
                continue;
            };
            if advice.retry() != Retry::Safe {
                continue;
            }
            let AdviceSource::Family(prefix) = advice.source() else {
                panic!("{code} is safe from {:?}", advice.source());
            };
            let (known, safe) = children(&codes, prefix);
            assert!(
                safe * 2 > known,
                "{code}: safe from {prefix}, {safe} of {known} safe"
            );
        }
    }
}

#[test]
fn the_bare_code_keeps_its_own_advice() {
    for &code in ErrorCode::ALL {
        let advice = advise(code.as_str()).unwrap();
        assert_eq!(advice.source(), AdviceSource::Code(code));
        assert_eq!(
            (advice.category(), advice.retry()),
            (code.category(), code.retry())
        );
    }
}

#[test]
fn families_cover_the_roots_the_default_build_lacks() {
    // Every root the catalog files give three or more children is a family,
    // so a program learns the class of failure of any of its codes even
    // without product features; each family speaks for a child nobody has
    // seen, with the advice its file gives.
    let families = families();
    let codes = every_known_code();
    let mut roots: BTreeMap<&str, usize> = BTreeMap::new();
    for code in codes.keys() {
        if let Some((root, _)) = code.split_once('.') {
            *roots.entry(root).or_default() += 1;
        }
    }
    let wide: Vec<&str> = roots
        .iter()
        .filter(|&(_, &n)| n >= 3)
        .map(|(&root, _)| root)
        .collect();
    assert!(!wide.is_empty());
    for root in wide {
        assert!(
            families.contains_key(root),
            "{root} has children but no family"
        );
    }
    for (prefix, (category, retry)) in &families {
        let child = format!("{prefix}.ZzNeverSeenBefore");
        let advice = advise(&child).unwrap_or_else(|| panic!("{child}: no advice"));
        assert_eq!(
            advice.source(),
            AdviceSource::Family(leak(prefix)),
            "{child}"
        );
        assert_eq!(advice.category().as_str(), category, "{child}");
        assert_eq!(advice.retry().as_str(), retry, "{child}");
    }
    assert!(advise("NoSuchRoot.ZzNew").is_none());
    // Long and odd input stays bounded and never panics.
    assert!(advise(&format!("OperationDenied.{}", "x".repeat(1 << 20))).is_some());
    assert!(advise(&".".repeat(1 << 16)).is_none());
    assert!(advise("").is_none());
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}
