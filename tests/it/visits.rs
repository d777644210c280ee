//! Leaders' visits: the import of the official record from hand-written
//! XML fixtures, the `visits` command on the embedded record, the
//! codebook's rules on `visits.csv`, and the audit of the curated summits
//! against the record.

use crate::util::{
    assert_golden, fixture, in_package, must_fail, must_fail_in, must_succeed, must_succeed_in,
};

const RECORDS: &str = "tests/fixtures/history-state";

fn import(out: &std::path::Path) -> crate::util::Output {
    must_succeed(&[
        "import",
        "history-state",
        RECORDS,
        "--out",
        out.to_str().unwrap(),
    ])
}

/// The fixture holds 12 records: two visits of the Soviet Union and
/// Russia told apart by date, a trip to the Soviet Union, and four that
/// cannot be mapped (an end before the start, a country with no code, a
/// trip by someone not in presidents.xml, an id used twice), each
/// reported at its line.
#[test]
fn import_maps_what_it_can_and_reports_each_record_it_sets_aside() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("official");
    let run = import(&out);
    assert_eq!(
        run.stderr,
        format!(
            "{RECORDS}/visits/data/1990.xml:21:5: set aside: <end-date> 1993-04-01 is before <start-date> 1993-04-02 [end-before-start]\n\
             {RECORDS}/visits/data/1990.xml:29:5: set aside: no country code for the id \"atlantis\": the country table has no entry for it [unknown-country]\n\
             {RECORDS}/travels/president-travels/bush-george-h-w.xml:15:5: set aside: the trip's `who` is not a president of presidents.xml [unknown-value]\n\
             {RECORDS}/visits/data/2010.xml:28:5: set aside: the id of hs-visit-201 repeats that of the record at {RECORDS}/visits/data/2010.xml:4:5 [duplicate-id]\n\
             read 12 records, wrote 8 visits to {}, set aside 4\n",
            out.display()
        )
    );
    let csv = std::fs::read(out.join("visits.csv")).unwrap();
    assert_golden("tests/golden/history-state/visits.csv", &csv);
    // What was written is a valid collection.
    must_succeed(&["validate", "--data", out.to_str().unwrap()]).stdout_contains("(8 visits)");
}

#[test]
fn import_is_deterministic_and_replaces_only_its_own_output() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    import(&a);
    import(&b);
    let read = |d: &std::path::Path| std::fs::read(d.join("visits.csv")).unwrap();
    assert_eq!(read(&a), read(&b));
    // Its own earlier output is replaced whole...
    import(&a);
    assert_eq!(read(&a), read(&b));
    // ...a directory holding anything else is not touched.
    let foreign = dir.path().join("mine");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    must_fail(
        2,
        &[
            "import",
            "history-state",
            RECORDS,
            "--out",
            foreign.to_str().unwrap(),
        ],
    );
    assert_eq!(
        std::fs::read_dir(&foreign).unwrap().count(),
        1,
        "the refused directory is as it was"
    );
}

#[test]
fn malformed_xml_is_refused_with_its_place_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("records");
    // The fixture, with one file cut short.
    for rel in [
        "visits/data/1990.xml",
        "visits/data/2010.xml",
        "travels/president-travels/obama-barack.xml",
        "travels/presidents/presidents.xml",
        "travels/code-tables/travel-role-codes.xml",
    ] {
        let to = input.join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(in_package(&format!("{RECORDS}/{rel}")), &to).unwrap();
    }
    std::fs::write(
        input.join("visits/data/2010.xml"),
        "<visits>\n  <visit>\n    <id>1</id>\n</visits>\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = must_fail_in(
        2,
        dir.path(),
        &["import", "history-state", "records", "--out", "out"],
    );
    run.stderr_contains("records/visits/data/2010.xml:4:1: not well-formed XML");
    assert!(!out.exists());
    // And a directory that is not the record's says what it expected.
    must_fail_in(
        2,
        dir.path(),
        &["import", "history-state", ".", "--out", "out"],
    )
    .stderr_contains("expected the Office of the Historian's visits/data/");
}

