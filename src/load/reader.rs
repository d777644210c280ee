//! The fast route from a table's CSV bytes to a frame.
//!
//! One pass over the bytes splits the rows, checks their structure (field
//! count, quoting, UTF-8) and parses every value into its column's dtype:
//! dates exactly `YYYY-MM-DD`, vocabulary words and country codes into
//! Enum codes, numbers, booleans. Files without a quote character are
//! split at line ends into pieces read side by side; files with quotes
//! (small, hand-curated ones) are read in one piece by the same code.
//!
//! Anything the reader cannot take whole is refused with a short reason,
//! and the loader then re-reads the file with the precise parser of
//! `load::csv`, which says where each problem is. So this reader only has
//! to be right about what is clean, never about where a problem lies.

use std::borrow::Cow;

use polars::prelude::*;
use polars_arrow::array::{Utf8ViewArray, View};
use polars_arrow::bitmap::MutableBitmap;
use rayon::prelude::*;

use super::frame::{Kind, Table, column_order, dtype_of};
use super::validate::{parse_bool, parse_date};
use crate::bytes::{bytes_equal, copy_short, same, word8};

/// The smallest piece of a file read by one task.
const MIN_PIECE: usize = 1 << 20;

/// Why the fast reader refused a file.
type Refusal = String;

/// Reads a table's CSV bytes (a byte order mark allowed; header already
/// checked to be `header`) into a frame with the table's dtypes and the
/// canonical column order; missing optional columns are nulls, extra
/// columns text. `done` is called with each piece of the body once it is
/// read, and not read again.
pub(crate) fn read(
    table: Table,
    bytes: &[u8],
    header: &[String],
    done: &(dyn Fn(&[u8]) + Sync),
) -> Result<DataFrame, Refusal> {
    let text = super::csv::strip_bom(bytes);
    let convs: Vec<Conv> = header.iter().map(|name| Conv::of(table, name)).collect();
    // Past the header row (read as quoted: without quotes, the same).
    let mut at = 0;
    let mut scratch = Fields::default();
    next_record(text, &mut at, true, &mut scratch)?;
    let body = &text[at..];

    // A body without quotes is read in pieces side by side (looked at for
    // quotes side by side too); one with quotes, whose line ends may lie
    // inside a field, in one.
    let pieces = split(body, rayon::current_num_threads() * 4);
    let quoted = pieces
        .par_iter()
        .any(|piece| memchr::memchr(b'"', piece).is_some());
    let pieces = if quoted { vec![body] } else { pieces };
    let parts: Vec<Vec<Series>> = pieces
        .into_par_iter()
        .map(|piece| {
            let part = read_piece(piece, header, &convs, quoted);
            done(piece);
            part
        })
        .collect::<Result<_, _>>()?;

    let height: usize = parts.iter().map(|p| p.first().map_or(0, |s| s.len())).sum();
    let mut columns: Vec<Column> = Vec::new();
    for name in column_order(table, header) {
        let dtype = dtype_of(table, &name);
        let Some(i) = header.iter().position(|h| *h == name) else {
            columns.push(Column::full_null(name.as_str().into(), height, &dtype));
            continue;
        };
        let mut whole: Option<Series> = None;
        for part in &parts {
            match &mut whole {
                None => whole = Some(part[i].clone()),
                Some(w) => {
                    w.append(&part[i]).map_err(|e| e.to_string())?;
                }
            }
        }
        let whole = match whole {
            Some(w) => w,
            None => convs[i].builder(&name, 0).finish(),
        };
        columns.push(
            finish(whole, &dtype, &convs[i])
                .map_err(|e| e.to_string())?
                .into_column(),
        );
    }
    DataFrame::new(height, columns).map_err(|e| e.to_string())
}

