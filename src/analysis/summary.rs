//! The summary tables: the workload of `shared/bench/WORKLOAD.md`
//! (`summit_summary`, `dyad_decade`) and one table an analysis.

use polars::prelude::*;

use super::portfolio_count;
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

/// The facts' columns [`summit_summary`] reads.
pub(crate) const SUMMIT_SUMMARY_READS: &[&str] = &[
    "summit_id",
    "dyad",
    "start_date",
    "seq",
    "gap_days",
    "n_participants",
    "n_economic",
    "economic_share",
    "joint_statement",
    "agreements_signed",
    "end_date",
    "format",
    "host_side",
];

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
    facts
        .clone()
        .lazy()
        .group_by([col("dyad"), decade().alias("decade")])
        .agg([
            len().cast(DataType::Int64).alias("n_summits"),
            rate("joint_statement"),
            col("gap_days")
                .cast(DataType::Float64)
                .mean()
                .round(2, RoundMode::HalfToEven)
                .alias("mean_gap_days"),
            // A sum over nothing coded is unknown, not zero.
            when(col("agreements_signed").count().gt(lit(0)))
                .then(col("agreements_signed").cast(DataType::Int64).sum())
                .otherwise(lit(NULL).cast(DataType::Int64))
                .alias("total_agreements"),
        ])
        .sort(["dyad", "decade"], SortMultipleOptions::default())
        .collect()
}

/// The facts' columns [`dyad_decade`] reads.
pub(crate) const DYAD_DECADE_READS: &[&str] = &[
    "dyad",
    "start_date",
    "joint_statement",
    "gap_days",
    "agreements_signed",
];

/// The decade of the start date: its year floored to ten.
fn decade() -> Expr {
    (col("start_date").dt().year() / lit(10) * lit(10)).cast(DataType::Int64)
}

/// The share of `true` among the known values (4 places), or the mean of
/// numbers, as the tables' rates are taken.
fn share(values: Expr) -> Expr {
    values
        .cast(DataType::Float64)
        .mean()
        .round(4, RoundMode::HalfToEven)
}

/// The median of a column's known values, as a decimal number.
fn median(name: &str) -> Expr {
    col(name).cast(DataType::Float64).median()
}

/// The [`share`] of a column, named `<name>_rate`.
fn rate(name: &str) -> Expr {
    share(col(name)).alias(format!("{name}_rate"))
}

/// One row a summit: its delegation counted by portfolio, and each
/// portfolio's share of the delegation (4 places; null where no one is
/// recorded).
pub fn delegations(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let mut columns = vec![col("n_participants")];
    columns.extend(Portfolio::ALL.iter().map(|p| col(portfolio_count(*p))));
    columns.extend(Portfolio::ALL.iter().map(|p| {
        when(col("n_participants").gt(lit(0)))
            .then(
                (col(portfolio_count(*p)).cast(DataType::Float64)
                    / col("n_participants").cast(DataType::Float64))
                .round(4, RoundMode::HalfToEven),
            )
            .otherwise(lit(NULL).cast(DataType::Float64))
            .alias(format!("share_{}", p.as_str()))
    }));
    per_summit(facts, columns)
}

/// Outcome rates a dyad, over its whole history (`period` = `all`) and a
/// decade at a time (`1980s`...): joint statements, joint press
/// conferences, questions taken, follow-up, each as the share of summits
/// where it is coded (`n_coded` counts those with a coded joint
/// statement), and the median agreements signed and talks' length.
pub fn outcome_rates(facts: &DataFrame) -> PolarsResult<DataFrame> {
    let measures = || {
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
            median("agreements_signed").alias("median_agreements"),
            median("duration_hours").alias("median_duration_hours"),
        ]
    };
    let whole = facts
        .clone()
        .lazy()
        .group_by([col("dyad")])
        .agg(measures())
        .with_column(lit("all").alias("period"));
    let decades = facts
        .clone()
        .lazy()
        .with_column(
            concat_str([decade().cast(DataType::String), lit("s")], "", false).alias("period"),
        )
        .group_by([col("dyad"), col("period")])
        .agg(measures());
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
        [whole.select(columns.clone()), decades.select(columns)],
        UnionArgs::default(),
    )?
    .sort(["dyad", "period"], SortMultipleOptions::default())
    .collect()
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

