//! End to end through cargo: a copy of this crate with an edited
//! `codes.toml`, built as the dependency of a small program, as a user's
//! crate would build it.
//!
//! The builds share one target directory under cargo's test scratch space,
//! so only the first run compiles the dependencies. Each consumer has a
//! name of its own: tests run in parallel, and two consumers of one name
//! would overwrite each other's binary between `cargo run`'s build and its
//! run.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const EXTRA_VAR: &str = "TENCENTCLOUD_ERROR_CODES_EXTRA";

/// A copy of the crate and a consumer program that prints what `lookup`
/// says of its argument.
struct Workspace {
    dir: tempfile::TempDir,
    /// The consumer package's name, unique among the tests.
    app: String,
}

/// Numbers the consumers, so that no two share a binary.
static CONSUMERS: AtomicUsize = AtomicUsize::new(0);

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        for file in ["Cargo.toml", "build.rs", "codes.toml", "families.toml"] {
            copy(Path::new(MANIFEST_DIR).join(file), lib.join(file));
        }
        for folder in ["benches", "build", "products", "src"] {
            for entry in std::fs::read_dir(Path::new(MANIFEST_DIR).join(folder)).unwrap() {
                let path = entry.unwrap().path();
                copy(&path, lib.join(folder).join(path.file_name().unwrap()));
            }
        }
        let name = format!("app{}", CONSUMERS.fetch_add(1, Ordering::Relaxed));
        let app = dir.path().join("app");
        write(
            app.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
                 [dependencies]\ntencentcloud-error-codes = {{ path = \"../lib\" }}\n\n[workspace]\n"
            ),
        );
        write(
            app.join("src/main.rs"),
            r#"fn main() {
    let input = std::env::args().nth(1).unwrap();
    match tencentcloud_error_codes::lookup(&input) {
        Some(code) => println!(
            "{}|{}|{}|{:?}|{:?}",
            code.as_str(),
            code.category(),
            code.retry(),
            code.parent(),
            code.description()
        ),
        None => println!("not found"),
    }
}
"#,
        );
        // The repository's lock file pins the versions already downloaded.
        copy(
            Path::new(MANIFEST_DIR).join("Cargo.lock"),
            app.join("Cargo.lock"),
        );
        Workspace { dir, app: name }
    }

    /// The consumer depends on the crate with these features, and its
    /// `main.rs` is `main`.
    fn set_consumer(&self, features: &[&str], main: &str) {
        let app = self.dir.path().join("app");
        write(
            app.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n\
                 [dependencies]\ntencentcloud-error-codes = {{ path = \"../lib\", features = {features:?} }}\n\n[workspace]\n",
                self.app
            ),
        );
        write(app.join("src/main.rs"), main);
    }

    fn codes_toml(&self) -> PathBuf {
        self.dir.path().join("lib/codes.toml")
    }

    fn append_to_codes_toml(&self, text: &str) {
        let mut codes = std::fs::read_to_string(self.codes_toml()).unwrap();
        codes.push_str(text);
        write(self.codes_toml(), &codes);
    }

    /// A file beside the copied crate, for extra catalogs.
    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Cargo in the consumer's directory, with `extra` as the value of
    /// `TENCENTCLOUD_ERROR_CODES_EXTRA` (unset when `None`).
    fn cargo(&self, args: &[&str], extra: Option<&OsStr>) -> Output {
        let mut command = Command::new(env!("CARGO"));
        command
            .args(args)
            .args(["--offline", "--quiet"])
            .current_dir(self.dir.path().join("app"))
            .env(
                "CARGO_TARGET_DIR",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-target"),
            )
            .env_remove("RUSTFLAGS");
        match extra {
            Some(value) => command.env(EXTRA_VAR, value),
            None => command.env_remove(EXTRA_VAR),
        };
        command.output().unwrap()
    }

    /// What the consumer prints for `code`, after building it.
    fn lookup(&self, code: &str) -> String {
        self.lookup_with(code, None)
    }

    fn lookup_with(&self, code: &str, extra: Option<&OsStr>) -> String {
        let output = self.cargo(&["run", "--", code], extra);
        assert!(
            output.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout)
            .unwrap()
            .trim_end()
            .to_owned()
    }
}

fn copy(from: impl AsRef<Path>, to: impl AsRef<Path>) {
    std::fs::create_dir_all(to.as_ref().parent().unwrap()).unwrap();
    std::fs::copy(from.as_ref(), to.as_ref()).unwrap();
}

