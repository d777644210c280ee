//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil (e.g. Putin in the United States before Anchorage
//! 2025: New York, September 2015).

use polars::prelude::*;
use rayon::prelude::*;

use super::{NO_ROW, each_code, enum_is, gather_indices};
use crate::model::country::COUNTRIES;
use crate::model::{Level, continuing_state};

/// "None" among facts positions and country numbers: [`NO_ROW`], so that
/// facts positions serve as gather indices as they are.
const NONE: u32 = NO_ROW;

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

/// One row a principal of a summit (participants whose level is
/// `principal`), by summit id and person id, with the summit's
/// start date, the counterpart (the other side, as its continuing state),
/// the previous summit this person attended with the counterpart and the
/// days since, and the previous summit they attended on the counterpart's
/// soil and the days since. Only summits in the collection count; summits
/// on the same day are taken in the facts' order (dyad, then id), and a
/// person listed twice at a summit looks back from it once.
pub fn leader_presence(facts: &DataFrame, participants: &DataFrame) -> PolarsResult<DataFrame> {
    Principals::read(participants)?.look_back(facts)?.frame()
}

/// The numbers of the continuing state of each country, by the country's
/// number in the country table.
fn continuing_states() -> Vec<u32> {
    COUNTRIES
        .iter()
        .map(|c| {
            let to = continuing_state(c.alpha3);
            COUNTRIES
                .iter()
                .position(|x| x.alpha3 == to)
                .unwrap_or_default() as u32
        })
        .collect()
}

/// An Enum column of countries as their continuing states' numbers
/// ([`NONE`] for nulls).
fn states(column: &Column, continuing: &[u32]) -> PolarsResult<Vec<u32>> {
    let mut states = Vec::with_capacity(column.len());
    each_code(column, |c| {
        states.push(c.map_or(NONE, |c| continuing[c as usize]));
    })?;
    Ok(states)
}

/// Each person id's number in the order of the ids, so that the numbers
/// both group a person's rows and sort them by id.
fn number_people(ids: &StringChunked) -> Vec<u32> {
    let mut number: Vec<u32> = Vec::with_capacity(ids.len());
    let mut people: PlHashMap<&str, u32> = PlHashMap::new();
    for who in ids.iter() {
        let next = people.len() as u32;
        number.push(*people.entry(who.unwrap_or_default()).or_insert(next));
    }
    // Renumbered from the order of first appearance to the order of the
    // ids.
    let mut first: Vec<(&str, u32)> = people.into_iter().collect();
    first.sort_unstable();
    let mut rank = vec![0u32; first.len()];
    for (r, (_, k)) in first.iter().enumerate() {
        rank[*k as usize] = r as u32;
    }
    for k in &mut number {
        *k = rank[*k as usize];
    }
    number
}

/// The principals of a participants table: the half of
/// [`leader_presence`] that needs no facts, so that it can be read while
/// the facts are made. It holds the participants' columns it needs
/// (sharing their buffers, not copying them), so the participants can be
/// dropped once it is read: their other columns are freed at once, and
/// these once [`Principals::look_back`] has taken the principals' rows.
pub(crate) struct Principals {
    /// The participants' columns a principal's row shows, and their
    /// `summit_id`.
    columns: DataFrame,
    /// Which participants are principals.
    is_principal: BooleanChunked,
    /// Their own country, as its continuing state.
    own: Vec<u32>,
}

impl Principals {
    /// The participants' columns the principals are read from.
    pub(crate) const COLUMNS: [&str; 5] = ["level", "person_id", "name", "country", "summit_id"];

    /// Reads the principals in one pass over the participants, without
    /// copying any text column.
    pub(crate) fn read(participants: &DataFrame) -> PolarsResult<Principals> {
        let principal = Level::ALL
            .iter()
            .position(|l| *l == Level::Principal)
            .unwrap_or_default() as u32;
        let is_principal = enum_is(participants.column("level")?, principal)?;
        let shown = &Principals::COLUMNS[1..];
        let columns = participants.select(shown.iter().copied())?;
        let own = states(
            &columns.column("country")?.filter(&is_principal)?,
            &continuing_states(),
        )?;
        Ok(Principals {
            columns,
            is_principal,
            own,
        })
    }