/// From any directory, the embedded record lists Putin's visits.
#[test]
fn visits_lists_putins_visits_from_the_embedded_record() {
    let dir = tempfile::tempdir().unwrap();
    let run = must_succeed_in(
        dir.path(),
        &[
            "visits",
            "--from",
            "RUS",
            "--to",
            "USA",
            "--person",
            "putin-vladimir",
        ],
    );
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1 + 7, "{}", run.stdout);
    assert!(lines[1].starts_with("hs-visit-1424  2000-09-06  2000-09-07  RUS"));
    assert!(lines[7].starts_with("hs-visit-2805  2015-09-28  2015-09-28  RUS           USA         multilateral  President Vladimir Putin"));
}

/// `--from RUS` finds the Soviet Union's visits too, and `--by decade`
/// counts both ways, with every decade between the first and the last.
#[test]
fn visits_by_decade_counts_both_directions_across_the_soviet_break() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("official");
    import(&out);
    let data = out.to_str().unwrap();
    let run = must_succeed(&[
        "visits", "--data", data, "--from", "RUS", "--to", "USA", "--by", "decade", "--format",
        "csv",
    ]);
    assert_eq!(
        run.stdout,
        "decade,RUS_to_USA,USA_to_RUS\n1990,2,1\n2000,0,0\n2010,1,1\n"
    );
    let run = must_succeed(&[
        "visits", "--data", data, "--from", "SUN", "--kind", "state", "--format", "csv",
    ]);
    assert_eq!(run.stdout.lines().count(), 2, "{}", run.stdout);
    run.stdout_contains("hs-visit-101,President Mikhail S. Gorbachev,gorbachev-mikhail,President,SUN,USA,1990-05-30");
    must_fail(
        1,
        &["visits", "--data", data, "--from", "RUS", "--by", "decade"],
    )
    .stderr_contains("give both --from and --to");
    must_fail(1, &["visits", "--data", data, "--from", "XXX"])
        .stderr_contains("unknown country code \"XXX\"");
}

#[test]
fn show_prints_a_visit_by_its_id() {
    let run = must_succeed(&["show", "hs-visit-2805", "--format", "json"]);
    run.stdout_contains("\"person_id\": \"putin-vladimir\"")
        .stdout_contains(
            "\"source_url\": \"https://history.state.gov/departmenthistory/visits/russia\"",
        );
}

#[test]
fn visits_csv_breaks_are_located_like_any_table() {
    let run = must_fail(2, &["validate", "--data", &fixture("visits-bad")]);
    assert_eq!(
        run.stdout,
        "tests/fixtures/visits-bad/visits.csv:2:74: end_date: end_date 2015-09-27 is before start_date 2015-09-28 [end-before-start]\n\
         tests/fixtures/visits-bad/visits.csv:3:78: kind: unknown value \"grand\": expected one of state, official, official_working, working, private, multilateral, other [unknown-value]\n\
         tests/fixtures/visits-bad/visits.csv:4:23: from_country: unknown country code \"XXX\": expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union [unknown-country]\n\
         tests/fixtures/visits-bad/visits.csv:5:1: visit_id: duplicate visit_id \"v-1\": first used at line 2 [duplicate-id]\n\
         tests/fixtures/visits-bad/visits.csv:5:85: source_url: \"not a url\" is not a web address starting with http:// or https:// [wrong-type]\n\
         invalid: tests/fixtures/visits-bad: 5 problems in 1 file\n"
    );
}

