//! Running a study: every output made in memory, then written at once
//! through a staging directory swapped in whole (`export::atomic`), so a
//! run that fails or is killed leaves the previous results untouched, and
//! a directory summitry did not make is never replaced.

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use polars::prelude::*;
use rayon::prelude::*;

use super::manifest::{Entry, Manifest};
use super::spec::{ImageFormat, Study};
use crate::analysis::{Derived, compare, read};
use crate::chart::{self, Kind};
use crate::cite::Citation;
use crate::error::{Error, Result};
use crate::export::{atomic, datapackage, summaries};
use crate::load::{self, Collection};

/// How a run reports and where it writes.
#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    /// No progress bar.
    pub quiet: bool,
    /// Write here instead of the study's output directory.
    pub out: Option<PathBuf>,
    /// The directory the spec was read from: relative collection paths
    /// start there.
    pub spec_dir: Option<PathBuf>,
    /// Read the data here instead of where the spec's `collection` says.
    pub data: Option<PathBuf>,
}

/// Where a study's data is: `None` for the embedded collections, the
/// directory the user gave, or the one the spec's `collection` names below
/// the spec's own directory. A collection that leads out of the spec's
/// directory through a symbolic link is refused.
pub(crate) fn location(study: &Study, options: &RunOptions) -> Result<Option<PathBuf>> {
    if let Some(data) = &options.data {
        return Ok(Some(data.clone()));
    }
    if study.collection == "embedded" {
        return Ok(None);
    }
    let base = options
        .spec_dir
        .clone()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or_else(|| PathBuf::from("."));
    let dir = base.join(&study.collection);
    within(&base, &dir, "the spec's directory")?;
    Ok(Some(dir))
}

/// Refuses `path` when, with its links followed, it is not below `base`.
/// A path that does not exist yet is left to the reader to report.
pub(crate) fn within(base: &Path, path: &Path, what: &str) -> Result<()> {
    let (Ok(base_real), Ok(real)) = (base.canonicalize(), path.canonicalize()) else {
        return Ok(());
    };
    if real.starts_with(&base_real) {
        Ok(())
    } else {
        Err(Error::Refused(format!(
            "{}: a symbolic link leads out of {what} (to {}): summitry reads only below it; pass the data with --data DIR",
            path.display(),
            real.display()
        )))
    }
}

/// The data at a location, how the manifest calls it, and its files.
pub(crate) fn collection_at(location: Option<&Path>) -> Result<(Collection, String, Vec<Entry>)> {
    match location {
        None => {
            let inputs = load::embedded_files()
                .iter()
                .map(|(path, bytes)| Entry::of(path, bytes))
                .collect();
            Ok((load::default_data()?, "embedded".to_owned(), inputs))
        }
        Some(dir) => Ok((
            load::collection(dir)?,
            dir.display().to_string(),
            input_entries(dir)?,
        )),
    }
}

/// Every file below a collection directory, sorted, as manifest entries.
/// A link that leads out of the directory is refused, not read.
pub(crate) fn input_entries(dir: &Path) -> Result<Vec<Entry>> {
    let mut found = Vec::new();
    for (rel, _) in atomic::files_below(dir)? {
        let path = dir.join(&rel);
        within(dir, &path, "the collection")?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        found.push(Entry::of(&rel, &bytes));
    }
    Ok(found)
}

/// Files made in memory: (path inside the output directory, bytes).
pub(crate) type Files = Vec<(String, Vec<u8>)>;

