//! `councillor-complaint-about-officer`: who does a councillor go to about an officer's conduct
//! or performance?
//!
//! A complaint sentence (see `complaint.rs`) in which a councillor complains, or an officer is
//! the one complained about: "If a Member wishes to complain about the actions or failings of
//! any employee of the Council, the Member should lodge his or her complaint ... with the Chief
//! Officer concerned", followed by its ladder ("If a complaint is against the Chief Officer,
//! ... with the Chief Executive").

use super::super::complaint::{self, Party};
use super::super::{Answer, View};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    complaint::find(view, Party::Officer).map(Answer::from_route)
}
