//! `cargo run -p tencentcloud-error-codes-import [-- --check]`: rewrites
//! `products/*.toml` and the product features of `Cargo.toml` from
//! `data/codes.tsv`, or with `--check` only says whether they are current
//! (exit 1 if not). `-- --explain CODE...` prints the advice for each code
//! and the rule that decided it, for reviewing a rule change.

use std::path::Path;
use std::process::ExitCode;

use tencentcloud_error_codes_import::{advice, render, stale_products};

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("--explain") {
        for code in std::env::args().skip(2) {
            let advice = advice::advise(&code);
            println!(
                "{code}\t{}\t{}\t{}",
                advice.category, advice.retry, advice.rule
            );
        }
        return ExitCode::SUCCESS;
    }
    let check = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("--check") => true,
        Some(other) => {
            eprintln!("usage: import [--check | --explain CODE...]; unknown argument {other:?}");
            return ExitCode::from(2);
        }
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let outputs = match render(&root) {
        Ok(outputs) => outputs,
        Err(e) => {
            eprintln!("import: {e}");
            return ExitCode::from(2);
        }
    };
    let stale = stale_products(&root, &outputs);
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
        return if changed.is_empty() && stale.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    for (path, text) in &changed {
        if let Err(e) = std::fs::write(root.join(path), text) {
            eprintln!("import: cannot write {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    for path in &stale {
        if let Err(e) = std::fs::remove_file(root.join(path)) {
            eprintln!("import: cannot remove {}: {e}", path.display());
            return ExitCode::from(2);
        }
    }
    println!(
        "import: {} files written, {} removed, {} unchanged",
        changed.len(),
        stale.len(),
        outputs.len() - changed.len()
    );
    ExitCode::SUCCESS
}