    /// The other half of [`leader_presence`]: the principals matched to
    /// the facts, and what each looks back to.
    pub(crate) fn look_back(self, facts: &DataFrame) -> PolarsResult<Presence> {
        let Principals {
            columns,
            is_principal,
            own,
        } = self;
        // The principals' rows of the columns they show; the participants'
        // whole columns are freed here if the participants were dropped.
        let own_columns = columns.filter(&is_principal)?;
        drop(columns);
        // Numbered here rather than as the principals are read, beside the
        // facts: this is the presence's own thread.
        let number = number_people(own_columns.column("person_id")?.str()?);
        let n = own.len();
        // Facts by position: start day, both sides and host as continuing
        // states (numbers in the country table).
        let continuing = continuing_states();
        let days: Vec<i32> = facts
            .column("start_date")?
            .as_materialized_series()
            .date()?
            .physical()
            .iter()
            .map(|d| d.unwrap_or_default())
            .collect();
        let side_a = states(facts.column("side_a")?, &continuing)?;
        let side_b = states(facts.column("side_b")?, &continuing)?;
        let host = states(facts.column("host_country")?, &continuing)?;

        // Each principal's facts position (NONE where the summit is not
        // in the facts), found by id.
        let of: Vec<&str> = own_columns
            .column("summit_id")?
            .str()?
            .iter()
            .map(Option::unwrap_or_default)
            .collect();
        let in_order = of.windows(2).all(|w| w[0] <= w[1]);
        let summit_of = hashed_summit_positions(facts, &of)?;

        // (person, start date, facts position, principal number) in one
        // sortable number.
        let mut keys: Vec<u128> = Vec::with_capacity(n);
        for (k, (&who, &at)) in number.iter().zip(&summit_of).enumerate() {
            if at == NONE {
                continue;
            }
            let day = (i64::from(days[at as usize]) - i64::from(i32::MIN)) as u128;
            keys.push((u128::from(who) << 96) | (day << 64) | (u128::from(at) << 32) | k as u128);
        }
        // Each person's summits in time order (ties in the facts' order).
        keys.par_sort_unstable();
        // What the walk reads of each key's principal and summit: their own
        // country, the summit's sides and its host. Read here, in the keys'
        // order, because scattered reads in a plain loop overlap one
        // another, where in the walk each would wait on memory.
        let seats: Vec<[u32; 4]> = keys
            .iter()
            .map(|&key| {
                let (s, k) = ((key >> 32) as u32 as usize, key as u32 as usize);
                [own[k], side_a[s], side_b[s], host[s]]
            })
            .collect();

        // What each principal looks back to, in one walk in person order.
        // The latest summit (position) of the current person with, and on the
        // soil of, each country, stamped with the person's number so that a
        // new person needs no clearing.
        let mut found: Vec<Look> = vec![Look::NONE; n];
        let mut last_with: Vec<(u32, u32)> = vec![(NONE, 0); COUNTRIES.len()];
        let mut last_on: Vec<(u32, u32)> = vec![(NONE, 0); COUNTRIES.len()];
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
            let [_, a, b, host] = seats[group];
            if a != NONE && b != NONE {
                for (&key, &[mine, ..]) in keys[group..end].iter().zip(&seats[group..end]) {
                    if mine == NONE {
                        continue;
                    }
                    let other = if a == mine { b } else { a };
                    found[key as u32 as usize] = Look {
                        counterpart: other,
                        with: find(&last_with, who, other).unwrap_or(NONE),
                        soil: find(&last_on, who, other).unwrap_or(NONE),
                    };
                }
                for &[mine, ..] in &seats[group..end] {
                    if mine == NONE {
                        continue;
                    }
                    for side in [a, b] {
                        if side != mine {
                            last_with[side as usize] = (who, summit);
                        }
                    }
                }
                if host != NONE {
                    last_on[host as usize] = (who, summit);
                }
            }
            group = end;
        }
        drop(keys);
        drop(seats);
        drop(own);

        // Rows by summit id, then person id, whatever the input's order.
        // Participants are usually grouped by summit in id order already;
        // then only each summit's few rows are sorted.
        let mut order_of: Vec<u32> = (0..n as u32)
            .filter(|&k| summit_of[k as usize] != NONE)
            .collect();
        let by_id = |x: &u32, y: &u32| {
            let (x, y) = (*x as usize, *y as usize);
            of[x].cmp(of[y]).then((number[x], x).cmp(&(number[y], y)))
        };
        if !in_order {
            order_of.par_sort_unstable_by(by_id);
        } else {
            // Runs of one summit: the same facts position.
            let mut start = 0;
            while start < order_of.len() {
                let at = summit_of[order_of[start] as usize];
                let end = start
                    + order_of[start..]
                        .iter()
                        .take_while(|&&k| summit_of[k as usize] == at)
                        .count();
                if end - start > 1 {
                    order_of[start..end].sort_unstable_by_key(|&k| (number[k as usize], k));
                }
                start = end;
            }
        }
        drop(number);
        drop(of);

