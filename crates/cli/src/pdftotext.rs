//! Running poppler's `pdftotext -bbox-layout` on a PDF: the reader in `concord-ingest` is a
//! pure function of its output, and only this crate runs programs. A missing `pdftotext`, an
//! encrypted PDF or one poppler cannot open each get one clear message naming the file.

use std::path::Path;
use std::process::Command;

use crate::error::CliError;

/// The program, overridable for tests and unusual installs.
fn program() -> String {
    std::env::var("CONCORD_PDFTOTEXT").unwrap_or_else(|_| "pdftotext".into())
}

/// The word boxes of `path` as `pdftotext -bbox-layout` prints them.
pub fn bbox_layout(path: &Path) -> Result<String, CliError> {
    run(path, path)
}

/// The word boxes of a PDF held in memory (an upload to `concord serve`), named `shown` in
/// messages: written to a private temporary folder (readable by the user alone), which is
/// removed when this returns.
pub fn bbox_layout_of(shown: &Path, bytes: &[u8]) -> Result<String, CliError> {
    let private = |e: std::io::Error| {
        CliError::file(
            shown,
            format!("cannot make a private folder to read it in: {e}"),
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix("concord-pdf-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir().map_err(private)?;
    let input = dir.path().join("input.pdf");
    std::fs::write(&input, bytes).map_err(private)?;
    run(&input, shown)
}

fn run(input: &Path, path: &Path) -> Result<String, CliError> {
    let prog = program();
    let out = Command::new(&prog)
        .args(["-bbox-layout", "-enc", "UTF-8"])
        .arg(input)
        .arg("-")
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CliError::file(
                path,
                format!("cannot read a PDF: {prog:?} (poppler's pdftotext) is not installed"),
            )
            .hint("install poppler-utils (Debian/Ubuntu: apt-get install poppler-utils), or ingest the Word file the PDF was made from"));
        }
        Err(e) => {
            return Err(CliError::file(path, format!("cannot run {prog:?}: {e}")));
        }
    };
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let first = stderr
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("no message");
        let lower = stderr.to_lowercase();
        if lower.contains("password") || lower.contains("encrypt") {
            let e = concord_ingest::Error::PdfEncrypted;
            return Err(CliError::at(path, 1, 1, &e).hint(e.hint()));
        }
        return Err(CliError::at(
            path,
            1,
            1,
            format!("the PDF cannot be read (pdftotext: {first})"),
        )
        .hint("check that the file is a whole PDF; open it in a PDF reader and save it again"));
    }
    String::from_utf8(out.stdout).map_err(|_| {
        CliError::at(path, 1, 1, "pdftotext printed text that is not UTF-8")
            .hint("check that pdftotext comes from poppler-utils")
    })
}
