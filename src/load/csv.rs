//! Canonical CSV tables: the header, and the precise parse that locates
//! every problem at `file:line:column`.
//!
//! Clean tables take the fast route of `load::frame` (polars' reader).
//! Only when it refuses a file, or the vectorised rules find a problem,
//! does [`parse`] read the files with the `csv` crate and locate each
//! problem.

use super::raw::{Lines, RawCell, RawRow, RawTable, strip_bom};
use super::schema::Table;
use crate::error::{Finding, Location, Rule};

/// The header of a table file, checked: present, UTF-8, every required
/// column there, no column twice. Returns the column names or the findings.
pub(crate) fn header(table: Table, path: &str, bytes: &[u8]) -> Result<Vec<String>, Vec<Finding>> {
    let text = strip_bom(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    match reader.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => {
            return Err(vec![Finding {
                location: Location::whole(path),
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
    // Lines of the header row only: the file may be large.
    let end = usize::try_from(reader.position().byte())
        .unwrap_or(text.len())
        .min(text.len());
    let lines = Lines::new(&text[..end]);
    let (offsets, problem) = field_offsets(text, 0, record.len());
    let mut names = Vec::with_capacity(record.len());
    let mut findings = Vec::new();
    // The csv crate reads a stray quote in a header as a letter of the
    // name; polars' reader refuses it, and so does RFC 4180.
    if let Some((at, message)) = problem {
        findings.push(Finding {
            location: lines.locate(path, at),
            column: None,
            rule: Rule::MalformedCsv,
            value: None,
            message: format!("the header: {message}"),
        });
    }
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
                location: Location::line(path, 1),
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
        if let Some(blank) = blank_before(text, start) {
            findings.push(Finding {
                location: lines.locate(path, blank),
                column: None,
                rule: Rule::MalformedCsv,
                value: None,
                message: "a blank line between rows: remove it".to_owned(),
            });
        }
        let start = past_line_ends(text, start);
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
            // Where the row goes wrong: its first field too many, or its
            // end, where a field is missing.
            let at = if record.len() > header.len() {
                offsets[header.len()]
            } else {
                let next = usize::try_from(reader.position().byte()).unwrap_or(text.len());
                row_end(text, start, next)
            };
            findings.push(Finding {
                location: lines.locate(path, at),
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

/// The number of rows below the header of a table file of `columns`
/// columns (without a byte order mark), or `None` if any row is
/// malformed: a quoting problem, a row of another length, a blank line
/// between rows. The same checks [`parse`] locates, without keeping the
/// cells: what the fast route asks of a file with quotes.
pub(crate) fn whole_rows(text: &[u8], columns: usize) -> Option<usize> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text);
    let mut record = csv::ByteRecord::new();
    let mut rows: usize = 0;
    while reader.read_byte_record(&mut record).ok()? {
        let start = usize::try_from(record.position()?.byte()).ok()?;
        if blank_before(text, start).is_some() {
            return None;
        }
        let start = past_line_ends(text, start);
        if record.len() != columns || field_offsets(text, start, columns).1.is_some() {
            return None;
        }
        rows += 1;
    }
    Some(rows.saturating_sub(1))
}

/// Where a row the csv crate says starts at `start` really starts: past
/// the line ends it counts into the row.
fn past_line_ends(text: &[u8], start: usize) -> usize {
    start
        + text[start.min(text.len())..]
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count()
}

/// Where the blank line is, if a row the csv crate says starts at `start`
/// follows blank lines: the crate skips them, and counts them into the
/// row; the codebook does not allow them.
fn blank_before(text: &[u8], start: usize) -> Option<usize> {
    let mut at = start;
    // The `\n` of a `\r\n` line end may be counted into the next row.
    if at > 0 && text.get(at - 1) == Some(&b'\r') && text.get(at) == Some(&b'\n') {
        at += 1;
    }
    matches!(text.get(at), Some(b'\r' | b'\n')).then_some(at)
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

/// The byte just after a row's last field: its line end, or the end of
/// the text. `next` is where the following row starts.
fn row_end(text: &[u8], start: usize, next: usize) -> usize {
    let mut end = next.min(text.len());
    if end > start && text.get(end - 1) == Some(&b'\n') {
        end -= 1;
        if end > start && text.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
    }
    end
}

/// A finding for what the csv crate refused. Reading byte records from
/// memory with rows of any length, it never judges the text itself (the
/// quoting, the encoding and the row lengths are located by [`parse`]), so
/// what is left has no position in the file.
fn csv_error(path: &str, e: &csv::Error) -> Finding {
    Finding {
        location: Location::whole(path),
        column: None,
        rule: Rule::MalformedCsv,
        value: None,
        message: format!("the CSV could not be read: {e}"),
    }
}
