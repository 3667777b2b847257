//! `officer-complaint-about-councillor`: who does an officer go to about a councillor's
//! conduct?
//!
//! A complaint (see `complaint.rs`) in which an officer complains, or a councillor is the one
//! complained about, read in its sentence or around it: "If an officer considers that they
//! have not been treated with proper respect or courtesy by a councillor, they should raise the
//! matter with the Chief Executive"; under the heading "Concerns about councillors", "These
//! should be reported to the officer's Director and, if not resolved, to the Monitoring
//! Officer".

use super::super::complaint::{self, Party};
use super::super::{Answer, View};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    complaint::find(view, Party::Councillor).map(Answer::from_route)
}
