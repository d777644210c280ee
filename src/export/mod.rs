//! Frames and collections written out: CSV tables with pinned formatting
//! (one writer, [`write_csv`]), Parquet tables ([`write_parquet`]), and
//! nested record files.

pub mod atomic;
pub mod datapackage;
pub mod records;
pub mod summaries;

use std::io::Write;

use polars::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::load::{DATE_FORMAT, date_of_days, date_text};

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
        AnyValue::Date(days) => date_of_days(*days).map(date_text).unwrap_or_default(),
        other => other.to_string(),
    }
}

/// The file format of exported tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum TableFormat {
    /// CSV, as [`write_csv`] writes it.
    #[default]
    Csv,
    /// Apache Parquet, as polars writes it: columns keep their dtypes
    /// (closed vocabularies and country codes as dictionary-encoded
    /// categories, dates as dates, booleans, integers and floats).
    Parquet,
}

impl TableFormat {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Parquet => "parquet",
        }
    }

    /// The file a collection's table is written to in this format:
    /// `summits.csv`, `summits.parquet`.
    pub fn file_of(self, table: crate::load::Table) -> String {
        format!("{}.{}", table.name(), self.extension())
    }
}

/// Writes a frame as Parquet (zstd-compressed, statistics written), the
/// one way summitry writes Parquet.
pub fn write_parquet<W: Write>(df: &DataFrame, out: W) -> Result<()> {
    let mut df = df.clone();
    ParquetWriter::new(out)
        .with_compression(ParquetCompression::Zstd(None))
        .finish(&mut df)
        .map(|_| ())
        .map_err(|e| Error::Write {
            what: "Parquet".to_owned(),
            message: e.to_string(),
        })
}

/// Writes a frame in `format` into the file at `path` (`bom` for CSV).
pub fn write_table(
    df: &DataFrame,
    path: &std::path::Path,
    format: TableFormat,
    bom: bool,
) -> Result<()> {
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    match format {
        // polars' CSV writer batches its own output.
        TableFormat::Csv => write_csv(df, file, bom),
        TableFormat::Parquet => write_parquet(df, std::io::BufWriter::new(file)),
    }
}

/// Writes a frame as CSV: the one way summitry writes CSV, polars'
/// `CsvWriter` with its formatting pinned here (`,` between fields, `"`
/// around a field only where needed, `\n` line ends, nulls as empty
/// fields, empty text as `""`, ISO dates, `true`/`false`, floats in their
/// shortest round-trip form), after a UTF-8 byte order mark when `bom`
/// (for Excel). The writer formats rows in batches side by side, so
/// memory stays bounded whatever the table's size.
pub fn write_csv<W: Write>(df: &DataFrame, out: W, bom: bool) -> Result<()> {
    // `finish` takes the frame mutably (to rechunk it); a clone shares
    // the buffers.
    let mut df = df.clone();
    CsvWriter::new(out)
        .include_bom(bom)
        .include_header(true)
        .with_separator(b',')
        .with_quote_char(b'"')
        .with_quote_style(QuoteStyle::Necessary)
        .with_line_terminator("\n".into())
        .with_null_value(PlSmallStr::EMPTY)
        .with_date_format(Some(DATE_FORMAT.into()))
        .with_float_scientific(None)
        .with_float_precision(None)
        .finish(&mut df)
        .map_err(|e| Error::Write {
            what: "CSV".to_owned(),
            message: e.to_string(),
        })
}

/// A frame of text columns named `names`, `height` rows, whose cell at
/// (row, column) is `cell(row, column)`; `None` is a null (written empty).
pub fn text_frame<'a>(
    names: &[String],
    height: usize,
    cell: impl Fn(usize, usize) -> Option<&'a str>,
) -> Result<DataFrame> {
    let columns: Vec<Column> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            StringChunked::from_iter_options(name.as_str().into(), (0..height).map(|r| cell(r, i)))
                .into_series()
                .into_column()
        })
        .collect();
    Ok(DataFrame::new(height, columns)?)
}

/// A frame as CSV bytes (see [`write_csv`]).
pub fn csv_bytes(df: &DataFrame, bom: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    write_csv(df, &mut out, bom)?;
    Ok(out)
}
