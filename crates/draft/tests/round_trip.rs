//! The closed loop: a protocol drafted from options, written as Markdown, read back by the
//! reader and answered by the extraction rules, gives back exactly the options' answers (the
//! same route in the same order, the same values), for every example in `templates/examples/`
//! and for generated option sets.
//!
//! The loop goes on through `concord options --from`: the options file written from the
//! drafted text ([`concord_draft::infer::options_toml`]) validates and holds the same answers,
//! the same optional sections and the same council.
//!
//! The rule for questions the drafted text does not ask: a question whose optional section is
//! off (`catalogue::section_of`) is not drafted at all, so the loop expects "not covered"
//! (`None`) for it, whatever default `[answers]` would hold.

#![allow(clippy::unwrap_used, reason = "test helpers panic on broken fixtures")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use concord_compare::answers::{Value, answers};
use concord_draft::infer::{Choice, Found, Reading, options_toml};
use concord_draft::{Answer, Drafter, Options, Templates, catalogue, validate};
use proptest::prelude::*;

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../templates/examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

/// An answer as the loop compares it: a route, or a value in the options' own shape.
type Loop = Option<Answer>;

/// What the options say each question's answer is in the drafted text.
fn expected(options: &Options) -> BTreeMap<String, Loop> {
    catalogue::QUESTIONS
        .iter()
        .map(|q| {
            let drafted = catalogue::section_of(q.id)
                .is_none_or(|s| options.sections.get(s).copied().unwrap_or(false));
            let a = if drafted {
                options.answers.get(q.id).cloned()
            } else {
                None
            };
            (q.id.to_string(), a)
        })
        .collect()
}

/// The answers of a document as `concord options --from` is given them.
fn readings(doc: &concord_model::Document) -> Vec<Reading> {
    answers(doc)
        .into_iter()
        .map(|(id, a)| Reading {
            question: id.to_string(),
            found: a.filter(|a| !a.unclear).map(|a| Found {
                relations: a
                    .route
                    .iter()
                    .map(|s| s.relation.as_str().to_string())
                    .collect(),
                choice: match a.value {
                    None => Choice::Route(a.roles),
                    Some(Value::Days { days, working }) => Choice::Days { days, working },
                    Some(Value::Years { years, body }) => Choice::Years { years, body },
                    Some(Value::Forbidden { forbidden }) => Choice::Forbidden { forbidden },
                },
                clauses: a.clauses,
                evidence: a.evidence,
            }),
        })
        .collect()
}

/// How the steps after the first of a route read back, as the answers type them ("then",
/// "or", "if-about:<the role before>").
fn shapes(route: &[concord_compare::answers::Step]) -> Vec<String> {
    route.iter().skip(1).map(|s| s.shape()).collect()
}

/// The shapes the options' phrasing of a route must read back as.
fn want_shapes(options: &Options, question: &str, roles: &[String]) -> Vec<String> {
    let relation = options.how(question).relation(question);
    roles
        .windows(2)
        .map(|w| {
            if relation == "if-about" {
                format!("if-about:{}", w[0])
            } else {
                relation.to_string()
            }
        })
        .collect()
}

/// Drafts, renders as Markdown, reads back and answers.
fn read_back(options: &Options) -> (String, BTreeMap<String, (Loop, String)>) {
    let (md, doc) = drafted_and_read(options);
    let got = answers(&doc)
        .into_iter()
        .map(|(id, a)| {
            let a = a.filter(|a| !a.unclear);
            // A route whose shape does not read back is a miss, said in the evidence.
            let shaped = a.as_ref().and_then(|a| match options.answers.get(id) {
                Some(Answer::Route(roles)) if a.value.is_none() && a.roles == *roles => {
                    let got = shapes(&a.route);
                    let want = want_shapes(options, id, roles);
                    (got != want).then(|| format!("shape {got:?}, want {want:?}; "))
                }
                _ => None,
            });
            let evidence = a
                .as_ref()
                .map(|a| {
                    format!(
                        "{}{}: {}",
                        shaped.clone().unwrap_or_default(),
                        a.clauses.join(", "),
                        a.evidence
                    )
                })
                .unwrap_or_default();
            let a = if shaped.is_some() { None } else { a };
            let a = a.map(|a| match a.value {
                None => Answer::Route(a.roles),
                Some(Value::Days { days, working }) => Answer::Days { days, working },
                Some(Value::Years { years, body }) => Answer::Years {
                    years,
                    body: body.unwrap_or_default(),
                },
                Some(Value::Forbidden { forbidden }) => Answer::Forbidden { forbidden },
            });
            (id.to_string(), (a, evidence))
        })
        .collect();
    (md, got)
}

