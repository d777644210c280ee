//! Charts with plotters: SVG is the canonical output, PNG is rendered from
//! it with a real text stack (see [`render`]), so Arabic is shaped and
//! laid out right to left. Fonts are bundled, never read from the system:
//! the same input gives the same bytes on every machine.
//!
//! One file a chart kind: [`timeline`], [`gaps`], [`outcomes`],
//! [`delegations`], [`decades`], [`statement_rate`], [`visits`].

pub mod decades;
pub mod delegations;
pub mod gaps;
pub mod outcomes;
pub mod render;
pub mod statement_rate;
pub mod timeline;
pub mod visits;
pub mod words;

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::FontStyle;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, Result};
use crate::load::{Collection, Table};
use crate::model::Lang;
use polars::prelude::{Column as FrameColumn, DataFrame, IdxCa, IdxSize};

/// The font family every chart's text is set in: Noto Sans for Latin and
/// Cyrillic, Noto Sans Arabic for Arabic, both bundled in `src/chart/fonts`.
/// usvg takes the first family for a label and falls back only for
/// characters it lacks, so Arabic charts name the Arabic font first.
pub const FAMILY: &str = "Noto Sans, Noto Sans Arabic";

/// [`FAMILY`] for Arabic charts.
pub const FAMILY_AR: &str = "Noto Sans Arabic, Noto Sans";

/// The font family for a language.
pub fn family(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => FAMILY_AR,
        Lang::En | Lang::Ru => FAMILY,
    }
}

/// A label ready to draw in `lang`. resvg lays text out left to right
/// whatever the SVG's `direction`, so an Arabic label is wrapped in a
/// right-to-left isolate (U+2067 ... U+2069): numbers then sit where an
/// Arabic reader expects them.
pub fn label(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ar => format!("\u{2067}{text}\u{2069}"),
        Lang::En | Lang::Ru => text.to_owned(),
    }
}

/// Text that must read left to right (a date, a code) inside a label:
/// in Arabic, kept in a left-to-right isolate (U+2066 ... U+2069).
pub fn ltr(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Ar => format!("\u{2066}{text}\u{2069}"),
        Lang::En | Lang::Ru => text.to_owned(),
    }
}

/// A range of years, `1979–1985`; in Arabic kept left to right in its own
/// isolate with a plain hyphen (the Arabic font has no en dash).
pub fn year_range(from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Ar => ltr(&format!("{from}-{to}"), lang),
        Lang::En | Lang::Ru => format!("{from}–{to}"),
    }
}

/// Options shared by every chart kind.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ChartOptions {
    /// The dyads to draw, e.g. `RUS-USA`.
    pub dyads: Vec<String>,
    /// The summit to highlight.
    pub focus: Option<String>,
    /// Only the last N summits.
    pub last: Option<usize>,
    /// These summits only (for delegations and outcomes), in date order;
    /// overrides `last`.
    pub summits: Vec<String>,
    /// The language of every label.
    pub lang: Lang,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The digits of an Arabic chart: Western (`1,521`, the default, as
    /// most Arabic newsrooms print them) or Arabic-Indic (`١٬٥٢١`).
    /// English and Russian charts always use Western digits.
    pub digits: Digits,
    /// Which way time runs in an Arabic chart: left to right (the
    /// default, as most Arabic newsrooms draw it) or right to left, the y
    /// axis then standing on the right where time starts. English and
    /// Russian charts always run left to right.
    pub time_axis: TimeAxis,
}

/// Which way time runs along a chart's x axis.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TimeAxis {
    /// Oldest on the left.
    #[default]
    LeftToRight,
    /// Oldest on the right, as the text of an Arabic page runs.
    RightToLeft,
}

pub use crate::text::Digits;

/// The text of an SVG document with the numbers of its text (never of its
/// markup) in Arabic-Indic digits: a digit becomes its Arabic-Indic form,
/// and `,` and `.` between digits and `%` after one become the Arabic
/// thousands separator, decimal separator and percent sign. The source
/// line keeps summitry's version as written (`summitry 0.1.0`), a name,
/// not a number.
pub fn arabic_indic(svg: &str) -> String {
    each_text(svg, text_digits)
}

/// The SVG document with `change` applied to the text between its tags.
fn each_text(svg: &str, change: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(svg.len() + svg.len() / 8);
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        out.push_str(&change(&rest[..open]));
        let close = rest[open..].find('>').map_or(rest.len(), |k| open + k + 1);
        out.push_str(&rest[open..close]);
        rest = &rest[close..];
    }
    out.push_str(&change(rest));
    out
}

