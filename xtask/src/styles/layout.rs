//! Lays a document out as text in one house style, and says what a careful reader finds in it.
//!
//! The text is written in two steps: first as logical blocks (a heading, a labelled paragraph,
//! an item, a contents entry), then as lines, where wrapping, hyphenation, justification, page
//! furniture and the loss of line breaks are applied the way extraction tools apply them.

use concord_model::{Clause, Document, Item, Section};

use super::expect::{ExpClause, ExpItem, ExpSection, Expected};
use super::{Case, ClauseForm, Contents, Furniture, HeadingForm, ItemForm, Style};

/// One logical block of the laid-out text.
#[derive(Debug, Clone)]
enum Block {
    /// A line that is never wrapped (a heading, a contents entry, furniture, debris).
    Line(String),
    /// A paragraph: the label (if any), then its text, wrapped as one.
    Para {
        label: Option<String>,
        text: String,
        indent: usize,
    },
    /// A label alone on its line, its text on the next.
    LabelLine(String),
    /// A blank line.
    Blank,
}

/// The text of `doc` in `style`, and what must be read back from it; `None` when the style
/// cannot carry the document (lettered clauses for a document with sub-clauses, say).
pub fn lay_out(doc: &Document, style: &Style) -> Option<(String, Expected)> {
    let numbered = doc.clauses().iter().any(|c| c.label.is_some());
    if !applicable(doc, style, numbered) {
        return None;
    }
    let mut blocks = Vec::new();
    if style.web {
        for l in [
            "Skip to main content",
            "Home",
            "Your council",
            "Policies and procedures",
            "Contact us",
            "Home > Your council > Policies and procedures > Councillors and officers",
        ] {
            blocks.push(Block::Line(l.to_string()));
        }
        blocks.push(Block::Blank);
    }
    let title = doc
        .meta
        .title
        .clone()
        .unwrap_or_else(|| "Protocol on Member and Officer Relations".to_string());
    if let Some(c) = &doc.meta.council {
        blocks.push(Block::Line(c.clone()));
        blocks.push(Block::Blank);
    }
    blocks.push(Block::Line(title.clone()));
    blocks.push(Block::Blank);
    if let Some(a) = &doc.meta.adopted {
        blocks.push(Block::Line(format!("Adopted by the Council on {a}")));
        blocks.push(Block::Blank);
    }
    let mut cx = Cx {
        style,
        numbered,
        flat: 0,
        blocks: Vec::new(),
    };
    let mut exp = Expected {
        title: Some(title),
        sections: Vec::new(),
    };
    let mut position = 0;
    for s in &doc.sections {
        position += 1;
        exp.sections.push(cx.section(s, position));
    }
    contents(doc, style, &mut blocks);
    // Text that lost its line breaks lost them in its body; the lines above it (title,
    // council, adoption) stand apart, as in the documents seen.
    if style.one_line {
        let front = lines(
            &blocks,
            &Style {
                one_line: false,
                ..*style
            },
        );
        return Some((format!("{front}\n{}", lines(&cx.blocks, style)), exp));
    }
    blocks.append(&mut cx.blocks);
    if style.web {
        blocks.push(Block::Line("Back to top".into()));
        blocks.push(Block::Blank);
    }
    Some((lines(&blocks, style), exp))
}