/// A column's parsed values in their final dtype: Enum codes become the
/// Enum, day numbers dates.
fn finish(values: Series, dtype: &DataType, conv: &Conv) -> PolarsResult<Series> {
    let name = values.name().clone();
    Ok(match dtype {
        DataType::Enum(categories, _) => {
            let physical = values.cast(&DataType::from(dtype.cat_physical()?))?;
            let same_words = match conv {
                Conv::Code(words) => categories
                    .categories()
                    .values_iter()
                    .map(str::as_bytes)
                    .eq(words.list.iter().copied()),
                _ => false,
            };
            if !same_words {
                return Ok(Series::from_cats_and_dtype(&physical, dtype, true)?.with_name(name));
            }
            // SAFETY: every code was found by `Words::find` in the Enum's
            // own list of words (checked above), so each is in bounds.
            let dtype = dtype.clone();
            unsafe {
                match dtype.cat_physical()? {
                    CategoricalPhysical::U8 => Categorical8Chunked::from_cats_and_dtype_unchecked(
                        physical.u8()?.clone(),
                        dtype,
                    )
                    .into_series(),
                    CategoricalPhysical::U16 => {
                        Categorical16Chunked::from_cats_and_dtype_unchecked(
                            physical.u16()?.clone(),
                            dtype,
                        )
                        .into_series()
                    }
                    CategoricalPhysical::U32 => {
                        Categorical32Chunked::from_cats_and_dtype_unchecked(
                            physical.u32()?.clone(),
                            dtype,
                        )
                        .into_series()
                    }
                }
            }
            .with_name(name)
        }
        DataType::Date => values.cast(&DataType::Date)?,
        _ => values,
    })
}

/// About `wanted` pieces of a file body, each ending just after a line end.
fn split(body: &[u8], wanted: usize) -> Vec<&[u8]> {
    let size = (body.len() / wanted.max(1)).max(MIN_PIECE);
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < body.len() {
        let probe = (start + size).min(body.len());
        let end = match memchr::memchr(b'\n', &body[probe..]) {
            Some(i) => probe + i + 1,
            None => body.len(),
        };
        pieces.push(&body[start..end]);
        start = end;
    }
    pieces
}

/// Reads every record of a piece into one series a file column.
fn read_piece(
    piece: &[u8],
    header: &[String],
    convs: &[Conv],
    quoted: bool,
) -> Result<Vec<Series>, Refusal> {
    // Room for every line (an upper bound on the rows), so that no
    // column grows and moves while it is filled.
    let guess = memchr::memchr_iter(b'\n', piece).count() + 1;
    let mut builders: Vec<Builder> = header
        .iter()
        .zip(convs)
        .map(|(name, conv)| conv.builder(name, guess))
        .collect();
    if !quoted && memchr::memchr(b'\r', piece).is_none() {
        // Plain lines: fields are what lies between commas and line ends,
        // found by one vector search over the piece. Commas and line ends
        // are ASCII, so every field of valid UTF-8 is valid UTF-8 itself:
        // the piece is checked once, not field by field.
        let text = std::str::from_utf8(piece).map_err(|_| "text that is not UTF-8".to_owned())?;
        let piece = text.as_bytes();
        let mut start = 0;
        let mut k = 0;
        let ends = Delimiters::new(piece).chain([piece.len()]);
        for end in ends {
            let line_end = end == piece.len() || piece[end] == b'\n';
            if line_end && k == 0 && end == start {
                // A blank line, or the piece's end after its last line.
                start = end + 1;
                continue;
            }
            let Some(builder) = builders.get_mut(k) else {
                return Err(format!(
                    "a row has more fields than the header's {}",
                    header.len()
                ));
            };
            builder.push(&piece[start..end], &convs[k], true)?;
            start = end + 1;
            k += 1;
            if line_end {
                if k != header.len() {
                    return Err(format!("a row has {k} fields, the header {}", header.len()));
                }
                k = 0;
            }
        }
        return Ok(builders.into_iter().map(Builder::finish).collect());
    }
    let mut at = 0;
    let mut fields = Fields::default();
    while at < piece.len() {
        if !next_record(piece, &mut at, quoted, &mut fields)? {
            continue;
        }
        if fields.len() != header.len() {
            return Err(format!(
                "a row has {} fields, the header {}",
                fields.len(),
                header.len()
            ));
        }
        for (k, builder) in builders.iter_mut().enumerate() {
            builder.push(&fields.get(piece, k), &convs[k], false)?;
        }
    }
    Ok(builders.into_iter().map(Builder::finish).collect())
}

