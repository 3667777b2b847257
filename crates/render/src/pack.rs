//! The review pack: what it shows ([`Pack`], decided and worded by the caller, the publishing
//! layer) and its layout as a sequence of plain parts (headings, paragraphs, bullets, tables,
//! the redline, the new text), so the Word and PDF writers lay out the same pack as the HTML
//! page (`pack_html`), in the same order and the same words.

use concord_compare::answers::Comparison;
use concord_compare::diff::{Class, Redline};
use concord_model::Document;

/// Everything a pack shows, decided and worded by the caller.
#[derive(Debug)]
pub struct Pack<'a> {
    /// The pack's title ("Review of the Protocol on Member/Officer Relations").
    pub title: String,
    /// The council, where known.
    pub council: Option<String>,
    /// The meeting the pack is for, as the user wrote it.
    pub meeting: Option<String>,
    pub redline: &'a Redline,
    /// The version in force, for the redline's paragraphs in Word and PDF.
    pub old: &'a Document,
    /// The new version, for the appendix.
    pub new: &'a Document,
    /// The new version first, then the peer councils.
    pub comparison: &'a Comparison,
    /// The opening sentence of the summary.
    pub intro: String,
    /// The key facts of the summary, one sentence each.
    pub key_facts: Vec<String>,
    /// The checks on the new version.
    pub checks: Checks,
}

/// The checks on the new version, as the pack shows them.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// One row per finding, in order.
    pub rows: Vec<CheckRow>,
    /// What to say when there are no rows.
    pub none_found: String,
    /// The text whose lines the rows name.
    pub lines_of: String,
}

/// One finding of the checks.
#[derive(Debug, Clone)]
pub struct CheckRow {
    /// Where it is ("clause 2.3 (line 14)").
    pub place: String,
    /// Its severity in words ("Must fix").
    pub severity: String,
    /// Shown in bold: a problem that must be fixed before publication.
    pub must_fix: bool,
    pub message: String,
    pub fix: String,
}

/// One part of a pack, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Title(String),
    /// `label: value` lines under the title.
    Facts(Vec<(String, String)>),
    Heading(u8, String),
    Para(String),
    /// A paragraph that must stand out (a change of responsibility).
    Lead(String),
    Bullets(Vec<String>),
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The clause-by-clause redline, as tracked changes.
    Redline,
    /// The new text in full.
    Appendix,
}

/// The pack's sections, for a contents list: (anchor, title).
pub(crate) const SECTIONS: &[(&str, &str)] = &[
    ("summary", "Summary"),
    ("changes", "What changed"),
    ("peers", "How the new text compares with other councils"),
    ("full", "Clause-by-clause redline"),
    ("checks", "Checks on the new text"),
    ("appendix", "Appendix: the new text in full"),
];

/// An answer in a table cell: the route or value, its clauses, and what it was before.
fn answer_cell(a: &concord_compare::answers::Answer) -> String {
    let mut s = a.summary.clone();
    if !a.clauses.is_empty() {
        s.push_str(&format!(" ({})", a.clauses.join(", ")));
    }
    if let Some(p) = &a.previously {
        s.push_str(&format!(
            "; previously {} ({})",
            p.summary,
            p.clauses.join(", ")
        ));
    }
    s
}

