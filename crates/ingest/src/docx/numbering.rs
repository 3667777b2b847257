//! Word's automatic numbering, computed: the label each numbered paragraph shows, from
//! `numbering.xml` (abstract lists and their levels: `start`, `numFmt`, `lvlText` such as
//! `%1.%2`, `lvlRestart`, `isLgl`), the list instances (`w:num`, with `lvlOverride` /
//! `startOverride`), `numStyleLink` indirection, and numbering that comes from a paragraph's
//! style. No crate computes these labels; Word files rarely hold the numbers as text.

use std::collections::HashMap;

use crate::xml::Node;

/// One level of an abstract list.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `lvlRestart`: restart after this (1-based) level is used; 0 never restarts. None means
    /// the default, restart after any higher level.
    restart: Option<u32>,
    legal: bool,
}

/// The lists of one file.
#[derive(Debug, Clone, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// `numStyleLink` of an abstract list: the style whose numbering it really is.
    style_links: HashMap<String, String>,
    /// numId -> (abstractNumId, level overrides: ilvl -> start).
    nums: HashMap<String, (String, HashMap<u32, u32>)>,
    /// Counters per abstract list, by level (None: not yet used).
    counters: HashMap<String, Vec<Option<u32>>>,
    /// numIds whose start overrides have been applied (they apply on first use).
    started: std::collections::HashSet<String>,
}

/// What a numbered paragraph shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub text: String,
    /// `decimal`, `lowerLetter`, `bullet`, ...: the format of the paragraph's own level.
    pub format: String,
    /// The level (0-based `ilvl`).
    pub level: u32,
    /// The abstract list it belongs to.
    pub list: String,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub fn read(root: &Node) -> Numbering {
        let mut n = Numbering::default();
        for a in root.nodes().filter(|x| x.name == "abstractNum") {
            let Some(id) = a.attr("abstractNumId") else {
                continue;
            };
            if let Some(link) = a.val("numStyleLink") {
                n.style_links.insert(id.to_string(), link.to_string());
            }
            let mut levels = vec![Level::default(); 9];
            for l in a.nodes().filter(|x| x.name == "lvl") {
                let Some(k) = l.attr("ilvl").and_then(|v| v.parse::<usize>().ok()) else {
                    continue;
                };
                if k >= 9 {
                    continue;
                }
                levels[k] = level(l);
            }
            n.abstracts.insert(id.to_string(), levels);
        }
        for num in root.nodes().filter(|x| x.name == "num") {
            let (Some(id), Some(abs)) = (num.attr("numId"), num.val("abstractNumId")) else {
                continue;
            };
            let mut overrides = HashMap::new();
            for o in num.nodes().filter(|x| x.name == "lvlOverride") {
                let Some(k) = o.attr("ilvl").and_then(|v| v.parse::<u32>().ok()) else {
                    continue;
                };
                if let Some(s) = o.val("startOverride").and_then(|v| v.parse().ok()) {
                    overrides.insert(k, s);
                } else if let Some(l) = o.child("lvl") {
                    let lvl = level(l);
                    overrides.insert(k, lvl.start);
                }
            }
            n.nums.insert(id.to_string(), (abs.to_string(), overrides));
        }
        n
    }

    /// The abstract list a numId uses, following `numStyleLink` through the style's own
    /// numbering (`style_num` gives a style's numId).
    fn abstract_of(
        &self,
        num_id: &str,
        style_num: &dyn Fn(&str) -> Option<String>,
    ) -> Option<String> {
        let (abs, _) = self.nums.get(num_id)?;
        let mut abs = abs.clone();
        for _ in 0..4 {
            let Some(style) = self.style_links.get(&abs) else {
                break;
            };
            let linked = style_num(style).and_then(|id| self.nums.get(&id).map(|x| x.0.clone()));
            match linked {
                Some(next) if next != abs => abs = next,
                _ => break,
            }
        }
        Some(abs)
    }

    /// Counts one paragraph of list `num_id` at level `ilvl` and returns its label, or `None`
    /// when the list does not exist or numbering is switched off (`numId` 0).
    pub fn next(
        &mut self,
        num_id: &str,
        ilvl: u32,
        style_num: &dyn Fn(&str) -> Option<String>,
    ) -> Option<Label> {
        if num_id == "0" {
            return None;
        }
        let abs = self.abstract_of(num_id, style_num)?;
        let levels = self.abstracts.get(&abs)?.clone();
        let k = (ilvl as usize).min(8);
        let counters = self
            .counters
            .entry(abs.clone())
            .or_insert_with(|| vec![None; 9]);
        if self.started.insert(num_id.to_string())
            && let Some((_, overrides)) = self.nums.get(num_id)
        {
            for (&lvl, &start) in overrides {
                if let Some(c) = counters.get_mut(lvl as usize) {
                    *c = Some(start.saturating_sub(1));
                }
            }
        }
        let value = match counters[k] {
            Some(v) => v.saturating_add(1),
            None => levels[k].start,
        };
        counters[k] = Some(value);
        // Deeper levels restart, unless their lvlRestart says otherwise.
        for (d, c) in counters.iter_mut().enumerate().skip(k + 1) {
            let restart = match levels[d].restart {
                None => true,
                Some(0) => false,
                Some(after) => (after as usize) > k,
            };
            if restart {
                *c = None;
            }
        }
        let lvl = &levels[k];
        let mut text = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '%'
                && let Some(d) = chars.peek().and_then(|c| c.to_digit(10))
            {
                chars.next();
                let j = (d as usize).saturating_sub(1).min(8);
                let v = counters[j].unwrap_or(levels[j].start);
                let format = if lvl.legal && j != k {
                    "decimal"
                } else {
                    levels[j].format.as_str()
                };
                text.push_str(&format_value(v, format));
                continue;
            }
            text.push(ch);
        }
        if lvl.format == "bullet" {
            text = bullet(&text);
        }
        if lvl.format == "none" {
            text.clear();
        }
        Some(Label {
            text,
            format: lvl.format.clone(),
            level: k as u32,
            list: abs,
        })
    }
}

