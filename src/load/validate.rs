//! The codebook's rules, in two forms that must agree.
//!
//! [`check_raw`] runs over located cells and says exactly where each problem
//! is: it is the source of every message a user sees. [`check_frames`] runs
//! the same rules as vectorised polars expressions over a whole collection
//! and only answers "clean or not": it keeps loading a million summits
//! fast, and when it says "not", the loader re-reads the files with
//! [`check_raw`] to locate the problems. The fixture tests hold the two to
//! the same verdicts.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use polars::prelude::*;

use super::raw::{RawRow, RawTable};
use super::schema::{ColumnType, Table};
use super::value::{ID_PATTERN, is_id, is_url, parse_bool, parse_date};
use crate::error::{Finding, Location, Result, Rule};
use crate::model::{UnsettledField, country, country::COUNTRIES, organisation};

/// Checks one value against its column's kind; `Err` says what was wanted.
fn check_value(
    kind: ColumnType,
    text: &str,
    has_file: &dyn Fn(&str) -> bool,
) -> Result<(), (Rule, String)> {
    let wrong = |what: &str| Err((Rule::WrongType, format!("{text:?} is not {what}")));
    // Numbers may start with spaces or tabs, and a value of only those is
    // empty: the grammar of polars' reader, which reads clean files.
    let number = text.trim_start_matches([' ', '\t']);
    if matches!(
        kind,
        ColumnType::Count | ColumnType::Amount | ColumnType::Degrees(_)
    ) && number.is_empty()
    {
        return Ok(());
    }
    match kind {
        ColumnType::Text => Ok(()),
        ColumnType::Id => {
            if is_id(text) {
                Ok(())
            } else {
                Err((
                    Rule::InvalidId,
                    format!(
                        "{text:?} is not an id: use ASCII letters, digits, `-`, `_` and `.`, starting with a letter or digit, as in 2025-anchorage"
                    ),
                ))
            }
        }
        ColumnType::Date => match parse_date(text) {
            Some(_) => Ok(()),
            None => wrong("a date written YYYY-MM-DD"),
        },
        ColumnType::Bool => match parse_bool(text) {
            Some(_) => Ok(()),
            None => wrong("a boolean (true or false)"),
        },
        ColumnType::Count => match number.parse::<i64>() {
            Ok(n) if n >= 0 => Ok(()),
            Ok(_) => Err((
                Rule::OutOfRange,
                format!("{text} is negative: expected a count of 0 or more"),
            )),
            Err(_) => wrong("a whole number"),
        },
        ColumnType::Amount => match number.parse::<f64>() {
            Ok(x) if x.is_finite() && x >= 0.0 => Ok(()),
            Ok(_) => Err((
                Rule::OutOfRange,
                format!("{text} is out of range: expected a number of 0 or more"),
            )),
            Err(_) => wrong("a number"),
        },
        ColumnType::Degrees(limit) => match number.parse::<f64>() {
            Ok(x) if x.is_finite() && x.abs() <= f64::from(limit) => Ok(()),
            Ok(_) => Err((
                Rule::OutOfRange,
                format!("{text} is out of range: expected a number from -{limit} to {limit}"),
            )),
            Err(_) => wrong("a number"),
        },
        ColumnType::Country => match country(text) {
            Some(_) => Ok(()),
            None => Err((
                Rule::UnknownCountry,
                format!(
                    "unknown country code {text:?}: expected an ISO 3166-1 alpha-3 code such as USA, or SUN for the Soviet Union"
                ),
            )),
        },
        ColumnType::Stakeholders => match text
            .split(';')
            .find(|code| country(code).is_none() && organisation(code).is_none())
        {
            None => Ok(()),
            Some(code) => Err((
                Rule::UnknownCountry,
                format!(
                    "unknown country or organisation code {code:?} in {text:?}: expected `;`-separated codes such as UKR;EU"
                ),
            )),
        },
        ColumnType::Vocabulary(names) => {
            if names.contains(&text) {
                Ok(())
            } else {
                Err((
                    Rule::UnknownValue,
                    format!(
                        "unknown value {text:?}: expected one of {}",
                        names.join(", ")
                    ),
                ))
            }
        }
        ColumnType::Issuer => {
            if text == "joint" || country(text).is_some() {
                Ok(())
            } else {
                Err((
                    Rule::UnknownValue,
                    format!("unknown issuer {text:?}: expected `joint` or a country code"),
                ))
            }
        }
        ColumnType::Language => {
            if (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase()) {
                Ok(())
            } else {
                Err((
                    Rule::UnknownValue,
                    format!(
                        "{text:?} is not a language code: expected ISO 639-1 such as en, ru, ar"
                    ),
                ))
            }
        }
        ColumnType::Url => {
            if is_url(text) {
                Ok(())
            } else {
                wrong("a web address starting with http:// or https://")
            }
        }
        ColumnType::File => {
            if has_file(text) {
                Ok(())
            } else {
                Err((
                    Rule::MissingFile,
                    format!("the file {text:?} is not in the collection"),
                ))
            }
        }
    }
}

