//! The CSV summaries a spreadsheet, pandas or R reads cleanly.
//!
//! UTF-8 (a byte order mark only when asked for, for Excel), a header row,
//! ISO dates, `true`/`false`, nulls as empty cells, floats rounded by the
//! analysis and written in their shortest round-trip form. The tables are
//! written into a staging directory that replaces the output directory
//! whole (see `export::atomic`), so a failed or killed export leaves the
//! previous one as it was.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::{TableFormat, atomic, write_table};
use crate::analysis::{self, history, presence, summary};
use crate::error::{Error, Result};
use crate::load::{Collection, Table};

/// The summary tables, by file name, in the order they are written.
pub const TABLES: [&str; 10] = [
    "summit_summary.csv",
    "dyad_decade.csv",
    "dyad_history.csv",
    "leader_presence.csv",
    "outcome_rates.csv",
    "delegations.csv",
    "venues.csv",
    "contexts.csv",
    "cross_dyad.csv",
    "visits_by_decade.csv",
];

/// How summaries are written.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SummaryOptions {
    /// Start each file with a UTF-8 byte order mark, which Excel needs to
    /// read non-ASCII text correctly.
    pub excel: bool,
    /// Only these tables (names from [`TABLES`]); all when `None`.
    pub tables: Option<Vec<String>>,
}

/// Computes the summary tables a collection's options ask for, by file
/// name, in the order of [`TABLES`].
pub fn summaries(
    data: &Collection,
    options: &SummaryOptions,
) -> Result<Vec<(&'static str, DataFrame)>> {
    check_names(options)?;
    let (facts, participants) = facts_and_participants(data, options)?;
    let visits = data.visits().clone();
    let mut out = Vec::new();
    each_summary(&facts, participants, &visits, options, |name, table| {
        out.push((name, table));
        Ok(())
    })?;
    out.sort_by_key(|(name, _)| rank(name));
    Ok(out)
}

/// Whether the options ask for a table.
fn wanted(options: &SummaryOptions, name: &str) -> bool {
    options
        .tables
        .as_ref()
        .is_none_or(|t| t.iter().any(|x| x == name))
}

/// The collection's facts, and its participants if the leaders' presence
/// is asked for (their columns share the collection's buffers).
fn facts_and_participants(
    data: &Collection,
    options: &SummaryOptions,
) -> Result<(DataFrame, Option<(DataFrame, DataFrame)>)> {
    let facts = match facts_read(options) {
        Some(columns) => analysis::facts_of(data, &columns)?,
        None => analysis::facts(data)?,
    };
    let participants = wanted(options, "leader_presence.csv")
        .then(|| (data.participants().clone(), data.visits().clone()));
    Ok((facts, participants))
}

/// The facts' columns the tables asked for read, when only tables that
/// name theirs are asked for (the workload's two); `None` for all.
fn facts_read(options: &SummaryOptions) -> Option<Vec<&'static str>> {
    let mut columns: Vec<&'static str> = Vec::new();
    for name in TABLES.into_iter().filter(|n| wanted(options, n)) {
        let reads = match name {
            "summit_summary.csv" => summary::SUMMIT_SUMMARY_READS,
            "dyad_decade.csv" => summary::DYAD_DECADE_READS,
            _ => return None,
        };
        for column in reads {
            if !columns.contains(column) {
                columns.push(column);
            }
        }
    }
    Some(columns)
}

/// Refuses names of tables that are not summaries.
fn check_names(options: &SummaryOptions) -> Result<()> {
    if let Some(asked) = &options.tables
        && let Some(unknown) = asked.iter().find(|t| !TABLES.contains(&t.as_str()))
    {
        return Err(Error::NotFound(format!(
            "no summary table {unknown:?}: choose from {}",
            TABLES.join(", ")
        )));
    }
    Ok(())
}

