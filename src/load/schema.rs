//! The codebook as types: the tables of a collection, their columns, what
//! each column holds and the polars dtype it is read as. A leaf: it
//! imports nothing from the rest of `load`.

use polars::prelude::*;

use crate::model::country::COUNTRIES;
use crate::model::{
    Camp, Format, HostSide, Intensity, Level, Portfolio, Role, SanctionScope, SourceTier,
    StatementKind, UnsettledField, VisitKind, WarRole, WarrantKind,
};

/// The tables of a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// `summits.csv`: one row a summit.
    Summits,
    /// `participants.csv`: one row a person at a summit.
    Participants,
    /// `outcomes.csv`: one row a summit.
    Outcomes,
    /// `context.csv`: one row a summit.
    Context,
    /// `statements.csv`: one row a text issued.
    Statements,
    /// `sources.csv`: one row a source of a summit's facts.
    Sources,
    /// `unsettled.csv`: one row a value of a summit looked for and left
    /// empty, with what was tried.
    Unsettled,
    /// `visits.csv`: one row a leader's visit to another country; it
    /// stands on its own, not under a summit.
    Visits,
    /// `exclusions.csv`: one row a meeting the collection considered and
    /// left out, with the reason; it stands on its own.
    Exclusions,
    /// `conflicts.csv`: one row a state's part in an armed conflict; it
    /// stands on its own, and summits' context is computed from it.
    Conflicts,
    /// `sanctions.csv`: one row a sanctions regime of one state against
    /// another; it stands on its own.
    Sanctions,
    /// `warrants.csv`: one row an arrest warrant or indictment against a
    /// leader; it stands on its own.
    Warrants,
}

/// What a column holds, which decides its dtype and its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Free text.
    Text,
    /// An identifier that may name a file: ASCII letters, digits, `-`,
    /// `_` and `.`, starting with a letter or digit.
    Id,
    /// An ISO date, `YYYY-MM-DD`.
    Date,
    /// `true` or `false` (any letter case).
    Bool,
    /// A whole number, zero or more.
    Count,
    /// A decimal number, zero or more.
    Amount,
    /// A decimal number between -limit and +limit (latitude, longitude).
    Degrees(u8),
    /// A country code from the country table.
    Country,
    /// `;`-separated country or organisation codes.
    Stakeholders,
    /// One word of a closed vocabulary.
    Vocabulary(&'static [&'static str]),
    /// `joint` or a country code.
    Issuer,
    /// A two- or three-letter lowercase ISO 639 code.
    Language,
    /// An `http://` or `https://` address.
    Url,
    /// A relative path inside the collection to an existing file.
    File,
}

impl ColumnType {
    /// The dtype of the column in a frame. Closed vocabularies and country
    /// codes are Enums: a value outside them fails while the CSV is parsed,
    /// and each takes a byte or two instead of a string.
    pub fn dtype(self) -> DataType {
        match self {
            ColumnType::Date => DataType::Date,
            ColumnType::Bool => DataType::Boolean,
            ColumnType::Count => DataType::Int64,
            ColumnType::Amount | ColumnType::Degrees(_) => DataType::Float64,
            ColumnType::Country => enum_of(COUNTRIES.iter().map(|c| c.alpha3)),
            ColumnType::Vocabulary(names) => enum_of(names.iter().copied()),
            _ => DataType::String,
        }
    }
}

fn enum_of<'a>(names: impl IntoIterator<Item = &'a str>) -> DataType {
    let categories = FrozenCategories::new(names).expect("vocabularies hold distinct words");
    DataType::from_frozen_categories(categories)
}

/// One column of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// Name in the header.
    pub name: &'static str,
    /// What it holds.
    pub ty: ColumnType,
    /// Must be in the header (columns after the codebook's `|`).
    pub required: bool,
    /// May be empty (unknown).
    pub nullable: bool,
}

const fn need(name: &'static str, ty: ColumnType) -> Column {
    Column {
        name,
        ty,
        required: true,
        nullable: false,
    }
}

