//! What a careful reader finds in a re-laid document, and how a reading is compared with it.
//!
//! The expected structure is the source document's, passed through the style's numbering
//! (a style that numbers every paragraph `1.` expects the numbers their positions give) and
//! item labels. Texts are compared with whitespace collapsed (a style may remove line and
//! paragraph breaks) and, for styles that hyphenate at line ends, without hyphens (a word split
//! at a line end and a compound cannot be told apart without a dictionary).

use concord_model::{Clause, Document, Item, Section};

#[derive(Debug, Clone, Default)]
pub struct Expected {
    pub title: Option<String>,
    pub sections: Vec<ExpSection>,
}

#[derive(Debug, Clone, Default)]
pub struct ExpSection {
    pub number: Option<String>,
    pub heading: String,
    pub clauses: Vec<ExpClause>,
    pub sections: Vec<ExpSection>,
}

#[derive(Debug, Clone, Default)]
pub struct ExpClause {
    /// The id the reader must give, or `None` for a paragraph whose id is synthetic.
    pub id: Option<String>,
    pub text: String,
    pub items: Vec<ExpItem>,
    pub clauses: Vec<ExpClause>,
}

#[derive(Debug, Clone, Default)]
pub struct ExpItem {
    pub label: Option<String>,
    pub text: String,
    pub items: Vec<ExpItem>,
}

/// How texts are compared.
#[derive(Debug, Clone, Copy)]
pub struct Compare {
    pub ignore_hyphens: bool,
}

/// Text as compared: footnote references out, whitespace collapsed, and hyphens out when asked.
pub fn norm(s: &str, cmp: Compare) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("[^") {
        out.push_str(&rest[..i]);
        match rest[i..].find(']') {
            Some(end) => rest = &rest[i + end + 1..],
            None => {
                rest = &rest[i..];
                break;
            }
        }
    }
    out.push_str(rest);
    let out: String = if cmp.ignore_hyphens {
        out.chars().filter(|&c| c != '-').collect()
    } else {
        out
    };
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn fold_heading(s: &str) -> String {
    s.trim()
        .trim_end_matches(':')
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The differences between what was read and what was expected, in reading order (empty when
/// the document read back exactly).
pub fn compare(exp: &Expected, doc: &Document, cmp: Compare) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = &exp.title
        && doc.meta.title.as_deref().map(fold_heading) != Some(fold_heading(t))
    {
        out.push(format!(
            "title: read {:?}, expected {t:?}",
            doc.meta.title.as_deref().unwrap_or("")
        ));
    }
    sections(&exp.sections, &doc.sections, "", cmp, &mut out);
    out
}

fn sections(exp: &[ExpSection], got: &[Section], at: &str, cmp: Compare, out: &mut Vec<String>) {
    if exp.len() != got.len() {
        out.push(format!(
            "{at}: {} section(s) read, {} expected: read [{}], expected [{}]",
            got.len(),
            exp.len(),
            got.iter()
                .map(|s| heading_of(s.number.as_deref(), &s.heading))
                .collect::<Vec<_>>()
                .join(" | "),
            exp.iter()
                .map(|s| heading_of(s.number.as_deref(), &s.heading))
                .collect::<Vec<_>>()
                .join(" | "),
        ));
        return;
    }
    for (e, g) in exp.iter().zip(got) {
        let here = format!("{at}§{}", heading_of(e.number.as_deref(), &e.heading));
        if e.number != g.number || fold_heading(&e.heading) != fold_heading(&g.heading) {
            out.push(format!(
                "{here}: read as section {:?}",
                heading_of(g.number.as_deref(), &g.heading)
            ));
            continue;
        }
        clauses(&e.clauses, &g.clauses, &here, cmp, out);
        sections(&e.sections, &g.sections, &format!("{here} "), cmp, out);
    }
}

fn heading_of(number: Option<&str>, heading: &str) -> String {
    match number {
        Some(n) => format!("{n} {heading}"),
        None => heading.to_string(),
    }
}

fn clauses(exp: &[ExpClause], got: &[Clause], at: &str, cmp: Compare, out: &mut Vec<String>) {
    if exp.len() != got.len() {
        out.push(format!(
            "{at}: {} clause(s) read [{}], {} expected [{}]",
            got.len(),
            got.iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            exp.len(),
            exp.iter()
                .map(|c| c.id.as_deref().unwrap_or("¶"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        return;
    }
    for (e, g) in exp.iter().zip(got) {
        let here = format!("{at} {}", e.id.as_deref().unwrap_or(&g.id));
        match &e.id {
            // A number given by position: the label must carry it.
            Some(id) if id.starts_with('#') => {
                let digits: String = g
                    .label
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .filter(char::is_ascii_digit)
                    .collect();
                if digits != id[1..] {
                    out.push(format!("{here}: read as clause {} ({:?})", g.id, g.label));
                    continue;
                }
            }
            Some(id) if *id != g.id => {
                out.push(format!("{here}: read as clause {}", g.id));
                continue;
            }
            None if g.label.is_some() => {
                out.push(format!(
                    "{here}: an unnumbered paragraph read as clause {}",
                    g.id
                ));
                continue;
            }
            _ => {}
        }
        let (et, gt) = (norm(&e.text, cmp), norm(&g.text, cmp));
        if et != gt {
            out.push(format!("{here}: text {}", first_difference(&et, &gt)));
        }
        items(&e.items, &g.items, &here, cmp, out);
        clauses(&e.clauses, &g.clauses, &here, cmp, out);
    }
}

fn items(exp: &[ExpItem], got: &[Item], at: &str, cmp: Compare, out: &mut Vec<String>) {
    if exp.len() != got.len() {
        out.push(format!(
            "{at}: {} item(s) read [{}], {} expected [{}]",
            got.len(),
            got.iter()
                .map(|i| i.label.as_deref().unwrap_or("¶"))
                .collect::<Vec<_>>()
                .join(" "),
            exp.len(),
            exp.iter()
                .map(|i| i.label.as_deref().unwrap_or("¶"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        return;
    }
    for (e, g) in exp.iter().zip(got) {
        let here = format!("{at} {}", e.label.as_deref().unwrap_or("¶"));
        if e.label != g.label {
            out.push(format!(
                "{here}: item labelled {:?}",
                g.label.as_deref().unwrap_or("")
            ));
        }
        let (et, gt) = (norm(&e.text, cmp), norm(&g.text, cmp));
        if et != gt {
            out.push(format!("{here}: item text {}", first_difference(&et, &gt)));
        }
        items(&e.items, &g.items, &here, cmp, out);
    }
}

/// Where two texts part, quoted around that place.
fn first_difference(exp: &str, got: &str) -> String {
    let at = exp
        .char_indices()
        .zip(got.chars())
        .find(|((_, a), b)| a != b)
        .map(|((i, _), _)| i)
        .unwrap_or_else(|| exp.len().min(got.len()));
    let from = exp[..at].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let clip = |s: &str| -> String { s.get(from..).unwrap_or("").chars().take(70).collect() };
    format!("read {:?}, expected {:?}", clip(got), clip(exp))
}