/// The pack as parts.
pub(crate) fn parts(p: &Pack<'_>) -> Vec<Part> {
    let r = p.redline;
    let mut out = vec![Part::Title(p.title.clone())];
    let mut facts = Vec::new();
    if let Some(c) = &p.council {
        facts.push(("Council".to_string(), c.clone()));
    }
    if let Some(m) = &p.meeting {
        facts.push(("Meeting".to_string(), m.clone()));
    }
    facts.push(("Current version".to_string(), r.old.id.clone()));
    facts.push(("Proposed version".to_string(), r.new.id.clone()));
    out.push(Part::Facts(facts));

    out.push(Part::Heading(1, SECTIONS[0].1.into()));
    out.push(Part::Para(p.intro.clone()));
    for c in &r.responsibilities {
        out.push(Part::Lead(c.line()));
    }
    out.push(Part::Bullets(p.key_facts.clone()));

    out.push(Part::Heading(1, SECTIONS[1].1.into()));
    if !r.has_differences() {
        out.push(Part::Para("The two versions do not differ.".into()));
    }
    if !r.responsibilities.is_empty() {
        out.push(Part::Heading(2, "Responsibility changes".into()));
        let side = |a: Option<&concord_compare::answers::Answer>| match a {
            None => "Not covered".to_string(),
            Some(a) if a.clauses.is_empty() => a.summary.clone(),
            Some(a) => format!("{} (clause {})", a.summary, a.clauses.join(", ")),
        };
        out.push(Part::Table {
            header: vec!["Question".into(), "Before".into(), "After".into()],
            rows: r
                .responsibilities
                .iter()
                .map(|c| {
                    vec![
                        concord_model::questions::question(&c.question)
                            .map_or(c.question.clone(), |q| q.text.to_string()),
                        side(c.old.as_ref()),
                        side(c.new.as_ref()),
                    ]
                })
                .collect(),
        });
    }
    for (class, title) in [
        (Class::Material, "Material changes"),
        (Class::Editorial, "Editorial changes"),
    ] {
        let rows: Vec<Vec<String>> = r
            .clauses
            .iter()
            .filter(|c| c.class == Some(class))
            .map(|c| {
                vec![
                    crate::redline::label(c),
                    crate::redline::status_words(c),
                    c.reason.clone().unwrap_or_default(),
                ]
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Part::Heading(2, format!("{title} ({})", rows.len())));
        out.push(Part::Table {
            header: vec![
                "Clause".into(),
                "What happened".into(),
                "Why it is classed so".into(),
            ],
            rows,
        });
    }
    if !r.references.is_empty() {
        out.push(Part::Heading(2, "Cross-references to check".into()));
        out.push(Part::Bullets(
            r.references
                .iter()
                .map(|x| format!("{}: \u{201c}{}\u{201d} {}", x.clause, x.text, x.message))
                .collect(),
        ));
    }

    out.push(Part::Heading(1, SECTIONS[2].1.into()));
    out.push(Part::Para(
        "Each question is answered from the words of each protocol, with the clause it comes from. The first column is the new text.".into(),
    ));
    let c = p.comparison;
    let mut header = vec!["Question".to_string()];
    header.extend(c.documents.iter().map(|d| d.id.clone()));
    out.push(Part::Table {
        header,
        rows: c
            .questions
            .iter()
            .map(|q| {
                let mut row = vec![q.text.clone()];
                row.extend(q.answers.0.iter().map(|(_, a)| match a {
                    None => crate::comparison::NOT_COVERED.to_string(),
                    Some(a) => answer_cell(a),
                }));
                row
            })
            .collect(),
    });

    out.push(Part::Heading(1, SECTIONS[3].1.into()));
    out.push(Part::Redline);

    out.push(Part::Heading(1, SECTIONS[4].1.into()));
    if p.checks.rows.is_empty() {
        out.push(Part::Para(p.checks.none_found.clone()));
    } else {
        out.push(Part::Table {
            header: vec![
                "Where".into(),
                "Severity".into(),
                "Finding".into(),
                "Suggested fix".into(),
            ],
            rows: p
                .checks
                .rows
                .iter()
                .map(|f| {
                    vec![
                        f.place.clone(),
                        f.severity.clone(),
                        f.message.clone(),
                        f.fix.clone(),
                    ]
                })
                .collect(),
        });
        out.push(Part::Para(format!(
            "Lines are those of {}.",
            p.checks.lines_of
        )));
    }

    out.push(Part::Heading(1, SECTIONS[5].1.into()));
    out.push(Part::Appendix);
    out
}
