//! Frames as CSV, formatted byte for byte as polars' own writer formats
//! them (its defaults: `,`, `"` where necessary, `\n`, nulls empty, empty
//! text as `""`, floats in their shortest round-trip form), but faster:
//! rows are formatted in blocks side by side, dates without a calendar
//! library, vocabulary words escaped once a category instead of once a
//! cell.
//!
//! The summaries are hundreds of megabytes at a million summits, so this
//! is where `export summaries` spends its time.

use std::io::Write;

use polars::prelude::*;
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::model::calendar::civil_from_days;

/// Rows formatted by one task.
const BLOCK: usize = 1 << 15;

/// Writes `df` as CSV: an optional byte order mark, a header row, a row a
/// line. Blocks of rows are formatted in parallel and written in order,
/// a few at a time, so memory stays bounded whatever the frame's size.
pub fn write_frame<W: Write>(df: &DataFrame, out: &mut W, bom: bool) -> Result<()> {
    let fail = |e: std::io::Error| Error::Write {
        what: "CSV".to_owned(),
        message: e.to_string(),
    };
    let columns: Vec<Column> = df.columns().iter().map(|c| c.rechunk()).collect();
    let cells: Vec<Cells> = columns.iter().map(Cells::of).collect::<Result<_>>()?;

    let mut header = Vec::new();
    if bom {
        header.extend_from_slice("\u{feff}".as_bytes());
    }
    for (i, c) in columns.iter().enumerate() {
        if i > 0 {
            header.push(b',');
        }
        text(&mut header, c.name().as_bytes());
    }
    header.push(b'\n');
    out.write_all(&header).map_err(fail)?;

    let n = df.height();
    // Blocks of rows formatted side by side, a batch at a time, into
    // buffers that are reused from batch to batch.
    let mut buffers: Vec<Vec<u8>> = vec![Vec::new(); 4 * rayon::current_num_threads()];
    let batch = BLOCK * buffers.len();
    for start in (0..n).step_by(batch) {
        buffers.par_iter_mut().enumerate().for_each(|(k, buf)| {
            buf.clear();
            let from = (start + k * BLOCK).min(n);
            let to = (from + BLOCK).min(n);
            for row in from..to {
                for (i, c) in cells.iter().enumerate() {
                    if i > 0 {
                        buf.push(b',');
                    }
                    c.write(buf, row);
                }
                buf.push(b'\n');
            }
        });
        for block in &buffers {
            out.write_all(block).map_err(fail)?;
        }
    }
    Ok(())
}

/// The arrow array holding a column's values of dtype `T`.
type ArrayOf<T> = <T as PolarsDataType>::Array;

