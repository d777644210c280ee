//! `summitry run` and `summitry verify`: reproducible research runs.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use summitry::study::{self, RunOptions, Study};

/// Run a study: charts, tables, a report and a manifest of hashes in
/// out/<study>/. Without a STUDY, the default study of Anchorage 2025 on
/// the embedded data. The output directory must be new, empty or an
/// earlier run, which is replaced whole; anything else is refused.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The study spec (TOML).
    study: Option<PathBuf>,
    /// Write here instead of out/<study>/.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Read the data from this directory instead of the spec's collection.
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
    /// No progress bar.
    #[arg(long, short)]
    quiet: bool,
}

/// Check a run: re-run the study recorded in a manifest and compare every
/// output byte for byte, and every input with its recorded hash. Exit code
/// 0 only when everything matches.
#[derive(Debug, clap::Args)]
pub struct VerifyArgs {
    /// The run's manifest.json.
    manifest: PathBuf,
    /// Read the data from this directory instead of where the manifest
    /// says (needed when the run read it from outside the working
    /// directory).
    #[arg(long, value_name = "DIR")]
    data: Option<PathBuf>,
}

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let (study, spec_dir) = match &args.study {
        None => (Study::default_study()?, None),
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            (
                Study::parse(&path.display().to_string(), &text)?,
                path.parent().map(PathBuf::from),
            )
        }
    };
    let options = RunOptions {
        quiet: args.quiet,
        out: args.out,
        spec_dir,
        data: args.data,
    };
    let started = std::time::Instant::now();
    let (manifest, dir) = study::run(&study, &options)?;
    if !args.quiet {
        eprintln!(
            "{}: {} files in {} ({:.2} s); check with: summitry verify {}",
            study.name,
            manifest.outputs.len() + 1,
            dir.display(),
            started.elapsed().as_secs_f64(),
            dir.join("manifest.json").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn verify(args: VerifyArgs) -> anyhow::Result<ExitCode> {
    let verdict = study::verify(&args.manifest, args.data.as_deref())?;
    for difference in &verdict.differences {
        println!("{difference}");
    }
    if verdict.ok() {
        println!(
            "verified: {} files match {}",
            verdict.checked,
            args.manifest.display()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!(
            "not verified: {} of {} files differ",
            verdict.differences.len(),
            verdict.checked
        );
        Ok(ExitCode::from(1))
    }
}
