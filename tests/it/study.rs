//! `summitry run` and `summitry verify`: a study run is reproducible to
//! the byte, and verify names whatever has changed since.

use std::path::{Path, PathBuf};

use crate::util::{
    files_below, in_package, must_fail, must_fail_in, must_succeed, must_succeed_in, summitry,
    summitry_in,
};

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

/// The small study in a fresh directory, run there once into its `out/`
/// as a user would (`summitry run small.toml --out out`): the directory
/// (removed when dropped), the spec and the output.
fn small_study_run() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let result = summitry_in(
        dir.path(),
        &["run", "small.toml", "--out", "out", "--quiet"],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    let out = dir.path().join("out");
    (dir, spec, out)
}

/// `summitry verify out/manifest.json`, run from the directory above
/// `out` (where the study was run).
fn verify(out: &Path) -> crate::util::Output {
    summitry_in(
        out.parent().unwrap(),
        &["verify", out.join("manifest.json").to_str().unwrap()],
    )
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
    must_succeed(&["run", "--out", out.to_str().unwrap(), "--quiet"]);
    let report = std::fs::read_to_string(out.join("report.en.md")).unwrap();
    for fact in [
        "1,521 days: the longest gap since 1979–1985",
        "Last on USA soil at 2015-new-york, 3,609 days before",
        "No joint statement; 49 of the 59 earlier RUS-USA summits coded had a joint statement (unusual)",
        "Absent from the table: Ukraine, European Union",
        "The 3rd highest of 96",
        "The first RUS-USA summit in the United States since 2015-new-york (2015)",
        "during a visit of the official record (hs-visit-2805, 2015-09-28 to 2015-09-28)",
        "The first visit by a leader of Russia to the United States since 2015 (hs-visit-2805, 3,609 days before)",
        "- President Vladimir Putin (`hs-visit-2805`), 2015-09-28 to 2015-09-28: [Office of the Historian, US Department of State](https://history.state.gov/departmenthistory/visits/russia)",
    ] {
        assert!(report.contains(fact), "the report lacks {fact:?}");
    }
    // The same sentences for readers of Arabic and Russian, with the
    // numbers, dates and names as those readers write them.
    let arabic = std::fs::read_to_string(out.join("report.ar.md")).unwrap();
    for fact in [
        "# قمة أنكوريج 2025 في ميزان ثمانين عامًا",
        "1521 يومًا، وهي أطول فترة انقطاع عن القمم منذ الفترة الفاصلة بين عامي 1979 و1985",
        "لم يصدر بيان مشترك، خلافًا لما جرى في 49 من أصل 59 من القمم السابقة بين روسيا والولايات المتحدة التي تتوفر عنها بيانات",
        "روسيا في حالة حرب (الحرب الروسية الأوكرانية)، بخلاف الولايات المتحدة",
        "مذكرة توقيف بحق فلاديمير بوتين صادرة عن المحكمة الجنائية الدولية عام 2023",
        "5410 كيلومترات من واشنطن، و6992 كيلومترًا من موسكو. أقرب إلى واشنطن.",
    ] {
        assert!(arabic.contains(fact), "the Arabic report lacks {fact:?}");
    }
    let russian = std::fs::read_to_string(out.join("report.ru.md")).unwrap();
    for fact in [
        "1\u{202F}521\u{A0}день\u{A0}— самый долгий перерыв со времён паузы 1979–1985\u{A0}гг.",
        "Совместного заявления не было, что нетипично: такое заявление принималось по итогам 49 из 59 предыдущих саммитов, по которым есть данные.",
        // «из 21» takes the singular.
        "лидеры отвечали на них во время 21 из 21 предыдущего саммита, по которому есть данные",
        "Россия в состоянии войны (российско-украинская война), США\u{A0}— нет.",
        "Международный уголовный суд: ордер на арест\u{A0}— Владимир Путин (2023)",
        "5\u{202F}410\u{A0}км от Вашингтона, 6\u{202F}992\u{A0}км от Москвы. Ближе к Вашингтону.",
    ] {
        assert!(russian.contains(fact), "the Russian report lacks {fact:?}");
    }
    // The README quotes one line of each report, abridged after `… `.
    let readme = std::fs::read_to_string(crate::util::in_package("README.md")).unwrap();
    let reports = [&report, &arabic, &russian];
    let quoted: Vec<&str> = readme.lines().filter(|l| l.starts_with("> - **")).collect();
    assert_eq!(quoted.len(), 3);
    for quote in quoted {
        let (label, tail) = quote[2..].split_once(": … ").unwrap();
        assert!(
            reports.iter().any(|r| r
                .lines()
                .any(|l| l.starts_with(&format!("{label}: ")) && l.ends_with(tail))),
            "the README quotes a line no report has: {quote}"
        );
    }
    // Each page says which run it came from: the manifest's inputs hash.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    let hash = manifest["inputs_sha256"].as_str().unwrap();
    assert_eq!(hash.len(), 64);
    for lang in ["en", "ar", "ru"] {
        let page = std::fs::read_to_string(out.join(format!("report.{lang}.html"))).unwrap();
        assert!(
            page.contains(hash),
            "report.{lang}.html lacks the inputs hash"
        );
        assert!(
            page.contains("@software{summitry_"),
            "report.{lang}.html lacks the citation"
        );
    }
    let page = std::fs::read_to_string(out.join("report.ar.html")).unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    // Nothing is fetched to show it: the charts are inline, no image or
    // script is loaded (the links to the charts' data are for readers).
    assert!(!page.contains("<img") && !page.contains(" src=") && !page.contains("<link"));
    assert!(out.join("charts/gaps-ar.png").exists());
    // Each chart has its data beside it, the dyads named in its language.
    let gaps = std::fs::read_to_string(out.join("charts/gaps-en.csv")).unwrap();
    assert!(gaps.starts_with("summit_id,year,gap_days,longer_gap_from,longer_gap_to\n"));
    assert!(
        gaps.ends_with("\n2025-anchorage,2025,1521,1979-vienna,1985-geneva\n"),
        "{gaps}"
    );
    let decades = std::fs::read_to_string(out.join("charts/decades-ru.csv")).unwrap();
    assert!(
        decades.contains("\nRUS-USA,2020,2,Россия–США\n"),
        "{decades}"
    );
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    assert!(
        package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["path"] == "charts/outcomes-ar.csv")
    );
    let verified = verify(&out);
    assert_eq!(verified.code, 0, "{}", verified.stdout);
    assert!(
        verified.stdout.starts_with("verified: "),
        "{}",
        verified.stdout
    );
}

