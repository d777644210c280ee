//! `summitry list`: one line a summit.

use std::process::ExitCode;

use polars::prelude::*;
use summitry::model::dyad;

use super::output::Rows;
use super::{DataArgs, OutputFormat};

/// List summits, one line each, in date order.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Only this dyad: two country codes, sorted, joined by `-` (e.g.
    /// RUS-USA; Soviet summits count as RUS).
    #[arg(long, value_name = "DYAD")]
    dyad: Option<String>,
    /// Only summits starting in this year or later.
    #[arg(long, value_name = "YEAR")]
    from: Option<i32>,
    /// Only summits starting in this year or earlier.
    #[arg(long, value_name = "YEAR")]
    to: Option<i32>,
    /// How to print the list.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.load()?;
    let summits = data.summits();
    let text = |name: &str| -> anyhow::Result<Vec<String>> {
        let column = summits.column(name)?.cast(&DataType::String)?;
        Ok(column
            .str()?
            .iter()
            .map(|v| v.unwrap_or_default().to_owned())
            .collect())
    };
    let dyads: Vec<String> = text("side_a")?
        .iter()
        .zip(text("side_b")?)
        .map(|(a, b)| dyad(a, &b))
        .collect();
    let mut df = summits.clone();
    df.with_column(Column::new("dyad".into(), dyads))?;
    let mut filter = lit(true);
    if let Some(d) = &args.dyad {
        filter = filter.and(col("dyad").eq(lit(d.to_uppercase())));
    }
    if let Some(y) = args.from {
        filter = filter.and(col("start_date").dt().year().gt_eq(lit(y)));
    }
    if let Some(y) = args.to {
        filter = filter.and(col("start_date").dt().year().lt_eq(lit(y)));
    }
    let df = df
        .lazy()
        .filter(filter)
        .sort(["start_date", "summit_id"], SortMultipleOptions::default())
        .collect()?;
    let rows = Rows::of_frame(
        &df,
        &[
            "summit_id",
            "start_date",
            "end_date",
            "dyad",
            "format",
            "city",
            "host_country",
            "name",
        ],
    )?;
    if rows.rows.is_empty() && args.format == OutputFormat::Table {
        eprintln!("no summits match");
        return Ok(ExitCode::SUCCESS);
    }
    rows.write(args.format, &mut std::io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
