//! A summit's circumstances, computed from the sourced tables of facts
//! (`conflicts.csv`, `sanctions.csv`, `warrants.csv`) instead of coded by
//! hand summit by summit, so that every summit is judged by the same rule
//! and every "yes" names the war, regime or warrant behind it.
//!
//! A row of those tables is in force during a summit when it began on or
//! before the summit's last day and had not ended before its first day
//! (an empty `end_date` is still in force). States are matched as the
//! dyads count them: the Soviet Union is continued by Russia.

use polars::prelude::*;

use super::continuing_state_of;
use crate::load::{Collection, Table};

/// The columns [`context`] adds to each summit, in order.
pub const COLUMNS: [&str; 8] = [
    "conflict_between",
    "conflicts_between",
    "wars_side_a",
    "wars_side_b",
    "sanctions_between",
    "sanctions",
    "warrant_against_participant",
    "warrants",
];

/// One row a summit (`summit_id`), with the [`COLUMNS`]:
/// - `conflict_between`: the two sides fought in opposite camps of an
///   armed conflict of `conflicts.csv`, each taking part during the
///   summit; `conflicts_between` names those conflicts;
/// - `wars_side_a`, `wars_side_b`: the wars (conflicts of war intensity)
///   in which that side was a primary party during the summit, by name;
/// - `sanctions_between`: a regime of `sanctions.csv` imposed by either
///   side on the other was in force; `sanctions` names the regimes;
/// - `warrant_against_participant`: an arrest warrant or indictment of
///   `warrants.csv` against a participant was in force; `warrants` says
///   which.
///
/// Names are `; `-separated, oldest first, and null where there are none.
/// Where the collection has no rows in the table a flag is computed from,
/// the flag is null (unknown), not false.
pub fn context(data: &Collection) -> PolarsResult<LazyFrame> {
    let found = found(data)?;
    let mut plan = data.summits().clone().lazy().select([col("summit_id")]);
    for (table, flag, names) in PARTS {
        if data.frame(table).height() == 0 {
            plan = plan.with_columns(nulls(flag, names));
            continue;
        }
        for name in names {
            plan = left(plan, joined(found.clone(), name));
        }
        plan = plan.with_column(col(names[0]).is_not_null().alias(flag));
    }
    let mut order = vec![col("summit_id")];
    order.extend(COLUMNS.iter().map(|c| col(*c)));
    Ok(plan.select(order))
}

/// The [`COLUMNS`] by the table they are computed from: the yes-or-no
/// column, then the columns naming what makes it true (the first of them
/// non-empty exactly when the flag is true).
const PARTS: [(Table, &str, &[&str]); 3] = [
    (
        Table::Conflicts,
        "conflict_between",
        &["conflicts_between", "wars_side_a", "wars_side_b"],
    ),
    (Table::Sanctions, "sanctions_between", &["sanctions"]),
    (
        Table::Warrants,
        "warrant_against_participant",
        &["warrants"],
    ),
];

/// A flag and its names as unknown (null).
fn nulls(flag: &str, names: &[&str]) -> Vec<Expr> {
    std::iter::once(lit(NULL).cast(DataType::Boolean).alias(flag))
        .chain(
            names
                .iter()
                .map(|n| lit(NULL).cast(DataType::String).alias(*n)),
        )
        .collect()
}

/// The [`COLUMNS`] as unknown (null), for a collection with no rows in any
/// table of facts.
pub(crate) fn unknown() -> Vec<Expr> {
    PARTS
        .iter()
        .flat_map(|(_, flag, names)| nulls(flag, names))
        .collect()
}

