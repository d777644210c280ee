//! The US Office of the Historian's records of leaders' visits, read from
//! its public repositories' XML (`HistoryAtState/visits`: foreign leaders
//! in the US; `HistoryAtState/travels`: presidents abroad) into rows of
//! `visits.csv`.
//!
//! A directory holds `visits/data/*.xml` and
//! `travels/president-travels/*.xml`, with `travels/presidents/presidents.xml`
//! and `travels/code-tables/travel-role-codes.xml` beside them. Files are
//! read in name order and parsed by roxmltree, which keeps every element's
//! position, so a record that cannot be mapped is set aside with its file
//! and line. Nothing else is read, and no link is followed.

use std::path::{Path, PathBuf};

use super::names::{country_code, president_id, title_of, visitor_id};
use super::{Row, SetAside};
use crate::error::{Error, Location, Result, Rule};
use crate::load::{date_text, is_id};
use crate::model::VisitKind;

/// Where the records are published: a country's page of visits and a
/// president's page of travels.
const VISITS_PAGE: &str = "https://history.state.gov/departmenthistory/visits/";
const TRAVELS_PAGE: &str = "https://history.state.gov/departmenthistory/travels/president/";

/// What one import read: the rows it made and the records it set aside,
/// each with the number of records read.
#[derive(Debug, Default)]
pub struct Read {
    /// `<visit>` and `<trip>` records read.
    pub records: usize,
    /// Rows of `visits.csv`, one a record mapped.
    pub rows: Vec<Row>,
    /// Records that could not be mapped, with where and why.
    pub set_aside: Vec<SetAside>,
    /// Where each row's record is, in the order of `rows`.
    locations: Vec<Location>,
}

impl Read {
    /// Keeps a mapped record's row, or sets the record aside, with where
    /// it is.
    fn take(&mut self, mapped: Mapped<Row>, location: Location) {
        match mapped {
            Ok(row) => {
                self.rows.push(row);
                self.locations.push(location);
            }
            Err((rule, reason)) => self.set_aside.push(SetAside {
                location,
                rule,
                reason,
            }),
        }
    }
}

/// Reads the two record sets under `dir`.
pub fn read(dir: &Path) -> Result<Read> {
    let mut read = Read::default();
    let visits = xml_files(dir, "visits/data")?;
    let travels = xml_files(dir, "travels/president-travels")?;
    let presidents = load(dir, "travels/presidents/presidents.xml")?;
    let presidents = presidents_of(&presidents)?;
    let roles = load(dir, "travels/code-tables/travel-role-codes.xml")?;
    let roles = roles_of(&roles)?;
    for rel in visits {
        let file = load(dir, &rel)?;
        read_visits(&file, &mut read)?;
    }
    for rel in travels {
        let file = load(dir, &rel)?;
        read_trips(&file, &presidents, &roles, &mut read)?;
    }
    set_aside_repeats(&mut read);
    Ok(read)
}

/// A record whose id an earlier record (in file order) already has is
/// set aside: the ids are the rows' keys.
fn set_aside_repeats(read: &mut Read) {
    let mut first: std::collections::HashMap<String, Location> = std::collections::HashMap::new();
    let rows = std::mem::take(&mut read.rows);
    for (row, location) in rows.into_iter().zip(std::mem::take(&mut read.locations)) {
        match first.get(&row.visit_id) {
            Some(earlier) => read.set_aside.push(SetAside {
                location,
                rule: Rule::DuplicateId,
                reason: format!(
                    "the id of {} repeats that of the record at {earlier}",
                    row.visit_id
                ),
            }),
            None => {
                first.insert(row.visit_id.clone(), location);
                read.rows.push(row);
            }
        }
    }
}

/// An XML file, its text and where it was read from (as shown in
/// messages: the path the user gave, joined with the file's place).
struct File {
    shown: String,
    text: String,
}

impl File {
    fn doc(&self) -> Result<roxmltree::Document<'_>> {
        roxmltree::Document::parse(&self.text).map_err(|e| {
            let pos = e.pos();
            Error::Syntax {
                location: Location::new(self.shown.clone(), u64::from(pos.row), u64::from(pos.col)),
                message: format!("not well-formed XML: {e}"),
            }
        })
    }

    fn at(&self, doc: &roxmltree::Document<'_>, node: roxmltree::Node<'_, '_>) -> Location {
        let pos = doc.text_pos_at(node.range().start);
        Location::new(self.shown.clone(), u64::from(pos.row), u64::from(pos.col))
    }
}

/// The `.xml` files of `dir/sub`, by name; a missing directory is an
/// error naming what was expected.
fn xml_files(dir: &Path, sub: &str) -> Result<Vec<String>> {
    let path = dir.join(sub);
    refuse_links(dir, sub)?;
    let entries = std::fs::read_dir(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error::NotACollection(format!(
                "{}: not found: expected the Office of the Historian's {sub}/ (see `summitry import history-state --help`)",
                path.display()
            ))
        } else {
            Error::io(&path, e)
        }
    })?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&path, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".xml") {
            names.push(format!("{sub}/{name}"));
        }
    }
    names.sort();
    Ok(names)
}

