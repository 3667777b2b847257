//! Citations a reader can follow: a numbered clause is "clause 6.2"; a paragraph of a text
//! without numbers (which the model gives a synthetic id such as
//! `procedure-for-officer-clerks/p3`) is "paragraph 3 under ‘Procedure for officer/clerks’",
//! counted as a reader counts them, under the heading it stands under.

use std::collections::HashMap;

use concord_model::{Clause, Document, Section};

use crate::names::sentence_case;

/// Where each clause of a document stands, for citing it.
#[derive(Debug, Default)]
pub struct Citer {
    places: HashMap<String, Place>,
}

#[derive(Debug, Clone)]
enum Place {
    /// A clause with a printed number: the number as printed.
    Numbered(String),
    /// An unnumbered paragraph: its place under its heading (from 1), and the heading.
    Paragraph(usize, String),
}

impl Citer {
    pub fn new(doc: &Document) -> Citer {
        let mut c = Citer::default();
        for s in &doc.sections {
            c.section(s);
        }
        c
    }

    fn section(&mut self, s: &Section) {
        let heading = sentence_case(s.heading.trim());
        let mut n = 0;
        for cl in &s.clauses {
            self.clause(cl, &heading, &mut n);
        }
        for sub in &s.sections {
            self.section(sub);
        }
    }

    fn clause(&mut self, c: &Clause, heading: &str, n: &mut usize) {
        let place = match &c.label {
            Some(l) => Place::Numbered(l.trim_end_matches('.').to_string()),
            None if c.id.contains('/') => {
                *n += 1;
                Place::Paragraph(*n, heading.to_string())
            }
            None => Place::Numbered(c.id.clone()),
        };
        self.places.insert(c.id.clone(), place);
        for sub in &c.clauses {
            self.clause(sub, heading, n);
        }
    }

    /// One clause: "clause 6.2", "paragraph 3 under ‘Press and media’"; an id the document
    /// does not hold is cited as a clause by its id when it looks like a number, else as a
    /// paragraph of its heading's slug.
    pub fn one(&self, id: &str) -> String {
        self.many(&[id])
    }

    /// Several clauses in one citation: "clauses 8.2, 8.1 and 8.4"; "paragraphs 4 and 2 under
    /// ‘Press and media’"; groups joined with "; ".
    pub fn many<S: AsRef<str>>(&self, ids: &[S]) -> String {
        let mut numbered: Vec<String> = Vec::new();
        let mut paragraphs: Vec<(String, Vec<usize>)> = Vec::new();
        for id in ids {
            let id = id.as_ref();
            match self.places.get(id).cloned().unwrap_or_else(|| guess(id)) {
                Place::Numbered(n) => numbered.push(n),
                Place::Paragraph(k, h) => match paragraphs.iter_mut().find(|(x, _)| *x == h) {
                    Some((_, ks)) => ks.push(k),
                    None => paragraphs.push((h, vec![k])),
                },
            }
        }
        let mut parts = Vec::new();
        if !numbered.is_empty() {
            let word = if numbered.len() == 1 {
                "clause"
            } else {
                "clauses"
            };
            parts.push(format!("{word} {}", and_list(&numbered)));
        }
        for (heading, ks) in paragraphs {
            let word = if ks.len() == 1 {
                "paragraph"
            } else {
                "paragraphs"
            };
            let ks: Vec<String> = ks.iter().map(ToString::to_string).collect();
            parts.push(format!(
                "{word} {} under \u{2018}{heading}\u{2019}",
                and_list(&ks)
            ));
        }
        parts.join("; ")
    }

    /// `text` with every synthetic id of this document it mentions ("clause intro/p3",
    /// "(intro/p3)") put in words.
    pub fn words_in(&self, text: &str) -> String {
        let mut out = text.to_string();
        let mut ids: Vec<(&String, &Place)> = self
            .places
            .iter()
            .filter(|(id, p)| id.contains('/') && matches!(p, Place::Paragraph(..)))
            .collect();
        // Longer ids first, so that `a/p12` is not read as `a/p1` and a stray `2`.
        ids.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        for (id, _) in ids {
            if !out.contains(id.as_str()) {
                continue;
            }
            let cite = self.one(id);
            out = out.replace(&format!("clause {id}"), &cite);
            out = out.replace(id.as_str(), &cite);
        }
        out
    }
}

/// A citation for an id the document does not hold: `a/p3` as "paragraph 3 under ‘a’".
fn guess(id: &str) -> Place {
    match id.rsplit_once("/p") {
        Some((heading, k)) if k.parse::<usize>().is_ok() => {
            let words = heading.replace('-', " ");
            let mut c = words.chars();
            let heading = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default();
            Place::Paragraph(k.parse().unwrap_or(0), heading)
        }
        _ => Place::Numbered(id.to_string()),
    }
}

/// "a", "a and b", "a, b and c".
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(md: &str) -> Document {
        concord_ingest::read(md.as_bytes(), "t.txt", &Default::default())
            .expect("reads")
            .document
    }

    #[test]
    fn unnumbered_paragraphs_are_cited_under_their_heading() {
        let doc = read(
            "PROTOCOL\n\nPROCEDURE FOR OFFICERS\n\nAn officer raises a concern with the Clerk first.\n\nThe Clerk replies within ten days.\n\nIf that fails the Chair decides.\n",
        );
        let c = Citer::new(&doc);
        let ids: Vec<String> = doc.clauses().into_iter().map(|c| c.id.clone()).collect();
        assert!(ids.iter().all(|i| i.contains('/')), "{ids:?}");
        let third = c.one(&ids[2]);
        assert!(third.starts_with("paragraph 3 under \u{2018}"), "{third}");
        assert!(!third.contains('/'), "{third}");
        let two = c.many(&[&ids[0], &ids[1]]);
        assert!(two.starts_with("paragraphs 1 and 2 under"), "{two}");
        let said = c.words_in(&format!("clause {} says \"his/her\"", ids[2]));
        assert!(said.starts_with("paragraph 3 under"), "{said}");
    }

    #[test]
    fn numbered_clauses_by_their_numbers() {
        let doc = read("# P\n\n## 1 Purpose\n\n1.1 One.\n\n1.2 Two.\n\n1.3 Three.\n");
        let c = Citer::new(&doc);
        assert_eq!(c.one("1.2"), "clause 1.2");
        assert_eq!(c.many(&["1.3", "1.1", "1.2"]), "clauses 1.3, 1.1 and 1.2");
        assert_eq!(c.one("9.9"), "clause 9.9", "an id not in the text");
        assert_eq!(
            c.one("press-and-media/p4"),
            "paragraph 4 under \u{2018}Press and media\u{2019}"
        );
    }
}
