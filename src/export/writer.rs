//! Frames as CSV, formatted byte for byte as polars' own writer formats
//! them (its defaults: `,`, `"` where necessary, `\n`, nulls empty, empty
//! text as `""`, floats in their shortest round-trip form), but faster:
//! rows are formatted in blocks side by side, dates from a table of days
//! instead of a calendar library, four-place floats from their integer,
//! vocabulary words escaped once a category instead of once a cell. A
//! table drawn from larger frames through row maps ([`Source`]) is
//! written without being gathered first.
//!
//! The summaries are hundreds of megabytes at a million summits, so this
//! is where `export summaries` spends its time.

use std::io::Write;

use polars::prelude::*;
use rayon::prelude::*;

use crate::analysis::gather_indices;
pub use crate::analysis::{NO_ROW, Source};
use crate::bytes::{bytes_equal, copy_short, word8};
use crate::error::{Error, Result};
use crate::model::calendar::civil_from_days;

/// Rows formatted by one task.
const BLOCK: usize = 1 << 15;

/// Writes `df` as CSV: an optional byte order mark, a header row, a row a
/// line.
pub fn write_frame<W: Write + Send>(df: &DataFrame, out: &mut W, bom: bool) -> Result<()> {
    let sources: Vec<Source<'_>> = df.columns().iter().map(Source::whole).collect();
    write_sources(&sources, df.height(), out, bom)
}

