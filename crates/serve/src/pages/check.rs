//! Check: the publication checks of `concord check` on one protocol, each finding shown next
//! to the clause it is about (and those about no clause first), with its fix.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::extract::Request;
use axum::response::Response;
use concord_check::Severity;
use minijinja::{Value, context};

use crate::app::App;
use crate::refusal::Refusal;
use crate::session::Session;

form_page!("check.html", "Check a protocol", "check");

async fn run(app: &Arc<App>, session: &Session, req: Request) -> Result<Response, Refusal> {
    let form = crate::form::read(app, session, req).await?;
    let a = Arc::clone(app);
    let (name, parsed, findings) = super::work(app, move || {
        let (name, parsed, source) = super::one_parsed(&a, &form, "file")?;
        let cfg = concord_check::CheckConfig {
            today: a.host.today(),
        };
        let findings = concord_check::check(
            &parsed.document,
            &parsed.diagnostics,
            source.as_deref(),
            &cfg,
        );
        Ok((name, parsed, findings))
    })
    .await?;
    let note = |f: &concord_check::Finding| {
        context! {
            code => f.code, line => f.line, clause => &f.clause, message => &f.message, fix => &f.fix,
            severity => words(f.severity), must => f.severity == Severity::Error,
        }
    };
    let mut by_clause: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut general = Vec::new();
    for f in &findings {
        match &f.clause {
            Some(c) => by_clause.entry(c.clone()).or_default().push(note(f)),
            None => general.push(note(f)),
        }
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    Ok(app.views.page(
        "checked.html",
        context! {
            title => format!("Checks on {name}"), here => "check", name => &name,
            findings => findings.iter().map(note).collect::<Vec<_>>(),
            general => general, notes => by_clause,
            errors => count(Severity::Error), warnings => count(Severity::Warning), infos => count(Severity::Info),
            doc => Value::from(minijinja::value::Serde(&parsed.document)),
        },
        super::common(app, session),
    ))
}

/// A finding's severity as the pack says it.
fn words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Must fix",
        Severity::Warning => "Consider",
        Severity::Info => "Note",
    }
}
