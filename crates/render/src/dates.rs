//! Dates as every published form writes them, one way throughout: "14 March 2022", "May 2027"
//! for a month, and words as the text wrote them. Canonical Markdown keeps ISO dates, which
//! read back exactly.

use concord_model::WrittenDate;

/// A version table's date as a reader reads it.
pub(crate) fn written(d: &WrittenDate) -> String {
    match d {
        WrittenDate::Date(d) => d.long(),
        WrittenDate::Month { year, month } => {
            let name = concord_model::words::MONTHS
                .get((*month as usize).clamp(1, 12) - 1)
                .copied()
                .unwrap_or("");
            let mut c = name.chars();
            let name = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default();
            format!("{name} {year}")
        }
        WrittenDate::Text(t) => t.clone(),
    }
}

/// The header of a version table's columns, with the review column only when a row has one.
pub(crate) fn version_header(reviews: bool) -> Vec<String> {
    let mut h = vec!["Date".to_string(), "Version".into(), "Note".into()];
    if reviews {
        h.push("Next review date".into());
    }
    h
}

/// A version table's rows, as the header of [`version_header`] orders them.
pub(crate) fn version_rows(doc: &concord_model::Document) -> (Vec<String>, Vec<Vec<String>>) {
    let reviews = doc.meta.versions.iter().any(|v| v.review.is_some());
    let rows = doc
        .meta
        .versions
        .iter()
        .map(|v| {
            let mut row = vec![
                v.date.as_ref().map(written).unwrap_or_default(),
                v.version.clone().unwrap_or_default(),
                v.note.clone().unwrap_or_default(),
            ];
            if reviews {
                row.push(v.review.as_ref().map(written).unwrap_or_default());
            }
            row
        })
        .collect();
    (version_header(reviews), rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_way_of_writing_dates() {
        let d = concord_model::Date::parse_iso("2022-03-14").unwrap();
        assert_eq!(written(&WrittenDate::Date(d)), "14 March 2022");
        assert_eq!(
            written(&WrittenDate::Month {
                year: 2027,
                month: 5
            }),
            "May 2027"
        );
    }
}
