//! The analyses on a hand-made collection whose answers are known by
//! construction (tests/fixtures/analysis-small): a Soviet summit and three
//! Russian ones in one dyad, two of them on the same day (ties broken by
//! id), a single-summit dyad with no participants and an outcome row of
//! nulls, a summit with no outcome row at all.

use polars::prelude::*;
use summitry::analysis::{self, compare, history, presence, summary};
use summitry::load::{self, Collection};

use crate::util::{in_package, text};

fn small() -> Collection {
    load::collection(in_package("tests/fixtures/analysis-small")).unwrap()
}

fn ints(df: &DataFrame, name: &str) -> Vec<Option<i64>> {
    df.column(name)
        .unwrap()
        .cast(&DataType::Int64)
        .unwrap()
        .i64()
        .unwrap()
        .iter()
        .collect()
}

fn floats(df: &DataFrame, name: &str) -> Vec<Option<f64>> {
    df.column(name)
        .unwrap()
        .cast(&DataType::Float64)
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect()
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values.iter().map(|v| Some((*v).to_owned())).collect()
}

#[test]
fn facts_order_dyads_break_ties_by_id_and_continue_the_soviet_union() {
    let facts = analysis::facts(&small()).unwrap();
    assert_eq!(
        text(&facts, "summit_id"),
        some(&[
            "1990-beijing",
            "1985-geneva",
            "1992-a",
            "1992-b",
            "1995-moscow"
        ])
    );
    assert_eq!(
        text(&facts, "dyad"),
        some(&["CHN-USA", "RUS-USA", "RUS-USA", "RUS-USA", "RUS-USA"])
    );
    assert_eq!(
        ints(&facts, "seq"),
        [Some(1), Some(1), Some(2), Some(3), Some(4)]
    );
    assert_eq!(
        ints(&facts, "gap_days"),
        [None, None, Some(2265), Some(0), Some(1193)]
    );
    assert_eq!(
        ints(&facts, "n_participants"),
        [Some(0), Some(2), Some(3), Some(2), Some(5)]
    );
    assert_eq!(
        ints(&facts, "n_economic"),
        [Some(0), Some(0), Some(1), Some(0), Some(2)]
    );
    let share = floats(&facts, "economic_share");
    assert_eq!(share[0], None, "no participants: share unknown, not zero");
    assert_eq!(share[4], Some(0.4));
}

#[test]
fn dyad_decade_rates_ignore_uncoded_outcomes() {
    let facts = analysis::facts(&small()).unwrap();
    let dd = summary::dyad_decade(&facts).unwrap();
    assert_eq!(text(&dd, "dyad"), some(&["CHN-USA", "RUS-USA", "RUS-USA"]));
    assert_eq!(ints(&dd, "decade"), [Some(1990), Some(1980), Some(1990)]);
    assert_eq!(ints(&dd, "n_summits"), [Some(1), Some(1), Some(3)]);
    // 1990s: 1992-a false, 1992-b not coded, 1995 true.
    assert_eq!(
        floats(&dd, "joint_statement_rate"),
        [None, Some(1.0), Some(0.5)]
    );
    assert_eq!(floats(&dd, "mean_gap_days"), [None, None, Some(1152.67)]);
    assert_eq!(ints(&dd, "total_agreements"), [None, None, Some(2)]);
}

#[test]
fn gap_ranks_and_longest_since() {
    let facts = analysis::facts(&small()).unwrap();
    let h = history::dyad_history(&facts).unwrap();
    assert_eq!(
        ints(&h, "gap_rank"),
        [None, None, Some(1), Some(3), Some(2)]
    );
    assert_eq!(text(&h, "longer_gap_to")[4].as_deref(), Some("1992-a"));
    assert_eq!(
        text(&h, "longer_gap_from")[4].as_deref(),
        Some("1985-geneva")
    );
}

#[test]
fn leaders_previous_meetings_and_presence_on_the_counterparts_soil() {
    let data = small();
    let facts = analysis::facts(&data).unwrap();
    let p = presence::leader_presence(&facts, data.participants(), data.visits()).unwrap();
    let row = |summit: &str, person: &str| {
        let ids = text(&p, "summit_id");
        let people = text(&p, "person_id");
        (0..p.height())
            .find(|&i| ids[i].as_deref() == Some(summit) && people[i].as_deref() == Some(person))
            .unwrap()
    };
    let y = row("1995-moscow", "yeltsin-boris");
    assert_eq!(
        text(&p, "previous_summit_with_counterpart")[y].as_deref(),
        Some("1992-b")
    );
    assert_eq!(ints(&p, "days_since_on_counterpart_soil")[y], Some(1193));
    let b = row("1992-b", "bush-george-hw");
    assert_eq!(
        text(&p, "previous_summit_on_counterpart_soil")[b].as_deref(),
        Some("1992-a")
    );
    assert_eq!(ints(&p, "days_since_summit_with_counterpart")[b], Some(0));
    let g = row("1985-geneva", "gorbachev-mikhail");
    assert_eq!(text(&p, "counterpart")[g].as_deref(), Some("USA"));
    assert_eq!(text(&p, "previous_summit_with_counterpart")[g], None);
}

