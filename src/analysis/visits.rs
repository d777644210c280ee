//! Leaders' visits: the rows of `visits.csv` a question asks for, and
//! counted by decade, in both directions between two countries or for
//! every pair.
//!
//! In a query, countries are matched by their continuing state, as dyads
//! are: asking for `RUS` finds the Soviet Union's visits too (`SUN`), and
//! the other way round.

use polars::prelude::*;

use super::continuing_state_of;
use crate::load::Collection;
use crate::model::{VisitKind, continuing_state};

/// The columns of [`visits_by_decade`] that count visits of each kind,
/// e.g. `n_state`, in the vocabulary's order, then `n_kind_unknown`.
pub fn kind_count(kind: Option<VisitKind>) -> String {
    match kind {
        Some(k) => format!("n_{}", k.as_str()),
        None => "n_kind_unknown".to_owned(),
    }
}

/// Which visits to list; every field left `None` lets all through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisitQuery {
    /// The visitor's country.
    pub from: Option<String>,
    /// The country visited.
    pub to: Option<String>,
    /// The visitor's `person_id`.
    pub person: Option<String>,
    /// The kind of visit.
    pub kind: Option<VisitKind>,
    /// Visits starting in this year or later.
    pub from_year: Option<i32>,
    /// Visits starting in this year or earlier.
    pub to_year: Option<i32>,
}

/// The visits `query` asks for, in date order (then by id), with every
/// column of `visits.csv`.
pub fn visits(data: &Collection, query: &VisitQuery) -> PolarsResult<DataFrame> {
    let mut keep = lit(true);
    if let Some(code) = &query.from {
        keep = keep.and(
            continuing_state_of(col("from_country")).eq(lit(continuing_state(code).to_owned())),
        );
    }
    if let Some(code) = &query.to {
        keep = keep
            .and(continuing_state_of(col("to_country")).eq(lit(continuing_state(code).to_owned())));
    }
    if let Some(person) = &query.person {
        keep = keep.and(col("person_id").eq(lit(person.clone())));
    }
    if let Some(kind) = query.kind {
        keep = keep.and(col("kind").cast(DataType::String).eq(lit(kind.as_str())));
    }
    if let Some(y) = query.from_year {
        keep = keep.and(col("start_date").dt().year().gt_eq(lit(y)));
    }
    if let Some(y) = query.to_year {
        keep = keep.and(col("start_date").dt().year().lt_eq(lit(y)));
    }
    data.visits()
        .clone()
        .lazy()
        .filter(keep.fill_null(lit(false)))
        .sort(["start_date", "visit_id"], SortMultipleOptions::default())
        .collect()
}

/// Visits between `a` and `b` by decade of their start, in both
/// directions: columns `decade` (1990 for the 1990s), `a_to_b` and
/// `b_to_a` (visits by a leader of `a` to `b`, and back), for every decade
/// from the first visit's to the last one's, with zeros between. Other
/// filters of `query` (kind, person, years) apply; its countries are
/// replaced by the pair.
pub fn by_decade(
    data: &Collection,
    a: &str,
    b: &str,
    query: &VisitQuery,
) -> PolarsResult<DataFrame> {
    let (a, b) = (
        continuing_state(a).to_owned(),
        continuing_state(b).to_owned(),
    );
    let one_way = |from: &str, to: &str| VisitQuery {
        from: Some(from.to_owned()),
        to: Some(to.to_owned()),
        ..query.clone()
    };
    let decade = (col("start_date").dt().year() / lit(10) * lit(10))
        .cast(DataType::Int64)
        .alias("decade");
    let count = |df: DataFrame, name: &str| {
        df.lazy()
            .group_by([decade.clone()])
            .agg([len().cast(DataType::Int64).alias(name)])
    };
    let there = count(visits(data, &one_way(&a, &b))?, "a_to_b");
    let back = count(visits(data, &one_way(&b, &a))?, "b_to_a");
    let counted = there
        .join(
            back,
            [col("decade")],
            [col("decade")],
            JoinArgs::new(JoinType::Full).with_coalesce(JoinCoalesce::CoalesceColumns),
        )
        .collect()?;
    let decades = counted.column("decade")?.i64()?;
    let (Some(first), Some(last)) = (decades.min(), decades.max()) else {
        return DataFrame::new(
            0,
            vec![
                Column::new_empty("decade".into(), &DataType::Int64),
                Column::new_empty("a_to_b".into(), &DataType::Int64),
                Column::new_empty("b_to_a".into(), &DataType::Int64),
            ],
        );
    };
    let every: Vec<i64> = (first..=last).step_by(10).collect();
    df!("decade" => every)?
        .lazy()
        .join(
            counted.lazy(),
            [col("decade")],
            [col("decade")],
            JoinArgs::new(JoinType::Left),
        )
        .select([
            col("decade"),
            col("a_to_b").fill_null(lit(0i64)),
            col("b_to_a").fill_null(lit(0i64)),
        ])
        .collect()
}

/// One row a pair of countries (as the record codes them: the Soviet
/// Union's visits apart from Russia's) and decade of the start date, in
/// that order: `from_country`, `to_country`, `decade`, `n_visits`, and the
/// visits of each kind ([`kind_count`]). The export's
/// `visits_by_decade.csv`.
pub fn visits_by_decade(visits: &DataFrame) -> PolarsResult<DataFrame> {
    let mut counts = vec![len().cast(DataType::Int64).alias("n_visits")];
    counts.extend(super::word_counts(
        "kind",
        VisitKind::NAMES.iter().copied(),
        |k| kind_count(k.parse().ok()),
    ));
    counts.push(
        col("kind")
            .is_null()
            .sum()
            .cast(DataType::Int64)
            .alias(kind_count(None)),
    );
    visits
        .clone()
        .lazy()
        .group_by([
            col("from_country"),
            col("to_country"),
            (col("start_date").dt().year() / lit(10) * lit(10))
                .cast(DataType::Int64)
                .alias("decade"),
        ])
        .agg(counts)
        .sort(
            ["from_country", "to_country", "decade"],
            SortMultipleOptions::default(),
        )
        .collect()
}
