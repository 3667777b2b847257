//! `need-to-know-disputes`: who decides a councillor's "need to know" for information?
//!
//! A sentence (or the one before it) about a councillor's need to know or access to documents,
//! with a deciding or advising verb: "The final decision on a councillor's 'need to know' will
//! rest with the Chief Executive in consultation with the Monitoring Officer"; "Disputes as to
//! the validity of a Member's request ... on a need to know basis will be determined by the
//! Monitoring Officer". Conditional sentences after it extend the route ("Where necessary, the
//! Leader in consultation with the other Group Leaders will determine whether the information
//! should be provided").
//!
//! "Need to know" counts as a noun ("a need to know", "the councillor's need to know",
//! "need to know basis") or said of one person ("disagree about whether the councillor needs
//! to know something"), not as a plural verb ("officers who need to know of the matter").

use super::super::topic::{self, Topic};
use super::super::{Answer, View};

const NEED_TO_KNOW: &[&str] = &[
    "a need to know",
    "the need to know",
    "s need to know",
    "legitimate need to know",
    "need to know basis",
    "need to know principle",
    // "whether the councillor needs to know something": one person's need to know in
    // question, said with the verb (the plural "officers who need to know of it" is not).
    "needs to know",
    "whether the information should be provided",
    "access to documents",
    "access to information",
    "inspect documents",
];
const DECIDE: &[&str] = &[
    "determin*",
    "decision*",
    "decid*",
    "rest with",
    "rests with",
    "advice from",
    "guidance from",
    "seek advice",
    "seek guidance",
];

const TOPIC: Topic = Topic {
    groups: &[NEED_TO_KNOW],
    heading_groups: &[],
    strong: &["need to know basis", "s need to know"],
    routing: DECIDE,
    look_back: true,
    escalate: true,
    combine: false,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
