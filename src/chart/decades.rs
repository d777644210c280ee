//! `decades`: summits a decade, a bar a dyad in each decade.

use plotters::prelude::*;

use super::words::{dyad_name, word};
use super::{ChartOptions, SERIES, chart_error, dyads_of, label, page};
use crate::analysis::{Derived, read, summary};
use crate::error::{Error, Result};
use crate::load::Collection;

/// Decades, the dyads drawn, and a row of values a dyad (a value a
/// decade, `None` where the dyad has no summit).
pub(crate) type ByDecade = (Vec<i64>, Vec<String>, Vec<Vec<Option<f64>>>);

/// A column of `dyad_decade` laid out by dyad and decade.
pub(crate) fn by_decade(
    data: &Collection,
    derived: &Derived,
    options: &ChartOptions,
    column: &str,
) -> Result<ByDecade> {
    let facts = &derived.facts;
    let dyads = dyads_of(facts, options)?;
    let table = summary::dyad_decade(facts)?;
    let names = read::text(&table, "dyad")?;
    let decade = read::int(&table, "decade")?;
    let value = read::float(&table, column)?;
    let rows: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].as_ref().is_some_and(|n| dyads.contains(n)))
        .collect();
    let (Some(first), Some(last)) = (
        rows.iter().filter_map(|&i| decade[i]).min(),
        rows.iter().filter_map(|&i| decade[i]).max(),
    ) else {
        return Err(Error::NotFound(format!(
            "no summits of {} in {}",
            dyads.join(", "),
            data.label()
        )));
    };
    let decades: Vec<i64> = (first..=last).step_by(10).collect();
    let mut values = vec![vec![None; decades.len()]; dyads.len()];
    for i in rows {
        let (Some(name), Some(d)) = (&names[i], decade[i]) else {
            continue;
        };
        let k = dyads.iter().position(|x| x == name).unwrap_or_default();
        values[k][((d - first) / 10) as usize] = value[i];
    }
    Ok((decades, dyads, values))
}

/// Draws the chart as an SVG document.
pub fn svg(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<String> {
    let (decades, dyads, counts) = by_decade(data, derived, options, "n_summits")?;
    let lang = options.lang;
    let top = counts
        .iter()
        .flatten()
        .flatten()
        .copied()
        .fold(1.0, f64::max)
        * 1.2;
    let n = decades.len();
    page(data, options, word("decades_title", lang), |area| {
        let mut chart = super::grid(
            area,
            options,
            (n, top),
            56,
            (word("summits", lang), 10),
            &|y| format!("{y:.0}"),
        )?;
        let width = 0.8 / dyads.len() as f64;
        for (k, dyad) in dyads.iter().enumerate() {
            let colour = SERIES[k % SERIES.len()];
            chart
                .draw_series(counts[k].iter().enumerate().filter_map(|(i, v)| {
                    let x = i as f64 + 0.1 + k as f64 * width;
                    Some(Rectangle::new(
                        [(x, 0.0), (x + width * 0.92, (*v)?)],
                        colour.filled(),
                    ))
                }))
                .map_err(chart_error)?
                .label(label(&dyad_name(dyad, lang), lang))
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 8), (x + 18, y + 8)], colour.filled())
                });
        }
        super::decade_labels(&mut chart, options, &decades)?;
        super::legend(&mut chart, options, legend_corner(lang))?;
        Ok(())
    })
}

/// Legends go where a reader starts: top left, or top right in Arabic.
pub(crate) fn legend_corner(lang: crate::model::Lang) -> SeriesLabelPosition {
    match lang {
        crate::model::Lang::Ar => SeriesLabelPosition::UpperRight,
        _ => SeriesLabelPosition::UpperLeft,
    }
}
