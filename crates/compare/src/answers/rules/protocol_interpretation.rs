//! `protocol-interpretation`: who interprets the protocol or arbitrates on it?
//!
//! A sentence about interpreting or applying the protocol itself ("protocol", "this
//! document", "this guidance" in the sentence, its clause or its heading; the interpreting in
//! the sentence or its heading, such as "Interpretation"), with a role that decides, rules,
//! is referred the question or advises on it: "Questions on the interpretation of this
//! Protocol will be determined by the Monitoring Officer"; "the Executive Directors will
//! arbitrate on the interpretation of this Protocol following consultation with the
//! Monitoring Officer"; "settled by the Town Clerk after consulting the Town Mayor". Advice on
//! anything at all ("if unsure about any matter, ask the Monitoring Officer") and the Code of
//! Conduct are not the protocol.

use super::super::slots::Class;
use super::super::topic::{self, Group, Reach, Topic};
use super::super::{Answer, View};

const INTERPRET: &[&str] = &[
    "interpret*",
    "arbitrat*",
    "how this protocol applies",
    "how the protocol applies",
    "how this protocol should",
    "how the protocol should",
    "application of this protocol",
    "application of the protocol",
    "operation of this protocol",
    "operation of the protocol",
    "meaning of",
    // "any dispute as to the meaning or application of this joint protocol".
    "meaning or application",
    "meaning and application",
    "application or meaning",
    "interpretation or application",
    "questions about this protocol",
    "questions about the protocol",
    "questions on this protocol",
    "question about this protocol",
    "questions arising",
    "question arising",
    "queries about this protocol",
    "queries on this protocol",
    "doubt about",
    "doubt as to",
    "doubts about",
    "clarification",
    "what this protocol means",
    "what the protocol means",
    "what this protocol requires",
    "what it means",
    // "how this protocol is to be read".
    "protocol is to be read",
    "protocol should be read",
    "protocol is read",
    // "decide what any part of it means".
    "of it means",
    "of this protocol means",
    "of the protocol means",
    "understand this protocol",
    "understand the protocol",
    "understanding this protocol",
    "disagree* about this protocol",
    "disagree* about the protocol",
    "disagree* over this protocol",
    "disput* about this protocol",
    "disput* about the protocol",
    "disput* over this protocol",
    "disagreements about what",
    "ambigu*",
    // "the final arbiter of any dispute arising under this Protocol".
    "arbiter*",
    "disput* arising under",
    "disputes under this protocol",
    // "This Protocol cannot anticipate every situation ... Where its application to a
    // particular situation is in doubt".
    "its application",
    "its interpretation",
    "its meaning",
    "how it applies",
    "how it should be applied",
    // A word of doubt near a word of meaning or applying, either way round: "any uncertainty
    // about the application of this Joint Protocol", "unsure how its principles apply", "any
    // question as to the construction of this Protocol", "where its meaning is unclear".
    "doubt*|uncertain*|unsure|unclear|question*|quer*|queries|disput*|disagree*|confus* ~6 mean*|appl*|operat*|requir*|construction|constru*",
    "meaning|application|construction|operation ~4 doubt*|uncertain*|unclear|disput*|question*|ambiguous",
    // "Where a provision of the Protocol is unclear".
    "provision*|wording|paragraph*|clause*|term* ~6 unclear|ambiguous|uncertain",
];
const PROTOCOL: &[&str] = &[
    "protocol",
    "this document",
    "this guidance",
    "these guidelines",
    "this code of practice",
    // Interpretation with nothing else named, in a protocol, is the protocol's own: "Questions
    // of interpretation will be determined by ...".
    "questions of interpretation",
    "question of interpretation",
    "matters of interpretation",
    "matter of interpretation",
    "issues of interpretation",
    "points of interpretation",
    "point of interpretation",
    "disputes of interpretation",
    "disputes over interpretation",
    "disputes as to interpretation",
    "any interpretation",
];
/// The same in a heading or the clause before, where a heading "Interpretation" is the
/// protocol's own (under it, "In any case of doubt, the ruling of the Monitoring Officer shall
/// be final").
const PROTOCOL_CONTEXT: &[&str] = &[
    "protocol",
    "this document",
    "this guidance",
    "these guidelines",
    "this code of practice",
    "interpretation",
];
/// Other texts a council interprets: a sentence, or a heading, naming one of these (and not
/// the protocol) is not about the protocol.
const FOREIGN: &[&str] = &[
    "code of conduct",
    "codes of conduct",
    "standing orders",
    "procedure rules",
    "financial regulations",
    "constitution",
    "scheme of delegation",
    "legislation",
    "statute",
    "planning",
    "code of good practice",
];
const ACTION: &[&str] = &[
    "determin*",
    "decid*",
    "decision*",
    "rul*",
    "arbitrat*",
    "refer*",
    "settl*",
    "resolv*",
    "advice",
    "guidance",
    "advis*",
    "question*",
    "quer*",
    "doubt*",
    "disput*",
    "interpret*",
    "final",
];

const TOPIC: Topic = Topic {
    groups: &[
        Group {
            cues: INTERPRET,
            reach: Reach::Section,
            context: &[],
        },
        Group {
            cues: PROTOCOL,
            reach: Reach::Section,
            context: PROTOCOL_CONTEXT,
        },
    ],
    strong: &["interpret*"],
    classes: &[
        Class::Decide,
        Class::Send,
        Class::Consult,
        Class::Handle,
        Class::Judge,
    ],
    action: ACTION,
    exclude: &["code of conduct"],
    theme: &[],
    foreign: FOREIGN,
    own: &["protocol", "this document", "this guidance"],
    send_needs: &[],
    speakers: &[],
    outranked: &[],
    alone_weak: &[],
    escalate: true,
    combine: false,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
