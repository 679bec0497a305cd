//! The SDK readers and the refresh on small SDK-shaped fixtures
//! (`tests/fixtures/`), whose every comment we wrote ourselves.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use tencentcloud_error_codes_import::data::Row;
use tencentcloud_error_codes_import::refresh::{self, Changes};
use tencentcloud_error_codes_import::sdk::{Definition, go, python};
use tencentcloud_error_codes_import::tags::Tag;
use tencentcloud_error_codes_import::{code_facts, render_rows};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn find<'a>(defs: &'a [Definition], product: &str, code: &str) -> &'a Definition {
    defs.iter()
        .find(|d| d.product == product && d.code == code)
        .unwrap_or_else(|| panic!("{product} {code} not read"))
}

#[test]
fn python_with_chinese_comments() {
    let defs = python::read(&fixture("python-zh")).unwrap();
    assert_eq!(defs.len(), 5);
    let moving = find(&defs, "widget", "FailedOperation.WidgetMoving");
    assert_eq!(moving.version, "2020-01-01");
    assert_eq!(moving.description, "部件正在迁移中，请稍后重试。");
    // The header comment, ended by a blank line, describes nothing.
    assert!(
        !find(&defs, "widget", "ResourceNotFound.Widget")
            .description
            .contains("header")
    );
    // `autoscaling` is the product `as`.
    assert_eq!(
        find(&defs, "as", "ResourceBusy.Group").version,
        "2018-04-19"
    );
}

#[test]
fn python_with_english_comments_joins_comment_lines() {
    let defs = python::read(&fixture("python-en")).unwrap();
    let not_found = find(&defs, "widget", "ResourceNotFound.Widget");
    assert_eq!(
        not_found.description,
        "No widget answers to that ID. It may never have existed: it does not exist."
    );
    // A product only the international SDK has.
    assert_eq!(
        find(&defs, "gizmo", "InvalidParameterValue.GizmoId").version,
        "2021-01-01"
    );
}

#[test]
fn python_from_a_wheel() {
    let dir = std::env::temp_dir().join(format!("tcerr-import-wheel-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let wheel = dir.join("tencentcloud_sdk_python_intl_en-1.2.3-py2.py3-none-any.whl");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&wheel).unwrap());
    let options = zip::write::SimpleFileOptions::default();
    for path in [
        "widget/v20200101/errorcodes.py",
        "gizmo/v20210101/errorcodes.py",
    ] {
        zip.start_file(format!("tencentcloud/{path}"), options)
            .unwrap();
        let text = std::fs::read(fixture("python-en/tencentcloud").join(path)).unwrap();
        zip.write_all(&text).unwrap();
    }
    zip.start_file("tencentcloud/widget/v20200101/models.py", options)
        .unwrap();
    zip.write_all(b"not read").unwrap();
    zip.finish().unwrap();
    let from_wheel = python::read(&wheel).unwrap();
    let from_tree = python::read(&fixture("python-en")).unwrap();
    assert_eq!(from_wheel, from_tree);
    assert_eq!(
        refresh::source_label(&wheel),
        "tencentcloud-sdk-python-intl-en 1.2.3"
    );
    assert_eq!(
        refresh::source_label(&fixture("python-zh")),
        "tencentcloud-sdk-python 9.9.9"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_changed_layout_is_an_error_naming_file_and_line() {
    let errors = python::read(&fixture("broken")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].file.ends_with("widget/v20200101/errorcodes.py"));
    assert_eq!(errors[0].line, 3);
    let errors = python::read(&fixture("go")).unwrap_err();
    assert!(
        errors[0].message.contains("no tencentcloud/"),
        "{}",
        errors[0]
    );
}

#[test]
fn go_errors_and_client() {
    let defs = go::read(&fixture("go")).unwrap();
    assert_eq!(defs.len(), 3);
    let moving = find(&defs, "widget", "FailedOperation.WidgetMoving");
    assert_eq!(moving.actions, BTreeSet::from(["MoveWidget".to_owned()]));
    assert!(moving.description.contains("retry later"));
    let not_found = find(&defs, "widget", "ResourceNotFound.Widget");
    assert_eq!(
        not_found.actions,
        BTreeSet::from(["DescribeWidgets".to_owned(), "MoveWidget".to_owned()])
    );
    // A code only the Go tree defines.
    let timeout = find(&defs, "widget", "FailedOperation.WidgetTimeout");
    assert_eq!(
        timeout.actions,
        BTreeSet::from(["DescribeWidgets".to_owned()])
    );
}

fn all_definitions() -> Vec<Definition> {
    let mut defs = python::read(&fixture("python-zh")).unwrap();
    defs.extend(python::read(&fixture("python-en")).unwrap());
    defs.extend(go::read(&fixture("go")).unwrap());
    defs
}

#[test]
fn a_refresh_from_the_fixtures() {
    let previous = vec![Row {
        product: "widget".into(),
        version: "2020-01-01".into(),
        code: "FailedOperation.WidgetVanished".into(),
        actions: BTreeSet::from(["MoveWidget".to_owned()]),
        tags: Default::default(),
        retired: false,
    }];
    let rows = refresh::merge(&previous, &all_definitions());
    let facts = code_facts(&rows);
    // Tags from English and Chinese together, the descriptions dropped.
    assert!(
        facts["FailedOperation.WidgetMoving"]
            .tags
            .has(Tag::Temporary)
    );
    assert!(facts["ResourceNotFound.Widget"].tags.has(Tag::NotFound));
    // Only the Chinese SDK: its comment decides.
    assert!(facts["LimitExceeded.WidgetQuota"].tags.has(Tag::CountLimit));
    assert!(facts["FailedOperation.WidgetTimeout"].tags.has(Tag::Fault));
    assert!(facts["FailedOperation.WidgetVanished"].retired);
    let changes = Changes::between(&previous, &rows);
    assert_eq!(changes.retired.len(), 1);
    assert_eq!(
        changes.products_added,
        BTreeSet::from(["as".to_owned(), "gizmo".to_owned()])
    );

    // The catalogs written from these rows validate and say what the
    // descriptions say.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let outputs = render_rows(&root, &rows).unwrap();
    let widget = &outputs
        .iter()
        .find(|(path, _)| path == Path::new("products/widget.toml"))
        .unwrap()
        .1;
    let table: toml::Table = widget.parse().unwrap();
    let entry = |code: &str| {
        table["code"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["code"].as_str() == Some(code))
            .unwrap_or_else(|| panic!("{code} not written"))
            .clone()
    };
    assert_eq!(
        entry("FailedOperation.WidgetMoving")["retry"].as_str(),
        Some("safe")
    );
    assert_eq!(
        entry("ResourceNotFound.Widget")["retry"].as_str(),
        Some("never")
    );
    assert_eq!(
        entry("FailedOperation.WidgetVanished")["retired"].as_bool(),
        Some(true)
    );
    assert!(entry("ResourceNotFound.Widget").get("retired").is_none());
    // A common code the product returns is listed, not redefined.
    assert_eq!(
        table["common"].as_array().unwrap()[0].as_str(),
        Some("InternalError")
    );
    // No sentence of an SDK reaches what the import writes.
    for (_, text) in &outputs {
        for phrase in ["moving house", "部件正在迁移中", "answers to that ID"] {
            assert!(!text.contains(phrase), "{phrase}");
        }
    }
    let tsv = tencentcloud_error_codes_import::data::write(&rows);
    assert!(!tsv.contains("moving house") && !tsv.contains("部件"));
}