fn applicable(doc: &Document, style: &Style, numbered: bool) -> bool {
    let deep = doc.clauses().iter().any(|c| !c.clauses.is_empty());
    let subsections = doc.sections.iter().any(|s| !s.sections.is_empty());
    let paragraphs_in_numbered = numbered && doc.clauses().iter().any(|c| c.label.is_none());
    let unnumbered_top = numbered && doc.sections.iter().any(|s| s.number.is_none());
    let heading_numbered = style.heading.numbered();
    let fits = match style.clause {
        // Position numbering runs over paragraphs; a document whose paragraphs are not all
        // clauses, or whose clauses nest, has no one position for each.
        ClauseForm::Flat | ClauseForm::Flattened => {
            !(heading_numbered || deep || paragraphs_in_numbered)
        }
        ClauseForm::Lettered => {
            numbered
                && !deep
                && !paragraphs_in_numbered
                && !subsections
                && heading_numbered
                && doc.sections.iter().all(|s| s.clauses.len() <= 26)
        }
        ClauseForm::Paren => numbered && !deep,
        _ => true,
    };
    if !fits {
        return false;
    }
    if numbered && unnumbered_top {
        return false;
    }
    // Sub-headings are told from headings by their type: capitals above title case.
    if subsections && !heading_numbered && !matches!(style.heading, HeadingForm::Caps) {
        return false;
    }
    // Wrapped without blank lines, paragraphs that carry no number show where they end only
    // by a short last line; one whose last line is nearly full runs into the next, for any
    // reader. Such a document is not laid out so.
    if !style.blank_lines && style.wrap.is_some() && doc.clauses().iter().any(|c| c.label.is_none())
    {
        return false;
    }
    // Without line breaks, only numbers can show where headings and clauses start.
    if style.one_line && (!numbered || !heading_numbered || subsections) {
        return false;
    }
    // An unnumbered document has no clause numbers to print in another style.
    if !numbered && !matches!(style.clause, ClauseForm::Dotted) {
        return false;
    }
    true
}

struct Cx<'a> {
    style: &'a Style,
    numbered: bool,
    /// The last number given by continuous position numbering.
    flat: usize,
    blocks: Vec<Block>,
}

