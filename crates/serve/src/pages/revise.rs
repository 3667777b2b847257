//! Revise, the Monitoring Officer's main job joined up: upload the protocol in force, see who
//! does what in it today, change a choice ("officers' complaints about councillors go to the
//! Chief Executive"), and Concord proposes the edit to the clause that says it today, in its
//! own words (`concord_compare::amend`), for the user to accept or adjust; then the redline
//! against the text in force (Word tracked changes, PDF) and the committee pack, in one flow.
//!
//! A route changes role for role, keeping its shape (first, then, or, if-about); a change of
//! its length, or of a prohibition, is refused naming the clause, to be made by hand in the
//! clause's text box (any clause can be chosen for that).

use std::sync::Arc;

use axum::Extension;
use axum::extract::{Request, State};
use axum::response::Response;
use concord_compare::amend::{Change, Target};
use concord_compare::answers::{Answer, Value as AnswerValue};
use concord_model::Document;
use minijinja::{Value, context};

use crate::app::App;
use crate::form::Form;
use crate::refusal::Refusal;
use crate::session::Session;
use crate::store::{Kept, Named};

/// Steps of a route the form offers.
const STEPS: usize = 4;

pub async fn get(State(app): State<Arc<App>>, Extension(session): Extension<Session>) -> Response {
    app.views.page(
        "revise.html",
        context! { title => "Revise a protocol", here => "revise", sources => super::sources(&app), rid => "", questions => Vec::<Value>::new(), errors => Vec::<Value>::new(), name => "" },
        super::common(&app, &session),
    )
}

// `POST /revise`: the protocol uploaded (or chosen), or the choices changed.
post_runs!();

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let s = session.clone();
    super::work(app, move || match form.get("step") {
        Some("propose") => propose(&a, &s, &form),
        Some("make") => make(&a, &s, &form),
        _ => {
            let named = super::one(&a, &form, "file")?.ok_or_else(|| {
                Refusal::form("no file was chosen: drop or choose the protocol in force first.")
            })?;
            let named = Named {
                doc: named.doc.after(),
                ..named
            };
            let questions = questions(&named.doc, None);
            let name = named.name.clone();
            let rid = a.store.put(&s.id, Kept::Documents(vec![named]));
            Ok(choices_page(&a, &s, &rid, &name, questions, Vec::new()))
        }
    })
    .await
}

/// The kept protocol in force of a revision.
fn kept(app: &App, session: &Session, form: &Form) -> Result<(String, Named), Refusal> {
    let rid = form.get("rid").unwrap_or("").to_string();
    let kept = app.store.get(&session.id, &rid).ok_or_else(super::gone)?;
    match kept.as_ref() {
        Kept::Documents(d) if d.len() == 1 => Ok((
            rid,
            Named {
                id: d[0].id.clone(),
                name: d[0].name.clone(),
                doc: d[0].doc.clone(),
            },
        )),
        _ => Err(super::gone()),
    }
}

/// The changes the form asks for: each question whose fields differ from today's answer.
fn changes(doc: &Document, form: &Form) -> Vec<Change> {
    let mut out = Vec::new();
    for (q, answer) in concord_compare::answers::answers(doc) {
        let Some(a) = answer.filter(|a| !a.unclear) else {
            continue;
        };
        let f = |suffix: &str| {
            form.get(&format!("q-{q}-{suffix}"))
                .unwrap_or("")
                .to_string()
        };
        let target = match &a.value {
            None => {
                let route: Vec<String> = (1..=STEPS)
                    .map(|n| f(&n.to_string()))
                    .filter(|r| !r.is_empty())
                    .collect();
                if route.is_empty() || route == a.roles {
                    continue;
                }
                Target::Route(route)
            }
            Some(AnswerValue::Days { days, working }) => {
                let Ok(d) = f("days").parse::<u32>() else {
                    continue;
                };
                let w = !f("working").is_empty();
                if d == *days && w == *working {
                    continue;
                }
                Target::Days {
                    days: d,
                    working: Some(w),
                }
            }
            Some(AnswerValue::Years { years, .. }) => {
                let Ok(y) = f("years").parse::<u32>() else {
                    continue;
                };
                if y == *years {
                    continue;
                }
                Target::Years { years: y }
            }
            Some(AnswerValue::Forbidden { .. }) => continue,
        };
        out.push(Change {
            question: q.to_string(),
            target,
        });
    }
    out
}