/// Drafts, renders as Markdown and reads the Markdown back.
fn drafted_and_read(options: &Options) -> (String, concord_model::Document) {
    let drafted = Drafter::new(Templates::Builtin).draft(options).unwrap();
    let md = concord_render::markdown(&drafted.document);
    let parsed = concord_ingest::parse_str(&md, "drafted.md", &concord_ingest::Options::default())
        .expect("a drafted protocol is within the reader's limits");
    (md, parsed.document)
}

/// What `options --from` on the drafted text gets wrong: the file must validate and hold the
/// same council, terms, sections and the answers of every question the text asks.
fn from_misses(options: &Options) -> Vec<String> {
    let (_, doc) = drafted_and_read(options);
    let toml = options_toml(&doc, &readings(&doc), "drafted.md");
    let back = match validate::parse(&toml) {
        Ok(o) => o,
        Err(p) => return vec![format!("options --from does not validate: {p:?}\n{toml}")],
    };
    let mut out = Vec::new();
    let (a, b) = (&options.council, &back.council);
    if (&a.name, &a.kind, &a.adopted, &a.principal) != (&b.name, &b.kind, &b.adopted, &b.principal)
    {
        out.push(format!("council {b:?}, want {a:?}"));
    }
    if options.terms.councillor != back.terms.councillor {
        out.push(format!("terms {:?}, want {:?}", back.terms, options.terms));
    }
    if options.sections != back.sections {
        out.push(format!(
            "sections {:?}, want {:?}",
            back.sections, options.sections
        ));
    }
    for (q, want) in expected(options) {
        if let Some(w) = want
            && back.answers.get(&q) != Some(&w)
        {
            out.push(format!("{q}: {:?}, want {w:?}", back.answers.get(&q)));
        }
        // The shape comes back too, where a route has one to show.
        if let Some(Answer::Route(r)) = options.answers.get(&q)
            && r.len() > 1
            && expected(options).get(&q).is_some_and(Option::is_some)
            && back.how(&q).relation(&q) != options.how(&q).relation(&q)
        {
            out.push(format!(
                "{q}: shape {}, want {}",
                back.how(&q).shape(),
                options.how(&q).shape()
            ));
        }
    }
    if !out.is_empty() {
        out.push(format!("--- options --from:\n{toml}"));
    }
    out
}

/// Every question whose answer did not come back, with what came back instead.
fn misses(options: &Options) -> Vec<String> {
    let want = expected(options);
    let (md, got) = read_back(options);
    let mut out = Vec::new();
    for (q, w) in &want {
        let (g, evidence) = got.get(q).cloned().unwrap_or_default();
        if &g != w {
            out.push(format!("{q}: want {w:?}, got {g:?} from {evidence}"));
        }
    }
    if !out.is_empty() {
        out.push(format!("--- drafted text:\n{md}"));
    }
    out
}

