//! Dates: the typed [`Date`] the model keeps (an ISO date on the wire, a real calendar day:
//! there is no 31 February), the [`WrittenDate`] of a version table's cells (a date, a month, or
//! words kept as written), and reading them from the ways protocols write them: "19 APRIL
//! 2016", "19th April 2016", "09.09.2024", "9/9/24", "2016-04-19", "May 2027".

use std::fmt;

use crate::words::MONTHS;

/// A calendar day (proleptic Gregorian, through `jiff`). Written, and read from JSON, as ISO
/// `YYYY-MM-DD`; printed for people by [`Date::long`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date);

impl Date {
    /// The day, if there is one (`Date::new(2026, 2, 31)` is `None`).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let (y, m, d) = (
            i16::try_from(year).ok()?,
            i8::try_from(month).ok()?,
            i8::try_from(day).ok()?,
        );
        jiff::civil::Date::new(y, m, d).ok().map(Date)
    }

    /// An ISO date written exactly `YYYY-MM-DD`, of a real day; nothing else.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        let shape = b.len() == 10
            && b.iter().enumerate().all(|(i, c)| match i {
                4 | 7 => *c == b'-',
                _ => c.is_ascii_digit(),
            });
        if !shape {
            return None;
        }
        Date::new(
            s[..4].parse().ok()?,
            s[5..7].parse().ok()?,
            s[8..].parse().ok()?,
        )
    }

    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    /// 1 for January.
    pub fn month(self) -> u32 {
        self.0.month().unsigned_abs().into()
    }

    pub fn day(self) -> u32 {
        self.0.day().unsigned_abs().into()
    }

    /// As a protocol prints it: `5 May 2026`.
    pub fn long(self) -> String {
        let month = MONTHS[(self.month() as usize).clamp(1, 12) - 1];
        format!("{} {month} {}", self.day(), self.year())
    }

    /// The day a date-time in UTC falls on, from seconds since 1970-01-01 (for the binary's
    /// clock; the model reads none).
    pub fn from_unix_seconds(secs: i64) -> Option<Date> {
        let t = jiff::Timestamp::from_second(secs).ok()?;
        Some(Date(jiff::tz::Offset::UTC.to_datetime(t).date()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse_iso(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("'{s}' is not a date (YYYY-MM-DD)")))
    }
}

impl schemars::JsonSchema for Date {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "format": "date" })
    }
}

/// An ISO date (`2026-05-05`) as a protocol prints it (`5 May 2026`); anything else as it is.
pub fn long_date(iso: &str) -> String {
    Date::parse_iso(iso).map_or_else(|| iso.to_string(), Date::long)
}

/// A date as a version table's cell gives it: a whole date, a month (a review due "May 2027"),
/// or words kept as written. On the wire: `2027-05-01`, `2027-05`, or the words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrittenDate {
    Date(Date),
    Month { year: i32, month: u32 },
    Text(String),
}

impl WrittenDate {
    /// A version table's date cell: the date it holds, or the cell as written.
    pub fn cell(s: &str) -> WrittenDate {
        find_date(s).map_or_else(|| WrittenDate::Text(s.to_string()), WrittenDate::Date)
    }

    /// A review cell: the date it holds, else the month and year ("May 2027"), else the cell
    /// as written.
    pub fn review(s: &str) -> WrittenDate {
        if let Some(d) = find_date(s) {
            return WrittenDate::Date(d);
        }
        // The form the model writes (canonical Markdown's `2027-05`) reads back as itself.
        if let w @ WrittenDate::Month { .. } = WrittenDate::parse(s.trim()) {
            return w;
        }
        // Words without the stops and colons around them ("Next review: May 2025.").
        let words: Vec<String> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        for pair in words.windows(2) {
            if let (Some(month), Ok(year)) = (month(&pair[0]), pair[1].parse::<i32>())
                && (1900..=2200).contains(&year)
            {
                return WrittenDate::Month { year, month };
            }
        }
        WrittenDate::Text(s.to_string())
    }

    /// The form the wire carries: ISO date, `YYYY-MM`, or the words.
    fn parse(s: &str) -> WrittenDate {
        if let Some(d) = Date::parse_iso(s) {
            return WrittenDate::Date(d);
        }
        let b = s.as_bytes();
        if b.len() == 7
            && b[4] == b'-'
            && let (Ok(year), Ok(month)) = (s[..4].parse::<i32>(), s[5..].parse::<u32>())
            && s[..4]
                .bytes()
                .chain(s[5..].bytes())
                .all(|c| c.is_ascii_digit())
            && (1..=12).contains(&month)
        {
            return WrittenDate::Month { year, month };
        }
        WrittenDate::Text(s.to_string())
    }

