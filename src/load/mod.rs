//! Files to validated polars frames.
//!
//! A collection is a directory: canonical CSV tables (`summits.csv`, the
//! five tables about its summits and the log of their unsettled values,
//! or `visits.csv`, or both), or nested records under `records/`. A
//! directory of such directories is several collections, loaded together.
//! The curated collections under `datasets/` are embedded in the binary and
//! are the default data ([`default_data`]).
//!
//! Loading is all or nothing: either every table is valid and a
//! [`Collection`] comes back, or an [`Error::Invalid`] lists every problem
//! found, each with its `file:line:column`.
//!
//! The flow: `root` finds the files; each table's header is
//! checked (`csv`) and polars reads it with the codebook's schema
//! (`frame`, `schema`); the codebook's rules run over the frames
//! (`validate`). Only if any of that fails are the files read again cell
//! by cell (`csv`, `raw`, or `json`/`toml`/`records` for nested records)
//! to say where each problem is. Collections loaded together are then
//! stacked (`combine`) into one [`Collection`].

mod collection;
mod combine;
mod csv;
mod frame;
mod json;
mod raw;
mod records;
mod root;
pub mod schema;
mod toml;
mod validate;
mod value;

use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};
use polars::prelude::*;

pub use collection::{Collection, Form, Member};
pub use schema::{ColumnType, Table};
pub(crate) use value::{DATE_FORMAT, date_of_days, date_text, is_id};

use crate::error::{Error, Finding, Location, Report, Result, Rule};
use combine::{Loaded, combine, duplicates_across};
use raw::RawTable;
use records::RecordFile;
use root::Root;

static DATASETS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/datasets");

/// The `line:column` of a byte offset in a text, as a [`Location`].
pub fn locate(text: &str, path: &str, offset: usize) -> Location {
    raw::Lines::new(text.as_bytes()).locate(path, offset)
}

/// Every file of the embedded collections, by path under `datasets/`,
/// sorted: the inputs a study records.
pub fn embedded_files() -> Vec<(String, &'static [u8])> {
    fn walk(dir: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for file in dir.files() {
            out.push((file.path().to_string_lossy().into_owned(), file.contents()));
        }
        for sub in dir.dirs() {
            walk(sub, out);
        }
    }
    let mut files = Vec::new();
    walk(&DATASETS, &mut files);
    files.sort();
    files
}

/// Loads the collections embedded in the binary: every collection under
/// the repository's `datasets/`, together.
pub fn default_data() -> Result<Collection> {
    let mut data = load(Root::Embedded(&DATASETS), "datasets".to_owned())?;
    data.embedded = true;
    Ok(data)
}

/// Loads the collection at `path`: one collection directory, or a
/// directory of collection directories loaded together.
pub fn collection(path: impl AsRef<Path>) -> Result<Collection> {
    let path = path.as_ref();
    if !path.is_dir() {
        return Err(Error::NotACollection(format!(
            "{}: not a directory (a collection is a directory holding summits.csv, visits.csv or records/)",
            path.display()
        )));
    }
    let label = path.display().to_string();
    let label = match label.trim_end_matches('/') {
        "" => label.clone(),
        trimmed => trimmed.to_owned(),
    };
    load(Root::Disk(path.to_owned()), label)
}

fn load(root: Root, label: String) -> Result<Collection> {
    let mut found: Vec<(String, String, Root, Form)> = Vec::new();
    if let Some(form) = root.form() {
        let name = Path::new(&label)
            .file_name()
            .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned());
        found.push((name, label.clone(), root.clone(), form));
    } else {
        for name in root.dirs()? {
            let Some(sub) = root.join(&name) else {
                continue;
            };
            if let Some(form) = sub.form() {
                found.push((name.clone(), format!("{label}/{name}"), sub, form));
            }
        }
    }
    if found.is_empty() {
        return Err(Error::NotACollection(format!(
            "{label}: no collection here: expected summits.csv, visits.csv or records/, or subdirectories holding them"
        )));
    }
    for (_, member_label, r, form) in &found {
        if *form == Form::Tables && r.join("records").is_some() {
            return Err(Error::NotACollection(format!(
                "{member_label}: holds both CSV tables and records/: keep one form (see `summitry convert`)"
            )));
        }
    }

    let mut findings = Vec::new();
    let mut loaded = Vec::new();
    for (name, member_label, r, form) in found {
        let result = match form {
            Form::Tables => load_tables(&r, &member_label),
            Form::Records => load_records(&r, &member_label),
        };
        match result {
            Ok((frames, texts, warnings)) => loaded.push(Loaded {
                name,
                label: member_label,
                form,
                root: r,
                frames,
                texts,
                warnings,
            }),
            Err(LoadError::Findings(f)) => findings.extend(f),
            Err(LoadError::Fatal(e)) => return Err(e),
        }
    }
    if !findings.is_empty() {
        return Err(Error::Invalid(Report::new(findings)));
    }
    let findings = duplicates_across(&loaded)?;
    if !findings.is_empty() {
        return Err(Error::Invalid(Report::new(findings)));
    }
    combine(label, loaded)
}

