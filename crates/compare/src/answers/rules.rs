//! The catalogue of rules: one file per question, in catalogue order. Each file says in its
//! opening paragraph what it looks for, with the cue lists as constants, so a reader can check
//! a rule against a protocol in a minute.

mod blind_copies;
mod councillor_complaint_about_officer;
mod media_spokesperson;
mod need_to_know_disputes;
mod officer_complaint_about_councillor;
mod personal_relationship_disclosure;
mod political_group_meeting_attendance;
mod protocol_interpretation;
mod response_time;
mod review_cycle;
mod ward_member_notice;

use super::Answer;
use super::text::View;

/// A rule: the answer to its question for one document, or `None` when not covered.
pub(crate) type Rule = fn(&View<'_>) -> Option<Answer>;

/// Every rule, keyed by its question id, in catalogue order.
pub(crate) const RULES: &[(&str, Rule)] = &[
    (
        "officer-complaint-about-councillor",
        officer_complaint_about_councillor::answer,
    ),
    (
        "councillor-complaint-about-officer",
        councillor_complaint_about_officer::answer,
    ),
    (
        "political-group-meeting-attendance",
        political_group_meeting_attendance::answer,
    ),
    ("need-to-know-disputes", need_to_know_disputes::answer),
    ("protocol-interpretation", protocol_interpretation::answer),
    (
        "personal-relationship-disclosure",
        personal_relationship_disclosure::answer,
    ),
    ("media-spokesperson", media_spokesperson::answer),
    ("blind-copies", blind_copies::answer),
    ("response-time", response_time::answer),
    ("ward-member-notice", ward_member_notice::answer),
    ("review-cycle", review_cycle::answer),
];
