//! The standards committee review pack as one self-contained, accessible, printable HTML page,
//! laid out from the same parts ([`crate::pack::parts`]) as the Word and PDF packs.
//!
//! It is written for a committee member with no technical background and reads top to bottom:
//! a cover (what is being reviewed, for which meeting) and the contents; a summary in plain
//! words, leading with the changes of responsibility; what changed, material changes before
//! editorial ones; how the new text answers the questions beside other councils, one table per
//! question with a row per council (so five councils or fifty fit a 1280 px screen without
//! scrolling sideways); the clause-by-clause redline; the checks on the new text; and the clean
//! new text as an appendix. Every piece of text is escaped; anchors of the appendix carry their
//! own prefix so that no id is used twice.

use std::fmt::Write;

use crate::html::{PAGE_END, esc, page_start};
use crate::pack::{Pack, Part, Table, anchor_of};
use crate::{document_html, redline};

const PACK_STYLE: &str = "\
.cover{border-bottom:4px solid #1b1b1b;padding-bottom:1rem;margin-bottom:1.5rem}\
.cover .meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}\
.cover .meta dt,.cover .meta dd{display:block;margin:0}\
.cover .kicker{font-size:1.1rem;color:#4a4a4a;margin:0}\
.keyfacts li{margin:.35rem 0}\
.resp-lead{font-size:1.15rem;font-weight:600;border-left:6px solid #942514;padding:.5rem .75rem;background:#fbe9e7}\
h4{font-size:1rem;margin:1.25rem 0 .4rem}\
table{border-collapse:collapse;width:100%;font-size:.95rem;margin:.4rem 0 1rem}\
caption{text-align:left;position:absolute;left:-999px}\
th,td{border:1px solid #b1b4b6;padding:.45rem .55rem;vertical-align:top;text-align:left;overflow-wrap:normal;word-break:normal;hyphens:manual}\
thead th{background:#f3f2f1}\
tbody th{font-weight:600}\
.text .clause{display:flex;gap:.75rem;margin:.6rem 0;border:0;padding:0}\
.text .num{flex:0 0 3rem;font-weight:600}\
.text .body p{margin:0}\
.text .items{list-style:none;padding-left:0;margin:.4rem 0 0}\
.text .items li{display:flex;gap:.5rem;margin:.25rem 0}\
.text .label{flex:0 0 2rem}\
.appendix-title{font-size:1.15rem;font-weight:700;margin:1rem 0 .25rem}\
@media print{.part{break-before:page}nav.contents{display:block}tr{break-inside:avoid}thead{display:table-header-group}}";

/// The pack as a complete HTML page.
pub fn pack_html(p: &Pack<'_>) -> String {
    let style = format!("{}{PACK_STYLE}", redline::REDLINE_STYLE);
    let mut out = page_start(&p.title, &style, "Skip to the summary");
    let mut open = false;
    let mut main = false;
    for part in crate::pack::parts(p) {
        match part {
            Part::Title(t) => {
                out.push_str("<header class=\"cover\">\n");
                if let Some(c) = &p.council {
                    let _ = writeln!(out, "<p class=\"kicker\">{}</p>", esc(c));
                }
                let _ = writeln!(out, "<h1>{}</h1>", esc(&t));
            }
            Part::Facts(facts) => {
                out.push_str("<dl class=\"meta\">");
                for (k, v) in facts {
                    let _ = write!(out, "<dt>{}:</dt><dd>{}</dd>", esc(&k), esc(&v));
                }
                out.push_str("</dl>\n</header>\n");
            }
            Part::Contents(entries) => {
                out.push_str("<nav class=\"contents\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">Contents</h2>\n<ol>\n");
                for (id, title) in entries {
                    let _ = writeln!(out, "<li><a href=\"#{id}\">{}</a></li>", esc(&title));
                }
                out.push_str("</ol>\n</nav>\n");
            }
            Part::Heading(1, text) => {
                if open {
                    out.push_str("</section>\n");
                }
                if !main {
                    out.push_str("<main id=\"content\">\n");
                    main = true;
                }
                let id = anchor_of(&text);
                // The summary follows the contents on the first page; every other part starts
                // a printed page of its own.
                let class = match id {
                    "summary" => "",
                    "appendix" => " class=\"part text\"",
                    _ => " class=\"part\"",
                };
                let _ = writeln!(
                    out,
                    "<section{class} aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>",
                    esc(&text)
                );
                open = true;
            }
            Part::Heading(level, text) => {
                let h = (level + 1).min(6);
                let _ = writeln!(out, "<h{h}>{}</h{h}>", esc(&text));
            }
            Part::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", esc(&text));
            }
            Part::Lead(text) => {
                let _ = writeln!(out, "<p class=\"resp-lead\">{}</p>", esc(&text));
            }
            Part::Bullets(items) => {
                out.push_str("<ul class=\"keyfacts\">\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", esc(&item));
                }
                out.push_str("</ul>\n");
            }
            Part::Table(t) => table(&mut out, &t),
            Part::Redline => redline::clauses_body(&mut out, p.redline),
            Part::Appendix => {
                let title = p
                    .new
                    .meta
                    .title
                    .as_deref()
                    .unwrap_or("Protocol on member/officer relations");
                let _ = writeln!(out, "<p class=\"appendix-title\">{}</p>", esc(title));
                document_html::body_html(&mut out, p.new, 3, "text-");
            }
        }
    }
    if open {
        out.push_str("</section>\n");
    }
    if main {
        out.push_str("</main>\n");
    }
    out.push_str(PAGE_END);
    out
}

/// A table with a caption for screen readers, header cells with scope, and column widths.
fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    let _ = writeln!(out, "<caption>{}</caption>", esc(&t.caption));
    out.push_str("<colgroup>");
    for w in &t.widths {
        let _ = write!(out, "<col style=\"width:{w}%\">");
    }
    out.push_str("</colgroup>\n<thead><tr>");
    for h in &t.header {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &t.rows {
        out.push_str("<tr>");
        for (k, cell) in row.iter().enumerate() {
            if k == 0 && t.row_heads {
                let _ = write!(out, "<th scope=\"row\">{}</th>", esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}
