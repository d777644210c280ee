//! The nested form of a collection: one JSON or TOML file a summit under
//! `records/`, holding its participants, outcome, context, statements and
//! sources; and one file a visit or an exclusion, a flat record keyed by
//! `visit_id` or `exclusion_id`.
//!
//! Reading: each format's parser (`json.rs`, `toml.rs`) yields a [`Node`]
//! tree that remembers where every value was written; [`to_raw`] flattens
//! the trees of all files into the same located tables a CSV collection
//! gives, so one validator serves both forms. Writing goes the other way,
//! from frames to one JSON object a summit ([`objects`]).

use std::collections::HashMap;

use polars::prelude::*;
use serde_json::{Map, Value};

use super::raw::{Lines, RawCell, RawRow, RawTable};
use super::schema::Table;
use crate::error::{Finding, Location, Result, Rule};

/// A parsed value and the byte offset where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub offset: usize,
    pub value: NodeValue,
}

/// The shapes a record file's values can take. Scalars keep the text a
/// CSV cell would hold (`true`, `2`, `61.2181`, `2025-08-15`).
#[derive(Debug, Clone)]
pub(crate) enum NodeValue {
    Null,
    Scalar(String),
    List(Vec<Node>),
    Map(Vec<(String, Node)>),
}

/// How a child table sits inside a record: a list of tables or one table.
fn nested(key: &str) -> Option<(Table, bool)> {
    match key {
        "participants" => Some((Table::Participants, true)),
        "outcome" => Some((Table::Outcomes, false)),
        "context" => Some((Table::Context, false)),
        "statements" => Some((Table::Statements, true)),
        "sources" => Some((Table::Sources, true)),
        "unsettled" => Some((Table::Unsettled, true)),
        _ => None,
    }
}

/// The key of a child table inside a record.
fn nested_key(table: Table) -> &'static str {
    match table {
        Table::Summits
        | Table::Visits
        | Table::Exclusions
        | Table::Conflicts
        | Table::Sanctions
        | Table::Warrants => "",
        Table::Participants => "participants",
        Table::Outcomes => "outcome",
        Table::Context => "context",
        Table::Statements => "statements",
        Table::Sources => "sources",
        Table::Unsettled => "unsettled",
    }
}

/// A record's values for one row, by column name.
type NamedCells = Vec<(String, Option<RawCell>)>;

/// Rows being gathered for one table, with their columns as first seen.
struct Gather {
    columns: Vec<String>,
    rows: Vec<(Location, NamedCells)>,
}

