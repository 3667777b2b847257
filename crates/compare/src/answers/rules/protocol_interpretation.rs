//! `protocol-interpretation`: who interprets the protocol or arbitrates on it?
//!
//! A sentence about interpreting or arbitrating on the protocol itself (the word "protocol"
//! or "this document" in it), with a deciding or advising verb: "Questions on the
//! interpretation of this Protocol will be determined by the Monitoring Officer"; "the
//! Executive Directors will arbitrate on the interpretation of this Protocol following
//! consultation with the Monitoring Officer"; "settled by the Town Clerk after consulting the
//! Town Mayor"; "Questions about how this protocol applies are decided by the Monitoring
//! Officer".

use super::super::topic::{self, Topic};
use super::super::{Answer, View};

const INTERPRET: &[&str] = &[
    "interpret*",
    "arbitrat*",
    // "Questions about how this protocol applies are decided by ...".
    "how this protocol applies",
    "how the protocol applies",
    "application of this protocol",
    "application of the protocol",
    "meaning of this protocol",
];
const PROTOCOL: &[&str] = &["protocol", "this document", "this guidance"];
const DECIDE: &[&str] = &[
    "determin*",
    "arbitrat*",
    "decid*",
    "guidance of",
    "advice of",
    "advice from",
    "guidance from",
    "refer*",
    "rest with",
    "rests with",
    "settl*",
];

const TOPIC: Topic = Topic {
    groups: &[INTERPRET, PROTOCOL],
    heading_groups: &[],
    strong: &[],
    routing: DECIDE,
    look_back: false,
    escalate: true,
    combine: false,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
