//! `concord compare FILE|DIR... [--question ID]... [--format text|md|html|csv|json] [--explain]
//! [-o OUT]`

use std::path::PathBuf;

use clap::ValueEnum;
use concord_model::questions::QUESTIONS;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Protocol files, or folders: every protocol file in a folder is compared (text, Markdown,
    /// Word .docx/.doc/.odt/.rtf and PDF files; subfolders are not read)
    #[arg(required = true, value_name = "FILE|DIR")]
    inputs: Vec<PathBuf>,
    /// Compare only on this question (repeatable); `concord options` lists them
    #[arg(long, short, value_name = "ID")]
    question: Vec<String>,
    /// What to print
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Under each answer, say why: the cue and clause that produced it, and its sentence
    /// (text format; the JSON always holds the why)
    #[arg(long)]
    explain: bool,
    #[command(flatten)]
    limits: input::Limits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A table for the terminal: one block per question, one line per council
    Text,
    /// A Markdown report with a table per question
    Md,
    /// One self-contained, accessible HTML page, each answer linked to its evidence
    Html,
    /// One row per question and document
    Csv,
    /// The comparison as JSON, in the stable shape other tools read (see DESIGN.md)
    Json,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let known: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
    for q in &args.question {
        if !known.contains(&q.as_str()) {
            let hint = match concord_draft::closest(q, &known) {
                Some(c) => format!("did you mean '{c}'? `concord options` lists every question"),
                None => "`concord options` lists every question".into(),
            };
            return Err(CliError::new(format!("unknown question '{q}'")).hint(hint));
        }
    }
    if args.explain && args.format != Format::Text {
        return Err(CliError::new("--explain applies to the text format")
            .hint("the JSON holds each answer's why in its \"why\" field: use --format json"));
    }
    let files = input::expand(&args.inputs)?;
    let out = Output::resolve(args.output.as_deref(), &files)?;
    let opts = args.limits.options();
    let docs: Vec<(String, concord_model::Document)> = input::load_all(&files, &opts)?
        .into_iter()
        .zip(&files)
        .map(|(l, f)| (input::doc_id(f), l.parsed.document))
        .collect();
    let refs: Vec<(String, &concord_model::Document)> =
        docs.iter().map(|(id, d)| (id.clone(), d)).collect();
    let questions: Vec<&str> = args.question.iter().map(String::as_str).collect();
    let comparison = concord_compare::answers::compare(&refs, &questions);
    let text = match args.format {
        Format::Json => {
            serde_json::to_string_pretty(&comparison)
                .map_err(|e| CliError::new(format!("cannot serialise the comparison: {e}")))?
                + "\n"
        }
        Format::Text if args.explain => concord_render::comparison_text_explained(&comparison),
        Format::Text => concord_render::comparison_text(&comparison),
        Format::Md => concord_render::comparison_markdown(&comparison),
        Format::Html => concord_render::comparison_html(&comparison),
        Format::Csv => concord_render::comparison_csv(&comparison),
    };
    out.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}
