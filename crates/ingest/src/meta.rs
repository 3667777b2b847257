//! What a document says about itself: its title, council, kind of council, adoption date and
//! version history, read from the lines before the first section and from revision tables.

use concord_model::VersionEntry;
use concord_model::date::find_date;
use concord_model::{Date, WrittenDate};

use crate::text::{is_caps, title_case};

/// Kinds of council and the words that name them, most specific first. A county borough is a
/// Welsh principal council (no English council is one today), as are Welsh county councils
/// named in Welsh; a community council is Wales's parish-level council.
const KINDS: &[(&str, &str)] = &[
    ("county borough", "welsh-principal"),
    ("cyngor bwrdeistref sirol", "welsh-principal"),
    ("cyngor sir", "welsh-principal"),
    ("cyngor cymuned", "community"),
    ("cyngor tref", "town"),
    ("london borough", "london-borough"),
    ("metropolitan", "metropolitan"),
    ("parish", "parish"),
    ("town council", "town"),
    ("community council", "community"),
    ("district", "district"),
    ("borough", "borough"),
    ("county", "county"),
    ("unitary", "unitary"),
];

/// The meta fields read from preamble lines (headings and short paragraphs before the first
/// section), in order.
#[derive(Debug, Default)]
pub struct Preamble {
    pub title: Option<String>,
    pub council: Option<String>,
    pub kind: Option<String>,
    pub adopted: Option<Date>,
    /// Versions and reviews named by approval lines (`Version 3 | May 2023`).
    pub versions: Vec<VersionEntry>,
}

pub fn read_preamble(lines: &[String]) -> Preamble {
    // A line that holds several (text that lost its line breaks): the council's name, the
    // title, an approval line.
    let split: Vec<String> = lines.iter().flat_map(|l| split_front_line(l)).collect();
    let lines = &split[..];
    let mut p = Preamble::default();
    let mut approved: Option<Date> = None;
    // Councils named: in English ("... Council") and in Welsh ("Cyngor ..."); a bilingual
    // council names itself both ways, which is one council, not two.
    let mut english: Vec<String> = Vec::new();
    let mut welsh: Vec<String> = Vec::new();
    for l in lines {
        if let Some(a) = approval(l) {
            p.versions.extend(version_entry(l, &a));
            if let Some(d) = a.date {
                if a.adopted && p.adopted.is_none() {
                    p.adopted = Some(d);
                } else if approved.is_none() {
                    approved = Some(d);
                }
            }
            continue;
        }
        for name in councils_in(l) {
            let list = if name.to_lowercase().starts_with("cyngor ") {
                &mut welsh
            } else {
                &mut english
            };
            if !list.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                list.push(name);
            }
        }
    }
    p.adopted = p.adopted.or(approved);
    p.council = english
        .first()
        .or(welsh.first())
        .map(|c| if is_caps(c) { title_case(c) } else { c.clone() });
    // The title: the line that names the protocol, best of all one about members and
    // officers; a constitution's part title ("Part 5 – Codes and Protocols") only when
    // nothing better is there.
    let titled: Vec<String> = lines.iter().map(|l| strip_title_number(l)).collect();
    p.title = titled
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            approval(l).is_none()
                && (councils_in(l).is_empty() || l.to_lowercase().contains("protocol"))
                && l.split_whitespace().count() <= 20
        })
        .max_by_key(|(i, l)| (title_score(l), std::cmp::Reverse(*i)))
        .filter(|(_, l)| title_score(l) > 0)
        .map(|(_, l)| l.clone());
    if p.title.is_none() {
        p.title = titled
            .iter()
            .find(|l| {
                councils_in(l).is_empty()
                    && approval(l).is_none()
                    && l.split_whitespace().count() <= 20
            })
            .cloned();
    }
    p.kind = english.iter().chain(&welsh).find_map(|c| kind_of(c));
    // A protocol that two councils share, or that calls itself joint.
    let joint = english.len() >= 2
        || english
            .iter()
            .any(|c| c.to_lowercase().matches(" council").count() >= 2)
        || p.title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w == "joint"));
    if joint {
        p.kind = Some("joint".into());
        // The councils that share it, as the text names them.
        if english.len() >= 2 {
            p.council = Some(english.join(" and "));
        }
    }
    p
}

