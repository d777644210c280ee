//! Charts: golden SVGs in every language, byte-identical PNGs, and Arabic
//! really shaped on the way to PNG.
//!
//! Golden files are in tests/golden/charts; after a deliberate change,
//! rewrite them with `SUMMITRY_UPDATE_GOLDEN=1 cargo test charts` and look
//! at the diff (and the charts) before committing.

use resvg::usvg;
use summitry::chart::render;

use crate::util::{assert_golden, must_fail, must_succeed};

fn chart(args: &[&str], out: &std::path::Path) -> Vec<u8> {
    let mut all = vec!["chart"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--out", out.to_str().unwrap()]);
    must_succeed(&all);
    std::fs::read(out).unwrap()
}

/// Every kind in every language, drawn from the hand-made collection.
#[test]
fn every_kind_matches_its_golden_svg_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let kinds: [(&str, &[&str]); 6] = [
        ("timeline", &["--focus", "1995-moscow"]),
        ("gaps", &["--focus", "1995-moscow"]),
        ("outcomes", &["--focus", "1995-moscow"]),
        ("delegations", &["--focus", "1995-moscow"]),
        ("decades", &[]),
        ("statement-rate", &[]),
    ];
    for (kind, extra) in kinds {
        for lang in ["en", "ar", "ru"] {
            let mut args = vec![
                kind,
                "--data",
                "tests/fixtures/analysis-small",
                "--lang",
                lang,
            ];
            args.extend_from_slice(extra);
            let svg = chart(&args, &dir.path().join(format!("{kind}-{lang}.svg")));
            assert_golden(&format!("tests/golden/charts/{kind}-{lang}.svg"), &svg);
        }
    }
}

/// The visits chart, in every language, from a collection of visits only
/// (the import of the hand-written XML fixtures): Soviet and Russian
/// visits in one series, every decade between the first and the last.
#[test]
fn the_visits_chart_matches_its_golden_svg_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "ar", "ru"] {
        let svg = chart(
            &[
                "visits",
                "--data",
                "tests/fixtures/visits-small",
                "--dyad",
                "RUS-USA",
                "--lang",
                lang,
            ],
            &dir.path().join(format!("visits-{lang}.svg")),
        );
        assert_golden(&format!("tests/golden/charts/visits-{lang}.svg"), &svg);
    }
    // A dyad the record has no visits of is refused, not drawn empty.
    must_fail(
        1,
        &[
            "chart",
            "visits",
            "--data",
            "tests/fixtures/visits-small",
            "--dyad",
            "CHN-PRK",
            "--out",
            dir.path().join("none.svg").to_str().unwrap(),
        ],
    )
    .stderr_contains("no visits between CHN and PRK");
}

/// The chart the README shows: Anchorage 2025 in the shipped data.
#[test]
fn the_readme_chart_is_current() {
    let dir = tempfile::tempdir().unwrap();
    let svg = chart(
        &["gaps", "--focus", "2025-anchorage"],
        &dir.path().join("anchorage.svg"),
    );
    assert_golden("tests/golden/charts/anchorage-gaps-en.svg", &svg);
}

#[test]
fn png_is_byte_for_byte_the_same_every_time() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "gaps",
        "--focus",
        "2025-anchorage",
        "--lang",
        "ar",
        "--width",
        "800",
        "--height",
        "450",
    ];
    let first = chart(&args, &dir.path().join("a.png"));
    let second = chart(&args, &dir.path().join("b.png"));
    assert!(first.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(first == second);
}

/// The glyphs usvg laid out for one line of Arabic text, and the width of
/// its ink.
fn shape(text: &str) -> (Vec<u32>, f32) {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="10" y="60" font-family="Noto Sans Arabic" font-size="40">{text}</text></svg>"#
    );
    let tree = render::parse(&svg).unwrap();
    let mut glyphs = Vec::new();
    let mut width = 0.0;
    for node in tree.root().children() {
        if let usvg::Node::Text(t) = node {
            for span in t.layouted() {
                glyphs.extend(span.positioned_glyphs.iter().map(|g| g.id.0));
            }
            width = t.flattened().bounding_box().width();
        }
    }
    (glyphs, width)
}

/// Latin text in an Arabic chart (a collection's name in the source line)
/// falls back from Noto Sans Arabic to Noto Sans glyph for glyph, even
/// where Noto Sans would join `ffi` into one ligature: no glyph is the
/// empty box (id 0).
#[test]
fn latin_with_ligatures_in_an_arabic_chart_is_drawn_not_boxed() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="900" height="100"><text x="10" y="60" font-family="Noto Sans Arabic, Noto Sans" font-size="20">المصدر: datasets (us-official-visits, fluffy) · summitry</text></svg>"#;
    let tree = render::parse(svg).unwrap();
    let mut glyphs = Vec::new();
    for node in tree.root().children() {
        if let usvg::Node::Text(t) = node {
            for span in t.layouted() {
                glyphs.extend(span.positioned_glyphs.iter().map(|g| g.id.0));
            }
        }
    }
    assert!(glyphs.len() > 40, "{glyphs:?}");
    assert!(!glyphs.contains(&0), "empty boxes among {glyphs:?}");
}

