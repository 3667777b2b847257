//! The small XML vocabulary the DOCX writer needs: escaping, runs of text (plain, inserted,
//! deleted), and paragraph properties. Every string that comes from user data goes through
//! [`esc`], so council text and option values are always character data, never markup.

use std::collections::HashMap;
use std::fmt::Write;

pub use crate::escape::xml as esc;

/// Who made the tracked changes, and when (the date only when the caller gave one).
#[derive(Debug, Clone)]
pub struct Revision<'a> {
    pub author: &'a str,
    pub date: Option<&'a str>,
}

impl Revision<'_> {
    /// The attributes of a `w:ins` or `w:del` with revision id `id`.
    pub fn attrs(&self, id: u32) -> String {
        let mut s = format!(" w:id=\"{id}\" w:author=\"{}\"", esc(self.author));
        if let Some(d) = self.date {
            let _ = write!(s, " w:date=\"{}\"", esc(d));
        }
        s
    }
}

/// One run of text. Tabs become `w:tab`; text keeps its spaces.
pub fn run(out: &mut String, text: &str, rpr: &str) {
    run_of(out, text, rpr, "w:t");
}

/// A run of deleted text (`w:delText`, as a `w:del` requires).
pub fn del_run(out: &mut String, text: &str, rpr: &str) {
    run_of(out, text, rpr, "w:delText");
}

fn run_of(out: &mut String, text: &str, rpr: &str, tag: &str) {
    if text.is_empty() {
        return;
    }
    out.push_str("<w:r>");
    if !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{rpr}</w:rPr>");
    }
    for (i, piece) in text.split('\t').enumerate() {
        if i > 0 {
            out.push_str("<w:tab/>");
        }
        if !piece.is_empty() {
            let _ = write!(out, "<{tag} xml:space=\"preserve\">{}</{tag}>", esc(piece));
        }
    }
    out.push_str("</w:r>");
}

/// Text with its `[^id]` footnote references as real ones (`notes` maps a footnote id to the
/// `w:id` written); a reference to no known footnote stays text.
pub fn text_with_notes(out: &mut String, text: &str, notes: &HashMap<String, u32>) {
    let mut rest = text;
    while let Some(i) = rest.find("[^") {
        let after = &rest[i + 2..];
        let Some(end) = after.find(']') else { break };
        let Some(&id) = notes.get(&after[..end]) else {
            run(out, &rest[..i + 2], "");
            rest = after;
            continue;
        };
        run(out, &rest[..i], "");
        let _ = write!(
            out,
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
        );
        rest = &after[end + 1..];
    }
    run(out, rest, "");
}

/// The footnotes of a document as `w:footnote` elements (ids from 1; Word keeps -1 and 0 for
/// the separators), and the map from the document's footnote ids to them.
pub fn footnotes(notes: &[concord_model::Footnote]) -> (HashMap<String, u32>, String) {
    let mut ids = HashMap::new();
    let mut xml = String::new();
    for (k, f) in notes.iter().enumerate() {
        let id = k as u32 + 1;
        ids.insert(f.id.clone(), id);
        let _ = write!(
            xml,
            "<w:footnote w:id=\"{id}\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        );
        run(&mut xml, &f.text, "");
        xml.push_str("</w:p></w:footnote>");
    }
    (ids, xml)
}

/// Paragraph properties: a style, optional numbering, and an optional revision mark on the
/// paragraph mark itself (`ins` or `del`, with its attributes).
pub fn ppr(style: &str, num: Option<(u32, u32)>, mark: Option<(&str, String)>) -> String {
    let mut s = format!("<w:pPr><w:pStyle w:val=\"{style}\"/>");
    if let Some((num_id, ilvl)) = num {
        let _ = write!(
            s,
            "<w:numPr><w:ilvl w:val=\"{ilvl}\"/><w:numId w:val=\"{num_id}\"/></w:numPr>"
        );
    }
    if let Some((tag, attrs)) = mark {
        let _ = write!(s, "<w:rPr><w:{tag}{attrs}/></w:rPr>");
    }
    s.push_str("</w:pPr>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            esc("<w:t>Tom & \"Jerry\"</w:t>\u{1}"),
            "&lt;w:t&gt;Tom &amp; &quot;Jerry&quot;&lt;/w:t&gt;"
        );
        let mut out = String::new();
        run(&mut out, "a\tb", "");
        assert_eq!(
            out,
            "<w:r><w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t></w:r>"
        );
    }
}
