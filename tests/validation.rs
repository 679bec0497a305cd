//! Every rule of `build/catalog.rs`, one test each, run on the validator
//! itself (the module `build.rs` uses) without running cargo.

#[path = "../build/catalog.rs"]
mod catalog;
#[path = "../build/codegen.rs"]
mod codegen;

use catalog::{Catalog, Diagnostic, Retry, Source};

const CATEGORIES: &str = "[categories]\nauth = \"Credentials rejected.\"\n";
const WITH_SERVER: &str =
    "[categories]\nauth = \"Credentials rejected.\"\nserver = \"Service fault.\"\n";

fn parse(text: &str) -> Result<Catalog, Vec<Diagnostic>> {
    Catalog::parse(&[Source {
        name: "codes.toml",
        text,
    }])
}

/// `main` as `codes.toml`, then `extra` as an extra file named `extra_name`.
fn parse_with_extra(main: &str, extra_name: &str, extra: &str) -> Result<Catalog, Vec<Diagnostic>> {
    Catalog::parse(&[
        Source {
            name: "codes.toml",
            text: main,
        },
        Source {
            name: extra_name,
            text: extra,
        },
    ])
}

/// The problems found in `text`, which must have some.
fn problems(text: &str) -> Vec<Diagnostic> {
    match parse(text) {
        Ok(catalog) => panic!(
            "expected problems, got a catalog of {} codes",
            catalog.entries.len()
        ),
        Err(problems) => problems,
    }
}

/// The one problem found in `text`: at `line`:`column`, its message holding
/// every string of `needles`.
fn assert_problem(text: &str, line: usize, column: usize, needles: &[&str]) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "expected one problem, got {found:#?}");
    let problem = &found[0];
    assert_eq!(
        (problem.file.as_str(), problem.line, problem.column),
        ("codes.toml", line, column),
        "wrong place for: {problem}"
    );
    let text = problem.to_string();
    assert!(
        text.starts_with(&format!("codes.toml:{line}:{column}: ")),
        "message does not start with its place: {text}"
    );
    for needle in needles {
        assert!(
            text.contains(needle),
            "{text:?} does not mention {needle:?}"
        );
    }
}

fn entry(code: &str, category: &str) -> String {
    format!(
        "\n[[code]]\ncode = {code:?}\ndescription = \"Something failed.\"\ncategory = {category:?}\n"
    )
}

#[test]
fn a_valid_file_parses_in_declared_order() {
    let text = format!(
        "{WITH_SERVER}{}{}\n[[code]]\ncode = \"InternalError\"\ndescription = \"Internal error.\"\ncategory = \"server\"\nretry = \"if-idempotent\"\n",
        entry("B", "auth"),
        entry("A", "auth")
    );
    let catalog = parse(&text).unwrap();
    let codes: Vec<&str> = catalog.entries.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(codes, ["B", "A", "InternalError"]);
    let names: Vec<&str> = catalog.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["auth", "server"]);
    assert_eq!(catalog.entries[0].retry, Retry::Never);
    assert_eq!(catalog.entries[2].retry, Retry::IfIdempotent);
    assert_eq!(catalog.entries[2].category, 1);
}

#[test]
fn the_shipped_codes_toml_is_valid() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/codes.toml")).unwrap();
    let catalog = parse(&text).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(catalog.entries.len(), 38);
}

#[test]
fn malformed_toml_names_the_line() {
    let text = format!("{CATEGORIES}\n[[code]]\ncode = \"Unterminated\n");
    assert_problem(&text, 5, 21, &["malformed catalog file"]);
}

#[test]
fn a_missing_field_names_the_entry_header() {
    let text = format!("{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = \"Failed.\"\n");
    assert_problem(
        &text,
        4,
        1,
        &["`A`", "missing", "`category`", "category = "],
    );
}

#[test]
fn all_missing_fields_are_named_at_once() {
    let text = format!("{CATEGORIES}\n[[code]]\ncode = \"A\"\n");
    assert_problem(&text, 4, 1, &["fields `description`, `category`"]);
}