/// Refuses a path below `dir` that passes through a symbolic link, which
/// could lead anywhere: only what is under the directory given is read.
fn refuse_links(dir: &Path, rel: &str) -> Result<()> {
    let mut walked = dir.to_path_buf();
    for part in Path::new(rel).components() {
        walked.push(part);
        if std::fs::symlink_metadata(&walked).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Error::Refused(format!(
                "{}: a symbolic link: summitry reads only the files under the directory given",
                walked.display()
            )));
        }
    }
    Ok(())
}

/// Reads one file, through no symbolic link.
fn load(dir: &Path, rel: &str) -> Result<File> {
    let path: PathBuf = dir.join(rel);
    refuse_links(dir, rel)?;
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
    let shown = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| Error::Syntax {
        location: Location::whole(shown.clone()),
        message: format!(
            "not valid UTF-8 at byte {}: the records are published as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })?;
    Ok(File { shown, text })
}

/// The text of a child element, spaces collapsed; `None` when absent or
/// blank.
fn child(node: roxmltree::Node<'_, '_>, name: &str) -> Option<String> {
    let element = node.children().find(|c| c.has_tag_name(name))?;
    let text: String = element
        .descendants()
        .filter(|d| d.is_text())
        .filter_map(|d| d.text())
        .collect();
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!collapsed.is_empty()).then_some(collapsed)
}

fn child_attr(node: roxmltree::Node<'_, '_>, name: &str, attr: &str) -> Option<String> {
    node.children()
        .find(|c| c.has_tag_name(name))
        .and_then(|c| c.attribute(attr))
        .map(str::to_owned)
}

/// `presidents.xml`: each president's id.
fn presidents_of(file: &File) -> Result<Vec<String>> {
    let doc = file.doc()?;
    Ok(doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("president"))
        .filter_map(|n| child(n, "id"))
        .collect())
}

/// The role code table: each code's label, e.g. `president` → `President`.
fn roles_of(file: &File) -> Result<Vec<(String, String)>> {
    let doc = file.doc()?;
    Ok(doc
        .descendants()
        .filter(|n| n.has_tag_name("item"))
        .filter_map(|n| Some((child(n, "value")?, child(n, "label")?)))
        .collect())
}

/// What every record has, checked: its row id, its days, and the country
/// of its `country_element` (`from` for a visit, `country` for a trip).
struct Common {
    visit_id: String,
    start: String,
    end: String,
    /// The record's own country id, which names its page of visits.
    country_id: String,
    code: &'static str,
}

type Mapped<T> = std::result::Result<T, (Rule, String)>;

/// Checks the fields every record shares, or gives the reason the record
/// is set aside.
fn common(node: roxmltree::Node<'_, '_>, prefix: &str, country_element: &str) -> Mapped<Common> {
    let id = child(node, "id")
        .filter(|id| is_id(id))
        .ok_or((Rule::InvalidId, "the record has no usable <id>".to_owned()))?;
    let date = |name: &str| {
        let text = child(node, name).ok_or((Rule::MissingValue, format!("no <{name}>")))?;
        chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .map(date_text)
            .map_err(|_| {
                (
                    Rule::WrongType,
                    format!("<{name}> {text:?} is not a date written YYYY-MM-DD"),
                )
            })
    };
    let start = date("start-date")?;
    let end = date("end-date")?;
    if end < start {
        return Err((
            Rule::EndBeforeStart,
            format!("<end-date> {end} is before <start-date> {start}"),
        ));
    }
    let country_id = child_attr(node, country_element, "id")
        .filter(|id| is_id(id))
        .ok_or((
            Rule::InvalidId,
            format!("<{country_element}> has no usable id (letters, digits and `-`)"),
        ))?;
    let code = country_code(&country_id, &start).ok_or_else(|| {
        (
            Rule::UnknownCountry,
            format!(
                "no country code for the id {country_id:?}: the country table has no entry for it"
            ),
        )
    })?;
    Ok(Common {
        visit_id: format!("hs-{prefix}-{id}"),
        start,
        end,
        country_id,
        code,
    })
}

/// Reads the `<tag>` records of one file: each counted, checked by
/// [`common`], mapped to a row by `map`, and kept or set aside.
fn read_records(
    file: &File,
    read: &mut Read,
    (tag, country_element): (&str, &str),
    map: impl Fn(roxmltree::Node<'_, '_>, Common) -> Mapped<Row>,
) -> Result<()> {
    let doc = file.doc()?;
    for node in doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name(tag))
    {
        read.records += 1;
        let mapped = common(node, tag, country_element).and_then(|c| map(node, c));
        read.take(mapped, file.at(&doc, node));
    }
    Ok(())
}

