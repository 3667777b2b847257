//! The pages, one file each, and what they share: the context every page gets, reading the
//! documents a form names (uploads, the bundled corpus, the project's protocols) on the
//! bounded pool of work, and downloads.

/// `POST` of a page with a form: the page's own `run` does the work, and its result, or the
/// refusal it met, is the response.
macro_rules! post_runs {
    () => {
        pub async fn post(
            axum::extract::State(app): axum::extract::State<std::sync::Arc<crate::app::App>>,
            axum::Extension(session): axum::Extension<crate::session::Session>,
            req: axum::extract::Request,
        ) -> axum::response::Response {
            let r = run(&app, &session, req).await;
            super::respond(&app, &session, r)
        }
    };
}

/// A page with a form: `get` shows the empty form (`$template`, titled `$title`, `$here` marked
/// in the navigation, the project's protocols to choose from) and `post` runs it.
macro_rules! form_page {
    ($template:literal, $title:literal, $here:literal) => {
        pub async fn get(
            axum::extract::State(app): axum::extract::State<std::sync::Arc<crate::app::App>>,
            axum::Extension(session): axum::Extension<crate::session::Session>,
        ) -> axum::response::Response {
            app.views.page(
                $template,
                minijinja::context! { title => $title, here => $here, sources => super::sources(&app) },
                super::common(&app, &session),
            )
        }

        post_runs!();
    };
}

pub mod assets;
pub mod check;
pub mod compare;
pub mod document;
pub mod draft;
pub mod home;
pub mod pack;
pub mod project;
pub mod read;
pub mod redline;
pub mod revise;

use std::sync::Arc;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::App;
use crate::form::{Form, Upload};
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::Named;
use crate::views::Common;

/// What every page of a session shows besides its content.
pub fn common<'a>(app: &App, session: &'a Session) -> Common<'a> {
    Common {
        session: Some(session),
        project: app.host.project().is_some(),
    }
}

/// A page, or the refusal's page.
pub fn respond(app: &App, session: &Session, r: Result<Response, Refusal>) -> Response {
    match r {
        Ok(r) => r,
        Err(e) => app.views.refusal(&e, common(app, session)),
    }
}

/// Runs `f` on the pool of blocking work, holding one of the `--jobs` permits, so that no more
/// than that many requests read and compute at once (the rest wait, within `--timeout`).
pub async fn work<T: Send + 'static>(
    app: &Arc<App>,
    f: impl FnOnce() -> Result<T, Refusal> + Send + 'static,
) -> Result<T, Refusal> {
    let permit = Arc::clone(&app.jobs)
        .acquire_owned()
        .await
        .map_err(|_| Refusal::internal("the server is shutting down"))?;
    // The permit goes with the work: a request cut off by --timeout stops waiting for its
    // work, but the work keeps its permit until it ends, so no more than --jobs ever run.
    tokio::task::spawn_blocking(move || {
        let result = f();
        drop(permit);
        result
    })
    .await
    .map_err(|e| Refusal::internal(format!("the work stopped unexpectedly: {e}")))?
}

/// Reads one uploaded file within the reader's limits.
pub fn read_upload(app: &App, up: &Upload) -> Result<(Named, concord_ingest::Parsed), Refusal> {
    let limit = app.cfg.read.max_bytes;
    if up.bytes.len() > limit {
        return Err(Refusal::too_large(&up.name, limit));
    }
    if up.bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Refusal::reading(&up.name, &concord_ingest::Error::Empty));
    }
    let parsed = app.host.read(&up.name, &up.bytes, &app.cfg.read)?;
    Ok((
        Named {
            id: up.id(),
            name: up.name.clone(),
            doc: parsed.document.clone(),
        },
        parsed,
    ))
}

/// Reads one of the project's protocols by its listed name.
pub fn read_project(
    app: &App,
    name: &str,
) -> Result<(Named, concord_ingest::Parsed, Vec<u8>), Refusal> {
    let project = app.host.project().ok_or_else(|| {
        Refusal::form("this Concord was started without a project (concord serve --project DIR).")
    })?;
    let listed = project.protocols()?;
    if !listed.iter().any(|l| l == name) {
        return Err(Refusal::form(format!(
            "the project has no protocol called {name:?}."
        )));
    }
    let (parsed, bytes) = project.read(name, &app.cfg.read)?;
    let file = name.rsplit('/').next().unwrap_or(name);
    Ok((
        Named {
            id: crate::form::stem(file),
            name: name.to_string(),
            doc: parsed.document.clone(),
        },
        parsed,
        bytes,
    ))
}

