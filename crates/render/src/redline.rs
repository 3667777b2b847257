//! A redline ([`Redline`]) as terminal text, Markdown or an accessible HTML page.
//!
//! Every form leads with what a standards committee reads first: the summary, the
//! responsibility changes, then the material changes, then the editorial ones, then the
//! clause-by-clause redline and the cross-references that no longer point where they did.
//! Deletions and insertions are told apart by more than colour in every form: `[-old-]{+new+}`
//! in plain text, strikethrough and underline on a colour terminal, `~~old~~` and `**new**` in
//! Markdown, `<del>`/`<ins>` with visible labels for screen readers and print in HTML.

use std::fmt::Write;

use concord_compare::answers::Answer;
use concord_compare::diff::{Class, ClauseDiff, Op, Redline, ResponsibilityChange, Status, Word};

use crate::html::{PAGE_END, anchor, esc, esc_notes, page_start};

/// How to write a redline as text or Markdown.
#[derive(Debug, Clone, Default)]
pub struct RedlineOptions {
    /// Colour and emphasis with ANSI escapes (for a terminal; the caller decides, honouring
    /// `NO_COLOR` and pipes).
    pub color: bool,
    /// How many unchanged clauses to show on each side of a change in the full redline.
    pub context: usize,
}

const RED: &str = "\x1b[31;9m";
const GREEN: &str = "\x1b[32;4m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

/// The label of one side's clause for a reader: `6.2`, or `3.3 -> 3.5` when renumbered.
pub(crate) fn label(c: &ClauseDiff) -> String {
    match (&c.old_id, &c.new_id) {
        (Some(o), Some(n)) if o != n => format!("{o} -> {n}"),
        (_, Some(n)) => n.clone(),
        (Some(o), None) => o.clone(),
        (None, None) => String::new(),
    }
}

/// What happened to the clause, in a few words.
pub(crate) fn status_words(c: &ClauseDiff) -> String {
    let mut parts: Vec<&str> = Vec::new();
    match c.status {
        Status::Added => parts.push("added"),
        Status::Removed => parts.push("removed"),
        Status::Changed => parts.push("changed"),
        Status::Unchanged => {}
    }
    if c.renumbered {
        parts.push("renumbered");
    }
    if c.moved {
        parts.push("moved");
    }
    if parts.is_empty() {
        parts.push("unchanged");
    }
    parts.join(", ")
}

pub(crate) fn summary_line(r: &Redline) -> String {
    let s = &r.summary;
    let total = r.clauses.len();
    let differ = r.clauses.iter().filter(|c| c.is_change()).count();
    if differ == 0 {
        return format!("No differences in {total} clauses.");
    }
    format!(
        "{differ} of {total} clauses differ: {} changed, {} added, {} removed, {} renumbered, {} moved; {} material, {} editorial.",
        s.changed, s.added, s.removed, s.renumbered, s.moved, s.material, s.editorial
    )
}

/// One responsibility change in plain words: "Officer complaints about councillors:
/// Monitoring Officer -> Chief Executive (6.2)".
pub fn responsibility_line(r: &ResponsibilityChange) -> String {
    r.line()
}

fn is_class(c: &ClauseDiff, class: Class) -> bool {
    c.class == Some(class)
}

/// What the full redline shows, in order: each change with `context` unchanged clauses on each
/// side of it, and a count in place of each run of unchanged clauses left out.
enum Piece<'r> {
    Clause(&'r ClauseDiff),
    Skipped(usize),
}

fn pieces(r: &Redline, context: usize) -> Vec<Piece<'_>> {
    let n = r.clauses.len();
    let mut keep = vec![false; n];
    for (k, c) in r.clauses.iter().enumerate() {
        if c.is_change() {
            let lo = k.saturating_sub(context);
            let hi = (k + context).min(n.saturating_sub(1));
            for flag in &mut keep[lo..=hi] {
                *flag = true;
            }
        }
    }
    let mut out = Vec::new();
    let mut skipped = 0;
    for (k, c) in r.clauses.iter().enumerate() {
        if !keep[k] {
            skipped += 1;
            continue;
        }
        if skipped > 0 {
            out.push(Piece::Skipped(skipped));
            skipped = 0;
        }
        out.push(Piece::Clause(c));
    }
    if skipped > 0 {
        out.push(Piece::Skipped(skipped));
    }
    out
}

