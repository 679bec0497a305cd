//! Readers of Tencent Cloud's official SDKs: one per source shape. Each
//! turns the files of one SDK into [`Definition`]s: which product and API
//! version defines which code, what the SDK says it means (kept only in
//! memory, long enough to derive tags from: see [`crate::tags`]) and,
//! where the SDK says so, which actions return it.
//!
//! - [`python`]: the wheels (or unpacked trees) of `tencentcloud-sdk-python`
//!   and `tencentcloud-sdk-python-intl-en`: `errorcodes.py` per product
//!   version, a comment above each code constant.
//! - [`go`]: source trees of `tencentcloud-sdk-go` and
//!   `tencentcloud-sdk-go-intl-en`: `errors.go` likewise, and `client.go`,
//!   whose comments list the codes each action may return.

pub mod go;
pub mod python;

use std::collections::BTreeSet;
use std::path::Path;

/// One code as one SDK file defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// The product's short name, as in its endpoint and our features
    /// (`cvm`; Python's `autoscaling` is `as`).
    pub product: String,
    /// The API version, `2017-03-12`.
    pub version: String,
    pub code: String,
    /// What the SDK's comment says, in memory only: never written out.
    pub description: String,
    /// The actions that return the code, when the SDK lists them.
    pub actions: BTreeSet<String>,
}

/// A problem reading an SDK: the file and line, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The product and API version of a file at `path` (slash-separated), if
/// it lies at `tencentcloud/<product>/v<yyyymmdd>/<file_name>`, under any
/// prefix: the layout of every official SDK.
pub fn product_version(path: &str, file_name: &str) -> Option<(String, String)> {
    let parts: Vec<&str> = path.split(['/', '\\']).collect();
    let [.., root, product, version, name] = parts[..] else {
        return None;
    };
    if root != "tencentcloud" || name != file_name {
        return None;
    }
    let digits = version.strip_prefix('v')?;
    if digits.len() != 8 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let product = match product {
        // The Python package cannot be named `as`, a keyword.
        "autoscaling" => "as",
        other => other,
    };
    if product.is_empty()
        || !product
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    let version = format!("{}-{}-{}", &digits[..4], &digits[4..6], &digits[6..]);
    Some((product.to_owned(), version))
}

/// A string literal's content, quoted with `'` or `"`, with no escapes (a
/// code never needs one).
fn literal(text: &str) -> Option<&str> {
    let text = text.trim();
    let quote = text.chars().next().filter(|&c| c == '\'' || c == '"')?;
    let inner = text.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains([quote, '\\'])).then_some(inner)
}

/// `NAME = 'Code'`, `NAME = "Code"`: the constant's name and the code.
fn constant(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once('=')?;
    let name = name.trim();
    let is_name = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
    if !is_name {
        return None;
    }
    Some((name, literal(value)?))
}

/// The code constants of `lines` (numbered from 0), each described by
/// the comment lines (starting with `comment`) directly above it; a blank
/// line ends a comment. Any other line is an error naming its place, so
/// that a change of the SDK's layout is noticed rather than codes lost.
fn described_constants<'a>(
    file: &str,
    product: &str,
    version: &str,
    comment: &str,
    lines: impl Iterator<Item = (usize, &'a str)>,
) -> Result<Vec<Definition>, Vec<ReadError>> {
    let mut definitions = Vec::new();
    let mut errors = Vec::new();
    let mut described: Vec<&str> = Vec::new();
    for (i, line) in lines {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            described.clear();
        } else if let Some(text) = trimmed.strip_prefix(comment) {
            described.push(text.trim());
        } else if let Some((_, code)) = constant(trimmed) {
            definitions.push(Definition {
                product: product.to_owned(),
                version: version.to_owned(),
                code: code.to_owned(),
                description: described.join(" "),
                actions: BTreeSet::new(),
            });
            described.clear();
        } else {
            errors.push(ReadError {
                file: file.to_owned(),
                line: i + 1,
                message: "neither a comment nor a code constant (NAME = \"Code\"); has the SDK's layout changed?".to_owned(),
            });
        }
    }
    if errors.is_empty() {
        Ok(definitions)
    } else {
        Err(errors)
    }
}

/// Every file under `root`, recursively, in no set order.
fn walk(root: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut files = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        let entries =
            std::fs::read_dir(&dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
            let kind = entry
                .file_type()
                .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
            if kind.is_dir() {
                dirs.push(entry.path());
            } else if kind.is_file() {
                files.push(entry.path());
            }
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn product_and_version_from_the_sdk_layout() {
        assert_eq!(
            product_version("tencentcloud/cvm/v20170312/errorcodes.py", "errorcodes.py"),
            Some(("cvm".into(), "2017-03-12".into()))
        );
        assert_eq!(
            product_version(
                "sdk/tencentcloud/autoscaling/v20180419/errorcodes.py",
                "errorcodes.py"
            ),
            Some(("as".into(), "2018-04-19".into()))
        );
        for path in [
            "tencentcloud/cvm/v2017/errorcodes.py",
            "tencentcloud/cvm/v20170312/models.py",
            "other/cvm/v20170312/errorcodes.py",
            "tencentcloud/Cvm/v20170312/errorcodes.py",
            "errorcodes.py",
        ] {
            assert_eq!(product_version(path, "errorcodes.py"), None, "{path}");
        }
    }

    #[test]
    fn constants_and_literals() {
        assert_eq!(constant("A_B = 'A.B'"), Some(("A_B", "A.B")));
        assert_eq!(constant("\tA_B = \"A.B\""), Some(("A_B", "A.B")));
        assert_eq!(constant("a_b = 'A.B'"), None);
        assert_eq!(constant("A_B = 'A.B\""), None);
        assert_eq!(constant("A_B = A.B"), None);
    }
}
