//! Results kept in memory for a while, so that a result page's downloads and clause links work
//! without sending the files again: each under an unguessable id, readable only by the session
//! that made it, and only the newest [`Store::new`]'s `keep` of them (the oldest go first), so
//! memory stays bounded however many people use the server.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use concord_compare::diff::Redline;
use concord_model::Document;

/// One document of a result, with the name it is shown by.
#[derive(Debug)]
pub struct Named {
    /// The document id (the upload's file stem, or the corpus id).
    pub id: String,
    /// The file name as the user gave it.
    pub name: String,
    pub doc: Document,
}

/// What a result holds.
#[derive(Debug)]
pub enum Kept {
    /// Documents compared, read or checked: their clauses can be opened.
    Documents(Vec<Named>),
    /// A redline with its two versions, for the downloads.
    Redline {
        old: Box<Named>,
        new: Box<Named>,
        redline: Box<Redline>,
    },
    /// A review pack's three files.
    Pack {
        html: String,
        docx: Vec<u8>,
        pdf: Vec<u8>,
    },
}

struct Entry {
    id: String,
    session: String,
    kept: Arc<Kept>,
}

/// The results, newest last.
pub struct Store {
    keep: usize,
    entries: Mutex<VecDeque<Entry>>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("keep", &self.keep).finish()
    }
}

impl Store {
    /// A store that keeps at most `keep` results.
    pub fn new(keep: usize) -> Store {
        Store {
            keep: keep.max(1),
            entries: Mutex::new(VecDeque::new()),
        }
    }

    /// Keeps a result for `session` under a new id, which it returns.
    pub fn put(&self, session: &str, kept: Kept) -> String {
        let mut bytes = [0u8; 16];
        // Without the system's random numbers the id would be guessable: keep nothing then,
        // and the result page says its downloads have gone.
        if getrandom::fill(&mut bytes).is_err() {
            return String::new();
        }
        let id = hex(&bytes);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        while entries.len() >= self.keep {
            entries.pop_front();
        }
        entries.push_back(Entry {
            id: id.clone(),
            session: session.to_string(),
            kept: Arc::new(kept),
        });
        id
    }

    /// The result `id`, when it is still kept and `session` made it.
    pub fn get(&self, session: &str, id: &str) -> Option<Arc<Kept>> {
        let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        entries
            .iter()
            .find(|e| e.id == id && e.session == session && !id.is_empty())
            .map(|e| Arc::clone(&e.kept))
    }
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_result_is_kept_for_its_session_and_the_oldest_goes_first() {
        let store = Store::new(2);
        let a = store.put("s1", Kept::Documents(Vec::new()));
        assert_eq!(a.len(), 32);
        assert!(store.get("s1", &a).is_some());
        assert!(
            store.get("s2", &a).is_none(),
            "another session cannot read it"
        );
        let b = store.put("s1", Kept::Documents(Vec::new()));
        let c = store.put("s1", Kept::Documents(Vec::new()));
        assert!(store.get("s1", &a).is_none(), "the oldest went");
        assert!(store.get("s1", &b).is_some() && store.get("s1", &c).is_some());
    }
}
