//! Writing outputs safely: whole or not at all, and never over anything
//! summitry did not make.
//!
//! A directory output (a study run, an export, a converted collection) is
//! made in a staging directory beside its final place and swapped in with
//! one rename, so a reader (or a run killed at any moment) sees the old
//! output or the new one, never a mixture. The place it goes must be
//! absent, empty, or summitry's own earlier output: a directory whose
//! `manifest.json` says summitry wrote it and lists every file in it, each
//! still of the size it was written.
//! Anything else (a user's directory, a symbolic link, a file) is refused
//! before anything is written. A single file (a chart) is written to a
//! temporary name beside it and renamed into place.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The file in every directory summitry writes that says so and lists
/// what it wrote.
pub const LISTING: &str = "manifest.json";

/// What the ownership check reads of a `manifest.json`: the study
/// manifest of a run and the listing of an export both have these.
#[derive(Deserialize)]
struct Made {
    tool: String,
    outputs: Vec<MadeFile>,
}

#[derive(Deserialize)]
struct MadeFile {
    path: String,
    bytes: Option<u64>,
}

/// The `manifest.json` of a directory that `export` or `convert` wrote:
/// which command, and every file with its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listing {
    /// `summitry`.
    pub tool: String,
    /// The version that wrote it.
    pub version: String,
    /// The command that wrote it, e.g. `export summaries`.
    pub command: String,
    /// Every file written, relative to the directory, sorted.
    pub outputs: Vec<Listed>,
}

/// One file of a [`Listing`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Listed {
    /// Path inside the directory, `/`-separated.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
}

impl Listing {
    /// The listing of every file now below `dir` (but the listing itself).
    pub fn of(dir: &Path, command: &str) -> Result<Listing> {
        let outputs = files_below(dir)?
            .into_iter()
            .filter(|(path, _)| path != LISTING)
            .map(|(path, bytes)| Listed { path, bytes })
            .collect();
        Ok(Listing {
            tool: "summitry".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            command: command.to_owned(),
            outputs,
        })
    }

    /// Writes the listing into `dir` as its `manifest.json`.
    pub fn write(&self, dir: &Path) -> Result<()> {
        let json = serde_json::to_string_pretty(self).map_err(|e| Error::Write {
            what: LISTING.to_owned(),
            message: e.to_string(),
        })? + "\n";
        let path = dir.join(LISTING);
        std::fs::write(&path, json).map_err(|e| Error::io(&path, e))
    }
}

/// Every regular file below `dir`, as (relative `/`-separated path, size),
/// sorted. Symbolic links are listed as files, never followed.
pub(crate) fn files_below(dir: &Path) -> Result<Vec<(String, u64)>> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))? {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
            if kind.is_dir() {
                stack.push(path);
            } else {
                let size = entry.metadata().map_err(|e| Error::io(&path, e))?.len();
                found.push((relative(dir, &path), size));
            }
        }
    }
    found.sort();
    Ok(found)
}

