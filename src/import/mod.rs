//! Official records turned into collections.
//!
//! [`history_state`] reads the US Office of the Historian's records of
//! leaders' visits; [`write`] makes of its rows a collection holding
//! `visits.csv`, written whole or not at all, and checked by the loader
//! before it takes the place of an earlier one.

pub mod history_state;
mod names;

use std::path::Path;

use crate::error::{Error, Finding, Location, Result, Rule};
use crate::export::atomic;
use crate::load::Table;

/// One row of `visits.csv`, as text in the codebook's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// `hs-visit-<id>` or `hs-trip-<id>`.
    pub visit_id: String,
    /// The visitor as recorded.
    pub person: String,
    /// The curated `person_id`, where known.
    pub person_id: Option<String>,
    /// The title the visitor's name starts with, or the trip's role.
    pub title: Option<String>,
    /// Country code of the visitor.
    pub from_country: &'static str,
    /// Country code of the country visited.
    pub to_country: &'static str,
    /// `YYYY-MM-DD`.
    pub start_date: String,
    /// `YYYY-MM-DD`.
    pub end_date: String,
    /// Places, as recorded.
    pub locale: Option<String>,
    /// The kind of visit the text names; none without a text.
    pub kind: Option<crate::model::VisitKind>,
    /// The record's description or remarks, spaces collapsed.
    pub description: Option<String>,
    /// The page the record is published on.
    pub source_url: String,
}

/// A record that could not be mapped: where it is and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The record's element in its file.
    pub location: Location,
    /// The rule it breaks.
    pub rule: Rule,
    /// What is wrong, in words.
    pub reason: String,
}

impl SetAside {
    /// As a finding, to print like the loader's.
    pub fn finding(&self) -> Finding {
        Finding {
            location: self.location.clone(),
            column: None,
            rule: self.rule,
            value: None,
            message: format!("set aside: {}", self.reason),
        }
    }
}

/// Writes `rows` as a collection of one table, `visits.csv`, into `out`
/// (in date order, then by id, whatever order they were read in), with a
/// `manifest.json` naming `command`. `out` must be new, empty or an
/// earlier output of summitry; the collection is loaded and validated
/// before it takes its place. Returns the number of rows written.
pub fn write(rows: &[Row], out: &Path, command: &str) -> Result<usize> {
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by(|a, b| (&a.start_date, &a.visit_id).cmp(&(&b.start_date, &b.visit_id)));
    let names: Vec<String> = Table::Visits
        .columns()
        .iter()
        .map(|c| c.name.to_owned())
        .collect();
    let cell = |r: usize, c: usize| -> Option<&str> {
        let row = sorted[r];
        match c {
            0 => Some(row.visit_id.as_str()),
            1 => Some(row.person.as_str()),
            2 => row.person_id.as_deref(),
            3 => row.title.as_deref(),
            4 => Some(row.from_country),
            5 => Some(row.to_country),
            6 => Some(row.start_date.as_str()),
            7 => Some(row.end_date.as_str()),
            8 => row.locale.as_deref(),
            9 => row.kind.map(|k| k.as_str()),
            10 => row.description.as_deref(),
            _ => Some(row.source_url.as_str()),
        }
    };
    debug_assert_eq!(names.len(), 12, "Row has one field a column of visits.csv");
    let frame = crate::export::text_frame(&names, sorted.len(), cell)?;
    let staged = atomic::stage(out)?;
    let path = staged.path().join(Table::Visits.file_name());
    let bytes = crate::export::csv_bytes(&frame, false)?;
    std::fs::write(&path, bytes).map_err(|e| Error::io(&path, e))?;
    crate::load::collection(staged.path())?;
    atomic::Listing::of(staged.path(), command)?.write(staged.path())?;
    staged.commit()?;
    Ok(sorted.len())
}
