//! The curated summits with the United States held against the official
//! record of leaders' visits (`visits.csv`): does the record show the
//! visit or trip each summit needed, on the same days, and does it show
//! meetings with no curated summit?
//!
//! A summit on US soil needs a visit to the United States by a leader of
//! the other side; a summit elsewhere needs a trip of the president to
//! the host country. Each summit gets one finding:
//!
//! - `matched`: a record's days hold the summit's days;
//! - `dates-differ`: a record of the same visit or trip overlaps the
//!   summit's days, or ends or starts within [`NEAR_DAYS`] of them, but
//!   does not hold them (both are shown);
//! - `no-record`: no record is near, though the summit falls within the
//!   record's coverage;
//! - `not-covered`: the summit is after the record's last entry.
//!
//! Then each record that says the president met the other side's leader,
//! with no curated summit of that dyad within a day of its days, is a
//! `record-without-summit`: a visit to the United States by one of the
//! other side's principals of the collection (its top leaders), not as
//! prime minister, whose text says so (`met with President`, `meeting
//! with President`, `summit meeting`), or a trip of the president whose
//! text names one of the other side's principals, not as a prime minister
//! (see [`names_as_leader`]). A head of government who was not the top
//! leader (a Chinese premier, a Russian prime minister) is outside the
//! collections' inclusion rules, and a visit to attend a gathering is not
//! by itself a meeting.
//!
//! A record that a collection's `exclusions.csv` answers (by its
//! `visit_id`) is `excluded` instead, with the exclusion's reason as its
//! note.
//!
//! The audit reports; it does not judge. A disagreement is for a person
//! to settle with the sources, and to record in the summit's
//! `context.csv` notes when another source is followed.

use chrono::NaiveDate;
use polars::prelude::*;

use super::read;
use crate::load::Collection;
use crate::model::continuing_state;

/// How many days apart a record and a summit may be and still be taken
/// for the same visit or trip, when they do not overlap.
pub const NEAR_DAYS: i64 = 3;

/// The findings, in the order of the module's list.
pub const FINDINGS: [&str; 6] = [
    "matched",
    "dates-differ",
    "no-record",
    "not-covered",
    "record-without-summit",
    "excluded",
];

/// The columns of [`audit`]'s frame, in order; the first nine say what
/// was found, the last two (`description`, `note`) are the texts.
pub const COLUMNS: [&str; 11] = [
    "finding",
    "dyad",
    "summit_id",
    "summit_start",
    "summit_end",
    "visit_id",
    "visit_start",
    "visit_end",
    "person",
    "description",
    "note",
];

struct Summit {
    id: String,
    note: Option<String>,
    dyad: String,
    start: NaiveDate,
    end: NaiveDate,
    /// The other side, as its continuing state.
    other: String,
    /// The host country, as its continuing state.
    host: String,
}

struct Record {
    id: String,
    from: String,
    to: String,
    start: NaiveDate,
    end: NaiveDate,
    person: String,
    person_id: Option<String>,
    text: String,
}

