//! A loaded collection: its frames, one a table, and the members loaded
//! together into it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use polars::prelude::*;
use serde_json::{Map, Value};

use super::records;
use super::schema::Table;
use crate::error::{Error, Finding, Result};
use crate::model::{Record, Visit};

/// Summit records as validated frames, one per table.
#[derive(Debug, Clone)]
pub struct Collection {
    pub(super) label: String,
    pub(super) members: Vec<Member>,
    pub(super) frames: BTreeMap<Table, DataFrame>,
    /// Whether this is the data embedded in summitry (the shipped
    /// collections, as released), not data read from a directory.
    pub(super) embedded: bool,
}

/// One collection of those loaded together.
#[derive(Debug, Clone)]
pub struct Member {
    /// The directory's name, e.g. `us-russia`.
    pub name: String,
    /// Where it was read from, as shown in messages.
    pub label: String,
    /// Whether it was written as tables or as records.
    pub form: Form,
    /// Its rows in each of the collection's frames.
    pub(super) rows: BTreeMap<Table, Range<usize>>,
    /// Statement text files, by their path inside the collection.
    pub(super) texts: BTreeMap<String, Vec<u8>>,
    /// What validation warned of in the member's valid data, in reading
    /// order (see [`Rule::is_warning`](crate::error::Rule::is_warning)).
    pub(super) warnings: Vec<Finding>,
}

/// The two ways of writing a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// CSV tables: `summits.csv`, `participants.csv`...
    Tables,
    /// Nested records: `records/<summit_id>.json` or `.toml`.
    Records,
}

impl Collection {
    /// Where the data came from, e.g. `datasets` or a path.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Whether this is the data embedded in summitry: the shipped
    /// collections as released, with their licences.
    pub fn is_embedded(&self) -> bool {
        self.embedded
    }

    /// The same collection, named as if it had been read from `label`:
    /// what `verify --data DIR` uses, so that data found at another path
    /// gives the same outputs (the charts name their data).
    pub(crate) fn known_as(mut self, label: &str) -> Collection {
        let old = std::mem::replace(&mut self.label, label.to_owned());
        for member in &mut self.members {
            if member.label == old {
                member.label = label.to_owned();
                member.name = Path::new(label)
                    .file_name()
                    .map_or_else(|| label.to_owned(), |n| n.to_string_lossy().into_owned());
            } else if let Some(rest) = member.label.strip_prefix(&format!("{old}/")) {
                member.label = format!("{label}/{rest}");
            }
        }
        self
    }

    /// The collections loaded together, in load order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// What validation warned of: findings that do not make the data
    /// invalid, each located, member by member in reading order.
    pub fn warnings(&self) -> Vec<&Finding> {
        self.members.iter().flat_map(|m| &m.warnings).collect()
    }

    /// The frame of a table (with no rows if the table was absent).
    pub fn frame(&self, table: Table) -> &DataFrame {
        &self.frames[&table]
    }

    /// Keeps only those of `table`'s columns named in `keep`: for a caller
    /// that owns the collection, to free early what it will not read.
    pub(crate) fn keep_columns(&mut self, table: Table, keep: &[&str]) -> PolarsResult<()> {
        if let Some(df) = self.frames.get_mut(&table) {
            let kept: Vec<PlSmallStr> = df
                .get_column_names()
                .into_iter()
                .filter(|name| keep.contains(&name.as_str()))
                .cloned()
                .collect();
            *df = df.select(kept)?;
        }
        Ok(())
    }

    /// The summits frame.
    pub fn summits(&self) -> &DataFrame {
        self.frame(Table::Summits)
    }

    /// The participants frame.
    pub fn participants(&self) -> &DataFrame {
        self.frame(Table::Participants)
    }

    /// The outcomes frame.
    pub fn outcomes(&self) -> &DataFrame {
        self.frame(Table::Outcomes)
    }

    /// The context frame.
    pub fn context(&self) -> &DataFrame {
        self.frame(Table::Context)
    }

    /// The statements frame.
    pub fn statements(&self) -> &DataFrame {
        self.frame(Table::Statements)
    }

    /// The sources frame.
    pub fn sources(&self) -> &DataFrame {
        self.frame(Table::Sources)
    }

    /// The unsettled frame: values looked for and left empty, with what
    /// was tried.
    pub fn unsettled(&self) -> &DataFrame {
        self.frame(Table::Unsettled)
    }

