//! The CSV summaries a spreadsheet, pandas or R reads cleanly.
//!
//! UTF-8 (a byte order mark only when asked for, for Excel), a header row,
//! ISO dates, `true`/`false`, nulls as empty cells, floats rounded by the
//! analysis and written in their shortest round-trip form. Each file is
//! written to a temporary name and renamed into place, so a failed export
//! leaves no half-written table.

use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use polars::prelude::*;
use rayon::prelude::*;

use crate::analysis::{self, history, presence, summary};
use crate::error::{Error, Result};
use crate::load::Collection;

/// The summary tables, by file name, in the order they are written.
pub const TABLES: [&str; 9] = [
    "summit_summary.csv",
    "dyad_decade.csv",
    "dyad_history.csv",
    "leader_presence.csv",
    "outcome_rates.csv",
    "delegations.csv",
    "venues.csv",
    "contexts.csv",
    "cross_dyad.csv",
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
    if let Some(asked) = &options.tables
        && let Some(unknown) = asked.iter().find(|t| !TABLES.contains(&t.as_str()))
    {
        return Err(Error::NotFound(format!(
            "no summary table {unknown:?}: choose from {}",
            TABLES.join(", ")
        )));
    }
    let wanted = |name: &str| {
        options
            .tables
            .as_ref()
            .is_none_or(|t| t.iter().any(|x| x == name))
    };
    let facts = analysis::facts(data)?;
    let venues = if wanted("venues.csv") || wanted("cross_dyad.csv") {
        Some(summary::venues(&facts)?)
    } else {
        None
    };
    let mut out = Vec::new();
    for name in TABLES.into_iter().filter(|n| wanted(n)) {
        let table = match name {
            "summit_summary.csv" => summary::summit_summary(&facts)?,
            "dyad_decade.csv" => summary::dyad_decade(&facts)?,
            "dyad_history.csv" => history::dyad_history(&facts)?,
            "leader_presence.csv" => presence::leader_presence(&facts, data.participants())?,
            "outcome_rates.csv" => summary::outcome_rates(&facts)?,
            "delegations.csv" => summary::delegations(&facts)?,
            "contexts.csv" => summary::contexts(&facts)?,
            "venues.csv" | "cross_dyad.csv" => {
                let venues = venues.as_ref().expect("computed above for these two");
                if name == "venues.csv" {
                    venues.clone()
                } else {
                    summary::cross_dyad(&facts, venues)?
                }
            }
            _ => unreachable!("every name of TABLES is handled"),
        };
        out.push((name, table));
    }
    Ok(out)
}

/// Writes the summary tables into `dir` (created if needed) and returns
/// the paths written.
pub fn write_summaries(
    data: &Collection,
    dir: &Path,
    options: &SummaryOptions,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // The tables are written side by side: formatting CSV is the work.
    let tables = summaries(data, options)?;
    let written: Vec<Result<PathBuf>> = tables
        .into_par_iter()
        .map(|(name, mut df)| {
            let path = dir.join(name);
            write_frame(&mut df, &path, options.excel)?;
            Ok(path)
        })
        .collect();
    written.into_iter().collect()
}

/// A frame as CSV bytes, formatted as the summaries are.
pub fn csv_bytes(df: &mut DataFrame, bom: bool) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    CsvWriter::new(&mut out)
        .include_bom(bom)
        .include_header(true)
        .finish(df)?;
    Ok(out)
}

/// Writes one frame as CSV at `path`, through a temporary file.
pub fn write_frame(df: &mut DataFrame, path: &Path, bom: bool) -> Result<()> {
    let partial = path.with_extension("csv.partial");
    let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    CsvWriter::new(&mut out)
        .include_bom(bom)
        .include_header(true)
        .finish(df)?;
    drop(out);
    std::fs::rename(&partial, path).map_err(|e| Error::io(path, e))
}
