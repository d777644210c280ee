//! Collections written in either form: canonical tables or nested records.

use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{TableFormat, atomic};
use crate::error::{Error, Result};
use polars::prelude::*;

use crate::load::{Collection, Member, Table};

/// The file format of nested records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordFormat {
    /// `records/<summit_id>.toml`.
    Toml,
    /// `records/<summit_id>.json`.
    Json,
}

/// The form `convert` writes a collection in (`load::Form` is the form it
/// was read from).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConvertTo {
    /// Canonical CSV tables.
    Tables,
    /// One record file a summit, in this format.
    Records(RecordFormat),
    /// The tables as Parquet files (`summits.parquet`...), each column
    /// with its dtype; `export tables --format parquet`.
    Parquet,
}

/// Writes a whole collection in the form `to` into `out`, each member into a
/// subdirectory of its name when there are several, with a `manifest.json`
/// listing every file. `out` must be absent, empty or an earlier output of
/// summitry, which is replaced whole; anything else is refused before
/// anything is written. Returns the directory of each member.
pub fn write_collection(data: &Collection, out: &Path, to: ConvertTo) -> Result<Vec<PathBuf>> {
    let staged = atomic::stage(out)?;
    let several = data.members().len() > 1;
    let mut written = Vec::new();
    for member in data.members() {
        let (into, shown) = if several {
            (staged.path().join(&member.name), out.join(&member.name))
        } else {
            (staged.path().to_owned(), out.to_owned())
        };
        match to {
            ConvertTo::Tables => write_tables(data, member, &into, TableFormat::Csv)?,
            ConvertTo::Parquet => write_tables(data, member, &into, TableFormat::Parquet)?,
            ConvertTo::Records(format) => write_records(data, member, &into, format)?,
        }
        written.push(shown);
    }
    let command = match to {
        ConvertTo::Tables => "convert --to tables",
        ConvertTo::Parquet => "export tables --format parquet",
        ConvertTo::Records(RecordFormat::Toml) => "convert --to records",
        ConvertTo::Records(RecordFormat::Json) => "convert --to records --records-as json",
    };
    atomic::Listing::of(staged.path(), command)?.write(staged.path())?;
    staged.commit()?;
    Ok(written)
}

/// Writes one member of a collection as canonical CSV tables into `dir`,
/// with its text files: the six summit tables (header-only where a table
/// has no rows) unless the member holds visits and no summits, and
/// `unsettled.csv`, `visits.csv` and `exclusions.csv` when it holds rows
/// of them.
///
/// Rows come in canonical order: summits by start date then id, and every
/// other table grouped by summit in that order, keeping the order of rows
/// within a summit; visits and exclusions by start date then id. Records
/// carry no order between files, so this is what makes tables -> records
/// -> tables give back the same bytes.
fn write_tables(data: &Collection, member: &Member, dir: &Path, format: TableFormat) -> Result<()> {
    create(dir)?;
    let mut frames = data.member_frames(member);
    // The tables written, with their columns, for the data package.
    let mut written: Vec<(Table, Vec<String>)> = Vec::new();
    let columns = |df: &DataFrame| -> Vec<String> {
        df.get_column_names()
            .iter()
            .map(|c| c.to_string())
            .collect()
    };
    for table in Table::STANDALONE {
        let rows = frames.remove(&table).unwrap_or_default();
        let (Some(id), true) = (table.standalone_id(), rows.height() > 0) else {
            continue;
        };
        let sorted = rows
            .lazy()
            .sort(["start_date", id], SortMultipleOptions::default())
            .collect()?;
        let path = dir.join(format.file_of(table));
        super::write_table(&sorted, &path, format, false)?;
        written.push((table, columns(&sorted)));
    }
    if frames[&Table::Summits].height() == 0 && Table::STANDALONE.iter().any(|t| member.holds(*t)) {
        write_package(data, member, dir, &written, format)?;
        return write_texts(member, dir);
    }
    let order = frames[&Table::Summits]
        .clone()
        .lazy()
        .sort(["start_date", "summit_id"], SortMultipleOptions::default())
        .with_row_index("__order", None)
        .select([col("summit_id"), col("__order")]);
    for (table, df) in &frames {
        // The log of unsettled values is written only where it has rows,
        // like the tables that stand on their own.
        if *table == Table::Unsettled && df.height() == 0 {
            continue;
        }
        let sorted = df
            .clone()
            .lazy()
            .with_row_index("__row", None)
            .join(
                order.clone(),
                [col("summit_id")],
                [col("summit_id")],
                JoinArgs::new(JoinType::Left),
            )
            .sort(["__order", "__row"], SortMultipleOptions::default())
            .drop(by_name(["__order", "__row"], true, false))
            .collect()?;
        let path = dir.join(format.file_of(*table));
        super::write_table(&sorted, &path, format, false)?;
        written.push((*table, columns(&sorted)));
    }
    written.sort_by_key(|(t, _)| *t);
    write_package(data, member, dir, &written, format)?;
    write_texts(member, dir)
}

/// Writes the member's `datapackage.json`, describing the tables written.
/// The shipped collections (the embedded data) carry their licences.
fn write_package(
    data: &Collection,
    member: &Member,
    dir: &Path,
    written: &[(Table, Vec<String>)],
    format: TableFormat,
) -> Result<()> {
    let citation = crate::cite::Citation::of(data)?;
    let package = super::datapackage::for_collection(
        &member.name,
        written,
        &citation,
        data.is_embedded(),
        format,
    );
    let path = dir.join(super::datapackage::FILE);
    std::fs::write(&path, super::datapackage::to_bytes(&package)?).map_err(|e| Error::io(&path, e))
}

/// Writes one member of a collection as one record file a summit into
/// `dir/records/`, with its text files.
fn write_records(
    data: &Collection,
    member: &Member,
    dir: &Path,
    format: RecordFormat,
) -> Result<()> {
    let records = dir.join("records");
    create(&records)?;
    for (id, object) in data.member_objects(member)? {
        let value = Value::Object(object);
        let (text, ext) = match format {
            RecordFormat::Json => (
                serde_json::to_string_pretty(&value)
                    .map(|s| s + "\n")
                    .map_err(|e| Error::Write {
                        what: format!("the record of {id}"),
                        message: e.to_string(),
                    })?,
                "json",
            ),
            RecordFormat::Toml => (
                toml::to_string_pretty(&value).map_err(|e| Error::Write {
                    what: format!("the record of {id}"),
                    message: e.to_string(),
                })?,
                "toml",
            ),
        };
        // The loader holds summit ids to this rule; checked again here,
        // where an id becomes a file name.
        if !crate::load::is_id(&id) {
            return Err(Error::Refused(format!(
                "the id {id:?} cannot name a file: summitry writes records only inside {}",
                records.display()
            )));
        }
        let path = records.join(format!("{id}.{ext}"));
        if path.exists() {
            return Err(Error::Refused(format!(
                "{id:?} names two records (a summit, a visit or an exclusion): records name their files by id, so rename one of them"
            )));
        }
        std::fs::write(&path, text).map_err(|e| Error::io(&path, e))?;
    }
    write_texts(member, dir)
}

fn write_texts(member: &Member, dir: &Path) -> Result<()> {
    for (rel, bytes) in member.texts() {
        if !atomic::is_plain_relative(rel) {
            return Err(Error::Refused(format!(
                "the text file {rel:?} is not a plain relative path: summitry writes only inside {}",
                dir.display()
            )));
        }
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            create(parent)?;
        }
        std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

fn create(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))
}
