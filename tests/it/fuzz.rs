//! The fuzz targets' corpus and every input that once made one fail,
//! replayed on the stable toolchain through the same entry points
//! (`fuzz/src/lib.rs`), so that what the fuzzers found stays fixed. See
//! RELIABILITY.md.

use std::path::Path;

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod harness;

/// Feeds every file of `fuzz/corpus/<target>` and `fuzz/regressions/<target>`
/// to `entry`; returns how many there were.
fn replay(target: &str, entry: fn(&[u8])) -> usize {
    let mut count = 0;
    for kind in ["corpus", "regressions"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fuzz")
            .join(kind)
            .join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<_> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| entry(&bytes));
            assert!(outcome.is_ok(), "{} fails again", path.display());
            count += 1;
        }
    }
    count
}

#[test]
fn tables() {
    assert!(replay("tables", harness::tables) >= 10);
}

#[test]
fn json_records() {
    assert!(replay("json_record", harness::json_record) >= 3);
}

#[test]
fn toml_records() {
    assert!(replay("toml_record", harness::toml_record) >= 3);
}

#[test]
fn study_specs() {
    assert!(replay("study_spec", harness::study_spec) >= 2);
}

#[test]
fn manifests() {
    assert!(replay("manifest", harness::manifest) >= 1);
}

#[test]
fn a_tables_input_is_cut_into_the_six_files() {
    assert_eq!(
        harness::parts(b"a\n--8<--\nb\n--8<--\n"),
        [&b"a"[..], &b"b"[..], &b""[..]]
    );
    assert_eq!(harness::parts(b"no separator"), [&b"no separator"[..]]);
}

#[test]
fn history_state_records() {
    assert!(replay("history_state", harness::history_state) >= 3);
}
