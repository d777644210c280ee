//! `summitry cite`: how to cite summitry and its data, and the sources of
//! the summits named.

use std::io::Write;
use std::process::ExitCode;

use summitry::cite::{Citation, summit_note};

use super::DataArgs;

/// Print how to cite summitry and the data it runs on (a sentence and a
/// BibTeX entry), and for each summit named, a footnote with its sources,
/// primary ones first
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// Summits to cite, by id (`2025-anchorage`)
    #[arg(value_name = "SUMMIT_ID")]
    summits: Vec<String>,
    /// Print only this form of the citation of summitry
    #[arg(long, value_enum)]
    only: Option<Form>,
}

/// A form of the citation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Form {
    /// A sentence for a reference list.
    Text,
    /// A BibTeX entry.
    Bibtex,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let data = args.data.load()?;
    // Every summit named is looked up first: an unknown id prints nothing.
    let records = args
        .summits
        .iter()
        .map(|id| data.record(id))
        .collect::<summitry::Result<Vec<_>>>()?;
    let citation = Citation::of(&data)?;
    let mut out = std::io::stdout().lock();
    match args.only {
        Some(Form::Text) => writeln!(out, "{}", citation.text())?,
        Some(Form::Bibtex) => write!(out, "{}", citation.bibtex())?,
        None => {
            writeln!(out, "Cite summitry as:\n\n{}\n", citation.text())?;
            write!(out, "BibTeX:\n\n{}", citation.bibtex())?;
        }
    }
    if !records.is_empty() && args.only.is_none() {
        writeln!(out, "\nThe summits, with their sources:")?;
    }
    for record in &records {
        writeln!(out, "\n{}", summit_note(record))?;
    }
    Ok(ExitCode::SUCCESS)
}
