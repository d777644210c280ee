//! `summitry convert`: tables and records hold the same data, and a round
//! trip through either record format gives back the shipped tables byte
//! for byte.

use crate::util::{files_below, in_package, must_fail, must_succeed};

fn round_trip(records_as: &str) {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    let tables = dir.path().join("tables");
    must_succeed(&[
        "convert",
        "--to",
        "records",
        "--records-as",
        records_as,
        "--out",
        records.to_str().unwrap(),
    ]);
    must_succeed(&[
        "convert",
        "--data",
        records.to_str().unwrap(),
        "--to",
        "tables",
        "--out",
        tables.to_str().unwrap(),
    ]);
    let shipped: Vec<(String, Vec<u8>)> = files_below(&in_package("datasets"))
        .into_iter()
        .filter(|(rel, _)| rel.ends_with(".csv") || rel.contains("/texts/"))
        .collect();
    // Beside the tables, the listing of what convert wrote and the data
    // packages (of data read from a directory, so without the shipped
    // licences: `shipped_data_packages_are_what_convert_writes`).
    let back: Vec<(String, Vec<u8>)> = files_below(&tables)
        .into_iter()
        .filter(|(rel, _)| rel != "manifest.json" && !rel.ends_with("datapackage.json"))
        .collect();
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&back), names(&shipped));
    for ((name, a), (_, b)) in shipped.iter().zip(&back) {
        assert!(
            a == b,
            "{name} differs after the round trip through {records_as} records"
        );
    }
}

/// Each shipped collection's `datapackage.json` is what `convert --to
/// tables` writes for the embedded data: made from the schema, never
/// edited by hand, with the shipped licences.
#[test]
fn shipped_data_packages_are_what_convert_writes() {
    let dir = tempfile::tempdir().unwrap();
    let tables = dir.path().join("tables");
    must_succeed(&[
        "convert",
        "--to",
        "tables",
        "--out",
        tables.to_str().unwrap(),
    ]);
    let packages = |root: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        files_below(root)
            .into_iter()
            .filter(|(rel, _)| rel.ends_with("/datapackage.json"))
            .collect()
    };
    let shipped = packages(&in_package("datasets"));
    assert_eq!(
        shipped.len(),
        8,
        "a data package for every shipped collection"
    );
    assert_eq!(packages(&tables), shipped);
    let json = |name: &str| -> serde_json::Value {
        let bytes = &shipped.iter().find(|(n, _)| n.starts_with(name)).unwrap().1;
        serde_json::from_slice(bytes).unwrap()
    };
    assert_eq!(
        json("us-official-visits/")["licenses"][0]["name"],
        "CC0-1.0"
    );
    let russia = json("us-russia/");
    assert_eq!(russia["licenses"][0]["name"], "CC-BY-4.0");
    let resources = russia["resources"].as_array().unwrap();
    let summits = resources.iter().find(|r| r["name"] == "summits").unwrap();
    assert_eq!(
        summits["schema"]["primaryKey"],
        serde_json::json!(["summit_id"])
    );
    let participants = resources
        .iter()
        .find(|r| r["name"] == "participants")
        .unwrap();
    assert_eq!(
        participants["schema"]["foreignKeys"][0]["reference"],
        serde_json::json!({ "resource": "summits", "fields": ["summit_id"] })
    );
    let format = summits["schema"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "format")
        .unwrap();
    assert_eq!(
        format["constraints"]["enum"],
        serde_json::json!(["bilateral", "sideline", "multilateral"])
    );
}

#[test]
fn shipped_data_round_trips_through_toml_records() {
    round_trip("toml");
}

#[test]
fn shipped_data_round_trips_through_json_records() {
    round_trip("json");
}

#[test]
fn both_forms_load_into_equal_frames() {
    let tables = summitry::load::collection(in_package("tests/fixtures/valid")).unwrap();
    let records = summitry::load::collection(in_package("tests/fixtures/records-valid")).unwrap();
    for table in summitry::load::Table::ALL {
        let (a, b) = (tables.frame(table), records.frame(table));
        assert_eq!(a.schema(), b.schema(), "{table:?}");
        // Records are read in file-name order; compare as sets of rows.
        let sort = |df: &polars::prelude::DataFrame| {
            let by: Vec<String> = df
                .get_column_names()
                .iter()
                .take(2)
                .map(|s| s.to_string())
                .collect();
            df.sort(by, Default::default()).unwrap()
        };
        assert!(sort(a).equals_missing(&sort(b)), "{table:?}");
    }
}

#[test]
fn convert_refuses_a_directory_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
    let out = must_fail(
        2,
        &[
            "convert",
            "--to",
            "tables",
            "--out",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(
        out.stderr,
        format!(
            "error: {} is not empty and was not written by summitry (it has no summitry manifest.json): summitry will not mix into, overwrite or delete it; choose a new or empty directory, or move its files away\n",
            dir.path().display()
        )
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
        "mine"
    );
}

/// Converting again into convert's own earlier output replaces it whole:
/// records of the first run do not survive next to the tables.
#[test]
fn convert_replaces_its_own_earlier_output_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let convert = |to: &str| {
        must_succeed(&[
            "convert",
            "--data",
            "tests/fixtures/valid",
            "--to",
            to,
            "--out",
            out.to_str().unwrap(),
        ]);
    };
    convert("records");
    assert!(out.join("records/1985-geneva.toml").exists());
    convert("tables");
    let names: Vec<String> = files_below(&out).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "context.csv",
            "datapackage.json",
            "manifest.json",
            "outcomes.csv",
            "participants.csv",
            "sources.csv",
            "statements.csv",
            "summits.csv",
            "texts/1985-geneva-joint.txt",
            "unsettled.csv",
        ]
    );
}