fn propose(app: &App, session: &Session, form: &Form) -> Result<Response, Refusal> {
    let (rid, named) = kept(app, session, form)?;
    let wanted = changes(&named.doc, form);
    let by_hand = form.get("edit_clause").map(str::to_string);
    if wanted.is_empty() && by_hand.is_none() {
        let qs = questions(&named.doc, Some(form));
        let errors = vec![
            context! { field => "questions", message => "No choice was changed: change who does what, or a period, first." },
        ];
        return Ok(choices_page(app, session, &rid, &named.name, qs, errors));
    }
    match concord_compare::amend::amend(&named.doc, &wanted) {
        Err(e) => {
            let qs = questions(&named.doc, Some(form));
            let message = format!("{e}.");
            Ok(choices_page(
                app,
                session,
                &rid,
                &named.name,
                qs,
                vec![context! { field => "questions", message => message }],
            ))
        }
        Ok(amended) => {
            let mut edits: Vec<Value> = amended
                .edits
                .iter()
                .map(|e| {
                    let text = amended.document.clause(&e.clause)
                        .map(|c| c.text.clone())
                        .unwrap_or_default();
                    let words = concord_compare::diff::try_diff(
                        &one_clause(&e.clause, &e.before),
                        &one_clause(&e.clause, &e.after),
                        &Default::default(),
                    )
                    .ok()
                    .and_then(|r| r.clauses.into_iter().next())
                    .map(|c| c.words)
                    .unwrap_or_default();
                    context! {
                        clause => &e.clause, question => &e.question, was => &e.was, now => &e.now,
                        topic => concord_model::questions::question(&e.question).map_or("", |q| q.topic),
                        words => Value::from(minijinja::value::Serde(&words)),
                        text => text, by_hand => false,
                    }
                })
                .collect();
            if let Some(id) = by_hand.filter(|id| !amended.edits.iter().any(|e| &e.clause == id)) {
                let c = amended
                    .document
                    .clause(&id)
                    .ok_or_else(|| Refusal::form(format!("the protocol has no clause {id}.")))?;
                edits.push(context! {
                    clause => &id, question => "", was => "", now => "", topic => "edited by hand",
                    words => Vec::<Value>::new(), text => &c.text, by_hand => true,
                });
            }
            Ok(app.views.page(
                "revised.html",
                context! { title => "Check the proposed changes", here => "revise", rid => rid, name => &named.name, edits => edits },
                super::common(app, session),
            ))
        }
    }
}

/// A one-clause document, to show a sentence's change word by word.
fn one_clause(id: &str, text: &str) -> Document {
    Document {
        sections: vec![concord_model::Section {
            clauses: vec![concord_model::Clause::new(
                id,
                None,
                text.to_string(),
                [1, 1],
            )],
            ..Default::default()
        }],
        ..Default::default()
    }
}

