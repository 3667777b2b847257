//! One file per subcommand: its clap `Args` and a `run` that returns an exit code.

pub mod compare;
pub mod draft;
pub mod ingest;
pub mod options;
pub mod precedents;
pub mod show;
