//! Reproducible research runs: a study spec in, charts, tables and a
//! report out, with a manifest of hashes that [`verify`] checks.

pub mod manifest;
pub mod run;
pub mod spec;
pub mod verify;

pub use manifest::Manifest;
pub use run::{RunOptions, run};
pub use spec::Study;
pub use verify::{Verdict, verify};
