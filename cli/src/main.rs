//! `tcerr`: look up Tencent Cloud API 3.0 error codes from the command line.
//!
//! Exit status: 0 on success, 1 when a code is unknown: nothing in the
//! catalog speaks for it (it is no catalog code, belongs to no family and
//! refines no catalog code), 2 for a usage error or input that cannot be
//! read.

mod report;
mod suggest;

use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde::de::IgnoredAny;
use tencentcloud_error_codes::{Category, ErrorCode, Response, products};

use report::{CodeReport, ExplainReport};

/// Look up Tencent Cloud API 3.0 error codes: what a code means, what kind
/// of failure it is, and whether retrying can help.
#[derive(Parser)]
#[command(
    name = "tcerr",
    version,
    subcommand_negates_reqs = true,
    after_help = "A code is unknown when nothing in the catalog speaks for it: it is no \
                  catalog code, belongs to no family and refines no catalog code.\n\n\
                  Exit status: 0 when the catalog speaks for every code given; 1 when a \
                  code is unknown; 2 for a usage error or input that cannot be read.",
    override_usage = "tcerr [--json] <CODE>...\n       \
                      tcerr list [--category <NAME>] [--product <NAME>] [--json]\n       \
                      tcerr products [--json]\n       \
                      tcerr explain [FILE] [--json]"
)]
struct Cli {
    /// Error codes to explain, as the API returns them (case-sensitive),
    /// e.g. AuthFailure.SignatureFailure or an API-specific code such as
    /// InvalidParameterValue.InvalidInstanceId
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
        /// Only the codes this product returns (`tcerr products` lists the
        /// products).
        #[arg(long, value_name = "NAME", value_parser = product_parser)]
        product: Option<String>,
    },
    /// List the product catalogs, each with its number of codes.
    Products,
    /// Explain an API response body (JSON): its error code, message and
    /// request ID, and what the catalog says of the code.
    Explain {
        /// The file holding the body; standard input when absent or `-`.
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
    },
}

/// A product of the catalog; for any other name, the close ones and how to
/// list them all, rather than every one of the 264.
fn product_parser(name: &str) -> Result<String, String> {
    if products().contains(&name) {
        return Ok(name.to_owned());
    }
    let close = suggest::similar_products(name);
    let close = match close.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one:?}?"),
        many => format!("; did you mean one of {}?", many.join(", ")),
    };
    Err(format!(
        "unknown product {:?}{close} (`tcerr products` lists all {})",
        tencentcloud_error_codes::SafeText::code(name).to_string(),
        products().len()
    ))
}

fn category_parser() -> impl clap::builder::TypedValueParser<Value = Category> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Category::ALL.iter().map(|c| c.as_str()))
        .try_map(|name| name.parse::<Category>())
}

/// How a command ended, short of an I/O error on standard output.
enum Outcome {
    Done,
    /// Nothing in the catalog speaks for some code (already reported).
    Unknown,
    /// The input could not be used: this message says why.
    BadInput(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = io::stdout().lock();
    let result = match &cli.command {
        Some(Command::List { category, product }) => {
            list(&mut out, *category, product.as_deref(), cli.json)
        }
        Some(Command::Products) => list_products(&mut out, cli.json),
        Some(Command::Explain { file }) => explain(&mut out, file.as_deref(), cli.json),
        None => explain_codes(&mut out, &cli.codes, cli.json),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Unknown) => ExitCode::FAILURE,
        Ok(Outcome::BadInput(message)) => {
            eprintln!("tcerr: {message}");
            ExitCode::from(2)
        }
        // A closed pipe (`tcerr list | head`) is not a failure worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("tcerr: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

/// `tcerr CODE...`
fn explain_codes(out: &mut impl Write, codes: &[String], json: bool) -> io::Result<Outcome> {
    let reports: Vec<CodeReport<'_>> = codes.iter().map(|code| CodeReport::new(code)).collect();
    for report in reports.iter().filter(|r| r.is_unknown()) {
        eprintln!("tcerr: {}", report.unknown_message());
    }
    if json {
        report::write_json(out, &reports)?;
    } else {
        let known = reports.iter().filter(|r| !r.is_unknown());
        for (i, report) in known.enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            report.write_text(out)?;
        }
    }
    Ok(if reports.iter().any(CodeReport::is_unknown) {
        Outcome::Unknown
    } else {
        Outcome::Done
    })
}

/// `tcerr list`
fn list(
    out: &mut impl Write,
    category: Option<Category>,
    product: Option<&str>,
    json: bool,
) -> io::Result<Outcome> {
    let codes: Vec<ErrorCode> = ErrorCode::ALL
        .iter()
        .copied()
        .filter(|code| category.is_none_or(|c| code.category() == c))
        .filter(|code| product.is_none_or(|p| code.products().contains(&p)))
        .collect();
    if json {
        let reports: Vec<CodeReport<'_>> =
            codes.iter().map(|c| CodeReport::new(c.as_str())).collect();
        report::write_json(out, &reports)?;
    } else {
        report::write_table(out, &codes, terminal_width())?;
    }
    Ok(Outcome::Done)
}

/// The width of the terminal standard output is, if it is one: a table is
/// cut to fit it, and printed whole into a pipe or a file.
fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(width, _)| usize::from(width.0))
}

/// `tcerr products`
fn list_products(out: &mut impl Write, json: bool) -> io::Result<Outcome> {
    // Per product: the codes it returns, and how many of them are retired.
    let mut counts: Vec<(&str, usize, usize)> = products().iter().map(|&p| (p, 0, 0)).collect();
    for code in ErrorCode::ALL {
        for product in code.products() {
            if let Ok(i) = counts.binary_search_by_key(product, |&(p, ..)| p) {
                counts[i].1 += 1;
                counts[i].2 += usize::from(code.is_retired());
            }
        }
    }
    if json {
        #[derive(serde::Serialize)]
        struct ProductCount<'a> {
            product: &'a str,
            codes: usize,
            /// Every code of the product is retired.
            retired: bool,
        }
        let rows: Vec<ProductCount<'_>> = counts
            .iter()
            .map(|&(product, codes, retired)| ProductCount {
                product,
                codes,
                retired: codes > 0 && retired == codes,
            })
            .collect();
        report::write_json(out, &rows)?;
    } else {
        report::write_products(out, &counts)?;
    }
    Ok(Outcome::Done)
}

/// `tcerr explain [FILE]`
fn explain(
    out: &mut impl Write,
    file: Option<&std::path::Path>,
    json: bool,
) -> io::Result<Outcome> {
    let (name, body) = match file.filter(|f| f.as_os_str() != "-") {
        Some(path) => (path.display().to_string(), std::fs::read(path)),
        None => {
            let mut body = Vec::new();
            let read = io::stdin().lock().read_to_end(&mut body).map(|_| body);
            ("standard input".to_owned(), read)
        }
    };
    let body = match body {
        Ok(body) => body,
        Err(e) => return Ok(Outcome::BadInput(format!("cannot read {name}: {e}"))),
    };
    let response: Response<IgnoredAny> = match serde_json::from_slice(&body) {
        Ok(response) => response,
        Err(e) => {
            return Ok(Outcome::BadInput(format!(
                "{name} is not a Tencent Cloud API response: {e}"
            )));
        }
    };
    let report = ExplainReport::new(&response);
    if json {
        report::write_json(out, &report)?;
    } else {
        report.write_text(out)?;
    }
    Ok(Outcome::Done)
}
