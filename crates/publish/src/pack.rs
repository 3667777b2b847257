//! The standards committee review pack: the redline of the two versions, the new text's
//! answers beside the peer councils', and the checks on the new text as the committee would
//! publish it, worded for a committee member and written as HTML, Word and PDF.
//!
//! Every document is named by its council ([`crate::names`]), never by the code of its file;
//! every clause is cited as a reader finds it ([`crate::cite`]); findings say what is wrong,
//! where in the new text and what to do, with no command or file path.

use concord_check::{Finding, Severity};
use concord_compare::answers::Answer;
use concord_compare::diff::{Class, ClauseDiff, DiffConfig, Redline, Status};
use concord_model::Document;
use concord_render::{ChangeRow, CheckRow, Checks, QuestionAnswers};

use crate::Error;
use crate::cite::Citer;
use crate::names;

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
    /// The file the new version came from (no longer printed: the pack cites clauses, not the
    /// lines of a file).
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
                .map(names::short_title)
                .unwrap_or_else(|| "Protocol on Member/Officer Relations".into())
        )
    });
    let cite_new = Citer::new(new);
    let cite_old = Citer::new(old);
    // The peers by name; the new text is the proposed version.
    let peer_docs: Vec<(&str, &Document)> =
        m.peers.iter().map(|(id, d)| (id.as_str(), d)).collect();
    let mut doc_names = vec![names::PROPOSED.to_string()];
    doc_names.extend(names::names(&peer_docs));
    let citers: Vec<Citer> = std::iter::once(Citer::new(new))
        .chain(m.peers.iter().map(|(_, d)| Citer::new(d)))
        .collect();
    let protocols = std::iter::once((
        names::PROPOSED.to_string(),
        format!(
            "the text under review{}",
            new.meta
                .title
                .as_deref()
                .map(|t| format!(", \u{201c}{}\u{201d}", names::short_title(t)))
                .unwrap_or_default()
        ),
    ))
    .chain(
        m.peers
            .iter()
            .zip(doc_names.iter().skip(1))
            .map(|((_, d), name)| (name.clone(), about(d, name))),
    )
    .collect();
    let answers = comparison
        .questions
        .iter()
        .map(|q| QuestionAnswers {
            question: q.text.clone(),
            answers: q
                .answers
                .0
                .iter()
                .enumerate()
                .map(|(k, (_, a))| {
                    let name = doc_names.get(k).cloned().unwrap_or_default();
                    let words = match a {
                        None => "Not covered".to_string(),
                        Some(a) => answer_words(a, &citers[k.min(citers.len() - 1)]),
                    };
                    (name, words)
                })
                .collect(),
        })
        .collect();
    let pack = concord_render::Pack {
        title,
        council: new.meta.council.clone(),
        meeting: m.meeting.clone(),
        redline: &redline,
        old,
        new,
        comparison: &comparison,
        intro: responsibility_intro(&redline),
        leads: redline
            .responsibilities
            .iter()
            .map(|c| lead(c, &cite_old, &cite_new))
            .collect(),
        key_facts: key_facts(&redline, &findings, &cite_new, &cite_old),
        checks: checks(&findings, &cite_new),
        versions: [names::current_version(old), names::PROPOSED.to_string()],
        responsibilities: redline
            .responsibilities
            .iter()
            .map(|c| {
                let side = |a: Option<&Answer>, cite: &Citer| match a {
                    None => "Not covered".to_string(),
                    Some(a) => answer_words(a, cite),
                };
                [
                    concord_model::questions::question(&c.question)
                        .map_or(c.question.clone(), |q| q.text.to_string()),
                    side(c.old.as_ref(), &cite_old),
                    side(c.new.as_ref(), &cite_new),
                ]
            })
            .collect(),
        changes: redline
            .clauses
            .iter()
            .filter_map(|c| change_row(c, &cite_old, &cite_new))
            .collect(),
        protocols,
        answers,
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
                logo: None,
            },
        ),
        pdf: concord_render::pdf::pack(
            &pack,
            &concord_render::pdf::PdfOptions {
                author: Some(m.author.clone()),
                logo: None,
            },
        ),
    })
}

/// What a peer's protocol is: its title and kind of council.
fn about(d: &Document, name: &str) -> String {
    // A council not named in its text is already called by its title.
    let title = d
        .meta
        .title
        .as_deref()
        .map(names::short_title)
        .filter(|t| !name.contains(t.as_str()));
    let kind = d.meta.kind.as_deref().map(kind_words);
    match (title, kind) {
        (Some(t), Some(k)) => format!("\u{201c}{t}\u{201d} ({k})"),
        (Some(t), None) => format!("\u{201c}{t}\u{201d}"),
        (None, Some(k)) => k,
        (None, None) => String::new(),
    }
}

/// A kind of council in words.
fn kind_words(k: &str) -> String {
    match k {
        "welsh-principal" => "Welsh county or county borough council".into(),
        "community" => "community council".into(),
        "london-borough" => "London borough council".into(),
        "metropolitan" => "metropolitan borough council".into(),
        "joint" => "councils sharing officers".into(),
        k => format!("{k} council"),
    }
}

