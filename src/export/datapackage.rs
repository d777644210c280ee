//! Frictionless Data Packages: the `datapackage.json` that every
//! collection summitry writes (and every shipped one) and every directory
//! of summaries or study outputs carries, so that `frictionless validate`,
//! pandas, R and spreadsheet users read each table with its types.
//!
//! A collection's package comes from the one place the schema is defined,
//! [`load::schema`](crate::load::Table): each column's type, its
//! vocabulary as an `enum` constraint, whether it may be empty, the
//! table's primary key and its foreign key to `summits`. Tables that
//! summitry computes (summaries, comparisons, a chart's data) are
//! described from their frames' dtypes, which pin them.

use polars::prelude::*;
use serde_json::{Value, json};

use super::TableFormat;
use crate::cite::{Citation, DATA_LICENCE};
use crate::error::{Error, Result};
use crate::load::{ColumnType, Table};
use crate::model::country::COUNTRIES;

/// The file name of a package's descriptor.
pub const FILE: &str = "datapackage.json";

/// The pattern ids follow (the codebook's `id`).
const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

/// The licences of the shipped data: the curated collections are CC BY
/// 4.0; the official record of visits is a work of the US government,
/// dedicated to the public domain by its publisher (CC0 1.0).
fn shipped_licence(official_record: bool) -> Value {
    if official_record {
        json!([{
            "name": "CC0-1.0",
            "title": "Creative Commons Zero 1.0 (a work of the US government, in the public domain)",
            "path": "https://creativecommons.org/publicdomain/zero/1.0/"
        }])
    } else {
        json!([{
            "name": "CC-BY-4.0",
            "title": format!("Creative Commons Attribution 4.0 International ({DATA_LICENCE})"),
            "path": "https://creativecommons.org/licenses/by/4.0/"
        }])
    }
}

/// One field of a collection's table, from the codebook's column.
fn field(table: Table, name: &str) -> Value {
    let Some(column) = table.column(name) else {
        // A column beyond the codebook's: carried as text.
        return json!({ "name": name, "type": "string" });
    };
    let mut constraints = serde_json::Map::new();
    if !column.nullable {
        constraints.insert("required".into(), json!(true));
    }
    let mut f = serde_json::Map::new();
    f.insert("name".into(), json!(name));
    let kind = match column.ty {
        ColumnType::Date => "date",
        ColumnType::Bool => {
            f.insert("trueValues".into(), json!(["true", "True", "TRUE"]));
            f.insert("falseValues".into(), json!(["false", "False", "FALSE"]));
            "boolean"
        }
        ColumnType::Count => {
            constraints.insert("minimum".into(), json!(0));
            "integer"
        }
        ColumnType::Amount => {
            constraints.insert("minimum".into(), json!(0));
            "number"
        }
        ColumnType::Degrees(limit) => {
            constraints.insert("minimum".into(), json!(-i64::from(limit)));
            constraints.insert("maximum".into(), json!(i64::from(limit)));
            "number"
        }
        ColumnType::Id => {
            constraints.insert("pattern".into(), json!(ID_PATTERN));
            "string"
        }
        ColumnType::Country => {
            let codes: Vec<&str> = COUNTRIES.iter().map(|c| c.alpha3).collect();
            constraints.insert("enum".into(), json!(codes));
            "string"
        }
        ColumnType::Vocabulary(words) => {
            constraints.insert("enum".into(), json!(words));
            "string"
        }
        ColumnType::Url => {
            constraints.insert("pattern".into(), json!("^https?://.+"));
            "string"
        }
        ColumnType::Text
        | ColumnType::Stakeholders
        | ColumnType::Issuer
        | ColumnType::Language
        | ColumnType::File => "string",
    };
    f.insert("type".into(), json!(kind));
    if !constraints.is_empty() {
        f.insert("constraints".into(), Value::Object(constraints));
    }
    Value::Object(f)
}

/// The resource of one table of a collection, as written with `columns`
/// in its header.
fn table_resource(
    table: Table,
    columns: &[String],
    with_summits: bool,
    format: TableFormat,
) -> Value {
    let fields: Vec<Value> = columns.iter().map(|c| field(table, c)).collect();
    let mut schema = serde_json::Map::new();
    schema.insert("fields".into(), json!(fields));
    schema.insert("missingValues".into(), json!([""]));
    // A primary key's values may not be empty in a data package, so a
    // key with a column that may be (the side of an unsettled outcome
    // field) is left to summitry's own validator.
    let key = table.key();
    let never_empty = key
        .iter()
        .all(|k| table.column(k).is_some_and(|c| !c.nullable));
    if !key.is_empty() && never_empty {
        schema.insert("primaryKey".into(), json!(key));
    }
    if with_summits && table.refers_to_summits() {
        schema.insert(
            "foreignKeys".into(),
            json!([{
                "fields": ["summit_id"],
                "reference": { "resource": Table::Summits.name(), "fields": ["summit_id"] }
            }]),
        );
    }
    let mut resource = json!({
        "name": table.name(),
        "path": format.file_of(table),
        "profile": "tabular-data-resource",
        "format": format.extension(),
        "schema": Value::Object(schema),
    });
    match format {
        TableFormat::Parquet => {
            resource["mediatype"] = json!("application/vnd.apache.parquet");
        }
        _ => {
            resource["mediatype"] = json!("text/csv");
            resource["encoding"] = json!("utf-8");
        }
    }
    resource
}

