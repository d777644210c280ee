//! Pure functions over a collection's frames: frames in, frames out.
//!
//! [`facts`] builds the one frame everything else starts from: a row a
//! summit, in dyad order, with its place in the dyad's history, its
//! delegation counted by portfolio, its outcome and its context. The
//! summaries of [`summary`] and the comparison of [`compare`] select from
//! it.

pub mod compare;
mod groups;
pub mod history;
pub mod presence;
pub mod summary;

use std::collections::HashMap;
use std::sync::OnceLock;

use polars::prelude::*;
use rayon::prelude::*;

use crate::load::frame::{Order, order, sorted_positions, walk_positions};
use crate::load::{Collection, Table};
use crate::model::Portfolio;
use crate::model::country::COUNTRIES;

/// What the charts, comparisons and report of one collection read, made
/// once and handed to each of them: the [`facts`], and, each the first
/// time it is asked for, the dyads' history of gaps and the leaders'
/// presence (a chart of outcomes needs neither).
#[derive(Debug)]
pub struct Derived {
    /// [`facts`]: a row a summit, in dyad order.
    pub facts: DataFrame,
    history: OnceLock<DataFrame>,
    presence: OnceLock<DataFrame>,
}

impl Derived {
    /// Makes the facts of a collection.
    pub fn of(data: &Collection) -> PolarsResult<Derived> {
        Ok(Derived {
            facts: facts(data)?,
            history: OnceLock::new(),
            presence: OnceLock::new(),
        })
    }

    /// [`history::dyad_history`] of the facts.
    pub fn history(&self) -> PolarsResult<&DataFrame> {
        once(&self.history, || history::dyad_history(&self.facts))
    }

    /// [`presence::leader_presence`] of the collection the facts were
    /// made from.
    pub fn presence(&self, data: &Collection) -> PolarsResult<&DataFrame> {
        once(&self.presence, || {
            presence::leader_presence(
                &self.facts,
                data.participants(),
                data.summit_rows(Table::Participants),
            )
        })
    }
}

/// The frame in `cell`, made by `make` the first time.
fn once(
    cell: &OnceLock<DataFrame>,
    make: impl FnOnce() -> PolarsResult<DataFrame>,
) -> PolarsResult<&DataFrame> {
    if let Some(made) = cell.get() {
        return Ok(made);
    }
    let made = make()?;
    Ok(cell.get_or_init(|| made))
}

/// The column counting a portfolio's members, e.g. `n_economic`.
pub fn portfolio_count(p: Portfolio) -> String {
    format!("n_{}", p.as_str())
}

/// The summits' columns [`facts`] reads (and carries over).
pub(crate) const SUMMIT_COLUMNS: [&str; 11] = [
    "summit_id",
    "start_date",
    "end_date",
    "side_a",
    "side_b",
    "city",
    "host_country",
    "format",
    "host_side",
    "latitude",
    "longitude",
];

