//! `outcomes`: a matrix of summits (rows: the summits chosen, or the last
//! N of one dyad, 16 by default) by outcome (columns). Yes is a filled cell, no an empty one,
//! unknown a grey cell with a question mark: unknown is never drawn as no.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::Drawn;
use super::words::{dyad_name, word};
use super::{ChartOptions, chart_error, chosen_rows, family, label, one_dyad, page, palette};
use crate::analysis::{Derived, read};
use crate::error::Result;
use crate::load::Collection;
use crate::model::Lang;

const COLUMNS: [&str; 5] = [
    "joint_statement",
    "joint_press_conference",
    "press_questions_taken",
    "agreements_signed",
    "follow_up_agreed",
];

/// One cell: yes, no or unknown, with the number for agreements.
#[derive(Clone, Copy)]
enum Cell {
    Yes(Option<i64>),
    No,
    Unknown,
}

/// Draws the chart as an SVG document, with the data it draws.
pub fn draw(data: &Collection, derived: &Derived, options: &ChartOptions) -> Result<Drawn> {
    let dyad = one_dyad(options);
    let facts = &derived.facts;
    let ids = read::text(facts, "summit_id")?;
    let dyads = read::text(facts, "dyad")?;
    let dates = read::date(facts, "start_date")?;
    let cities = read::text(facts, "city")?;
    let rows = chosen_rows(&ids, &dyads, &dyad, options, 16)?;
    // Rows are named by the summit's own name in Arabic and Russian (the
    // data has no translated city names), by year and city in English.
    let local_names = super::local_names(data, &ids, options.lang)?;
    let flags: Vec<Vec<Option<bool>>> = COLUMNS
        .iter()
        .filter(|c| **c != "agreements_signed")
        .map(|c| read::flag(facts, c))
        .collect::<polars::prelude::PolarsResult<_>>()?;
    let agreements = read::int(facts, "agreements_signed")?;
    let cell = |column: usize, i: usize| -> Cell {
        if COLUMNS[column] == "agreements_signed" {
            return match agreements[i] {
                Some(0) => Cell::No,
                Some(n) => Cell::Yes(Some(n)),
                None => Cell::Unknown,
            };
        }
        let k = if column > 3 { column - 1 } else { column };
        match flags[k][i] {
            Some(true) => Cell::Yes(None),
            Some(false) => Cell::No,
            None => Cell::Unknown,
        }
    };
    let table = super::rows_frame(
        facts,
        &rows,
        &[
            "summit_id",
            "dyad",
            "start_date",
            "city",
            "joint_statement",
            "joint_press_conference",
            "press_questions_taken",
            "agreements_signed",
            "follow_up_agreed",
        ],
    )?;
    let lang = options.lang;
    let font = family(lang);
    let px = |v: u32| options.px(v);
    let title = format!(
        "{}: {}",
        word("outcomes_title", lang),
        dyad_name(&dyad, lang)
    );
    let svg = page(data, options, &title, |area| {
        let (w, h) = area.dim_in_pixel();
        let (w, h) = (w as i32, h as i32);
        // Row labels on the reading side: left, or right in Arabic.
        // Translated summit names are long: a wider label column, smaller type.
        let (label_width, label_size) = match options.lang {
            Lang::Ar | Lang::Ru => (px(560) as i32, px(16)),
            Lang::En => (px(300) as i32, px(20)),
        };
        let grid_left = if lang == Lang::Ar {
            px(40) as i32
        } else {
            label_width
        };
        let grid_width = w - label_width - px(40) as i32;
        let header = px(84) as i32;
        let legend = px(50) as i32;
        let cell_w = grid_width / COLUMNS.len() as i32;
        let cell_h =
            ((h - header - legend) / rows.len() as i32).clamp(px(12) as i32, px(60) as i32);
        let text = |size: u32| (font, size).into_font().color(&palette::INK);
        let bold = |size: u32| {
            (font, size)
                .into_font()
                .style(FontStyle::Bold)
                .color(&palette::INK)
        };
        // Columns in reading order: from the row labels outwards, so
        // right to left in Arabic.
        let slot = |c: usize| -> i32 {
            if lang == Lang::Ar {
                (COLUMNS.len() - 1 - c) as i32
            } else {
                c as i32
            }
        };
        for (c, column) in COLUMNS.iter().enumerate() {
            let x = grid_left + slot(c) * cell_w + cell_w / 2;
            // A header wider than its column (about 0.55 em a character)
            // breaks at the space nearest its middle.
            let words = word(column, lang);
            let lines: Vec<&str> = match words
                .char_indices()
                .filter(|(_, ch)| *ch == ' ')
                .map(|(i, _)| i)
                .min_by_key(|i| i.abs_diff(words.len() / 2))
            {
                Some(at)
                    if words.chars().count() as f64 * f64::from(px(20)) * 0.55
                        > f64::from(cell_w as u32) =>
                {
                    vec![&words[..at], &words[at + 1..]]
                }
                _ => vec![words],
            };
            for (k, line) in lines.iter().rev().enumerate() {
                area.draw(&Text::new(
                    label(line, lang),
                    (x, header - px(14) as i32 - k as i32 * px(24) as i32),
                    text(px(20)).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))
                .map_err(chart_error)?;
            }
        }
        for (r, &i) in rows.iter().enumerate() {
            let y = header + r as i32 * cell_h;
            let year = dates[i].map_or_else(String::new, |d| d.format("%Y").to_string());
            let name = match &local_names[i] {
                Some(local) => format!("{year} {local}"),
                None => format!("{year} {}", cities[i].clone().unwrap_or_default()),
            };
            let focus = options.focus.as_deref() == ids[i].as_deref();
            let style = if focus {
                bold(label_size)
            } else {
                text(label_size)
            };
            let (x, anchor) = if lang == Lang::Ar {
                (grid_left + grid_width + px(16) as i32, HPos::Left)
            } else {
                (grid_left - px(16) as i32, HPos::Right)
            };
            area.draw(&Text::new(
                label(&name, lang),
                (x, y + cell_h / 2),
                style.pos(Pos::new(anchor, VPos::Center)),
            ))
            .map_err(chart_error)?;
            for c in 0..COLUMNS.len() {
                let x0 = grid_left + slot(c) * cell_w + px(4) as i32;
                let corners = [
                    (x0, y + px(3) as i32),
                    (x0 + cell_w - px(8) as i32, y + cell_h - px(3) as i32),
                ];
                draw_cell(area, corners, cell(c, i), font, px)?;
            }
            if focus {
                area.draw(&Rectangle::new(
                    [(grid_left, y), (grid_left + grid_width, y + cell_h)],
                    palette::VERMILION.stroke_width(px(3)),
                ))
                .map_err(chart_error)?;
            }
        }
        // The legend: what each kind of cell means.
        // In Arabic it starts at the right, each swatch right of its word.
        let y = header + rows.len() as i32 * cell_h + px(18) as i32;
        for (k, (kind, key)) in [
            (Cell::Yes(None), "yes"),
            (Cell::No, "no"),
            (Cell::Unknown, "unknown"),
        ]
        .into_iter()
        .enumerate()
        {
            let step = k as i32 * px(200) as i32;
            let (x0, text_x, anchor) = if lang == Lang::Ar {
                let right = grid_left + grid_width - step;
                (right - px(36) as i32, right - px(46) as i32, HPos::Right)
            } else {
                let left = grid_left + step;
                (left, left + px(46) as i32, HPos::Left)
            };
            draw_cell(
                area,
                [(x0, y), (x0 + px(36) as i32, y + px(26) as i32)],
                kind,
                font,
                px,
            )?;
            area.draw(&Text::new(
                label(word(key, lang), lang),
                (text_x, y + px(13) as i32),
                text(px(20)).pos(Pos::new(anchor, VPos::Center)),
            ))
            .map_err(chart_error)?;
        }
        Ok(())
    })?;
    Ok(Drawn { svg, data: table })
}

