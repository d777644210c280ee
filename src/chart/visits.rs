//! `visits`: leaders' visits a decade between the two countries of a
//! dyad, a bar for each direction (from the official record of
//! `visits.csv`; the Soviet Union's visits count as Russia's).

use plotters::prelude::*;

use super::decades::legend_corner;
use super::words::{direction, word};
use super::{ChartOptions, SERIES, chart_error, label, one_dyad, page_of};
use crate::analysis::{Derived, read, visits};
use crate::error::{Error, Result};
use crate::load::{Collection, Table};

/// Draws the chart as an SVG document.
pub fn svg(data: &Collection, _derived: &Derived, options: &ChartOptions) -> Result<String> {
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
    let series = [
        (direction(a, b, options.lang), read::int(&counts, "a_to_b")?),
        (direction(b, a, options.lang), read::int(&counts, "b_to_a")?),
    ];
    let lang = options.lang;
    let top = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten())
        .copied()
        .fold(1, i64::max) as f64
        * 1.25;
    let n = decades.len();
    page_of(
        data,
        Table::Visits,
        options,
        word("visits_title", lang),
        |area| {
            let mut chart = super::grid(
                area,
                options,
                (n, top),
                56,
                (word("visits", lang), 10),
                &|y| format!("{y:.0}"),
            )?;
            let width = 0.8 / series.len() as f64;
            for (k, (name, values)) in series.iter().enumerate() {
                let colour = SERIES[k % SERIES.len()];
                chart
                    .draw_series(values.iter().enumerate().filter_map(|(i, v)| {
                        let v = (*v).filter(|v| *v > 0)?;
                        let x = i as f64 + 0.1 + k as f64 * width;
                        Some(Rectangle::new(
                            [(x, 0.0), (x + width * 0.92, v as f64)],
                            colour.filled(),
                        ))
                    }))
                    .map_err(chart_error)?
                    .label(label(name, lang))
                    .legend(move |(x, y)| {
                        Rectangle::new([(x, y - 8), (x + 18, y + 8)], colour.filled())
                    });
            }
            super::decade_labels(&mut chart, options, &decades)?;
            super::legend(&mut chart, options, legend_corner(lang))?;
            Ok(())
        },
    )
}
