//! Who does what: the questions of the catalogue (`concord_model::questions`) answered for one
//! protocol, and many protocols side by side.
//!
//! [`answers`] reads a [`Document`] with one transparent rule per question (`rules/`, one file
//! each, ruff-style). A rule needs the question's topic in the sentence, its clause, its
//! heading or the clause before it (`topic.rs`, `complaint.rs`), and reads what each role named
//! there is doing (`slots.rs`: the matter sent to it, decided by it, told to it, about it...),
//! so a role merely named near the topic is no answer. Every [`Answer`] carries its route, typed
//! ([`Step`]: first, then, or, if about a role; `roles` is the same route as a flat list) or its
//! [`Value`], the clauses it comes from (the main one first), a one-line summary, the evidence
//! sentence and [`Answer::why`]: the cue in the clause that produced it. Where the topic is
//! there but the text does not say who or how much, the answer is "mentioned, unclear"
//! ([`Answer::unclear`]) rather than a guess. "Not covered" is `None`. Where the document holds
//! tracked changes and the text before them answers differently, [`Answer::previously`] holds
//! that earlier answer.
//!
//! [`compare`] lays documents side by side as a [`Comparison`], whose JSON is the contract of
//! `concord compare --format json` (DESIGN.md, "JSON contracts of compare and diff").
//!
//! ```
//! use concord_compare::answers::answers;
//! use concord_model::{Clause, Document, Section};
//! let doc = Document {
//!     sections: vec![Section {
//!         number: Some("6".into()),
//!         heading: "When Things Go Wrong".into(),
//!         clauses: vec![Clause::new("6.2", Some("6.2".into()),
//!             "If an officer considers that they have not been treated with respect by a \
//!              councillor, they should raise the matter with the Chief Executive.".into(), [1, 1])],
//!         ..Section::default()
//!     }],
//!     ..Document::default()
//! };
//! let all = answers(&doc);
//! let (id, answer) = &all[0];
//! assert_eq!(*id, "officer-complaint-about-councillor");
//! let answer = answer.as_ref().unwrap();
//! assert_eq!(answer.roles, ["chief-executive"]);
//! assert_eq!(answer.clauses, ["6.2"]);
//! ```

mod complaint;
mod route;
mod rules;
mod slots;
mod text;
mod topic;
mod value;

use std::fmt;

use concord_model::Document;
use concord_model::questions::QUESTIONS;
use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use text::View;
use topic::Found;

/// One question's answer for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Answer {
    /// The route, in order, as a flat list of role ids (the roles of [`Answer::route`]);
    /// empty when the answer is a value or unclear.
    pub roles: Vec<String>,
    /// Where it is said, the main clause first.
    pub clauses: Vec<String>,
    /// The answer in a line: "Chief Officer; if about the Chief Officer, Chief Executive",
    /// "Clerk or Chair", "10 working days", "mentioned, unclear".
    pub summary: String,
    /// The sentence (or sentences of a ladder) it comes from, wraps joined.
    pub evidence: String,
    /// The value, for questions answered by one.
    pub value: Option<Value>,
    /// The answer the text gave before its tracked changes, where it differs.
    pub previously: Option<Box<Answer>>,
    /// The route, typed: each step with how it follows the one before.
    #[serde(default)]
    pub route: Vec<Step>,
    /// Why: the cue and the clause that produced the answer.
    #[serde(default)]
    pub why: String,
    /// True when the topic is there but the text does not say who (or how much): "mentioned,
    /// unclear". Such an answer has no route and no value.
    #[serde(default)]
    pub unclear: bool,
}

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Step {
    /// The canonical role id.
    pub role: String,
    /// How the step follows the one before.
    pub relation: Relation,
    /// For [`Relation::IfAbout`]: the role the matter must be about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub about: Option<String>,
}

/// How a step of a route follows the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Relation {
    /// The first step.
    First,
    /// An escalation or next step: "if not resolved", "after that", "who may refer it to";
    /// also a joint step ("the Chair and the Clerk").
    Then,
    /// Consulted by the step before, or acting with it: "the Leader, in consultation with
    /// the Monitoring Officer", "after consulting", "jointly with".
    Consult,
    /// A choice: "X or Y", "X, or if appropriate Y".
    Or,
    /// Taken when the matter concerns the role in [`Step::about`]: "if it is about the Chief
    /// Officer, to the Chief Executive".
    IfAbout,
}

impl Relation {
    /// The kebab-case name, as in JSON and in the battery files (`if-about`).
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::First => "first",
            Relation::Then => "then",
            Relation::Or => "or",
            Relation::Consult => "consult",
            Relation::IfAbout => "if-about",
        }
    }
}

impl Step {
    /// The step's relation as the battery writes it: `first`, `then`, `or`, `if-about:<role>`.
    pub fn shape(&self) -> String {
        match (&self.relation, &self.about) {
            (Relation::IfAbout, Some(r)) => format!("if-about:{r}"),
            (r, _) => r.as_str().to_string(),
        }
    }
}

