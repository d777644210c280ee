//! Days since 1970-01-01 to calendar dates, by arithmetic: the summaries
//! turn millions of day numbers into years and ISO dates, where a calendar
//! library would cost more than the rest of the work.

/// The year, month and day of a day number (days since 1970-01-01), by
/// the civil-calendar arithmetic of Howard Hinnant's `civil_from_days`
/// (proleptic Gregorian, as chrono and polars count).
pub(crate) fn civil_from_days(days: i32) -> (i64, i64, i64) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    #[test]
    fn dates_are_counted_as_chrono_counts_them() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let mut date = chrono::NaiveDate::from_ymd_opt(-400, 1, 1).unwrap();
        let end = chrono::NaiveDate::from_ymd_opt(10_000, 12, 31).unwrap();
        while date <= end {
            let days = (date - epoch).num_days() as i32;
            let expected = (
                i64::from(date.year()),
                i64::from(date.month()),
                i64::from(date.day()),
            );
            assert_eq!(civil_from_days(days), expected, "{date}");
            date = date.checked_add_days(chrono::Days::new(7)).unwrap();
        }
    }
}
