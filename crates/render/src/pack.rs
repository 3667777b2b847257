//! The review pack as a sequence of plain parts (headings, paragraphs, bullets, tables, the
//! redline, the new text), so the Word and PDF writers lay out the same pack as the HTML page,
//! in the same order and the same words. The words themselves come from the functions here,
//! which the HTML page uses too.

use concord_check::Severity;
use concord_compare::diff::Class;

use crate::pack_html::Pack;

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

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The opening of the summary: the responsibility changes, or that there are none.
pub(crate) fn responsibility_intro(p: &Pack<'_>) -> String {
    match p.redline.responsibilities.len() {
        0 => "No one's responsibilities change: every question the protocol answers has the same answer in both versions.".into(),
        1 => "One change alters who is responsible for what:".into(),
        n => format!("{n} changes alter who is responsible for what:"),
    }
}

/// The key facts of the summary, one sentence each.
pub(crate) fn key_facts(p: &Pack<'_>) -> Vec<String> {
    let r = p.redline;
    let s = &r.summary;
    let material: Vec<String> = r
        .clauses
        .iter()
        .filter(|c| c.class == Some(Class::Material))
        .map(|c| {
            c.new_id
                .clone()
                .or_else(|| c.old_id.clone())
                .unwrap_or_default()
        })
        .collect();
    let mut out = vec![format!(
        "{} (a role, route, deadline, right or duty, or a clause added or removed){}.",
        plural(s.material, "material change", "material changes"),
        if material.is_empty() {
            String::new()
        } else {
            format!(": clauses {}", material.join(", "))
        }
    )];
    out.push(format!(
        "{} (wording, gender-neutral language, numbering only).",
        plural(s.editorial, "editorial change", "editorial changes")
    ));
    if s.renumbered + s.moved > 0 {
        out.push(format!(
            "{} renumbered and {} moved; the redline pairs each with its old self, so none is shown as deleted and re-added.",
            plural(s.renumbered, "clause", "clauses"),
            s.moved
        ));
    }
    if !r.references.is_empty() {
        out.push(format!(
            "{} to check, because the clause named moved or went.",
            plural(r.references.len(), "cross-reference", "cross-references")
        ));
    }
    let errors = p
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = p
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Warning)
        .count();
    out.push(format!(
        "The checks on the new text found {} and {} (see \u{201c}Checks on the new text\u{201d}).",
        plural(errors, "problem to fix", "problems to fix"),
        plural(warnings, "point to consider", "points to consider")
    ));
    out
}

/// The words for a finding's severity.
pub(crate) fn severity_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Must fix",
        Severity::Warning => "Consider",
        Severity::Info => "Note",
    }
}

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
    out.push(Part::Para(responsibility_intro(p)));
    for c in &r.responsibilities {
        out.push(Part::Lead(c.line()));
    }
    out.push(Part::Bullets(key_facts(p)));

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
    if p.findings.is_empty() {
        out.push(Part::Para("No problems found: cross-references resolve, numbering runs in order, the wording is gender-neutral and no tracked changes or page furniture are left in.".into()));
    } else {
        out.push(Part::Table {
            header: vec![
                "Where".into(),
                "Severity".into(),
                "Finding".into(),
                "Suggested fix".into(),
            ],
            rows: p
                .findings
                .iter()
                .map(|f| {
                    vec![
                        match &f.clause {
                            Some(c) => format!("clause {c} (line {})", f.line),
                            None => format!("line {}", f.line),
                        },
                        severity_words(f.severity).to_string(),
                        f.message.clone(),
                        f.fix.clone(),
                    ]
                })
                .collect(),
        });
        out.push(Part::Para(format!(
            "Lines are those of {}.",
            p.findings_path
        )));
    }

    out.push(Part::Heading(1, SECTIONS[5].1.into()));
    out.push(Part::Appendix);
    out
}
