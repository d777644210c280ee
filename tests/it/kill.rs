//! Killed at any moment: `summitry run` and `summitry export summaries`
//! are stopped with SIGKILL at many points spread over a run, and after
//! each the output directory holds a complete earlier output or the
//! complete new one (never a mixture, never a partial file under a final
//! name), `verify` passes on a run, and the next run succeeds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{files_below, in_package, summitry_in};

/// Kill points a test spreads over one uninterrupted run's length, from
/// its start to its last moment.
const KILLS: u32 = 24;

/// A file list with its bytes: one whole output.
type Contents = Vec<(String, Vec<u8>)>;

/// Every file below `dir` but the manifest's clock: what makes two
/// outputs the same output.
fn contents(dir: &Path) -> Contents {
    files_below(dir)
        .into_iter()
        .map(|(name, bytes)| {
            if name != "manifest.json" {
                return (name, bytes);
            }
            let text = String::from_utf8(bytes).unwrap();
            let kept: String = text
                .lines()
                .filter(|l| !l.contains("\"finished_unix_seconds\""))
                .collect::<Vec<_>>()
                .join("\n");
            (name, kept.into_bytes())
        })
        .collect()
}

/// Starts summitry in `cwd`, lets it run for `after`, and kills it (or
/// finds it finished). Returns whether it had finished by itself.
fn kill_after(cwd: &Path, args: &[&str], after: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_summitry"))
        .args(args)
        .current_dir(cwd)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let finished = child.try_wait().unwrap().is_some();
    // Child::kill sends SIGKILL on Unix.
    let _ = child.kill();
    child.wait().unwrap();
    finished
}

/// How long one uninterrupted run of `args` takes.
fn timed(cwd: &Path, args: &[&str]) -> Duration {
    let start = Instant::now();
    let out = summitry_in(cwd, args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    start.elapsed()
}

/// Nothing a killed run leaves may stay under a final name: only the
/// staging directories beside it, which the next run sweeps.
fn leftovers(dir: &Path, name: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != name && n.contains(name))
        .collect()
}

/// Copies the small hand-made collection and writes two studies of it
/// that give different outputs into the same place.
fn two_studies(dir: &Path) {
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    for (name, bytes) in files_below(&in_package("tests/fixtures/analysis-small")) {
        std::fs::write(data.join(name), bytes).unwrap();
    }
    for (file, focus, kinds) in [
        (
            "a.toml",
            "1995-moscow",
            r#"["gaps", "outcomes", "timeline"]"#,
        ),
        ("b.toml", "1992-a", r#"["gaps", "delegations", "decades"]"#),
    ] {
        std::fs::write(
            dir.join(file),
            format!(
                "name = \"killed\"\ntitle = \"Killed\"\ncollection = \"data\"\nfocus = [\"{focus}\"]\n\n[charts]\nkinds = {kinds}\nlanguages = [\"en\", \"ar\", \"ru\"]\nformats = [\"svg\"]\n\n[summaries]\n"
            ),
        )
        .unwrap();
    }
}

/// The kill test proper, for two invocations `a` and `b` that write
/// different outputs into `dir/out`: times them, then alternates them, each
/// killed at one of [`KILLS`] moments spread over a run, and checks after
/// each kill that `out/` is one of the two whole outputs (and whatever
/// `check` adds); that the kills fell inside runs; and that a following run
/// succeeds and leaves nothing beside its output. Returns the two outputs.
fn killed_at_any_moment(
    dir: &Path,
    a: &[&str],
    b: &[&str],
    check: impl Fn(Duration),
) -> [Contents; 2] {
    // The shortest of three runs: kills spread over it land inside the
    // killed runs even when the machine is busier then.
    let mut length = Duration::MAX;
    let mut whole = Vec::new();
    for args in [a, b, a] {
        length = length.min(timed(dir, args));
        whole.push(contents(&dir.join("out")));
    }
    whole.pop();
    assert_ne!(whole[0], whole[1]);
    let mut finished = 0;
    for k in 0..KILLS {
        let args = if k % 2 == 0 { a } else { b };
        let after = length.mul_f64(f64::from(k) / f64::from(KILLS));
        if kill_after(dir, args, after) {
            finished += 1;
        }
        let now = contents(&dir.join("out"));
        assert!(
            now == whole[0] || now == whole[1],
            "after a kill at {after:?}, out/ is neither whole output: {:?}",
            now.iter().map(|(n, _)| n).collect::<Vec<_>>()
        );
        check(after);
    }
    // The kills fell inside runs, not after them.
    assert!(
        finished < KILLS / 2,
        "{finished} of {KILLS} runs had finished"
    );
    // A following run succeeds and sweeps whatever the killed ones left.
    timed(dir, a);
    assert_eq!(contents(&dir.join("out")), whole[0]);
    assert_eq!(leftovers(dir, "out"), Vec::<String>::new());
    [whole.swap_remove(0), whole.swap_remove(0)]
}

#[test]
fn a_run_killed_at_any_moment_leaves_a_whole_run_that_verifies() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path();
    two_studies(dir);
    killed_at_any_moment(
        dir,
        &["run", "a.toml", "--out", "out", "--quiet"],
        &["run", "b.toml", "--out", "out", "--quiet"],
        |after| {
            let verified = summitry_in(dir, &["verify", "out/manifest.json"]);
            assert_eq!(
                verified.code, 0,
                "after a kill at {after:?}: {}",
                verified.stdout
            );
        },
    );
}

/// A synthetic collection of `copies` × 200 summits, made from the
/// 200-summit fixture with every id suffixed by its copy.
fn larger_synthetic(dir: &Path, copies: usize) -> PathBuf {
    let data = dir.join("synthetic");
    std::fs::create_dir_all(&data).unwrap();
    for (name, bytes) in files_below(&in_package("tests/fixtures/synthetic-200")) {
        let text = String::from_utf8(bytes).unwrap();
        let mut lines = text.lines();
        let mut out = String::from(lines.next().unwrap());
        out.push('\n');
        let rows: Vec<&str> = lines.collect();
        for copy in 0..copies {
            for row in &rows {
                let (id, rest) = row.split_once(',').unwrap();
                out.push_str(&format!("{id}-{copy:03},{rest}\n"));
            }
        }
        std::fs::write(data.join(name), out).unwrap();
    }
    data
}

#[test]
fn an_export_killed_at_any_moment_leaves_a_whole_export() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path();
    larger_synthetic(dir, 100);
    let plain = ["export", "summaries", "--data", "synthetic", "--out", "out"];
    let mut excel = plain.to_vec();
    excel.push("--excel");
    let [whole, _] = killed_at_any_moment(dir, &plain, &excel, |_| {});
    assert_eq!(
        whole.len(),
        12,
        "ten tables, the data package and the listing"
    );
}
