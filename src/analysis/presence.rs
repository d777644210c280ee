//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil (e.g. Putin in the United States before Anchorage
//! 2025: New York, September 2015).

use std::collections::HashMap;

use chrono::NaiveDate;
use polars::prelude::*;

use super::read;
use crate::model::continuing_state;

/// One row a principal of a summit (participants whose level is
/// `principal`), sorted by summit date, summit and person: the counterpart
/// (the other side, as its continuing state), the previous summit this
/// person attended with the counterpart and the days since, and the
/// previous summit they attended on the counterpart's soil and the days
/// since. Only summits in the collection count.
pub fn leader_presence(facts: &DataFrame, participants: &DataFrame) -> PolarsResult<DataFrame> {
    let principals = participants
        .clone()
        .lazy()
        .filter(col("level").cast(DataType::String).eq(lit("principal")))
        .select([
            col("summit_id"),
            col("person_id"),
            col("name"),
            col("country"),
        ])
        .join(
            facts.clone().lazy().select([
                col("summit_id"),
                col("start_date"),
                col("side_a"),
                col("side_b"),
                col("host_country"),
            ]),
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .sort(
            ["person_id", "start_date", "summit_id"],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let summit = read::text(&principals, "summit_id")?;
    let person = read::text(&principals, "person_id")?;
    let country = read::text(&principals, "country")?;
    let date = read::date(&principals, "start_date")?;
    let side_a = read::text(&principals, "side_a")?;
    let side_b = read::text(&principals, "side_b")?;
    let host = read::text(&principals, "host_country")?;

    let n = summit.len();
    let mut counterpart = vec![None; n];
    let mut with_id: Vec<Option<String>> = vec![None; n];
    let mut with_days = vec![None; n];
    let mut soil_id: Vec<Option<String>> = vec![None; n];
    let mut soil_days = vec![None; n];
    // The latest summit of the current person with, and on the soil of,
    // each country.
    let mut last_with: HashMap<String, (String, NaiveDate)> = HashMap::new();
    let mut last_on: HashMap<String, (String, NaiveDate)> = HashMap::new();
    for i in 0..n {
        if i == 0 || person[i] != person[i - 1] {
            last_with.clear();
            last_on.clear();
        }
        let (Some(own), Some(a), Some(b), Some(day)) =
            (&country[i], &side_a[i], &side_b[i], date[i])
        else {
            continue;
        };
        let own = continuing_state(own);
        let (a, b) = (continuing_state(a), continuing_state(b));
        let other = if a == own { b } else { a };
        counterpart[i] = Some(other.to_owned());
        if let Some((id, then)) = last_with.get(other) {
            with_id[i] = Some(id.clone());
            with_days[i] = Some((day - *then).num_days());
        }
        if let Some((id, then)) = last_on.get(other) {
            soil_id[i] = Some(id.clone());
            soil_days[i] = Some((day - *then).num_days());
        }
        let this = summit[i].clone().unwrap_or_default();
        for side in [a, b] {
            if side != own {
                last_with.insert(side.to_owned(), (this.clone(), day));
            }
        }
        if let Some(h) = &host[i] {
            last_on.insert(continuing_state(h).to_owned(), (this, day));
        }
    }
    let mut out = principals.select(["summit_id", "start_date", "person_id", "name", "country"])?;
    out.with_column(Column::new("counterpart".into(), counterpart))?;
    out.with_column(Column::new(
        "previous_summit_with_counterpart".into(),
        with_id,
    ))?;
    out.with_column(Column::new(
        "days_since_summit_with_counterpart".into(),
        with_days,
    ))?;
    out.with_column(Column::new(
        "previous_summit_on_counterpart_soil".into(),
        soil_id,
    ))?;
    out.with_column(Column::new(
        "days_since_on_counterpart_soil".into(),
        soil_days,
    ))?;
    out.sort(
        ["start_date", "summit_id", "person_id"],
        SortMultipleOptions::default(),
    )
}
