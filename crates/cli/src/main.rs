//! The `concord` binary: argument parsing, files, exit codes. Logic lives in the library crates;
//! each subcommand is one file under `cmd/` that resolves its flags once and calls them.

mod clock;
mod cmd;
mod error;
mod exit;
mod input;
mod limited;
mod output;
mod pdftotext;
mod soffice;
mod templates;

use clap::{Parser, Subcommand};

/// Read, compare, draft and publish protocols on member/officer relations.
#[derive(Debug, Parser)]
#[command(name = "concord", version, about, long_about = None, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Threads for work over many files or long documents (default: one per core)
    #[arg(long, short = 'j', global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    threads: Option<u16>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read protocols into the clause model (json), clean Markdown (md) or an outline
    Ingest(cmd::ingest::Args),
    /// Compare protocols on the questions: who does what, side by side
    Compare(cmd::compare::Args),
    /// Redline two versions clause by clause (or one file's tracked changes)
    Diff(cmd::diff::Args),
    /// Draft a council's protocol from its options file (md, html, docx or pdf)
    Draft(cmd::draft::Args),
    /// List every drafting option, its allowed values and defaults; --from reads them from a protocol
    Options(cmd::options::Args),
    /// Check a protocol before publication: stale references, numbering, wording, leftovers
    Check(cmd::check::Args),
    /// Write the standards committee review pack for a revision (HTML, Word and PDF)
    Pack(cmd::pack::Args),
    /// Write every output a project file names (or --check that none is stale)
    Build(cmd::build::Args),
    /// Show one clause: text, items, roles, references and the answers it supports
    Show(cmd::show::Args),
    /// Find the clauses of a corpus most like one clause, with scores
    Precedents(cmd::precedents::Args),
    /// Print the completion script for a shell (bash, zsh, fish, powershell)
    Completions(cmd::completions::Args),
    /// Write a man page per command into a folder (for packagers; `cargo xtask codegen`)
    #[command(hide = true)]
    Man(cmd::man::Args),
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // clap prints help and version to stdout with success; usage errors exit 2.
            let code = if e.use_stderr() {
                exit::BAD_INPUT
            } else {
                exit::SUCCESS
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    // The one place the pool's size is set: the libraries only use it.
    let threads = cli.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
    // Building fails only when a global pool exists already, which nothing here makes.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
    let result = match cli.command {
        Command::Ingest(args) => cmd::ingest::run(args),
        Command::Build(args) => cmd::build::run(args),
        Command::Check(args) => cmd::check::run(args),
        Command::Diff(args) => cmd::diff::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Pack(args) => cmd::pack::run(args),
        Command::Draft(args) => cmd::draft::run(args),
        Command::Options(args) => cmd::options::run(args),
        Command::Precedents(args) => cmd::precedents::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Completions(args) => cmd::completions::run(args),
        Command::Man(args) => cmd::man::run(args),
    };
    match result {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            if e.is_broken_pipe() {
                std::process::exit(exit::SUCCESS);
            }
            eprintln!("{e}");
            std::process::exit(e.exit_code());
        }
    }
}