/// A line of front matter cut into the lines it holds when its breaks were lost: `Merrowby
/// Parish Council Protocol on Councillor and Clerk Relations Adopted by the Council on 14 May
/// 2024` is a council, a title and an approval line.
fn split_front_line(l: &str) -> Vec<String> {
    let words: Vec<&str> = l.split_whitespace().collect();
    let mut out = Vec::new();
    let mut from = 0;
    for (i, w) in words.iter().enumerate() {
        let starts_next = words
            .get(i + 1)
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        // The end of a council's name, before a title.
        let council_end = (*w == "Council" || *w == "COUNCIL")
            && starts_next
            && is_council_name(&words[from..=i].join(" "))
            && title_score(&words[i + 1..].join(" ")) > 0;
        if council_end {
            out.push(words[from..=i].join(" "));
            from = i + 1;
            continue;
        }
        // The start of an approval or version line, after a title.
        let cue = matches!(
            *w,
            "Adopted"
                | "Approved"
                | "Agreed"
                | "Ratified"
                | "Version"
                | "Reviewed"
                | "Last"
                | "Next"
        );
        if cue && i > from && approval(&words[i..].join(" ")).is_some() {
            out.push(words[from..i].join(" "));
            from = i;
        }
    }
    if from < words.len() {
        out.push(words[from..].join(" "));
    }
    if out.len() <= 1 {
        return vec![l.to_string()];
    }
    out
}

/// A title without the number a constitution gives it (`5D. Member and Officer Relations
/// Protocol`) or the breadcrumb a web page puts before it (`Policies › Councillor-Clerk
/// Protocol`).
fn strip_title_number(l: &str) -> String {
    let t = l.trim();
    let t = [" › ", " > ", " » "]
        .iter()
        .find_map(|sep| t.rsplit_once(sep).map(|(_, last)| last.trim()))
        .unwrap_or(t);
    if let Some((first, rest)) = t.split_once(' ')
        && first.len() <= 4
        && first.ends_with('.')
        && first.starts_with(|c: char| c.is_ascii_digit())
        && rest.split_whitespace().count() >= 2
    {
        return rest.trim().to_string();
    }
    t.to_string()
}

/// The councils a line names: the line itself, or its parts around a dash, a bar or a slash
/// (`Bro Taran County Borough Council – Constitution`, `Cyngor Cymuned X / X Community
/// Council`, `Tarnside Borough Council and Heronby District Council`).
pub fn councils_in(l: &str) -> Vec<String> {
    let mut out = Vec::new();
    let flat = l.split_whitespace().collect::<Vec<_>>().join(" ");
    for part in flat.split(['–', '—', '|', '/']) {
        for piece in part.split(" - ") {
            let piece = piece.trim().trim_matches([',', ':']).trim();
            // `WYVERNHAM DISTRICT COUNCIL CONSTITUTION`
            let piece = piece
                .strip_suffix(" Constitution")
                .or_else(|| piece.strip_suffix(" CONSTITUTION"))
                .or_else(|| piece.strip_suffix(" constitution"))
                .unwrap_or(piece);
            let both: Vec<&str> = piece
                .split(" and ")
                .map(|x| x.trim())
                .filter(|x| is_council_name(x))
                .collect();
            if both.len() >= 2 {
                out.extend(both.into_iter().map(str::to_string));
            } else if is_council_name(piece) {
                out.push(piece.to_string());
            }
        }
    }
    out
}

/// How much a line reads as a protocol's title: it names a protocol (or a code, or relations),
/// about members, councillors, officers or staff; a numbered part of a constitution or a line
/// about "this protocol" scores less.
fn title_score(l: &str) -> u32 {
    let lower = l.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.iter().any(|x| x.starts_with(w));
    // A title names a protocol (or a code, or relations); about members and officers, better.
    let mut score: u32 = 0;
    if has("protocol")
        || has("relations")
        || has("relationship")
        || lower.contains("code of practice")
    {
        score += 2;
        if has("member")
            || has("councillor")
            || has("officer")
            || has("staff")
            || has("clerk")
            || has("employee")
        {
            score += 2;
        }
    }
    let starts_part = matches!(
        words.first().copied(),
        Some("part" | "section" | "annex" | "appendix" | "schedule" | "chapter")
    );
    if starts_part && !has("member") && !has("councillor") && !has("officer") {
        score = score.saturating_sub(2);
    }
    if lower.contains("this protocol") {
        score = score.saturating_sub(2);
    }
    score
}