/// Every located finding in a collection's tables (one of each table at
/// most). `has_file` tells whether a statement's text file exists.
/// `summits_whole` says whether every row of the summits table could be
/// read: if not, references to summits are not checked, since a summit
/// in an unreadable row would be reported as missing.
pub(crate) fn check_raw(
    tables: &[RawTable],
    has_file: &dyn Fn(&str) -> bool,
    summits_whole: bool,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    for raw in tables {
        for row in &raw.rows {
            for (i, name) in raw.columns.iter().enumerate() {
                let Some(column) = raw.table.column(name) else {
                    continue;
                };
                match &row.cells[i] {
                    None if !column.nullable => findings.push(Finding {
                        location: row.location.clone(),
                        column: Some(name.clone()),
                        rule: Rule::MissingValue,
                        value: None,
                        message: format!("`{name}` is required but empty"),
                    }),
                    None => {}
                    Some(cell) => {
                        if let Err((rule, message)) = check_value(column.ty, &cell.text, has_file) {
                            findings.push(cell.finding(name, rule, message));
                        }
                    }
                }
            }
        }
        findings.extend(duplicate_keys(raw));
        if raw.table == Table::Participants {
            findings.extend(interpreters(raw));
        }
        if raw.table == Table::Outcomes {
            findings.extend(agreement_counts(raw));
            findings.extend(joint_texts_as_agreements(raw));
            findings.extend(press_questions(raw));
        }
    }
    findings.extend(cross_table(tables, summits_whole));
    findings.extend(joint_texts(tables));
    findings.extend(statement_dates(tables));
    findings.extend(unsettled(tables));
    findings
}

/// The `field` of `unsettled.csv` that names a side's delegation rather
/// than an outcome field.
const DELEGATION: &str = "delegation";

/// Rows of `unsettled.csv` that the rest of the collection contradicts.
/// A row says a value was looked for and no source settles it, so the
/// value must be empty: an outcome field coded, or a member of the side's
/// delegation named beyond its leader, breaks rule `unsettled-coded`
/// (located at the row's `field`). A `delegation` row names one of its
/// summit's sides, and a row of an outcome field names none (rule
/// `unsettled-side`). Rows of summits that do not exist are left to the
/// reference rule.
fn unsettled(tables: &[RawTable]) -> Vec<Finding> {
    let find = |table: Table| tables.iter().find(|t| t.table == table);
    let Some(unsettled) = find(Table::Unsettled) else {
        return Vec::new();
    };
    let summits = find(Table::Summits);
    let outcomes = find(Table::Outcomes);
    let participants = find(Table::Participants);
    let summit_rows = rows_by_summit(summits);
    let outcome_rows = rows_by_summit(outcomes);
    let participant_rows = rows_by_summit(participants);
    let mut findings = Vec::new();
    for row in &unsettled.rows {
        let (Some(summit), Some(field)) = (
            unsettled.cell(row, "summit_id"),
            unsettled.cell(row, "field"),
        ) else {
            continue;
        };
        // A field outside the vocabulary is reported by its own rule.
        if !UnsettledField::NAMES.contains(&field.text.as_str()) {
            continue;
        }
        let id = summit.text.as_str();
        let side = unsettled.cell(row, "side");
        if field.text != DELEGATION {
            if let Some(side) = side {
                findings.push(side.finding(
                    "side",
                    Rule::UnsettledSide,
                    format!(
                        "a side is named only for a `{DELEGATION}` row: {} is one value of the summit; leave side empty",
                        field.text
                    ),
                ));
            }
            let coded = outcomes
                .zip(outcome_rows.get(id))
                .and_then(|(o, rows)| rows.iter().find_map(|r| o.cell(r, &field.text)));
            if let Some(cell) = coded {
                findings.push(field.finding(
                    "field",
                    Rule::UnsettledCoded,
                    format!(
                        "this row says no source settles {} of {id}, but the outcome codes it ({} at {}): delete the row if a source settles it, or empty the value if none does",
                        field.text, cell.text, cell.location
                    ),
                ));
            }
            continue;
        }
        let sides: Option<[&str; 2]> = summits.zip(summit_rows.get(id)).and_then(|(s, rows)| {
            let r = rows.first()?;
            Some([
                s.cell(r, "side_a")?.text.as_str(),
                s.cell(r, "side_b")?.text.as_str(),
            ])
        });
        let Some(side) = side else {
            let expected = sides.map_or_else(String::new, |[a, b]| {
                format!(": name one of the summit's sides, {a} or {b}")
            });
            findings.push(Finding {
                location: row.location.clone(),
                column: Some("side".to_owned()),
                rule: Rule::UnsettledSide,
                value: None,
                message: format!(
                    "a `{DELEGATION}` row names the side whose delegation no source names, but side is empty{expected}"
                ),
            });
            continue;
        };
        if let Some([a, b]) = sides
            && side.text != a
            && side.text != b
        {
            findings.push(side.finding(
                "side",
                Rule::UnsettledSide,
                format!("{} is not a side of {id}: expected {a} or {b}", side.text),
            ));
            continue;
        }
        let named = participants
            .zip(participant_rows.get(id))
            .and_then(|(p, rows)| {
                rows.iter()
                    .find(|r| {
                        p.cell(r, "country").is_some_and(|c| c.text == side.text)
                            && p.cell(r, "level").is_none_or(|l| l.text != PRINCIPAL)
                    })
                    .map(|r| (p, *r))
            });
        if let Some((p, r)) = named {
            let who = p
                .cell(r, "name")
                .map_or_else(|| "someone".to_owned(), |c| c.text.clone());
            findings.push(field.finding(
                "field",
                Rule::UnsettledCoded,
                format!(
                    "this row says no source names {}'s delegation at {id} beyond its leader, but {who} is named at {}: delete the row",
                    side.text, r.location
                ),
            ));
        }
    }
    findings
}

