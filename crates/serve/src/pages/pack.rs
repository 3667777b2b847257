//! Review pack: the version in force and the proposed one (or one file with tracked changes),
//! other councils to compare with, a title and the meeting; the standards committee pack to
//! download as HTML, Word and PDF, each on its own or the three in one zip.

use std::io::{Cursor, Write};
use std::sync::Arc;

use axum::extract::Request;
use axum::response::Response;
use minijinja::context;

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::Kept;

form_page!("pack.html", "Make a review pack", "pack");

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (made, title, peers) = super::work(app, move || {
        let (old, new, cfg) = super::versions(&a, &form)?;
        let peers: Vec<(String, concord_model::Document)> = super::gather(&a, &form, "peers")?
            .into_iter()
            .filter(|p| p.id != old.id && p.id != new.id)
            .map(|p| (p.id, p.doc))
            .collect();
        let peer_names: Vec<String> = peers.iter().map(|(id, _)| id.clone()).collect();
        let title = form.get("title").map(str::to_string);
        let made = concord_publish::pack::make(&concord_publish::pack::Inputs {
            old: &old.doc,
            new: &new.doc,
            cfg: &cfg,
            peers: &peers,
            title: title.clone(),
            meeting: form.get("meeting").map(str::to_string),
            author: "Concord".into(),
            date: None,
            new_path: new.name.clone(),
        })
        .map_err(|e| match e {
            concord_publish::Error::Diff(e) => super::too_much_work(&e, cfg.max_align_work),
            e => Refusal::internal(e.to_string()),
        })?;
        Ok((made, title, peer_names))
    })
    .await?;
    let sizes = context! {
        html => kb(made.html.len()), docx => kb(made.docx.len()), pdf => kb(made.pdf.len()),
    };
    let rid = app.store.put(
        &session.id,
        Kept::Pack {
            html: made.html,
            docx: made.docx,
            pdf: made.pdf,
        },
    );
    Ok(app.views.page(
        "packed.html",
        context! {
            title => "Your review pack", here => "pack", rid => rid, pack_title => title,
            peers => peers, sizes => sizes,
        },
        super::common(app, session),
    ))
}

fn kb(n: usize) -> String {
    format!("{} KB", n.div_ceil(1024))
}

/// The pack's three files in one zip, written the same way every time (fixed dates, fixed
/// order).
pub fn zip(html: &str, docx: &[u8], pdf: &[u8]) -> Result<Vec<u8>, Refusal> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::default())
        .unix_permissions(0o644);
    for (name, body) in [
        ("pack.html", html.as_bytes()),
        ("pack.docx", docx),
        ("pack.pdf", pdf),
    ] {
        w.start_file(name, opts)
            .and_then(|()| w.write_all(body).map_err(zip::result::ZipError::Io))
            .map_err(|e| Refusal::internal(format!("cannot make the zip: {e}")))?;
    }
    w.finish()
        .map(Cursor::into_inner)
        .map_err(|e| Refusal::internal(format!("cannot make the zip: {e}")))
}
