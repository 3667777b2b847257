//! One file per subcommand: its clap `Args` and a `run` that returns an exit code.

pub mod build;
pub mod check;
pub mod compare;
pub mod completions;
pub mod diff;
pub mod draft;
pub mod ingest;
pub mod man;
pub mod options;
pub mod pack;
pub mod precedents;
pub mod show;