/// The positions of the commas and line ends of a text, in order, found
/// eight bytes at a time: fields are short, and a vector search set up
/// for each of them costs more than it finds.
struct Delimiters<'a> {
    text: &'a [u8],
    /// Where the current word starts, and its delimiters not yet given,
    /// as the high bit of each delimiter's byte.
    at: usize,
    found: u64,
}

impl<'a> Delimiters<'a> {
    fn new(text: &'a [u8]) -> Delimiters<'a> {
        let mut d = Delimiters {
            text,
            at: 0,
            found: 0,
        };
        d.found = d.look(0);
        d
    }

    /// The delimiters of the eight bytes from `at` (zeros past the end).
    #[inline(always)]
    fn look(&self, at: usize) -> u64 {
        let word = match self.text.get(at..at + 8) {
            Some(_) => word8(self.text, at),
            None => {
                let mut tail = [0u8; 8];
                let rest = self.text.get(at..).unwrap_or_default();
                tail[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(tail)
            }
        };
        bytes_equal(word, b',') | bytes_equal(word, b'\n')
    }
}

impl Iterator for Delimiters<'_> {
    type Item = usize;

    #[inline(always)]
    fn next(&mut self) -> Option<usize> {
        while self.found == 0 {
            self.at += 8;
            if self.at >= self.text.len() {
                return None;
            }
            self.found = self.look(self.at);
        }
        let byte = self.found.trailing_zeros() as usize / 8;
        self.found &= self.found - 1;
        Some(self.at + byte)
    }
}

/// A record's fields: byte ranges into the text, or unescaped copies for
/// quoted fields holding doubled quotes.
#[derive(Default)]
struct Fields {
    spans: Vec<(usize, usize)>,
    /// Unescaped text of fields with doubled quotes, by field number.
    owned: Vec<(usize, Vec<u8>)>,
}

impl Fields {
    fn len(&self) -> usize {
        self.spans.len()
    }

    fn get<'a>(&'a self, text: &'a [u8], k: usize) -> Cow<'a, [u8]> {
        if let Some((_, v)) = self.owned.iter().find(|(i, _)| *i == k) {
            return Cow::Borrowed(v.as_slice());
        }
        let (s, e) = self.spans[k];
        Cow::Borrowed(&text[s..e])
    }
}

/// Reads the record starting at `*at` into `fields` and moves `*at` past
/// its line end. Returns `false` for a blank line. Refuses a quote inside
/// an unquoted field, text after a closing quote, a quote never closed, and
/// a carriage return that does not end a line.
fn next_record(
    text: &[u8],
    at: &mut usize,
    quoted: bool,
    fields: &mut Fields,
) -> Result<bool, Refusal> {
    fields.spans.clear();
    fields.owned.clear();
    let mut i = *at;
    // A blank line (or the end of the text) is no record.
    let rest = &text[i..];
    if rest.is_empty() || rest[0] == b'\n' || rest.starts_with(b"\r\n") || rest == b"\r" {
        *at = match memchr::memchr(b'\n', rest) {
            Some(n) => i + n + 1,
            None => text.len(),
        };
        return Ok(false);
    }
    loop {
        if quoted && text.get(i) == Some(&b'"') {
            let open = i + 1;
            let mut j = open;
            let mut doubled = false;
            loop {
                match memchr::memchr(b'"', &text[j..]) {
                    None => return Err("a quoted field is never closed".to_owned()),
                    Some(n) => {
                        j += n;
                        if text.get(j + 1) == Some(&b'"') {
                            doubled = true;
                            j += 2;
                        } else {
                            break;
                        }
                    }
                }
            }
            if doubled {
                let mut value = Vec::with_capacity(j - open);
                let mut k = open;
                while k < j {
                    value.push(text[k]);
                    k += if text[k] == b'"' { 2 } else { 1 };
                }
                fields.owned.push((fields.spans.len(), value));
            }
            fields.spans.push((open, j));
            i = j + 1;
            match text.get(i) {
                None => {}
                Some(b',') => {
                    i += 1;
                    continue;
                }
                Some(b'\n') => i += 1,
                Some(b'\r') if text.get(i + 1) == Some(&b'\n') => i += 2,
                Some(_) => return Err("text follows a closing quote".to_owned()),
            }
            break;
        }
        let end = match memchr::memchr2(b',', b'\n', &text[i..]) {
            Some(n) => i + n,
            None => text.len(),
        };
        let mut value_end = end;
        if text.get(end) != Some(&b',') && value_end > i && text[value_end - 1] == b'\r' {
            value_end -= 1;
        }
        let value = &text[i..value_end];
        if memchr::memchr(b'\r', value).is_some() {
            return Err("a carriage return inside a row".to_owned());
        }
        if quoted && memchr::memchr(b'"', value).is_some() {
            return Err("a quote inside an unquoted field".to_owned());
        }
        fields.spans.push((i, value_end));
        match text.get(end) {
            Some(b',') => i = end + 1,
            Some(_) => {
                i = end + 1;
                break;
            }
            None => {
                i = end;
                break;
            }
        }
    }
    *at = i;
    Ok(true)
}

/// How a file column's text becomes values.
enum Conv {
    Text,
    Date,
    Bool,
    Count,
    Float,
    /// Words of a closed list, numbered in the list's order.
    Code(Words),
}

impl Conv {
    fn of(table: Table, name: &str) -> Conv {
        let Some(column) = table.column(name) else {
            return Conv::Text;
        };
        match column.kind {
            Kind::Date => Conv::Date,
            Kind::Bool => Conv::Bool,
            Kind::Count => Conv::Count,
            Kind::Amount | Kind::Degrees(_) => Conv::Float,
            Kind::Country => Conv::Code(Words::new(
                crate::model::country::COUNTRIES.iter().map(|c| c.alpha3),
            )),
            Kind::Vocabulary(names) => Conv::Code(Words::new(names.iter().copied())),
            _ => Conv::Text,
        }
    }

