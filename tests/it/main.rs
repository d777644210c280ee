//! The integration tests: one binary, the real `summitry` executable run
//! against fixtures and the shipped data.

mod analysis;
mod charts;
mod cite;
mod cli;
mod convert;
mod datasets;
mod export;
mod fuzz;
mod kill;
mod notebooks;
mod report;
mod study;
mod util;
mod validate;
mod visits;