#[test]
fn compare_states_the_verdicts_known_by_construction() {
    let data = small();
    let table = compare::compare(&data, "1995-moscow", compare::CompareOptions::default()).unwrap();
    let metrics = text(&table, "metric");
    let verdict = |m: &str| {
        let i = metrics
            .iter()
            .position(|x| x.as_deref() == Some(m))
            .unwrap();
        text(&table, "verdict")[i].clone().unwrap()
    };
    assert_eq!(
        verdict("gap_days"),
        "1,193 days: the longest gap since 1985–1992 (2 of 3 gaps, 1 = longest)"
    );
    assert_eq!(
        verdict("joint_statement"),
        "a joint statement; 1 of the 2 earlier RUS-USA summits coded had a joint statement"
    );
    assert_eq!(
        verdict("economic_share"),
        "the 1st highest of 4: higher than 3 of the 3 earlier RUS-USA summits with participants recorded"
    );
    assert_eq!(
        verdict("venue"),
        "the first RUS-USA summit in Russia since 1992-a (1992)"
    );
    assert_eq!(
        verdict("presence:yeltsin-boris"),
        "last on USA soil at 1992-b, 1,193 days before; no earlier visit in the official record"
    );

    // --last 1: only 1992-b, whose joint statement is not coded.
    let last = compare::CompareOptions::default().with_last(Some(1));
    let table = compare::compare(&data, "1995-moscow", last).unwrap();
    let i = text(&table, "metric")
        .iter()
        .position(|m| m.as_deref() == Some("joint_statement"))
        .unwrap();
    assert_eq!(
        text(&table, "history")[i].as_deref(),
        Some("not coded for the last 1 earlier RUS-USA summits")
    );
}

#[test]
fn a_single_summit_dyad_compares_with_nothing() {
    let table = compare::compare(&small(), "1990-beijing", Default::default()).unwrap();
    let metrics = text(&table, "metric");
    let i = metrics
        .iter()
        .position(|m| m.as_deref() == Some("gap_days"))
        .unwrap();
    assert_eq!(
        text(&table, "verdict")[i].as_deref(),
        Some("the first CHN-USA summit")
    );
    let j = metrics
        .iter()
        .position(|m| m.as_deref() == Some("economic_share"))
        .unwrap();
    assert_eq!(text(&table, "this")[j].as_deref(), Some("unknown"));
}

#[test]
fn compare_names_an_unknown_summit() {
    let err = compare::compare(&small(), "2030-nowhere", Default::default()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no summit \"2030-nowhere\" in tests/fixtures/analysis-small".replace(
            "tests/fixtures/analysis-small",
            &in_package("tests/fixtures/analysis-small")
                .display()
                .to_string()
        )
    );
}

#[test]
fn venues_measure_distances_from_both_capitals() {
    let facts = analysis::facts(&small()).unwrap();
    let v = summary::venues(&facts).unwrap();
    // 1995-moscow is in Moscow: 0 km from Moscow, ~7,820 from Washington.
    let a = ints(&v, "km_from_capital_a")[4].unwrap();
    assert!((a - 7_820).abs() < 30, "{a}");
    assert_eq!(ints(&v, "km_from_capital_b")[4], Some(0));
    let third: Vec<Option<bool>> = v
        .column("third_country")
        .unwrap()
        .bool()
        .unwrap()
        .iter()
        .collect();
    assert_eq!(
        third,
        [
            Some(false),
            Some(true),
            Some(false),
            Some(false),
            Some(false)
        ]
    );
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn collections_loaded_together_give_the_same_presence_as_each_alone() {
    // Two collections with sorted ids, loaded together: every principal
    // of the second looks back exactly as in the second alone, since the
    // first shares no person with it.
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&in_package("tests/fixtures/valid"), &dir.path().join("a"));
    copy_dir(
        &in_package("tests/fixtures/synthetic-200"),
        &dir.path().join("b"),
    );
    let both = load::collection(dir.path()).unwrap();
    assert_eq!(both.members().len(), 2);
    let alone = load::collection(in_package("tests/fixtures/synthetic-200")).unwrap();
    let presence = |data: &Collection| {
        let facts = analysis::facts(data).unwrap();
        presence::leader_presence(&facts, data.participants(), data.visits()).unwrap()
    };
    let (together, alone) = (presence(&both), presence(&alone));
    assert!(alone.height() > 100);
    let ids: std::collections::HashSet<Option<String>> =
        text(&alone, "summit_id").into_iter().collect();
    let of_alone: BooleanChunked = text(&together, "summit_id")
        .iter()
        .map(|id| ids.contains(id))
        .collect();
    let of_b = together.filter(&of_alone).unwrap();
    assert!(of_b.height() < together.height());
    assert!(of_b.equals_missing(&alone), "{of_b}\n{alone}");
    // The shuffled copy of the same summits gives the same table.
    let shuffled = load::collection(in_package("tests/fixtures/synthetic-200-shuffled")).unwrap();
    assert!(presence(&shuffled).equals_missing(&alone));
}

