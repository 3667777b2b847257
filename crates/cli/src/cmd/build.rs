//! `concord build [--config concord.toml] [--check]`: every output a project names, written
//! deterministically; `--check` writes nothing and exits 1 naming each output that is stale or
//! missing (for CI, so a published protocol never drifts from its source).
//!
//! The project file:
//!
//! ```toml
//! [[protocol]]                       # publish a protocol in other formats
//! source = "protocol.md"
//! outputs = ["public/protocol.html", "public/protocol.json"]
//!
//! [[draft]]                          # draft from a council's options
//! options = "options.toml"
//! outputs = ["public/draft.md", "public/draft.html"]
//!
//! [[redline]]                        # redline two versions (or `tracked = "file"`)
//! old = "previous.md"
//! new = "protocol.md"
//! outputs = ["public/redline.html", "public/redline.md"]
//!
//! [[pack]]                           # the standards committee review pack
//! old = "previous.md"
//! new = "protocol.md"
//! peers = ["peers/"]                 # other councils' protocols (optional)
//! meeting = "Standards Committee, 12 March 2027"
//! outputs = ["public/pack.html", "public/pack.docx", "public/pack.pdf"]
//!
//! [[check]]                          # publication lints, as a report
//! source = "protocol.md"
//! outputs = ["public/check.json"]
//! today = "2026-05-05"              # the date review dates are judged by (no clock in a build)
//! ```
//!
//! Paths are relative to the project file's folder. The format of each output comes from its
//! extension (`.md`, `.html`, `.json`, `.txt`, and `.docx` / `.pdf` for protocols, drafts and
//! redlines: a redline's `.docx` holds real tracked changes).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::CliError;
use crate::exit;
use crate::input;
use crate::output::write_atomic;
use concord_compare::diff::DiffConfig;
use concord_publish::{Format, Look};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The project file
    #[arg(long, value_name = "FILE", default_value = "concord.toml")]
    config: PathBuf,
    /// Write nothing; exit 1 when any output is missing or differs from what build would write
    #[arg(long)]
    check: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Project {
    #[serde(default)]
    protocol: Vec<ProtocolJob>,
    #[serde(default)]
    draft: Vec<DraftJob>,
    #[serde(default)]
    redline: Vec<RedlineJob>,
    #[serde(default)]
    check: Vec<CheckJob>,
    #[serde(default)]
    pack: Vec<PackJob>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PackJob {
    old: Option<Spanned<String>>,
    new: Option<Spanned<String>>,
    tracked: Option<Spanned<String>>,
    #[serde(default)]
    peers: Vec<Spanned<String>>,
    title: Option<String>,
    meeting: Option<String>,
    author: Option<String>,
    date: Option<Spanned<String>>,
    outputs: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProtocolJob {
    source: Spanned<String>,
    outputs: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftJob {
    options: Spanned<String>,
    templates: Option<Spanned<String>>,
    outputs: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RedlineJob {
    old: Option<Spanned<String>>,
    new: Option<Spanned<String>>,
    tracked: Option<Spanned<String>>,
    outputs: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckJob {
    source: Spanned<String>,
    today: Option<Spanned<String>>,
    outputs: Vec<Spanned<String>>,
}

/// How a Word or PDF file of a document looks: no author but Concord's, the adoption date the
/// document gives (never the clock).
fn look(doc: &concord_model::Document) -> Look {
    Look {
        author: None,
        date: doc.meta.adopted.map(|d| d.to_string()),
        redline: Default::default(),
        logo: None,
    }
}

/// One output, computed in memory before anything is written.
struct Planned {
    path: PathBuf,
    shown: String,
    bytes: Vec<u8>,
}

pub fn run(args: Args) -> Result<i32, CliError> {
    let planned = planned(&args.config)?;
    if args.check {
        let mut stale = 0;
        for p in &planned {
            match std::fs::read(&p.path) {
                Ok(b) if b == p.bytes => {}
                Ok(_) => {
                    stale += 1;
                    println!("stale: {}", p.shown);
                }
                Err(_) => {
                    stale += 1;
                    println!("missing: {}", p.shown);
                }
            }
        }
        if stale > 0 {
            eprintln!(
                "{stale} of {} outputs would change; run `concord build` and commit them",
                planned.len()
            );
            return Ok(exit::DIFFERENCES);
        }
        println!("{} outputs up to date", planned.len());
        return Ok(exit::SUCCESS);
    }
    for line in write(&planned)? {
        println!("{line}");
    }
    Ok(exit::SUCCESS)
}

/// Builds the project `config` names, writing every output that changed; gives one line per
/// output written and a count (`concord serve`'s project page shows them).
pub fn build(config: &Path) -> Result<Vec<String>, CliError> {
    write(&planned(config)?)
}

/// Every output the project `config` names, made in memory; a project that names none is an
/// error.
fn planned(config: &Path) -> Result<Vec<Planned>, CliError> {
    let (text, project) = read_project(config)?;
    let base = base_of(config);
    let cx = Cx {
        config,
        text: &text,
        base: &base,
    };
    let planned = plan(&cx, &project)?;
    if planned.is_empty() {
        return Err(CliError::file(config, "names no outputs")
            .hint("add a [[protocol]], [[draft]], [[redline]] or [[check]] table with outputs"));
    }
    Ok(planned)
}

/// Writes the planned outputs that differ from what is on disk, atomically.
fn write(planned: &[Planned]) -> Result<Vec<String>, CliError> {
    for p in planned {
        if let Some(dir) = p.path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| CliError::io(Some(&p.path), e))?;
        }
    }
    let mut lines = Vec::new();
    let mut written = 0;
    for p in planned {
        if std::fs::read(&p.path).is_ok_and(|b| b == p.bytes) {
            continue;
        }
        write_atomic(&p.path, &p.bytes)?;
        written += 1;
        lines.push(format!("wrote {}", p.shown));
    }
    lines.push(format!(
        "{} outputs, {written} written, {} already up to date",
        planned.len(),
        planned.len() - written
    ));
    Ok(lines)
}

/// The project file's text and its jobs.
fn read_project(config: &Path) -> Result<(String, Project), CliError> {
    let text = match std::fs::read(config) {
        Ok(b) => String::from_utf8(b).map_err(|_| {
            CliError::file(config, "is not valid UTF-8").hint("save the project file as UTF-8")
        })?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(CliError::file(config, "no such file").hint(
                "write a concord.toml (templates/examples/site/ has one) or pass --config FILE",
            ));
        }
        Err(e) => return Err(CliError::file(config, format!("cannot read: {e}"))),
    };
    let project: Project = toml::from_str(&text).map_err(|e| {
        let (line, col) = e
            .span()
            .map_or((1, 1), |s| concord_draft::line_col(&text, s.start));
        let message = e
            .message()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("; ");
        CliError::at(config, line, col, message).hint(
            "a project has [[protocol]], [[draft]], [[redline]], [[pack]] and [[check]] tables",
        )
    })?;
    Ok((text, project))
}

/// The folder a project file's paths are relative to.
fn base_of(config: &Path) -> PathBuf {
    match config.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Every output the project file at `config` names, relative to its folder (the project page
/// of `concord serve` lists the project's protocols without them).
pub fn outputs(config: &Path) -> Result<Vec<String>, CliError> {
    let (_, project) = read_project(config)?;
    let mut out: Vec<String> = Vec::new();
    let mut add = |outs: &[Spanned<String>]| out.extend(outs.iter().map(|o| o.get_ref().clone()));
    project.protocol.iter().for_each(|j| add(&j.outputs));
    project.draft.iter().for_each(|j| add(&j.outputs));
    project.redline.iter().for_each(|j| add(&j.outputs));
    project.check.iter().for_each(|j| add(&j.outputs));
    project.pack.iter().for_each(|j| add(&j.outputs));
    Ok(out)
}

struct Cx<'a> {
    config: &'a Path,
    text: &'a str,
    base: &'a Path,
}

impl Cx<'_> {
    fn at(&self, span: std::ops::Range<usize>, message: impl std::fmt::Display) -> CliError {
        let (line, col) = concord_draft::line_col(self.text, span.start);
        CliError::at(self.config, line, col, message)
    }

    /// An input path, which must exist.
    fn input(&self, p: &Spanned<String>) -> Result<PathBuf, CliError> {
        let path = self.base.join(p.get_ref());
        if !path.is_file() {
            return Err(self
                .at(p.span(), format!("'{}' is not a file", p.get_ref()))
                .hint("paths in the project file are relative to its folder"));
        }
        Ok(path)
    }

    /// The planned outputs of one job, with their kinds.
    fn outputs(
        &self,
        outs: &[Spanned<String>],
    ) -> Result<Vec<(PathBuf, String, Format)>, CliError> {
        if outs.is_empty() {
            return Err(
                CliError::file(self.config, "a job has an empty outputs list")
                    .hint("name at least one output, for example \"public/protocol.html\""),
            );
        }
        outs.iter()
            .map(|o| {
                let name = o.get_ref();
                let ext = Path::new(name).extension().and_then(|e| e.to_str());
                let kind = match ext.and_then(Format::from_extension) {
                    Some(f) => f,
                    None => {
                        return Err(self
                            .at(
                                o.span(),
                                format!("'{name}': cannot tell the format from its extension"),
                            )
                            .hint("use .md, .html, .json, .txt, .docx or .pdf"));
                    }
                };
                Ok((self.base.join(name), name.clone(), kind))
            })
            .collect()
    }

    fn unsupported(&self, o: &str, what: &str) -> CliError {
        CliError::file(
            self.config,
            format!("'{o}': a {what} cannot be written in this format"),
        )
        .hint("see `concord build --help` for the formats of each job")
    }
}

fn plan(cx: &Cx<'_>, project: &Project) -> Result<Vec<Planned>, CliError> {
    let mut out = Vec::new();
    let mut inputs: BTreeSet<PathBuf> = BTreeSet::new();
    let opts = concord_ingest::Options::default();
    let load = |path: &Path, shown: &str| -> Result<concord_model::Document, CliError> {
        let mut doc = input::load(path, &opts)?.parsed.document;
        // The project-relative name, so outputs do not depend on where the project is checked out.
        doc.meta.source.path = shown.to_string();
        Ok(doc)
    };
    for job in &project.protocol {
        let path = cx.input(&job.source)?;
        inputs.insert(path.clone());
        let doc = load(&path, job.source.get_ref())?;
        for (p, shown, kind) in cx.outputs(&job.outputs)? {
            let bytes = concord_publish::document(&doc, kind, &look(&doc)).map_err(published)?;
            out.push(Planned {
                path: p,
                shown,
                bytes,
            });
        }
    }
    for job in &project.draft {
        let path = cx.input(&job.options)?;
        inputs.insert(path.clone());
        let text = super::draft::read_options(&path, concord_draft::validate::MAX_OPTIONS_BYTES)?;
        let options = super::draft::parse_options(&path, &text)?;
        let templates = match &job.templates {
            Some(t) => {
                let dir = cx.base.join(t.get_ref());
                if !dir.is_dir() {
                    return Err(cx.at(
                        t.span(),
                        format!("'{}' is not a template folder", t.get_ref()),
                    ));
                }
                crate::templates::folder(&dir)
            }
            None => concord_draft::Templates::Builtin,
        };
        let drafted = concord_draft::Drafter::new(templates)
            .draft(&options)
            .map_err(|e| super::draft::draft_error(&e, None))?;
        let logo = super::draft::read_logo(&path, &options)?;
        for (p, shown, kind) in cx.outputs(&job.outputs)? {
            let d = &drafted.document;
            let look = Look {
                logo: logo.clone(),
                ..look(d)
            };
            let bytes = concord_publish::document(d, kind, &look).map_err(published)?;
            out.push(Planned {
                path: p,
                shown,
                bytes,
            });
        }
    }
    for job in &project.redline {
        let (old, new, cfg) = versions(cx, &job.old, &job.new, &job.tracked, &mut inputs, &load)?;
        let r = super::diff::redline(&old, &new, &cfg)?;
        for (p, shown, kind) in cx.outputs(&job.outputs)? {
            let bytes =
                concord_publish::redline(&r, &old, &new, kind, &look(&new)).map_err(published)?;
            out.push(Planned {
                path: p,
                shown,
                bytes,
            });
        }
    }
    for job in &project.pack {
        if let Some(d) = &job.date {
            super::check::valid_date(d.get_ref()).map_err(|_| {
                cx.at(d.span(), format!("date: '{}' is not a date", d.get_ref()))
                    .hint("write it as YYYY-MM-DD")
            })?;
        }
        let (old, new, cfg) = versions(cx, &job.old, &job.new, &job.tracked, &mut inputs, &load)?;
        let under_review: Vec<PathBuf> = [&job.old, &job.new, &job.tracked]
            .into_iter()
            .flatten()
            .map(|p| cx.base.join(p.get_ref()))
            .collect();
        let mut peer_paths = Vec::new();
        for p in &job.peers {
            let path = cx.base.join(p.get_ref());
            if !path.exists() {
                return Err(cx
                    .at(p.span(), format!("'{}' does not exist", p.get_ref()))
                    .hint("peers are folders or files of other councils' protocols"));
            }
            peer_paths.push(path);
        }
        let peer_paths: Vec<PathBuf> = if peer_paths.is_empty() {
            Vec::new()
        } else {
            input::expand(&peer_paths)?
                .into_iter()
                .filter(|p| !under_review.iter().any(|u| super::pack::same_file(u, p)))
                .collect()
        };
        inputs.extend(peer_paths.iter().cloned());
        let peers: Vec<(String, concord_model::Document)> = input::load_all(&peer_paths, &opts)?
            .into_iter()
            .zip(&peer_paths)
            .map(|(l, p)| (input::doc_id(p), l.parsed.document))
            .collect();
        let new_shown = job
            .new
            .as_ref()
            .or(job.tracked.as_ref())
            .map(|p| p.get_ref().clone())
            .unwrap_or_default();
        let made = super::pack::make(&concord_publish::pack::Inputs {
            old: &old,
            new: &new,
            cfg: &cfg,
            peers: &peers,
            title: job.title.clone(),
            meeting: job.meeting.clone(),
            author: job.author.clone().unwrap_or_else(|| "Concord".into()),
            date: job.date.as_ref().map(|d| d.get_ref().clone()),
            new_path: new_shown,
        })?;
        for (p, shown, kind) in cx.outputs(&job.outputs)? {
            let bytes = match kind {
                Format::Html => made.html.clone().into_bytes(),
                Format::Docx => made.docx.clone(),
                Format::Pdf => made.pdf.clone(),
                _ => return Err(cx.unsupported(&shown, "pack (use .html, .docx or .pdf)")),
            };
            out.push(Planned {
                path: p,
                shown,
                bytes,
            });
        }
    }
    for job in &project.check {
        let path = cx.input(&job.source)?;
        inputs.insert(path.clone());
        let today = match &job.today {
            Some(t) => Some(super::check::valid_date(t.get_ref()).map_err(|_| {
                cx.at(t.span(), format!("today: '{}' is not a date", t.get_ref()))
                    .hint("write it as YYYY-MM-DD; a build never reads the clock")
            })?),
            None => None,
        };
        let bytes = input::read_bytes(&path, opts.max_bytes)?;
        let parsed = input::load(&path, &opts)?.parsed;
        let source = concord_ingest::decode_text(&bytes).ok();
        let findings = concord_check::check(
            &parsed.document,
            &parsed.diagnostics,
            source.as_deref(),
            &concord_check::CheckConfig { today },
        );
        let shown_source = job.source.get_ref().clone();
        for (p, shown, kind) in cx.outputs(&job.outputs)? {
            let all = vec![(shown_source.clone(), findings.clone())];
            let bytes = match kind {
                Format::Json => concord_publish::report::json(&all).map_err(published)?,
                Format::Text => concord_publish::report::text(&all),
                _ => return Err(cx.unsupported(&shown, "check report (use .json or .txt)")),
            };
            out.push(Planned {
                path: p,
                shown,
                bytes: bytes.into_bytes(),
            });
        }
    }
    // An output over an input, or two jobs writing one file, is a mistake in the project.
    let mut seen = BTreeSet::new();
    for p in &out {
        if inputs.iter().any(|i| same_file(i, &p.path)) {
            return Err(CliError::file(
                cx.config,
                format!(
                    "output '{}' is also an input; refusing to overwrite it",
                    p.shown
                ),
            )
            .hint("write outputs to their own folder, for example public/"));
        }
        if !seen.insert(p.path.clone()) {
            return Err(CliError::file(
                cx.config,
                format!("output '{}' is named twice", p.shown),
            ));
        }
    }
    Ok(out)
}

/// The two versions a redline or pack job names (`old` and `new`, or `tracked`), read, with
/// their ids; each file is recorded as an input.
fn versions(
    cx: &Cx<'_>,
    old: &Option<Spanned<String>>,
    new: &Option<Spanned<String>>,
    tracked: &Option<Spanned<String>>,
    inputs: &mut BTreeSet<PathBuf>,
    load: &dyn Fn(&Path, &str) -> Result<concord_model::Document, CliError>,
) -> Result<(concord_model::Document, concord_model::Document, DiffConfig), CliError> {
    Ok(match (old, new, tracked) {
        (Some(o), Some(n), None) => {
            let (op, np) = (cx.input(o)?, cx.input(n)?);
            inputs.insert(op.clone());
            inputs.insert(np.clone());
            let cfg = DiffConfig {
                old_id: input::doc_id(&op),
                new_id: input::doc_id(&np),
                ..Default::default()
            };
            (
                load(&op, o.get_ref())?.after(),
                load(&np, n.get_ref())?.after(),
                cfg,
            )
        }
        (None, None, Some(t)) => {
            let tp = cx.input(t)?;
            inputs.insert(tp.clone());
            let doc = load(&tp, t.get_ref())?;
            let id = input::doc_id(&tp);
            let cfg = DiffConfig {
                old_id: format!("{id} (before tracked changes)"),
                new_id: format!("{id} (after)"),
                ..Default::default()
            };
            (doc.before(), doc.after(), cfg)
        }
        _ => {
            return Err(CliError::file(
                cx.config,
                "a [[redline]] or [[pack]] needs old and new, or tracked",
            )
            .hint("old = \"previous.md\" and new = \"protocol.md\", or tracked = \"file.md\""));
        }
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// A publishing error that no build job can cause but a serialiser could.
fn published(e: concord_publish::Error) -> CliError {
    CliError::new(e.to_string())
}
