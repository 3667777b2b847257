//! Read: how Concord read an uploaded document, so a user can see why: what it found in the
//! preamble (title, council, kind, dates), how it decided the headings, clauses and items are
//! numbered and each place it had to choose (`concord ingest --explain`), what it noted
//! (furniture and contents lines set aside, repairs), and the outline with source lines.

use std::sync::Arc;

use axum::extract::Request;
use axum::response::Response;
use minijinja::{Value, context};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;

form_page!("read.html", "See how a document is read", "read");

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (name, parsed) = super::work(app, move || {
        let (name, parsed, _) = super::one_parsed(&a, &form, "file")?;
        Ok((name, parsed))
    })
    .await?;
    let e = &parsed.explain;
    let choices: Vec<Value> = e
        .choices
        .iter()
        .map(|(line, text)| context! { line => line, text => text })
        .collect();
    let clauses = count_clauses(&parsed.document.sections);
    Ok(app.views.page(
        "readout.html",
        context! {
            title => format!("How {name} was read"), here => "read", name => &name,
            meta => Value::from(minijinja::value::Serde(&parsed.document.meta)),
            explain => context! { headings => &e.headings, clauses => &e.clauses, items => &e.items, choices => choices },
            diagnostics => Value::from(minijinja::value::Serde(&parsed.diagnostics)),
            doc => Value::from(minijinja::value::Serde(&parsed.document)),
            sections => parsed.document.sections.len(), clause_count => clauses,
        },
        super::common(app, session),
    ))
}

fn count_clauses(sections: &[concord_model::Section]) -> usize {
    fn clauses(cs: &[concord_model::Clause]) -> usize {
        cs.iter().map(|c| 1 + clauses(&c.clauses)).sum()
    }
    sections
        .iter()
        .map(|s| clauses(&s.clauses) + count_clauses(&s.sections))
        .sum()
}
