//! Every rule of `build/catalog.rs`, one test each, run on the validator
//! itself (the module `build.rs` uses) without running cargo.
//!
//! Fixtures are TOML as a person writes it. Where a problem must be
//! reported, the fixture holds the marker `‸`: the assertion removes it and
//! expects the problem at the line and column where it stood.

#[path = "../build/catalog.rs"]
mod catalog;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use catalog::{BUILD_INPUTS, Catalog, Diagnostic, ERROR_CODE_ITEMS, Kind, Retry, Source};

const MARK: char = '‸';

/// A `[categories]` table with `auth` and `server`.
const CATEGORIES: &str = r#"
[categories]
auth = "Credentials rejected."
server = "Service fault."
"#;

/// `text` without its marker, and the marker's 1-based line and column
/// (counted in characters, as an editor counts them).
fn unmark(text: &str) -> (String, Option<(usize, usize)>) {
    let Some(at) = text.find(MARK) else {
        return (text.to_owned(), None);
    };
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count()
        + 1;
    (text.replacen(MARK, "", 1), Some((line, column)))
}

fn parse(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    parse_files(&[("codes.toml", Kind::Common, text)])
}

fn parse_files(files: &[(&str, Kind<'_>, &str)]) -> Result<Catalog, Vec<Diagnostic>> {
    let sources: Vec<Source<'_>> = files
        .iter()
        .map(|&(name, kind, text)| Source { name, text, kind })
        .collect();
    Catalog::parse(&sources)
}

/// The problems found in `files`, which must have some.
fn problems_in(files: &[(&str, Kind<'_>, &str)]) -> Vec<Diagnostic> {
    match parse_files(files) {
        Ok(catalog) => panic!(
            "expected problems, got a catalog of {} codes",
            catalog.entries.len()
        ),
        Err(problems) => problems,
    }
}

fn problems(text: &str) -> Vec<Diagnostic> {
    problems_in(&[("codes.toml", Kind::Common, text)])
}

/// The one problem found in `files`: in the file whose text holds the
/// marker, where the marker stands, its message holding every string of
/// `needles`.
fn assert_problem_in(files: &[(&str, Kind<'_>, &str)], needles: &[&str]) -> Diagnostic {
    let unmarked: Vec<(String, Option<(usize, usize)>)> =
        files.iter().map(|&(_, _, text)| unmark(text)).collect();
    let (file, (line, column)) = files
        .iter()
        .zip(&unmarked)
        .find_map(|((name, _, _), (_, at))| at.map(|at| (*name, at)))
        .expect("a fixture marks where the problem is");
    let inputs: Vec<(&str, Kind<'_>, &str)> = files
        .iter()
        .zip(&unmarked)
        .map(|(&(name, kind, _), (text, _))| (name, kind, text.as_str()))
        .collect();
    let found = problems_in(&inputs);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let problem = found.into_iter().next().unwrap();
    assert_eq!(
        (problem.file.as_str(), problem.line, problem.column),
        (file, line, column),
        "wrong place for: {problem}"
    );
    let shown = problem.to_string();
    assert!(
        shown.starts_with(&format!("{file}:{line}:{column}: ")),
        "message does not start with its place: {shown}"
    );
    for needle in needles {
        assert!(
            shown.contains(needle),
            "{shown:?} does not mention {needle:?}"
        );
    }
    problem
}

fn assert_problem(text: &str, needles: &[&str]) -> Diagnostic {
    assert_problem_in(&[("codes.toml", Kind::Common, text)], needles)
}

/// A `[[code]]` table for `code`.
fn entry(code: &str, category: &str) -> String {
    format!(
        "\n[[code]]\ncode = {code:?}\ndescription = \"Something failed.\"\ncategory = {category:?}\n"
    )
}

fn codes(catalog: &Catalog) -> Vec<&str> {
    catalog.entries.iter().map(|e| e.code.as_str()).collect()
}

#[test]
fn a_valid_file_parses_in_declared_order() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "B"
description = "Bee."
category = "auth"

[[code]]
code = "A"
description = "Ay."
category = "auth"

[[code]]
code = "InternalError"
description = "Internal error."
category = "server"
retry = "if-idempotent"
"#
    );
    let catalog = parse(&text).unwrap();
    assert_eq!(codes(&catalog), ["B", "A", "InternalError"]);
    let names: Vec<&str> = catalog.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["auth", "server"]);
    assert_eq!(catalog.entries[0].retry, Retry::Never);
    assert_eq!(catalog.entries[2].retry, Retry::IfIdempotent);
    assert_eq!(catalog.entries[2].category, 1);
    // Out of ASCII order in codes.toml: advice, not an error.
    assert_eq!(catalog.warnings.len(), 1, "{:#?}", catalog.warnings);
    assert_eq!(
        (catalog.warnings[0].line, catalog.warnings[0].column),
        (12, 8)
    );
    assert!(catalog.warnings[0].message.contains("`A` comes after `B`"));
}

#[test]
fn the_shipped_codes_toml_is_valid() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/codes.toml")).unwrap();
    let catalog = parse(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    let declared = text.matches("\n[[code]]\n").count();
    assert_eq!(catalog.entries.len(), declared);
}

#[test]
fn malformed_toml_names_the_line() {
    let text = format!("{CATEGORIES}\n[[code]]\ncode = \"Unterminated‸\n");
    assert_problem(&text, &["malformed catalog file"]);
}

#[test]
fn a_missing_field_names_the_entry_header() {
    let text = format!(
        r#"{CATEGORIES}
‸[[code]]
code = "A"
description = "Failed."
"#
    );
    assert_problem(&text, &["`A`", "missing", "`category`", "category = "]);
}

#[test]
fn all_missing_fields_are_named_at_once() {
    let text = format!("{CATEGORIES}\n‸[[code]]\ncode = \"A\"\n");
    assert_problem(&text, &["fields `description`, `category`"]);
}

#[test]
fn a_misspelt_field_is_not_ignored() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "A"
‸descripton = "Failed."
description = "Failed."
category = "auth"
"#
    );
    assert_problem(&text, &["unknown field `descripton`", "`description`"]);
}

#[test]
fn a_misspelt_field_with_the_real_one_absent_reports_both() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "A"
descripton = "Failed."
category = "auth"
"#
    );
    let found = problems(&text);
    let lines: Vec<usize> = found.iter().map(|p| p.line).collect();
    assert_eq!(lines, [6, 8], "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("missing the required field `description`")
    );
}

