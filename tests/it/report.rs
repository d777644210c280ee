//! The report's pages as a reader sees them: headless Chromium opens each
//! page of the shipped studies at a desktop and a phone width, and a
//! script measures what it drew: every chart rendered, nothing wider than
//! the screen, the Arabic page set right to left, the embedded fonts used.
//!
//! Chromium is Debian's (`apt-get install chromium`, which `.ci/run`
//! does). Where it is not installed the test says so and passes, except in
//! CI (`CI` set), where a missing browser is a failure.

use std::path::Path;
use std::process::Command;

use crate::util::must_succeed;

/// Appended to a copy of each page: measures the page once its fonts are
/// loaded and sends the findings, as JSON, to the page around it
/// ([`FRAME`]).
const CHECK: &str = r#"<script>
(async () => {
  await document.fonts.ready;
  const width = document.documentElement.clientWidth;
  const svgs = [...document.querySelectorAll("main figure svg")];
  // Inside a table's or code block's own scrolling box, wide is fine.
  const outside = [...document.querySelectorAll("main *")]
    .filter(e => !e.parentElement.closest(".table, pre"))
    .filter(e => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && (r.right > width + 1 || r.left < -1);
    })
    .slice(0, 5)
    .map(e => e.tagName + " " + (e.textContent || "").trim().slice(0, 60));
  const body = getComputedStyle(document.body).direction;
  const blocks = [...document.querySelectorAll("main h1, main h2, main h3, main p, main li")];
  const result = {
    width,
    scroll_width: document.documentElement.scrollWidth,
    charts: svgs.length,
    drawn: svgs.filter(s => {
      const r = s.getBoundingClientRect();
      return r.width > 100 && r.height > 50 && s.querySelectorAll("text").length > 0;
    }).length,
    outside,
    direction: body,
    blocks: blocks.length,
    blocks_in_direction: blocks.filter(e => getComputedStyle(e).direction === body).length,
    fonts: [...document.fonts].filter(f => f.status === "loaded").map(f => f.family),
  };
  parent.postMessage(JSON.stringify(result), "*");
})();
</script>
"#;

/// The page around the checked copy: headless Chromium's window is at
/// least 500 pixels wide, so a phone's width is that of a frame. The
/// frame reports its findings by message; the page writes them into
/// `<pre id="check">` for `--dump-dom`.
const FRAME: &str = r#"<!DOCTYPE html>
<html><body style="margin:0">
<iframe src="PAGE" style="width:WIDTHpx;height:900px;border:0"></iframe>
<script>
addEventListener("message", e => {
  const pre = document.createElement("pre");
  pre.id = "check";
  pre.textContent = e.data;
  document.body.appendChild(pre);
});
</script>
</body></html>
"#;

/// The browser, or `None` (with a note) where it is not installed
/// outside CI.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium").arg("--version").output().is_ok();
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install chromium (apt-get install chromium) for the report pages' test"
        );
        eprintln!("chromium is not installed: the report pages were not opened in a browser");
        return None;
    }
    Some("chromium")
}

/// What [`CHECK`] found on `page` in a window `width` pixels wide.
fn measure(browser: &str, page: &Path, width: u32, profile: &Path) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    let checked = page.with_extension("check.html");
    std::fs::write(
        &checked,
        html.replace("</body>", &format!("{CHECK}</body>")),
    )
    .unwrap();
    let frame = page.with_extension(format!("frame-{width}.html"));
    let name = checked.file_name().unwrap().to_str().unwrap();
    std::fs::write(
        &frame,
        FRAME
            .replace("PAGE", name)
            .replace("WIDTH", &width.to_string()),
    )
    .unwrap();
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--virtual-time-budget=20000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--window-size=1400,900")
        .arg("--dump-dom")
        .arg(format!("file://{}", frame.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let json = dom
        .split_once("<pre id=\"check\">")
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(json, _)| {
            json.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        })
        .unwrap_or_else(|| {
            panic!(
                "{} at {width}px: the page did not report; chromium said {}",
                page.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        });
    serde_json::from_str(&json).unwrap()
}

/// Runs `spec` (with SVG charts only: the pages do not show the PNGs) and
/// checks each page at a desktop and a phone width.
fn pages_read_well(spec: &str, languages: &[&str], charts_per_page: u64) {
    let Some(browser) = chromium() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::util::in_package(spec)).unwrap();
    let quick = dir.path().join("study.toml");
    std::fs::write(
        &quick,
        text.replace("formats = [\"svg\", \"png\"]", "formats = [\"svg\"]"),
    )
    .unwrap();
    let out = dir.path().join("run");
    must_succeed(&[
        "run",
        quick.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    let profile = dir.path().join("profile");
    for lang in languages {
        let page = out.join(format!("report.{lang}.html"));
        for width in [1366, 390] {
            let found = measure(browser, &page, width, &profile);
            let at = format!("{} at {width}px: {found}", page.display());
            assert_eq!(found["charts"], charts_per_page, "{at}");
            assert_eq!(
                found["drawn"], charts_per_page,
                "every chart rendered: {at}"
            );
            assert!(
                found["scroll_width"].as_u64() <= found["width"].as_u64(),
                "the page scrolls sideways: {at}"
            );
            assert_eq!(found["outside"], serde_json::json!([]), "{at}");
            let rtl = *lang == "ar";
            assert_eq!(found["direction"], if rtl { "rtl" } else { "ltr" }, "{at}");
            assert!(found["blocks"].as_u64() > Some(20), "{at}");
            assert_eq!(
                found["blocks_in_direction"], found["blocks"],
                "every heading, paragraph and item runs in the page's direction: {at}"
            );
            let fonts = found["fonts"].to_string();
            assert!(fonts.contains("Noto Sans"), "{at}");
            if rtl {
                assert!(fonts.contains("Noto Sans Arabic"), "{at}");
            }
        }
    }
}

#[test]
fn the_default_studys_pages_read_well_on_a_desktop_and_a_phone() {
    pages_read_well("studies/alaska-2025.toml", &["en", "ar", "ru"], 7);
}

#[test]
fn the_great_power_studys_pages_read_well_on_a_desktop_and_a_phone() {
    pages_read_well(
        "studies/great-power-summits-2025.toml",
        &["en", "ar", "ru"],
        5,
    );
}