/// A bundled protocol by its id.
pub fn read_bundled(id: &str) -> Result<Named, Refusal> {
    let e = crate::corpus::get(id)
        .ok_or_else(|| Refusal::form(format!("there is no bundled protocol {id:?}.")))?;
    Ok(Named {
        id: e.id.to_string(),
        name: format!("corpus/{}", e.file),
        doc: e.doc.clone(),
    })
}

/// Every document a form names: uploads in `files_field`, bundled protocols ticked in
/// `corpus`, project protocols ticked in `project`; in that order, each as it reads after
/// its tracked changes.
pub fn gather(app: &App, form: &Form, files_field: &str) -> Result<Vec<Named>, Refusal> {
    let mut out = Vec::new();
    for up in form.files_in(files_field) {
        let (mut named, _) = read_upload(app, up)?;
        named.doc = named.doc.after();
        out.push(named);
    }
    for id in form.all("corpus") {
        out.push(read_bundled(id)?);
    }
    for name in form.all("project") {
        let (mut named, _, _) = read_project(app, name)?;
        named.doc = named.doc.after();
        out.push(named);
    }
    // Two documents with one id would share their answers' column: number the later ones.
    let mut seen: Vec<String> = Vec::new();
    for n in &mut out {
        let base = n.id.clone();
        let mut k = 2;
        while seen.contains(&n.id) {
            n.id = format!("{base} ({k})");
            k += 1;
        }
        seen.push(n.id.clone());
    }
    Ok(out)
}

/// The choices of sources a form offers: the bundled corpus and the project's protocols.
pub fn sources(app: &App) -> minijinja::Value {
    let corpus: Vec<minijinja::Value> = crate::corpus::all()
        .iter()
        .map(|e| minijinja::context! { id => e.id, label => &e.label })
        .collect();
    let project = app
        .host
        .project()
        .and_then(|p| p.protocols().ok())
        .unwrap_or_default();
    minijinja::context! { corpus => corpus, project => project }
}

/// A file to download, named `name`.
pub fn download(name: &str, content_type: &'static str, bytes: Vec<u8>) -> Response {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    let mut r = (StatusCode::OK, bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

pub const DOCX: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub const PDF: &str = "application/pdf";
pub const HTML: &str = "text/html; charset=utf-8";
pub const MARKDOWN: &str = "text/markdown; charset=utf-8";
pub const TOML: &str = "application/toml; charset=utf-8";
pub const JSON: &str = "application/json";
pub const ZIP: &str = "application/zip";

/// The refusal of a result that is no longer kept.
pub fn gone() -> Refusal {
    Refusal::new(
        404,
        "This result has gone",
        "Concord keeps only the most recent results, for the session that made them.",
        "Go back to the form and send the files again.",
    )
}

/// The one document a form gives for `field`: an upload in `field`, a project protocol chosen
/// in `{field}_project`, or a bundled one chosen in `{field}_corpus`; `None` when none is given.
/// The document is as it reads with its tracked changes (the caller decides which version).
pub fn one(app: &App, form: &Form, field: &str) -> Result<Option<Named>, Refusal> {
    let uploads = form.files_in(field);
    if uploads.len() > 1 {
        return Err(Refusal::form(format!(
            "choose one file for {field}, not {}.",
            uploads.len()
        )));
    }
    if let Some(up) = uploads.first() {
        return Ok(Some(read_upload(app, up)?.0));
    }
    if let Some(name) = form.get(&format!("{field}_project")) {
        return Ok(Some(read_project(app, name)?.0));
    }
    if let Some(id) = form.get(&format!("{field}_corpus")) {
        let e = crate::corpus::get(id)
            .ok_or_else(|| Refusal::form(format!("there is no bundled protocol {id:?}.")))?;
        // The bundled text as it was read, tracked changes and all.
        let parsed = concord_ingest::read(
            e_text(e.id).as_bytes(),
            &format!("corpus/{}", e.file),
            &app.cfg.read,
        )
        .map_err(|err| Refusal::reading(e.file, &err))?;
        return Ok(Some(Named {
            id: e.id.to_string(),
            name: format!("corpus/{}", e.file),
            doc: parsed.document,
        }));
    }
    Ok(None)
}

fn e_text(id: &str) -> &'static str {
    crate::corpus::BUNDLED
        .iter()
        .find(|b| b.id == id)
        .map_or("", |b| b.text)
}