/// An Enum's category numbers, as stored.
enum Codes<'a> {
    U8(&'a ArrayOf<UInt8Type>),
    U16(&'a ArrayOf<UInt16Type>),
    U32(&'a ArrayOf<UInt32Type>),
}

/// One column's values, ready to be formatted by row.
enum Cells<'a> {
    Text(&'a ArrayOf<StringType>),
    /// An Enum's codes and its words, escaped once.
    Words(Codes<'a>, Vec<Vec<u8>>),
    Date(&'a ArrayOf<Int32Type>),
    Int(&'a ArrayOf<Int64Type>),
    Int32(&'a ArrayOf<Int32Type>),
    UInt(&'a ArrayOf<UInt32Type>),
    Float(&'a ArrayOf<Float64Type>),
    Bool(&'a ArrayOf<BooleanType>),
    /// Any other dtype, as text cast by polars.
    Other(Series),
}

impl<'a> Cells<'a> {
    fn of(column: &'a Column) -> Result<Cells<'a>> {
        let series = column.as_materialized_series();
        Ok(match series.dtype() {
            DataType::String => Cells::Text(single(series.str()?)),
            DataType::Date => Cells::Date(single(series.date()?.physical())),
            DataType::Int64 => Cells::Int(single(series.i64()?)),
            DataType::Int32 => Cells::Int32(single(series.i32()?)),
            DataType::UInt32 => Cells::UInt(single(series.u32()?)),
            DataType::Float64 => Cells::Float(single(series.f64()?)),
            DataType::Boolean => Cells::Bool(single(series.bool()?)),
            DataType::Enum(categories, _) => {
                let words = categories
                    .categories()
                    .values_iter()
                    .map(|w| {
                        let mut escaped = Vec::new();
                        text(&mut escaped, w.as_bytes());
                        escaped
                    })
                    .collect();
                let codes = match series.dtype().cat_physical()? {
                    CategoricalPhysical::U8 => Codes::U8(single(series.cat8()?.physical())),
                    CategoricalPhysical::U16 => Codes::U16(single(series.cat16()?.physical())),
                    CategoricalPhysical::U32 => Codes::U32(single(series.cat32()?.physical())),
                };
                Cells::Words(codes, words)
            }
            _ => Cells::Other(series.cast(&DataType::String)?),
        })
    }

    fn write(&self, buf: &mut Vec<u8>, row: usize) {
        match self {
            Cells::Text(a) => {
                if let Some(v) = a.get(row) {
                    text(buf, v.as_bytes());
                }
            }
            Cells::Words(codes, words) => {
                let code = match codes {
                    Codes::U8(a) => a.get(row).map(usize::from),
                    Codes::U16(a) => a.get(row).map(usize::from),
                    Codes::U32(a) => a.get(row).map(|c| c as usize),
                };
                if let Some(code) = code {
                    buf.extend_from_slice(&words[code]);
                }
            }
            Cells::Date(a) => {
                if let Some(v) = a.get(row) {
                    date(buf, v);
                }
            }
            Cells::Int(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Cells::Int32(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Cells::UInt(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Cells::Float(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(zmij::Buffer::new().format(v).as_bytes());
                }
            }
            Cells::Bool(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(if v { b"true" } else { b"false" });
                }
            }
            Cells::Other(s) => {
                if let Ok(AnyValue::String(v)) = s.get(row) {
                    text(buf, v.as_bytes());
                }
            }
        }
    }
}

/// The one chunk of a rechunked array.
fn single<T: PolarsDataType>(ca: &ChunkedArray<T>) -> &T::Array {
    ca.downcast_iter()
        .next()
        .expect("a rechunked column has exactly one chunk")
}

/// Text as a CSV field: as it is unless it holds a comma, a line break or
/// a quote; then quoted, quotes doubled. Empty text is `""`, which keeps
/// it apart from an empty (null) cell.
fn text(buf: &mut Vec<u8>, s: &[u8]) {
    if s.is_empty() {
        buf.extend_from_slice(b"\"\"");
        return;
    }
    // Cells are mostly short ids and names: a plain loop over their bytes
    // beats setting up two vector searches a cell.
    let plain = if s.len() <= 32 {
        !s.iter().any(|b| matches!(b, b'"' | b',' | b'\n' | b'\r'))
    } else {
        memchr::memchr(b'"', s).is_none() && memchr::memchr3(b',', b'\n', b'\r', s).is_none()
    };
    if plain {
        buf.extend_from_slice(s);
        return;
    }
    buf.push(b'"');
    for &b in s {
        if b == b'"' {
            buf.push(b'"');
        }
        buf.push(b);
    }
    buf.push(b'"');
}

/// A date (days since 1970-01-01) as `YYYY-MM-DD`; years outside
/// 0..=9999 are left to chrono, which writes them as polars does.
fn date(buf: &mut Vec<u8>, days: i32) {
    let (year, month, day) = civil_from_days(days);
    if !(0..=9999).contains(&year) {
        if let Some(d) = chrono::NaiveDate::from_num_days_from_ce_opt(days + 719_163) {
            buf.extend_from_slice(d.format("%Y-%m-%d").to_string().as_bytes());
        }
        return;
    }
    let two = |value: i64| [b'0' + (value / 10) as u8, b'0' + (value % 10) as u8];
    let [y1, y2] = two(year / 100);
    let [y3, y4] = two(year % 100);
    let [m1, m2] = two(month);
    let [d1, d2] = two(day);
    buf.extend_from_slice(&[y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ours(df: &DataFrame) -> String {
        let mut out = Vec::new();
        write_frame(df, &mut out, false).unwrap();
        String::from_utf8(out).unwrap()
    }

    fn polars(df: &mut DataFrame) -> String {
        let mut out = Vec::new();
        CsvWriter::new(&mut out).finish(df).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn formats_as_polars_does() {
        let days: Vec<Option<i32>> = vec![
            Some(0),
            Some(-1),
            Some(-719_162),
            Some(20_315),
            Some(2_932_896),
            None,
            Some(11_016),
            Some(-25_567),
        ];
        let dates = Series::new("date".into(), days)
            .cast(&DataType::Date)
            .unwrap();
        let words = Series::new(
            "word".into(),
            [
                Some("b"),
                None,
                Some("a,b"),
                Some("b"),
                Some("a"),
                Some("\"q\""),
                None,
                Some("a"),
            ],
        )
        .cast(&crate::load::frame::Kind::Vocabulary(&["a", "b", "a,b", "\"q\""]).dtype())
        .unwrap();
        let mut df = df!(
            "text" => [Some("plain"), Some(""), None, Some("a,b"), Some("say \"hi\""), Some("two\nlines"), Some("قمة"), Some("cr\r")],
            "int" => [Some(0i64), Some(-5), None, Some(i64::MAX), Some(i64::MIN), Some(42), Some(7), Some(1)],
            "float" => [Some(0.0001), Some(6.0), None, Some(1e16), Some(0.1 + 0.2), Some(-0.0), Some(f64::NAN), Some(123_456_789_012.5)],
            "flag" => [Some(true), Some(false), None, Some(true), Some(true), Some(false), None, Some(false)],
            "count" => [Some(1u32), None, Some(3), Some(u32::MAX), Some(0), Some(9), Some(10), Some(11)],
            "int32" => [Some(1i32), None, Some(-3), Some(i32::MAX), Some(i32::MIN), Some(0), Some(10), Some(11)],
        )
        .unwrap();
        df.with_column(dates.into()).unwrap();
        df.with_column(words.into()).unwrap();
        assert_eq!(ours(&df), polars(&mut df));
    }

    #[test]
    fn large_frames_keep_their_row_order_across_blocks() {
        let n = BLOCK * 9 + 17;
        let mut df = df!(
            "i" => (0..n as i64).collect::<Vec<_>>(),
            "x" => (0..n).map(|i| i as f64 / 7.0).collect::<Vec<_>>(),
        )
        .unwrap();
        assert_eq!(ours(&df), polars(&mut df));
    }

    #[test]
    fn a_byte_order_mark_only_when_asked() {
        let df = df!("a" => [1i64]).unwrap();
        let mut out = Vec::new();
        write_frame(&df, &mut out, true).unwrap();
        assert_eq!(out, "\u{feff}a\n1\n".as_bytes());
    }
}
