//! `concord draft OPTIONS.toml [--format md|html|docx|pdf] [-o OUT] [--templates DIR]`

use std::path::{Path, PathBuf};

use clap::ValueEnum;
use concord_draft::{Drafter, Templates};

use crate::error::CliError;
use crate::exit;
use crate::input::Size;
use crate::limited::read_limited;
use crate::output::Output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The council's choices (TOML); `concord options` lists every option
    #[arg(value_name = "OPTIONS.toml")]
    options: PathBuf,
    /// What to write
    #[arg(long, short, value_enum, default_value_t = Format::Md)]
    format: Format,
    /// Write to this file instead of standard output (written whole or not at all)
    #[arg(long, short, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Draft from this template folder instead of the built-in library
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Refuse an options file larger than this (bytes, or with a K, M or G suffix)
    #[arg(long, value_name = "SIZE", default_value_t = Size(concord_draft::validate::MAX_OPTIONS_BYTES))]
    max_size: Size,
    /// The author written into a Word or PDF file's properties
    #[arg(long, value_name = "NAME", default_value = "Concord")]
    author: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Markdown, written so that Concord reads it back to exactly the same clauses
    Md,
    /// A self-contained, accessible, printable HTML page
    Html,
    /// A Word file with real heading styles and automatic list numbering (needs -o)
    Docx,
    /// A PDF with bookmarks, readable by screen readers (needs -o)
    Pdf,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let out = Output::resolve(args.output.as_deref(), std::slice::from_ref(&args.options))?;
    if matches!(args.format, Format::Docx | Format::Pdf) {
        out.refuse_terminal(
            "a Word or PDF file",
            "concord draft OPTIONS.toml --format docx -o protocol.docx",
        )?;
    }
    let templates = match &args.templates {
        Some(dir) if !dir.is_dir() => {
            return Err(CliError::file(dir, "is not a template folder")
                .hint("give a folder holding protocol.j2, or leave out --templates to use the built-in library"));
        }
        Some(dir) => {
            // An output inside the template folder could overwrite a template.
            let root = std::fs::canonicalize(dir)
                .map_err(|e| CliError::file(dir, format!("cannot open: {e}")))?;
            let inside = out
                .target()
                .and_then(|t| std::fs::canonicalize(t.parent()?).ok())
                .is_some_and(|parent| parent.starts_with(&root));
            if let (true, Some(o)) = (inside, &args.output) {
                return Err(CliError::file(
                    o,
                    "is inside the template folder; refusing to write there",
                )
                .hint("choose an -o path outside the --templates folder"));
            }
            crate::templates::folder(dir)
        }
        None => Templates::Builtin,
    };
    let text = read_options(&args.options, args.max_size.0)?;
    let options = parse_options(&args.options, &text)?;
    let drafted = Drafter::new(templates)
        .draft(&options)
        .map_err(|e| draft_error(&e, args.templates.as_deref()))?;
    let format = match args.format {
        Format::Md => concord_publish::Format::Md,
        Format::Html => concord_publish::Format::Html,
        Format::Docx => concord_publish::Format::Docx,
        Format::Pdf => concord_publish::Format::Pdf,
    };
    // A Word file's date is the adoption date the options give: never the clock.
    let look = concord_publish::Look {
        author: Some(args.author.clone()),
        date: drafted.document.meta.adopted.map(|d| d.to_string()),
        redline: Default::default(),
        logo: read_logo(&args.options, &options)?,
    };
    let bytes = concord_publish::document(&drafted.document, format, &look)
        .map_err(|e| CliError::new(e.to_string()))?;
    out.write(&bytes)?;
    Ok(exit::SUCCESS)
}

/// The most bytes a logo file may hold.
const MAX_LOGO_BYTES: usize = 16 << 20;

