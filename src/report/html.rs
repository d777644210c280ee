//! The report as one self-contained web page: the Markdown read by
//! pulldown-cmark, each chart's image replaced by the chart's SVG inline,
//! the styles inline and the bundled fonts embedded, so that the page
//! needs no network and no other file to be read, printed or mailed.

use base64::Engine;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Chart;
use crate::chart::render;
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::text::Style;

/// The page of a report written in Markdown, in `style`'s language, with
/// `charts` inline where the Markdown shows their SVG files.
pub fn page(markdown: &str, style: Style, charts: &[Chart]) -> Result<String> {
    let lang = style.lang;
    let title = markdown
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or("summitry");
    let mut events = Vec::new();
    let mut in_image = false;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                // `charts/<kind>-<lang>.svg` or `.png`: the chart inline.
                let file = dest_url.strip_prefix("charts/").unwrap_or(&dest_url);
                let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
                let chart = charts
                    .iter()
                    .find(|c| format!("{}-{}", c.kind.name(), c.lang.code()) == stem)
                    .ok_or_else(|| Error::Write {
                        what: "the report page".to_owned(),
                        message: format!(
                            "the report shows a chart the run did not draw: {dest_url}"
                        ),
                    })?;
                let alt = crate::chart::words::word(chart.kind.title_key(), chart.lang);
                events.push(Event::Html(
                    format!("<figure>{}</figure>", inline_svg(&chart.svg, &escape(alt))).into(),
                ));
                in_image = true;
            }
            Event::End(TagEnd::Image) => in_image = false,
            // The image's alternative text: the figure's label says it.
            _ if in_image => {}
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html("<div class=\"table\">".into()));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html("</div>".into()));
            }
            other => events.push(other),
        }
    }
    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    let dir = if lang == Lang::Ar { "rtl" } else { "ltr" };
    Ok(format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"summitry {}\">\n<title>{}</title>\n<style>\n{}{}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        lang.code(),
        env!("CARGO_PKG_VERSION"),
        escape(title),
        fonts(lang),
        STYLE,
    ))
}

/// A chart's SVG for the page: labelled for screen readers, and scaled to
/// the width of the text by the style.
fn inline_svg(svg: &str, label: &str) -> String {
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{label}\" "),
        1,
    )
}

/// The bundled fonts as `@font-face` rules with the files inline: Noto
/// Sans for every page, Noto Sans Arabic for Arabic ones (whose charts
/// and text need it).
fn fonts(lang: Lang) -> String {
    let mut faces = vec![
        ("Noto Sans", 400, render::NOTO_SANS),
        ("Noto Sans", 700, render::NOTO_SANS_BOLD),
    ];
    if lang == Lang::Ar {
        faces.push(("Noto Sans Arabic", 400, render::NOTO_SANS_ARABIC));
        faces.push(("Noto Sans Arabic", 700, render::NOTO_SANS_ARABIC_BOLD));
    }
    faces
        .into_iter()
        .map(|(family, weight, bytes)| {
            format!(
                "@font-face {{ font-family: \"{family}\"; font-weight: {weight}; src: url(data:font/ttf;base64,{}) format(\"truetype\"); }}\n",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            )
        })
        .collect()
}

/// The page's style: one column of text at a reading width, charts as
/// wide as the text, wide tables scrolled within their box, long links
/// broken, and in Arabic pages the body set right to left by `dir` on the
/// page while ids, links and code keep their own direction. Charts keep
/// the left-to-right base the SVG was drawn in.
const STYLE: &str = r#"html { font-family: "Noto Sans", "Noto Sans Arabic", sans-serif; line-height: 1.6; color: #1e1e1e; background: #fff; }
html[lang="ar"] { font-family: "Noto Sans Arabic", "Noto Sans", sans-serif; line-height: 1.9; }
body { margin: 0; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; overflow-wrap: anywhere; }
h1 { font-size: 1.8rem; line-height: 1.3; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-bottom: 1px solid #ddd; }
h3 { font-size: 1.1rem; margin-top: 1.8rem; }
li { margin: 0.35rem 0; }
a { color: #0060a0; unicode-bidi: isolate; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.9em; background: #f3f3f3; padding: 0 0.2em; direction: ltr; unicode-bidi: isolate; }
pre { background: #f6f6f6; padding: 0.8rem; overflow-x: auto; direction: ltr; text-align: left; }
pre code { background: none; padding: 0; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-inline-start: 4px solid #ccc; }
figure { margin: 1rem 0; }
figure svg { display: block; width: 100%; height: auto; direction: ltr; }
.table { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.95rem; overflow-wrap: normal; }
th, td { border: 1px solid #ccc; padding: 0.35rem 0.5rem; text-align: start; vertical-align: top; min-width: 8rem; }
hr { margin-top: 3rem; border: none; border-top: 1px solid #ccc; }
"#;

/// Text for HTML (an attribute's or an element's), as pulldown-cmark
/// escapes it.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Writing to a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, text);
    out
}
