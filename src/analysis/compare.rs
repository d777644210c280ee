//! A summit against its history: one row a metric, with this summit's
//! value, the history's (median, rate, range) and a verdict in plain words.

use chrono::NaiveDate;
use polars::prelude::*;
use serde::{Deserialize, Serialize};

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

/// The yes-or-no facts compared as rates: a field, its words in a
/// sentence, and for the context computed from the tables of facts, the
/// column naming what makes it true.
const FLAGS: [(&str, &str, Option<&str>); 7] = [
    ("joint_statement", "a joint statement", None),
    ("joint_press_conference", "a joint press conference", None),
    ("press_questions_taken", "questions from the press", None),
    ("follow_up_agreed", "a follow-up agreed", None),
    (
        "conflict_between",
        "an armed conflict between the two sides",
        Some("conflicts_between"),
    ),
    (
        "sanctions_between",
        "sanctions in force between the two sides",
        Some("sanctions"),
    ),
    (
        "warrant_against_participant",
        "an arrest warrant or indictment against a participant",
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
    let scope = match (options.against, options.last) {
        (Against::Dyad, None) => format!("earlier {} summits", this.dyad),
        (Against::Dyad, Some(n)) => format!("last {n} earlier {} summits", this.dyad),
        (Against::All, None) => "earlier summits of all dyads".to_owned(),
        (Against::All, Some(n)) => format!("last {n} earlier summits of all dyads"),
    };
    let mut out = Metrics::default();
    let dyad_rows: Vec<&Row> = all.iter().filter(|r| r.dyad == this.dyad).collect();

    out.push(
        "sequence",
        format!("{} of {}", ordinal(this.seq), dyad_rows.len()),
        format!(
            "{} summits {}–{}",
            dyad_rows.len(),
            year(dyad_rows.first()),
            year(dyad_rows.last())
        ),
        format!("the {} {} summit", ordinal(this.seq), this.dyad),
    );

    // The gap, against the dyad's own history of gaps.
    let history = derived.history()?;
    let h_ids = read::text(history, "summit_id")?;
    let at = h_ids.iter().position(|i| i.as_deref() == Some(summit_id));
    let gaps: Vec<i64> = earlier.iter().filter_map(|r| r.gap).collect();
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
                (Some(_), Some(_)) => format!(
                    "{} days: the longest gap since {}–{} ({} of {} gaps, 1 = longest)",
                    thousands(gap),
                    year_of(&from),
                    year_of(&to),
                    rank,
                    n_gaps
                ),
                _ => format!(
                    "{} days: the longest gap in the dyad's history so far",
                    thousands(gap)
                ),
            };
            out.push(
                "gap_days",
                format!(
                    "{} days since {}",
                    thousands(gap),
                    this.previous.clone().unwrap_or_default()
                ),
                describe_numbers(&gaps.iter().map(|g| *g as f64).collect::<Vec<_>>(), "days"),
                verdict,
            );
        }
        _ => out.push(
            "gap_days",
            "none".to_owned(),
            describe_numbers(&[], "days"),
            format!("the first {} summit", this.dyad),
        ),
    }

    for (k, (field, words, names)) in FLAGS.iter().enumerate() {
        // A computed flag is known wherever its table is: "coded" would
        // say someone coded it.
        let coded = if names.is_some() { "" } else { " coded" };
        let known: Vec<bool> = earlier.iter().filter_map(|r| r.flags[k]).collect();
        let yes = known.iter().filter(|v| **v).count();
        let history = if earlier.is_empty() {
            "no earlier summits".to_owned()
        } else if known.is_empty() {
            let what = if names.is_some() { "known" } else { "coded" };
            format!("not {what} for the {scope}")
        } else {
            format!(
                "{yes} of {}{coded} ({}%)",
                known.len(),
                percent(yes, known.len())
            )
        };
        let verdict = match this.flags[k] {
            None if names.is_some() => {
                "unknown (the collection has no table of these facts)".to_owned()
            }
            None => "not coded (no source settles it)".to_owned(),
            Some(v) => {
                let had = match (v, &this.because[k]) {
                    (true, Some(what)) => format!("{words}: {what}"),
                    (true, None) => (*words).to_owned(),
                    (false, _) => format!(
                        "no {}",
                        words.trim_start_matches("a ").trim_start_matches("an ")
                    ),
                };
                if known.is_empty() {
                    format!("{had}; nothing to compare with")
                } else {
                    let unusual = if v {
                        yes * 2 < known.len()
                    } else {
                        yes * 2 > known.len()
                    };
                    format!(
                        "{had}; {yes} of the {} {scope}{coded} had {words}{}",
                        known.len(),
                        if unusual { " (unusual)" } else { "" }
                    )
                }
            }
        };
        out.push(field, yes_no(this.flags[k]), history, verdict);
    }

    // The wars each side was fighting, by name: what a rate would hide.
    let at_war = |r: &Row| r.wars.iter().any(Option::is_some);
    let wars = |r: &Row| -> String {
        let side = |code: &str, wars: &Option<String>| {
            format!("{}: {}", code, wars.as_deref().unwrap_or("none"))
        };
        format!(
            "{}; {}",
            side(&r.side_a, &r.wars[0]),
            side(&r.side_b, &r.wars[1])
        )
    };
    // The wars are known where the armed conflicts are: with the flag.
    let known_wars = FLAGS
        .iter()
        .position(|f| f.0 == "conflict_between")
        .and_then(|k| this.flags[k]);
    out.push(
        "wars_of_either_side",
        match known_wars {
            Some(_) => wars(this),
            None => "unknown".to_owned(),
        },
        if earlier.is_empty() {
            "no earlier summits".to_owned()
        } else {
            format!(
                "{} of {} {scope} held while a side fought a war",
                earlier.iter().filter(|r| at_war(r)).count(),
                earlier.len()
            )
        },
        match known_wars {
            None => "unknown (the collection has no table of armed conflicts)".to_owned(),
            Some(_) => {
                let side = |code: &String, wars: &Option<String>| match wars {
                    Some(wars) => {
                        format!("{} was at war ({wars})", crate::model::in_sentence(code))
                    }
                    None => format!("{} was not", crate::model::in_sentence(code)),
                };
                match (&this.wars[0], &this.wars[1]) {
                    (None, None) => "neither side was at war".to_owned(),
                    (Some(_), _) => format!(
                        "{}; {}",
                        side(&this.side_a, &this.wars[0]),
                        side(&this.side_b, &this.wars[1])
                    ),
                    (None, Some(_)) => format!(
                        "{}; {}",
                        side(&this.side_b, &this.wars[1]),
                        side(&this.side_a, &this.wars[0])
                    ),
                }
            }
        },
    );

    let agreements: Vec<f64> = earlier
        .iter()
        .filter_map(|r| r.agreements.map(|a| a as f64))
        .collect();
    out.push(
        "agreements_signed",
        this.agreements
            .map_or_else(|| "unknown".to_owned(), |a| a.to_string()),
        describe_numbers(&agreements, "agreements"),
        against_median(this.agreements.map(|a| a as f64), &agreements, "agreements"),
    );
    let durations: Vec<f64> = earlier.iter().filter_map(|r| r.duration).collect();
    out.push(
        "duration_hours",
        this.duration
            .map_or_else(|| "unknown".to_owned(), |d| format!("{d}")),
        describe_numbers(&durations, "hours"),
        against_median(this.duration, &durations, "hours of talks"),
    );
    let sizes: Vec<f64> = earlier
        .iter()
        .filter(|r| r.n_participants > 0)
        .map(|r| r.n_participants as f64)
        .collect();
    out.push(
        "delegation_size",
        this.n_participants.to_string(),
        describe_numbers(&sizes, "people"),
        against_median(
            Some(this.n_participants as f64).filter(|n| *n > 0.0),
            &sizes,
            "people named",
        ),
    );
    for (k, p) in Portfolio::ALL.iter().enumerate() {
        let shares: Vec<f64> = earlier.iter().filter_map(|r| r.shares[k]).collect();
        let this_share = this.shares[k];
        let verdict = match this_share {
            None => "no participants recorded".to_owned(),
            Some(s) => {
                let above = shares.iter().filter(|x| **x > s).count();
                let below = shares.iter().filter(|x| **x < s).count();
                let tied = shares.len() - above - below;
                if shares.is_empty() {
                    "nothing to compare with".to_owned()
                } else if above == 0 && below == 0 {
                    format!(
                        "the same as all {} {scope} with participants recorded",
                        shares.len()
                    )
                } else {
                    format!(
                        "the {}{} highest of {}: higher than {below} of the {} {scope} with participants recorded",
                        if tied > 0 { "joint " } else { "" },
                        ordinal(above as i64 + 1),
                        shares.len() + 1,
                        shares.len()
                    )
                }
            }
        };
        out.push(
            &format!("{}_share", p.as_str()),
            this_share.map_or_else(|| "unknown".to_owned(), |s| format!("{:.2}", s)),
            describe_fractions(&shares),
            verdict,
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
    let sides = facts.select(["summit_id", "side_a", "side_b"])?;
    let side_of = |name: &str| -> PolarsResult<String> {
        let ids = read::text(&sides, "summit_id")?;
        let at = ids.iter().position(|i| i.as_deref() == Some(summit_id));
        let code = at
            .and_then(|i| read::text(&sides, name).ok()?[i].clone())
            .unwrap_or_default();
        Ok(crate::model::capital(&code).map_or(code, |c| c.city.to_owned()))
    };
    let (capital_a, capital_b) = (side_of("side_a")?, side_of("side_b")?);
    let same_soil: Vec<&&Row> = earlier
        .iter()
        .filter(|r| r.host.is_some() && r.host == this.host)
        .collect();
    let third = earlier
        .iter()
        .filter(|r| r.host_side.as_deref() == Some("third_country"))
        .count();
    out.push(
        "venue",
        format!(
            "{}, {} ({})",
            this.city.clone().unwrap_or_default(),
            this.host.clone().unwrap_or_default(),
            this.host_side
                .clone()
                .unwrap_or_else(|| "host side unknown".to_owned())
        ),
        format!(
            "{} of {} {scope} in {}; {third} in a third country",
            same_soil.len(),
            earlier.len(),
            this.host.clone().unwrap_or_default()
        ),
        {
            let host = this
                .host
                .as_deref()
                .and_then(crate::model::country)
                .map_or("?", |c| c.en);
            let what = match options.against {
                Against::Dyad => format!("{} summit", this.dyad),
                Against::All => "summit".to_owned(),
            };
            match same_soil.last() {
                Some(r) => format!(
                    "the first {what} in {host} since {} ({})",
                    r.id,
                    r.start.format("%Y")
                ),
                None => format!("the first {what} in {host} among the {scope}"),
            }
        },
    );
    // The visiting side's leaders on the host's soil before: the official
    // record's visits and the dyad's earlier summits there.
    if let Some((visitor, host)) = visiting_side(facts, summit_id, this)? {
        let (history, verdict) = previous_visits(data, &visitor, &host, this, &same_soil)?;
        out.push(
            "previous_visit",
            format!(
                "a leader of {} in {}",
                crate::model::in_sentence(&visitor),
                crate::model::in_sentence(&host)
            ),
            history,
            verdict,
        );
    }
    out.push(
        "distance_from_capitals",
        match (km_a, km_b) {
            (Some(a), Some(b)) => format!(
                "{} km from {capital_a}, {} km from {capital_b}",
                thousands(a),
                thousands(b)
            ),
            _ => "unknown".to_owned(),
        },
        String::new(),
        match (km_a, km_b) {
            (Some(a), Some(b)) if a < b => format!("closer to {capital_a}"),
            (Some(a), Some(b)) if b < a => format!("closer to {capital_b}"),
            (Some(_), Some(_)) => "as far from both capitals".to_owned(),
            _ => "the venue's position or a capital's is not recorded".to_owned(),
        },
    );

    let with_absent = earlier.iter().filter(|r| r.absent.is_some()).count();
    out.push(
        "absent_stakeholders",
        this.absent
            .clone()
            .unwrap_or_else(|| "none recorded".to_owned()),
        format!(
            "{with_absent} of {} {scope} had stakeholders absent",
            earlier.len()
        ),
        match &this.absent {
            Some(codes) => format!("absent from the table: {}", names_of(codes)),
            None => "no absent stakeholders recorded".to_owned(),
        },
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
        let name = p_name[i].clone().unwrap_or_default();
        let counterpart = p_counterpart[i].clone().unwrap_or_default();
        let with = match (&p_with[i], p_with_days[i]) {
            (Some(id), Some(d)) => format!(
                "last met {counterpart} at {id}, {} days before",
                thousands(d)
            ),
            _ => format!("first summit with {counterpart} in the data"),
        };
        let at_summit = match (&p_soil[i], p_soil_days[i]) {
            (Some(id), Some(d)) => Some((id.clone(), d)),
            _ => None,
        };
        let on_visit = match (&p_visit[i], p_visit_days[i]) {
            (Some(id), Some(d)) => Some((id.clone(), d)),
            _ => None,
        };
        let soil = soil_verdict(data, &counterpart, at_summit, on_visit)?;
        out.push(
            &format!("presence:{}", p_person[i].clone().unwrap_or_default()),
            name,
            with,
            soil,
        );
    }
    Ok(out.finish()?)
}

/// Where a principal was last on the counterpart's soil: at a summit of
/// the collection, on a visit of the official record, or both (the nearer
/// first; one sentence when the summit was held during that visit), in
/// words.
fn soil_verdict(
    data: &Collection,
    counterpart: &str,
    at_summit: Option<(String, i64)>,
    on_visit: Option<(String, i64)>,
) -> crate::Result<String> {
    let visit = match &on_visit {
        Some((id, _)) => Some(data.visit(id)?),
        None => None,
    };
    let listed =
        |v: &crate::model::Visit| format!("{}, {} to {}", v.visit_id, v.start_date, v.end_date);
    Ok(match (at_summit, on_visit.zip(visit)) {
        (None, None) => {
            format!("no earlier summit or official visit on {counterpart} soil in the data")
        }
        (Some((id, d)), None) => format!(
            "last on {counterpart} soil at {id}, {} days before; no earlier visit in the official record",
            thousands(d)
        ),
        (None, Some(((_, vd), v))) => format!(
            "last on {counterpart} soil on a visit of the official record ({}), {} days before",
            listed(&v),
            thousands(vd)
        ),
        (Some((id, d)), Some(((_, vd), v))) => {
            let stay = (v.end_date - v.start_date).num_days();
            if vd <= d && d <= vd + stay {
                format!(
                    "last on {counterpart} soil at {id}, {} days before, during a visit of the official record ({})",
                    thousands(d),
                    listed(&v)
                )
            } else if vd < d {
                format!(
                    "last on {counterpart} soil on a visit of the official record ({}), {} days before; at a summit: {id}, {} days before",
                    listed(&v),
                    thousands(vd),
                    thousands(d)
                )
            } else {
                format!(
                    "last on {counterpart} soil at {id}, {} days before; on a visit of the official record before that ({}), {} days before",
                    thousands(d),
                    listed(&v),
                    thousands(vd)
                )
            }
        }
    })
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
) -> crate::Result<(String, String)> {
    let earlier = earlier_visits(data, visitor, host, this.start)?;
    let ids = read::text(&earlier, "visit_id")?;
    let people = read::text(&earlier, "person")?;
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
    let (from, to) = (
        crate::model::in_sentence(visitor),
        crate::model::in_sentence(host),
    );
    // The countries the record's visitors came from, in order of first
    // visit (the Soviet Union, then Russia), as the history names them.
    let mut origins: Vec<String> = Vec::new();
    for code in read::text(&earlier, "from_country")?.into_iter().flatten() {
        let name = crate::model::in_sentence(&code);
        if !origins.contains(&name) {
            origins.push(name);
        }
    }
    let latest_visit = n.checked_sub(1).and_then(|last| {
        Some((
            ids[last].clone()?,
            people[last].clone()?,
            starts[last]?,
            ends[last]?,
        ))
    });
    let history = match (&latest_visit, starts.first().copied().flatten()) {
        (Some((_, person, start, _)), Some(first)) => format!(
            "{n} earlier in the official record, {}–{} (leaders of {}); latest {start}, {person}",
            first.format("%Y"),
            start.format("%Y"),
            origins.join(" and "),
        ),
        _ => format!("no earlier visit by a leader of {from} to {to} in the official record"),
    };
    // The latest of the record's visits and the dyad's summits there.
    let summit = same_soil.last().map(|r| (r.start, r.id.clone()));
    let visit = latest_visit.map(|(id, _, _, end)| (end, id));
    let latest = match (summit, visit) {
        (Some(s), Some(v)) => Some(if v.0 >= s.0 { v } else { s }),
        (s, v) => s.or(v),
    };
    let coverage = match recorded {
        Some(last) if last < this.start => {
            format!("; the official record runs to {last}")
        }
        _ => String::new(),
    };
    let verdict = match latest {
        Some((day, id)) => format!(
            "the first visit by a leader of {from} to {to} since {} ({id}, {} days before){coverage}",
            day.format("%Y"),
            thousands((this.start - day).num_days())
        ),
        None => format!(
            "the first visit by a leader of {from} to {to} in the official record and the collection{coverage}"
        ),
    };
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

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
    .to_owned()
}

fn percent(k: usize, n: usize) -> String {
    format!("{:.0}", 100.0 * k as f64 / n as f64)
}

/// `1,521`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

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

/// A number for a sentence: thousands separated, one decimal place when
/// it has a fraction (`1,132.5`).
fn number(x: f64) -> String {
    let tenths = (x * 10.0).round() as i64;
    if tenths % 10 == 0 {
        thousands(tenths / 10)
    } else {
        format!("{}.{}", thousands(tenths / 10), (tenths % 10).abs())
    }
}

fn describe_numbers(values: &[f64], unit: &str) -> String {
    match median(values) {
        None => "none recorded".to_owned(),
        Some(m) => {
            let min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!(
                "median {} {unit} (range {}–{}, n = {})",
                number(m),
                number(min),
                number(max),
                values.len()
            )
        }
    }
}

fn describe_fractions(values: &[f64]) -> String {
    match median(values) {
        None => "none recorded".to_owned(),
        Some(m) => {
            let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            format!("median {m:.2}, highest {max:.2} (n = {})", values.len())
        }
    }
}

fn against_median(this: Option<f64>, values: &[f64], what: &str) -> String {
    match (this, median(values)) {
        (None, _) => "not recorded".to_owned(),
        (Some(_), None) => "nothing to compare with".to_owned(),
        (Some(x), Some(m)) if x > m => format!("above the median of {} {what}", number(m)),
        (Some(x), Some(m)) if x < m => format!("below the median of {} {what}", number(m)),
        (Some(_), Some(m)) => format!("at the median of {} {what}", number(m)),
    }
}

fn names_of(codes: &str) -> String {
    codes
        .split(';')
        .map(|c| {
            crate::model::country(c)
                .map(|x| x.en)
                .or_else(|| crate::model::organisation(c).map(|o| o.en))
                .unwrap_or(c)
        })
        .collect::<Vec<_>>()
        .join(", ")
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
        assert_eq!(number(1132.5), "1,132.5");
        assert_eq!(number(2265.0), "2,265");
    }
}
