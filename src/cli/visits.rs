//! `summitry visits`: leaders' visits, one line each, or counted by
//! decade between two countries.

use std::process::ExitCode;

use anyhow::bail;
use clap::ValueEnum;
use summitry::analysis::visits::{VisitQuery, by_decade, visits};
use summitry::model::{VisitKind, country};

use super::output::Rows;
use super::{DataArgs, OutputFormat};

/// List leaders' visits to other countries (the official US record of
/// foreign leaders' visits and presidents' trips abroad, embedded), one
/// line each in date order; or, with --by decade, count them by decade in
/// both directions between the --from and --to countries. A country code
/// matches its continuing state too: RUS finds the Soviet Union's visits.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Only visits by a leader of this country (e.g. RUS).
    #[arg(long, value_name = "CTRY")]
    from: Option<String>,
    /// Only visits to this country (e.g. USA).
    #[arg(long, value_name = "CTRY")]
    to: Option<String>,
    /// Only visits of this person (a person_id, e.g. putin-vladimir).
    #[arg(long, value_name = "ID")]
    person: Option<String>,
    /// Only visits of this kind: state, official, official_working,
    /// working, private, multilateral or other (see the codebook).
    #[arg(long, value_name = "KIND", value_parser = kind)]
    kind: Option<VisitKind>,
    /// Only visits starting in this year or later.
    #[arg(long, value_name = "YEAR")]
    from_year: Option<i32>,
    /// Only visits starting in this year or earlier.
    #[arg(long, value_name = "YEAR")]
    to_year: Option<i32>,
    /// Count instead of listing: visits per decade, both ways between
    /// --from and --to.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// How to print the result.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum By {
    /// Decades of the start date.
    Decade,
}

fn kind(text: &str) -> Result<VisitKind, String> {
    text.parse()
}

/// A country code as typed, upper-cased and checked against the table.
fn code(text: &Option<String>) -> anyhow::Result<Option<String>> {
    match text {
        None => Ok(None),
        Some(t) => {
            let upper = t.to_uppercase();
            if country(&upper).is_none() {
                bail!(summitry::Error::NotFound(format!(
                    "unknown country code {t:?}: expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union"
                )));
            }
            Ok(Some(upper))
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let query = VisitQuery {
        from: code(&args.from)?,
        to: code(&args.to)?,
        person: args.person.clone(),
        kind: args.kind,
        from_year: args.from_year,
        to_year: args.to_year,
    };
    let data = args.data.load()?;
    let mut out = std::io::stdout().lock();
    if let Some(By::Decade) = args.by {
        let (Some(a), Some(b)) = (&query.from, &query.to) else {
            bail!(summitry::Error::NotFound(
                "--by decade counts visits between two countries: give both --from and --to"
                    .to_owned()
            ));
        };
        let mut counts = by_decade(&data, a, b, &query)?;
        let there = format!("{a}_to_{b}");
        let back = format!("{b}_to_{a}");
        counts.rename("a_to_b", there.as_str().into())?;
        counts.rename("b_to_a", back.as_str().into())?;
        let rows = Rows::of_frame(&counts, &["decade", &there, &back])?;
        if rows.rows.is_empty() && args.format == OutputFormat::Table {
            eprintln!("no visits match");
            return Ok(ExitCode::SUCCESS);
        }
        rows.write(args.format, &mut out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let df = visits(&data, &query)?;
    // The aligned view shows what fits on a line; CSV and JSON carry
    // every column.
    let shown: Vec<&str> = match args.format {
        OutputFormat::Table => vec![
            "visit_id",
            "start_date",
            "end_date",
            "from_country",
            "to_country",
            "kind",
            "person",
        ],
        _ => df.get_column_names().iter().map(|n| n.as_str()).collect(),
    };
    let rows = Rows::of_frame(&df, &shown)?;
    if rows.rows.is_empty() && args.format == OutputFormat::Table {
        eprintln!("no visits match");
        return Ok(ExitCode::SUCCESS);
    }
    rows.write(args.format, &mut out)?;
    Ok(ExitCode::SUCCESS)
}