/// The SVG document with its numbers written as Russian readers expect
/// them: thousands grouped by a narrow no-break space (`1 521`), not a
/// comma, and a decimal comma (`0,5`); the source line keeps summitry's
/// version as written.
pub fn russian_numbers(svg: &str) -> String {
    each_text(svg, |text| numbers_of_text(text, Lang::Ru, Digits::Western))
}

/// One text node of [`arabic_indic`].
fn text_digits(text: &str) -> String {
    numbers_of_text(text, Lang::Ar, Digits::ArabicIndic)
}

/// One text node with its numbers rewritten by [`crate::text::numbers`];
/// the source line, which names summitry's version, is left as written.
fn numbers_of_text(text: &str, lang: Lang, digits: Digits) -> String {
    if text.contains("summitry ") {
        return text.to_owned();
    }
    crate::text::numbers(text, lang, digits)
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            dyads: vec!["RUS-USA".to_owned()],
            focus: None,
            last: None,
            summits: Vec::new(),
            lang: Lang::En,
            width: 1600,
            height: 900,
            digits: Digits::Western,
            time_axis: TimeAxis::LeftToRight,
        }
    }
}

impl Kind {
    /// Every kind, in the order studies draw them.
    pub const ALL: [Kind; 7] = [
        Kind::Timeline,
        Kind::Gaps,
        Kind::Outcomes,
        Kind::Delegations,
        Kind::Decades,
        Kind::StatementRate,
        Kind::Visits,
    ];

    /// The kind's name, as on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Timeline => "timeline",
            Kind::Gaps => "gaps",
            Kind::Outcomes => "outcomes",
            Kind::Delegations => "delegations",
            Kind::Decades => "decades",
            Kind::StatementRate => "statement-rate",
            Kind::Visits => "visits",
        }
    }

    /// The key of the kind's title in [`words::word`].
    pub fn title_key(self) -> &'static str {
        match self {
            Kind::Timeline => "timeline_title",
            Kind::Gaps => "gaps_title",
            Kind::Outcomes => "outcomes_title",
            Kind::Delegations => "delegations_title",
            Kind::Decades => "decades_title",
            Kind::StatementRate => "rate_title",
            Kind::Visits => "visits_title",
        }
    }
}

impl ChartOptions {
    /// Whether time runs right to left: an Arabic chart asked to.
    pub fn flipped(&self) -> bool {
        self.lang == Lang::Ar && self.time_axis == TimeAxis::RightToLeft
    }

    /// Where the `i`th of `n` slots in time order sits along x.
    pub fn slot(&self, i: usize, n: usize) -> f64 {
        if self.flipped() {
            (n - 1 - i) as f64
        } else {
            i as f64
        }
    }

    /// Which slot in time order sits at `x` along an axis of `n` slots.
    pub fn slot_at(&self, x: f64, n: usize) -> usize {
        let i = x.floor().max(0.0) as usize;
        if self.flipped() {
            n.saturating_sub(1).saturating_sub(i)
        } else {
            i
        }
    }

    /// Where a year sits along an axis running from `first` to `last`.
    pub fn year_x(&self, year: f64, first: f64, last: f64) -> f64 {
        if self.flipped() {
            first + last - year
        } else {
            year
        }
    }

    /// A size in pixels designed for 1600×900, scaled to this chart's
    /// canvas (by the smaller of the two ratios), so that text and marks
    /// keep their proportions at any size.
    pub fn px(&self, designed: u32) -> u32 {
        let scale = (f64::from(self.width) / 1600.0).min(f64::from(self.height) / 900.0);
        ((f64::from(designed) * scale).round() as u32).max(1)
    }
}

/// A colour-blind-safe palette (Okabe and Ito), as `#rrggbb`-ready RGB.
pub mod palette {
    use plotters::style::RGBColor;

    /// Blue: ordinary bars and points.
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    /// Vermilion: the focus summit.
    pub const VERMILION: RGBColor = RGBColor(213, 94, 0);
    /// Orange.
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    /// Bluish green.
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    /// Reddish purple.
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    /// Sky blue.
    pub const SKY_BLUE: RGBColor = RGBColor(86, 180, 233);
    /// Grey: reference lines and the source line.
    pub const GREY: RGBColor = RGBColor(110, 110, 110);
    /// Near-black: text.
    pub const INK: RGBColor = RGBColor(30, 30, 30);
}

