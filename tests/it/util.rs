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