/// A table's rows by the summit they belong to.
fn rows_by_summit(raw: Option<&RawTable>) -> HashMap<&str, Vec<&RawRow>> {
    let mut by: HashMap<&str, Vec<&RawRow>> = HashMap::new();
    if let Some(raw) = raw {
        for row in &raw.rows {
            if let Some(id) = raw.cell(row, "summit_id") {
                by.entry(id.text.as_str()).or_default().push(row);
            }
        }
    }
    by
}

/// The level of the two leaders in `participants.csv`.
const PRINCIPAL: &str = "principal";

/// How many days after a summit's last day its texts may still be dated:
/// a joint declaration released the morning after the talks belongs to
/// them (Kennebunkport 2007), as does a communiqué issued at the end of
/// the visit two days after the leaders' talks (Beijing 1989); a text of
/// a week later does not.
const DAYS_AFTER: i64 = 2;

/// The dates rule, where it can be checked inside a collection: a
/// summit's `start_date` and `end_date` are the first and last day the
/// leaders met (not the whole of a visit), and the texts it issued are
/// dated on those days or the two days after. A statement dated otherwise has
/// a wrong date, or belongs to a summit whose days are coded wrong.
/// Located at the statement's `date`.
fn statement_dates(tables: &[RawTable]) -> Vec<Finding> {
    let (Some(summits), Some(statements)) = (
        tables.iter().find(|t| t.table == Table::Summits),
        tables.iter().find(|t| t.table == Table::Statements),
    ) else {
        return Vec::new();
    };
    let days: HashMap<&str, (NaiveDate, NaiveDate)> = summits
        .rows
        .iter()
        .filter_map(|row| {
            let id = summits.cell(row, "summit_id")?;
            let start = parse_date(&summits.cell(row, "start_date")?.text)?;
            let end = parse_date(&summits.cell(row, "end_date")?.text)?;
            Some((id.text.as_str(), (start, end)))
        })
        .collect();
    statements
        .rows
        .iter()
        .filter_map(|row| {
            let summit = statements.cell(row, "summit_id")?;
            let cell = statements.cell(row, "date")?;
            let date = parse_date(&cell.text)?;
            // A summit that ends before it starts is reported by its own
            // rule, not again through its texts.
            let &(start, end) = days
                .get(summit.text.as_str())
                .filter(|(start, end)| start <= end)?;
            let last = end + chrono::Days::new(DAYS_AFTER as u64);
            let days = if start == end {
                format!("was held on {start}")
            } else {
                format!("ran from {start} to {end}")
            };
            (date < start || date > last).then(|| cell.finding(
                "date",
                Rule::StatementDate,
                format!(
                    "the statement is dated {date}, but summit {} {days}: a summit's texts are dated on its days or the two days after; correct the date, the summit's days (the days the leaders met, not the whole visit), or the summit the text is given to",
                    summit.text
                ),
            ))
        })
        .collect()
}

/// The kinds of statement that are a joint text when issued `joint`.
const JOINT_KINDS: [&str; 3] = ["joint_statement", "joint_declaration", "communique"];

