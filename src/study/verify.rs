//! Verifying a run: the inputs still hash as recorded, a fresh run of the
//! recorded study gives every output byte for byte, and the files on disk
//! are those outputs.

use std::path::{Component, Path, PathBuf};

use indicatif::ProgressBar;

use super::manifest::{Entry, Manifest, sha256};
use super::run::{collection_at, outputs, within};
use crate::error::{Error, Result};
use crate::export::atomic;

/// What verification found: every file that differs, named, with how.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// One line a difference, e.g. `output charts/gaps-en.svg: ...`.
    pub differences: Vec<String>,
    /// Files checked.
    pub checked: usize,
}

impl Verdict {
    /// Whether everything matched.
    pub fn ok(&self) -> bool {
        self.differences.is_empty()
    }
}

/// Verifies the run recorded in `manifest_path`, reading its data from
/// `data` when given, else from where the manifest says. Only a data
/// directory below the working directory is read on a manifest's word.
pub fn verify(manifest_path: &Path, data: Option<&Path>) -> Result<Verdict> {
    let text = std::fs::read_to_string(manifest_path).map_err(|e| Error::io(manifest_path, e))?;
    let manifest = Manifest::parse(&manifest_path.display().to_string(), &text)?;
    let dir = manifest_path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut verdict = Verdict::default();

    // The inputs as they are now, where the run read them, against the
    // record.
    let study = manifest.study.clone();
    let location = match data {
        Some(dir) => Some(dir.to_owned()),
        None if manifest.collection == "embedded" => None,
        None => Some(recorded_collection(manifest_path, &manifest.collection)?),
    };
    let (data, _, inputs) = match collection_at(location.as_deref()) {
        // Data the user pointed at is named as the run named it.
        Ok((found, _, inputs)) if data.is_some() && manifest.collection != "embedded" => {
            (found.known_as(&manifest.collection), String::new(), inputs)
        }
        Ok(found) => found,
        Err(e) => {
            verdict.differences.push(format!(
                "inputs: the data can no longer be loaded: {}",
                crate::error::chain(&e)
            ));
            return Ok(verdict);
        }
    };
    compare_entries("input", &manifest.inputs, &inputs, &mut verdict);

    // A fresh run, in memory, against the record and against the disk.
    let study_sha256 = super::manifest::sha256(study.normalised()?.as_bytes());
    let inputs_sha256 = super::manifest::inputs_sha256(&study_sha256, &inputs);
    if inputs_sha256 != manifest.inputs_sha256 {
        verdict.differences.push(format!(
            "inputs_sha256: recorded {}, now {inputs_sha256}",
            manifest.inputs_sha256
        ));
    }
    let fresh = outputs(&study, &data, &inputs_sha256, &ProgressBar::hidden())?;
    let fresh: Vec<Entry> = fresh.iter().map(|(p, b)| Entry::of(p, b)).collect();
    compare_entries("output (re-run)", &manifest.outputs, &fresh, &mut verdict);
    for entry in &manifest.outputs {
        verdict.checked += 1;
        let path = dir.join(&entry.path);
        let problem = match std::fs::symlink_metadata(&path) {
            Err(_) => Some("missing".to_owned()),
            Ok(meta) if !meta.is_file() => {
                Some("not a regular file (a link or a directory)".to_owned())
            }
            Ok(_) => match std::fs::read(&path) {
                Ok(bytes) if sha256(&bytes) == entry.sha256 => None,
                Ok(_) => Some("the file differs from the manifest".to_owned()),
                Err(e) => Some(format!("cannot be read: {e}")),
            },
        };
        if let Some(problem) = problem {
            verdict
                .differences
                .push(format!("output {}: {problem}", entry.path));
        }
    }
    // Nothing else in the run's directory: a file there that the run did
    // not write would be taken for part of it.
    let recorded: std::collections::BTreeSet<&str> =
        manifest.outputs.iter().map(|e| e.path.as_str()).collect();
    for (path, _) in atomic::files_below(dir)? {
        if path != atomic::LISTING && !recorded.contains(path.as_str()) {
            verdict
                .differences
                .push(format!("output {path}: not in the manifest"));
        }
    }
    Ok(verdict)
}

/// The data directory a manifest names, when it is one summitry may read
/// on the manifest's word: a relative path without `..`, below the working
/// directory with its links followed.
fn recorded_collection(manifest_path: &Path, recorded: &str) -> Result<PathBuf> {
    let path = PathBuf::from(recorded);
    let plain = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if !plain || recorded.is_empty() {
        return Err(Error::Refused(format!(
            "{}: the run read its data from {recorded:?}, which is not below the working directory: summitry reads it only when you say so: `summitry verify {} --data DIR`",
            manifest_path.display(),
            manifest_path.display()
        )));
    }
    within(Path::new("."), &path, "the working directory")?;
    Ok(path)
}

/// Names every recorded file that is missing, changed or new.
fn compare_entries(what: &str, recorded: &[Entry], now: &[Entry], verdict: &mut Verdict) {
    for entry in recorded {
        verdict.checked += 1;
        match now.iter().find(|n| n.path == entry.path) {
            None => verdict
                .differences
                .push(format!("{what} {}: missing", entry.path)),
            Some(n) if n.sha256 != entry.sha256 => verdict.differences.push(format!(
                "{what} {}: sha256 {} recorded, {} now",
                entry.path, entry.sha256, n.sha256
            )),
            Some(_) => {}
        }
    }
    for n in now {
        if !recorded.iter().any(|e| e.path == n.path) {
            verdict
                .differences
                .push(format!("{what} {}: not in the manifest", n.path));
        }
    }
}
