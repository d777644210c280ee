//! `timeline`: every summit on a time axis, a row a dyad, coloured by
//! format (bilateral, on the sidelines, multilateral), eras shaded; the
//! focus summit ringed and labelled.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Drawn;
use super::decades::legend_corner;
use super::words::{dyad_name, word};
use super::{ChartOptions, chart_error, dyads_of, family, label, ltr, page, palette};
use crate::analysis::{Derived, read};
use crate::error::{Error, Result};
use crate::load::Collection;
use crate::model::Format;

const FORMAT_COLOURS: [RGBColor; 3] = [palette::BLUE, palette::ORANGE, palette::GREEN];

/// Room above the top row, in rows, where the legend sits clear of the
/// points.
const HEADROOM: f64 = 0.6;

/// Eras shaded behind the points, by their conventional years: the Second
/// World War (1939–1945) and the Cold War (1947–1991, from the Truman
/// Doctrine to the dissolution of the Soviet Union).
const ERAS: [(&str, f64, f64); 2] = [
    ("era_ww2", 1939.67, 1945.67),
    ("era_cold_war", 1947.2, 1991.98),
];

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let facts = &derived.facts;
    let dyads = dyads_of(facts, options)?;
    let ids = read::text(facts, "summit_id")?;
    let names = read::text(facts, "dyad")?;
    let formats = read::text(facts, "format")?;
    let dates = read::date(facts, "start_date")?;
    let cities = read::text(facts, "city")?;
    // The focus is named in the chart's language where the data has it.
    let local_names = super::local_names(data, &ids, options.lang)?;
    let year = |i: usize| {
        dates[i].map_or(0.0, |d| {
            f64::from(chrono::Datelike::year(&d))
                + f64::from(chrono::Datelike::ordinal0(&d)) / 366.0
        })
    };
    let mut rows: Vec<usize> = (0..ids.len())
        .filter(|&i| names[i].as_ref().is_some_and(|n| dyads.contains(n)))
        .collect();
    if rows.is_empty() {
        return Err(Error::NotFound(format!(
            "no summits of {} in {}",
            dyads.join(", "),
            data.label()
        )));
    }
    if let Some(n) = options.last {
        rows.sort_by(|&a, &b| year(a).total_cmp(&year(b)));
        let skip = rows.len().saturating_sub(n);
        rows.drain(..skip);
    }
    let table = super::rows_frame(
        facts,
        &rows,
        &[
            "summit_id",
            "dyad",
            "start_date",
            "end_date",
            "city",
            "format",
        ],
    )?;
    let first = rows
        .iter()
        .map(|&i| year(i))
        .fold(f64::INFINITY, f64::min)
        .floor()
        - 2.0;
    let last = rows
        .iter()
        .map(|&i| year(i))
        .fold(f64::NEG_INFINITY, f64::max)
        .ceil()
        + 2.0;
    let lang = options.lang;
    let font = family(lang);
    let px = |v: u32| options.px(v);
    let svg = page(data, options, word("timeline_title", lang), |area| {
        let mut chart = super::builder(area, options, 56, 260)
            .build_cartesian_2d(first..last, -0.6f64..dyads.len() as f64 + HEADROOM)
            .map_err(chart_error)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(230, 230, 230))
            .x_labels(12)
            .x_label_formatter(&|x| format!("{:.0}", options.year_x(*x, first, last)))
            // Fine ticks, so that every row's integer position is one; only
            // those get a label.
            .y_labels(dyads.len() * 5 + 5)
            .y_label_formatter(&|y| {
                let k = y.round();
                if (y - k).abs() < 1e-6 && k >= 0.0 && (k as usize) < dyads.len() {
                    label(&dyad_name(&dyads[k as usize], lang), lang)
                } else {
                    String::new()
                }
            })
            .x_desc(label(word("year", lang), lang))
            .label_style((font, px(22)).into_font().color(&palette::INK))
            .axis_desc_style((font, px(24)).into_font().color(&palette::INK))
            .draw()
            .map_err(chart_error)?;
        let (bottom, top) = (-0.6f64, dyads.len() as f64 + HEADROOM);
        let mut entries = Vec::new();
        // Eras are named in the legend: a narrow band has no room for text.
        for (k, (key, from, to)) in ERAS.into_iter().enumerate() {
            let shade = [RGBColor(230, 230, 230), RGBColor(243, 243, 243)][k];
            let (from, to) = (from.max(first), to.min(last));
            if from >= to {
                continue;
            }
            let (from, to) = if options.flipped() {
                (
                    options.year_x(to, first, last),
                    options.year_x(from, first, last),
                )
            } else {
                (from, to)
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(from, bottom), (to, top)],
                    shade.filled(),
                )))
                .map_err(chart_error)?;
            entries.push((
                label(word(key, lang), lang),
                super::Swatch::Bar(ShapeStyle::from(shade).filled().stroke_width(1)),
            ));
        }
        for (f, format) in Format::ALL.iter().enumerate() {
            let colour = FORMAT_COLOURS[f];
            chart
                .draw_series(
                    rows.iter()
                        .filter(|&&i| formats[i].as_deref() == Some(format.as_str()))
                        .map(|&i| {
                            let k = dyads
                                .iter()
                                .position(|d| Some(d) == names[i].as_ref())
                                .unwrap_or_default();
                            Circle::new(
                                (options.year_x(year(i), first, last), k as f64),
                                px(9),
                                colour.mix(0.85).filled(),
                            )
                        }),
                )
                .map_err(chart_error)?;
            entries.push((
                label(word(format.as_str(), lang), lang),
                super::Swatch::Dot(colour),
            ));
        }
        if let Some(i) = rows
            .iter()
            .copied()
            .find(|&i| options.focus.as_deref() == ids[i].as_deref())
        {
            let k = dyads
                .iter()
                .position(|d| Some(d) == names[i].as_ref())
                .unwrap_or_default();
            let name = local_names[i]
                .clone()
                .or_else(|| cities[i].clone())
                .unwrap_or_default();
            let text = label(
                &format!(
                    "{name} {}",
                    ltr(
                        &dates[i].map_or_else(String::new, crate::load::date_text),
                        lang
                    )
                ),
                lang,
            );
            let x = options.year_x(year(i), first, last);
            let anchor = if x > (first + last) / 2.0 {
                HPos::Right
            } else {
                HPos::Left
            };
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at((x, k as f64))
                        + Circle::new((0, 0), px(15), palette::VERMILION.stroke_width(px(4)))
                        // Below the point: legends sit in the top corners.
                        + Text::new(
                            text,
                            (0, 24),
                            (font, px(24))
                                .into_font()
                                .style(FontStyle::Bold)
                                .color(&palette::VERMILION)
                                .pos(Pos::new(anchor, VPos::Top)),
                        ),
                ))
                .map_err(chart_error)?;
        } else if let Some(focus) = &options.focus {
            return Err(Error::NotFound(format!(
                "the focus summit {focus} is not among the summits drawn"
            )));
        }
        super::legend(&chart, options, legend_corner(lang), &entries)?;
        Ok(())
    })?;
    Ok(Drawn { svg, data: table })
}