#[test]
fn an_unknown_top_level_table_is_an_error() {
    let text = format!("{CATEGORIES}\n[‸categroies]\nx = \"y\"\n");
    assert_problem(&text, &["unknown table `categroies`"]);
}

#[test]
fn a_top_level_key_of_the_wrong_shape_is_an_error() {
    assert_problem(
        &format!("code = ‸\"InternalError\"\n{CATEGORIES}"),
        &["`code` must be an array of [[code]] tables", "found string"],
    );
    assert_problem(
        "categories = ‸[\"auth\"]\n",
        &["`categories` must be the [categories] table", "found array"],
    );
}

#[test]
fn a_field_of_the_wrong_type_is_an_error() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = ‸42
description = "Failed."
category = "auth"
"#
    );
    assert_problem(&text, &["`code` must be a string", "integer"]);
}

#[test]
fn an_empty_code_is_an_error() {
    let text =
        format!("{CATEGORIES}\n[[code]]\ncode = ‸\"\"\ndescription = \"x\"\ncategory = \"auth\"\n");
    assert_problem(&text, &["code is empty"]);
}

#[test]
fn an_empty_description_is_an_error() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "A"
description = ‸"  "
category = "auth"
"#
    );
    assert_problem(&text, &["description of `A` is empty"]);
}

#[test]
fn a_code_that_is_not_dotted_identifiers_is_an_error() {
    for bad in [
        "Foo Bar", "1Abc", "A..B", "A..", ".A", ".", "A-B", "_A", "A._B", "Ä", "A.1B", " A", "A\n",
    ] {
        let text = format!(
            "{CATEGORIES}\n[[code]]\ncode = ‸{bad:?}\ndescription = \"x\"\ncategory = \"auth\"\n"
        );
        assert_problem(
            &text,
            &["not dot-separated ASCII identifiers", &format!("{bad:?}")],
        );
    }
}

#[test]
fn codes_of_every_valid_shape_are_accepted() {
    let text = [
        CATEGORIES.to_owned(),
        entry("A", "auth"),
        entry("a1.B2.c3", "auth"),
        entry("InvalidParameterValue.InvalidInstanceId", "auth"),
        entry("Z.Y.X.W", "auth"),
        // Shapes Tencent Cloud returns: underscores, a trailing dot.
        entry("InternalError.SYS_ERR", "auth"),
        entry("InternalError.", "auth"),
    ]
    .concat();
    let catalog = parse(&text).unwrap();
    assert_eq!(catalog.entries[1].variant, "a1B2c3");
    assert_eq!(catalog.entries[4].variant, "InternalErrorSYS_ERR");
    assert_eq!(catalog.entries[5].variant, "InternalError");
}

#[test]
fn a_duplicate_code_names_both_places() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "A.B"
description = "x"
category = "auth"

[[code]]
code = ‸"A.B"
description = "x"
category = "auth"
"#
    );
    assert_problem(&text, &["duplicate code `A.B`", "codes.toml:7:8"]);
}

#[test]
fn codes_that_make_the_same_variant_suggest_a_variant_name() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "Ab.C"
description = "x"
category = "auth"

[[code]]
code = ‸"A.bC"
description = "x"
category = "auth"
"#
    );
    assert_problem(
        &text,
        &[
            "ErrorCode::AbC",
            "`Ab.C`",
            "codes.toml:7:8",
            "variant = \"A_bC\"",
        ],
    );
}

#[test]
fn a_trailing_dot_collides_until_a_variant_is_given() {
    let collide = format!(
        "{CATEGORIES}{}\n[[code]]\ncode = ‸\"InternalError.\"\ndescription = \"x\"\ncategory = \"server\"\n",
        entry("InternalError", "server")
    );
    assert_problem(&collide, &["variant = \"InternalError_\""]);
    let named = format!(
        "{CATEGORIES}{}\n[[code]]\ncode = \"InternalError.\"\ndescription = \"x\"\ncategory = \"server\"\nvariant = \"InternalError_\"\n",
        entry("InternalError", "server")
    );
    let catalog = parse(&named).unwrap();
    assert_eq!(catalog.entries[1].variant, "InternalError_");
    assert!(catalog.entries[1].variant_given);
    assert!(!catalog.entries[0].variant_given);
}

#[test]
fn a_variant_that_is_not_an_identifier_is_an_error() {
    for bad in ["", "1A", "A.B", "A-B", "Ä"] {
        let text = format!(
            "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = \"x\"\ncategory = \"auth\"\nvariant = ‸{bad:?}\n"
        );
        assert_problem(&text, &["is not an identifier"]);
    }
}