/// Summits with a joint text in `statements.csv` (a joint statement,
/// declaration or communiqué issued `joint`) whose outcome does not say
/// `joint_statement = true`: the codebook's definition makes the text the
/// evidence. Located at the outcome's `joint_statement` cell, or at its
/// row when the cell is empty; a summit with no outcome row is left to
/// the coverage counts (`audit --quality`).
fn joint_texts(tables: &[RawTable]) -> Vec<Finding> {
    let (Some(statements), outcomes) = (
        tables.iter().find(|t| t.table == Table::Statements),
        tables.iter().find(|t| t.table == Table::Outcomes),
    ) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let mut seen = BTreeSet::new();
    for row in &statements.rows {
        let joint = statements
            .cell(row, "issued_by")
            .is_some_and(|c| c.text == "joint");
        let kind = statements.cell(row, "kind").map(|c| c.text.as_str());
        let Some(summit) = statements.cell(row, "summit_id") else {
            continue;
        };
        if !joint || !kind.is_some_and(|k| JOINT_KINDS.contains(&k)) || !seen.insert(&summit.text) {
            continue;
        }
        let title = statements
            .cell(row, "title")
            .map_or_else(|| "untitled".to_owned(), |c| format!("{:?}", c.text));
        let said = format!(
            "{} has a joint text ({title}, at {})",
            summit.text, row.location
        );
        let outcome = outcomes.and_then(|o| {
            o.rows
                .iter()
                .find(|r| {
                    o.cell(r, "summit_id")
                        .is_some_and(|c| c.text == summit.text)
                })
                .map(|r| (o, r))
        });
        // A summit without a readable outcome row, or whose value is not
        // a boolean, is reported by the other rules, not twice.
        let Some((o, r)) = outcome else {
            continue;
        };
        let (location, value, message) = match o.cell(r, "joint_statement") {
            Some(cell) => match parse_bool(&cell.text) {
                Some(false) => (
                    cell.location.clone(),
                    Some(cell.text.clone()),
                    format!("{said}, but joint_statement is {}: code it true", cell.text),
                ),
                _ => continue,
            },
            None => (
                r.location.clone(),
                None,
                format!("{said}, but joint_statement is empty: code it true"),
            ),
        };
        findings.push(Finding {
            location,
            column: Some("joint_statement".to_owned()),
            rule: Rule::JointTextNotCoded,
            value,
            message,
        });
    }
    findings
}

/// Warnings: what `validate` reports about valid data, without refusing
/// it. A summit coded `joint_statement = true` whose collection lists its
/// statements (at least one row in `statements.csv`, or in records'
/// `[[statements]]`) but no joint text for that summit: the text's row is
/// missing, or the code is wrong. A collection that lists no statement at
/// all is not warned, as it does not claim to list texts. Located at the
/// outcome's `joint_statement` cell.
pub(crate) fn warnings(tables: &[RawTable]) -> Vec<Finding> {
    let (Some(statements), Some(outcomes)) = (
        tables.iter().find(|t| t.table == Table::Statements),
        tables.iter().find(|t| t.table == Table::Outcomes),
    ) else {
        return Vec::new();
    };
    if statements.rows.is_empty() {
        return Vec::new();
    }
    let joint: BTreeSet<&str> = statements
        .rows
        .iter()
        .filter(|row| {
            statements
                .cell(row, "issued_by")
                .is_some_and(|c| c.text == "joint")
                && statements
                    .cell(row, "kind")
                    .is_some_and(|c| JOINT_KINDS.contains(&c.text.as_str()))
        })
        .filter_map(|row| statements.cell(row, "summit_id"))
        .map(|c| c.text.as_str())
        .collect();
    outcomes
        .rows
        .iter()
        .filter_map(|row| {
            let summit = outcomes.cell(row, "summit_id")?;
            let cell = outcomes.cell(row, "joint_statement")?;
            (parse_bool(&cell.text) == Some(true) && !joint.contains(summit.text.as_str())).then(
                || cell.finding(
                    "joint_statement",
                    Rule::JointTextMissing,
                    format!(
                        "{} is coded joint_statement = true, but the collection's statements list no joint text for it: add the text's row (kind joint_statement, joint_declaration or communique; issued_by joint), or recode joint_statement from the sources",
                        summit.text
                    ),
                ),
            )
        })
        .collect()
}

/// The summits with a joint text in a statements frame, as a lazy frame
/// of one column, `summit_id` (a summit may repeat).
fn joint_text_summits(statements: &DataFrame) -> Result<LazyFrame> {
    let kinds = Series::new("kinds".into(), JOINT_KINDS.to_vec())
        .implode()?
        .into_series();
    Ok(statements
        .clone()
        .lazy()
        .filter(
            col("issued_by")
                .eq(lit("joint"))
                .and(col("kind").cast(DataType::String).is_in(lit(kinds), false))
                .fill_null(lit(false)),
        )
        .select([col("summit_id")]))
}

/// Whether valid frames hold a summit that [`warnings`] warns of: the
/// frames cannot say where it is, so the loader re-reads the two tables
/// with their positions only when this is true.
pub(crate) fn may_warn(statements: &DataFrame, outcomes: &DataFrame) -> Result<bool> {
    if statements.height() == 0 {
        return Ok(false);
    }
    let coded = outcomes
        .clone()
        .lazy()
        .filter(col("joint_statement").fill_null(lit(false)))
        .select([col("summit_id")])
        .join(
            joint_text_summits(statements)?,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Anti),
        )
        .select([len().alias("n")])
        .collect()?;
    Ok(coded.column("n")?.get(0)?.extract::<u64>().unwrap_or(0) > 0)
}

