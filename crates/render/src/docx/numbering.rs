//! Word list numbering for the writer: one multilevel list for sections and clauses
//! (`1.` / `1.1` / `1.1.1`, restarting under each higher level), and for items (`(a)`, `a.`,
//! `(i)`, `(1)`, bullets) one list of its own per list of items, drawn in its label's shape and
//! starting at its first label. Each item list is an abstract list of its own rather than a
//! `w:num` restarting a shared one (`startOverride`): LibreOffice's Word 97-2003 export keeps
//! only the first item of such a restart in the new list, so a `.doc` made from our file read
//! `(i)`, `(i)`, `(ii)`. Labels are never typed into the text: Word and LibreOffice compute
//! them from `numbering.xml`.

use std::fmt::Write;

use super::xml::esc;

/// The `w:numId` of the section and clause list.
pub const CLAUSES: u32 = 1;
/// The clause list's `w:abstractNumId`.
const CLAUSES_ABSTRACT: u32 = 1;
/// Indent of clause text (twentieths of a point): 1.5 cm, which fits `10.10.10`.
pub const CLAUSE_INDENT: u32 = 851;
/// Further indent per item level: 1 cm.
pub const ITEM_INDENT: u32 = 567;

/// How an item label is drawn: `(a)` is lowerLetter with `(` and `)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    /// `decimal`, `lowerLetter`, `upperLetter`, `lowerRoman`, `upperRoman` or `bullet`.
    pub format: &'static str,
    pub prefix: String,
    pub suffix: String,
    /// The bullet glyph, for `bullet`.
    pub glyph: String,
}

/// An item label read as a shape and a value (`(c)` is lowerLetter 3).
pub fn parse_label(label: &str, roman_list: bool) -> Option<(Shape, u32)> {
    let start = label.find(|c: char| c.is_alphanumeric());
    let Some(start) = start else {
        let glyph = label.trim();
        return (!glyph.is_empty()).then(|| {
            (
                Shape {
                    format: "bullet",
                    prefix: String::new(),
                    suffix: String::new(),
                    glyph: glyph.to_string(),
                },
                1,
            )
        });
    };
    let rest = &label[start..];
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    let (prefix, core, suffix) = (&label[..start], &rest[..len], &rest[len..]);
    if prefix.chars().any(char::is_alphanumeric) || suffix.chars().any(char::is_alphanumeric) {
        return None;
    }
    let (format, value) = if core.bytes().all(|b| b.is_ascii_digit()) {
        ("decimal", core.parse().ok()?)
    } else if let Some(v) = roman(core).filter(|_| roman_list || core.len() > 1) {
        let f = if core.chars().all(|c| c.is_ascii_lowercase()) {
            "lowerRoman"
        } else {
            "upperRoman"
        };
        (f, v)
    } else if core.len() == 1 && core.chars().all(|c| c.is_ascii_alphabetic()) {
        let c = core.chars().next()?;
        if c.is_ascii_lowercase() {
            ("lowerLetter", u32::from(c) - u32::from('a') + 1)
        } else {
            ("upperLetter", u32::from(c) - u32::from('A') + 1)
        }
    } else {
        return None;
    };
    Some((
        Shape {
            format,
            prefix: prefix.to_string(),
            suffix: suffix.to_string(),
            glyph: String::new(),
        },
        value,
    ))
}

