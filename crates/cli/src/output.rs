//! Writing outputs: validated before any work starts, written atomically (a temporary file in
//! the same folder, then a rename), and never over an input file.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Where a command's output goes.
#[derive(Debug)]
pub enum Output {
    Stdout,
    File(PathBuf),
}

impl Output {
    /// Checks `-o` before any work: its folder must exist and it must not be one of the inputs.
    pub fn resolve(path: Option<&Path>, inputs: &[PathBuf]) -> Result<Output, CliError> {
        let Some(path) = path else {
            return Ok(Output::Stdout);
        };
        if path.as_os_str() == "-" {
            return Ok(Output::Stdout);
        }
        if path.is_dir() {
            return Err(CliError::file(path, "is a directory").hint("give a file name for -o"));
        }
        let parent = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !parent.is_dir() {
            return Err(CliError::file(path, "its folder does not exist")
                .hint(format!("create {} first", parent.display())));
        }
        if let Ok(out) = std::fs::canonicalize(path) {
            for input in inputs {
                if std::fs::canonicalize(input).is_ok_and(|i| i == out) {
                    return Err(
                        CliError::file(path, "is an input file; refusing to overwrite it")
                            .hint("choose another -o path"),
                    );
                }
            }
        }
        Ok(Output::File(path.to_path_buf()))
    }

    /// Refuses to print a binary format (`what`) to a terminal, where it would be garbage.
    pub fn refuse_terminal(&self, what: &str, example: &str) -> Result<(), CliError> {
        use std::io::IsTerminal;
        if matches!(self, Output::Stdout) && std::io::stdout().is_terminal() {
            return Err(
                CliError::new(format!("{what} cannot be printed to a terminal")).hint(format!(
                    "write it to a file with -o, for example: {example}"
                )),
            );
        }
        Ok(())
    }

    /// Writes all the bytes at once.
    pub fn write(&self, bytes: &[u8]) -> Result<(), CliError> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(bytes)
                    .and_then(|()| out.flush())
                    .map_err(|e| CliError::io(None, e))
            }
            Output::File(path) => write_atomic(path, bytes),
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so an
/// interrupted run leaves the old file whole.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".concord-")
        .tempfile_in(dir)
        .map_err(|e| CliError::io(Some(path), e))?;
    tmp.write_all(bytes)
        .map_err(|e| CliError::io(Some(path), e))?;
    // A temporary file is private (0600); the output gets the permissions of the file it
    // replaces, or the usual 0644 for a new one, so a published page stays readable.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode() & 0o7777);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| CliError::io(Some(path), e))?;
    }
    tmp.as_file()
        .sync_all()
        .map_err(|e| CliError::io(Some(path), e))?;
    tmp.persist(path)
        .map_err(|e| CliError::io(Some(path), e.error))?;
    Ok(())
}