fn relative(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Whether `path` is a plain relative path that stays where it is put:
/// `/`-separated names, none empty, `.` or `..`, and no backslash, colon
/// or NUL (which other systems read as separators, drives or ends).
pub fn is_plain_relative(path: &str) -> bool {
    !path.contains(['\\', '\0', ':'])
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Checks that `target` may be (re)placed by summitry's output: it is
/// absent, an empty directory, or a directory of summitry's own output
/// holding nothing else, none of it changed in size since. Refuses with
/// what is there and what to do.
pub fn check_replaceable(target: &Path) -> Result<()> {
    let shown = target.display();
    let meta = match std::fs::symlink_metadata(target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(target, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(Error::Refused(format!(
            "{shown} is a symbolic link: summitry does not write through links; give the directory itself, or a new one"
        )));
    }
    if !meta.is_dir() {
        return Err(Error::Refused(format!(
            "{shown} is a file, not a directory: summitry will not replace it; choose a new directory"
        )));
    }
    let empty = std::fs::read_dir(target)
        .map_err(|e| Error::io(target, e))?
        .next()
        .is_none();
    if empty {
        return Ok(());
    }
    let present = files_below(target)?;
    let listing = target.join(LISTING);
    let made: Option<Made> = std::fs::read(&listing)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|m: &Made| m.tool == "summitry");
    let Some(made) = made else {
        return Err(Error::Refused(format!(
            "{shown} is not empty and was not written by summitry (it has no summitry {LISTING}): summitry will not mix into, overwrite or delete it; choose a new or empty directory, or move its files away"
        )));
    };
    let ours: BTreeMap<&str, Option<u64>> = made
        .outputs
        .iter()
        .map(|f| (f.path.as_str(), f.bytes))
        .collect();
    let foreign: Vec<&str> = present
        .iter()
        .map(|(path, _)| path.as_str())
        .filter(|path| *path != LISTING && !ours.contains_key(path))
        .collect();
    if let Some(first) = foreign.first() {
        return Err(Error::Refused(format!(
            "{shown} holds files summitry did not write ({first}{}): summitry will not delete them; move them away, or choose a new directory",
            and_more(foreign.len())
        )));
    }
    // A file of summitry's that someone has since edited is theirs too.
    let changed: Vec<&str> = present
        .iter()
        .filter(|(path, size)| {
            ours.get(path.as_str())
                .is_some_and(|b| b.is_some_and(|b| b != *size))
        })
        .map(|(path, _)| path.as_str())
        .collect();
    if let Some(first) = changed.first() {
        return Err(Error::Refused(format!(
            "{shown} holds files changed since summitry wrote them ({first}{}): summitry will not overwrite them; move them away, or choose a new directory",
            and_more(changed.len())
        )));
    }
    Ok(())
}

fn and_more(n: usize) -> String {
    match n {
        0 | 1 => String::new(),
        n => format!(" and {} more", n - 1),
    }
}

/// A directory being made beside its final place. Dropped without
/// [`Staged::commit`], it is removed and the final place is untouched.
#[derive(Debug)]
pub struct Staged {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
}

/// The prefix of the staging directories of `name` in its parent.
fn staging_prefix(name: &str) -> String {
    format!(".{name}.partial-")
}

/// Starts an output directory at `target`: checks it may be replaced,
/// sweeps away what killed runs left beside it, and makes a fresh staging
/// directory to write into.
pub fn stage(target: &Path) -> Result<Staged> {
    let name = match target.components().next_back() {
        Some(Component::Normal(name)) => name.to_string_lossy().into_owned(),
        _ => {
            return Err(Error::Refused(format!(
                "{}: the output must be named by a directory of its own (not `.`, `..` or a root)",
                target.display()
            )));
        }
    };
    check_replaceable(target)?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    sweep(&parent, &name)?;
    let staging = parent.join(format!("{}{}", staging_prefix(&name), std::process::id()));
    std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
    Ok(Staged {
        target: target.to_owned(),
        staging,
        committed: false,
    })
}

/// Removes the staging directories that runs of `name` left in `parent`
/// when they were killed: directories (never links) named exactly
/// `.<name>.partial-<pid>` whose process is gone.
fn sweep(parent: &Path, name: &str) -> Result<()> {
    let prefix = staging_prefix(name);
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) || alive(pid) {
            continue;
        }
        let path = entry.path();
        std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Whether the process `pid` still runs (and so may still be writing its
/// staging directory). Where this cannot be told, it is taken as gone.
fn alive(pid: &str) -> bool {
    pid != std::process::id().to_string()
        && cfg!(target_os = "linux")
        && Path::new("/proc").join(pid).exists()
}

impl Staged {
    /// The directory to write into.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Swaps the staging directory in at the final place, in one rename
    /// where the system allows it; the previous output is then removed.
    /// The final place is checked once more first: whatever appeared
    /// there since [`stage`] is refused, not replaced.
    pub fn commit(mut self) -> Result<()> {
        check_replaceable(&self.target)?;
        let exists = std::fs::symlink_metadata(&self.target).is_ok();
        if exists {
            exchange(&self.staging, &self.target)?;
            // The staging name now holds the previous output.
            self.committed = true;
            std::fs::remove_dir_all(&self.staging).map_err(|e| Error::io(&self.staging, e))
        } else {
            std::fs::rename(&self.staging, &self.target).map_err(|e| Error::io(&self.target, e))?;
            self.committed = true;
            Ok(())
        }
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

/// Swaps two directories' names at once (Linux's `renameat2` with
/// `RENAME_EXCHANGE`): there is no moment when `target` is missing.
#[cfg(target_os = "linux")]
fn exchange(staging: &Path, target: &Path) -> Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, staging, CWD, target, RenameFlags::EXCHANGE)
        .map_err(|e| Error::io(target, e.into()))
}

/// Elsewhere, two renames: the previous output is moved to the staging
/// name, then the new one into place. A run killed between the two leaves
/// the previous output under the staging name, and the next run sweeps it.
#[cfg(not(target_os = "linux"))]
fn exchange(staging: &Path, target: &Path) -> Result<()> {
    let aside = staging.with_extension("previous");
    std::fs::rename(target, &aside).map_err(|e| Error::io(target, e))?;
    std::fs::rename(staging, target).map_err(|e| Error::io(target, e))?;
    std::fs::rename(&aside, staging).map_err(|e| Error::io(staging, e))
}

/// Writes one file at `path` through a temporary file beside it, renamed
/// into place once `write` has written all of it: a reader never sees half
/// a file. A directory or a symbolic link at `path` is refused.
pub fn write_file(
    path: &Path,
    write: impl FnOnce(&mut std::io::BufWriter<std::fs::File>) -> Result<()>,
) -> Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(path)
        && !meta.is_file()
    {
        return Err(Error::Refused(format!(
            "{}: not a regular file (a directory or a link): summitry will not replace it",
            path.display()
        )));
    }
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    let partial = path.with_file_name(format!(".{name}.partial-{}", std::process::id()));
    let file = std::fs::File::create(&partial).map_err(|e| Error::io(&partial, e))?;
    let written = (|| {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
        write(&mut out)?;
        out.flush().map_err(|e| Error::io(&partial, e))?;
        drop(out);
        std::fs::rename(&partial, path).map_err(|e| Error::io(path, e))
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_relative_paths() {
        for good in ["a", "a/b.csv", "charts/gaps-en.svg", "a.b"] {
            assert!(is_plain_relative(good), "{good}");
        }
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../b",
            "./a",
            "a/./b",
            "a//b",
            "a/",
            "a\\b",
            "a\0b",
            "..",
            ".",
            "C:x",
        ] {
            assert!(!is_plain_relative(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_staged_directory_replaces_its_own_earlier_output_only() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        // Absent: made.
        let staged = stage(&target).unwrap();
        std::fs::write(staged.path().join("a.csv"), "a\n").unwrap();
        Listing::of(staged.path(), "test")
            .unwrap()
            .write(staged.path())
            .unwrap();
        staged.commit().unwrap();
        assert_eq!(std::fs::read(target.join("a.csv")).unwrap(), b"a\n");
        // Ours: replaced whole, the old file gone.
        let staged = stage(&target).unwrap();
        std::fs::write(staged.path().join("b.csv"), "b\n").unwrap();
        Listing::of(staged.path(), "test")
            .unwrap()
            .write(staged.path())
            .unwrap();
        staged.commit().unwrap();
        assert!(!target.join("a.csv").exists());
        assert_eq!(std::fs::read(target.join("b.csv")).unwrap(), b"b\n");
        // A file of summitry's the user has edited: refused, untouched.
        std::fs::write(target.join("b.csv"), "b,mine\n").unwrap();
        let e = stage(&target).unwrap_err().to_string();
        assert!(
            e.contains("holds files changed since summitry wrote them (b.csv)"),
            "{e}"
        );
        assert_eq!(std::fs::read(target.join("b.csv")).unwrap(), b"b,mine\n");
        std::fs::write(target.join("b.csv"), "b\n").unwrap();
        // A file the user added: refused, nothing touched.
        std::fs::write(target.join("notes.txt"), "mine").unwrap();
        let e = stage(&target).unwrap_err().to_string();
        assert!(
            e.contains("holds files summitry did not write (notes.txt)"),
            "{e}"
        );
        assert_eq!(std::fs::read(target.join("notes.txt")).unwrap(), b"mine");
        assert_eq!(std::fs::read(target.join("b.csv")).unwrap(), b"b\n");
        // Nothing left beside it.
        let names: Vec<String> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["out"]);
    }

    #[test]
    fn a_dropped_stage_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        let staged = stage(&target).unwrap();
        std::fs::write(staged.path().join("a.csv"), "a\n").unwrap();
        drop(staged);
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
    }

    #[test]
    fn the_sweep_takes_only_dead_staging_directories_of_the_same_output() {
        let root = tempfile::tempdir().unwrap();
        let keep = [
            ".out.partial-",             // no pid
            ".out.partial-12x",          // not a pid
            ".out.partial-1",            // init runs: alive
            ".out.partial-99999999.bak", // not the pattern
            ".outer.partial-99999999",   // another output
            "out.partial-99999999",      // not hidden
            ".out.previous-99999999",    // not a staging name
        ];
        for name in keep {
            std::fs::create_dir(root.path().join(name)).unwrap();
            std::fs::write(root.path().join(name).join("f"), "user").unwrap();
        }
        // A file with the staging name is not a directory summitry made.
        std::fs::write(root.path().join(".out.partial-99999998"), "user").unwrap();
        std::fs::create_dir(root.path().join(".out.partial-99999999")).unwrap();
        stage(&root.path().join("out")).unwrap();
        let mut left: Vec<String> = std::fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected: Vec<String> = keep.iter().map(|s| (*s).to_owned()).collect();
        expected.push(".out.partial-99999998".to_owned());
        expected.sort();
        assert_eq!(left, expected);
    }

    #[test]
    #[cfg(unix)]
    fn links_files_and_roots_are_refused() {
        let root = tempfile::tempdir().unwrap();
        let mine = root.path().join("mine");
        std::fs::create_dir(&mine).unwrap();
        std::os::unix::fs::symlink(&mine, root.path().join("link")).unwrap();
        let e = stage(&root.path().join("link")).unwrap_err().to_string();
        assert!(e.ends_with("is a symbolic link: summitry does not write through links; give the directory itself, or a new one"), "{e}");
        std::fs::write(root.path().join("file"), "x").unwrap();
        let e = stage(&root.path().join("file")).unwrap_err().to_string();
        assert!(e.contains("is a file, not a directory"), "{e}");
        for odd in [".", "..", "/"] {
            let e = stage(Path::new(odd)).unwrap_err().to_string();
            assert!(e.contains("must be named by a directory of its own"), "{e}");
        }
        assert!(mine.is_dir());
    }

    #[test]
    fn a_file_is_replaced_whole_and_a_failed_write_leaves_the_old_one() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("chart.svg");
        write_file(&path, |w| {
            w.write_all(b"one").map_err(|e| Error::io("w", e))
        })
        .unwrap();
        let failed = write_file(&path, |w| {
            w.write_all(b"half").map_err(|e| Error::io("w", e))?;
            Err(Error::Chart("stopped".to_owned()))
        });
        assert!(failed.is_err());
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 1);
    }
}
