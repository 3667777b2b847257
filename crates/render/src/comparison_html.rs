//! A cross-council comparison as one self-contained, accessible HTML page that a committee
//! member can read without script: a table of questions by councils (each cell the answer in
//! a line, linked to its evidence), then the evidence itself, question by question: the
//! clause ids and the sentence each answer comes from, and the previous answer where tracked
//! changes altered it. Landmarks, a caption, header cells with scope, a focusable scrolling
//! region for the wide table, AA contrast and print rules. Every piece of text is escaped.

use std::fmt::Write;

use concord_compare::answers::{Answer, Comparison};

use crate::comparison::{NOT_COVERED, doc_name};
use crate::html::{PAGE_END, esc, page_start};

/// Colours as the document page: text #1b1b1b on white (about 17:1), muted #4a4a4a (8.9:1),
/// links #0b4f8a (8.4:1); the "not covered" cells stay readable at #4a4a4a on #f3f2f1 (8:1).
const STYLE: &str = concat!(".page{max-width:110rem}", table_style!());

/// The styles of the answers table and the evidence, for any page that holds them.
macro_rules! table_style {
    () => {
        "\
h3{font-size:1.1rem;margin:1.25rem 0 .4rem}\
.lede{color:#4a4a4a;max-width:46rem}\
.scroll{overflow-x:auto;border:1px solid #b1b4b6}\
.scroll:focus{outline:3px solid #ffbf47}\
table{border-collapse:collapse;width:100%;font-size:.95rem}\
caption{text-align:left;font-weight:600;padding:.5rem}\
th,td{border:1px solid #b1b4b6;padding:.45rem .55rem;vertical-align:top;text-align:left}\
thead th{background:#f3f2f1}\
tbody th{font-weight:600;min-width:14rem}\
.qid{display:block;font-weight:400;color:#4a4a4a;font-size:.85em}\
td.none{background:#f3f2f1;color:#4a4a4a}\
.was{display:block;color:#4a4a4a;font-size:.9em}\
.cite{display:block;font-size:.9em}\
.evidence blockquote{margin:.3rem 0 .8rem;padding:.3rem .8rem;border-left:4px solid #b1b4b6}\
.evidence dl{margin:.2rem 0}\
.evidence dt{font-weight:600;display:inline}\
.evidence dd{display:inline;margin:0 1rem 0 .25rem}\
@media print{body{font-size:10pt}.scroll{overflow:visible;border:0}.scroll table{font-size:7.5pt;table-layout:fixed}tbody th{min-width:0}.qid{display:none}section{break-inside:avoid}}"
    };
}
pub(crate) use table_style;

/// The comparison as a complete HTML page.
pub fn comparison_html(c: &Comparison) -> String {
    let mut out = page_start(
        "How the councils compare: protocols on member/officer relations",
        STYLE,
        "Skip to the comparison",
    );
    out.push_str("<header>\n<h1>How the councils compare</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"lede\">{} protocols on member/officer relations, answered on {} questions. \
         Each answer links to the clause and the sentence it comes from. \
         &ldquo;{NOT_COVERED}&rdquo; means the protocol does not say.</p>",
        c.documents.len(),
        c.questions.len()
    );
    out.push_str("</header>\n<main id=\"content\">\n");
    documents(&mut out, c, 2);
    matrix(&mut out, c, 2);
    evidence(&mut out, c, 2);
    out.push_str("</main>\n");
    out.push_str(PAGE_END);
    out
}

/// The protocols compared, as a list headed at `level`.
pub(crate) fn documents(out: &mut String, c: &Comparison, level: usize) {
    let _ = writeln!(
        out,
        "<h{level} id=\"documents\">The protocols</h{level}>\n<ul>"
    );
    for d in &c.documents {
        let kind = d
            .kind
            .as_deref()
            .map(|k| format!(" ({})", esc(k)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}{kind}</li>",
            esc(&d.id),
            esc(&doc_name(d.council.as_deref(), d.title.as_deref()))
        );
    }
    out.push_str("</ul>\n");
}

