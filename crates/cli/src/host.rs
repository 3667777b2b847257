//! What `concord serve` needs from the binary (`concord_serve::Host`): reading an upload as
//! `input` reads a file (a PDF through poppler in a private temporary folder, a `.doc`, `.odt`
//! or `.rtf` through LibreOffice, one conversion at a time), the clock, and the project folder
//! (`--project DIR`): its protocols listed, drafts saved into its `drafts/` folder (atomically,
//! never over an existing file) and `concord build` run on its `concord.toml`.
//!
//! No path the browser sends is opened: a project file is read only by a name the listing gave,
//! checked again against the listing and resolved inside the folder.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use concord_ingest::{Format, Options, Parsed};
use concord_serve::Refusal;

use crate::error::CliError;

/// Folders never listed or walked into.
const SKIPPED: &[&str] = &["target", "node_modules"];
/// How deep the project folder is walked for protocols.
const DEPTH: usize = 3;
/// Most protocols listed.
const MOST: usize = 500;

/// The binary's side of the web app.
#[derive(Debug)]
pub struct ServeHost {
    pub project: Option<ProjectDir>,
}

/// One LibreOffice conversion at a time: each starts an office suite of its own.
static CONVERTING: Mutex<()> = Mutex::new(());

impl concord_serve::Host for ServeHost {
    fn read(&self, name: &str, bytes: &[u8], opts: &Options) -> Result<Parsed, Refusal> {
        let shown = Path::new(name);
        let format = opts.format.unwrap_or_else(|| concord_ingest::detect(bytes));
        let parsed = if format == Format::Pdf {
            let layout = crate::pdftotext::bbox_layout_of(shown, bytes)
                .map_err(|e| refusal("The PDF cannot be read", &e))?;
            concord_ingest::read_pdf_layout(&layout, name, bytes, opts)
        } else if format.needs_conversion() {
            let docx = {
                let _one = CONVERTING.lock().unwrap_or_else(|p| p.into_inner());
                crate::soffice::to_docx(shown, bytes, format, opts.max_bytes)
            }
            .map_err(|e| refusal("Concord cannot convert this file", &e))?;
            concord_ingest::read_converted(&docx, bytes, format, name, opts)
        } else {
            concord_ingest::read(bytes, name, opts)
        };
        parsed.map_err(|e| Refusal::reading(name, &e))
    }

    fn today(&self) -> Option<concord_model::Date> {
        crate::clock::today()
    }

    fn project(&self) -> Option<&dyn concord_serve::Project> {
        self.project
            .as_ref()
            .map(|p| p as &dyn concord_serve::Project)
    }
}

/// A refusal from the binary's error, with a title.
fn refusal(title: &str, e: &CliError) -> Refusal {
    Refusal::named(
        title,
        format!("{}.", e.message()),
        concord_serve::sentence(e.hint_text().unwrap_or("")),
    )
}

/// A project folder holding a `concord.toml`.
#[derive(Debug)]
pub struct ProjectDir {
    /// The folder, resolved.
    root: PathBuf,
    /// As the user gave it.
    shown: String,
}

impl ProjectDir {
    /// The project in `dir`, which must hold a `concord.toml` that reads.
    pub fn open(dir: &Path) -> Result<ProjectDir, CliError> {
        if !dir.is_dir() {
            return Err(CliError::file(dir, "is not a folder")
                .hint("--project names the folder that holds your concord.toml"));
        }
        let root = std::fs::canonicalize(dir)
            .map_err(|e| CliError::file(dir, format!("cannot open: {e}")))?;
        let config = root.join("concord.toml");
        if !config.is_file() {
            return Err(CliError::file(dir, "holds no concord.toml").hint(
                "a project is a folder with a concord.toml (templates/examples/site/ is one)",
            ));
        }
        crate::cmd::build::outputs(&config)?;
        Ok(ProjectDir {
            root,
            shown: dir.display().to_string(),
        })
    }