    fn builder(&self, name: &str, capacity: usize) -> Builder {
        let name: PlSmallStr = name.into();
        match self {
            Conv::Text => Builder::Text(Text::new(name, capacity)),
            Conv::Date => Builder::Date(PrimitiveChunkedBuilder::new(name, capacity)),
            Conv::Bool => Builder::Bool(BooleanChunkedBuilder::new(name, capacity)),
            Conv::Count => Builder::Count(PrimitiveChunkedBuilder::new(name, capacity)),
            Conv::Float => Builder::Float(PrimitiveChunkedBuilder::new(name, capacity)),
            // A byte a value where the list allows (the Enum's own
            // physical type then), four otherwise.
            Conv::Code(words) if words.list.len() <= usize::from(u8::MAX) => {
                Builder::Code8(PrimitiveChunkedBuilder::new(name, capacity))
            }
            Conv::Code(_) => Builder::Code(PrimitiveChunkedBuilder::new(name, capacity)),
        }
    }
}

/// A closed list of words and their numbers. Three-letter capital codes
/// (the country table) are found by arithmetic, other lists by comparing.
struct Words {
    list: Vec<&'static [u8]>,
    /// For lists of three-letter capital codes: the number of each code,
    /// by `(a * 26 + b) * 26 + c`.
    letters: Option<Vec<u32>>,
    /// Each word's length, first and last byte in one number: a word is
    /// compared in full only where these agree.
    marks: Vec<u64>,
}

impl Words {
    const NONE: u32 = u32::MAX;

    fn new(words: impl Iterator<Item = &'static str>) -> Words {
        let list: Vec<&'static [u8]> = words.map(str::as_bytes).collect();
        let codes = list
            .iter()
            .all(|w| w.len() == 3 && w.iter().all(u8::is_ascii_uppercase));
        let letters = codes.then(|| {
            let mut table = vec![Words::NONE; 26 * 26 * 26];
            for (i, w) in list.iter().enumerate() {
                table[Words::slot(w)] = i as u32;
            }
            table
        });
        let marks = list.iter().map(|w| Words::mark(w)).collect();
        Words {
            list,
            letters,
            marks,
        }
    }

