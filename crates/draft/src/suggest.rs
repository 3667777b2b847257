//! "Did you mean": the closest allowed value to a mistyped one, and the hint line that lists
//! the allowed values.

/// The allowed value closest to `got`, if it is close enough to be a likely typo.
pub fn closest<'a>(got: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let got = got.to_lowercase();
    // The start of one allowed value ("officer-complaint" for
    // "officer-complaint-about-councillor") names it, whatever the edit distance.
    if got.len() >= 4 {
        let mut starting = allowed.iter().filter(|c| c.starts_with(&got));
        if let (Some(&only), None) = (starting.next(), starting.next()) {
            return Some(only);
        }
    }
    let mut best: Option<(usize, &'a str)> = None;
    for &candidate in allowed {
        let distance = strsim::levenshtein(&got, candidate);
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    // A third of the word may be wrong (at least two edits): "chief-exec" is not close to
    // "chief-executive" by edits, so a prefix also counts.
    best.and_then(|(d, c)| {
        let limit = (c.chars().count() / 3).max(2);
        (d <= limit || (got.len() >= 4 && c.starts_with(&got))).then_some(c)
    })
}

/// A hint naming the closest allowed value (if any) and listing all of them.
pub fn hint(got: &str, allowed: &[&str]) -> String {
    let list = allowed
        .iter()
        .map(|a| format!("'{a}'"))
        .collect::<Vec<_>>()
        .join(", ");
    match closest(got, allowed) {
        Some(c) => format!("did you mean '{c}'? allowed: {list}"),
        None => format!("allowed: {list}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_and_prefixes_are_suggested_but_unrelated_words_are_not() {
        let allowed = ["monitoring-officer", "chief-executive", "clerk"];
        assert_eq!(
            closest("monitering-officer", &allowed),
            Some("monitoring-officer")
        );
        assert_eq!(closest("chief-exec", &allowed), Some("chief-executive"));
        assert_eq!(closest("Clerk", &allowed), Some("clerk"));
        assert_eq!(closest("mayor", &allowed), None);
        assert!(hint("mayor", &allowed).starts_with("allowed: 'monitoring-officer'"));
    }
}
