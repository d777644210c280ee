//! The study spec: a TOML file naming the data, the focus summits, the
//! comparisons, charts and exports to make. Strict: an unknown key is an
//! error with its line and column. The options are the library's own
//! types, so the manifest records exactly what ran.
//!
//! Specs are made to be shared, so a spec cannot choose where anything is
//! written: a run writes to `out/<name>` under the working directory, or
//! where the user's `--out` says. Its `name` is a plain name and its
//! `collection` a plain relative path below the spec's own directory; both
//! are refused at their line and column otherwise.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use crate::analysis::compare::CompareOptions;
use crate::chart::{ChartOptions, Kind};
use crate::error::{Error, Result};
use crate::export::summaries::SummaryOptions;
use crate::model::Lang;

/// The default study, embedded: Anchorage 2025 against its history.
pub const DEFAULT: &str = include_str!("../../studies/alaska-2025.toml");

/// A study: what to compute from which data, and where to write it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Study {
    /// Short name, used for the output directory (`out/<name>`): letters,
    /// digits, `-`, `_` and `.`, starting with a letter or digit.
    #[serde(deserialize_with = "plain_name")]
    pub name: String,
    /// Title of the report.
    pub title: String,
    /// What the study asks, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// `embedded` for the curated collections, or a directory below the
    /// spec's own directory, as a relative path without `..`.
    #[serde(default = "embedded", deserialize_with = "collection_path")]
    pub collection: String,
    /// The summits the study is about (at least one); the first is
    /// highlighted in charts.
    #[serde(deserialize_with = "some_summits")]
    pub focus: Vec<String>,
    /// How each focus summit is compared.
    #[serde(default)]
    pub compare: CompareOptions,
    /// The charts to draw.
    #[serde(default)]
    pub charts: Charts,
    /// The CSV summaries to write (none when absent).
    #[serde(default)]
    pub summaries: Option<SummaryOptions>,
    /// The title and description of the report in its other languages
    /// (`[translations.ar]`, `[translations.ru]`), written for readers of
    /// each; a report in a language without one is titled by its focus
    /// summits' names in that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<Lang, Translation>,
}

/// A study's title and description in one language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    /// The report's title.
    pub title: String,
    /// What the study asks.
    #[serde(default)]
    pub description: String,
}

/// Whether `name` can name an output directory on any system: an id of
/// the codebook (ASCII letters, digits, `-`, `_` and `.`, starting with a
/// letter or digit), at most 100 characters.
pub fn is_plain_name(name: &str) -> bool {
    name.len() <= 100 && crate::load::is_id(name)
}

fn plain_name<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let name = String::deserialize(d)?;
    if is_plain_name(&name) {
        Ok(name)
    } else {
        Err(serde::de::Error::custom(format!(
            "the name {name:?} cannot name a directory: use letters, digits, `-`, `_` and `.`, starting with a letter or digit, as in \"alaska-2025\""
        )))
    }
}

fn collection_path<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<String, D::Error> {
    let path = String::deserialize(d)?;
    if path == "embedded" || crate::export::atomic::is_plain_relative(&path) {
        Ok(path)
    } else {
        Err(serde::de::Error::custom(format!(
            "the collection {path:?} is not `embedded` or a directory below the spec's own: give a relative path without `..`, or run with `--data DIR`"
        )))
    }
}

fn some_summits<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<Vec<String>, D::Error> {
    let focus = Vec::<String>::deserialize(d)?;
    if focus.is_empty() {
        Err(serde::de::Error::custom("`focus` names no summit"))
    } else {
        Ok(focus)
    }
}

/// The charts of a study: every kind in every language and format asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Charts {
    /// Chart kinds.
    pub kinds: Vec<Kind>,
    /// Languages.
    pub languages: Vec<Lang>,
    /// `svg`, `png` or both.
    pub formats: Vec<ImageFormat>,
    /// Options for every chart (the focus and language are set per chart).
    pub options: ChartOptions,
}

impl Default for Charts {
    fn default() -> Self {
        Charts {
            kinds: Vec::new(),
            languages: vec![Lang::En],
            formats: vec![ImageFormat::Svg],
            options: ChartOptions::default(),
        }
    }
}

/// An image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ImageFormat {
    /// Scalable vector graphics, the canonical form.
    Svg,
    /// PNG rendered from the SVG.
    Png,
}

impl ImageFormat {
    /// The file extension.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

fn embedded() -> String {
    "embedded".to_owned()
}

impl Study {
    /// Reads a study from TOML text; `path` names it in errors.
    pub fn parse(path: &str, text: &str) -> Result<Study> {
        toml::from_str(text).map_err(|e| {
            let mut message = format!("invalid study: {}", e.message());
            if message.contains("unknown field `output`") {
                message.push_str(
                    "; a study no longer chooses where it is written: it goes to out/<name>, or to `summitry run --out DIR`",
                );
            }
            Error::Syntax {
                location: match e.span() {
                    Some(span) => crate::load::locate(text, path, span.start),
                    None => crate::error::Location::whole(path),
                },
                message,
            }
        })
    }

    /// The default study, embedded in summitry.
    pub fn default_study() -> Result<Study> {
        Study::parse("studies/alaska-2025.toml (embedded)", DEFAULT)
    }

    /// The spec in normal form: every default written out, keys in a fixed
    /// order. Its hash identifies what ran.
    pub fn normalised(&self) -> Result<String> {
        toml::to_string(self).map_err(|e| Error::Write {
            what: "the study".to_owned(),
            message: e.to_string(),
        })
    }

    /// Where the study writes unless told otherwise: `out/<name>`, under
    /// the working directory.
    pub fn output_dir(&self) -> std::path::PathBuf {
        std::path::Path::new("out").join(&self.name)
    }
}
