//! The one place where tables, their columns and their dtypes are defined,
//! and where CSV bytes become polars frames.
//!
//! Every frame summitry builds goes through [`read_csv`], polars' CSV
//! reader with the codebook's schema: collections on disk are read
//! straight from their files, and nested records are first rendered as
//! canonical CSV (see `load::records`), so there is a single route from
//! text to frame and a single schema.

use polars::prelude::*;
use rayon::prelude::*;

use crate::error::Result;
use crate::model::country::COUNTRIES;
use crate::model::{Format, HostSide, Level, Portfolio, Role, StatementKind};

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
}

/// What a column holds, which decides its dtype and its checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
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

impl Kind {
    /// The dtype of the column in a frame. Closed vocabularies and country
    /// codes are Enums: a value outside them fails while the CSV is parsed,
    /// and each takes a byte or two instead of a string.
    pub fn dtype(self) -> DataType {
        match self {
            Kind::Date => DataType::Date,
            Kind::Bool => DataType::Boolean,
            Kind::Count => DataType::Int64,
            Kind::Amount | Kind::Degrees(_) => DataType::Float64,
            Kind::Country => enum_of(COUNTRIES.iter().map(|c| c.alpha3)),
            Kind::Vocabulary(names) => enum_of(names.iter().copied()),
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
    pub kind: Kind,
    /// Must be in the header (columns after the codebook's `|`).
    pub required: bool,
    /// May be empty (unknown).
    pub nullable: bool,
}

const fn need(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        required: true,
        nullable: false,
    }
}

const fn may(name: &'static str, kind: Kind) -> Column {
    Column {
        name,
        kind,
        required: false,
        nullable: true,
    }
}

const SUMMITS: &[Column] = &[
    need("summit_id", Kind::Id),
    need("name", Kind::Text),
    need("side_a", Kind::Country),
    need("side_b", Kind::Country),
    need("start_date", Kind::Date),
    need("end_date", Kind::Date),
    need("city", Kind::Text),
    need("host_country", Kind::Country),
    need("format", Kind::Vocabulary(Format::NAMES)),
    may("venue", Kind::Text),
    may("latitude", Kind::Degrees(90)),
    may("longitude", Kind::Degrees(180)),
    may("host_side", Kind::Vocabulary(HostSide::NAMES)),
    may("name_ar", Kind::Text),
    may("name_ru", Kind::Text),
];

const PARTICIPANTS: &[Column] = &[
    need("summit_id", Kind::Text),
    need("person_id", Kind::Text),
    need("name", Kind::Text),
    need("country", Kind::Country),
    need("role", Kind::Vocabulary(Role::NAMES)),
    need("portfolio", Kind::Vocabulary(Portfolio::NAMES)),
    Column {
        nullable: true,
        ..need("level", Kind::Vocabulary(Level::NAMES))
    },
];

const OUTCOMES: &[Column] = &[
    need("summit_id", Kind::Text),
    may("joint_statement", Kind::Bool),
    may("joint_press_conference", Kind::Bool),
    may("press_questions_taken", Kind::Bool),
    may("agreements_signed", Kind::Count),
    may("agreements", Kind::Text),
    may("duration_hours", Kind::Amount),
    may("follow_up_agreed", Kind::Bool),
    may("ceasefire_announced", Kind::Bool),
];

const CONTEXT: &[Column] = &[
    need("summit_id", Kind::Text),
    may("ongoing_war", Kind::Bool),
    may("sanctions_in_force", Kind::Bool),
    may("warrant_against_participant", Kind::Bool),
    may("absent_stakeholders", Kind::Stakeholders),
    may("notes", Kind::Text),
];

const STATEMENTS: &[Column] = &[
    need("statement_id", Kind::Text),
    need("summit_id", Kind::Text),
    need("kind", Kind::Vocabulary(StatementKind::NAMES)),
    may("issued_by", Kind::Issuer),
    may("language", Kind::Language),
    may("title", Kind::Text),
    may("date", Kind::Date),
    may("text_file", Kind::File),
    may("source_url", Kind::Url),
];

const SOURCES: &[Column] = &[
    need("summit_id", Kind::Text),
    need("url", Kind::Url),
    may("title", Kind::Text),
    may("publisher", Kind::Text),
    may("accessed", Kind::Date),
];

impl Table {
    /// Every table, in the order they are loaded and reported.
    pub const ALL: [Table; 6] = [
        Table::Summits,
        Table::Participants,
        Table::Outcomes,
        Table::Context,
        Table::Statements,
        Table::Sources,
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
        }
    }

