//! `political-group-meeting-attendance`: who decides whether officers attend political group
//! meetings?
//!
//! A sentence about attending (or being present at) a group meeting, naming the group in the
//! sentence or in the heading above it, with a deciding verb: "unless the occasion has been
//! specifically authorised by the Chief Executive"; "It is a matter for the Chief Executive to
//! decide"; "On the invitation of a Group Leader, an Executive Director ... may attend".

use super::super::topic::{self, Topic};
use super::super::{Answer, View};

const ATTEND: &[&str] = &["attend*", "present at", "attendance"];
const GROUP: &[&str] = &[
    "group meeting*",
    "political group*",
    "party group*",
    "meetings of political",
    "political party",
];
const DECIDE: &[&str] = &[
    "authoris*",
    "authoriz*",
    "approv*",
    "decid*",
    "decision",
    "contact*",
    "invitation",
    "invite*",
    "request*",
    "agreed",
    "agreement",
    "permission",
    "consent",
];

const TOPIC: Topic = Topic {
    groups: &[ATTEND, GROUP],
    heading_groups: &[1],
    strong: &[],
    routing: DECIDE,
    look_back: false,
    escalate: false,
    combine: false,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