/// One row a summit, sorted by dyad, start date and id, with:
/// - `dyad`, `seq` (1-based within the dyad), `gap_days` (days since the
///   previous summit of the dyad, start to start) and `previous_summit_id`;
/// - `n_participants` and one `n_<portfolio>` column a portfolio (0 where
///   no participant is recorded), and `economic_share` (null where none);
/// - every outcome and context column (null where not coded);
/// - `summits_row`, the summit's row (from 0) in the collection's summits
///   table, which lets later analyses find a summit's facts without
///   hashing its id.
///
/// Tables sorted by summit id (as collections usually are) are matched by
/// linear merge walks; others by polars' hash joins. Both give the same
/// frame, but for `summits_row`.
pub fn facts(data: &Collection) -> PolarsResult<DataFrame> {
    let summits = data.summits();
    let ids = summits.column("summit_id")?.str()?;
    let (dyads, dyad_dtype) = dyad_codes(summits)?;

    // The order: dyad (its code follows the alphabet), start date, then
    // id; by row number when the rows are in id order already, which keeps
    // the whole key in one number.
    let days: Vec<Option<i32>> = summits
        .column("start_date")?
        .as_materialized_series()
        .date()?
        .physical()
        .iter()
        .collect();
    let n = days.len();
    let mut rows: Vec<IdxSize> = (0..n as IdxSize).collect();
    let day_key =
        |d: Option<i32>| d.map_or(0, |d| (i64::from(d) - i64::from(i32::MIN) + 1) as u128);
    if order(ids) == Order::Increasing {
        let mut keys: Vec<u128> = (0..n)
            .map(|i| {
                let dyad = dyads[i].map_or(0, |d| u128::from(d) + 1);
                (dyad << 96) | (day_key(days[i]) << 48) | i as u128
            })
            .collect();
        keys.par_sort_unstable();
        for (row, key) in rows.iter_mut().zip(keys) {
            *row = (key & ((1 << 48) - 1)) as IdxSize;
        }
    } else {
        rows.par_sort_unstable_by(|&x, &y| {
            let (x, y) = (x as usize, y as usize);
            (dyads[x], days[x], ids.get(x)).cmp(&(dyads[y], days[y], ids.get(y)))
        });
    }
    let take = IdxCa::from_vec("".into(), rows.clone());

    // Every piece is gathered straight into that order, so the frame is
    // built once; the pieces are independent and made side by side.
    let ((summit_columns, counts), (pieces, history)) = rayon::join(
        || {
            rayon::join(
                || {
                    let mut columns = summits.select(SUMMIT_COLUMNS)?;
                    // The loader reads long tables in pieces; gathering
                    // text across pieces copies every string, gathering
                    // from one piece only its view.
                    columns.rechunk_mut_par();
                    columns.take(&take)
                },
                || {
                    delegation_counts(
                        ids,
                        data.participants(),
                        data.summit_rows(Table::Participants),
                    )?
                    .take(&take)
                },
            )
        },
        || {
            rayon::join(
                || {
                    [Table::Outcomes, Table::Context].map(|table| {
                        aligned(ids, data.frame(table), &rows, data.summit_rows(table))
                    })
                },
                || place_in_history(&rows, &dyads, &days),
            )
        },
    );
    let mut facts = summit_columns?;
    facts = facts.hstack(counts?.columns())?;
    for piece in pieces {
        facts = facts.hstack(piece?.columns())?;
    }
    let physical =
        UInt32Chunked::from_iter_options("dyad".into(), rows.iter().map(|&r| dyads[r as usize]))
            .into_series()
            .cast(&DataType::from(dyad_dtype.cat_physical()?))?;
    facts.with_column(Series::from_cats_and_dtype(&physical, &dyad_dtype, true)?.into_column())?;
    facts.with_column(Column::new("summits_row".into(), rows.as_slice()))?;
    let History { seq, gap, previous } = history;
    let previous_id = facts
        .column("summit_id")?
        .take(&IdxCa::from_iter_options("".into(), previous.into_iter()))?
        .with_name("previous_summit_id".into());
    facts.with_column(Column::new("seq".into(), seq))?;
    facts.with_column(Column::new("gap_days".into(), gap))?;
    facts.with_column(previous_id)?;
    let share = facts
        .column("n_economic")?
        .i64()?
        .iter()
        .zip(facts.column("n_participants")?.i64()?.iter())
        .map(|(e, n)| match (e, n) {
            (Some(e), Some(n)) if n > 0 => Some(e as f64 / n as f64),
            _ => None,
        })
        .collect::<Vec<_>>();
    facts.with_column(Column::new("economic_share".into(), share))?;
    Ok(facts)
}

/// Each summit's place in its dyad's history, in the sorted order.
struct History {
    /// 1-based within the dyad.
    seq: Vec<i32>,
    /// Days since the dyad's previous summit, start to start.
    gap: Vec<Option<i64>>,
    /// The sorted position of the dyad's previous summit.
    previous: Vec<Option<IdxSize>>,
}

/// Walks the sorted `rows` (summits' rows, with their `dyads` and start
/// `days` by row) once.
fn place_in_history(rows: &[IdxSize], dyads: &[Option<u32>], days: &[Option<i32>]) -> History {
    let n = rows.len();
    let mut seq = Vec::with_capacity(n);
    let mut gap = Vec::with_capacity(n);
    let mut previous = Vec::with_capacity(n);
    for (k, &row) in rows.iter().enumerate() {
        let row = row as usize;
        let before = (k > 0 && dyads[rows[k - 1] as usize] == dyads[row]).then(|| k - 1);
        let order_in_dyad = before.map_or(1, |b| seq[b] + 1);
        seq.push(order_in_dyad);
        gap.push(before.and_then(|b| {
            let (from, to) = (days[rows[b] as usize]?, days[row]?);
            Some(i64::from(to) - i64::from(from))
        }));
        previous.push(before.map(|b| b as IdxSize));
    }
    History { seq, gap, previous }
}