/// The portfolio of interpreters and note-takers.
const INTERPRETING: &str = "interpreting";

/// Interpreters coded with another portfolio than `interpreting`: the
/// codebook counts them apart from the ministry that employs them.
fn interpreters(raw: &RawTable) -> Vec<Finding> {
    raw.rows
        .iter()
        .filter(|row| raw.cell(row, "role").is_some_and(|c| c.text == "interpreter"))
        .filter_map(|row| raw.cell(row, "portfolio"))
        .filter(|cell| cell.text != INTERPRETING)
        .map(|cell| cell.finding(
            "portfolio",
            Rule::InterpreterPortfolio,
            format!(
                "an interpreter's portfolio is `{INTERPRETING}`, not {:?}: interpreters and note-takers are counted apart from the ministry that employs them",
                cell.text
            ),
        ))
        .collect()
}

/// The agreements an outcome names: its `;`-separated parts that are not
/// blank. The same pattern counts them in the frames (`check_frames`).
const NAMED_AGREEMENT: &str = r"[^;\s][^;]*";

/// A name in `agreements` whose title calls the text a statement,
/// declaration or communiqué, on its own or after "joint" or
/// "trilateral": the codebook classes a signed text by its title, and
/// such a text is a joint text, never an agreement. The frames test the
/// same pattern (`check_frames`).
const JOINT_TEXT_NAME: &str =
    r"(?i)(^|;)\s*((joint|trilateral)\s+)?(statement|declaration|communiqu[eé])\b";

/// Outcomes whose `agreements` name a joint text (`JOINT_TEXT_NAME`),
/// located at the `agreements` cell, one finding for each such name.
fn joint_texts_as_agreements(raw: &RawTable) -> Vec<Finding> {
    let pattern = &regex::Regex::new(JOINT_TEXT_NAME).expect("the pattern is valid");
    raw.rows
        .iter()
        .filter_map(|row| raw.cell(row, "agreements"))
        .flat_map(|cell| {
            cell.text
                .split(';')
                .map(str::trim)
                .filter(move |name| pattern.is_match(name))
                .map(move |name| cell.finding(
                    "agreements",
                    Rule::AgreementIsJointText,
                    format!(
                        "`agreements` names {name:?}, whose title makes it a joint text, not an agreement: list it in statements.csv, code joint_statement, and leave it out of agreements_signed"
                    ),
                ))
        })
        .collect()
}

/// How many agreements `agreements` names.
fn named_agreements(text: &str) -> usize {
    text.split(';')
        .filter(|part| !part.trim().is_empty())
        .count()
}

/// Outcomes whose `agreements_signed` is below the number of agreements
/// named in `agreements`: the names may be fewer than the count (when a
/// source gives the total but not every name), never more.
fn agreement_counts(raw: &RawTable) -> Vec<Finding> {
    raw.rows
        .iter()
        .filter_map(|row| {
            let count = raw.cell(row, "agreements_signed")?;
            let named = named_agreements(&raw.cell(row, "agreements")?.text);
            let signed: usize = count.text.trim().parse().ok()?;
            (signed < named).then(|| count.finding(
                "agreements_signed",
                Rule::AgreementsCount,
                format!(
                    "agreements_signed is {signed}, but `agreements` names {named}: count every agreement named, or take out of the list what was not signed at the summit"
                ),
            ))
        })
        .collect()
}

/// Outcomes that code `press_questions_taken` although the leaders are
/// not coded as having faced the press together: the codebook counts
/// questions taken at their joint appearance only.
fn press_questions(raw: &RawTable) -> Vec<Finding> {
    raw.rows
        .iter()
        .filter_map(|row| {
            let questions = raw.cell(row, "press_questions_taken")?;
            parse_bool(&questions.text)?;
            let together = raw.cell(row, "joint_press_conference");
            let advice = match together.map(|c| parse_bool(&c.text)) {
                Some(Some(true)) => return None,
                // Not a boolean: the type rule reports it.
                Some(None) => return None,
                Some(Some(false)) => "joint_press_conference is false",
                None => "joint_press_conference is empty",
            };
            Some(questions.finding(
                "press_questions_taken",
                Rule::PressQuestions,
                format!(
                    "press_questions_taken is coded, but {advice}: questions are coded only for the leaders' joint appearance before the press; code joint_press_conference true if they faced the press together, or leave press_questions_taken empty (and say in the notes if a leader took questions on his own)"
                ),
            ))
        })
        .collect()
}