fn read_visits(file: &File, read: &mut Read) -> Result<()> {
    read_records(file, read, ("visit", "from"), |node, c| {
        let person =
            child(node, "visitor").ok_or((Rule::MissingValue, "no <visitor>".to_owned()))?;
        let description = child(node, "description");
        Ok(Row {
            visit_id: c.visit_id,
            person_id: visitor_id(&person).map(str::to_owned),
            title: title_of(&person).map(str::to_owned),
            person,
            from_country: c.code,
            to_country: "USA",
            start_date: c.start,
            end_date: c.end,
            locale: None,
            kind: description.as_deref().map(kind_of),
            description,
            source_url: format!("{VISITS_PAGE}{}", c.country_id),
        })
    })
}

fn read_trips(
    file: &File,
    presidents: &[String],
    roles: &[(String, String)],
    read: &mut Read,
) -> Result<()> {
    read_records(file, read, ("trip", "country"), |node, c| {
        let who = node
            .attribute("who")
            .filter(|who| is_id(who) && presidents.iter().any(|p| p == who))
            .ok_or((
                Rule::UnknownValue,
                "the trip's `who` is not a president of presidents.xml".to_owned(),
            ))?;
        let role = child(node, "role").unwrap_or_default();
        let title = roles
            .iter()
            .find(|(code, _)| *code == role)
            .map(|(_, label)| label.clone())
            .ok_or((
                Rule::UnknownValue,
                format!("the role {role:?} is not in travel-role-codes.xml"),
            ))?;
        let person = child(node, "name").ok_or((Rule::MissingValue, "no <name>".to_owned()))?;
        let description = child(node, "remarks");
        Ok(Row {
            visit_id: c.visit_id,
            person,
            person_id: president_id(who).map(str::to_owned),
            title: Some(title),
            from_country: "USA",
            to_country: c.code,
            start_date: c.start,
            end_date: c.end,
            locale: child(node, "locale"),
            kind: description.as_deref().map(kind_of),
            description,
            source_url: format!("{TRAVELS_PAGE}{who}"),
        })
    })
}

/// Words that mark a gathering of several states in a record's text.
const GATHERINGS: &[&str] = &[
    "general assembly",
    "united nations",
    "u.n.",
    "un climate",
    "g-7",
    "g-8",
    "g-20",
    "g7",
    "g20",
    "g–7",
    "g–20",
    "nato",
    "north atlantic",
    "apec",
    "asia-pacific economic",
    "asia pacific economic",
    "asean",
    "east asia summit",
    "summit of the americas",
    "economic summit",
    "nuclear security summit",
    "heads of state and government",
    "heads of government",
    "csce",
    "organization for security and cooperation",
    "european union",
    "u.s.-eu",
    "eu-us",
    "caricom",
    "gulf cooperation",
    "leaders’ summit",
    "leaders' summit",
    "leaders summit",
    "american republics",
    "american states",
    "conference",
    "pacific island",
    "millenium summit",
    "millennium summit",
];

/// The kind of visit a record's text names. The Office of Protocol's
/// categories come first, in their order of rank (`State visit` before
/// `Official working visit` before `Official visit` before
/// `Working visit`; `offical` is a spelling the records use), then a
/// private, informal or unofficial visit, then attendance at a gathering
/// of several states (the words of [`GATHERINGS`]); any other text is
/// `other`.
pub fn kind_of(text: &str) -> VisitKind {
    let t = text.to_lowercase();
    let has = |w: &str| t.contains(w);
    if has("state visit") {
        VisitKind::State
    } else if has("official working visit") {
        VisitKind::OfficialWorking
    } else if has("official visit") || has("offical visit") {
        VisitKind::Official
    } else if has("working visit") {
        VisitKind::Working
    } else if has("private visit") || has("informal visit") || has("unofficial visit") {
        VisitKind::Private
    } else if GATHERINGS.iter().any(|w| has(w)) {
        VisitKind::Multilateral
    } else {
        VisitKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_follow_protocol_rank_then_gatherings() {
        assert_eq!(
            kind_of("Official Working Visit."),
            VisitKind::OfficialWorking
        );
        assert_eq!(kind_of("Offical visit."), VisitKind::Official);
        assert_eq!(kind_of("Working visit"), VisitKind::Working);
        assert_eq!(
            kind_of("State visit; attended the Second Summit of the Americas."),
            VisitKind::State
        );
        assert_eq!(
            kind_of("Met with President Clinton during a private visit."),
            VisitKind::Private
        );
        assert_eq!(
            kind_of("Met with President Bush at the UN General Assembly."),
            VisitKind::Multilateral
        );
        assert_eq!(
            kind_of("Attended the G–20 Summit."),
            VisitKind::Multilateral
        );
        // A bilateral summit is not a gathering of several states.
        assert_eq!(
            kind_of("Summit meeting with President Putin. Signed strategic arms reduction treaty."),
            VisitKind::Other
        );
        assert_eq!(
            kind_of("Attended funeral of President Kennedy."),
            VisitKind::Other
        );
    }
}