    fn config(&self) -> PathBuf {
        self.root.join("concord.toml")
    }
}

impl concord_serve::Project for ProjectDir {
    fn name(&self) -> String {
        self.shown.clone()
    }

    fn protocols(&self) -> Result<Vec<String>, Refusal> {
        let outputs = crate::cmd::build::outputs(&self.config())
            .map_err(|e| refusal("The project file cannot be read", &e))?;
        let mut found = Vec::new();
        walk(&self.root, &self.root, 0, &mut found);
        found.retain(|f| !outputs.iter().any(|o| same_name(o, f)));
        found.sort();
        found.truncate(MOST);
        Ok(found)
    }

    fn read(&self, name: &str, opts: &Options) -> Result<(Parsed, Vec<u8>), Refusal> {
        if !self.protocols()?.iter().any(|p| p == name) {
            return Err(Refusal::form(format!(
                "the project has no protocol called {name:?}."
            )));
        }
        let path = std::fs::canonicalize(self.root.join(name))
            .ok()
            .filter(|p| p.starts_with(&self.root))
            .ok_or_else(|| Refusal::form(format!("{name} is not inside the project folder.")))?;
        let bytes = crate::input::read_bytes(&path, opts.max_bytes)
            .map_err(|e| refusal("The file cannot be read", &e))?;
        let loaded = crate::input::load(&path, opts).map_err(|e| {
            let mut r = refusal("The file cannot be read", &e);
            r.message = r.message.replace(&path.display().to_string(), name);
            r
        })?;
        let mut parsed = loaded.parsed;
        parsed.document.meta.source.path = name.to_string();
        Ok((parsed, bytes))
    }

    fn save(&self, name: &str, bytes: &[u8]) -> Result<String, Refusal> {
        let plain = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
        if !plain {
            return Err(Refusal::form(format!("{name:?} is not a plain file name.")));
        }
        let dir = self.root.join("drafts");
        std::fs::create_dir_all(&dir).map_err(|e| {
            Refusal::internal(format!(
                "cannot make the folder drafts/ in the project: {e}"
            ))
        })?;
        let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
        for n in 1..100 {
            let file = if n == 1 {
                name.to_string()
            } else {
                format!("{stem}-{n}.{ext}")
            };
            let target = dir.join(&file);
            if target.exists() {
                continue;
            }
            let mut tmp = tempfile::Builder::new()
                .prefix(".concord-")
                .tempfile_in(&dir)
                .map_err(|e| Refusal::internal(format!("cannot write in drafts/: {e}")))?;
            std::io::Write::write_all(&mut tmp, bytes)
                .map_err(|e| Refusal::internal(format!("cannot write in drafts/: {e}")))?;
            // Never over an existing file: a file made meanwhile keeps its place.
            match tmp.persist_noclobber(&target) {
                Ok(_) => return Ok(format!("drafts/{file}")),
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(Refusal::internal(format!(
                        "cannot save drafts/{file}: {}",
                        e.error
                    )));
                }
            }
        }
        Err(Refusal::internal(format!(
            "drafts/ already holds 99 files called {stem}"
        )))
    }

    fn build(&self) -> Result<Vec<String>, Refusal> {
        crate::cmd::build::build(&self.config())
            .map_err(|e| refusal("The project could not be built", &e))
    }
}

/// The protocol files under `dir`, relative to `root` with `/` between folders.
fn walk(root: &Path, dir: &Path, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || SKIPPED.contains(&name.as_str()) {
            continue;
        }
        // Links are not followed: a project lists what it holds.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth + 1 < DEPTH {
            walk(root, &path, depth + 1, out);
        } else if kind.is_file()
            && crate::input::is_protocol_file(&path)
            && let Ok(rel) = path.strip_prefix(root)
        {
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
}

/// True when the project file's output `o` names the listed file `f`.
fn same_name(o: &str, f: &str) -> bool {
    o.trim_start_matches("./").replace('\\', "/") == f
}
