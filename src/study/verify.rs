//! Verifying a run: the inputs still hash as recorded, a fresh run of the
//! recorded study gives every output byte for byte, and the files on disk
//! are those outputs.

use std::path::{Path, PathBuf};

use indicatif::ProgressBar;

use super::manifest::{Entry, Manifest, sha256};
use super::run::{collection_at, outputs};
use crate::error::{Error, Result};

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

/// Verifies the run recorded in `manifest_path`.
pub fn verify(manifest_path: &Path) -> Result<Verdict> {
    let text = std::fs::read_to_string(manifest_path).map_err(|e| Error::io(manifest_path, e))?;
    let manifest: Manifest = serde_json::from_str(&text).map_err(|e| Error::Syntax {
        location: crate::error::Location::new(
            manifest_path.display().to_string(),
            e.line() as u64,
            e.column() as u64,
        ),
        message: format!("invalid manifest: {e}"),
    })?;
    let dir = manifest_path.parent().unwrap_or(Path::new("."));
    let mut verdict = Verdict::default();

    // The inputs as they are now, where the run read them, against the
    // record.
    let study = manifest.study.clone();
    let location = (manifest.collection != "embedded").then(|| PathBuf::from(&manifest.collection));
    let (data, _, inputs) = match collection_at(location.as_deref()) {
        Ok(found) => found,
        Err(e) => {
            verdict
                .differences
                .push(format!("inputs: the data can no longer be loaded: {e}"));
            return Ok(verdict);
        }
    };
    compare_entries("input", &manifest.inputs, &inputs, &mut verdict);

    // A fresh run, in memory, against the record and against the disk.
    let fresh = outputs(&study, &data, &ProgressBar::hidden())?;
    let fresh: Vec<Entry> = fresh.iter().map(|(p, b)| Entry::of(p, b)).collect();
    compare_entries("output (re-run)", &manifest.outputs, &fresh, &mut verdict);
    for entry in &manifest.outputs {
        verdict.checked += 1;
        let path = dir.join(&entry.path);
        match std::fs::read(&path) {
            Ok(bytes) if sha256(&bytes) == entry.sha256 => {}
            Ok(_) => verdict.differences.push(format!(
                "output {}: the file differs from the manifest",
                entry.path
            )),
            Err(_) => verdict
                .differences
                .push(format!("output {}: missing", entry.path)),
        }
    }
    Ok(verdict)
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