#[test]
fn every_example_reads_back_to_its_answers() {
    let mut failures = Vec::new();
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        let options = validate::parse(&text).unwrap();
        let mut m = misses(&options);
        m.extend(from_misses(&options));
        if !m.is_empty() {
            failures.push(format!("{}:\n{}", path.display(), m.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Review bodies as councils name them.
const BODIES: &[&str] = &[
    "Council",
    "Standards Committee",
    "Audit and Standards Committee",
    "Joint Governance Committee",
    "Governance & Ethics Committee",
    "Corporate Governance and Standards Committee",
    "Audit & \"Standards\" <Committee>",
    "O'Neill Back\\slash Committee",
];

/// Council names, some with the characters that must stay data in every format.
const NAMES: &[&str] = &[
    "Little Haven",
    "Smith & Sons \"Parish\" <Council>",
    "St Mary's & St John's",
    "Back\\slash <b>Vale</b>",
];

/// Roles a council may name in its own words (`[roles.<id>] name = "..."`), each a title the
/// lexicon reads back as that role.
const DECLARED: &[(&str, &str)] = &[
    ("staffing-committee", "Personnel Committee"),
    ("audit-committee", "Audit and Risk Committee"),
    ("standards-committee", "Standards and Ethics Committee"),
];

/// A TOML basic string.
fn toml_str(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Heads of paid service as councils title them, by the shape of council (the lexicon must
/// know the title for the loop to read it back; a title it does not know is drafted but read as
/// no role).
fn heads(kind: &str) -> Vec<&'static str> {
    match catalogue::shape(kind) {
        catalogue::Shape::Local => vec!["", "Clerk", "Town Clerk", "Parish Clerk"],
        catalogue::Shape::Joint => vec!["", "Joint Chief Executive"],
        catalogue::Shape::Principal => vec!["", "Chief Executive", "Managing Director"],
    }
}

/// A TOML options file drawn at random: a kind, a name, the sections on or off, routes of one
/// to four distinct roles the kind has, values in range.
fn options_file() -> impl Strategy<Value = String> {
    let kinds: Vec<&'static str> = catalogue::KINDS.to_vec();
    (
        (
            proptest::sample::select(kinds),
            proptest::sample::select(NAMES.to_vec()),
            any::<proptest::sample::Index>(),
            any::<bool>(),
        ),
        proptest::collection::vec(any::<bool>(), catalogue::SECTIONS.len()),
        any::<bool>(),
        proptest::collection::vec(
            proptest::collection::vec(any::<proptest::sample::Index>(), 1..=4),
            catalogue::QUESTIONS.len(),
        ),
        (1u32..=90, any::<bool>(), 1u32..=90, any::<bool>()),
        (
            1u32..=10,
            proptest::sample::select(BODIES.to_vec()),
            any::<bool>(),
        ),
        proptest::collection::vec(
            0usize..=concord_draft::SHAPES.len(),
            catalogue::QUESTIONS.len(),
        ),
        proptest::collection::vec(any::<bool>(), DECLARED.len()),
    )
        .prop_map(
            |(
                (kind, name, head, principal),
                sections,
                member,
                picks,
                days,
                review,
                shapes,
                declare,
            )| {
                let local = catalogue::shape(kind) == catalogue::Shape::Local;
                let mut toml = format!(
                    "[council]\nname = {}\nkind = \"{kind}\"\n",
                    toml_str(&format!("{name} {kind} council"))
                );
                if local && principal {
                    toml.push_str("principal = \"Harbourside & District Council\"\n");
                }
                toml.push_str(&format!(
                    "\n[terms]\ncouncillor = \"{}\"\n",
                    if member { "member" } else { "councillor" }
                ));
                let titles = heads(kind);
                let title = titles[head.index(titles.len())];
                if !title.is_empty() {
                    toml.push_str(&format!("head_of_paid_service = \"{title}\"\n"));
                }
                for ((id, title), on) in DECLARED.iter().zip(&declare) {
                    if *on {
                        toml.push_str(&format!("\n[roles.{id}]\nname = \"{title}\"\n"));
                    }
                }
                toml.push_str("\n[sections]\n");
                let on: BTreeMap<&str, bool> = catalogue::SECTIONS
                    .iter()
                    .zip(&sections)
                    .map(|(s, b)| (s.id, *b))
                    .collect();
                for (id, b) in &on {
                    toml.push_str(&format!("{id} = {b}\n"));
                }
                toml.push_str("\n[answers]\n");
                let roles = catalogue::roles_for(kind);
                for ((q, pick), shape) in catalogue::QUESTIONS.iter().zip(&picks).zip(&shapes) {
                    if catalogue::section_of(q.id).is_some_and(|s| !on[s]) {
                        continue;
                    }
                    let line = match q.answer {
                        catalogue::AnswerKind::Route => {
                            let mut left = roles.clone();
                            let mut route = Vec::new();
                            for ix in pick {
                                if left.is_empty() {
                                    break;
                                }
                                route.push(format!("\"{}\"", left.remove(ix.index(left.len()))));
                            }
                            let list = format!("[{}]", route.join(", "));
                            match concord_draft::SHAPES.get(*shape) {
                                Some(s) => format!("{{ roles = {list}, shape = \"{s}\" }}"),
                                None => list,
                            }
                        }
                        catalogue::AnswerKind::Days if q.id == "response-time" => {
                            format!("{{ days = {}, working = {} }}", days.0, days.1)
                        }
                        catalogue::AnswerKind::Days => {
                            format!("{{ days = {}, working = {} }}", days.2, days.3)
                        }
                        catalogue::AnswerKind::Years => {
                            format!("{{ years = {}, body = {} }}", review.0, toml_str(review.1))
                        }
                        catalogue::AnswerKind::Forbidden => {
                            format!("{{ forbidden = {} }}", review.2)
                        }
                    };
                    toml.push_str(&format!("{} = {line}\n", q.id));
                }
                toml
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn generated_options_read_back_to_their_answers(toml in options_file()) {
        let options = validate::parse(&toml).map_err(|p| TestCaseError::fail(format!("{toml}\n{p:?}")))?;
        let mut m = misses(&options);
        m.extend(from_misses(&options));
        prop_assert!(m.is_empty(), "{toml}\n{}", m.join("\n"));
    }
}

#[test]
fn every_role_title_a_draft_writes_is_read_back_as_that_role() {
    use concord_model::roles::Lexicon;
    for kind in catalogue::KINDS {
        for member in ["councillor", "member"] {
            let options = validate::parse(&format!(
                "[council]\nname = \"X\"\nkind = \"{kind}\"\n[terms]\ncouncillor = \"{member}\"\n"
            ))
            .unwrap();
            let words = concord_draft::Words::new(&options);
            let lexicon = Lexicon::for_kind(Some(kind));
            for id in catalogue::roles_for(kind) {
                let name = words.role(id).unwrap();
                for text in [&name.full, &name.back] {
                    assert_eq!(lexicon.roles(text), [id], "{kind}: '{text}'");
                }
            }
        }
    }
}
