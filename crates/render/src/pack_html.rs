//! The standards committee review pack as one self-contained, accessible, printable HTML page.
//!
//! It is written for a committee member with no technical background and reads top to bottom:
//! a cover (what is being reviewed, for which meeting); a summary in plain words, leading with
//! the changes of responsibility; what changed, material changes before editorial ones; how the
//! new text answers the questions beside other councils; the clause-by-clause redline; the
//! checks on the new text; and the clean new text as an appendix. Every piece of text is
//! escaped; anchors of the appendix carry their own prefix so that no id is used twice.

use std::fmt::Write;

use crate::html::{PAGE_END, esc, page_start};
use crate::pack::{Pack, SECTIONS};
use crate::{comparison_html, document_html, redline};

const PACK_STYLE: &str = "\
.cover{border-bottom:4px solid #1b1b1b;padding-bottom:1rem;margin-bottom:1.5rem}\
.cover .meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}\
.cover .meta dt,.cover .meta dd{display:block;margin:0}\
.cover .kicker{font-size:1.1rem;color:#4a4a4a;margin:0}\
.keyfacts li{margin:.35rem 0}\
.resp-lead{font-size:1.15rem;font-weight:600;border-left:6px solid #942514;padding:.5rem .75rem;background:#fbe9e7}\
.severity-error{font-weight:700}\
.text .clause{display:flex;gap:.75rem;margin:.6rem 0;border:0;padding:0}\
.text .num{flex:0 0 3rem;font-weight:600}\
.text .body p{margin:0}\
.text .items{list-style:none;padding-left:0;margin:.4rem 0 0}\
.text .items li{display:flex;gap:.5rem;margin:.25rem 0}\
.text .label{flex:0 0 2rem}\
@media print{.part{break-before:page}.cover{break-after:page}}";

/// The pack as a complete HTML page.
pub fn pack_html(p: &Pack<'_>) -> String {
    let style = format!(
        "{}{}{PACK_STYLE}",
        redline::REDLINE_STYLE,
        comparison_html::table_style!()
    );
    let mut out = page_start(&p.title, &style, "Skip to the summary");
    cover(&mut out, p);
    contents(&mut out);
    out.push_str("<main id=\"content\">\n");
    summary(&mut out, p);
    out.push_str("<section class=\"part\" aria-labelledby=\"changes\">\n<h2 id=\"changes\">What changed</h2>\n");
    if p.redline.has_differences() {
        redline::changes_html(&mut out, p.redline, 3);
    } else {
        out.push_str("<p>The two versions do not differ.</p>\n");
    }
    out.push_str("</section>\n");
    out.push_str("<section class=\"part\" aria-labelledby=\"peers\">\n<h2 id=\"peers\">How the new text compares with other councils</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"lede\">Each question is answered from the words of each protocol, with the clause it comes from. The first column is the new text{}.</p>",
        if p.comparison.documents.len() > 1 {
            "; the others are the councils compared"
        } else {
            "; no other councils were given"
        }
    );
    comparison_html::documents(&mut out, p.comparison, 3);
    comparison_html::matrix(&mut out, p.comparison, 3);
    comparison_html::evidence(&mut out, p.comparison, 3);
    out.push_str("</section>\n");
    out.push_str("<div class=\"part\">\n");
    redline::clauses_html(&mut out, p.redline);
    out.push_str("</div>\n");
    checks(&mut out, p);
    out.push_str("<section class=\"part text\" aria-labelledby=\"appendix\">\n<h2 id=\"appendix\">Appendix: the new text in full</h2>\n");
    document_html::body_html(&mut out, p.new, 3, "text-");
    out.push_str("</section>\n</main>\n");
    out.push_str(PAGE_END);
    out
}

fn cover(out: &mut String, p: &Pack<'_>) {
    out.push_str("<header class=\"cover\">\n");
    if let Some(c) = &p.council {
        let _ = writeln!(out, "<p class=\"kicker\">{}</p>", esc(c));
    }
    let _ = writeln!(out, "<h1>{}</h1>", esc(&p.title));
    out.push_str("<dl class=\"meta\">");
    if let Some(m) = &p.meeting {
        let _ = write!(out, "<dt>Meeting:</dt><dd>{}</dd>", esc(m));
    }
    let _ = write!(
        out,
        "<dt>Current version:</dt><dd>{}</dd><dt>Proposed version:</dt><dd>{}</dd>",
        esc(&p.redline.old.id),
        esc(&p.redline.new.id)
    );
    out.push_str("</dl>\n</header>\n");
}

fn contents(out: &mut String) {
    out.push_str("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">Contents</h2>\n<ol>\n");
    for (id, title) in SECTIONS {
        let _ = writeln!(out, "<li><a href=\"#{id}\">{title}</a></li>");
    }
    out.push_str("</ol>\n</nav>\n");
}

fn summary(out: &mut String, p: &Pack<'_>) {
    out.push_str("<section aria-labelledby=\"summary\">\n<h2 id=\"summary\">Summary</h2>\n");
    let _ = writeln!(out, "<p>{}</p>", esc(&p.intro));
    if !p.redline.responsibilities.is_empty() {
        out.push_str("<ul class=\"keyfacts\">\n");
        for c in &p.redline.responsibilities {
            let _ = writeln!(out, "<li class=\"resp-lead\">{}</li>", esc(&c.line()));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<ul class=\"keyfacts\">\n");
    for fact in &p.key_facts {
        let _ = writeln!(out, "<li>{}</li>", esc(fact));
    }
    out.push_str("</ul>\n</section>\n");
}

fn checks(out: &mut String, p: &Pack<'_>) {
    out.push_str("<section class=\"part\" aria-labelledby=\"checks\">\n<h2 id=\"checks\">Checks on the new text</h2>\n");
    if p.checks.rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>\n</section>", esc(&p.checks.none_found));
        return;
    }
    out.push_str("<table>\n<caption class=\"skip\">Findings of the checks, with a suggested fix for each</caption>\n<thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Severity</th><th scope=\"col\">Finding</th><th scope=\"col\">Suggested fix</th></tr></thead>\n<tbody>\n");
    for f in &p.checks.rows {
        let class = if f.must_fix {
            " class=\"severity-error\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td{class}>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&f.place),
            esc(&f.severity),
            esc(&f.message),
            esc(&f.fix)
        );
    }
    let _ = writeln!(
        out,
        "</tbody>\n</table>\n<p class=\"tag\">Lines are those of {}.</p>\n</section>",
        esc(&p.checks.lines_of)
    );
}
