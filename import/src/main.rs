//! The import tool; see CONTRIBUTING.md, "Keeping the catalog current".
//!
//! ```text
//! import                                   rewrite products/*.toml and the features from data/codes.tsv
//! import --check                           exit 1 if they are not what the import writes
//! import --explain CODE...                 each code's tags, advice and the rule that decided
//! import --tags                            the tags of each line of standard input, for
//!                                          reviewing a change to the tag patterns
//! import --to-review                       every current code nobody has reviewed, with
//!                                          the rules' guess: the review's work list
//! import --agreement                       how often the rules guess what the review
//!                                          decided, and where they guess `safe` wrongly
//! import refresh --python-sdk WHEEL_OR_DIR... [--go-sdk DIR...]
//!                                          read the SDKs, rewrite data/codes.tsv, then the
//!                                          catalogs, and add an entry to CHANGELOG.md
//! ```

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tencentcloud_error_codes_import::refresh::{self, Changes};
use tencentcloud_error_codes_import::{
    Output, advice_by_code, code_facts, common_codes, data, read_reviewed, render, render_whole,
    review::Verdict, sdk, stale_products, tags,
};

const USAGE: &str = "usage: import [--check | --explain CODE... | --tags | --to-review | --agreement | refresh --python-sdk WHEEL_OR_DIR... [--go-sdk DIR...]]";

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        None => write_catalogs(&root, false),
        Some("--check") if args.len() == 1 => write_catalogs(&root, true),
        Some("--explain") => explain(&root, &args[1..]),
        Some("--tags") if args.len() == 1 => tag_lines(),
        Some("--to-review") if args.len() == 1 => to_review(&root),
        Some("--agreement") if args.len() == 1 => show_agreement(&root),
        Some("refresh") => refresh_command(&root, &args[1..]),
        Some(_) => Err(format!("{USAGE}\nunknown arguments {:?}", &args[..])),
    };
    // A usage error and a failure both exit 2; exit 1 is `--check`'s "stale".
    result.unwrap_or_else(|message| {
        eprintln!("import: {message}");
        ExitCode::from(2)
    })
}

fn read_rows(root: &Path) -> Result<Vec<data::Row>, String> {
    let text = std::fs::read_to_string(root.join("data/codes.tsv"))
        .map_err(|e| format!("cannot read data/codes.tsv: {e}"))?;
    data::read(&text)
}

fn read_codes_toml(root: &Path) -> Result<String, String> {
    std::fs::read_to_string(root.join("codes.toml"))
        .map_err(|e| format!("cannot read codes.toml: {e}"))
}