    /// Whether the table's rows belong to a summit of `summits.csv`.
    pub fn refers_to_summits(self) -> bool {
        self != Table::Summits
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
        .map_or(DataType::String, |c| c.kind.dtype())
}

/// A frame with the table's columns and no rows: a missing table.
pub fn empty(table: Table) -> DataFrame {
    let columns: Vec<polars::prelude::Column> = table
        .columns()
        .iter()
        .map(|c| polars::prelude::Column::new_empty(c.name.into(), &c.kind.dtype()))
        .collect();
    DataFrame::new_infer_height(columns).expect("distinct column names")
}

/// Reads a table's CSV bytes, whose header is `header` (already checked to
/// hold every required column once), into a frame with the pinned dtypes
/// and the canonical column order. Missing optional columns are added as
/// nulls. Rows or values that cannot be read are an error here; the caller
/// turns that into located findings (see [`read`]).
pub fn read_csv(table: Table, bytes: &[u8], header: &[String]) -> Result<DataFrame> {
    read(table, bytes, header).map_err(|reason| PolarsError::ComputeError(reason.into()).into())
}

/// Why the fast route refused a file: a short reason, for a bug report
/// only, since the precise route then says where each problem is.
pub(crate) type Refusal = String;

/// The fast route: polars' CSV reader with the codebook's schema (Enums
/// refuse unknown words, booleans and numbers are parsed as they are
/// read), dates checked as exactly `YYYY-MM-DD` by polars' own parser, and
/// the two things polars' reader lets through and the codebook does not
/// checked around it:
/// - a row with fewer fields than the header, which polars fills with
///   nulls: in a file without quotes the commas are counted (every row
///   has one fewer than the header has columns; a row with more fields is
///   polars' own error), in a file with quotes or carriage returns the
///   `csv` crate counts the rows (see [`super::csv::whole_rows`]);
/// - a blank line between rows, which polars reads as a row of nulls and
///   the codebook refuses (blank lines at the end are ignored).
///
/// Anything refused here is read again by the precise route, which says
/// where the problem is, so this route only has to be right about what
/// is clean.
pub(crate) fn read(table: Table, bytes: &[u8], header: &[String]) -> Result<DataFrame, Refusal> {
    let text = super::csv::strip_bom(bytes);
    // Blank lines at the end are no rows, for the csv crate as for users.
    let end = text
        .iter()
        .rposition(|b| !matches!(b, b'\n' | b'\r'))
        .map_or(0, |last| last + 1);
    let text = &text[..end];
    let dates: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|name| table.column(name).is_some_and(|c| c.kind == Kind::Date))
        .collect();
    // Dates are read as text: polars' reader guesses a date's pattern.
    let schema: Schema = header
        .iter()
        .map(|name| {
            let dtype = match dates.contains(&name.as_str()) {
                true => DataType::String,
                false => dtype_of(table, name),
            };
            (name.as_str().into(), dtype)
        })
        .collect();
    let df = CsvReadOptions::default()
        .with_has_header(true)
        .with_schema(Some(Arc::new(schema)))
        .into_reader_with_file_handle(std::io::Cursor::new(text))
        .finish()
        .map_err(|e| e.to_string())?;

    let quoted = memchr::memchr2(b'"', b'\r', text).is_some();
    if quoted {
        match super::csv::whole_rows(text, header.len()) {
            Some(rows) if rows == df.height() => {}
            Some(rows) => return Err(format!("{rows} rows, polars read {}", df.height())),
            None => return Err("a row is malformed".to_owned()),
        }
    } else {
        if memchr::memmem::find(text, b"\n\n").is_some() {
            return Err("a blank line between rows".to_owned());
        }
        let commas = memchr::memchr_iter(b',', text).count();
        if commas != (df.height() + 1) * (header.len() - 1) {
            return Err("a row has fewer fields than the header".to_owned());
        }
    }