/// An answer in words: the route or value, where it is said, and what it was before.
fn answer_words(a: &Answer, cite: &Citer) -> String {
    let mut s = format!("{} ({})", a.summary, where_said(a, cite));
    if let Some(p) = &a.previously {
        s.push_str(&format!(
            "; previously {} ({})",
            p.summary,
            where_said(p, cite)
        ));
    }
    s
}

/// Where an answer is said: its clauses, or the version table for an answer read from it
/// (which cites no clause).
fn where_said(a: &Answer, cite: &Citer) -> String {
    if a.clauses.is_empty() {
        a.cited()
    } else {
        cite.many(&a.clauses)
    }
}

/// A change of responsibility as the summary leads with it: "Who does an officer go to about
/// a councillor's conduct? Now the Chief Executive (clause 6.2); before, the Monitoring Officer
/// (clause 6.2)."
fn lead(c: &concord_compare::diff::ResponsibilityChange, old: &Citer, new: &Citer) -> String {
    let question = concord_model::questions::question(&c.question)
        .map_or(c.question.clone(), |q| q.text.to_string());
    let side = |a: Option<&Answer>, cite: &Citer| match a {
        None => "not covered".to_string(),
        Some(a) => format!("{} ({})", a.summary, where_said(a, cite)),
    };
    format!(
        "{question} Now: {}. Before: {}.",
        side(c.new.as_ref(), new),
        side(c.old.as_ref(), old)
    )
}

/// A material or editorial change as the pack's tables show it; `None` for an entry that did
/// not change.
fn change_row(c: &ClauseDiff, old: &Citer, new: &Citer) -> Option<ChangeRow> {
    let class = c.class?;
    let clause = match (&c.old_id, &c.new_id) {
        (Some(o), Some(n)) if o != n => {
            format!("{} (was {})", bare(&new.one(n)), bare(&old.one(o)))
        }
        (_, Some(n)) => bare(&new.one(n)),
        (Some(o), None) => bare(&old.one(o)),
        (None, None) => String::new(),
    };
    let mut what: Vec<&str> = Vec::new();
    match c.status {
        Status::Added => what.push("added"),
        Status::Removed => what.push("removed"),
        Status::Changed => what.push("changed"),
        Status::Unchanged => {}
    }
    if c.renumbered {
        what.push("renumbered");
    }
    if c.moved {
        what.push("moved");
    }
    Some(ChangeRow {
        clause,
        what: capitalised(&what.join(", ")),
        why: c
            .reason
            .as_deref()
            .map(concord_render::plain_reason)
            .unwrap_or_default(),
        material: class == Class::Material,
    })
}

/// "clause 6.2" as a table cell under "Clause" reads "6.2".
fn bare(cite: &str) -> String {
    cite.strip_prefix("clause ").unwrap_or(cite).to_string()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 0 {
        format!("no {many}")
    } else if n == 1 {
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
fn key_facts(r: &Redline, findings: &[Finding], new: &Citer, old: &Citer) -> Vec<String> {
    let s = &r.summary;
    let material: Vec<String> = r
        .clauses
        .iter()
        .filter(|c| c.class == Some(Class::Material))
        .map(|c| match (&c.new_id, &c.old_id) {
            (Some(n), _) => bare(&new.one(n)),
            (None, Some(o)) => format!("{} (removed)", bare(&old.one(o))),
            (None, None) => String::new(),
        })
        .collect();
    let mut out = vec![format!(
        "{} (a role, route, deadline, right or duty, or a clause added or removed){}.",
        plural(s.material, "material change", "material changes"),
        if material.is_empty() {
            String::new()
        } else {
            format!(": {}", material.join(", "))
        }
    )];
    out.push(format!(
        "{} (wording, gender-neutral language, numbering only).",
        plural(s.editorial, "editorial change", "editorial changes")
    ));
    if s.renumbered + s.moved > 0 {
        let what = match (s.renumbered, s.moved) {
            (r, 0) => format!("{} renumbered", plural(r, "clause", "clauses")),
            (0, m) => format!("{} moved", plural(m, "clause", "clauses")),
            (r, m) => format!(
                "{} renumbered and {m} moved",
                plural(r, "clause", "clauses")
            ),
        };
        out.push(format!(
            "{what}; the redline pairs each with its old self, so none is shown as deleted and re-added."
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

/// The findings as the pack's table shows them: where in the new text (its clause, cited as
/// a reader finds it), what is wrong and what to do, with no command or file path.
fn checks(findings: &[Finding], cite: &Citer) -> Checks {
    Checks {
        rows: findings
            .iter()
            .map(|f| CheckRow {
                place: match &f.clause {
                    Some(c) => capitalised(&cite.one(c)),
                    None => "The text as a whole".into(),
                },
                severity: severity_words(f.severity).into(),
                must_fix: f.severity == Severity::Error,
                message: capitalised(&crate::words::for_committee(&cite.words_in(&f.message))),
                fix: capitalised(&crate::words::for_committee(&cite.words_in(&f.fix))),
            })
            .collect(),
        none_found: "No problems found: cross-references resolve, numbering runs in order, the wording is gender-neutral and no tracked changes or page furniture are left in.".into(),
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