#[test]
fn a_variant_name_rust_or_the_enum_reserves_is_an_error() {
    for reserved in [
        "Self",
        "self",
        "type",
        "ALL",
        "fn",
        "gen",
        "parent",
        "description",
        "products",
        "as_str",
    ] {
        let text = format!(
            "{CATEGORIES}\n[[code]]\ncode = ‸{reserved:?}\ndescription = \"x\"\ncategory = \"auth\"\n"
        );
        assert_problem(&text, &[&format!("ErrorCode::{reserved}`"), "reserves"]);
    }
    // Dots are removed before the check, and a given variant is checked too.
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = ‸\"AL.L\"\ndescription = \"x\"\ncategory = \"auth\"\n"
    );
    assert_problem(&text, &["ErrorCode::ALL`"]);
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = ‸\"A\"\ndescription = \"x\"\ncategory = \"auth\"\nvariant = \"match\"\n"
    );
    assert_problem(&text, &["ErrorCode::match`"]);
}

#[test]
fn an_unknown_category_lists_the_known_ones() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = \"x\"\ncategory = ‸\"network\"\n"
    );
    assert_problem(&text, &["unknown category `network`", "auth, server"]);
}

#[test]
fn a_category_name_that_is_not_a_lowercase_identifier_is_an_error() {
    for bad in ["Auth", "rate-limit", "1x", "_x", "x y", "é"] {
        let text = format!(
            "[categories]\n‸{bad:?} = \"Something.\"\n{}",
            entry("A", bad)
        );
        let (text, at) = unmark(&text);
        let found = problems(&text);
        assert_eq!(Some((found[0].line, found[0].column)), at, "{found:#?}");
        assert!(
            found[0].message.contains("not a lowercase identifier"),
            "{found:#?}"
        );
    }
}

#[test]
fn a_category_named_self_is_an_error() {
    let (text, at) = unmark(&format!(
        "[categories]\n‸self = \"Me.\"\n{}",
        entry("A", "self")
    ));
    let found = problems(&text);
    assert_eq!(Some((found[0].line, found[0].column)), at);
    assert!(found[0].message.contains("Category::Self"), "{found:#?}");
}

#[test]
fn categories_that_make_the_same_variant_are_an_error() {
    let text = format!(
        "[categories]\na1 = \"One.\"\n‸a_1 = \"Also one.\"\n{}",
        entry("A", "a1")
    );
    assert_problem(&text, &["Category::A1", "`a1`", "codes.toml:2:1"]);
}

#[test]
fn a_category_without_a_string_description_is_an_error() {
    let (text, at) = unmark(&format!("[categories]\nauth = ‸1\n{}", entry("A", "auth")));
    let found = problems(&text);
    assert_eq!(Some((found[0].line, found[0].column)), at, "{found:#?}");
    assert!(found[0].message.contains("must be described by a string"));
}

#[test]
fn an_unused_category_of_an_extra_file_is_an_error() {
    let extra = "[categories]\n‸account = \"Account problems.\"\n";
    let main = format!("{CATEGORIES}{}", entry("A", "auth"));
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("/abs/extra.toml", Kind::Extra, extra),
        ],
        &["category `account` is defined but no code uses it"],
    );
}

#[test]
fn the_categories_of_codes_toml_may_wait_for_a_product() {
    // `server` is used by no code here: product catalogs may use it.
    let catalog = parse(&format!("{CATEGORIES}{}", entry("A", "auth"))).unwrap();
    assert_eq!(catalog.categories.len(), 2);
}

#[test]
fn an_invalid_retry_value_is_an_error() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "A"
description = "Failed."
category = "auth"
retry = ‸"sometimes"
"#
    );
    assert_problem(
        &text,
        &[
            "invalid retry value \"sometimes\"",
            "use \"never\" (the default) or \"safe\" or \"if-idempotent\"",
        ],
    );
}

#[test]
fn an_empty_catalog_is_an_error() {
    assert_problem("‸", &["no [[code]] entries"]);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = ‸"Bad Code"
description = "x"
category = "auth"

[[code]]
code = "Good"
description = "x"
category = ‸"nope"

[[code]]
code = "Fine"
description = "x"
category = "server"
"#
    );
    let (text, first) = unmark(&text);
    let (text, second) = unmark(&text);
    let places: Vec<Option<(usize, usize)>> = problems(&text)
        .iter()
        .map(|p| Some((p.line, p.column)))
        .collect();
    assert_eq!(places, [first, second]);
}

#[test]
fn columns_count_characters_not_bytes() {
    // Not valid TOML after the description: the column is in characters.
    let text = format!("{CATEGORIES}\n[[code]]\ndescription = \"Échec.\" ‸; code = \"x\"\n");
    let (text, at) = unmark(&text);
    let found = problems(&text);
    assert_eq!(Some((found[0].line, found[0].column)), at, "{found:#?}");
}

#[test]
fn any_description_text_is_kept_unchanged() {
    let description = "Quotes \" and ' and \\ backslash,\nnew lines,\r\n tabs\t, \"# raw-string ends, 中文, emoji 🚀, and NUL \u{0}.";
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = {}\ncategory = \"auth\"\n",
        toml_basic_string(description)
    );
    let catalog = parse(&text).unwrap();
    assert_eq!(catalog.entries[0].description, description);
}

