//! `concord show FILE --clause ID`

use std::path::PathBuf;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The protocol
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The clause to show (its id, as `concord ingest --format outline` shows)
    #[arg(long, short, value_name = "ID")]
    clause: String,
    #[command(flatten)]
    limits: input::Limits,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let loaded = input::load(&args.file, &args.limits.options())?;
    let doc = &loaded.parsed.document;
    let answers = concord_compare::answers::answers(doc);
    let Some(text) = concord_render::clause_report(doc, &args.clause, &answers) else {
        return Err(super::precedents::unknown_clause(
            &args.file,
            doc,
            &args.clause,
        ));
    };
    Output::Stdout.write(text.as_bytes())?;
    Ok(exit::SUCCESS)
}