fn duplicate_keys(raw: &RawTable) -> Vec<Finding> {
    let key = raw.table.key();
    if key.is_empty() {
        return Vec::new();
    }
    let mut seen: HashMap<Vec<&str>, &Location> = HashMap::new();
    let mut findings = Vec::new();
    for row in &raw.rows {
        // An empty value of a key column that may be empty (the side of
        // an unsettled outcome field) is part of the key as "".
        let values: Option<Vec<&str>> = key
            .iter()
            .map(|k| match raw.cell(row, k) {
                Some(c) => Some(c.text.as_str()),
                None if raw.table.column(k).is_some_and(|c| c.nullable) => Some(""),
                None => None,
            })
            .collect();
        let Some(values) = values else { continue };
        if let Some(first) = seen.get(&values) {
            let location = raw
                .cell(row, key[0])
                .map_or(&row.location, |c| &c.location)
                .clone();
            let what = if key.len() == 1 {
                format!("{} {:?}", key[0], values[0])
            } else {
                format!("({}) ({})", key.join(", "), values.join(", "))
            };
            findings.push(Finding {
                location,
                column: Some(key[0].to_owned()),
                rule: Rule::DuplicateId,
                value: Some(values.join(",")),
                message: match first.line {
                    Some(line) => format!("duplicate {what}: first used at line {line}"),
                    None => format!("duplicate {what}: used before"),
                },
            });
        } else {
            seen.insert(values, &row.location);
        }
    }
    findings
}

fn cross_table(tables: &[RawTable], summits_whole: bool) -> Vec<Finding> {
    let mut findings = Vec::new();
    let summits = tables.iter().find(|t| t.table == Table::Summits);
    let ids: BTreeSet<&str> = summits
        .map(|s| {
            s.rows
                .iter()
                .filter_map(|r| s.cell(r, "summit_id"))
                .map(|c| c.text.as_str())
                .collect()
        })
        .unwrap_or_default();
    for s in tables.iter().filter(|t| t.table.has_span()) {
        for row in &s.rows {
            let start = s.cell(row, "start_date").and_then(|c| parse_date(&c.text));
            let end = s.cell(row, "end_date");
            if let (Some(start), Some(end_cell)) = (start, end)
                && let Some(end) = parse_date(&end_cell.text)
                && end < start
            {
                findings.push(end_cell.finding(
                    "end_date",
                    Rule::EndBeforeStart,
                    format!("end_date {end} is before start_date {start}"),
                ));
            }
        }
    }
    for raw in tables
        .iter()
        .filter(|t| summits_whole && t.table.refers_to_summits())
    {
        for row in &raw.rows {
            if let Some(cell) = raw.cell(row, "summit_id")
                && !ids.contains(cell.text.as_str())
            {
                findings.push(cell.finding(
                    "summit_id",
                    Rule::UnknownSummit,
                    format!("no summit {:?} in summits.csv", cell.text),
                ));
            }
        }
    }
    findings
}