fn level(l: &Node) -> Level {
    Level {
        start: l.val("start").and_then(|v| v.parse().ok()).unwrap_or(1),
        format: l.val("numFmt").unwrap_or("decimal").to_string(),
        text: l.val("lvlText").unwrap_or("").to_string(),
        restart: l.val("lvlRestart").and_then(|v| v.parse().ok()),
        legal: l
            .child("isLgl")
            .is_some_and(|x| x.attr("val").is_none_or(|v| v != "0" && v != "false")),
    }
}

/// A bullet glyph as text: Symbol-font private-use bullets become `•`.
fn bullet(glyph: &str) -> String {
    match glyph.trim() {
        "" | "\u{f0b7}" | "\u{f0a7}" | "\u{f076}" | "\u{f0d8}" | "o" | "\u{f0fc}" | "-" | "–"
        | "▪" | "■" | "◦" | "●" => "•".into(),
        g => g.to_string(),
    }
}

/// A counter value in a list format.
pub fn format_value(v: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(v).to_lowercase(),
        "upperLetter" => letters(v),
        "lowerRoman" => roman(v).to_lowercase(),
        "upperRoman" => roman(v),
        "decimalZero" if v < 10 => format!("0{v}"),
        "none" | "bullet" => String::new(),
        _ => v.to_string(),
    }
}

/// Word's letters: a..z, then aa..zz, then aaa...
fn letters(v: u32) -> String {
    if v == 0 {
        return String::new();
    }
    let k = (v - 1) / 26 + 1;
    let c = char::from(b'A' + ((v - 1) % 26) as u8);
    std::iter::repeat_n(c, k.min(10) as usize).collect()
}

fn roman(mut v: u32) -> String {
    const TABLE: &[(u32, &str)] = &[
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for &(n, s) in TABLE {
        while v >= n && out.len() < 32 {
            out.push_str(s);
            v -= n;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::parse;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="w">
<w:abstractNum w:abstractNumId="0">
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%3)"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
 <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#xF0B7;"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn computes_labels_with_restarts_and_overrides() {
        let mut n = Numbering::read(&parse(NUMBERING).unwrap());
        let none = |_: &str| None;
        let mut l = |id: &str, k: u32| n.next(id, k, &none).map(|l| l.text).unwrap_or_default();
        assert_eq!(l("1", 0), "1.");
        assert_eq!(l("1", 1), "1.1");
        assert_eq!(l("1", 1), "1.2");
        assert_eq!(l("1", 2), "(a)");
        assert_eq!(l("1", 2), "(b)");
        assert_eq!(l("1", 3), "(i)");
        assert_eq!(l("1", 1), "1.3");
        assert_eq!(l("1", 2), "(a)");
        assert_eq!(l("1", 0), "2.");
        assert_eq!(l("1", 1), "2.1");
        assert_eq!(l("2", 0), "•");
        assert_eq!(l("1", 2), "(a)");
        assert_eq!(l("1", 2), "(b)");
        // A new list instance with a start override restarts its level.
        assert_eq!(l("3", 2), "(a)");
        assert_eq!(l("0", 0), "");
        assert_eq!(format_value(28, "lowerLetter"), "bb");
        assert_eq!(format_value(14, "lowerRoman"), "xiv");
    }
}
