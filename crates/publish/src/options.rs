//! A protocol read back into the options file that drafts it again (`concord options --from`,
//! the web app's "Start from your current protocol"): each question's answer in the options'
//! vocabulary, with the clause and sentence it was read from. An answer the reader marks
//! unclear says nothing an options file could hold, so it is left to the default.

use concord_compare::answers::{Answer, Value};
use concord_draft::infer::{Choice, Found, Reading};
use concord_model::Document;

/// The options file (TOML, with a comment per answer saying where it was read) that drafts
/// `doc` again; `source` names the file it came from in the header.
pub fn options_from(doc: &Document, source: &str) -> String {
    let readings: Vec<Reading> = concord_compare::answers::answers(doc)
        .into_iter()
        .map(|(id, a)| Reading {
            question: id.to_string(),
            found: a.filter(|a| !a.unclear).map(found),
        })
        .collect();
    concord_draft::infer::options_toml(doc, &readings, source)
}

/// An answer of the comparison in the options' vocabulary.
fn found(a: Answer) -> Found {
    let choice = match a.value {
        None => Choice::Route(a.roles),
        Some(Value::Days { days, working }) => Choice::Days { days, working },
        Some(Value::Years { years, body }) => Choice::Years { years, body },
        Some(Value::Forbidden { forbidden }) => Choice::Forbidden { forbidden },
    };
    Found {
        choice,
        clauses: a.clauses,
        evidence: a.evidence,
        relations: a
            .route
            .iter()
            .map(|s| s.relation.as_str().to_string())
            .collect(),
    }
}