static FONTS: Once = Once::new();

/// Registers the bundled Latin/Cyrillic font with plotters under
/// [`FAMILY`], for measuring text while laying out a chart. (Arabic labels
/// are measured with it too, roughly; they are shaped when rendered.)
pub(crate) fn register_fonts() {
    FONTS.call_once(|| {
        for family in [FAMILY, FAMILY_AR] {
            for (style, bytes) in [
                (FontStyle::Normal, render::NOTO_SANS),
                (FontStyle::Bold, render::NOTO_SANS_BOLD),
            ] {
                plotters::style::register_font(family, style, bytes)
                    .unwrap_or_else(|_| panic!("the bundled font is a valid OpenType font"));
            }
        }
    });
}

/// The line under every chart: the data and the tool that drew it (the
/// collections that hold rows of `table`, the one the chart draws).
pub fn source_line(data: &crate::load::Collection, table: Table, lang: Lang) -> String {
    let members: Vec<&str> = data
        .members()
        .iter()
        .filter(|m| m.holds(table))
        .map(|m| m.name.as_str())
        .collect();
    label(
        &format!(
            "{}: {} ({}) · summitry {}",
            words::word("source", lang),
            data.label(),
            members.join(", "),
            env!("CARGO_PKG_VERSION")
        ),
        lang,
    )
}

/// The chart kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Kind {
    /// Every summit on a time axis, a row a dyad, coloured by format.
    Timeline,
    /// Days since the previous summit, a bar a summit of one dyad.
    Gaps,
    /// A matrix of summits by outcome, unknown shown apart from no.
    Outcomes,
    /// Delegations by portfolio, a stacked bar a summit.
    Delegations,
    /// Summits a decade, a bar a dyad.
    Decades,
    /// The joint-statement rate a decade, a line a dyad.
    StatementRate,
    /// Leaders' visits a decade between a dyad's two countries, a bar
    /// for each direction (the official record).
    Visits,
}

/// A chart drawn: the SVG document, and the data it draws (a row a mark:
/// a summit, or a dyad and decade), as chart sites give "get the data".
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The SVG document.
    pub svg: String,
    /// What the chart draws, in the chart's order, by id and code (the
    /// labels' translations are the chart's own).
    pub data: DataFrame,
}

/// Draws a chart as an SVG document.
pub fn svg(kind: Kind, data: &Collection, options: &ChartOptions) -> Result<String> {
    svg_with(kind, data, &crate::analysis::Derived::of(data)?, options)
}

/// [`svg`], drawing from the facts and history already made: a study
/// makes them once for all its charts.
pub fn svg_with(
    kind: Kind,
    data: &Collection,
    derived: &crate::analysis::Derived,
    options: &ChartOptions,
) -> Result<String> {
    Ok(draw_with(kind, data, derived, options)?.svg)
}

/// [`svg_with`], with the data the chart draws.
pub fn draw_with(
    kind: Kind,
    data: &Collection,
    derived: &crate::analysis::Derived,
    options: &ChartOptions,
) -> Result<Drawn> {
    let mut drawn = match kind {
        Kind::Timeline => timeline::draw(data, derived, options),
        Kind::Gaps => gaps::draw(data, derived, options),
        Kind::Outcomes => outcomes::draw(data, derived, options),
        Kind::Delegations => delegations::draw(data, derived, options),
        Kind::Decades => decades::draw(data, derived, options),
        Kind::StatementRate => statement_rate::draw(data, derived, options),
        Kind::Visits => visits::draw(data, derived, options),
    }?;
    if options.lang == Lang::Ar && options.digits == Digits::ArabicIndic {
        drawn.svg = arabic_indic(&drawn.svg);
    }
    if options.lang == Lang::Ru {
        drawn.svg = russian_numbers(&drawn.svg);
    }
    Ok(drawn)
}

/// The rows of the facts frame a chart draws, in its order, with these
/// columns: the data of a chart of summits.
pub(crate) fn rows_frame(facts: &DataFrame, rows: &[usize], columns: &[&str]) -> Result<DataFrame> {
    let idx: Vec<IdxSize> = rows.iter().map(|&i| i as IdxSize).collect();
    let picked = facts.select(columns.iter().copied())?;
    Ok(picked.take(&IdxCa::from_vec("rows".into(), idx))?)
}