/// Every fact of the tables that makes a column of [`COLUMNS`] for a
/// summit: one row a summit and fact, with `summit_id`, `column` (the
/// names column it is listed in: `conflicts_between`, `wars_side_a`,
/// `wars_side_b`, `sanctions` or `warrants`), `table` (its file's name),
/// `id` (the row's id in that table), `name` (as listed), `start_date`,
/// `end_date`, `source_url` and `end_source_url`: what a report cites;
/// and `name_ar`, `name_ru`: the name for readers of Arabic and Russian,
/// from the tables' own columns in those languages where they are filled
/// (the English name where not).
pub fn found(data: &Collection) -> PolarsResult<LazyFrame> {
    let summits = data.summits().clone().lazy().select([
        col("summit_id"),
        col("start_date").alias("first_day"),
        col("end_date").alias("last_day"),
        continuing_state_of(col("side_a")).alias("a"),
        continuing_state_of(col("side_b")).alias("b"),
    ]);
    let cited = |column: &str, table: Table, id: &str, names: [Expr; 3]| {
        let [name, name_ar, name_ru] = names;
        [
            col("summit_id"),
            lit(column.to_owned()).alias("column"),
            lit(table.file_name()).alias("table"),
            col(id).alias("id"),
            name.alias("name"),
            name_ar.alias("name_ar"),
            name_ru.alias("name_ru"),
            col("start_date"),
            col("end_date"),
            col("source_url"),
            col("end_source_url"),
        ]
    };
    let mut found: Vec<LazyFrame> = Vec::new();

    // Armed conflicts: each side's part in each conflict during the summit.
    let parts = data.frame(Table::Conflicts).clone().lazy().with_columns([
        continuing_state_of(col("country")).alias("state"),
        col("camp").cast(DataType::String),
        col("role").cast(DataType::String),
        col("intensity").cast(DataType::String),
    ]);
    let side = |name: &str| {
        in_force(summits.clone().join(
            parts.clone(),
            [col(name)],
            [col("state")],
            JoinArgs::new(JoinType::Inner),
        ))
    };
    let other_camp = side("b").select([
        col("summit_id"),
        col("conflict_id"),
        col("camp").alias("camp_b"),
    ]);
    found.push(
        side("a")
            .join(
                other_camp,
                [col("summit_id"), col("conflict_id")],
                [col("summit_id"), col("conflict_id")],
                JoinArgs::new(JoinType::Inner),
            )
            .filter(col("camp").neq(col("camp_b")))
            .select(cited(
                "conflicts_between",
                Table::Conflicts,
                "involvement_id",
                conflict(),
            )),
    );
    for (name, column) in [("a", "wars_side_a"), ("b", "wars_side_b")] {
        found.push(
            side(name)
                .filter(
                    col("role")
                        .eq(lit("primary"))
                        .and(col("intensity").eq(lit("war"))),
                )
                .select(cited(
                    column,
                    Table::Conflicts,
                    "involvement_id",
                    conflict(),
                )),
        );
    }

    // Sanctions imposed by either side on the other.
    let regimes = data.frame(Table::Sanctions).clone().lazy().with_columns([
        continuing_state_of(col("imposer")).alias("imposer"),
        continuing_state_of(col("target")).alias("target"),
    ]);
    for (imposer, target) in [("a", "b"), ("b", "a")] {
        found.push(
            in_force(summits.clone().join(
                regimes.clone(),
                [col(imposer), col(target)],
                [col("imposer"), col("target")],
                JoinArgs::new(JoinType::Inner),
            ))
            .select(cited(
                "sanctions",
                Table::Sanctions,
                "regime_id",
                [
                    col("name"),
                    or_english("name_ar", "name"),
                    or_english("name_ru", "name"),
                ],
            )),
        );
    }

    // Warrants against anyone at the table.
    let kind = col("kind").cast(DataType::String);
    let warrant = concat_str(
        [
            col("issuer"),
            when(kind.clone().eq(lit("arrest_warrant")))
                .then(lit(" arrest warrant for "))
                .otherwise(lit(" indictment of ")),
            col("person"),
            lit(" ("),
            col("start_date").dt().to_string(crate::load::DATE_FORMAT),
            lit(")"),
        ],
        "",
        false,
    );
    // In Arabic: «مذكرة توقيف بحق فلان صادرة عن المحكمة عام 2023»; in
    // Russian: «Суд: ордер на арест — Имя (2023)».
    let year = col("start_date").dt().year().cast(DataType::String);
    let arrest = kind.clone().eq(lit("arrest_warrant"));
    let warrant_ar = concat_str(
        [
            when(arrest.clone())
                .then(lit("مذكرة توقيف بحق "))
                .otherwise(lit("لائحة اتهام بحق ")),
            or_english("person_ar", "person"),
            lit(" صادرة عن "),
            or_english("issuer_ar", "issuer"),
            lit(" عام "),
            year.clone(),
        ],
        "",
        false,
    );
    let warrant_ru = concat_str(
        [
            or_english("issuer_ru", "issuer"),
            when(arrest)
                .then(lit(": ордер на арест — "))
                .otherwise(lit(": обвинение — ")),
            or_english("person_ru", "person"),
            lit(" ("),
            year,
            lit(")"),
        ],
        "",
        false,
    );
    found.push(
        in_force(
            data.participants()
                .clone()
                .lazy()
                .select([col("summit_id"), col("person_id")])
                .unique(None, UniqueKeepStrategy::First)
                .join(
                    summits,
                    [col("summit_id")],
                    [col("summit_id")],
                    JoinArgs::new(JoinType::Inner),
                )
                .join(
                    data.frame(Table::Warrants).clone().lazy(),
                    [col("person_id")],
                    [col("person_id")],
                    JoinArgs::new(JoinType::Inner),
                ),
        )
        .select(cited(
            "warrants",
            Table::Warrants,
            "warrant_id",
            [warrant, warrant_ar, warrant_ru],
        )),
    );
    concat(found, UnionArgs::default())
}

