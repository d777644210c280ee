//! `gaps`: days since the previous summit, a bar a summit of one dyad,
//! the dyad's median gap as a reference line, the focus summit's gap
//! highlighted and labelled ("1,521 days: longest since 1979–1985").

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Drawn;
use super::words::{dyad_name, word};
use super::{ChartOptions, chart_error, family, label, page, palette, year_range};
use crate::analysis::compare::{median, thousands};
use crate::analysis::{Derived, read};
use crate::error::{Error, Result};
use crate::load::Collection;

/// One bar: a summit and its gap.
struct Bar {
    id: String,
    year: i32,
    gap: Option<i64>,
    longer_from: Option<String>,
    longer_to: Option<String>,
}

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let dyad = &super::one_dyad(options);
    let h = derived.history()?;
    let ids = read::text(h, "summit_id")?;
    let dyads = read::text(h, "dyad")?;
    let dates = read::date(h, "start_date")?;
    let gaps = read::int(h, "gap_days")?;
    let from = read::text(h, "longer_gap_from")?;
    let to = read::text(h, "longer_gap_to")?;
    let mut bars: Vec<Bar> = (0..ids.len())
        .filter(|&i| dyads[i].as_deref() == Some(dyad.as_str()))
        .map(|i| Bar {
            id: ids[i].clone().unwrap_or_default(),
            year: dates[i].map_or(0, |d| chrono::Datelike::year(&d)),
            gap: gaps[i],
            longer_from: from[i].clone(),
            longer_to: to[i].clone(),
        })
        .collect();
    if bars.is_empty() {
        return Err(Error::NotFound(format!(
            "no summits of the dyad {dyad} in {}",
            data.label()
        )));
    }
    if let Some(n) = options.last {
        let skip = bars.len().saturating_sub(n);
        bars.drain(..skip);
    }
    if let Some(focus) = &options.focus
        && !bars.iter().any(|b| &b.id == focus)
    {
        return Err(Error::NotFound(format!(
            "the focus summit {focus} is not among the summits drawn"
        )));
    }
    let table = polars::prelude::DataFrame::new_infer_height(vec![
        polars::prelude::Column::new(
            "summit_id".into(),
            bars.iter().map(|b| b.id.clone()).collect::<Vec<_>>(),
        ),
        polars::prelude::Column::new(
            "year".into(),
            bars.iter().map(|b| b.year).collect::<Vec<_>>(),
        ),
        polars::prelude::Column::new(
            "gap_days".into(),
            bars.iter().map(|b| b.gap).collect::<Vec<_>>(),
        ),
        polars::prelude::Column::new(
            "longer_gap_from".into(),
            bars.iter()
                .map(|b| b.longer_from.clone())
                .collect::<Vec<_>>(),
        ),
        polars::prelude::Column::new(
            "longer_gap_to".into(),
            bars.iter().map(|b| b.longer_to.clone()).collect::<Vec<_>>(),
        ),
    ])?;
    let year_of = |id: &Option<String>| -> String {
        let Some(id) = id else { return "?".to_owned() };
        ids.iter()
            .position(|x| x.as_deref() == Some(id.as_str()))
            .and_then(|i| dates[i])
            .map_or_else(|| "?".to_owned(), |d| d.format("%Y").to_string())
    };

    let lang = options.lang;
    let font = family(lang);
    let px = |v: u32| options.px(v);
    let values: Vec<f64> = bars
        .iter()
        .filter_map(|b| b.gap.map(|g| g as f64))
        .collect();
    let top = values.iter().copied().fold(1.0, f64::max) * 1.18;
    let typical = median(&values);
    let n = bars.len();

    let title = format!("{}: {}", word("gaps_title", lang), dyad_name(dyad, lang));
    let svg = page(data, options, &title, |area| {
        let mut chart = super::builder(area, options, 56, 110)
            .build_cartesian_2d(0f64..n as f64, 0f64..top)
            .map_err(chart_error)?;
        let label_every = (n / 16).max(1);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(225, 225, 225))
            .y_desc(label(word("days", lang), lang))
            .x_labels(n.min(40))
            .x_label_formatter(&|x| {
                let i = options.slot_at(*x, n);
                if i < n && i.is_multiple_of(label_every) {
                    bars[i].year.to_string()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| thousands(*y as i64))
            .label_style((font, px(22)).into_font().color(&palette::INK))
            .axis_desc_style((font, px(24)).into_font().color(&palette::INK))
            .draw()
            .map_err(chart_error)?;
        chart
            .draw_series(bars.iter().enumerate().filter_map(|(i, b)| {
                let gap = b.gap? as f64;
                let focus = options.focus.as_deref() == Some(b.id.as_str());
                let colour = if focus {
                    palette::VERMILION
                } else {
                    palette::BLUE
                };
                let x = options.slot(i, n);
                Some(Rectangle::new(
                    [(x + 0.15, 0.0), (x + 0.85, gap)],
                    colour.filled(),
                ))
            }))
            .map_err(chart_error)?;
        if let Some(m) = typical {
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(0.0, m), (n as f64, m)],
                    palette::GREY.stroke_width(px(2)),
                )))
                .map_err(chart_error)?;
            // The median's label sits in the top corner, clear of the bars.
            let text = label(
                &format!(
                    "―― {} {} {}",
                    word("median", lang),
                    thousands(m.round() as i64),
                    word("days_unit", lang)
                ),
                lang,
            );
            chart
                .draw_series(std::iter::once(Text::new(
                    text,
                    (n as f64, top),
                    (font, px(22))
                        .into_font()
                        .color(&palette::GREY)
                        .pos(Pos::new(HPos::Right, VPos::Top)),
                )))
                .map_err(chart_error)?;
        }
        if let Some((i, bar)) = bars
            .iter()
            .enumerate()
            .find(|(_, b)| options.focus.as_deref() == Some(b.id.as_str()))
            && let Some(gap) = bar.gap
        {
            let since = match (&bar.longer_from, &bar.longer_to) {
                (Some(_), Some(_)) => format!(
                    "{} {}",
                    word("longest_since", lang),
                    year_range(&year_of(&bar.longer_from), &year_of(&bar.longer_to), lang)
                ),
                _ => word("longest_ever", lang).to_owned(),
            };
            let text = label(
                &format!("{} {}: {since}", thousands(gap), word("days_unit", lang)),
                lang,
            );
            // Right of the middle, the label runs leftwards from its bar.
            let x = options.slot(i, n);
            let anchor = if x * 2.0 > n as f64 {
                HPos::Right
            } else {
                HPos::Left
            };
            chart
                .draw_series(std::iter::once(Text::new(
                    text,
                    (x + 0.5, gap as f64 + top * 0.03),
                    (font, px(26))
                        .into_font()
                        .style(FontStyle::Bold)
                        .color(&palette::VERMILION)
                        .pos(Pos::new(anchor, VPos::Bottom)),
                )))
                .map_err(chart_error)?;
        }
        Ok(())
    })?;
    Ok(Drawn { svg, data: table })
}
