//! The command line: clap types, one file per command. Binary-only, so
//! clap never reaches the library API.

mod audit;
mod chart;
mod cite;
mod compare;
mod convert;
mod export;
mod import;
mod list;
mod output;
mod run;
mod show;
mod validate;
mod visits;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use summitry::load::{self, Collection};

pub use output::OutputFormat;

/// Comparative analysis of summit diplomacy: curated, sourced records of
/// meetings between heads of state: run reproducible studies, validate,
/// list, show, compare, chart, export and convert them.
#[derive(Debug, Parser)]
#[command(name = "summitry", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Run(run::RunArgs),
    Verify(run::VerifyArgs),
    Validate(validate::Args),
    List(list::Args),
    Show(show::Args),
    Compare(compare::Args),
    Chart(chart::Args),
    Convert(convert::Args),
    Export(export::Args),
    Import(import::Args),
    Audit(audit::Args),
    Visits(visits::Args),
    Cite(cite::Args),
}

/// Where the data comes from; shared by every command.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// A collection directory, or a directory of collections loaded
    /// together. Default: the curated collections embedded in summitry.
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

impl DataArgs {
    /// Loads the data the user asked for.
    pub fn load(&self) -> summitry::Result<Collection> {
        match &self.data {
            Some(dir) => load::collection(dir),
            None => load::default_data(),
        }
    }
}

/// A language of a command's words, as the command line names it.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Arabic.
    Ar,
    /// Russian.
    Ru,
}

impl From<LangArg> for summitry::model::Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::En => Self::En,
            LangArg::Ar => Self::Ar,
            LangArg::Ru => Self::Ru,
        }
    }
}

/// Runs one command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Run(args) => run::run(args),
        Command::Verify(args) => run::verify(args),
        Command::Validate(args) => validate::run(args),
        Command::List(args) => list::run(args),
        Command::Show(args) => show::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Chart(args) => chart::run(args),
        Command::Convert(args) => convert::run(args),
        Command::Export(args) => export::run(args),
        Command::Import(args) => import::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Visits(args) => visits::run(args),
        Command::Cite(args) => cite::run(args),
    }
}
