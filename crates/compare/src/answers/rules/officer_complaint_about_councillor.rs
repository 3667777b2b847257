//! `officer-complaint-about-councillor`: who does an officer go to about a councillor's
//! conduct?
//!
//! A complaint sentence (see `complaint.rs`) in which an officer complains, or a councillor is
//! the one complained about: "If an officer considers that they have not been treated with
//! proper respect or courtesy by a councillor, they should raise the matter with the Chief
//! Executive"; "Should an Officer have cause to complain about the actions or failings of any
//! Member ..., the Officer should draw his/her concern to the attention of a Senior Officer".

use super::super::complaint::{self, Party};
use super::super::{Answer, View};

pub(crate) fn answer(view: &View<'_>) -> Option<Answer> {
    complaint::find(view, Party::Councillor).map(Answer::from_route)
}