/// A value answer. Serialised untagged: `{"days":5,"working":true}`,
/// `{"years":4,"body":"Standards Committee"}`, `{"forbidden":true}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Value {
    /// A number of days, working days or calendar days.
    Days { days: u32, working: bool },
    /// A cycle in years and the body that acts, when the text names it.
    Years { years: u32, body: Option<String> },
    /// True when forbidden outright, false when only discouraged.
    Forbidden { forbidden: bool },
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Days { days, working } => {
                let kind = if *working { "working" } else { "calendar" };
                let s = if *days == 1 { "" } else { "s" };
                write!(f, "{days} {kind} day{s}")
            }
            Value::Years { years, body } => {
                match years {
                    1 => write!(f, "every year")?,
                    n => write!(f, "every {n} years")?,
                }
                if let Some(b) = body {
                    write!(f, ", by the {b}")?;
                }
                Ok(())
            }
            Value::Forbidden { forbidden: true } => write!(f, "forbidden"),
            Value::Forbidden { forbidden: false } => write!(f, "discouraged, not forbidden"),
        }
    }
}

/// The summary of an unclear answer.
pub const UNCLEAR: &str = "mentioned, unclear";

impl Answer {
    /// Where the answer is said, as people read it: the clause ids ("4.1, 4.3"), or "version
    /// table" for an answer read from the document's version table, which is no clause.
    pub fn cited(&self) -> String {
        if self.clauses.is_empty() {
            "version table".to_string()
        } else {
            self.clauses.join(", ")
        }
    }

    fn from_route(found: Found) -> Answer {
        if found.route.is_empty() {
            return Answer::unclear(found.clauses, found.evidence, found.why);
        }
        Answer {
            roles: found.route.roles(),
            summary: found.route.summary(),
            clauses: found.clauses,
            evidence: found.evidence,
            value: None,
            previously: None,
            route: found.route.steps(),
            why: found.why,
            unclear: false,
        }
    }

    fn from_value(value: Value, clauses: Vec<String>, evidence: String, why: String) -> Answer {
        Answer {
            roles: Vec::new(),
            summary: value.to_string(),
            clauses,
            evidence,
            value: Some(value),
            previously: None,
            route: Vec::new(),
            why,
            unclear: false,
        }
    }

    fn unclear(clauses: Vec<String>, evidence: String, why: String) -> Answer {
        Answer {
            roles: Vec::new(),
            summary: UNCLEAR.to_string(),
            clauses,
            evidence,
            value: None,
            previously: None,
            route: Vec::new(),
            why,
            unclear: true,
        }
    }

    /// The answer when it says something (a route or a value); `None` when it is only
    /// "mentioned, unclear".
    pub fn given(&self) -> Option<&Answer> {
        (!self.unclear).then_some(self)
    }

    /// True when the answer is drawn from this clause.
    pub fn cites(&self, clause: &str) -> bool {
        self.clauses.iter().any(|c| c == clause)
    }

    /// True when two answers say different things (another typed route or value), whatever
    /// their wording, clause numbers or evidence.
    pub fn differs_from(&self, other: &Answer) -> bool {
        self.route != other.route || self.value != other.value || self.unclear != other.unclear
    }
}

/// One entry per catalogue question, in catalogue order.
pub fn answers(doc: &Document) -> Vec<(&'static str, Option<Answer>)> {
    let mut now = read(doc);
    if doc.has_tracked_changes() {
        let before = read(&doc.before());
        for ((_, after), (_, before)) in now.iter_mut().zip(before) {
            if let (Some(a), Some(b)) = (after.as_mut(), before)
                && !a.unclear
                && !b.unclear
                && a.differs_from(&b)
            {
                a.previously = Some(Box::new(b));
            }
        }
    }
    now
}

fn read(doc: &Document) -> Vec<(&'static str, Option<Answer>)> {
    let mut view = View::new(doc);
    view.read_slots(slots::read);
    rules::RULES
        .iter()
        .map(|(id, rule)| (*id, rule(&view)))
        .collect()
}

/// A document as the comparison names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct DocumentInfo {
    /// The document id: its file stem.
    pub id: String,
    pub title: Option<String>,
    pub council: Option<String>,
    pub kind: Option<String>,
}

/// One question across the documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct QuestionRow {
    pub id: String,
    pub text: String,
    /// Each document's answer (null when not covered), keyed by document id, in document order.
    pub answers: Answers,
}

/// Answers keyed by document id, kept in the order of the documents (a JSON object).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Answers(pub Vec<(String, Option<Answer>)>);

impl Answers {
    /// The answer of one document: `None` when the document is not in the comparison,
    /// `Some(None)` when it does not cover the question.
    pub fn get(&self, doc: &str) -> Option<&Option<Answer>> {
        self.0.iter().find(|(d, _)| d == doc).map(|(_, a)| a)
    }
}

