//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil (e.g. Putin in the United States before Anchorage
//! 2025: New York, September 2015).
//!
//! One polars plan. Each principal's summit asks a question ("my latest
//! summit with, or on the soil of, this country") and leaves answers
//! ("I was with these countries, on this soil, at this summit"); questions
//! and answers are sorted together by person, country and time, and each
//! question takes the latest answer before it by a forward fill over the
//! person and country.

use polars::prelude::*;

use crate::model::continuing_state;
use crate::model::country::COUNTRIES;

/// One row a principal of a summit (participants whose level is
/// `principal`), by summit id and person id, with the summit's
/// start date, the counterpart (the other side, as its continuing state),
/// the previous summit this person attended with the counterpart and the
/// days since, and the previous summit they attended on the counterpart's
/// soil and the days since. Only summits in the collection count; summits
/// on the same day are taken in the facts' order (dyad, then id), and a
/// person listed twice at a summit looks back from it once.
pub fn leader_presence(facts: &DataFrame, participants: &DataFrame) -> PolarsResult<DataFrame> {
    let countries = participants.column("country")?.dtype().clone();
    let principal = lit("principal").cast(participants.column("level")?.dtype().clone());
    // The principals, numbered in the participants' order (`k`), each with
    // their summit's place in the facts (`at`), its start date, both
    // sides and host as continuing states.
    let principals = participants
        .clone()
        .lazy()
        .with_row_index("k", None)
        .filter(col("level").eq(principal))
        .select([
            col("k"),
            col("summit_id"),
            col("person_id"),
            col("name"),
            col("country"),
            state(col("country")).alias("mine"),
        ]);
    let summits = facts.clone().lazy().with_row_index("at", None).select([
        col("summit_id"),
        col("at"),
        col("start_date"),
        state(col("side_a")).alias("a"),
        state(col("side_b")).alias("b"),
        state(col("host_country")).alias("host"),
    ]);
    let seated = principals
        .join(
            summits,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .cache();
    let both_sides = col("a").is_not_null().and(col("b").is_not_null());
    let counterpart = when(col("a").eq(col("mine")))
        .then(col("b"))
        .otherwise(col("a"));
    // A question a principal row whose sides and own country are known.
    let questions = seated
        .clone()
        .filter(both_sides.clone().and(col("mine").is_not_null()))
        .select([
            col("person_id"),
            counterpart.alias("country"),
            col("start_date"),
            col("at"),
            col("k"),
        ]);
    // The countries a principal was with: the sides other than their own.
    let with = concat(
        ["a", "b"].map(|side| {
            seated
                .clone()
                .filter(
                    both_sides
                        .clone()
                        .and(col("mine").is_not_null())
                        .and(col(side).neq(col("mine"))),
                )
                .select([
                    col("person_id"),
                    col(side).alias("country"),
                    col("start_date"),
                    col("at"),
                    col("summit_id"),
                ])
        }),
        UnionArgs::default(),
    )?;
    // The soil a principal was on: the host, whoever they are.
    let soil = seated
        .clone()
        .filter(both_sides.and(col("host").is_not_null()))
        .select([
            col("person_id"),
            col("host").alias("country"),
            col("start_date"),
            col("at"),
            col("summit_id"),
        ]);
    let with = latest_before(
        questions.clone(),
        with,
        [
            "previous_summit_with_counterpart",
            "days_since_summit_with_counterpart",
        ],
    )?;
    let soil = latest_before(
        questions.clone(),
        soil,
        [
            "previous_summit_on_counterpart_soil",
            "days_since_on_counterpart_soil",
        ],
    )?;
    let answers = questions
        .select([col("k"), col("country").alias("counterpart")])
        .join(with, [col("k")], [col("k")], JoinArgs::new(JoinType::Left))
        .join(soil, [col("k")], [col("k")], JoinArgs::new(JoinType::Left));
    seated
        .join(
            answers,
            [col("k")],
            [col("k")],
            JoinArgs::new(JoinType::Left),
        )
        .sort(
            ["summit_id", "person_id", "k"],
            SortMultipleOptions::default(),
        )
        .select([
            col("summit_id"),
            col("start_date"),
            col("person_id"),
            col("name"),
            col("country"),
            col("counterpart").cast(countries),
            col("previous_summit_with_counterpart"),
            col("days_since_summit_with_counterpart"),
            col("previous_summit_on_counterpart_soil"),
            col("days_since_on_counterpart_soil"),
        ])
        .collect()
}

/// For each question (person, country, summit), the latest answer of the
/// same person and country from a summit before it: its summit id and
/// the days since, named `names`, by the question's `k`. "Before" is in
/// start date, then facts order, so that an answer from the question's
/// own summit never counts.
fn latest_before(
    questions: LazyFrame,
    answers: LazyFrame,
    [previous, days_since]: [&str; 2],
) -> PolarsResult<LazyFrame> {
    let group = [col("person_id"), col("country")];
    let day = |c: Expr| c.cast(DataType::Int32).cast(DataType::Int64);
    let questions = questions.with_columns([
        lit(0i32).alias("answer"),
        lit(NULL).cast(DataType::String).alias("found"),
        lit(NULL).cast(DataType::Date).alias("found_date"),
    ]);
    let answers = answers.select([
        col("person_id"),
        col("country"),
        col("start_date"),
        col("at"),
        lit(NULL).cast(IDX_DTYPE).alias("k"),
        lit(1i32).alias("answer"),
        col("summit_id").alias("found"),
        col("start_date").alias("found_date"),
    ]);
    let forward = FillNullStrategy::Forward(None);
    Ok(concat([questions, answers], UnionArgs::default())?
        // A question sorts before the answers of its own summit.
        .sort(
            ["person_id", "country", "start_date", "at", "answer"],
            SortMultipleOptions::default(),
        )
        .with_columns([
            col("found")
                .fill_null_with_strategy(forward)
                .over(group.clone())?,
            col("found_date")
                .fill_null_with_strategy(forward)
                .over(group)?,
        ])
        .filter(col("answer").eq(lit(0i32)))
        .select([
            col("k"),
            col("found").alias(previous),
            (day(col("start_date")) - day(col("found_date"))).alias(days_since),
        ]))
}

/// A country column as its continuing states' codes, as text
/// (`SUN` is `RUS`).
fn state(country: Expr) -> Expr {
    let text = country.cast(DataType::String);
    let mut state = text.clone();
    for c in COUNTRIES
        .iter()
        .filter(|c| continuing_state(c.alpha3) != c.alpha3)
    {
        state = when(text.clone().eq(lit(c.alpha3)))
            .then(lit(continuing_state(c.alpha3)))
            .otherwise(state);
    }
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::read;
    use crate::load::schema::ColumnType;
    use crate::model::Level;

    fn country(name: &str, values: &[&str]) -> Column {
        Column::new(name.into(), values)
            .cast(&ColumnType::Country.dtype())
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