/// The study of the great-power triangle in 2025 runs from the shipped
/// spec and verifies; its report sets the four summits side by side, each
/// value the one its own section gives, across three dyads.
#[test]
fn the_great_power_study_runs_and_verifies() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("great-power");
    must_succeed(&[
        "run",
        "studies/great-power-summits-2025.toml",
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let report = std::fs::read_to_string(out.join("report.en.md")).unwrap();
    for fact in [
        "| | Anchorage Summit (RUS-USA, 2025-08-15) | Busan Meeting (CHN-USA, 2025-10-30) | Moscow state visit (80th Victory Day) (CHN-RUS, 2025-05-08) | Beijing talks (SCO Tianjin and Victory parade visit) (CHN-RUS, 2025-09-02) |",
        "| Place in the dyad's history | 96th of 96 | 59th of 60 | 76th of 77 | 77th of 77 |",
        "| Days since the previous summit | 1,521 days since 2021-geneva | 348 days since 2024-lima | 198 days since 2024-kazan | 117 days since 2025-moscow |",
        "## Moscow state visit (80th Victory Day) (2025-moscow, 2025-05-08 to 2025-05-08, Moscow)",
        "- **Place in the dyad's history**: 77th of 77. History: 77 summits 1949–2025.",
    ] {
        assert!(report.contains(fact), "the report lacks {fact:?}");
    }
    for chart in ["timeline", "gaps", "outcomes", "decades", "statement-rate"] {
        for lang in ["en", "ar", "ru"] {
            assert!(out.join(format!("charts/{chart}-{lang}.png")).exists());
        }
    }
    assert!(out.join("tables/compare-2025-beijing.csv").exists());
    // The README's tour shows this table as the run writes it.
    let start = report.find("| | Anchorage").unwrap();
    let table = &report[start..start + report[start..].find("\n\n").unwrap()];
    let readme = std::fs::read_to_string(crate::util::in_package("README.md")).unwrap();
    assert!(
        readme.contains(table),
        "the README's side-by-side table is stale"
    );
    let verified = verify(&out);
    assert_eq!(verified.code, 0, "{}", verified.stdout);
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
    verified.stdout_contains("output charts/gaps-en.svg: the file differs from the manifest");
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
    verified.stdout_contains("input sources.csv: sha256 ");
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
    let result = must_fail(2, &["run", spec.to_str().unwrap(), "--quiet"]);
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
    // A user's directories with names like it: never swept.
    let mut theirs = Vec::new();
    for name in [
        ".out.partial-notes",
        ".out.partial-12a",
        "out.partial-999998",
        ".outside.partial-999998",
        ".out.previous-999998",
    ] {
        let path = dir.path().join(name);
        theirs.push((path.clone(), victim(&path)));
    }
    run(&spec, &out);
    assert!(!stale.exists());
    assert!(out.join("manifest.json").exists());
    for (path, before) in theirs {
        assert_eq!(files_below(&path), before, "{}", path.display());
    }
}

/// A directory of a user's, with a nested file, to check afterwards.
fn victim(at: &Path) -> Vec<(String, Vec<u8>)> {
    std::fs::create_dir_all(at.join("thesis")).unwrap();
    std::fs::write(at.join("thesis/chapter-1.md"), "years of work\n").unwrap();
    std::fs::write(at.join("notes.txt"), "mine\n").unwrap();
    files_below(at)
}

/// The two destructive specs of issue 14: a name that climbs out of
/// `out/`, and an `output` naming a directory elsewhere. Both are refused
/// at their line and column with exit 2, and the victim is untouched.
#[test]
fn specs_that_would_write_outside_out_are_refused_and_touch_nothing() {
    let root = tempfile::tempdir().unwrap();
    let work = root.path().join("a/b/work");
    std::fs::create_dir_all(&work).unwrap();
    let target = root.path().join("a/victim");
    let before = victim(&target);

    std::fs::write(
        work.join("climb.toml"),
        "name = \"../../victim\"\ntitle = \"t\"\nfocus = [\"2025-anchorage\"]\n",
    )
    .unwrap();
    let result = must_fail_in(2, &work, &["run", "climb.toml"]);
    assert_eq!(
        result.stderr,
        "error: climb.toml:1:8: invalid study: the name \"../../victim\" cannot name a directory: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, as in \"alaska-2025\"\n"
    );

    std::fs::write(
        work.join("elsewhere.toml"),
        format!(
            "name = \"x\"\ntitle = \"t\"\nfocus = [\"2025-anchorage\"]\noutput = {:?}\n",
            target.display().to_string()
        ),
    )
    .unwrap();
    let result = must_fail_in(2, &work, &["run", "elsewhere.toml"]);
    assert_eq!(
        result.stderr,
        "error: elsewhere.toml:4:1: invalid study: unknown field `output`, expected one of `name`, `title`, `description`, `collection`, `focus`, `compare`, `charts`, `summaries`, `translations`; a study no longer chooses where it is written: it goes to out/<name>, or to `summitry run --out DIR`\n"
    );

    // Nothing was made anywhere: not the victim, not out/.
    assert_eq!(files_below(&target), before);
    let mut names: Vec<String> = std::fs::read_dir(&work)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["climb.toml", "elsewhere.toml"]);
}

