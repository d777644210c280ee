//! The library's error type, the places errors point at, and validation
//! findings.
//!
//! Two kinds of bad input are told apart. A syntax error in a JSON or TOML
//! record stops the load of that file at once ([`Error::Syntax`]). Everything
//! else, from a ragged CSV row to a participant of a summit that does not
//! exist, is a [`Finding`]: findings are collected over the whole collection
//! and returned together in a [`Report`], so a user fixes them in one pass.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in summitry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written. What the
    /// operating system said is the error's source, so it is printed once.
    #[error("{}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A JSON or TOML record is not well-formed.
    #[error("{location}: {message}")]
    Syntax {
        /// Where the parser stopped.
        location: Location,
        /// The parser's explanation.
        message: String,
    },
    /// The data was read but breaks the rules of the codebook.
    #[error("{0}")]
    Invalid(Report),
    /// A path holds no collection, or holds something that is not one.
    #[error("{0}")]
    NotACollection(String),
    /// A summit, dyad or other name asked for is not in the data.
    #[error("{0}")]
    NotFound(String),
    /// A data frame operation failed. This is a bug in summitry if it
    /// happens on validated data, and is reported as such.
    #[error("frame operation failed")]
    Frame(#[from] polars::error::PolarsError),
    /// A chart could not be drawn or rendered.
    #[error("chart: {0}")]
    Chart(String),
    /// summitry will not do what was asked because it could destroy or
    /// read something it was not pointed at: replace a directory it did
    /// not make, follow a symbolic link, or read outside the directory a
    /// spec or manifest belongs to. Nothing was touched.
    #[error("{0}")]
    Refused(String),
    /// Records could not be written in the requested format.
    #[error("could not write {what}: {message}")]
    Write {
        /// What was being written.
        what: String,
        /// Why it failed.
        message: String,
    },
}

impl Error {
    /// Whether the error is the input data's fault (exit code 2 at the
    /// command line) rather than the environment's or summitry's.
    pub fn is_bad_data(&self) -> bool {
        matches!(
            self,
            Error::Syntax { .. } | Error::Invalid(_) | Error::NotACollection(_) | Error::Refused(_)
        )
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

/// An error and its causes on one line, each said once, as the command
/// line prints them.
pub(crate) fn chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        text.push_str(": ");
        text.push_str(&c.to_string());
        cause = c.source();
    }
    text
}

/// A place in an input file: its path as the user would type it, and a
/// one-based line and column (columns count characters, not bytes). A
/// problem with the whole file or directory (a missing file, an empty one)
/// has no line; one with a whole line (a header lacking a column) has no
/// column. Positions are never made up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// The file, e.g. `datasets/us-russia/summits.csv`.
    pub path: String,
    /// One-based line, if the problem is on one.
    pub line: Option<u64>,
    /// One-based column, in characters, if the problem is at one.
    pub column: Option<u64>,
}

impl Location {
    /// A location at `line:column` of `path`.
    pub fn new(path: impl Into<String>, line: u64, column: u64) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
            column: Some(column),
        }
    }

    /// A whole line of `path`.
    pub fn line(path: impl Into<String>, line: u64) -> Location {
        Location {
            path: path.into(),
            line: Some(line),
            column: None,
        }
    }

    /// The whole of `path`, a file or a directory: no position in it.
    pub fn whole(path: impl Into<String>) -> Location {
        Location {
            path: path.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        Ok(())
    }
}