/// Makes every output of a study in memory, sorted by path.
pub(crate) fn outputs(study: &Study, data: &Collection, bar: &ProgressBar) -> Result<Files> {
    let mut out: Files = Vec::new();
    // The tables' descriptions for the run's data package.
    let mut resources = Vec::new();
    if let Some(options) = &study.summaries {
        for (name, df) in summaries::summaries(data, options)? {
            let path = format!("tables/{name}");
            resources.push(datapackage::frame_resource(&path, &df));
            out.push((path, crate::export::csv_bytes(&df, options.excel)?));
            bar.inc(1);
        }
    }
    // The facts, history and presence every comparison, chart and the
    // report read: made once here.
    let derived = Derived::of(data)?;
    let mut comparisons = Vec::new();
    for focus in &study.focus {
        let table = compare::compare_with(data, &derived, focus, study.compare)?;
        let path = format!("tables/compare-{focus}.csv");
        resources.push(datapackage::frame_resource(&path, &table));
        out.push((path, crate::export::csv_bytes(&table, false)?));
        comparisons.push(table);
        bar.inc(1);
    }
    // Charts are drawn side by side: rendering PNGs is most of the work.
    let mut tasks = Vec::new();
    for kind in &study.charts.kinds {
        for lang in &study.charts.languages {
            tasks.push((*kind, *lang));
        }
    }
    // Each chart's files and the description of its data.
    let charts: Vec<Result<(Files, serde_json::Value)>> = tasks
        .par_iter()
        .map(|&(kind, lang)| {
            let mut options = study.charts.options.clone();
            options.lang = lang;
            options.focus = match kind {
                Kind::Decades | Kind::StatementRate | Kind::Visits => None,
                _ => study.focus.first().cloned(),
            };
            let drawn = chart::draw_with(kind, data, &derived, &options)?;
            let svg = drawn.svg;
            let mut files = Vec::new();
            // The chart's data beside it, with the dyads named in the
            // chart's language.
            let mut table = drawn.data;
            if let Ok(dyads) = read::text(&table, "dyad") {
                let names: Vec<Option<String>> = dyads
                    .iter()
                    .map(|d| d.as_deref().map(|d| chart::words::dyad_name(d, lang)))
                    .collect();
                table.with_column(Column::new("dyad_name".into(), names))?;
            }
            let data_path = format!("charts/{}-{}.csv", kind.name(), lang.code());
            let resource = datapackage::frame_resource(&data_path, &table);
            files.push((data_path, crate::export::csv_bytes(&table, false)?));
            for format in &study.charts.formats {
                let name = format!(
                    "charts/{}-{}.{}",
                    kind.name(),
                    lang.code(),
                    format.extension()
                );
                let bytes = match format {
                    ImageFormat::Svg => svg.clone().into_bytes(),
                    ImageFormat::Png => chart::render::png(&svg)?,
                };
                files.push((name, bytes));
                bar.inc(1);
            }
            Ok((files, resource))
        })
        .collect();
    for chart in charts {
        let (files, resource) = chart?;
        out.extend(files);
        resources.push(resource);
    }
    out.push((
        "report.md".to_owned(),
        report(study, data, &derived, &comparisons)?.into_bytes(),
    ));
    let package = datapackage::for_outputs(
        &study.name,
        &study.title,
        resources,
        &Citation::of(data)?,
        data.is_embedded(),
    );
    out.push((
        datapackage::FILE.to_owned(),
        datapackage::to_bytes(&package)?,
    ));
    bar.inc(1);
    out.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(out)
}

/// Runs a study: makes every output, writes them with the manifest into
/// the output directory (replacing the previous run only when all is
/// written), and returns the manifest and where it went.
pub fn run(study: &Study, options: &RunOptions) -> Result<(Manifest, PathBuf)> {
    let dir = options.out.clone().unwrap_or_else(|| study.output_dir());
    // Refused before any work when the place holds what summitry did not
    // make; checked again as the new run is swapped in.
    atomic::check_replaceable(&dir)?;
    let (data, collection, inputs) = collection_at(location(study, options)?.as_deref())?;
    let total = study.summaries.as_ref().map_or(0, |o| {
        o.tables.as_ref().map_or(summaries::TABLES.len(), Vec::len)
    }) + study.focus.len()
        + study.charts.kinds.len() * study.charts.languages.len() * study.charts.formats.len()
        + 1;
    let bar = if options.quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden())
    } else {
        ProgressBar::new(total as u64)
    };
    if let Ok(style) = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(study.name.clone());
    let files = outputs(study, &data, &bar)?;
    bar.finish_and_clear();

    let normalised = study.normalised()?;
    let manifest = Manifest {
        tool: "summitry".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        study: study.clone(),
        study_sha256: super::manifest::sha256(normalised.as_bytes()),
        collection,
        inputs,
        outputs: files.iter().map(|(p, b)| Entry::of(p, b)).collect(),
        finished_unix_seconds: std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs()),
    };
    write_run(&dir, &files, &manifest)?;
    Ok((manifest, dir))
}

/// Writes every file and the manifest into a staging directory beside
/// `dir`, then swaps it in: readers see the old run or the new one, never
/// a mixture, and a failure leaves the old run as it was.
fn write_run(dir: &Path, files: &[(String, Vec<u8>)], manifest: &Manifest) -> Result<()> {
    let staged = atomic::stage(dir)?;
    for (path, bytes) in files {
        let target = staged.path().join(path);
        if let Some(up) = target.parent() {
            std::fs::create_dir_all(up).map_err(|e| Error::io(up, e))?;
        }
        std::fs::write(&target, bytes).map_err(|e| Error::io(&target, e))?;
    }
    let json = serde_json::to_string_pretty(manifest).map_err(|e| Error::Write {
        what: "the manifest".to_owned(),
        message: e.to_string(),
    })? + "\n";
    let target = staged.path().join(atomic::LISTING);
    std::fs::write(&target, json).map_err(|e| Error::io(&target, e))?;
    staged.commit()
}

