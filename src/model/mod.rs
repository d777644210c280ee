//! Typed summit records and the vocabularies of the codebook.
//!
//! Nothing here reads files or touches polars: these are the plain values a
//! library user gets back from [`crate::load::Collection::record`], in the
//! same shape as a nested record file (`records/<summit_id>.json`).

pub mod country;
pub mod country_table;
mod vocab;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use country::{
    Capital, Country, Lang, Organisation, capital, continuing_state, country, distance_km, dyad,
    in_sentence, organisation,
};
pub use vocab::{
    Camp, Format, HostSide, Intensity, Level, Portfolio, Role, SanctionScope, SourceTier,
    StatementKind, UnsettledField, VisitKind, WarRole, WarrantKind,
};

/// Extra columns a collection carries beyond the codebook's, by name.
pub type Extra = BTreeMap<String, serde_json::Value>;

/// One summit with everything recorded about it: the nested form of a
/// collection, as in `records/<summit_id>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The summit itself (one row of `summits.csv`).
    #[serde(flatten)]
    pub summit: Summit,
    /// Who took part (rows of `participants.csv`).
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// What came of it (the row of `outcomes.csv`), if coded.
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The circumstances (the row of `context.csv`), if coded.
    #[serde(default)]
    pub context: Option<Context>,
    /// Texts issued (rows of `statements.csv`).
    #[serde(default)]
    pub statements: Vec<Statement>,
    /// Where the facts come from (rows of `sources.csv`).
    #[serde(default)]
    pub sources: Vec<Source>,
    /// Values looked for and left empty, with what was tried (rows of
    /// `unsettled.csv`).
    #[serde(default)]
    pub unsettled: Vec<Unsettled>,
}

/// A meeting between the leaders of two sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summit {
    /// Unique slug, e.g. `2025-anchorage`.
    pub summit_id: String,
    /// English name.
    pub name: String,
    /// First side (alpha-3 code).
    pub side_a: String,
    /// Second side (alpha-3 code).
    pub side_b: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Host city, in English.
    pub city: String,
    /// Country the city is in (alpha-3 code).
    pub host_country: String,
    /// Bilateral, on the sidelines of a gathering, or multilateral.
    pub format: Format,
    /// Building or site.
    pub venue: Option<String>,
    /// Latitude of the venue in decimal degrees.
    pub latitude: Option<f64>,
    /// Longitude of the venue in decimal degrees.
    pub longitude: Option<f64>,
    /// Whose soil the summit was on.
    pub host_side: Option<HostSide>,
    /// Name in Arabic.
    pub name_ar: Option<String>,
    /// Name in Russian.
    pub name_ru: Option<String>,
    /// Name in Chinese, where a source gives it.
    pub name_zh: Option<String>,
    /// Name in Korean, where a source gives it.
    pub name_ko: Option<String>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A person at a summit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// Stable across summits, e.g. `putin-vladimir`.
    pub person_id: String,
    /// Name as usually written in English.
    pub name: String,
    /// The side the person belongs to (alpha-3 code).
    pub country: String,
    /// Office held at the time.
    pub role: Role,
    /// Area of responsibility.
    pub portfolio: Portfolio,
    /// Which round of talks the person sat in, if known.
    pub level: Option<Level>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// What a summit produced. `None` is unknown, never "no".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// An agreed joint text was issued.
    pub joint_statement: Option<bool>,
    /// The leaders faced the press together.
    pub joint_press_conference: Option<bool>,
    /// Questions from the press were taken.
    pub press_questions_taken: Option<bool>,
    /// Number of agreements signed.
    pub agreements_signed: Option<i64>,
    /// Their names, `;`-separated.
    pub agreements: Option<String>,
    /// Length of the leaders' talks.
    pub duration_hours: Option<f64>,
    /// A next meeting or follow-up process was agreed.
    pub follow_up_agreed: Option<bool>,
    /// A ceasefire was announced.
    pub ceasefire_announced: Option<bool>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// The circumstances of a summit coded for it. `None` is unknown, never
/// "no". Wars, sanctions and warrants are not coded here: they are
/// computed from the collection's tables of facts
/// ([`crate::analysis::context`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Context {
    /// Codes of states and organisations discussed but not at the table,
    /// `;`-separated.
    pub absent_stakeholders: Option<String>,
    /// Notes on sources and uncertainty.
    pub notes: Option<String>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A text issued at or after a summit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Unique id, e.g. `2021-geneva-strategic-stability`.
    pub statement_id: String,
    /// What kind of text it is.
    pub kind: StatementKind,
    /// `joint` or the issuing side's code.
    pub issued_by: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// Date issued.
    pub date: Option<NaiveDate>,
    /// Path of the full text inside the collection.
    pub text_file: Option<String>,
    /// Where it is published.
    pub source_url: Option<String>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A source a summit's facts rest on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Address.
    pub url: String,
    /// Title of the page or document.
    pub title: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was read.
    pub accessed: Option<NaiveDate>,
    /// What kind of publisher it is.
    pub tier: Option<SourceTier>,
    /// For an official source, the side whose government published it
    /// (alpha-3 code).
    pub side: Option<String>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A value of a summit looked for in the sources and left empty because
/// none settles it: one row of `unsettled.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unsettled {
    /// The outcome field, or `delegation`.
    pub field: UnsettledField,
    /// For `delegation`, the side whose delegation no source names
    /// (alpha-3 code).
    pub side: Option<String>,
    /// The day the last search for it ended.
    pub searched: NaiveDate,
    /// What was searched or read, and why it did not settle the value.
    pub tried: String,
    /// The source that would settle it, where known.
    pub would_settle: Option<String>,
    /// A page that narrows it or probably settles it but could not be
    /// read whole or cited for it.
    pub lead_url: Option<String>,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

/// A leader's visit to another country: one row of `visits.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Visit {
    /// Unique id, e.g. `hs-visit-2993` (from the official record's id).
    pub visit_id: String,
    /// The visitor as the record writes them, title included, e.g.
    /// `President Vladimir Putin`.
    pub person: String,
    /// The visitor's `person_id` where the curated collections know them.
    pub person_id: Option<String>,
    /// The visitor's title as recorded, e.g. `President`, `Prime Minister`.
    pub title: Option<String>,
    /// The visitor's country (alpha-3 code).
    pub from_country: String,
    /// The country visited (alpha-3 code).
    pub to_country: String,
    /// First day.
    pub start_date: NaiveDate,
    /// Last day.
    pub end_date: NaiveDate,
    /// Places visited, as recorded.
    pub locale: Option<String>,
    /// The kind of visit, read from the record's own words.
    pub kind: Option<VisitKind>,
    /// The record's description or remarks.
    pub description: Option<String>,
    /// The published record the row comes from.
    pub source_url: String,
    /// Columns beyond the codebook's.
    #[serde(flatten)]
    pub extra: Extra,
}

impl Record {
    /// The summit's dyad, e.g. `RUS-USA`.
    pub fn dyad(&self) -> String {
        dyad(&self.summit.side_a, &self.summit.side_b)
    }
}
