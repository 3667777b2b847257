//! `concord man DIR` (hidden): a man page per command (clap_mangen), `concord.1` and
//! `concord-ingest.1` and so on, written into DIR. `cargo xtask codegen` runs it to regenerate
//! the committed pages in `docs/man/`, and `crates/cli/tests/man.rs` checks they are fresh.

use std::path::PathBuf;

use clap::CommandFactory;

use crate::error::CliError;
use crate::exit;
use crate::output::write_atomic;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write the pages into
    dir: PathBuf,
}

/// Every page: (file name, roff).
pub fn pages() -> Vec<(String, Vec<u8>)> {
    let mut cmd = crate::Cli::command();
    cmd.build();
    let mut out = Vec::new();
    let mut top = Vec::new();
    // The pages carry no date, so they are the same on every run.
    let _ = clap_mangen::Man::new(cmd.clone()).render(&mut top);
    out.push(("concord.1".to_string(), top));
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let name = format!("concord-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .bin_name(format!("concord {}", sub.get_name()));
        let mut page = Vec::new();
        let _ = clap_mangen::Man::new(sub).render(&mut page);
        out.push((format!("{name}.1"), page));
    }
    out
}

pub fn run(args: Args) -> Result<i32, CliError> {
    std::fs::create_dir_all(&args.dir).map_err(|e| CliError::io(Some(&args.dir), e))?;
    for (name, page) in pages() {
        write_atomic(&args.dir.join(name), &page)?;
    }
    Ok(exit::SUCCESS)
}
