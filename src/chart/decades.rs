//! `decades`: summits a decade, a bar a dyad in each decade.

use plotters::prelude::*;

use super::Drawn;
use super::words::{dyad_name, word};
use super::{ChartOptions, SERIES, chart_error, dyads_of, label, page_of};
use crate::analysis::{Derived, read, summary};
use crate::error::{Error, Result};
use crate::load::{Collection, Table};

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

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let (decades, dyads, counts) = by_decade(data, derived, options, "n_summits")?;
    let mut table = super::decade_frame(&decades, &dyads, &counts, "summits")?;
    // Counts of summits are whole numbers.
    let whole = table
        .column("summits")?
        .cast(&polars::prelude::DataType::Int64)?;
    table.with_column(whole)?;
    let lang = options.lang;
    let series: Vec<(String, Vec<Option<f64>>)> = dyads
        .iter()
        .map(|d| dyad_name(d, lang))
        .zip(counts)
        .collect();
    let page = Bars {
        table: Table::Summits,
        title: word("decades_title", lang),
        axis: word("summits", lang),
        // Room above the tallest bar for the legend, which in Arabic sits
        // over the latest decades.
        headroom: 1.45,
    };
    let svg = bars(data, options, &page, &decades, &series)?;
    Ok(Drawn { svg, data: table })
}

/// What a chart of bars a decade says around its bars.
pub(crate) struct Bars<'a> {
    /// The table the bars count (for the source line).
    pub table: Table,
    pub title: &'a str,
    /// The vertical axis's name.
    pub axis: &'a str,
    /// The top of the axis, as a multiple of the tallest bar.
    pub headroom: f64,
}

/// Draws counts a decade as a group of bars a series (a value `None` is
/// no bar), with a legend of the series' names: the chart of summits a
/// decade and the chart of visits a decade.
pub(crate) fn bars(
    data: &Collection,
    options: &ChartOptions,
    page: &Bars<'_>,
    decades: &[i64],
    series: &[(String, Vec<Option<f64>>)],
) -> Result<String> {
    let lang = options.lang;
    let top = series
        .iter()
        .flat_map(|(_, v)| v.iter().flatten())
        .copied()
        .fold(1.0, f64::max)
        * page.headroom;
    let n = decades.len();
    page_of(data, page.table, options, page.title, |area| {
        let mut chart = super::grid(area, options, (n, top), 56, (page.axis, 10), &|y| {
            format!("{y:.0}")
        })?;
        let width = 0.8 / series.len() as f64;
        let mut entries = Vec::new();
        for (k, (name, values)) in series.iter().enumerate() {
            let colour = SERIES[k % SERIES.len()];
            chart
                .draw_series(values.iter().enumerate().filter_map(|(i, v)| {
                    let x = options.slot(i, n) + 0.1 + k as f64 * width;
                    Some(Rectangle::new(
                        [(x, 0.0), (x + width * 0.92, (*v)?)],
                        colour.filled(),
                    ))
                }))
                .map_err(chart_error)?;
            entries.push((label(name, lang), super::Swatch::Bar(colour.filled())));
        }
        super::decade_labels(&mut chart, options, decades)?;
        super::legend(&chart, options, legend_corner(lang), &entries)?;
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