const fn may(name: &'static str, ty: ColumnType) -> Column {
    Column {
        name,
        ty,
        required: false,
        nullable: true,
    }
}

const SUMMITS: &[Column] = &[
    need("summit_id", ColumnType::Id),
    need("name", ColumnType::Text),
    need("side_a", ColumnType::Country),
    need("side_b", ColumnType::Country),
    need("start_date", ColumnType::Date),
    need("end_date", ColumnType::Date),
    need("city", ColumnType::Text),
    need("host_country", ColumnType::Country),
    need("format", ColumnType::Vocabulary(Format::NAMES)),
    may("venue", ColumnType::Text),
    may("latitude", ColumnType::Degrees(90)),
    may("longitude", ColumnType::Degrees(180)),
    may("host_side", ColumnType::Vocabulary(HostSide::NAMES)),
    may("name_ar", ColumnType::Text),
    may("name_ru", ColumnType::Text),
    may("name_zh", ColumnType::Text),
    may("name_ko", ColumnType::Text),
];

const PARTICIPANTS: &[Column] = &[
    need("summit_id", ColumnType::Text),
    need("person_id", ColumnType::Text),
    need("name", ColumnType::Text),
    need("country", ColumnType::Country),
    need("role", ColumnType::Vocabulary(Role::NAMES)),
    need("portfolio", ColumnType::Vocabulary(Portfolio::NAMES)),
    Column {
        nullable: true,
        ..need("level", ColumnType::Vocabulary(Level::NAMES))
    },
];

const OUTCOMES: &[Column] = &[
    need("summit_id", ColumnType::Text),
    may("joint_statement", ColumnType::Bool),
    may("joint_press_conference", ColumnType::Bool),
    may("press_questions_taken", ColumnType::Bool),
    may("agreements_signed", ColumnType::Count),
    may("agreements", ColumnType::Text),
    may("duration_hours", ColumnType::Amount),
    may("follow_up_agreed", ColumnType::Bool),
    may("ceasefire_announced", ColumnType::Bool),
];

const CONTEXT: &[Column] = &[
    need("summit_id", ColumnType::Text),
    may("absent_stakeholders", ColumnType::Stakeholders),
    may("notes", ColumnType::Text),
];

const STATEMENTS: &[Column] = &[
    need("statement_id", ColumnType::Text),
    need("summit_id", ColumnType::Text),
    need("kind", ColumnType::Vocabulary(StatementKind::NAMES)),
    may("issued_by", ColumnType::Issuer),
    may("language", ColumnType::Language),
    may("title", ColumnType::Text),
    may("date", ColumnType::Date),
    may("text_file", ColumnType::File),
    may("source_url", ColumnType::Url),
];

const SOURCES: &[Column] = &[
    need("summit_id", ColumnType::Text),
    need("url", ColumnType::Url),
    may("title", ColumnType::Text),
    may("publisher", ColumnType::Text),
    may("accessed", ColumnType::Date),
    may("tier", ColumnType::Vocabulary(SourceTier::NAMES)),
    may("side", ColumnType::Country),
];

const UNSETTLED: &[Column] = &[
    need("summit_id", ColumnType::Text),
    need("field", ColumnType::Vocabulary(UnsettledField::NAMES)),
    may("side", ColumnType::Country),
    need("searched", ColumnType::Date),
    need("tried", ColumnType::Text),
    may("would_settle", ColumnType::Text),
    may("lead_url", ColumnType::Url),
];

const VISITS: &[Column] = &[
    need("visit_id", ColumnType::Id),
    need("person", ColumnType::Text),
    may("person_id", ColumnType::Id),
    may("title", ColumnType::Text),
    need("from_country", ColumnType::Country),
    need("to_country", ColumnType::Country),
    need("start_date", ColumnType::Date),
    need("end_date", ColumnType::Date),
    may("locale", ColumnType::Text),
    may("kind", ColumnType::Vocabulary(VisitKind::NAMES)),
    may("description", ColumnType::Text),
    need("source_url", ColumnType::Url),
];

