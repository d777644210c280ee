//! Where CSV bytes become polars frames.
//!
//! Every frame summitry builds goes through [`read_csv`], polars' CSV
//! reader with the codebook's schema (`load::schema`): collections on
//! disk are read straight from their files, and nested records are first
//! rendered as canonical CSV (see `load::records`), so there is a single
//! route from text to frame.

use polars::prelude::*;

use super::raw::strip_bom;
use super::schema::{ColumnType, Table, column_order, dtype_of};
use super::value::DATE_FORMAT;
use crate::error::Result;

/// Reads a table's CSV bytes, whose header is `header` (already checked to
/// hold every required column once), into a frame with the pinned dtypes
/// and the canonical column order. Missing optional columns are added as
/// nulls. Rows or values that cannot be read are an error here; the caller
/// turns that into located findings (see [`read`]).
pub fn read_csv(table: Table, bytes: &[u8], header: &[String]) -> Result<DataFrame> {
    read(table, bytes, header).map_err(|reason| PolarsError::ComputeError(reason.into()).into())
}

/// Why the fast route refused a file: a short reason, for a bug report
/// only, since the precise route then says where each problem is.
pub(crate) type Refusal = String;

/// The fast route: polars' CSV reader with the codebook's schema (Enums
/// refuse unknown words, booleans and numbers are parsed as they are
/// read), dates checked as exactly `YYYY-MM-DD` by polars' own parser, and
/// the two things polars' reader lets through and the codebook does not
/// checked around it:
/// - a row with fewer fields than the header, which polars fills with
///   nulls: in a file without quotes the commas are counted (every row
///   has one fewer than the header has columns; a row with more fields is
///   polars' own error), in a file with quotes or carriage returns the
///   `csv` crate counts the rows (see [`super::csv::whole_rows`]);
/// - a blank line between rows, which polars reads as a row of nulls and
///   the codebook refuses (blank lines at the end are ignored).
///
/// Anything refused here is read again by the precise route, which says
/// where the problem is, so this route only has to be right about what
/// is clean.
pub(crate) fn read(table: Table, bytes: &[u8], header: &[String]) -> Result<DataFrame, Refusal> {
    let text = strip_bom(bytes);
    // Blank lines at the end are no rows, for the csv crate as for users.
    let end = text
        .iter()
        .rposition(|b| !matches!(b, b'\n' | b'\r'))
        .map_or(0, |last| last + 1);
    let text = &text[..end];
    let dates: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|name| table.column(name).is_some_and(|c| c.ty == ColumnType::Date))
        .collect();
    // Dates are read as text: polars' reader guesses a date's pattern.
    let schema: Schema = header
        .iter()
        .map(|name| {
            let dtype = match dates.contains(&name.as_str()) {
                true => DataType::String,
                false => dtype_of(table, name),
            };
            (name.as_str().into(), dtype)
        })
        .collect();
    let df = CsvReadOptions::default()
        .with_has_header(true)
        .with_schema(Some(Arc::new(schema)))
        .into_reader_with_file_handle(std::io::Cursor::new(text))
        .finish()
        .map_err(|e| e.to_string())?;

    let quoted = memchr::memchr2(b'"', b'\r', text).is_some();
    if quoted {
        match super::csv::whole_rows(text, header.len()) {
            Some(rows) if rows == df.height() => {}
            Some(rows) => return Err(format!("{rows} rows, polars read {}", df.height())),
            None => return Err("a row is malformed".to_owned()),
        }
    } else {
        if memchr::memmem::find(text, b"\n\n").is_some() {
            return Err("a blank line between rows".to_owned());
        }
        let commas = memchr::memchr_iter(b',', text).count();
        if commas != (df.height() + 1) * (header.len() - 1) {
            return Err("a row has fewer fields than the header".to_owned());
        }
    }

    let mut exprs: Vec<Expr> = Vec::new();
    let mut wrong: Vec<Expr> = Vec::new();
    for name in column_order(table, header) {
        let dtype = dtype_of(table, &name);
        if !header.contains(&name) {
            exprs.push(lit(NULL).cast(dtype).alias(name.as_str()));
            continue;
        }
        let mut value = col(name.as_str());
        if quoted && matches!(dtype, DataType::String) || dates.contains(&name.as_str()) {
            // `""` is an empty value, as an empty field is.
            value = when(value.clone().str().len_bytes().eq(lit(0)))
                .then(lit(NULL).cast(DataType::String))
                .otherwise(value);
        }
        if dates.contains(&name.as_str()) {
            wrong.push(
                value
                    .clone()
                    .str()
                    .len_bytes()
                    .neq(lit(10))
                    .fill_null(lit(false))
                    .any(true),
            );
            value = value.str().to_date(StrptimeOptions {
                format: Some(DATE_FORMAT.into()),
                strict: true,
                exact: true,
                cache: false,
            });
        }
        exprs.push(value.alias(name.as_str()));
    }
    let df = df.lazy();
    if !wrong.is_empty() {
        let verdict = df
            .clone()
            .select([any_horizontal(wrong)
                .map_err(|e| e.to_string())?
                .alias("wrong")])
            .collect()
            .map_err(|e| e.to_string())?;
        if verdict
            .column("wrong")
            .and_then(|c| c.bool().cloned())
            .map_err(|e| e.to_string())?
            .get(0)
            == Some(true)
        {
            return Err("a date is not written YYYY-MM-DD".to_owned());
        }
    }
    df.select(exprs).collect().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fast route on a sources table written as `text`.
    fn fast(text: &str) -> Result<DataFrame, Refusal> {
        let header = crate::load::csv::header(Table::Sources, "sources.csv", text.as_bytes())
            .expect("a good header");
        read(Table::Sources, text.as_bytes(), &header)
    }

    #[test]
    fn the_fast_route_refuses_what_polars_would_fill_in() {
        let good = fast("summit_id,url,accessed\na,https://x,2025-08-15\n\n\n").unwrap();
        assert_eq!(good.height(), 1);
        assert_eq!(good.column("accessed").unwrap().dtype(), &DataType::Date);
        // Columns in the codebook's order, the missing ones null.
        assert_eq!(
            good.get_column_names(),
            [
                "summit_id",
                "url",
                "title",
                "publisher",
                "accessed",
                "tier",
                "side"
            ]
        );
        assert_eq!(good.column("title").unwrap().null_count(), 1);
        // A short row, with and without quotes; a blank line between rows.
        assert!(fast("summit_id,url,title\na,https://x\n").is_err());
        assert!(fast("summit_id,url,title\n\"a\",https://x\n").is_err());
        assert!(fast("summit_id,url\na,https://x\n\nb,https://y\n").is_err());
        assert!(fast("summit_id,url\r\na,https://x\r\n\r\nb,https://y\r\n").is_err());
        // Dates exactly YYYY-MM-DD, which polars' reader alone would guess.
        assert!(fast("summit_id,url,accessed\na,https://x,2025-8-15\n").is_err());
        assert!(fast("summit_id,url,accessed\na,https://x,15/08/2025\n").is_err());
        // A quoted empty value is empty.
        let quoted = fast("summit_id,url,title\n\"a\",https://x,\"\"\n").unwrap();
        assert_eq!(quoted.column("title").unwrap().null_count(), 1);
        assert!(fast("summit_id,url,title\na,https://x,\"q\"z\n").is_err());
    }
}
