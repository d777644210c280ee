//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil (e.g. Putin in the United States before Anchorage
//! 2025: New York, September 2015).

use polars::prelude::*;

use super::enum_codes;
use crate::model::country::COUNTRIES;
use crate::model::{Level, continuing_state};

/// One row a principal of a summit (participants whose level is
/// `principal`), in the order of the facts frame (dyad, date, id) and then
/// by person: the counterpart (the other side, as its continuing state),
/// the previous summit this person attended with the counterpart and the
/// days since, and the previous summit they attended on the counterpart's
/// soil and the days since. Only summits in the collection count; summits
/// on the same day are taken in id order.
pub fn leader_presence(facts: &DataFrame, participants: &DataFrame) -> PolarsResult<DataFrame> {
    // Summits, by their position in the facts frame.
    let ids = facts.column("summit_id")?.str()?;
    let position: PlHashMap<&str, u32> = ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| Some((id?, i as u32)))
        .collect();
    let days: Vec<i32> = facts
        .column("start_date")?
        .as_materialized_series()
        .date()?
        .physical()
        .iter()
        .map(|d| d.unwrap_or_default())
        .collect();
    // Country codes as positions in the country table, each mapped to its
    // continuing state's.
    let continuing: Vec<u32> = COUNTRIES
        .iter()
        .map(|c| {
            let to = continuing_state(c.alpha3);
            COUNTRIES
                .iter()
                .position(|x| x.alpha3 == to)
                .unwrap_or_default() as u32
        })
        .collect();
    let state = |codes: Vec<Option<u32>>| -> Vec<Option<u32>> {
        codes
            .into_iter()
            .map(|c| c.map(|c| continuing[c as usize]))
            .collect()
    };
    let side_a = state(enum_codes(facts.column("side_a")?)?);
    let side_b = state(enum_codes(facts.column("side_b")?)?);
    let host = state(enum_codes(facts.column("host_country")?)?);

    // The principals: (person number, summit position, participant row).
    // People are numbered in order of first appearance; the numbers only
    // group a person's rows, so that order does not show in the output.
    let principal = Level::ALL
        .iter()
        .position(|l| *l == Level::Principal)
        .unwrap_or_default() as u32;
    let level = enum_codes(participants.column("level")?)?;
    let of = participants.column("summit_id")?.str()?;
    let person = participants.column("person_id")?.str()?;
    let own = state(enum_codes(participants.column("country")?)?);
    let mut people: PlHashMap<&str, u32> = PlHashMap::new();
    let mut rows: Vec<(u32, u32, u32, &str)> = Vec::new();
    for (i, ((lv, id), who)) in level.iter().zip(of.iter()).zip(person.iter()).enumerate() {
        if *lv != Some(principal) {
            continue;
        }
        if let (Some(at), Some(who)) = (id.and_then(|id| position.get(id)), who) {
            let next = people.len() as u32;
            let number = *people.entry(who).or_insert(next);
            rows.push((number, *at, i as u32, who));
        }
    }
    // Each person's summits in time order (ties in the facts' order).
    let mut by_person: Vec<usize> = (0..rows.len()).collect();
    by_person.sort_unstable_by_key(|&r| {
        let (who, at, _, _) = rows[r];
        (who, days[at as usize], at)
    });
    let n = rows.len();
    let mut counterpart: Vec<Option<&str>> = vec![None; n];
    let mut with: Vec<Option<IdxSize>> = vec![None; n];
    let mut with_days: Vec<Option<i64>> = vec![None; n];
    let mut soil: Vec<Option<IdxSize>> = vec![None; n];
    let mut soil_days: Vec<Option<i64>> = vec![None; n];
    // The latest summit (position) of the current person with, and on the
    // soil of, each country, stamped with the person's number so that a
    // new person needs no clearing.
    let mut last_with: Vec<(u32, u32)> = vec![(u32::MAX, 0); COUNTRIES.len()];
    let mut last_on: Vec<(u32, u32)> = vec![(u32::MAX, 0); COUNTRIES.len()];
    let find = |list: &Vec<(u32, u32)>, who: u32, country: u32| {
        let (stamp, summit) = list[country as usize];
        (stamp == who).then_some(summit)
    };
    for &r in &by_person {
        let (who, summit, row, _) = rows[r];
        let s = summit as usize;
        let (Some(mine), Some(a), Some(b)) = (own[row as usize], side_a[s], side_b[s]) else {
            continue;
        };
        let other = if a == mine { b } else { a };
        counterpart[r] = Some(COUNTRIES[other as usize].alpha3);
        if let Some(p) = find(&last_with, who, other) {
            with[r] = Some(p as IdxSize);
            with_days[r] = Some(i64::from(days[s] - days[p as usize]));
        }
        if let Some(p) = find(&last_on, who, other) {
            soil[r] = Some(p as IdxSize);
            soil_days[r] = Some(i64::from(days[s] - days[p as usize]));
        }
        for side in [a, b] {
            if side != mine {
                last_with[side as usize] = (who, summit);
            }
        }
        if let Some(h) = host[s] {
            last_on[h as usize] = (who, summit);
        }
    }
    // Rows in facts order, then by person id.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by_key(|&i| (rows[i].1, rows[i].3));
    let pick = |values: &[Option<IdxSize>]| {
        IdxCa::from_iter_options("".into(), order.iter().map(|&i| values[i]))
    };
    let summit_at =
        IdxCa::from_iter_options("".into(), order.iter().map(|&i| Some(rows[i].1 as IdxSize)));
    let participant_at =
        IdxCa::from_iter_options("".into(), order.iter().map(|&i| Some(rows[i].2 as IdxSize)));
    let mut out = facts
        .select(["summit_id", "start_date"])?
        .take(&summit_at)?;
    // Random access into a frame of many chunks is slow: one copy into a
    // single chunk first.
    let mut picked = participants.select(["person_id", "name", "country"])?;
    picked.rechunk_mut();
    let people = picked.take(&participant_at)?;
    out = out.hstack(people.columns())?;
    out.with_column(Column::new(
        "counterpart".into(),
        order.iter().map(|&i| counterpart[i]).collect::<Vec<_>>(),
    ))?;
    let id_column = facts.column("summit_id")?;
    out.with_column(
        id_column
            .take(&pick(&with))?
            .with_name("previous_summit_with_counterpart".into()),
    )?;
    out.with_column(Column::new(
        "days_since_summit_with_counterpart".into(),
        order.iter().map(|&i| with_days[i]).collect::<Vec<_>>(),
    ))?;
    out.with_column(
        id_column
            .take(&pick(&soil))?
            .with_name("previous_summit_on_counterpart_soil".into()),
    )?;
    out.with_column(Column::new(
        "days_since_on_counterpart_soil".into(),
        order.iter().map(|&i| soil_days[i]).collect::<Vec<_>>(),
    ))?;
    Ok(out)
}
