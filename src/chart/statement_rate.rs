//! `statement-rate`: the share of summits with a joint statement, a decade
//! at a time, a line a dyad (among summits whose outcome is coded).

use plotters::prelude::*;

use super::Drawn;
use super::decades::by_decade;
use super::words::{dyad_name, word};
use super::{ChartOptions, SERIES, chart_error, label, page};
use crate::analysis::Derived;
use crate::error::Result;
use crate::load::Collection;
use crate::model::Lang;

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let (decades, dyads, rates) = by_decade(data, derived, options, "joint_statement_rate")?;
    let table = super::decade_frame(&decades, &dyads, &rates, "joint_statement_rate")?;
    let lang = options.lang;
    let px = |v: u32| options.px(v);
    let n = decades.len();
    let svg = page(data, options, word("rate_title", lang), |area| {
        let percent = |y: &f64| {
            if *y <= 1.0 {
                format!("{:.0}%", y * 100.0)
            } else {
                String::new()
            }
        };
        let mut chart = super::grid(
            area,
            options,
            (n, 1.15),
            56,
            (word("share", lang), 6),
            &percent,
        )?;
        let mut entries = Vec::new();
        for (k, dyad) in dyads.iter().enumerate() {
            let colour = SERIES[k % SERIES.len()];
            let points: Vec<(f64, f64)> = rates[k]
                .iter()
                .enumerate()
                .filter_map(|(i, r)| Some((options.slot(i, n) + 0.5, (*r)?)))
                .collect();
            // A line joins consecutive decades only: a decade without a
            // coded summit leaves a gap.
            let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
            for p in &points {
                match runs.last_mut() {
                    Some(run)
                        if run
                            .last()
                            .is_some_and(|q| ((p.0 - q.0).abs() - 1.0).abs() < 1e-9) =>
                    {
                        run.push(*p)
                    }
                    _ => runs.push(vec![*p]),
                }
            }
            chart
                .draw_series(
                    runs.into_iter()
                        .map(|run| PathElement::new(run, colour.stroke_width(px(4)))),
                )
                .map_err(chart_error)?;
            entries.push((
                label(&dyad_name(dyad, lang), lang),
                super::Swatch::Line(colour),
            ));
            chart
                .draw_series(
                    points
                        .iter()
                        .map(|p| Circle::new(*p, px(7), colour.filled())),
                )
                .map_err(chart_error)?;
        }
        super::decade_labels(&mut chart, options, &decades)?;
        let corner = legend_corner(lang, &rates);
        super::legend(&chart, options, corner, &entries)?;
        Ok(())
    })?;
    Ok(Drawn { svg, data: table })
}

/// Where the legend goes. Rates crowd the top of the chart, so it goes
/// below them, on the side its readers start from (the right in Arabic,
/// the left otherwise), unless a low rate would sit under it there and
/// not on the other side: a line must not run behind the legend. The box
/// is taken to span the outer third of the decades and, a row a dyad
/// (`rates` has one series a dyad, one value a decade), up to a third of
/// the height.
fn legend_corner(lang: Lang, rates: &[Vec<Option<f64>>]) -> SeriesLabelPosition {
    let n = rates.iter().map(Vec::len).max().unwrap_or(0);
    let span = n.div_ceil(3);
    let top = 0.1 * rates.len().max(1) as f64 + 0.05;
    let covered = |slots: std::ops::Range<usize>| {
        rates.iter().any(|series| {
            series
                .get(slots.clone())
                .unwrap_or_default()
                .iter()
                .any(|r| r.is_some_and(|r| r <= top))
        })
    };
    let left = covered(0..span.min(n));
    let right = covered(n.saturating_sub(span)..n);
    let (first, second, first_covered, second_covered) = match lang {
        Lang::Ar => (
            SeriesLabelPosition::LowerRight,
            SeriesLabelPosition::LowerLeft,
            right,
            left,
        ),
        _ => (
            SeriesLabelPosition::LowerLeft,
            SeriesLabelPosition::LowerRight,
            left,
            right,
        ),
    };
    if first_covered && !second_covered {
        second
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two dyads over six decades; `low` puts a rate of 0 in the given
    /// decades of the second.
    fn rates(low: &[usize]) -> Vec<Vec<Option<f64>>> {
        let mut second = vec![Some(0.9); 6];
        for &i in low {
            second[i] = Some(0.0);
        }
        vec![vec![Some(1.0); 6], second]
    }

    #[test]
    fn the_legend_stays_on_the_readers_side_when_it_is_clear() {
        assert_eq!(
            legend_corner(Lang::En, &rates(&[])),
            SeriesLabelPosition::LowerLeft
        );
        assert_eq!(
            legend_corner(Lang::Ar, &rates(&[])),
            SeriesLabelPosition::LowerRight
        );
        // A low rate on the other side does not move it.
        assert_eq!(
            legend_corner(Lang::Ar, &rates(&[0])),
            SeriesLabelPosition::LowerRight
        );
    }

    #[test]
    fn the_legend_moves_off_a_low_rate_to_the_clear_corner() {
        assert_eq!(
            legend_corner(Lang::Ar, &rates(&[5])),
            SeriesLabelPosition::LowerLeft
        );
        assert_eq!(
            legend_corner(Lang::Ru, &rates(&[1])),
            SeriesLabelPosition::LowerRight
        );
        // Low rates under both corners: the reader's side is kept.
        assert_eq!(
            legend_corner(Lang::En, &rates(&[0, 5])),
            SeriesLabelPosition::LowerLeft
        );
    }
}
