//! `summitry chart`: a chart as SVG or PNG.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::bail;
use clap::ValueEnum;
use summitry::chart::{self, ChartOptions, render};
use summitry::export::atomic;

use super::{DataArgs, LangArg};

/// Draw a chart: SVG (the canonical output) or PNG (rendered from the SVG
/// with bundled fonts, Arabic shaped), chosen by the output's extension.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to draw.
    #[arg(value_enum)]
    kind: KindArg,
    #[command(flatten)]
    data: DataArgs,
    /// A dyad to draw (two country codes, sorted, joined by `-`); repeat
    /// for several. Default: every dyad for timeline, decades and
    /// statement-rate; RUS-USA for the one-dyad kinds.
    #[arg(long, value_name = "DYAD")]
    dyad: Vec<String>,
    /// The summit to highlight.
    #[arg(long, value_name = "SUMMIT_ID")]
    focus: Option<String>,
    /// Only the last N summits.
    #[arg(long, value_name = "N")]
    last: Option<usize>,
    /// These summits only (delegations, outcomes); repeat for several.
    #[arg(long, value_name = "SUMMIT_ID")]
    summit: Vec<String>,
    /// The language of every label.
    #[arg(long, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    /// The digits of an Arabic chart: western (1,521) or arabic-indic
    /// (١٬٥٢١).
    #[arg(long, value_enum, default_value_t = DigitsArg::Western)]
    digits: DigitsArg,
    /// Which way time runs in an Arabic chart: left-to-right (as most
    /// Arabic newsrooms draw it) or right-to-left, the y axis then on the
    /// right.
    #[arg(long, value_enum, default_value_t = TimeAxisArg::LeftToRight)]
    time_axis: TimeAxisArg,
    /// Width in pixels.
    #[arg(long, default_value_t = 1600)]
    width: u32,
    /// Height in pixels.
    #[arg(long, default_value_t = 900)]
    height: u32,
    /// The file to write: FILE.svg or FILE.png.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum KindArg {
    /// Every summit on a time axis, a row a dyad, coloured by format.
    Timeline,
    /// Days since the previous summit, a bar a summit, with the median.
    Gaps,
    /// A matrix of summits by outcome; unknown shown apart from no.
    Outcomes,
    /// Delegations by portfolio, a stacked bar a summit.
    Delegations,
    /// Summits a decade, a bar a dyad.
    Decades,
    /// The joint-statement rate a decade, a line a dyad.
    StatementRate,
    /// Leaders' visits a decade between a dyad's two countries, both ways
    /// (the official record).
    Visits,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum DigitsArg {
    /// 0123456789.
    Western,
    /// ٠١٢٣٤٥٦٧٨٩.
    ArabicIndic,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum TimeAxisArg {
    /// Oldest on the left.
    LeftToRight,
    /// Oldest on the right.
    RightToLeft,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let png = match args.out.extension().and_then(|e| e.to_str()) {
        Some("svg") => false,
        Some("png") => true,
        _ => bail!(
            "{}: the output must end in .svg or .png",
            args.out.display()
        ),
    };
    let data = args.data.load()?;
    let options = ChartOptions {
        dyads: args.dyad.iter().map(|d| d.to_uppercase()).collect(),
        focus: args.focus,
        last: args.last,
        summits: args.summit,
        lang: args.lang.into(),
        width: args.width,
        height: args.height,
        digits: match args.digits {
            DigitsArg::Western => chart::Digits::Western,
            DigitsArg::ArabicIndic => chart::Digits::ArabicIndic,
        },
        time_axis: match args.time_axis {
            TimeAxisArg::LeftToRight => chart::TimeAxis::LeftToRight,
            TimeAxisArg::RightToLeft => chart::TimeAxis::RightToLeft,
        },
    };
    let kind = match args.kind {
        KindArg::Timeline => chart::Kind::Timeline,
        KindArg::Gaps => chart::Kind::Gaps,
        KindArg::Outcomes => chart::Kind::Outcomes,
        KindArg::Delegations => chart::Kind::Delegations,
        KindArg::Decades => chart::Kind::Decades,
        KindArg::StatementRate => chart::Kind::StatementRate,
        KindArg::Visits => chart::Kind::Visits,
    };
    let svg = chart::svg(kind, &data, &options)?;
    let bytes = if png {
        render::png(&svg)?
    } else {
        svg.into_bytes()
    };
    atomic::write_file(&args.out, |out| {
        out.write_all(&bytes).map_err(|e| summitry::Error::Io {
            path: args.out.clone(),
            source: e,
        })
    })?;
    eprintln!("wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