impl Cx<'_> {
    fn section(&mut self, s: &Section, position: usize) -> ExpSection {
        let style = self.style;
        // The number the heading shows: the section's own, or its position in a document
        // without numbers.
        let number = if style.heading.numbered() {
            Some(s.number.clone().unwrap_or_else(|| position.to_string()))
        } else {
            None
        };
        let heading = case(&s.heading, style.case);
        self.heading(number.as_deref(), &heading, true);
        let mut exp = ExpSection {
            number: number.clone(),
            heading: s.heading.clone(),
            ..ExpSection::default()
        };
        // Lettered clauses and paragraph numbering restart in each section.
        let mut k = 0;
        for c in &s.clauses {
            k += 1;
            exp.clauses.push(self.clause(c, number.as_deref(), k));
        }
        for sub in &s.sections {
            // Sub-headings stay unnumbered, in title case under capitals.
            self.heading(None, &sub.heading, false);
            let mut e = ExpSection {
                number: None,
                heading: sub.heading.clone(),
                ..ExpSection::default()
            };
            for c in &sub.clauses {
                k += 1;
                e.clauses.push(self.clause(c, number.as_deref(), k));
            }
            exp.sections.push(e);
        }
        exp
    }

    fn heading(&mut self, number: Option<&str>, text: &str, top: bool) {
        let style = self.style;
        let b = &mut self.blocks;
        if !top {
            b.push(Block::Line(text.to_string()));
            b.push(Block::Blank);
            return;
        }
        match (style.heading, number) {
            (HeadingForm::Dot, Some(n)) => b.push(Block::Line(format!("{n}. {text}"))),
            (HeadingForm::NoDot, Some(n)) => b.push(Block::Line(format!("{n} {text}"))),
            (HeadingForm::Tab, Some(n)) => b.push(Block::Line(format!("{n}\t{text}"))),
            (HeadingForm::Section, Some(n)) => {
                b.push(Block::Line(format!("Section {n}: {text}")));
            }
            (HeadingForm::LineBefore, Some(n)) => {
                b.push(Block::Line(format!("{n}.")));
                b.push(Block::Line(text.to_string()));
            }
            (HeadingForm::Glued, Some(n)) => b.push(Block::Line(format!("{n}.{text}"))),
            (HeadingForm::Bold, Some(n)) => b.push(Block::Line(format!("**{n}. {text}**"))),
            (HeadingForm::Underlined, _) => {
                b.push(Block::Line(text.to_string()));
                b.push(Block::Line("-".repeat(text.chars().count().min(60))));
            }
            _ => b.push(Block::Line(text.to_string())),
        }
        b.push(Block::Blank);
    }

    /// Writes a clause (and its sub-clauses) and returns what must be read back.
    fn clause(&mut self, c: &Clause, section: Option<&str>, k: usize) -> ExpClause {
        let style = self.style;
        let numbered_clause = c.label.is_some() && self.numbered;
        let (label, id) = if !numbered_clause {
            (None, None)
        } else {
            match style.clause {
                ClauseForm::Dotted | ClauseForm::LabelLine | ClauseForm::Marker => {
                    (Some(c.id.clone()), Some(c.id.clone()))
                }
                ClauseForm::DottedDot => (Some(format!("{}.", c.id)), Some(c.id.clone())),
                ClauseForm::Wide => (Some(format!("{}\t", c.id)), Some(c.id.clone())),
                ClauseForm::Bold => (Some(format!("**{}**", c.id)), Some(c.id.clone())),
                ClauseForm::Paren => {
                    let (a, b) = c.id.split_once('.').unwrap_or((&c.id, "1"));
                    (Some(format!("{a}({b})")), Some(c.id.clone()))
                }
                ClauseForm::Flat => {
                    self.flat += 1;
                    let n = self.flat;
                    (Some(format!("{n}.")), Some(n.to_string()))
                }
                // Numbered by position through the document, as a careful reader counts them.
                ClauseForm::Flattened => {
                    self.flat += 1;
                    (Some("1.".into()), Some(self.flat.to_string()))
                }
                ClauseForm::Lettered => {
                    let letter = (b'a' + (k as u8 - 1)) as char;
                    let s = section.unwrap_or("1");
                    (Some(format!("({letter})")), Some(format!("{s}.{k}")))
                }
            }
        };
        let mut paras = c.text.split("\n\n");
        let first = paras.next().unwrap_or("");
        let first = strip_notes(first);
        match (style.clause, &label) {
            (ClauseForm::LabelLine, Some(l)) => {
                self.blocks.push(Block::LabelLine(l.clone()));
                self.para(None, &first, 0);
            }
            (ClauseForm::Marker, Some(l)) => self.para(Some(format!("- {l}")), &first, 0),
            _ => self.para(label.clone(), &first, 0),
        }
        let mut text = first.clone();
        for p in paras {
            let p = strip_notes(p);
            self.para(None, &p, 0);
            text.push_str("\n\n");
            text.push_str(&p);
        }
        let items = self.items(&c.items, 0, style.items);
        let mut exp = ExpClause {
            id,
            text,
            items,
            clauses: Vec::new(),
        };
        for sub in &c.clauses {
            exp.clauses.push(self.clause(sub, section, k));
        }
        exp
    }

    fn para(&mut self, label: Option<String>, text: &str, indent: usize) {
        if text.trim().is_empty() && label.is_none() {
            return;
        }
        self.blocks.push(Block::Para {
            label,
            text: text.to_string(),
            indent,
        });
        if self.style.blank_lines {
            self.blocks.push(Block::Blank);
        }
    }

    fn items(&mut self, list: &[Item], depth: usize, form: ItemForm) -> Vec<ExpItem> {
        let mut out = Vec::new();
        let mut n = 0;
        for i in list {
            let text = strip_notes(&i.text);
            let label = match (&i.label, form) {
                (None, _) => None,
                (Some(l), ItemForm::Keep) => Some(l.clone()),
                (Some(_), f) => {
                    n += 1;
                    Some(f.label(n))
                }
            };
            let printed = match label.as_deref() {
                Some("•") => Some(form.bullet().to_string()),
                other => other.map(str::to_string),
            };
            match &printed {
                Some(p) => self.para(Some(p.clone()), &text, depth * 4 + 2),
                None => {
                    if !self.style.blank_lines {
                        self.blocks.push(Block::Blank);
                    }
                    self.para(None, &text, depth * 4);
                }
            }
            // A nested list is labelled in the next family, so its labels differ from its parent's.
            let sub_depth = if i.label.is_none() { depth } else { depth + 1 };
            let sub_form = if i.label.is_none() {
                form
            } else {
                form.nested()
            };
            let items = self.items(&i.items, sub_depth, sub_form);
            out.push(ExpItem { label, text, items });
        }
        if !self.style.blank_lines && !list.is_empty() {
            self.blocks.push(Block::Blank);
        }
        out
    }
}