#[test]
fn a_misspelt_field_is_not_ignored() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescripton = \"Failed.\"\ndescription = \"Failed.\"\ncategory = \"auth\"\n"
    );
    assert_problem(
        &text,
        6,
        1,
        &["unknown field `descripton`", "`description`"],
    );
}

#[test]
fn a_misspelt_field_with_the_real_one_absent_reports_both() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescripton = \"Failed.\"\ncategory = \"auth\"\n"
    );
    let found = problems(&text);
    let lines: Vec<usize> = found.iter().map(|p| p.line).collect();
    assert_eq!(lines, [4, 6], "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("missing the required field `description`")
    );
}

#[test]
fn an_unknown_top_level_table_is_an_error() {
    let text = format!("{CATEGORIES}\n[categroies]\nx = \"y\"\n");
    assert_problem(&text, 4, 2, &["categroies"]);
}

#[test]
fn a_field_of_the_wrong_type_is_an_error() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = 42\ndescription = \"Failed.\"\ncategory = \"auth\"\n"
    );
    assert_problem(&text, 5, 8, &["`code` must be a string", "integer"]);
}

#[test]
fn an_empty_code_is_an_error() {
    assert_problem(
        &format!("{CATEGORIES}{}", entry("", "auth")),
        5,
        8,
        &["code is empty"],
    );
}

#[test]
fn an_empty_description_is_an_error() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = \"  \"\ncategory = \"auth\"\n"
    );
    assert_problem(&text, 6, 15, &["description of `A` is empty"]);
}

#[test]
fn a_code_that_is_not_dotted_identifiers_is_an_error() {
    for bad in [
        "Foo Bar", "1Abc", "A..B", "A.", ".A", "A-B", "A_B", "Ä", "A.1B", " A", "A\n",
    ] {
        let text = format!("{CATEGORIES}{}", entry(bad, "auth"));
        assert_problem(
            &text,
            5,
            8,
            &["not dot-separated ASCII identifiers", &format!("{bad:?}")],
        );
    }
}

#[test]
fn codes_of_every_valid_shape_are_accepted() {
    let text = format!(
        "{CATEGORIES}{}{}{}{}",
        entry("A", "auth"),
        entry("a1.B2.c3", "auth"),
        entry("InvalidParameterValue.InvalidInstanceId", "auth"),
        entry("Z.Y.X.W", "auth")
    );
    let catalog = parse(&text).unwrap();
    assert_eq!(catalog.entries[1].variant, "a1B2c3");
}

#[test]
fn a_duplicate_code_names_both_lines() {
    let text = format!(
        "{CATEGORIES}{}{}",
        entry("A.B", "auth"),
        entry("A.B", "auth")
    );
    assert_problem(&text, 10, 8, &["duplicate code `A.B`", "codes.toml:5:8"]);
}

#[test]
fn codes_that_make_the_same_variant_name_both_lines() {
    let text = format!(
        "{CATEGORIES}{}{}",
        entry("Ab.C", "auth"),
        entry("A.bC", "auth")
    );
    assert_problem(
        &text,
        10,
        8,
        &["ErrorCode::AbC", "`Ab.C`", "codes.toml:5:8"],
    );
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
    ] {
        let text = format!("{CATEGORIES}{}", entry(reserved, "auth"));
        assert_problem(
            &text,
            5,
            8,
            &[&format!("ErrorCode::{reserved}`"), "reserves"],
        );
    }
    // Dots are removed before the check.
    let text = format!("{CATEGORIES}{}", entry("AL.L", "auth"));
    assert_problem(&text, 5, 8, &["ErrorCode::ALL`"]);
}

#[test]
fn an_unknown_category_lists_the_known_ones() {
    let text = format!("{WITH_SERVER}{}", entry("A", "network"));
    assert_problem(
        &text,
        8,
        12,
        &["unknown category `network`", "auth, server"],
    );
}