/// The report: each comparison written out as sentences with its numbers,
/// and the sources of every summit they rest on.
fn report(
    study: &Study,
    data: &Collection,
    derived: &Derived,
    comparisons: &[DataFrame],
) -> Result<String> {
    let history = derived.history()?;
    let presence = derived.presence(data)?;
    let mut md = format!("# {}\n\n{}\n", study.title, study.description.trim());
    if study.focus.len() > 1 {
        md.push_str(&side_by_side(study, data, comparisons)?);
    }
    for (focus, table) in study.focus.iter().zip(comparisons) {
        let record = data.record(focus)?;
        let s = &record.summit;
        md.push_str(&format!(
            "\n## {} ({}, {} to {}, {})\n\n",
            s.name, focus, s.start_date, s.end_date, s.city
        ));
        let metrics = read::text(table, "metric")?;
        let this = read::text(table, "this")?;
        let past = read::text(table, "history")?;
        let verdict = read::text(table, "verdict")?;
        for (i, metric) in metrics.iter().enumerate() {
            let metric = metric.clone().unwrap_or_default();
            let value = this[i].clone().unwrap_or_default();
            let label = match metric.strip_prefix("presence:") {
                // `this` is the leader's name.
                Some(_) => format!("{value}'s earlier meetings and visits"),
                None => label_of(&metric),
            };
            let before = past[i].clone().unwrap_or_default();
            let said = verdict[i].clone().unwrap_or_default();
            let mut line = format!("- **{label}**: {value}.");
            if !before.is_empty() {
                line.push_str(&format!(" History: {before}."));
            }
            let end = if said.ends_with('.') { "" } else { "." };
            line.push_str(&format!(" {}{end}\n", capitalise(&said)));
            md.push_str(&line);
        }
        // The summits these sentences rest on: this one, the one before,
        // the ends of the longer gap, the leaders' earlier meetings.
        let mut cited = vec![focus.clone()];
        let ids = read::text(history, "summit_id")?;
        if let Some(at) = ids
            .iter()
            .position(|i| i.as_deref() == Some(focus.as_str()))
        {
            for column in ["previous_summit_id", "longer_gap_from", "longer_gap_to"] {
                cited.extend(read::text(history, column)?[at].clone());
            }
        }
        let p_ids = read::text(presence, "summit_id")?;
        for column in [
            "previous_summit_with_counterpart",
            "previous_summit_on_counterpart_soil",
        ] {
            let values = read::text(presence, column)?;
            for (i, id) in p_ids.iter().enumerate() {
                if id.as_deref() == Some(focus.as_str()) {
                    cited.extend(values[i].clone());
                }
            }
        }
        let mut seen = Vec::new();
        cited.retain(|c| {
            let new = !seen.contains(c);
            seen.push(c.clone());
            new
        });
        md.push_str("\n### Sources\n\n");
        for id in &cited {
            let cited_record = data.record(id)?;
            md.push_str(&format!("- {} ({}):\n", cited_record.summit.name, id));
            for source in &cited_record.sources {
                let title = source.title.clone().unwrap_or_else(|| source.url.clone());
                md.push_str(&format!("  - [{title}]({})\n", source.url));
            }
        }
        // The wars, sanctions and warrants the context sentences name, each
        // with the page that settles it (and its end, where another does).
        let found = crate::analysis::context::found(data)?
            .filter(col("summit_id").eq(lit(focus.as_str())))
            .select(
                [
                    "table",
                    "id",
                    "name",
                    "start_date",
                    "end_date",
                    "source_url",
                    "end_source_url",
                ]
                .map(col),
            )
            .unique_stable(None, UniqueKeepStrategy::First)
            .sort(
                ["table", "start_date", "id"],
                SortMultipleOptions::default(),
            )
            .collect()?;
        if found.height() > 0 {
            md.push_str("\n### The context's facts\n\n");
            let names = read::text(&found, "name")?;
            let tables = read::text(&found, "table")?;
            let rows = read::text(&found, "id")?;
            let starts = read::text(&found, "source_url")?;
            let ended = read::text(&found, "end_date")?;
            let ends = read::text(&found, "end_source_url")?;
            for i in 0..found.height() {
                let name = names[i].clone().unwrap_or_default();
                let end = match (&ends[i], &ended[i]) {
                    (Some(url), Some(_)) => format!(", [its end]({url})"),
                    (Some(url), None) => format!(", [still in force]({url})"),
                    (None, _) => String::new(),
                };
                md.push_str(&format!(
                    "- {name} (`{}`, {}): [source]({}){end}\n",
                    tables[i].clone().unwrap_or_default(),
                    rows[i].clone().unwrap_or_default(),
                    starts[i].clone().unwrap_or_default(),
                ));
            }
        }
        // The official record's visits the sentences name: the leaders'
        // last visits to the counterpart and the visiting side's last visit.
        let mut visits: Vec<String> = Vec::new();
        let named = read::text(presence, "previous_visit_to_counterpart")?;
        for (i, id) in p_ids.iter().enumerate() {
            if id.as_deref() == Some(focus.as_str()) {
                visits.extend(named[i].clone());
            }
        }
        visits.extend(compare::previous_visit_id(data, &derived.facts, focus)?);
        visits.sort();
        visits.dedup();
        if !visits.is_empty() {
            md.push_str("\n### The official record\n\n");
            for id in &visits {
                let v = data.visit(id)?;
                md.push_str(&format!(
                    "- {} ({id}), {} to {}: [Office of the Historian, US Department of State]({})\n",
                    v.person, v.start_date, v.end_date, v.source_url
                ));
            }
        }
    }
    md.push_str(&format!(
        "\n---\n\nComputed by summitry {} from the collection `{}`; the manifest beside this report holds the hash of every input and output.\n",
        env!("CARGO_PKG_VERSION"),
        study.collection
    ));
    Ok(md)
}