fn write(path: impl AsRef<Path>, text: &str) {
    std::fs::create_dir_all(path.as_ref().parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn a_code_added_to_codes_toml_is_found_after_a_build_and_a_rebuild() {
    let workspace = Workspace::new();
    workspace.append_to_codes_toml(
        r##"
[[code]]
code = "InvalidParameterValue.InvalidInstanceId"
description = """The instance ID is malformed: "ins-" then 8 characters.
Quotes ", backslash \\, a raw-string end "#, a [link], <html>, `code`,
    an indented line, 中文 and 🚀."""
category = "request"
"##,
    );
    assert_eq!(
        workspace.lookup("InvalidParameterValue.InvalidInstanceId"),
        concat!(
            "InvalidParameterValue.InvalidInstanceId|request|never|Some(InvalidParameterValue)|",
            r##""The instance ID is malformed: \"ins-\" then 8 characters.\nQuotes \", backslash \\, a raw-string end \"#, a [link], <html>, `code`,\n    an indented line, 中文 and 🚀.""##
        )
    );

    // Editing codes.toml again rebuilds the catalog.
    workspace.append_to_codes_toml(
        "\n[[code]]\ncode = \"ResourceUnavailable.Attached\"\ndescription = \"The disk is attached.\"\ncategory = \"resource\"\nretry = \"safe\"\n",
    );
    assert_eq!(
        workspace.lookup("ResourceUnavailable.Attached"),
        r#"ResourceUnavailable.Attached|resource|safe|Some(ResourceUnavailable)|"The disk is attached.""#
    );
    assert!(
        workspace
            .lookup("InvalidParameterValue.InvalidInstanceId")
            .starts_with("InvalidParameterValue.")
    );
}

#[test]
fn a_broken_codes_toml_stops_the_build_naming_file_line_and_fix() {
    let workspace = Workspace::new();
    let lines_before = std::fs::read_to_string(workspace.codes_toml())
        .unwrap()
        .lines()
        .count();
    workspace.append_to_codes_toml(
        "\n[[code]]\ncode = \"Broken.Code\"\ndescription = \"Broken.\"\ncategory = \"no_such_category\"\n\n[[code]]\ncode = \"InternalError\"\ndescription = \"Again.\"\ncategory = \"server\"\n",
    );
    let output = workspace.cargo(&["build"], None);
    assert!(!output.status.success(), "the build should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let category_line = lines_before + 5;
    let duplicate_line = lines_before + 8;
    for expected in [
        format!("codes.toml:{category_line}:12: unknown category `no_such_category`"),
        format!("use one of {}, or define another", {
            let mut names: Vec<&str> = tencentcloud_error_codes::Category::ALL
                .iter()
                .map(|c| c.as_str())
                .collect();
            names.sort_unstable();
            names.join(", ")
        }),
        format!(
            "codes.toml:{duplicate_line}:8: duplicate code `InternalError`: already defined at codes.toml:"
        ),
    ] {
        assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn codes_from_extra_files_are_found_and_an_edit_rebuilds() {
    let workspace = Workspace::new();
    let cvm = workspace.path("cvm.toml");
    copy(Path::new(MANIFEST_DIR).join("extra/cvm.toml"), &cvm);
    let second = workspace.path("second.toml");
    write(
        &second,
        "[[code]]\ncode = \"FailedOperation.Mine\"\ndescription = \"Mine failed.\"\ncategory = \"operation\"\n",
    );
    let extra = std::env::join_paths([&cvm, &second]).unwrap();
    let extra = Some(extra.as_os_str());

    assert_eq!(
        workspace.lookup_with("LimitExceeded.InstanceQuota", extra),
        r#"LimitExceeded.InstanceQuota|quota|never|Some(LimitExceeded)|"The number of instances would exceed the account's quota.""#
    );
    assert_eq!(
        workspace.lookup_with("AccountQualificationRestrictions", extra),
        r#"AccountQualificationRestrictions|account|never|None|"The account is not qualified to make this request.""#
    );
    assert_eq!(
        workspace.lookup_with("FailedOperation.Mine", extra),
        r#"FailedOperation.Mine|operation|never|Some(FailedOperation)|"Mine failed.""#
    );

    // Editing an extra file rebuilds the catalog.
    let mut text = std::fs::read_to_string(&second).unwrap();
    text.push_str("\n[[code]]\ncode = \"FailedOperation.Yours\"\ndescription = \"Yours failed.\"\ncategory = \"operation\"\n");
    write(&second, &text);
    assert!(
        workspace
            .lookup_with("FailedOperation.Yours", extra)
            .starts_with("FailedOperation.Yours|operation|")
    );

    // Without the variable, the shipped catalog alone.
    assert_eq!(workspace.lookup("LimitExceeded.InstanceQuota"), "not found");
}

#[test]
fn a_missing_or_relative_extra_file_stops_the_build() {
    let workspace = Workspace::new();
    let missing = workspace.path("missing.toml");
    let output = workspace.cargo(&["build"], Some(missing.as_os_str()));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!("cannot read {}, named in {EXTRA_VAR}: ", missing.display());
    assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");

    let output = workspace.cargo(&["build"], Some(OsStr::new("extra/cvm.toml")));
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "{EXTRA_VAR} names the relative path \"extra/cvm.toml\""
        )),
        "{stderr}"
    );

    // A broken extra file names itself, not codes.toml.
    let broken = workspace.path("broken.toml");
    write(
        &broken,
        "[[code]]\ncode = \"InternalError\"\ndescription = \"Again.\"\ncategory = \"server\"\n",
    );
    let output = workspace.cargo(&["build"], Some(broken.as_os_str()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let expected = format!(
        "{}:2:8: duplicate code `InternalError`: already defined at codes.toml:",
        broken.display()
    );
    assert!(stderr.contains(&expected), "{expected:?} not in:\n{stderr}");
}

/// `(code, variant)` of each `[[code]]` of `products/<product>.toml`.
fn product_codes(product: &str) -> Vec<(String, String)> {
    let path = Path::new(MANIFEST_DIR).join(format!("products/{product}.toml"));
    let table: toml::Table = std::fs::read_to_string(path).unwrap().parse().unwrap();
    table["code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| {
            let code = entry["code"].as_str().unwrap().to_owned();
            let variant = entry
                .get("variant")
                .and_then(|v| v.as_str())
                .map_or_else(|| code.replace('.', ""), str::to_owned);
            (code, variant)
        })
        .collect()
}

#[test]
fn a_product_feature_adds_its_codes_by_string_and_by_variant_and_no_others() {
    let cvm = product_codes("cvm");
    let cbs = product_codes("cbs");
    let only = |of: &[(String, String)], not: &[(String, String)]| {
        of.iter().find(|e| !not.contains(e)).unwrap().clone()
    };
    let (cvm_only, cbs_only) = (only(&cvm, &cbs), only(&cbs, &cvm));
    let shared = cvm.iter().find(|e| cbs.contains(e)).unwrap().clone();
    let workspace = Workspace::new();
    let program = |own: &(String, String)| {
        format!(
            r#"use tencentcloud_error_codes::{{ErrorCode, lookup}};
fn main() {{
    // By variant: these two only compile when the feature is on.
    for code in [ErrorCode::{}, ErrorCode::{}] {{
        println!("{{}}={{code:?}}={{:?}}", code.as_str(), code.products());
    }}
    for input in std::env::args().skip(1) {{
        println!("{{input}}: {{:?}}", lookup(&input));
    }}
}}
"#,
            own.1, shared.1
        )
    };
    let args = [cvm_only.0.as_str(), cbs_only.0.as_str(), shared.0.as_str()];
    let run = |feature: &str, own: &(String, String)| {
        workspace.set_consumer(&[feature], &program(own));
        let mut command = vec!["run", "--"];
        command.extend(args);
        let output = workspace.cargo(&command, None);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let with_cvm = run("cvm", &cvm_only);
    let with_cbs = run("cbs", &cbs_only);
    let (c, s) = (&cvm_only, &shared);
    assert!(
        with_cvm.contains(&format!("{}={}=[\"cvm\"]\n", c.0, c.1)),
        "{with_cvm}"
    );
    assert!(
        with_cvm.contains(&format!("{}: Some({})\n", c.0, c.1)),
        "{with_cvm}"
    );
    assert!(
        with_cvm.contains(&format!("{}: None\n", cbs_only.0)),
        "{with_cvm}"
    );
    assert!(
        with_cbs.contains(&format!("{}: Some({})\n", cbs_only.0, cbs_only.1)),
        "{with_cbs}"
    );
    assert!(with_cbs.contains(&format!("{}: None\n", c.0)), "{with_cbs}");
    // The shared code has the same variant in both builds.
    for output in [&with_cvm, &with_cbs] {
        assert!(
            output.contains(&format!("{}: Some({})\n", s.0, s.1)),
            "{output}"
        );
    }
}

/// Cargo unifies features across a build: a team's extra file that repeats
/// codes of `cvm` must keep building the day some other crate in the tree
/// turns `cvm` on, and the team's entries must stay the ones it wrote.
#[test]
fn an_extra_file_repeating_product_codes_builds_with_and_without_the_product() {
    let workspace = Workspace::new();
    let extra_file = workspace.path("cvm.toml");
    copy(Path::new(MANIFEST_DIR).join("extra/cvm.toml"), &extra_file);
    let extra = Some(extra_file.as_os_str());
    let main = r#"fn main() {
    let input = std::env::args().nth(1).unwrap();
    let code = tencentcloud_error_codes::lookup(&input).unwrap();
    println!("{}|{}|{}|{:?}", code.as_str(), code.category(), code.description(), code.products());
}
"#;
    let expected = |products: &str| {
        format!(
            "LimitExceeded.InstanceQuota|quota|The number of instances would exceed the account's quota.|{products}"
        )
    };
    for (features, products) in [(&[][..], "[]"), (&["cvm"][..], "[\"cvm\"]")] {
        workspace.set_consumer(features, main);
        let output = workspace.cargo(&["run", "--", "LimitExceeded.InstanceQuota"], extra);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "features {features:?}:\n{stderr}");
        assert_eq!(
            String::from_utf8(output.stdout).unwrap().trim_end(),
            expected(products),
            "features {features:?}: the extra file's entry wins"
        );
        if !features.is_empty() {
            assert!(
                stderr.contains("is also defined at products/cvm.toml:")
                    && stderr.contains("this file's entry replaces it"),
                "the build says which entry it kept:\n{stderr}"
            );
        }
    }
}
