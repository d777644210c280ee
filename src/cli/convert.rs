//! `summitry convert`: a collection from one form to the other.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::ValueEnum;
use summitry::export::records::{RecordFormat, write_records, write_tables};

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
    /// The directory to write into; it must be empty or not exist.
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
    if args.out.exists()
        && std::fs::read_dir(&args.out)
            .with_context(|| format!("cannot read {}", args.out.display()))?
            .next()
            .is_some()
    {
        bail!(
            "{} is not empty: choose a new or empty directory",
            args.out.display()
        );
    }
    let data = args.data.load()?;
    let several = data.members().len() > 1;
    for member in data.members() {
        let dir = if several {
            args.out.join(&member.name)
        } else {
            args.out.clone()
        };
        match args.to {
            Target::Tables => write_tables(&data, member, &dir)?,
            Target::Records => {
                let format = match args.records_as {
                    RecordsAs::Toml => RecordFormat::Toml,
                    RecordsAs::Json => RecordFormat::Json,
                };
                write_records(&data, member, &dir, format)?;
            }
        }
        eprintln!("wrote {} to {}", member.name, dir.display());
    }
    Ok(ExitCode::SUCCESS)
}