/// The vectorised form of the rules: the first rule a collection's frames
/// break, described without a location, or `None` when they are clean.
/// Types, vocabularies and country codes never reach here: the frames were
/// parsed with the schema, whose Enums refuse unknown words.
///
/// Each table's rules run as one query of booleans; references to summits
/// are checked once for all tables together.
pub(crate) fn check_frames(
    frames: &[(Table, &DataFrame)],
    has_file: &dyn Fn(&str) -> bool,
) -> Result<std::result::Result<(), String>> {
    let countries: Vec<&str> = COUNTRIES.iter().map(|c| c.alpha3).collect();
    let mut references: Vec<(Table, StringChunked)> = Vec::new();
    for &(table, df) in frames {
        if df.height() == 0 {
            continue;
        }
        let mut rules: Vec<Expr> = Vec::new();
        for column in table.columns() {
            let c = col(column.name);
            if !column.nullable {
                rules.push(
                    c.clone()
                        .null_count()
                        .gt(lit(0))
                        .alias(format!("`{}` has empty values", column.name)),
                );
            }
            let broken = match column.ty {
                ColumnType::Count => Some(c.clone().lt(lit(0))),
                ColumnType::Amount => Some(
                    c.clone()
                        .lt(lit(0))
                        .or(c.clone().is_nan())
                        .or(c.clone().eq(lit(f64::INFINITY))),
                ),
                ColumnType::Degrees(limit) => Some(
                    c.clone()
                        .abs()
                        .gt(lit(f64::from(limit)))
                        .or(c.clone().is_nan()),
                ),
                ColumnType::Issuer => Some(
                    c.clone()
                        .is_in(lit(codes_series(&countries)), false)
                        .or(c.clone().eq(lit("joint")))
                        .not(),
                ),
                ColumnType::Language => {
                    Some(c.clone().str().contains(lit("^[a-z]{2,3}$"), true).not())
                }
                ColumnType::Url => {
                    Some(c.clone().str().contains(lit(r"^https?://\S*$"), true).not())
                }
                // A summit id in a table that refers to summits must be
                // one of the summits' own ids (checked below), which
                // follow the rule: no second pass over millions of them.
                ColumnType::Id if column.name == "summit_id" && table.refers_to_summits() => None,
                ColumnType::Id => Some(c.clone().str().contains(lit(ID_PATTERN), true).not()),
                _ => None,
            };
            if let Some(broken) = broken {
                rules.push(
                    broken
                        .fill_null(lit(false))
                        .any(true)
                        .alias(format!("`{}` breaks its rule", column.name)),
                );
            }
        }
        let key = table.key();
        let sorted_unique = key.len() == 1 && strictly_increasing(df.column(key[0])?.str()?);
        if !key.is_empty() && !sorted_unique {
            let joined = if key.len() == 1 {
                col(key[0])
            } else {
                // Empty values of a key column that may be empty are
                // skipped, not allowed to make the whole key empty.
                concat_str(
                    key.iter()
                        .map(|k| col(*k).cast(DataType::String))
                        .collect::<Vec<_>>(),
                    "\u{1f}",
                    true,
                )
            };
            rules.push(joined.n_unique().lt(len()).alias("duplicate ids"));
        }
        if table == Table::Participants {
            let word = |column: &str, value: &str| -> PolarsResult<Expr> {
                Ok(lit(value).cast(df.column(column)?.dtype().clone()))
            };
            rules.push(
                col("role")
                    .eq(word("role", "interpreter")?)
                    .and(col("portfolio").neq(word("portfolio", INTERPRETING)?))
                    .fill_null(lit(false))
                    .any(true)
                    .alias("an interpreter's portfolio is not interpreting"),
            );
        }
        if table == Table::Outcomes {
            let named = col("agreements")
                .str()
                .count_matches(lit(NAMED_AGREEMENT), false)
                .cast(DataType::Int64);
            rules.push(
                col("agreements_signed")
                    .lt(named)
                    .fill_null(lit(false))
                    .any(true)
                    .alias("agreements_signed is below the number of agreements named"),
            );
            rules.push(
                col("agreements")
                    .str()
                    .contains(lit(JOINT_TEXT_NAME), false)
                    .fill_null(lit(false))
                    .any(true)
                    .alias("an agreement named is a joint text"),
            );
            rules.push(
                col("press_questions_taken")
                    .is_not_null()
                    .and(col("joint_press_conference").fill_null(lit(false)).not())
                    .any(true)
                    .alias("press questions are coded without a joint appearance"),
            );
        }
        if table.has_span() {
            rules.push(
                col("end_date")
                    .lt(col("start_date"))
                    .fill_null(lit(false))
                    .any(true)
                    .alias("a row ends before it starts"),
            );
        }
        let verdicts = df.clone().lazy().select(rules).collect()?;
        for verdict in verdicts.columns() {
            if verdict.bool()?.get(0) == Some(true) {
                return Ok(Err(format!("{}: {}", table.file_name(), verdict.name())));
            }
        }
        // Kinds with few rows and per-value rules are checked value by value.
        for column in table.columns() {
            if matches!(column.ty, ColumnType::Stakeholders | ColumnType::File) {
                let values = df.column(column.name)?.str()?;
                if values
                    .iter()
                    .flatten()
                    .any(|text| check_value(column.ty, text, has_file).is_err())
                {
                    return Ok(Err(format!(
                        "{}: `{}` breaks its rule",
                        table.file_name(),
                        column.name
                    )));
                }
            }
        }
        if table.refers_to_summits() {
            references.push((table, df.column("summit_id")?.str()?.clone()));
        }
    }
    // Summits with a joint text must be coded as having a joint statement.
    let frame = |table: Table| frames.iter().find(|(t, _)| *t == table).map(|(_, df)| *df);
    if let (Some(statements), Some(outcomes)) = (frame(Table::Statements), frame(Table::Outcomes))
        && statements.height() > 0
    {
        let uncoded = joint_text_summits(statements)?
            .join(
                outcomes
                    .clone()
                    .lazy()
                    .select([col("summit_id"), col("joint_statement")]),
                [col("summit_id")],
                [col("summit_id")],
                JoinArgs::new(JoinType::Inner),
            )
            .filter(col("joint_statement").fill_null(lit(false)).not())
            .select([len().alias("n")])
            .collect()?;
        if uncoded.column("n")?.get(0)?.extract::<u64>().unwrap_or(0) > 0 {
            return Ok(Err(
                "a summit with a joint text is not coded joint_statement = true".to_owned(),
            ));
        }
    }
    // The dates rule: texts dated on their summit's days or the two after.
    if let (Some(statements), Some(summits)) = (frame(Table::Statements), frame(Table::Summits))
        && statements.column("date")?.null_count() < statements.height()
    {
        let outside = statements
            .clone()
            .lazy()
            .select([col("summit_id"), col("date")])
            .join(
                summits.clone().lazy().select([
                    col("summit_id"),
                    col("start_date"),
                    col("end_date"),
                ]),
                [col("summit_id")],
                [col("summit_id")],
                JoinArgs::new(JoinType::Inner),
            )
            .filter(col("end_date").gt_eq(col("start_date")))
            .filter(col("date").lt(col("start_date")).or(
                col("date").gt(col("end_date") + lit(Duration::parse(&format!("{DAYS_AFTER}d")))),
            ))
            .select([len().alias("n")])
            .collect()?;
        if outside.column("n")?.get(0)?.extract::<u64>().unwrap_or(0) > 0 {
            return Ok(Err(
                "a statement is dated outside its summit's days".to_owned()
            ));
        }
    }
    if let (Some(unsettled), Some(summits), Some(outcomes), Some(participants)) = (
        frame(Table::Unsettled),
        frame(Table::Summits),
        frame(Table::Outcomes),
        frame(Table::Participants),
    ) && unsettled.height() > 0
        && let Some(broken) = unsettled_broken(unsettled, summits, outcomes, participants)?
    {
        return Ok(Err(broken));
    }
    let missing = || "rows of summits that do not exist".to_owned();
    let summits = frames
        .iter()
        .find(|(t, _)| *t == Table::Summits)
        .map(|(_, df)| *df);
    if let Some(summits) = summits
        && !references.is_empty()
    {
        let columns: Vec<StringChunked> = references.iter().map(|(_, c)| c.clone()).collect();
        let mut ids = columns[0].clone();
        for more in &columns[1..] {
            ids.append(more)?;
        }
        let orphans = DataFrame::new_infer_height(vec![ids.into_series().into_column()])?
            .lazy()
            .join(
                summits.clone().lazy().select([col("summit_id")]),
                [col("summit_id")],
                [col("summit_id")],
                JoinArgs::new(JoinType::Anti),
            )
            .select([len().alias("n")])
            .collect()?;
        if orphans.column("n")?.get(0)?.extract::<u64>().unwrap_or(0) > 0 {
            return Ok(Err(missing()));
        }
    }
    Ok(Ok(()))
}

