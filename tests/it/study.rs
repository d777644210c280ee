//! `summitry run` and `summitry verify`: a study run is reproducible to
//! the byte, and verify names whatever has changed since.

use std::path::{Path, PathBuf};

use crate::util::{files_below, in_package, summitry};

/// A small study on a copy of the hand-made collection, SVG only.
fn small_study(dir: &Path) -> PathBuf {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for (name, bytes) in files_below(&in_package("tests/fixtures/analysis-small")) {
        std::fs::write(data.join(name), bytes).unwrap();
    }
    let spec = dir.join("small.toml");
    std::fs::write(
        &spec,
        r#"name = "small"
title = "A small study"
collection = "data"
focus = ["1995-moscow"]

[charts]
kinds = ["gaps", "outcomes"]
languages = ["en", "ar"]
formats = ["svg"]

[summaries]
tables = ["summit_summary.csv", "dyad_history.csv"]
"#,
    )
    .unwrap();
    spec
}

/// The small study in a fresh directory, run once into its `out/`: the
/// directory (removed when dropped), the spec and the output.
fn small_study_run() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let out = dir.path().join("out");
    run(&spec, &out);
    (dir, spec, out)
}

fn verify(out: &Path) -> crate::util::Output {
    summitry(&["verify", out.join("manifest.json").to_str().unwrap()])
}

/// Runs `summitry run SPEC --out OUT --quiet`.
fn try_run(spec: &Path, out: &Path) -> crate::util::Output {
    summitry(&[
        "run",
        spec.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ])
}

fn run(spec: &Path, out: &Path) {
    let result = try_run(spec, out);
    assert_eq!(result.code, 0, "{}", result.stderr);
}

#[test]
fn the_default_study_runs_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("alaska");
    let result = summitry(&["run", "--out", out.to_str().unwrap(), "--quiet"]);
    assert_eq!(result.code, 0, "{}", result.stderr);
    let report = std::fs::read_to_string(out.join("report.md")).unwrap();
    for fact in [
        "1,521 days: the longest gap since 1979–1985",
        "Last on USA soil at 2015-new-york, 3,609 days before",
        "No joint statement; 43 of the 45 earlier RUS-USA summits coded had a joint statement (unusual)",
        "Absent from the table: Ukraine, European Union",
        "The 3rd highest of 96",
        "The first RUS-USA summit in United States since 2015-new-york (2015)",
    ] {
        assert!(report.contains(fact), "the report lacks {fact:?}");
    }
    assert!(out.join("charts/gaps-ar.png").exists());
    let verified = verify(&out);
    assert_eq!(verified.code, 0, "{}", verified.stdout);
    assert!(
        verified.stdout.starts_with("verified: "),
        "{}",
        verified.stdout
    );
}

#[test]
fn two_runs_give_the_same_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    run(&spec, &a);
    run(&spec, &b);
    let outputs = |d: &Path| -> Vec<(String, Vec<u8>)> {
        files_below(d)
            .into_iter()
            .filter(|(name, _)| name != "manifest.json")
            .collect()
    };
    assert_eq!(outputs(&a), outputs(&b));
}

#[test]
fn verify_names_a_tampered_output() {
    // `_dir` keeps the directory until the test ends.
    let (_dir, _, out) = small_study_run();
    let chart = out.join("charts/gaps-en.svg");
    let mut bytes = std::fs::read(&chart).unwrap();
    bytes.extend_from_slice(b"<!-- edited -->");
    std::fs::write(&chart, bytes).unwrap();
    let verified = verify(&out);
    assert_eq!(verified.code, 1);
    assert!(
        verified
            .stdout
            .contains("output charts/gaps-en.svg: the file differs from the manifest"),
        "{}",
        verified.stdout
    );
    assert!(
        verified.stdout.lines().count() == 2 && verified.stdout.contains("not verified: 1 of "),
        "{}",
        verified.stdout
    );
}

#[test]
fn verify_names_a_changed_input() {
    let (dir, _, out) = small_study_run();
    let sources = dir.path().join("data/sources.csv");
    let mut text = std::fs::read_to_string(&sources).unwrap();
    text.push_str("1995-moscow,https://example.org/added,Added,Example,2026-11-24\n");
    std::fs::write(&sources, text).unwrap();
    let verified = verify(&out);
    assert_eq!(verified.code, 1);
    assert!(
        verified.stdout.contains("input sources.csv: sha256 "),
        "{}",
        verified.stdout
    );
}

#[test]
fn a_failed_run_leaves_the_previous_results_untouched() {
    let (dir, spec, out) = small_study_run();
    let before = files_below(&out);
    let text = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("1995-moscow", "1999-atlantis");
    std::fs::write(&spec, text).unwrap();
    let result = try_run(&spec, &out);
    assert_eq!(result.code, 1, "{}", result.stderr);
    assert_eq!(files_below(&out), before);
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".partial-") || n.contains(".previous-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn an_unknown_key_in_a_study_is_an_error_at_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("typo.toml");
    std::fs::write(&spec, "name = \"x\"\ntitle = \"x\"\nfocus = [\"2025-anchorage\"]\n\n[charts]\nkind = [\"gaps\"]\n").unwrap();
    let result = summitry(&["run", spec.to_str().unwrap(), "--quiet"]);
    assert_eq!(result.code, 2, "{}", result.stderr);
    let expected = format!(
        "error: {}:6:1: invalid study: unknown field `kind`",
        spec.display()
    );
    assert!(result.stderr.starts_with(&expected), "{}", result.stderr);
}

#[test]
fn a_killed_runs_staging_directory_is_swept_by_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let out = dir.path().join("out");
    // What a run killed while writing leaves: a staging directory.
    let stale = dir.path().join(".out.partial-999999");
    std::fs::create_dir_all(stale.join("charts")).unwrap();
    std::fs::write(stale.join("charts/gaps-en.svg"), "<svg").unwrap();
    run(&spec, &out);
    assert!(!stale.exists());
    assert!(out.join("manifest.json").exists());
}
