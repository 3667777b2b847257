//! `concord diff OLD NEW` and `concord diff FILE --tracked`: the clause-aligned redline.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::ValueEnum;
use concord_compare::diff::{DiffConfig, Redline, try_diff};
use concord_model::Document;
use concord_render::RedlineOptions;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  concord diff old.txt new.txt                 redline two versions in the terminal
  concord diff corpus/000_0739291e76a941b3.txt --tracked --format html -o redline.html
  concord diff old.md new.md --exit-code       exit 1 when they differ, as git diff does
  concord diff corpus/000_0739291e76a941b3.txt --tracked --format docx -o redline.docx
                                               a Word file of real tracked changes")]
pub struct Args {
    /// The old and the new version (or one file with --tracked)
    #[arg(required = true, num_args = 1..=2, value_name = "OLD NEW")]
    files: Vec<PathBuf>,
    /// Compare the versions before and after the tracked changes one file holds
    #[arg(long)]
    tracked: bool,
    /// What to print
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Exit with 1 when the versions differ, 0 when they do not
    #[arg(long)]
    exit_code: bool,
    /// Unchanged clauses to show around each change (text and md)
    #[arg(long, short = 'C', value_name = "N", default_value_t = 0)]
    context: usize,
    /// When to colour the text format: auto (a terminal, unless NO_COLOR is set), always, never
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(flatten)]
    limits: input::Limits,
    /// Refuse to align versions whose clause counts multiply past this (old x new)
    #[arg(long, value_name = "N", default_value_t = concord_compare::diff::MAX_ALIGN_WORK)]
    max_align_work: u64,
    /// The author of the tracked changes (docx) and of the file (docx, pdf)
    #[arg(long, value_name = "NAME", default_value = "Concord")]
    author: String,
    /// The date of the tracked changes (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ); by default the
    /// new version's adoption date, if it gives one (never the clock)
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// For a terminal: summary, material changes, then the redline
    Text,
    /// Markdown for a report or an issue tracker
    Md,
    /// A self-contained, accessible HTML page
    Html,
    /// The redline as JSON, in the stable shape other tools read
    Json,
    /// A Word file of real tracked changes: accept all for the new text, reject all for the old
    Docx,
    /// A PDF (readable by screen readers): deletions struck through in red, insertions
    /// underlined in blue, a bar in the margin by each change
    Pdf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out = Output::resolve(args.output.as_deref(), &args.files)?;
    if matches!(args.format, Format::Docx | Format::Pdf) {
        out.refuse_terminal(
            "a Word or PDF redline",
            "concord diff OLD NEW --format docx -o redline.docx",
        )?;
    }
    if let Some(d) = &args.date {
        valid_date_time(d)?;
    }
    let (old, new, cfg) = match (args.tracked, args.files.as_slice()) {
        (true, [file]) => {
            let doc = input::load(file, &args.limits.options())?;
            let document = doc.parsed.document;
            if !document.has_tracked_changes() {
                eprintln!(
                    "note: {} holds no tracked changes; its two versions are the same",
                    file.display()
                );
            }
            let id = input::doc_id(file);
            let cfg = DiffConfig {
                old_id: format!("{id} (before tracked changes)"),
                new_id: format!("{id} (after)"),
                ..DiffConfig::default()
            };
            (document.before(), document.after(), cfg)
        }
        (true, _) => {
            return Err(CliError::new("--tracked takes one file, not two")
                .hint("concord diff FILE --tracked compares the versions one file holds"));
        }
        (false, [old, new]) => {
            let opts = args.limits.options();
            let a = input::load(old, &opts)?.parsed.document;
            let b = input::load(new, &opts)?.parsed.document;
            let cfg = DiffConfig {
                old_id: input::doc_id(old),
                new_id: input::doc_id(new),
                ..DiffConfig::default()
            };
            (after(a), after(b), cfg)
        }
        (false, _) => {
            return Err(CliError::new("diff needs two files, OLD and NEW").hint(
                "or give one file with --tracked to compare the versions its tracked changes hold",
            ));
        }
    };
    let cfg = DiffConfig {
        max_align_work: args.max_align_work,
        ..cfg
    };
    let redline = redline(&old, &new, &cfg)?;
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    let opts = RedlineOptions {
        color,
        context: args.context,
    };
    let format = match args.format {
        Format::Text => concord_publish::Format::Text,
        Format::Md => concord_publish::Format::Md,
        Format::Html => concord_publish::Format::Html,
        Format::Json => concord_publish::Format::Json,
        Format::Docx => concord_publish::Format::Docx,
        Format::Pdf => concord_publish::Format::Pdf,
    };
    let look = concord_publish::Look {
        author: Some(args.author.clone()),
        date: args
            .date
            .clone()
            .or_else(|| new.meta.adopted.map(|a| a.to_string())),
        redline: opts,
        logo: None,
    };
    let bytes = concord_publish::redline(&redline, &old, &new, format, &look)
        .map_err(|e| CliError::new(e.to_string()))?;
    let target = out.target().map(|p| p.display().to_string());
    out.write(&bytes)?;
    if let Some(t) = target {
        // As `pack` does: say what was written, on standard error so a pipe is not disturbed.
        eprintln!(
            "wrote {t}: {}; {}",
            format_words(format),
            summary_words(&redline)
        );
    }
    Ok(if args.exit_code && redline.has_differences() {
        exit::DIFFERENCES
    } else {
        exit::SUCCESS
    })
}