/// The metrics the side-by-side table of a study's focus summits shows,
/// in this order: where each stands in its dyad's history, and what it
/// produced.
const SIDE_BY_SIDE: [&str; 9] = [
    "sequence",
    "gap_days",
    "joint_statement",
    "joint_press_conference",
    "agreements_signed",
    "duration_hours",
    "delegation_size",
    "economic_share",
    "venue",
];

/// The focus summits against each other: one column a summit, one row a
/// metric, each cell the summit's own value as its comparison states it
/// (its dyad's history and the sources follow in the summit's section).
fn side_by_side(study: &Study, data: &Collection, comparisons: &[DataFrame]) -> Result<String> {
    let mut md = String::from("\n## The focus summits side by side\n\n");
    let mut header = String::from("| |");
    let mut rule = String::from("| --- |");
    for focus in &study.focus {
        let s = data.record(focus)?.summit;
        header.push_str(&format!(
            " {} ({}, {}) |",
            s.name,
            crate::model::dyad(&s.side_a, &s.side_b),
            s.start_date
        ));
        rule.push_str(" --- |");
    }
    md.push_str(&format!("{header}\n{rule}\n"));
    for metric in SIDE_BY_SIDE {
        let mut row = format!("| {} |", label_of(metric));
        for table in comparisons {
            let metrics = read::text(table, "metric")?;
            let this = read::text(table, "this")?;
            let value = metrics
                .iter()
                .position(|m| m.as_deref() == Some(metric))
                .and_then(|i| this[i].clone())
                .unwrap_or_default();
            row.push_str(&format!(" {} |", value.replace('|', "/")));
        }
        md.push_str(&format!("{row}\n"));
    }
    md.push_str("\nEach value is the summit's own, as its section below states it against its dyad's history, with the sources it rests on.\n");
    Ok(md)
}

fn label_of(metric: &str) -> String {
    match metric {
        "sequence" => "Place in the dyad's history".to_owned(),
        "gap_days" => "Days since the previous summit".to_owned(),
        "joint_statement" => "Joint statement".to_owned(),
        "joint_press_conference" => "Joint press conference".to_owned(),
        "press_questions_taken" => "Questions from the press".to_owned(),
        "follow_up_agreed" => "Follow-up agreed".to_owned(),
        "conflict_between" => "An armed conflict between the two sides".to_owned(),
        "wars_of_either_side" => "Wars either side was fighting".to_owned(),
        "sanctions_between" => "Sanctions in force between the two sides".to_owned(),
        "warrant_against_participant" => {
            "Arrest warrant or indictment against a participant".to_owned()
        }
        "agreements_signed" => "Agreements signed".to_owned(),
        "duration_hours" => "Length of the talks (hours)".to_owned(),
        "delegation_size" => "People named in the delegations".to_owned(),
        "venue" => "Venue".to_owned(),
        "distance_from_capitals" => "Distance from the capitals".to_owned(),
        "absent_stakeholders" => "Absent from the table".to_owned(),
        "previous_visit" => "The visiting side's leaders on the host's soil".to_owned(),
        "leader_share" => "Share of the leaders in the delegations".to_owned(),
        other => match other.strip_suffix("_share") {
            Some(portfolio) => format!("Share of {portfolio} officials"),
            None => other.to_owned(),
        },
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}
