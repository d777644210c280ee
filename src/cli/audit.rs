//! `summitry audit`: the curated US summits against the official record.

use std::process::ExitCode;

use summitry::analysis::audit::{COLUMNS, audit};

use super::output::Rows;
use super::{DataArgs, OutputFormat};

/// Hold every curated summit with the United States against the official
/// record of leaders' visits and presidents' trips: summits matched on
/// the same days, matched with different days (both shown), summits with
/// no record of the visit or trip, summits after the record ends, and
/// records of a meeting with the other side's leader that no curated
/// summit covers (or that a collection's exclusions.csv explains). It reports and exits 0; settling each disagreement is
/// for the sources, and a summit's note in context.csv says which was
/// followed (CSV and JSON print it beside each finding).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Only these findings (matched, dates-differ, no-record,
    /// not-covered, record-without-summit, excluded); all when not given.
    #[arg(long, value_name = "FINDING", value_delimiter = ',')]
    only: Vec<String>,
    /// Print instead how complete the coding is: for each dyad, by decade,
    /// over all its summits and over its bilateral summits, the share of
    /// summits (%) with each outcome and context field coded and with a
    /// delegation named beyond the principals on both sides.
    #[arg(long)]
    quality: bool,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    for f in &args.only {
        if !summitry::analysis::audit::FINDINGS.contains(&f.as_str()) {
            anyhow::bail!(summitry::Error::NotFound(format!(
                "no finding {f:?}: choose from {}",
                summitry::analysis::audit::FINDINGS.join(", ")
            )));
        }
    }
    let data = args.data.load()?;
    if args.quality {
        let table = summitry::analysis::quality::quality(&data)?;
        let names: Vec<&str> = table
            .get_column_names()
            .iter()
            .map(|n| n.as_str())
            .collect();
        let rows = Rows::of_frame(&table, &names)?;
        rows.write(args.format, &mut std::io::stdout().lock())?;
        return Ok(ExitCode::SUCCESS);
    }
    let found = audit(&data)?;
    // The aligned view leaves out the record's text and the summit's
    // note, which CSV and JSON carry.
    let shown: &[&str] = match args.format {
        OutputFormat::Table => &COLUMNS[..9],
        _ => &COLUMNS,
    };
    let mut rows = Rows::of_frame(&found, shown)?;
    let summary: Vec<String> = summitry::analysis::audit::FINDINGS
        .iter()
        .map(|f| format!("{} {f}", rows.rows.iter().filter(|r| r[0] == *f).count()))
        .collect();
    if !args.only.is_empty() {
        rows.rows.retain(|row| args.only.contains(&row[0]));
    }
    rows.write(args.format, &mut std::io::stdout().lock())?;
    if args.format == OutputFormat::Table {
        eprintln!("{}", summary.join(", "));
    }
    Ok(ExitCode::SUCCESS)
}