/// "قمة" (summit): joined, its letters take initial, medial and final
/// forms, other glyphs than the same letters standing alone, and the word
/// is narrower than the isolated letters side by side. The PNG shows ink
/// exactly as wide as the shaped word.
#[test]
fn arabic_is_shaped_into_contextual_forms_in_the_png_path() {
    let (word, word_width) = shape("قمة");
    let isolated: Vec<(Vec<u32>, f32)> = ["ق", "م", "ة"].iter().map(|l| shape(l)).collect();
    assert_eq!(word.len(), 3, "{word:?}");
    let alone: Vec<u32> = isolated.iter().map(|(g, _)| g[0]).collect();
    // Glyphs come in visual order (right to left): the final form first.
    let mut logical = word.clone();
    logical.reverse();
    for (joined, single) in logical.iter().zip(&alone) {
        assert_ne!(
            joined, single,
            "a letter kept its isolated form: {logical:?} vs {alone:?}"
        );
    }
    let side_by_side: f32 = isolated.iter().map(|(_, w)| w).sum();
    assert!(word_width < side_by_side, "{word_width} vs {side_by_side}");

    // The PNG's ink spans the shaped width.
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="400" height="100"><text x="10" y="60" font-family="Noto Sans Arabic" font-size="40">قمة</text></svg>"#;
    let png = render::png(svg).unwrap();
    let ink = png_columns(&png);
    assert!(
        (ink - word_width).abs() <= 2.0,
        "ink {ink} px vs shaped {word_width}"
    );
}

/// The number of pixel columns that hold ink in a PNG rendered by
/// `render::png` (white background).
fn png_columns(png: &[u8]) -> f32 {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
    let (w, h) = (pixmap.width() as usize, pixmap.height() as usize);
    let data = pixmap.data();
    let inked = |x: usize| (0..h).any(|y| data[(y * w + x) * 4] < 200);
    let columns: Vec<usize> = (0..w).filter(|&x| inked(x)).collect();
    match (columns.first(), columns.last()) {
        (Some(a), Some(b)) => (b - a + 1) as f32,
        _ => 0.0,
    }
}

#[test]
fn chart_refuses_an_unknown_extension_and_a_focus_it_does_not_draw() {
    let dir = tempfile::tempdir().unwrap();
    let run = must_fail(
        1,
        &[
            "chart",
            "gaps",
            "--out",
            dir.path().join("x.gif").to_str().unwrap(),
        ],
    );
    run.stderr_contains("the output must end in .svg or .png");
    let run = must_fail(
        1,
        &[
            "chart",
            "gaps",
            "--focus",
            "2018-singapore",
            "--out",
            dir.path().join("x.svg").to_str().unwrap(),
        ],
    );
    run.stderr_contains("the focus summit 2018-singapore is not among the summits drawn");
}

#[test]
fn chosen_summits_are_drawn_and_unknown_ones_refused() {
    let dir = tempfile::tempdir().unwrap();
    let svg = chart(
        &[
            "delegations",
            "--summit",
            "2025-anchorage",
            "--summit",
            "1985-geneva",
            "--focus",
            "2025-anchorage",
        ],
        &dir.path().join("chosen.svg"),
    );
    let svg = String::from_utf8(svg).unwrap();
    // Two bars, labelled by city in date order.
    let geneva = svg
        .find(">\nGeneva\n<")
        .or_else(|| svg.find(">Geneva<"))
        .expect("Geneva labelled");
    let anchorage = svg.find("Anchorage").expect("Anchorage labelled");
    assert!(geneva < anchorage);
    let run = must_fail(
        1,
        &[
            "chart",
            "outcomes",
            "--summit",
            "1999-atlantis",
            "--out",
            dir.path().join("x.svg").to_str().unwrap(),
        ],
    );
    run.stderr_contains("no summit \"1999-atlantis\" to draw");
}