type Frames = BTreeMap<Table, DataFrame>;
type Texts = BTreeMap<String, Vec<u8>>;
/// A collection's frames, its statements' text files and the warnings
/// its valid data gave.
type Read = (Frames, Texts, Vec<Finding>);

enum LoadError {
    Findings(Vec<Finding>),
    Fatal(Error),
}

impl From<Error> for LoadError {
    fn from(e: Error) -> LoadError {
        LoadError::Fatal(e)
    }
}

impl From<PolarsError> for LoadError {
    fn from(e: PolarsError) -> LoadError {
        LoadError::Fatal(e.into())
    }
}

/// Text files named by `text_file` values must be plain relative paths
/// inside the collection.
fn text_file_exists(root: &Root, rel: &str) -> bool {
    let plain = !rel.starts_with('/')
        && !rel.contains('\\')
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
    plain && root.has_file(rel)
}

fn read_texts(root: &Root, statements: &DataFrame) -> Result<Texts> {
    let mut texts = Texts::new();
    for rel in statements.column("text_file")?.str()?.iter().flatten() {
        if let Some(bytes) = root.read(rel)? {
            texts.insert(rel.to_owned(), bytes.to_vec());
        }
    }
    Ok(texts)
}

/// One file as the fast route read it: its header, or what is wrong with
/// it, and (with a header) its frame, or the first thing that kept it from
/// being read.
struct FastRead {
    table: Table,
    path: String,
    header: std::result::Result<Vec<String>, Vec<Finding>>,
    frame: Option<std::result::Result<DataFrame, String>>,
}

/// The CSV route: fast where the data is clean, precise where it is not.
fn load_tables(root: &Root, label: &str) -> Result<Read, LoadError> {
    let has_file = |rel: &str| text_file_exists(root, rel);
    // Fast route: each file is mapped, read into a frame by polars (which
    // reads one file on every core) and unmapped before the next; then the
    // vectorised rules. What they found is taken in table order.
    let read: Vec<Result<Option<FastRead>>> = Table::ALL
        .iter()
        .map(|&table| {
            let Some(bytes) = root.read(&table.file_name())? else {
                return Ok(None);
            };
            let path = format!("{label}/{}", table.file_name());
            let header = csv::header(table, &path, &bytes);
            let frame = header.as_ref().ok().map(|header| {
                frame::read(table, &bytes, header).map_err(|e| format!("{path}: {e}"))
            });
            Ok(Some(FastRead {
                table,
                path,
                header,
                frame,
            }))
        })
        .collect();
    let mut frames = Frames::new();
    let mut headers = Vec::new();
    let mut findings = Vec::new();
    let mut flag: Option<String> = None;
    for file in read {
        let Some(file) = file? else {
            continue;
        };
        match file.header {
            Ok(header) => {
                if findings.is_empty() && flag.is_none() {
                    match file.frame {
                        Some(Ok(df)) => {
                            frames.insert(file.table, df);
                        }
                        Some(Err(e)) => flag = Some(e),
                        None => {}
                    }
                }
                headers.push((file.table, file.path, header));
            }
            Err(f) => findings.extend(f),
        }
    }
    if findings.is_empty() && flag.is_none() {
        for table in Table::ALL {
            frames.entry(table).or_insert_with(|| schema::empty(table));
        }
        let view: Vec<(Table, &DataFrame)> = frames.iter().map(|(t, df)| (*t, df)).collect();
        match validate::check_frames(&view, &has_file)? {
            Ok(()) => {
                let texts = read_texts(root, &frames[&Table::Statements])?;
                let mut warnings = Vec::new();
                if validate::may_warn(&frames[&Table::Statements], &frames[&Table::Outcomes])? {
                    // Located by the csv crate, as findings are: the two
                    // tables the warning reads.
                    let mut raws = Vec::new();
                    for (table, path, header) in headers {
                        if matches!(table, Table::Statements | Table::Outcomes)
                            && let Some(bytes) = root.read(&table.file_name())?
                        {
                            raws.push(csv::parse(table, &path, &bytes, header).0);
                        }
                    }
                    warnings = validate::warnings(&raws);
                }
                return Ok((frames, texts, warnings));
            }
            Err(problem) => flag = Some(problem),
        }
    }
    drop(frames);
    // Precise route: read the files again and locate every problem.
    let summits_path = format!("{label}/summits.csv");
    let mut summits_whole = !findings.iter().any(|f| f.location.path == summits_path);
    let mut raws: Vec<RawTable> = Vec::new();
    for (table, path, header) in headers {
        let Some(bytes) = root.read(&table.file_name())? else {
            continue;
        };
        let (raw, f) = csv::parse(table, &path, &bytes, header);
        if table == Table::Summits && !f.is_empty() {
            summits_whole = false;
        }
        findings.extend(f);
        raws.push(raw);
    }
    findings.extend(validate::check_raw(&raws, &has_file, summits_whole));
    if findings.is_empty() {
        findings.push(unlocated(label, flag));
    }
    Err(LoadError::Findings(findings))
}