#[test]
fn a_category_name_that_is_not_a_lowercase_identifier_is_an_error() {
    for bad in ["Auth", "rate-limit", "1x", "_x", "x y", "é"] {
        let text = format!(
            "[categories]\n{bad:?} = \"Something.\"\n{}",
            entry("A", bad)
        );
        let found = problems(&text);
        assert_eq!((found[0].line, found[0].column), (2, 1), "{found:#?}");
        assert!(
            found[0].message.contains("not a lowercase identifier"),
            "{found:#?}"
        );
    }
}

#[test]
fn a_category_named_self_is_an_error() {
    let text = format!("[categories]\nself = \"Me.\"\n{}", entry("A", "self"));
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].column), (2, 1));
    assert!(found[0].message.contains("Category::Self"), "{found:#?}");
}

#[test]
fn categories_that_make_the_same_variant_are_an_error() {
    let text = format!(
        "[categories]\na1 = \"One.\"\na_1 = \"Also one.\"\n{}",
        entry("A", "a1")
    );
    assert_problem(&text, 3, 1, &["Category::A1", "`a1`", "codes.toml:2:1"]);
}

#[test]
fn a_category_without_a_string_description_is_an_error() {
    let text = format!("[categories]\nauth = 1\n{}", entry("A", "auth"));
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].column), (2, 8), "{found:#?}");
    assert!(found[0].message.contains("must be described by a string"));
}

#[test]
fn an_unused_category_is_an_error() {
    let text = format!("{WITH_SERVER}{}", entry("A", "auth"));
    assert_problem(
        &text,
        3,
        1,
        &["category `server` is defined but no code uses it"],
    );
}

#[test]
fn an_invalid_retry_value_is_an_error() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"A\"\ndescription = \"Failed.\"\ncategory = \"auth\"\nretry = \"sometimes\"\n"
    );
    assert_problem(
        &text,
        8,
        9,
        &["invalid retry value \"sometimes\"", "\"if-idempotent\""],
    );
}

#[test]
fn an_empty_catalog_is_an_error() {
    assert_problem("", 1, 1, &["no [[code]] entries"]);
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let text = format!(
        "{WITH_SERVER}{}{}{}",
        entry("Bad Code", "auth"),
        entry("Good", "nope"),
        entry("Fine", "server")
    );
    let lines: Vec<usize> = problems(&text).iter().map(|p| p.line).collect();
    assert_eq!(lines, [6, 13]);
}

#[test]
fn columns_count_characters_not_bytes() {
    let text = format!("{CATEGORIES}\n[[code]]\ndescription = \"Échec.\" ; code = \"x\"\n");
    // Not valid TOML after the description: the column is in characters.
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].column), (5, 24), "{found:#?}");
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
    let text = format!(
        "{WITH_SERVER}{}{}{}{}",
        entry("A", "auth"),
        entry("A.B.C", "auth"),
        entry("A.B", "auth"),
        entry("AB.D", "server")
    );
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
fn retry_spellings_match_the_runtime_type() {
    let build: Vec<&str> = Retry::ALL.iter().map(|r| r.spelling()).collect();
    let runtime: Vec<&str> = tencentcloud_error_codes::Retry::ALL
        .iter()
        .map(|r| r.as_str())
        .collect();
    assert_eq!(build, runtime);
    for r in Retry::ALL {
        let runtime: tencentcloud_error_codes::Retry = r.spelling().parse().unwrap();
        assert_eq!(format!("{runtime:?}"), r.variant());
    }
}

#[test]
fn generation_is_deterministic_and_carries_every_code() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/codes.toml")).unwrap();
    let catalog = parse(&text).unwrap();
    let first = codegen::generate(&catalog);
    let second = codegen::generate(&parse(&text).unwrap());
    assert_eq!(first, second);
    for entry in &catalog.entries {
        assert!(
            first.contains(&format!("{:?}", entry.code)),
            "{} missing",
            entry.code
        );
        assert!(first.contains(&format!("    {},\n", entry.variant)));
    }
    assert!(first.contains("#[repr(u16)]"));
}

