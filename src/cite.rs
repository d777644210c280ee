//! How to cite summitry and the data it ran on: one citation, printed by
//! `summitry cite`, written into every study report and manifest, and
//! kept equal to `CITATION.cff` at the root by a test.
//!
//! The data's date is the latest day a source of the collection was read
//! (`accessed`), so the same data always gives the same citation, whatever
//! day it is printed.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::error::Result;
use crate::load::Collection;
use crate::model::{Record, SourceTier};

/// The title of the work, as `CITATION.cff` gives it.
pub const TITLE: &str =
    "summitry: curated collections and a toolkit for the comparative analysis of summit diplomacy";

/// Who to credit, as `CITATION.cff` gives it.
pub const AUTHOR: &str = "The summitry developers";

/// The licence of the code.
pub const CODE_LICENCE: &str = "MIT OR Apache-2.0";

/// The licence of the curated collections.
pub const DATA_LICENCE: &str = "CC BY 4.0";

/// A citation of summitry at this version, on this data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Citation {
    /// The title of the work.
    pub title: String,
    /// Who to credit.
    pub author: String,
    /// summitry's version.
    pub version: String,
    /// The latest day a source of the data was read; `None` for data that
    /// records no access dates.
    pub data_read: Option<NaiveDate>,
    /// The licences of the code and of the curated data.
    pub licence: String,
}

impl Citation {
    /// The citation of summitry on `data`.
    pub fn of(data: &Collection) -> Result<Citation> {
        let accessed = data.sources().column("accessed")?.as_materialized_series();
        let data_read = accessed.date()?.as_date_iter().flatten().max();
        Ok(Citation {
            title: TITLE.to_owned(),
            author: AUTHOR.to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            data_read,
            licence: format!("code {CODE_LICENCE}; curated data {DATA_LICENCE}"),
        })
    }

    /// The citation as a sentence for a reference list.
    pub fn text(&self) -> String {
        let read = self
            .data_read
            .map_or_else(String::new, |d| format!(", data read to {d}"));
        let year = self
            .data_read
            .map_or_else(String::new, |d| format!(" ({})", d.year()));
        format!(
            "{}{year}. {}. Version {}{read}. Licence: {}.",
            self.author, self.title, self.version, self.licence
        )
    }

    /// The citation as a BibTeX entry (`@software`, as biblatex reads it;
    /// plain BibTeX reads it as `@misc`).
    pub fn bibtex(&self) -> String {
        let key = format!("summitry_{}", self.version.replace(['.', '-'], "_"));
        let mut fields = vec![
            format!("  author  = {{{{{}}}}}", self.author),
            format!("  title   = {{{}}}", self.title),
            format!("  version = {{{}}}", self.version),
        ];
        if let Some(d) = self.data_read {
            fields.push(format!("  year    = {{{}}}", d.year()));
            fields.push(format!("  note    = {{Curated collections read to {d}}}"));
        }
        fields.push(format!("  license = {{{}}}", self.licence));
        format!("@software{{{key},\n{}\n}}\n", fields.join(",\n"))
    }
}

/// A footnote for one summit: what and when, the record it is in, and
/// its sources, primary ones (official and archive) first, each with its
/// publisher, title, address and the day it was read.
pub fn summit_note(record: &Record) -> String {
    let s = &record.summit;
    let days = if s.start_date == s.end_date {
        long_date(s.start_date)
    } else {
        format!("{} to {}", long_date(s.start_date), long_date(s.end_date))
    };
    let mut note = format!(
        "{} ({}, {days}; summitry record {}).",
        s.name, s.city, s.summit_id
    );
    let primary =
        |t: Option<SourceTier>| matches!(t, Some(SourceTier::Official | SourceTier::Archive));
    let mut sources: Vec<_> = record.sources.iter().collect();
    // Stable: the record's order within each group.
    sources.sort_by_key(|source| !primary(source.tier));
    if !sources.iter().any(|source| primary(source.tier)) {
        note.push_str(" The record cites no primary source.");
    }
    for source in sources {
        let mut part = String::from("\n  - ");
        if let Some(publisher) = &source.publisher {
            part.push_str(&format!("{publisher}, "));
        }
        if let Some(title) = &source.title {
            part.push_str(&format!("\"{title}\", "));
        }
        part.push_str(&source.url);
        if let Some(tier) = source.tier {
            part.push_str(&format!(" ({}", tier.as_str()));
            if let Some(side) = &source.side {
                part.push_str(&format!(", {side}"));
            }
            part.push(')');
        }
        if let Some(read) = source.accessed {
            part.push_str(&format!(", read {read}"));
        }
        note.push_str(&part);
    }
    note
}

/// `15 August 2025`.
fn long_date(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}
