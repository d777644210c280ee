//! A summit against its history: one row a metric, with this summit's
//! value, the history's (median, rate, range) and a verdict in plain words.

use chrono::NaiveDate;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

use super::sentences::{Flag, Say, Unit};
use super::{read, summary};
use crate::load::Collection;
use crate::model::Portfolio;

/// What a summit is compared against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Against {
    /// The earlier summits of its own dyad.
    #[default]
    Dyad,
    /// The earlier summits of every dyad in the collection.
    All,
}

/// Options of a comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompareOptions {
    /// The history compared against.
    pub against: Against,
    /// Only the last N earlier summits of that history.
    pub last: Option<usize>,
}

impl CompareOptions {
    /// Compare against all dyads.
    pub fn with_against(mut self, against: Against) -> Self {
        self.against = against;
        self
    }

    /// Compare against the last `n` earlier summits only.
    pub fn with_last(mut self, n: Option<usize>) -> Self {
        self.last = n;
        self
    }
}

/// One summit's facts, read out of the facts frame.
#[derive(Clone)]
struct Row {
    id: String,
    dyad: String,
    start: NaiveDate,
    seq: i64,
    gap: Option<i64>,
    previous: Option<String>,
    host: Option<String>,
    host_side: Option<String>,
    city: Option<String>,
    n_participants: i64,
    shares: Vec<Option<f64>>,
    flags: Vec<Option<bool>>,
    /// What makes each computed flag true, by name (see [`FLAGS`]).
    because: Vec<Option<String>>,
    /// The wars each side fought during the summit, by name.
    wars: [Option<String>; 2],
    side_a: String,
    side_b: String,
    agreements: Option<i64>,
    duration: Option<f64>,
    absent: Option<String>,
}

/// The yes-or-no facts compared as rates: a field, its words (see
/// [`Flag`]), and for the context computed from the tables of facts, the
/// column naming what makes it true.
const FLAGS: [(&str, Flag, Option<&str>); 7] = [
    ("joint_statement", Flag::JointStatement, None),
    ("joint_press_conference", Flag::JointPressConference, None),
    ("press_questions_taken", Flag::PressQuestions, None),
    ("follow_up_agreed", Flag::FollowUp, None),
    (
        "conflict_between",
        Flag::ConflictBetween,
        Some("conflicts_between"),
    ),
    (
        "sanctions_between",
        Flag::SanctionsBetween,
        Some("sanctions"),
    ),
    (
        "warrant_against_participant",
        Flag::Warrant,
        Some("warrants"),
    ),
];

fn rows(facts: &DataFrame) -> PolarsResult<Vec<Row>> {
    let id = read::text(facts, "summit_id")?;
    let dyad = read::text(facts, "dyad")?;
    let start = read::date(facts, "start_date")?;
    let seq = read::int(facts, "seq")?;
    let gap = read::int(facts, "gap_days")?;
    let previous = read::text(facts, "previous_summit_id")?;
    let host = read::text(facts, "host_country")?;
    let host_side = read::text(facts, "host_side")?;
    let city = read::text(facts, "city")?;
    let n = read::int(facts, "n_participants")?;
    let counts: Vec<Vec<Option<i64>>> = Portfolio::ALL
        .iter()
        .map(|p| read::int(facts, &super::portfolio_count(*p)))
        .collect::<PolarsResult<_>>()?;
    let flags: Vec<Vec<Option<bool>>> = FLAGS
        .iter()
        .map(|(f, _, _)| read::flag(facts, f))
        .collect::<PolarsResult<_>>()?;
    let because: Vec<Vec<Option<String>>> = FLAGS
        .iter()
        .map(|(_, _, names)| match names {
            Some(names) => read::text(facts, names),
            None => Ok(vec![None; facts.height()]),
        })
        .collect::<PolarsResult<_>>()?;
    let wars_a = read::text(facts, "wars_side_a")?;
    let wars_b = read::text(facts, "wars_side_b")?;
    let side_a = read::text(facts, "side_a")?;
    let side_b = read::text(facts, "side_b")?;
    let agreements = read::int(facts, "agreements_signed")?;
    let duration = read::float(facts, "duration_hours")?;
    let absent = read::text(facts, "absent_stakeholders")?;
    Ok((0..id.len())
        .map(|i| {
            let total = n[i].unwrap_or(0);
            Row {
                id: id[i].clone().unwrap_or_default(),
                dyad: dyad[i].clone().unwrap_or_default(),
                start: start[i].unwrap_or_default(),
                seq: seq[i].unwrap_or(0),
                gap: gap[i],
                previous: previous[i].clone(),
                host: host[i].clone(),
                host_side: host_side[i].clone(),
                city: city[i].clone(),
                n_participants: total,
                shares: counts
                    .iter()
                    .map(|c| (total > 0).then(|| c[i].unwrap_or(0) as f64 / total as f64))
                    .collect(),
                flags: flags.iter().map(|f| f[i]).collect(),
                because: because.iter().map(|b| b[i].clone()).collect(),
                wars: [wars_a[i].clone(), wars_b[i].clone()],
                side_a: side_a[i].clone().unwrap_or_default(),
                side_b: side_b[i].clone().unwrap_or_default(),
                agreements: agreements[i],
                duration: duration[i],
                absent: absent[i].clone(),
            }
        })
        .collect())
}

