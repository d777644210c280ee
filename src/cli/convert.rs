//! `summitry convert`: a collection from one form to the other.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use summitry::export::records::{ConvertTo, RecordFormat, write_collection};

use super::DataArgs;

/// Convert a collection between its two forms without losing anything:
/// CSV tables (summits.csv, participants.csv...) and nested records (one
/// JSON or TOML file a summit under records/). Several collections loaded
/// together are written one subdirectory each.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// The form to write.
    #[arg(long, value_enum)]
    to: Target,
    /// The directory to write into: new, empty, or an earlier output of
    /// summitry, which is replaced whole.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// The file format of records.
    #[arg(long, value_enum, default_value_t = RecordsAs::Toml)]
    records_as: RecordsAs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Target {
    /// Nested records, one file a summit.
    Records,
    /// Canonical CSV tables.
    Tables,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RecordsAs {
    /// records/<summit_id>.toml
    Toml,
    /// records/<summit_id>.json
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.load()?;
    let to = match args.to {
        Target::Tables => ConvertTo::Tables,
        Target::Records => ConvertTo::Records(match args.records_as {
            RecordsAs::Toml => RecordFormat::Toml,
            RecordsAs::Json => RecordFormat::Json,
        }),
    };
    let written = write_collection(&data, &args.out, to)?;
    for (member, dir) in data.members().iter().zip(written) {
        eprintln!("wrote {} to {}", member.name, dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
