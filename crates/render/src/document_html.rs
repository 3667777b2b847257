//! A document as one self-contained, accessible, printable HTML page: `lang`, landmarks, a
//! contents list, nested headings, numbered clauses with stable anchors, and a stylesheet with
//! AA contrast and print rules. Every piece of text is escaped, so option values and council
//! text are always data, never markup.

use concord_model::{Clause, Document, Item, Section};
use std::fmt::Write;

use crate::html::{PAGE_END, anchor, esc, esc_notes, page_start};

/// What a document page adds to the base style.
pub(crate) const STYLE: &str = "\
nav ol{padding-left:1.25rem}\
.toc{list-style:none;padding-left:0}\
.clause{display:flex;gap:.75rem;margin:.6rem 0}\
.num{flex:0 0 3rem;font-weight:600}\
.body p{margin:0}\
.items{list-style:none;padding-left:0;margin:.4rem 0 0}\
.items li{display:flex;gap:.5rem;margin:.25rem 0}\
.label{flex:0 0 2rem}\
.footnotes{font-size:.95rem;color:#1b1b1b;border-top:1px solid #b1b4b6;margin-top:2rem}\
.versions{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.95rem}\
.versions caption{text-align:left;font-weight:600;padding:.25rem 0}\
.versions th,.versions td{border:1px solid #b1b4b6;padding:.3rem .5rem;text-align:left;vertical-align:top}\
@media print{.clause{break-inside:avoid}}";

/// The document as a complete HTML page.
pub fn document_html(doc: &Document) -> String {
    document_html_with_logo(doc, None)
}

/// The document as a complete HTML page, with the council's logo above the title.
pub fn document_html_with_logo(doc: &Document, logo: Option<&crate::Logo>) -> String {
    let title = doc
        .meta
        .title
        .as_deref()
        .unwrap_or("Protocol on member/officer relations");
    let page_title = match &doc.meta.council {
        Some(c) => format!("{title} - {c}"),
        None => title.to_string(),
    };
    let mut out = page_start(&page_title, STYLE, "Skip to the protocol");
    out.push_str("<header>\n");
    if let Some(l) = logo {
        let (w, h) = l.printed_size();
        let alt = match &doc.meta.council {
            Some(c) => format!("{c} logo"),
            None => "Logo".into(),
        };
        let _ = writeln!(
            out,
            "<img class=\"logo\" src=\"data:{};base64,{}\" alt=\"{}\" width=\"{}\" height=\"{}\">",
            l.mime(),
            crate::logo::base64(&l.bytes),
            esc(&alt),
            (w * 4.0 / 3.0).round(),
            (h * 4.0 / 3.0).round()
        );
    }
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    let mut meta = Vec::new();
    if let Some(c) = &doc.meta.council {
        meta.push(("Council", c.as_str()));
    }
    let adopted = doc.meta.adopted.map(|a| a.long());
    if let Some(a) = &adopted {
        meta.push(("Adopted", a.as_str()));
    }
    if !meta.is_empty() {
        out.push_str("<dl class=\"meta\">");
        for (k, v) in meta {
            let _ = write!(out, "<dt>{k}:</dt><dd>{}</dd>", esc(v));
        }
        out.push_str("</dl>\n");
    }
    if !doc.meta.versions.is_empty() {
        versions(&mut out, doc);
    }
    out.push_str("</header>\n");
    if !doc.sections.is_empty() {
        out.push_str(
            "<nav aria-labelledby=\"contents\">\n<h2 id=\"contents\">Contents</h2>\n<ul class=\"toc\">\n",
        );
        for (i, s) in doc.sections.iter().enumerate() {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                section_anchor(s, &[i]),
                esc(&section_title(s))
            );
        }
        out.push_str("</ul>\n</nav>\n");
    }
    out.push_str("<main id=\"content\">\n");
    body_html(&mut out, doc, 2, "");
    out.push_str("</main>\n");
    out.push_str(PAGE_END);
    out
}

