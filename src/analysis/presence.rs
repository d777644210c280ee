//! Leaders' presence: for each principal of each summit, their previous
//! summit with the counterpart, and their previous presence on the
//! counterpart's soil, at a summit or on a visit of the official record
//! (e.g. Putin in the United States before Anchorage 2025: New York,
//! September 2015, both a summit and a visit).
//!
//! One polars plan. Each principal's summit asks a question ("my latest
//! summit with, or on the soil of, this country") and leaves answers
//! ("I was with these countries, on this soil, at this summit"); questions
//! and answers are sorted together by person, country and time, and each
//! question takes the latest answer before it: a forward fill down the
//! sorted rows, kept where that answer is the same person's about the
//! same country.

use polars::prelude::*;

use super::day_number;
use crate::model::country::COUNTRIES;

/// One row a principal of a summit (participants whose level is
/// `principal`), by summit id and person id, with the summit's
/// start date, the counterpart (the other side, as its continuing state),
/// the previous summit this person attended with the counterpart and the
/// days since, and the previous summit they attended on the counterpart's
/// soil and the days since; then their latest visit to the counterpart's
/// soil in `visits` (rows of `visits.csv` with their `person_id`) that
/// ended before the summit began, and the days from its last day. Only
/// summits in the collection count; summits on the same day are taken in
/// the facts' order (dyad, then id), and a person listed twice at a
/// summit looks back from it once.
pub fn leader_presence(
    facts: &DataFrame,
    participants: &DataFrame,
    visits: &DataFrame,
) -> PolarsResult<DataFrame> {
    let countries = participants.column("country")?.dtype().clone();
    let principal = lit("principal").cast(participants.column("level")?.dtype().clone());
    // The principals, numbered in the participants' order (`k`), each with
    // their own country as its continuing state.
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
            state(col("country"), &countries).alias("mine"),
        ])
        .cache();
    // People as numbers (`who`), so that the sorts below compare integers,
    // not text.
    let people = principals
        .clone()
        .select([col("person_id")])
        .unique_stable(None, UniqueKeepStrategy::First)
        .with_row_index("who", None);
    let principals = principals.join(
        people,
        [col("person_id")],
        [col("person_id")],
        JoinArgs::new(JoinType::Inner),
    );
    // The summits in time order (`t`: start date, then facts order), with
    // both sides and the host as continuing states.
    let summits = facts
        .clone()
        .lazy()
        .with_row_index("at", None)
        .sort(["start_date", "at"], SortMultipleOptions::default())
        .with_row_index("t", None)
        .select([
            col("summit_id"),
            col("t"),
            col("start_date"),
            state(col("side_a"), &countries).alias("a"),
            state(col("side_b"), &countries).alias("b"),
            state(col("host_country"), &countries).alias("host"),
        ])
        .cache();
    let seated = principals
        .join(
            summits.clone(),
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .cache();
    let both_sides = col("a").is_not_null().and(col("b").is_not_null());
    let placed = both_sides.clone().and(col("mine").is_not_null());
    let counterpart = when(col("a").eq(col("mine")))
        .then(col("b"))
        .otherwise(col("a"));
    // A question from each principal row whose sides and own country are
    // known.
    let questions = seated.clone().filter(placed.clone()).select([
        col("who"),
        counterpart.clone().alias("country"),
        col("start_date"),
        col("t"),
        col("k"),
    ]);
    // The countries a principal was with: the sides other than their own.
    let with = concat(
        ["a", "b"].map(|side| {
            seated
                .clone()
                .filter(placed.clone().and(col(side).neq(col("mine"))))
                .select([col("who"), col(side).alias("country"), col("t")])
        }),
        UnionArgs::default(),
    )?;
    // The soil a principal was on: the host, whoever they are.
    let soil = seated
        .clone()
        .filter(both_sides.and(col("host").is_not_null()))
        .select([col("who"), col("host").alias("country"), col("t")]);
    let bounds = [
        participants.height() as u64 + 1,
        COUNTRIES.len() as u64 + 1,
        facts.height() as u64 + 1,
    ];
    let with = latest_before(questions.clone(), with, &countries, bounds, "with_t")?;
    let soil = latest_before(questions.clone(), soil, &countries, bounds, "soil_t")?;
    // The summit each answer found, by its place in time.
    let found = |t: &str, id: &str, since: &str| {
        let date = format!("{t}_date");
        (
            summits.clone().select([
                col("t").alias(t),
                col("summit_id").alias(id),
                col("start_date").alias(date.as_str()),
            ]),
            (day_number(col("start_date")) - day_number(col(date.as_str()))).alias(since),
        )
    };
    let (with_summit, days_with) = found(
        "with_t",
        "previous_summit_with_counterpart",
        "days_since_summit_with_counterpart",
    );
    let (soil_summit, days_soil) = found(
        "soil_t",
        "previous_summit_on_counterpart_soil",
        "days_since_on_counterpart_soil",
    );
    // The latest visit of the person to the counterpart's soil that ended
    // before the summit began (a visit during which the summit was held
    // is that summit's own, not an earlier presence).
    let trips = visits
        .clone()
        .lazy()
        .filter(col("person_id").is_not_null())
        .select([
            col("person_id"),
            col("visit_id"),
            state(col("to_country"), &countries).alias("counterpart"),
            col("end_date").alias("visit_end"),
        ]);
    let visited = seated
        .clone()
        .filter(placed)
        .select([
            col("k"),
            col("person_id"),
            counterpart.clone().alias("counterpart"),
            col("start_date"),
        ])
        .join(
            trips,
            [col("person_id"), col("counterpart")],
            [col("person_id"), col("counterpart")],
            JoinArgs::new(JoinType::Inner),
        )
        .filter(col("visit_end").lt(col("start_date")))
        .sort(
            ["k", "visit_end", "visit_id"],
            SortMultipleOptions::default(),
        )
        .group_by([col("k")])
        .agg([
            col("visit_id")
                .last()
                .alias("previous_visit_to_counterpart"),
            col("visit_end").last(),
        ]);
    let left = || JoinArgs::new(JoinType::Left);
    let answers = questions
        .select([
            col("k"),
            col("country").alias("counterpart"),
            col("start_date"),
        ])
        .join(with, [col("k")], [col("k")], left())
        .join(soil, [col("k")], [col("k")], left())
        .join(with_summit, [col("with_t")], [col("with_t")], left())
        .join(soil_summit, [col("soil_t")], [col("soil_t")], left())
        .join(visited, [col("k")], [col("k")], left())
        .select([
            col("k"),
            col("counterpart"),
            col("previous_summit_with_counterpart"),
            days_with,
            col("previous_summit_on_counterpart_soil"),
            days_soil,
            col("previous_visit_to_counterpart"),
            (day_number(col("start_date")) - day_number(col("visit_end")))
                .alias("days_since_visit_to_counterpart"),
        ]);
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
            col("counterpart"),
            col("previous_summit_with_counterpart"),
            col("days_since_summit_with_counterpart"),
            col("previous_summit_on_counterpart_soil"),
            col("days_since_on_counterpart_soil"),
            col("previous_visit_to_counterpart"),
            col("days_since_visit_to_counterpart"),
        ])
        .collect()
}

