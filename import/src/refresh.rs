//! A refresh: the SDKs' definitions merged into the previous
//! `data/codes.tsv`. The SDKs decide which codes are current and what their
//! descriptions say (as [`Tags`]); the previous data keeps what the SDKs no
//! longer say: a code they dropped stays, retired, and actions the Python
//! SDK does not list stay as the Go SDK gave them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::data::Row;
use crate::sdk::Definition;
use crate::tags::{self, Tags};

/// The tags of each description of one code, and the actions that return
/// it.
type Described = (Vec<Tags>, BTreeSet<String>);

/// The new rows: every (product, version, code) an SDK defines, tagged from
/// every description of it; then every earlier row whose code no SDK
/// defines for its product any more, retired.
///
/// A row's actions are those the SDKs list for it (the Go SDK's
/// `client.go`), else the earlier row's.
pub fn merge(previous: &[Row], definitions: &[Definition]) -> Vec<Row> {
    let mut described: BTreeMap<(&str, &str, &str), Described> = BTreeMap::new();
    for d in definitions {
        let (tags, actions) = described
            .entry((&d.product, &d.version, &d.code))
            .or_default();
        tags.push(tags::tags(&d.description));
        actions.extend(d.actions.iter().cloned());
    }
    // Every description of a code counts: a lasting fact in one outweighs
    // a hopeful sentence in another.
    let defined: BTreeMap<(&str, &str, &str), (Tags, BTreeSet<String>)> = described
        .into_iter()
        .map(|(key, (tags, actions))| (key, (tags::combine(tags), actions)))
        .collect();
    let earlier: BTreeMap<(&str, &str, &str), &Row> =
        previous.iter().map(|row| (row.key(), row)).collect();
    let current_pairs: BTreeSet<(&str, &str)> = defined
        .keys()
        .map(|&(product, _, code)| (product, code))
        .collect();
    let mut rows: Vec<Row> = defined
        .iter()
        .map(|(&(product, version, code), (tags, actions))| {
            let actions = match (actions.is_empty(), earlier.get(&(product, version, code))) {
                (true, Some(row)) => row.actions.clone(),
                _ => actions.clone(),
            };
            Row {
                product: product.to_owned(),
                version: version.to_owned(),
                code: code.to_owned(),
                actions,
                tags: *tags,
                retired: false,
            }
        })
        .collect();
    rows.extend(
        previous
            .iter()
            .filter(|row| !current_pairs.contains(&(row.product.as_str(), row.code.as_str())))
            .map(|row| Row {
                retired: true,
                ..row.clone()
            }),
    );
    rows.sort_by(|a, b| a.key().cmp(&b.key()));
    rows
}

/// What a refresh changed, code by code.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// Codes current now and not before.
    pub added: BTreeSet<String>,
    /// Codes current before and retired now.
    pub retired: BTreeSet<String>,
    /// Products with a row now and none before.
    pub products_added: BTreeSet<String>,
}

impl Changes {
    pub fn between(previous: &[Row], rows: &[Row]) -> Changes {
        let current = |rows: &[Row]| -> BTreeSet<String> {
            rows.iter()
                .filter(|r| !r.retired)
                .map(|r| r.code.clone())
                .collect()
        };
        let products =
            |rows: &[Row]| -> BTreeSet<String> { rows.iter().map(|r| r.product.clone()).collect() };
        let (before, after) = (current(previous), current(rows));
        let known_before: BTreeSet<&str> = previous.iter().map(|r| r.code.as_str()).collect();
        Changes {
            added: after
                .iter()
                .filter(|c| !known_before.contains(c.as_str()))
                .cloned()
                .collect(),
            retired: before.difference(&after).cloned().collect(),
            products_added: products(rows)
                .difference(&products(previous))
                .cloned()
                .collect(),
        }
    }
}

