//! `summitry import`: official records turned into a collection.

use std::path::PathBuf;
use std::process::ExitCode;

use summitry::import::{self, history_state};

/// Import official records as a collection.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(Debug, clap::Subcommand)]
enum Source {
    HistoryState(HistoryStateArgs),
}

/// The US Office of the Historian's records of foreign leaders' visits to
/// the United States and of presidents' trips abroad, as published in its
/// repositories HistoryAtState/visits and HistoryAtState/travels, into a
/// collection holding visits.csv. Records that cannot be mapped (a country
/// with no code, a date that is not one) are set aside and each is
/// reported with its file and line; the import says how many it read,
/// wrote and set aside. The same input gives the same bytes.
#[derive(Debug, clap::Args)]
struct HistoryStateArgs {
    /// The directory holding visits/data/*.xml and
    /// travels/{president-travels,presidents,code-tables}/.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// The directory to write into: new, empty, or an earlier output of
    /// summitry, which is replaced whole.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    match args.source {
        Source::HistoryState(args) => {
            let read = history_state::read(&args.dir)?;
            for aside in &read.set_aside {
                eprintln!("{}", aside.finding());
            }
            let written = import::write(&read.rows, &args.out, "import history-state")?;
            eprintln!(
                "read {} records, wrote {written} visits to {}, set aside {}",
                read.records,
                args.out.display(),
                read.set_aside.len()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