/// `s` as a TOML basic string.
fn toml_basic_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[test]
fn parents_are_the_nearest_catalog_ancestor() {
    let text = [
        CATEGORIES,
        &entry("A", "auth"),
        &entry("A.B.C", "auth"),
        &entry("A.B", "auth"),
        &entry("AB.D", "server"),
    ]
    .concat();
    let catalog = parse(&text).unwrap();
    let parent = |code: &str| {
        let e = catalog.entries.iter().find(|e| e.code == code).unwrap();
        e.parent.map(|p| catalog.entries[p].code.as_str())
    };
    assert_eq!(parent("A"), None);
    assert_eq!(parent("A.B"), Some("A"));
    assert_eq!(parent("A.B.C"), Some("A.B"));
    assert_eq!(parent("AB.D"), None);
}

#[test]
fn retry_spellings_are_the_documented_ones_and_name_the_runtime_variants() {
    // The spellings catalog files use (README, "codes.toml"), and the
    // runtime variant each one means.
    let documented = [
        ("never", "Never"),
        ("safe", "Safe"),
        ("if-idempotent", "IfIdempotent"),
    ];
    let build: Vec<(&str, &str)> = Retry::ALL
        .iter()
        .map(|r| (r.spelling(), r.variant()))
        .collect();
    assert_eq!(build, documented);
    for (spelling, variant) in documented {
        let runtime: tencentcloud_error_codes::Retry = spelling.parse().unwrap();
        assert_eq!(format!("{runtime:?}"), variant);
        assert_eq!(runtime.as_str(), spelling);
    }
}

#[test]
fn an_incomplete_entry_still_has_its_other_fields_checked() {
    let text = format!(
        r#"{CATEGORIES}
[[code]]
code = "Broken Code"
descripton = "x"
category = "network"
retry = "maybe"
"#
    );
    let found: Vec<(usize, String)> = problems(&text)
        .into_iter()
        .map(|p| (p.line, p.message))
        .collect();
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [6, 7, 8, 9, 10], "{found:#?}");
    for (needle, (_, message)) in [
        "missing the required field `description`",
        "not dot-separated ASCII identifiers",
        "unknown field `descripton`",
        "unknown category `network` for `Broken Code`",
        "invalid retry value \"maybe\"",
    ]
    .iter()
    .zip(&found)
    {
        assert!(message.contains(needle), "{message:?} lacks {needle:?}");
    }
}

#[test]
fn extra_files_add_codes_and_categories_after_codes_toml() {
    let extra = r#"
[categories]
account = "Account problems."

[[code]]
code = "Z.Extra"
description = "Extra."
category = "account"

[[code]]
code = "A.Extra"
description = "Extra."
category = "auth"
"#;
    let main = format!("{CATEGORIES}{}", entry("M", "auth"));
    let catalog = parse_files(&[
        ("codes.toml", Kind::Common, &main),
        ("/abs/extra.toml", Kind::Extra, extra),
    ])
    .unwrap();
    assert_eq!(
        codes(&catalog),
        ["M", "Z.Extra", "A.Extra"],
        "declared order, files in the order given"
    );
    let names: Vec<&str> = catalog.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["auth", "server", "account"]);
    assert!(catalog.warnings.is_empty(), "extra files keep any order");
}

#[test]
fn problems_in_an_extra_file_name_that_file() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let extra = format!(
        "{}{}",
        entry("Extra", "nope"),
        entry("InternalError", "server")
    );
    let found = problems_in(&[
        ("codes.toml", Kind::Common, &main),
        ("/abs/extra.toml", Kind::Extra, &extra),
    ]);
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("/abs/extra.toml:5:12: unknown category `nope`"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with(
            "/abs/extra.toml:8:8: duplicate code `InternalError`: already defined at codes.toml:7:8"
        ),
        "{shown:#?}"
    );
}

#[test]
fn a_category_defined_in_two_files_names_both() {
    let main = format!("{CATEGORIES}{}", entry("A", "auth"));
    let extra = format!("[categories]\n‸auth = \"Again.\"\n{}", entry("B", "auth"));
    let problem = assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("/abs/extra.toml", Kind::Extra, &extra),
        ],
        &[],
    );
    assert_eq!(
        problem.message,
        "category `auth` is already defined at codes.toml:3:1; keep one definition"
    );
}

#[test]
fn product_files_merge_a_shared_code_and_list_their_products() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cbs = [
        entry("ResourceBusy.Disk", "server"),
        entry("Shared.Code", "auth"),
    ]
    .concat();
    let cvm = [
        entry("Shared.Code", "auth"),
        entry("InvalidInstance", "auth"),
    ]
    .concat();
    let catalog = parse_files(&[
        ("codes.toml", Kind::Common, &main),
        ("products/cbs.toml", Kind::Product("cbs"), &cbs),
        ("products/cvm.toml", Kind::Product("cvm"), &cvm),
    ])
    .unwrap();
    assert_eq!(
        codes(&catalog),
        [
            "InternalError",
            "ResourceBusy.Disk",
            "Shared.Code",
            "InvalidInstance"
        ]
    );
    assert_eq!(catalog.products, ["cbs", "cvm"]);
    let products: Vec<&[usize]> = catalog
        .entries
        .iter()
        .map(|e| e.products.as_slice())
        .collect();
    assert_eq!(products, [&[][..], &[0], &[0, 1], &[1]]);
}

#[test]
fn product_files_that_disagree_on_a_code_name_both_places() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cbs = entry("Shared.Code", "auth");
    let cvm = "\n[[code]]\ncode = ‸\"Shared.Code\"\ndescription = \"Something failed.\"\ncategory = \"server\"\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cbs.toml", Kind::Product("cbs"), &cbs),
            ("products/cvm.toml", Kind::Product("cvm"), cvm),
        ],
        &[
            "code `Shared.Code` is defined differently at products/cbs.toml:3:8",
            "its category differs",
        ],
    );
}

