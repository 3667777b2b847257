//! One file per subcommand: its clap `Args` and a `run` that returns an exit code.

pub mod build;
pub mod check;
pub mod diff;
pub mod draft;
pub mod ingest;
pub mod options;
