//! English words the writers and readers share: small numbers and months, and dates as a
//! protocol prints them ("5 May 2026").

/// Number words from zero to nineteen; `SMALL_NUMBERS[n]` is the word for `n`.
pub const SMALL_NUMBERS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The months, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// An ISO date (`2026-05-05`) as a protocol prints it (`5 May 2026`); anything else as it is.
pub fn long_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    if let [y, m, d] = parts.as_slice()
        && y.len() == 4
        && let (Ok(m), Ok(d)) = (m.parse::<usize>(), d.parse::<u32>())
        && (1..=12).contains(&m)
    {
        return format!("{d} {} {y}", MONTHS[m - 1]);
    }
    iso.to_string()
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
    }
}
