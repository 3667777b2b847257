//! `concord options [QUESTION]`: every option of an options file, its allowed values and its
//! default for each kind of council.
//!
//! `concord options --from FILE [-o OPTIONS.toml]`: the options file that reproduces an
//! existing protocol's choices, each answer with the clause it was read from
//! (`concord_draft::infer`), written so that `concord draft` accepts it.

use std::path::PathBuf;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show only this question (such as officer-complaint-about-councillor)
    #[arg(value_name = "QUESTION", conflicts_with = "from")]
    question: Option<String>,
    /// Read an existing protocol and write the options that reproduce its choices
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    if let Some(from) = &args.from {
        return from_file(from, args.output.as_deref());
    }
    let out = Output::resolve(args.output.as_deref(), &[])?;
    let text = match concord_draft::reference::reference(args.question.as_deref()) {
        Some(t) => t,
        None => {
            let got = args.question.unwrap_or_default();
            let ids: Vec<&str> = concord_draft::catalogue::QUESTIONS
                .iter()
                .map(|q| q.id)
                .collect();
            let hint = match concord_draft::closest(&got, &ids) {
                Some(c) => format!("did you mean '{c}'? `concord options` lists every question"),
                None => "`concord options` lists every question".into(),
            };
            return Err(CliError::new(format!("unknown question '{got}'")).hint(hint));
        }
    };
    out.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}

fn from_file(path: &std::path::Path, output: Option<&std::path::Path>) -> Result<i32, CliError> {
    let out = Output::resolve(output, &[path.to_path_buf()])?;
    let loaded = input::load(path, &concord_ingest::Options::default())?;
    let doc = &loaded.parsed.document;
    let text = concord_publish::options_from(doc, &path.display().to_string());
    out.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}
