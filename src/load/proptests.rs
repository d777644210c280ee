//! Property tests over generated collections: any sub-collection of the
//! shipped US–Russia data (some of its summits, with every row of theirs)
//! goes tables -> records (TOML and JSON) -> tables byte for byte, and
//! loads into equal frames after a round trip; and any invalid edit of one
//! is refused without a panic, the fast and the precise validators giving
//! the same verdict.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;

use super::{Table, both_verdicts, collection};
use crate::export::records::{ConvertTo, RecordFormat, write_collection};

/// The shipped US–Russia collection in canonical tables: (file, bytes),
/// texts included.
fn shipped() -> &'static Vec<(String, Vec<u8>)> {
    static SHIPPED: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SHIPPED.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("t");
        let data =
            collection(Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/us-russia")).unwrap();
        write_collection(&data, &out, ConvertTo::Tables).unwrap();
        files(&out)
    })
}

/// Every file below `dir` but the listing, as (relative path, bytes).
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    crate::export::atomic::files_below(dir)
        .unwrap()
        .into_iter()
        // The listing and the data package describe the tables; the
        // property is about the tables themselves.
        .filter(|(p, _)| p != "manifest.json" && p != crate::export::datapackage::FILE)
        .map(|(p, _)| {
            let bytes = std::fs::read(dir.join(&p)).unwrap();
            (p, bytes)
        })
        .collect()
}

/// The summit ids of the shipped collection, in canonical order.
fn ids() -> Vec<String> {
    let summits = &shipped()
        .iter()
        .find(|(p, _)| p == "summits.csv")
        .unwrap()
        .1;
    let mut reader = csv::Reader::from_reader(&summits[..]);
    reader.records().map(|r| r.unwrap()[0].to_owned()).collect()
}

/// Writes into `dir` the rows of the summits in `keep`, and the text
/// files their statements name.
fn sub_collection(dir: &Path, keep: &BTreeSet<String>) {
    let mut texts = BTreeSet::new();
    for (path, bytes) in shipped() {
        if !path.ends_with(".csv") {
            continue;
        }
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        let header = reader.headers().unwrap().clone();
        // Tables that stand on their own (exclusions) are not a summit's.
        let Some(at) = header.iter().position(|h| h == "summit_id") else {
            continue;
        };
        let file_at = header.iter().position(|h| h == "text_file");
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.write_record(&header).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            if keep.contains(&record[at]) {
                if let Some(i) = file_at
                    && !record[i].is_empty()
                {
                    texts.insert(record[i].to_owned());
                }
                writer.write_record(&record).unwrap();
            }
        }
        std::fs::write(dir.join(path), writer.into_inner().unwrap()).unwrap();
    }
    for (path, bytes) in shipped() {
        if texts.contains(path) {
            let target = dir.join(path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, bytes).unwrap();
        }
    }
}

/// A non-empty choice of summits.
fn choice() -> impl Strategy<Value = BTreeSet<String>> {
    let all = ids();
    proptest::collection::vec(any::<bool>(), all.len()).prop_map(move |mask| {
        let mut keep: BTreeSet<String> = all
            .iter()
            .zip(&mask)
            .filter(|(_, k)| **k)
            .map(|(id, _)| id.clone())
            .collect();
        if keep.is_empty() {
            keep.insert(all[0].clone());
        }
        keep
    })
}