/// Every finding of the audit, on a hand-made pair of collections: a
/// summit within its visit's days, one whose talks outrun the trip's
/// dates (with the note that explains it), one with no record, one after
/// the record ends, and a record of a meeting that no summit covers.
#[test]
fn audit_reports_each_kind_of_finding() {
    let run = must_succeed(&[
        "audit",
        "--data",
        &fixture("audit-small"),
        "--format",
        "csv",
    ]);
    assert_golden("tests/golden/audit-small.csv", run.stdout.as_bytes());
    let run = must_succeed(&["audit", "--data", &fixture("audit-small")]);
    assert_eq!(
        run.stderr,
        "2 matched, 1 dates-differ, 1 no-record, 1 not-covered, 1 record-without-summit, 0 excluded\n"
    );
    must_fail(1, &["audit", "--only", "mismatched"]).stderr_contains("no finding \"mismatched\"");
}

/// On the shipped data every disagreement with the official record is
/// explained: by the summit's note in context.csv, by an exclusion, or by
/// the record ending before the summit.
#[test]
fn audit_of_the_shipped_data_leaves_nothing_unexplained() {
    let run = must_succeed(&["audit"]);
    assert_eq!(
        run.stderr,
        "183 matched, 2 dates-differ, 2 no-record, 11 not-covered, 0 record-without-summit, 1 excluded\n"
    );
    let run = must_succeed(&[
        "audit",
        "--only",
        "dates-differ,no-record,record-without-summit,excluded",
        "--format",
        "json",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows.len(), 5);
    for row in &rows {
        assert!(
            row["note"].as_str().is_some_and(|n| !n.is_empty()),
            "unexplained: {row}"
        );
    }
    let named: Vec<String> = rows
        .iter()
        .map(|r| {
            format!(
                "{} {} {}",
                r["finding"].as_str().unwrap(),
                r["summit_id"].as_str().unwrap_or("-"),
                r["visit_id"].as_str().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        named,
        [
            "dates-differ 1959-camp-david hs-visit-2385",
            "no-record 2017-new-york -",
            "no-record 2019-new-york -",
            "dates-differ 2021-washington hs-visit-3028",
            "excluded - hs-trip-2375",
        ]
    );
}

/// A folder or file of the records that is a symbolic link could lead
/// anywhere: the import refuses it and writes nothing.
#[cfg(unix)]
#[test]
fn import_refuses_a_linked_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("records");
    std::fs::create_dir_all(input.join("visits")).unwrap();
    std::os::unix::fs::symlink(
        in_package(&format!("{RECORDS}/visits/data")),
        input.join("visits/data"),
    )
    .unwrap();
    must_fail_in(
        2,
        dir.path(),
        &["import", "history-state", "records", "--out", "out"],
    )
    .stderr_contains("records/visits/data: a symbolic link");
    assert!(!dir.path().join("out").exists());
}

/// The export's visits a pair of countries and decade, by kind, counted
/// by hand from the eight visits of the fixture: the Soviet Union's apart
/// from Russia's, as recorded, and a visit with no text of unknown kind.
#[test]
fn visits_by_decade_export_counts_each_kind() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("summaries");
    must_succeed(&[
        "export",
        "summaries",
        "--data",
        &fixture("visits-small"),
        "--out",
        out.to_str().unwrap(),
        "--tables",
        "visits_by_decade.csv",
    ]);
    assert_eq!(
        std::fs::read_to_string(out.join("visits_by_decade.csv")).unwrap(),
        "from_country,to_country,decade,n_visits,n_state,n_official,n_official_working,n_working,n_private,n_multilateral,n_other,n_kind_unknown\n\
         CHN,USA,2010,1,1,0,0,0,0,0,0,0\n\
         KOR,USA,2010,1,0,0,0,0,0,0,0,1\n\
         RUS,USA,1990,1,0,0,1,0,0,0,0,0\n\
         RUS,USA,2010,1,0,0,0,0,0,1,0,0\n\
         SUN,USA,1990,1,1,0,0,0,0,0,0,0\n\
         USA,RUS,2010,1,0,0,0,0,0,1,0,0\n\
         USA,SUN,1990,1,0,0,0,0,0,0,1,0\n\
         USA,VAT,2010,1,0,0,0,0,0,0,1,0\n"
    );
}