/// Writes a table of `height` rows drawn from `sources` as CSV, as
/// [`write_frame`] does. Blocks of rows are formatted in parallel and
/// written in order, a few at a time, so memory stays bounded whatever the
/// table's size.
pub fn write_sources<W: Write + Send>(
    sources: &[Source<'_>],
    height: usize,
    out: &mut W,
    bom: bool,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::Write {
        what: "CSV".to_owned(),
        message: e.to_string(),
    };
    for s in sources {
        let refuse = |message: String| {
            Err(Error::Write {
                what: "CSV".to_owned(),
                message: format!("column {:?}: {message}", s.name),
            })
        };
        let len = s.rows.map_or(s.column.len(), <[IdxSize]>::len);
        if len != height {
            return refuse(format!("{len} rows, not {height}"));
        }
        let size = s.column.len();
        let beyond = s
            .rows
            .and_then(|rows| rows.iter().find(|&&r| r != NO_ROW && r as usize >= size));
        if let Some(row) = beyond {
            return refuse(format!("no row {row} in {size} rows"));
        }
    }
    // Columns of dtypes formatted here are read in place; any other is
    // cast to text by polars first.
    let cast: Vec<Option<Series>> = sources
        .iter()
        .map(|s| {
            let series = s.column.as_materialized_series();
            Ok(match Values::kind(series.dtype()) {
                Some(_) => None,
                None => Some(series.cast(&DataType::String)?),
            })
        })
        .collect::<Result<_>>()?;
    let series: Vec<&Series> = sources
        .iter()
        .zip(&cast)
        .map(|(s, cast)| {
            cast.as_ref()
                .unwrap_or_else(|| s.column.as_materialized_series())
        })
        .collect();
    // Columns read in place are set up once: whole ones, and drawn ones
    // whose rows run close together (read through their row map). Others,
    // whose rows jump about, are gathered a block at a time (below): read
    // in table order, each cell would wait on memory.
    let in_place: Vec<Option<Cells<'_>>> = sources
        .iter()
        .zip(&series)
        .map(|(s, series)| match s.rows {
            Some(rows) if !close_together(rows) => Ok(None),
            _ => Cells::of(series).map(Some),
        })
        .collect::<Result<_>>()?;
    let mut header = Vec::new();
    if bom {
        header.extend_from_slice("\u{feff}".as_bytes());
    }
    for (i, s) in sources.iter().enumerate() {
        if i > 0 {
            header.push(b',');
        }
        text(&mut header, s.name.as_bytes());
    }
    header.push(b'\n');
    out.write_all(&header).map_err(fail)?;

    let n = height;
    // Blocks of rows formatted side by side, a batch of blocks at a time,
    // into buffers reused from batch to batch.
    let format = |buffers: &mut [Vec<u8>], start: usize| -> Result<()> {
        buffers
            .par_iter_mut()
            .enumerate()
            .map(|(k, buf)| -> Result<()> {
                buf.clear();
                let from = (start + k * BLOCK).min(n);
                let to = (from + BLOCK).min(n);
                if from == to {
                    return Ok(());
                }
                // A gathered column's rows for this block, gathered in one
                // tight pass (its rows are often far apart, as a summit's
                // earlier summits are), then read in order.
                let gathered: Vec<Option<Series>> = sources
                    .iter()
                    .zip(&series)
                    .zip(&in_place)
                    .map(|((s, series), in_place)| match (s.rows, in_place) {
                        (Some(rows), None) => {
                            series.take(&gather_indices(&rows[from..to])).map(Some)
                        }
                        _ => Ok(None),
                    })
                    .collect::<PolarsResult<_>>()?;
                let local: Vec<Option<Cells<'_>>> = gathered
                    .iter()
                    .map(|g| g.as_ref().map(Cells::of).transpose())
                    .collect::<Result<_>>()?;
                let columns: Vec<(&Cells<'_>, Read<'_>)> = sources
                    .iter()
                    .zip(in_place.iter().zip(&local))
                    .map(|(s, cells)| match (cells, s.rows) {
                        ((Some(cells), _), None) => (cells, Read::Row),
                        ((Some(cells), _), Some(rows)) => (cells, Read::Map(rows)),
                        ((None, Some(cells)), _) => (cells, Read::Block(from)),
                        ((None, None), _) => unreachable!("a column is read in place or gathered"),
                    })
                    .collect();
                for row in from..to {
                    for (i, (cells, read)) in columns.iter().enumerate() {
                        if i > 0 {
                            buf.push(b',');
                        }
                        let at = match *read {
                            Read::Row => row,
                            Read::Map(rows) => match rows[row] {
                                NO_ROW => continue,
                                r => r as usize,
                            },
                            Read::Block(first) => row - first,
                        };
                        cells.write(buf, at);
                    }
                    buf.push(b'\n');
                }
                Ok(())
            })
            .collect::<Result<()>>()
    };
    // Each batch is written out while the next is formatted.
    let blocks = 2 * rayon::current_num_threads();
    let batch = BLOCK * blocks;
    let (mut ready, mut next) = (vec![Vec::new(); blocks], vec![Vec::new(); blocks]);
    format(&mut ready, 0)?;
    for start in (0..n).step_by(batch) {
        let following = start + batch;
        let (written, formatted) = rayon::join(
            || ready.iter().try_for_each(|block| out.write_all(block)),
            || {
                if following < n {
                    format(&mut next, following)
                } else {
                    Ok(())
                }
            },
        );
        written.map_err(fail)?;
        formatted?;
        std::mem::swap(&mut ready, &mut next);
    }
    Ok(())
}

/// Whether most of a row map's rows are near the row before them, as
/// rows drawn from a table in its own order are, give or take a
/// reordering within small groups (empty cells aside). One pair in 16 is
/// looked at: either answer writes the same bytes, only faster or slower.
fn close_together(rows: &[IdxSize]) -> bool {
    let (mut pairs, mut far) = (0, 0);
    for pair in rows.windows(2).step_by(16) {
        if pair.contains(&NO_ROW) {
            continue;
        }
        pairs += 1;
        far += usize::from(pair[0].abs_diff(pair[1]) > 64);
    }
    far * 8 <= pairs
}

/// Where a table row's cell is in a column's [`Cells`].
#[derive(Clone, Copy)]
enum Read<'a> {
    /// At the same row.
    Row,
    /// At the row its row map gives.
    Map(&'a [IdxSize]),
    /// At the row less the first of the block (a gathered block).
    Block(usize),
}

/// The arrow array holding a column's values of dtype `T`.
type ArrayOf<T> = <T as PolarsDataType>::Array;

/// An Enum's category numbers, as stored.
enum Codes<'a> {
    U8(&'a ArrayOf<UInt8Type>),
    U16(&'a ArrayOf<UInt16Type>),
    U32(&'a ArrayOf<UInt32Type>),
}

/// The values of one chunk of a column.
enum Values<'a> {
    Text(&'a ArrayOf<StringType>),
    /// An Enum's codes (its words are the column's).
    Words(Codes<'a>),
    Date(&'a ArrayOf<Int32Type>),
    Int(&'a ArrayOf<Int64Type>),
    Int32(&'a ArrayOf<Int32Type>),
    UInt(&'a ArrayOf<UInt32Type>),
    Float(&'a ArrayOf<Float64Type>),
    Bool(&'a ArrayOf<BooleanType>),
}

/// The dtypes [`Values`] reads, by kind.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Words(CategoricalPhysical),
    Date,
    Int,
    Int32,
    UInt,
    Float,
    Bool,
}

impl<'a> Values<'a> {
    fn kind(dtype: &DataType) -> Option<Kind> {
        Some(match dtype {
            DataType::String => Kind::Text,
            DataType::Date => Kind::Date,
            DataType::Int64 => Kind::Int,
            DataType::Int32 => Kind::Int32,
            DataType::UInt32 => Kind::UInt,
            DataType::Float64 => Kind::Float,
            DataType::Boolean => Kind::Bool,
            DataType::Enum(_, _) => Kind::Words(dtype.cat_physical().ok()?),
            _ => return None,
        })
    }

    /// Each chunk's values, in order.
    fn chunks(series: &'a Series) -> Result<Vec<Values<'a>>> {
        fn each<'a, T: PolarsDataType>(
            ca: &'a ChunkedArray<T>,
            f: impl Fn(&'a T::Array) -> Values<'a>,
        ) -> Vec<Values<'a>> {
            ca.downcast_iter().map(f).collect()
        }
        let kind = Values::kind(series.dtype()).ok_or_else(|| Error::Write {
            what: "CSV".to_owned(),
            message: format!("no CSV format for dtype {}", series.dtype()),
        })?;
        Ok(match kind {
            Kind::Text => each(series.str()?, Values::Text),
            Kind::Date => each(series.date()?.physical(), Values::Date),
            Kind::Int => each(series.i64()?, Values::Int),
            Kind::Int32 => each(series.i32()?, Values::Int32),
            Kind::UInt => each(series.u32()?, Values::UInt),
            Kind::Float => each(series.f64()?, Values::Float),
            Kind::Bool => each(series.bool()?, Values::Bool),
            Kind::Words(CategoricalPhysical::U8) => {
                each(series.cat8()?.physical(), |a| Values::Words(Codes::U8(a)))
            }
            Kind::Words(CategoricalPhysical::U16) => {
                each(series.cat16()?.physical(), |a| Values::Words(Codes::U16(a)))
            }
            Kind::Words(CategoricalPhysical::U32) => {
                each(series.cat32()?.physical(), |a| Values::Words(Codes::U32(a)))
            }
        })
    }

    /// Formats the value at `row` of this chunk (nothing for a null).
    #[inline(always)]
    fn write(&self, buf: &mut Vec<u8>, row: usize, words: &[Vec<u8>]) {
        match self {
            Values::Text(a) => {
                if let Some(v) = a.get(row) {
                    text(buf, v.as_bytes());
                }
            }
            Values::Words(codes) => {
                let code = match codes {
                    Codes::U8(a) => a.get(row).map(usize::from),
                    Codes::U16(a) => a.get(row).map(usize::from),
                    Codes::U32(a) => a.get(row).map(|c| c as usize),
                };
                if let Some(code) = code {
                    put(buf, &words[code]);
                }
            }
            Values::Date(a) => {
                if let Some(v) = a.get(row) {
                    date(buf, v);
                }
            }
            Values::Int(a) => {
                if let Some(v) = a.get(row) {
                    put(buf, itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Values::Int32(a) => {
                if let Some(v) = a.get(row) {
                    put(buf, itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Values::UInt(a) => {
                if let Some(v) = a.get(row) {
                    put(buf, itoa::Buffer::new().format(v).as_bytes());
                }
            }
            Values::Float(a) => {
                if let Some(v) = a.get(row) {
                    float(buf, v);
                }
            }
            Values::Bool(a) => {
                if let Some(v) = a.get(row) {
                    buf.extend_from_slice(if v { b"true" } else { b"false" });
                }
            }
        }
    }
}

/// One column's values, ready to be formatted by row.
struct Cells<'a> {
    /// The column's chunks, and the column row each starts at.
    chunks: Vec<Values<'a>>,
    starts: Vec<usize>,
    /// An Enum's words, escaped once.
    words: Vec<Vec<u8>>,
}

impl<'a> Cells<'a> {
    fn of(series: &'a Series) -> Result<Cells<'a>> {
        let words = match series.dtype() {
            DataType::Enum(categories, _) => categories
                .categories()
                .values_iter()
                .map(|w| {
                    let mut escaped = Vec::new();
                    text(&mut escaped, w.as_bytes());
                    escaped
                })
                .collect(),
            _ => Vec::new(),
        };
        let starts = series
            .chunk_lengths()
            .scan(0, |start, len| {
                let at = *start;
                *start += len;
                Some(at)
            })
            .collect();
        Ok(Cells {
            chunks: Values::chunks(series)?,
            starts,
            words,
        })
    }

    #[inline(always)]
    fn write(&self, buf: &mut Vec<u8>, row: usize) {
        if let [one] = self.chunks.as_slice() {
            one.write(buf, row, &self.words);
        } else {
            let k = self.starts.partition_point(|&s| s <= row) - 1;
            self.chunks[k].write(buf, row - self.starts[k], &self.words);
        }
    }
}

/// Text as a CSV field: as it is unless it holds a comma, a line break or
/// a quote; then quoted, quotes doubled. Empty text is `""`, which keeps
/// it apart from an empty (null) cell.
fn text(buf: &mut Vec<u8>, s: &[u8]) {
    if s.is_empty() {
        buf.extend_from_slice(b"\"\"");
        return;
    }
    // Cells are mostly short ids and names: looking at them eight bytes at
    // a time beats setting up two vector searches a cell.
    let plain = match s.len() {
        0..8 => !s.iter().any(|b| matches!(b, b'"' | b',' | b'\n' | b'\r')),
        8..=16 => !needs_quotes(word8(s, 0)) && !needs_quotes(word8(s, s.len() - 8)),
        _ => memchr::memchr(b'"', s).is_none() && memchr::memchr3(b',', b'\n', b'\r', s).is_none(),
    };
    if plain {
        put(buf, s);
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

/// Whether any of eight bytes is a quote, a comma or a line end.
#[inline(always)]
fn needs_quotes(word: u64) -> bool {
    (bytes_equal(word, b'"')
        | bytes_equal(word, b',')
        | bytes_equal(word, b'\n')
        | bytes_equal(word, b'\r'))
        != 0
}

/// Appends a short piece of text to `buf`. Cells are mostly a few bytes
/// long, where a call to `memcpy` costs more than the copy: pieces of up
/// to 3 bytes are pushed a byte at a time, pieces of 4 to 16 bytes copied
/// as two overlapping fixed-size words.
#[inline(always)]
fn put(buf: &mut Vec<u8>, bytes: &[u8]) {
    let n = bytes.len();
    if n < 4 {
        for &b in bytes {
            buf.push(b);
        }
        return;
    }
    if n > 16 {
        buf.extend_from_slice(bytes);
        return;
    }
    let at = buf.len();
    buf.extend_from_slice(&[0; 16]);
    copy_short(&mut buf[at..], bytes);
    buf.truncate(at + n);
}

/// A float in its shortest round-trip form, as polars writes it.
///
/// Most floats in the summaries are rates and shares rounded to a few
/// places: a value that is exactly the double nearest to `k / 10_000`,
/// and small enough that its spacing (ulp) is far below 0.0001, has that
/// decimal as its shortest round-trip form, since any other decimal of
/// as few digits is at least 0.0001 away. Those are written from `k`
/// directly; every other value goes to zmij.
fn float(buf: &mut Vec<u8>, v: f64) {
    // Rounded half away from zero by hand: `f64::round` is a library call
    // on the baseline x86-64 target. Whichever way `k` is found, it is
    // used only where it gives back `v` exactly.
    let scaled = v * 10_000.0;
    let k = (scaled + 0.5f64.copysign(scaled)) as i64;
    if v != 0.0 && v.abs() < 1e9 && k as f64 / 10_000.0 == v {
        if k < 0 {
            buf.push(b'-');
        }
        let k = k.unsigned_abs();
        let whole = k / 10_000;
        if whole < 10 {
            buf.push(b'0' + whole as u8);
        } else {
            put(buf, itoa::Buffer::new().format(whole).as_bytes());
        }
        buf.push(b'.');
        let (digits, len) = &FRACTIONS[(k % 10_000) as usize];
        put(buf, &digits[..usize::from(*len)]);
        return;
    }
    put(buf, zmij::Buffer::new().format(v).as_bytes());
}

/// The digits after the point of every fraction of four places, by its
/// ten-thousandths, without trailing zeros (`0` for none): 2500 is `25`.
static FRACTIONS: std::sync::LazyLock<Vec<([u8; 4], u8)>> = std::sync::LazyLock::new(|| {
    (0..10_000u16)
        .map(|f| {
            let mut digits = *b"0000";
            let mut rest = f;
            for place in digits.iter_mut().rev() {
                *place = b'0' + (rest % 10) as u8;
                rest /= 10;
            }
            let len = 4 - digits.iter().rev().take_while(|&&d| d == b'0').count();
            (digits, len.max(1) as u8)
        })
        .collect()
});

/// The first and last day of [`DATES`].
const FIRST_DAY: i32 = -25_567; // 1900-01-01
const LAST_DAY: i32 = 47_481; // 2099-12-31

/// Every date of 1900 to 2099 as `YYYY-MM-DD`, by day number, made once:
/// a summary writes millions of dates, and a copy is cheaper than the
/// calendar arithmetic.
static DATES: std::sync::LazyLock<Vec<[u8; 10]>> = std::sync::LazyLock::new(|| {
    (FIRST_DAY..=LAST_DAY)
        .map(|days| {
            let mut text = Vec::with_capacity(10);
            civil_date(&mut text, days);
            text.try_into().unwrap_or([b'?'; 10])
        })
        .collect()
});

/// A date (days since 1970-01-01) as `YYYY-MM-DD`.
fn date(buf: &mut Vec<u8>, days: i32) {
    if (FIRST_DAY..=LAST_DAY).contains(&days) {
        buf.extend_from_slice(&DATES[(days - FIRST_DAY) as usize]);
    } else {
        civil_date(buf, days);
    }
}

/// A date as `YYYY-MM-DD` by arithmetic; years outside 0..=9999 are left
/// to chrono, which writes them as polars does.
fn civil_date(buf: &mut Vec<u8>, days: i32) {
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
    fn floats_are_written_as_zmij_writes_them() {
        let zmij = |v: f64| zmij::Buffer::new().format(v).to_owned();
        let ours = |v: f64| {
            let mut buf = Vec::new();
            float(&mut buf, v);
            String::from_utf8(buf).unwrap()
        };
        // Every rate and share of four places, and their negatives.
        for k in -30_000i64..=30_000 {
            let v = k as f64 / 10_000.0;
            assert_eq!(ours(v), zmij(v), "{k} / 10000");
        }
        // Four-place values of every size up to the fast path's bound and
        // past it, results of arithmetic that are not exact, specials.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _ in 0..200_000 {
            let r = next();
            let k = (r >> 11) as i64 % 20_000_000_000_000 - 10_000_000_000_000;
            let places = 10f64.powi((r % 5) as i32);
            for v in [
                k as f64 / 10_000.0,
                k as f64 / places,
                (r >> 11) as f64 / (1u64 << 53) as f64,
                f64::from_bits(r),
            ] {
                assert_eq!(ours(v), zmij(v), "{v:e}");
            }
        }
        for v in [
            0.0,
            -0.0,
            1e9,
            999_999_999.999_9,
            1e-4,
            5e-5,
            0.1 + 0.2,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(ours(v), zmij(v), "{v:e}");
        }
    }

    #[test]
    fn text_is_quoted_when_any_byte_needs_it() {
        let quoted = |s: &[u8]| {
            let mut out = vec![b'"'];
            for &b in s {
                out.extend(if b == b'"' {
                    &b"\"\""[..]
                } else {
                    std::slice::from_ref(&b)
                });
            }
            out.push(b'"');
            out
        };
        // Every length up to past the eight-byte words, every place, each
        // byte that needs quotes and some that do not (high and control
        // bytes, and those one off the special ones).
        for len in 1..=40 {
            for at in 0..len {
                for b in [
                    b'"', b',', b'\n', b'\r', b'!', b'#', b'+', b'-', 0x0b, 0x0c, 0x80, 0xff, 0,
                ] {
                    let mut s = vec![b'x'; len];
                    s[at] = b;
                    let mut got = Vec::new();
                    text(&mut got, &s);
                    let special = matches!(b, b'"' | b',' | b'\n' | b'\r');
                    let want = if special { quoted(&s) } else { s.clone() };
                    assert_eq!(got, want, "{len} bytes, {b:#x} at {at}");
                }
            }
        }
    }

    #[test]
    fn short_pieces_are_appended_whole() {
        let text: Vec<u8> = (b'a'..=b'z').collect();
        for n in 0..=text.len() {
            let mut buf = b"x".to_vec();
            put(&mut buf, &text[..n]);
            assert_eq!(buf[1..], text[..n]);
            assert_eq!(buf[0], b'x');
        }
    }

    #[test]
    fn dates_from_the_table_are_those_of_the_arithmetic() {
        for days in FIRST_DAY - 400..=LAST_DAY + 400 {
            let (mut table, mut sums) = (Vec::new(), Vec::new());
            date(&mut table, days);
            civil_date(&mut sums, days);
            assert_eq!(table, sums, "day {days}");
        }
        let mut first = Vec::new();
        date(&mut first, FIRST_DAY);
        assert_eq!(first, b"1900-01-01");
        let mut last = Vec::new();
        date(&mut last, LAST_DAY);
        assert_eq!(last, b"2099-12-31");
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
    fn gathered_sources_write_as_the_gathered_frame() {
        // A column in three chunks, read through a row map with empty cells.
        let mut text = Series::new("t".into(), ["a", "b,c"]);
        text.append(&Series::new("t".into(), ["d"])).unwrap();
        text.append(&Series::new("t".into(), [None, Some("e")]))
            .unwrap();
        assert_eq!(text.n_chunks(), 3);
        let text = Column::from(text);
        let number = Column::new("n".into(), [10i64, 20]);
        let rows = [4, NO_ROW, 0, 2, 1, 3];
        let ones = [1, 0, NO_ROW, 1, 0, 0];
        let sources = [
            Source::drawn("t", &text, &rows),
            Source::drawn("n", &number, &ones),
        ];
        let mut out = Vec::new();
        write_sources(&sources, 6, &mut out, false).unwrap();
        let take = |c: &Column, rows: &[IdxSize]| c.take(&gather_indices(rows)).unwrap();
        let mut gathered =
            DataFrame::new_infer_height(vec![take(&text, &rows), take(&number, &ones)]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), polars(&mut gathered));
        assert_eq!(ours(&gathered), polars(&mut gathered));

        // Over several blocks, from a column in three chunks, both ways a
        // drawn column is read: in place through its row map when its rows
        // run close together (here in order but reversed within groups of
        // five, with empty cells), gathered a block at a time when they are
        // scattered across the column.
        let n = 3 * BLOCK as IdxSize + 7;
        let piece = |rows: std::ops::Range<IdxSize>| {
            Series::new(
                "id".into(),
                rows.map(|i| format!("s{i:08}")).collect::<Vec<_>>(),
            )
        };
        let mut ids = piece(0..5);
        ids.append(&piece(5..BLOCK as IdxSize + 1)).unwrap();
        ids.append(&piece(BLOCK as IdxSize + 1..n)).unwrap();
        assert_eq!(ids.n_chunks(), 3);
        let ids = Column::from(ids);
        let close: Vec<IdxSize> = (0..n)
            .map(|i| {
                if i % 11 == 3 {
                    NO_ROW
                } else {
                    (i / 5) * 5 + 4 - i % 5
                }
            })
            .map(|i| if i >= n { NO_ROW } else { i })
            .collect();
        let scattered: Vec<IdxSize> = (0..n).map(|i| (i * 7_919 + 13) % n).collect();
        assert!(close_together(&close) && !close_together(&scattered));
        let sources = [
            Source::drawn("close", &ids, &close),
            Source::drawn("scattered", &ids, &scattered),
        ];
        let mut out = Vec::new();
        write_sources(&sources, n as usize, &mut out, false).unwrap();
        let mut gathered = DataFrame::new_infer_height(vec![
            take(&ids, &close).with_name("close".into()),
            take(&ids, &scattered).with_name("scattered".into()),
        ])
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), polars(&mut gathered));

        // A row map that does not fit is refused, not read out of bounds.
        let short = [0, 1];
        let bad = [Source {
            name: "n",
            column: &number,
            rows: Some(&[0, 2]),
        }];
        let error = write_sources(&bad, 2, &mut Vec::new(), false).unwrap_err();
        assert!(error.to_string().contains("no row 2 in 2 rows"), "{error}");
        let bad = [Source {
            name: "n",
            column: &number,
            rows: Some(&short),
        }];
        let error = write_sources(&bad, 3, &mut Vec::new(), false).unwrap_err();
        assert!(error.to_string().contains("2 rows, not 3"), "{error}");
    }

    #[test]
    fn a_byte_order_mark_only_when_asked() {
        let df = df!("a" => [1i64]).unwrap();
        let mut out = Vec::new();
        write_frame(&df, &mut out, true).unwrap();
        assert_eq!(out, "\u{feff}a\n1\n".as_bytes());
    }
}
