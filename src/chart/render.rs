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
    usvg::Tree::from_str(svg, &options)
        .map_err(|e| Error::Chart(format!("the SVG could not be read: {e}")))
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
