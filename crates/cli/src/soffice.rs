//! Converting `.doc`, `.odt` and `.rtf` files to `.docx` with LibreOffice (`soffice --headless
//! --convert-to docx`), so that the Word reader in `concord-ingest` can read them, as
//! `pdftotext.rs` runs poppler for PDFs. Each run is private: a temporary folder of its own
//! (readable by the user alone, removed afterwards) holds a copy of the input, the output and a
//! LibreOffice profile (two `soffice` runs sharing a profile silently write nothing). A run that
//! does not finish in time is killed with every process it started. A missing LibreOffice, a
//! failed conversion and a hung one each get one clear message naming the file.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use concord_ingest::Format;

use crate::error::CliError;

/// How long a conversion may take. A first start makes the private profile (a few seconds on a
/// slow machine); a long protocol converts in seconds more. A run past this is stuck (a dialog
/// in a headless run, a damaged file LibreOffice loops on).
const TIMEOUT: Duration = Duration::from_secs(120);

/// How often a running conversion is polled.
const POLL: Duration = Duration::from_millis(50);

/// The program, overridable for tests and unusual installs.
fn program() -> String {
    std::env::var("CONCORD_SOFFICE").unwrap_or_else(|_| "soffice".into())
}

/// The time limit: `CONCORD_SOFFICE_TIMEOUT` seconds, or [`TIMEOUT`].
fn timeout() -> Duration {
    std::env::var("CONCORD_SOFFICE_TIMEOUT")
        .ok()
        .and_then(|s| s.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s > 0.0)
        .map_or(TIMEOUT, Duration::from_secs_f64)
}

/// The `.docx` LibreOffice makes of `bytes` (the content of `path`, in `format`), at most
/// `limit` bytes of it.
pub fn to_docx(
    path: &Path,
    bytes: &[u8],
    format: Format,
    limit: usize,
) -> Result<Vec<u8>, CliError> {
    let prog = program();
    let private = |e: std::io::Error| {
        CliError::file(
            path,
            format!("cannot make a private folder to convert it in: {e}"),
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix("concord-convert-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o700));
    }
    let dir = builder.tempdir().map_err(private)?;
    let input = dir.path().join(format!("input.{}", format.extension()));
    std::fs::write(&input, bytes).map_err(private)?;
    let out_dir = dir.path().join("out");
    let log = std::fs::File::create(dir.path().join("soffice.log")).map_err(private)?;
    let mut cmd = Command::new(&prog);
    cmd.arg(format!(
        "-env:UserInstallation={}",
        file_url(&dir.path().join("profile"))
    ))
    .args([
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        "docx:MS Word 2007 XML",
        "--outdir",
    ])
    .arg(&out_dir)
    .arg(&input)
    .stdin(Stdio::null())
    .stdout(log.try_clone().map_err(private)?)
    .stderr(log);
    #[cfg(unix)]
    {
        // Its own process group, so that a stuck run is killed whole (soffice starts
        // soffice.bin, which outlives a killed parent).
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CliError::file(
                path,
                format!(
                    "cannot read {}: {prog:?} (LibreOffice) is not installed to convert it",
                    format.name()
                ),
            )
            .hint(match format {
                Format::Doc => "this is the old Word format: open it in Word or LibreOffice and save it as .docx, or install LibreOffice to read it as it is (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)",
                _ => "open it in Word or LibreOffice and save it as .docx, or install LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)",
            }));
        }
        Err(e) => return Err(CliError::file(path, format!("cannot run {prog:?}: {e}"))),
    };
    let limit_time = timeout();
    let deadline = Instant::now() + limit_time;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(POLL),
            Ok(None) => {
                kill(&mut child);
                return Err(CliError::file(
                    path,
                    format!(
                        "LibreOffice did not finish converting {} in {} s, so it was stopped",
                        format.name(),
                        limit_time.as_secs_f64()
                    ),
                )
                .hint("open it in Word or LibreOffice and save it as .docx; a file that hangs the conversion may be damaged"));
            }
            Err(e) => {
                kill(&mut child);
                return Err(CliError::file(
                    path,
                    format!("cannot wait for {prog:?}: {e}"),
                ));
            }
        }
    };
    let produced = out_dir.join("input.docx");
    if !status.success() || !produced.is_file() {
        let said = std::fs::read_to_string(dir.path().join("soffice.log")).unwrap_or_default();
        // LibreOffice warns about Java and the like before it says what went wrong.
        let lines: Vec<&str> = said
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let first = lines
            .iter()
            .find(|l| l.to_lowercase().contains("error"))
            .or_else(|| lines.iter().find(|l| !l.starts_with("Warning")))
            .copied()
            .unwrap_or("no message");
        return Err(CliError::at(
            path,
            1,
            1,
            format!(
                "LibreOffice could not convert {} to .docx (soffice: {first})",
                format.name()
            ),
        )
        .hint("check that the file opens in Word or LibreOffice, and save it as .docx there"));
    }
    crate::limited::read_limited(
        &produced,
        limit,
        "a converted Word file",
        "LibreOffice wrote no .docx",
        "the converted .docx is over the size limit; raise --max-size",
    )
    .map_err(|e| CliError::file(path, format!("the conversion cannot be read back ({e})")))
}

/// Stops a conversion and everything it started.
fn kill(child: &mut std::process::Child) {
    #[cfg(unix)]
    {
        let pgid = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(pgid, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// A `file://` URL for a local path, as LibreOffice's `-env:UserInstallation` wants it.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    let s = path.to_string_lossy();
    if !s.starts_with('/') {
        url.push('/');
    }
    for b in s.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_urls_escape_what_a_url_cannot_hold() {
        assert_eq!(
            file_url(Path::new("/tmp/concord-convert-x/profile")),
            "file:///tmp/concord-convert-x/profile"
        );
        assert_eq!(
            file_url(Path::new("/tmp/my folder/p%1")),
            "file:///tmp/my%20folder/p%251"
        );
    }
}
