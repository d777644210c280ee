//! `summitry cite` and `CITATION.cff` say the same thing.

use crate::util::{in_package, must_fail, must_succeed};

#[test]
fn cite_prints_the_citation_and_a_summits_sources() {
    let out = must_succeed(&["cite", "2025-anchorage"]);
    let version = env!("CARGO_PKG_VERSION");
    assert!(
        out.stdout.starts_with(&format!(
            "Cite summitry as:\n\nThe summitry developers (2026). summitry: curated collections and a toolkit for the comparative analysis of summit diplomacy. Version {version}, data read to 2026-12-05. Licence: code MIT OR Apache-2.0; curated data CC BY 4.0.\n"
        )),
        "{}",
        out.stdout
    );
    out.stdout_contains(&format!("@software{{summitry_{},", version.replace('.', "_")))
        .stdout_contains("  year    = {2026},\n")
        .stdout_contains(
            "\nAnchorage Summit (Anchorage, 15 August 2025; summitry record 2025-anchorage).",
        )
        .stdout_contains("  - TASS, \"Putin and Trump made statements without taking questions\", https://tass.com/politics/2003213 (news), read 2026-11-24\n");
}

/// A summit's primary sources (official and archive) come first, each
/// with the side whose government published it.
#[test]
fn primary_sources_come_first() {
    let out = must_succeed(&["cite", "2010-prague"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("Prague Summit (New START signing) (Prague, 8 April 2010;"))
        .unwrap();
    let sources = &lines[at + 1..];
    let first_news = sources.iter().position(|l| l.contains(" (news)")).unwrap();
    assert!(
        sources[..first_news]
            .iter()
            .all(|l| l.contains(" (official") || l.contains(" (archive"))
    );
    assert!(
        sources[first_news..]
            .iter()
            .all(|l| !l.contains(" (official") && !l.contains(" (archive"))
    );
    assert!(out.stdout.contains("http://en.special.kremlin.ru/catalog/keywords/82/events/7396 (official, RUS), read 2026-12-04"));
}

#[test]
fn an_unknown_summit_prints_no_citation() {
    let out = must_fail(1, &["cite", "2025-anchorage", "1900-nowhere"]);
    assert_eq!(out.stdout, "");
    out.stderr_contains("no summit \"1900-nowhere\"");
}

#[test]
fn one_form_alone() {
    let out = must_succeed(&["cite", "--only", "bibtex"]);
    assert!(
        out.stdout.starts_with("@software{summitry_"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.ends_with("}\n"));
    let out = must_succeed(&["cite", "--only", "text"]);
    assert_eq!(out.stdout.lines().count(), 1);
}

/// CITATION.cff at the root names the same work, authors and version as
/// the command, and the same licences.
#[test]
fn citation_cff_agrees_with_the_command() {
    let cff = std::fs::read_to_string(in_package("CITATION.cff")).unwrap();
    assert!(cff.contains(&format!("title: \"{}\"\n", summitry::cite::TITLE)));
    assert!(cff.contains(&format!("  - name: \"{}\"\n", summitry::cite::AUTHOR)));
    assert!(cff.contains(&format!("version: \"{}\"\n", env!("CARGO_PKG_VERSION"))));
    assert!(cff.contains("license:\n  - MIT\n  - Apache-2.0\n"));
    assert!(cff.contains("    license: CC-BY-4.0\n"));
    assert_eq!(summitry::cite::CODE_LICENCE, env!("CARGO_PKG_LICENSE"));
}