fn draw_cell(
    area: &DrawingArea<SVGBackend<'_>, plotters::coord::Shift>,
    corners: [(i32, i32); 2],
    cell: Cell,
    font: &str,
    px: impl Fn(u32) -> u32,
) -> Result<()> {
    let centre = (
        (corners[0].0 + corners[1].0) / 2,
        (corners[0].1 + corners[1].1) / 2,
    );
    let mark = |text: String, colour: RGBColor| {
        Text::new(
            text,
            centre,
            (font, px(20))
                .into_font()
                .color(&colour)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        )
    };
    match cell {
        Cell::Yes(number) => {
            area.draw(&Rectangle::new(corners, palette::BLUE.filled()))
                .map_err(chart_error)?;
            if let Some(n) = number {
                area.draw(&mark(n.to_string(), WHITE))
                    .map_err(chart_error)?;
            }
        }
        Cell::No => {
            area.draw(&Rectangle::new(
                corners,
                RGBColor(170, 170, 170).stroke_width(px(2)),
            ))
            .map_err(chart_error)?;
        }
        Cell::Unknown => {
            area.draw(&Rectangle::new(corners, RGBColor(228, 228, 228).filled()))
                .map_err(chart_error)?;
            area.draw(&mark("?".to_owned(), palette::GREY))
                .map_err(chart_error)?;
        }
    }
    Ok(())
}
