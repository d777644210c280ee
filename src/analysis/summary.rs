//! The summary tables: the workload of `shared/bench/WORKLOAD.md`
//! (`summit_summary`, `dyad_decade`) and one table an analysis.

use polars::prelude::*;
use rayon::prelude::*;

use super::{groups, portfolio_count};
use crate::model::Portfolio;

/// One row a summit in dyad order: the workload's columns (summit_id,
/// dyad, start_date, seq, gap_days, n_participants, n_economic,
/// economic_share rounded to 4 places, joint_statement, agreements_signed),
/// then end_date, format and host_side.
pub fn summit_summary(facts: &DataFrame) -> PolarsResult<DataFrame> {
    per_summit(
        facts,
        [
            col("seq"),
            col("gap_days"),
            col("n_participants"),
            col("n_economic"),
            col("economic_share").round(4, RoundMode::HalfToEven),
            col("joint_statement"),
            col("agreements_signed"),
            col("end_date"),
            col("format"),
            col("host_side"),
        ],
    )
}

/// A table of a row a summit: the columns every such table starts with
/// (summit_id, dyad, start_date), then `rest`, in the facts' dyad order.
fn per_summit(facts: &DataFrame, rest: impl IntoIterator<Item = Expr>) -> PolarsResult<DataFrame> {
    let mut columns = vec![col("summit_id"), col("dyad"), col("start_date")];
    columns.extend(rest);
    facts.clone().lazy().select(columns).collect()
}

/// One row a dyad and decade (the decade of the start date), sorted: the
/// number of summits, the joint-statement rate among summits whose outcome
/// is coded (4 places), the mean gap over summits that have one (2
/// places), the agreements signed in all (null where none is coded).
pub fn dyad_decade(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let dyads = groups::dyad_keys(facts)?;
    let decades = groups::decades(facts)?;
    let joint = groups::Floats::of(facts, "joint_statement")?;
    let gaps = groups::Floats::of(facts, "gap_days")?;
    let agreements = groups::Ints::of(facts, "agreements_signed")?;
    let grouped = groups::group(dyads.iter().zip(&decades).map(|(d, y)| (*d, *y)));
    let dyad = groups::dyads_at(facts, grouped.iter().map(|(_, g)| g[0].start))?;
    table(
        vec![dyad],
        &[
            ("decade", Numbers::Whole),
            ("n_summits", Numbers::Whole),
            ("joint_statement_rate", Numbers::Decimal),
            ("mean_gap_days", Numbers::Decimal),
            ("total_agreements", Numbers::Whole),
        ],
        &grouped,
        |((_, decade), group)| {
            let rows = || groups::rows(group);
            // A sum over nothing coded is unknown, not zero.
            let coded: Vec<i64> = rows().filter_map(|r| agreements.get(r)).collect();
            vec![
                Cell::Int(*decade),
                Cell::Int(Some(rows().count() as i64)),
                Cell::Float(rate(rows().map(|r| joint.get(r)))),
                Cell::Float(groups::mean(rows().map(|r| gaps.get(r))).map(|m| groups::round(m, 2))),
                Cell::Int((!coded.is_empty()).then(|| coded.iter().sum())),
            ]
        },
    )
}

/// The share of `true` among known values (4 places), or the mean of
/// numbers, as the tables' rates are taken.
fn rate(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    groups::mean(values).map(|m| groups::round(m, 4))
}

/// A value of a table of groups.
#[derive(Clone, Copy)]
enum Cell {
    Int(Option<i64>),
    Float(Option<f64>),
}

impl Cell {
    fn int(self) -> Option<i64> {
        match self {
            Cell::Int(x) => x,
            Cell::Float(_) => unreachable!("a decimal cell in a column of whole numbers"),
        }
    }

    fn float(self) -> Option<f64> {
        match self {
            Cell::Float(x) => x,
            Cell::Int(_) => unreachable!("a whole-number cell in a column of decimals"),
        }
    }
}

/// The kind of a column of a table of groups (named, so that a table
/// without groups still has its columns' dtypes).
#[derive(Clone, Copy)]
enum Numbers {
    Whole,
    Decimal,
}