/// What an approval, version or review line says: `Adopted by Full Council on 12 May 2023
/// (Minute 45/23)`, `Version 3 | May 2023`, `Last reviewed: March 2024`, `Next review due: March
/// 2026`, `Agreed by General Purposes Committee, 11 October 2023`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Approval {
    /// The date it was adopted or approved.
    pub date: Option<Date>,
    /// The verb was "adopted" (a council's adoption, preferred over a committee's approval).
    pub adopted: bool,
    pub version: Option<String>,
    /// When it was last reviewed.
    pub reviewed: Option<WrittenDate>,
    /// When the next review is due (`2027-03` or a whole date).
    pub review_due: Option<WrittenDate>,
}

/// Stems of the verbs that say a body approved the protocol.
const APPROVED: &[&str] = &[
    "adopt",
    "approv",
    "agreed",
    "ratif",
    "endorse",
    "effective",
    "came into",
    "in force",
];

/// Reads an approval, version or review line; `None` when the line is not one. Only short lines
/// (a sentence of a clause that mentions adoption is not an approval line).
pub fn approval(line: &str) -> Option<Approval> {
    let lower = line.to_lowercase();
    if lower.split_whitespace().count() > 30 {
        return None;
    }
    let mut a = Approval::default();
    // Each cue reads the date that follows it, up to the next cue.
    let mut cues: Vec<(usize, &str)> = Vec::new();
    for stem in APPROVED {
        if let Some(i) = lower.find(stem) {
            cues.push((i, "approved"));
        }
    }
    for (pat, what) in [
        ("next review", "due"),
        ("review due", "due"),
        ("review date", "due"),
        ("to be reviewed", "due"),
        ("due for review", "due"),
        ("last reviewed", "reviewed"),
        ("last updated", "reviewed"),
        ("reviewed:", "reviewed"),
        ("reviewed on", "reviewed"),
        ("date of review", "reviewed"),
    ] {
        if let Some(i) = lower.find(pat) {
            cues.push((i, what));
        }
    }
    cues.sort_unstable();
    cues.dedup_by_key(|c| c.0);
    for (k, &(at, what)) in cues.iter().enumerate() {
        let end = cues.get(k + 1).map_or(line.len(), |c| c.0);
        let Some(seg) = line.get(at..end) else {
            continue;
        };
        match what {
            "approved" if a.date.is_none() => {
                if let Some(d) = find_date(seg) {
                    a.adopted = seg.to_lowercase().starts_with("adopt");
                    a.date = Some(d);
                }
            }
            "due" if a.review_due.is_none() => a.review_due = month_or_date(seg),
            "reviewed" if a.reviewed.is_none() => a.reviewed = month_or_date(seg),
            _ => {}
        }
    }
    // "Version 3", "v2.1", "Version: 4"
    let words: Vec<&str> = line.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let wl = w.to_lowercase();
        let wl = wl.trim_end_matches(':');
        let number = |s: &str| {
            let s = s.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '.');
            let s = s.trim_end_matches('.');
            (!s.is_empty() && s.starts_with(|c: char| c.is_ascii_digit()) && s.len() <= 6)
                .then(|| s.to_string())
        };
        if wl == "version" || wl == "v." || wl == "issue" {
            if let Some(n) = words.get(i + 1).and_then(|n| number(n)) {
                a.version = Some(n);
                break;
            }
        } else if let Some(rest) = wl.strip_prefix('v')
            && rest.starts_with(|c: char| c.is_ascii_digit())
            && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        {
            a.version = Some(rest.to_string());
            break;
        }
    }
    // A version line without a cue dates itself ("Version 3 | May 2023").
    if a.version.is_some() && a.date.is_none() {
        a.date = find_date(line);
    }
    let any =
        a.date.is_some() || a.version.is_some() || a.reviewed.is_some() || a.review_due.is_some();
    any.then_some(a)
}

/// A line of front matter: an approval, version or review line, a council's name, or a
/// protocol's title.
pub fn is_front_matter(line: &str) -> bool {
    approval(line).is_some()
        || !councils_in(line).is_empty()
        || (title_score(line) >= 2 && line.split_whitespace().count() <= 20)
}

/// The council a protocol names in its own text, for a document whose front matter does not:
/// the first proper council name of the text (`Holmbrook Borough Council`), when no other
/// council is named more often.
pub fn council_in_text<'a>(texts: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for t in texts {
        for name in proper_councils(t) {
            match seen.iter_mut().find(|(n, _)| *n == name) {
                Some((_, k)) => *k += 1,
                None => seen.push((name, 1)),
            }
        }
    }
    let (first, count) = seen.first()?.clone();
    seen.iter().all(|(_, k)| *k <= count).then_some(first)
}