/// An Arabic chart may write its numbers in Arabic-Indic digits: every
/// number of its text changes (the markup's coordinates do not), and the
/// option leaves English and Russian charts alone.
#[test]
fn arabic_charts_can_use_arabic_indic_digits() {
    let dir = tempfile::tempdir().unwrap();
    let western = String::from_utf8(chart(
        &["gaps", "--focus", "2025-anchorage", "--lang", "ar"],
        &dir.path().join("w.svg"),
    ))
    .unwrap();
    let eastern = String::from_utf8(chart(
        &[
            "gaps",
            "--focus",
            "2025-anchorage",
            "--lang",
            "ar",
            "--digits",
            "arabic-indic",
        ],
        &dir.path().join("e.svg"),
    ))
    .unwrap();
    assert!(
        western.contains("1,521 يومًا"),
        "the Western digits are the default"
    );
    assert!(eastern.contains("١٬٥٢١ يومًا"));
    assert!(eastern.contains("summitry 0.1.0"), "the version is a name");
    // The text outside the source line has no Western digit left, and the
    // markup is the same but for the text.
    let texts = |svg: &str| -> Vec<String> {
        svg.split('>')
            .skip(1)
            .map(|s| s.split('<').next().unwrap_or("").to_owned())
            .collect()
    };
    for text in texts(&eastern) {
        assert!(
            text.contains("summitry ") || !text.chars().any(|c| c.is_ascii_digit()),
            "{text}"
        );
    }
    let markup = |svg: &str| -> Vec<String> {
        svg.split('<')
            .map(|s| s.split('>').next().unwrap_or("").to_owned())
            .collect()
    };
    assert_eq!(markup(&western), markup(&eastern));
    let english = chart(
        &[
            "gaps",
            "--focus",
            "2025-anchorage",
            "--digits",
            "arabic-indic",
        ],
        &dir.path().join("en.svg"),
    );
    assert_golden("tests/golden/charts/anchorage-gaps-en.svg", &english);
}

/// Russian charts group thousands with a narrow no-break space and write
/// a decimal comma, as Russian readers expect; summitry's version in the
/// source line stays as written.
#[test]
fn russian_charts_write_numbers_the_russian_way() {
    let dir = tempfile::tempdir().unwrap();
    let svg = String::from_utf8(chart(
        &["gaps", "--focus", "2025-anchorage", "--lang", "ru"],
        &dir.path().join("ru.svg"),
    ))
    .unwrap();
    assert!(svg.contains("1\u{202F}521 дн."), "the thousands grouped");
    assert!(svg.contains("\n4\u{202F}000\n"), "the axis too");
    assert!(!svg.contains("1,521"));
    assert!(svg.contains("summitry 0.1.0"));
}

/// An Arabic chart may run time right to left: the bars are then in the
/// mirror order, as many after the focus summit's bar as were before it,
/// and the y axis stands on the right; by default, and in English whatever
/// is asked, time runs left to right.
#[test]
fn arabic_time_axes_run_right_to_left_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let gaps = |lang: &str, axis: &str| -> String {
        let out = dir.path().join(format!("gaps-{lang}-{axis}.svg"));
        let svg = chart(
            &[
                "gaps",
                "--data",
                "tests/fixtures/analysis-small",
                "--focus",
                "1995-moscow",
                "--lang",
                lang,
                "--time-axis",
                axis,
            ],
            &out,
        );
        String::from_utf8(svg).unwrap()
    };
    // The x of every bar, and of the focus bar (drawn in vermilion).
    let bars = |svg: &str| -> (Vec<f64>, f64) {
        let tree = roxmltree::Document::parse(svg).unwrap();
        let mut all = Vec::new();
        let mut focus = f64::NAN;
        for rect in tree.descendants().filter(|n| n.has_tag_name("rect")) {
            let x: f64 = rect.attribute("x").unwrap_or("0").parse().unwrap();
            match rect.attribute("fill") {
                Some("#0072B2") => all.push(x),
                Some("#D55E00") => focus = x,
                _ => {}
            }
        }
        (all, focus)
    };
    let flipped = gaps("ar", "right-to-left");
    assert_golden(
        "tests/golden/charts/gaps-ar-right-to-left.svg",
        flipped.as_bytes(),
    );
    // (bars left of the focus, bars right of it)
    let sides = |svg: &str| {
        let (others, focus) = bars(svg);
        assert!(!others.is_empty() && focus.is_finite());
        (
            others.iter().filter(|x| **x < focus).count(),
            others.iter().filter(|x| **x > focus).count(),
        )
    };
    let (before, after) = sides(&gaps("ar", "left-to-right"));
    assert!(
        before > 0 && before != after,
        "the fixture tells the two orders apart"
    );
    assert_eq!(sides(&flipped), (after, before));
    assert_eq!(
        sides(&gaps("en", "right-to-left")),
        (before, after),
        "English ignores the option"
    );
    // The y axis stands where time starts: its description, the one text
    // turned on its side, is left of every bar by default and right of
    // every bar when time runs right to left.
    let y_desc = |svg: &str| -> f64 {
        let tree = roxmltree::Document::parse(svg).unwrap();
        let turned: Vec<f64> = tree
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter(|n| {
                n.attribute("transform")
                    .is_some_and(|t| t.starts_with("rotate"))
            })
            .map(|n| n.attribute("x").unwrap().parse().unwrap())
            .collect();
        assert_eq!(turned.len(), 1, "one y axis description");
        turned[0]
    };
    let lr = gaps("ar", "left-to-right");
    let (lr_bars, _) = bars(&lr);
    assert!(lr_bars.iter().all(|x| y_desc(&lr) < *x));
    let (rl_bars, _) = bars(&flipped);
    assert!(rl_bars.iter().all(|x| y_desc(&flipped) > *x));
}