/// The redline as terminal text.
pub fn redline_text(r: &Redline, opts: &RedlineOptions) -> String {
    let (b, d, x) = if opts.color {
        (BOLD, DIM, RESET)
    } else {
        ("", "", "")
    };
    let mut out = String::new();
    let _ = writeln!(out, "{b}{}{x}", heading(r));
    let _ = writeln!(out, "{}", summary_line(r));
    if !r.responsibilities.is_empty() {
        let _ = writeln!(out, "\n{b}Responsibility changes{x}");
        for c in &r.responsibilities {
            let _ = writeln!(out, "  {}", c.line());
        }
    }
    for (class, title) in [
        (Class::Material, "Material changes"),
        (Class::Editorial, "Editorial changes"),
    ] {
        let list: Vec<&ClauseDiff> = r.clauses.iter().filter(|c| is_class(c, class)).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{b}{title} ({}){x}", list.len());
        let width = list
            .iter()
            .map(|c| label(c).chars().count())
            .max()
            .unwrap_or(0);
        for c in list {
            let _ = writeln!(
                out,
                "  {:<width$}  {}",
                label(c),
                c.reason.as_deref().unwrap_or("")
            );
        }
    }
    if r.clauses.iter().any(ClauseDiff::is_change) {
        let _ = writeln!(out, "\n{b}Redline{x}");
        let mut section: Option<&str> = None;
        for piece in pieces(r, opts.context) {
            let c = match piece {
                Piece::Skipped(n) => {
                    let _ = writeln!(out, "  {d}… {} unchanged{x}", clauses_word(n));
                    continue;
                }
                Piece::Clause(c) => c,
            };
            let here = c.new_section.as_deref().or(c.old_section.as_deref());
            if here.is_some() && here != section {
                let _ = writeln!(out, "\n{b}§ {}{x}", here.unwrap_or(""));
                section = here;
            }
            let tag = match c.class {
                Some(Class::Material) => " [material]",
                Some(Class::Editorial) => " [editorial]",
                None => "",
            };
            let _ = writeln!(out, "{b}{}{x}  {}{tag}", label(c), status_words(c));
            if c.moved && c.old_section != c.new_section {
                let _ = writeln!(
                    out,
                    "  {d}moved from {}{x}",
                    c.old_section.as_deref().unwrap_or("the start")
                );
            }
            let body = if c.status == Status::Unchanged {
                format!("{d}{}{x}", c.new_text())
            } else {
                words_text(&c.words, opts.color)
            };
            for line in body.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    if !r.references.is_empty() {
        let _ = writeln!(out, "\n{b}Cross-references to check{x}");
        for p in &r.references {
            let _ = writeln!(out, "  {}: \"{}\" {}", p.clause, p.text, p.message);
        }
    }
    out
}

fn clauses_word(n: usize) -> String {
    if n == 1 {
        "1 clause".to_string()
    } else {
        format!("{n} clauses")
    }
}

/// "Redline of TITLE: OLD -> NEW", naming the title once when both versions share it.
fn heading(r: &Redline) -> String {
    let (a, b) = (&r.old, &r.new);
    match (&a.title, &b.title) {
        (Some(x), Some(y)) if x == y && !x.is_empty() => {
            format!("Redline of {x}: {} -> {}", a.id, b.id)
        }
        _ => {
            let side = |d: &concord_compare::diff::DocRef| match &d.title {
                Some(t) if !t.is_empty() => format!("{t} ({})", d.id),
                _ => d.id.clone(),
            };
            format!("Redline: {} -> {}", side(a), side(b))
        }
    }
}

/// The catalogue text of a question id.
fn question_text(id: &str) -> String {
    concord_model::questions::question(id)
        .map_or(id, |q| q.text)
        .to_string()
}

/// Runs as text: colour and emphasis, or `[-old-]{+new+}` markers.
fn words_text(words: &[Word], color: bool) -> String {
    let mut s = String::new();
    for w in words {
        match (w.op, color) {
            (Op::Equal, _) => s.push_str(&w.text),
            (Op::Delete, true) => mark_lines(&mut s, RED, &w.text, RESET),
            (Op::Insert, true) => mark_lines(&mut s, GREEN, &w.text, RESET),
            (Op::Delete, false) => mark_lines(&mut s, "[-", &w.text, "-]"),
            (Op::Insert, false) => mark_lines(&mut s, "{+", &w.text, "+}"),
        }
    }
    s
}

/// Wraps each line of a run in its own markers, so a marker never spans a line break (and
/// whitespace at the edges stays outside the markers).
fn mark_lines(s: &mut String, open: &str, text: &str, close: &str) {
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            s.push('\n');
        }
        let core = line.trim();
        if core.is_empty() {
            s.push_str(line);
            continue;
        }
        let start = line.len() - line.trim_start().len();
        let end = start + core.len();
        s.push_str(&line[..start]);
        s.push_str(open);
        s.push_str(core);
        s.push_str(close);
        s.push_str(&line[end..]);
    }
}

