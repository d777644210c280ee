//! Frames and collections written out: CSV tables with pinned formatting,
//! and nested record files.

pub mod atomic;
pub mod records;
pub mod summaries;
pub mod writer;

use std::io::Write;

use polars::prelude::*;

use crate::error::{Error, Result};

/// A frame cell as canonical CSV text: ISO dates, `true`/`false`, floats
/// in their shortest round-trip form, nulls empty.
pub fn cell_text(value: &AnyValue<'_>) -> String {
    match value {
        AnyValue::Null => String::new(),
        AnyValue::Boolean(b) => b.to_string(),
        AnyValue::Int64(n) => n.to_string(),
        AnyValue::Float64(x) => x.to_string(),
        AnyValue::String(s) => (*s).to_owned(),
        AnyValue::StringOwned(s) => s.to_string(),
        AnyValue::Enum(cat, map) => map.cat_to_str(*cat).unwrap_or_default().to_owned(),
        AnyValue::EnumOwned(cat, map) => map.cat_to_str(*cat).unwrap_or_default().to_owned(),
        AnyValue::Date(days) => chrono::NaiveDate::from_num_days_from_ce_opt(days + 719_163)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// Writes a frame as canonical CSV (header row, RFC 4180 quoting, `\n`
/// line ends) to any writer.
pub fn write_csv<W: Write>(df: &DataFrame, out: W) -> Result<()> {
    let fail = |e: csv::Error| Error::Write {
        what: "CSV".to_owned(),
        message: e.to_string(),
    };
    let mut writer = csv::Writer::from_writer(out);
    let columns = df.columns();
    writer
        .write_record(columns.iter().map(|c| c.name().as_str()))
        .map_err(fail)?;
    let mut row = Vec::with_capacity(columns.len());
    for i in 0..df.height() {
        row.clear();
        for c in columns {
            row.push(cell_text(&c.get(i)?));
        }
        writer.write_record(&row).map_err(fail)?;
    }
    writer.flush().map_err(|e| Error::Write {
        what: "CSV".to_owned(),
        message: e.to_string(),
    })
}