/// Each code's review, if any, and what the rules guess, side by side.
fn explain(root: &Path, codes: &[String]) -> Result<ExitCode, String> {
    let rows = read_rows(root)?;
    let facts = code_facts(&rows);
    let reviewed = read_reviewed(root, &read_codes_toml(root)?)?;
    for code in codes {
        let f = facts.get(code.as_str()).cloned().unwrap_or_default();
        let guess = tencentcloud_error_codes_import::advice::advise(code, f.tags);
        let tags = f.tags.to_string();
        let review = match reviewed.get(code) {
            Some(v) => format!(
                "reviewed: {}/{} ({}; {} reads)\t",
                v.category, v.retry, v.reason, v.reads
            ),
            None => "not reviewed\t".to_owned(),
        };
        println!(
            "{code}\t{review}guess: {}/{}\trule: {}\ttags: {}{}",
            guess.category,
            guess.retry,
            guess.rule,
            if tags.is_empty() { "-" } else { &tags },
            if f.retired { "\tretired" } else { "" }
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The rules against the review: agreement, the confusion of retry
/// classes, and every code the rules would wrongly call `safe`.
fn show_agreement(root: &Path) -> Result<ExitCode, String> {
    let rows = read_rows(root)?;
    let facts = code_facts(&rows);
    let reviewed = read_reviewed(root, &read_codes_toml(root)?)?;
    let measured = tencentcloud_error_codes_import::agreement(&facts, &reviewed);
    println!(
        "{} reviewed codes: retry agrees on {} ({:.1}%), category on {} ({:.1}%)",
        measured.codes,
        measured.retry,
        100.0 * measured.retry_share(),
        measured.category,
        100.0 * measured.category as f64 / measured.codes.max(1) as f64
    );
    println!("reviewed -> guessed: codes");
    for ((reviewed, guessed), n) in &measured.confusion {
        println!("  {reviewed} -> {guessed}: {n}");
    }
    println!(
        "guessed safe, reviewed otherwise: {}",
        measured.wrongly_safe.len()
    );
    for code in &measured.wrongly_safe {
        println!("  {code}");
    }
    Ok(ExitCode::SUCCESS)
}

/// Every current product code without a review, with its guess.
fn to_review(root: &Path) -> Result<ExitCode, String> {
    let rows = read_rows(root)?;
    let facts = code_facts(&rows);
    let codes_toml = read_codes_toml(root)?;
    let reviewed = read_reviewed(root, &codes_toml)?;
    let advice = advice_by_code(&facts, &reviewed);
    let common = common_codes(&codes_toml)?;
    for (code, decision) in &advice {
        if !decision.reviewed && !facts[code].retired && !common.contains(*code) {
            println!(
                "{code}\t{}\t{}\tto review ({})",
                decision.category, decision.retry, decision.reason
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Each line of standard input, with the tags it states before it.
fn tag_lines() -> Result<ExitCode, String> {
    for line in std::io::stdin().lines() {
        let line = line.map_err(|e| format!("cannot read standard input: {e}"))?;
        println!("{}\t{line}", tags::tags(&line));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_catalogs(root: &Path, check: bool) -> Result<ExitCode, String> {
    write_outputs(root, render(root)?, check)
}

fn write_outputs(root: &Path, outputs: Vec<Output>, check: bool) -> Result<ExitCode, String> {
    let stale = stale_products(root, &outputs);
    let changed: Vec<_> = outputs
        .iter()
        .filter(|(path, text)| {
            std::fs::read_to_string(root.join(path)).ok().as_deref() != Some(text)
        })
        .collect();
    if check {
        for (path, _) in &changed {
            eprintln!("import: {} is not what the import writes", path.display());
        }
        for path in &stale {
            eprintln!("import: {} is not written by the import", path.display());
        }
        return Ok(if changed.is_empty() && stale.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        });
    }
    for (path, text) in &changed {
        std::fs::write(root.join(path), text)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    for path in &stale {
        std::fs::remove_file(root.join(path))
            .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
    }
    println!(
        "import: {} files written, {} removed, {} unchanged",
        changed.len(),
        stale.len(),
        outputs.len() - changed.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `--python-sdk A B --go-sdk C`: the paths given after each flag.
fn sdk_paths(args: &[String]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let (mut python, mut go) = (Vec::new(), Vec::new());
    let mut target: Option<&mut Vec<PathBuf>> = None;
    for arg in args {
        match arg.as_str() {
            "--python-sdk" => target = Some(&mut python),
            "--go-sdk" => target = Some(&mut go),
            path => match target.as_deref_mut() {
                Some(list) => list.push(PathBuf::from(path)),
                None => return Err(format!("{USAGE}\n{path:?} follows no flag")),
            },
        }
    }
    if python.is_empty() {
        return Err(format!("{USAGE}\nrefresh needs at least one --python-sdk"));
    }
    Ok((python, go))
}

fn refresh_command(root: &Path, args: &[String]) -> Result<ExitCode, String> {
    let (python, go) = sdk_paths(args)?;
    type Reader = fn(&Path) -> Result<Vec<sdk::Definition>, Vec<sdk::ReadError>>;
    let sources = python
        .iter()
        .map(|path| (path, sdk::python::read as Reader, ""))
        .chain(
            go.iter()
                .map(|path| (path, sdk::go::read as Reader, "Go SDK tree ")),
        );
    let mut definitions = Vec::new();
    let mut labels = Vec::new();
    let mut problems = Vec::new();
    for (path, read, kind) in sources {
        match read(path) {
            Ok(found) => {
                eprintln!("import: {}: {} definitions", path.display(), found.len());
                definitions.extend(found);
            }
            Err(e) => problems.extend(e),
        }
        labels.push(format!("{kind}{}", refresh::source_label(path)));
    }
    if !problems.is_empty() {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        return Err(format!(
            "nothing written; the SDKs could not be read:\n  {}",
            lines.join("\n  ")
        ));
    }
    let previous = read_rows(root)?;
    let rows = refresh::merge(&previous, &definitions);
    drop(definitions); // the descriptions go no further
    let changes = Changes::between(&previous, &rows);
    let reviewed = read_reviewed(root, &read_codes_toml(root)?)?;
    let advice_changed = advice_changes(&reviewed, &previous, &rows);
    let report = report(&reviewed, &labels, &changes, &advice_changed, &rows);
    print!("{report}");

    // Everything is rendered and validated before anything is written.
    let outputs = render_whole(root, &rows, &reviewed)?;
    std::fs::write(root.join("data/codes.tsv"), data::write(&rows))
        .map_err(|e| format!("cannot write data/codes.tsv: {e}"))?;
    let status = write_outputs(root, outputs, false)?;
    let nothing = changes == Changes::default() && advice_changed.is_empty();
    if !nothing {
        add_changelog_entry(root, &labels, &changes, &advice_changed)?;
    }
    Ok(status)
}

/// Codes whose category or retry differs between two versions of the
/// data, with both: (code, before, after).
type AdviceChange = (String, String, String);

fn advice_changes(
    reviewed: &BTreeMap<String, Verdict>,
    previous: &[data::Row],
    rows: &[data::Row],
) -> Vec<AdviceChange> {
    let (before_facts, after_facts) = (code_facts(previous), code_facts(rows));
    let before = advice_by_code(&before_facts, reviewed);
    let after = advice_by_code(&after_facts, reviewed);
    let shown =
        |a: &tencentcloud_error_codes_import::Decision| format!("{}/{}", a.category, a.retry);
    let mut changed = Vec::new();
    for (code, new) in &after {
        if let Some(old) = before.get(code) {
            if (&old.category, old.retry) != (&new.category, new.retry) {
                changed.push((code.to_string(), shown(old), shown(new)));
            }
        }
    }
    changed
}

fn report(
    reviewed: &BTreeMap<String, Verdict>,
    labels: &[String],
    changes: &Changes,
    advice: &[AdviceChange],
    rows: &[data::Row],
) -> String {
    let facts = code_facts(rows);
    let decisions = advice_by_code(&facts, reviewed);
    let mut out = format!("refresh from {}\n", labels.join(", "));
    let list = |out: &mut String, title: &str, items: &mut dyn Iterator<Item = String>| {
        let items: Vec<String> = items.collect();
        let _ = writeln!(out, "{title}: {}", items.len());
        for item in items {
            let _ = writeln!(out, "  {item}");
        }
    };
    list(
        &mut out,
        "products added",
        &mut changes.products_added.iter().cloned(),
    );
    // A new code carries the rules' guess until someone reviews it.
    list(
        &mut out,
        "codes added (to review: the advice shown is the rules' guess)",
        &mut changes
            .added
            .iter()
            .map(|c| match decisions.get(c.as_str()) {
                Some(d) => format!("{c}: {}/{} to review", d.category, d.retry),
                None => c.clone(),
            }),
    );
    list(
        &mut out,
        "codes retired",
        &mut changes.retired.iter().cloned(),
    );
    list(
        &mut out,
        "codes whose advice changed",
        &mut advice.iter().map(|(c, a, b)| format!("{c}: {a} -> {b}")),
    );
    out
}

/// Adds a section at the top of CHANGELOG.md's entries: the sources, the
/// counts, the products added and the codes retired, by name.
fn add_changelog_entry(
    root: &Path,
    labels: &[String],
    changes: &Changes,
    advice: &[AdviceChange],
) -> Result<(), String> {
    let path = root.join("CHANGELOG.md");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|_| "# Changelog\n".to_owned());
    let mut by_change: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for (_, before, after) in advice {
        *by_change.entry((before, after)).or_default() += 1;
    }
    let mut entry = format!(
        "## Catalog refresh from {}\n\n- {} codes added, {} retired; {} products added{}.\n- {} codes changed advice.\n",
        labels.join(", "),
        changes.added.len(),
        changes.retired.len(),
        changes.products_added.len(),
        if changes.products_added.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = changes
                .products_added
                .iter()
                .map(|p| format!("`{p}`"))
                .collect();
            format!(" ({})", names.join(", "))
        },
        advice.len(),
    );
    if !by_change.is_empty() {
        let moves: Vec<String> = by_change
            .iter()
            .map(|((before, after), n)| format!("{before} → {after}: {n}"))
            .collect();
        let _ = writeln!(entry, "- Advice moves: {}.", moves.join("; "));
    }
    if !changes.retired.is_empty() {
        let names: Vec<String> = changes.retired.iter().map(|c| format!("`{c}`")).collect();
        let _ = writeln!(
            entry,
            "- Retired (kept, marked retired): {}.",
            names.join(", ")
        );
    }
    entry.push('\n');
    let at = text.find("\n## ").map_or(text.len(), |i| i + 1);
    let mut new_text = text[..at].to_owned();
    if !new_text.ends_with("\n\n") {
        new_text.push('\n');
    }
    new_text += &entry;
    new_text += &text[at..];
    std::fs::write(&path, new_text).map_err(|e| format!("cannot write CHANGELOG.md: {e}"))
}
