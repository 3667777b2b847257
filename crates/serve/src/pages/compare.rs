//! Compare: choose protocols (dropped or chosen files, the bundled corpus, the project's) and
//! see their answers to the questions side by side, each with its evidence sentence and the
//! clauses it comes from, each clause a link that opens it in its document.

use std::sync::Arc;

use axum::extract::Request;
use axum::response::Response;
use minijinja::{Value, context};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::{Kept, Named};

form_page!("compare.html", "Compare protocols", "compare");

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (docs, comparison) = super::work(app, move || {
        let docs = super::gather(&a, &form, "files")?;
        if docs.is_empty() {
            return Err(Refusal::form(
                "no protocol was chosen: drop or choose a file, or tick a bundled protocol.",
            ));
        }
        let refs: Vec<(String, &concord_model::Document)> =
            docs.iter().map(|n| (n.id.clone(), &n.doc)).collect();
        let comparison = concord_compare::answers::compare(&refs, &[]);
        Ok((docs, comparison))
    })
    .await?;
    let ctx = context(&docs, &comparison);
    let rid = app.store.put(&session.id, Kept::Documents(docs));
    Ok(app.views.page(
        "compared.html",
        context! { title => "Answers side by side", here => "compare", rid => rid, ..ctx },
        super::common(app, session),
    ))
}

/// The comparison as the page shows it: per question, each document's answer.
fn context(docs: &[Named], c: &concord_compare::answers::Comparison) -> Value {
    let labels: Vec<Value> = docs
        .iter()
        .enumerate()
        .map(|(n, d)| {
            context! {
                n => n, id => &d.id, name => &d.name,
                label => label(d),
            }
        })
        .collect();
    let questions: Vec<Value> = c
        .questions
        .iter()
        .map(|q| {
            let rows: Vec<Value> = docs
                .iter()
                .enumerate()
                .map(|(n, d)| {
                    let answer = q.answers.get(&d.id).and_then(Option::as_ref);
                    context! {
                        n => n, label => label(d),
                        answer => answer.map(|a| context! {
                            summary => &a.summary,
                            evidence => &a.evidence,
                            clauses => &a.clauses,
                            roles => &a.roles,
                            previously => a.previously.as_ref().map(|p| p.summary.clone()),
                            why => &a.why,
                        }),
                    }
                })
                .collect();
            context! { id => &q.id, text => &q.text, rows => rows }
        })
        .collect();
    context! { docs => labels, questions => questions }
}

/// "Tewkesbury Borough Council (tewkesbury.txt)", or the file name alone.
pub fn label(d: &Named) -> String {
    match (&d.doc.meta.council, &d.doc.meta.title) {
        (Some(c), _) => format!("{c} ({})", d.name),
        (None, Some(t)) if t.len() < 80 => format!("{t} ({})", d.name),
        _ => d.name.clone(),
    }
}