/// The two versions a redline or pack form gives: `old` and `new`, or one file whose tracked
/// changes hold both (`tracked`); with the redline's configuration.
pub fn versions(
    app: &App,
    form: &Form,
) -> Result<(Named, Named, concord_compare::diff::DiffConfig), Refusal> {
    let old = one(app, form, "old")?;
    let new = one(app, form, "new")?;
    let tracked = one(app, form, "tracked")?;
    let base = concord_compare::diff::DiffConfig {
        max_align_work: app.cfg.max_align_work,
        ..Default::default()
    };
    match (old, new, tracked) {
        (Some(o), Some(n), None) => {
            let cfg = concord_compare::diff::DiffConfig {
                old_id: o.id.clone(),
                new_id: n.id.clone(),
                ..base
            };
            let (o_doc, n_doc) = (o.doc.after(), n.doc.after());
            Ok((Named { doc: o_doc, ..o }, Named { doc: n_doc, ..n }, cfg))
        }
        (None, None, Some(t)) => {
            if !t.doc.has_tracked_changes() {
                return Err(Refusal::file(
                    "The file holds no tracked changes",
                    format!(
                        "{} holds no tracked changes, so its two versions are the same.",
                        t.name
                    ),
                    "Give the version in force and the proposed version as two files instead.",
                ));
            }
            let cfg = concord_compare::diff::DiffConfig {
                old_id: format!("{} (before its tracked changes)", t.id),
                new_id: format!("{} (with them accepted)", t.id),
                ..base
            };
            let old = Named {
                id: t.id.clone(),
                name: t.name.clone(),
                doc: t.doc.before(),
            };
            let new = Named {
                doc: t.doc.after(),
                ..t
            };
            Ok((old, new, cfg))
        }
        (None, None, None) => Err(Refusal::form(
            "no versions were given: choose the version in force and the proposed version, or one file with tracked changes.",
        )),
        (Some(_), None, None) | (None, Some(_), None) => Err(Refusal::form(
            "only one version was given: choose both the version in force and the proposed version.",
        )),
        _ => Err(Refusal::form(
            "give either two versions or one file with tracked changes, not both.",
        )),
    }
}

/// A redline's refusal when the versions are past the alignment limit.
pub fn too_much_work(e: &concord_compare::Error, limit: u64) -> Refusal {
    Refusal::file(
        "The versions are too different or too long to align",
        format!("{e}."),
        format!(
            "Check that these are two versions of one protocol; the --max-align-work option of concord serve (now {limit}) raises the limit."
        ),
    )
}

/// One file a form gives in `field` (upload, `{field}_project` or `{field}_corpus`) as read,
/// with its source text for line-exact messages.
pub fn one_parsed(
    app: &App,
    form: &Form,
    field: &str,
) -> Result<(String, concord_ingest::Parsed, Option<String>), Refusal> {
    let uploads = form.files_in(field);
    if let Some(up) = uploads.first() {
        let (named, parsed) = read_upload(app, up)?;
        return Ok((
            named.name,
            parsed,
            concord_ingest::decode_text(&up.bytes).ok(),
        ));
    }
    if let Some(name) = form.get(&format!("{field}_project")) {
        let (named, parsed, bytes) = read_project(app, name)?;
        return Ok((named.name, parsed, concord_ingest::decode_text(&bytes).ok()));
    }
    if let Some(id) = form.get(&format!("{field}_corpus")) {
        let e = crate::corpus::get(id)
            .ok_or_else(|| Refusal::form(format!("there is no bundled protocol {id:?}.")))?;
        let text = e_text(e.id);
        let name = format!("corpus/{}", e.file);
        let parsed = concord_ingest::read(text.as_bytes(), &name, &app.cfg.read)
            .map_err(|err| Refusal::reading(&name, &err))?;
        return Ok((name, parsed, Some(text.to_string())));
    }
    Err(Refusal::form(
        "no file was chosen: drop or choose a protocol file first.",
    ))
}
