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
use crate::report;

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
/// `inputs_sha256` is the manifest's, which the report's pages print.
pub(crate) fn outputs(
    study: &Study,
    data: &Collection,
    inputs_sha256: &str,
    bar: &ProgressBar,
) -> Result<Files> {
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
    // The comparisons in English: a table each, and the English report.
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
    // Each chart's files, the description of its data, and the chart for
    // the report.
    let charts: Vec<Result<(Files, serde_json::Value, report::Chart)>> = tasks
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
            let shown = report::Chart {
                kind,
                lang,
                svg: svg.clone(),
            };
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
            Ok((files, resource, shown))
        })
        .collect();
    let mut shown = Vec::new();
    for chart in charts {
        let (files, resource, chart) = chart?;
        out.extend(files);
        resources.push(resource);
        shown.push(chart);
    }
    out.extend(report::pages(&report::Inputs {
        study,
        data,
        derived: &derived,
        english: &comparisons,
        charts: &shown,
        inputs_sha256,
    })?);
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
    let study_sha256 = super::manifest::sha256(study.normalised()?.as_bytes());
    let inputs_sha256 = super::manifest::inputs_sha256(&study_sha256, &inputs);
    let files = outputs(study, &data, &inputs_sha256, &bar)?;
    bar.finish_and_clear();

    let manifest = Manifest {
        tool: "summitry".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        study: study.clone(),
        study_sha256,
        collection,
        inputs,
        inputs_sha256,
        citation: Citation::of(&data)?.text(),
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
