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

use crate::analysis::{self, history, presence, summary};
use crate::error::{Error, Result};
use crate::load::Collection;

/// How summaries are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SummaryOptions {
    /// Start each file with a UTF-8 byte order mark, which Excel needs to
    /// read non-ASCII text correctly.
    pub excel: bool,
}

/// Computes every summary table of a collection, by file name.
pub fn summaries(data: &Collection) -> Result<Vec<(&'static str, DataFrame)>> {
    let facts = analysis::facts(data)?;
    Ok(vec![
        ("summit_summary.csv", summary::summit_summary(&facts)?),
        ("dyad_decade.csv", summary::dyad_decade(&facts)?),
        ("dyad_history.csv", history::dyad_history(&facts)?),
        (
            "leader_presence.csv",
            presence::leader_presence(&facts, data.participants())?,
        ),
        ("outcome_rates.csv", summary::outcome_rates(&facts)?),
        ("delegations.csv", summary::delegations(&facts)?),
        ("venues.csv", summary::venues(&facts)?),
        ("contexts.csv", summary::contexts(&facts)?),
        ("cross_dyad.csv", summary::cross_dyad(&facts)?),
    ])
}

/// Writes every summary table into `dir` (created if needed) and returns
/// the paths written.
pub fn write_summaries(
    data: &Collection,
    dir: &Path,
    options: SummaryOptions,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut written = Vec::new();
    for (name, mut df) in summaries(data)? {
        let path = dir.join(name);
        write_frame(&mut df, &path, options)?;
        written.push(path);
    }
    Ok(written)
}

/// Writes one frame as CSV at `path`, through a temporary file.
pub fn write_frame(df: &mut DataFrame, path: &Path, options: SummaryOptions) -> Result<()> {
    let partial = path.with_extension("csv.partial");
    let file = File::create(&partial).map_err(|e| Error::io(&partial, e))?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    CsvWriter::new(&mut out)
        .include_bom(options.excel)
        .include_header(true)
        .finish(df)?;
    drop(out);
    std::fs::rename(&partial, path).map_err(|e| Error::io(path, e))
}