/// A table of groups: the `first` columns, then one column a name, from
/// each group's cells in that order; the groups are measured side by
/// side.
fn table<G: Sync>(
    first: Vec<Column>,
    names: &[(&str, Numbers)],
    groups: &[G],
    cells: impl Fn(&G) -> Vec<Cell> + Sync,
) -> PolarsResult<DataFrame> {
    let rows: Vec<Vec<Cell>> = groups.par_iter().map(&cells).collect();
    let mut columns = first;
    for (k, (name, numbers)) in names.iter().enumerate() {
        let name = PlSmallStr::from(*name);
        columns.push(match numbers {
            Numbers::Whole => {
                Column::new(name, rows.iter().map(|r| r[k].int()).collect::<Vec<_>>())
            }
            Numbers::Decimal => {
                Column::new(name, rows.iter().map(|r| r[k].float()).collect::<Vec<_>>())
            }
        });
    }
    DataFrame::new_infer_height(columns)
}

/// One row a summit: its delegation counted by portfolio, and each
/// portfolio's share of the delegation (4 places; null where no one is
/// recorded).
pub fn delegations(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let mut columns = vec![col("n_participants")];
    for p in Portfolio::ALL {
        columns.push(col(portfolio_count(*p)));
    }
    let mut out = per_summit(facts, columns)?;
    let total = facts.column("n_participants")?.cast(&DataType::Int64)?;
    let total = total.i64()?;
    let counts: Vec<Column> = Portfolio::ALL
        .iter()
        .map(|p| facts.column(&portfolio_count(*p))?.cast(&DataType::Int64))
        .collect::<PolarsResult<_>>()?;
    let shares: Vec<Column> = counts
        .par_iter()
        .zip(Portfolio::ALL)
        .map(|(count, p)| {
            let count = count.i64()?;
            let share: Float64Chunked = match (total.cont_slice(), count.cont_slice()) {
                // Counts without nulls in one piece (as facts makes them):
                // a plain loop over the two slices.
                (Ok(t), Ok(c)) => {
                    let values = t
                        .iter()
                        .zip(c)
                        .map(|(&n, &c)| groups::round(c as f64 / n as f64, 4))
                        .collect();
                    let known: BooleanChunked = t.iter().map(|&n| n > 0).collect();
                    let validity = known.downcast_iter().next().map(|a| a.values().clone());
                    Float64Chunked::from_vec_validity("".into(), values, validity)
                }
                _ => total
                    .iter()
                    .zip(count.iter())
                    .map(|(n, c)| match (n, c) {
                        (Some(n), Some(c)) if n > 0 => Some(groups::round(c as f64 / n as f64, 4)),
                        _ => None,
                    })
                    .collect(),
            };
            let name = format!("share_{}", p.as_str());
            Ok(share.with_name(name.into()).into_column())
        })
        .collect::<PolarsResult<_>>()?;
    out.hstack_mut(&shares)?;
    Ok(out)
}

/// Outcome rates a dyad, over its whole history (`period` = `all`) and a
/// decade at a time (`1980s`...): joint statements, joint press
/// conferences, questions taken, follow-up, each as the share of summits
/// where it is coded (`n_coded` counts those with a coded joint
/// statement), and the median agreements signed and talks' length.
pub fn outcome_rates(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let dyads = groups::dyad_keys(facts)?;
    let decades = groups::decades(facts)?;
    let joint = groups::Floats::of(facts, "joint_statement")?;
    let rates = [
        "joint_press_conference",
        "press_questions_taken",
        "follow_up_agreed",
    ]
    .map(|name| groups::Floats::of(facts, name));
    let agreements = groups::Floats::of(facts, "agreements_signed")?;
    let hours = groups::Floats::of(facts, "duration_hours")?;
    // Whole histories (period `all`) and decades (`1980s`), sorted by
    // dyad, then period as text.
    let mut wanted: Vec<(Option<u32>, Option<String>, groups::Runs)> = Vec::new();
    for (dyad, group) in groups::group(dyads.iter().copied()) {
        wanted.push((dyad, Some("all".to_owned()), group));
    }
    for ((dyad, decade), group) in groups::group(dyads.iter().zip(&decades).map(|(d, y)| (*d, *y)))
    {
        wanted.push((dyad, decade.map(|y| format!("{y}s")), group));
    }
    wanted.sort_by(|x, y| (x.0, &x.1).cmp(&(y.0, &y.1)));
    let names = groups::dyads_at(facts, wanted.iter().map(|(_, _, g)| g[0].start))?
        .cast(&DataType::String)?;
    let periods: Vec<Option<&str>> = wanted.iter().map(|(_, p, _)| p.as_deref()).collect();
    let rates = rates
        .into_iter()
        .collect::<PolarsResult<Vec<groups::Floats>>>()?;
    table(
        vec![names, Column::new("period".into(), periods)],
        &[
            ("n_summits", Numbers::Whole),
            ("n_coded", Numbers::Whole),
            ("joint_statement_rate", Numbers::Decimal),
            ("joint_press_conference_rate", Numbers::Decimal),
            ("press_questions_taken_rate", Numbers::Decimal),
            ("follow_up_agreed_rate", Numbers::Decimal),
            ("median_agreements", Numbers::Decimal),
            ("median_duration_hours", Numbers::Decimal),
        ],
        &wanted,
        |(_, _, group)| {
            let rows = || groups::rows(group);
            let mut scratch = Vec::new();
            let mut cells = vec![
                Cell::Int(Some(rows().count() as i64)),
                Cell::Int(Some(
                    rows().filter(|&r| joint.get(r).is_some()).count() as i64
                )),
                Cell::Float(rate(rows().map(|r| joint.get(r)))),
            ];
            for values in &rates {
                cells.push(Cell::Float(rate(rows().map(|r| values.get(r)))));
            }
            cells.push(Cell::Float(groups::median(
                rows().map(|r| agreements.get(r)),
                &mut scratch,
            )));
            cells.push(Cell::Float(groups::median(
                rows().map(|r| hours.get(r)),
                &mut scratch,
            )));
            cells
        },
    )
}