    fn mark(w: &[u8]) -> u64 {
        let ends = match (w.first(), w.last()) {
            (Some(&a), Some(&b)) => u64::from(a) << 8 | u64::from(b),
            _ => 0,
        };
        (w.len() as u64) << 16 | ends
    }

    fn slot(w: &[u8]) -> usize {
        w.iter().fold(0, |n, &b| n * 26 + usize::from(b - b'A'))
    }

    fn find(&self, field: &[u8]) -> Option<u32> {
        if let Some(table) = &self.letters {
            if field.len() != 3 || !field.iter().all(u8::is_ascii_uppercase) {
                return None;
            }
            let code = table[Words::slot(field)];
            return (code != Words::NONE).then_some(code);
        }
        let mark = Words::mark(field);
        self.marks
            .iter()
            .zip(&self.list)
            .position(|(m, w)| *m == mark && same(w, field))
            .map(|i| i as u32)
    }
}

/// A text column of a piece, in polars' layout, built directly: a 16-byte
/// view a value, holding text of up to 12 bytes itself and pointing into
/// one buffer for longer text. (polars' own builder spends a tenth of a
/// large file's reading in its general code for each value.)
struct Text {
    name: PlSmallStr,
    views: Vec<View>,
    long: Vec<u8>,
    /// Which values are there; made at the first null.
    validity: Option<MutableBitmap>,
    /// The length of all the text.
    bytes: usize,
}

impl Text {
    fn new(name: PlSmallStr, capacity: usize) -> Text {
        Text {
            name,
            views: Vec::with_capacity(capacity),
            long: Vec::new(),
            validity: None,
            bytes: 0,
        }
    }

    /// Adds one value, which must be valid UTF-8.
    #[inline(always)]
    fn push(&mut self, text: &str) {
        let b = text.as_bytes();
        let n = b.len();
        let view = if n <= View::MAX_INLINE_SIZE as usize {
            // Copied as two overlapping words (most values are short ids),
            // not by a copy of variable length.
            let mut inline = [0u8; 12];
            copy_short(&mut inline, b);
            let word = |at: usize| {
                u32::from_le_bytes([inline[at], inline[at + 1], inline[at + 2], inline[at + 3]])
            };
            View {
                length: n as u32,
                prefix: word(0),
                buffer_idx: word(4),
                offset: word(8),
            }
        } else {
            let view = View::new_from_bytes(b, 0, self.long.len() as u32);
            self.long.extend_from_slice(b);
            view
        };
        self.views.push(view);
        self.bytes += n;
        if let Some(validity) = &mut self.validity {
            validity.push(true);
        }
    }

    fn push_null(&mut self) {
        let validity = self.validity.get_or_insert_with(|| {
            let mut all = MutableBitmap::with_capacity(self.views.capacity());
            all.extend_constant(self.views.len(), true);
            all
        });
        validity.push(false);
        self.views.push(View::default());
    }

