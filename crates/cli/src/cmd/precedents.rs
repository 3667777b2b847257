//! `concord precedents FILE --clause ID [--corpus DIR] [--top N] [--format text|json]`

use std::path::PathBuf;

use clap::ValueEnum;
use concord_compare::precedents::{Corpus, clause_text, near_ids};

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The protocol holding the clause
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The clause to find precedents for (its id, as `concord ingest --format outline` shows)
    #[arg(long, short, value_name = "ID")]
    clause: String,
    /// The folder of protocols to search (default: the folder FILE is in); FILE's own clauses
    /// are left out
    #[arg(long, value_name = "DIR")]
    corpus: Option<PathBuf>,
    /// How many precedents to show
    #[arg(long, short = 'n', default_value_t = 5, value_name = "N")]
    top: usize,
    /// What to print
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[command(flatten)]
    limits: input::Limits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Score, document, clause and the start of its text, one per line
    Text,
    /// The precedents as JSON
    Json,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let opts = args.limits.options();
    let loaded = input::load(&args.file, &opts)?;
    let doc = &loaded.parsed.document;
    let Some(clause) = doc.clause(&args.clause) else {
        return Err(unknown_clause(&args.file, doc, &args.clause));
    };
    let dir = match &args.corpus {
        Some(d) => d.clone(),
        None => match args.file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        },
    };
    let files = input::expand(std::slice::from_ref(&dir))?;
    let mut corpus = Corpus::default();
    for (l, f) in input::load_all(&files, &opts)?.iter().zip(&files) {
        corpus.add(&input::doc_id(f), &l.parsed.document);
    }
    let me = input::doc_id(&args.file);
    let found = corpus.search(&clause_text(clause), args.top, Some(&me));
    let text = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(&found)
                .map_err(|e| CliError::new(format!("cannot serialise the precedents: {e}")))?
                + "\n"
        }
        Format::Text => {
            let mut out = format!(
                "precedents for {me} {} in {} ({} clauses)\n",
                clause.id,
                dir.display(),
                corpus.len()
            );
            for p in &found {
                let preview: String = p.text.chars().take(60).collect();
                let more = if p.text.chars().count() > 60 {
                    "…"
                } else {
                    ""
                };
                out.push_str(&format!(
                    "{:>7.2}  {}  {}  {preview}{more}\n",
                    p.score, p.document, p.clause
                ));
            }
            if found.is_empty() {
                out.push_str("no clause shares a word with it\n");
            }
            out
        }
    };
    Output::Stdout.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}

/// "no clause X": with the nearest ids as a hint.
pub fn unknown_clause(file: &std::path::Path, doc: &concord_model::Document, id: &str) -> CliError {
    let near = near_ids(doc, id, 5);
    let hint = if near.is_empty() {
        "this document has no clauses".to_string()
    } else {
        format!(
            "near ids: {}; `concord ingest {} --format outline` lists them all",
            near.join(", "),
            file.display()
        )
    };
    CliError::file(file, format!("no clause '{id}'")).hint(hint)
}