/// Proper council names in a sentence: capitalised words, then "Council"
/// (`of Holmbrook Borough Council in`); not "the Council", "Full Council", "the Town Council".
fn proper_councils(t: &str) -> Vec<String> {
    const GENERIC: &[&str] = &[
        "The",
        "This",
        "Full",
        "Each",
        "Every",
        "Any",
        "A",
        "Parish",
        "Town",
        "District",
        "County",
        "Borough",
        "City",
        "Community",
        "Metropolitan",
        "Principal",
        "Unitary",
        "Joint",
        "Our",
        "Your",
        "Its",
        "Their",
    ];
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if *w != "Council" {
            continue;
        }
        let mut j = i;
        while j > 0 && words[j - 1].starts_with(char::is_uppercase) && words[j - 1] != "Council" {
            j -= 1;
        }
        let name = &words[j..i];
        if name.iter().any(|w| !GENERIC.contains(w)) {
            // Leading generic words are not the name ("The Holmbrook...": "Holmbrook...").
            let start = name
                .iter()
                .position(|w| !matches!(*w, "The" | "This"))
                .unwrap_or(0);
            out.push(words[j + start..=i].join(" "));
        }
    }
    out
}

/// A whole date or a month and year (`May 2027`) in `s`, if it holds one.
fn month_or_date(s: &str) -> Option<WrittenDate> {
    match WrittenDate::review(s) {
        WrittenDate::Text(_) => None,
        w => Some(w),
    }
}

/// A version entry for an approval line that carries a version or a review, `None` for a
/// plain adoption line (which only dates the protocol).
pub fn version_entry(line: &str, a: &Approval) -> Option<VersionEntry> {
    if a.version.is_none() && a.reviewed.is_none() && a.review_due.is_none() {
        return None;
    }
    Some(VersionEntry {
        date: a.date.map(WrittenDate::Date).or_else(|| a.reviewed.clone()),
        version: a.version.clone(),
        note: Some(line.split_whitespace().collect::<Vec<_>>().join(" ")),
        review: a.review_due.clone(),
    })
}

/// The kind of council a name says (`Tewkesbury Borough Council` is a borough).
pub fn kind_of(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    KINDS
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map(|(_, k)| (*k).to_string())
}

/// `Tewkesbury Borough Council`, `London Borough of Eastmere`, `Cyngor Cymuned Llanfeirion`,
/// `Cyngor Bwrdeistref Sirol Cwm Tawel / Cwm Tawel County Borough Council`.
pub fn is_council_name(l: &str) -> bool {
    let words = l.split_whitespace().count();
    let lower = l.to_lowercase();
    let lower = lower.trim_end().trim_end_matches(['.', ':']);
    // A council's name is a proper name: "Council" with its capital, not "your council".
    let named = l
        .trim_end()
        .trim_end_matches(['.', ':'])
        .ends_with("Council")
        || l.trim_end()
            .trim_end_matches(['.', ':'])
            .ends_with("COUNCIL");
    let first = lower.split_whitespace().next().unwrap_or("");
    (2..=16).contains(&words)
        && !matches!(
            first,
            "your" | "our" | "this" | "a" | "each" | "every" | "any" | "all"
        )
        && ((lower.ends_with("council") && named)
            || lower.starts_with("london borough of ")
            || lower.starts_with("cyngor ")
            || lower.starts_with("royal borough of ")
            || lower.starts_with("city of "))
        && !lower.contains("protocol")
        && !lower.contains(" the council")
        && !lower.starts_with("the ")
}