/// The value of a roman numeral (`xiv` is 14), either case; `None` when it is not one.
pub fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 8 {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if !(lower == s || s.to_ascii_uppercase() == s) {
        return None;
    }
    let val = |c: char| match c {
        'i' => Some(1),
        'v' => Some(5),
        'x' => Some(10),
        'l' => Some(50),
        'c' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = lower.chars().map(val).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|n| n > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    let total = u32::try_from(total).ok().filter(|t| *t > 0)?;
    // Only canonical numerals: `iiii` or `vx` are not labels.
    (to_roman(total) == lower).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ];
    let mut out = String::new();
    for &(v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The lists of one document, built while its body is written.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Item shapes, in order of first use.
    shapes: Vec<Shape>,
    /// Item lists: (numId, shape index, level, start). A list's abstractNumId is its numId.
    lists: Vec<(u32, usize, u32, u32)>,
}

impl Numbering {
    /// A new list of items of `shape` at item level `level` (0 for a clause's own items),
    /// starting at `start`. Returns its `w:numId`.
    pub fn list(&mut self, shape: &Shape, level: u32, start: u32) -> u32 {
        let k = match self.shapes.iter().position(|s| s == shape) {
            Some(k) => k,
            None => {
                self.shapes.push(shape.clone());
                self.shapes.len() - 1
            }
        };
        let num_id = self.lists.len() as u32 + 2;
        self.lists.push((num_id, k, level.min(8), start.max(1)));
        num_id
    }

    /// `word/numbering.xml`.
    pub fn xml(&self) -> String {
        let mut s = String::from(concat!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
            "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        ));
        // Sections and clauses: level 0 is the section heading's number, level 1 the clause.
        let _ = write!(
            s,
            "<w:abstractNum w:abstractNumId=\"{CLAUSES_ABSTRACT}\"><w:multiLevelType w:val=\"multilevel\"/>"
        );
        for lvl in 0..9u32 {
            let text: Vec<String> = (1..=lvl + 1).map(|k| format!("%{k}")).collect();
            let mut text = text.join(".");
            if lvl == 0 {
                text.push('.');
            }
            let (left, hanging) = if lvl <= 1 {
                (CLAUSE_INDENT, CLAUSE_INDENT)
            } else {
                (CLAUSE_INDENT * lvl, CLAUSE_INDENT)
            };
            let _ = write!(
                s,
                "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:suff w:val=\"tab\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"{left}\"/></w:tabs><w:ind w:left=\"{left}\" w:hanging=\"{hanging}\"/></w:pPr></w:lvl>"
            );
        }
        s.push_str("</w:abstractNum>");
        for &(num_id, k, level, start) in &self.lists {
            let shape = &self.shapes[k];
            let _ = write!(
                s,
                "<w:abstractNum w:abstractNumId=\"{num_id}\"><w:multiLevelType w:val=\"multilevel\"/>"
            );
            for lvl in 0..9u32 {
                let text = if shape.format == "bullet" {
                    esc(&shape.glyph)
                } else {
                    format!("{}%{}{}", esc(&shape.prefix), lvl + 1, esc(&shape.suffix))
                };
                let left = CLAUSE_INDENT + ITEM_INDENT * (lvl + 1);
                let first = if lvl == level { start } else { 1 };
                let _ = write!(
                    s,
                    "<w:lvl w:ilvl=\"{lvl}\"><w:start w:val=\"{first}\"/><w:numFmt w:val=\"{}\"/><w:suff w:val=\"tab\"/><w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:tabs><w:tab w:val=\"num\" w:pos=\"{left}\"/></w:tabs><w:ind w:left=\"{left}\" w:hanging=\"{ITEM_INDENT}\"/></w:pPr></w:lvl>",
                    shape.format
                );
            }
            s.push_str("</w:abstractNum>");
        }
        let _ = write!(
            s,
            "<w:num w:numId=\"{CLAUSES}\"><w:abstractNumId w:val=\"{CLAUSES_ABSTRACT}\"/></w:num>"
        );
        for &(num_id, ..) in &self.lists {
            let _ = write!(
                s,
                "<w:num w:numId=\"{num_id}\"><w:abstractNumId w:val=\"{num_id}\"/></w:num>"
            );
        }
        s.push_str("</w:numbering>");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_as_shapes() {
        let (s, v) = parse_label("(c)", false).unwrap();
        assert_eq!(
            (s.format, s.prefix.as_str(), s.suffix.as_str(), v),
            ("lowerLetter", "(", ")", 3)
        );
        assert_eq!(parse_label("(xiv)", true).unwrap().1, 14);
        assert_eq!(parse_label("(i)", true).unwrap().0.format, "lowerRoman");
        assert_eq!(parse_label("(i)", false).unwrap().0.format, "lowerLetter");
        assert_eq!(parse_label("•", false).unwrap().0.format, "bullet");
        assert_eq!(parse_label("2)", false).unwrap().1, 2);
        assert!(parse_label("(ab)", false).is_none());
        assert_eq!(roman("xv"), Some(15));
        assert_eq!(roman("iiii"), None);
    }
}
