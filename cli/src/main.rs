//! `tcerr`: look up Tencent Cloud API 3.0 error codes from the command line.
//!
//! Exit status: 0 when every code was found, 1 when one was not, 2 for a
//! usage error.

mod suggest;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::Serialize;
use tencentcloud_error_codes::{Category, ErrorCode};

/// Look up Tencent Cloud API 3.0 error codes: what a code means, what kind
/// of failure it is, and whether retrying can help.
#[derive(Parser)]
#[command(
    name = "tcerr",
    version,
    args_conflicts_with_subcommands = true,
    override_usage = "tcerr [--json] <CODE>...\n       tcerr list [--category <NAME>] [--json]"
)]
struct Cli {
    /// Error codes to explain, as the API returns them (case-sensitive),
    /// e.g. AuthFailure.SignatureFailure
    #[arg(value_name = "CODE", required = true)]
    codes: Vec<String>,

    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// List the catalog as a table, in declared order.
    List {
        /// Only the codes of this category.
        #[arg(long, value_name = "NAME", value_parser = category_parser())]
        category: Option<Category>,
    },
}

fn category_parser() -> impl clap::builder::TypedValueParser<Value = Category> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Category::ALL.iter().map(|c| c.as_str()))
        .try_map(|name| name.parse::<Category>())
}

/// One code of the catalog, as `--json` prints it.
#[derive(Serialize)]
struct Known {
    code: &'static str,
    in_catalog: bool,
    description: &'static str,
    category: &'static str,
    retry: &'static str,
    parent: Option<&'static str>,
}

impl Known {
    fn new(code: ErrorCode) -> Self {
        Known {
            code: code.as_str(),
            in_catalog: true,
            description: code.description(),
            category: code.category().as_str(),
            retry: code.retry().as_str(),
            parent: code.parent().map(ErrorCode::as_str),
        }
    }
}

/// A code the catalog does not have, as `--json` prints it.
#[derive(Serialize)]
struct Unknown<'a> {
    code: &'a str,
    in_catalog: bool,
    suggestions: Vec<&'static str>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Report<'a> {
    Known(Known),
    Unknown(Unknown<'a>),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let result = match &cli.command {
        Some(Command::List { category }) => list(&mut out, *category, cli.json).map(|()| true),
        None => explain_codes(&mut out, &cli.codes, cli.json),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // A closed pipe (`tcerr list | head`) is not a failure worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tcerr: {e}");
            ExitCode::from(2)
        }
    }
}

/// Prints each code; returns whether all were found.
fn explain_codes(out: &mut impl Write, codes: &[String], json: bool) -> io::Result<bool> {
    let mut all_found = true;
    let mut reports = Vec::with_capacity(codes.len());
    for (i, input) in codes.iter().enumerate() {
        match ErrorCode::from_code(input) {
            Some(code) => {
                if json {
                    reports.push(Report::Known(Known::new(code)));
                } else {
                    if i > 0 {
                        writeln!(out)?;
                    }
                    write_code(out, code)?;
                }
            }
            None => {
                all_found = false;
                let suggestions = suggest::similar_codes(input);
                eprintln!("tcerr: {}", unknown_message(input, &suggestions));
                if json {
                    reports.push(Report::Unknown(Unknown {
                        code: input,
                        in_catalog: false,
                        suggestions,
                    }));
                }
            }
        }
    }
    if json {
        serde_json::to_writer_pretty(&mut *out, &reports)?;
        writeln!(out)?;
    }
    Ok(all_found)
}

fn write_code(out: &mut impl Write, code: ErrorCode) -> io::Result<()> {
    writeln!(out, "{code}")?;
    writeln!(out, "  description  {}", code.description())?;
    let category = code.category();
    writeln!(out, "  category     {category}: {}", category.description())?;
    let retry = code.retry();
    writeln!(out, "  retry        {retry}: {}", retry.description())?;
    if let Some(parent) = code.parent() {
        writeln!(out, "  refines      {parent}: {}", parent.description())?;
    }
    Ok(())
}

fn unknown_message(input: &str, suggestions: &[&str]) -> String {
    let mut message = format!("unknown error code {input:?}");
    match suggestions {
        [] => message.push_str(" (try `tcerr list`)"),
        [one] => message.push_str(&format!("; did you mean {one:?}?")),
        many => {
            let quoted: Vec<String> = many.iter().map(|s| format!("{s:?}")).collect();
            message.push_str(&format!("; did you mean one of {}?", quoted.join(", ")));
        }
    }
    message
}

fn list(out: &mut impl Write, category: Option<Category>, json: bool) -> io::Result<()> {
    let codes: Vec<ErrorCode> = match category {
        Some(category) => category.codes().collect(),
        None => ErrorCode::ALL.to_vec(),
    };
    if json {
        let known: Vec<Known> = codes.into_iter().map(Known::new).collect();
        serde_json::to_writer_pretty(&mut *out, &known)?;
        return writeln!(out);
    }
    let width = |header: &str, cell: fn(ErrorCode) -> &'static str| {
        codes
            .iter()
            .map(|&c| cell(c).len())
            .chain([header.len()])
            .max()
            .unwrap_or(0)
    };
    let code_width = width("CODE", ErrorCode::as_str);
    let category_width = width("CATEGORY", |c| c.category().as_str());
    let retry_width = width("RETRY", |c| c.retry().as_str());
    writeln!(
        out,
        "{:code_width$}  {:category_width$}  {:retry_width$}  DESCRIPTION",
        "CODE", "CATEGORY", "RETRY"
    )?;
    for code in codes {
        writeln!(
            out,
            "{:code_width$}  {:category_width$}  {:retry_width$}  {}",
            code.as_str(),
            code.category().as_str(),
            code.retry().as_str(),
            code.description()
        )?;
    }
    Ok(())
}
