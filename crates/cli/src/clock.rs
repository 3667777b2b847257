//! The one place the binary reads the clock: today's date for checks that judge dates. Outputs
//! meant to be reproducible (drafts, redlines, packs, builds) never call this.

use std::time::{SystemTime, UNIX_EPOCH};

use concord_model::Date;

/// Today's date in UTC.
pub fn today() -> Option<Date> {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_seconds(i64::try_from(secs).ok()?)
}

#[cfg(test)]
mod tests {
    use concord_model::Date;

    #[test]
    fn known_days() {
        let day = |secs| Date::from_unix_seconds(secs).map(|d| d.to_string());
        assert_eq!(day(0).as_deref(), Some("1970-01-01"));
        assert_eq!(day(20_788 * 86_400).as_deref(), Some("2026-12-01"));
        assert_eq!(day(11_016 * 86_400 + 86_399).as_deref(), Some("2000-02-29"));
        assert!(super::today().is_some());
    }
}