/// The dyad of every summit as a number, and the Enum of the dyads in
/// alphabetical order those numbers index, so that sorting by the Enum
/// sorts alphabetically. Worked out once a pair of country codes, not once
/// a row.
fn dyad_codes(summits: &DataFrame) -> PolarsResult<(Vec<Option<u32>>, DataType)> {
    let (a, b) = (
        enum_codes(summits.column("side_a")?)?,
        enum_codes(summits.column("side_b")?)?,
    );
    let mut names: HashMap<(u32, u32), String> = HashMap::new();
    for pair in a.iter().zip(&b) {
        if let (Some(x), Some(y)) = pair {
            names.entry((*x, *y)).or_insert_with(|| {
                crate::model::dyad(COUNTRIES[*x as usize].alpha3, COUNTRIES[*y as usize].alpha3)
            });
        }
    }
    let mut categories: Vec<&str> = names.values().map(String::as_str).collect();
    categories.sort_unstable();
    categories.dedup();
    let code_of: HashMap<(u32, u32), u32> = names
        .iter()
        .map(|(pair, name)| {
            let code = categories.binary_search(&name.as_str()).unwrap_or_default();
            (*pair, code as u32)
        })
        .collect();
    let codes: Vec<Option<u32>> = a
        .iter()
        .zip(&b)
        .map(|pair| match pair {
            (Some(x), Some(y)) => code_of.get(&(*x, *y)).copied(),
            _ => None,
        })
        .collect();
    let dtype =
        DataType::from_frozen_categories(FrozenCategories::new(categories.iter().copied())?);
    Ok((codes, dtype))
}

/// The category numbers of an Enum column (its position in the
/// vocabulary or the country table). Read through the typed arrays: this
/// build of polars has no UInt8 series to convert them into.
pub(crate) fn enum_codes(column: &Column) -> PolarsResult<Vec<Option<u32>>> {
    let mut codes = Vec::with_capacity(column.len());
    each_code(column, |c| codes.push(c))?;
    Ok(codes)
}

/// Calls `f` with the category number of each value of an Enum column,
/// in row order (`None` for nulls), without collecting them.
pub(crate) fn each_code(column: &Column, mut f: impl FnMut(Option<u32>)) -> PolarsResult<()> {
    match column.dtype() {
        DataType::Enum(fcats, _) => match fcats.physical() {
            CategoricalPhysical::U8 => column
                .cat8()?
                .physical()
                .iter()
                .for_each(|c| f(c.map(u32::from))),
            CategoricalPhysical::U16 => column
                .cat16()?
                .physical()
                .iter()
                .for_each(|c| f(c.map(u32::from))),
            CategoricalPhysical::U32 => column.cat32()?.physical().iter().for_each(f),
        },
        other => polars_bail!(SchemaMismatch: "expected an Enum column, found {other}"),
    }
    Ok(())
}

/// Which values of an Enum column are the category numbered `code`,
/// compared on the physical codes (no text is made).
pub(crate) fn enum_is(column: &Column, code: u32) -> PolarsResult<BooleanChunked> {
    Ok(match column.dtype() {
        DataType::Enum(fcats, _) => match fcats.physical() {
            CategoricalPhysical::U8 => match u8::try_from(code) {
                Ok(c) => column.cat8()?.physical().equal(c),
                Err(_) => BooleanChunked::full(column.name().clone(), false, column.len()),
            },
            CategoricalPhysical::U16 => match u16::try_from(code) {
                Ok(c) => column.cat16()?.physical().equal(c),
                Err(_) => BooleanChunked::full(column.name().clone(), false, column.len()),
            },
            CategoricalPhysical::U32 => column.cat32()?.physical().equal(code),
        },
        other => polars_bail!(SchemaMismatch: "expected an Enum column, found {other}"),
    })
}

