//! `concord check FILE... [--format text|json] [--today DATE]`: publication lints.

use std::path::PathBuf;

use clap::ValueEnum;
use concord_check::{CheckConfig, Finding, Severity};
use serde::Serialize;

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

#[derive(Debug, Serialize)]
struct JsonFinding<'a> {
    code: &'a str,
    severity: Severity,
    path: String,
    line: u32,
    clause: Option<&'a str>,
    message: &'a str,
    fix: &'a str,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out = Output::resolve(args.output.as_deref(), &args.files)?;
    let today = match args.today {
        Some(t) => Some(valid_date(&t)?),
        None => Some(crate::clock::today()),
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
        Format::Text => text(&all),
        Format::Json => json(&all)?,
    };
    out.write(text.as_bytes())?;
    let errors = all.iter().any(|(_, f)| concord_check::has_errors(f));
    Ok(if errors {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    })
}

/// The findings as `{"findings": [...]}`, each with its path.
pub fn json(all: &[(String, Vec<Finding>)]) -> Result<String, CliError> {
    let findings: Vec<JsonFinding<'_>> = all
        .iter()
        .flat_map(|(path, fs)| {
            fs.iter().map(move |f| JsonFinding {
                code: f.code,
                severity: f.severity,
                path: path.clone(),
                line: f.line,
                clause: f.clause.as_deref(),
                message: &f.message,
                fix: &f.fix,
            })
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({ "findings": findings }))
        .map(|s| s + "\n")
        .map_err(|e| CliError::new(format!("cannot serialise the findings: {e}")))
}

/// The findings as text, one per line with its fix, and a count.
pub fn text(all: &[(String, Vec<Finding>)]) -> String {
    let mut out = String::new();
    let (mut errors, mut warnings, mut infos) = (0, 0, 0);
    for (path, findings) in all {
        for f in findings {
            let sev = match f.severity {
                Severity::Error => {
                    errors += 1;
                    "error"
                }
                Severity::Warning => {
                    warnings += 1;
                    "warning"
                }
                Severity::Info => {
                    infos += 1;
                    "info"
                }
            };
            out.push_str(&format!(
                "{path}:{}: {sev}[{}]: {}\n  fix: {}\n",
                f.line, f.code, f.message, f.fix
            ));
        }
    }
    let files = if all.len() == 1 { "file" } else { "files" };
    if errors + warnings + infos == 0 {
        out.push_str(&format!("{} {files} checked: no findings\n", all.len()));
    } else {
        out.push_str(&format!(
            "{} {files} checked: {errors} error(s), {warnings} warning(s), {infos} note(s)\n",
            all.len()
        ));
    }
    out
}

/// A `YYYY-MM-DD` date, or a usage error.
pub fn valid_date(s: &str) -> Result<String, CliError> {
    let b = s.as_bytes();
    let ok = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s[..4].parse::<u32>().is_ok()
        && s[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && s[8..].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    if ok {
        Ok(s.to_string())
    } else {
        Err(CliError::new(format!("--today: '{s}' is not a date"))
            .hint("write it as YYYY-MM-DD, for example 2026-05-05"))
    }
}