#[test]
fn a_product_file_may_not_repeat_a_common_code_or_declare_categories() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cvm = "\n[[code]]\ncode = ‸\"InternalError\"\ndescription = \"Something failed.\"\ncategory = \"server\"\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), cvm),
        ],
        &["duplicate code `InternalError`: already defined at codes.toml:7:8"],
    );
    let cvm = format!("[‸categories]\nbilling = \"Pay.\"\n{}", entry("A", "auth"));
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), &cvm),
        ],
        &["product catalogs use the categories of codes.toml"],
    );
}

/// The files of a build with `cvm` on, whose extra file repeats a `cvm`
/// code as `extra_entry` writes it.
fn with_cvm_and_extra(extra_entry: &str) -> Result<Catalog, Vec<Diagnostic>> {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cvm = format!(
        "{}{}",
        entry("InvalidInstance", "auth"),
        entry("Other", "auth")
    );
    let extra = format!("{}{extra_entry}", entry("Mine.Own", "server"));
    parse_files(&[
        ("codes.toml", Kind::Common, &main),
        ("products/cvm.toml", Kind::Product("cvm"), &cvm),
        ("/abs/extra.toml", Kind::Extra, &extra),
    ])
}

#[test]
fn an_extra_file_may_repeat_a_product_code_identically() {
    let catalog = with_cvm_and_extra(&entry("InvalidInstance", "auth")).unwrap();
    assert_eq!(
        codes(&catalog),
        ["InternalError", "InvalidInstance", "Other", "Mine.Own"]
    );
    assert!(catalog.warnings.is_empty(), "{:?}", catalog.warnings);
    let merged = &catalog.entries[1];
    assert_eq!(merged.products, [0], "the product still defines it");
}

#[test]
fn an_extra_file_entry_differing_from_a_product_one_wins_with_a_warning() {
    let extra = "\n[[code]]\ncode = \"InvalidInstance\"\ndescription = \"Ours: the instance ID is from the wrong project.\"\ncategory = \"server\"\nretry = \"safe\"\n";
    let catalog = with_cvm_and_extra(extra).unwrap();
    assert_eq!(
        codes(&catalog),
        ["InternalError", "InvalidInstance", "Other", "Mine.Own"],
        "the code keeps the product's place"
    );
    let kept = &catalog.entries[1];
    assert_eq!(
        kept.description,
        "Ours: the instance ID is from the wrong project."
    );
    assert_eq!(catalog.categories[kept.category].name, "server");
    assert_eq!(kept.retry, Retry::Safe);
    assert_eq!(kept.variant, "InvalidInstance");
    assert_eq!(kept.products, [0]);
    let shown: Vec<String> = catalog.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with("/abs/extra.toml:8:8: code `InvalidInstance` is also defined at products/cvm.toml:3:8, differently (its description differs); this file's entry replaces it"),
        "{shown:#?}"
    );
}

#[test]
fn an_extra_file_cannot_rename_a_product_code_variant() {
    let extra = "\n[[code]]\ncode = \"InvalidInstance\"\ndescription = \"Something failed.\"\ncategory = \"auth\"\nvariant = \"MyName\"\n";
    let catalog = with_cvm_and_extra(extra).unwrap();
    assert_eq!(catalog.entries[1].variant, "InvalidInstance");
    assert!(
        catalog.warnings[0]
            .message
            .contains("its variant differs); this file's entry replaces it but for its variant, which stays `ErrorCode::InvalidInstance`"),
        "{:?}",
        catalog.warnings
    );
}

#[test]
fn an_extra_file_still_may_not_repeat_a_common_code_or_itself() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let extra =
        "\n[[code]]\ncode = ‸\"InternalError\"\ndescription = \"Mine.\"\ncategory = \"auth\"\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("/abs/extra.toml", Kind::Extra, extra),
        ],
        &["duplicate code `InternalError`: already defined at codes.toml:7:8"],
    );
    let extra = format!(
        "{}\n[[code]]\ncode = ‸\"A\"\ndescription = \"Mine.\"\ncategory = \"auth\"\n",
        entry("A", "auth")
    );
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("/abs/extra.toml", Kind::Extra, &extra),
        ],
        &["duplicate code `A`: already defined at /abs/extra.toml:3:8"],
    );
}

#[test]
fn the_example_extra_file_is_a_valid_extension() {
    let read = |path: &str| {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let (main, cvm) = (read("codes.toml"), read("extra/cvm.toml"));
    let common = parse(&main).unwrap().entries.len();
    let catalog = parse_files(&[
        ("codes.toml", Kind::Common, &main),
        ("extra/cvm.toml", Kind::Extra, &cvm),
    ])
    .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        catalog.entries.len() - common,
        cvm.matches("\n[[code]]\n").count()
    );
    let quota = catalog
        .entries
        .iter()
        .find(|e| e.code == "LimitExceeded.InstanceQuota")
        .unwrap();
    assert_eq!(catalog.entries[quota.parent.unwrap()].code, "LimitExceeded");
}

