//! Collections loaded together: ids unique across them, and their frames
//! stacked into one collection.

use std::collections::BTreeMap;

use polars::prelude::*;

use super::collection::{Collection, Form, Member};
use super::root::Root;
use super::schema::{self, Table};
use super::{Frames, Texts, csv};
use crate::error::{Finding, Location, Result, Rule};

/// One member as loaded, before the members are combined.
pub(super) struct Loaded {
    pub(super) name: String,
    pub(super) label: String,
    pub(super) form: Form,
    pub(super) root: Root,
    pub(super) frames: Frames,
    pub(super) texts: Texts,
    pub(super) warnings: Vec<Finding>,
}

/// Ids that must be unique across collections loaded together. Each
/// repeat is located in its table file by a precise re-read; in records,
/// at the records folder.
pub(super) fn duplicates_across(loaded: &[Loaded]) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    if loaded.len() < 2 {
        // Within one collection, ids were checked by its own validation.
        return Ok(findings);
    }
    let standalone = Table::STANDALONE
        .into_iter()
        .filter_map(|t| Some((t, t.standalone_id()?)));
    for (table, key) in [
        (Table::Summits, "summit_id"),
        (Table::Statements, "statement_id"),
    ]
    .into_iter()
    .chain(standalone)
    {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for member in loaded {
            let mut repeated: Vec<(String, &str)> = Vec::new();
            for id in member.frames[&table].column(key)?.str()?.iter().flatten() {
                match seen.get(id) {
                    Some(first) => repeated.push((id.to_owned(), first)),
                    None => {
                        seen.insert(id.to_owned(), &member.label);
                    }
                }
            }
            if repeated.is_empty() {
                continue;
            }
            let places = locate_ids(member, table, key)?;
            for (id, first) in repeated {
                let location = places.get(&id).cloned().unwrap_or_else(|| {
                    let path = match member.form {
                        Form::Tables => format!("{}/{}", member.label, table.file_name()),
                        Form::Records => format!("{}/records", member.label),
                    };
                    Location::whole(path)
                });
                findings.push(Finding {
                    location,
                    column: Some(key.to_owned()),
                    rule: Rule::DuplicateId,
                    message: format!("duplicate {key} {id:?}: also in {first}"),
                    value: Some(id),
                });
            }
        }
    }
    Ok(findings)
}

/// Where each id of a table's key column is written, for a member in the
/// table form (empty for records).
fn locate_ids(member: &Loaded, table: Table, key: &str) -> Result<BTreeMap<String, Location>> {
    let mut places = BTreeMap::new();
    if member.form != Form::Tables {
        return Ok(places);
    }
    let Some(bytes) = member.root.read(&table.file_name())? else {
        return Ok(places);
    };
    let path = format!("{}/{}", member.label, table.file_name());
    let Ok(header) = csv::header(table, &path, &bytes) else {
        return Ok(places);
    };
    let Some(index) = header.iter().position(|h| h == key) else {
        return Ok(places);
    };
    let (raw, _) = csv::parse(table, &path, &bytes, header);
    for row in raw.rows {
        if let Some(Some(cell)) = row.cells.get(index) {
            places
                .entry(cell.text.clone())
                .or_insert_with(|| cell.location.clone());
        }
    }
    Ok(places)
}

/// Stacks the members' frames into one frame a table. Members may carry
/// different extra columns: each gets the others' as nulls.
pub(super) fn combine(label: String, mut loaded: Vec<Loaded>) -> Result<Collection> {
    if loaded.len() == 1 {
        // One collection: its frames are the collection's, no copy.
        let member = loaded.remove(0);
        let rows = member
            .frames
            .iter()
            .map(|(t, df)| (*t, 0..df.height()))
            .collect();
        return Ok(Collection {
            label,
            members: vec![Member {
                name: member.name,
                label: member.label,
                form: member.form,
                rows,
                texts: member.texts,
                warnings: member.warnings,
            }],
            frames: member.frames,
            embedded: false,
        });
    }
    let mut frames = Frames::new();
    let mut members = Vec::new();
    let mut offsets: BTreeMap<Table, usize> = BTreeMap::new();
    for table in Table::ALL {
        let mut columns: Vec<(String, DataType)> = Vec::new();
        for member in &loaded {
            for c in member.frames[&table].columns() {
                if !columns.iter().any(|(n, _)| n == c.name().as_str()) {
                    columns.push((c.name().to_string(), c.dtype().clone()));
                }
            }
        }
        let mut stacked: Option<DataFrame> = None;
        for member in &loaded {
            let df = &member.frames[&table];
            let exprs: Vec<Expr> = columns
                .iter()
                .map(|(name, dtype)| {
                    if df.column(name).is_ok() {
                        col(name.as_str())
                    } else {
                        lit(NULL).cast(dtype.clone()).alias(name.as_str())
                    }
                })
                .collect();
            let aligned = df.clone().lazy().select(exprs).collect()?;
            stacked = Some(match stacked {
                None => aligned,
                Some(mut acc) => {
                    acc.vstack_mut(&aligned)?;
                    acc
                }
            });
        }
        let mut df = stacked.unwrap_or_else(|| schema::empty(table));
        df.rechunk_mut();
        frames.insert(table, df);
    }
    for member in loaded {
        let rows = Table::ALL
            .iter()
            .map(|t| {
                let start = offsets.entry(*t).or_insert(0);
                let n = member.frames[t].height();
                let range = *start..*start + n;
                *start += n;
                (*t, range)
            })
            .collect();
        members.push(Member {
            name: member.name,
            label: member.label,
            form: member.form,
            rows,
            texts: member.texts,
            warnings: member.warnings,
        });
    }
    Ok(Collection {
        embedded: false,
        label,
        members,
        frames,
    })
}