/// Computes the tables from the collection's `facts` (and `participants`,
/// when the leaders' presence is asked for, and its `visits`) and hands each to `take` as
/// it is made; a table is dropped once taken unless `take` keeps it. The
/// leaders' presence, by far the longest to make, is made on a thread of
/// its own while the others are made and taken, and is taken last.
fn each_summary(
    facts: &DataFrame,
    participants: Option<(DataFrame, DataFrame)>,
    visits: &DataFrame,
    options: &SummaryOptions,
    mut take: impl FnMut(&'static str, DataFrame) -> Result<()>,
) -> Result<()> {
    let wanted = |name: &str| wanted(options, name);
    std::thread::scope(|scope| {
        let presence = participants
            .map(|(p, v)| scope.spawn(move || presence::leader_presence(facts, &p, &v)));
        // What cross_dyad needs of the venues: their third-country flags.
        let mut third: Option<DataFrame> = None;
        for name in TABLES.into_iter().filter(|n| wanted(n)) {
            let table = match name {
                "summit_summary.csv" => summary::summit_summary(facts)?,
                "dyad_decade.csv" => summary::dyad_decade(facts)?,
                "dyad_history.csv" => history::dyad_history(facts)?,
                "leader_presence.csv" => continue,
                "outcome_rates.csv" => summary::outcome_rates(facts)?,
                "delegations.csv" => summary::delegations(facts)?,
                "contexts.csv" => summary::contexts(facts)?,
                "venues.csv" => {
                    let venues = summary::venues(facts)?;
                    third = Some(venues.select(["third_country"])?);
                    venues
                }
                "cross_dyad.csv" => {
                    let third = match third.take() {
                        Some(t) => t,
                        None => summary::venues(facts)?.select(["third_country"])?,
                    };
                    summary::cross_dyad(facts, &third)?
                }
                "visits_by_decade.csv" => analysis::visits::visits_by_decade(visits)?,
                _ => unreachable!("every name of TABLES is handled"),
            };
            take(name, table)?;
        }
        if let Some(presence) = presence {
            let table = presence
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            take("leader_presence.csv", table)?;
        }
        Ok(())
    })
}

/// The place of a table's name in [`TABLES`].
fn rank(name: &str) -> usize {
    TABLES
        .iter()
        .position(|t| *t == name)
        .unwrap_or(TABLES.len())
}

/// Writes the summary tables, with a `manifest.json` listing them, into
/// `dir` and returns the paths written, in the order of [`TABLES`]. `dir`
/// must be absent, empty or an earlier output of summitry, which is then
/// replaced whole; anything else is refused ([`Error::Refused`]) before any
/// work is done. A table is written on a second thread while the next is
/// made, so at most three are held at a time (counting the leaders'
/// presence, made alongside). The first error, in making or in writing,
/// stops the export and leaves `dir` as it was.
///
/// The collection is consumed: the columns no table reads are dropped
/// before the facts are made, and the rest, but for the participants'
/// columns the leaders' presence reads, once the facts are made. Pass a
/// clone (cheap: its frames share their buffers) to keep using it.
pub fn write_summaries(
    data: Collection,
    dir: &Path,
    options: &SummaryOptions,
) -> Result<Vec<PathBuf>> {
    write_summaries_as(data, dir, options, TableFormat::Csv)
}

/// [`write_summaries`], in `format`: Parquet files keep each column's
/// dtype (`summit_summary.parquet`...); `excel` applies to CSV only.
pub fn write_summaries_as(
    data: Collection,
    dir: &Path,
    options: &SummaryOptions,
    format: TableFormat,
) -> Result<Vec<PathBuf>> {
    check_names(options)?;
    let staged = atomic::stage(dir)?;
    // The writer thread borrows the staging path; `staged` itself is
    // committed (or dropped, removing it) once the scope is over.
    let staging_dir = staged.path().to_owned();
    let staging = staging_dir.as_path();
    let mut data = data;
    shed(&mut data)?;
    let citation = crate::cite::Citation::of(&data)?;
    let shipped = data.is_embedded();
    let (facts, participants) = facts_and_participants(&data, options)?;
    let visits = data.visits().clone();
    drop(data);
    let (send, receive) = std::sync::mpsc::sync_channel::<(&'static str, DataFrame)>(0);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<(Vec<PathBuf>, Vec<serde_json::Value>)> {
            let mut written = Vec::new();
            let mut resources = Vec::new();
            for (name, table) in receive {
                let file_name = match format {
                    TableFormat::Csv => name.to_owned(),
                    _ => format!("{}.{}", name.trim_end_matches(".csv"), format.extension()),
                };
                let path = staging.join(&file_name);
                write_table(&table, &path, format, options.excel)?;
                resources.push(super::datapackage::frame_resource(&file_name, &table));
                written.push(dir.join(&file_name));
            }
            Ok((written, resources))
        });
        let made = each_summary(&facts, participants, &visits, options, |name, table| {
            // A closed channel means the writer stopped on an error: stop
            // making tables; joining the writer reports its error.
            send.send((name, table)).map_err(|_| Error::Write {
                what: "summaries".to_owned(),
                message: "the writer stopped".to_owned(),
            })
        });
        drop(send);
        let (mut written, mut resources) = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
        made?;
        written.sort_by_key(|path| {
            let stem = path.file_stem().unwrap_or_default().to_string_lossy();
            rank(&format!("{stem}.csv"))
        });
        resources.sort_by_key(|r| {
            let path = r["path"].as_str().unwrap_or_default();
            rank(&format!(
                "{}.csv",
                path.split('.').next().unwrap_or_default()
            ))
        });
        let package = super::datapackage::for_outputs(
            "summitry-summaries",
            "summitry summary tables",
            resources,
            &citation,
            shipped,
        );
        let path = staging.join(super::datapackage::FILE);
        std::fs::write(&path, super::datapackage::to_bytes(&package)?)
            .map_err(|e| Error::io(&path, e))?;
        Ok(written)
    })
    .and_then(|written| {
        let command = match format {
            TableFormat::Csv => "export summaries",
            _ => "export summaries --format parquet",
        };
        atomic::Listing::of(staging, command)?.write(staging)?;
        staged.commit()?;
        Ok(written)
    })
}

/// Frees the columns of a collection the summaries never read, before the
/// facts are made beside it: the summits' names and the participants'
/// roles.
fn shed(data: &mut Collection) -> Result<()> {
    data.keep_columns(Table::Summits, &analysis::SUMMIT_COLUMNS)?;
    data.keep_columns(
        Table::Participants,
        &[
            "summit_id",
            "person_id",
            "name",
            "country",
            "portfolio",
            "level",
        ],
    )?;
    Ok(())
}