/// `tencentcloud-sdk-python 3.1.195` for a wheel or an unpacked wheel
/// (from its `.dist-info` directory); the path itself otherwise.
pub fn source_label(path: &Path) -> String {
    let from_stem = |stem: &str| -> Option<String> {
        let mut parts = stem.splitn(3, '-');
        let (name, version) = (parts.next()?, parts.next()?);
        Some(format!("{} {version}", name.replace('_', "-")))
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    if let Some(stem) = name.as_deref().and_then(|n| n.strip_suffix(".whl")) {
        if let Some(label) = from_stem(stem) {
            return label;
        }
    }
    if let Ok(entries) = std::fs::read_dir(path) {
        let mut infos: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".dist-info")
                    .and_then(from_stem)
            })
            .collect();
        infos.sort();
        if let Some(label) = infos.into_iter().next() {
            return label;
        }
    }
    path.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tags::Tag;

    fn row(product: &str, version: &str, code: &str, actions: &[&str]) -> Row {
        Row {
            product: product.into(),
            version: version.into(),
            code: code.into(),
            actions: actions.iter().map(|a| a.to_string()).collect(),
            tags: Tags::default(),
            retired: false,
        }
    }

    fn definition(product: &str, code: &str, description: &str) -> Definition {
        Definition {
            product: product.into(),
            version: "2020-01-01".into(),
            code: code.into(),
            description: description.into(),
            actions: BTreeSet::new(),
        }
    }

    #[test]
    fn a_refresh_keeps_actions_retires_what_is_gone_and_tags_the_rest() {
        let previous = vec![
            row("ab", "2020-01-01", "Kept.Code", &["DoThing"]),
            row("ab", "2020-01-01", "Gone.Code", &["DoOther"]),
            row("ab", "2019-01-01", "Moved.Code", &["Old"]),
        ];
        let definitions = vec![
            definition("ab", "Kept.Code", "The widget is busy right now."),
            definition("ab", "Kept.Code", "部件繁忙。"),
            definition("ab", "Moved.Code", "Nothing to say."),
            definition("cd", "New.Code", "The gadget was not found."),
        ];
        let rows = merge(&previous, &definitions);
        let find = |p: &str, v: &str, c: &str| rows.iter().find(|r| r.key() == (p, v, c));
        let kept = find("ab", "2020-01-01", "Kept.Code").unwrap();
        assert_eq!(kept.actions, BTreeSet::from(["DoThing".to_owned()]));
        assert!(kept.tags.has(Tag::Temporary) && !kept.retired);
        let gone = find("ab", "2020-01-01", "Gone.Code").unwrap();
        assert!(gone.retired);
        assert_eq!(gone.actions.len(), 1);
        // Still defined by the product, under a newer version: not retired,
        // and the old version's row is dropped.
        assert!(find("ab", "2019-01-01", "Moved.Code").is_none());
        assert!(!find("ab", "2020-01-01", "Moved.Code").unwrap().retired);
        assert!(
            find("cd", "2020-01-01", "New.Code")
                .unwrap()
                .tags
                .has(Tag::NotFound)
        );

        let changes = Changes::between(&previous, &rows);
        assert_eq!(changes.added, BTreeSet::from(["New.Code".to_owned()]));
        assert_eq!(changes.retired, BTreeSet::from(["Gone.Code".to_owned()]));
        assert_eq!(changes.products_added, BTreeSet::from(["cd".to_owned()]));
        // Run again on its own output: nothing changes.
        let again = merge(&rows, &definitions);
        assert_eq!(again, rows);
        assert_eq!(Changes::between(&rows, &again), Changes::default());
    }

    #[test]
    fn a_retired_code_that_comes_back_is_current_again() {
        let mut gone = row("ab", "2020-01-01", "Back.Code", &[]);
        gone.retired = true;
        let rows = merge(&[gone], &[definition("ab", "Back.Code", "")]);
        assert!(!rows[0].retired);
    }

    #[test]
    fn labels_name_the_package_and_version() {
        assert_eq!(
            source_label(Path::new(
                "/x/tencentcloud_sdk_python_intl_en-3.1.193-py2.py3-none-any.whl"
            )),
            "tencentcloud-sdk-python-intl-en 3.1.193"
        );
        assert_eq!(source_label(Path::new("/no/such/dir")), "/no/such/dir");
    }
}