/// A value by dyad and decade, in long form (`dyad`, `decade`, `name`):
/// the data of a chart of decades; decades without a value are left out.
pub(crate) fn decade_frame(
    decades: &[i64],
    dyads: &[String],
    values: &[Vec<Option<f64>>],
    name: &str,
) -> Result<DataFrame> {
    let (mut d, mut dec, mut v) = (Vec::new(), Vec::new(), Vec::new());
    for (k, dyad) in dyads.iter().enumerate() {
        for (i, decade) in decades.iter().enumerate() {
            if let Some(value) = values[k][i] {
                d.push(dyad.clone());
                dec.push(*decade);
                v.push(value);
            }
        }
    }
    Ok(DataFrame::new_infer_height(vec![
        FrameColumn::new("dyad".into(), d),
        FrameColumn::new("decade".into(), dec),
        FrameColumn::new(name.into(), v),
    ])?)
}

/// Draws a chart as PNG bytes (through its SVG; see [`render`]).
pub fn png(kind: Kind, data: &Collection, options: &ChartOptions) -> Result<Vec<u8>> {
    render::png(&svg(kind, data, options)?)
}

/// The rows (positions in the facts frame) a one-dyad chart draws: the
/// summits asked for, or the dyad's last `default_last` (or `--last`).
pub(crate) fn chosen_rows(
    ids: &[Option<String>],
    dyads: &[Option<String>],
    dyad: &str,
    options: &ChartOptions,
    default_last: usize,
) -> Result<Vec<usize>> {
    if !options.summits.is_empty() {
        let mut rows = Vec::new();
        for wanted in &options.summits {
            let at = ids
                .iter()
                .position(|id| id.as_deref() == Some(wanted.as_str()))
                .ok_or_else(|| Error::NotFound(format!("no summit {wanted:?} to draw")))?;
            rows.push(at);
        }
        rows.sort_unstable();
        rows.dedup();
        return Ok(rows);
    }
    let mut rows: Vec<usize> = (0..ids.len())
        .filter(|&i| dyads[i].as_deref() == Some(dyad))
        .collect();
    if rows.is_empty() {
        return Err(Error::NotFound(format!(
            "no summits of the dyad {dyad} to draw"
        )));
    }
    let skip = rows
        .len()
        .saturating_sub(options.last.unwrap_or(default_last));
    rows.drain(..skip);
    Ok(rows)
}

/// The dyads a chart draws: those asked for, or every dyad in the data.
pub(crate) fn dyads_of(
    facts: &polars::prelude::DataFrame,
    options: &ChartOptions,
) -> Result<Vec<String>> {
    if !options.dyads.is_empty() {
        return Ok(options.dyads.clone());
    }
    let mut all: Vec<String> = crate::analysis::read::text(facts, "dyad")?
        .into_iter()
        .flatten()
        .collect();
    all.dedup();
    all.sort();
    all.dedup();
    Ok(all)
}

/// The one dyad a single-dyad chart draws (the first asked for, or
/// RUS-USA).
pub(crate) fn one_dyad(options: &ChartOptions) -> String {
    options
        .dyads
        .first()
        .cloned()
        .unwrap_or_else(|| "RUS-USA".to_owned())
}

/// Draws a chart of summits: see [`page_of`].
pub(crate) fn page(
    data: &Collection,
    options: &ChartOptions,
    title: &str,
    body: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<()>,
) -> Result<String> {
    page_of(data, Table::Summits, options, title, body)
}

/// Draws a chart's frame (white page, title, source line naming the
/// collections that hold rows of `table`) and lets `body` draw in the
/// area between them; returns the SVG.
pub(crate) fn page_of(
    data: &Collection,
    table: Table,
    options: &ChartOptions,
    title: &str,
    body: impl FnOnce(&DrawingArea<SVGBackend<'_>, Shift>) -> Result<()>,
) -> Result<String> {
    register_fonts();
    let lang = options.lang;
    let font = family(lang);
    let (w, h) = (options.width, options.height);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
        root.fill(&WHITE).map_err(chart_error)?;
        let px = |v: u32| options.px(v);
        let (head, rest) = root.split_vertically(px(84));
        let (main, foot) = rest.split_vertically(h.saturating_sub(px(84) + px(48)));
        // Arabic newsrooms set the title and the source line flush right;
        // the others are centred.
        let (x, anchor) = if lang == Lang::Ar {
            (w.saturating_sub(px(40)) as i32, HPos::Right)
        } else {
            ((w / 2) as i32, HPos::Center)
        };
        head.draw(&Text::new(
            label(title, lang),
            (x, px(28) as i32),
            (font, px(40))
                .into_font()
                .color(&palette::INK)
                .pos(Pos::new(anchor, VPos::Top)),
        ))
        .map_err(chart_error)?;
        body(&main)?;
        foot.draw(&Text::new(
            source_line(data, table, lang),
            (x, px(12) as i32),
            (font, px(20))
                .into_font()
                .color(&palette::GREY)
                .pos(Pos::new(anchor, VPos::Top)),
        ))
        .map_err(chart_error)?;
        root.present().map_err(chart_error)?;
    }
    Ok(out)
}

