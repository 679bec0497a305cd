//! The Go SDK source tree: for each `tencentcloud/<product>/v<yyyymmdd>/`,
//! `errors.go` holds the code constants, each under the comment lines that
//! describe it, in one `const ( … )` block; `client.go` documents each
//! action, listing in its comment the constants of the codes it may
//! return:
//!
//! ```text
//! // <what the action does>
//! //
//! // <a heading>:
//! //  FAILEDOPERATION_SOMETHING = "FailedOperation.Something"
//! func (c *Client) DoSomething(request *DoSomethingRequest) (…) {
//! ```
//!
//! Each action has a second function, `DoSomethingWithContext`, with the
//! same comment; both count as the action `DoSomething`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{Definition, ReadError, constant, product_version};

/// Every definition in the Go SDK tree at `root`, with its actions, in the
/// order of the product directories.
pub fn read(root: &Path) -> Result<Vec<Definition>, Vec<ReadError>> {
    let fail = |message: String| {
        vec![ReadError {
            file: root.display().to_string(),
            line: 0,
            message,
        }]
    };
    let mut dirs: Vec<(String, String, std::path::PathBuf)> = Vec::new();
    for path in super::walk(root).map_err(fail)? {
        let name = path.to_string_lossy().replace('\\', "/");
        if let Some((product, version)) = product_version(&name, "errors.go") {
            dirs.push((product, version, path));
        }
    }
    if dirs.is_empty() {
        return Err(fail(
            "no tencentcloud/<product>/v<date>/errors.go: is this a tencentcloud-sdk-go tree?"
                .to_owned(),
        ));
    }
    dirs.sort();
    let mut definitions = Vec::new();
    let mut errors = Vec::new();
    for (product, version, errors_go) in dirs {
        let client_go = errors_go.with_file_name("client.go");
        let read = |path: &Path| {
            std::fs::read_to_string(path).map_err(|e| ReadError {
                file: path.display().to_string(),
                line: 0,
                message: format!("cannot read: {e}"),
            })
        };
        let (errors_text, client_text) = match (read(&errors_go), read(&client_go)) {
            (Ok(a), Ok(b)) => (a, b),
            (a, b) => {
                errors.extend(a.err());
                errors.extend(b.err());
                continue;
            }
        };
        let name = errors_go.display().to_string();
        match parse_errors(&name, &product, &version, &errors_text) {
            Ok(mut found) => {
                let actions = parse_client(&client_text);
                for definition in &mut found {
                    if let Some(actions) = actions.get(&definition.code) {
                        definition.actions = actions.clone();
                    }
                }
                definitions.extend(found);
            }
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(definitions)
    } else {
        Err(errors)
    }
}

/// The definitions of one `errors.go`: the constants of its `const` block,
/// each described by the comment run directly above it. Inside the block,
/// every line is blank, a comment or a code constant.
pub fn parse_errors(
    file: &str,
    product: &str,
    version: &str,
    text: &str,
) -> Result<Vec<Definition>, Vec<ReadError>> {
    let mut in_block = false;
    let block = text
        .lines()
        .enumerate()
        .filter(|(_, line)| match (in_block, line.trim()) {
            (false, "const (") => {
                in_block = true;
                false
            }
            (true, ")") => {
                in_block = false;
                false
            }
            (inside, _) => inside,
        });
    super::described_constants(file, product, version, "//", block)
}

/// Code → the actions whose comment in `client.go` lists it.
pub fn parse_client(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut by_code: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut listed: Vec<&str> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(comment) = trimmed.strip_prefix("//") {
            if let Some((_, code)) = constant(comment) {
                listed.push(code);
            }
            continue;
        }
        if let Some(action) = client_method(trimmed) {
            let action = action.strip_suffix("WithContext").unwrap_or(action);
            for code in &listed {
                by_code
                    .entry((*code).to_owned())
                    .or_default()
                    .insert(action.to_owned());
            }
        }
        listed.clear();
    }
    by_code
}

/// `func (c *Client) Name(` → `Name`.
fn client_method(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("func (c *Client) ")?;
    let name = &rest[..rest.find('(')?];
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric())).then_some(name)
}
