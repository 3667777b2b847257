//! The pack's words for a committee: the checks' findings with no command, file path or code
//! markup in them.

/// A finding's message or fix as a committee reads it: a parenthesis that names a command
/// (in backticks) is dropped, and any other backtick mark taken off.
pub fn for_committee(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(" (") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open..open + close + 1];
        out.push_str(&rest[..open]);
        if !inner.contains('`') {
            out.push_str(inner);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out.replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_lose_their_commands() {
        assert_eq!(
            for_committee(
                "accept or reject the changes in the source (`concord ingest FILE --format md` writes the text with them accepted)"
            ),
            "accept or reject the changes in the source"
        );
        assert_eq!(
            for_committee("use one name (as in 2.1) for `x`"),
            "use one name (as in 2.1) for x"
        );
    }
}