        // The output: the principals' own columns drawn from what was
        // kept of the participants, the summits' from the facts; only what
        // is computed here is made into new columns.
        let summit: Vec<IdxSize> = order_of.iter().map(|&k| summit_of[k as usize]).collect();
        let country = own_columns.column("country")?.dtype().clone();
        let codes = UInt32Chunked::from_iter_options(
            "".into(),
            order_of.iter().map(|&k| {
                let c = found[k as usize].counterpart;
                (c != NONE).then_some(c)
            }),
        )
        .into_series()
        .cast(&DataType::from(country.cat_physical()?))?;
        let counterpart = Series::from_cats_and_dtype(&codes, &country, true)?
            .with_name("counterpart".into())
            .into_column();
        // The summits' columns are gathered here, on the thread that finds
        // the presence, rather than block by block by the writer, which has
        // the other tables to write meanwhile.
        let ids = facts.column("summit_id")?;
        let at = gather_indices(&summit);
        let mut summit_columns = vec![ids.take(&at)?, facts.column("start_date")?.take(&at)?];
        // The previous summit with the counterpart, and on its soil, and
        // the days since.
        for (pick, name, since) in [
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
            let before: Vec<IdxSize> = order_of.iter().map(|&k| pick(&found[k as usize])).collect();
            let days_since = Int64Chunked::from_iter_options(
                since.into(),
                before.iter().zip(&summit).map(|(&p, &s)| {
                    (p != NONE).then(|| i64::from(days[s as usize]) - i64::from(days[p as usize]))
                }),
            );
            summit_columns.push(ids.take(&gather_indices(&before))?.with_name(name.into()));
            summit_columns.push(days_since.into_column());
        }
        Ok(Presence {
            own_columns,
            rows: order_of,
            counterpart,
            summit_columns,
        })
    }
}

/// The leaders' presence as found, before it is made a frame: which
/// principal each row is, and the columns of its summits, gathered from
/// the facts, and computed for it. [`Presence::frame`] gathers it into the
/// frame [`leader_presence`] returns; [`Presence::sources`] lets a writer
/// draw the principals' own columns from the participants' (as kept by
/// [`Principals`]) without gathering them.
pub(crate) struct Presence {
    /// The principals' own columns (see [`Principals`]).
    own_columns: DataFrame,
    /// Each row's principal (its row of `own_columns`).
    rows: Vec<IdxSize>,
    counterpart: Column,
    /// Each row's summit's `summit_id` and `start_date`, then the previous
    /// summit with the counterpart and the days since, and the same on
    /// the counterpart's soil.
    summit_columns: Vec<Column>,
}

impl Presence {
    /// The number of rows.
    pub(crate) fn height(&self) -> usize {
        self.rows.len()
    }

    /// The table as a frame: each row's summit columns, the principal's
    /// own columns gathered from the participants, and the look back.
    pub(crate) fn frame(&self) -> PolarsResult<DataFrame> {
        let own = |name: &str| {
            self.own_columns
                .column(name)?
                .take(&gather_indices(&self.rows))
        };
        let [summit_id, start_date, with, days_with, soil, days_soil] =
            self.summit_columns.as_slice()
        else {
            unreachable!("look_back makes six summit columns");
        };
        let columns = vec![
            summit_id.clone(),
            start_date.clone(),
            own("person_id")?,
            own("name")?,
            own("country")?,
            self.counterpart.clone(),
            with.clone(),
            days_with.clone(),
            soil.clone(),
            days_soil.clone(),
        ];
        DataFrame::new(self.height(), columns)
    }
}
/// The facts position of each of `of`'s summit ids, by a hash table of
/// the facts' ids. A summit's rows are usually together, so its id is
/// looked up once a run of rows.
fn hashed_summit_positions(facts: &DataFrame, of: &[&str]) -> PolarsResult<Vec<u32>> {
    let ids = facts.column("summit_id")?.str()?;
    let mut position: PlHashMap<&str, u32> = PlHashMap::with_capacity(ids.len());
    for (i, id) in ids.iter().enumerate() {
        if let Some(id) = id {
            position.insert(id, i as u32);
        }
    }
    let mut found = Vec::with_capacity(of.len());
    let mut previous: Option<(&str, u32)> = None;
    for &id in of {
        let at = match previous {
            Some((p, at)) if p == id => at,
            _ => {
                let at = position.get(id).copied().unwrap_or(NONE);
                previous = Some((id, at));
                at
            }
        };
        found.push(at);
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::read;
    use crate::load::schema::ColumnType;

    fn country(name: &str, values: &[&str]) -> Column {
        Column::new(name.into(), values)
            .cast(&ColumnType::Country.dtype())
            .unwrap()
    }

    #[test]
    fn summits_are_found_by_id_and_missing_ones_are_none() {
        let facts = df!("summit_id" => ["c", "a", "b"]).unwrap();
        let of = ["a", "a", "b", "bb", "c"];
        assert_eq!(
            hashed_summit_positions(&facts, &of).unwrap(),
            [1, 1, 2, NONE, 0]
        );
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
                    .cast(&ColumnType::Vocabulary(Level::NAMES).dtype())
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
