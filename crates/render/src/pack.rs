//! The review pack: what it shows ([`Pack`], decided and worded by the caller, the publishing
//! layer) and its layout as a sequence of plain parts (headings, paragraphs, bullets, tables,
//! the redline, the new text), so the Word and PDF writers lay out the same pack as the HTML
//! page (`pack_html`), in the same order and the same words.

use concord_compare::answers::Comparison;
use concord_compare::diff::Redline;
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
    /// The new version first, then the peer councils (the data behind [`Pack::answers`]).
    pub comparison: &'a Comparison,
    /// The opening sentence of the summary.
    pub intro: String,
    /// The changes of responsibility, one sentence each, shown first and in bold.
    pub leads: Vec<String>,
    /// The key facts of the summary, one sentence each.
    pub key_facts: Vec<String>,
    /// The checks on the new version.
    pub checks: Checks,
    /// What the two versions are called: "Current version (adopted 2019)", "Proposed version".
    pub versions: [String; 2],
    /// The responsibility changes as rows: the question, before, after (each with where it is
    /// said).
    pub responsibilities: Vec<[String; 3]>,
    /// The material and editorial changes, in redline order.
    pub changes: Vec<ChangeRow>,
    /// The protocols compared, the new text first: (name, what it is).
    pub protocols: Vec<(String, String)>,
    /// Each question with every protocol's answer, in words.
    pub answers: Vec<QuestionAnswers>,
}

/// One material or editorial change, worded.
#[derive(Debug, Clone)]
pub struct ChangeRow {
    /// Which clause ("6.2", "3.5 (was 3.3)").
    pub clause: String,
    /// What happened ("changed", "renumbered").
    pub what: String,
    /// Why it is classed so, in plain words.
    pub why: String,
    pub material: bool,
}

/// One question and each protocol's answer.
#[derive(Debug, Clone)]
pub struct QuestionAnswers {
    pub question: String,
    /// (protocol name, the answer and where it is said).
    pub answers: Vec<(String, String)>,
}

/// The checks on the new version, as the pack shows them.
#[derive(Debug, Clone, Default)]
pub struct Checks {
    /// One row per finding, in order.
    pub rows: Vec<CheckRow>,
    /// What to say when there are no rows.
    pub none_found: String,
}

/// One finding of the checks.
#[derive(Debug, Clone)]
pub struct CheckRow {
    /// Where it is ("clause 2.3", "paragraph 3 under ‘Procedure’").
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
    /// The contents: the level-1 headings that follow, with their anchors.
    Contents(Vec<(&'static str, String)>),
    /// A heading; level 1 parts carry their anchor.
    Heading(u8, String),
    Para(String),
    /// A paragraph that must stand out (a change of responsibility).
    Lead(String),
    Bullets(Vec<String>),
    Table(Table),
    /// The clause-by-clause redline, as tracked changes.
    Redline,
    /// The new text in full.
    Appendix,
}

/// A table: its header, rows, and each column's share of the width (in percent).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub widths: Vec<u16>,
    /// What the table shows, for a screen reader's caption.
    pub caption: String,
    /// The first cell of each row names the row.
    pub row_heads: bool,
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

/// The anchor of a level-1 heading.
pub(crate) fn anchor_of(title: &str) -> &'static str {
    SECTIONS
        .iter()
        .find(|(_, t)| *t == title)
        .map_or("part", |(a, _)| a)
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
    facts.push((
        "Versions compared".to_string(),
        format!("{} and {}", p.versions[0], p.versions[1]),
    ));
    out.push(Part::Facts(facts));
    out.push(Part::Contents(
        SECTIONS.iter().map(|(a, t)| (*a, t.to_string())).collect(),
    ));

    out.push(Part::Heading(1, SECTIONS[0].1.into()));
    out.push(Part::Para(p.intro.clone()));
    for lead in &p.leads {
        out.push(Part::Lead(lead.clone()));
    }
    out.push(Part::Bullets(p.key_facts.clone()));

    out.push(Part::Heading(1, SECTIONS[1].1.into()));
    if !r.has_differences() {
        out.push(Part::Para("The two versions do not differ.".into()));
    }
    if !p.responsibilities.is_empty() {
        out.push(Part::Heading(2, "Responsibility changes".into()));
        out.push(Part::Table(Table {
            header: vec!["Question".into(), "Before".into(), "After".into()],
            rows: p.responsibilities.iter().map(|r| r.to_vec()).collect(),
            widths: vec![40, 30, 30],
            caption: "Who is responsible, before and after".into(),
            row_heads: true,
        }));
    }
    for (material, title) in [(true, "Material changes"), (false, "Editorial changes")] {
        let rows: Vec<Vec<String>> = p
            .changes
            .iter()
            .filter(|c| c.material == material)
            .map(|c| vec![c.clause.clone(), c.what.clone(), c.why.clone()])
            .collect();
        if rows.is_empty() {
            continue;
        }
        out.push(Part::Heading(2, format!("{title} ({})", rows.len())));
        out.push(Part::Table(Table {
            header: vec![
                "Clause".into(),
                "What happened".into(),
                "Why it is classed so".into(),
            ],
            rows,
            widths: vec![18, 20, 62],
            caption: format!("{title}, clause by clause"),
            row_heads: true,
        }));
    }
    if !r.references.is_empty() {
        out.push(Part::Heading(2, "Cross-references to check".into()));
        out.push(Part::Bullets(
            r.references
                .iter()
                .map(|x| {
                    format!(
                        "Clause {}: \u{201c}{}\u{201d} {}",
                        x.clause, x.text, x.message
                    )
                })
                .collect(),
        ));
    }

    out.push(Part::Heading(1, SECTIONS[2].1.into()));
    out.push(Part::Para(format!(
        "Each question is answered from the words of each protocol, with the clause it comes from. {}",
        if p.protocols.len() > 1 {
            "The proposed version comes first, then the other councils."
        } else {
            "No other councils were given."
        }
    )));
    out.push(Part::Heading(2, "The protocols compared".into()));
    out.push(Part::Bullets(
        p.protocols
            .iter()
            .map(|(name, about)| {
                if about.is_empty() {
                    name.clone()
                } else {
                    format!("{name}: {about}")
                }
            })
            .collect(),
    ));
    for q in &p.answers {
        out.push(Part::Heading(3, q.question.clone()));
        out.push(Part::Table(Table {
            header: vec!["Council".into(), "Answer, and where it is said".into()],
            rows: q
                .answers
                .iter()
                .map(|(name, a)| vec![name.clone(), a.clone()])
                .collect(),
            widths: vec![34, 66],
            caption: q.question.clone(),
            row_heads: true,
        }));
    }

    out.push(Part::Heading(1, SECTIONS[3].1.into()));
    out.push(Part::Redline);

    out.push(Part::Heading(1, SECTIONS[4].1.into()));
    if p.checks.rows.is_empty() {
        out.push(Part::Para(p.checks.none_found.clone()));
    } else {
        out.push(Part::Table(Table {
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
            widths: vec![20, 12, 36, 32],
            caption: "Findings of the checks, with a suggested fix for each".into(),
            row_heads: false,
        }));
    }

    out.push(Part::Heading(1, SECTIONS[5].1.into()));
    out.push(Part::Appendix);
    out
}