    let mut exprs: Vec<Expr> = Vec::new();
    let mut wrong: Vec<Expr> = Vec::new();
    for name in column_order(table, header) {
        let dtype = dtype_of(table, &name);
        if !header.contains(&name) {
            exprs.push(lit(NULL).cast(dtype).alias(name.as_str()));
            continue;
        }
        let mut value = col(name.as_str());
        if quoted && matches!(dtype, DataType::String) || dates.contains(&name.as_str()) {
            // `""` is an empty value, as an empty field is.
            value = when(value.clone().str().len_bytes().eq(lit(0)))
                .then(lit(NULL).cast(DataType::String))
                .otherwise(value);
        }
        if dates.contains(&name.as_str()) {
            wrong.push(
                value
                    .clone()
                    .str()
                    .len_bytes()
                    .neq(lit(10))
                    .fill_null(lit(false))
                    .any(true),
            );
            value = value.str().to_date(StrptimeOptions {
                format: Some("%Y-%m-%d".into()),
                strict: true,
                exact: true,
                cache: false,
            });
        }
        exprs.push(value.alias(name.as_str()));
    }
    let df = df.lazy();
    if !wrong.is_empty() {
        let verdict = df
            .clone()
            .select([any_horizontal(wrong)
                .map_err(|e| e.to_string())?
                .alias("wrong")])
            .collect()
            .map_err(|e| e.to_string())?;
        if verdict
            .column("wrong")
            .and_then(|c| c.bool().cloned())
            .map_err(|e| e.to_string())?
            .get(0)
            == Some(true)
        {
            return Err("a date is not written YYYY-MM-DD".to_owned());
        }
    }
    df.select(exprs).collect().map_err(|e| e.to_string())
}

/// How the values of a column are ordered.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// Each value greater than the one before: sorted and distinct.
    Increasing,
    /// Sorted, with repeats.
    NonDecreasing,
    /// Neither, or holding nulls.
    Unsorted,
}

/// The order of a text column, found in one linear pass. Collections are
/// usually written sorted by id; then uniqueness and references can be
/// checked by walking instead of hashing millions of strings.
pub(crate) fn order(ca: &StringChunked) -> Order {
    let mut previous: Option<&str> = None;
    let mut strict = true;
    for value in ca.iter() {
        let Some(value) = value else {
            return Order::Unsorted;
        };
        if let Some(p) = previous {
            if p == value {
                strict = false;
            } else if p > value {
                return Order::Unsorted;
            }
        }
        previous = Some(value);
    }
    if strict {
        Order::Increasing
    } else {
        Order::NonDecreasing
    }
}

/// For each of `values`, which never decrease, its position among the
/// strictly increasing `known` (`None` where it is not there), found by
/// one forward walk over both. The one merge walk every sorted-id path
/// shares; callers check the order first (see [`order`]).
pub(crate) fn walk_positions<'a>(
    known: &'a [&'a str],
    values: impl Iterator<Item = &'a str> + 'a,
) -> impl Iterator<Item = Option<usize>> + 'a {
    let mut at = 0;
    values.map(move |value| {
        while at < known.len() && known[at] < value {
            at += 1;
        }
        (at < known.len() && known[at] == value).then_some(at)
    })
}

/// What a merge walk found of the summit ids other tables refer to.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum References {
    /// The ids are not sorted: hashing must decide.
    Unsorted,
    /// Some id is not among the known ones.
    Missing,
    /// For each child, the position among the known ids of each of its
    /// values.
    Rows(Vec<Vec<IdxSize>>),
}

/// Where each value of each column in `children` stands among the
/// strictly increasing `known` values, by merge walks that also check the
/// child never decreases. A run of one value (a summit's participants)
/// costs one comparison a row. A long child is walked in pieces side by
/// side, each starting where a binary search puts its first value.
pub(crate) fn merge_rows(known: &StringChunked, children: &[StringChunked]) -> References {
    if order(known) != Order::Increasing {
        return References::Unsorted;
    }
    let known: Vec<&str> = known.iter().flatten().collect();
    let mut found = Vec::with_capacity(children.len());
    for child in children {
        if child.null_count() > 0 {
            return References::Unsorted;
        }
        let size = child
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1 << 16);
        let pieces: Vec<StringChunked> = (0..child.len())
            .step_by(size)
            .map(|start| child.slice(start as i64, size))
            .collect();
        // Each piece must not start below where the one before ended.
        let seams_in_order = pieces
            .windows(2)
            .all(|pair| pair[0].last() <= pair[1].first());
        let walks: Vec<Walk> = pieces.par_iter().map(|piece| walk(&known, piece)).collect();
        if !seams_in_order || walks.iter().any(|w| matches!(w, Walk::Unsorted)) {
            return References::Unsorted;
        }
        if walks.iter().any(|w| matches!(w, Walk::Missing)) {
            return References::Missing;
        }
        let mut rows: Vec<IdxSize> = Vec::with_capacity(child.len());
        for w in walks {
            if let Walk::Rows(piece) = w {
                rows.extend(piece);
            }
        }
        found.push(rows);
    }
    References::Rows(found)
}