#[test]
fn extra_file_paths_must_be_absolute_and_named_once() {
    use std::ffi::OsStr;
    use std::path::PathBuf;
    let joined = std::env::join_paths(["/a/one.toml", "", "/b/two.toml"]).unwrap();
    assert_eq!(
        catalog::extra_files(&joined).unwrap(),
        [PathBuf::from("/a/one.toml"), PathBuf::from("/b/two.toml")]
    );
    assert_eq!(
        catalog::extra_files(OsStr::new("")).unwrap(),
        Vec::<PathBuf>::new()
    );
    let errors = catalog::extra_files(OsStr::new("extra/cvm.toml")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("relative path \"extra/cvm.toml\""),
        "{errors:?}"
    );
    assert!(errors[0].contains("relative = true"), "{errors:?}");
    let twice = std::env::join_paths(["/a/one.toml", "/a/one.toml"]).unwrap();
    let errors = catalog::extra_files(&twice).unwrap_err();
    assert!(errors[0].contains("names /a/one.toml twice"), "{errors:?}");
}

#[test]
fn user_text_in_messages_is_escaped_to_one_line() {
    // Quoted TOML keys and values may hold line breaks; a message may not
    // (each is one `cargo::error=` line).
    let text = "[categories]\n\"bad\\nname\" = \"x\"\n\n[[code]]\ncode = \"A\\nB\"\n\"descr\\niption\" = \"x\"\ncategory = \"no\\nsuch\"\n";
    let found = problems(text);
    assert_eq!(found.len(), 5, "{found:#?}");
    for problem in &found {
        assert!(!problem.message.contains('\n'), "{problem:?}");
    }
    let all: String = found
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    for escaped in [
        "bad\\nname",
        "descr\\niption",
        "A\\nB",
        "no\\nsuch",
        "no category yet",
    ] {
        assert!(all.contains(escaped), "{escaped:?} not in {all}");
    }
}

#[test]
fn retired_is_a_boolean_carried_to_the_entry() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A.Gone\"\ndescription = \"Gone.\"\ncategory = \"auth\"\nretired = true\n{}",
        entry("A.Here", "auth")
    );
    let catalog = parse(&text).unwrap();
    assert!(catalog.entries[0].retired);
    assert!(!catalog.entries[1].retired);
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A.Gone\"\ndescription = \"Gone.\"\ncategory = \"auth\"\nretired = ‸\"yes\"\n"
    );
    assert_problem(
        &text,
        &["field `retired` must be true or false", "retired = true"],
    );
}

#[test]
fn reviewed_and_its_reason_are_carried_to_the_entry() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A.Read\"\ndescription = \"Read.\"\ncategory = \"auth\"\nreviewed = true\nreason = \"keys must change\"\n{}",
        entry("A.Guessed", "auth")
    );
    let catalog = parse(&text).unwrap();
    assert!(catalog.entries[0].reviewed);
    assert_eq!(
        catalog.entries[0].reason.as_deref(),
        Some("keys must change")
    );
    assert!(!catalog.entries[1].reviewed);
    assert_eq!(catalog.entries[1].reason, None);
}

#[test]
fn a_review_says_why() {
    assert_problem(
        &format!(
            "{CATEGORIES}\n[[code]]\ncode = ‸\"A.Read\"\ndescription = \"Read.\"\ncategory = \"auth\"\nreviewed = true\n"
        ),
        &["reviewed = true but gives no reason", "add reason = "],
    );
    assert_problem(
        &format!(
            "{CATEGORIES}\n[[code]]\ncode = \"A.Read\"\ndescription = \"Read.\"\ncategory = \"auth\"\nreason = ‸\" \"\n"
        ),
        &["reason of `A.Read` is empty", "remove the field"],
    );
    assert_problem(
        &format!(
            "{CATEGORIES}\n[[code]]\ncode = \"A.Read\"\ndescription = \"Read.\"\ncategory = \"auth\"\nreviewed = ‸1\n"
        ),
        &["field `reviewed` must be true or false", "reviewed = true"],
    );
}

#[test]
fn a_product_lists_the_common_codes_it_returns() {
    let main = format!(
        "{CATEGORIES}{}{}",
        entry("AuthFailure", "auth"),
        entry("InternalError", "server")
    );
    let cbs = format!(
        "common = [\"InternalError\"]\n{}",
        entry("ResourceBusy.Disk", "server")
    );
    let cvm = "common = [\"InternalError\", \"AuthFailure\"]\n";
    let catalog = parse_files(&[
        ("codes.toml", Kind::Common, &main),
        ("products/cbs.toml", Kind::Product("cbs"), &cbs),
        ("products/cvm.toml", Kind::Product("cvm"), cvm),
    ])
    .unwrap();
    let products = |code: &str| {
        let e = catalog.entries.iter().find(|e| e.code == code).unwrap();
        e.products
            .iter()
            .map(|&p| catalog.products[p].as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(products("InternalError"), ["cbs", "cvm"]);
    assert_eq!(products("AuthFailure"), ["cvm"]);
    assert_eq!(products("ResourceBusy.Disk"), ["cbs"]);
}

#[test]
fn a_common_list_names_only_common_codes_once_and_only_in_a_product() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cvm = format!(
        "common = [‸\"ResourceBusy.Disk\"]\n{}",
        entry("ResourceBusy.Disk", "server")
    );
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), &cvm),
        ],
        &["`ResourceBusy.Disk` is listed as a common code but codes.toml does not define it"],
    );
    let cvm = "common = [\"InternalError\", ‸\"InternalError\"]\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), cvm),
        ],
        &["already listed at products/cvm.toml:1:11"],
    );
    let cvm = "common = ‸\"InternalError\"\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), cvm),
        ],
        &["must be an array of code strings"],
    );
    let main = format!(
        "‸common = [\"InternalError\"]\n{CATEGORIES}{}",
        entry("InternalError", "server")
    );
    assert_problem(&main, &["belongs in a product catalog"]);
}