/// One row a finding, in the [`COLUMNS`] (`note` is the summit's notes in
/// `context.csv`, or the reason of an exclusion, where a disagreement is
/// explained), all text, empty where a side has nothing: the summits'
/// findings first in date order, then the records in date order.
///
/// The summits and records (a few hundred against a few thousand) are
/// read out of their frames and walked as rows, so that each finding's
/// rule reads as it is written above.
pub fn audit(data: &Collection) -> PolarsResult<DataFrame> {
    let summits = us_summits(data)?;
    let records = records(data)?;
    let mut rows = Rows::default();
    let last_trip = records
        .iter()
        .filter(|r| r.from == "USA")
        .map(|r| r.start)
        .max();
    let last_visit = records
        .iter()
        .filter(|r| r.to == "USA")
        .map(|r| r.start)
        .max();
    for s in &summits {
        let (from, to, last) = if s.host == "USA" {
            (s.other.as_str(), "USA", last_visit)
        } else {
            ("USA", s.host.as_str(), last_trip)
        };
        let near: Vec<&Record> = records
            .iter()
            .filter(|r| r.from == from && r.to == to)
            .filter(|r| {
                (r.start - s.end).num_days() <= NEAR_DAYS
                    && (s.start - r.end).num_days() <= NEAR_DAYS
            })
            .collect();
        let holding = near.iter().find(|r| r.start <= s.start && s.end <= r.end);
        match (holding, near.first()) {
            (Some(r), _) => rows.push("matched", &s.dyad, Some(s), Some(r)),
            (None, Some(r)) => rows.push("dates-differ", &s.dyad, Some(s), Some(r)),
            (None, None) if last.is_some_and(|last| s.start > last) => {
                rows.push("not-covered", &s.dyad, Some(s), None)
            }
            (None, None) => rows.push("no-record", &s.dyad, Some(s), None),
        }
    }
    // Records that say the president met the other side's leader.
    let others: Vec<String> = {
        let mut o: Vec<String> = summits.iter().map(|s| s.other.clone()).collect();
        o.sort();
        o.dedup();
        o
    };
    let (principals, principal_ids) = principals_by_state(data)?;
    let excluded = exclusions(data)?;
    for r in &records {
        for other in &others {
            let says_met = if r.from == *other && r.to == "USA" {
                let text = r.text.to_lowercase();
                let leader = r
                    .person_id
                    .as_ref()
                    .is_some_and(|id| principal_ids.contains(&(other.clone(), id.clone())))
                    && !r.person.starts_with("Prime Minister");
                leader
                    && (text.contains("met with president")
                        || text.contains("meeting with president")
                        || text.contains("summit meeting with")
                        || text.starts_with("summit meeting"))
            } else if r.from == "USA" {
                principals
                    .iter()
                    .filter(|(state, _)| state == other)
                    .any(|(_, name)| names_as_leader(&r.text, name))
            } else {
                false
            };
            if !says_met {
                continue;
            }
            let dyad = crate::model::dyad("USA", other);
            let covered = summits.iter().any(|s| {
                s.dyad == dyad
                    && (s.start - r.end).num_days() <= 1
                    && (r.start - s.end).num_days() <= 1
            });
            if covered {
                continue;
            }
            match excluded.iter().find(|(d, id, _)| *d == dyad && *id == r.id) {
                Some((_, _, reason)) => {
                    rows.push("excluded", &dyad, None, Some(r));
                    rows.note(reason);
                }
                None => rows.push("record-without-summit", &dyad, None, Some(r)),
            }
        }
    }
    rows.finish()
}

/// Whether `text` names `name` as a whole word (not inside another
/// word), and not as a prime minister: the records call the leaders the
/// collections hold by their post (`President Yeltsin`, `General
/// Secretary Gorbachev`, `Soviet Premier Stalin`), and the same person
/// as head of government only (`Russian Prime Minister Putin`, 1999 and
/// 2008) was not the side's top leader.
fn names_as_leader(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        let word =
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
        word && !text[..at].trim_end().ends_with("Prime Minister")
    })
}

/// The curated summits with the United States, in date order.
fn us_summits(data: &Collection) -> PolarsResult<Vec<Summit>> {
    let s = data
        .summits()
        .clone()
        .lazy()
        .sort(["start_date", "summit_id"], SortMultipleOptions::default())
        .collect()?;
    let notes = data
        .context()
        .clone()
        .lazy()
        .select([col("summit_id"), col("notes")]);
    let s = s
        .lazy()
        .join(
            notes,
            [col("summit_id")],
            [col("summit_id")],
            JoinArgs::new(JoinType::Left),
        )
        .collect()?;
    let ids = read::text(&s, "summit_id")?;
    let note = read::text(&s, "notes")?;
    let a = read::text(&s, "side_a")?;
    let b = read::text(&s, "side_b")?;
    let host = read::text(&s, "host_country")?;
    let start = read::date(&s, "start_date")?;
    let end = read::date(&s, "end_date")?;
    let mut out = Vec::new();
    for i in 0..ids.len() {
        let (Some(a), Some(b)) = (&a[i], &b[i]) else {
            continue;
        };
        let other = match (a.as_str(), b.as_str()) {
            ("USA", other) | (other, "USA") if other != "USA" => other,
            _ => continue,
        };
        let (Some(id), Some(start), Some(end), Some(host)) = (&ids[i], start[i], end[i], &host[i])
        else {
            continue;
        };
        out.push(Summit {
            id: id.clone(),
            note: note[i].clone(),
            dyad: crate::model::dyad(a, b),
            start,
            end,
            other: continuing_state(other).to_owned(),
            host: continuing_state(host).to_owned(),
        });
    }
    Ok(out)
}

/// The collections' exclusions that answer a record of the official
/// record: (dyad, visit id, reason).
fn exclusions(data: &Collection) -> PolarsResult<Vec<(String, String, String)>> {
    let e = data.exclusions();
    let a = read::text(e, "side_a")?;
    let b = read::text(e, "side_b")?;
    let visit = read::text(e, "visit_id")?;
    let reason = read::text(e, "reason")?;
    Ok((0..a.len())
        .filter_map(|i| {
            Some((
                crate::model::dyad(a[i].as_deref()?, b[i].as_deref()?),
                visit[i].clone()?,
                reason[i].clone().unwrap_or_default(),
            ))
        })
        .collect())
}