/// What a merge walk found of one piece of a child column (no nulls).
enum Walk {
    /// Its values decrease somewhere.
    Unsorted,
    /// Sorted, but some value is not known.
    Missing,
    Rows(Vec<IdxSize>),
}

/// Walks one piece of a child column along `known`.
fn walk(known: &[&str], piece: &StringChunked) -> Walk {
    let mut rows: Vec<IdxSize> = Vec::with_capacity(piece.len());
    let mut values = piece.iter().flatten();
    let Some(first) = values.next() else {
        return Walk::Rows(rows);
    };
    let mut at = known.partition_point(|k| *k < first);
    let mut previous: Option<(&str, IdxSize)> = None;
    for value in std::iter::once(first).chain(values) {
        if let Some((p, row)) = previous {
            if p == value {
                rows.push(row);
                continue;
            }
            if p > value {
                return Walk::Unsorted;
            }
        }
        while at < known.len() && known[at] < value {
            at += 1;
        }
        if at == known.len() || known[at] != value {
            // Missing, unless the piece turns out unsorted further on.
            return match piece.iter().flatten().is_sorted() {
                true => Walk::Missing,
                false => Walk::Unsorted,
            };
        }
        rows.push(at as IdxSize);
        previous = Some((value, at as IdxSize));
    }
    Walk::Rows(rows)
}

