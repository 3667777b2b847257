//! Clause ids: numbers such as `2.8.1` as the current text means them, or synthetic ids such as
//! `introduction/p3` for documents without numbers.

use std::fmt;

/// A numeric clause id (`2`, `2.8`, `2.8.1`), kept as its parts for ordering and parent lookup.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClauseId {
    parts: Vec<u32>,
    text: String,
}

impl ClauseId {
    /// Parses `1`, `2.8`, `2.8.1` (a trailing dot is allowed). Returns `None` for anything else.
    pub fn parse(s: &str) -> Option<ClauseId> {
        let s = s.strip_suffix('.').unwrap_or(s);
        if s.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        for p in s.split('.') {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            parts.push(p.parse().ok()?);
        }
        Some(ClauseId::from_parts(parts))
    }

    /// Builds an id from its parts (`[2, 8, 1]` is `2.8.1`).
    pub fn from_parts(parts: Vec<u32>) -> ClauseId {
        let text = parts
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(".");
        ClauseId { parts, text }
    }

    /// The numbers, outermost first.
    pub fn parts(&self) -> &[u32] {
        &self.parts
    }

    /// How many numbers (`2.8.1` has depth 3).
    pub fn depth(&self) -> usize {
        self.parts.len()
    }

    /// `2.8` for `2.8.1`; `None` for a one-part id.
    pub fn parent(&self) -> Option<ClauseId> {
        (self.parts.len() > 1)
            .then(|| ClauseId::from_parts(self.parts[..self.parts.len() - 1].to_vec()))
    }

    /// The next sibling: `2.9` for `2.8`.
    pub fn next_sibling(&self) -> ClauseId {
        let mut parts = self.parts.clone();
        if let Some(last) = parts.last_mut() {
            *last += 1;
        }
        ClauseId::from_parts(parts)
    }

    /// The first child: `2.8.1` for `2.8`.
    pub fn first_child(&self) -> ClauseId {
        let mut parts = self.parts.clone();
        parts.push(1);
        ClauseId::from_parts(parts)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for ClauseId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A lowercase ASCII slug for synthetic ids: `ROLES OF COUNCILLORS AND OFFICER/CLERKS` becomes
/// `roles-of-councillors-and-officer-clerks`. Letters outside ASCII are folded where obvious and
/// dropped otherwise; an empty result becomes `section`.
pub fn slug(heading: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in heading.chars() {
        let c = match c {
            'é' | 'è' | 'ê' | 'É' => 'e',
            'á' | 'à' | 'â' => 'a',
            '’' | '\'' | '‘' => continue,
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_walks() {
        let id = ClauseId::parse("2.12.6").unwrap();
        assert_eq!(id.depth(), 3);
        assert_eq!(id.parent().unwrap().to_string(), "2.12");
        assert_eq!(id.next_sibling().to_string(), "2.12.7");
        assert_eq!(id.first_child().to_string(), "2.12.6.1");
        assert_eq!(ClauseId::parse("3.").unwrap().to_string(), "3");
        assert!(ClauseId::parse("a.1").is_none());
        assert!(ClauseId::parse("1..2").is_none());
        assert!(ClauseId::parse("").is_none());
        assert!(ClauseId::parse("2.8") < ClauseId::parse("2.10"));
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slug("ROLES OF COUNCILLORS AND OFFICER/CLERKS"),
            "roles-of-councillors-and-officer-clerks"
        );
        assert_eq!(
            slug("COUNCILLORS' ACCESS TO INFORMATION"),
            "councillors-access-to-information"
        );
        assert_eq!(
            slug("Procedure for Officer/Clerks:"),
            "procedure-for-officer-clerks"
        );
        assert_eq!(slug("***"), "section");
    }
}