/// A problem the fast checks saw that the precise ones could not place:
/// a bug in summitry, reported rather than hidden.
fn unlocated(label: &str, flag: Option<String>) -> Finding {
    Finding {
        location: Location::whole(label),
        column: None,
        rule: Rule::WrongType,
        value: None,
        message: format!(
            "{} (summitry could not locate this problem; please report it)",
            flag.unwrap_or_else(|| "the data could not be read".to_owned())
        ),
    }
}

/// The records route: parse every file, validate the located tables, then
/// build frames through the same CSV reader as tables.
fn load_records(root: &Root, label: &str) -> Result<Read, LoadError> {
    let has_file = |rel: &str| text_file_exists(root, rel);
    let folder = format!("{label}/records");
    let dir = root
        .join("records")
        .ok_or_else(|| Error::NotACollection(format!("{folder}: not a directory")))?;
    let mut files = Vec::new();
    let mut findings = Vec::new();
    for name in dir.files()? {
        let path = format!("{folder}/{name}");
        let parse: fn(&str, &str) -> Result<records::Node> = if name.ends_with(".json") {
            json::parse
        } else if name.ends_with(".toml") {
            toml::parse
        } else {
            continue;
        };
        let bytes = dir
            .read(&name)?
            .ok_or_else(|| Error::NotFound(path.clone()))?;
        let text = match std::str::from_utf8(raw::strip_bom(&bytes)) {
            Ok(t) => t.to_owned(),
            Err(e) => {
                let offset = e.valid_up_to();
                findings.push(Finding {
                    // The offset counts from after a byte order mark.
                    location: raw::Lines::new(raw::strip_bom(&bytes)).locate(&path, offset),
                    column: None,
                    rule: Rule::InvalidUtf8,
                    value: None,
                    message: "the text is not valid UTF-8: save the file as UTF-8".to_owned(),
                });
                continue;
            }
        };
        let root_node = parse(&path, &text)?;
        files.push(RecordFile {
            path,
            text,
            root: root_node,
        });
    }
    if files.is_empty() && findings.is_empty() {
        return Err(
            Error::NotACollection(format!("{folder}: no .json or .toml record files")).into(),
        );
    }
    let (raws, f, summits_whole) = records::to_raw(&files);
    findings.extend(f);
    findings.extend(validate::check_raw(&raws, &has_file, summits_whole));
    if !findings.is_empty() {
        return Err(LoadError::Findings(findings));
    }
    let mut frames = Frames::new();
    for raw in &raws {
        let bytes = records::to_csv(raw)?;
        frames.insert(raw.table, frame::read_csv(raw.table, &bytes, &raw.columns)?);
    }
    let view: Vec<(Table, &DataFrame)> = frames.iter().map(|(t, df)| (*t, df)).collect();
    if let Err(flag) = validate::check_frames(&view, &has_file)? {
        return Err(LoadError::Findings(vec![unlocated(label, Some(flag))]));
    }
    let texts = read_texts(root, &frames[&Table::Statements])?;
    Ok((frames, texts, validate::warnings(&raws)))
}

#[cfg(test)]
mod proptests;

/// The two validators' verdicts on a collection of tables, each on its
/// own: whether the fast route (frames read with the schema, then the
/// vectorised rules) finds it clean, and what the precise route (the csv
/// crate's located cells, then the located rules) finds. `None` when a
/// header is broken, which both routes check the same way.
#[cfg(test)]
pub(crate) fn both_verdicts(dir: &Path) -> Result<Option<(bool, Vec<Finding>)>> {
    let root = Root::Disk(dir.to_owned());
    let has_file = |rel: &str| text_file_exists(&root, rel);
    let mut frames = Frames::new();
    let mut fast_clean = true;
    let mut raws = Vec::new();
    let mut findings = Vec::new();
    let mut summits_whole = true;
    for table in Table::ALL {
        let Some(bytes) = root.read(&table.file_name())? else {
            frames.insert(table, schema::empty(table));
            continue;
        };
        let path = table.file_name();
        let Ok(header) = csv::header(table, &path, &bytes) else {
            return Ok(None);
        };
        match frame::read_csv(table, &bytes, &header) {
            Ok(df) => {
                frames.insert(table, df);
            }
            Err(_) => fast_clean = false,
        }
        let (raw, f) = csv::parse(table, &path, &bytes, header);
        summits_whole &= table != Table::Summits || f.is_empty();
        findings.extend(f);
        raws.push(raw);
    }
    if fast_clean {
        let view: Vec<(Table, &DataFrame)> = frames.iter().map(|(t, df)| (*t, df)).collect();
        fast_clean = validate::check_frames(&view, &has_file)?.is_ok();
    }
    findings.extend(validate::check_raw(&raws, &has_file, summits_whole));
    Ok(Some((fast_clean, findings)))
}
