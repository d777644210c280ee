//! `summitry export`: tables for spreadsheets, pandas and R.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use summitry::export::TableFormat;
use summitry::export::records::{ConvertTo, write_collection};
use summitry::export::summaries::{SummaryOptions, write_summaries_as};

use super::DataArgs;

/// Write analysis tables, or a collection's own tables, as CSV or Parquet
/// files, with a datapackage.json describing them.
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
        /// csv, or parquet: each column keeps its type (dates, booleans,
        /// integers, vocabularies as categories) for pandas, Polars and R.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
    /// A collection's own tables (summits, participants, outcomes...), as
    /// canonical CSV (what `convert --to tables` writes) or as Parquet with
    /// the codebook's types: vocabularies and country codes as categories,
    /// dates as dates. One subdirectory a collection when several are
    /// loaded together.
    Tables {
        #[command(flatten)]
        data: DataArgs,
        /// The directory to write into: new, empty, or an earlier output of
        /// summitry, which is replaced whole.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// csv or parquet.
        #[arg(long, value_enum, default_value_t = Format::Csv)]
        format: Format,
    },
}

/// A file format of the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// Comma-separated text, UTF-8.
    Csv,
    /// Apache Parquet.
    Parquet,
}

impl From<Format> for TableFormat {
    fn from(format: Format) -> TableFormat {
        match format {
            Format::Csv => TableFormat::Csv,
            Format::Parquet => TableFormat::Parquet,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.what {
        What::Summaries {
            data,
            out,
            excel,
            tables,
            format,
        } => {
            let data = data.load()?;
            let options = SummaryOptions { excel, tables };
            let written = write_summaries_as(data, &out, &options, format.into())?;
            for path in written {
                eprintln!("wrote {}", path.display());
            }
        }
        What::Tables { data, out, format } => {
            let data = data.load()?;
            let to = match format {
                Format::Csv => ConvertTo::Tables,
                Format::Parquet => ConvertTo::Parquet,
            };
            for dir in write_collection(&data, &out, to)? {
                eprintln!("wrote {}", dir.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
