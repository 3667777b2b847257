//! `concord pack --old A --new B [--peers DIR] [--title T] [--meeting-date D] -o DIR`
//! (or `--tracked FILE`): the standards committee review pack, written into DIR.

use std::path::{Path, PathBuf};

use concord_compare::diff::DiffConfig;
use concord_model::Document;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::write_atomic;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  concord pack --tracked corpus/000_0739291e76a941b3.txt --peers corpus/ -o pack/
  concord pack --old current.md --new proposed.md --peers neighbours/ \\
      --title \"Review of the Member/Officer Protocol\" --meeting-date \"12 March 2027\" -o pack/")]
pub struct Args {
    /// The version in force
    #[arg(
        long,
        value_name = "FILE",
        requires = "new",
        conflicts_with = "tracked"
    )]
    old: Option<PathBuf>,
    /// The proposed version
    #[arg(
        long,
        value_name = "FILE",
        requires = "old",
        conflicts_with = "tracked"
    )]
    new: Option<PathBuf>,
    /// One file holding both versions in its tracked changes
    #[arg(long, value_name = "FILE")]
    tracked: Option<PathBuf>,
    /// Other councils' protocols to compare with (a folder, or files)
    #[arg(long, value_name = "DIR", num_args = 1..)]
    peers: Vec<PathBuf>,
    /// The pack's title
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The meeting the pack is for, as it should be printed ("12 March 2027")
    #[arg(long, value_name = "TEXT")]
    meeting_date: Option<String>,
    /// Who the tracked changes in pack.docx are by
    #[arg(long, value_name = "NAME", default_value = "Concord")]
    author: String,
    /// The date of the tracked changes in pack.docx (YYYY-MM-DD); never the clock
    #[arg(long, value_name = "DATE")]
    date: Option<String>,
    /// The folder to write pack.html, pack.docx and pack.pdf into (created when missing)
    #[arg(long, short, value_name = "DIR")]
    output: PathBuf,
    #[command(flatten)]
    limits: input::Limits,
    /// Refuse to align versions whose clause counts multiply past this (old x new)
    #[arg(long, value_name = "N", default_value_t = concord_compare::diff::MAX_ALIGN_WORK)]
    max_align_work: u64,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out_dir = &args.output;
    if out_dir.is_file() {
        return Err(
            CliError::file(out_dir, "is a file; -o names the folder the pack goes in")
                .hint("give a folder, for example -o pack/"),
        );
    }
    match out_dir.parent() {
        Some(p) if !p.as_os_str().is_empty() && !p.is_dir() => {
            return Err(CliError::file(out_dir, "its parent folder does not exist")
                .hint(format!("create {} first", p.display())));
        }
        _ => {}
    }
    if let Some(d) = &args.date {
        super::check::valid_date(d)?;
    }
    let opts = args.limits.options();
    let (old, new, cfg, inputs) = match (&args.old, &args.new, &args.tracked) {
        (Some(o), Some(n), None) => {
            let a = input::load(o, &opts)?.parsed.document;
            let b = input::load(n, &opts)?.parsed.document;
            let cfg = DiffConfig {
                old_id: input::doc_id(o),
                new_id: input::doc_id(n),
                ..DiffConfig::default()
            };
            (after(a), after(b), cfg, vec![o.clone(), n.clone()])
        }
        (None, None, Some(t)) => {
            let doc = input::load(t, &opts)?.parsed.document;
            if !doc.has_tracked_changes() {
                return Err(CliError::file(
                    t,
                    "holds no tracked changes, so there is nothing to review",
                )
                .hint("give the two versions with --old and --new"));
            }
            let id = input::doc_id(t);
            let cfg = DiffConfig {
                old_id: format!("{id} (before its tracked changes)"),
                new_id: format!("{id} (with them accepted)"),
                ..DiffConfig::default()
            };
            (doc.before(), doc.after(), cfg, vec![t.clone()])
        }
        _ => {
            return Err(
                CliError::new("pack needs --old and --new, or --tracked FILE")
                    .hint("concord pack --old current.md --new proposed.md -o pack/"),
            );
        }
    };
    let new_path = inputs.last().cloned().unwrap_or_default();
    // Peers: every protocol named, except the versions under review.
    let peers: Vec<PathBuf> = if args.peers.is_empty() {
        Vec::new()
    } else {
        input::expand(&args.peers)?
            .into_iter()
            .filter(|p| !inputs.iter().any(|i| same_file(i, p)))
            .collect()
    };
    let peer_docs = input::load_all(&peers, &opts)?;
    let cfg = DiffConfig {
        max_align_work: args.max_align_work,
        ..cfg
    };
    let peers: Vec<(String, Document)> = peer_docs
        .into_iter()
        .zip(&peers)
        .map(|(l, p)| (input::doc_id(p), l.parsed.document))
        .collect();
    let made = make(&concord_publish::pack::Inputs {
        old: &old,
        new: &new,
        cfg: &cfg,
        peers: &peers,
        title: args.title.clone(),
        meeting: args.meeting_date.clone(),
        author: args.author.clone(),
        date: args.date.clone(),
        new_path: new_path.display().to_string(),
    })?;
    let (html, docx, pdf) = (made.html, made.docx, made.pdf);
    std::fs::create_dir_all(out_dir).map_err(|e| CliError::io(Some(out_dir), e))?;
    for (name, bytes) in [
        ("pack.html", html.as_bytes()),
        ("pack.docx", docx.as_slice()),
        ("pack.pdf", pdf.as_slice()),
    ] {
        let path = out_dir.join(name);
        write_atomic(&path, bytes)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(exit::SUCCESS)
}

/// Makes the pack (shared by `concord pack` and `concord build`), with a clear refusal (exit 2)
/// when the versions are past the alignment limit.
pub fn make(
    inputs: &concord_publish::pack::Inputs<'_>,
) -> Result<concord_publish::pack::Pack, CliError> {
    concord_publish::pack::make(inputs).map_err(|e| publish_error(e, inputs.cfg))
}

/// A publishing error as the binary reports it.
pub fn publish_error(e: concord_publish::Error, cfg: &DiffConfig) -> CliError {
    match e {
        concord_publish::Error::Diff(e) => super::diff::too_much_work(&e, cfg),
        e => CliError::new(e.to_string()),
    }
}

/// A version that still holds tracked changes is reviewed as it reads after them.
pub fn after(doc: Document) -> Document {
    if doc.has_tracked_changes() {
        doc.after()
    } else {
        doc
    }
}

pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}