const EXCLUSIONS: &[Column] = &[
    need("exclusion_id", ColumnType::Id),
    need("side_a", ColumnType::Country),
    need("side_b", ColumnType::Country),
    need("start_date", ColumnType::Date),
    need("end_date", ColumnType::Date),
    may("city", ColumnType::Text),
    may("visit_id", ColumnType::Text),
    need("reason", ColumnType::Text),
    may("source_url", ColumnType::Url),
];

/// Where a row of a context table says its fact comes from: the page
/// that settles the start (and the one that settles the end, where
/// another does), its publisher, the publisher's tier and the day it was
/// read.
macro_rules! cited {
    ($($column:expr,)*) => {
        &[
            $($column,)*
            need("source_url", ColumnType::Url),
            may("end_source_url", ColumnType::Url),
            may("publisher", ColumnType::Text),
            may("tier", ColumnType::Vocabulary(SourceTier::NAMES)),
            may("accessed", ColumnType::Date),
            may("notes", ColumnType::Text),
        ]
    };
}

/// A context table's `end_date`: always in the header, empty while the
/// fact was still in force when the sources were read.
const OPEN_END: Column = Column {
    required: true,
    ..may("end_date", ColumnType::Date)
};

const CONFLICTS: &[Column] = cited![
    need("involvement_id", ColumnType::Id),
    need("conflict_id", ColumnType::Id),
    need("conflict", ColumnType::Text),
    may("conflict_ar", ColumnType::Text),
    may("conflict_ru", ColumnType::Text),
    need("country", ColumnType::Country),
    need("camp", ColumnType::Vocabulary(Camp::NAMES)),
    need("role", ColumnType::Vocabulary(WarRole::NAMES)),
    need("intensity", ColumnType::Vocabulary(Intensity::NAMES)),
    need("start_date", ColumnType::Date),
    OPEN_END,
];

const SANCTIONS: &[Column] = cited![
    need("regime_id", ColumnType::Id),
    need("name", ColumnType::Text),
    may("name_ar", ColumnType::Text),
    may("name_ru", ColumnType::Text),
    need("imposer", ColumnType::Country),
    need("target", ColumnType::Country),
    need("scope", ColumnType::Vocabulary(SanctionScope::NAMES)),
    need("start_date", ColumnType::Date),
    OPEN_END,
    may("legal_basis", ColumnType::Text),
];

const WARRANTS: &[Column] = cited![
    need("warrant_id", ColumnType::Id),
    need("person_id", ColumnType::Id),
    need("person", ColumnType::Text),
    may("person_ar", ColumnType::Text),
    may("person_ru", ColumnType::Text),
    need("issuer", ColumnType::Text),
    may("issuer_ar", ColumnType::Text),
    may("issuer_ru", ColumnType::Text),
    need("kind", ColumnType::Vocabulary(WarrantKind::NAMES)),
    need("start_date", ColumnType::Date),
    OPEN_END,
];

impl Table {
    /// Every table, in the order they are loaded and reported.
    pub const ALL: [Table; 12] = [
        Table::Summits,
        Table::Participants,
        Table::Outcomes,
        Table::Context,
        Table::Statements,
        Table::Sources,
        Table::Unsettled,
        Table::Visits,
        Table::Exclusions,
        Table::Conflicts,
        Table::Sanctions,
        Table::Warrants,
    ];

    /// The tables that stand on their own (not under a summit), each a
    /// flat record in the records form, named by its id column.
    pub const STANDALONE: [Table; 5] = [
        Table::Visits,
        Table::Exclusions,
        Table::Conflicts,
        Table::Sanctions,
        Table::Warrants,
    ];

    /// The tables of facts that summits' context is computed from.
    pub const CONTEXT_FACTS: [Table; 3] = [Table::Conflicts, Table::Sanctions, Table::Warrants];

    /// The tables whose rows belong to a summit: all but summits and the
    /// tables that stand on their own.
    pub const OF_SUMMITS: [Table; 6] = [
        Table::Participants,
        Table::Outcomes,
        Table::Context,
        Table::Statements,
        Table::Sources,
        Table::Unsettled,
    ];