/// For each question (person, country, summit), the latest answer of the
/// same person and country from a summit before it, as the `t` of that
/// summit, named `name`, by the question's `k`. "Before" is in time
/// order `t`, so that an answer from the question's own summit never
/// counts. `countries` is the dtype of the `country` columns; `bounds`
/// are numbers above every `who`, country code and `t`.
fn latest_before(
    questions: LazyFrame,
    answers: LazyFrame,
    countries: &DataType,
    bounds: [u64; 3],
    name: &str,
) -> PolarsResult<LazyFrame> {
    let questions = questions.select([
        col("who"),
        col("country"),
        col("t"),
        col("k"),
        lit(0i32).alias("answer"),
        lit(NULL).cast(IDX_DTYPE).alias("found"),
        lit(NULL).cast(IDX_DTYPE).alias("found_who"),
        lit(NULL).cast(countries.clone()).alias("found_country"),
    ]);
    let answers = answers.select([
        col("who"),
        col("country"),
        col("t"),
        lit(NULL).cast(IDX_DTYPE).alias("k"),
        lit(1i32).alias("answer"),
        col("t").alias("found"),
        col("who").alias("found_who"),
        col("country").alias("found_country"),
    ]);
    // A question sorts before the answers of its own summit. The four
    // keys as one number when it fits in 64 bits: polars sorts one
    // integer column far faster than four (0.6 s against 1.5 s for the
    // 6M rows of 1M summits, carrying the columns along; release build).
    let [who, country, t] = bounds;
    let combined = who
        .checked_mul(country)
        .and_then(|x| x.checked_mul(t))
        .and_then(|x| x.checked_mul(2));
    let unioned = concat([questions, answers], UnionArgs::default())?;
    let sorted = match combined {
        Some(_) => {
            let number = |name: &str| col(name).to_physical().cast(DataType::UInt64);
            let key = ((number("who") * lit(country) + number("country")) * lit(t) + number("t"))
                * lit(2u64)
                + number("answer");
            unioned.sort_by_exprs([key], SortMultipleOptions::default())
        }
        None => unioned.sort(
            ["who", "country", "t", "answer"],
            SortMultipleOptions::default(),
        ),
    };
    // Sorted, each question is preceded by the answers before it, nearest
    // last; a forward fill brings the nearest to the question, and it
    // counts if it is the same person's about the same country.
    let forward = |name: &str| col(name).fill_null_with_strategy(FillNullStrategy::Forward(None));
    let same = col("found_who")
        .eq(col("who"))
        .and(col("found_country").eq(col("country")));
    Ok(sorted
        .with_columns(["found", "found_who", "found_country"].map(forward))
        .filter(col("answer").eq(lit(0i32)))
        .select([
            col("k"),
            when(same)
                .then(col("found"))
                .otherwise(lit(NULL).cast(IDX_DTYPE))
                .alias(name),
        ]))
}