fn make(app: &App, session: &Session, form: &Form) -> Result<Response, Refusal> {
    let (_, named) = kept(app, session, form)?;
    let mut new = named.doc.clone();
    for id in form.all("clause") {
        let text = form
            .get(&format!("text-{id}"))
            .ok_or_else(|| Refusal::form(format!("the text of clause {id} is empty.")))?;
        let c = find_mut(&mut new.sections, id)
            .ok_or_else(|| Refusal::form(format!("the protocol has no clause {id}.")))?;
        // One paragraph: line breaks typed in the box are spaces in a clause's text.
        c.text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    let cfg = concord_compare::diff::DiffConfig {
        old_id: named.id.clone(),
        new_id: format!("{} (revised)", named.id),
        max_align_work: app.cfg.max_align_work,
        ..Default::default()
    };
    let redline = concord_compare::diff::try_diff(&named.doc, &new, &cfg)
        .map_err(|e| super::too_much_work(&e, cfg.max_align_work))?;
    let pack = concord_publish::pack::make(&concord_publish::pack::Inputs {
        old: &named.doc,
        new: &new,
        cfg: &cfg,
        peers: &[],
        title: None,
        meeting: None,
        author: "Concord".into(),
        date: None,
        new_path: named.name.clone(),
    })
    .map_err(|e| Refusal::internal(e.to_string()))?;
    let responsibilities: Vec<String> = redline.responsibilities.iter().map(|r| r.line()).collect();
    let ctx = context! {
        title => "Redline", here => "revise",
        old => &named.name, new => format!("{} as revised", named.name),
        redline => Value::from(minijinja::value::Serde(&redline)),
        responsibilities => responsibilities,
        changed => redline.clauses.iter().filter(|c| c.is_change()).count(),
    };
    let pack_rid = app.store.put(
        &session.id,
        Kept::Pack {
            html: pack.html,
            docx: pack.docx,
            pdf: pack.pdf,
        },
    );
    let revised = Named {
        id: format!("{}-revised", named.id),
        name: named.name.clone(),
        doc: new,
    };
    let kept = Kept::Redline {
        old: Box::new(named),
        new: Box::new(revised),
        redline: Box::new(redline),
    };
    let rid = app.store.put(&session.id, kept);
    Ok(app.views.page(
        "redlined.html",
        context! { rid => rid, pack_rid => pack_rid, ..ctx },
        super::common(app, session),
    ))
}

/// The choices page: each question the protocol answers, with today's answer and the fields
/// to change it (filled from `form` when it is shown again).
fn choices_page(
    app: &App,
    session: &Session,
    rid: &str,
    name: &str,
    questions: Vec<Value>,
    errors: Vec<Value>,
) -> Response {
    let clauses: Vec<Value> = app
        .store
        .get(&session.id, rid)
        .and_then(|k| match k.as_ref() {
            Kept::Documents(d) => d.first().map(|n| clause_list(&n.doc.sections)),
            _ => None,
        })
        .unwrap_or_default();
    app.views.page(
        "revise.html",
        context! {
            title => if errors.is_empty() { "Revise a protocol" } else { "Error: Revise a protocol" },
            here => "revise", rid => rid, name => name, questions => questions, errors => errors,
            sources => super::sources(app), clauses => clauses,
        },
        super::common(app, session),
    )
}

fn questions(doc: &Document, form: Option<&Form>) -> Vec<Value> {
    let kind = doc.meta.kind.as_deref().unwrap_or("district");
    let mut roles: Vec<&str> = concord_draft::catalogue::roles_for(kind);
    let answers = concord_compare::answers::answers(doc);
    for (_, a) in &answers {
        for r in a.iter().flat_map(|a| a.roles.iter()) {
            if !roles.contains(&r.as_str()) {
                roles.extend(concord_model::roles::role(r).map(|x| x.id));
            }
        }
    }
    let role_list: Vec<Value> = roles
        .iter()
        .map(|id| context! { id => *id, name => crate::views::role_name(id) })
        .collect();
    answers
        .iter()
        .filter_map(|(q, a)| {
            let a: &Answer = a.as_ref().filter(|a| !a.unclear)?;
            let question = concord_model::questions::question(q)?;
            let given = |suffix: &str| -> Option<String> {
                form.map(|f| f.get(&format!("q-{q}-{suffix}")).unwrap_or("").to_string())
            };
            let kind = match &a.value {
                None => "route",
                Some(AnswerValue::Days { .. }) => "days",
                Some(AnswerValue::Years { .. }) => "years",
                Some(AnswerValue::Forbidden { .. }) => "forbidden",
            };
            let steps: Vec<Value> = (1..=STEPS)
                .map(|n| {
                    let value = given(&n.to_string())
                        .unwrap_or_else(|| a.roles.get(n - 1).cloned().unwrap_or_default());
                    context! {
                        n => n, field => format!("q-{q}-{n}"), value => value,
                        label => if n == 1 { "First".to_string() } else { format!("Then ({n})") },
                    }
                })
                .collect();
            let (days, working, years) = match &a.value {
                Some(AnswerValue::Days { days, working }) => (
                    given("days").unwrap_or_else(|| days.to_string()),
                    form.map_or(*working, |f| f.get(&format!("q-{q}-working")).is_some()),
                    String::new(),
                ),
                Some(AnswerValue::Years { years, .. }) => (
                    String::new(),
                    false,
                    given("years").unwrap_or_else(|| years.to_string()),
                ),
                _ => (String::new(), false, String::new()),
            };
            Some(context! {
                id => *q, text => question.text, kind => kind, summary => &a.summary,
                evidence => &a.evidence, clause => a.clauses.first(),
                steps => if kind == "route" { steps } else { Vec::new() },
                roles => role_list.clone(), days => days, working => working, years => years,
            })
        })
        .collect()
}

/// Every clause of the document, in order, as a choice: its id and the start of its text.
fn clause_list(sections: &[concord_model::Section]) -> Vec<Value> {
    fn clauses(cs: &[concord_model::Clause], out: &mut Vec<Value>) {
        for c in cs {
            let label = c.label.clone().unwrap_or_else(|| c.id.clone());
            out.push(context! { id => &c.id, label => format!("{label}: {}", crate::views::short(&c.text, 70)) });
            clauses(&c.clauses, out);
        }
    }
    let mut out = Vec::new();
    for s in sections {
        clauses(&s.clauses, &mut out);
        out.extend(clause_list(&s.sections));
    }
    out
}

fn find_mut<'d>(
    sections: &'d mut [concord_model::Section],
    id: &str,
) -> Option<&'d mut concord_model::Clause> {
    fn in_clauses<'d>(
        cs: &'d mut [concord_model::Clause],
        id: &str,
    ) -> Option<&'d mut concord_model::Clause> {
        for c in cs {
            if c.id == id {
                return Some(c);
            }
            if let Some(f) = in_clauses(&mut c.clauses, id) {
                return Some(f);
            }
        }
        None
    }
    for s in sections {
        if let Some(c) = in_clauses(&mut s.clauses, id) {
            return Some(c);
        }
        if let Some(c) = find_mut(&mut s.sections, id) {
            return Some(c);
        }
    }
    None
}