#[test]
fn a_families_file_is_checked_like_a_catalog() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let with = |families: &str| {
        [
            ("codes.toml", Kind::Common, main.clone()),
            ("families.toml", Kind::Families, families.to_owned()),
        ]
    };
    let check = |families: &str, needles: &[&str]| {
        let files = with(families);
        let files: Vec<(&str, Kind<'_>, &str)> =
            files.iter().map(|(n, k, t)| (*n, *k, t.as_str())).collect();
        assert_problem_in(&files, needles);
    };
    let family = |prefix: &str, category: &str, retry: &str| {
        format!("\n[[family]]\nprefix = {prefix}\ncategory = {category}\nretry = {retry}\n")
    };
    check(
        &family("\"A\"", "‸\"nosuch\"", "\"never\""),
        &["unknown category `nosuch` for family `A`"],
    );
    check(
        &family("\"A\"", "\"auth\"", "‸\"maybe\""),
        &["invalid retry value \"maybe\" for family `A`"],
    );
    check(
        &family("‸\"A..B\"", "\"auth\"", "\"never\""),
        &["family prefix \"A..B\""],
    );
    check(
        &format!(
            "{}{}",
            family("\"A\"", "\"auth\"", "\"never\""),
            family("‸\"A\"", "\"auth\"", "\"never\"")
        ),
        &["family `A` is already given at families.toml:3:10"],
    );
    check(
        "\n[[family]]\nprefix = \"A\"\ncategory = \"auth\"\nretry = \"never\"\n‸children = 3\n",
        &["unknown field `children` in [[family]]"],
    );
    check(
        "\n‸[[family]]\nprefix = \"A\"\n",
        &["[[family]] needs `prefix`, `category` and `retry`"],
    );
    check(
        "\n[[‸code]]\ncode = \"A\"\n",
        &["holds [[family]] tables only"],
    );
    // A sound one reaches the catalog, sorted by prefix.
    let files = with(&format!(
        "{}{}",
        family("\"B\"", "\"auth\"", "\"never\""),
        family("\"A.C\"", "\"server\"", "\"if-idempotent\"")
    ));
    let files: Vec<(&str, Kind<'_>, &str)> =
        files.iter().map(|(n, k, t)| (*n, *k, t.as_str())).collect();
    let catalog = parse_files(&files).unwrap();
    let prefixes: Vec<&str> = catalog.families.iter().map(|f| f.prefix.as_str()).collect();
    assert_eq!(prefixes, ["A.C", "B"]);
}

/// The files `build.rs` reads to build itself: it and every file it pulls
/// in with `#[path]`, followed through the modules of `build/`, as paths
/// relative to the package.
fn build_script_files() -> BTreeSet<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut todo = vec![PathBuf::from("build.rs")];
    let mut seen = BTreeSet::new();
    while let Some(file) = todo.pop() {
        if !seen.insert(file.clone()) {
            continue;
        }
        let text = std::fs::read_to_string(root.join(&file))
            .unwrap_or_else(|e| panic!("{} is included but cannot be read: {e}", file.display()));
        for line in text.lines().map(str::trim) {
            assert!(
                !line.contains("include!(") && !line.contains("include_str!(")
                    || line.starts_with("//"),
                "{} includes a file another way than #[path]: {line}",
                file.display()
            );
            let Some(target) = line
                .strip_prefix("#[path = \"")
                .and_then(|rest| rest.split('"').next())
            else {
                continue;
            };
            // A `#[path]` is relative to the directory of the file it is in.
            let mut path = file.parent().unwrap().to_path_buf();
            for part in Path::new(target).components() {
                match part {
                    std::path::Component::ParentDir => {
                        path.pop();
                    }
                    other => path.push(other),
                }
            }
            todo.push(path);
        }
    }
    seen
}

