//! The study spec: a TOML file naming the data, the focus summits, the
//! comparisons, charts and exports to make, and where to put them. Strict:
//! an unknown key is an error with its line and column. The options are
//! the library's own types, so the manifest records exactly what ran.

use serde::{Deserialize, Serialize};

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
    /// Short name, used for the output directory (`out/<name>`).
    pub name: String,
    /// Title of the report.
    pub title: String,
    /// What the study asks, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// `embedded` for the curated collections, or a directory (relative
    /// to the spec file).
    #[serde(default = "embedded")]
    pub collection: String,
    /// The summits the study is about; the first is highlighted in charts.
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
    /// Where to write, relative to the working directory; `out/<name>`
    /// when absent.
    #[serde(default)]
    pub output: Option<String>,
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
        let study: Study = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Error::Syntax {
                location: crate::load::locate(text, path, offset),
                message: format!("invalid study: {}", e.message()),
            }
        })?;
        if study.focus.is_empty() {
            return Err(Error::Syntax {
                location: crate::error::Location::new(path, 1, 1),
                message: "invalid study: `focus` names no summit".to_owned(),
            });
        }
        Ok(study)
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

    /// Where the study writes.
    pub fn output_dir(&self) -> String {
        self.output
            .clone()
            .unwrap_or_else(|| format!("out/{}", self.name))
    }
}
