//! `delegations`: who came, by portfolio, a stacked bar a summit: the
//! summits chosen, or the last N of one dyad (12 by default); the focus
//! summit outlined.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Drawn;
use super::decades::legend_corner;
use super::words::{dyad_name, word};
use super::{
    ChartOptions, SERIES, chart_error, chosen_rows, family, label, one_dyad, page, palette,
};
use crate::analysis::{Derived, portfolio_count, read};
use crate::error::{Error, Result};
use crate::load::Collection;
use crate::model::Portfolio;

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let dyad = one_dyad(options);
    let facts = &derived.facts;
    let ids = read::text(facts, "summit_id")?;
    let dyads = read::text(facts, "dyad")?;
    let cities = read::text(facts, "city")?;
    let dates = read::date(facts, "start_date")?;
    let counts: Vec<Vec<Option<i64>>> = Portfolio::ALL
        .iter()
        .map(|p| read::int(facts, &portfolio_count(*p)))
        .collect::<polars::prelude::PolarsResult<_>>()?;
    let rows = chosen_rows(&ids, &dyads, &dyad, options, 12)?;
    if let Some(focus) = &options.focus
        && !rows
            .iter()
            .any(|&i| ids[i].as_deref() == Some(focus.as_str()))
    {
        return Err(Error::NotFound(format!(
            "the focus summit {focus} is not among the summits drawn"
        )));
    }
    let mut columns = vec![
        "summit_id".to_owned(),
        "dyad".to_owned(),
        "start_date".to_owned(),
        "city".to_owned(),
    ];
    columns.extend(Portfolio::ALL.iter().map(|p| portfolio_count(*p)));
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    let table = super::rows_frame(facts, &rows, &columns)?;
    let lang = options.lang;
    let font = family(lang);
    let px = |v: u32| options.px(v);
    let total = |i: usize| counts.iter().map(|c| c[i].unwrap_or(0)).sum::<i64>();
    // Headroom above the tallest bar for the legend.
    let top = rows.iter().map(|&i| total(i)).max().unwrap_or(1).max(1) as f64 * 1.6;
    let n = rows.len();
    let title = format!(
        "{}: {}",
        word("delegations_title", lang),
        dyad_name(&dyad, lang)
    );
    let svg = page(data, options, &title, |area| {
        let mut chart = super::grid(
            area,
            options,
            (n, top),
            80,
            (word("people", lang), 10),
            &|y| format!("{y:.0}"),
        )?;
        let mut entries = Vec::new();
        for (k, p) in Portfolio::ALL.iter().enumerate() {
            let colour = SERIES[k % SERIES.len()];
            chart
                .draw_series(rows.iter().enumerate().filter_map(|(x, &i)| {
                    let below: i64 = counts[..k].iter().map(|c| c[i].unwrap_or(0)).sum();
                    let here = counts[k][i].unwrap_or(0);
                    (here > 0).then(|| {
                        Rectangle::new(
                            [
                                (options.slot(x, n) + 0.15, below as f64),
                                (options.slot(x, n) + 0.85, (below + here) as f64),
                            ],
                            colour.filled(),
                        )
                    })
                }))
                .map_err(chart_error)?;
            entries.push((
                label(word(p.as_str(), lang), lang),
                super::Swatch::Bar(colour.filled()),
            ));
        }
        if let Some(x) = rows
            .iter()
            .position(|&i| options.focus.as_deref() == ids[i].as_deref())
        {
            let height = total(rows[x]) as f64;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [
                        (options.slot(x, n) + 0.1, 0.0),
                        (options.slot(x, n) + 0.9, height + top * 0.01),
                    ],
                    palette::INK.stroke_width(px(4)),
                )))
                .map_err(chart_error)?;
        }
        chart
            .draw_series(rows.iter().enumerate().map(|(x, &i)| {
                let year = dates[i].map_or_else(String::new, |d| d.format("%Y").to_string());
                let city = crate::text::city(cities[i].as_deref().unwrap_or_default(), lang);
                EmptyElement::at((options.slot(x, n) + 0.5, 0.0))
                    + Text::new(
                        year,
                        (0, 10),
                        (font, px(20))
                            .into_font()
                            .color(&palette::INK)
                            .pos(Pos::new(HPos::Center, VPos::Top)),
                    )
                    + Text::new(
                        city,
                        (0, 36),
                        (font, px(18))
                            .into_font()
                            .color(&palette::GREY)
                            .pos(Pos::new(HPos::Center, VPos::Top)),
                    )
            }))
            .map_err(chart_error)?;
        super::legend(&chart, options, legend_corner(lang), &entries)?;
        Ok(())
    })?;
    Ok(Drawn { svg, data: table })
}