/// Compares one summit with the earlier summits of its dyad (or of every
/// dyad), returning one row a metric with the columns `metric`, `this`,
/// `history` and `verdict`, all text, in a fixed order.
pub fn compare(
    data: &Collection,
    summit_id: &str,
    options: CompareOptions,
) -> crate::Result<DataFrame> {
    compare_with(data, &super::Derived::of(data)?, summit_id, options)
}

/// [`compare`], reading the facts, history and presence already made.
pub fn compare_with(
    data: &Collection,
    derived: &super::Derived,
    summit_id: &str,
    options: CompareOptions,
) -> crate::Result<DataFrame> {
    let say = Say::new(crate::text::Style::ENGLISH, data)?;
    compare_in(data, derived, summit_id, options, &say)
}

/// [`compare_with`], its `this`, `history` and `verdict` written by
/// `say`: in English as the table has them, or in Arabic or Russian for
/// a report.
pub fn compare_in(
    data: &Collection,
    derived: &super::Derived,
    summit_id: &str,
    options: CompareOptions,
    say: &Say,
) -> crate::Result<DataFrame> {
    let facts = &derived.facts;
    let all = rows(facts)?;
    let Some(this) = all.iter().find(|r| r.id == summit_id) else {
        return Err(crate::Error::NotFound(format!(
            "no summit {summit_id:?} in {}",
            data.label()
        )));
    };
    let mut earlier: Vec<&Row> = all
        .iter()
        .filter(|r| {
            (options.against == Against::All || r.dyad == this.dyad)
                && (r.start, r.id.as_str()) < (this.start, this.id.as_str())
        })
        .collect();
    earlier.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    if let Some(n) = options.last {
        let skip = earlier.len().saturating_sub(n);
        earlier.drain(..skip);
    }
    // In Arabic and Russian, the wars, regimes and warrants by their
    // names in that language.
    let localised;
    let this = if say.style.lang == crate::model::Lang::En {
        this
    } else {
        let names = super::context::names_in(derived.found(data)?, summit_id, say.style.lang)?;
        let name = |column: &str| names.get(column).map(|n| say.style.numbers(n));
        let mut row = this.clone();
        for (k, (_, _, column)) in FLAGS.iter().enumerate() {
            if let (Some(column), Some(_)) = (column, &row.because[k]) {
                row.because[k] = name(column);
            }
        }
        row.wars = [name("wars_side_a"), name("wars_side_b")];
        localised = row;
        &localised
    };
    let scope = say.scope(options.against, options.last, &this.dyad);
    let mut out = Metrics::default();
    let dyad_rows: Vec<&Row> = all.iter().filter(|r| r.dyad == this.dyad).collect();

    out.push(
        "sequence",
        say.sequence(this.seq, dyad_rows.len()),
        say.sequence_history(
            dyad_rows.len(),
            &year(dyad_rows.first()),
            &year(dyad_rows.last()),
        ),
        say.sequence_verdict(this.seq, &this.dyad),
    );

    // The gap, against the dyad's own history of gaps.
    let history = derived.history()?;
    let h_ids = read::text(history, "summit_id")?;
    let at = h_ids.iter().position(|i| i.as_deref() == Some(summit_id));
    let gaps: Vec<f64> = earlier
        .iter()
        .filter_map(|r| r.gap)
        .map(|g| g as f64)
        .collect();
    match (this.gap, at) {
        (Some(gap), Some(at)) => {
            let rank = read::int(history, "gap_rank")?[at].unwrap_or(0);
            let n_gaps = read::int(history, "n_gaps")?[at].unwrap_or(0);
            let from = read::text(history, "longer_gap_from")?[at].clone();
            let to = read::text(history, "longer_gap_to")?[at].clone();
            let year_of = |id: &Option<String>| {
                id.as_deref()
                    .and_then(|id| all.iter().find(|r| r.id == id))
                    .map_or_else(|| "?".to_owned(), |r| r.start.format("%Y").to_string())
            };
            let verdict = match (&from, &to) {
                // The longer gap is the one just before: "the longest
                // since" it would say nothing.
                (Some(_), Some(to)) if Some(to) == this.previous.as_ref() => {
                    say.gap_shorter(gap, rank, n_gaps)
                }
                (Some(_), Some(_)) => {
                    say.gap_longest_since(gap, &year_of(&from), &year_of(&to), rank, n_gaps)
                }
                _ => say.gap_longest_ever(gap),
            };
            out.push(
                "gap_days",
                say.gap(gap, this.previous.as_deref().unwrap_or_default()),
                say.numbers(&gaps, Unit::Days),
                verdict,
            );
        }
        _ => out.push(
            "gap_days",
            say.no_gap(),
            say.numbers(&[], Unit::Days),
            say.first_summit(&this.dyad),
        ),
    }

    for (k, (field, flag, names)) in FLAGS.iter().enumerate() {
        // A computed flag is known wherever its table is: "coded" would
        // say someone coded it.
        let coded = names.is_none();
        let known: Vec<bool> = earlier.iter().filter_map(|r| r.flags[k]).collect();
        let yes = known.iter().filter(|v| **v).count();
        let history = say.flag_history(yes, known.len(), earlier.len(), coded, &scope);
        let verdict = match this.flags[k] {
            None => say.flag_unknown(coded),
            Some(v) => say.flag_verdict(
                *flag,
                v,
                this.because[k].as_deref(),
                yes,
                known.len(),
                coded,
                &scope,
            ),
        };
        out.push(field, say.yes_no(this.flags[k]), history, verdict);
    }

    // The wars each side was fighting, by name: what a rate would hide.
    let at_war = |r: &Row| r.wars.iter().any(Option::is_some);
    let sides = [
        (this.side_a.as_str(), this.wars[0].as_deref()),
        (this.side_b.as_str(), this.wars[1].as_deref()),
    ];
    // The wars are known where the armed conflicts are: with the flag.
    let known_wars = FLAGS
        .iter()
        .position(|f| f.0 == "conflict_between")
        .and_then(|k| this.flags[k]);
    out.push(
        "wars_of_either_side",
        match known_wars {
            Some(_) => say.wars(sides),
            None => say.unknown(),
        },
        say.wars_history(
            earlier.iter().filter(|r| at_war(r)).count(),
            earlier.len(),
            &scope,
        ),
        match known_wars {
            None => say.wars_unknown(),
            Some(_) => say.wars_verdict(sides),
        },
    );

    let agreements: Vec<f64> = earlier
        .iter()
        .filter_map(|r| r.agreements.map(|a| a as f64))
        .collect();
    let this_agreements = this.agreements.map(|a| a as f64);
    out.push(
        "agreements_signed",
        say.value(this_agreements),
        say.numbers(&agreements, Unit::Agreements),
        say.against_median(this_agreements, &agreements, Unit::Agreements),
    );
    let durations: Vec<f64> = earlier.iter().filter_map(|r| r.duration).collect();
    out.push(
        "duration_hours",
        say.value(this.duration),
        say.numbers(&durations, Unit::Hours),
        say.against_median(this.duration, &durations, Unit::Hours),
    );
    let sizes: Vec<f64> = earlier
        .iter()
        .filter(|r| r.n_participants > 0)
        .map(|r| r.n_participants as f64)
        .collect();
    out.push(
        "delegation_size",
        say.value(Some(this.n_participants as f64)),
        say.numbers(&sizes, Unit::People),
        say.against_median(
            Some(this.n_participants as f64).filter(|n| *n > 0.0),
            &sizes,
            Unit::People,
        ),
    );
    for (k, p) in Portfolio::ALL.iter().enumerate() {
        let shares: Vec<f64> = earlier.iter().filter_map(|r| r.shares[k]).collect();
        let this_share = this.shares[k];
        out.push(
            &format!("{}_share", p.as_str()),
            this_share.map_or_else(|| say.unknown(), |s| say.share(s)),
            say.fractions(&shares),
            say.share_verdict(this_share, &shares, &scope),
        );
    }

    // Venue: whose soil, and when the dyad last met on it.
    let venues = summary::venues(facts)?;
    let v_ids = read::text(&venues, "summit_id")?;
    let v_at = v_ids.iter().position(|i| i.as_deref() == Some(summit_id));
    let km = |name: &str| -> PolarsResult<Option<i64>> {
        Ok(v_at.and_then(|i| read::int(&venues, name).ok()?[i]))
    };
    let (km_a, km_b) = (km("km_from_capital_a")?, km("km_from_capital_b")?);
    fn capital(code: &str) -> &str {
        crate::model::capital(code).map_or(code, |c| c.city)
    }
    let (capital_a, capital_b) = (capital(&this.side_a), capital(&this.side_b));
    let same_soil: Vec<&&Row> = earlier
        .iter()
        .filter(|r| r.host.is_some() && r.host == this.host)
        .collect();
    let third = earlier
        .iter()
        .filter(|r| r.host_side.as_deref() == Some("third_country"))
        .count();
    let host = this.host.clone().unwrap_or_default();
    out.push(
        "venue",
        say.venue(
            this.city.as_deref().unwrap_or_default(),
            &host,
            this.host_side.as_deref(),
        ),
        say.venue_history(same_soil.len(), earlier.len(), third, &host, &scope),
        {
            let dyad = (options.against == Against::Dyad).then_some(this.dyad.as_str());
            match same_soil.last() {
                Some(r) if (this.start - r.start).num_days() < super::sentences::RECENT_DAYS => {
                    say.venue_verdict_recent(dyad, &host, &r.id)
                }
                last => {
                    say.venue_verdict(dyad, &host, last.map(|r| (r.id.as_str(), r.start)), &scope)
                }
            }
        },
    );
    // The visiting side's leaders on the host's soil before: the official
    // record's visits and the dyad's earlier summits there.
    if let Some((visitor, host)) = visiting_side(facts, summit_id, this)? {
        let (history, verdict) = previous_visits(data, &visitor, &host, this, &same_soil, say)?;
        out.push(
            "previous_visit",
            say.visit(&visitor, &host),
            history,
            verdict,
        );
    }
    out.push(
        "distance_from_capitals",
        match (km_a, km_b) {
            (Some(a), Some(b)) => {
                say.distance([(&this.side_a, capital_a, a), (&this.side_b, capital_b, b)])
            }
            _ => say.unknown(),
        },
        String::new(),
        match (km_a, km_b) {
            (Some(a), Some(b)) if a < b => say.closer(Some((&this.side_a, capital_a))),
            (Some(a), Some(b)) if b < a => say.closer(Some((&this.side_b, capital_b))),
            (Some(_), Some(_)) => say.closer(None),
            _ => say.distance_unknown(),
        },
    );

    let with_absent = earlier.iter().filter(|r| r.absent.is_some()).count();
    out.push(
        "absent_stakeholders",
        say.absent(this.absent.as_deref()),
        say.absent_history(with_absent, earlier.len(), &scope),
        say.absent_verdict(this.absent.as_deref()),
    );

    // Each principal's previous meetings with the counterpart and on its soil.
    let presence = derived.presence(data)?;
    let p_summit = read::text(presence, "summit_id")?;
    let p_name = read::text(presence, "name")?;
    let p_person = read::text(presence, "person_id")?;
    let p_counterpart = read::text(presence, "counterpart")?;
    let p_with = read::text(presence, "previous_summit_with_counterpart")?;
    let p_with_days = read::int(presence, "days_since_summit_with_counterpart")?;
    let p_soil = read::text(presence, "previous_summit_on_counterpart_soil")?;
    let p_soil_days = read::int(presence, "days_since_on_counterpart_soil")?;
    let p_visit = read::text(presence, "previous_visit_to_counterpart")?;
    let p_visit_days = read::int(presence, "days_since_visit_to_counterpart")?;
    for i in (0..p_summit.len()).filter(|i| p_summit[*i].as_deref() == Some(summit_id)) {
        let person = p_person[i].clone().unwrap_or_default();
        let name = crate::text::person(
            &person,
            p_name[i].as_deref().unwrap_or_default(),
            say.style.lang,
        );
        let counterpart = p_counterpart[i].clone().unwrap_or_default();
        let with = say.met_before(&counterpart, p_with[i].as_deref().zip(p_with_days[i]));
        let at_summit = p_soil[i].as_deref().zip(p_soil_days[i]);
        let visit = match p_visit[i].as_deref().zip(p_visit_days[i]) {
            Some((id, days)) => Some((data.visit(id)?, days)),
            None => None,
        };
        let soil = say.soil(
            &counterpart,
            at_summit,
            visit
                .as_ref()
                .map(|(v, days)| (v.visit_id.as_str(), v.start_date, v.end_date, *days)),
            this.dyad.split('-').any(|side| side == "USA"),
        );
        out.push(&format!("presence:{person}"), name, with, soil);
    }
    out.this = out.this.into_iter().map(|t| say.finish(t)).collect();
    out.history = out.history.into_iter().map(|t| say.finish(t)).collect();
    out.verdict = out.verdict.into_iter().map(|t| say.finish(t)).collect();
    Ok(out.finish()?)
}

