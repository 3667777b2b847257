//! `need-to-know-disputes`: who decides a councillor's "need to know" for information?
//!
//! A sentence about a councillor's need to know, or about a dispute over access to documents
//! or information (in the sentence, in the sentences before it in its clause, or in the heading
//! above it), with a role that decides, determines, is referred the question or advises: "The
//! final decision on a councillor's 'need to know' will rest with the Chief Executive in
//! consultation with the Monitoring Officer"; "This question must be determined by the
//! Clerk"; "Any dispute is referred to the Monitoring Officer, whose decision is final".
//! Conditional sentences after it extend the route ("Where necessary, the Leader ... will
//! determine whether the information should be provided").
//!
//! "Need to know" counts as a noun ("a need to know", "the councillor's need to know", "need
//! to know basis") or said of one person ("whether the councillor needs to know something"),
//! not as a plural verb ("officers who need to know of the matter"). Access to information
//! counts only with a word of dispute or doubt: where requests go is no answer to who decides.

use super::super::slots::Class;
use super::super::topic::{self, Group, Reach, Topic};
use super::super::{Answer, View};

const NEED_TO_KNOW: &[&str] = &[
    "a need to know",
    "the need to know",
    "s need to know",
    "legitimate need to know",
    "genuine need to know",
    "need to know basis",
    "need to know principle",
    "need to know test",
    "need to know grounds",
    "no need to know",
    "does not need to know",
    "does not need to see",
    "did not need to know",
    "needs to know",
    "whether you need to know",
    "whether they need to know",
    "need to see",
    "needs to see",
    // Other verbs of the same need: "a legitimate need to inspect a document".
    "need to inspect",
    "needs to inspect",
    "need to examine",
    "needs to examine",
    "need to have sight",
    "whether the information should be",
    "whether information should be",
    "whether the document*",
    "whether documents",
];
const ACCESS: &[&str] = &[
    "access to documents",
    "access to information",
    "access to the information",
    "access to council documents",
    "access to papers",
    "access to reports",
    "inspect documents",
    "inspect the documents",
    "right to see",
    "right to inspect",
    "right of access",
    "rights of access",
    "entitled to see",
    "entitled to inspect",
    "entitlement to",
    "request for information",
    "requests for information",
    "requested information",
    "information requested",
    "refus*",
    "withh*",
    "release of information",
    "disclosure of information",
    "whether to release",
    "whether to disclose",
    "whether to provide",
    "whether to share",
    "information to a councillor",
    "information to councillors",
    "information to a member",
    "information to members",
    // "whether the councillor needs certain information to do their job", "needs a particular
    // file": the need said with its object (a dispute or doubt is still needed).
    "needs information",
    "need information",
    "needs certain information",
    "need certain information",
    "needs particular information",
    "need particular information",
    "needs the information",
    "need the information",
    "needs that information",
    "need that information",
    "needs this information",
    "need this information",
    "needs a document",
    "need a document",
    "needs the document*",
    "need the document*",
    "needs certain document*",
    "need certain document*",
    "needs a particular",
    "need a particular",
    "needs a file",
    "need a file",
    "needs the file*",
    "need the file*",
    "needs the papers",
    "need the papers",
    "needs sight of",
    "need sight of",
    "needs access to",
    "need access to",
    // What a councillor may not simply have: "whether a member should receive confidential
    // information" (a dispute or doubt is still needed).
    "confidential information",
    "confidential document*",
    "confidential papers",
];
/// Words of a dispute or doubt, without which access to information is no question of who
/// decides.
const DISPUTE: &[&str] = &[
    "disput*",
    "disagree*",
    "doubt*",
    "question*",
    "refus*",
    "declin*",
    "withh*",
    "whether",
    "uncertain*",
    "challeng*",
    "final",
];
const ACTION: &[&str] = &[
    "determin*",
    "decision*",
    "decid*",
    "rest with",
    "rests with",
    "lies with",
    "final say",
    "arbitrat*",
    "refer*",
    "resolv*",
    "settl*",
    "rul*",
    "advice",
    "guidance",
];

/// In a heading or the clause before, "Need to know" is the noun: a heading "Need to know"
/// puts its section on the topic.
const NEED_TO_KNOW_CONTEXT: &[&str] = &[
    "need to know",
    "needs to know",
    "need to see",
    "needs to see",
    "need to inspect",
    "needs to inspect",
];

const TOPIC_NEED: Topic = Topic {
    groups: &[Group {
        cues: NEED_TO_KNOW,
        reach: Reach::Section,
        context: NEED_TO_KNOW_CONTEXT,
    }],
    strong: &["need to know basis", "s need to know", "a need to know"],
    classes: &[
        Class::Decide,
        Class::Send,
        Class::Consult,
        Class::Handle,
        Class::Judge,
    ],
    action: ACTION,
    exclude: &[],
    theme: &[],
    foreign: &[],
    own: &[],
    send_needs: &[],
    speakers: &[],
    outranked: &[],
    alone_weak: &[],
    escalate: true,
    combine: false,
};

/// Access to information with a dispute: the one the dispute is sent to decides it.
const TOPIC_DISPUTE: Topic = Topic {
    groups: &[
        Group {
            cues: ACCESS,
            reach: Reach::Section,
            context: &[],
        },
        Group {
            cues: DISPUTE,
            reach: Reach::Clause,
            context: &[],
        },
    ],
    strong: &[],
    classes: &[
        Class::Decide,
        Class::Send,
        Class::Consult,
        Class::Judge,
        Class::Handle,
    ],
    action: ACTION,
    exclude: &[],
    theme: &[],
    foreign: &[],
    own: &[],
    send_needs: &[],
    speakers: &[],
    outranked: &[],
    alone_weak: &[],
    escalate: true,
    combine: false,
};

/// Access to information with no dispute named: only a role that decides or advises on it
/// ("should obtain advice from the Monitoring Officer where they wish to have access to
/// documents"); where requests are sent is no answer.
const TOPIC_ACCESS: Topic = Topic {
    groups: &[Group {
        cues: ACCESS,
        reach: Reach::Clause,
        context: &[],
    }],
    strong: &[],
    classes: &[Class::Decide, Class::Consult],
    action: ACTION,
    exclude: &[],
    theme: &[],
    foreign: &[],
    own: &[],
    send_needs: &[],
    speakers: &[],
    outranked: &[],
    alone_weak: &[],
    escalate: true,
    combine: false,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    let mut unclear = None;
    for t in [&TOPIC_NEED, &TOPIC_DISPUTE, &TOPIC_ACCESS] {
        match topic::find(view, t) {
            Some(f) if !f.route.is_empty() => return Some(Answer::from_route(f)),
            Some(f) if unclear.is_none() => unclear = Some(f),
            _ => {}
        }
    }
    unclear.map(Answer::from_route)
}
