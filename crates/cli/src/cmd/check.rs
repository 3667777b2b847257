//! `concord check FILE... [--format text|json] [--today DATE]`: publication lints.

use std::path::PathBuf;

use clap::ValueEnum;
use concord_check::{CheckConfig, Finding};

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Exit status: 0 when no error-level finding, 1 when any, 2 for bad input.
Codes: tracked-changes-left, page-furniture-left, dangling-reference, reference-off-topic,
duplicate-number, skipped-number, gendered-wording, role-named-two-ways, review-overdue.")]
pub struct Args {
    /// Protocol files to check
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What to print
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Judge review dates against this day (YYYY-MM-DD) instead of today's date
    #[arg(long, value_name = "DATE")]
    today: Option<String>,
    #[command(flatten)]
    limits: input::Limits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// One line per finding, `path:line: severity[code]: message`, with the fix below
    Text,
    /// `{"findings": [...]}` for CI
    Json,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out = Output::resolve(args.output.as_deref(), &args.files)?;
    let today = match args.today {
        Some(t) => Some(valid_date(&t)?),
        None => crate::clock::today(),
    };
    let cfg = CheckConfig { today };
    let opts = args.limits.options();
    let mut all: Vec<(String, Vec<Finding>)> = Vec::new();
    for f in &args.files {
        let bytes = input::read_bytes(f, opts.max_bytes)?;
        let loaded = input::load(f, &opts)?;
        let source = concord_ingest::decode_text(&bytes).ok();
        let findings = concord_check::check(
            &loaded.parsed.document,
            &loaded.parsed.diagnostics,
            source.as_deref(),
            &cfg,
        );
        all.push((f.display().to_string(), findings));
    }
    let text = match args.format {
        Format::Text => concord_publish::report::text(&all),
        Format::Json => {
            concord_publish::report::json(&all).map_err(|e| CliError::new(e.to_string()))?
        }
    };
    out.write(text.as_bytes())?;
    let errors = all.iter().any(|(_, f)| concord_check::has_errors(f));
    Ok(if errors {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    })
}

/// A `YYYY-MM-DD` date of a real day, or a usage error.
pub fn valid_date(s: &str) -> Result<concord_model::Date, CliError> {
    if let Some(d) = concord_model::Date::parse_iso(s) {
        Ok(d)
    } else {
        Err(CliError::new(format!("--today: '{s}' is not a date"))
            .hint("write it as YYYY-MM-DD, for example 2026-05-05"))
    }
}