/// The version history as a table, dates written one way.
fn versions(out: &mut String, doc: &Document) {
    let (header, rows) = crate::dates::version_rows(doc);
    out.push_str("<table class=\"versions\">\n<caption>Version history</caption>\n<thead><tr>");
    for h in &header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(&cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The sections and footnotes of a document, top-level headings at `level`, every anchor
/// starting with `prefix` (so the text can sit in a page that has its own clause anchors).
pub(crate) fn body_html(out: &mut String, doc: &Document, level: usize, prefix: &str) {
    for (i, s) in doc.sections.iter().enumerate() {
        section(out, s, level, &[i], prefix);
    }
    if !doc.footnotes.is_empty() {
        let _ = writeln!(
            out,
            "<section class=\"footnotes\" aria-labelledby=\"{prefix}notes\">\n<h{level} id=\"{prefix}notes\">Notes</h{level}>\n<ol>"
        );
        for f in &doc.footnotes {
            let _ = writeln!(
                out,
                "<li id=\"{prefix}fn-{}\">{}</li>",
                anchor(&f.id),
                esc(&f.text)
            );
        }
        out.push_str("</ol>\n</section>\n");
    }
}

fn section_title(s: &Section) -> String {
    match &s.number {
        Some(n) => format!("{n} {}", s.heading),
        None => s.heading.clone(),
    }
}

/// A stable anchor: `s-3` for a numbered section, a position path otherwise.
fn section_anchor(s: &Section, path: &[usize]) -> String {
    match &s.number {
        Some(n) => format!("s-{}", anchor(n)),
        None => format!(
            "s-{}",
            path.iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join("-")
        ),
    }
}

fn section(out: &mut String, s: &Section, level: usize, path: &[usize], prefix: &str) {
    let id = format!("{prefix}{}", section_anchor(s, path));
    let level = level.min(6);
    let _ = writeln!(out, "<section aria-labelledby=\"{id}\">");
    let _ = writeln!(
        out,
        "<h{level} id=\"{id}\">{}</h{level}>",
        esc(&section_title(s))
    );
    for c in &s.clauses {
        clause(out, c, prefix);
    }
    for (i, sub) in s.sections.iter().enumerate() {
        let mut p = path.to_vec();
        p.push(i);
        section(out, sub, level + 1, &p, prefix);
    }
    out.push_str("</section>\n");
}

fn clause(out: &mut String, c: &Clause, prefix: &str) {
    let _ = write!(
        out,
        "<div class=\"clause\" id=\"{prefix}c-{}\">",
        anchor(&c.id)
    );
    match &c.label {
        Some(l) => {
            let _ = write!(out, "<span class=\"num\">{}</span>", esc(l));
        }
        None => out.push_str("<span class=\"num\" aria-hidden=\"true\"></span>"),
    }
    out.push_str("<div class=\"body\">");
    for p in c.text.split("\n\n") {
        let _ = write!(out, "<p>{}</p>", esc_notes(p, Some(prefix)));
    }
    if !c.items.is_empty() {
        items(out, &c.items, prefix);
    }
    out.push_str("</div></div>\n");
    for sub in &c.clauses {
        clause(out, sub, prefix);
    }
}

fn items(out: &mut String, list: &[Item], prefix: &str) {
    out.push_str("<ul class=\"items\">");
    for i in list {
        out.push_str("<li>");
        if let Some(l) = &i.label {
            let _ = write!(out, "<span class=\"label\">{}</span>", esc(l));
        }
        let _ = write!(out, "<span>{}", esc_notes(&i.text, Some(prefix)));
        if !i.items.is_empty() {
            items(out, &i.items, prefix);
        }
        out.push_str("</span></li>");
    }
    out.push_str("</ul>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use concord_model::{Meta, Section};

    #[test]
    fn every_text_is_escaped_and_the_page_declares_its_language() {
        let mut doc = Document {
            meta: Meta {
                title: Some("Protocol".into()),
                council: Some("Smith & Sons <script>\"x\"</script> 'Council'".into()),
                ..Meta::default()
            },
            ..Document::default()
        };
        doc.sections.push(Section {
            number: Some("1".into()),
            heading: "A <b>".into(),
            clauses: vec![Clause::new(
                "1.1",
                Some("1.1".into()),
                "x < y & \"z\"".into(),
                [1, 1],
            )],
            ..Section::default()
        });
        let html = document_html(&doc);
        assert!(html.contains("<html lang=\"en-GB\">"));
        assert!(html.contains(
            "Smith &amp; Sons &lt;script&gt;&quot;x&quot;&lt;/script&gt; &#39;Council&#39;"
        ));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<h2 id=\"s-1\">1 A &lt;b&gt;</h2>"));
        assert!(html.contains("<p>x &lt; y &amp; &quot;z&quot;</p>"));
    }
}