/// The rule a finding breaks. The kebab-case names are stable: scripts may
/// match on them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Rule {
    /// The file is not valid UTF-8.
    InvalidUtf8,
    /// The CSV could not be parsed (for example an unclosed quote).
    MalformedCsv,
    /// A row has more or fewer fields than the header.
    RaggedRow,
    /// The file has no header row.
    EmptyFile,
    /// A required column is not in the header.
    MissingColumn,
    /// The header names a column twice.
    DuplicateColumn,
    /// A JSON or TOML record file is not well-formed.
    Syntax,
    /// A record file's field has the wrong shape (for example a list where
    /// a table is expected).
    WrongShape,
    /// A required value is empty.
    MissingValue,
    /// An id is not made of letters, digits, `-`, `_` and `.`.
    InvalidId,
    /// A value is not of the column's type (date, boolean, number...).
    WrongType,
    /// A value is not in the column's vocabulary.
    UnknownValue,
    /// A country code is not in the country table.
    UnknownCountry,
    /// An id is used twice.
    DuplicateId,
    /// A row refers to a summit that does not exist.
    UnknownSummit,
    /// A summit ends before it starts.
    EndBeforeStart,
    /// A number is outside its allowed range.
    OutOfRange,
    /// A statement's text file is missing from the collection.
    MissingFile,
    /// An interpreter is coded with another portfolio than `interpreting`.
    InterpreterPortfolio,
    /// A summit with a joint text in `statements.csv` is not coded as
    /// having a joint statement.
    JointTextNotCoded,
    /// A summit's count of agreements signed is below the number of
    /// agreements its outcome names.
    AgreementsCount,
    /// An outcome names among its agreements a text whose title calls it
    /// a statement, declaration or communiqué: a joint text, never an
    /// agreement.
    AgreementIsJointText,
    /// Questions from the press are coded for a summit whose leaders are
    /// not coded as having faced the press together.
    PressQuestions,
    /// A statement is dated outside its summit's days and the day after
    /// (the dates rule: a summit's days are the days the leaders met).
    StatementDate,
    /// A row of `unsettled.csv` is about a value that is coded: an
    /// outcome field that is not empty, or a delegation with a member
    /// named beyond the leader.
    UnsettledCoded,
    /// A `delegation` row of `unsettled.csv` does not name one of its
    /// summit's sides, or a row of an outcome field names a side.
    UnsettledSide,
    /// A warning, not an error: a summit coded `joint_statement = true`
    /// in a collection that lists its statements, with no joint text
    /// among them.
    JointTextMissing,
}

impl Rule {
    /// The stable kebab-case name of the rule.
    pub fn name(self) -> &'static str {
        match self {
            Rule::InvalidUtf8 => "invalid-utf8",
            Rule::MalformedCsv => "malformed-csv",
            Rule::RaggedRow => "ragged-row",
            Rule::EmptyFile => "empty-file",
            Rule::MissingColumn => "missing-column",
            Rule::DuplicateColumn => "duplicate-column",
            Rule::Syntax => "syntax",
            Rule::WrongShape => "wrong-shape",
            Rule::MissingValue => "missing-value",
            Rule::InvalidId => "invalid-id",
            Rule::WrongType => "wrong-type",
            Rule::UnknownValue => "unknown-value",
            Rule::UnknownCountry => "unknown-country",
            Rule::DuplicateId => "duplicate-id",
            Rule::UnknownSummit => "unknown-summit",
            Rule::EndBeforeStart => "end-before-start",
            Rule::OutOfRange => "out-of-range",
            Rule::MissingFile => "missing-file",
            Rule::InterpreterPortfolio => "interpreter-portfolio",
            Rule::AgreementsCount => "agreements-count",
            Rule::AgreementIsJointText => "agreement-is-joint-text",
            Rule::PressQuestions => "press-questions",
            Rule::JointTextNotCoded => "joint-text-not-coded",
            Rule::StatementDate => "statement-date",
            Rule::UnsettledCoded => "unsettled-coded",
            Rule::UnsettledSide => "unsettled-side",
            Rule::JointTextMissing => "joint-text-missing",
        }
    }

    /// Whether a finding of this rule is a warning: reported by `validate`
    /// but not a reason to refuse the data.
    pub fn is_warning(self) -> bool {
        matches!(self, Rule::JointTextMissing)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One problem in the data: where, which column, which rule, which value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    /// Where the offending value (or row, or header) is.
    pub location: Location,
    /// The column concerned, if the problem is in one column.
    pub column: Option<String>,
    /// The rule broken.
    pub rule: Rule,
    /// The offending value as written, if there is one.
    pub value: Option<String>,
    /// A sentence saying what is wrong, naming what was expected.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(column) = &self.column {
            write!(f, "{column}: ")?;
        }
        write!(f, "{} [{}]", self.message, self.rule)
    }
}

/// All findings of one validation, sorted by file, line and column.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Report {
    /// The findings, in reading order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// A report of these findings, put in reading order.
    pub fn new(mut findings: Vec<Finding>) -> Report {
        findings.sort();
        findings.dedup();
        Report { findings }
    }

    /// The number of distinct files the findings are in.
    pub fn files(&self) -> usize {
        let mut paths: Vec<&str> = self
            .findings
            .iter()
            .map(|f| f.location.path.as_str())
            .collect();
        paths.dedup();
        paths.len()
    }

    /// The one-line verdict, e.g. `3 problems in 2 files`.
    pub fn summary(&self) -> String {
        let n = self.findings.len();
        let files = self.files();
        format!(
            "{n} problem{} in {files} file{}",
            if n == 1 { "" } else { "s" },
            if files == 1 { "" } else { "s" }
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid data: {}", self.summary())
    }
}
