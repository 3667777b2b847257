//! Reading input files: every failure names the path and says what to do.

use std::path::{Path, PathBuf};

use concord_ingest::{Options, Parsed};

use crate::error::CliError;

/// A read document with the path it came from.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub parsed: Parsed,
}

/// Reads and ingests one file: text, Markdown or Word as they are, a PDF through poppler's
/// `pdftotext` (the format is told by the content, not the extension).
pub fn load(path: &Path, opts: &Options) -> Result<Loaded, CliError> {
    let bytes = read_bytes(path)?;
    let shown = path.display().to_string();
    let pdf =
        opts.format.is_none() && concord_ingest::detect(&bytes) == concord_ingest::Format::Pdf;
    let parsed = if pdf {
        let layout = crate::pdftotext::bbox_layout(path)?;
        concord_ingest::read_pdf_layout(&layout, &shown, &bytes)
    } else {
        concord_ingest::read(&bytes, &shown, opts)
    };
    match parsed {
        Ok(parsed) => Ok(Loaded {
            path: path.to_path_buf(),
            parsed,
        }),
        Err(e) => {
            let (line, col) = e.position();
            Err(CliError::at(path, line, col, &e).hint(e.hint()))
        }
    }
}

/// Reads a file's bytes, with one clear message for a missing file, a directory or a read error.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CliError::file(path, "no such file")
                .hint("check the path; `concord ingest corpus/*.txt` reads the bundled corpus"));
        }
        Err(e) => return Err(CliError::file(path, format!("cannot read: {e}"))),
        Ok(m) if m.is_dir() => {
            return Err(CliError::file(path, "is a directory, not a protocol file")
                .hint("name the files inside it, for example DIR/*.txt"));
        }
        Ok(_) => {}
    }
    std::fs::read(path).map_err(|e| CliError::file(path, format!("cannot read: {e}")))
}

/// Expands directories into the protocol files they hold (sorted, not recursive into hidden
/// folders), for commands that accept `FILE|DIR...`.
#[allow(dead_code, reason = "used by compare")]
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, CliError> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| CliError::file(p, format!("cannot list: {e}")))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_file() && is_protocol_file(p))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(CliError::file(
                    p,
                    "holds no protocol files (.txt, .md, .markdown, .docx, .pdf)",
                ));
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn is_protocol_file(p: &Path) -> bool {
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.eq_ignore_ascii_case("README.md") {
        return false;
    }
    matches!(
        p.extension().and_then(|e| e.to_str()),
        Some("txt" | "md" | "markdown" | "text" | "docx" | "pdf")
    )
}

/// The document id of a path: its file stem (`corpus/tewkesbury.txt` is `tewkesbury`).
#[allow(dead_code, reason = "used by compare and diff")]
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string()
}
