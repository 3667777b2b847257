//! `councillor-complaint-about-officer`: who does a councillor go to about an officer's conduct
//! or performance?
//!
//! A complaint (see `complaint.rs`) in which a councillor complains, or an officer (or an
//! officer's role) is the one complained about: "If a Member wishes to complain about the
//! actions or failings of any employee of the Council, the Member should lodge his or her
//! complaint ... with the Chief Officer concerned", followed by its ladder ("If a complaint is
//! against the Chief Officer, ... with the Chief Executive"); under the heading "Where a
//! member is unhappy with a member of staff", "This should be taken up with the service
//! manager in the first place, and after that with the Head of Paid Service".

use super::super::complaint::{self, Party};
use super::super::{Answer, View};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    complaint::find(view, Party::Officer).map(Answer::from_route)
}