/// Values that break some column's rule, and bytes that break the CSV.
const BAD: &[&str] = &[
    "",
    "19/11/1985",
    "2025-02-30",
    "yes",
    "-1",
    "1.5e400",
    "XXX",
    "UKR;XX",
    "somewhere",
    "no-such-summit",
    "1985-geneva",
    "../x",
    "ftp://x",
    "EN",
    "\"",
    "a\"b",
    "\u{0}",
    "200",
    "NaN",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn tables_to_records_and_back_are_byte_identical(keep in choice()) {
        let dir = tempfile::tempdir().unwrap();
        let t0 = dir.path().join("t0");
        std::fs::create_dir(&t0).unwrap();
        sub_collection(&t0, &keep);
        let original = collection(&t0).unwrap();
        // The sub-collection is already canonical: written again, the same.
        let t1 = dir.path().join("t1");
        write_collection(&original, &t1, ConvertTo::Tables).unwrap();
        prop_assert_eq!(files(&t1), files(&t0));
        for format in [RecordFormat::Toml, RecordFormat::Json] {
            let records = dir.path().join(format!("{format:?}"));
            write_collection(&original, &records, ConvertTo::Records(format)).unwrap();
            let back = dir.path().join(format!("{format:?}-back"));
            let read = collection(&records).unwrap();
            write_collection(&read, &back, ConvertTo::Tables).unwrap();
            prop_assert_eq!(files(&back), files(&t0));
            // Loaded again, the frames are equal.
            let again = collection(&back).unwrap();
            for table in Table::ALL {
                prop_assert!(
                    again.frame(table).equals_missing(original.frame(table)),
                    "{:?} differs after {:?}", table, format
                );
            }
        }
    }

    #[test]
    fn invalid_edits_are_refused_and_both_validators_agree(
        keep in choice(),
        table in 0..4usize,
        row in any::<prop::sample::Index>(),
        column in any::<prop::sample::Index>(),
        bad in prop::sample::select(BAD),
        raw in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        sub_collection(dir.path(), &keep);
        let file = ["summits.csv", "participants.csv", "outcomes.csv", "context.csv"][table];
        let path = dir.path().join(file);
        let text = std::fs::read(&path).unwrap();
        let edited = if raw {
            // A byte edit of the file: the CSV itself may break.
            let at = row.index(text.len());
            let insert: Vec<u8> = if bad.is_empty() { vec![0xff] } else { bad.bytes().collect() };
            let mut bytes = text.clone();
            bytes.splice(at..at, insert);
            bytes
        } else {
            // One cell set to a bad value, written as CSV.
            let mut reader = csv::Reader::from_reader(&text[..]);
            let header = reader.headers().unwrap().clone();
            let mut records: Vec<csv::StringRecord> =
                reader.records().map(|r| r.unwrap()).collect();
            if records.is_empty() {
                return Ok(());
            }
            let r = row.index(records.len());
            let c = column.index(header.len());
            let mut cells: Vec<String> = records[r].iter().map(str::to_owned).collect();
            cells[c] = bad.to_owned();
            records[r] = csv::StringRecord::from(cells);
            let mut writer = csv::Writer::from_writer(Vec::new());
            writer.write_record(&header).unwrap();
            for record in &records {
                writer.write_record(record).unwrap();
            }
            writer.into_inner().unwrap()
        };
        std::fs::write(&path, &edited).unwrap();
        // Never a panic, whichever way it goes.
        let loaded = collection(dir.path());
        if let Some((fast_clean, findings)) = both_verdicts(dir.path()).unwrap() {
            prop_assert_eq!(
                fast_clean,
                findings.is_empty(),
                "the fast validator says {} but the precise one found {:?}",
                if fast_clean { "clean" } else { "not clean" },
                findings
            );
            prop_assert_eq!(loaded.is_ok(), fast_clean);
        } else {
            prop_assert!(loaded.is_err());
        }
    }
}

/// Every fixture of tables gets the same verdict from both validators:
/// clean from the fast one exactly when the precise one finds nothing
/// (warnings apart). A new rule written in one form only fails here.
#[test]
fn both_validators_agree_on_every_fixture() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let dir = entry.unwrap().path();
        if !dir.join("summits.csv").is_file() {
            continue;
        }
        let Some((fast_clean, findings)) = both_verdicts(&dir).unwrap() else {
            continue;
        };
        let errors: Vec<_> = findings.iter().filter(|f| !f.rule.is_warning()).collect();
        assert_eq!(
            fast_clean,
            errors.is_empty(),
            "{}: the fast validator says {} but the precise one found {errors:?}",
            dir.display(),
            if fast_clean { "clean" } else { "not clean" },
        );
        checked += 1;
    }
    assert!(
        checked >= 30,
        "only {checked} fixtures of tables were checked"
    );
}