/// For a summit on one side's soil, the visiting side and the host (their
/// codes at the time); `None` on a third country's soil or where the host
/// side is not recorded.
fn visiting_side(
    facts: &DataFrame,
    summit_id: &str,
    this: &Row,
) -> PolarsResult<Option<(String, String)>> {
    let ids = read::text(facts, "summit_id")?;
    let Some(at) = ids.iter().position(|i| i.as_deref() == Some(summit_id)) else {
        return Ok(None);
    };
    let side =
        |name: &str| -> PolarsResult<Option<String>> { Ok(read::text(facts, name)?[at].clone()) };
    let (a, b) = (side("side_a")?, side("side_b")?);
    let pair = match this.host_side.as_deref() {
        Some("side_a") => b.zip(a),
        Some("side_b") => a.zip(b),
        _ => None,
    };
    Ok(pair)
}

/// The official record's visits by leaders of `visitor` to `host` that
/// ended before `day`, in date order.
fn earlier_visits(
    data: &Collection,
    visitor: &str,
    host: &str,
    day: NaiveDate,
) -> PolarsResult<DataFrame> {
    let query = super::visits::VisitQuery {
        from: Some(visitor.to_owned()),
        to: Some(host.to_owned()),
        ..Default::default()
    };
    super::visits::visits(data, &query)?
        .lazy()
        .filter(col("end_date").lt(lit(day)))
        .collect()
}