/// Checks a `--date`: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`, as Word's revision dates are.
fn valid_date_time(d: &str) -> Result<(), CliError> {
    let b = d.as_bytes();
    let date = d
        .get(..10)
        .and_then(concord_model::Date::parse_iso)
        .is_some();
    // hh:mm:ss, each in range.
    let field = |at: usize, max: u32| {
        d.get(at..at + 2)
            .filter(|f| f.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|f| f.parse::<u32>().ok())
            .is_some_and(|v| v <= max)
    };
    let time = b.len() == 10
        || (b.len() == 20
            && b[10] == b'T'
            && field(11, 23)
            && b[13] == b':'
            && field(14, 59)
            && b[16] == b':'
            && field(17, 59)
            && b[19] == b'Z');
    if date && time {
        Ok(())
    } else {
        Err(CliError::new(format!("--date {d:?} is not a date"))
            .hint("write it as YYYY-MM-DD, or YYYY-MM-DDThh:mm:ssZ"))
    }
}

/// A version that still holds tracked changes is compared as it reads after them.
fn after(doc: Document) -> Document {
    if doc.has_tracked_changes() {
        doc.after()
    } else {
        doc
    }
}

/// The redline of two versions, or a clear refusal (exit 2) when aligning them is more work
/// than `cfg.max_align_work`.
pub fn redline(old: &Document, new: &Document, cfg: &DiffConfig) -> Result<Redline, CliError> {
    try_diff(old, new, cfg).map_err(|e| too_much_work(&e, cfg))
}

/// The refusal of versions past the alignment limit, with the flag that raises it.
pub fn too_much_work(e: &concord_compare::Error, cfg: &DiffConfig) -> CliError {
    CliError::new(e.to_string()).hint(format!(
        "check that these are two versions of one protocol; to align larger ones, raise --max-align-work (now {})",
        cfg.max_align_work
    ))
}

/// What kind of file a format makes, for the "wrote" line.
fn format_words(f: concord_publish::Format) -> &'static str {
    use concord_publish::Format;
    match f {
        Format::Docx => "a Word redline with tracked changes",
        Format::Pdf => "a PDF redline",
        Format::Html => "an HTML redline",
        Format::Md => "a Markdown redline",
        Format::Text => "a text redline",
        Format::Json => "the redline as JSON",
        _ => "a redline",
    }
}

/// "5 clauses changed" and so on, for the "wrote" line.
fn summary_words(r: &concord_compare::diff::Redline) -> String {
    let n = r.clauses.iter().filter(|c| c.is_change()).count();
    match n {
        0 => "the two versions do not differ".into(),
        1 => "1 clause differs".into(),
        n => format!("{n} clauses differ"),
    }
}