    /// The visits frame: leaders' visits to other countries.
    pub fn visits(&self) -> &DataFrame {
        self.frame(Table::Visits)
    }

    /// The exclusions frame: meetings considered and left out.
    pub fn exclusions(&self) -> &DataFrame {
        self.frame(Table::Exclusions)
    }

    /// One visit as a typed value.
    pub fn visit(&self, visit_id: &str) -> Result<Visit> {
        let object = self.visit_object(visit_id)?;
        serde_json::from_value(Value::Object(object)).map_err(|e| Error::Write {
            what: format!("the record of {visit_id}"),
            message: e.to_string(),
        })
    }

    /// One visit as a JSON object in the shape of its record file.
    pub fn visit_object(&self, visit_id: &str) -> Result<Map<String, Value>> {
        let one = self
            .visits()
            .clone()
            .lazy()
            .filter(col("visit_id").eq(lit(visit_id)))
            .collect()?;
        records::standalone_objects(Table::Visits, &one)?
            .into_iter()
            .next()
            .map(|(_, object)| object)
            .ok_or_else(|| Error::NotFound(format!("no visit {visit_id:?} in {}", self.label)))
    }

    /// Everything recorded about one summit.
    pub fn record(&self, summit_id: &str) -> Result<Record> {
        let object = self.object(summit_id)?;
        serde_json::from_value(Value::Object(object)).map_err(|e| Error::Write {
            what: format!("the record of {summit_id}"),
            message: e.to_string(),
        })
    }

    /// Everything recorded about one summit as a JSON object, in the shape
    /// of a record file.
    pub fn object(&self, summit_id: &str) -> Result<Map<String, Value>> {
        let filtered: Vec<(Table, DataFrame)> = self
            .frames
            .iter()
            .filter(|(t, _)| t.standalone_id().is_none())
            .map(|(t, df)| {
                let one = df
                    .clone()
                    .lazy()
                    .filter(col("summit_id").eq(lit(summit_id)))
                    .collect()?;
                Ok((*t, one))
            })
            .collect::<Result<_>>()?;
        let borrowed: Vec<(Table, &DataFrame)> = filtered.iter().map(|(t, df)| (*t, df)).collect();
        records::objects(&borrowed)?
            .into_iter()
            .next()
            .map(|(_, object)| object)
            .ok_or_else(|| Error::NotFound(format!("no summit {summit_id:?} in {}", self.label)))
    }

    /// A member's own frames (its rows of each table).
    pub fn member_frames(&self, member: &Member) -> BTreeMap<Table, DataFrame> {
        self.frames
            .iter()
            .map(|(t, df)| {
                let range = member.rows.get(t).cloned().unwrap_or(0..0);
                (*t, df.slice(range.start as i64, range.len()))
            })
            .collect()
    }

    /// A member's summits, then its visits and exclusions, as JSON objects
    /// in the shape of record files.
    pub fn member_objects(&self, member: &Member) -> Result<Vec<(String, Map<String, Value>)>> {
        let frames = self.member_frames(member);
        let borrowed: Vec<(Table, &DataFrame)> = frames.iter().map(|(t, df)| (*t, df)).collect();
        let mut objects = records::objects(&borrowed)?;
        for table in Table::STANDALONE {
            objects.extend(records::standalone_objects(table, &frames[&table])?);
        }
        Ok(objects)
    }
}

impl Member {
    /// Whether the member has rows in `table`.
    pub fn holds(&self, table: Table) -> bool {
        self.rows.get(&table).is_some_and(|r| !r.is_empty())
    }

    /// The statement text files of the collection, by path inside it.
    pub fn texts(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.texts
    }
}

#[cfg(test)]
mod tests {
    use super::super::default_data;
    use super::*;

    #[test]
    fn kept_columns_stay_in_their_order_and_the_rest_are_dropped() {
        let mut data = default_data().unwrap();
        let height = data.participants().height();
        data.keep_columns(
            Table::Participants,
            &["level", "no_such_column", "person_id"],
        )
        .unwrap();
        let names: Vec<&str> = data
            .participants()
            .get_column_names()
            .into_iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(names, ["person_id", "level"]);
        assert_eq!(data.participants().height(), height);
        assert!(data.summits().width() > 2);
    }
}
