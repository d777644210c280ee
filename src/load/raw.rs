//! Tables as read from their files, before any value is interpreted: the
//! located cells of the precise route, the byte order mark a file may
//! start with, and the mapping from byte offsets to `line:column`.

use super::schema::Table;
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

/// A value as written, with where it was written.
#[derive(Debug, Clone)]
pub(crate) struct RawCell {
    pub text: String,
    pub location: Location,
}

impl RawCell {
    /// A finding at this cell: its place and its value as written.
    pub(crate) fn finding(&self, column: &str, rule: Rule, message: String) -> Finding {
        Finding {
            location: self.location.clone(),
            column: Some(column.to_owned()),
            rule,
            value: Some(self.text.clone()),
            message,
        }
    }
}

/// One row of located cells, aligned with its table's columns; an empty or
/// absent value is `None`.
#[derive(Debug, Clone)]
pub(crate) struct RawRow {
    pub location: Location,
    pub cells: Vec<Option<RawCell>>,
}

/// A table as read from a file, before any value is interpreted.
#[derive(Debug, Clone)]
pub(crate) struct RawTable {
    pub table: Table,
    pub columns: Vec<String>,
    pub rows: Vec<RawRow>,
}

impl RawTable {
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
    }

    pub(crate) fn cell<'a>(&self, row: &'a RawRow, name: &str) -> Option<&'a RawCell> {
        self.index(name).and_then(|i| row.cells[i].as_ref())
    }
}
