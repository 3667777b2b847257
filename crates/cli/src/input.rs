//! Reading input files: every failure names the path and says what to do, and no input is
//! read past the size limit (a file's size is checked before it is opened, and whatever it
//! turns out to hold, `/dev/zero` or a pipe, reading stops one byte past the limit).
//!
//! Symbolic links to inputs are followed deliberately: the link's target is read, and the
//! document keeps the path as given (its id is the link's file stem). `-o` is checked against
//! the target, so an output can never overwrite an input through a link.

use std::fmt;
use std::path::{Path, PathBuf};

use concord_ingest::{Error, Format, Options, Parsed};

use crate::error::CliError;

/// The reader's limits as flags, shared by every command that reads protocols.
#[derive(Debug, Clone, clap::Args)]
pub struct Limits {
    /// Refuse an input file larger than this (bytes, or with a K, M or G suffix)
    #[arg(long, value_name = "SIZE", default_value_t = Size(concord_ingest::MAX_BYTES))]
    pub max_size: Size,
    /// Refuse clause numbering nested deeper than this (2.8.1 is three deep)
    #[arg(long, value_name = "N", default_value_t = concord_ingest::MAX_DEPTH)]
    pub max_depth: usize,
    /// Refuse a document with more clauses than this
    #[arg(long, value_name = "N", default_value_t = concord_ingest::MAX_CLAUSES)]
    pub max_clauses: usize,
}

impl Limits {
    /// The reader's options with these limits.
    pub fn options(&self) -> Options {
        Options {
            max_bytes: self.max_size.0,
            max_depth: self.max_depth,
            max_clauses: self.max_clauses,
            ..Options::default()
        }
    }
}

/// A size in bytes, written and read with an optional K, M or G suffix (powers of 1024).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Size(pub usize);

const UNITS: &[(&str, usize)] = &[("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)];

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (suffix, unit) in UNITS {
            if self.0 >= *unit && self.0.is_multiple_of(*unit) {
                return write!(f, "{}{suffix}", self.0 / unit);
            }
        }
        write!(f, "{}", self.0)
    }
}

impl std::str::FromStr for Size {
    type Err = String;

    fn from_str(s: &str) -> Result<Size, String> {
        let t = s.trim();
        let upper = t.to_ascii_uppercase();
        let upper = upper
            .strip_suffix("IB")
            .or_else(|| upper.strip_suffix('B').filter(|u| !u.is_empty()))
            .unwrap_or(&upper);
        let (digits, unit) = UNITS
            .iter()
            .find_map(|(suffix, unit)| upper.strip_suffix(suffix).map(|d| (d, *unit)))
            .unwrap_or((upper, 1));
        let n: usize = digits
            .trim()
            .parse()
            .map_err(|_| format!("'{s}' is not a size; write bytes, or a number with K, M or G"))?;
        n.checked_mul(unit)
            .filter(|&b| b > 0)
            .map(Size)
            .ok_or_else(|| format!("'{s}' is not a usable size"))
    }
}

/// A read document with the path it came from.
#[derive(Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub parsed: Parsed,
}

/// Reads and ingests one file: text, Markdown or Word as they are, a PDF through poppler's
/// `pdftotext`, a `.doc`, `.odt` or `.rtf` through LibreOffice's conversion to `.docx` (the
/// format is told by the content, not the extension). A conversion is said on standard error.
pub fn load(path: &Path, opts: &Options) -> Result<Loaded, CliError> {
    let bytes = read_bytes(path, opts.max_bytes)?;
    let shown = path.display().to_string();
    let format = match opts.format {
        Some(f) => f,
        None => concord_ingest::detect(&bytes),
    };
    let parsed = if opts.format.is_none() && format == Format::Pdf {
        let layout = crate::pdftotext::bbox_layout(path)?;
        concord_ingest::read_pdf_layout(&layout, &shown, &bytes, opts)
    } else if format.needs_conversion() {
        let docx = crate::soffice::to_docx(path, &bytes, format, opts.max_bytes)?;
        eprintln!(
            "note: {shown}: {} read through LibreOffice's conversion to .docx",
            format.name()
        );
        concord_ingest::read_converted(&docx, &bytes, format, &shown, opts)
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
            let hint = match &e {
                Error::TooLarge { limit, .. } => too_large_hint(*limit),
                Error::TooDeep { limit, .. } => format!(
                    "check that these are clause numbers; to read deeper numbering, raise --max-depth (now {limit})"
                ),
                Error::TooManyClauses { limit, .. } => format!(
                    "check that the file is one protocol; to read a longer one, raise --max-clauses (now {limit})"
                ),
                _ => e.hint().to_string(),
            };
            Err(CliError::at(path, line, col, &e).hint(hint))
        }
    }
}

/// Below this many files no progress bar is drawn: the work is over before it would show.
const PROGRESS_FROM: usize = 50;

/// Reads and ingests many files on every core, returning them in the order given (and the
/// first failure in that order). A progress bar is drawn on standard error when it is a
/// terminal and the work is large enough to wait for; otherwise nothing is printed.
pub fn load_all(paths: &[PathBuf], opts: &Options) -> Result<Vec<Loaded>, CliError> {
    use rayon::prelude::*;
    use std::io::IsTerminal;

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
    let results: Vec<Result<Loaded, CliError>> = paths
        .par_iter()
        .map(|path| {
            let r = load(path, opts);
            bar.inc(1);
            r
        })
        .collect();
    bar.finish_and_clear();
    results.into_iter().collect()
}

fn too_large_hint(limit: usize) -> String {
    format!(
        "check that it is really a protocol; to read a larger file, raise --max-size (now {})",
        Size(limit)
    )
}

/// Reads at most `limit` bytes of a protocol file, with one clear message for a missing
/// file, a directory, a file over the limit or a read error.
pub fn read_bytes(path: &Path, limit: usize) -> Result<Vec<u8>, CliError> {
    crate::limited::read_limited(
        path,
        limit,
        "a protocol file",
        "check the path and the file name",
        &too_large_hint(limit),
    )
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
                    "holds no protocol files (.txt, .md, .markdown, .docx, .doc, .odt, .rtf, .pdf)",
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
        Some("txt" | "md" | "markdown" | "text" | "docx" | "doc" | "odt" | "rtf" | "pdf")
    )
}

/// The document id of a path: its file stem (`corpus/tewkesbury.txt` is `tewkesbury`).
pub fn doc_id(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("document")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::Size;

    #[test]
    fn sizes_read_and_print_with_suffixes() {
        assert_eq!(Size(concord_ingest::MAX_BYTES).to_string(), "64M");
        assert_eq!("64M".parse::<Size>(), Ok(Size(64 << 20)));
        assert_eq!("10k".parse::<Size>(), Ok(Size(10 << 10)));
        assert_eq!("2GiB".parse::<Size>(), Ok(Size(2 << 30)));
        assert_eq!("1000".parse::<Size>(), Ok(Size(1000)));
        assert_eq!(Size(1000).to_string(), "1000");
        assert!("ten".parse::<Size>().is_err());
        assert!("0".parse::<Size>().is_err());
    }
}
