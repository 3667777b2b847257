//! What the pack calls each document: a council by its name, never by the code of the file it
//! came from. A document is named from its `meta`: the council; where two share a council, its
//! short title, version or adoption year beside it; where the text names no council, its title;
//! the file name only where nothing better is known or two would otherwise read the same. The
//! two versions of a redline are "Current version" (with its adoption year or version where the
//! text gives one) and "Proposed version".

use concord_model::Document;

/// The name of the version in force: "Current version (adopted 2019)".
pub fn current_version(doc: &Document) -> String {
    match version_note(doc) {
        Some(note) => format!("Current version ({note})"),
        None => "Current version".into(),
    }
}

/// The name of the version proposed.
pub const PROPOSED: &str = "Proposed version";

/// "adopted 2019", "version 3, 2024": what tells one version of a council's text from another.
fn version_note(doc: &Document) -> Option<String> {
    if let Some(a) = doc.meta.adopted {
        return Some(format!("adopted {}", a.long()));
    }
    let last = doc.meta.versions.last()?;
    match (&last.version, &last.date) {
        (Some(v), Some(d)) => Some(format!("version {v}, {d}")),
        (Some(v), None) => Some(format!("version {v}")),
        (None, Some(d)) => Some(format!("of {d}")),
        (None, None) => None,
    }
}

/// The names of documents compared with each other: (file id, document) to a name each, in
/// order, no two the same.
pub fn names(docs: &[(&str, &Document)]) -> Vec<String> {
    let base: Vec<String> = docs.iter().map(|(id, d)| base_name(id, d)).collect();
    let mut out = base.clone();
    // Where two read the same, say what tells them apart: the title, the version or the year,
    // and the file only as a last resort.
    for tie in [tie_title, tie_version, tie_file] {
        let clashes: Vec<usize> = (0..out.len())
            .filter(|&i| (0..out.len()).any(|j| j != i && out[j] == out[i]))
            .collect();
        if clashes.is_empty() {
            break;
        }
        for i in clashes {
            if let Some(extra) = tie(docs[i].0, docs[i].1) {
                out[i] = format!("{} ({extra})", base[i]);
            }
        }
    }
    out
}

fn base_name(id: &str, d: &Document) -> String {
    if let Some(c) = &d.meta.council {
        return c.clone();
    }
    match &d.meta.title {
        Some(t) if !t.trim().is_empty() => {
            let unnamed = if d.meta.kind.as_deref() == Some("joint") {
                "Councils not named in the text"
            } else {
                "Council not named in the text"
            };
            format!("{unnamed}: {}", short_title(t))
        }
        _ => id.to_string(),
    }
}

fn tie_title(_: &str, d: &Document) -> Option<String> {
    d.meta.council.as_ref()?;
    d.meta.title.as_deref().map(short_title)
}

fn tie_version(_: &str, d: &Document) -> Option<String> {
    version_note(d)
}

fn tie_file(id: &str, _: &Document) -> Option<String> {
    Some(format!("file {id}"))
}

/// A title as a heading reads it: without a leading "Annex 2.4 -", "Appendix B:" or "Part 5 –"
/// designation, and in sentence case when it was all capitals.
pub fn short_title(t: &str) -> String {
    sentence_case(strip_designation(t.trim()))
}

/// "Annex 2.4 - Protocol for ..." -> "Protocol for ...": the number of the paper a title sat
/// in is not its name.
fn strip_designation(t: &str) -> &str {
    const WORDS: &[&str] = &[
        "annex",
        "appendix",
        "part",
        "schedule",
        "section",
        "chapter",
        "attachment",
    ];
    let mut words = t.splitn(3, char::is_whitespace);
    let (Some(first), Some(number), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return t;
    };
    if !WORDS.contains(&first.to_lowercase().as_str()) {
        return t;
    }
    let number_like = number
        .trim_end_matches([':', '.', ',', '-', '\u{2013}', '\u{2014}'])
        .chars()
        .all(|c| c.is_alphanumeric() || c == '.')
        && number.chars().count() <= 8;
    if !number_like {
        return t;
    }
    let rest = if number.ends_with([':', '-', '\u{2013}', '\u{2014}']) {
        rest
    } else {
        match rest.strip_prefix(['-', '\u{2013}', '\u{2014}', ':']) {
            Some(r) => r,
            None => return t,
        }
    };
    let rest = rest.trim_start();
    if rest.is_empty() { t } else { rest }
}

/// "PROTOCOL FOR MEMBER / OFFICER RELATIONS" reads as a title, not a shout.
pub fn sentence_case(t: &str) -> String {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
        return t.to_string();
    }
    let lower = t.to_lowercase();
    let mut c = lower.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::Meta;

    fn doc(council: Option<&str>, title: Option<&str>) -> Document {
        Document {
            meta: Meta {
                council: council.map(Into::into),
                title: title.map(Into::into),
                ..Meta::default()
            },
            ..Document::default()
        }
    }

    #[test]
    fn titles_lose_their_paper_numbers_and_shouting() {
        assert_eq!(
            short_title("Annex 2.4 - Protocol for Managing Councillor / Officer Relations"),
            "Protocol for Managing Councillor / Officer Relations"
        );
        assert_eq!(
            short_title("Appendix B: Member/Officer Protocol"),
            "Member/Officer Protocol"
        );
        assert_eq!(short_title("Part 5 \u{2013} Codes"), "Codes");
        assert_eq!(
            short_title("PROTOCOL FOR MEMBER RELATIONS"),
            "Protocol for member relations"
        );
        // A title that only starts with such a word keeps it.
        assert_eq!(
            short_title("Part of the Constitution"),
            "Part of the Constitution"
        );
        assert_eq!(short_title("Section 151 Officer"), "Section 151 Officer");
    }

    #[test]
    fn councils_by_name_and_ties_told_apart() {
        let a = doc(Some("Tewkesbury Borough Council"), Some("Protocol"));
        let b = doc(None, Some("Protocol on Member/Officer Relations"));
        let c = doc(None, None);
        let d1 = doc(Some("Harbourside Council"), Some("Protocol 2019"));
        let d2 = doc(Some("Harbourside Council"), Some("Protocol 2024"));
        let names = names(&[
            ("003_x", &a),
            ("002_y", &b),
            ("005_z", &c),
            ("h1", &d1),
            ("h2", &d2),
        ]);
        assert_eq!(names[0], "Tewkesbury Borough Council");
        assert_eq!(
            names[1],
            "Council not named in the text: Protocol on Member/Officer Relations"
        );
        assert_eq!(
            names[2], "005_z",
            "the file only where nothing else is known"
        );
        assert_eq!(names[3], "Harbourside Council (Protocol 2019)");
        assert_eq!(names[4], "Harbourside Council (Protocol 2024)");
        let same = doc(Some("Harbourside Council"), Some("Protocol"));
        let names = super::names(&[("h1", &same), ("h2", &same)]);
        assert_eq!(
            names,
            [
                "Harbourside Council (file h1)",
                "Harbourside Council (file h2)"
            ]
        );
    }
}
