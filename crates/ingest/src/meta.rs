//! What a document says about itself: its title, council, kind of council, adoption date and
//! version history, read from the lines before the first section and from revision tables.

use concord_model::VersionEntry;
use concord_model::date::find_date;
use concord_model::{Date, WrittenDate};

use crate::text::{is_caps, title_case};

/// Kinds of council and the words that name them, most specific first.
const KINDS: &[(&str, &str)] = &[
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
}

pub fn read_preamble(lines: &[String]) -> Preamble {
    let mut p = Preamble::default();
    for l in lines {
        let lower = l.to_lowercase();
        if p.adopted.is_none()
            && lower.contains("adopted")
            && let Some(d) = find_date(l)
        {
            p.adopted = Some(d);
            continue;
        }
        if p.council.is_none() && is_council_name(l) {
            p.council = Some(if is_caps(l) { title_case(l) } else { l.clone() });
            continue;
        }
        if p.title.is_none() && lower.contains("protocol") {
            p.title = Some(l.clone());
        }
    }
    if p.title.is_none() {
        p.title = lines
            .iter()
            .find(|l| {
                Some(*l) != p.council.as_ref()
                    && !l.to_lowercase().contains("adopted")
                    && l.split_whitespace().count() <= 20
            })
            .cloned();
    }
    p.kind = p.council.as_deref().and_then(kind_of);
    if p.kind.is_none()
        && p.title
            .as_deref()
            .is_some_and(|t| t.to_lowercase().split_whitespace().any(|w| w == "joint"))
    {
        p.kind = Some("joint".into());
    }
    p
}

/// The kind of council a name says (`Tewkesbury Borough Council` is a borough).
pub fn kind_of(name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    KINDS
        .iter()
        .find(|(w, _)| lower.contains(w))
        .map(|(_, k)| (*k).to_string())
}

fn is_council_name(l: &str) -> bool {
    let words = l.split_whitespace().count();
    let lower = l.to_lowercase();
    (2..=10).contains(&words)
        && lower.trim_end().ends_with("council")
        && !lower.contains("protocol")
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
