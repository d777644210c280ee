//! The manifest of a run: what ran (the normalised spec and its hash),
//! every input and every output with its SHA-256. Nothing hashed holds a
//! timestamp; the one recorded sits beside the hashes, outside them.

use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};

use super::spec::Study;

/// The record of one run of a study.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// `summitry`.
    pub tool: String,
    /// The version that ran.
    pub version: String,
    /// The study as it ran, every default written out.
    pub study: Study,
    /// SHA-256 of the normalised study (TOML).
    pub study_sha256: String,
    /// Where the data was read: `embedded`, or the directory used.
    pub collection: String,
    /// Every file of the data.
    pub inputs: Vec<Entry>,
    /// SHA-256 of what the run read: the study's hash and every input's
    /// (see [`inputs_sha256`]), known before any output is made, so the
    /// report's pages can print it.
    #[serde(default)]
    pub inputs_sha256: String,
    /// How to cite the run (the sentence of `summitry cite`).
    #[serde(default)]
    pub citation: String,
    /// Every file written, paths relative to the output directory.
    pub outputs: Vec<Entry>,
    /// When the run finished (seconds since 1970), for people; not hashed.
    pub finished_unix_seconds: u64,
}

impl Manifest {
    /// Reads a manifest from JSON text; `path` names it in errors, which
    /// are located at the line and column where the text goes wrong.
    pub fn parse(path: &str, text: &str) -> crate::Result<Manifest> {
        serde_json::from_str(text).map_err(|e| {
            // serde_json ends its message with the position, which the
            // location already says.
            let said = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            crate::Error::Syntax {
                location: if e.line() == 0 {
                    crate::error::Location::whole(path)
                } else {
                    crate::error::Location::new(path, e.line() as u64, e.column() as u64)
                },
                message: format!(
                    "invalid manifest: {}",
                    said.strip_suffix(&at).unwrap_or(&said)
                ),
            }
        })
    }
}

/// One file and its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Path (inputs: inside the collection; outputs: inside the output
    /// directory): relative, `/`-separated, never with `..`. A manifest
    /// with any other path is refused where it is written.
    #[serde(deserialize_with = "inside")]
    pub path: String,
    /// SHA-256, hex.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
    /// Data rows, for CSV tables.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<u64>,
}

impl Entry {
    /// The entry of `bytes` at `path`; CSV files count their records.
    pub fn of(path: &str, bytes: &[u8]) -> Entry {
        let rows = path.ends_with(".csv").then(|| {
            csv::ReaderBuilder::new()
                .flexible(true)
                .from_reader(bytes)
                .byte_records()
                .count() as u64
        });
        Entry {
            path: path.to_owned(),
            sha256: sha256(bytes),
            bytes: bytes.len() as u64,
            rows,
        }
    }
}

/// SHA-256 of what a run read: one line for the study's hash, then one
/// line an input, `<sha256>  <path>` in the manifest's order.
pub fn inputs_sha256(study_sha256: &str, inputs: &[Entry]) -> String {
    let mut listing = format!("{study_sha256}  study\n");
    for input in inputs {
        listing.push_str(&format!("{}  {}\n", input.sha256, input.path));
    }
    sha256(listing.as_bytes())
}

/// SHA-256 of some bytes, as lowercase hex.
pub fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn inside<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let path = String::deserialize(d)?;
    if crate::export::atomic::is_plain_relative(&path) {
        Ok(path)
    } else {
        Err(serde::de::Error::custom(format!(
            "the path {path:?} is not a plain relative path: a manifest names only files inside its own directory"
        )))
    }
}