/// The package of one collection written as tables: each table file with
/// its header's columns. `shipped` adds the shipped data's licence.
pub fn for_collection(
    name: &str,
    tables: &[(Table, Vec<String>)],
    citation: &Citation,
    shipped: bool,
    format: TableFormat,
) -> Value {
    let with_summits = tables.iter().any(|(t, _)| *t == Table::Summits);
    let resources: Vec<Value> = tables
        .iter()
        .map(|(t, columns)| table_resource(*t, columns, with_summits, format))
        .collect();
    package(
        name,
        &format!("summitry collection {name}"),
        resources,
        citation,
        shipped.then(|| shipped_licence(name == "us-official-visits")),
    )
}

/// The Table Schema type of a computed frame's column.
fn frame_type(dtype: &DataType) -> &'static str {
    match dtype {
        DataType::Boolean => "boolean",
        DataType::Date => "date",
        d if d.is_integer() => "integer",
        d if d.is_float() => "number",
        _ => "string",
    }
}

/// The resource of a table summitry computed, at `path` inside the
/// package, described from its frame.
pub fn frame_resource(path: &str, df: &DataFrame) -> Value {
    let fields: Vec<Value> = df
        .columns()
        .iter()
        .map(|c| {
            let kind = frame_type(c.dtype());
            let mut f = json!({ "name": c.name().as_str(), "type": kind });
            if kind == "boolean" {
                f["trueValues"] = json!(["true"]);
                f["falseValues"] = json!(["false"]);
            }
            f
        })
        .collect();
    let (stem, format) = match path.strip_suffix(".parquet") {
        Some(stem) => (stem, "parquet"),
        None => (path.trim_end_matches(".csv"), "csv"),
    };
    let name = stem.replace(['/', '_', '.'], "-").to_lowercase();
    let mut resource = json!({
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": format,
        "schema": { "fields": fields, "missingValues": [""] },
    });
    if format == "csv" {
        resource["mediatype"] = json!("text/csv");
        resource["encoding"] = json!("utf-8");
    } else {
        resource["mediatype"] = json!("application/vnd.apache.parquet");
    }
    resource
}

/// A package of computed tables (summaries, a study's tables and chart
/// data). `shipped` says they were computed from the shipped data only,
/// whose licence they carry.
pub fn for_outputs(
    name: &str,
    title: &str,
    resources: Vec<Value>,
    citation: &Citation,
    shipped: bool,
) -> Value {
    // Computed from the curated collections (and the official record,
    // which waives all rights): CC BY, as the curated data.
    let licence = shipped.then(|| shipped_licence(false));
    package(name, title, resources, citation, licence)
}

fn package(
    name: &str,
    title: &str,
    resources: Vec<Value>,
    citation: &Citation,
    licences: Option<Value>,
) -> Value {
    let mut p = serde_json::Map::new();
    p.insert("profile".into(), json!("tabular-data-package"));
    p.insert("name".into(), json!(package_name(name)));
    p.insert("title".into(), json!(title));
    if let Some(l) = licences {
        p.insert("licenses".into(), l);
    }
    p.insert(
        "sources".into(),
        json!([{
            "title": "summitry: the sources of every fact are in each collection's sources.csv and the tables of facts' source_url columns",
        }]),
    );
    p.insert(
        "contributors".into(),
        json!([{ "title": citation.author, "role": "author" }]),
    );
    p.insert("version".into(), json!(citation.version));
    // Not a field of the Data Package standard, which allows others: how
    // to cite the data, as `summitry cite` prints it.
    p.insert("citation".into(), json!(citation.text()));
    p.insert("resources".into(), json!(resources));
    Value::Object(p)
}

/// A package name: lower-case letters, digits and `-._` only.
fn package_name(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// The descriptor as written: pretty JSON and a final newline.
pub fn to_bytes(package: &Value) -> Result<Vec<u8>> {
    serde_json::to_string_pretty(package)
        .map(|s| (s + "\n").into_bytes())
        .map_err(|e| Error::Write {
            what: FILE.to_owned(),
            message: e.to_string(),
        })
}
