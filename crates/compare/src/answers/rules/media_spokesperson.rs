//! `media-spokesperson`: who speaks to the media for the council, and who is consulted?
//!
//! Every sentence about the media or the press (in the sentence, or in a heading such as
//! "Members and the Media") that names roles not under a negation: "Contact with the media ...
//! is handled through the Communications Team"; "should first consult the relevant Committee
//! Chair or Chief Executive"; "The chair ... may act as spokespersons for the council". The
//! answer gathers them in document order; the sentence naming a spokesperson outright is the
//! main one. The cues are whole words ("press" is not "pressurise").

use super::super::topic::{self, Topic};
use super::super::{Answer, View};

const MEDIA: &[&str] = &[
    "media",
    "press",
    "spokesperson*",
    "spokespeople",
    "news release*",
    "press release*",
    "media statement*",
    "publicity",
    "journalist*",
];
const STRONG: &[&str] = &[
    "spokesperson*",
    "spokespeople",
    "speak on behalf of the council",
    "on behalf of the council",
];

const TOPIC: Topic = Topic {
    groups: &[MEDIA],
    heading_groups: &[0],
    strong: STRONG,
    routing: &[],
    look_back: false,
    escalate: false,
    combine: true,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