#[test]
fn names_that_are_not_plain_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "..", ".", ".hidden", "-flag", "a/b", "/abs", "", "a\\\\b", "x y",
    ] {
        std::fs::write(
            dir.path().join("s.toml"),
            format!("title = \"t\"\nfocus = [\"2025-anchorage\"]\nname = \"{name}\"\n"),
        )
        .unwrap();
        let result = must_fail_in(2, dir.path(), &["run", "s.toml"]);
        assert!(
            result
                .stderr
                .starts_with("error: s.toml:3:8: invalid study: the name "),
            "{name}: {}",
            result.stderr
        );
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn run_out_refuses_a_users_directory_and_a_link() {
    let root = tempfile::tempdir().unwrap();
    let spec = small_study(root.path());
    let target = root.path().join("mine");
    let before = victim(&target);
    let result = try_run(&spec, &target);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert_eq!(
        result.stderr,
        format!(
            "error: {} is not empty and was not written by summitry (it has no summitry manifest.json): summitry will not mix into, overwrite or delete it; choose a new or empty directory, or move its files away\n",
            target.display()
        )
    );
    assert_eq!(files_below(&target), before);

    let link = root.path().join("link");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let result = try_run(&spec, &link);
    assert_eq!(result.code, 2, "{}", result.stderr);
    assert_eq!(
        result.stderr,
        format!(
            "error: {} is a symbolic link: summitry does not write through links; give the directory itself, or a new one\n",
            link.display()
        )
    );
    assert_eq!(files_below(&target), before);
    // Nothing of the run's was left beside them.
    let mut names: Vec<String> = std::fs::read_dir(root.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["data", "link", "mine", "small.toml"]);
}

#[test]
fn a_collection_outside_the_specs_directory_is_refused() {
    let root = tempfile::tempdir().unwrap();
    small_study(root.path());
    let specs = root.path().join("specs");
    std::fs::create_dir(&specs).unwrap();
    std::fs::write(
        specs.join("up.toml"),
        "name = \"up\"\ntitle = \"t\"\ncollection = \"../data\"\nfocus = [\"1995-moscow\"]\n",
    )
    .unwrap();
    let result = must_fail_in(2, root.path(), &["run", "specs/up.toml"]);
    assert_eq!(
        result.stderr,
        "error: specs/up.toml:3:14: invalid study: the collection \"../data\" is not `embedded` or a directory below the spec's own: give a relative path without `..`, or run with `--data DIR`\n"
    );
    // Through a link: refused as well, before anything is read.
    std::os::unix::fs::symlink(root.path().join("data"), specs.join("data")).unwrap();
    std::fs::write(
        specs.join("link.toml"),
        "name = \"link\"\ntitle = \"t\"\ncollection = \"data\"\nfocus = [\"1995-moscow\"]\n",
    )
    .unwrap();
    let result = must_fail_in(2, root.path(), &["run", "specs/link.toml"]);
    assert!(
        result.stderr.starts_with(
            "error: specs/data: a symbolic link leads out of the spec's directory (to "
        ),
        "{}",
        result.stderr
    );
    // The user may point at it: --data.
    let result = summitry_in(
        root.path(),
        &["run", "specs/link.toml", "--data", "data", "--quiet"],
    );
    assert_eq!(result.code, 0, "{}", result.stderr);
    assert!(root.path().join("out/link/manifest.json").exists());
}

/// Writes a copy of a run's manifest with one change, and verifies it.
fn verify_edited(out: &Path, edit: impl Fn(&str) -> String) -> crate::util::Output {
    let text = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    std::fs::write(out.join("manifest.json"), edit(&text)).unwrap();
    verify(out)
}

#[test]
fn a_manifest_whose_paths_leave_the_run_is_refused_where_it_says_so() {
    let (_dir, _, out) = small_study_run();
    let original = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    let (line, column) = original
        .lines()
        .enumerate()
        .find_map(|(i, l)| {
            l.find("\"charts/gaps-ar.svg\"")
                .map(|c| (i + 1, c + "\"charts/gaps-ar.svg\"".len()))
        })
        .unwrap();
    for (bad, shown) in [
        ("../../../etc/passwd", "\"../../../etc/passwd\""),
        ("/etc/passwd", "\"/etc/passwd\""),
    ] {
        let result = verify_edited(&out, |_| {
            original.replace("\"charts/gaps-ar.svg\"", &format!("{bad:?}"))
        });
        assert_eq!(result.code, 2, "{}", result.stderr);
        let column = column + bad.len() - "charts/gaps-ar.svg".len();
        assert_eq!(
            result.stderr,
            format!(
                "error: {}:{line}:{column}: invalid manifest: the path {shown} is not a plain relative path: a manifest names only files inside its own directory\n",
                out.join("manifest.json").display()
            )
        );
    }
}

#[test]
fn verify_works_from_inside_the_run_and_on_data_that_moved() {
    let (dir, _, out) = small_study_run();
    let verified = must_succeed_in(&out, &["verify", "manifest.json", "--data", "../data"]);
    verified.stdout_contains("verified: ");
    // The same data under another name: named as the run named it.
    std::fs::rename(dir.path().join("data"), dir.path().join("moved")).unwrap();
    let verified = must_succeed_in(&out, &["verify", "manifest.json", "--data", "../moved"]);
    verified.stdout_contains("verified: ");
}

/// An output replaced by a link is not followed, wherever it points.
#[test]
fn verify_reads_no_output_through_a_link() {
    let (_dir, _, out) = small_study_run();
    let chart = out.join("charts/gaps-en.svg");
    std::fs::remove_file(&chart).unwrap();
    std::os::unix::fs::symlink("/etc/hostname", &chart).unwrap();
    let verified = verify(&out);
    assert_eq!(verified.code, 1);
    verified
        .stdout_contains("output charts/gaps-en.svg: not a regular file (a link or a directory)\n");
}

#[test]
fn verify_names_a_file_the_run_did_not_write() {
    let (_dir, _, out) = small_study_run();
    std::fs::write(out.join("charts/extra.svg"), "<svg/>").unwrap();
    let verified = verify(&out);
    assert_eq!(verified.code, 1);
    verified.stdout_contains("output charts/extra.svg: not in the manifest\n");
}

#[test]
fn verify_reads_data_outside_the_working_directory_only_when_told() {
    let (dir, _, out) = small_study_run();
    // Run from elsewhere, the run records the data's full path.
    must_succeed(&[
        "run",
        dir.path().join("small.toml").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let manifest = out.join("manifest.json");
    let result = must_fail_in(2, dir.path(), &["verify", "out/manifest.json"]);
    assert_eq!(
        result.stderr,
        format!(
            "error: out/manifest.json: the run read its data from {:?}, which is not below the working directory: summitry reads it only when you say so: `summitry verify out/manifest.json --data DIR`\n",
            dir.path().join("data").display().to_string()
        )
    );
    let data = dir.path().join("data");
    must_succeed(&[
        "verify",
        manifest.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
}

/// A study that draws PNGs only still has its charts on the report's
/// pages, and its Markdown shows the PNGs it wrote; a study with no
/// translation is titled by its summit's name in that language.
#[test]
fn a_png_only_study_shows_its_pngs_and_inlines_its_charts() {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let text = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("formats = [\"svg\"]", "formats = [\"png\"]");
    std::fs::write(&spec, text).unwrap();
    let out = dir.path().join("out");
    run(&spec, &out);
    let markdown = std::fs::read_to_string(out.join("report.ar.md")).unwrap();
    assert!(markdown.contains("](charts/gaps-ar.png)"), "{markdown}");
    assert!(!out.join("charts/gaps-ar.svg").exists());
    assert!(markdown.starts_with("# "), "{markdown}");
    assert!(
        markdown
            .lines()
            .next()
            .unwrap()
            .ends_with("في ميزان التاريخ")
    );
    let page = std::fs::read_to_string(out.join("report.ar.html")).unwrap();
    assert_eq!(page.matches("<figure><svg ").count(), 2);
}

/// A study that asks for Arabic-Indic digits gets them in its Arabic
/// report as in its Arabic charts, and nowhere else: not in the English
/// report, nor in the ids and addresses the Arabic one names.
#[test]
fn arabic_indic_digits_reach_the_arabic_report() {
    let dir = tempfile::tempdir().unwrap();
    let spec = small_study(dir.path());
    let mut text = std::fs::read_to_string(&spec).unwrap();
    text.push_str("\n[charts.options]\ndigits = \"arabic-indic\"\n");
    std::fs::write(&spec, text).unwrap();
    let out = dir.path().join("out");
    run(&spec, &out);
    let indic = |s: &str| s.chars().any(|c| ('\u{0660}'..='\u{0669}').contains(&c));
    let arabic = std::fs::read_to_string(out.join("report.ar.md")).unwrap();
    let sentences: String = arabic.lines().filter(|l| l.starts_with("- **")).collect();
    assert!(indic(&sentences), "{arabic}");
    assert!(arabic.contains("(`1995-moscow`)"), "ids stay as written");
    let english = std::fs::read_to_string(out.join("report.en.md")).unwrap();
    assert!(!indic(&english));
}