/// The visits to and trips from the United States, in date order.
fn records(data: &Collection) -> PolarsResult<Vec<Record>> {
    let v = data
        .visits()
        .clone()
        .lazy()
        .sort(["start_date", "visit_id"], SortMultipleOptions::default())
        .collect()?;
    let ids = read::text(&v, "visit_id")?;
    let from = read::text(&v, "from_country")?;
    let to = read::text(&v, "to_country")?;
    let start = read::date(&v, "start_date")?;
    let end = read::date(&v, "end_date")?;
    let person = read::text(&v, "person")?;
    let person_id = read::text(&v, "person_id")?;
    let text = read::text(&v, "description")?;
    let mut out = Vec::new();
    for i in 0..ids.len() {
        let (Some(id), Some(f), Some(t), Some(start), Some(end)) =
            (&ids[i], &from[i], &to[i], start[i], end[i])
        else {
            continue;
        };
        let (f, t) = (continuing_state(f), continuing_state(t));
        if f != "USA" && t != "USA" {
            continue;
        }
        out.push(Record {
            id: id.clone(),
            from: f.to_owned(),
            to: t.to_owned(),
            start,
            end,
            person: person[i].clone().unwrap_or_default(),
            person_id: person_id[i].clone(),
            text: text[i].clone().unwrap_or_default(),
        });
    }
    Ok(out)
}

/// A side's continuing state with a name or an id of one of its people.
type Named = Vec<(String, String)>;

/// The principals of the collection's summits, by their country's
/// continuing state: the top leaders the collections hold. Each with the
/// name a record would call them by (the family name, which Chinese and
/// Korean names put first, `Xi`, and others last, `Putin`; North Korea's
/// leader by his whole name, as the records write it), and with their
/// `person_id`.
fn principals_by_state(data: &Collection) -> PolarsResult<(Named, Named)> {
    let p = data.participants();
    let level = read::text(p, "level")?;
    let country = read::text(p, "country")?;
    let name = read::text(p, "name")?;
    let ids = read::text(p, "person_id")?;
    let mut out: Named = Vec::new();
    let mut with_ids: Named = Vec::new();
    for i in 0..level.len() {
        let (Some("principal"), Some(c), Some(n)) = (level[i].as_deref(), &country[i], &name[i])
        else {
            continue;
        };
        if let Some(id) = &ids[i] {
            let entry = (continuing_state(c).to_owned(), id.clone());
            if !with_ids.contains(&entry) {
                with_ids.push(entry);
            }
        }
        let state = continuing_state(c).to_owned();
        let called = match state.as_str() {
            "PRK" => n.clone(),
            "CHN" | "KOR" => n.split_whitespace().next().unwrap_or(n).to_owned(),
            _ => n.split_whitespace().last().unwrap_or(n).to_owned(),
        };
        let entry = (state, called);
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    Ok((out, with_ids))
}

#[derive(Default)]
struct Rows {
    columns: [Vec<Option<String>>; 11],
}

impl Rows {
    fn push(&mut self, finding: &str, dyad: &str, s: Option<&Summit>, r: Option<&Record>) {
        let day = |d: NaiveDate| Some(d.to_string());
        let values = [
            Some(finding.to_owned()),
            Some(dyad.to_owned()),
            s.map(|s| s.id.clone()),
            s.and_then(|s| day(s.start)),
            s.and_then(|s| day(s.end)),
            r.map(|r| r.id.clone()),
            r.and_then(|r| day(r.start)),
            r.and_then(|r| day(r.end)),
            r.map(|r| r.person.clone()),
            r.map(|r| r.text.clone()).filter(|t| !t.is_empty()),
            s.and_then(|s| s.note.clone()),
        ];
        for (column, value) in self.columns.iter_mut().zip(values) {
            column.push(value);
        }
    }

    /// Sets the note of the row pushed last.
    fn note(&mut self, text: &str) {
        if let Some(last) = self.columns[10].last_mut() {
            *last = Some(text.to_owned());
        }
    }

    fn finish(self) -> PolarsResult<DataFrame> {
        let height = self.columns[0].len();
        let columns = COLUMNS
            .iter()
            .zip(self.columns)
            .map(|(name, values)| Column::new((*name).into(), values))
            .collect();
        DataFrame::new(height, columns)
    }
}

#[cfg(test)]
mod tests {
    use super::names_as_leader;

    #[test]
    fn leaders_are_named_as_whole_words_and_not_as_prime_ministers() {
        assert!(names_as_leader("Met with President Hu of China.", "Hu"));
        assert!(names_as_leader("met with Russian President Putin", "Putin"));
        assert!(!names_as_leader("Met with Prime Minister Hun Sen", "Hu"));
        assert!(!names_as_leader("Attended the Xiamen summit", "Xi"));
        assert!(!names_as_leader(
            "discussed Chechnya crisis with Russian Prime Minister Putin.",
            "Putin"
        ));
    }
}
