//! Writing outputs: validated before any work starts, written atomically (a temporary file in
//! the same folder, then a rename), and never over an input file.
//!
//! [`Output::resolve`] runs before a command reads anything. It refuses a directory, a missing
//! folder, a dangling symbolic link, and any path that is one of the inputs, however it is
//! spelled (`./a.txt`, a symbolic link to it, a hard link to it). It then creates the temporary
//! file, so a folder that cannot be written fails at once, not after the work. [`Output::write`]
//! fills the temporary file and renames it over the output: an interrupted or failed run
//! leaves the old file whole (and at worst a stray `.concord-*` file beside it).
//!
//! Symbolic links are followed deliberately: `-o link.md` replaces the file the link points to
//! and the link stays a link. An existing output that is not a regular file (`/dev/null`, a
//! named pipe, a terminal) is written directly, since there is no file to keep whole; it is
//! never replaced by a regular file.

use std::fs::{Metadata, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::CliError;

/// Where a command's output goes.
#[derive(Debug)]
pub enum Output {
    Stdout,
    /// A regular file (existing or new) at `target` (the output with symbolic links resolved),
    /// written through `tmp`, a temporary file in the same folder made when resolving.
    File {
        shown: PathBuf,
        target: PathBuf,
        tmp: tempfile::NamedTempFile,
    },
    /// An existing file that is not a regular file, written directly.
    Special(PathBuf),
}

impl Output {
    /// Checks `-o` before any work and prepares its temporary file.
    pub fn resolve(path: Option<&Path>, inputs: &[PathBuf]) -> Result<Output, CliError> {
        let Some(path) = path else {
            return Ok(Output::Stdout);
        };
        if path.as_os_str() == "-" {
            return Ok(Output::Stdout);
        }
        let (target, existing) = match std::fs::symlink_metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => (path.to_path_buf(), None),
            Err(e) => return Err(CliError::file(path, format!("cannot use as output: {e}"))),
            Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(path) {
                Ok(t) => {
                    let meta = std::fs::metadata(&t)
                        .map_err(|e| CliError::file(path, format!("cannot use as output: {e}")))?;
                    (t, Some(meta))
                }
                Err(_) => {
                    return Err(CliError::file(
                        path,
                        "is a symbolic link to a file that does not exist",
                    )
                    .hint("remove the link, or give -o the path of a real file"));
                }
            },
            Ok(m) => (path.to_path_buf(), Some(m)),
        };
        if existing.as_ref().is_some_and(Metadata::is_dir) {
            return Err(CliError::file(path, "is a directory").hint("give a file name for -o"));
        }
        if let Some(meta) = &existing {
            refuse_inputs(path, &target, meta, inputs)?;
            if !meta.is_file() {
                return Ok(Output::Special(target));
            }
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            return Err(CliError::file(path, "its folder does not exist")
                .hint(format!("create {} first", dir.display())));
        }
        let tmp = temporary(&dir, existing.as_ref()).map_err(|e| {
            CliError::file(path, format!("cannot write in {}: {e}", dir.display()))
                .hint("choose a folder you can write to")
        })?;
        Ok(Output::File {
            shown: path.to_path_buf(),
            target,
            tmp,
        })
    }

    /// The canonical path of a file output, to check it against other paths (a template
    /// folder); `None` for standard output.
    pub fn target(&self) -> Option<&Path> {
        match self {
            Output::Stdout => None,
            Output::File { target, .. } => Some(target),
            Output::Special(p) => Some(p),
        }
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
    pub fn write(self, bytes: &[u8]) -> Result<(), CliError> {
        self.write_with(|f| f.write_all(bytes))
    }

    /// Writes through `fill`, which gets the file to write to. A file output is renamed into
    /// place only when `fill` succeeds.
    fn write_with(
        self,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), CliError> {
        match self {
            Output::Stdout => {
                let mut out = std::io::stdout().lock();
                fill(&mut out)
                    .and_then(|()| out.flush())
                    .map_err(|e| CliError::io(None, e))
            }
            Output::Special(path) => {
                let mut f = OpenOptions::new()
                    .write(true)
                    .open(&path)
                    .map_err(|e| CliError::io(Some(&path), e))?;
                fill(&mut f)
                    .and_then(|()| f.flush())
                    .map_err(|e| CliError::io(Some(&path), e))
            }
            Output::File {
                shown,
                target,
                mut tmp,
            } => {
                fill(tmp.as_file_mut())
                    .and_then(|()| tmp.as_file().sync_all())
                    .map_err(|e| CliError::io(Some(&shown), e))?;
                tmp.persist(&target)
                    .map_err(|e| CliError::io(Some(&shown), e.error))?;
                Ok(())
            }
        }
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so an
/// interrupted run leaves the old file whole (for commands that write several files).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let existing = std::fs::metadata(path).ok();
    let mut tmp = temporary(dir, existing.as_ref()).map_err(|e| CliError::io(Some(path), e))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| CliError::io(Some(path), e))?;
    tmp.persist(path)
        .map_err(|e| CliError::io(Some(path), e.error))?;
    Ok(())
}

/// The temporary file an output is written through: beside it (a rename never crosses file
/// systems). A temporary file is private (0600); the output gets the permissions of the file
/// it replaces, or the usual 0644 for a new one, so a published page stays readable.
fn temporary(dir: &Path, existing: Option<&Metadata>) -> std::io::Result<tempfile::NamedTempFile> {
    let tmp = tempfile::Builder::new()
        .prefix(".concord-")
        .tempfile_in(dir)?;
    match existing {
        Some(meta) => tmp.as_file().set_permissions(meta.permissions())?,
        None => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                tmp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
        }
    }
    Ok(tmp)
}

/// Refuses an output that is one of the inputs: the same path once resolved, or the same file
/// under another name (a hard link).
fn refuse_inputs(
    shown: &Path,
    target: &Path,
    meta: &Metadata,
    inputs: &[PathBuf],
) -> Result<(), CliError> {
    let out = std::fs::canonicalize(target).ok();
    for input in inputs {
        let same_path = out.is_some() && std::fs::canonicalize(input).ok() == out;
        let same_file = std::fs::metadata(input).is_ok_and(|m| same_inode(meta, &m));
        if same_path || same_file {
            return Err(
                CliError::file(shown, "is an input file; refusing to overwrite it")
                    .hint("choose another -o path"),
            );
        }
    }
    Ok(())
}

#[cfg(unix)]
fn same_inode(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &Metadata, _: &Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Leftover temporary files in a folder.
    fn strays(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".concord-"))
            .collect()
    }

    #[test]
    fn a_write_that_fails_midway_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "the old protocol\n").unwrap();
        let out = Output::resolve(Some(&path), &[]).unwrap();
        let e = out
            .write_with(|f| {
                f.write_all(b"half of the new")?;
                Err(std::io::Error::other("disk full (injected)"))
            })
            .unwrap_err();
        assert!(e.to_string().contains("disk full (injected)"), "{e}");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "the old protocol\n"
        );
        assert!(strays(dir.path()).is_empty(), "{:?}", strays(dir.path()));
    }

    #[test]
    fn a_written_file_replaces_the_old_one_and_keeps_its_mode() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        Output::resolve(Some(&path), &[])
            .unwrap()
            .write(b"new")
            .unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        assert!(strays(dir.path()).is_empty());
    }

    #[test]
    fn an_output_abandoned_before_writing_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        drop(Output::resolve(Some(&path), &[]).unwrap());
        assert!(!path.exists());
        assert!(strays(dir.path()).is_empty());
    }
}
