//! Charts with plotters: SVG is the canonical output, PNG is rendered from
//! it with a real text stack (see [`render`]), so Arabic is shaped and
//! laid out right to left. Fonts are bundled, never read from the system:
//! the same input gives the same bytes on every machine.
//!
//! One file a chart kind. So far: [`gaps`].

pub mod gaps;
pub mod render;
pub mod words;

use std::sync::Once;

use plotters::style::FontStyle;

use crate::model::Lang;

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

/// A range of years, `1979–1985`; in Arabic kept left to right in its own
/// isolate with a plain hyphen (the Arabic font has no en dash).
pub fn year_range(from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Ar => format!("\u{2066}{from}-{to}\u{2069}"),
        Lang::En | Lang::Ru => format!("{from}–{to}"),
    }
}

/// Options shared by every chart kind.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    /// The dyads to draw, e.g. `RUS-USA`.
    pub dyads: Vec<String>,
    /// The summit to highlight.
    pub focus: Option<String>,
    /// Only the last N summits.
    pub last: Option<usize>,
    /// The language of every label.
    pub lang: Lang,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl Default for ChartOptions {
    fn default() -> Self {
        ChartOptions {
            dyads: vec!["RUS-USA".to_owned()],
            focus: None,
            last: None,
            lang: Lang::En,
            width: 1600,
            height: 900,
        }
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

/// The line under every chart: the data and the tool that drew it.
pub fn source_line(data: &crate::load::Collection, lang: Lang) -> String {
    let members: Vec<&str> = data.members().iter().map(|m| m.name.as_str()).collect();
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
