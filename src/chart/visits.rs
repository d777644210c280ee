//! `visits`: leaders' visits a decade between the two countries of a
//! dyad, a bar for each direction (from the official record of
//! `visits.csv`; the Soviet Union's visits count as Russia's).

use super::Drawn;
use super::decades::{Bars, bars};
use super::words::{direction, word};
use super::{ChartOptions, one_dyad};
use crate::analysis::{Derived, read, visits};
use crate::error::{Error, Result};
use crate::load::{Collection, Table};

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, _derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let dyad = one_dyad(options);
    let Some((a, b)) = dyad.split_once('-') else {
        return Err(Error::NotFound(format!(
            "{dyad:?} is not a dyad: two country codes joined by `-`, such as RUS-USA"
        )));
    };
    let counts = visits::by_decade(data, a, b, &Default::default())?;
    let decades: Vec<i64> = read::int(&counts, "decade")?
        .into_iter()
        .flatten()
        .collect();
    if decades.is_empty() {
        return Err(Error::NotFound(format!(
            "no visits between {a} and {b} in {}",
            data.label()
        )));
    }
    let table = counts.clone();
    let lang = options.lang;
    let counts_of = |column: &str| -> Result<Vec<Option<f64>>> {
        Ok(read::int(&counts, column)?
            .into_iter()
            .map(|v| v.filter(|v| *v > 0).map(|v| v as f64))
            .collect())
    };
    let series = [
        (direction(a, b, lang), counts_of("a_to_b")?),
        (direction(b, a, lang), counts_of("b_to_a")?),
    ];
    let page = Bars {
        table: Table::Visits,
        title: word("visits_title", lang),
        axis: word("visits", lang),
        headroom: 1.25,
    };
    let svg = bars(data, options, &page, &decades, &series)?;
    Ok(Drawn { svg, data: table })
}