/// One row a summit: where it was held, whether on neither side's soil,
/// and the great-circle distance of the venue from each side's capital
/// (km, whole; null where the capital or the venue's position is not known).
pub fn venues(facts: &DataFrame) -> PolarsResult<DataFrame> {
    use crate::model::country::COUNTRIES;
    use crate::model::{capital, continuing_state, distance_km};
    let lat = super::read::float(facts, "latitude")?;
    let lon = super::read::float(facts, "longitude")?;
    // A country's continuing state and capital, by its code's number.
    let states: Vec<&str> = COUNTRIES
        .iter()
        .map(|c| continuing_state(c.alpha3))
        .collect();
    let capitals: Vec<Option<(f64, f64)>> = COUNTRIES
        .iter()
        .map(|c| capital(c.alpha3).map(|k| (k.latitude, k.longitude)))
        .collect();
    let host = super::enum_codes(facts.column("host_country")?)?;
    let sides = [
        super::enum_codes(facts.column("side_a")?)?,
        super::enum_codes(facts.column("side_b")?)?,
    ];
    let mut third = Vec::with_capacity(lat.len());
    let mut distances: [Vec<Option<i64>>; 2] =
        [Vec::with_capacity(lat.len()), Vec::with_capacity(lat.len())];
    for i in 0..lat.len() {
        let on = |side: Option<u32>| match (side, host[i]) {
            (Some(s), Some(h)) => states[s as usize] == states[h as usize],
            _ => false,
        };
        third.push(host[i].map(|_| !on(sides[0][i]) && !on(sides[1][i])));
        for (k, side) in sides.iter().enumerate() {
            let km = match (lat[i], lon[i], side[i].and_then(|s| capitals[s as usize])) {
                (Some(la), Some(lo), Some((cla, clo))) => {
                    Some(distance_km(la, lo, cla, clo).round() as i64)
                }
                _ => None,
            };
            distances[k].push(km);
        }
    }
    let mut out = per_summit(
        facts,
        [
            "city",
            "host_country",
            "host_side",
            "side_a",
            "side_b",
            "latitude",
            "longitude",
        ]
        .map(col),
    )?;
    out.with_column(Column::new("third_country".into(), third))?;
    let [a, b] = distances;
    out.with_column(Column::new("km_from_capital_a".into(), a))?;
    out.with_column(Column::new("km_from_capital_b".into(), b))?;
    Ok(out)
}

/// One row a summit: the context coded for it, with the number of
/// stakeholders absent from the table.
pub fn contexts(facts: &DataFrame) -> PolarsResult<DataFrame> {
    per_summit(
        facts,
        [
            col("ongoing_war"),
            col("sanctions_in_force"),
            col("warrant_against_participant"),
            col("absent_stakeholders"),
            when(col("absent_stakeholders").is_null())
                .then(lit(NULL).cast(DataType::Int64))
                .otherwise(
                    col("absent_stakeholders")
                        .str()
                        .count_matches(lit(";"), true)
                        .cast(DataType::Int64)
                        + lit(1i64),
                )
                .alias("n_absent_stakeholders"),
        ],
    )
}

