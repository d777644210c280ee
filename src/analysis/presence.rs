//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil (e.g. Putin in the United States before Anchorage
//! 2025: New York, September 2015).

use polars::prelude::*;
use rayon::prelude::*;

use super::{enum_codes, enum_is};
use crate::load::frame::{Order, order};
use crate::model::country::COUNTRIES;
use crate::model::{Level, continuing_state};

/// "None" among facts positions and country numbers.
const NONE: u32 = u32::MAX;

/// What one principal row looks back to: the counterpart (a country
/// number) and the facts positions of the previous summit with it and on
/// its soil, [`NONE`] where there is none.
#[derive(Clone, Copy)]
struct Look {
    counterpart: u32,
    with: u32,
    soil: u32,
}

impl Look {
    const NONE: Look = Look {
        counterpart: NONE,
        with: NONE,
        soil: NONE,
    };
}

/// Rows a task when principals' summits are looked up side by side.
const RUN: usize = 1 << 16;

/// One row a principal of a summit (participants whose level is
/// `principal`), by summit id and person id, with the summit's
/// start date, the counterpart (the other side, as its continuing state),
/// the previous summit this person attended with the counterpart and the
/// days since, and the previous summit they attended on the counterpart's
/// soil and the days since. Only summits in the collection count; summits
/// on the same day are taken in the facts' order (dyad, then id), and a
/// person listed twice at a summit looks back from it once.
pub fn leader_presence(facts: &DataFrame, participants: &DataFrame) -> PolarsResult<DataFrame> {
    // Only principals count: a vectorised filter first, so that the walks
    // below touch a third of the rows.
    let principal = Level::ALL
        .iter()
        .position(|l| *l == Level::Principal)
        .unwrap_or_default() as u32;
    let mut principals = participants
        .select(["summit_id", "person_id", "name", "country"])?
        .filter(&enum_is(participants.column("level")?, principal)?)?;
    principals.rechunk_mut();
    let n = principals.height();

    // Summits, by their position in the facts frame.
    let ids = facts.column("summit_id")?.str()?;
    let mut position: PlHashMap<&str, u32> = PlHashMap::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            position.insert(id, i as u32);
        }
    }
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
    let own = state(enum_codes(principals.column("country")?)?);

    // Each principal row's summit (its position in the facts frame) and
    // person (numbered in order of first appearance; the numbers only
    // group a person's rows, so that order does not show in the output).
    // A summit's rows are usually together, so the id is looked up once a
    // run of rows.
    let of = principals.column("summit_id")?.str()?;
    let person = principals.column("person_id")?.str()?;
    let mut summit_of: Vec<Option<u32>> = (0..n)
        .step_by(RUN)
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|start| {
            let mut found = Vec::with_capacity(RUN.min(n - start));
            let mut previous: Option<(&str, Option<u32>)> = None;
            for id in of.slice(start as i64, RUN).iter() {
                let at = match (id, previous) {
                    (Some(id), Some((p, at))) if p == id => at,
                    (Some(id), _) => {
                        let at = position.get(id).copied();
                        previous = Some((id, at));
                        at
                    }
                    (None, _) => None,
                };
                found.push(at);
            }
            found
        })
        .flatten_iter()
        .collect();
    let mut people: PlHashMap<&str, u32> = PlHashMap::new();
    // (person, start date, facts position, row) in one sortable number.
    let mut keys: Vec<u128> = Vec::with_capacity(n);
    for (row, (who, at)) in person.iter().zip(&summit_of).enumerate() {
        let (Some(who), Some(at)) = (who, *at) else {
            continue;
        };
        let next = people.len() as u32;
        let number = *people.entry(who).or_insert(next);
        let day = (i64::from(days[at as usize]) - i64::from(i32::MIN)) as u128;
        keys.push((u128::from(number) << 96) | (day << 64) | (u128::from(at) << 32) | row as u128);
    }
    // Each person's summits in time order (ties in the facts' order).
    keys.par_sort_unstable();

    // What each principal row looks back to, packed so that the walk in
    // person order writes one place a row.
    let mut found: Vec<Look> = vec![Look::NONE; n];
    // The latest summit (position) of the current person with, and on the
    // soil of, each country, stamped with the person's number so that a
    // new person needs no clearing.
    let mut last_with: Vec<(u32, u32)> = vec![(u32::MAX, 0); COUNTRIES.len()];
    let mut last_on: Vec<(u32, u32)> = vec![(u32::MAX, 0); COUNTRIES.len()];
    let find = |list: &Vec<(u32, u32)>, who: u32, country: u32| {
        let (stamp, summit) = list[country as usize];
        (stamp == who).then_some(summit)
    };
    // A person listed twice at one summit: both rows look back before it,
    // so a summit's rows are all read before any of them is recorded.
    let mut group = 0;
    while group < keys.len() {
        let end = group
            + keys[group..]
                .iter()
                .take_while(|&&k| k >> 32 == keys[group] >> 32)
                .count();
        let who = (keys[group] >> 96) as u32;
        let summit = (keys[group] >> 32) as u32;
        let s = summit as usize;
        let (Some(a), Some(b)) = (side_a[s], side_b[s]) else {
            group = end;
            continue;
        };
        for &key in &keys[group..end] {
            let r = key as u32 as usize;
            let Some(mine) = own[r] else { continue };
            let other = if a == mine { b } else { a };
            found[r] = Look {
                counterpart: other,
                with: find(&last_with, who, other).unwrap_or(NONE),
                soil: find(&last_on, who, other).unwrap_or(NONE),
            };
        }
        for &key in &keys[group..end] {
            if let Some(mine) = own[key as u32 as usize] {
                for side in [a, b] {
                    if side != mine {
                        last_with[side as usize] = (who, summit);
                    }
                }
            }
        }
        if let Some(h) = host[s] {
            last_on[h as usize] = (who, summit);
        }
        group = end;
    }
    drop(keys);

    // Rows by summit id, then person id, whatever the input's order.
    // Participants are usually grouped by summit in id order already;
    // then only each summit's few rows are sorted.
    let mut rows: Vec<u32> = (0..n as u32).collect();
    let by_id = |x: &u32, y: &u32| {
        let (x, y) = (*x as usize, *y as usize);
        (of.get(x), person.get(x), x).cmp(&(of.get(y), person.get(y), y))
    };
    if order(of) == Order::Unsorted {
        rows.par_sort_unstable_by(by_id);
    } else {
        let mut start = 0;
        while start < n {
            let id = of.get(start);
            let end = start + (start..n).take_while(|&i| of.get(i) == id).count();
            if end - start > 1 {
                rows[start..end].sort_unstable_by(by_id);
            }
            start = end;
        }
    }
    drop(people);
    let mut principals = principals.clone();
    if rows.iter().enumerate().any(|(i, &r)| r as usize != i) {
        principals = principals.take(&IdxCa::from_vec("".into(), rows.clone()))?;
        found = rows.iter().map(|&r| found[r as usize]).collect();
        summit_of = rows.iter().map(|&r| summit_of[r as usize]).collect();
    }
    drop(rows);

    // The principals' columns as they now are; what comes from the facts
    // is gathered.
    let start = Int32Chunked::from_iter_options(
        "start_date".into(),
        summit_of.iter().map(|at| at.map(|at| days[at as usize])),
    )
    .into_series()
    .cast(&DataType::Date)?;
    let mut out = principals.select(["summit_id"])?;
    out.with_column(start.into_column())?;
    out = out.hstack(
        principals
            .select(["person_id", "name", "country"])?
            .columns(),
    )?;
    let country = principals.column("country")?.dtype().clone();
    let codes = UInt32Chunked::from_iter_options(
        "".into(),
        found
            .iter()
            .map(|l| (l.counterpart != NONE).then_some(l.counterpart)),
    )
    .into_series()
    .cast(&DataType::from(country.cat_physical()?))?;
    out.with_column(
        Series::from_cats_and_dtype(&codes, &country, true)?
            .with_name("counterpart".into())
            .into_column(),
    )?;
    let id_column = facts.column("summit_id")?;
    for (pick, summit, since) in [
        (
            (|l: &Look| l.with) as fn(&Look) -> u32,
            "previous_summit_with_counterpart",
            "days_since_summit_with_counterpart",
        ),
        (
            |l: &Look| l.soil,
            "previous_summit_on_counterpart_soil",
            "days_since_on_counterpart_soil",
        ),
    ] {
        let at = IdxCa::from_iter_options(
            "".into(),
            found.iter().map(|l| {
                let p = pick(l);
                (p != NONE).then_some(p as IdxSize)
            }),
        );
        out.with_column(id_column.take(&at)?.with_name(summit.into()))?;
        let days_since = Int64Chunked::from_iter_options(
            since.into(),
            found.iter().zip(&summit_of).map(|(l, s)| {
                let p = pick(l);
                let s = (*s)?;
                (p != NONE).then(|| i64::from(days[s as usize]) - i64::from(days[p as usize]))
            }),
        );
        out.with_column(days_since.into_column())?;
    }
    // Principals of summits missing from the facts have nothing to report.
    if summit_of.iter().any(Option::is_none) {
        let known: BooleanChunked = summit_of.iter().map(|at| Some(at.is_some())).collect();
        out = out.filter(&known)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::read;
    use crate::load::frame::Kind;

    fn country(name: &str, values: &[&str]) -> Column {
        Column::new(name.into(), values)
            .cast(&Kind::Country.dtype())
            .unwrap()
    }

    #[test]
    fn a_person_listed_twice_looks_back_from_the_summit_once() {
        // Two US–Russia summits, the second in Moscow with Putin's row
        // entered twice (two roles); the facts frame is in dyad order.
        let mut facts = df!(
            "summit_id" => ["2001-ljubljana", "2002-moscow"],
            "start_date" => [11_489i32, 11_829],
        )
        .unwrap();
        facts
            .with_column(
                facts
                    .column("start_date")
                    .unwrap()
                    .cast(&DataType::Date)
                    .unwrap(),
            )
            .unwrap();
        for (name, values) in [
            ("side_a", ["USA", "USA"]),
            ("side_b", ["RUS", "RUS"]),
            ("host_country", ["SVN", "RUS"]),
        ] {
            facts.with_column(country(name, &values)).unwrap();
        }
        let mut participants = df!(
            "summit_id" => ["2001-ljubljana", "2001-ljubljana", "2002-moscow", "2002-moscow", "2002-moscow"],
            "person_id" => ["putin", "bush", "putin", "bush", "putin"],
            "name" => ["Putin", "Bush", "Putin", "Bush", "Putin"],
        )
        .unwrap();
        participants
            .with_column(country("country", &["RUS", "USA", "RUS", "USA", "RUS"]))
            .unwrap();
        participants
            .with_column(
                Column::new("level".into(), vec!["principal"; 5])
                    .cast(&Kind::Vocabulary(Level::NAMES).dtype())
                    .unwrap(),
            )
            .unwrap();

        let p = leader_presence(&facts, &participants).unwrap();
        let summit = read::text(&p, "summit_id").unwrap();
        let person = read::text(&p, "person_id").unwrap();
        let with = read::text(&p, "previous_summit_with_counterpart").unwrap();
        let soil = read::text(&p, "previous_summit_on_counterpart_soil").unwrap();
        let days = read::int(&p, "days_since_summit_with_counterpart").unwrap();
        let rows: Vec<_> = (0..p.height())
            .map(|i| {
                (
                    summit[i].as_deref().unwrap(),
                    person[i].as_deref().unwrap(),
                    with[i].as_deref(),
                    soil[i].as_deref(),
                    days[i],
                )
            })
            .collect();
        // By summit id, then person id.
        let moscow = (Some("2001-ljubljana"), None, Some(340));
        let expected = [
            ("2001-ljubljana", "bush", (None, None, None)),
            ("2001-ljubljana", "putin", (None, None, None)),
            ("2002-moscow", "bush", moscow),
            ("2002-moscow", "putin", moscow),
            ("2002-moscow", "putin", moscow),
        ]
        .map(|(s, p, (w, o, d))| (s, p, w, o, d));
        assert_eq!(rows, expected);
        assert_eq!(
            read::text(&p, "counterpart").unwrap()[..2],
            [Some("RUS".to_owned()), Some("USA".to_owned())]
        );
    }
}
