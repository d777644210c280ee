//! The commands on the embedded data, as a user runs them.

use crate::util::{fixture, must_fail, must_succeed, summitry};

#[test]
fn shipped_data_is_valid() {
    let out = must_succeed(&["validate"]);
    assert!(
        out.stdout.starts_with("valid: datasets (embedded): "),
        "{}",
        out.stdout
    );
}

#[test]
fn list_filters_by_dyad_and_years_in_date_order() {
    let out = must_succeed(&[
        "list", "--dyad", "RUS-USA", "--from", "1985", "--to", "1988", "--format", "csv",
    ]);
    let ids: Vec<&str> = out
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "1985-geneva",
            "1986-reykjavik",
            "1987-washington",
            "1988-moscow",
            "1988-new-york"
        ]
    );
}

#[test]
fn list_counts_soviet_summits_in_the_russian_dyad() {
    let out = summitry(&[
        "list", "--dyad", "RUS-USA", "--to", "1945", "--format", "csv",
    ]);
    assert_eq!(
        out.stdout,
        "summit_id,start_date,end_date,dyad,format,city,host_country,name\n\
         1943-tehran,1943-11-28,1943-12-01,RUS-USA,multilateral,Tehran,IRN,Tehran Conference\n\
         1945-yalta,1945-02-04,1945-02-11,RUS-USA,multilateral,Yalta,SUN,Yalta Conference\n\
         1945-potsdam,1945-07-17,1945-08-02,RUS-USA,multilateral,Potsdam,DEU,Potsdam Conference\n"
    );
}

#[test]
fn list_reads_a_users_directory() {
    let out = must_succeed(&["list", "--data", &fixture("valid"), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(rows[0]["summit_id"], "1985-geneva");
    assert_eq!(rows[0]["dyad"], "RUS-USA");
    assert_eq!(rows[1]["city"], "Anchorage");
}

#[test]
fn show_prints_the_whole_anchorage_record_with_unknowns_spelled_out() {
    let out = must_succeed(&["show", "2025-anchorage"]);
    let text = out.stdout;
    assert!(
        text.starts_with("Anchorage Summit (2025-anchorage)\n"),
        "{text}"
    );
    for expected in [
        "  host_side     side_a\n",
        "  joint_statement         false\n",
        "  agreements              unknown\n",
        "  absent_stakeholders  UKR;EU\n",
        "context computed from the tables of facts\n",
        "  wars_side_b                  Russo-Ukrainian War\n",
        "  conflicts_between            none\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    assert!(text.contains("putin-vladimir"), "{text}");
}

#[test]
fn show_json_has_the_shape_of_a_record_file() {
    let out = summitry(&["show", "2025-anchorage", "--format", "json"]);
    let record: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(record["summit_id"], "2025-anchorage");
    assert_eq!(record["outcome"]["joint_statement"], false);
    let principals: Vec<&str> = record["participants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["level"] == "principal")
        .map(|p| p["person_id"].as_str().unwrap())
        .collect();
    assert_eq!(principals, ["trump-donald", "putin-vladimir"]);
}

#[test]
fn show_an_unknown_summit_fails_with_exit_code_1() {
    let out = must_fail(1, &["show", "1999-atlantis"]);
    assert_eq!(
        out.stderr,
        "error: no summit \"1999-atlantis\" in datasets, nor a visit of that id\n"
    );
}

#[test]
fn every_command_has_help() {
    for command in ["validate", "list", "show", "convert"] {
        let out = must_succeed(&[command, "--help"]);
        assert!(
            out.stdout.contains("Usage: summitry"),
            "{command}: {}",
            out.stdout
        );
    }
}

#[test]
fn a_directory_without_a_collection_is_refused() {
    let out = must_fail(2, &["list", "--data", "src"]);
    assert_eq!(
        out.stderr,
        "error: src: no collection here: expected summits.csv, visits.csv or records/, or subdirectories holding them\n"
    );
}

/// An error from the system is said once, after the path it concerns.
#[test]
fn a_system_error_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let target = dir.path().join("file/out");
    let out = must_fail(
        1,
        &["export", "summaries", "--out", target.to_str().unwrap()],
    );
    assert_eq!(
        out.stderr,
        format!(
            "error: {}: Not a directory (os error 20)\n",
            target.display()
        )
    );
}

/// A chart is written whole through a temporary file; a directory or a
/// link where it would go is refused, and nothing is left beside it.
#[test]
fn chart_out_replaces_a_file_whole_and_refuses_a_directory() {
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("gaps.svg");
    std::fs::write(&svg, "old").unwrap();
    must_succeed(&["chart", "gaps", "--out", svg.to_str().unwrap()]);
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    let folder = dir.path().join("folder.svg");
    std::fs::create_dir(&folder).unwrap();
    let out = must_fail(2, &["chart", "gaps", "--out", folder.to_str().unwrap()]);
    assert_eq!(
        out.stderr,
        format!(
            "error: {}: not a regular file (a directory or a link): summitry will not replace it\n",
            folder.display()
        )
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["folder.svg", "gaps.svg"]);
}

/// `compare --lang` writes the values and verdicts as the study reports
/// do, the metrics' names staying the table's.
#[test]
fn compare_speaks_arabic_and_russian() {
    let arabic = must_succeed(&[
        "compare",
        "2025-anchorage",
        "--lang",
        "ar",
        "--format",
        "csv",
    ]);
    arabic.stdout_contains("\ngap_days,1521 يومًا منذ القمة السابقة، وهي قمة جنيف (16 يونيو 2021),");
    let russian = must_succeed(&[
        "compare",
        "2025-anchorage",
        "--lang",
        "ru",
        "--format",
        "csv",
    ]);
    russian.stdout_contains("\nsequence,96-й из 96,всего 96\u{A0}саммитов в 1943–2025\u{A0}гг.,");
}

/// A summit in one side's capital is said to be in it, first, and the
/// distance to the other capital follows, in each language.
#[test]
fn a_summit_in_a_capital_is_in_it() {
    for (lang, value) in [
        // (CSV quotes a field with a Latin comma, not one with an Arabic.)
        ("en", "\"in Moscow, 7,820 km from Washington, D.C.\""),
        ("ar", "في موسكو، على بعد 7820 كيلومترًا من واشنطن"),
        ("ru", "\"в Москве, в 7\u{202F}820\u{A0}км от Вашингтона\""),
    ] {
        let out = must_succeed(&["compare", "2009-moscow", "--lang", lang, "--format", "csv"]);
        out.stdout_contains(&format!("\ndistance_from_capitals,{value},"));
    }
}