/// One row a dyad, side by side: how many summits and when, how often and
/// how long apart, how they ended, who came, where they were held.
/// `venue` is the frame [`venues`] made of the same facts (only its
/// `third_country` column is read).
pub fn cross_dyad(facts: &DataFrame, venue: &DataFrame) -> PolarsResult<DataFrame> {
    let dyads = groups::dyad_keys(facts)?;
    let days = groups::Ints::of(facts, "start_date")?;
    let gaps = groups::Ints::of(facts, "gap_days")?;
    let joint = groups::Floats::of(facts, "joint_statement")?;
    let press = groups::Floats::of(facts, "joint_press_conference")?;
    let agreements = groups::Ints::of(facts, "agreements_signed")?;
    let delegation = groups::Floats::of(facts, "n_participants")?;
    let economic = groups::Floats::of(facts, "economic_share")?;
    let bilateral = groups::is_word(facts.column("format")?, "bilateral")?;
    let bilateral = |r: usize| bilateral[r].map(|b| f64::from(u8::from(b)));
    let third = groups::Floats::of(venue, "third_country")?;
    let grouped = groups::group(dyads.iter().copied());
    let mut frame = table(
        vec![
            groups::dyads_at(facts, grouped.iter().map(|(_, g)| g[0].start))?
                .cast(&DataType::String)?,
        ],
        &[
            ("n_summits", Numbers::Whole),
            ("first_date", Numbers::Whole),
            ("last_date", Numbers::Whole),
            ("median_gap_days", Numbers::Decimal),
            ("longest_gap_days", Numbers::Whole),
            ("joint_statement_rate", Numbers::Decimal),
            ("joint_press_conference_rate", Numbers::Decimal),
            ("total_agreements", Numbers::Whole),
            ("median_delegation", Numbers::Decimal),
            ("mean_economic_share", Numbers::Decimal),
            ("bilateral_share", Numbers::Decimal),
            ("third_country_share", Numbers::Decimal),
        ],
        &grouped,
        |(_, group)| {
            let rows = || groups::rows(group);
            let mut scratch = Vec::new();
            vec![
                Cell::Int(Some(rows().count() as i64)),
                Cell::Int(rows().filter_map(|r| days.get(r)).min()),
                Cell::Int(rows().filter_map(|r| days.get(r)).max()),
                Cell::Float(groups::median(
                    rows().map(|r| gaps.get(r).map(|g| g as f64)),
                    &mut scratch,
                )),
                Cell::Int(rows().filter_map(|r| gaps.get(r)).max()),
                Cell::Float(rate(rows().map(|r| joint.get(r)))),
                Cell::Float(rate(rows().map(|r| press.get(r)))),
                // polars' sum: nothing known sums to zero.
                Cell::Int(Some(rows().filter_map(|r| agreements.get(r)).sum())),
                Cell::Float(groups::median(
                    rows().map(|r| delegation.get(r)),
                    &mut scratch,
                )),
                Cell::Float(rate(rows().map(|r| economic.get(r)))),
                Cell::Float(rate(rows().map(bilateral))),
                Cell::Float(rate(rows().map(|r| third.get(r)))),
            ]
        },
    )?;
    for name in ["first_date", "last_date"] {
        let dates = frame
            .column(name)?
            .cast(&DataType::Int32)?
            .cast(&DataType::Date)?;
        frame.with_column(dates)?;
    }
    Ok(frame)
}

#[cfg(test)]
mod tests {
    //! The per-dyad tables against the polars queries they were first
    //! written as, which stay here as the reference.
    use super::*;
    use crate::load;

    fn share(values: Expr) -> Expr {
        values
            .cast(DataType::Float64)
            .mean()
            .round(4, RoundMode::HalfToEven)
    }

    fn rate(name: &str) -> Expr {
        share(col(name)).alias(format!("{name}_rate"))
    }

    fn outcome_measures() -> Vec<Expr> {
        vec![
            len().cast(DataType::Int64).alias("n_summits"),
            col("joint_statement")
                .count()
                .cast(DataType::Int64)
                .alias("n_coded"),
            rate("joint_statement"),
            rate("joint_press_conference"),
            rate("press_questions_taken"),
            rate("follow_up_agreed"),
            col("agreements_signed")
                .cast(DataType::Float64)
                .median()
                .alias("median_agreements"),
            col("duration_hours")
                .median()
                .alias("median_duration_hours"),
        ]
    }

