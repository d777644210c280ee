//! SVG to PNG with a real text stack: usvg shapes text with rustybuzz and
//! orders bidirectional runs, so Arabic comes out joined and right to left;
//! resvg rasterises. Only the bundled fonts are loaded: nothing is read
//! from the system, so a PNG has the same bytes on every machine.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::error::{Error, Result};

/// Noto Sans Regular (Latin, Cyrillic, Greek), OFL 1.1.
pub const NOTO_SANS: &[u8] = include_bytes!("fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const NOTO_SANS_BOLD: &[u8] = include_bytes!("fonts/NotoSans-Bold.ttf");
/// Noto Sans Arabic Regular, OFL 1.1.
pub const NOTO_SANS_ARABIC: &[u8] = include_bytes!("fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans Arabic Bold.
pub const NOTO_SANS_ARABIC_BOLD: &[u8] = include_bytes!("fonts/NotoSansArabic-Bold.ttf");

/// The bundled fonts, loaded once.
pub fn fonts() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for bytes in [
            NOTO_SANS,
            NOTO_SANS_BOLD,
            NOTO_SANS_ARABIC,
            NOTO_SANS_ARABIC_BOLD,
        ] {
            db.load_font_data(bytes.to_vec());
        }
        db.set_sans_serif_family("Noto Sans");
        Arc::new(db)
    })
    .clone()
}

/// Parses an SVG with the bundled fonts (text is shaped here).
pub fn parse(svg: &str) -> Result<usvg::Tree> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: "Noto Sans".to_owned(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(&unjoin_latin_ligatures(svg), &options)
        .map_err(|e| Error::Chart(format!("the SVG could not be read: {e}")))
}

/// How plotters' SVG backend turns a font's size into the SVG's
/// `font-size`: it divides by 1.24 (plotters-svg 0.3, `svg.rs`, `draw_text`).
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// The width in pixels of `text` drawn by plotters in `family` at `size`,
/// as the renderer draws it: at the `font-size` plotters writes, shaped by
/// usvg with the bundled fonts and their fallback, measured from the
/// glyphs' outlines. plotters' own estimate (ab_glyph, glyph by glyph)
/// came out narrower than the rendered text: a legend box sized from it
/// left "Китай–Россия" touching its border in the Russian statement-rate
/// chart.
pub fn text_width(text: &str, family: &str, size: u32) -> Result<f32> {
    let size = f64::from(size) / PLOTTERS_FONT_SCALE;
    let mut escaped = String::new();
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut escaped, text);
    let mut font = String::new();
    let _ = pulldown_cmark_escape::escape_html(&mut font, family);
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="400"><text x="10" y="200" font-family="{font}" font-size="{size}">{escaped}</text></svg>"#
    );
    Ok(parse(&svg)?.root().abs_bounding_box().width())
}

/// A zero-width non-joiner after each `f` that Noto Sans would join with
/// the next letter (its `liga` feature makes one glyph of ff, fi, fl, ffi
/// and ffl), in the text of elements whose first font is Noto Sans
/// Arabic.
///
/// Why: Latin text in an Arabic chart (a collection's name in the source
/// line) is shaped first with Noto Sans Arabic, which lacks it, and then
/// with the fallback, Noto Sans; usvg 0.49 (`text/layout.rs`,
/// `shape_text`) keeps the fallback's glyphs only when both fonts gave
/// as many glyphs, so a ligature left the whole run as empty boxes
/// (`us-official-visits` was drawn as boxes). Both fonts map U+200C, which
/// draws nothing and keeps a glyph a letter. The SVG itself is left as
/// it is: browsers fall back per character.
fn unjoin_latin_ligatures(svg: &str) -> std::borrow::Cow<'_, str> {
    const ARABIC_FIRST: &str = "font-family=\"Noto Sans Arabic";
    if !svg.contains(ARABIC_FIRST) {
        return svg.into();
    }
    let mut out = String::with_capacity(svg.len() + 64);
    let mut rest = svg;
    while let Some(at) = rest.find("<text") {
        let Some(open_end) = rest[at..].find('>').map(|i| at + i + 1) else {
            break;
        };
        let Some(close) = rest[open_end..].find("</text>").map(|i| open_end + i) else {
            break;
        };
        out.push_str(&rest[..open_end]);
        let content = &rest[open_end..close];
        if rest[at..open_end].contains(ARABIC_FIRST) {
            let mut chars = content.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(c);
                if c == 'f' && matches!(chars.peek(), Some('f' | 'i' | 'l')) {
                    out.push('\u{200C}');
                }
            }
        } else {
            out.push_str(content);
        }
        rest = &rest[close..];
    }
    out.push_str(rest);
    out.into()
}

/// Renders an SVG to PNG bytes on a white background.
pub fn png(svg: &str) -> Result<Vec<u8>> {
    let tree = parse(svg)?;
    let size = tree.size().to_int_size();
    let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or_else(|| {
        Error::Chart(format!(
            "cannot draw a {}×{} image",
            size.width(),
            size.height()
        ))
    })?;
    pixmap.fill(Color::WHITE);
    resvg::render(&tree, Transform::default(), &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .map_err(|e| Error::Chart(format!("the PNG could not be encoded: {e}")))
}

#[cfg(test)]
mod tests {
    use super::{text_width, unjoin_latin_ligatures};
    use crate::chart::{FAMILY, FAMILY_AR};

    /// Widths grow with the text and the size, are the same however often
    /// they are measured, and cover Cyrillic and shaped Arabic: a label of
    /// 12 characters at 22 pixels (17.7 in the SVG) is about 100 wide.
    #[test]
    fn text_is_measured_as_the_renderer_sets_it() {
        let ru = text_width("Китай–Россия", FAMILY, 22).unwrap();
        assert!((80.0..140.0).contains(&ru), "{ru}");
        assert!(text_width("Китай–Россия–США", FAMILY, 22).unwrap() > ru);
        assert!(text_width("Китай–Россия", FAMILY, 44).unwrap() > 1.8 * ru);
        assert_eq!(text_width("Китай–Россия", FAMILY, 22).unwrap(), ru);
        let ar = text_width("الصين - روسيا", FAMILY_AR, 22).unwrap();
        assert!((60.0..140.0).contains(&ar), "{ar}");
        // Markup in a label is text, not SVG.
        assert!(text_width("A & <B>", FAMILY, 22).unwrap() > 0.0);
    }

    #[test]
    fn only_arabic_first_text_gets_non_joiners_and_attributes_stay() {
        let svg = "<svg><text fill=\"#000\" font-family=\"Noto Sans Arabic, Noto Sans\">us-official (ffl)</text><text font-family=\"Noto Sans, Noto Sans Arabic\">official</text></svg>";
        assert_eq!(
            unjoin_latin_ligatures(svg),
            "<svg><text fill=\"#000\" font-family=\"Noto Sans Arabic, Noto Sans\">us-of\u{200C}f\u{200C}icial (f\u{200C}f\u{200C}l)</text><text font-family=\"Noto Sans, Noto Sans Arabic\">official</text></svg>"
        );
        let latin = "<svg><text font-family=\"Noto Sans\">office</text></svg>";
        assert_eq!(unjoin_latin_ligatures(latin), latin);
    }
}