#[test]
fn the_build_script_watches_every_file_it_includes() {
    let files = build_script_files();
    assert!(files.len() >= 5, "{files:?}");
    for file in &files {
        assert!(
            BUILD_INPUTS.iter().any(|input| file.starts_with(input)),
            "build.rs includes {} but does not watch it: add it to BUILD_INPUTS in build/catalog.rs",
            file.display()
        );
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for input in BUILD_INPUTS {
        assert!(
            root.join(input).exists(),
            "BUILD_INPUTS names {input}, which is gone"
        );
    }
}

/// The names of the items at the top level of each `impl ErrorCode` block
/// of `text`: `fn name`, `const NAME`.
fn error_code_items(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth: Option<usize> = None;
    for line in text.lines().map(str::trim) {
        if line.starts_with("//") {
            continue;
        }
        if depth.is_none() {
            if line == "impl ErrorCode {" {
                depth = Some(1);
            }
            continue;
        }
        let level = depth.unwrap();
        if level == 1 {
            let mut rest = line;
            for prefix in ["pub(crate) ", "pub ", "const ", "unsafe "] {
                rest = rest.strip_prefix(prefix).unwrap_or(rest);
            }
            let named = rest
                .strip_prefix("fn ")
                .or_else(|| line.contains("const ").then_some(rest))
                .filter(|_| {
                    line.starts_with("pub") || line.starts_with("fn") || line.starts_with("const")
                });
            if let Some(named) = named {
                let name: String = named
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                items.push(name);
            }
        }
        let opened = line.matches('{').count();
        let closed = line.matches('}').count();
        let level = level + opened - closed.min(level + opened);
        depth = (level > 0).then_some(level);
    }
    items
}

#[test]
fn the_reserved_names_are_the_items_of_error_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = BTreeSet::new();
    let generated = root.join("tests/golden/catalog.rs");
    let sources = std::fs::read_dir(root.join("src"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .chain([generated]);
    for path in sources.filter(|p| p.extension().is_some_and(|e| e == "rs")) {
        found.extend(error_code_items(&std::fs::read_to_string(path).unwrap()));
    }
    let reserved: BTreeSet<String> = ERROR_CODE_ITEMS.iter().map(|s| s.to_string()).collect();
    assert!(
        found.contains("from_code") && found.contains("ALL"),
        "{found:?}"
    );
    assert_eq!(
        found, reserved,
        "ERROR_CODE_ITEMS in build/grammar.rs must list exactly the items of `impl ErrorCode`"
    );
}

#[test]
fn the_item_reader_sees_every_kind_of_item_and_nothing_nested() {
    let text = "impl ErrorCode {\n    /// doc {\n    pub const ALL: &[u8] = &[];\n    pub fn a(self) -> u8 {\n        let b = 1;\n        fn inner() {}\n        b\n    }\n    pub(crate) const fn c() {}\n    fn d() {\n    }\n}\nfn outside() {}\n";
    assert_eq!(error_code_items(text), ["ALL", "a", "c", "d"]);
}

#[test]
fn a_common_code_missing_from_codes_toml_is_reported_once_naming_its_variant() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let product = |name: &str| {
        format!(
            "common = [\"InternalError\", \"Gone.Away\"]\n{}",
            entry(&format!("{name}.Own"), "auth")
        )
    };
    let (cbs, cvm, vpc) = (product("Cbs"), product("Cvm"), product("Vpc"));
    let found = problems_in(&[
        ("codes.toml", Kind::Common, &main),
        ("products/cbs.toml", Kind::Product("cbs"), &cbs),
        ("products/cvm.toml", Kind::Product("cvm"), &cvm),
        ("products/vpc.toml", Kind::Product("vpc"), &vpc),
    ]);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].to_string(),
        "products/cbs.toml:1:28: `Gone.Away` is listed as a common code (as do 2 other product catalogs) but codes.toml does not define it. If it was removed from codes.toml, restore it: a published code, like its variant `ErrorCode::GoneAway`, is never removed (mark it retired = true instead). Otherwise remove it here: `common` lists only common codes, and a product's own codes are [[code]] entries"
    );
}

#[test]
fn a_category_may_be_a_table_saying_it_is_a_rate_limit() {
    let text = format!(
        "[categories]\nbusy = {{ description = \"Too fast.\", rate_limit = true }}\nslow = {{ description = \"Too slow.\" }}\nplain = \"Plain.\"\n{}{}{}",
        entry("A", "busy"),
        entry("B", "slow"),
        entry("C", "plain")
    );
    let catalog = parse(&text).unwrap();
    let shown: Vec<(&str, &str, bool)> = catalog
        .categories
        .iter()
        .map(|c| (c.name.as_str(), c.description.as_str(), c.rate_limit))
        .collect();
    assert_eq!(
        shown,
        [
            ("busy", "Too fast.", true),
            ("slow", "Too slow.", false),
            ("plain", "Plain.", false)
        ]
    );
}

#[test]
fn a_category_table_with_a_wrong_field_is_an_error() {
    let text = format!(
        "[categories]\nbusy = {{ description = \"Too fast.\", ‸ratelimit = true }}\n{}",
        entry("A", "busy")
    );
    assert_problem(
        &text,
        &[
            "unknown field `ratelimit` of category `busy`",
            "`rate_limit`",
        ],
    );
    let text = format!(
        "[categories]\nbusy = {{ description = \"Too fast.\", rate_limit = ‸\"yes\" }}\n{}",
        entry("A", "busy")
    );
    assert_problem(
        &text,
        &["field `rate_limit` of category `busy` must be true or false"],
    );
    let text = format!(
        "[categories]\nbusy = {{ rate_limit = true }}\n{}",
        entry("A", "busy")
    );
    let found = problems(&text);
    assert!(
        found[0]
            .to_string()
            .starts_with("codes.toml:2:8: category `busy` has no `description`"),
        "{found:#?}"
    );
}

#[test]
fn two_extra_files_repeating_one_product_code_are_a_duplicate() {
    // As without the product: the team's own files define the code twice.
    let main = format!("{CATEGORIES}{}", entry("InternalError", "server"));
    let cvm = entry("InvalidInstance", "auth");
    let mine = entry("InvalidInstance", "auth");
    let theirs =
        "\n[[code]]\ncode = ‸\"InvalidInstance\"\ndescription = \"Theirs.\"\ncategory = \"auth\"\n";
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("products/cvm.toml", Kind::Product("cvm"), &cvm),
            ("/abs/mine.toml", Kind::Extra, &mine),
            ("/abs/theirs.toml", Kind::Extra, theirs),
        ],
        &["duplicate code `InvalidInstance`: already defined at /abs/mine.toml:3:8"],
    );
    // Without the product, the same files give the same error.
    assert_problem_in(
        &[
            ("codes.toml", Kind::Common, &main),
            ("/abs/mine.toml", Kind::Extra, &mine),
            ("/abs/theirs.toml", Kind::Extra, theirs),
        ],
        &["duplicate code `InvalidInstance`: already defined at /abs/mine.toml:3:8"],
    );
}