    /// Months since year 0 (`year * 12 + month - 1`), for a date or a month; `None` for words.
    /// Two of them subtract to the months between ("May 2024" to "May 2026" is 24).
    pub fn months(&self) -> Option<i32> {
        match self {
            WrittenDate::Date(d) => Some(d.year() * 12 + d.month() as i32 - 1),
            WrittenDate::Month { year, month } => Some(year * 12 + *month as i32 - 1),
            WrittenDate::Text(_) => None,
        }
    }

    /// The whole date, if it is one.
    pub fn date(&self) -> Option<Date> {
        match self {
            WrittenDate::Date(d) => Some(*d),
            _ => None,
        }
    }
}

impl fmt::Display for WrittenDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WrittenDate::Date(d) => d.fmt(f),
            WrittenDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            WrittenDate::Text(t) => f.write_str(t),
        }
    }
}

impl serde::Serialize for WrittenDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for WrittenDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<WrittenDate, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Ok(WrittenDate::parse(&s))
    }
}

impl schemars::JsonSchema for WrittenDate {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "WrittenDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string" })
    }
}

/// The first date in `s`: `19 APRIL 2016`, `19th April 2016`, `09.09.2024`, `9/9/24`,
/// `2016-04-19`. Years from 1900 to 2200; a day the month does not have is no date.
pub fn find_date(s: &str) -> Option<Date> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '/' && c != '-')
                .to_lowercase()
        })
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = numeric_date(w) {
            return Some(d);
        }
        // 19 April 2016 / 19th April 2016
        let day = w.trim_end_matches(|c: char| c.is_alphabetic());
        if let (Ok(day), Some(month), Some(year)) = (
            day.parse::<u32>(),
            words.get(i + 1).and_then(|m| month(m)),
            words
                .get(i + 2)
                .and_then(|y| y.trim_end_matches('.').parse::<u32>().ok()),
        ) && let Some(d) = valid(year, month, day)
        {
            return Some(d);
        }
    }
    None
}

fn month(w: &str) -> Option<u32> {
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.to_lowercase().starts_with(w))
        .map(|i| i as u32 + 1)
}

fn numeric_date(w: &str) -> Option<Date> {
    let sep = ['.', '/', '-']
        .into_iter()
        .find(|&c| w.matches(c).count() == 2)?;
    let parts: Vec<&str> = w.split(sep).collect();
    let nums: Vec<u32> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else {
        // UK order: day, month, year.
        let y = if parts[2].len() == 2 {
            2000 + nums[2]
        } else {
            nums[2]
        };
        (y, nums[1], nums[0])
    };
    valid(y, m, d)
}

fn valid(y: u32, m: u32, d: u32) -> Option<Date> {
    if (1900..=2200).contains(&y) {
        Date::new(i32::try_from(y).ok()?, m, d)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_printed() {
        assert_eq!(long_date("2016-04-19"), "19 April 2016");
        assert_eq!(long_date("2026-05-05"), "5 May 2026");
        assert_eq!(long_date("May 2027"), "May 2027");
        assert_eq!(long_date("2026-13-01"), "2026-13-01");
        assert_eq!(long_date("2026-02-31"), "2026-02-31");
    }

    #[test]
    fn dates() {
        assert_eq!(
            find_date("ADOPTED BY COUNCIL 19 APRIL 2016")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2016-04-19")
        );
        assert_eq!(
            find_date("adopted on 1st May 2024.")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(
            find_date("09.09.2024").map(|d| d.to_string()).as_deref(),
            Some("2024-09-09")
        );
        assert_eq!(
            find_date("Adopted: 2026-05-05")
                .map(|d| d.to_string())
                .as_deref(),
            Some("2026-05-05")
        );
        assert_eq!(find_date("May 2025"), None);
    }

    #[test]
    fn days_the_month_does_not_have_are_no_dates() {
        assert_eq!(find_date("31 February 2026"), None);
        assert_eq!(find_date("31.02.2026"), None);
        assert_eq!(
            find_date("29.02.2024").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(Date::parse_iso("2026-02-31"), None);
        assert_eq!(Date::parse_iso("2026-2-3"), None);
        assert_eq!(
            Date::parse_iso("2026-05-05").map(Date::long).as_deref(),
            Some("5 May 2026")
        );
    }

    #[test]
    fn written_dates_read_back_as_written() {
        for (cell, wire) in [
            ("May 2027", "2027-05"),
            ("1 May 2027", "2027-05-01"),
            ("spring", "spring"),
        ] {
            let w = WrittenDate::review(cell);
            assert_eq!(w.to_string(), wire);
            let json = serde_json::to_string(&w).unwrap();
            assert_eq!(serde_json::from_str::<WrittenDate>(&json).unwrap(), w);
        }
    }
}
