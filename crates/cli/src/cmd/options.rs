//! `concord options [QUESTION]`: every option of an options file, its allowed values and its
//! default for each kind of council.

use crate::error::CliError;
use crate::exit;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Show only this question (such as officer-complaint-about-councillor)
    #[arg(value_name = "QUESTION")]
    question: Option<String>,
}

pub fn run(args: Args) -> Result<i32, CliError> {
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
    Output::Stdout.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}
