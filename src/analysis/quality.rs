//! How complete the coding is, in numbers: for each dyad, by decade, then
//! over all its summits and over its bilateral summits, the share of
//! summits with each outcome field coded (known, true or false), with a
//! delegation named beyond the two principals on both sides, and with a
//! primary source; and the sources by tier. The context is not counted:
//! it is computed from sourced tables (see [`super::context`]).
//! `summitry audit --quality` prints it; the codebook shows it for the
//! shipped data.

use polars::prelude::*;

use super::{continuing_state_of, facts};
use crate::load::Collection;
use crate::model::SourceTier;

/// The outcome fields whose coding is counted, in codebook order.
pub const CODED: [&str; 6] = [
    "joint_statement",
    "joint_press_conference",
    "press_questions_taken",
    "agreements_signed",
    "follow_up_agreed",
    "ceasefire_announced",
];

/// One row a dyad and scope: `dyad`, `scope` (a decade such as `1990s`,
/// then `all`, then `bilateral`), `summits`, a whole percentage a field
/// of [`CODED`] (its name with `_pct`: the share of the scope's summits
/// where it is coded, rounded half up), and `delegations_pct` (the share
/// with at least one participant other than the principals named for
/// each side), `primary_source_pct` (the share with an `official` or
/// `archive` source cited for that summit alone, so that a list of trips
/// or visits cited for many is not counted), `sources` and the number of
/// sources of each tier (`official`, `archive`, `news`, `reference`,
/// `other`). In dyad order, decades in time order.
pub fn quality(data: &Collection) -> PolarsResult<DataFrame> {
    let facts = facts(data)?;
    let sides = facts.clone().lazy().select([
        col("summit_id"),
        continuing_state_of(col("side_a")).alias("a"),
        continuing_state_of(col("side_b")).alias("b"),
    ]);
    let principal = lit("principal").cast(data.participants().column("level")?.dtype().clone());
    let delegated = data
        .participants()
        .clone()
        .lazy()
        .filter(col("level").neq(principal).fill_null(lit(true)))
        .select([
            col("summit_id"),
            continuing_state_of(col("country")).alias("side"),
        ])
        .join(
            sides,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by([col("summit_id")])
        .agg([col("side")
            .eq(col("a"))
            .any(true)
            .and(col("side").eq(col("b")).any(true))
            .alias("delegated")]);
    // Each summit's sources by tier, and whether one is official or from
    // an archive and about that summit alone (a primary source specific to
    // it): a page cited for several summits, such as the official list of
    // a president's trips, is not one.
    let tier = col("tier").cast(DataType::String);
    let mut by_tier = vec![len().cast(DataType::Int64).alias("sources")];
    by_tier.extend(super::word_counts(
        "tier",
        SourceTier::NAMES.iter().copied(),
        str::to_owned,
    ));
    by_tier.push(
        tier.clone()
            .eq(lit("official"))
            .or(tier.eq(lit("archive")))
            .and(col("alone"))
            .fill_null(lit(false))
            .any(true)
            .alias("primary"),
    );
    let sourced = data
        .sources()
        .clone()
        .lazy()
        .with_column(
            col("summit_id")
                .n_unique()
                .over([col("url")])?
                .eq(lit(1))
                .alias("alone"),
        )
        .group_by([col("summit_id")])
        .agg(by_tier);
    let base = facts
        .lazy()
        .join(
            delegated,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Left),
        )
        .join(
            sourced,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Left),
        )
        .with_columns([
            col("delegated").fill_null(lit(false)),
            col("primary").fill_null(lit(false)),
            (col("start_date").dt().year() / lit(10) * lit(10))
                .cast(DataType::Int64)
                .alias("decade"),
        ]);
    let percent = |e: Expr| {
        (e.cast(DataType::Float64).mean() * lit(100.0) + lit(0.5))
            .floor()
            .cast(DataType::Int64)
    };
    let mut measures = vec![len().cast(DataType::Int64).alias("summits")];
    for field in CODED {
        measures.push(percent(col(field).is_not_null()).alias(format!("{field}_pct")));
    }
    measures.push(percent(col("delegated")).alias("delegations_pct"));
    measures.push(percent(col("primary")).alias("primary_source_pct"));
    measures.push(
        col("sources")
            .fill_null(lit(0i64))
            .sum()
            .cast(DataType::Int64)
            .alias("sources"),
    );
    for t in SourceTier::ALL {
        measures.push(
            col(t.as_str())
                .fill_null(lit(0i64))
                .sum()
                .cast(DataType::Int64)
                .alias(t.as_str()),
        );
    }
    // `order` puts the decades first (by year), then `all`, then
    // `bilateral`.
    let by_decade = base
        .clone()
        .group_by([col("dyad"), col("decade")])
        .agg(measures.clone())
        .with_columns([
            col("decade").alias("order"),
            (col("decade").cast(DataType::String) + lit("s")).alias("scope"),
        ]);
    let all = base
        .clone()
        .group_by([col("dyad")])
        .agg(measures.clone())
        .with_columns([
            lit(10_000i64).cast(DataType::Int64).alias("order"),
            lit("all").alias("scope"),
        ]);
    let format = data.summits().column("format")?.dtype().clone();
    let bilateral = base
        .filter(col("format").eq(lit("bilateral").cast(format)))
        .group_by([col("dyad")])
        .agg(measures)
        .with_columns([
            lit(10_001i64).cast(DataType::Int64).alias("order"),
            lit("bilateral").alias("scope"),
        ]);
    let mut columns = vec![col("dyad"), col("scope"), col("summits")];
    columns.extend(CODED.iter().map(|f| col(format!("{f}_pct"))));
    columns.push(col("delegations_pct"));
    columns.push(col("primary_source_pct"));
    columns.push(col("sources"));
    columns.extend(SourceTier::ALL.iter().map(|t| col(t.as_str())));
    let mut ordered = columns.clone();
    ordered.push(col("order"));
    concat(
        [by_decade, all, bilateral].map(|part| part.select(ordered.clone())),
        UnionArgs::default(),
    )?
    .sort(["dyad", "order"], SortMultipleOptions::default())
    .select(columns)
    .collect()
}
