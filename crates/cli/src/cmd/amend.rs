//! `concord amend FILE --set QUESTION=VALUE... [-o OUT.docx|OUT.md]`: change who does what (or a
//! period) in a protocol's own words (`concord_compare::amend`). Only the words that carry the
//! answer change; each clause touched is named on standard error; where the text is too
//! tangled to change safely the command refuses, naming the clause. `-o OUT.docx` writes the
//! change as Word tracked changes against the text as it was (accept all for the new text),
//! `.pdf` and `.html` the redline likewise, `.md` (or standard output) the amended protocol.

use std::path::PathBuf;

use concord_compare::amend::{Change, amend, parse_target};
use concord_compare::diff::DiffConfig;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Values: a route as role ids in order (chief-executive,monitoring-officer); days as a number,
optionally with working or calendar (\"10 working\"); years as a number.

Examples:
  concord amend protocol.docx --set officer-complaint-about-councillor=chief-executive -o amended.docx
  concord amend protocol.md --set response-time=10 --set review-cycle=4 -o protocol-2027.md")]
pub struct Args {
    /// The protocol to change
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// A question and the answer it should have (repeatable); `concord options` lists them
    #[arg(long = "set", value_name = "QUESTION=VALUE", required = true)]
    set: Vec<String>,
    /// Write here (.docx, .pdf or .html: the change as a redline; .md: the amended protocol);
    /// standard output gets the amended protocol as Markdown
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The author of the tracked changes (docx)
    #[arg(long, value_name = "NAME", default_value = "Concord")]
    author: String,
    #[command(flatten)]
    limits: input::Limits,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let mut changes = Vec::new();
    for s in &args.set {
        let Some((q, v)) = s.split_once('=') else {
            return Err(CliError::new(format!("--set {s:?}: write QUESTION=VALUE"))
                .hint("for example --set officer-complaint-about-councillor=chief-executive"));
        };
        let target = parse_target(q.trim(), v).map_err(|m| {
            CliError::new(format!("--set {s:?}: {m}"))
                .hint("`concord options QUESTION` lists a question's values and roles")
        })?;
        changes.push(Change {
            question: q.trim().to_string(),
            target,
        });
    }
    let format = match args
        .output
        .as_ref()
        .and_then(|o| o.extension())
        .and_then(|e| e.to_str())
    {
        None => concord_publish::Format::Md,
        Some(e) => match concord_publish::Format::from_extension(e) {
            Some(
                f @ (concord_publish::Format::Md
                | concord_publish::Format::Docx
                | concord_publish::Format::Pdf
                | concord_publish::Format::Html),
            ) => f,
            _ => {
                return Err(
                    CliError::new(format!("-o: cannot write an amended protocol as .{e}"))
                        .hint("use .docx (tracked changes), .pdf or .html (a redline), or .md"),
                );
            }
        },
    };
    let out = Output::resolve(args.output.as_deref(), std::slice::from_ref(&args.file))?;
    let doc = input::load(&args.file, &args.limits.options())?
        .parsed
        .document;
    let doc = if doc.has_tracked_changes() {
        doc.after()
    } else {
        doc
    };
    let amended = amend(&doc, &changes).map_err(|e| {
        CliError::file(&args.file, e.to_string())
            .hint("change that clause by hand, or ask for an answer of the same shape")
    })?;
    if amended.edits.is_empty() {
        eprintln!("note: the protocol already gives every answer asked for; nothing changed");
    }
    for e in &amended.edits {
        eprintln!(
            "changed clause {}: {}: {} -> {}",
            e.clause, e.question, e.was, e.now
        );
    }
    let bytes = if format == concord_publish::Format::Md {
        concord_publish::document(&amended.document, format, &Default::default())
    } else {
        let id = input::doc_id(&args.file);
        let cfg = DiffConfig {
            old_id: id.clone(),
            new_id: format!("{id} (amended)"),
            ..DiffConfig::default()
        };
        let r = super::diff::redline(&doc, &amended.document, &cfg)?;
        let look = concord_publish::Look {
            author: Some(args.author.clone()),
            date: doc.meta.adopted.map(|d| d.to_string()),
            redline: Default::default(),
            logo: None,
        };
        concord_publish::redline(&r, &doc, &amended.document, format, &look)
    }
    .map_err(|e| CliError::new(e.to_string()))?;
    out.write(&bytes)?;
    Ok(exit::SUCCESS)
}