/// A conflict's names in English, Arabic and Russian.
fn conflict() -> [Expr; 3] {
    [
        col("conflict"),
        or_english("conflict_ar", "conflict"),
        or_english("conflict_ru", "conflict"),
    ]
}

/// The column `local` where it is filled, else `english`.
fn or_english(local: &str, english: &str) -> Expr {
    when(col(local).is_null())
        .then(col(english))
        .otherwise(col(local))
}

/// For one summit, the names `found` (the frame of [`found`]) lists in each names column
/// (`conflicts_between`, `wars_side_a`...), in `lang`, oldest first then
/// by English name, as the facts list them in English, joined by `; `.
pub fn names_in(
    found: &DataFrame,
    summit_id: &str,
    lang: crate::model::Lang,
) -> PolarsResult<std::collections::HashMap<String, String>> {
    let local = match lang {
        crate::model::Lang::Ar => "name_ar",
        crate::model::Lang::Ru => "name_ru",
        crate::model::Lang::En => "name",
    };
    let rows = found
        .clone()
        .lazy()
        .filter(col("summit_id").eq(lit(summit_id)))
        .select([
            col("column"),
            col("start_date"),
            col("name"),
            col(local).alias("local"),
        ])
        .unique_stable(None, UniqueKeepStrategy::First)
        .sort(
            ["column", "start_date", "name"],
            SortMultipleOptions::default(),
        )
        .collect()?;
    let columns = super::read::text(&rows, "column")?;
    let names = super::read::text(&rows, "local")?;
    let mut joined: std::collections::HashMap<String, Vec<String>> = Default::default();
    for (column, name) in columns.into_iter().zip(names) {
        if let (Some(column), Some(name)) = (column, name) {
            let list = joined.entry(column).or_default();
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    Ok(joined
        .into_iter()
        .map(|(column, names)| {
            let sep = if lang == crate::model::Lang::Ar {
                "؛ "
            } else {
                "; "
            };
            (column, names.join(sep))
        })
        .collect())
}

/// The rows of a plan (a summit's `first_day`, `last_day` beside a fact's
/// `start_date`, `end_date`) where the fact was in force during the summit.
fn in_force(plan: LazyFrame) -> LazyFrame {
    plan.filter(
        col("start_date").lt_eq(col("last_day")).and(
            col("end_date")
                .is_null()
                .or(col("end_date").gt_eq(col("first_day"))),
        ),
    )
}

/// One row a summit: the distinct names [`found`] lists in `column`,
/// oldest (by `start_date`) first, then by name, joined by `; ` into a
/// column of that name.
fn joined(found: LazyFrame, column: &str) -> LazyFrame {
    found
        .filter(col("column").eq(lit(column)))
        .select([col("summit_id"), col("start_date"), col("name")])
        .unique(None, UniqueKeepStrategy::First)
        .sort(
            ["summit_id", "start_date", "name"],
            SortMultipleOptions::default(),
        )
        .group_by_stable([col("summit_id")])
        .agg([col("name")
            .unique_stable()
            .str()
            .join("; ", true)
            .alias(column)])
}

/// `plan` with the columns of `other` joined by summit.
fn left(plan: LazyFrame, other: LazyFrame) -> LazyFrame {
    plan.join(
        other,
        [col("summit_id")],
        [col("summit_id")],
        JoinArgs::new(JoinType::Left),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchorage_names_the_war_the_regimes_and_the_warrant() {
        let data = crate::load::default_data().unwrap();
        let all = context(&data).unwrap().collect().unwrap();
        let row = all
            .lazy()
            .filter(col("summit_id").eq(lit("2025-anchorage")))
            .collect()
            .unwrap();
        assert_eq!(row.height(), 1);
        let text = |name: &str| super::super::read::text(&row, name).unwrap()[0].clone();
        let flag = |name: &str| super::super::read::flag(&row, name).unwrap()[0];
        assert_eq!(flag("conflict_between"), Some(false));
        assert_eq!(flag("sanctions_between"), Some(true));
        assert_eq!(flag("warrant_against_participant"), Some(true));
        assert!(text("wars_side_b").unwrap().contains("Russo-Ukrainian War"));
        assert!(
            text("warrants")
                .unwrap()
                .contains("arrest warrant for Vladimir Putin (2023-03-17)")
        );
    }
}
