//! What every HTML page Concord writes shares: escaping, fragment ids, the page shell and the
//! base stylesheet (colours chosen for WCAG 2.2 AA contrast, print rules), so each writer only
//! adds the parts that are its own.

use std::fmt::Write;

/// Colours chosen for WCAG 2.2 AA: body text #1b1b1b on white is about 17:1, muted text
/// #4a4a4a about 8.9:1, links #0b4f8a about 8.4:1.
pub(crate) const BASE_STYLE: &str = "\
:root{color-scheme:light}\
body{font-family:system-ui,-apple-system,\"Segoe UI\",Arial,sans-serif;line-height:1.55;color:#1b1b1b;background:#fff;margin:0}\
.page{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
a{color:#0b4f8a}\
a:focus{outline:3px solid #ffbf47;outline-offset:1px}\
.skip{position:absolute;left:-999px}\
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}\
h1{font-size:1.9rem;line-height:1.2;margin:.5rem 0}\
h2{font-size:1.4rem;margin:2rem 0 .75rem;border-bottom:1px solid #b1b4b6;padding-bottom:.25rem}\
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}\
.meta{color:#4a4a4a;margin:0 0 1rem}\
.meta dt{font-weight:600;display:inline}\
.meta dd{display:inline;margin:0 1rem 0 .25rem}\
@media print{body{font-size:11pt}.page{max-width:none;padding:0}nav,.skip{display:none}\
a{color:#1b1b1b;text-decoration:none}h2,h3{break-after:avoid}}";

/// The start of a page up to and including `<div class="page">`: language, title, styles and a
/// skip link to `#content`.
pub(crate) fn page_start(title: &str, style: &str, skip_label: &str) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    let _ = writeln!(out, "<style>{BASE_STYLE}{style}</style>\n</head>\n<body>");
    let _ = writeln!(
        out,
        "<a class=\"skip\" href=\"#content\">{}</a>",
        esc(skip_label)
    );
    out.push_str("<div class=\"page\">\n");
    out
}

/// The end of a page opened by [`page_start`].
pub(crate) const PAGE_END: &str = "</div>\n</body>\n</html>\n";

/// A fragment id: letters, digits, `.`, `-` and `_` kept, anything else `-`.
pub(crate) fn anchor(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect()
}

pub(crate) use crate::escape::html as esc;

/// `text` escaped, with its footnote references (`[^2]`) as raised numbers: links to the notes
/// (`#{prefix}fn-2`) when the page lists them, plain raised numbers otherwise. A `[^` that is
/// not a reference stays as written.
pub(crate) fn esc_notes(text: &str, prefix: Option<&str>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("[^") {
        let after = &rest[i + 2..];
        let id_len = after.find(']').filter(|&n| {
            n > 0
                && after[..n]
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
        });
        let Some(n) = id_len else {
            out.push_str(&esc(&rest[..i + 2]));
            rest = after;
            continue;
        };
        out.push_str(&esc(&rest[..i]));
        let id = &after[..n];
        match prefix {
            Some(p) => {
                let _ = write!(
                    out,
                    "<sup><a href=\"#{p}fn-{}\" aria-label=\"note {}\">{}</a></sup>",
                    anchor(id),
                    esc(id),
                    esc(id)
                );
            }
            None => {
                let _ = write!(out, "<sup>{}</sup>", esc(id));
            }
        }
        rest = &after[n + 1..];
    }
    out.push_str(&esc(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_references_are_raised_not_printed() {
        assert_eq!(
            esc_notes("a council.[^3] The <b>", Some("text-")),
            "a council.<sup><a href=\"#text-fn-3\" aria-label=\"note 3\">3</a></sup> The &lt;b&gt;"
        );
        assert_eq!(esc_notes("x[^2]", None), "x<sup>2</sup>");
        assert_eq!(esc_notes("[^ not one] [^]", None), "[^ not one] [^]");
    }
}
