//! Canonical CSV tables: the header, a fast structural check, and the
//! precise parse that locates every problem at `file:line:column`.
//!
//! Large tables take the fast route: [`scan`] checks the field count of
//! every line in parallel, and polars parses the values. Only when
//! something is wrong, or when a file uses quotes (whose structure needs a
//! real CSV parser to check), does [`parse`] read the file with the `csv`
//! crate and locate each problem.

use rayon::prelude::*;

use super::frame::Table;
use super::validate::{RawCell, RawRow, RawTable};
use crate::error::{Finding, Location, Rule};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A table file's bytes without a UTF-8 byte order mark.
pub(crate) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Byte offsets where lines start, to turn offsets into `line:column`.
pub(crate) struct Lines<'a> {
    text: &'a [u8],
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a [u8]) -> Lines<'a> {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text).map(|i| i + 1));
        Lines { text, starts }
    }

    /// The one-based line and character column of a byte offset.
    pub(crate) fn locate(&self, path: &str, offset: usize) -> Location {
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let end = offset.min(self.text.len());
        let column = self.text[start..end]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        Location::new(path, line as u64, column as u64 + 1)
    }
}

/// The header of a table file, checked: present, UTF-8, every required
/// column there, no column twice. Returns the column names or the findings.
pub(crate) fn header(table: Table, path: &str, bytes: &[u8]) -> Result<Vec<String>, Vec<Finding>> {
    let text = strip_bom(bytes);
    let here = |line, column| Location::new(path, line, column);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            return Err(vec![Finding {
                location: here(1, 1),
                column: None,
                rule: Rule::EmptyFile,
                value: None,
                message: format!(
                    "the file is empty: expected a header row naming the columns of {}",
                    table.file_name()
                ),
            }]);
        }
        Err(e) => return Err(vec![csv_error(path, &e)]),
    }
    let lines = Lines::new(text);
    let (offsets, _) = field_offsets(text, 0, record.len());
    let mut names = Vec::with_capacity(record.len());
    let mut findings = Vec::new();
    for (i, field) in record.iter().enumerate() {
        let location = lines.locate(path, offsets[i]);
        match std::str::from_utf8(field) {
            Ok(name) => {
                if names.iter().any(|n: &String| n == name) {
                    findings.push(Finding {
                        location,
                        column: Some(name.to_owned()),
                        rule: Rule::DuplicateColumn,
                        value: None,
                        message: format!("the column `{name}` appears twice in the header"),
                    });
                }
                names.push(name.to_owned());
            }
            Err(_) => findings.push(invalid_utf8(location, field)),
        }
    }
    for column in table.columns().iter().filter(|c| c.required) {
        if !names.iter().any(|n| n == column.name) {
            findings.push(Finding {
                location: here(1, 1),
                column: Some(column.name.to_owned()),
                rule: Rule::MissingColumn,
                value: None,
                message: format!(
                    "the required column `{}` is missing from the header (found: {})",
                    column.name,
                    names.join(", ")
                ),
            });
        }
    }
    if findings.is_empty() {
        Ok(names)
    } else {
        Err(findings)
    }
}

/// Whether the file passes the fast structural check: no quote
/// characters, and `columns` fields on every non-blank line. A file with
/// quotes fails it and is checked by [`parse`] instead. (UTF-8 is left to
/// polars, which refuses invalid text in every column type.)
///
/// Rows are not split: polars refuses a row with too many fields, so if
/// the file's commas number exactly (columns - 1) per non-blank line, no
/// row can have too few. Counting bytes runs at memory speed.
pub(crate) fn scan(bytes: &[u8], columns: usize) -> bool {
    let text = strip_bom(bytes);
    if text.is_empty() {
        return true;
    }
    const CHUNK: usize = 1 << 22;
    // Chunks end just after a newline, so a blank line split between two
    // chunks shows as a chunk starting with a line end.
    let mut bounds = vec![0];
    while let Some(&last) = bounds.last() {
        if last >= text.len() {
            break;
        }
        let probe = (last + CHUNK).min(text.len());
        let end = match memchr::memchr(b'\n', &text[probe..]) {
            Some(i) => probe + i + 1,
            None => text.len(),
        };
        bounds.push(end);
    }
    let counts = bounds
        .par_windows(2)
        .map(|w| {
            let chunk = &text[w[0]..w[1]];
            if memchr::memchr(b'"', chunk).is_some() {
                return None;
            }
            let commas = chunk.iter().filter(|&&b| b == b',').count();
            let newlines = chunk.iter().filter(|&&b| b == b'\n').count();
            let starts_blank = w[0] > 0 && (chunk.starts_with(b"\n") || chunk.starts_with(b"\r\n"));
            let blanks = memchr::memmem::find_iter(chunk, b"\n\n").count()
                + memchr::memmem::find_iter(chunk, b"\n\r\n").count()
                + usize::from(starts_blank);
            Some((commas, newlines, blanks))
        })
        .collect::<Option<Vec<_>>>();
    let Some(counts) = counts else { return false };
    let (commas, newlines, blanks) = counts.iter().fold((0, 0, 0), |(c, n, b), &(c2, n2, b2)| {
        (c + c2, n + n2, b + b2)
    });
    let unterminated = usize::from(!text.ends_with(b"\n"));
    let lines = newlines + unterminated - blanks;
    commas == lines * (columns - 1)
}

