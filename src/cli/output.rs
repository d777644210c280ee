//! Shared output: a small table of strings, printed as aligned text, CSV
//! or JSON.

use std::io::Write;

use clap::ValueEnum;
use comfy_table::presets::NOTHING;
use comfy_table::{ContentArrangement, Table};
use serde_json::{Map, Value};

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for reading.
    #[default]
    Table,
    /// CSV with a header row.
    Csv,
    /// JSON.
    Json,
}

/// Rows of text under named columns.
pub struct Rows {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Rows {
    pub fn new(headers: &[&str]) -> Rows {
        Rows {
            headers: headers.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    /// The named `columns` of a frame, each cell as canonical text.
    pub fn of_frame(df: &polars::prelude::DataFrame, columns: &[&str]) -> anyhow::Result<Rows> {
        let mut rows = Rows::new(columns);
        let picked = columns
            .iter()
            .map(|name| df.column(name))
            .collect::<polars::prelude::PolarsResult<Vec<_>>>()?;
        for i in 0..df.height() {
            rows.rows.push(
                picked
                    .iter()
                    .map(|c| c.get(i).map(|v| summitry::export::cell_text(&v)))
                    .collect::<polars::prelude::PolarsResult<Vec<_>>>()?,
            );
        }
        Ok(rows)
    }

    pub fn write(&self, format: OutputFormat, out: &mut impl Write) -> anyhow::Result<()> {
        match format {
            OutputFormat::Table => {
                let mut table = Table::new();
                table
                    .load_preset(NOTHING)
                    .set_content_arrangement(ContentArrangement::Disabled)
                    .set_header(&self.headers);
                for row in &self.rows {
                    table.add_row(row);
                }
                // Two spaces between columns, none before the first.
                for column in table.column_iter_mut() {
                    column.set_padding((0, 2));
                }
                for line in table.lines() {
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
            OutputFormat::Csv => {
                // An empty cell is an unknown value: null, written empty.
                let df = summitry::export::text_frame(&self.headers, self.rows.len(), |r, c| {
                    self.rows[r]
                        .get(c)
                        .map(String::as_str)
                        .filter(|v| !v.is_empty())
                })?;
                summitry::export::write_csv(&df, &mut *out, false)?;
            }
            OutputFormat::Json => {
                let objects: Vec<Value> = self
                    .rows
                    .iter()
                    .map(|row| {
                        let object: Map<String, Value> = self
                            .headers
                            .iter()
                            .zip(row)
                            .map(|(h, v)| {
                                (
                                    h.clone(),
                                    if v.is_empty() {
                                        Value::Null
                                    } else {
                                        Value::String(v.clone())
                                    },
                                )
                            })
                            .collect();
                        Value::Object(object)
                    })
                    .collect();
                serde_json::to_writer_pretty(&mut *out, &objects)?;
                writeln!(out)?;
            }
        }
        Ok(())
    }
}
