//! How the document is numbered and laid out, decided once for the whole document.
//!
//! Every line's possible labels are collected first (`labels`): dotted numbers, bare numbers,
//! numbers glued to their text or alone on their line, `3(1)`, `Section 3:`, item labels. Then
//! the document's scheme is chosen from all of them together: which labels number the headings
//! (`1. Purpose`, `Section 1:`, `# 1 Purpose`), which number the clauses (`1.1`, `1(1)`, `1.`
//! through the document, every paragraph printed `1.` by a web page, `(a)` under a heading),
//! and which are items. Then the clause sequence that is most consistent as a whole is chosen
//! by dynamic programming over the candidates: a label that continues the numbering is taken
//! even where the line before runs on (`...the annual work programme` / `4.2 Each councillor`),
//! and one that would break it is read as text (`3.5 per cent` at the start of a wrapped line),
//! whatever comes first. Headings without numbers are told by their type and where they stand,
//! and their levels by the types the document uses.
//!
//! The result is a [`Plan`]: a role for the lines that start headings and clauses, the scheme
//! in words, and the places where the reader had to choose (for `concord ingest --explain`).

use std::collections::HashSet;

use concord_model::{ClauseId, Code, Diagnostic, Severity};

use crate::labels::{self, ItemKind, Label, SingleForm, Start};
use crate::meta;
use crate::prepare::{Line, LineKind, heading_key, strip_marks};
use crate::text::{ends_sentence, is_caps, is_title_case, starts_upper};

/// How a heading was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// `## Heading`, with its level.
    Atx(usize),
    /// `3. ACCESS TO INFORMATION`, `Section 3: Access to information`
    Numbered,
    /// `GENERAL PRINCIPLES`
    Caps,
    /// `Officers' Attendance at Political Group Meetings`, `Working with the press`
    Title,
}

/// What the plan decided a line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// A heading, with its number, text, type and level (1 for a section, 2 for a sub-section).
    Heading {
        number: Option<String>,
        text: String,
        style: HeadingStyle,
        level: usize,
    },
    /// The start of a numbered clause; `text` is its first line after the label (empty when the
    /// label stands alone and its text is on the next line).
    Clause {
        id: ClauseId,
        previous: Option<ClauseId>,
        printed: Option<String>,
        text: String,
    },
    /// Taken into the line before (a heading's text after its number alone on a line).
    Skip,
    /// The text of a clause whose label stood alone on the line before.
    Continue,
    /// A paragraph of its own (a line of front matter: a title, a council's name).
    Para,
    /// A paragraph of the text, starting here.
    Text,
    /// An approval, version or review line, for the meta.
    Meta,
}

/// The document's layout as the reader decided it.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// For every line (by index into the prepared lines), its role where the plan decided one.
    pub roles: Vec<Option<Role>>,
    /// The scheme, in words.
    pub scheme: Scheme,
    /// Each place where the reader had to choose, with its line, in words.
    pub notes: Vec<(u32, String)>,
    /// Clauses numbered with single numbers that repeat (each section starting again at 1):
    /// their ids are qualified by their section.
    pub qualify_single: bool,
}

/// The numbering scheme chosen, in words a Monitoring Officer can follow (the items are
/// described from the document the reader makes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scheme {
    pub headings: String,
    pub clauses: String,
}

/// How the plan reads its lines.
#[derive(Debug, Clone, Copy)]
pub struct Mode {
    /// `#` lines are headings (Markdown, and the line form of the Word and PDF readers).
    pub atx: bool,
}

/// One body line, as the plan sees it.
#[derive(Debug)]
struct Info<'a> {
    /// Index into the prepared lines.
    i: usize,
    no: u32,
    text: &'a str,
    start: Start<'a>,
    after_blank: bool,
    /// The line before ends a sentence, or is a heading-like line, or there is none.
    prev_ends: bool,
    /// A blank line (or the end) follows.
    standalone: bool,
    /// A rule (`----`) follows: the line is underlined.
    underlined: bool,
    /// The line before ends with a colon: it introduces a list.
    after_lead_in: bool,
    /// The line before visibly runs on (a comma, a hyphen, a word no sentence ends on).
    after_open: bool,
    /// The line before is short and unpunctuated, as a heading in sentence case is.
    after_short: bool,
    /// The next line carries this one's sentence on (no blank line, a lower-case start).
    next_lower: bool,
}

impl Info<'_> {
    /// At the start of a block: after a blank line, a finished sentence or a heading, or with
    /// a list marker.
    fn strong(&self) -> bool {
        self.after_blank || self.prev_ends || self.after_short || self.start.marker
    }
}

/// What a candidate would be if taken.
#[derive(Debug, Clone, PartialEq)]
enum Interp {
    Heading(u32),
    Clause {
        path: Vec<u32>,
        previous: Option<Vec<u32>>,
    },
}

impl Interp {
    fn path(&self) -> Vec<u32> {
        match self {
            Interp::Heading(n) => vec![*n],
            Interp::Clause { path, .. } => path.clone(),
        }
    }
}

/// A line that may number the document, with the ways it could.
#[derive(Debug)]
struct Event {
    /// Index into `infos`.
    info: usize,
    /// What taking it is worth, per interpretation.
    options: Vec<(Interp, f32)>,
    /// What leaving it as text costs.
    reject: f32,
    /// The first text of the heading or clause (from the next line for a label alone).
    text: String,
    /// The label stood alone: its text is the next body line (an index into `infos`).
    next_text: Option<usize>,
    printed: Option<String>,
    /// A heading's number as printed, where it is not its value (`IV`).
    number: Option<String>,
    certain: bool,
}

/// How many candidates back a chain may reach in one step; further back costs a restart.
const WINDOW: usize = 24;

