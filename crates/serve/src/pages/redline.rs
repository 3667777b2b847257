//! Redline: two versions, or one file with tracked changes; the clause-aligned redline as a
//! page (responsibility changes first, then each changed clause with its words struck and
//! inserted), and downloads of it as Word (real tracked changes), PDF, HTML and JSON.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use minijinja::{Value, context};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::Kept;

form_page!("redline.html", "Redline two versions", "redline");

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (old, new, redline) = super::work(app, move || {
        let (old, new, cfg) = super::versions(&a, &form)?;
        let redline = concord_compare::diff::try_diff(&old.doc, &new.doc, &cfg)
            .map_err(|e| super::too_much_work(&e, cfg.max_align_work))?;
        Ok((old, new, redline))
    })
    .await?;
    let responsibilities: Vec<String> = redline.responsibilities.iter().map(|r| r.line()).collect();
    let ctx = context! {
        title => "Redline", here => "redline",
        old => &old.name, new => &new.name,
        redline => Value::from(minijinja::value::Serde(&redline)),
        responsibilities => responsibilities,
        changed => redline.clauses.iter().filter(|c| c.is_change()).count(),
    };
    let kept = Kept::Redline {
        old: Box::new(old),
        new: Box::new(new),
        redline: Box::new(redline),
    };
    let rid = app.store.put(&session.id, kept);
    Ok(app.views.page(
        "redlined.html",
        context! { rid => rid, pack_rid => "", ..ctx },
        super::common(app, session),
    ))
}

/// `/result/{rid}/{file}`: a kept result's downloads (a redline's or a pack's).
pub async fn download(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    Path((rid, file)): Path<(String, String)>,
) -> Response {
    let kept = app.store.get(&session.id, &rid);
    let Some(kept) = kept else {
        return super::respond(&app, &session, Err(super::gone()));
    };
    let a = Arc::clone(&app);
    let r = super::work(&app, move || file_of(&a, &kept, &file)).await;
    super::respond(&app, &session, r)
}

fn file_of(app: &App, kept: &Kept, file: &str) -> Result<Response, Refusal> {
    let _ = app;
    match kept {
        Kept::Redline { old, new, redline } => {
            let (format, content_type) = match file {
                "redline.docx" => (concord_publish::Format::Docx, super::DOCX),
                "redline.pdf" => (concord_publish::Format::Pdf, super::PDF),
                "redline.html" => (concord_publish::Format::Html, super::HTML),
                "redline.md" => (concord_publish::Format::Md, super::MARKDOWN),
                "redline.json" => (concord_publish::Format::Json, super::JSON),
                _ => return Err(super::gone()),
            };
            let look = concord_publish::Look {
                author: Some("Concord".into()),
                date: new.doc.meta.adopted.map(|d| d.to_string()),
                redline: Default::default(),
                logo: None,
            };
            let bytes = concord_publish::redline(redline, &old.doc, &new.doc, format, &look)
                .map_err(|e| Refusal::internal(e.to_string()))?;
            Ok(super::download(
                &format!("{}-{file}", new.id),
                content_type,
                bytes,
            ))
        }
        Kept::Pack { html, docx, pdf } => {
            let (bytes, content_type) = match file {
                "pack.html" => (html.clone().into_bytes(), super::HTML),
                "pack.docx" => (docx.clone(), super::DOCX),
                "pack.pdf" => (pdf.clone(), super::PDF),
                "pack.zip" => (super::pack::zip(html, docx, pdf)?, super::ZIP),
                _ => return Err(super::gone()),
            };
            Ok(super::download(file, content_type, bytes))
        }
        Kept::Documents(_) => Err(super::gone()),
    }
}