/// The redline as Markdown (for a committee report or an issue tracker).
pub fn redline_markdown(r: &Redline, opts: &RedlineOptions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md_esc(&heading(r)));
    let _ = writeln!(out, "{}\n", summary_line(r));
    if !r.responsibilities.is_empty() {
        out.push_str("## Responsibility changes\n\n");
        for c in &r.responsibilities {
            let _ = writeln!(out, "- {}", md_esc(&c.line()));
        }
        out.push('\n');
    }
    for (class, title) in [
        (Class::Material, "Material changes"),
        (Class::Editorial, "Editorial changes"),
    ] {
        let list: Vec<&ClauseDiff> = r.clauses.iter().filter(|c| is_class(c, class)).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {title}\n");
        out.push_str("| Clause | Change | Why |\n|---|---|---|\n");
        for c in list {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md_cell(&label(c)),
                md_cell(&status_words(c)),
                md_cell(c.reason.as_deref().unwrap_or(""))
            );
        }
        out.push('\n');
    }
    if r.clauses.iter().any(ClauseDiff::is_change) {
        out.push_str(
            "## Redline\n\nDeleted text is ~~struck through~~; inserted text is **bold**.\n\n",
        );
        for piece in pieces(r, opts.context) {
            let c = match piece {
                Piece::Skipped(n) => {
                    let _ = writeln!(out, "*… {} unchanged*\n", clauses_word(n));
                    continue;
                }
                Piece::Clause(c) => c,
            };
            let _ = writeln!(out, "**{}** ({})\n", md_esc(&label(c)), status_words(c));
            for line in words_markdown(&c.words).lines() {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = writeln!(out, "> {line}\n>");
            }
            if out.ends_with(">\n") {
                out.truncate(out.len() - 2);
            }
            out.push('\n');
        }
    }
    if !r.references.is_empty() {
        out.push_str("## Cross-references to check\n\n");
        for p in &r.references {
            let _ = writeln!(
                out,
                "- {}: \"{}\" {}",
                md_esc(&p.clause),
                md_esc(&p.text),
                md_esc(&p.message)
            );
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn words_markdown(words: &[Word]) -> String {
    let mut s = String::new();
    for w in words {
        let text = md_esc(&w.text);
        match w.op {
            Op::Equal => s.push_str(&text),
            Op::Delete => mark_lines(&mut s, "~~", &text, "~~"),
            Op::Insert => mark_lines(&mut s, "**", &text, "**"),
        }
    }
    s
}

use crate::escape::markdown as md_esc;

fn md_cell(s: &str) -> String {
    md_esc(s).replace('\n', " ")
}

pub(crate) const REDLINE_STYLE: &str = "\
.summary{font-size:1.1rem}\
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}\
th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}\
th{background:#f3f2f1}\
.clause{border-left:4px solid #b1b4b6;padding:.25rem 0 .25rem .75rem;margin:1rem 0}\
.clause.material{border-left-color:#942514}\
.clause.editorial{border-left-color:#0b4f8a}\
.clause h4{margin:0 0 .25rem;font-size:1rem}\
.tag{font-weight:400;color:#4a4a4a}\
.words p{margin:.25rem 0}\
del{color:#942514;background:#fbe9e7;text-decoration:line-through}\
ins{color:#005a30;background:#e6f4ea;text-decoration:underline}\
del::before,del::after,ins::before,ins::after{clip-path:inset(100%);clip:rect(1px,1px,1px,1px);height:1px;overflow:hidden;position:absolute;white-space:nowrap;width:1px}\
del::before{content:\" [deleted: \"}del::after{content:\"] \"}\
ins::before{content:\" [inserted: \"}ins::after{content:\"] \"}\
.unchanged{color:#4a4a4a}\
details{margin:.5rem 0}\
summary{cursor:pointer;color:#0b4f8a}\
.key{border:1px solid #b1b4b6;padding:.5rem .75rem;background:#f8f8f8}\
@media print{details>*{display:block}.clause{break-inside:avoid}del{color:#000;background:none}ins{color:#000;background:none}}";

/// The redline as one self-contained, accessible HTML page: summary and material changes
/// first, then the whole clause-by-clause redline (unchanged runs folded into `<details>`).
pub fn redline_html(r: &Redline) -> String {
    let title = heading(r);
    let mut out = page_start(&title, REDLINE_STYLE, "Skip to the changes");
    let h1 = match (&r.old.title, &r.new.title) {
        (Some(x), Some(y)) if x == y && !x.is_empty() => format!("Redline of {x}"),
        _ => "Redline".to_string(),
    };
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&h1));
    let side = |d: &concord_compare::diff::DocRef| match &d.title {
        Some(t) if !t.is_empty() && r.old.title != r.new.title => format!("{} ({t})", d.id),
        _ => d.id.clone(),
    };
    let _ = writeln!(
        out,
        "<dl class=\"meta\"><dt>Old version:</dt><dd>{}</dd><dt>New version:</dt><dd>{}</dd></dl>",
        esc(&side(&r.old)),
        esc(&side(&r.new))
    );
    let _ = writeln!(
        out,
        "<p class=\"summary\">{}</p>\n</header>",
        esc(&summary_line(r))
    );
    out.push_str("<main id=\"content\">\n");
    changes_html(&mut out, r, 2);
    clauses_html(&mut out, r);
    out.push_str("</main>\n");
    out.push_str(PAGE_END);
    out
}

