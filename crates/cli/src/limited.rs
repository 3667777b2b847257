//! Reading one file within a size limit, with one clear error for each way it can fail (no
//! such file, a dangling link, a directory, too large, unreadable). Shared by the readers of
//! protocols (`input`) and of converted files (`soffice`).

use std::io::Read;
use std::path::Path;

use crate::error::CliError;

/// Reads at most `limit` bytes of a file that should be `what`; `missing` and `large` are the
/// hints for a missing file and for one over the limit.
pub fn read_limited(
    path: &Path,
    limit: usize,
    what: &str,
    missing: &str,
    large: &str,
) -> Result<Vec<u8>, CliError> {
    let meta = match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let message = if std::fs::symlink_metadata(path).is_ok() {
                "is a symbolic link to a file that does not exist"
            } else {
                "no such file"
            };
            return Err(CliError::file(path, message).hint(missing));
        }
        Err(e) => return Err(CliError::file(path, format!("cannot read: {e}"))),
        Ok(m) if m.is_dir() => {
            return Err(CliError::file(path, format!("is a directory, not {what}"))
                .hint("name the files inside it, for example DIR/*.txt"));
        }
        Ok(m) => m,
    };
    if meta.is_file() && meta.len() > limit as u64 {
        return Err(CliError::file(
            path,
            format!(
                "the file is {} bytes, over the limit of {limit} bytes",
                meta.len()
            ),
        )
        .hint(large));
    }
    let file =
        std::fs::File::open(path).map_err(|e| CliError::file(path, format!("cannot read: {e}")))?;
    let mut bytes = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| CliError::file(path, format!("cannot read: {e}")))?;
    if bytes.len() > limit {
        // Not a regular file (a device, a pipe): its size was only found by reading.
        return Err(
            CliError::file(path, format!("holds more than the limit of {limit} bytes")).hint(large),
        );
    }
    Ok(bytes)
}