/// A plotters error as the library's.
pub(crate) fn chart_error<E: std::fmt::Display>(e: E) -> Error {
    Error::Chart(e.to_string())
}

/// Colours a series at a time, in a fixed order.
pub(crate) const SERIES: [RGBColor; 6] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::PURPLE,
    palette::SKY_BLUE,
    palette::VERMILION,
];

/// A chart over `f64` coordinates drawn on an SVG page.
pub(crate) type Plot<'a, 'b> = ChartContext<
    'a,
    SVGBackend<'b>,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

/// What a series looks like in its legend.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Swatch {
    /// A filled box (bars, bands).
    Bar(ShapeStyle),
    /// A dot (points).
    Dot(RGBColor),
    /// A stroke (lines).
    Line(RGBColor),
}

/// Draws the series legend of a chart in the house style at `position`,
/// in the plotting area's pixels: a box in the corner asked for, one row
/// an entry, each entry's swatch and label. Left to right, the swatches
/// stand in a column at the box's left edge with the labels after them;
/// in Arabic the legend is mirrored as Arabic newsrooms set it: labels
/// flush right, each swatch to the right of its label. `entries` are the
/// series' labels and swatches, in the order they were drawn. The box is
/// sized from the labels' measured width with padding on both sides
/// (plotters' own legend box left Russian labels touching its border).
pub(crate) fn legend(
    chart: &Plot<'_, '_>,
    options: &ChartOptions,
    position: SeriesLabelPosition,
    entries: &[(String, Swatch)],
) -> Result<()> {
    if entries.is_empty() {
        return Ok(());
    }
    let px = |v: u32| options.px(v) as i32;
    let area = chart.plotting_area().strip_coord_spec();
    let (w, h) = area.dim_in_pixel();
    let font = (family(options.lang), options.px(22))
        .into_font()
        .color(&palette::INK);
    let mut widest = 0;
    for (text, _) in entries {
        let width = render::text_width(text, family(options.lang), options.px(22))?;
        widest = widest.max(width.ceil() as i32);
    }
    let (pad, gap, swatch, row) = (px(10), px(10), px(24), px(30));
    let box_w = pad + widest + gap + swatch + pad;
    let box_h = pad * 2 + row * entries.len() as i32;
    let margin = px(12);
    let left = match position {
        SeriesLabelPosition::UpperLeft | SeriesLabelPosition::LowerLeft => margin,
        _ => w as i32 - margin - box_w,
    };
    let top = match position {
        SeriesLabelPosition::LowerLeft | SeriesLabelPosition::LowerRight => {
            h as i32 - margin - box_h
        }
        _ => margin,
    };
    area.draw(&Rectangle::new(
        [(left, top), (left + box_w, top + box_h)],
        WHITE.mix(0.9).filled(),
    ))
    .map_err(chart_error)?;
    area.draw(&Rectangle::new(
        [(left, top), (left + box_w, top + box_h)],
        RGBColor(200, 200, 200),
    ))
    .map_err(chart_error)?;
    let rtl = options.lang == Lang::Ar;
    let swatch_left = if rtl {
        left + box_w - pad - swatch
    } else {
        left + pad
    };
    for (k, (text, look)) in entries.iter().enumerate() {
        let y = top + pad + row * k as i32 + row / 2;
        match look {
            Swatch::Bar(style) => area.draw(&Rectangle::new(
                [
                    (swatch_left + px(3), y - px(8)),
                    (swatch_left + px(21), y + px(8)),
                ],
                *style,
            )),
            Swatch::Dot(colour) => area.draw(&Circle::new(
                (swatch_left + swatch / 2, y),
                px(8),
                colour.filled(),
            )),
            Swatch::Line(colour) => area.draw(&PathElement::new(
                vec![(swatch_left, y), (swatch_left + swatch, y)],
                colour.stroke_width(options.px(4)),
            )),
        }
        .map_err(chart_error)?;
        let (x, align) = if rtl {
            (swatch_left - gap, HPos::Right)
        } else {
            (swatch_left + swatch + gap, HPos::Left)
        };
        area.draw(&Text::new(
            text.clone(),
            (x, y),
            font.clone().pos(Pos::new(align, VPos::Center)),
        ))
        .map_err(chart_error)?;
    }
    Ok(())
}

