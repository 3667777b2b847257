//! `personal-relationship-disclosure`: who must be told of a close personal relationship
//! between a councillor and an officer?
//!
//! A sentence about a personal relationship or connection with a verb of telling: "Any officer
//! who is personally connected to a councillor must notify the Monitoring Officer in
//! writing"; "shall disclose the relationship to the Monitoring Officer". Everyone who must be
//! told is on the answer, in document order (a protocol may send officers to their Strategic
//! Director and everyone to the Monitoring Officer). The verbs are whole words: "informal" is
//! not "inform".

use super::super::topic::{self, Topic};
use super::super::{Answer, View};

const RELATIONSHIP: &[&str] = &[
    "relationship*",
    "personally connected",
    "personal connection*",
    "connected to",
    "family",
];
const STRONG: &[&str] = &[
    "personal relationship*",
    "close relationship*",
    "personally connected",
    "personal connection*",
];
const TELL: &[&str] = &[
    "notify",
    "notified",
    "inform",
    "informed",
    "disclose",
    "disclosed",
    "declare",
    "declared",
    "tell",
    "told",
    "attention of",
    "register",
];

const TOPIC: Topic = Topic {
    groups: &[RELATIONSHIP],
    heading_groups: &[],
    strong: STRONG,
    routing: TELL,
    look_back: false,
    escalate: false,
    combine: true,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