impl ItemForm {
    fn label(self, n: usize) -> String {
        let letter = (b'a' + ((n - 1) % 26) as u8) as char;
        match self {
            ItemForm::Keep => unreachable!("kept labels are not made"),
            ItemForm::Bullet(_) => "•".to_string(),
            ItemForm::ParenLetter => format!("({letter})"),
            ItemForm::CloseLetter => format!("{letter})"),
            ItemForm::DotLetter => format!("{letter}."),
            ItemForm::Roman => format!("({})", roman(n)),
        }
    }

    fn bullet(self) -> &'static str {
        match self {
            ItemForm::Bullet(b) => b,
            _ => "•",
        }
    }

    fn nested(self) -> ItemForm {
        match self {
            ItemForm::Keep => ItemForm::Keep,
            ItemForm::Roman => ItemForm::ParenLetter,
            _ => ItemForm::Roman,
        }
    }
}

fn roman(n: usize) -> String {
    const R: &[(usize, &str)] = &[(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")];
    let mut n = n;
    let mut out = String::new();
    for &(v, s) in R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// Footnote references out: a plain-text extraction keeps them as stray digits, which this
/// matrix does not model.
fn strip_notes(s: &str) -> String {
    super::expect::norm(
        s,
        super::expect::Compare {
            ignore_hyphens: false,
        },
    )
}

fn case(s: &str, c: Case) -> String {
    match c {
        Case::Keep => s.to_string(),
        Case::Upper => s.to_uppercase(),
        Case::Sentence => {
            let lower = s.to_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(f) => f.to_uppercase().chain(chars).collect(),
                None => lower,
            }
        }
    }
}

fn contents(doc: &Document, style: &Style, blocks: &mut Vec<Block>) {
    if style.contents == Contents::None {
        return;
    }
    if style.contents != Contents::Plain {
        blocks.push(Block::Line("Contents".into()));
        blocks.push(Block::Blank);
    }
    for (i, s) in doc.sections.iter().enumerate() {
        let n = s.number.clone().unwrap_or_else(|| (i + 1).to_string());
        let page = 2 + i / 3;
        let heading = case(&s.heading, style.case);
        let line = match style.contents {
            Contents::None => unreachable!("handled above"),
            Contents::Leaders if style.heading.numbered() => {
                format!("{n}. {heading} {} {page}", ".".repeat(12))
            }
            Contents::Leaders => format!("{heading} {} {page}", ".".repeat(12)),
            Contents::Tabs => format!("{heading}\t{page}"),
            Contents::Plain if style.heading.numbered() => format!("{n}. {heading}"),
            Contents::Plain => heading,
            Contents::SectionPages => format!("Section {n}: {heading}   {page}"),
        };
        blocks.push(Block::Line(line));
    }
    blocks.push(Block::Blank);
}

/// The blocks as lines: wrapped, hyphenated, justified, with furniture at page breaks, or all
/// on one line.
fn lines(blocks: &[Block], style: &Style) -> String {
    let mut out: Vec<String> = Vec::new();
    for b in blocks {
        match b {
            Block::Line(l) | Block::LabelLine(l) => out.push(l.clone()),
            Block::Blank => {
                if out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
            }
            Block::Para {
                label,
                text,
                indent,
            } => {
                let pad = " ".repeat(*indent);
                let head = match label {
                    Some(l) if l.ends_with('\t') => format!("{pad}{l}"),
                    Some(l) => format!("{pad}{l} "),
                    None => pad.clone(),
                };
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                match style.wrap {
                    None => out.push(format!("{head}{text}")),
                    Some(w) => out.extend(wrap(&head, &text, w, style)),
                }
            }
        }
    }
    if style.one_line {
        let all: Vec<&str> = out
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect();
        return format!("{}\n", all.join(" "));
    }
    let out = furnish(out, style);
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// Wraps one paragraph at `width`, its first line starting with `head`.
fn wrap(head: &str, text: &str, width: usize, style: &Style) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = head.to_string();
    let mut words: Vec<String> = text.split(' ').map(str::to_string).collect();
    words.reverse();
    while let Some(w) = words.pop() {
        let len = cur.chars().count();
        let fits = len + w.chars().count() < width;
        let empty = cur.trim().is_empty() || cur == head;
        if fits || empty {
            cur.push_str(&w);
            cur.push(' ');
            continue;
        }
        // Hyphenate a long word of letters that would leave a wide gap.
        let room = width.saturating_sub(len + 1);
        if style.hyphenate
            && w.chars().count() >= 8
            && w.chars().all(char::is_alphabetic)
            && room >= 4
        {
            let take = room.min(w.chars().count() - 3);
            let (a, b): (String, String) = (
                w.chars().take(take).collect(),
                w.chars().skip(take).collect(),
            );
            cur.push_str(&a);
            cur.push('-');
            lines.push(cur.trim_end().to_string());
            cur = String::new();
            words.push(b);
            continue;
        }
        lines.push(cur.trim_end().to_string());
        cur = String::new();
        words.push(w);
    }
    if !cur.trim().is_empty() {
        lines.push(cur.trim_end().to_string());
    }
    if style.justify {
        let n = lines.len();
        for l in lines.iter_mut().take(n.saturating_sub(1)) {
            *l = justify(l, width);
        }
    }
    lines
}

/// Spaces widened, from the left, until the line is `width` wide.
fn justify(line: &str, width: usize) -> String {
    let lead = line.len() - line.trim_start().len();
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() < 3 {
        return line.to_string();
    }
    let len: usize = words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len() - 1;
    let mut extra = width.saturating_sub(len + lead).min(words.len() * 2);
    let mut out = " ".repeat(lead);
    for (i, w) in words.iter().enumerate() {
        out.push_str(w);
        if i + 1 < words.len() {
            out.push(' ');
            if extra > 0 {
                out.push(' ');
                extra -= 1;
            }
        }
    }
    out
}

/// Page furniture every [`PAGE`] lines: a footer, then a header, as extraction leaves them
/// between the pages' text (a page break may fall inside a paragraph).
fn furnish(lines: Vec<String>, style: &Style) -> Vec<String> {
    const PAGE: usize = 38;
    if style.furniture == Furniture::None {
        return lines;
    }
    let pages = lines.len() / PAGE + 1;
    let mut out = Vec::with_capacity(lines.len() + pages * 4);
    let mut page = 1;
    for (i, l) in lines.into_iter().enumerate() {
        if i > 0 && i % PAGE == 0 {
            let footer = match style.furniture {
                Furniture::None => unreachable!("handled above"),
                Furniture::PageOf => format!("Page {page} of {pages}"),
                Furniture::Bilingual => format!("Tudalen {page} | Page {page}"),
                Furniture::Running => format!("{page}"),
                Furniture::CouncilYear => {
                    format!("Anytown Parish Council - Protocol 2024   Page {page} of {pages}")
                }
            };
            page += 1;
            out.push(String::new());
            out.push(footer);
            out.push(String::new());
            if style.furniture == Furniture::Running {
                out.push("Protocol on Member and Officer Relations".into());
                out.push(String::new());
            }
        }
        out.push(l);
    }
    out
}
