//! Laws of the answers, checked with proptest on clauses of protocol words in any order (the
//! words of roles, routing, topics, numbers and punctuation), headings included:
//!
//! - reading never panics, whatever the words;
//! - `roles` is the typed route's roles, in order; the first step is `first` and no other is;
//!   an `if-about` step names a role, and no step is about itself;
//! - an unclear answer has no route and no value; a route answer has no value;
//! - the same document gives the same answers.

use concord_compare::answers::{Relation, answers};
use concord_model::{Clause, Document, Item, Meta, Section};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "officer",
    "officers",
    "councillor",
    "member",
    "members",
    "staff",
    "Monitoring",
    "Officer",
    "Chief",
    "Executive",
    "Clerk",
    "Chair",
    "Leader",
    "Director",
    "Head",
    "of",
    "Paid",
    "Service",
    "Group",
    "Committee",
    "Standards",
    "Staffing",
    "Full",
    "Council",
    "Town",
    "Mayor",
    "manager",
    "their",
    "line",
    "concerned",
    "raise",
    "raised",
    "with",
    "to",
    "by",
    "refer",
    "referred",
    "report",
    "decide",
    "decided",
    "determined",
    "authorised",
    "agreed",
    "unless",
    "has",
    "not",
    "never",
    "must",
    "should",
    "will",
    "may",
    "if",
    "where",
    "or",
    "and",
    "then",
    "failing",
    "that",
    "about",
    "against",
    "concerns",
    "complaint",
    "complain",
    "concern",
    "unhappy",
    "bullied",
    "need",
    "know",
    "interpretation",
    "protocol",
    "relationship",
    "close",
    "personal",
    "media",
    "press",
    "spokesperson",
    "blind",
    "copies",
    "bcc",
    "respond",
    "reply",
    "acknowledge",
    "within",
    "ten",
    "working",
    "days",
    "week",
    "48",
    "hours",
    "ward",
    "notice",
    "before",
    "review",
    "reviewed",
    "every",
    "four",
    "years",
    "annually",
    "term",
    "attend",
    "political",
    "group",
    "meeting",
    "discretion",
    "approval",
    "consulting",
    "consultation",
    "in",
    "this",
    "it",
    "they",
    "you",
    ",",
    ";",
    ":",
    ".",
    "(",
    ")",
    "’s",
    "'",
    "-",
    "/",
];

fn sentence() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS.to_vec()), 0..40)
        .prop_map(|w| w.join(" "))
}

fn document() -> impl Strategy<Value = Document> {
    (
        proptest::sample::select(vec!["parish", "town", "district", "joint"]),
        proptest::collection::vec(
            (
                sentence(),
                proptest::collection::vec(
                    (sentence(), proptest::collection::vec(sentence(), 0..3)),
                    1..4,
                ),
            ),
            1..4,
        ),
    )
        .prop_map(|(kind, sections)| Document {
            meta: Meta {
                kind: Some(kind.to_string()),
                ..Meta::default()
            },
            sections: sections
                .into_iter()
                .enumerate()
                .map(|(s, (heading, clauses))| Section {
                    number: Some((s + 1).to_string()),
                    heading,
                    clauses: clauses
                        .into_iter()
                        .enumerate()
                        .map(|(c, (text, items))| {
                            let mut clause =
                                Clause::new(&format!("{}.{}", s + 1, c + 1), None, text, [1, 1]);
                            clause.items = items
                                .into_iter()
                                .map(|t| Item {
                                    text: t,
                                    ..Item::default()
                                })
                                .collect();
                            clause
                        })
                        .collect(),
                    ..Section::default()
                })
                .collect(),
            ..Document::default()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn answers_keep_their_laws(doc in document()) {
        let all = answers(&doc);
        prop_assert_eq!(&all, &answers(&doc));
        for (q, a) in &all {
            let Some(a) = a else { continue };
            let roles: Vec<&str> = a.route.iter().map(|s| s.role.as_str()).collect();
            prop_assert_eq!(&a.roles, &roles, "{}", q);
            if a.unclear {
                prop_assert!(a.roles.is_empty() && a.value.is_none(), "{}", q);
                continue;
            }
            prop_assert!(a.roles.is_empty() != a.value.is_none(), "{} {:?}", q, a);
            for (k, s) in a.route.iter().enumerate() {
                prop_assert_eq!(s.relation == Relation::First, k == 0, "{} {:?}", q, a.route);
                prop_assert_eq!(s.relation == Relation::IfAbout, s.about.is_some(), "{}", q);
                prop_assert!(s.about.as_deref() != Some(s.role.as_str()), "{} {:?}", q, a.route);
            }
            prop_assert!(!a.clauses.is_empty() && !a.why.is_empty(), "{} {:?}", q, a);
        }
    }
}
