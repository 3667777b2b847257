//! Role tagging: every clause gets the canonical ids of the roles it names (its text, then its
//! items, depth first), in order of first mention. The lexicon is resolved once per document
//! for its kind of council, so "Head of Paid Service" is the Clerk in a parish and the Chief
//! Executive elsewhere.

use concord_model::roles::Lexicon;
use concord_model::{Clause, Document, Item, Section};

/// Fills `roles` on every clause of `doc`.
pub fn tag_roles(doc: &mut Document) {
    let lexicon = Lexicon::shared_for_kind(doc.meta.kind.as_deref());
    for s in &mut doc.sections {
        section(s, lexicon);
    }
}

fn section(s: &mut Section, lexicon: &Lexicon) {
    for c in &mut s.clauses {
        clause(c, lexicon);
    }
    for sub in &mut s.sections {
        section(sub, lexicon);
    }
}

fn clause(c: &mut Clause, lexicon: &Lexicon) {
    let mut roles = lexicon.roles(&c.text);
    items(&c.items, lexicon, &mut roles);
    c.roles = roles;
    for sub in &mut c.clauses {
        clause(sub, lexicon);
    }
}

fn items(list: &[Item], lexicon: &Lexicon, roles: &mut Vec<String>) {
    for i in list {
        for r in lexicon.roles(&i.text) {
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
        items(&i.items, lexicon, roles);
    }
}