/// The logo the options name (`[council] logo`), read from beside the options file and checked
/// before anything is written.
pub fn read_logo(
    options_path: &Path,
    options: &concord_draft::Options,
) -> Result<Option<concord_render::Logo>, CliError> {
    let Some(name) = &options.council.logo else {
        return Ok(None);
    };
    let path = options_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join(name);
    let bytes = read_limited(
        &path,
        MAX_LOGO_BYTES,
        "a logo",
        "[council] logo names a picture beside the options file (a PNG or JPEG)",
        "save a smaller copy of the logo (a few hundred pixels across is enough)",
    )?;
    concord_render::Logo::read(bytes).map(Some).map_err(|e| {
        CliError::file(&path, e).hint("[council] logo must name a PNG or JPEG picture")
    })
}

/// Reads an options file (at most `limit` bytes) as UTF-8 (TOML allows nothing else).
pub fn read_options(path: &Path, limit: usize) -> Result<String, CliError> {
    let bytes = read_limited(
        path,
        limit,
        "an options file",
        "templates/examples/ holds options files to start from",
        &format!(
            "an options file is a few kilobytes; to read a larger one, raise --max-size (now {})",
            Size(limit)
        ),
    )?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, col) = concord_draft::line_col(&text, valid);
        CliError::at(path, line, col, "the options file is not valid UTF-8")
            .hint("save the file as UTF-8")
    })
}

/// Validates an options file. Every mistake is printed at its `path:line:col`; the last one is
/// returned so that `main` prints it and exits 2 (the error type carries one message).
pub fn parse_options(path: &Path, text: &str) -> Result<concord_draft::Options, CliError> {
    match concord_draft::validate::parse(text) {
        Ok(o) => Ok(o),
        Err(mut problems) => {
            let last = problems.pop();
            for p in &problems {
                eprintln!("{}", problem_error(path, p));
            }
            Err(match last {
                Some(p) => problem_error(path, &p),
                None => CliError::file(path, "invalid options file"),
            })
        }
    }
}

fn problem_error(path: &Path, p: &concord_draft::Problem) -> CliError {
    let e = CliError::at(path, p.line, p.col, &p.message);
    match &p.hint {
        Some(h) => e.hint(h.clone()),
        None => e,
    }
}

pub fn draft_error(e: &concord_draft::Error, dir: Option<&Path>) -> CliError {
    let place = match dir {
        Some(d) => format!("{}: ", d.display()),
        None => "built-in templates: ".into(),
    };
    if let concord_draft::Error::Template(t) = e
        && let Some(at) = innermost_located(t)
        && let (Some(name), Some(line)) = (at.name(), at.line())
    {
        // `DIR/sections/media.j2:3: what`, the template and line a user fixes.
        let file = match dir {
            Some(d) => d.join(name).display().to_string(),
            None => format!("built-in template {name}"),
        };
        let detail = at
            .detail()
            .map_or_else(|| at.kind().to_string(), ToString::to_string);
        let hint = if detail.contains("refused") {
            "a template folder may include only templates inside itself, by relative names"
        } else if at.kind() == minijinja::ErrorKind::OutOfFuel {
            "the templates did more work than any protocol needs; look for a loop that runs away"
        } else {
            "fix the template at that line"
        };
        return CliError::new(format!("{file}:{line}: {detail}")).hint(hint);
    }
    let mut message = format!("{place}{e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let err = CliError::new(message);
    match e {
        concord_draft::Error::DanglingRef { .. } => {
            err.hint("ref() may only name a clause or section that is drafted; check the id and the [sections] it depends on")
        }
        _ => err,
    }
}

/// The deepest template error in a chain that knows its template and line: for an include
/// that failed, the included template's own line, not the line of the include.
fn innermost_located(e: &minijinja::Error) -> Option<&minijinja::Error> {
    let mut best = (e.name().is_some() && e.line().is_some()).then_some(e);
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if let Some(t) = s.downcast_ref::<minijinja::Error>()
            && t.name().is_some()
            && t.line().is_some()
        {
            best = Some(t);
        }
        source = s.source();
    }
    best
}
