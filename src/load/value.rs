//! The value grammar of the codebook: how dates, booleans, ids and web
//! addresses are written, and the one conversion from polars' day numbers
//! to dates.

use chrono::NaiveDate;

/// How every date is written: ISO 8601, `YYYY-MM-DD`.
pub(crate) const DATE_FORMAT: &str = "%Y-%m-%d";

/// The date of one of polars' day numbers (days since 1970-01-01).
pub(crate) fn date_of_days(days: i32) -> Option<NaiveDate> {
    chrono::DateTime::from_timestamp(i64::from(days) * 86_400, 0).map(|t| t.date_naive())
}

/// A date as the codebook writes it.
pub(crate) fn date_text(date: NaiveDate) -> String {
    date.format(DATE_FORMAT).to_string()
}

/// An ISO date, exactly `YYYY-MM-DD`.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, DATE_FORMAT).ok()
}

/// `true` or `false`, in any letter case (as polars reads them).
pub(crate) fn parse_bool(text: &str) -> Option<bool> {
    if text.eq_ignore_ascii_case("true") {
        Some(true)
    } else if text.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// The pattern of [`ColumnType::Id`](super::schema::ColumnType::Id), for polars.
pub(crate) const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// Whether `text` is an id: it can then name a record file.
pub(crate) fn is_id(text: &str) -> bool {
    text.bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphanumeric())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Whether `text` is a web address: `http://` or `https://` and no spaces.
pub(crate) fn is_url(text: &str) -> bool {
    (text.starts_with("https://") || text.starts_with("http://"))
        && !text.contains(char::is_whitespace)
}
