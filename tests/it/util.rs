//! Running the `summitry` binary and reading what it printed.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What one run of the binary printed, and its exit code.
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// Runs `summitry` with these arguments from the package root.
pub fn summitry(args: &[&str]) -> Output {
    summitry_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Runs `summitry` with these arguments in the directory `cwd`.
pub fn summitry_in(cwd: &Path, args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_summitry"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("the summitry binary runs");
    Output {
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        code: out.status.code().unwrap_or(-1),
    }
}

/// Runs `summitry` from the package root and checks it succeeded (its
/// stderr is shown when it did not).
#[track_caller]
pub fn must_succeed(args: &[&str]) -> Output {
    must_succeed_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// [`must_succeed`], in the directory `cwd`.
#[track_caller]
pub fn must_succeed_in(cwd: &Path, args: &[&str]) -> Output {
    let out = summitry_in(cwd, args);
    assert_eq!(
        out.code, 0,
        "summitry {args:?} failed:\n{}{}",
        out.stdout, out.stderr
    );
    out
}

/// Runs `summitry` from the package root and checks it failed with
/// `code` (2: bad input, 1: anything else).
#[track_caller]
pub fn must_fail(code: i32, args: &[&str]) -> Output {
    must_fail_in(code, Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// [`must_fail`], in the directory `cwd`.
#[track_caller]
pub fn must_fail_in(code: i32, cwd: &Path, args: &[&str]) -> Output {
    let out = summitry_in(cwd, args);
    assert_eq!(
        out.code, code,
        "summitry {args:?} should have exited with {code}:\n{}{}",
        out.stdout, out.stderr
    );
    out
}

impl Output {
    /// Checks that stderr holds `text`, showing all of it when not.
    #[track_caller]
    pub fn stderr_contains(&self, text: &str) -> &Output {
        holds("stderr", &self.stderr, text);
        self
    }

    /// Checks that stdout holds `text`, showing all of it when not.
    #[track_caller]
    pub fn stdout_contains(&self, text: &str) -> &Output {
        holds("stdout", &self.stdout, text);
        self
    }
}

#[track_caller]
fn holds(stream: &str, printed: &str, text: &str) {
    assert!(
        printed.contains(text),
        "{stream} lacks {text:?}:\n{printed}"
    );
}

/// Compares `actual` with the golden file at `rel` (from the package
/// root), or rewrites the file when `SUMMITRY_UPDATE_GOLDEN` is set: after
/// a deliberate change, `SUMMITRY_UPDATE_GOLDEN=1 cargo test`, then look at
/// what changed before committing it.
#[track_caller]
pub fn assert_golden(rel: &str, actual: &[u8]) {
    let path = in_package(rel);
    if std::env::var_os("SUMMITRY_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{rel}: {e} (SUMMITRY_UPDATE_GOLDEN=1 writes it)"));
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or_else(|| e.lines().count().min(a.lines().count()));
        panic!(
            "{rel} is out of date (SUMMITRY_UPDATE_GOLDEN=1 rewrites it); first difference at line {}:\n- {}\n+ {}",
            line + 1,
            e.lines().nth(line).unwrap_or("(end of file)"),
            a.lines().nth(line).unwrap_or("(end of file)")
        );
    }
}

/// A fixture directory, relative to the package root as the binary sees it.
pub fn fixture(name: &str) -> String {
    format!("tests/fixtures/{name}")
}

/// The absolute path of something in the package.
pub fn in_package(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Every file below `dir`, as (relative path, bytes), sorted.
pub fn files_below(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .expect("below dir")
                    .to_string_lossy()
                    .into_owned();
                found.push((rel, std::fs::read(&path).expect("readable file")));
            }
        }
    }
    found.sort();
    found
}

/// A frame's column as text (Enums as their words), for assertions.
pub fn text(df: &polars::prelude::DataFrame, name: &str) -> Vec<Option<String>> {
    df.column(name)
        .unwrap()
        .cast(&polars::prelude::DataType::String)
        .unwrap()
        .str()
        .unwrap()
        .iter()
        .map(|v| v.map(str::to_owned))
        .collect()
}