/// The summary tables of a redline (responsibility changes, material and editorial changes,
/// references to check), each a section headed at `level`.
pub(crate) fn changes_html(out: &mut String, r: &Redline, level: usize) {
    if !r.responsibilities.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"resp\">\n<h{level} id=\"resp\">Responsibility changes</h{level}>"
        );
        out.push_str("<table>\n<caption class=\"skip\">Who does what, before and after</caption>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Before</th><th scope=\"col\">After</th></tr></thead>\n<tbody>\n");
        for c in &r.responsibilities {
            let side = |a: Option<&Answer>| -> String {
                match a {
                    None => "Not covered".to_string(),
                    Some(a) => {
                        let links: Vec<String> = a
                            .clauses
                            .iter()
                            .map(|id| format!("<a href=\"#c-{}\">{}</a>", anchor(id), esc(id)))
                            .collect();
                        if links.is_empty() {
                            esc(&a.summary)
                        } else {
                            format!("{} (clause {})", esc(&a.summary), links.join(", "))
                        }
                    }
                }
            };
            let _ = writeln!(
                out,
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                esc(&question_text(&c.question)),
                side(c.old.as_ref()),
                side(c.new.as_ref())
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    for (class, id, title) in [
        (Class::Material, "material", "Material changes"),
        (Class::Editorial, "editorial", "Editorial changes"),
    ] {
        let list: Vec<&ClauseDiff> = r.clauses.iter().filter(|c| is_class(c, class)).collect();
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"{id}\">\n<h{level} id=\"{id}\">{title} ({})</h{level}>",
            list.len()
        );
        out.push_str("<table>\n<thead><tr><th scope=\"col\">Clause</th><th scope=\"col\">What happened</th><th scope=\"col\">Why it is classed so</th></tr></thead>\n<tbody>\n");
        for c in list {
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{}\">{}</a></td><td>{}</td><td>{}</td></tr>",
                entry_anchor(c),
                esc(&label(c)),
                esc(&status_words(c)),
                esc(c.reason.as_deref().unwrap_or(""))
            );
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    if !r.references.is_empty() {
        let _ = writeln!(
            out,
            "<section aria-labelledby=\"refs\">\n<h{level} id=\"refs\">Cross-references to check</h{level}>\n<ul>"
        );
        for p in &r.references {
            let _ = writeln!(
                out,
                "<li><a href=\"#c-{}\">{}</a>: “{}” {}</li>",
                anchor(&p.clause),
                esc(&p.clause),
                esc(&p.text),
                esc(&p.message)
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
}

/// The clause-by-clause redline as a section headed `h2`, sections `h3`, clauses `h4`.
pub(crate) fn clauses_html(out: &mut String, r: &Redline) {
    out.push_str(
        "<section aria-labelledby=\"full\">\n<h2 id=\"full\">Clause-by-clause redline</h2>\n",
    );
    clauses_body(out, r);
    out.push_str("</section>\n");
}

/// The clause-by-clause redline under a heading the caller wrote: the key, then each
/// section's clauses (sections `h3`, clauses `h4`), unchanged runs folded.
pub(crate) fn clauses_body(out: &mut String, r: &Redline) {
    out.push_str("<p class=\"key\">Deleted text is shown <del>struck through</del>; inserted text is <ins>underlined</ins>. Screen readers announce each deletion and insertion.</p>\n");
    let mut run: Vec<&ClauseDiff> = Vec::new();
    let mut section: Option<&str> = None;
    for c in &r.clauses {
        let here = c.new_section.as_deref().or(c.old_section.as_deref());
        if here.is_some() && here != section {
            flush_unchanged(out, &mut run);
            let _ = writeln!(out, "<h3>{}</h3>", esc(here.unwrap_or("")));
            section = here;
        }
        if c.is_change() {
            flush_unchanged(out, &mut run);
            clause_html(out, c);
        } else {
            run.push(c);
        }
    }
    flush_unchanged(out, &mut run);
}

/// The anchor of a redline entry: the new id, or `old-<id>` for a removed clause.
fn entry_anchor(c: &ClauseDiff) -> String {
    match (&c.new_id, &c.old_id) {
        (Some(n), _) => format!("c-{}", anchor(n)),
        (None, Some(o)) => format!("c-old-{}", anchor(o)),
        (None, None) => "c-".to_string(),
    }
}

fn clause_html(out: &mut String, c: &ClauseDiff) {
    let class = match c.class {
        Some(Class::Material) => "material",
        Some(Class::Editorial) => "editorial",
        None => "",
    };
    let _ = writeln!(
        out,
        "<div class=\"clause {class}\" id=\"{}\">",
        entry_anchor(c)
    );
    let tag = match c.class {
        Some(Class::Material) => " - material",
        Some(Class::Editorial) => " - editorial",
        None => "",
    };
    let _ = writeln!(
        out,
        "<h4>{} <span class=\"tag\">({}{tag})</span></h4>",
        esc(&label(c)),
        esc(&status_words(c))
    );
    if let Some(reason) = &c.reason {
        let _ = writeln!(
            out,
            "<p class=\"tag\">{}</p>",
            esc(&crate::reason::plain_reason(reason))
        );
    }
    if c.moved && c.old_section != c.new_section {
        let _ = writeln!(
            out,
            "<p class=\"tag\">Moved from {}.</p>",
            esc(c.old_section.as_deref().unwrap_or("the start"))
        );
    }
    out.push_str("<div class=\"words\"><p>");
    for w in &c.words {
        let mut first = true;
        for piece in w.text.split('\n') {
            if !first {
                out.push_str("</p><p>");
            }
            first = false;
            if piece.is_empty() {
                continue;
            }
            match w.op {
                Op::Equal => out.push_str(&esc_notes(piece, None)),
                Op::Delete => {
                    let _ = write!(out, "<del>{}</del>", esc_notes(piece, None));
                }
                Op::Insert => {
                    let _ = write!(out, "<ins>{}</ins>", esc_notes(piece, None));
                }
            }
        }
    }
    out.push_str("</p></div>\n</div>\n");
}

fn flush_unchanged(out: &mut String, run: &mut Vec<&ClauseDiff>) {
    if run.is_empty() {
        return;
    }
    let first = label(run[0]);
    let last = label(run[run.len() - 1]);
    let span = if run.len() == 1 {
        first
    } else {
        format!("{first} to {last}")
    };
    let _ = writeln!(
        out,
        "<details><summary>{} unchanged ({})</summary>",
        clauses_word(run.len()),
        esc(&span)
    );
    for c in run.iter() {
        let _ = writeln!(
            out,
            "<div class=\"clause unchanged\" id=\"{}\"><h4>{}</h4><div class=\"words\"><p>{}</p></div></div>",
            entry_anchor(c),
            esc(&label(c)),
            esc_notes(&c.new_text(), None).replace('\n', "</p><p>")
        );
    }
    out.push_str("</details>\n");
    run.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_wrap_each_line_and_keep_spaces_outside() {
        let mut s = String::new();
        mark_lines(&mut s, "[-", " he or she\n(a) x ", "-]");
        assert_eq!(s, " [-he or she-]\n[-(a) x-] ");
    }

    #[test]
    fn markdown_escapes_marks_in_council_text() {
        assert_eq!(md_esc("a*b_c [x]"), "a\\*b\\_c \\[x]");
    }
}
