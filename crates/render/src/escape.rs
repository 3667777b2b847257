//! The one escaper of each output format: every string from a document, an options file or
//! a user's flag goes through the escaper of the format it is written in, so it is always
//! text, never markup. HTML and XML agree on what they drop: the characters XML 1.0 forbids
//! (C0 controls other than tab, newline and carriage return, and U+FFFE and U+FFFF), which
//! no text needs and which would stop a Word file from opening.

/// Text as HTML character data or a quoted attribute value.
pub fn html(s: &str) -> String {
    markup(s, "&#39;")
}

/// Text as XML character data or a quoted attribute value (the DOCX writer's parts).
pub fn xml(s: &str) -> String {
    markup(s, "&apos;")
}

fn markup(s: &str, apostrophe: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str(apostrophe),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 => {}
            '\u{fffe}' | '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Text escaped so that a CommonMark reader shows it as written, wherever it stands in a
/// line: a council named `Smith & Sons <Parish>` is not an HTML tag, `*` and `_` are not
/// emphasis, `~~` is no strike-through, `&amp;` is not an entity, `|` does not end a table
/// cell, `[x]` is no link (an escaped `[` opens none, so `]` and `>` need no escape). Footnote
/// references (`[^1]`) stay markup. What a line's start would mean (a heading, a quote, a list
/// item) is the writer's to guard: it knows where lines start.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        let escape = match c {
            '[' => next != Some('^'),
            '\\' | '*' | '_' | '`' | '~' | '<' | '#' | '|' => true,
            '&' => next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#'),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_and_xml_escape_markup_and_drop_what_xml_forbids() {
        let s = "a<b>&\"c\" 'd'\u{1}\u{b}\te\u{ffff}";
        assert_eq!(html(s), "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39;\te");
        assert_eq!(xml(s), "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;\te");
    }

    #[test]
    fn markdown_escapes_marks_but_keeps_footnote_references() {
        assert_eq!(markdown("a*b_c [x]"), "a\\*b\\_c \\[x]");
        assert_eq!(markdown("see[^1] and | ~~"), "see[^1] and \\| \\~\\~");
        assert_eq!(markdown("&amp; & x #1 -> y"), "\\&amp; & x \\#1 -> y");
        assert_eq!(markdown("a\\b `c`"), "a\\\\b \\`c\\`");
    }
}
