//! `political-group-meeting-attendance`: who decides whether officers attend political group
//! meetings?
//!
//! A sentence about attending (or being present at, or briefing) a group meeting, the group
//! named in the sentence, its clause or the heading above it, with a role that decides,
//! authorises, agrees or invites: "unless the occasion has been specifically authorised by the
//! Chief Executive"; "It is a matter for the Chief Executive to decide"; "staff shall not
//! attend unless their Chief Officer has agreed"; "only with the prior authority of the
//! Managing Director"; "On the invitation of a Group Leader, ...". A role that only attends
//! ("the Chief Executive may attend") decides nothing, nor does one a request only passes
//! through ("made through the Group Leader"; but "cleared through" clears it), nor one who
//! only invites beside one who approves in the same sentence ("on the invitation of the group
//! leader and with the consent of the Strategic Director": the invitation is a condition).
//! Every such sentence counts, in document order: one clause may say who invites and another
//! who approves exceptions.

use super::super::slots::Class;
use super::super::topic::{self, Group, Reach, Topic};
use super::super::{Answer, View};

const ATTEND: &[&str] = &[
    "attend*",
    "invit*",
    "come to",
    "invited to",
    "invitation to",
    "asked to",
    "present at",
    "be present",
    "attendance",
    "brief*",
    "advise group*",
    "advice to group*",
    "go to",
    // "wants a senior officer to speak at a group meeting".
    "speak at",
    "speak to the group",
    "address the group",
    "address a group",
];
const GROUP: &[&str] = &[
    "group meeting*",
    "group s meeting*",
    "political group*",
    "party group*",
    "meetings of political",
    "meetings of party",
    "meeting of a political",
    "meeting of the political",
    "political party",
    "party meeting*",
    "party political meeting*",
    "group meetings",
    "group briefing*",
    "groups",
    "caucus*",
    // "A Group Leader who would like an officer to brief the group" (a Group Leader alone is
    // no group: "Any Group Leader ... may request a private briefing").
    "the group",
];
const ACTION: &[&str] = &[
    "authoris*",
    "authoriz*",
    "approv*",
    "decid*",
    "decision",
    "agree*",
    "permission",
    "consent",
    "discretion",
    "invit*",
    "request*",
    "matter for",
    "only",
    "unless",
];

/// Where requests go answers who decides only when the sentence speaks of requests or leave.
const SEND_NEEDS: &[&str] = &[
    "request*",
    "ask*",
    "permission",
    "approv*",
    "consent",
    "agree*",
    "invit*",
    "decid*",
    "authoris*",
    "authoriz*",
];

const TOPIC: Topic = Topic {
    groups: &[
        Group {
            cues: ATTEND,
            reach: Reach::Section,
            context: &[],
        },
        Group {
            cues: GROUP,
            reach: Reach::Section,
            context: &[],
        },
    ],
    strong: &["group meeting*", "political group*"],
    classes: &[
        Class::Decide,
        Class::Invite,
        Class::Send,
        Class::Consult,
        Class::Handle,
        Class::Judge,
    ],
    action: ACTION,
    // Councillors attending their own group's meetings: "decide which councillors attend the
    // group meeting" is no question of officers attending.
    exclude: &[
        // Group leaders consulted on the protocol's own revision.
        "revision of this protocol",
        "review of this protocol",
        "revisions to this protocol",
        "councillors attend",
        "councillors attending",
        "councillors may attend",
        "councillors who attend",
        "councillors should attend",
        "members attend",
        "members attending",
        "members may attend",
        "members who attend",
        "members should attend",
    ],
    theme: &[],
    foreign: &[],
    own: &[],
    send_needs: SEND_NEEDS,
    speakers: &[],
    outranked: &[Class::Invite],
    alone_weak: &[Class::Invite],
    escalate: false,
    // Who invites and who approves the exceptions may be said in different clauses.
    combine: true,
};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    topic::find(view, &TOPIC).map(|mut f| {
        // "the request is made through the Group Leader": who carries a request decides
        // nothing.
        if f.route.drop_channels() {
            f.why
                .push_str("; who a request only passes through decides nothing");
        }
        Answer::from_route(f)
    })
}