    fn finish(self) -> Series {
        let long_len = self.long.len();
        let buffers = if self.long.is_empty() {
            Vec::new()
        } else {
            vec![self.long.into()]
        };
        // SAFETY: every view is inline or points into the one buffer, at
        // the offset its text was copied to; every value pushed is UTF-8
        // (see `push`); the validity, when made, has a bit a view; and the
        // byte counts are those of the text pushed.
        let array = unsafe {
            Utf8ViewArray::new_unchecked(
                ArrowDataType::Utf8View,
                self.views.into(),
                buffers.into(),
                self.validity.map(Into::into),
                Some(self.bytes),
                long_len,
            )
        };
        StringChunked::with_chunk(self.name, array).into_series()
    }
}

/// One column of a piece, being filled.
enum Builder {
    Text(Text),
    Date(PrimitiveChunkedBuilder<Int32Type>),
    Bool(BooleanChunkedBuilder),
    Count(PrimitiveChunkedBuilder<Int64Type>),
    Float(PrimitiveChunkedBuilder<Float64Type>),
    Code(PrimitiveChunkedBuilder<UInt32Type>),
    Code8(PrimitiveChunkedBuilder<UInt8Type>),
}

impl Builder {
    /// Adds one field's value; an empty field is null. `utf8` tells that
    /// the field is known to be valid UTF-8.
    fn push(&mut self, field: &[u8], conv: &Conv, utf8: bool) -> Result<(), Refusal> {
        if field.is_empty() {
            match self {
                Builder::Text(b) => b.push_null(),
                Builder::Date(b) => b.append_null(),
                Builder::Bool(b) => b.append_null(),
                Builder::Count(b) => b.append_null(),
                Builder::Float(b) => b.append_null(),
                Builder::Code(b) => b.append_null(),
                Builder::Code8(b) => b.append_null(),
            }
            return Ok(());
        }
        // Words are ASCII: a match needs no UTF-8 check.
        if let Conv::Code(words) = conv {
            let code = words.find(field).ok_or_else(|| {
                format!("{:?} is not a known word", String::from_utf8_lossy(field))
            })?;
            match self {
                Builder::Code8(b) => b.append_value(code as u8),
                Builder::Code(b) => b.append_value(code),
                _ => unreachable!("a code column has a code builder"),
            }
            return Ok(());
        }
        let text = if utf8 {
            // SAFETY: the caller checked the bytes around the field, which
            // starts and ends at ASCII delimiters.
            unsafe { std::str::from_utf8_unchecked(field) }
        } else {
            std::str::from_utf8(field).map_err(|_| "text that is not UTF-8".to_owned())?
        };
        let refuse = || format!("{text:?} does not parse");
        match (self, conv) {
            (Builder::Text(b), _) => b.push(text),
            (Builder::Date(b), _) => b.append_value(days(text).ok_or_else(refuse)?),
            (Builder::Bool(b), _) => b.append_value(parse_bool(text).ok_or_else(refuse)?),
            (Builder::Count(b), _) => b.append_value(text.parse().map_err(|_| refuse())?),
            (Builder::Float(b), _) => {
                let x: f64 = text.parse().map_err(|_| refuse())?;
                if !x.is_finite() {
                    return Err(refuse());
                }
                b.append_value(x);
            }
            (Builder::Code(_) | Builder::Code8(_), _) => {
                unreachable!("codes are read above")
            }
        }
        Ok(())
    }