/// Reads a table file with the `csv` crate into located cells, reporting
/// every structural problem: invalid UTF-8, bad quoting, ragged rows.
pub(crate) fn parse(
    table: Table,
    path: &str,
    bytes: &[u8],
    header: Vec<String>,
) -> (RawTable, Vec<Finding>) {
    let text = strip_bom(bytes);
    let lines = Lines::new(text);
    let mut findings = Vec::new();
    let mut rows = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                findings.push(csv_error(path, &e));
                break;
            }
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        if first {
            first = false;
            continue;
        }
        let (offsets, quoting) = field_offsets(text, start, record.len());
        let row_location = lines.locate(path, start);
        if let Some((offset, problem)) = quoting {
            findings.push(Finding {
                location: lines.locate(path, offset),
                column: None,
                rule: Rule::MalformedCsv,
                value: None,
                message: problem.to_owned(),
            });
            continue;
        }
        if record.len() != header.len() {
            findings.push(Finding {
                location: row_location,
                column: None,
                rule: Rule::RaggedRow,
                value: None,
                message: format!(
                    "the row has {} field{} but the header has {} columns",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" },
                    header.len()
                ),
            });
            continue;
        }
        let mut cells = Vec::with_capacity(record.len());
        let mut readable = true;
        for (i, field) in record.iter().enumerate() {
            let location = lines.locate(path, offsets[i]);
            match std::str::from_utf8(field) {
                Ok("") => cells.push(None),
                Ok(value) => cells.push(Some(RawCell {
                    text: value.to_owned(),
                    location,
                })),
                Err(_) => {
                    let mut finding = invalid_utf8(location, field);
                    finding.column = Some(header[i].clone());
                    findings.push(finding);
                    readable = false;
                }
            }
        }
        // A row that could not be read whole is reported once, not again
        // for each of its values.
        if !readable {
            continue;
        }
        rows.push(RawRow {
            location: row_location,
            cells,
        });
    }
    let raw = RawTable {
        table,
        columns: header,
        rows,
    };
    (raw, findings)
}

/// Where each of a record's `n` fields starts, found by walking the raw
/// bytes from the record's start with RFC 4180's rules; and the first
/// quoting problem met, if any (a quote inside an unquoted field, text
/// after a closing quote, a quote never closed).
fn field_offsets(
    text: &[u8],
    start: usize,
    n: usize,
) -> (Vec<usize>, Option<(usize, &'static str)>) {
    let mut offsets = Vec::with_capacity(n);
    let mut i = start;
    let mut problem = None;
    while offsets.len() < n && i <= text.len() {
        offsets.push(i);
        if text.get(i) == Some(&b'"') {
            let open = i;
            i += 1;
            loop {
                match text.get(i) {
                    None => {
                        problem.get_or_insert((
                            open,
                            "a quoted field is never closed: add the closing `\"`",
                        ));
                        break;
                    }
                    Some(b'"') if text.get(i + 1) == Some(&b'"') => i += 2,
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(_) => i += 1,
                }
            }
            match text.get(i) {
                None | Some(b',' | b'\n') => {}
                Some(b'\r') if matches!(text.get(i + 1), None | Some(b'\n')) => {}
                Some(_) => {
                    problem.get_or_insert((
                        i,
                        "text follows a closing quote: quote the whole field and double any `\"` inside it",
                    ));
                    while !matches!(text.get(i), None | Some(b',' | b'\n')) {
                        i += 1;
                    }
                }
            }
        } else {
            while let Some(&b) = text.get(i) {
                if b == b',' || b == b'\n' {
                    break;
                }
                if b == b'"' {
                    problem.get_or_insert((
                        i,
                        "a quote inside an unquoted field: quote the whole field and double the `\"`",
                    ));
                }
                i += 1;
            }
        }
        if text.get(i) == Some(&b',') {
            i += 1;
        } else {
            break;
        }
    }
    while offsets.len() < n {
        offsets.push(i.min(text.len()));
    }
    (offsets, problem)
}

fn invalid_utf8(location: Location, field: &[u8]) -> Finding {
    Finding {
        location,
        column: None,
        rule: Rule::InvalidUtf8,
        value: Some(String::from_utf8_lossy(field).into_owned()),
        message: "the text is not valid UTF-8: save the file as UTF-8".to_owned(),
    }
}

fn csv_error(path: &str, e: &csv::Error) -> Finding {
    let (line, message) = match e.kind() {
        csv::ErrorKind::Utf8 { pos, err } => (
            pos.as_ref().map_or(1, |p| p.line()),
            format!("the text is not valid UTF-8 ({err})"),
        ),
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => (
            pos.as_ref().map_or(1, |p| p.line()),
            format!("the row has {len} fields but {expected_len} were expected"),
        ),
        _ => (1, format!("the CSV could not be read: {e}")),
    };
    Finding {
        location: Location::new(path, line, 1),
        column: None,
        rule: Rule::MalformedCsv,
        value: None,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::scan;

    #[test]
    fn scan_accepts_well_formed_files_whatever_their_line_ends() {
        assert!(scan(b"a,b,c\n1,2,3\n4,5,6\n", 3));
        assert!(scan(b"a,b,c\r\n1,2,3\r\n4,5,6", 3));
        assert!(scan(b"\xEF\xBB\xBFa,b,c\n1,2,3\n\n4,5,6\n\n", 3));
        assert!(scan(b"a,b,c\n", 3));
    }

    #[test]
    fn scan_refuses_short_rows_and_files_with_quotes() {
        assert!(!scan(b"a,b,c\n1,2\n4,5,6\n", 3));
        assert!(!scan(b"a,b,c\n1,\"2\",3\n", 3));
        // Too many fields are refused by polars itself; one long and one
        // short row do not cancel out, since the long one fails there.
        assert!(scan(b"a,b,c\n1,2,3,4\n5,6\n", 3));
    }
}
