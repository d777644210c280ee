//! `summitry export`: tables for spreadsheets, pandas and R.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use summitry::export::summaries::{SummaryOptions, write_summaries};

use super::DataArgs;

/// Write analysis tables as CSV files.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(Debug, Subcommand)]
enum What {
    /// The CSV summaries: summit_summary.csv (a row a summit: dyad, order,
    /// gap, delegation, outcome), dyad_decade.csv (a row a dyad and decade)
    /// and one table an analysis. UTF-8, ISO dates, true/false, empty for
    /// unknown.
    Summaries {
        #[command(flatten)]
        data: DataArgs,
        /// The directory to write into: new, empty, or an earlier output of
        /// summitry, which is replaced whole (with a manifest.json listing
        /// the files).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Start each file with a byte order mark so that Excel reads
        /// Arabic and Russian text correctly.
        #[arg(long)]
        excel: bool,
        /// Only these tables, comma-separated (e.g.
        /// summit_summary.csv,dyad_decade.csv); all ten by default.
        #[arg(long, value_name = "NAMES", value_delimiter = ',')]
        tables: Option<Vec<String>>,
    },
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Summaries {
            data,
            out,
            excel,
            tables,
        } => {
            let data = data.load()?;
            let written = write_summaries(data, &out, &SummaryOptions { excel, tables })?;
            for path in written {
                eprintln!("wrote {}", path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
