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

/// Below this many files no progress bar is drawn: the work is over before it would show.
const PROGRESS_FROM: usize = 50;

/// Reads and ingests many files on every core, returning them in the order given (and the
/// first failure in that order). A progress bar is drawn on standard error when it is a
/// terminal and the work is large enough to wait for; otherwise nothing is printed.
pub fn load_all(paths: &[PathBuf], opts: &Options) -> Result<Vec<Loaded>, CliError> {
    use std::io::IsTerminal;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};

    let bar = if paths.len() >= PROGRESS_FROM && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(paths.len() as u64);
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("reading {bar:30} {pos}/{len} protocols")
        {
            bar.set_style(style);
        }
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(paths.len().max(1));
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Loaded, CliError>>>> =
        Mutex::new((0..paths.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = paths.get(k) else { break };
                    let r = load(path, opts);
                    if let Ok(mut all) = results.lock() {
                        all[k] = Some(r);
                    }
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    let results = results
        .into_inner()
        .map_err(|_| CliError::new("a reader thread failed"))?;
    results
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(CliError::new("a file was not read"))))
        .collect()
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
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string()
}