impl schemars::JsonSchema for Answers {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Answers".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let answer = generator.subschema_for::<Option<Answer>>();
        schemars::json_schema!({
            "description": "Each document's answer (null when not covered), keyed by document id, in document order.",
            "type": "object",
            "additionalProperties": answer
        })
    }
}

/// The JSON Schema (draft 2020-12) of [`Comparison`], the contract of `concord compare
/// --format json`, pretty-printed with a trailing newline (committed as
/// `crates/compare/schema/compare.json`).
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Comparison);
    format!("{:#}\n", schema.as_value())
}

impl Serialize for Answers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Answers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Answers, D::Error> {
        struct Entries;
        impl<'de> Visitor<'de> for Entries {
            type Value = Answers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of document ids to answers")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Answers, M::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Option<Answer>>()? {
                    out.push((k, v));
                }
                Ok(Answers(out))
            }
        }
        deserializer.deserialize_map(Entries)
    }
}

/// Many documents on the questions: the contract of `concord compare --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Comparison {
    pub documents: Vec<DocumentInfo>,
    pub questions: Vec<QuestionRow>,
}

/// Compares documents (each with its id) on the questions named, in catalogue order; all
/// questions when `questions` is empty. Unknown question ids are ignored (the caller checks
/// them against `concord_model::questions`).
pub fn compare(docs: &[(String, &Document)], questions: &[&str]) -> Comparison {
    let documents = docs
        .iter()
        .map(|(id, d)| DocumentInfo {
            id: id.clone(),
            title: d.meta.title.clone(),
            council: d.meta.council.clone(),
            kind: d.meta.kind.clone(),
        })
        .collect();
    let per_doc: Vec<Vec<(&'static str, Option<Answer>)>> =
        docs.iter().map(|(_, d)| answers(d)).collect();
    let rows = QUESTIONS
        .iter()
        .enumerate()
        .filter(|(_, q)| questions.is_empty() || questions.contains(&q.id))
        .map(|(qi, q)| QuestionRow {
            id: q.id.to_string(),
            text: q.text.to_string(),
            answers: Answers(
                docs.iter()
                    .zip(&per_doc)
                    .map(|((id, _), a)| (id.clone(), a.get(qi).and_then(|(_, a)| a.clone())))
                    .collect(),
            ),
        })
        .collect();
    Comparison {
        documents,
        questions: rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_serialise_untagged() {
        let v = |v: &Value| serde_json::to_string(v).unwrap();
        assert_eq!(
            v(&Value::Days {
                days: 5,
                working: true
            }),
            r#"{"days":5,"working":true}"#
        );
        assert_eq!(
            v(&Value::Years {
                years: 4,
                body: Some("Standards Committee".into())
            }),
            r#"{"years":4,"body":"Standards Committee"}"#
        );
        assert_eq!(
            v(&Value::Forbidden { forbidden: true }),
            r#"{"forbidden":true}"#
        );
        for s in [
            r#"{"days":5,"working":true}"#,
            r#"{"years":4,"body":null}"#,
            r#"{"forbidden":false}"#,
        ] {
            let back: Value = serde_json::from_str(s).unwrap();
            assert_eq!(v(&back), s);
        }
    }

    /// Regression: "A resolution of the Council ..." at the start of a sentence looked four
    /// words back from the word "the" for "by a resolution of" and underflowed.
    #[test]
    fn council_resolution_at_the_sentence_start_does_not_underflow() {
        let text = "# Protocol\n\nCouncil: Anytown Parish Council\n\n## 1. Interpretation\n\n\
                    1.1 A resolution of the Council settles any dispute about the meaning of \
                    this protocol.\n";
        let doc = concord_ingest::parse_str(text, "x.md", &concord_ingest::Options::default())
            .expect("a small protocol reads")
            .document;
        let read = answers(&doc);
        let interpretation = read
            .iter()
            .find(|(q, _)| *q == "protocol-interpretation")
            .and_then(|(_, a)| a.as_ref());
        // Not "by resolution of": the Council is named, but not as the one who decides.
        assert!(
            interpretation.is_none_or(|a| !a.roles.contains(&"full-council".to_string())),
            "{interpretation:?}"
        );
    }

    #[test]
    fn every_question_has_a_rule_in_catalogue_order() {
        let rules: Vec<&str> = rules::RULES.iter().map(|(id, _)| *id).collect();
        let questions: Vec<&str> = QUESTIONS.iter().map(|q| q.id).collect();
        assert_eq!(rules, questions);
    }

    #[test]
    fn an_empty_document_covers_nothing() {
        let all = answers(&Document::default());
        assert_eq!(all.len(), QUESTIONS.len());
        assert!(all.iter().all(|(_, a)| a.is_none()));
    }
}