    fn reference_dyad_decade(facts: &DataFrame) -> PolarsResult<DataFrame> {
        facts
            .clone()
            .lazy()
            .group_by([
                col("dyad"),
                (col("start_date").dt().year() / lit(10) * lit(10))
                    .cast(DataType::Int64)
                    .alias("decade"),
            ])
            .agg([
                len().cast(DataType::Int64).alias("n_summits"),
                share(col("joint_statement")).alias("joint_statement_rate"),
                col("gap_days")
                    .cast(DataType::Float64)
                    .mean()
                    .round(2, RoundMode::HalfToEven)
                    .alias("mean_gap_days"),
                when(col("agreements_signed").count().gt(lit(0)))
                    .then(col("agreements_signed").sum())
                    .otherwise(lit(NULL).cast(DataType::Int64))
                    .alias("total_agreements"),
            ])
            .sort(["dyad", "decade"], SortMultipleOptions::default())
            .collect()
    }

    fn reference_outcome_rates(facts: &DataFrame) -> PolarsResult<DataFrame> {
        let all = facts
            .clone()
            .lazy()
            .group_by([col("dyad")])
            .agg(outcome_measures())
            .with_column(lit("all").alias("period"));
        let decades = facts
            .clone()
            .lazy()
            .with_column(
                concat_str(
                    [
                        (col("start_date").dt().year() / lit(10) * lit(10)).cast(DataType::String),
                        lit("s"),
                    ],
                    "",
                    false,
                )
                .alias("period"),
            )
            .group_by([col("dyad"), col("period")])
            .agg(outcome_measures());
        let mut columns = vec![col("dyad").cast(DataType::String), col("period")];
        columns.extend(
            [
                "n_summits",
                "n_coded",
                "joint_statement_rate",
                "joint_press_conference_rate",
                "press_questions_taken_rate",
                "follow_up_agreed_rate",
                "median_agreements",
                "median_duration_hours",
            ]
            .map(col),
        );
        concat(
            [all.select(columns.clone()), decades.select(columns)],
            UnionArgs::default(),
        )?
        .sort(["dyad", "period"], SortMultipleOptions::default())
        .collect()
    }

    fn reference_cross_dyad(facts: &DataFrame, venue: &DataFrame) -> PolarsResult<DataFrame> {
        facts
            .clone()
            .lazy()
            .with_column(
                venue
                    .column("third_country")?
                    .as_materialized_series()
                    .clone()
                    .lit()
                    .alias("third_country"),
            )
            .group_by([col("dyad")])
            .agg([
                len().cast(DataType::Int64).alias("n_summits"),
                col("start_date").min().alias("first_date"),
                col("start_date").max().alias("last_date"),
                col("gap_days")
                    .cast(DataType::Float64)
                    .median()
                    .alias("median_gap_days"),
                col("gap_days").max().alias("longest_gap_days"),
                rate("joint_statement"),
                rate("joint_press_conference"),
                col("agreements_signed").sum().alias("total_agreements"),
                col("n_participants")
                    .cast(DataType::Float64)
                    .median()
                    .alias("median_delegation"),
                share(col("economic_share")).alias("mean_economic_share"),
                share(col("format").cast(DataType::String).eq(lit("bilateral")))
                    .alias("bilateral_share"),
                share(col("third_country")).alias("third_country_share"),
            ])
            .with_column(col("dyad").cast(DataType::String))
            .sort(["dyad"], SortMultipleOptions::default())
            .collect()
    }

    fn same(ours: &DataFrame, reference: &DataFrame, what: &str) {
        assert_eq!(
            ours.get_column_names(),
            reference.get_column_names(),
            "{what}"
        );
        assert_eq!(ours.dtypes(), reference.dtypes(), "{what}");
        assert!(
            ours.equals_missing(reference),
            "{what}:\n{ours}\n{reference}"
        );
    }

    #[test]
    fn per_dyad_tables_match_the_polars_queries() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut collections = vec![load::default_data().unwrap()];
        for fixture in [
            "analysis-small",
            "synthetic-200",
            "synthetic-200-shuffled",
            "valid",
        ] {
            collections.push(load::collection(format!("{root}/tests/fixtures/{fixture}")).unwrap());
        }
        for data in &collections {
            let facts = crate::analysis::facts(data).unwrap();
            let what = data.label();
            // Facts in another order: the groups are then runs to merge.
            let reversed = facts.reverse();
            for facts in [&facts, &reversed] {
                same(
                    &dyad_decade(facts).unwrap(),
                    &reference_dyad_decade(facts).unwrap(),
                    what,
                );
                same(
                    &outcome_rates(facts).unwrap(),
                    &reference_outcome_rates(facts).unwrap(),
                    what,
                );
                let venue = venues(facts).unwrap();
                same(
                    &cross_dyad(facts, &venue).unwrap(),
                    &reference_cross_dyad(facts, &venue).unwrap(),
                    what,
                );
            }
        }
    }
}