/// Writes each decade's label under its group (a unit of x a decade).
pub(crate) fn decade_labels(
    chart: &mut Plot<'_, '_>,
    options: &ChartOptions,
    decades: &[i64],
) -> Result<()> {
    let (lang, font) = (options.lang, family(options.lang));
    chart
        .draw_series(decades.iter().enumerate().map(|(i, d)| {
            EmptyElement::at((options.slot(i, decades.len()) + 0.5, 0.0))
                + Text::new(
                    words::decade(*d, lang),
                    (0, options.px(10) as i32),
                    (font, options.px(22))
                        .into_font()
                        .color(&palette::INK)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                )
        }))
        .map_err(chart_error)?;
    Ok(())
}

/// Each summit's name in the chart's language (`name_ar`, `name_ru`),
/// aligned with `ids`; all `None` in English, where charts name summits by
/// year and city.
pub(crate) fn local_names(
    data: &Collection,
    ids: &[Option<String>],
    lang: Lang,
) -> Result<Vec<Option<String>>> {
    let column = match lang {
        Lang::Ar => "name_ar",
        Lang::Ru => "name_ru",
        Lang::En => return Ok(vec![None; ids.len()]),
    };
    let summits = data.summits();
    let by_id: std::collections::HashMap<String, String> =
        crate::analysis::read::text(summits, "summit_id")?
            .into_iter()
            .zip(crate::analysis::read::text(summits, column)?)
            .filter_map(|(id, name)| Some((id?, name?)))
            .collect();
    Ok(ids
        .iter()
        .map(|id| id.as_ref().and_then(|id| by_id.get(id).cloned()))
        .collect())
}

/// The house chart builder on `area`: margins, and label areas of
/// `x_label_area` below and `y_label_area` beside the plot. The y axis
/// stands where time starts, so on the right of a chart whose time runs
/// right to left.
pub(crate) fn builder<'a, 'b>(
    area: &'a DrawingArea<SVGBackend<'b>, Shift>,
    options: &ChartOptions,
    x_label_area: u32,
    y_label_area: u32,
) -> ChartBuilder<'a, 'b, SVGBackend<'b>> {
    let px = |v: u32| options.px(v);
    let (y_side, (left, right)) = if options.flipped() {
        (LabelAreaPosition::Right, (48, 32))
    } else {
        (LabelAreaPosition::Left, (32, 48))
    };
    let mut builder = ChartBuilder::on(area);
    builder
        .margin_left(px(left))
        .margin_right(px(right))
        .x_label_area_size(px(x_label_area))
        .set_label_area_size(y_side, px(y_label_area));
    builder
}

/// The house grid over `n` groups along x (no x ticks: each kind labels
/// its groups) and `0..top` along y: margins, horizontal grid lines, the
/// y axis described in the chart's language with `y_labels` ticks written
/// by `y_format`.
pub(crate) fn grid<'a, 'b>(
    area: &'a DrawingArea<SVGBackend<'b>, Shift>,
    options: &ChartOptions,
    (n, top): (usize, f64),
    x_label_area: u32,
    (y_desc, y_labels): (&str, usize),
    y_format: &dyn Fn(&f64) -> String,
) -> Result<Plot<'a, 'b>> {
    let (lang, font, px) = (options.lang, family(options.lang), |v: u32| options.px(v));
    let mut chart = builder(area, options, x_label_area, 90)
        .build_cartesian_2d(0f64..n as f64, 0f64..top)
        .map_err(chart_error)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(y_labels)
        .y_label_formatter(y_format)
        .light_line_style(TRANSPARENT)
        .bold_line_style(RGBColor(225, 225, 225))
        .y_desc(label(y_desc, lang))
        .label_style((font, px(22)).into_font().color(&palette::INK))
        .axis_desc_style((font, px(24)).into_font().color(&palette::INK))
        .draw()
        .map_err(chart_error)?;
    Ok(chart)
}