/// A country column as its continuing states (`SUN` is `RUS`), in the
/// country Enum `countries`.
fn state(country: Expr, countries: &DataType) -> Expr {
    super::continuing_state_of(country).cast(countries.clone())
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
    fn the_latest_answer_before_a_question_is_found_with_one_key_or_four() {
        let usa = |n: usize| country("country", &vec!["USA"; n]);
        let mut questions = df!(
            "who" => [0u32, 0],
            "t" => [1u32, 3],
            "k" => [10u32, 11],
        )
        .unwrap();
        questions.with_column(usa(2)).unwrap();
        // Person 0's answers at t 0, 2 and 3 (the second question's own
        // summit), and person 1's at t 2.
        let mut answers = df!(
            "who" => [0u32, 0, 0, 1],
            "t" => [0u32, 2, 3, 2],
        )
        .unwrap();
        answers.with_column(usa(4)).unwrap();
        let dtype = ColumnType::Country.dtype();
        let found = |bounds| {
            let df = latest_before(
                questions.clone().lazy(),
                answers.clone().lazy(),
                &dtype,
                bounds,
                "found_t",
            )
            .unwrap()
            .sort(["k"], SortMultipleOptions::default())
            .collect()
            .unwrap();
            read::int(&df, "found_t").unwrap()
        };
        let one_key = found([3, COUNTRIES.len() as u64 + 1, 5]);
        assert_eq!(one_key, [Some(0), Some(2)]);
        // Bounds whose product overflows 64 bits: the four keys sorted as
        // they are.
        assert_eq!(found([u64::MAX, 2, 2]), one_key);
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

        let p = leader_presence(
            &facts,
            &participants,
            &crate::load::schema::empty(crate::load::Table::Visits),
        )
        .unwrap();
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
