//! `personal-relationship-disclosure`: who must be told of a close personal relationship
//! between a councillor and an officer?
//!
//! A sentence about a personal relationship or connection (in the sentence, its clause or its
//! heading, but never a "working relationship") with a role that is told, or to whom it is
//! declared or disclosed: "Any officer who is personally connected to a councillor must notify
//! the Monitoring Officer in writing"; "shall disclose the relationship to the Monitoring
//! Officer"; "declare it to the Town Clerk, who will tell the Town Mayor". Everyone who must be
//! told is on the answer, in document order (a protocol may send officers to their Strategic
//! Director and everyone to the Monitoring Officer). The verbs are whole words: "informal" is
//! not "inform".

use super::super::slots::Class;
use super::super::topic::{self, Group, Reach, Topic};
use super::super::{Answer, View};

const RELATIONSHIP: &[&str] = &[
    "relationship*",
    "personally connected",
    "personal connection*",
    "connected to",
    "related to a councillor",
    "related to a member",
    "related to an officer",
    "related to any councillor",
    "related to any member",
    "related to any officer",
    "related to an employee",
    "related to a county councillor",
    "related to a district councillor",
    "related to a town councillor",
    "related to a parish councillor",
    "related to the clerk",
    "are related",
    "is related",
    "relative of",
    "relatives",
    "family member*",
    "member of the family",
    "members of the family",
    "family relationship*",
    "family tie*",
    "family connection*",
    "married to",
    // "where a councillor and an officer are married, in a civil partnership or living
    // together as a couple".
    "are married",
    "civil partner*",
    "living together",
    "live together",
    "cohabit*",
    "living with",
    "lives with",
    "partner of",
    // "If my partner is elected as a councillor", "your spouse": a person's own partner (not
    // "partner organisations").
    "my partner",
    "your partner",
    "their partner",
    "his partner",
    "her partner",
    "my spouse",
    "your spouse",
    "their spouse",
    "my husband",
    "my wife",
    "your husband",
    "your wife",
    // "An officer whose partner is a councillor".
    "whose partner",
    "whose spouse",
    "whose husband",
    "whose wife",
    "spouse of",
    "close friend*",
    "friendship*",
    "romantic*",
    "intimate*",
    "kinship",
    // "any close personal association with an officer": the tie named otherwise.
    "personal association*",
    "close association*",
    "personal tie*",
    "personal link*",
];
/// The cues that make a heading or the clause before about such relationships (a heading
/// "Relationships between councillors and officers" is the whole protocol's theme).
const CONTEXT: &[&str] = &[
    "personal relationship*",
    "close relationship*",
    "close personal",
    "personally connected",
    "personal connection*",
    "family",
    "relatives",
    "related to",
    "friendship*",
    "romantic*",
    "intimate*",
    "kinship",
    // A heading asking about one's own partner: "Who do I tell if my partner is elected?"
    "my partner",
    "your partner",
    "my spouse",
    "your spouse",
];
const TELL: &[&str] = &[
    // "Let your Head of Service know".
    "let",
    "notify",
    "notified",
    "inform",
    "informed",
    "disclos*",
    "declar*",
    "tell",
    "told",
    "attention",
    "regist*",
    "report*",
    "known",
    "advise",
    "advised",
    "raise",
    "raised",
    "discuss*",
];

const TOPIC: Topic = Topic {
    groups: &[Group {
        cues: RELATIONSHIP,
        reach: Reach::Section,
        context: CONTEXT,
    }],
    strong: &[
        "personal relationship*",
        "close relationship*",
        "personally connected",
        "personal connection*",
    ],
    classes: &[Class::Tell, Class::Send, Class::Consult],
    action: TELL,
    theme: &[
        "working relationship*",
        "professional relationship*",
        "good relationship*",
        "relationships between councillors and officers",
        "relationship between councillors and officers",
        "relationships between members and officers",
        "relationship between members and officers",
    ],
    foreign: &[],
    own: &[],
    exclude: &[
        "relationship* with the media",
        "relationship* with the press",
        "relationship* with the public",
        "relationship* with members of the public",
        "relationship* with a member of the public",
        "relationship* with residents",
        "related to a councillor s",
        "related to a member s",
        "related to an officer s",
        // A relationship with someone outside the council is no councillor's and officer's.
        // One applying for a job is not yet an officer: a rule of recruitment.
        "applying for",
        "applicant*",
        "candidate* for",
        "relationship* with a contractor*",
        "relationship* with any contractor*",
        "relationship* with a supplier*",
        "relationship* with any supplier*",
        "relationship* with a company",
        "relationship* with a resident*",
        "relationship* with a customer*",
        "relationship* with a client*",
        "relationship* with an applicant*",
        "relationship* with a member of the public",
    ],
    send_needs: &[],
    speakers: &[],
    outranked: &[],
    alone_weak: &[],
    escalate: true,
    combine: true,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(Answer::from_route)
}
