//! summitry: the comparative analysis of summit diplomacy.
//!
//! Curated, sourced records of meetings between heads of state, loaded
//! into validated polars frames, so that every comparison an analyst makes
//! by hand ("the first US–Russia summit in four years") is a number that
//! can be computed, charted and reproduced.
//!
//! ```
//! // The curated collections are embedded in the library.
//! let data = summitry::load::default_data()?;
//! let anchorage = data.record("2025-anchorage")?;
//! assert_eq!(anchorage.dyad(), "RUS-USA");
//! assert_eq!(anchorage.summit.city, "Anchorage");
//! # Ok::<(), summitry::Error>(())
//! ```
#![deny(missing_docs)]

pub mod analysis;
pub mod chart;
pub mod cite;
pub mod error;
pub mod export;
pub mod import;
pub mod load;
pub mod model;
pub mod report;
pub mod study;
pub mod text;

pub use error::{Error, Result};
