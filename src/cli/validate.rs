//! `summitry validate`: every problem in the data, then a verdict.

use std::io::Write;
use std::process::ExitCode;

use summitry::Error;
use summitry::error::{Finding, Rule};
use summitry::load::Table;

use super::{DataArgs, OutputFormat};

/// Check a collection against the codebook and report every problem, each
/// at file:line:column. Exit code 0 when valid, 2 when not. Warnings
/// (a summit coded with a joint statement whose text is not listed) are
/// printed for valid data and do not change the exit code.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    data: DataArgs,
    /// How to print the findings.
    #[arg(long, value_enum, default_value_t)]
    format: OutputFormat,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let label = args.data.data.as_ref().map_or_else(
        || "datasets (embedded)".to_owned(),
        |p| p.display().to_string(),
    );
    let (findings, warnings, verdict, code): (Vec<Finding>, Vec<Finding>, String, ExitCode) =
        match args.data.load() {
            Ok(data) => {
                let counts: Vec<String> = data
                    .members()
                    .iter()
                    .map(|m| {
                        let frames = data.member_frames(m);
                        let count = |table: Table, one: &str, many: &str| {
                            let n = frames.get(&table).map_or(0, |df| df.height());
                            (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
                        };
                        let parts: Vec<String> = [
                            count(Table::Summits, "summit", "summits"),
                            count(Table::Visits, "visit", "visits"),
                            count(Table::Conflicts, "conflict party", "conflict parties"),
                            count(Table::Sanctions, "sanctions regime", "sanctions regimes"),
                            count(Table::Warrants, "warrant", "warrants"),
                        ]
                        .into_iter()
                        .flatten()
                        .collect();
                        let parts = if parts.is_empty() {
                            "empty".to_owned()
                        } else {
                            parts.join(", ")
                        };
                        format!("{} ({parts})", m.name)
                    })
                    .collect();
                let warnings: Vec<Finding> = data.warnings().into_iter().cloned().collect();
                let warned = match warnings.len() {
                    0 => String::new(),
                    1 => "; 1 warning".to_owned(),
                    n => format!("; {n} warnings"),
                };
                (
                    Vec::new(),
                    warnings,
                    format!("valid: {label}: {}{warned}", counts.join(", ")),
                    ExitCode::SUCCESS,
                )
            }
            Err(Error::Invalid(report)) => {
                let verdict = format!("invalid: {label}: {}", report.summary());
                (report.findings, Vec::new(), verdict, ExitCode::from(2))
            }
            Err(Error::Syntax { location, message }) => {
                let finding = Finding {
                    location,
                    column: None,
                    rule: Rule::Syntax,
                    value: None,
                    message,
                };
                let verdict = format!("invalid: {label}: a record file could not be parsed");
                (vec![finding], Vec::new(), verdict, ExitCode::from(2))
            }
            Err(other) => return Err(other.into()),
        };
    match args.format {
        OutputFormat::Table => {
            for f in &findings {
                writeln!(out, "{f}")?;
            }
            for f in &warnings {
                writeln!(out, "warning: {f}")?;
            }
            writeln!(out, "{verdict}")?;
        }
        OutputFormat::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record([
                "path", "line", "column", "field", "rule", "value", "message", "severity",
            ])?;
            let rows = findings
                .iter()
                .map(|f| (f, "error"))
                .chain(warnings.iter().map(|f| (f, "warning")));
            for (f, severity) in rows {
                w.write_record([
                    f.location.path.as_str(),
                    &f.location.line.map_or_else(String::new, |n| n.to_string()),
                    &f.location
                        .column
                        .map_or_else(String::new, |n| n.to_string()),
                    f.column.as_deref().unwrap_or(""),
                    f.rule.name(),
                    f.value.as_deref().unwrap_or(""),
                    &f.message,
                    severity,
                ])?;
            }
            w.flush()?;
        }
        OutputFormat::Json => {
            let value = serde_json::json!({ "valid": findings.is_empty(), "verdict": verdict, "findings": findings, "warnings": warnings });
            serde_json::to_writer_pretty(&mut out, &value)?;
            writeln!(out)?;
        }
    }
    Ok(code)
}
