//! `media-spokesperson`: who speaks to the media for the council, and who is consulted?
//!
//! Every sentence about the media or the press that names roles speaking for the council,
//! issuing or approving statements, or consulted first: "Contact with the media ... is handled
//! through the Communications Team"; "should first consult the relevant Committee Chair or
//! Chief Executive"; "The chair ... may act as spokespersons for the council". A sentence under
//! a media heading (or after a media sentence in its clause) counts only when it speaks of
//! statements, comment, releases or the like itself: a paragraph filed under "Press" about
//! something else is not a media rule. "Spokesperson" alone is no media word ("copies to the
//! opposition spokespersons"). The answer gathers every such sentence in document order; the
//! sentence naming a spokesperson outright is the main one.

use super::super::slots::Class;
use super::super::topic::{self, Group, Reach, Topic};
use super::super::{Answer, View};

const MEDIA: &[&str] = &[
    "media",
    "press",
    "journalist*",
    "newspaper*",
    "reporter*",
    "broadcast*",
    "news release*",
    "press release*",
    "news media",
    "radio",
    "television",
    "publicity",
    // Speaking for the council outright (not the bare "spokespersons" of a party).
    "council spokesperson*",
    // "the Council's spokesperson", "the Council's principal spokesperson".
    "council s spokesperson*",
    "council s spokespeople",
    "council s principal spokesperson*",
    "council s main spokesperson*",
    "council s official spokesperson*",
    "spokesperson* for the council",
    "spokesperson* on behalf of",
    "spokespeople for the council",
    // Acting as spokesperson is the part itself ("will act together as spokespersons"), not
    // the party spokespersons copied into letters.
    "act* as spokesperson*",
    "act* as the spokesperson*",
    "act* as its spokesperson*",
    "act* as the council s spokesperson*",
    "serv* as spokesperson*",
    "act* together as spokesperson*",
    "act* jointly as spokesperson*",
    // Speaking for the council is speaking to the public for it: "The Leader will speak for
    // the Council on policy matters".
    "speak* for the council",
    "spoke* for the council",
    "speak* on behalf of the council",
    "spoke* on behalf of the council",
];
/// Words naming the part of speaking for the council.
const SPEAKERS: &[&str] = &[
    "spokesperson*",
    "spokespeople",
    "spokesman",
    "spokeswoman",
    // "The Town Mayor is the public voice of the Council".
    "voice of the council",
    "public voice",
    "public face",
    "face of the council",
];
const ACTION: &[&str] = &[
    "speak*",
    "spoke*",
    "statement*",
    "release*",
    "comment*",
    "respond*",
    "response*",
    "enquir*",
    "inquir*",
    "interview*",
    "quote*",
    "spokes*",
    "on behalf of the council",
    "for the council",
    "issue*",
    "approv*",
    "sign off",
    "signed off",
    "front*",
    "contact with",
];

const TOPIC: Topic = Topic {
    groups: &[Group {
        cues: MEDIA,
        reach: Reach::Section,
        context: &[],
    }],
    strong: &[
        "spokesperson*",
        "spokespeople",
        "speak on behalf of the council",
        "on behalf of the council",
        "speak for the council",
        "speaks for the council",
    ],
    classes: &[
        Class::Speak,
        Class::Consult,
        Class::Decide,
        Class::Send,
        Class::Handle,
        // Told of every approach ("the Clerk must be informed of any approach from a
        // journalist"): kept in the loop, as one consulted is.
        Class::Tell,
    ],
    action: ACTION,
    // Speaking for one's own group or party, not the council: "may issue statements on behalf
    // of their own political groups, but not on behalf of the Council".
    exclude: &[
        // Speaking for a portfolio in the council's own meetings is no word to the media.
        "at meetings of",
        "at council meetings",
        "in council meetings",
        "on behalf of their own group*",
        "on behalf of their group*",
        "on behalf of their own political group*",
        "on behalf of their political group*",
        "on behalf of their own party",
        "on behalf of their party",
        "on behalf of their parties",
        "on behalf of the group",
        "on behalf of that group",
        "for their own group*",
        "for their own party",
    ],
    theme: &[],
    foreign: &[],
    own: &[],
    send_needs: &[],
    speakers: SPEAKERS,
    // Told of approaches, and no one named who speaks: "mentioned, unclear".
    outranked: &[],
    alone_weak: &[Class::Tell],
    escalate: false,
    combine: true,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(|mut found| {
        found.route.as_alternatives();
        Answer::from_route(found)
    })
}