#[test]
fn doc_escaping_neutralises_markdown_and_forbidden_characters() {
    assert_eq!(codegen::escape_doc("Signature error."), "Signature error.");
    assert_eq!(
        codegen::escape_doc("Use [Param] or <b>x</b> `y` *z* a_b"),
        "Use \\[Param\\] or \\<b\\>x\\</b\\> \\`y\\` \\*z\\* a\\_b"
    );
    // Continuation lines: no indented code block, heading, list or fence.
    assert_eq!(
        codegen::escape_doc("a\n    code\n# h\n- item\n12. n\n```"),
        "a\ncode\n\\# h\n\\- item\n12\\. n\n\\`\\`\\`"
    );
    // Characters rustc rejects in comments.
    assert_eq!(codegen::escape_doc("a\rb\u{202E}c"), "a\\u{d}b\\u{202e}c");
}

#[test]
fn an_incomplete_entry_still_has_its_other_fields_checked() {
    let text = format!(
        "{CATEGORIES}\n[[code]]\ncode = \"Broken Code\"\ndescripton = \"x\"\ncategory = \"network\"\nretry = \"maybe\"\n"
    );
    let found: Vec<(usize, String)> = problems(&text)
        .into_iter()
        .map(|p| (p.line, p.message))
        .collect();
    let lines: Vec<usize> = found.iter().map(|(line, _)| *line).collect();
    assert_eq!(lines, [4, 5, 6, 7, 8], "{found:#?}");
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
    let extra = "[categories]\naccount = \"Account problems.\"\n\n[[code]]\ncode = \"Z.Extra\"\ndescription = \"Extra.\"\ncategory = \"account\"\n\n[[code]]\ncode = \"A.Extra\"\ndescription = \"Extra.\"\ncategory = \"auth\"\n";
    let main = format!("{CATEGORIES}{}", entry("M", "auth"));
    let catalog = parse_with_extra(&main, "/abs/extra.toml", extra).unwrap();
    let codes: Vec<&str> = catalog.entries.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["M", "Z.Extra", "A.Extra"],
        "declared order, files in the order given"
    );
    let names: Vec<&str> = catalog.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["auth", "account"]);
}

#[test]
fn problems_in_an_extra_file_name_that_file() {
    let main = format!("{CATEGORIES}{}", entry("InternalError", "auth"));
    let extra = format!(
        "{}{}",
        entry("Extra", "nope"),
        entry("InternalError", "auth")
    );
    let found = parse_with_extra(&main, "/abs/extra.toml", &extra).unwrap_err();
    let shown: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 2, "{shown:#?}");
    assert!(
        shown[0].starts_with("/abs/extra.toml:5:12: unknown category `nope`"),
        "{shown:#?}"
    );
    assert!(
        shown[1].starts_with(
            "/abs/extra.toml:8:8: duplicate code `InternalError`: already defined at codes.toml:5:8"
        ),
        "{shown:#?}"
    );
}

#[test]
fn a_category_defined_in_two_files_names_both() {
    let main = format!("{CATEGORIES}{}", entry("A", "auth"));
    let extra = format!("[categories]\nauth = \"Again.\"\n{}", entry("B", "auth"));
    let found = parse_with_extra(&main, "/abs/extra.toml", &extra).unwrap_err();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].to_string(),
        "/abs/extra.toml:2:1: category `auth` is already defined at codes.toml:2:1; keep one definition"
    );
}

#[test]
fn the_example_extra_file_is_a_valid_extension() {
    let read = |path: &str| {
        std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    };
    let (main, cvm) = (read("codes.toml"), read("extra/cvm.toml"));
    let catalog =
        parse_with_extra(&main, "extra/cvm.toml", &cvm).unwrap_or_else(|p| panic!("{p:#?}"));
    let added = catalog.entries.len() - 38;
    assert!(added >= 20, "only {added} CVM codes");
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