/// The table of questions by protocols, headed at `level`.
pub(crate) fn matrix(out: &mut String, c: &Comparison, level: usize) {
    let _ = writeln!(out, "<h{level} id=\"answers\">Answers</h{level}>");
    out.push_str(
        "<div class=\"scroll\" role=\"region\" aria-labelledby=\"matrix-caption\" tabindex=\"0\">\n<table>\n",
    );
    out.push_str(
        "<caption id=\"matrix-caption\">Questions (rows) by protocol (columns)</caption>\n<thead>\n<tr><th scope=\"col\">Question</th>",
    );
    for d in &c.documents {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&d.id));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for q in &c.questions {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}<span class=\"qid\">{}</span></th>",
            esc(&q.text),
            esc(&q.id)
        );
        for (doc, answer) in &q.answers.0 {
            match answer {
                Some(a) => {
                    let _ = write!(
                        out,
                        "<td>{}{}<a class=\"cite\" href=\"#{}\">Evidence: {}{}</a></td>",
                        esc(&a.summary),
                        previously(a),
                        anchor(&q.id, doc),
                        match a.clauses.len() {
                            0 => "",
                            1 => "clause ",
                            _ => "clauses ",
                        },
                        esc(&a.cited())
                    );
                }
                None => {
                    let _ = write!(out, "<td class=\"none\">{NOT_COVERED}</td>");
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
}

fn previously(a: &Answer) -> String {
    match &a.previously {
        Some(p) => format!(
            "<span class=\"was\">Previously: {} (clause {})</span>",
            esc(&p.summary),
            esc(&p.clauses.join(", "))
        ),
        None => String::new(),
    }
}

/// The evidence of every answer, question by question, headed at `level`.
pub(crate) fn evidence(out: &mut String, c: &Comparison, level: usize) {
    let _ = writeln!(out, "<h{level} id=\"evidence\">Evidence</h{level}>");
    let sub = level + 1;
    for q in &c.questions {
        let _ = writeln!(
            out,
            "<section class=\"evidence\" aria-labelledby=\"q-{id}\">\n<h{sub} id=\"q-{id}\">{}</h{sub}>",
            esc(&q.text),
            id = slug(&q.id)
        );
        let answered: Vec<_> = q
            .answers
            .0
            .iter()
            .filter_map(|(d, a)| a.as_ref().map(|a| (d, a)))
            .collect();
        if answered.is_empty() {
            let _ = writeln!(out, "<p>No protocol here covers this question.</p>");
        }
        for (doc, a) in answered {
            let _ = writeln!(
                out,
                "<div id=\"{}\">\n<dl><dt>Protocol:</dt><dd>{}</dd><dt>Answer:</dt><dd>{}</dd><dt>{}:</dt><dd>{}</dd></dl>\n<blockquote><p>{}</p></blockquote>",
                anchor(&q.id, doc),
                esc(doc),
                esc(&a.summary),
                if a.clauses.is_empty() {
                    "From"
                } else if a.clauses.len() == 1 {
                    "Clause"
                } else {
                    "Clauses"
                },
                esc(&a.cited()),
                esc(&a.evidence)
            );
            if let Some(p) = &a.previously {
                let _ = writeln!(
                    out,
                    "<p>Before its tracked changes the text said: {} (clause {}).</p>\n<blockquote><p>{}</p></blockquote>",
                    esc(&p.summary),
                    esc(&p.clauses.join(", ")),
                    esc(&p.evidence)
                );
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
}

/// The anchor of one answer's evidence.
fn anchor(question: &str, doc: &str) -> String {
    format!("ev-{}-{}", slug(question), slug(doc))
}

/// Letters, digits and dashes only, so any document id makes a valid fragment.
fn slug(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}