/// For each of `left`'s ids, the row of `right` holding the same id (null
/// where none), by a merge walk when both columns are strictly
/// increasing; `None` when they are not, and a hash join must decide.
pub(crate) fn sorted_positions(left: &StringChunked, right: &StringChunked) -> Option<IdxCa> {
    if order(left) != Order::Increasing || order(right) != Order::Increasing {
        return None;
    }
    let right: Vec<&str> = right.iter().flatten().collect();
    Some(IdxCa::from_iter_options(
        "positions".into(),
        walk_positions(&right, left.iter().flatten()).map(|p| p.map(|p| p as IdxSize)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ca(values: &[&str]) -> StringChunked {
        StringChunked::from_slice("ids".into(), values)
    }

    /// The fast route on a sources table written as `text`.
    fn fast(text: &str) -> Result<DataFrame, Refusal> {
        let header = crate::load::csv::header(Table::Sources, "sources.csv", text.as_bytes())
            .expect("a good header");
        read(Table::Sources, text.as_bytes(), &header)
    }

    #[test]
    fn the_fast_route_refuses_what_polars_would_fill_in() {
        let good = fast("summit_id,url,accessed\na,https://x,2025-08-15\n\n\n").unwrap();
        assert_eq!(good.height(), 1);
        assert_eq!(good.column("accessed").unwrap().dtype(), &DataType::Date);
        // Columns in the codebook's order, the missing ones null.
        assert_eq!(
            good.get_column_names(),
            ["summit_id", "url", "title", "publisher", "accessed"]
        );
        assert_eq!(good.column("title").unwrap().null_count(), 1);
        // A short row, with and without quotes; a blank line between rows.
        assert!(fast("summit_id,url,title\na,https://x\n").is_err());
        assert!(fast("summit_id,url,title\n\"a\",https://x\n").is_err());
        assert!(fast("summit_id,url\na,https://x\n\nb,https://y\n").is_err());
        assert!(fast("summit_id,url\r\na,https://x\r\n\r\nb,https://y\r\n").is_err());
        // Dates exactly YYYY-MM-DD, which polars' reader alone would guess.
        assert!(fast("summit_id,url,accessed\na,https://x,2025-8-15\n").is_err());
        assert!(fast("summit_id,url,accessed\na,https://x,15/08/2025\n").is_err());
        // A quoted empty value is empty.
        let quoted = fast("summit_id,url,title\n\"a\",https://x,\"\"\n").unwrap();
        assert_eq!(quoted.column("title").unwrap().null_count(), 1);
        assert!(fast("summit_id,url,title\na,https://x,\"q\"z\n").is_err());
    }

    #[test]
    fn order_tells_increasing_from_repeats_and_disorder() {
        assert_eq!(order(&ca(&["a", "b", "c"])), Order::Increasing);
        assert_eq!(order(&ca(&["a", "a", "c"])), Order::NonDecreasing);
        assert_eq!(order(&ca(&["b", "a"])), Order::Unsorted);
    }

    #[test]
    fn sorted_positions_align_rows_or_decline() {
        let left = ca(&["a", "b", "c"]);
        let positions = sorted_positions(&left, &ca(&["b", "c", "d"])).unwrap();
        let got: Vec<Option<IdxSize>> = positions.iter().collect();
        assert_eq!(got, [None, Some(0), Some(1)]);
        assert!(sorted_positions(&left, &ca(&["c", "b"])).is_none());
    }

    #[test]
    fn the_walk_places_repeated_and_missing_values() {
        let known = ["b", "d", "f"];
        let values = ["a", "b", "b", "c", "d", "g"];
        let got: Vec<Option<usize>> = walk_positions(&known, values.into_iter()).collect();
        assert_eq!(got, [None, Some(0), Some(0), None, Some(1), None]);
    }

    #[test]
    fn merge_walk_finds_rows_and_missing_references_or_declines() {
        let known = ca(&["a", "c", "e"]);
        assert_eq!(
            merge_rows(&known, &[ca(&["a", "a", "e"]), ca(&["c"])]),
            References::Rows(vec![vec![0, 0, 2], vec![1]])
        );
        assert_eq!(merge_rows(&known, &[ca(&["a", "b"])]), References::Missing);
        assert_eq!(merge_rows(&known, &[ca(&["e", "f"])]), References::Missing);
        assert_eq!(merge_rows(&known, &[ca(&["c", "a"])]), References::Unsorted);
        assert_eq!(
            merge_rows(&ca(&["c", "a"]), &[ca(&["a"])]),
            References::Unsorted
        );
    }

    #[test]
    fn long_children_are_walked_in_pieces_with_the_same_verdicts() {
        // Over 200,000 rows: at least four pieces, whatever the threads.
        let id = |i: usize| format!("s{i:07}");
        let known: Vec<String> = (0..100_000).map(|i| id(2 * i)).collect();
        let known = StringChunked::from_iter_values("k".into(), known.iter().map(String::as_str));
        let twice: Vec<String> = (0..100_000).flat_map(|i| [id(2 * i), id(2 * i)]).collect();
        let child = |values: &[String]| {
            StringChunked::from_iter_values("c".into(), values.iter().map(String::as_str))
        };
        // Verdicts by name, so that a failure does not print 200,000 rows.
        let verdict = |values: &[String]| match merge_rows(&known, &[child(values)]) {
            References::Rows(rows) => {
                let expected: Vec<IdxSize> = (0..200_000).map(|r| r / 2).collect();
                if rows == [expected] {
                    "the rows"
                } else {
                    "other rows"
                }
            }
            References::Missing => "missing",
            References::Unsorted => "unsorted",
        };
        assert_eq!(verdict(&twice), "the rows");
        // An id that is not known, late in the child.
        let mut missing = twice.clone();
        missing[180_001] = id(180_001);
        assert_eq!(verdict(&missing), "missing");
        // ... but the child decreases further on: hashing must decide.
        let mut both = missing.clone();
        both[190_000] = id(0);
        assert_eq!(verdict(&both), "unsorted");
        // A decrease early, then an unknown id late.
        let mut early = missing;
        early[10] = id(4);
        assert_eq!(verdict(&early), "unsorted");
        // A decrease exactly where one piece ends and the next begins
        // (piece sizes are at least 65,536): each piece is sorted alone.
        let mut seam = twice;
        for row in &mut seam[..65_536] {
            *row = id(199_998);
        }
        assert_eq!(verdict(&seam), "unsorted");
    }
}
