//! `summitry show`: everything recorded about one summit.

use std::io::Write;
use std::process::ExitCode;

use serde_json::{Map, Value};
use summitry::load::Table;

use super::output::Rows;
use super::{DataArgs, OutputFormat};

/// Show the whole record of one summit: the summit, its participants,
/// outcome, context (and, in the readable view, the context computed from
/// the tables of facts), statements, sources and the values looked for and
/// left unsettled; or of one visit. Unknown
/// values are shown as `unknown`, never as "no".
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The summit's id, e.g. 2025-anchorage (see `summitry list`), or a
    /// visit's, e.g. hs-visit-2805 (see `summitry visits`).
    summit_id: String,
    #[command(flatten)]
    data: DataArgs,
    /// How to print the record: readable sections, long-form CSV
    /// (section,row,field,value), or JSON in the shape of a record file.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

const SECTIONS: [(&str, Table); 6] = [
    ("participants", Table::Participants),
    ("outcome", Table::Outcomes),
    ("context", Table::Context),
    ("statements", Table::Statements),
    ("sources", Table::Sources),
    ("unsettled", Table::Unsettled),
];

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.load()?;
    let record = match data.object(&args.summit_id) {
        Ok(record) => record,
        Err(summitry::Error::NotFound(no_summit)) => match data.visit_object(&args.summit_id) {
            Ok(visit) => return show_visit(&visit, args.format),
            Err(summitry::Error::NotFound(_)) => {
                return Err(summitry::Error::NotFound(format!(
                    "{no_summit}, nor a visit of that id"
                ))
                .into());
            }
            Err(e) => return Err(e.into()),
        },
        Err(e) => return Err(e.into()),
    };
    let mut out = std::io::stdout().lock();
    match args.format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &record)?;
            writeln!(out)?;
        }
        OutputFormat::Csv => {
            let mut rows = Rows::new(&["section", "row", "field", "value"]);
            let mut push = |section: &str, row: usize, object: &Map<String, Value>| {
                for (field, value) in object {
                    rows.rows.push(vec![
                        section.to_owned(),
                        row.to_string(),
                        field.clone(),
                        text(value),
                    ]);
                }
            };
            push("summit", 1, &scalars(&record));
            for (key, _) in SECTIONS {
                for (i, object) in entries(&record, key).iter().enumerate() {
                    push(key, i + 1, object);
                }
            }
            rows.write(OutputFormat::Csv, &mut out)?;
        }
        OutputFormat::Table => {
            let computed = computed_context(&data, &args.summit_id)?;
            readable(&record, &computed, &mut out)?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The summit's context as computed from the tables of facts, as lines
/// of the readable view: each flag `yes`, `no` or `unknown` (no table),
/// each list of names, `none` where the flag is known and nothing is in
/// force.
fn computed_context(
    data: &summitry::load::Collection,
    summit_id: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    use polars::prelude::*;
    let row = summitry::analysis::context::context(data)?
        .filter(col("summit_id").eq(lit(summit_id)))
        .collect()?;
    let mut lines = Vec::new();
    let mut known = true;
    for name in summitry::analysis::context::COLUMNS {
        let value = row.column(name)?.get(0)?;
        let shown = match value {
            AnyValue::Boolean(flag) => {
                known = true;
                if flag { "yes" } else { "no" }.to_owned()
            }
            AnyValue::Null if row.column(name)?.dtype() == &DataType::Boolean => {
                known = false;
                "unknown".to_owned()
            }
            AnyValue::Null if known => "none".to_owned(),
            AnyValue::Null => "unknown".to_owned(),
            other => other.str_value().into_owned(),
        };
        lines.push((name.to_owned(), shown));
    }
    Ok(lines)
}

/// The summit's own fields (everything but the nested sections).
fn scalars(record: &Map<String, Value>) -> Map<String, Value> {
    record
        .iter()
        .filter(|(k, _)| !SECTIONS.iter().any(|(s, _)| s == k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A section's rows: a list of objects, or the one object.
fn entries<'a>(record: &'a Map<String, Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    match record.get(key) {
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_object).collect(),
        Some(Value::Object(o)) => vec![o],
        _ => Vec::new(),
    }
}

fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Key-value lines for one object, every codebook field shown.
fn fields(table: Table, object: &Map<String, Value>, out: &mut impl Write) -> std::io::Result<()> {
    let mut names: Vec<&str> = table
        .columns()
        .iter()
        .map(|c| c.name)
        .filter(|n| *n != "summit_id" || table == Table::Summits)
        .collect();
    names.extend(
        object
            .keys()
            .map(String::as_str)
            .filter(|k| table.column(k).is_none()),
    );
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    for name in names {
        let value = object.get(name).map_or_else(|| "unknown".to_owned(), text);
        writeln!(out, "  {name:<width$}  {value}")?;
    }
    Ok(())
}

/// A visit: its fields in codebook order (JSON: the record file's shape;
/// CSV: section `visit`, row 1).
fn show_visit(visit: &Map<String, Value>, format: OutputFormat) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    match format {
        OutputFormat::Json => {
            serde_json::to_writer_pretty(&mut out, visit)?;
            writeln!(out)?;
        }
        OutputFormat::Csv => {
            let mut rows = Rows::new(&["section", "row", "field", "value"]);
            for (field, value) in visit {
                rows.rows.push(vec![
                    "visit".to_owned(),
                    "1".to_owned(),
                    field.clone(),
                    text(value),
                ]);
            }
            rows.write(OutputFormat::Csv, &mut out)?;
        }
        OutputFormat::Table => {
            writeln!(
                out,
                "{} ({})",
                visit.get("person").map(text).unwrap_or_default(),
                visit.get("visit_id").map(text).unwrap_or_default()
            )?;
            fields(Table::Visits, visit, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn readable(
    record: &Map<String, Value>,
    computed: &[(String, String)],
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let summit = scalars(record);
    writeln!(
        out,
        "{} ({})",
        summit.get("name").map(text).unwrap_or_default(),
        summit.get("summit_id").map(text).unwrap_or_default()
    )?;
    fields(Table::Summits, &summit, out)?;
    for (key, table) in SECTIONS {
        let items = entries(record, key);
        writeln!(out)?;
        if matches!(table, Table::Outcomes | Table::Context) {
            writeln!(out, "{key}")?;
            let empty = Map::new();
            fields(table, items.first().copied().unwrap_or(&empty), out)?;
            if table == Table::Context {
                writeln!(out, "\ncontext computed from the tables of facts")?;
                let width = computed.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
                for (name, value) in computed {
                    writeln!(out, "  {name:<width$}  {value}")?;
                }
            }
            continue;
        }
        writeln!(out, "{key} ({})", items.len())?;
        if items.is_empty() {
            continue;
        }
        let mut headers: Vec<String> = table
            .columns()
            .iter()
            .map(|c| c.name.to_owned())
            .filter(|n| n != "summit_id")
            .collect();
        for item in &items {
            for k in item.keys() {
                if !headers.contains(k) {
                    headers.push(k.clone());
                }
            }
        }
        let mut rows = Rows {
            headers: headers.clone(),
            rows: Vec::new(),
        };
        for item in &items {
            rows.rows.push(
                headers
                    .iter()
                    .map(|h| item.get(h).map(text).unwrap_or_default())
                    .collect(),
            );
        }
        let mut buffer = Vec::new();
        rows.write(OutputFormat::Table, &mut buffer)?;
        for line in String::from_utf8_lossy(&buffer).lines() {
            writeln!(out, "  {line}")?;
        }
    }
    Ok(())
}