    fn finish(self) -> Series {
        match self {
            Builder::Text(b) => b.finish(),
            Builder::Date(b) => b.finish().into_series(),
            Builder::Bool(b) => b.finish().into_series(),
            Builder::Count(b) => b.finish().into_series(),
            Builder::Float(b) => b.finish().into_series(),
            Builder::Code(b) => b.finish().into_series(),
            Builder::Code8(b) => b.finish().into_series(),
        }
    }
}

/// Days since 1970-01-01 of an exact `YYYY-MM-DD` date: four-digit years
/// by arithmetic (Howard Hinnant's `days_from_civil`), anything else as
/// the precise checks read it.
fn days(text: &str) -> Option<i32> {
    let b = text.as_bytes();
    let digit = |i: usize| {
        b.get(i)
            .filter(|c| c.is_ascii_digit())
            .map(|c| i64::from(c - b'0'))
    };
    let fast = (|| {
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
        let month = digit(5)? * 10 + digit(6)?;
        let day = digit(8)? * 10 + digit(9)?;
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let length = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        if !(1..=length).contains(&day) {
            return None;
        }
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (month + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        i32::try_from(era * 146_097 + doe - 719_468).ok()
    })();
    fast.or_else(|| {
        let date = parse_date(text)?;
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?;
        i32::try_from((date - epoch).num_days()).ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_as_chrono_does() {
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let mut d = chrono::NaiveDate::from_ymd_opt(0, 1, 1).unwrap();
        let end = chrono::NaiveDate::from_ymd_opt(2400, 12, 31).unwrap();
        while d <= end {
            let text = d.format("%Y-%m-%d").to_string();
            assert_eq!(days(&text), Some((d - epoch).num_days() as i32), "{text}");
            d = d.succ_opt().unwrap();
        }
        for bad in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-1-010",
            "2025/01/01",
            "15/08/2025",
        ] {
            assert_eq!(days(bad), None, "{bad}");
        }
        assert_eq!(days("2024-02-29"), Some(19_782));
    }

    #[test]
    fn records_split_on_commas_quotes_and_line_ends() {
        let text = b"a,\"b,\"\"c\"\"\",\r\n\n\"x\ny\",,z";
        let mut at = 0;
        let mut f = Fields::default();
        assert!(next_record(text, &mut at, true, &mut f).unwrap());
        let got: Vec<Vec<u8>> = (0..f.len()).map(|k| f.get(text, k).into_owned()).collect();
        assert_eq!(got, [b"a".to_vec(), b"b,\"c\"".to_vec(), b"".to_vec()]);
        assert!(!next_record(text, &mut at, true, &mut f).unwrap());
        assert!(next_record(text, &mut at, true, &mut f).unwrap());
        let got: Vec<Vec<u8>> = (0..f.len()).map(|k| f.get(text, k).into_owned()).collect();
        assert_eq!(got, [b"x\ny".to_vec(), b"".to_vec(), b"z".to_vec()]);
        assert_eq!(at, text.len());
    }

    #[test]
    fn broken_quoting_is_refused() {
        for text in [
            &b"\"never closed,1\n"[..],
            b"\"a\"b,1\n",
            b"a\"b,1\n",
            b"a\rb,1\n",
        ] {
            let mut at = 0;
            let mut f = Fields::default();
            assert!(
                next_record(text, &mut at, true, &mut f).is_err(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn plain_pieces_skip_blank_lines_and_refuse_bad_rows() {
        let header = ["name".to_owned(), "n".to_owned()];
        let convs = [Conv::Text, Conv::Count];
        let read = |piece: &[u8]| read_piece(piece, &header, &convs, false);
        let got = read(b"a,1\n\nb,\n,3\n\n\nc,4").unwrap();
        let names: Vec<Option<&str>> = got[0].str().unwrap().iter().collect();
        let counts: Vec<Option<i64>> = got[1].i64().unwrap().iter().collect();
        assert_eq!(names, [Some("a"), Some("b"), None, Some("c")]);
        assert_eq!(counts, [Some(1), None, Some(3), Some(4)]);
        assert_eq!(read(b"").unwrap()[0].len(), 0);
        for bad in [
            &b"a,1,2\n"[..],
            b"a\n",
            b"a,1\nb\n",
            b"a,x\n",
            b"\xff,1\n",
            b"caf\xc3,1\n",
        ] {
            assert!(read(bad).is_err(), "{:?}", String::from_utf8_lossy(bad));
        }
        // Text that is UTF-8 is taken whole.
        let got = read("قمة,1\n".as_bytes()).unwrap();
        assert_eq!(got[0].str().unwrap().get(0), Some("قمة"));
    }

    #[test]
    fn a_quote_late_in_a_long_body_has_the_whole_body_read_as_quoted() {
        // Several pieces' worth of plain rows, then a quoted field holding
        // a comma, doubled quotes and a line end.
        let mut text = String::from("summit_id,name\n");
        let n = 3 * MIN_PIECE / 20;
        for i in 0..n {
            text.push_str(&format!("s{i:08},Name {i}\n"));
        }
        text.push_str("s99999999,\"Last, \"\"quoted\"\"\nname\"\n");
        assert!(split(text.as_bytes(), 8).len() >= 3);
        let header = ["summit_id".to_owned(), "name".to_owned()];
        let told = std::sync::atomic::AtomicUsize::new(0);
        let done = |_: &[u8]| {
            told.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        };
        let df = read(Table::Participants, text.as_bytes(), &header, &done).unwrap();
        assert_eq!(told.into_inner(), 1);
        assert_eq!(df.height(), n + 1);
        let names = df.column("name").unwrap().str().unwrap();
        assert_eq!(names.get(n), Some("Last, \"quoted\"\nname"));
        assert_eq!(names.get(n - 1), Some(format!("Name {}", n - 1).as_str()));
    }

    #[test]
    fn every_piece_is_told_done_once_and_the_pieces_are_the_body() {
        let head = "summit_id,name\n";
        let mut text = String::from(head);
        for i in 0..3 * MIN_PIECE / 20 {
            text.push_str(&format!("s{i:08},Name {i}\n"));
        }
        let bytes = text.as_bytes();
        let header = ["summit_id".to_owned(), "name".to_owned()];
        let told = std::sync::Mutex::new(Vec::new());
        let done = |part: &[u8]| {
            let start = part.as_ptr() as usize - bytes.as_ptr() as usize;
            told.lock().unwrap().push((start, part.len()));
        };
        read(Table::Participants, bytes, &header, &done).unwrap();
        let mut told = told.into_inner().unwrap();
        assert!(told.len() >= 3);
        told.sort_unstable();
        let mut at = head.len();
        for (start, len) in told {
            assert_eq!(start, at);
            at += len;
        }
        assert_eq!(at, bytes.len());
    }

    #[test]
    fn text_columns_are_those_polars_builds() {
        // Every length around the inline limit and the word copies, long
        // text, non-ASCII text and nulls, the first null late.
        let mut values: Vec<Option<String>> = (0..40)
            .map(|n| Some((0..n).map(|i| char::from(b'a' + (i % 26) as u8)).collect()))
            .collect();
        values.push(Some("قمة ألاسكا".to_owned()));
        values.push(Some("Саммит".to_owned()));
        values.insert(17, None);
        values.push(None);
        values.push(Some(String::new()));
        let mut built = Text::new("t".into(), 4);
        for v in &values {
            match v {
                Some(v) => built.push(v),
                None => built.push_null(),
            }
        }
        let built = built.finish();
        let expected = Series::new("t".into(), &values);
        assert!(built.equals_missing(&expected));
        assert_eq!(built.null_count(), 2);
        // Without nulls, no validity is made.
        let mut plain = Text::new("t".into(), 0);
        plain.push("s00000001");
        plain.push("Geneva meeting s00000001");
        let plain = plain.finish();
        assert_eq!(
            plain.str().unwrap().get(1),
            Some("Geneva meeting s00000001")
        );
        assert!(plain.chunks()[0].validity().is_none());
    }

    #[test]
    fn delimiters_are_found_where_memchr_finds_them() {
        // Every byte value around the delimiters, at every position of a
        // word, in texts of every length up to three words and a bit.
        let bytes: Vec<u8> = (0..=255u8).collect();
        for len in 0..27 {
            for (k, &b) in bytes.iter().enumerate() {
                let text: Vec<u8> = (0..len)
                    .map(|i| match (i + k) % 5 {
                        0 => b',',
                        1 => b,
                        2 => b'\n',
                        3 => b.wrapping_add(1),
                        _ => b.wrapping_sub(1),
                    })
                    .collect();
                let ours: Vec<usize> = Delimiters::new(&text).collect();
                let theirs: Vec<usize> = memchr::memchr2_iter(b',', b'\n', &text).collect();
                assert_eq!(ours, theirs, "{text:?}");
            }
        }
        assert_eq!(Delimiters::new(b"").count(), 0);
        assert_eq!(Delimiters::new(b"a,b\nc,d").collect::<Vec<_>>(), [1, 3, 5]);
    }

    #[test]
    fn words_with_the_same_length_and_ends_are_told_apart() {
        let words = Words::new(["axb", "ayb", "b", "ab"].into_iter());
        assert_eq!(words.find(b"ayb"), Some(1));
        assert_eq!(words.find(b"axb"), Some(0));
        assert_eq!(words.find(b"ab"), Some(3));
        assert_eq!(words.find(b"azb"), None);
        assert_eq!(words.find(b""), None);
        let codes = Words::new(["USA", "RUS"].into_iter());
        assert_eq!(codes.find(b"RUS"), Some(1));
        assert_eq!(codes.find(b"rus"), None);
    }

    #[test]
    fn pieces_end_at_line_ends_and_cover_the_body() {
        let body: Vec<u8> = (0..200_000)
            .flat_map(|i| format!("{i},x\n").into_bytes())
            .collect();
        let pieces = split(&body, 4);
        assert!(pieces.len() > 1);
        assert!(pieces.iter().all(|p| p.ends_with(b"\n")));
        assert_eq!(pieces.concat(), body);
    }
}
