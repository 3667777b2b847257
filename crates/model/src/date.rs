//! Dates as protocols write them: "19 APRIL 2016", "19th April 2016", "09.09.2024", "9/9/24",
//! "2016-04-19", and a review month such as "May 2027"; read into the ISO forms the model keeps.

use crate::words::MONTHS;

/// A review date as the model keeps it: a whole date as ISO, "May 2027" as `2027-05`, anything
/// else as written.
pub fn review_date(s: &str) -> String {
    if let Some(d) = find_date(s) {
        return d;
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for pair in words.windows(2) {
        if let (Some(m), Ok(y)) = (month(&pair[0]), pair[1].parse::<u32>())
            && (1900..=2200).contains(&y)
        {
            return format!("{y:04}-{m:02}");
        }
    }
    s.to_string()
}

/// The first date in `s` as ISO `YYYY-MM-DD`: `19 APRIL 2016`, `19th April 2016`, `09.09.2024`,
/// `9/9/24`, `2016-04-19`.
pub fn find_date(s: &str) -> Option<String> {
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
        ) && valid(year, month, day)
        {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
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

fn numeric_date(w: &str) -> Option<String> {
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
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn valid(y: u32, m: u32, d: u32) -> bool {
    (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            find_date("ADOPTED BY COUNCIL 19 APRIL 2016").as_deref(),
            Some("2016-04-19")
        );
        assert_eq!(
            find_date("adopted on 1st May 2024.").as_deref(),
            Some("2024-05-01")
        );
        assert_eq!(find_date("09.09.2024").as_deref(), Some("2024-09-09"));
        assert_eq!(
            find_date("Adopted: 2026-05-05").as_deref(),
            Some("2026-05-05")
        );
        assert_eq!(find_date("May 2025"), None);
    }
}