    /// The table's name, e.g. `participants`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Summits => "summits",
            Table::Participants => "participants",
            Table::Outcomes => "outcomes",
            Table::Context => "context",
            Table::Statements => "statements",
            Table::Sources => "sources",
            Table::Unsettled => "unsettled",
            Table::Visits => "visits",
            Table::Exclusions => "exclusions",
            Table::Conflicts => "conflicts",
            Table::Sanctions => "sanctions",
            Table::Warrants => "warrants",
        }
    }

    /// The table's file in the canonical form, e.g. `participants.csv`.
    pub fn file_name(self) -> String {
        format!("{}.csv", self.name())
    }

    /// The codebook's columns, in canonical order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Summits => SUMMITS,
            Table::Participants => PARTICIPANTS,
            Table::Outcomes => OUTCOMES,
            Table::Context => CONTEXT,
            Table::Statements => STATEMENTS,
            Table::Sources => SOURCES,
            Table::Unsettled => UNSETTLED,
            Table::Visits => VISITS,
            Table::Exclusions => EXCLUSIONS,
            Table::Conflicts => CONFLICTS,
            Table::Sanctions => SANCTIONS,
            Table::Warrants => WARRANTS,
        }
    }

    /// The codebook's column of this name.
    pub fn column(self, name: &str) -> Option<&'static Column> {
        self.columns().iter().find(|c| c.name == name)
    }

    /// The columns whose values together must be unique in the table;
    /// none for participants, where the codebook allows one person twice
    /// at a summit (in two roles, or in a collection that samples people).
    pub fn key(self) -> &'static [&'static str] {
        match self {
            Table::Summits => &["summit_id"],
            Table::Participants => &[],
            Table::Outcomes | Table::Context => &["summit_id"],
            Table::Statements => &["statement_id"],
            Table::Sources => &["summit_id", "url"],
            Table::Unsettled => &["summit_id", "field", "side"],
            Table::Visits => &["visit_id"],
            Table::Exclusions => &["exclusion_id"],
            Table::Conflicts => &["involvement_id"],
            Table::Sanctions => &["regime_id"],
            Table::Warrants => &["warrant_id"],
        }
    }

    /// Whether the table's rows belong to a summit of `summits.csv`.
    pub fn refers_to_summits(self) -> bool {
        Table::OF_SUMMITS.contains(&self)
    }

    /// Whether the table's rows span days (`start_date`, `end_date`),
    /// which must not end before they start. In the context tables an
    /// empty `end_date` means still in force when the sources were read.
    pub fn has_span(self) -> bool {
        !matches!(
            self,
            Table::Participants
                | Table::Outcomes
                | Table::Context
                | Table::Statements
                | Table::Sources
                | Table::Unsettled
        )
    }

    /// The id column of a table that stands on its own (`visit_id`,
    /// `exclusion_id`...); `None` for summits and the tables under them.
    pub fn standalone_id(self) -> Option<&'static str> {
        match self {
            Table::Visits
            | Table::Exclusions
            | Table::Conflicts
            | Table::Sanctions
            | Table::Warrants => self.key().first().copied(),
            _ => None,
        }
    }
}

/// The names of a frame's columns: the codebook's in canonical order, then
/// the extra columns of the file in the file's order.
pub fn column_order(table: Table, header: &[String]) -> Vec<String> {
    let mut names: Vec<String> = table.columns().iter().map(|c| c.name.to_owned()).collect();
    names.extend(header.iter().filter(|h| table.column(h).is_none()).cloned());
    names
}

/// The dtype of a column of this table: the codebook's, or String for an
/// extra column.
pub fn dtype_of(table: Table, name: &str) -> DataType {
    table
        .column(name)
        .map_or(DataType::String, |c| c.ty.dtype())
}

/// A frame with the table's columns and no rows: a missing table.
pub fn empty(table: Table) -> DataFrame {
    let columns: Vec<polars::prelude::Column> = table
        .columns()
        .iter()
        .map(|c| polars::prelude::Column::new_empty(c.name.into(), &c.ty.dtype()))
        .collect();
    DataFrame::new_infer_height(columns).expect("distinct column names")
}