/// One row a summit: its context as computed from the tables of facts
/// (armed conflicts, sanctions, warrants: each flag with the names behind
/// it, see [`super::context`]), the stakeholders coded as absent from the
/// table, and their number.
pub fn contexts(facts: &DataFrame) -> PolarsResult<DataFrame> {
    per_summit(
        facts,
        super::context::COLUMNS.iter().map(|c| col(*c)).chain([
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
        ]),
    )
}

/// One row a dyad, side by side: how many summits and when, how often and
/// how long apart, how they ended, who came, where they were held.
/// `venue` is the frame [`venues`] made of the same facts (only its
/// `third_country` column is read).
pub fn cross_dyad(facts: &DataFrame, venue: &DataFrame) -> PolarsResult<DataFrame> {
    let mut facts = facts.select(FACTS_CROSS_DYAD_READS)?;
    facts.with_column(venue.column("third_country")?.clone())?;
    facts
        .lazy()
        .group_by([col("dyad")])
        .agg([
            len().cast(DataType::Int64).alias("n_summits"),
            col("start_date").min().alias("first_date"),
            col("start_date").max().alias("last_date"),
            median("gap_days").alias("median_gap_days"),
            col("gap_days").max().alias("longest_gap_days"),
            rate("joint_statement"),
            rate("joint_press_conference"),
            // polars' sum: nothing known sums to zero.
            col("agreements_signed")
                .cast(DataType::Int64)
                .sum()
                .alias("total_agreements"),
            median("n_participants").alias("median_delegation"),
            share(col("economic_share")).alias("mean_economic_share"),
            share(col("format").cast(DataType::String).eq(lit("bilateral")))
                .alias("bilateral_share"),
            share(col("third_country")).alias("third_country_share"),
        ])
        .with_column(col("dyad").cast(DataType::String))
        .sort(["dyad"], SortMultipleOptions::default())
        .collect()
}

/// The facts' columns [`cross_dyad`] reads.
const FACTS_CROSS_DYAD_READS: [&str; 9] = [
    "dyad",
    "start_date",
    "gap_days",
    "joint_statement",
    "joint_press_conference",
    "agreements_signed",
    "n_participants",
    "economic_share",
    "format",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load;

    /// Group-bys do not depend on the order of the facts' rows: the
    /// per-dyad tables of the facts reversed are the same tables.
    #[test]
    fn per_dyad_tables_do_not_depend_on_row_order() {
        let root = env!("CARGO_MANIFEST_DIR");
        let mut collections = vec![load::default_data().unwrap()];
        for fixture in ["analysis-small", "synthetic-200", "valid"] {
            collections.push(load::collection(format!("{root}/tests/fixtures/{fixture}")).unwrap());
        }
        for data in &collections {
            let facts = crate::analysis::facts(data).unwrap();
            let reversed = facts.reverse();
            let what = data.label();
            let tables = |f: &DataFrame| {
                let venue = venues(f).unwrap();
                [
                    dyad_decade(f).unwrap(),
                    outcome_rates(f).unwrap(),
                    cross_dyad(f, &venue).unwrap(),
                ]
            };
            for (ours, theirs) in tables(&facts).iter().zip(tables(&reversed).iter()) {
                assert!(ours.height() > 0, "{what}");
                assert!(ours.equals_missing(theirs), "{what}:\n{ours}\n{theirs}");
            }
        }
    }

    /// A table made from only the facts' columns it says it reads is the
    /// table made from all of them.
    #[test]
    fn the_workload_tables_read_only_the_columns_they_name() {
        let root = env!("CARGO_MANIFEST_DIR");
        for data in [
            load::default_data().unwrap(),
            load::collection(format!("{root}/tests/fixtures/synthetic-200")).unwrap(),
        ] {
            let facts = crate::analysis::facts(&data).unwrap();
            let some = |reads| crate::analysis::facts_of(&data, reads).unwrap();
            let fewer = some(SUMMIT_SUMMARY_READS);
            assert_eq!(fewer.width(), SUMMIT_SUMMARY_READS.len());
            assert!(
                summit_summary(&fewer)
                    .unwrap()
                    .equals_missing(&summit_summary(&facts).unwrap())
            );
            let fewer = some(DYAD_DECADE_READS);
            assert!(
                dyad_decade(&fewer)
                    .unwrap()
                    .equals_missing(&dyad_decade(&facts).unwrap())
            );
        }
    }
}
