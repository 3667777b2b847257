//! Why a change is classed material or editorial, in plain words: the classifier's notes
//! (`duty or right: “will” added; route or scope: “informal” removed`) as a committee reads them
//! ("A new duty or right: “will”; what a route covers changes: it no longer says “informal”").

/// The classifier's reason (`duty or right: “will” added; route or scope: “informal”
/// removed`) in plain words: "A new duty or right: “will”; no longer says “informal”".
pub fn plain_reason(reason: &str) -> String {
    let parts: Vec<String> = reason
        .split("; ")
        .filter(|p| !p.trim().is_empty())
        .map(plain_part)
        .collect();
    let mut out = parts.join("; ");
    if let Some(first) = out.chars().next() {
        out = first.to_uppercase().collect::<String>() + &out[first.len_utf8()..];
    }
    out
}

fn plain_part(part: &str) -> String {
    let part = part.trim();
    match part {
        "clause added" => return "a new clause".into(),
        "clause removed" => return "the clause is taken out".into(),
        "whitespace only" => return "spacing only".into(),
        "punctuation or capitalisation only" => {
            return "punctuation or capital letters only".into();
        }
        "gender-neutral language" => return "wording made gender-neutral".into(),
        "item numbering only" => return "the lettering of its items only".into(),
        "wording" => {
            return "wording only: the same people, duties, numbers and scope".into();
        }
        "moved" => return "moved to another place".into(),
        _ => {}
    }
    if let Some((a, b)) = part
        .strip_prefix("renumbered ")
        .and_then(|r| r.split_once(" -> "))
    {
        return format!("renumbered from {a} to {b}");
    }
    if let Some((a, b)) = part
        .strip_prefix("moved from ")
        .and_then(|r| r.split_once(" to "))
    {
        return format!("moved from \u{2018}{a}\u{2019} to \u{2018}{b}\u{2019}");
    }
    let Some((label, what)) = part.split_once(": ") else {
        return part.to_string();
    };
    let change = Change::of(what);
    match label {
        "role" => match change {
            Change::To(a, b) => format!("a different person is responsible: {b}, not {a}"),
            _ => format!("a different person is responsible: {what}"),
        },
        "role added" => format!("{what} is given a part"),
        "role removed" => format!("{what} no longer has a part"),
        "roles" => "the people named change".into(),
        "role renamed" => match change {
            Change::To(a, b) => format!("{a} is now called {b}"),
            _ => format!("a role is called another name: {what}"),
        },
        "duty or right" => match change {
            Change::Added(w) => format!("a new duty or right: {w}"),
            Change::Removed(w) => format!("a duty or right taken away: {w}"),
            Change::To(a, b) => format!("a duty or right changes: {b} where it said {a}"),
        },
        "number or period" => match change {
            Change::Added(w) => format!("a new number or time limit: {w}"),
            Change::Removed(w) => format!("a number or time limit taken out: {w}"),
            Change::To(a, b) => format!("a number or time limit changes: {b} where it said {a}"),
        },
        "route or scope" => match change {
            Change::Added(w) => format!("what a route covers changes: it now says {w}"),
            Change::Removed(w) => format!("what a route covers changes: it no longer says {w}"),
            Change::To(a, b) => format!("what a route covers changes: {b} where it said {a}"),
        },
        "split" => match change {
            Change::To(a, b) => format!("clause {a} split into {b}"),
            _ => format!("split: {what}"),
        },
        "merged" => match change {
            Change::To(a, b) => format!("clauses {a} merged into {b}"),
            _ => format!("merged: {what}"),
        },
        _ => part.to_string(),
    }
}

/// What a note says happened to its words.
enum Change<'a> {
    Added(&'a str),
    Removed(&'a str),
    To(&'a str, &'a str),
}

impl<'a> Change<'a> {
    fn of(what: &'a str) -> Change<'a> {
        if let Some((a, b)) = what.split_once(" -> ") {
            Change::To(a, b)
        } else if let Some(w) = what.strip_suffix(" added") {
            Change::Added(w)
        } else if let Some(w) = what.strip_suffix(" removed") {
            Change::Removed(w)
        } else {
            Change::Added(what)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_in_plain_words() {
        assert_eq!(
            plain_reason(
                "duty or right: \u{201c}will\u{201d} added; route or scope: \u{201c}informal\u{201d} removed"
            ),
            "A new duty or right: \u{201c}will\u{201d}; what a route covers changes: it no longer says \u{201c}informal\u{201d}"
        );
        assert_eq!(
            plain_reason("role: Monitoring Officer -> Chief Executive"),
            "A different person is responsible: Chief Executive, not Monitoring Officer"
        );
        assert_eq!(
            plain_reason("renumbered 3.3 -> 3.5"),
            "Renumbered from 3.3 to 3.5"
        );
        assert_eq!(plain_reason("clause added"), "A new clause");
        assert_eq!(
            plain_reason("gender-neutral language; renumbered 1 -> 2"),
            "Wording made gender-neutral; renumbered from 1 to 2"
        );
        for r in ["role: a -> b", "number or period: “5” -> “10”", "wording"] {
            let p = plain_reason(r);
            assert!(!p.contains("->") && !p.contains("or period"), "{p}");
        }
    }
}
