//! `summitry compare`: a summit against its history.

use std::process::ExitCode;

use clap::ValueEnum;
use summitry::analysis::Derived;
use summitry::analysis::compare::{Against, CompareOptions, compare_in};
use summitry::analysis::sentences::Say;
use summitry::text::Style;

use super::output::Rows;
use super::{DataArgs, LangArg, OutputFormat};

/// Compare a summit with the earlier summits of its dyad (or of all
/// dyads): one line a metric, with this summit's value, the history's
/// median, rate or range, and a verdict in plain words.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The summit's id, e.g. 2025-anchorage (see `summitry list`).
    summit_id: String,
    #[command(flatten)]
    data: DataArgs,
    /// The history to compare against.
    #[arg(long, value_enum, default_value_t = AgainstArg::Dyad)]
    against: AgainstArg,
    /// Only the last N earlier summits of that history.
    #[arg(long, value_name = "N")]
    last: Option<usize>,
    /// The language of the values and verdicts (the metrics' names stay
    /// as the table has them).
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// How to print the comparison.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum AgainstArg {
    /// The earlier summits of the same dyad.
    Dyad,
    /// The earlier summits of every dyad.
    All,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.load()?;
    let options = CompareOptions::default()
        .with_against(match args.against {
            AgainstArg::Dyad => Against::Dyad,
            AgainstArg::All => Against::All,
        })
        .with_last(args.last);
    let say = Say::new(Style::of(args.lang.into()), &data)?;
    let table = compare_in(&data, &Derived::of(&data)?, &args.summit_id, options, &say)?;
    let rows = Rows::of_frame(&table, &["metric", "this", "history", "verdict"])?;
    rows.write(args.format, &mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