/// Participants a summit, counted by portfolio, in the order of `ids`
/// (0 where a summit has none). `link` is each participant's row among
/// `ids`, when the loader kept it.
fn delegation_counts(
    ids: &StringChunked,
    participants: &DataFrame,
    link: Option<&[IdxSize]>,
) -> PolarsResult<DataFrame> {
    let count = |at: &mut dyn Iterator<Item = Option<usize>>| -> PolarsResult<DataFrame> {
        let mut totals = vec![0i64; ids.len()];
        let mut by_portfolio = vec![vec![0i64; ids.len()]; Portfolio::ALL.len()];
        // Portfolio codes are the Enum's category numbers, which follow
        // the vocabulary's order.
        each_code(participants.column("portfolio")?, |code| {
            if let (Some(Some(at)), Some(code)) = (at.next(), code) {
                totals[at] += 1;
                by_portfolio[code as usize][at] += 1;
            }
        })?;
        let mut columns = vec![Column::new("n_participants".into(), totals)];
        for (p, counts) in Portfolio::ALL.iter().zip(by_portfolio) {
            columns.push(Column::new(portfolio_count(*p).into(), counts));
        }
        DataFrame::new_infer_height(columns)
    };
    if let Some(link) = link {
        return count(&mut link.iter().map(|&r| Some(r as usize)));
    }
    let of = participants.column("summit_id")?.str()?;
    if order(ids) == Order::Increasing && order(of) != Order::Unsorted {
        let known: Vec<&str> = ids.iter().flatten().collect();
        // Sorted ids hold no nulls (see `order`), so the walk stays aligned
        // with the codes.
        return count(&mut walk_positions(&known, of.iter().flatten()));
    }
    let mut counts = vec![len().cast(DataType::Int64).alias("n_participants")];
    counts.extend(Portfolio::ALL.iter().map(|p| {
        col("portfolio")
            .eq(lit(p.as_str()))
            .sum()
            .cast(DataType::Int64)
            .alias(portfolio_count(*p))
    }));
    let grouped = participants
        .clone()
        .lazy()
        .group_by([col("summit_id")])
        .agg(counts)
        .collect()?;
    let mut filled = Vec::new();
    let in_order: Vec<IdxSize> = (0..ids.len() as IdxSize).collect();
    for c in aligned(ids, &grouped, &in_order, None)?.columns() {
        filled.push(c.fill_null(FillNullStrategy::Zero)?);
    }
    DataFrame::new_infer_height(filled)
}

/// `table`'s rows (without `summit_id`) for the summits `ids[rows[0]]`,
/// `ids[rows[1]]`..., nulls where a summit has no row. `table` holds at
/// most one row a summit.
fn aligned(
    ids: &StringChunked,
    table: &DataFrame,
    rows: &[IdxSize],
    link: Option<&[IdxSize]>,
) -> PolarsResult<DataFrame> {
    let mut rest = table.drop("summit_id")?;
    // In one chunk, as the summits' columns in `facts`: gathered text is
    // then copied as views, not string by string.
    rest.rechunk_mut_par();
    if let Some(link) = link {
        // The loader's link: each of the table's rows' place among `ids`.
        let mut at: Vec<Option<IdxSize>> = vec![None; ids.len()];
        for (row, &summit) in link.iter().enumerate() {
            at[summit as usize] = Some(row as IdxSize);
        }
        let composed = IdxCa::from_iter_options("".into(), rows.iter().map(|&r| at[r as usize]));
        return rest.take(&composed);
    }
    if let Some(positions) = sorted_positions(ids, table.column("summit_id")?.str()?) {
        let at: Vec<Option<IdxSize>> = positions.iter().collect();
        let composed = IdxCa::from_iter_options("".into(), rows.iter().map(|&r| at[r as usize]));
        return rest.take(&composed);
    }
    let left = DataFrame::new_infer_height(vec![Column::new(
        "summit_id".into(),
        ids.clone().into_series(),
    )])?;
    let args = JoinArgs {
        maintain_order: MaintainOrderJoin::Left,
        ..JoinArgs::new(JoinType::Left)
    };
    left.lazy()
        .join(
            table.clone().lazy(),
            [col("summit_id")],
            [col("summit_id")],
            args,
        )
        .collect()?
        .drop("summit_id")?
        .take(&IdxCa::from_vec("".into(), rows.to_vec()))
}

/// A row number that stands for an empty cell among rows to gather.
pub(crate) const NO_ROW: IdxSize = IdxSize::MAX;

/// Row numbers with [`NO_ROW`] as gather indices, where it is a null.
pub(crate) fn gather_indices(rows: &[IdxSize]) -> IdxCa {
    IdxCa::from_iter_options("".into(), rows.iter().map(|&r| (r != NO_ROW).then_some(r)))
}

/// Typed reads of a frame's columns, for analyses and charts that walk
/// rows.
pub mod read {
    use chrono::NaiveDate;
    use polars::prelude::*;

    /// Text values (Enums read as their words).
    pub fn text(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
        let c = df.column(name)?.cast(&DataType::String)?;
        Ok(c.str()?.iter().map(|v| v.map(str::to_owned)).collect())
    }

    /// Whole numbers.
    pub fn int(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i64>>> {
        let c = df.column(name)?.cast(&DataType::Int64)?;
        Ok(c.i64()?.iter().collect())
    }

    /// Decimal numbers.
    pub fn float(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
        let c = df.column(name)?.cast(&DataType::Float64)?;
        Ok(c.f64()?.iter().collect())
    }

    /// Booleans.
    pub fn flag(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<bool>>> {
        Ok(df.column(name)?.bool()?.iter().collect())
    }

    /// Dates.
    pub fn date(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<NaiveDate>>> {
        let c = df.column(name)?.as_materialized_series().clone();
        Ok(c.date()?.as_date_iter().collect())
    }
}