/// The official record's latest visit by a leader of the visiting side
/// to the host before a summit on one side's soil (the visit the
/// `previous_visit` metric names), by id; `None` elsewhere or when the
/// record has none.
pub fn previous_visit_id(
    data: &Collection,
    facts: &DataFrame,
    summit_id: &str,
) -> crate::Result<Option<String>> {
    let all = rows(facts)?;
    let Some(this) = all.iter().find(|r| r.id == summit_id) else {
        return Ok(None);
    };
    let Some((visitor, host)) = visiting_side(facts, summit_id, this)? else {
        return Ok(None);
    };
    let earlier = earlier_visits(data, &visitor, &host, this.start)?;
    Ok(read::text(&earlier, "visit_id")?
        .into_iter()
        .flatten()
        .last())
}

/// The visits of leaders of `visitor` to `host` before `this` began: in
/// the official record (visits that ended before it) and as the dyad's
/// earlier summits on the host's soil. Returns the history in words and
/// the verdict.
fn previous_visits(
    data: &Collection,
    visitor: &str,
    host: &str,
    this: &Row,
    same_soil: &[&&Row],
    say: &Say,
) -> crate::Result<(String, String)> {
    // The official record is of visits to and from the United States:
    // between two other countries it has nothing to say.
    let covered = [visitor, host].contains(&"USA");
    let mut earlier = earlier_visits(data, visitor, host, this.start)?;
    if !covered {
        earlier = earlier.clear();
    }
    let ids = read::text(&earlier, "visit_id")?;
    let people = read::text(&earlier, "person")?;
    let person_ids = read::text(&earlier, "person_id")?;
    let starts = read::date(&earlier, "start_date")?;
    let ends = read::date(&earlier, "end_date")?;
    let n = ids.len();
    let recorded = data
        .visits()
        .column("start_date")?
        .as_materialized_series()
        .date()?
        .physical()
        .max()
        .and_then(crate::load::date_of_days);
    // The countries the record's visitors came from, in order of first
    // visit (the Soviet Union, then Russia), as the history names them.
    let mut origins: Vec<String> = Vec::new();
    for code in read::text(&earlier, "from_country")?.into_iter().flatten() {
        if !origins.contains(&code) {
            origins.push(code);
        }
    }
    let latest_visit = n.checked_sub(1).and_then(|last| {
        let person = people[last].clone()?;
        let person = match &person_ids[last] {
            Some(id) => crate::text::person(id, &person, say.style.lang),
            None => person,
        };
        Some((ids[last].clone()?, person, starts[last]?, ends[last]?))
    });
    let history = match (&latest_visit, starts.first().copied().flatten()) {
        (Some((_, person, start, _)), Some(first)) => {
            say.visits_history(n, first, *start, person, &origins)
        }
        _ if !covered => say.record_us_only(),
        _ => say.no_visits(visitor, host),
    };
    // The latest of the record's visits and the dyad's summits there.
    let summit = same_soil.last().map(|r| (r.start, r.id.clone()));
    let visit = latest_visit.map(|(id, _, _, end)| (end, id));
    let latest = match (summit, visit) {
        (Some(s), Some(v)) => Some(if v.0 >= s.0 { v } else { s }),
        (s, v) => s.or(v),
    };
    let verdict = say.visit_verdict(
        visitor,
        host,
        latest
            .as_ref()
            .map(|(day, id)| (*day, id.as_str(), (this.start - *day).num_days())),
        recorded.filter(|last| covered && *last < this.start),
        covered,
    );
    Ok((history, verdict))
}