/// Decides the layout of `lines`.
pub fn plan(
    lines: &[Line<'_>],
    contents: &HashSet<String>,
    mode: Mode,
    diags: &mut Vec<Diagnostic>,
) -> Plan {
    let infos = infos(lines);
    let mut plan = Plan {
        roles: vec![None; lines.len()],
        ..Plan::default()
    };
    let scheme = choose_scheme(&infos, mode);
    let events = events(&infos, &scheme, mode);
    let chosen = chains(&events, scheme.restarts);
    let mut taken = vec![false; events.len()];
    for &(e, k) in &chosen {
        taken[e] = true;
        let ev = &events[e];
        let info = &infos[ev.info];
        let (interp, _) = &ev.options[k];
        match interp {
            Interp::Heading(n) => {
                plan.roles[info.i] = Some(Role::Heading {
                    number: Some(ev.number.clone().unwrap_or_else(|| n.to_string())),
                    text: ev.text.clone(),
                    style: if ev.certain {
                        HeadingStyle::Atx(1)
                    } else {
                        HeadingStyle::Numbered
                    },
                    level: 1,
                });
                if let Some(next) = ev.next_text {
                    plan.roles[infos[next].i] = Some(Role::Skip);
                }
            }
            Interp::Clause { path, previous } => {
                let id = ClauseId::from_parts(path.clone());
                let previous = previous.clone().map(ClauseId::from_parts);
                if let Some(old) = &previous {
                    diags.push(Diagnostic::new(
                        Code::TrackedChange,
                        Severity::Info,
                        info.no,
                        format!(
                            "label {:?} read as clause {old} renumbered {id} under tracked changes",
                            label_text(info)
                        ),
                    ));
                }
                // A label alone: its text is the next line, read as the clause's continuation.
                let text = if ev.next_text.is_some() {
                    String::new()
                } else {
                    ev.text.clone()
                };
                plan.roles[info.i] = Some(Role::Clause {
                    id,
                    previous,
                    printed: ev.printed.clone(),
                    text,
                });
                if let Some(next) = ev.next_text {
                    plan.roles[infos[next].i] = Some(Role::Continue);
                }
            }
        }
    }
    explain_chain(&infos, &events, &chosen, &taken, &mut plan, diags);
    // A number alone on its line that the numbering had no place for is a page number.
    for (k, info) in infos.iter().enumerate() {
        if plan.roles[info.i].is_none()
            && info.text.len() <= 3
            && info.text.bytes().all(|b| b.is_ascii_digit())
            && infos.get(k + 1).is_some_and(|n| !n.after_blank)
        {
            plan.roles[info.i] = Some(Role::Skip);
            diags.push(Diagnostic::new(
                Code::PageFurniture,
                Severity::Info,
                info.no,
                format!("removed a page number: {}", crate::quoted(info.text)),
            ));
        }
    }
    // Unnumbered ATX headings are headings whatever the numbering.
    for info in &infos {
        if plan.roles[info.i].is_none()
            && mode.atx
            && let Some((level, inner)) = atx(info.text)
            && number_of(&inner).is_none()
        {
            plan.roles[info.i] = Some(Role::Heading {
                number: None,
                text: inner,
                style: HeadingStyle::Atx(level),
                level: 0,
            });
        }
    }
    if scheme.flattened_headings {
        number_flattened_headings(&infos, &mut plan);
    }
    lettered_sections(&infos, &mut plan);
    let flattened = flattened(&infos, &scheme, &plan);
    unnumbered_headings(&infos, contents, &flattened, &mut plan);
    // Headings head text: a document in which every line would be a heading, with no text under
    // any of them, is a document of short paragraphs.
    if !infos.is_empty()
        && infos
            .iter()
            .all(|info| matches!(plan.roles[info.i], Some(Role::Heading { number: None, .. })))
    {
        for info in &infos {
            plan.roles[info.i] = Some(Role::Text);
        }
    }
    front_and_back_matter(&infos, &mut plan);
    number_flattened(&infos, &flattened, &mut plan, diags);
    // Single numbers that start again under each numbered heading are that section's
    // paragraphs: `1.` under heading 2 is 2.1.
    if scheme.restarts {
        let mut section: Option<u32> = None;
        for info in &infos {
            match &mut plan.roles[info.i] {
                Some(Role::Heading { number, .. }) => {
                    section = number.as_deref().and_then(|n| n.parse().ok());
                }
                Some(Role::Clause { id, printed, .. }) if id.depth() == 1 => {
                    if let Some(s) = section {
                        *id = ClauseId::from_parts(vec![s, id.parts()[0]]);
                        *printed = None;
                    }
                }
                _ => {}
            }
        }
    }
    set_levels(&infos, &mut plan);
    // Single numbers that repeat are qualified by their section.
    let mut seen = HashSet::new();
    for r in plan.roles.iter().flatten() {
        if let Role::Clause { id, .. } = r
            && id.depth() == 1
            && !seen.insert(id.clone())
        {
            plan.qualify_single = true;
        }
    }
    plan.scheme = describe(&scheme, &plan);
    plan
}

/// The body lines with what the plan needs to know of each.
fn infos<'a>(lines: &[Line<'a>]) -> Vec<Info<'a>> {
    let mut out: Vec<Info<'a>> = Vec::new();
    let mut after_blank = true;
    let mut prev: Option<&str> = None;
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Blank | LineKind::Contents => {
                after_blank = true;
                continue;
            }
            LineKind::Furniture => continue,
            LineKind::Body => {}
        }
        let rest = &lines[i + 1..];
        let next = rest.iter().find(|l| l.kind != LineKind::Furniture);
        let standalone =
            next.is_none_or(|l| matches!(l.kind, LineKind::Blank | LineKind::Contents));
        let underlined = lines.get(i + 1).is_some_and(|l| is_underline(l.text));
        let next_lower = next.is_some_and(|l| {
            l.kind == LineKind::Body
                && crate::text::starts_lower(l.text)
                && labels::start(l.text).label.is_none()
        });
        let prev_ends = prev.is_none_or(|p| ends_sentence(p) || heading_like_line(p));
        // A table row's first cell is not a label ("13.05.2025" in a version table).
        let start = if labels::table_row(line.text).is_some() {
            Start {
                marker: false,
                label: None,
                rest: line.text.into(),
            }
        } else {
            labels::start(line.text)
        };
        out.push(Info {
            i,
            no: line.no,
            text: line.text,
            start,
            after_blank,
            prev_ends,
            standalone,
            underlined,
            after_lead_in: prev.is_some_and(|p| p.trim_end_matches(['*', ' ']).ends_with(':')),
            next_lower,
            after_open: prev.is_some_and(|p| !ends_sentence(p) && crate::text::ends_open(p)),
            after_short: prev.is_some_and(|p| {
                p.split_whitespace().count() <= 8
                    && starts_upper(&labels::start(p).rest)
                    && !p.ends_with([',', ';', '-', '–'])
                    && !crate::text::ends_open(p)
            }),
        });
        after_blank = false;
        prev = Some(line.text);
    }
    out
}

fn is_underline(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 3 && (t.bytes().all(|b| b == b'-') || t.bytes().all(|b| b == b'='))
}

/// A short title-like line (a document title or heading without a blank line after it) ends
/// its "paragraph" as surely as a full stop.
fn heading_like_line(p: &str) -> bool {
    p.chars().count() <= 80 && !p.ends_with([',', '-']) && (is_caps(p) || is_title_case(p))
}

/// Text that reads as a heading: short, starting with a capital, not ending as a sentence or
/// a clause does.
fn heading_like(s: &str) -> bool {
    let s = strip_marks(s);
    let s = s.trim();
    let n = s.chars().count();
    let words = s.split_whitespace().count();
    n > 0
        && n <= 100
        && words <= 14
        && starts_upper(s)
        && !s.ends_with(['.', ',', ';', ':'])
        && (is_caps(s) || is_title_case(s) || words <= 9)
}

