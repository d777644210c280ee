//! The `summitry` command: parse the arguments, run, map the outcome to an
//! exit code (0 success, 2 invalid input data, 1 anything else).

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

mod cli;

// polars allocates and frees large buffers at a high rate; mimalloc keeps
// freed memory for reuse instead of handing it back to the system and
// faulting it in again (polars recommends it, or jemalloc, for this).
// Its defaults stand; mimalloc reads its own `MIMALLOC_*` environment
// variables for anyone tuning a run (e.g. `MIMALLOC_PURGE_DELAY`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`summitry list | head`) is the reader's choice,
            // not a failure.
            if err.chain().any(is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            let bad_data = err.chain().any(|e| {
                e.downcast_ref::<summitry::Error>()
                    .is_some_and(summitry::Error::is_bad_data)
            });
            if let Some(summitry::Error::Invalid(report)) = err.downcast_ref::<summitry::Error>() {
                let mut stderr = std::io::stderr().lock();
                for finding in &report.findings {
                    let _ = writeln!(stderr, "{finding}");
                }
            }
            let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
            eprintln!("error: {}", chain.join(": "));
            ExitCode::from(if bad_data { 2 } else { 1 })
        }
    }
}

/// Whether an error in the chain is a write to a closed pipe, however the
/// writer wrapped it.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let kind = if let Some(io) = e.downcast_ref::<std::io::Error>() {
        Some(io.kind())
    } else if let Some(json) = e.downcast_ref::<serde_json::Error>() {
        json.io_error_kind()
    } else if let Some(csv) = e.downcast_ref::<csv::Error>() {
        match csv.kind() {
            csv::ErrorKind::Io(io) => Some(io.kind()),
            _ => None,
        }
    } else {
        None
    };
    kind == Some(std::io::ErrorKind::BrokenPipe)
}
