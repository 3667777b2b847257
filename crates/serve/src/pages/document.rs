//! One document, clause by clause, each clause with its own address (`#c-2.1`), so that an
//! answer's clause opens where it is: a bundled protocol, or one of a result's documents.

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Path, State};
use axum::response::Response;
use minijinja::{Value, context};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::Kept;

/// `/corpus/{id}`: a bundled protocol.
pub async fn bundled(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    Path(id): Path<String>,
) -> Response {
    let r = match crate::corpus::get(&id) {
        Some(e) => Ok(page(
            &app,
            &session,
            &e.label,
            &format!("corpus/{}", e.file),
            &e.doc,
        )),
        None => Err(Refusal::new(
            404,
            "There is no such protocol",
            format!("the bundled corpus has no protocol {id:?}."),
            "Choose one from the Compare page.",
        )),
    };
    super::respond(&app, &session, r)
}

/// `/result/{rid}/doc/{n}`: the `n`th document of a result.
pub async fn kept(
    State(app): State<Arc<App>>,
    Extension(session): Extension<Session>,
    Path((rid, n)): Path<(String, usize)>,
) -> Response {
    let r = match app.store.get(&session.id, &rid).as_deref() {
        Some(Kept::Documents(docs)) => match docs.get(n) {
            Some(d) => Ok(page(
                &app,
                &session,
                &super::compare::label(d),
                &d.name,
                &d.doc,
            )),
            None => Err(super::gone()),
        },
        _ => Err(super::gone()),
    };
    super::respond(&app, &session, r)
}

fn page(
    app: &App,
    session: &Session,
    label: &str,
    name: &str,
    doc: &concord_model::Document,
) -> Response {
    app.views.page(
        "document.html",
        context! {
            title => label, here => "", label => label, name => name,
            doc => Value::from(minijinja::value::Serde(doc)),
            notes => context! {},
        },
        super::common(app, session),
    )
}