/// The vectorised form of the rules of `unsettled.csv` (see
/// [`unsettled`]): which one the frames break, if any.
fn unsettled_broken(
    unsettled: &DataFrame,
    summits: &DataFrame,
    outcomes: &DataFrame,
    participants: &DataFrame,
) -> Result<Option<String>> {
    let text = |name: &str| col(name).cast(DataType::String);
    let rows = unsettled.clone().lazy().select([
        col("summit_id"),
        text("field").alias("field"),
        text("side").alias("side"),
    ]);
    let delegation = col("field").eq(lit(DELEGATION));
    let count = |frame: LazyFrame| -> Result<u64> {
        let n = frame.select([len().alias("n")]).collect()?;
        Ok(n.column("n")?.get(0)?.extract::<u64>().unwrap_or(0))
    };
    let wrong_side = rows.clone().join(
        summits.clone().lazy().select([
            col("summit_id"),
            text("side_a").alias("a"),
            text("side_b").alias("b"),
        ]),
        [col("summit_id")],
        [col("summit_id")],
        JoinArgs::new(JoinType::Inner),
    );
    let side_broken = delegation
        .clone()
        .and(
            col("side")
                .is_null()
                .or(col("side").neq(col("a")).and(col("side").neq(col("b")))),
        )
        .or(delegation.clone().not().and(col("side").is_not_null()));
    if count(wrong_side.filter(side_broken))? > 0 {
        return Ok(Some(
            "unsettled.csv: a delegation row without one of its summit's sides, or an outcome row with a side"
                .to_owned(),
        ));
    }
    let mut coded = lit(false);
    for field in UnsettledField::NAMES.iter().filter(|f| **f != DELEGATION) {
        coded = coded.or(col("field").eq(lit(*field)).and(col(*field).is_not_null()));
    }
    let outcome_coded = rows.clone().join(
        outcomes.clone().lazy(),
        [col("summit_id")],
        [col("summit_id")],
        JoinArgs::new(JoinType::Inner),
    );
    let principal = lit(PRINCIPAL).cast(participants.column("level")?.dtype().clone());
    let delegation_named = rows.filter(delegation).join(
        participants
            .clone()
            .lazy()
            .filter(col("level").neq(principal).fill_null(lit(true)))
            .select([col("summit_id"), text("country").alias("side")]),
        [col("summit_id"), col("side")],
        [col("summit_id"), col("side")],
        JoinArgs::new(JoinType::Inner),
    );
    if count(outcome_coded.filter(coded))? > 0 || count(delegation_named)? > 0 {
        return Ok(Some(
            "unsettled.csv: a value said to be unsettled is coded".to_owned(),
        ));
    }
    Ok(None)
}

fn codes_series(codes: &[&str]) -> Series {
    Series::new("codes".into(), codes)
        .implode()
        .expect("one list")
        .into_series()
}

/// Whether a text column's values strictly increase (no nulls, no
/// repeats), found in one linear pass: collections are usually written
/// sorted by id, and then the ids are known unique without hashing them.
fn strictly_increasing(ca: &StringChunked) -> bool {
    let mut values = ca.iter();
    let Some(Some(mut previous)) = values.next() else {
        return ca.is_empty();
    };
    for value in values {
        match value {
            Some(value) if value > previous => previous = value,
            _ => return false,
        }
    }
    true
}