#[derive(Default)]
struct Metrics {
    metric: Vec<String>,
    this: Vec<String>,
    history: Vec<String>,
    verdict: Vec<String>,
}

impl Metrics {
    fn push(&mut self, metric: &str, this: String, history: String, verdict: String) {
        self.metric.push(metric.to_owned());
        self.this.push(this);
        self.history.push(history);
        self.verdict.push(verdict);
    }

    fn finish(self) -> PolarsResult<DataFrame> {
        df!(
            "metric" => self.metric,
            "this" => self.this,
            "history" => self.history,
            "verdict" => self.verdict,
        )
    }
}

fn year(row: Option<&&Row>) -> String {
    row.map_or_else(String::new, |r| r.start.format("%Y").to_string())
}

pub use crate::text::thousands;

/// `1st`, `2nd`, `23rd`, `96th`.
pub fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The median of some numbers (the mean of the middle two for an even
/// count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut v = values.to_vec();
    v.sort_by(|a, b| a.total_cmp(b));
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_for_numbers() {
        assert_eq!(thousands(1521), "1,521");
        assert_eq!(thousands(-1234567), "-1,234,567");
        assert_eq!(ordinal(96), "96th");
        assert_eq!(ordinal(11), "11th");
        assert_eq!(ordinal(22), "22nd");
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }
}