/// The seed article's second claim, from the official record: Putin was
/// last on US soil at the UN General Assembly of September 2015, 3,609
/// days before Anchorage, and no Russian leader came in between.
#[test]
fn anchorage_finds_putins_last_us_visit_in_the_official_record() {
    let data = summitry::load::default_data().unwrap();
    let table = compare::compare(&data, "2025-anchorage", Default::default()).unwrap();
    let metrics = text(&table, "metric");
    let row = |m: &str, column: &str| {
        let i = metrics
            .iter()
            .position(|x| x.as_deref() == Some(m))
            .unwrap();
        text(&table, column)[i].clone().unwrap()
    };
    assert_eq!(
        row("previous_visit", "verdict"),
        "the first visit by a leader of Russia to the United States since 2015 (hs-visit-2805, 3,609 days before); the official record runs to 2024-12-02"
    );
    assert_eq!(
        row("previous_visit", "history"),
        "31 earlier in the official record, 1959–2015 (leaders of the Soviet Union and Russia); latest 2015-09-28, President Vladimir Putin"
    );
    assert_eq!(
        row("presence:putin-vladimir", "verdict"),
        "last on USA soil at 2015-new-york, 3,609 days before, during a visit of the official record (hs-visit-2805, 2015-09-28 to 2015-09-28)"
    );
    // A Soviet summit in Washington names the Soviet Union, and the visit
    // it was held during is not an earlier one; within two years of the
    // last visit, that visit is "the previous", not a "first since".
    let table = compare::compare(&data, "1990-washington", Default::default()).unwrap();
    let metrics = text(&table, "metric");
    let i = metrics
        .iter()
        .position(|x| x.as_deref() == Some("previous_visit"))
        .unwrap();
    assert_eq!(
        text(&table, "verdict")[i].as_deref(),
        Some(
            "the previous visit by a leader of the Soviet Union to the United States: hs-visit-697, 539 days before"
        )
    );
    // A summit in a third country has no visiting side.
    let table = compare::compare(&data, "2021-geneva", Default::default()).unwrap();
    assert!(
        !text(&table, "metric")
            .iter()
            .any(|m| m.as_deref() == Some("previous_visit"))
    );
}

/// A count of `audit --quality`'s table for the US–Soviet/Russian dyad
/// in one scope (a decade, `all` or `bilateral`).
fn rus_usa_quality(table: &DataFrame, scope: &str, column: &str) -> i64 {
    let at = text(table, "scope")
        .iter()
        .zip(text(table, "dyad"))
        .position(|(s, d)| s.as_deref() == Some(scope) && d.as_deref() == Some("RUS-USA"))
        .unwrap();
    table
        .column(column)
        .unwrap()
        .i64()
        .unwrap()
        .get(at)
        .unwrap()
}

/// Coding coverage, counted by hand on the small collection: of the four
/// US–Soviet/Russian summits, three have a joint statement coded and two
/// an agreement count; only Moscow 1995 names a delegate for each side
/// (1992-a names a Russian one only).
#[test]
fn quality_counts_coded_fields_and_two_sided_delegations() {
    let table = summitry::analysis::quality::quality(&small()).unwrap();
    let row = |scope: &str| {
        [
            "summits",
            "joint_statement_pct",
            "agreements_signed_pct",
            "delegations_pct",
        ]
        .map(|c| rus_usa_quality(&table, scope, c))
    };
    assert_eq!(row("all"), [4, 75, 50, 25]);
    assert_eq!(row("1990s"), [3, 67, 67, 33]);
    assert_eq!(row("1980s"), [1, 100, 0, 0]);
    assert_eq!(text(&table, "scope").len(), 7);
}

/// A primary source counts for a summit only when it is about that summit
/// alone: an official page cited for two summits (a list of trips) makes
/// neither of them sourced to a primary source, while an archive's
/// memorandum cited for one does, and a news story never does.
#[test]
fn a_primary_source_shared_by_summits_is_not_specific_to_either() {
    let dir = tempfile::tempdir().unwrap();
    for table in ["summits", "participants", "outcomes", "context"] {
        std::fs::copy(
            in_package(&format!("tests/fixtures/analysis-small/{table}.csv")),
            dir.path().join(format!("{table}.csv")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.path().join("sources.csv"),
        "summit_id,url,title,publisher,accessed,tier,side\n\
         1985-geneva,https://history.example/trips,Trips,Historian,2026-12-05,official,USA\n\
         1992-b,https://history.example/trips,Trips,Historian,2026-12-05,official,USA\n\
         1992-b,https://archive.example/memcon,Memorandum,Archive,2026-12-05,archive,\n\
         1992-a,https://news.example/story,Story,Paper,2026-12-05,news,\n",
    )
    .unwrap();
    let data = load::collection(dir.path()).unwrap();
    let table = summitry::analysis::quality::quality(&data).unwrap();
    let primary = |scope: &str| rus_usa_quality(&table, scope, "primary_source_pct");
    // Of four summits only 1992-b has one; Geneva 1985 has the shared list.
    assert_eq!(primary("all"), 25);
    assert_eq!(primary("1980s"), 0);
    assert_eq!(primary("1990s"), 33);
}