/// Reads a version or revision table into entries, when its header says it is one.
pub fn version_table(rows: &[Vec<String>]) -> Option<Vec<VersionEntry>> {
    let (header, body) = rows.split_first()?;
    let [date_col, version_col, note_col, review_col] = columns(header)?;
    let cell = |row: &Vec<String>, col: Option<usize>| -> Option<String> {
        col.and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    Some(
        body.iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .map(|r| {
                let raw = cell(r, date_col);
                VersionEntry {
                    date: raw.as_deref().map(WrittenDate::cell),
                    version: cell(r, version_col),
                    note: cell(r, note_col),
                    review: cell(r, review_col).map(|d| WrittenDate::review(&d)),
                }
            })
            .collect(),
    )
}

/// What reading a version table leaves out of the model, for the diagnostic that records it:
/// the header row, and the cells of any column that is not a date, version, note or review.
pub fn version_table_report(rows: &[Vec<String>]) -> Option<String> {
    let (header, body) = rows.split_first()?;
    let kept = columns(header)?;
    let mut report = format!(
        "read a version table of {} row(s); its header: {}",
        body.len(),
        crate::quoted(&header.join(" | "))
    );
    let unkept: Vec<String> = body
        .iter()
        .flat_map(|r| {
            r.iter()
                .enumerate()
                .filter(|(i, c)| !kept.contains(&Some(*i)) && !c.trim().is_empty())
                .map(|(_, c)| c.trim().to_string())
        })
        .collect();
    if !unkept.is_empty() {
        report.push_str(&format!(
            "; cells not kept: {}",
            crate::quoted(&unkept.join(" | "))
        ));
    }
    // Dates are kept as ISO dates: what they were written as is recorded here.
    let [date_col, _, _, review_col] = kept;
    let mut rewritten = Vec::new();
    for row in body {
        let cell = |col: Option<usize>| col.and_then(|i| row.get(i)).map(|c| c.trim());
        if let Some(d) = cell(date_col).filter(|d| !d.is_empty())
            && let Some(iso) = find_date(d)
                .map(|iso| iso.to_string())
                .filter(|iso| iso != d)
        {
            rewritten.push(format!("{} as {iso}", crate::quoted(d)));
        }
        if let Some(r) = cell(review_col).filter(|r| !r.is_empty())
            && WrittenDate::review(r).to_string() != r
        {
            rewritten.push(format!(
                "{} as {}",
                crate::quoted(r),
                WrittenDate::review(r)
            ));
        }
    }
    if !rewritten.is_empty() {
        report.push_str(&format!("; dates read {}", rewritten.join(", ")));
    }
    Some(report)
}

/// The date, version, note and review columns of a version table's header, or `None` when the
/// header does not say it is a version table.
fn columns(header: &[String]) -> Option<[Option<usize>; 4]> {
    let h: Vec<String> = header.iter().map(|c| c.to_lowercase()).collect();
    let is_versions = h.iter().any(|c| c.contains("date"))
        && h.iter()
            .any(|c| c.contains("version") || c.contains("revision") || c.contains("amendment"));
    if !is_versions {
        return None;
    }
    let date_col = h
        .iter()
        .position(|c| c.contains("date") && !c.contains("review"))
        .or_else(|| h.iter().position(|c| c.contains("date")));
    let version_col = h.iter().position(|c| c.contains("version"));
    let review_col = h
        .iter()
        .position(|c| c.contains("review") && c.contains("date"))
        .filter(|&i| Some(i) != date_col);
    let note_col = h.iter().position(|c| {
        [
            "revision",
            "amendment",
            "note",
            "change",
            "description",
            "summary",
        ]
        .iter()
        .any(|w| c.contains(w))
            && !c.contains("version")
    });
    Some([date_col, version_col, note_col, review_col])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble() {
        let p = read_preamble(&[
            "TEWKESBURY BOROUGH COUNCIL".into(),
            "PROTOCOL FOR MEMBER / OFFICER RELATIONS".into(),
            "ADOPTED BY COUNCIL 19 APRIL 2016".into(),
        ]);
        assert_eq!(p.council.as_deref(), Some("Tewkesbury Borough Council"));
        assert_eq!(p.kind.as_deref(), Some("borough"));
        assert_eq!(
            p.title.as_deref(),
            Some("PROTOCOL FOR MEMBER / OFFICER RELATIONS")
        );
        assert_eq!(
            p.adopted.map(|d| d.to_string()).as_deref(),
            Some("2016-04-19")
        );
        let p = read_preamble(&["JOINT PROTOCOL ON COUNCILLOR & OFFICER RELATIONSHIPS".into()]);
        assert_eq!(p.kind.as_deref(), Some("joint"));
    }

    #[test]
    fn versions() {
        let rows: Vec<Vec<String>> = [
            [
                "Date last Ratified/Approved",
                "Version Number",
                "Revision/Amendment Made",
                "New Review date",
            ],
            ["09.09.2024", "1", "Policy adopted", "May 2025"],
            ["13.05.2025", "2", "", "May 2026"],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        let v = version_table(&rows).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(
            v[0].date.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2024-09-09")
        );
        assert_eq!(
            v[1].review.as_ref().map(|d| d.to_string()).as_deref(),
            Some("2026-05")
        );
        assert_eq!(v[0].note.as_deref(), Some("Policy adopted"));
        assert_eq!(v[1].note, None);
    }
}