/// `## 2 Heading` → (2, "2 Heading").
fn atx(t: &str) -> Option<(usize, String)> {
    let level = t.bytes().take_while(|&c| c == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &t[level..];
    if !(rest.starts_with(' ') || rest.is_empty()) {
        return None;
    }
    Some((level, strip_marks(t)))
}

/// The number a heading's text starts with: `2 Heading`, `2. Heading`, `Section 2: Heading`.
fn number_of(inner: &str) -> Option<(u32, String)> {
    let s = labels::start(inner);
    match s.label {
        Some(Label::Single(n, SingleForm::Dot | SingleForm::Bare | SingleForm::Glued))
        | Some(Label::Word { n, .. }) => Some((n, s.rest.trim().to_string())),
        _ => None,
    }
}

/// How the document numbers itself, from all its candidates together.
#[derive(Debug, Default)]
struct Chosen {
    /// The word of `Section N:` headings, when they are the headings.
    heading_word: Option<&'static str>,
    /// Single numbers with heading text are headings.
    single_headings: bool,
    /// Single numbers with sentence text are clauses (`1.` through the document).
    single_clauses: bool,
    /// Each section starts its single numbers again at 1.
    restarts: bool,
    /// Every numbered paragraph is printed `1.` (a web page's lists, flattened).
    flattened: bool,
    /// Capital roman numerals number the headings (`I. INTRODUCTION`).
    roman_headings: bool,
    /// `1) Purpose` may be a heading: dotted clauses number the document.
    close_headings: bool,
    /// Capital letters number the headings (`A. INTRODUCTION`).
    letter_headings: bool,
    /// The headings too are all printed `1.`: numbered by place.
    flattened_headings: bool,
    /// How many dotted clause numbers start a block.
    dotted: usize,
}

fn choose_scheme(infos: &[Info<'_>], mode: Mode) -> Chosen {
    let mut c = Chosen::default();
    let mut words: Vec<(&'static str, usize)> = Vec::new();
    let mut roman = 0;
    let mut letters = 0;
    let mut singles_head = 0;
    let mut head_ones = 0;
    let mut singles_sent = Vec::new();
    let mut single_numbers = HashSet::new();
    // The first numbers of the dotted clauses: `1) Purpose` is a heading where clauses 1.1,
    // 1.2 follow, an item of a list elsewhere.
    let dotted_firsts: HashSet<u32> = infos
        .iter()
        .filter_map(|info| match &info.start.label {
            Some(Label::Dotted(p)) if info.strong() => Some(p[0]),
            _ => None,
        })
        .collect();
    c.close_headings = dotted_firsts.len() >= 2;
    for (k, info) in infos.iter().enumerate() {
        let text = effective_text(infos, k);
        match &info.start.label {
            Some(Label::Dotted(_)) if info.strong() => c.dotted += 1,
            Some(Label::Word { word, .. }) if heads(infos, k, &text) || text.is_empty() => {
                match words.iter_mut().find(|(w, _)| w == word) {
                    Some((_, n)) => *n += 1,
                    None => words.push((word, 1)),
                }
            }
            // `Paragraph 4 The Chief Executive...`: a numbered paragraph.
            Some(Label::Word { n, .. }) if info.strong() => singles_sent.push(*n),
            Some(Label::Roman { .. }) if info.strong() && heads(infos, k, &text) => roman += 1,
            Some(Label::Letter { .. }) if info.strong() && heads(infos, k, &text) => letters += 1,
            Some(Label::Single(n, form)) if info.strong() && !info.start.marker => {
                if (*form != SingleForm::Close || c.close_headings) && heads(infos, k, &text) {
                    singles_head += 1;
                    head_ones += usize::from(*n == 1);
                    single_numbers.insert(*n);
                } else {
                    singles_sent.push(*n);
                }
            }
            _ => {}
        }
        if mode.atx
            && let Some((_, inner)) = atx(info.text)
            && let Some((n, _)) = number_of(&inner)
        {
            single_numbers.insert(n);
            singles_head += 1;
        }
    }
    words.sort_by_key(|&(w, n)| (std::cmp::Reverse(n), w));
    if let Some(&(w, n)) = words.first()
        && (n >= 2 || (n == 1 && singles_head == 0))
    {
        c.heading_word = Some(w);
    }
    c.roman_headings = roman >= 2 && c.heading_word.is_none();
    // `A.`, `B.`, ... number the headings (an `I.` among them is the ninth letter).
    c.letter_headings = letters >= 2 && c.heading_word.is_none();
    if c.letter_headings {
        c.roman_headings = false;
    }
    c.single_headings = singles_head >= 1
        && (singles_head >= 2 || single_numbers.iter().any(|n| dotted_firsts.contains(n)));
    // Every numbered paragraph printed `1.`: numbered by place, not by the labels.
    let ones = singles_sent.iter().filter(|&&n| n == 1).count();
    c.flattened = c.dotted < 2 && ones >= 3 && ones >= 3 * (singles_sent.len() - ones).max(1);
    // Sentences numbered with single numbers are clauses where the dotted numbers do not
    // already number the clauses.
    c.single_clauses = !c.flattened && singles_sent.len() >= 2 && c.dotted < singles_sent.len();
    // Headings printed `1.` as well, every one of them.
    if c.flattened && head_ones >= 3 && head_ones == singles_head {
        c.flattened_headings = true;
        c.single_headings = false;
    }
    if c.single_clauses {
        let mut prev = 0;
        let mut restarts = 0;
        for &n in &singles_sent {
            if n == 1 && prev >= 1 {
                restarts += 1;
            }
            prev = n;
        }
        c.restarts = restarts >= 1;
    }
    c
}

/// The text a label introduces: the rest of its line, or the next line when the label stands
/// alone.
fn effective_text(infos: &[Info<'_>], k: usize) -> String {
    let info = &infos[k];
    if info.start.rest.trim().is_empty()
        && let Some(next) = infos.get(k + 1)
        && next.start.label.is_none()
    {
        return next.text.to_string();
    }
    info.start.rest.to_string()
}

/// Whether a label's text runs on to the next line (a wrapped sentence, not a heading).
fn runs_on(infos: &[Info<'_>], k: usize) -> bool {
    let info = &infos[k];
    if info.start.rest.trim().is_empty()
        && let Some(next) = infos.get(k + 1)
        && next.start.label.is_none()
    {
        return next.next_lower;
    }
    info.next_lower
}

/// A label's text that reads as a heading: heading-like, and not running on to the next line.
fn heads(infos: &[Info<'_>], k: usize, text: &str) -> bool {
    heading_like(text) && !runs_on(infos, k)
}

/// The candidates that may number the document, with the ways each could.
fn events(infos: &[Info<'_>], c: &Chosen, mode: Mode) -> Vec<Event> {
    let mut out = Vec::new();
    for (k, info) in infos.iter().enumerate() {
        let alone = info.start.rest.trim().is_empty();
        let next_text = (alone
            && infos
                .get(k + 1)
                .is_some_and(|n| n.start.label.is_none() && !n.text.starts_with('#')))
        .then_some(k + 1);
        let text = match next_text {
            Some(n) => infos[n].text.to_string(),
            None => info.start.rest.to_string(),
        };
        let strong = info.strong();
        // Markdown headings: certain.
        if mode.atx
            && let Some((_, inner)) = atx(info.text)
        {
            if let Some((n, rest)) = number_of(&inner) {
                out.push(Event {
                    info: k,
                    options: vec![(Interp::Heading(n), 20.0)],
                    reject: 20.0,
                    text: rest,
                    next_text: None,
                    printed: None,
                    number: None,
                    certain: true,
                });
            }
            continue;
        }
        let clause_score = if strong { 3.0 } else { 1.2 };
        let (options, reject, printed) = match &info.start.label {
            Some(Label::Dotted(p)) => {
                let mut options = vec![(
                    Interp::Clause {
                        path: p.clone(),
                        previous: None,
                    },
                    clause_score,
                )];
                // Tracked renumbering leaves the old and new numbers run together: `3.3.5` is
                // old 3.3, now 3.5; `3.4.3.6` is old 3.4, now 3.6.
                let split = match p.len() {
                    3 => Some((vec![p[0], p[1]], vec![p[0], p[2]])),
                    4 if p[0] == p[2] => Some((vec![p[0], p[1]], vec![p[2], p[3]])),
                    _ => None,
                };
                if let Some((old, new)) = split
                    && old != new
                {
                    options.push((
                        Interp::Clause {
                            path: new,
                            previous: Some(old),
                        },
                        clause_score - 0.1,
                    ));
                }
                (options, if strong { 1.5 } else { 0.0 }, None)
            }
            Some(Label::Paren {
                n, sub, printed, ..
            }) => (
                vec![(
                    Interp::Clause {
                        path: vec![*n, *sub],
                        previous: None,
                    },
                    clause_score,
                )],
                if strong { 1.5 } else { 0.0 },
                Some(printed.clone()),
            ),
            Some(Label::Word { word, n, .. })
                if Some(*word) == c.heading_word && (heads(infos, k, &text) || text.is_empty()) =>
            {
                (vec![(Interp::Heading(*n), 3.0)], 0.5, None)
            }
            Some(Label::Roman { n, .. }) if c.roman_headings && heads(infos, k, &text) => {
                (vec![(Interp::Heading(*n), 3.0)], 0.5, None)
            }
            Some(Label::Letter { n, .. }) if c.letter_headings && heads(infos, k, &text) => {
                (vec![(Interp::Heading(*n), 3.0)], 0.5, None)
            }
            // `I.` among lettered headings is the letter I.
            Some(Label::Roman { printed, .. })
                if c.letter_headings && printed.len() == 1 && heads(infos, k, &text) =>
            {
                let n = u32::from(printed.as_bytes()[0] - b'A') + 1;
                (vec![(Interp::Heading(n), 3.0)], 0.5, None)
            }
            // `Paragraph 4 The Chief Executive...`: a numbered paragraph, where paragraphs are
            // numbered so.
            Some(Label::Word { n, .. }) if c.single_clauses && strong => (
                vec![(
                    Interp::Clause {
                        path: vec![*n],
                        previous: None,
                    },
                    clause_score,
                )],
                1.0,
                Some(format!("{n}.")),
            ),
            Some(Label::Single(n, form)) if !info.start.marker => {
                let head =
                    (*form != SingleForm::Close || c.close_headings) && heads(infos, k, &text);
                if head && c.single_headings {
                    let score = if info.standalone || strong { 3.0 } else { 1.0 };
                    (vec![(Interp::Heading(*n), score)], 0.5, None)
                } else if c.single_clauses && strong {
                    (
                        vec![(
                            Interp::Clause {
                                path: vec![*n],
                                previous: None,
                            },
                            clause_score,
                        )],
                        1.0,
                        Some(format!("{n}.")),
                    )
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        let number = match &info.start.label {
            Some(Label::Word { roman, .. }) => roman.clone(),
            Some(Label::Roman { printed, .. } | Label::Letter { printed, .. }) => {
                Some(printed.clone())
            }
            _ => None,
        };
        out.push(Event {
            info: k,
            options,
            reject,
            text,
            next_text,
            printed,
            number,
            certain: false,
        });
    }
    out
}

/// The cost of going from heading number `last` to heading number `n`; `None` when it cannot
/// follow.
fn heading_transition(last: Option<u32>, n: u32) -> Option<f32> {
    match last {
        None => Some(0.5 * (n.saturating_sub(1)).min(6) as f32),
        Some(l) if n == l.saturating_add(1) => Some(0.0),
        Some(l) if n > l.saturating_add(1) && n <= l.saturating_add(4) => Some((n - l - 1) as f32),
        _ => None,
    }
}

/// Where a clause candidate stands relative to the headings the chain of headings took.
#[derive(Debug, Clone, Copy, Default)]
struct Context {
    /// The number of the last numbered heading before it.
    section: Option<u32>,
    /// How many numbered headings come before it (a change means a heading between two
    /// clauses).
    headings: usize,
}

/// The cost of going from clause `last` to clause `p`; `None` when it cannot follow. `new`
/// says a numbered heading stands between them (`section` is its number).
fn clause_transition(
    last: Option<&[u32]>,
    p: &[u32],
    section: Option<u32>,
    new: bool,
    restarts: bool,
) -> Option<f32> {
    if p.len() == 1 {
        // Single numbers run on through the document, over headings, or start again after
        // each heading where the document does so.
        let n = p[0];
        return match last {
            Some(l) if l.len() == 1 && n == l[0].saturating_add(1) => Some(0.0),
            Some(l) if n == 1 && (new || restarts) && l.len() <= 2 => {
                Some(if restarts { 0.2 } else { 1.0 })
            }
            Some(l) if n > l[0].saturating_add(1) && n <= l[0].saturating_add(4) => {
                Some((n - l[0] - 1) as f32)
            }
            Some(l) if l.len() >= 2 && n == l[0].saturating_add(1) => Some(0.0),
            Some(_) => None,
            None => Some(0.5 * n.saturating_sub(1).min(6) as f32),
        };
    }
    if (new || last.is_none())
        && let Some(s) = section
    {
        // The first clause under a numbered heading.
        if p[0] == s {
            return Some(match p {
                [_, 1] => 0.0,
                [_, k] if *k <= 4 => k.saturating_sub(1) as f32,
                _ => 1.5,
            });
        }
        // Clause numbers that do not follow the headings' (a part of a constitution
        // numbered 8.51...) still run on from the clause before.
        return clause_transition(last, p, None, false, restarts).map(|c| c + 1.0);
    }
    let Some(l) = last else {
        // The first number of the document.
        return Some(match p {
            [1, 1] => 0.0,
            [_, 1] => 0.5,
            _ => 2.0,
        });
    };
    let parent_is = |a: &[u32], b: &[u32]| a.len() + 1 == b.len() && b.starts_with(a);
    // First child (`2.8` then `2.8.1`; `1.` then `1.1`).
    if parent_is(l, p) && p[p.len() - 1] == 1 {
        return Some(0.0);
    }
    // Next sibling of the last or of one of its ancestors (below the top level).
    for depth in (2..=l.len()).rev() {
        let anc = &l[..depth];
        if p.len() == depth && p[..depth - 1] == anc[..depth - 1] {
            let (a, b) = (anc[depth - 1], p[depth - 1]);
            if b == a.saturating_add(1) {
                return Some(0.0);
            }
            if b > a.saturating_add(1) && b <= a.saturating_add(4) {
                return Some((b - a - 1) as f32);
            }
        }
    }
    // The first clause of the next section, without its heading.
    if p.len() == 2 && p[0] == l[0].saturating_add(1) {
        let heading_expected = if section.is_some() { 0.7 } else { 0.3 };
        return Some(heading_expected + p[1].saturating_sub(1).min(4) as f32);
    }
    // A first clause that is not numbered 1 (`3.2` straight after `3.`).
    if parent_is(l, p) && p[p.len() - 1] <= 4 {
        return Some(p[p.len() - 1].saturating_sub(1) as f32);
    }
    None
}

/// The chain of candidates (event, option) that numbers the document most consistently, over
/// the events `keep` admits. `trans(from, to)` is the cost of taking `to` (an event and option)
/// after `from` (or first, when `from` is `None`), `None` when it cannot follow.
fn best_chain(
    events: &[Event],
    keep: impl Fn(&Interp) -> bool,
    trans: impl Fn(Option<(usize, &Interp)>, (usize, &Interp)) -> Option<f32>,
) -> Vec<(usize, usize)> {
    // Nodes: every admitted option of every event, in order.
    let nodes: Vec<(usize, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(e, ev)| {
            ev.options
                .iter()
                .enumerate()
                .filter(|(_, (i, _))| keep(i))
                .map(move |(k, _)| (e, k))
        })
        .collect();
    if nodes.is_empty() {
        return Vec::new();
    }
    // What leaving every admitted event before each one as text costs.
    let mut prefix = Vec::with_capacity(events.len() + 1);
    prefix.push(0.0f32);
    for ev in events {
        let admitted = ev.options.iter().any(|(i, _)| keep(i));
        prefix.push(prefix[prefix.len() - 1] + if admitted { ev.reject } else { 0.0 });
    }
    let interp = |v: usize| &events[nodes[v].0].options[nodes[v].1].0;
    let at = |v: usize| (nodes[v].0, interp(v));
    let score = |v: usize| events[nodes[v].0].options[nodes[v].1].1;
    let mut best = vec![f32::NEG_INFINITY; nodes.len()];
    let mut back: Vec<Option<usize>> = vec![None; nodes.len()];
    // The best node so far that is out of the window, for a long step back.
    let mut far: Option<usize> = None;
    let mut far_value = f32::NEG_INFINITY;
    let mut far_edge = 0;
    for v in 0..nodes.len() {
        let ev = nodes[v].0;
        // Nodes leaving the window join the far candidates.
        while far_edge < v && nodes[far_edge].0 + WINDOW < ev {
            let value = best[far_edge] + prefix[nodes[far_edge].0 + 1];
            if value > far_value {
                far_value = value;
                far = Some(far_edge);
            }
            far_edge += 1;
        }
        let mut b = -prefix[ev] - trans(None, at(v)).unwrap_or(4.0);
        let mut from = None;
        for u in far_edge..v {
            if nodes[u].0 >= ev {
                break;
            }
            if let Some(cost) = trans(Some(at(u)), at(v)) {
                let value = best[u] - (prefix[ev] - prefix[nodes[u].0 + 1]) - cost;
                if value > b {
                    b = value;
                    from = Some(u);
                }
            }
        }
        if let Some(u) = far {
            let cost = trans(Some(at(u)), at(v)).unwrap_or(4.0);
            let value = far_value - prefix[ev] - cost;
            if value > b {
                b = value;
                from = Some(u);
            }
        }
        best[v] = b + score(v);
        back[v] = from;
    }
    let total = prefix[events.len()];
    let mut end = None;
    let mut end_value = -total;
    for v in 0..nodes.len() {
        let value = best[v] - (total - prefix[nodes[v].0 + 1]);
        if value > end_value {
            end_value = value;
            end = Some(v);
        }
    }
    let mut chain = Vec::new();
    while let Some(v) = end {
        chain.push(nodes[v]);
        end = back[v];
    }
    chain.reverse();
    chain
}

/// The headings' chain first (headings number the document's parts, and are few and plain),
/// then the clauses' chain in the light of it.
fn chains(events: &[Event], restarts: bool) -> Vec<(usize, usize)> {
    let is_heading = |i: &Interp| matches!(i, Interp::Heading(_));
    let headings = best_chain(events, is_heading, |from, (_, to)| {
        let Interp::Heading(n) = to else { return None };
        let last = from.and_then(|(_, i)| match i {
            Interp::Heading(m) => Some(*m),
            Interp::Clause { .. } => None,
        });
        heading_transition(last, *n)
    });
    // Each event's place among the headings taken.
    let mut context = vec![Context::default(); events.len()];
    let mut cx = Context::default();
    let mut next = headings.iter().peekable();
    for (e, slot) in context.iter_mut().enumerate() {
        while let Some(&&(h, k)) = next.peek() {
            if h > e {
                break;
            }
            if let Interp::Heading(n) = events[h].options[k].0 {
                cx.section = Some(n);
                cx.headings += 1;
            }
            next.next();
        }
        *slot = cx;
    }
    let clauses = best_chain(
        events,
        |i| matches!(i, Interp::Clause { .. }),
        |from, (e, to)| {
            let Interp::Clause { path, .. } = to else {
                return None;
            };
            let cx = context[e];
            match from {
                None => clause_transition(None, path, cx.section, cx.section.is_some(), restarts),
                Some((u, from)) => {
                    let Interp::Clause { path: last, .. } = from else {
                        return None;
                    };
                    let new = context[u].headings != cx.headings;
                    clause_transition(Some(last), path, cx.section, new, restarts)
                }
            }
        },
    );
    let mut all: Vec<(usize, usize)> = headings.into_iter().chain(clauses).collect();
    all.sort_unstable();
    all
}

fn label_text(info: &Info<'_>) -> String {
    let rest = info.start.rest.len();
    let t = strip_marks(info.text);
    let cut = t.len().saturating_sub(rest);
    t[..cut.min(t.len())].trim().to_string()
}

/// Notes (and diagnostics where the choice was close) for the candidates the chain took
/// against the look of their line, and the ones it left.
fn explain_chain(
    infos: &[Info<'_>],
    events: &[Event],
    chosen: &[(usize, usize)],
    taken: &[bool],
    plan: &mut Plan,
    diags: &mut Vec<Diagnostic>,
) {
    let mut prev_taken: Option<usize> = None;
    let taken_at: Vec<usize> = chosen.iter().map(|&(e, _)| e).collect();
    for (e, ev) in events.iter().enumerate() {
        let info = &infos[ev.info];
        if taken[e] {
            if !info.strong() {
                let id = ev.options[chosen.iter().find(|(x, _)| *x == e).map_or(0, |c| c.1)]
                    .0
                    .path();
                let id = ClauseId::from_parts(id);
                let note = format!(
                    "line {}: {} starts clause {id} although the line before does not end a sentence: the numbering runs on through it",
                    info.no,
                    crate::quoted(&clip(info.text))
                );
                diags.push(Diagnostic::new(
                    Code::ReadingChoice,
                    Severity::Info,
                    info.no,
                    note.split_once(": ")
                        .map_or(note.clone(), |x| x.1.to_string()),
                ));
                plan.notes.push((info.no, note));
            }
            prev_taken = Some(e);
            continue;
        }
        if ev.reject >= 1.0 && !ev.certain {
            let after = prev_taken
                .map(|p| {
                    let ev = &events[p];
                    let k = chosen.iter().find(|(x, _)| *x == p).map_or(0, |c| c.1);
                    format!(
                        "{} (line {})",
                        ClauseId::from_parts(ev.options[k].0.path()),
                        infos[ev.info].no
                    )
                })
                .unwrap_or_else(|| "the start of the document".to_string());
            let next = taken_at.iter().find(|&&t| t > e).map(|&t| {
                let k = chosen.iter().find(|(x, _)| *x == t).map_or(0, |c| c.1);
                format!(
                    " and before {} (line {})",
                    ClauseId::from_parts(events[t].options[k].0.path()),
                    infos[events[t].info].no
                )
            });
            let note = format!(
                "line {}: {} is not read as a numbered clause: it does not continue the numbering after {after}{}",
                info.no,
                crate::quoted(&clip(info.text)),
                next.unwrap_or_default()
            );
            diags.push(Diagnostic::new(
                Code::ReadingChoice,
                Severity::Info,
                info.no,
                note.split_once(": ")
                    .map_or(note.clone(), |x| x.1.to_string()),
            ));
            plan.notes.push((info.no, note));
        }
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(50).collect();
    if s.chars().count() > 50 {
        out.push('…');
    }
    out
}

/// The lines before the first section (a title, the council's name, approval, version and
/// review lines, a constitution's part title) are each a line of their own, and none of them a
/// section; approval lines after the last clause are for the meta too.
fn front_and_back_matter(infos: &[Info<'_>], plan: &mut Plan) {
    let front_like = |t: &str| {
        if is_table_row(t) {
            return false;
        }
        let t = strip_marks(t);
        meta::approval(&t).is_some()
            || !meta::councils_in(&t).is_empty()
            || (names_protocol(&t) && t.split_whitespace().count() <= 20)
    };
    // The first heading or clause that is not front matter starts the body; it cannot come
    // before the protocol's own title (a constitution's "Part 5" and "Section 8 of this Part"
    // stand above it).
    let first_clause = infos
        .iter()
        .position(|info| matches!(plan.roles[info.i], Some(Role::Clause { .. })))
        .unwrap_or(infos.len());
    let title = infos[..first_clause].iter().position(|info| {
        let t = strip_marks(info.text);
        names_protocol(&t)
            && t.split_whitespace().count() <= 20
            && !t.ends_with(['.', ';', ','])
            && meta::approval(&t).is_none()
    });
    let start = infos.iter().enumerate().position(|(k, info)| {
        title.is_none_or(|t| k > t)
            && match &plan.roles[info.i] {
                Some(
                    Role::Clause { .. }
                    | Role::Heading {
                        number: Some(_), ..
                    },
                ) => true,
                Some(Role::Heading {
                    number: None, text, ..
                }) => !front_like(text),
                _ => false,
            }
    });
    if let Some(start) = start {
        for info in &infos[..start] {
            let t = strip_marks(info.text);
            let short = t.split_whitespace().count() <= 16 && !t.ends_with(['.', ';', ',']);
            if !is_table_row(info.text) && meta::approval(&t).is_some() && info.strong() {
                plan.roles[info.i] = Some(Role::Meta);
            } else if matches!(plan.roles[info.i], Some(Role::Heading { .. }))
                || (plan.roles[info.i].is_none() && (front_like(&t) || (info.strong() && short)))
            {
                plan.roles[info.i] = Some(Role::Para);
            }
        }
    }
    // Approval lines at the end, after the last clause (read as headings or not), with the
    // minute references that go with them.
    for info in infos.iter().rev() {
        let t = strip_marks(info.text);
        let free = matches!(
            plan.roles[info.i],
            None | Some(Role::Heading { number: None, .. })
        );
        let approval = info.strong() && meta::approval(&t).is_some();
        let minute = t.split_whitespace().count() <= 8 && {
            let lower = t.to_lowercase();
            lower.contains("minute") || lower.contains("resolution")
        };
        if free && !is_table_row(info.text) && (approval || minute) {
            plan.roles[info.i] = Some(Role::Meta);
        } else {
            break;
        }
    }
}

/// A row of a table (tab-separated or piped): never front matter, whatever its cells say.
fn is_table_row(t: &str) -> bool {
    t.contains('\t') || t.starts_with('|')
}

/// A line that names a protocol (or a code of practice on relations).
fn names_protocol(t: &str) -> bool {
    let lower = t.to_lowercase();
    (lower.contains("protocol")
        || lower.contains("relations")
        || lower.contains("code of practice"))
        && !lower.contains("this protocol")
}

/// Lettered, numbered or roman paragraphs directly under a numbered heading, with no
/// numbered clause in the section, are the section's clauses: `1(a)`, `1(b)`; `2(1)`, `2(2)`;
/// `3(i)`, `3(ii)`. Deeper labels of another kind stay their items.
fn lettered_sections(infos: &[Info<'_>], plan: &mut Plan) {
    let mut k = 0;
    while k < infos.len() {
        let Some(Role::Heading {
            number: Some(n), ..
        }) = &plan.roles[infos[k].i]
        else {
            k += 1;
            continue;
        };
        let Ok(section) = n.parse::<u32>() else {
            k += 1;
            continue;
        };
        // The section's lines: up to the next numbered heading.
        let mut end = k + 1;
        while end < infos.len()
            && !matches!(
                plan.roles[infos[end].i],
                Some(Role::Heading {
                    number: Some(_),
                    ..
                })
            )
        {
            end += 1;
        }
        let body: Vec<usize> = (k + 1..end)
            .filter(|&j| plan.roles[infos[j].i] != Some(Role::Skip))
            .collect();
        let has_clause = body
            .iter()
            .any(|&j| matches!(plan.roles[infos[j].i], Some(Role::Clause { .. })));
        // The kind of the first label, when it is the first of its kind.
        let kind = body.first().and_then(|&j| match &infos[j].start.label {
            Some(Label::Item { label, kind, .. }) if place_of(label, *kind) == Some(1) => {
                Some(*kind)
            }
            _ => None,
        });
        if let (false, Some(kind)) = (has_clause, kind) {
            let mut want = 1;
            for &j in &body {
                let info = &infos[j];
                // The first straight after its heading, the rest at the start of their lines.
                if let Some(Label::Item { label, .. }) = &info.start.label
                    && place_of(label, kind) == Some(want)
                    && (info.strong() || j == body[0])
                {
                    let inner = label
                        .trim_matches(|c| matches!(c, '(' | ')' | '.'))
                        .to_string();
                    plan.roles[info.i] = Some(Role::Clause {
                        id: ClauseId::from_parts(vec![section, want]),
                        previous: None,
                        printed: Some(format!("{section}({inner})")),
                        text: info.start.rest.to_string(),
                    });
                    want += 1;
                }
            }
            if want > 1 {
                plan.notes.push((
                    infos[k].no,
                    format!(
                        "line {}: the {} paragraphs under heading {section} are its clauses ({section}(...), {} of them)",
                        infos[k].no,
                        match kind {
                            ItemKind::Letter => "lettered",
                            ItemKind::Roman => "roman-numbered",
                            _ => "numbered",
                        },
                        want - 1
                    ),
                ));
            }
        }
        k = end;
    }
}

/// The place of an item label in its sequence, read as `kind`: `(c)` is 3 as a letter, `(iv)`
/// 4 as a roman numeral, `(2)` 2 as a number; `(i)` is 9 as a letter and 1 as a roman numeral.
fn place_of(label: &str, kind: ItemKind) -> Option<u32> {
    let inner = label.trim_matches(|c| matches!(c, '(' | ')' | '.'));
    match kind {
        ItemKind::Letter => {
            let mut cs = inner.chars();
            let c = cs.next()?;
            (cs.next().is_none() && c.is_ascii_lowercase()).then(|| u32::from(c as u8 - b'a') + 1)
        }
        ItemKind::Roman => labels::roman_value(inner),
        ItemKind::Number => inner.parse().ok(),
        ItemKind::Bullet => None,
    }
}

/// Lines printed `1.` by a web page or a Markdown converter that numbered every list entry
/// the same: the indices (into `infos`) of those lines, when the document is written so.
fn flattened(infos: &[Info<'_>], c: &Chosen, plan: &Plan) -> Vec<usize> {
    if !c.flattened {
        return Vec::new();
    }
    let ones: Vec<usize> = infos
        .iter()
        .enumerate()
        .filter(|(_, info)| {
            info.strong()
                && plan.roles[info.i].is_none()
                && matches!(
                    info.start.label,
                    Some(Label::Single(1, SingleForm::Dot | SingleForm::Close))
                )
                && !heading_like(&info.start.rest)
        })
        .map(|(k, _)| k)
        .collect();
    ones
}

/// Headings printed `1.` like every paragraph: numbered by their place (`1. Roles`, the second
/// such heading, is heading 2).
fn number_flattened_headings(infos: &[Info<'_>], plan: &mut Plan) {
    let mut n = 0;
    for (k, info) in infos.iter().enumerate() {
        if plan.roles[info.i].is_some() || info.start.marker {
            continue;
        }
        if let Some(Label::Single(1, SingleForm::Dot | SingleForm::Close)) = info.start.label
            && info.strong()
            && heading_like(&effective_text(infos, k))
        {
            n += 1;
            plan.roles[info.i] = Some(Role::Heading {
                number: Some(n.to_string()),
                text: effective_text(infos, k),
                style: HeadingStyle::Numbered,
                level: 1,
            });
        }
    }
    if n > 0 {
        plan.notes.push((
            infos[0].no,
            format!(
                "the headings are all printed \"1.\" too ({n} of them): numbered by their place"
            ),
        ));
    }
}

/// Numbers the flattened lines by their place: through the document (a careful reader counts
/// them so, and cross-references such as "paragraph 14" bear it out), or within each numbered
/// heading's section (`6.1`, `6.2` under heading 6).
fn number_flattened(
    infos: &[Info<'_>],
    flattened: &[usize],
    plan: &mut Plan,
    diags: &mut Vec<Diagnostic>,
) {
    if flattened.is_empty() {
        return;
    }
    let set: HashSet<usize> = flattened.iter().copied().collect();
    let mut n = 0;
    let mut section: Option<u32> = None;
    for (k, info) in infos.iter().enumerate() {
        if let Some(Role::Heading {
            number: Some(num), ..
        }) = &plan.roles[info.i]
        {
            section = num.parse().ok();
            n = 0;
            continue;
        }
        if set.contains(&k) {
            n += 1;
            let (id, printed) = match section {
                Some(s) => (ClauseId::from_parts(vec![s, n]), None),
                None => (ClauseId::from_parts(vec![n]), Some(format!("{n}."))),
            };
            plan.roles[info.i] = Some(Role::Clause {
                id,
                previous: None,
                printed,
                text: info.start.rest.to_string(),
            });
        }
    }
    let first = infos[flattened[0]].no;
    let message = format!(
        "every numbered paragraph is printed \"1.\" ({} of them), as a web page's lists come out of a text extraction: they are numbered by their place",
        flattened.len()
    );
    diags.push(Diagnostic::new(
        Code::RepeatedNumbering,
        Severity::Warning,
        first,
        message.clone(),
    ));
    plan.notes.push((first, format!("line {first}: {message}")));
}

/// Headings without numbers: a line on its own (or between a finished sentence and a new
/// block) that reads as a heading by its type, or that the contents list names.
fn unnumbered_headings(
    infos: &[Info<'_>],
    contents: &HashSet<String>,
    flattened: &[usize],
    plan: &mut Plan,
) {
    let flat: HashSet<usize> = flattened.iter().copied().collect();
    let marked = infos.iter().any(|info| atx(info.text).is_some());
    for (k, info) in infos.iter().enumerate() {
        // A line after a lead-in ("These principles are:") is the first entry of its list.
        if plan.roles[info.i].is_some()
            || flat.contains(&k)
            || info.start.marker
            || info.after_lead_in
        {
            continue;
        }
        // A line with a label that no heading has (an item, a clause number the chain left).
        if matches!(
            info.start.label,
            Some(Label::Item { .. } | Label::Dotted(_) | Label::Paren { .. })
        ) || info.text.starts_with('|')
            || info.text.starts_with("<sup>")
            || info.text.starts_with("[^")
        {
            continue;
        }
        // A heading is short (this runs on every line not yet given a role).
        if info.text.len() > 200 || info.text.ends_with(['.', ',', ';']) {
            continue;
        }
        let plain = strip_marks(info.text);
        let bare = plain.trim_end();
        let in_contents = !contents.is_empty() && {
            let key = heading_key(bare);
            !key.is_empty() && contents.contains(&key)
        };
        let words = bare.split_whitespace().count();
        let chars = bare.chars().count();
        let ends_bad = bare.ends_with(['.', ',', ';']) || (bare.ends_with(':') && !in_contents);
        // A heading neither ends on a word that needs more ("and", "the"), nor continues a line
        // that does.
        if ends_bad || chars == 0 || crate::text::ends_open(bare) || info.after_open {
            continue;
        }
        let caps = is_caps(bare) && chars <= 160;
        let title = is_title_case(bare) && words <= 10 && chars <= 80 && starts_upper(bare);
        let sentence = words <= 8 && chars <= 60 && starts_upper(bare);
        let next = infos.get(k + 1);
        // What follows starts a block of its own: a clause, a heading, a labelled line, or a
        // new paragraph after a blank line.
        let next_starts = next.is_none_or(|n| {
            matches!(
                plan.roles[n.i],
                Some(Role::Heading { .. } | Role::Clause { .. })
            ) || n.start.label.is_some()
                || n.start.marker
                || n.after_blank
        });
        let standalone = info.after_blank && info.standalone;
        let isolated = (info.prev_ends || info.after_blank)
            && next_starts
            && (caps || title || info.underlined);
        // Where the document marks its headings (`#`, as Markdown and the Word and PDF readers
        // write them), a sentence-case line is text: only capitals or title case, or the
        // contents list, make a heading of a line that is not marked.
        // Without blank lines, a short sentence-case line between a finished sentence and a
        // numbered paragraph is its heading.
        let numbered_next = next.is_some_and(|n| {
            matches!(
                n.start.label,
                Some(
                    Label::Single(..) | Label::Dotted(_) | Label::Paren { .. } | Label::Word { .. }
                )
            ) || matches!(plan.roles[n.i], Some(Role::Clause { .. }))
        });
        let sentence_heading =
            sentence && !marked && (standalone || (info.prev_ends && numbered_next));
        let typed = in_contents || caps || title || info.underlined || sentence_heading;
        // A sentence-case line on its own counts only when a block follows it.
        let sentence_ok = !sentence || caps || title || in_contents || next.is_some();
        if (standalone || isolated || sentence_heading || (info.underlined && info.prev_ends))
            && typed
            && sentence_ok
            && !bare.starts_with(['(', '"', '“', '['])
        {
            let style = if caps {
                HeadingStyle::Caps
            } else {
                HeadingStyle::Title
            };
            plan.roles[info.i] = Some(Role::Heading {
                number: None,
                text: clean_heading(bare),
                style,
                level: 0,
            });
        }
    }
}

fn clean_heading(s: &str) -> String {
    s.trim().trim_end_matches(':').trim().to_string()
}

/// Heading levels. A numbered heading is a section. An unnumbered heading is read by the
/// clauses that follow it: when they carry on the numbering of the section before (`2.5` after
/// `2.4`), it is a sub-heading of that section; when they start a new number (`3.1` after
/// `2.4`), it opens a section; two headings in a row are a section and its first sub-section.
/// Where no numbered clause tells, the headings' type does: the first type in rank (Markdown
/// levels, capitals, then title or sentence case) is a section and the rest sub-sections, and
/// beside numbered headings, a heading set no less strongly than they are is a section of its
/// own (a closing `REVIEW` after numbered sections), a weaker one a sub-section.
fn set_levels(infos: &[Info<'_>], plan: &mut Plan) {
    let rank = |style: HeadingStyle| match style {
        HeadingStyle::Atx(n) => n,
        HeadingStyle::Numbered => 0,
        HeadingStyle::Caps => 10,
        HeadingStyle::Title => 11,
    };
    // How the numbered headings' own text is set (capitals or not).
    let mut numbered_caps = 0usize;
    let mut numbered = 0usize;
    let mut unnumbered_top: Option<usize> = None;
    for r in plan.roles.iter().flatten() {
        if let Role::Heading {
            number,
            text,
            style,
            ..
        } = r
        {
            if number.is_some() {
                numbered += 1;
                numbered_caps += usize::from(is_caps(text));
            } else {
                let r = rank(*style);
                unnumbered_top = Some(unnumbered_top.map_or(r, |t| t.min(r)));
            }
        }
    }
    let numbered_rank = if numbered_caps * 2 > numbered { 10 } else { 11 };
    // Clause numbers that all share one first number (a constitution's section 8, numbered
    // 8.1 to 8.17 under its own headings) say nothing about the headings' levels.
    let firsts: HashSet<u32> = plan
        .roles
        .iter()
        .flatten()
        .filter_map(|r| match r {
            Role::Clause { id, .. } if id.depth() >= 2 => Some(id.parts()[0]),
            _ => None,
        })
        .collect();
    let clauses_tell = firsts.len() >= 2 || numbered > 0;
    // The first part of the next numbered clause after each line, scanning from the end.
    let mut next_clause: Vec<Option<u32>> = vec![None; infos.len()];
    let mut next = None;
    for (k, info) in infos.iter().enumerate().rev() {
        next_clause[k] = next;
        match &plan.roles[info.i] {
            Some(Role::Clause { id, .. }) if id.depth() >= 2 => next = Some(id.parts()[0]),
            // A numbered heading ends the reach of the clauses after it.
            Some(Role::Heading {
                number: Some(_), ..
            }) => next = None,
            _ => {}
        }
    }
    let mut context: Option<u32> = None;
    for (k, info) in infos.iter().enumerate() {
        let Some(role) = plan.roles[info.i].as_mut() else {
            continue;
        };
        match role {
            Role::Clause { id, .. } if id.depth() >= 2 => context = Some(id.parts()[0]),
            Role::Heading {
                number: Some(n),
                level,
                ..
            } => {
                *level = 1;
                context = n.parse().ok();
            }
            Role::Heading {
                number: None,
                style,
                level,
                ..
            } => {
                let r = rank(*style);
                let next = next_clause[k].filter(|_| clauses_tell);
                *level = match next {
                    Some(n) if context == Some(n) => 2,
                    Some(n) => {
                        context = Some(n);
                        1
                    }
                    None if numbered > 0 => {
                        if matches!(style, HeadingStyle::Atx(_)) || r > numbered_rank {
                            2
                        } else {
                            1
                        }
                    }
                    None if Some(r) == unnumbered_top => 1,
                    None => 2,
                };
            }
            _ => {}
        }
    }
}

/// The scheme in words.
fn describe(c: &Chosen, plan: &Plan) -> Scheme {
    let roles: Vec<&Role> = plan.roles.iter().flatten().collect();
    // Headings by level (a section or a sub-section), numbered or not, and by their type.
    let mut headings = Vec::new();
    for level in [1, 2] {
        let at: Vec<(bool, HeadingStyle)> = roles
            .iter()
            .filter_map(|r| match r {
                Role::Heading {
                    number,
                    style,
                    level: l,
                    ..
                } if *l == level => Some((number.is_some(), *style)),
                _ => None,
            })
            .collect();
        if at.is_empty() {
            continue;
        }
        let what = if level == 1 { "section" } else { "sub-section" };
        let numbered = at.iter().filter(|(n, _)| *n).count();
        let mut kinds = Vec::new();
        if numbered > 0 {
            kinds.push(
                match (c.heading_word, c.roman_headings, c.letter_headings) {
                    (Some(w), _, _) => format!("{numbered} numbered \"{w} 1\""),
                    (None, true, _) => format!("{numbered} numbered in roman numerals"),
                    (None, _, true) => format!("{numbered} lettered \"A.\""),
                    _ if c.flattened_headings => {
                        format!("{numbered} printed \"1.\" each, numbered by their place")
                    }
                    _ => format!("{numbered} numbered \"1.\""),
                },
            );
        }
        for (style, name) in [
            (HeadingStyle::Caps, "unnumbered, in capitals"),
            (HeadingStyle::Title, "unnumbered, in title or sentence case"),
        ] {
            let n = at.iter().filter(|(num, s)| !num && *s == style).count();
            if n > 0 {
                kinds.push(format!("{n} {name}"));
            }
        }
        let atx = at
            .iter()
            .filter(|(num, s)| !num && matches!(s, HeadingStyle::Atx(_)))
            .count();
        if atx > 0 {
            kinds.push(format!("{atx} unnumbered, marked as headings"));
        }
        headings.push(format!("{what} headings: {}", kinds.join(", ")));
    }
    let clauses: Vec<&Role> = roles
        .iter()
        .copied()
        .filter(|r| matches!(r, Role::Clause { .. }))
        .collect();
    let deep = clauses
        .iter()
        .filter(|r| matches!(r, Role::Clause { id, .. } if id.depth() >= 3))
        .count();
    let single = clauses
        .iter()
        .filter(|r| matches!(r, Role::Clause { id, .. } if id.depth() == 1))
        .count();
    let paren = clauses
        .iter()
        .filter(|r| matches!(r, Role::Clause { printed: Some(p), id, .. } if id.depth() == 2 && p.contains('(')))
        .count();
    let mut cl = Vec::new();
    if clauses.len() > single + paren {
        cl.push(format!(
            "{} numbered \"1.1\"{}",
            clauses.len() - single - paren,
            if deep > 0 {
                format!(" ({deep} of them sub-clauses such as \"1.1.1\")")
            } else {
                String::new()
            }
        ));
    }
    if paren > 0 {
        cl.push(format!("{paren} numbered \"1(1)\" or \"1(a)\""));
    }
    if single > 0 {
        cl.push(format!(
            "{single} numbered \"1.\", \"2.\"{}",
            if plan.qualify_single {
                ", starting again in each section"
            } else {
                " through the document"
            }
        ));
    }
    Scheme {
        headings: if headings.is_empty() {
            "none".into()
        } else {
            headings.join("; ")
        },
        clauses: if cl.is_empty() {
            "unnumbered paragraphs".into()
        } else {
            cl.join(", ")
        },
    }
}
