//! Files to validated polars frames.
//!
//! A collection is a directory: canonical CSV tables (`summits.csv` and
//! the optional other five), or nested records under `records/`. A
//! directory of such directories is several collections, loaded together.
//! The curated collections under `datasets/` are embedded in the binary and
//! are the default data ([`default_data`]).
//!
//! Loading is all or nothing: either every table is valid and a
//! [`Collection`] comes back, or an [`Error::Invalid`] lists every problem
//! found, each with its `file:line:column`.

mod csv;
mod frame;
mod json;
mod raw;
mod records;
mod references;
pub mod schema;
mod toml;
mod validate;
mod value;

use std::collections::BTreeMap;
use std::ops::{Deref, Range};
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use polars::prelude::*;
use serde_json::{Map, Value};

pub use schema::Table;
pub(crate) use value::{DATE_FORMAT, date_of_days, date_text, is_id};

use crate::error::{Error, Finding, Location, Report, Result, Rule};
use crate::model::Record;
use raw::RawTable;
use records::RecordFile;
use references::Links;

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
    load(Root::Embedded(&DATASETS), "datasets".to_owned())
}

/// Loads the collection at `path`: one collection directory, or a
/// directory of collection directories loaded together.
pub fn collection(path: impl AsRef<Path>) -> Result<Collection> {
    let path = path.as_ref();
    if !path.is_dir() {
        return Err(Error::NotACollection(format!(
            "{}: not a directory (a collection is a directory holding summits.csv or records/)",
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

/// Summit records as validated frames, one per table.
#[derive(Debug, Clone)]
pub struct Collection {
    label: String,
    members: Vec<Member>,
    frames: BTreeMap<Table, DataFrame>,
    links: Links,
}

/// One collection of those loaded together.
#[derive(Debug, Clone)]
pub struct Member {
    /// The directory's name, e.g. `us-russia`.
    pub name: String,
    /// Where it was read from, as shown in messages.
    pub label: String,
    /// Whether it was written as tables or as records.
    pub form: Form,
    /// Its rows in each of the collection's frames.
    rows: BTreeMap<Table, Range<usize>>,
    /// Statement text files, by their path inside the collection.
    texts: BTreeMap<String, Vec<u8>>,
}

/// The two ways of writing a collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Form {
    /// CSV tables: `summits.csv`, `participants.csv`...
    Tables,
    /// Nested records: `records/<summit_id>.json` or `.toml`.
    Records,
}

impl Collection {
    /// Where the data came from, e.g. `datasets` or a path.
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The same collection, named as if it had been read from `label`:
    /// what `verify --data DIR` uses, so that data found at another path
    /// gives the same outputs (the charts name their data).
    pub(crate) fn known_as(mut self, label: &str) -> Collection {
        let old = std::mem::replace(&mut self.label, label.to_owned());
        for member in &mut self.members {
            if member.label == old {
                member.label = label.to_owned();
                member.name = Path::new(label)
                    .file_name()
                    .map_or_else(|| label.to_owned(), |n| n.to_string_lossy().into_owned());
            } else if let Some(rest) = member.label.strip_prefix(&format!("{old}/")) {
                member.label = format!("{label}/{rest}");
            }
        }
        self
    }

    /// The collections loaded together, in load order.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// The frame of a table (with no rows if the table was absent).
    pub fn frame(&self, table: Table) -> &DataFrame {
        &self.frames[&table]
    }

    /// Keeps only those of `table`'s columns named in `keep`: for a caller
    /// that owns the collection, to free early what it will not read.
    pub(crate) fn keep_columns(&mut self, table: Table, keep: &[&str]) -> PolarsResult<()> {
        if let Some(df) = self.frames.get_mut(&table) {
            let kept: Vec<PlSmallStr> = df
                .get_column_names()
                .into_iter()
                .filter(|name| keep.contains(&name.as_str()))
                .cloned()
                .collect();
            *df = df.select(kept)?;
        }
        Ok(())
    }

    /// For each row of `table`'s frame, the row of the summits frame it
    /// belongs to, as the loader found them while checking the references.
    /// There are links only where the summits' ids strictly increase, so
    /// the summits' row order is their ids' order. `None` for the summits
    /// table itself, and when the ids were not sorted (the loader then
    /// matched them by hashing, and kept nothing).
    pub fn summit_rows(&self, table: Table) -> Option<&[IdxSize]> {
        self.links.get(&table).map(Vec::as_slice)
    }

    /// The summits frame.
    pub fn summits(&self) -> &DataFrame {
        self.frame(Table::Summits)
    }

    /// The participants frame.
    pub fn participants(&self) -> &DataFrame {
        self.frame(Table::Participants)
    }

    /// The outcomes frame.
    pub fn outcomes(&self) -> &DataFrame {
        self.frame(Table::Outcomes)
    }

    /// The context frame.
    pub fn context(&self) -> &DataFrame {
        self.frame(Table::Context)
    }

    /// The statements frame.
    pub fn statements(&self) -> &DataFrame {
        self.frame(Table::Statements)
    }

    /// The sources frame.
    pub fn sources(&self) -> &DataFrame {
        self.frame(Table::Sources)
    }

    /// Everything recorded about one summit.
    pub fn record(&self, summit_id: &str) -> Result<Record> {
        let object = self.object(summit_id)?;
        serde_json::from_value(Value::Object(object)).map_err(|e| Error::Write {
            what: format!("the record of {summit_id}"),
            message: e.to_string(),
        })
    }

    /// Everything recorded about one summit as a JSON object, in the shape
    /// of a record file.
    pub fn object(&self, summit_id: &str) -> Result<Map<String, Value>> {
        let filtered: Vec<(Table, DataFrame)> = self
            .frames
            .iter()
            .map(|(t, df)| {
                let one = df
                    .clone()
                    .lazy()
                    .filter(col("summit_id").eq(lit(summit_id)))
                    .collect()?;
                Ok((*t, one))
            })
            .collect::<Result<_>>()?;
        let borrowed: Vec<(Table, &DataFrame)> = filtered.iter().map(|(t, df)| (*t, df)).collect();
        records::objects(&borrowed)?
            .into_iter()
            .next()
            .map(|(_, object)| object)
            .ok_or_else(|| Error::NotFound(format!("no summit {summit_id:?} in {}", self.label)))
    }

    /// A member's own frames (its rows of each table).
    pub fn member_frames(&self, member: &Member) -> BTreeMap<Table, DataFrame> {
        self.frames
            .iter()
            .map(|(t, df)| {
                let range = member.rows.get(t).cloned().unwrap_or(0..0);
                (*t, df.slice(range.start as i64, range.len()))
            })
            .collect()
    }

    /// A member's summits as JSON objects in the shape of record files.
    pub fn member_objects(&self, member: &Member) -> Result<Vec<(String, Map<String, Value>)>> {
        let frames = self.member_frames(member);
        let borrowed: Vec<(Table, &DataFrame)> = frames.iter().map(|(t, df)| (*t, df)).collect();
        records::objects(&borrowed)
    }
}

impl Member {
    /// The statement text files of the collection, by path inside it.
    pub fn texts(&self) -> &BTreeMap<String, Vec<u8>> {
        &self.texts
    }
}

/// Where a collection's files live.
#[derive(Clone)]
enum Root {
    Disk(PathBuf),
    Embedded(&'static Dir<'static>),
}

/// A file's bytes: borrowed from the binary, or mapped from disk.
enum Bytes {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
    Empty,
}

impl Deref for Bytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Static(b) => b,
            Bytes::Mapped(m) => m,
            Bytes::Empty => &[],
        }
    }
}

impl Root {
    fn join(&self, name: &str) -> Option<Root> {
        match self {
            Root::Disk(p) => {
                let p = p.join(name);
                p.is_dir().then_some(Root::Disk(p))
            }
            Root::Embedded(d) => d.get_dir(d.path().join(name)).map(Root::Embedded),
        }
    }

    fn has_file(&self, name: &str) -> bool {
        match self {
            Root::Disk(p) => p.join(name).is_file(),
            Root::Embedded(d) => d.get_file(d.path().join(name)).is_some(),
        }
    }

    fn read(&self, name: &str) -> Result<Option<Bytes>> {
        match self {
            Root::Disk(p) => {
                let path = p.join(name);
                if !path.is_file() {
                    return Ok(None);
                }
                let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
                let len = file.metadata().map_err(|e| Error::io(&path, e))?.len();
                if len == 0 {
                    return Ok(Some(Bytes::Empty));
                }
                // SAFETY: the map is read-only and lives only while the
                // table is parsed; a file truncated by another process
                // meanwhile is outside what any reader can guard against.
                let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| Error::io(&path, e))?;
                Ok(Some(Bytes::Mapped(map)))
            }
            Root::Embedded(d) => Ok(d
                .get_file(d.path().join(name))
                .map(|f| Bytes::Static(f.contents()))),
        }
    }

    /// Names of the subdirectories, sorted.
    fn dirs(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = match self {
            Root::Disk(p) => std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_dir())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Root::Embedded(d) => d
                .dirs()
                .filter_map(|s| s.path().file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect(),
        };
        names.sort();
        Ok(names)
    }

    /// Names of the files, sorted.
    fn files(&self) -> Result<Vec<String>> {
        let mut names: Vec<String> = match self {
            Root::Disk(p) => std::fs::read_dir(p)
                .map_err(|e| Error::io(p, e))?
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect(),
            Root::Embedded(d) => d
                .files()
                .filter_map(|f| f.path().file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect(),
        };
        names.sort();
        Ok(names)
    }

    fn form(&self) -> Option<Form> {
        if self.has_file("summits.csv") {
            Some(Form::Tables)
        } else if self.join("records").is_some() {
            Some(Form::Records)
        } else {
            None
        }
    }
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
            "{label}: no collection here: expected summits.csv or records/, or subdirectories holding them"
        )));
    }
    for (_, member_label, r, form) in &found {
        if *form == Form::Tables && r.join("records").is_some() {
            return Err(Error::NotACollection(format!(
                "{member_label}: holds both summits.csv and records/: keep one form (see `summitry convert`)"
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
            Ok((frames, links, texts)) => loaded.push(Loaded {
                name,
                label: member_label,
                form,
                root: r,
                frames,
                links,
                texts,
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
fn load_tables(root: &Root, label: &str) -> Result<(Frames, Links, Texts), LoadError> {
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
            Ok(links) => {
                let texts = read_texts(root, &frames[&Table::Statements])?;
                return Ok((frames, links, texts));
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
fn load_records(root: &Root, label: &str) -> Result<(Frames, Links, Texts), LoadError> {
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
    let links = match validate::check_frames(&view, &has_file)? {
        Ok(links) => links,
        Err(flag) => return Err(LoadError::Findings(vec![unlocated(label, Some(flag))])),
    };
    let texts = read_texts(root, &frames[&Table::Statements])?;
    Ok((frames, links, texts))
}

/// One member as loaded, before the members are combined.
struct Loaded {
    name: String,
    label: String,
    form: Form,
    root: Root,
    frames: Frames,
    links: Links,
    texts: Texts,
}

/// Ids that must be unique across collections loaded together. Each
/// repeat is located in its table file by a precise re-read; in records,
/// at the records folder.
fn duplicates_across(loaded: &[Loaded]) -> Result<Vec<Finding>> {
    let mut findings = Vec::new();
    if loaded.len() < 2 {
        // Within one collection, ids were checked by its own validation.
        return Ok(findings);
    }
    for (table, key) in [
        (Table::Summits, "summit_id"),
        (Table::Statements, "statement_id"),
    ] {
        let mut seen: BTreeMap<String, &str> = BTreeMap::new();
        for member in loaded {
            let mut repeated: Vec<(String, &str)> = Vec::new();
            for id in member.frames[&table].column(key)?.str()?.iter().flatten() {
                match seen.get(id) {
                    Some(first) => repeated.push((id.to_owned(), first)),
                    None => {
                        seen.insert(id.to_owned(), &member.label);
                    }
                }
            }
            if repeated.is_empty() {
                continue;
            }
            let places = locate_ids(member, table, key)?;
            for (id, first) in repeated {
                let location = places.get(&id).cloned().unwrap_or_else(|| {
                    let path = match member.form {
                        Form::Tables => format!("{}/{}", member.label, table.file_name()),
                        Form::Records => format!("{}/records", member.label),
                    };
                    Location::whole(path)
                });
                findings.push(Finding {
                    location,
                    column: Some(key.to_owned()),
                    rule: Rule::DuplicateId,
                    message: format!("duplicate {key} {id:?}: also in {first}"),
                    value: Some(id),
                });
            }
        }
    }
    Ok(findings)
}

/// Where each id of a table's key column is written, for a member in the
/// table form (empty for records).
fn locate_ids(member: &Loaded, table: Table, key: &str) -> Result<BTreeMap<String, Location>> {
    let mut places = BTreeMap::new();
    if member.form != Form::Tables {
        return Ok(places);
    }
    let Some(bytes) = member.root.read(&table.file_name())? else {
        return Ok(places);
    };
    let path = format!("{}/{}", member.label, table.file_name());
    let Ok(header) = csv::header(table, &path, &bytes) else {
        return Ok(places);
    };
    let Some(index) = header.iter().position(|h| h == key) else {
        return Ok(places);
    };
    let (raw, _) = csv::parse(table, &path, &bytes, header);
    for row in raw.rows {
        if let Some(Some(cell)) = row.cells.get(index) {
            places
                .entry(cell.text.clone())
                .or_insert_with(|| cell.location.clone());
        }
    }
    Ok(places)
}

/// Stacks the members' frames into one frame a table. Members may carry
/// different extra columns: each gets the others' as nulls.
fn combine(label: String, mut loaded: Vec<Loaded>) -> Result<Collection> {
    if loaded.len() == 1 {
        // One collection: its frames are the collection's, no copy.
        let member = loaded.remove(0);
        let rows = member
            .frames
            .iter()
            .map(|(t, df)| (*t, 0..df.height()))
            .collect();
        return Ok(Collection {
            label,
            members: vec![Member {
                name: member.name,
                label: member.label,
                form: member.form,
                rows,
                texts: member.texts,
            }],
            frames: member.frames,
            links: member.links,
        });
    }
    let mut frames = Frames::new();
    let mut members = Vec::new();
    let mut offsets: BTreeMap<Table, usize> = BTreeMap::new();
    for table in Table::ALL {
        let mut columns: Vec<(String, DataType)> = Vec::new();
        for member in &loaded {
            for c in member.frames[&table].columns() {
                if !columns.iter().any(|(n, _)| n == c.name().as_str()) {
                    columns.push((c.name().to_string(), c.dtype().clone()));
                }
            }
        }
        let mut stacked: Option<DataFrame> = None;
        for member in &loaded {
            let df = &member.frames[&table];
            let exprs: Vec<Expr> = columns
                .iter()
                .map(|(name, dtype)| {
                    if df.column(name).is_ok() {
                        col(name.as_str())
                    } else {
                        lit(NULL).cast(dtype.clone()).alias(name.as_str())
                    }
                })
                .collect();
            let aligned = df.clone().lazy().select(exprs).collect()?;
            stacked = Some(match stacked {
                None => aligned,
                Some(mut acc) => {
                    acc.vstack_mut(&aligned)?;
                    acc
                }
            });
        }
        let mut df = stacked.unwrap_or_else(|| schema::empty(table));
        df.rechunk_mut();
        frames.insert(table, df);
    }
    let links = combine_links(&loaded, &frames[&Table::Summits])?;
    for member in loaded {
        let rows = Table::ALL
            .iter()
            .map(|t| {
                let start = offsets.entry(*t).or_insert(0);
                let n = member.frames[t].height();
                let range = *start..*start + n;
                *start += n;
                (*t, range)
            })
            .collect();
        members.push(Member {
            name: member.name,
            label: member.label,
            form: member.form,
            rows,
            texts: member.texts,
        });
    }
    Ok(Collection {
        label,
        members,
        frames,
        links,
    })
}

/// The members' links stacked as their frames are: each member's summit
/// rows moved past the summits of the members before it. A table keeps
/// its links only if every member has them, and none are kept unless the
/// stacked summit ids still increase (as each member's do), so that the
/// summits' rows are in the ids' order wherever there are links.
fn combine_links(loaded: &[Loaded], summits: &DataFrame) -> Result<Links> {
    let mut links = Links::new();
    if references::order(summits.column("summit_id")?.str()?) != references::Order::Increasing {
        return Ok(links);
    }
    for table in Table::ALL.into_iter().filter(|t| t.refers_to_summits()) {
        if !loaded.iter().all(|m| m.links.contains_key(&table)) {
            continue;
        }
        let mut stacked = Vec::new();
        let mut offset: IdxSize = 0;
        for member in loaded {
            stacked.extend(member.links[&table].iter().map(|r| r + offset));
            offset += member.frames[&Table::Summits].height() as IdxSize;
        }
        links.insert(table, stacked);
    }
    Ok(links)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_columns_stay_in_their_order_and_the_rest_are_dropped() {
        let mut data = default_data().unwrap();
        let height = data.participants().height();
        data.keep_columns(
            Table::Participants,
            &["level", "no_such_column", "person_id"],
        )
        .unwrap();
        let names: Vec<&str> = data
            .participants()
            .get_column_names()
            .into_iter()
            .map(|n| n.as_str())
            .collect();
        assert_eq!(names, ["person_id", "level"]);
        assert_eq!(data.participants().height(), height);
        assert!(data.summits().width() > 2);
    }
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
