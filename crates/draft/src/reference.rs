//! The reference that `concord options` prints: every option, its allowed values and its
//! default for each kind of council, generated from the catalogue and the defaults so that it
//! cannot drift from what the validator accepts.

use std::fmt::Write;

use crate::catalogue::{self, AnswerKind, Question};
use crate::options::{self, Answer};

/// The whole reference, or one question's entry when `question` names one.
pub fn reference(question: Option<&str>) -> Option<String> {
    let mut out = String::new();
    match question {
        Some(id) => {
            let q = catalogue::question(id)?;
            question_entry(&mut out, q, true);
        }
        None => {
            out.push_str("[council]\n");
            out.push_str("  name       required: the council's full name, on one line\n");
            let _ = writeln!(
                out,
                "  kind       required: one of {}",
                catalogue::KINDS.join(", ")
            );
            out.push_str("  adopted    optional: the date of adoption, such as 2026-05-05\n");
            out.push_str(
                "  principal  optional, parish, town and community councils only: the principal\n             council whose Monitoring Officer deals with code of conduct complaints\n",
            );
            out.push_str("  review_due optional: the date the protocol is next reviewed, such as 2030-05-05\n");
            out.push_str(
                "  logo       optional: a PNG or JPEG file (beside the options file) printed above the title\n\n",
            );
            out.push_str("[[versions]]  (optional, one table per version, oldest first)\n");
            out.push_str("  date       the date of the version, such as 2026-05-05\n");
            out.push_str("  version    its number or name, such as \"2\"\n");
            out.push_str("  note       what changed\n\n");
            out.push_str("[terms]\n");
            out.push_str("  councillor            \"councillor\" (default) or \"member\"\n");
            out.push_str(
                "  head_of_paid_service  the title of the head of paid service; default \"Clerk\" (parish,\n                        community), \"Town Clerk\" (town), \"Joint Chief Executive\" (joint),\n                        \"Chief Executive\" (others)\n\n",
            );
            out.push_str("[roles.<role id>]  (optional, one table per role)\n");
            out.push_str(
                "  name  the council's own title for a role, such as [roles.staffing-committee]\n        name = \"Personnel Committee\"; it must read back as that role, and a role\n        declared here may be named in any route\n\n",
            );
            // The roles a route may name, once for every question that takes a route.
            out.push_str("Roles a route may name, by kind of council:\n");
            for line in grouped(|kind| catalogue::roles_for(kind).join(", ")).split("; ") {
                let _ = writeln!(out, "  {line}");
            }
            out.push('\n');
            out.push_str(
                "[answers]  (keyed by question id; `concord options QUESTION` shows one)\n\n",
            );
            for q in catalogue::QUESTIONS {
                question_entry(&mut out, q, false);
                out.push('\n');
            }
            out.push_str("[sections]  (true or false)\n");
            for s in catalogue::SECTIONS {
                let _ = writeln!(out, "  {:<18} {}", s.id, s.what);
                let _ = writeln!(
                    out,
                    "  {:<18} default: {}",
                    "",
                    grouped(|kind| options::default_section(s.id, kind).to_string())
                );
            }
        }
    }
    Some(out)
}

/// One question's entry; the roles a route may name only when `roles` (the full reference
/// lists them once, above the answers).
fn question_entry(out: &mut String, q: &Question, roles: bool) {
    let _ = writeln!(out, "{}", q.id);
    let _ = writeln!(out, "  {}", q.text);
    let shape = match q.answer {
        AnswerKind::Route => {
            "a route: role ids in order, such as [\"chief-executive\", \"monitoring-officer\"]"
        }
        AnswerKind::Days => {
            "{ days = N, working = true|false }: N from 1 to 90; working defaults to false"
        }
        AnswerKind::Years => {
            "{ years = N, body = \"...\" }: N from 1 to 10; body names who reviews"
        }
        AnswerKind::Forbidden => "{ forbidden = true|false }",
    };
    let _ = writeln!(out, "  value: {shape}");
    if q.answer == AnswerKind::Route && roles {
        let _ = writeln!(
            out,
            "  roles: {}",
            grouped(|kind| catalogue::roles_for(kind).join(", "))
        );
        let _ = writeln!(
            out,
            "  shape: {{ roles = [...], shape = \"...\" }} with one of {}; default \"{}\"",
            crate::words::SHAPES.join(", "),
            catalogue::default_how(q.id).shape()
        );
    }
    if let Some(s) = catalogue::section_of(q.id) {
        let _ = writeln!(out, "  only when [sections] {s} = true");
    }
    let _ = writeln!(
        out,
        "  default: {}",
        grouped(|kind| Answer::default_for(q.id, kind).map_or_else(String::new, |a| toml_value(&a)))
    );
}

/// A value per kind, with kinds that share a value listed together:
/// "parish, town, community: x; district, ...: y".
fn grouped(f: impl Fn(&str) -> String) -> String {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for kind in catalogue::KINDS {
        let v = f(kind);
        match groups.iter_mut().find(|(g, _)| *g == v) {
            Some((_, kinds)) => kinds.push(kind),
            None => groups.push((v, vec![kind])),
        }
    }
    if groups.len() == 1 {
        return groups.remove(0).0;
    }
    groups
        .iter()
        .map(|(v, kinds)| format!("{}: {v}", kinds.join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

/// An answer as it is written in an options file.
pub fn toml_value(a: &Answer) -> String {
    match a {
        Answer::Route(r) => format!(
            "[{}]",
            r.iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Answer::Days { days, working } => format!("{{ days = {days}, working = {working} }}"),
        Answer::Years { years, body } => {
            format!(
                "{{ years = {years}, body = {} }}",
                crate::infer::toml_string(body)
            )
        }
        Answer::Forbidden { forbidden } => format!("{{ forbidden = {forbidden} }}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reference_lists_every_question_section_and_kind() {
        let r = reference(None).unwrap();
        for q in catalogue::QUESTIONS {
            assert!(r.contains(q.id), "{}", q.id);
        }
        for s in catalogue::SECTIONS {
            assert!(r.contains(s.id), "{}", s.id);
        }
        assert!(r.contains("parish, town, community: [\"chair\", \"monitoring-officer\"]"));
        assert!(reference(Some("no-such-question")).is_none());
        // Issue 15: the role list was printed once per route question (seven times).
        let roles = grouped(|kind| catalogue::roles_for(kind).join(", "));
        let first = roles.split("; ").next().unwrap();
        assert_eq!(r.matches(first).count(), 1, "the role list once");
        assert!(
            reference(Some("officer-complaint-about-councillor"))
                .unwrap()
                .contains("  roles: ")
        );
        let one = reference(Some("review-cycle")).unwrap();
        assert!(one.starts_with("review-cycle\n  How often"));
    }
}
