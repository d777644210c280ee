//! The fuzz targets' entry points, one function an input kind. The
//! `cargo fuzz` targets in `fuzz_targets/` call them, and so does the
//! stable test that replays the committed corpus and every crash input
//! (`tests/it/fuzz.rs` includes this file), so what was found stays
//! fixed. Each feeds the bytes to summitry's public entry point as a user
//! would give them, and checks what must hold whatever the input: no
//! panic, and an accepted input that can never point outside its place.

use std::path::{Path, PathBuf};

use summitry::export::atomic::is_plain_relative;
use summitry::load::Table;
use summitry::study::{Manifest, Study};

/// The line that separates the seven tables in a `tables` input, in the
/// order of [`Table::ALL`]: summits, participants, outcomes, context,
/// statements, sources, visits. A missing part leaves the table's file
/// absent. It also separates the two XML files of a `history_state`
/// input.
pub const SEPARATOR: &[u8] = b"\n--8<--\n";

/// A directory of this process's own, emptied for each input.
fn scratch(kind: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "summitry-fuzz-{kind}-{}-{:?}",
        std::process::id(),
        std::thread::current().id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch directory can be made");
    dir
}

/// Splits `data` at each [`SEPARATOR`].
pub fn parts(data: &[u8]) -> Vec<&[u8]> {
    let mut parts = Vec::new();
    let mut rest = data;
    while let Some(at) = rest.windows(SEPARATOR.len()).position(|w| w == SEPARATOR) {
        parts.push(&rest[..at]);
        rest = &rest[at + SEPARATOR.len()..];
    }
    parts.push(rest);
    parts
}

/// Loads a collection and checks what any answer must satisfy.
fn load(dir: &Path) {
    match summitry::load::collection(dir) {
        Ok(data) => {
            // A collection that loads is whole: every summary can be made.
            // (Errors here are allowed, panics are not.)
            let _ = summitry::analysis::facts(&data);
            if let Ok(ids) = data
                .summits()
                .column("summit_id")
                .and_then(|c| c.str().cloned())
            {
                for id in ids.iter().flatten().take(3) {
                    let _ = data.record(id);
                }
            }
        }
        Err(summitry::Error::Invalid(report)) => {
            assert!(
                !report.findings.is_empty(),
                "an invalid load names a problem"
            );
            for finding in &report.findings {
                assert!(
                    finding
                        .location
                        .path
                        .starts_with(&dir.display().to_string()),
                    "a finding points into the collection: {finding}"
                );
            }
        }
        Err(_) => {}
    }
}

/// The CSV tables of a collection: `data` is up to seven files separated
/// by [`SEPARATOR`].
pub fn tables(data: &[u8]) {
    let dir = scratch("tables");
    for (table, bytes) in Table::ALL.iter().zip(parts(data)) {
        std::fs::write(dir.join(table.file_name()), bytes).expect("writable scratch");
    }
    load(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

fn record(data: &[u8], ext: &str) {
    let dir = scratch(ext);
    std::fs::create_dir(dir.join("records")).expect("writable scratch");
    std::fs::write(dir.join("records").join(format!("fuzzed.{ext}")), data)
        .expect("writable scratch");
    load(&dir);
    let _ = std::fs::remove_dir_all(&dir);
}

/// One JSON record file, as `records/fuzzed.json` of a collection.
pub fn json_record(data: &[u8]) {
    record(data, "json");
}

/// One TOML record file, as `records/fuzzed.toml` of a collection.
pub fn toml_record(data: &[u8]) {
    record(data, "toml");
}

/// A study spec. One that is accepted writes only to `out/<name>` under
/// the working directory, reads only below its own directory, and reads
/// back the same from its normal form.
pub fn study_spec(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(study) = Study::parse("fuzzed.toml", text) else {
        return;
    };
    let out = study.output_dir();
    let mut parts = out.components();
    assert_eq!(parts.next().map(|c| c.as_os_str()), Some("out".as_ref()));
    assert!(
        matches!(parts.next(), Some(std::path::Component::Normal(_))) && parts.next().is_none(),
        "{} is one directory below out/",
        out.display()
    );
    assert!(
        study.collection == "embedded" || is_plain_relative(&study.collection),
        "{:?} stays below the spec",
        study.collection
    );
    assert!(!study.focus.is_empty());
    let normal = study
        .normalised()
        .expect("an accepted study can be written");
    let again = Study::parse("normalised.toml", &normal).expect("the normal form reads back");
    assert_eq!(again, study);
}

/// A manifest given to `verify`. One that is accepted names only plain
/// relative paths, and its study is one `study_spec` would accept.
pub fn manifest(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(manifest) = Manifest::parse("manifest.json", text) else {
        return;
    };
    for entry in manifest.inputs.iter().chain(&manifest.outputs) {
        assert!(is_plain_relative(&entry.path), "{:?}", entry.path);
    }
    study_spec(
        manifest
            .study
            .normalised()
            .expect("an accepted study can be written")
            .as_bytes(),
    );
}

/// The Office of the Historian's records, as `summitry import
/// history-state` reads them: `data` is a visits file
/// (`visits/data/fuzzed.xml`) and a president's travels file
/// (`travels/president-travels/fuzzed.xml`) separated by [`SEPARATOR`],
/// beside a fixed `presidents.xml` and role code table. Every record read
/// is either written or set aside, a set-aside record and a syntax error
/// point into the input, and what is written loads as a valid collection.
pub fn history_state(data: &[u8]) {
    use summitry::import::{self, history_state};
    let dir = scratch("history-state");
    let parts = parts(data);
    for (rel, part) in [
        ("visits/data/fuzzed.xml", parts.first()),
        ("travels/president-travels/fuzzed.xml", parts.get(1)),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("writable scratch");
        std::fs::write(&path, part.copied().unwrap_or_default()).expect("writable scratch");
    }
    for (rel, text) in [
        (
            "travels/presidents/presidents.xml",
            "<presidents><president><id>obama-barack</id></president></presidents>",
        ),
        (
            "travels/code-tables/travel-role-codes.xml",
            "<code-table><items><item><label>President</label><value>president</value></item></items></code-table>",
        ),
    ] {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("writable scratch");
        std::fs::write(&path, text).expect("writable scratch");
    }
    let inside = |path: &str| path.starts_with(&dir.display().to_string());
    match history_state::read(&dir) {
        Ok(read) => {
            assert_eq!(
                read.records,
                read.rows.len() + read.set_aside.len(),
                "every record is written or set aside"
            );
            for aside in &read.set_aside {
                assert!(inside(&aside.location.path), "{}", aside.finding());
            }
            let out = dir.join("out");
            match import::write(&read.rows, &out, "import history-state") {
                Ok(n) => assert_eq!(n, read.rows.len()),
                Err(e) => panic!("a mapped record could not be written as a valid collection: {e}"),
            }
        }
        Err(summitry::Error::Syntax { location, .. }) => {
            assert!(inside(&location.path), "{location}");
        }
        Err(_) => {}
    }
    let _ = std::fs::remove_dir_all(&dir);
}
