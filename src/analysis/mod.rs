//! Pure functions over a collection's frames: frames in, frames out.
//!
//! [`facts`] builds the one frame everything else starts from: a row a
//! summit, in dyad order, with its place in the dyad's history, its
//! delegation counted by portfolio, its outcome and its context. The
//! summaries of [`summary`] and the comparison of [`compare`] select from
//! it.

pub mod audit;
pub mod compare;
pub mod context;
pub mod history;
pub mod presence;
pub mod quality;
pub mod sentences;
pub mod summary;
pub mod visits;

use std::sync::OnceLock;

use polars::prelude::*;

use crate::load::{Collection, Table};
use crate::model::Portfolio;

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
    found: OnceLock<DataFrame>,
}

impl Derived {
    /// Makes the facts of a collection.
    pub fn of(data: &Collection) -> PolarsResult<Derived> {
        Ok(Derived {
            facts: facts(data)?,
            history: OnceLock::new(),
            presence: OnceLock::new(),
            found: OnceLock::new(),
        })
    }

    /// [`history::dyad_history`] of the facts.
    pub fn history(&self) -> PolarsResult<&DataFrame> {
        once(&self.history, || history::dyad_history(&self.facts))
    }

    /// [`context::found`] of the collection the facts were made from:
    /// each summit's wars, regimes and warrants, with their names in each
    /// language and their sources (what reports and comparisons in Arabic
    /// and Russian name).
    pub fn found(&self, data: &Collection) -> PolarsResult<&DataFrame> {
        once(&self.found, || context::found(data)?.collect())
    }

