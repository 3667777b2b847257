//! The one error type of the binary: a message that names the file (with `path:line:col`
//! where there is one), a hint, and the exit code.

use std::fmt;
use std::path::Path;

use crate::exit;

/// A failure reported to the user as one line (plus an optional hint line).
#[derive(Debug)]
pub struct CliError {
    message: String,
    hint: Option<String>,
    code: i32,
    broken_pipe: bool,
}

impl CliError {
    /// Bad input in a user's file, at a 1-based line and column.
    pub fn at(path: &Path, line: u32, col: u32, message: impl fmt::Display) -> CliError {
        CliError::new(format!("{}:{line}:{col}: {message}", path.display()))
    }

    /// Bad input about a whole file (missing, a directory, unreadable).
    pub fn file(path: &Path, message: impl fmt::Display) -> CliError {
        CliError::new(format!("{}: {message}", path.display()))
    }

    /// Any other failure, exit code 2.
    pub fn new(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            hint: None,
            code: exit::BAD_INPUT,
            broken_pipe: false,
        }
    }

    /// Adds a hint printed on the next line.
    pub fn hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// An IO failure while writing; a broken pipe (`concord ... | head`) is not reported.
    pub fn io(path: Option<&Path>, e: std::io::Error) -> CliError {
        let broken_pipe = e.kind() == std::io::ErrorKind::BrokenPipe;
        let mut err = match path {
            Some(p) => CliError::file(p, format!("cannot write: {e}")),
            None => CliError::new(format!("cannot write to standard output: {e}")),
        };
        err.broken_pipe = broken_pipe;
        err
    }

    /// The message, without `error: ` or the hint.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The hint, when there is one.
    pub fn hint_text(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    pub fn exit_code(&self) -> i32 {
        self.code
    }

    pub fn is_broken_pipe(&self) -> bool {
        self.broken_pipe
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        if let Some(h) = &self.hint {
            write!(f, "\n  hint: {h}")?;
        }
        Ok(())
    }
}