impl Gather {
    fn new(table: Table) -> Gather {
        Gather {
            columns: table.columns().iter().map(|c| c.name.to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    fn push(&mut self, location: Location, cells: NamedCells) {
        for (name, _) in &cells {
            if !self.columns.contains(name) {
                self.columns.push(name.clone());
            }
        }
        self.rows.push((location, cells));
    }

    fn finish(self, table: Table) -> RawTable {
        let rows = self
            .rows
            .into_iter()
            .map(|(location, cells)| {
                let mut aligned = vec![None; self.columns.len()];
                for (name, cell) in cells {
                    if let Some(i) = self.columns.iter().position(|c| *c == name) {
                        aligned[i] = cell;
                    }
                }
                RawRow {
                    location,
                    cells: aligned,
                }
            })
            .collect();
        RawTable {
            table,
            columns: self.columns,
            rows,
        }
    }
}

/// A parsed record file: its display path, its text and its tree.
pub(crate) struct RecordFile {
    pub path: String,
    pub text: String,
    pub root: Node,
}

/// Flattens record files into one located table each
/// (cells keep their file, line and column), with the shape problems found
/// on the way. A row with a shape problem is left out, like an unreadable
/// CSV row; the flag says whether every summit row was kept.
pub(crate) fn to_raw(files: &[RecordFile]) -> (Vec<RawTable>, Vec<Finding>, bool) {
    let mut summits_whole = true;
    let mut gathers: HashMap<Table, Gather> =
        Table::ALL.iter().map(|&t| (t, Gather::new(t))).collect();
    let mut findings = Vec::new();
    for file in files {
        let lines = Lines::new(file.text.as_bytes());
        let at = |offset: usize| lines.locate(&file.path, offset);
        let shape = |offset: usize, column: &str, message: String| Finding {
            location: at(offset),
            column: Some(column.to_owned()),
            rule: Rule::WrongShape,
            value: None,
            message,
        };
        let NodeValue::Map(entries) = &file.root.value else {
            findings.push(shape(
                file.root.offset,
                "summit_id",
                "a record file must hold one object (table) describing a summit, a visit or an exclusion"
                    .to_owned(),
            ));
            summits_whole = false;
            continue;
        };
        let has = |key: &str| entries.iter().any(|(k, _)| k == key);
        // The table whose id the record carries. An exclusion may also
        // name the visit it answers (`visit_id`), so a visit is the record
        // only when no other table's id is there.
        let standalone = Table::STANDALONE
            .into_iter()
            .filter(|t| t.standalone_id().is_some_and(has))
            .min_by_key(|t| *t == Table::Visits);
        if let Some(table) = standalone.filter(|_| !has("summit_id")) {
            // A row of a table that stands on its own: one flat row.
            let mut cells = Vec::new();
            let mut whole = true;
            for (key, node) in entries {
                match scalar(node, key, &at) {
                    Ok(cell) => cells.push((key.clone(), cell)),
                    Err(f) => {
                        findings.push(*f);
                        whole = false;
                    }
                }
            }
            if whole && let Some(g) = gathers.get_mut(&table) {
                g.push(at(file.root.offset), cells);
            }
            continue;
        }
        let summit_id = entries
            .iter()
            .find(|(k, _)| k == "summit_id")
            .and_then(|(_, n)| match &n.value {
                NodeValue::Scalar(s) => Some(RawCell {
                    text: s.clone(),
                    location: at(n.offset),
                }),
                _ => None,
            });
        let mut summit_cells = Vec::new();
        let mut whole = true;
        for (key, node) in entries {
            if let Some((table, many)) = nested(key) {
                let items: Vec<&Node> = match (&node.value, many) {
                    (NodeValue::List(items), true) => items.iter().collect(),
                    (NodeValue::Map(_), false) => vec![node],
                    (NodeValue::Null, _) => Vec::new(),
                    _ => {
                        findings.push(shape(
                            node.offset,
                            key,
                            format!(
                                "`{key}` must be {}",
                                if many { "a list of tables" } else { "a table" }
                            ),
                        ));
                        continue;
                    }
                };
                for item in items {
                    let NodeValue::Map(fields) = &item.value else {
                        findings.push(shape(
                            item.offset,
                            key,
                            format!("each entry of `{key}` must be a table"),
                        ));
                        continue;
                    };
                    let mut cells = vec![("summit_id".to_owned(), summit_id.clone())];
                    let mut whole = true;
                    for (name, value) in fields {
                        if name == "summit_id" {
                            findings.push(shape(
                                value.offset,
                                name,
                                format!("`summit_id` is given by the record itself; remove it from `{key}`"),
                            ));
                            whole = false;
                            continue;
                        }
                        match scalar(value, name, &at) {
                            Ok(cell) => cells.push((name.clone(), cell)),
                            Err(f) => {
                                findings.push(*f);
                                whole = false;
                            }
                        }
                    }
                    if !whole {
                        continue;
                    }
                    if let Some(g) = gathers.get_mut(&table) {
                        g.push(at(item.offset), cells);
                    }
                }
            } else {
                match scalar(node, key, &at) {
                    Ok(cell) => summit_cells.push((key.clone(), cell)),
                    Err(f) => {
                        findings.push(*f);
                        whole = false;
                    }
                }
            }
        }
        if !whole {
            summits_whole = false;
        } else if let Some(g) = gathers.get_mut(&Table::Summits) {
            g.push(at(file.root.offset), summit_cells);
        }
    }
    let tables = Table::ALL
        .iter()
        .filter_map(|t| {
            let g = gathers.remove(t)?;
            Some(g.finish(*t))
        })
        .collect();
    (tables, findings, summits_whole)
}

fn scalar(
    node: &Node,
    name: &str,
    at: &dyn Fn(usize) -> Location,
) -> Result<Option<RawCell>, Box<Finding>> {
    match &node.value {
        NodeValue::Null => Ok(None),
        NodeValue::Scalar(s) if s.is_empty() => Ok(None),
        NodeValue::Scalar(s) => Ok(Some(RawCell {
            text: s.clone(),
            location: at(node.offset),
        })),
        NodeValue::List(_) | NodeValue::Map(_) => Err(Box::new(Finding {
            location: at(node.offset),
            column: Some(name.to_owned()),
            rule: Rule::WrongShape,
            value: None,
            message: format!("`{name}` must be a single value, not a list or table"),
        })),
    }
}

/// Renders a located table as canonical CSV text, the input of
/// `frame::read_csv`: its values as text columns (an empty value null),
/// written by summitry's one CSV writer.
pub(crate) fn to_csv(raw: &RawTable) -> Result<Vec<u8>> {
    let df = crate::export::text_frame(&raw.columns, raw.rows.len(), |r, c| {
        raw.rows[r].cells[c].as_ref().map(|cell| cell.text.as_str())
    })?;
    crate::export::csv_bytes(&df, false)
}

/// One JSON object a summit, in the order of the summits frame, built from
/// a collection's frames: the nested form, with nulls left out. Visits
/// and exclusions are not part of a summit's record (see
/// [`standalone_objects`]).
pub(crate) fn objects(frames: &[(Table, &DataFrame)]) -> Result<Vec<(String, Map<String, Value>)>> {
    let mut children: HashMap<(Table, String), Vec<Map<String, Value>>> = HashMap::new();
    let mut summits = Vec::new();
    for &(table, df) in frames.iter().filter(|(t, _)| t.standalone_id().is_none()) {
        let ids = df.column("summit_id")?.str()?.clone();
        let columns = df.columns();
        for row in 0..df.height() {
            let id = ids.get(row).unwrap_or_default().to_owned();
            let mut object = Map::new();
            for column in columns {
                let name = column.name().as_str();
                if table != Table::Summits && name == "summit_id" {
                    continue;
                }
                if let Some(value) = json_value(column.get(row)?) {
                    object.insert(name.to_owned(), value);
                }
            }
            if table == Table::Summits {
                summits.push((id, object));
            } else {
                children.entry((table, id)).or_default().push(object);
            }
        }
    }
    for (id, object) in &mut summits {
        for table in &Table::OF_SUMMITS {
            let Some(rows) = children.remove(&(*table, id.clone())) else {
                continue;
            };
            let key = nested_key(*table);
            if matches!(table, Table::Outcomes | Table::Context) {
                if let Some(first) = rows.into_iter().next() {
                    object.insert(key.to_owned(), Value::Object(first));
                }
            } else {
                object.insert(
                    key.to_owned(),
                    Value::Array(rows.into_iter().map(Value::Object).collect()),
                );
            }
        }
    }
    Ok(summits)
}

/// One flat JSON object a row of a table that stands on its own (visits,
/// exclusions), in the frame's order, with nulls left out: its record
/// form, named by the row's id.
pub(crate) fn standalone_objects(
    table: Table,
    df: &DataFrame,
) -> Result<Vec<(String, Map<String, Value>)>> {
    let Some(key) = table.standalone_id() else {
        return Ok(Vec::new());
    };
    let ids = df.column(key)?.str()?.clone();
    let mut out = Vec::with_capacity(df.height());
    for row in 0..df.height() {
        let mut object = Map::new();
        for column in df.columns() {
            if let Some(value) = json_value(column.get(row)?) {
                object.insert(column.name().to_string(), value);
            }
        }
        out.push((ids.get(row).unwrap_or_default().to_owned(), object));
    }
    Ok(out)
}

fn json_value(value: AnyValue<'_>) -> Option<Value> {
    match value {
        AnyValue::Null => None,
        AnyValue::Boolean(b) => Some(Value::Bool(b)),
        AnyValue::Int64(n) => Some(Value::from(n)),
        AnyValue::Float64(x) => serde_json::Number::from_f64(x).map(Value::Number),
        AnyValue::String(s) => Some(Value::String(s.to_owned())),
        AnyValue::StringOwned(s) => Some(Value::String(s.to_string())),
        AnyValue::Enum(cat, map) => map.cat_to_str(cat).map(|s| Value::String(s.to_owned())),
        AnyValue::EnumOwned(cat, map) => map.cat_to_str(cat).map(|s| Value::String(s.to_owned())),
        AnyValue::Date(days) => Some(Value::String(super::date_text(super::date_of_days(days)?))),
        other => Some(Value::String(other.to_string())),
    }
}