    /// [`presence::leader_presence`] of the collection the facts were
    /// made from.
    pub fn presence(&self, data: &Collection) -> PolarsResult<&DataFrame> {
        once(&self.presence, || {
            presence::leader_presence(&self.facts, data.participants(), data.visits())
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
/// - every outcome and context column (null where not coded), and the
///   context computed from the tables of facts ([`context::context`]).
///
/// One lazy polars plan: the summits joined with their delegation counts,
/// outcome and context, sorted, and each summit's place in its dyad's
/// history taken over the dyad (`over`, `shift`).
pub fn facts(data: &Collection) -> PolarsResult<DataFrame> {
    facts_plan(data)?.collect()
}

/// Only the `columns` of the [`facts`]: polars then leaves out the work
/// the other columns would take (a delegation count no table reads, an
/// outcome or context join).
pub(crate) fn facts_of(data: &Collection, columns: &[&str]) -> PolarsResult<DataFrame> {
    facts_plan(data)?
        .select(columns.iter().map(|c| col(*c)).collect::<Vec<_>>())
        .collect()
}

/// The lazy plan of the [`facts`].
fn facts_plan(data: &Collection) -> PolarsResult<LazyFrame> {
    let summits = data.summits();
    // Each word as a value of the column's own dtype: an Enum is then
    // compared on its codes, not turned into text row by row.
    let portfolio = data.participants().column("portfolio")?.dtype().clone();
    let mut counts = vec![len().cast(DataType::Int64).alias("n_participants")];
    counts.extend(Portfolio::ALL.iter().map(|p| {
        col("portfolio")
            .eq(lit(p.as_str()).cast(portfolio.clone()))
            .sum()
            .cast(DataType::Int64)
            .alias(portfolio_count(*p))
    }));
    let count_names: Vec<String> = std::iter::once("n_participants".to_owned())
        .chain(Portfolio::ALL.iter().map(|p| portfolio_count(*p)))
        .collect();
    // The two columns grouped, each in one chunk: polars groups a column
    // of many chunks (one a batch of the CSV reader) about twice as slowly.
    let mut grouped = data.participants().select(["summit_id", "portfolio"])?;
    grouped.rechunk_mut_par();
    let delegations = grouped.lazy().group_by([col("summit_id")]).agg(counts);
    let by_id = |plan: LazyFrame, other: LazyFrame| {
        plan.join(
            other,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Left),
        )
    };
    let columns: Vec<Expr> = SUMMIT_COLUMNS.iter().map(|c| col(*c)).collect();
    let mut plan = summits.clone().lazy().select(columns).join(
        dyads(summits)?.lazy(),
        [col("side_a"), col("side_b")],
        [col("side_a"), col("side_b")],
        JoinArgs::new(JoinType::Left),
    );
    plan = by_id(plan, delegations).with_columns(
        count_names
            .iter()
            .map(|c| col(c.as_str()).fill_null(lit(0i64)))
            .collect::<Vec<_>>(),
    );
    let mut order: Vec<Expr> = SUMMIT_COLUMNS.iter().map(|c| col(*c)).collect();
    order.extend(count_names.iter().map(|c| col(c.as_str())));
    for table in [Table::Outcomes, Table::Context] {
        let frame = data.frame(table);
        order.extend(
            frame
                .get_column_names()
                .into_iter()
                .filter(|c| c.as_str() != "summit_id")
                .map(|c| col(c.clone())),
        );
        plan = by_id(plan, frame.clone().lazy());
    }
    order.extend(context::COLUMNS.iter().map(|c| col(*c)));
    plan = match Table::CONTEXT_FACTS
        .iter()
        .all(|t| data.frame(*t).height() == 0)
    {
        // Nothing to compute from (a collection without the tables of
        // facts, such as the benchmark's): every value unknown, with no
        // join over the summits.
        true => plan.with_columns(context::unknown()),
        false => by_id(plan, context::context(data)?),
    };
    let day = day_number(col("start_date"));
    let dyad = [col("dyad")];
    order.extend(
        [
            "dyad",
            "seq",
            "gap_days",
            "previous_summit_id",
            "economic_share",
        ]
        .map(col),
    );
    Ok(plan
        .sort(
            ["dyad", "start_date", "summit_id"],
            SortMultipleOptions::default(),
        )
        .with_columns([
            int_range(
                lit(1i32),
                len().cast(DataType::Int32) + lit(1i32),
                1,
                DataType::Int32,
            )
            .over(dyad.clone())?
            .alias("seq"),
            (day.clone() - day.shift(lit(1)))
                .over(dyad.clone())?
                .alias("gap_days"),
            col("summit_id")
                .shift(lit(1))
                .over(dyad)?
                .alias("previous_summit_id"),
            when(col("n_participants").gt(lit(0i64)))
                .then(
                    col("n_economic").cast(DataType::Float64)
                        / col("n_participants").cast(DataType::Float64),
                )
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias("economic_share"),
        ])
        .select(order))
}

/// For a group-by: how many rows have each word of a vocabulary column,
/// one count a word, named by `name` (Int64, zero where none).
pub(crate) fn word_counts<'a>(
    column: &str,
    words: impl IntoIterator<Item = &'a str>,
    name: impl Fn(&str) -> String,
) -> Vec<Expr> {
    let text = col(column).cast(DataType::String);
    words
        .into_iter()
        .map(|word| {
            text.clone()
                .eq(lit(word))
                .fill_null(lit(false))
                .sum()
                .cast(DataType::Int64)
                .alias(name(word))
        })
        .collect()
}

/// A country column as the text of its continuing states (`SUN` becomes
/// `RUS`; every other code stands for itself), as dyads count them.
pub(crate) fn continuing_state_of(country: Expr) -> Expr {
    let text = country.cast(DataType::String);
    let mut state = text.clone();
    for c in crate::model::country::COUNTRIES
        .iter()
        .filter(|c| crate::model::continuing_state(c.alpha3) != c.alpha3)
    {
        state = when(text.clone().eq(lit(c.alpha3)))
            .then(lit(crate::model::continuing_state(c.alpha3)))
            .otherwise(state);
    }
    state
}

/// A date as its day number (days since 1970-01-01), so that the days
/// between two dates are a subtraction.
pub(crate) fn day_number(date: Expr) -> Expr {
    date.cast(DataType::Int32).cast(DataType::Int64)
}

/// The dyad of each pair of sides among the summits: a frame of the
/// distinct `side_a`, `side_b` and their `dyad` (as
/// [`crate::model::dyad`] names it), an Enum whose words follow the
/// alphabet, so that sorting by it sorts by name.
fn dyads(summits: &DataFrame) -> PolarsResult<DataFrame> {
    let pairs = summits.select(["side_a", "side_b"])?.unique_stable(
        None,
        UniqueKeepStrategy::First,
        None,
    )?;
    let text = |name: &str| -> PolarsResult<Vec<Option<String>>> { read::text(&pairs, name) };
    let names: Vec<Option<String>> = text("side_a")?
        .iter()
        .zip(text("side_b")?)
        .map(|(a, b)| Some(crate::model::dyad(a.as_deref()?, b.as_deref()?)))
        .collect();
    let mut words: Vec<&str> = names.iter().flatten().map(String::as_str).collect();
    words.sort_unstable();
    words.dedup();
    let dtype = DataType::from_frozen_categories(FrozenCategories::new(words.iter().copied())?);
    let dyad = Column::new("dyad".into(), names).cast(&dtype)?;
    let mut pairs = pairs;
    pairs.with_column(dyad)?;
    Ok(pairs)
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
fn each_code(column: &Column, mut f: impl FnMut(Option<u32>)) -> PolarsResult<()> {
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
