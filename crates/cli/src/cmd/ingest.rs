//! `concord ingest FILE... [--format json|md|outline | --explain] [-o OUT]`

use std::path::PathBuf;

use clap::ValueEnum;
use concord_model::Severity;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Protocol files: Markdown or text (UTF-8, UTF-16 or Windows-1252), Word (.docx; .doc, .odt
    /// and .rtf through LibreOffice) or PDF
    /// (read with poppler's pdftotext); the format is told by the content
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// What to print
    #[arg(long, short, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Also print what the reader repaired (furniture removed, lines joined, changes recovered)
    #[arg(long, short)]
    verbose: bool,
    /// Instead of the document, say how it was read: how its headings, clauses and items are
    /// numbered, what was set aside (page headers and footers, contents lists) or read into its
    /// details, and each place where the reader had to choose, with line numbers. Send this
    /// when a document was read wrongly.
    #[arg(long, conflicts_with = "format")]
    explain: bool,
    #[command(flatten)]
    limits: input::Limits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Every section and clause as JSON, in the stable shape other tools read; several files
    /// give an array
    Json,
    /// Clean Markdown, written so that Concord reads it back to the same clauses
    Md,
    /// A tree of ids, headings and line ranges
    Outline,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out = Output::resolve(args.output.as_deref(), &args.files)?;
    let opts = args.limits.options();
    let loaded = input::load_all(&args.files, &opts)?;
    for l in &loaded {
        for d in &l.parsed.diagnostics {
            if d.severity >= Severity::Warning || args.verbose {
                let sev = match d.severity {
                    Severity::Info => "info",
                    Severity::Warning => "warning",
                    Severity::Error => "error",
                };
                eprintln!(
                    "{}:{}:{}: {sev}[{}]: {}",
                    l.path.display(),
                    d.line,
                    d.col,
                    d.code,
                    d.message
                );
            }
        }
    }
    if args.explain {
        let text = join(loaded.iter().map(|l| {
            concord_render::explain(
                &l.path.display().to_string(),
                &l.parsed.document,
                &l.parsed.explain,
                &l.parsed.diagnostics,
            )
        }));
        out.write(text.as_bytes())?;
        return Ok(exit::SUCCESS);
    }
    let text = match args.format {
        Format::Json => {
            let value = if loaded.len() == 1 {
                serde_json::to_string_pretty(&loaded[0].parsed.document)
            } else {
                let docs: Vec<_> = loaded.iter().map(|l| &l.parsed.document).collect();
                serde_json::to_string_pretty(&docs)
            };
            value.map_err(|e| CliError::new(format!("cannot serialise the document: {e}")))? + "\n"
        }
        Format::Md => join(
            loaded
                .iter()
                .map(|l| concord_render::markdown(&l.parsed.document)),
        ),
        Format::Outline => join(
            loaded
                .iter()
                .map(|l| concord_render::outline(&l.parsed.document)),
        ),
    };
    out.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join("\n")
}
