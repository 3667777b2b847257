//! The standards committee review pack: the redline of the two versions, the new text's
//! answers beside the peer councils', and the checks on the new text as the committee would
//! publish it, worded for a committee member and written as HTML, Word and PDF.

use concord_check::{Finding, Severity};
use concord_compare::diff::{Class, DiffConfig, Redline};
use concord_model::Document;
use concord_render::{CheckRow, Checks};

use crate::Error;

/// What a pack is made from.
#[derive(Debug)]
pub struct Inputs<'a> {
    /// The version in force and the proposed one (each as it reads after any tracked changes).
    pub old: &'a Document,
    pub new: &'a Document,
    /// The ids of the two versions and the alignment limit.
    pub cfg: &'a DiffConfig,
    /// The peer councils: (document id, document).
    pub peers: &'a [(String, Document)],
    pub title: Option<String>,
    pub meeting: Option<String>,
    /// The author of pack.docx's tracked changes.
    pub author: String,
    /// The date of pack.docx's tracked changes; the new version's adoption date when `None`.
    pub date: Option<String>,
    /// The file the new version came from, as the checks' line numbers should name it.
    pub new_path: String,
}

/// The pack in its three formats.
#[derive(Debug)]
pub struct Pack {
    pub html: String,
    pub docx: Vec<u8>,
    pub pdf: Vec<u8>,
}

/// Makes the pack.
pub fn make(m: &Inputs<'_>) -> Result<Pack, Error> {
    let (old, new) = (m.old, m.new);
    let redline = concord_compare::diff::try_diff(old, new, m.cfg)?;
    let mut docs: Vec<(String, &Document)> = vec![(m.cfg.new_id.clone(), new)];
    for (id, d) in m.peers {
        docs.push((id.clone(), d));
    }
    let comparison = concord_compare::answers::compare(&docs, &[]);
    // The checks run on the new text as the committee would publish it.
    let new_md = concord_render::markdown(new);
    let checked = concord_ingest::read(new_md.as_bytes(), "proposed.md", &Default::default())
        .map_err(Error::Reread)?;
    let findings = concord_check::check(
        &checked.document,
        &checked.diagnostics,
        Some(&new_md),
        &concord_check::CheckConfig::default(),
    );
    let title = m.title.clone().unwrap_or_else(|| {
        format!(
            "Review of the {}",
            new.meta
                .title
                .as_deref()
                .map(tidy_title)
                .unwrap_or_else(|| "Protocol on Member/Officer Relations".into())
        )
    });
    let pack = concord_render::Pack {
        title,
        council: new.meta.council.clone(),
        meeting: m.meeting.clone(),
        redline: &redline,
        old,
        new,
        comparison: &comparison,
        intro: responsibility_intro(&redline),
        key_facts: key_facts(&redline, &findings),
        checks: checks(
            &findings,
            format!(
                "the proposed text as Concord writes it (`concord ingest {} --format md`)",
                m.new_path
            ),
        ),
    };
    Ok(Pack {
        html: concord_render::pack_html(&pack),
        docx: concord_render::docx::pack(
            &pack,
            &concord_render::docx::DocxOptions {
                author: m.author.clone(),
                date: m
                    .date
                    .clone()
                    .or_else(|| new.meta.adopted.map(|d| d.to_string())),
            },
        ),
        pdf: concord_render::pdf::pack(
            &pack,
            &concord_render::pdf::PdfOptions {
                author: Some(m.author.clone()),
            },
        ),
    })
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The opening of the summary: the responsibility changes, or that there are none.
fn responsibility_intro(r: &Redline) -> String {
    match r.responsibilities.len() {
        0 => "No one's responsibilities change: every question the protocol answers has the same answer in both versions.".into(),
        1 => "One change alters who is responsible for what:".into(),
        n => format!("{n} changes alter who is responsible for what:"),
    }
}

/// The key facts of the summary, one sentence each.
fn key_facts(r: &Redline, findings: &[Finding]) -> Vec<String> {
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
    let count = |sev: Severity| findings.iter().filter(|f| f.severity == sev).count();
    out.push(format!(
        "The checks on the new text found {} and {} (see \u{201c}Checks on the new text\u{201d}).",
        plural(count(Severity::Error), "problem to fix", "problems to fix"),
        plural(
            count(Severity::Warning),
            "point to consider",
            "points to consider"
        )
    ));
    out
}

/// The findings as the pack's table shows them.
fn checks(findings: &[Finding], lines_of: String) -> Checks {
    Checks {
        rows: findings
            .iter()
            .map(|f| CheckRow {
                place: match &f.clause {
                    Some(c) => format!("clause {c} (line {})", f.line),
                    None => format!("line {}", f.line),
                },
                severity: severity_words(f.severity).into(),
                must_fix: f.severity == Severity::Error,
                message: f.message.clone(),
                fix: f.fix.clone(),
            })
            .collect(),
        none_found: "No problems found: cross-references resolve, numbering runs in order, the wording is gender-neutral and no tracked changes or page furniture are left in.".into(),
        lines_of,
    }
}

/// The words for a finding's severity.
fn severity_words(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Must fix",
        Severity::Warning => "Consider",
        Severity::Info => "Note",
    }
}

/// "PROTOCOL FOR MEMBER / OFFICER RELATIONS" reads as a title, not a shout.
fn tidy_title(t: &str) -> String {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    if !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) {
        let lower = t.to_lowercase();
        let mut c = lower.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        t.to_string()
    }
}
