//! The curated collections: their size is pinned, and every summit meets
//! the sourcing and coding rules of the codebook.

use std::collections::{BTreeMap, BTreeSet};

use summitry::load::{self, Table};
use summitry::model::continuing_state;

use crate::util::text;

#[test]
fn collection_sizes_are_pinned() {
    let data = load::default_data().unwrap();
    let sizes: BTreeMap<String, (usize, usize)> = data
        .members()
        .iter()
        .map(|m| {
            let frames = data.member_frames(m);
            (
                m.name.clone(),
                (
                    frames[&Table::Summits].height(),
                    frames[&Table::Visits].height(),
                ),
            )
        })
        .collect();
    // (summits, visits)
    let expected: BTreeMap<String, (usize, usize)> = [
        ("china-russia", (77, 0)),
        ("context", (0, 0)),
        ("inter-korean", (5, 0)),
        ("us-china", (60, 0)),
        ("us-dprk", (3, 0)),
        ("us-official-visits", (0, 4093)),
        ("us-russia", (96, 0)),
        ("us-ukraine", (39, 0)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect();
    assert_eq!(sizes, expected);
}

#[test]
fn every_summit_is_sourced_coded_and_has_both_principals() {
    let data = load::default_data().unwrap();
    let summits = data.summits();
    let ids = text(summits, "summit_id");
    let side_a = text(summits, "side_a");
    let side_b = text(summits, "side_b");
    let names_ar = text(summits, "name_ar");
    let names_ru = text(summits, "name_ru");
    // Bali 2022 has no coordinates: the only source found for Nusa Dua's
    // was an AI-generated encyclopedia, which the codebook does not accept,
    // and the gazetteer's point for Bali is Denpasar, not the venue.
    let latitudes: Vec<Option<f64>> = summits
        .column("latitude")
        .unwrap()
        .f64()
        .unwrap()
        .iter()
        .collect();
    let years: Vec<i32> = summits
        .column("start_date")
        .unwrap()
        .as_materialized_series()
        .date()
        .unwrap()
        .as_date_iter()
        .map(|d| chrono::Datelike::year(&d.unwrap()))
        .collect();

    let mut sources: BTreeMap<String, usize> = BTreeMap::new();
    for id in text(data.sources(), "summit_id").into_iter().flatten() {
        *sources.entry(id).or_default() += 1;
    }
    let outcomes: BTreeSet<String> = text(data.outcomes(), "summit_id")
        .into_iter()
        .flatten()
        .collect();
    let context: BTreeSet<String> = text(data.context(), "summit_id")
        .into_iter()
        .flatten()
        .collect();
    let participants = data.participants();
    let mut principals: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ((id, country), level) in text(participants, "summit_id")
        .into_iter()
        .zip(text(participants, "country"))
        .zip(text(participants, "level"))
    {
        if level.as_deref() == Some("principal") {
            principals
                .entry(id.unwrap())
                .or_default()
                .insert(continuing_state(&country.unwrap()).to_owned());
        }
    }

    let mut problems = Vec::new();
    for i in 0..ids.len() {
        let id = ids[i].clone().unwrap();
        let need = if years[i] >= 2000 { 2 } else { 1 };
        let have = sources.get(&id).copied().unwrap_or(0);
        if have < need {
            problems.push(format!("{id}: {have} sources, {need} needed"));
        }
        if !outcomes.contains(&id) {
            problems.push(format!("{id}: no outcome row"));
        }
        if !context.contains(&id) {
            problems.push(format!("{id}: no context row"));
        }
        let sides: BTreeSet<String> = [&side_a[i], &side_b[i]]
            .into_iter()
            .map(|s| continuing_state(s.as_deref().unwrap()).to_owned())
            .collect();
        if principals.get(&id) != Some(&sides) {
            problems.push(format!(
                "{id}: principals {:?}, sides {sides:?}",
                principals.get(&id)
            ));
        }
        if id == "2022-bali" && latitudes[i].is_some() {
            problems.push(format!("{id}: coordinates without an acceptable source"));
        }
        if names_ar[i].is_none() || names_ru[i].is_none() {
            problems.push(format!("{id}: no Arabic or Russian name"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Coordinates come from one gazetteer, Natural Earth, for every place
    // it holds; where it holds none, from one encyclopedia page; the rest
    // are empty (see the codebook).
    let placed = latitudes.iter().flatten().count();
    assert_eq!(placed, 249, "summits with coordinates");
    let mut gazetteer: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for ((id, title), publisher) in text(data.sources(), "summit_id")
        .into_iter()
        .zip(text(data.sources(), "title"))
        .zip(text(data.sources(), "publisher"))
    {
        if title
            .as_deref()
            .is_some_and(|t| t.ends_with("(coordinates)"))
        {
            gazetteer
                .entry(id.unwrap())
                .or_default()
                .push(publisher.unwrap());
        }
    }
    let mut by_publisher: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, latitude) in latitudes.iter().enumerate() {
        let id = ids[i].as_deref().unwrap();
        let cited = gazetteer.get(id).map(Vec::as_slice).unwrap_or_default();
        match (latitude, cited) {
            (Some(_), [one]) => *by_publisher.entry(one.as_str()).or_default() += 1,
            (None, []) => {}
            _ => panic!("{id}: coordinates {latitude:?} with coordinate sources {cited:?}"),
        }
    }
    assert_eq!(by_publisher.get("Natural Earth"), Some(&247));
}

#[test]
fn anchorage_shows_the_three_on_three_and_economic_officials_on_both_sides() {
    let data = load::default_data().unwrap();
    let record = data.record("2025-anchorage").unwrap();
    let restricted: BTreeSet<&str> = record
        .participants
        .iter()
        .filter(|p| {
            matches!(
                p.level,
                Some(summitry::model::Level::Restricted | summitry::model::Level::Principal)
            )
        })
        .map(|p| p.person_id.as_str())
        .collect();
    let expected: BTreeSet<&str> = [
        "trump-donald",
        "rubio-marco",
        "witkoff-steve",
        "putin-vladimir",
        "lavrov-sergey",
        "ushakov-yuri",
    ]
    .into_iter()
    .collect();
    assert_eq!(restricted, expected);
    let economic: BTreeSet<&str> = record
        .participants
        .iter()
        .filter(|p| p.portfolio == summitry::model::Portfolio::Economic)
        .map(|p| p.country.as_str())
        .collect();
    assert_eq!(economic, ["RUS", "USA"].into_iter().collect());
    let outcome = record.outcome.unwrap();
    assert_eq!(outcome.joint_statement, Some(false));
    assert_eq!(outcome.press_questions_taken, Some(false));
    let context = record.context.unwrap();
    assert_eq!(context.absent_stakeholders.as_deref(), Some("UKR;EU"));
}

/// The tables context is computed from: their size is pinned (and shown
/// in the codebook), every row cites a page of a known tier and the day
/// it was read, a conflict's rows agree on its name and intensity, and
/// every state of the shipped summits is covered.
#[test]
fn context_tables_are_sourced_and_cover_the_shipped_states() {
    let data = load::default_data().unwrap();
    let codebook =
        std::fs::read_to_string(crate::util::in_package("datasets/CODEBOOK.md")).unwrap();
    let sizes = Table::CONTEXT_FACTS.map(|t| data.frame(t).height());
    assert_eq!(sizes, [38, 24, 12]);
    let row = format!("| `context` | {} | {} | {} |", sizes[0], sizes[1], sizes[2]);
    assert!(codebook.contains(&row), "CODEBOOK.md lacks {row}");
    for table in Table::CONTEXT_FACTS {
        let frame = data.frame(table);
        for column in ["source_url", "tier", "accessed", "publisher"] {
            assert_eq!(
                frame.column(column).unwrap().null_count(),
                0,
                "{}: a row has no {column}",
                table.file_name()
            );
        }
        for tier in text(frame, "tier").into_iter().flatten() {
            assert_ne!(
                tier,
                "other",
                "{}: a source of tier other",
                table.file_name()
            );
        }
    }
    let conflicts = data.frame(Table::Conflicts);
    let mut named: BTreeMap<String, (String, String)> = BTreeMap::new();
    for ((id, name), intensity) in text(conflicts, "conflict_id")
        .into_iter()
        .zip(text(conflicts, "conflict"))
        .zip(text(conflicts, "intensity"))
    {
        let (id, facts) = (id.unwrap(), (name.unwrap(), intensity.unwrap()));
        let first = named.entry(id.clone()).or_insert_with(|| facts.clone());
        assert_eq!(*first, facts, "the rows of conflict {id} disagree");
    }
    let states = |frame: &polars::prelude::DataFrame, columns: &[&str]| -> BTreeSet<String> {
        columns
            .iter()
            .flat_map(|c| text(frame, c))
            .flatten()
            .map(|code| continuing_state(&code).to_owned())
            .collect()
    };
    let summits = states(data.summits(), &["side_a", "side_b"]);
    let at_war = states(conflicts, &["country"]);
    let sanctioned = states(data.frame(Table::Sanctions), &["imposer", "target"]);
    // States of the collections that imposed no sanctions regime on their
    // counterparts, nor suffered one from them, as the codebook says.
    const NO_SANCTIONS: &[&str] = &["UKR"];
    for state in &summits {
        assert!(at_war.contains(state), "no conflict row for {state}");
        assert_eq!(
            sanctioned.contains(state),
            !NO_SANCTIONS.contains(&state.as_str()),
            "sanctions rows for {state}"
        );
    }
}

/// The context is computed for every shipped summit, by one rule: US wars
/// are not wars between the United States and China, and each flag names
/// what makes it true.
#[test]
fn context_is_computed_for_every_summit_and_names_what_it_finds() {
    let data = load::default_data().unwrap();
    let facts = summitry::analysis::facts(&data).unwrap();
    for flag in [
        "conflict_between",
        "sanctions_between",
        "warrant_against_participant",
    ] {
        assert_eq!(facts.column(flag).unwrap().null_count(), 0, "{flag}");
    }
    let ids = text(&facts, "summit_id");
    let dyads = text(&facts, "dyad");
    let starts = text(&facts, "start_date");
    let between = facts
        .column("conflict_between")
        .unwrap()
        .bool()
        .unwrap()
        .clone();
    let wars_a = text(&facts, "wars_side_a");
    let wars_b = text(&facts, "wars_side_b");
    let sides_a = text(&facts, "side_a");
    let mut afghan = 0;
    for i in 0..facts.height() {
        let start = starts[i].clone().unwrap();
        if dyads[i].as_deref() != Some("CHN-USA") {
            continue;
        }
        assert_eq!(between.get(i), Some(false), "{:?}", ids[i]);
        let us_wars = match sides_a[i].as_deref() {
            Some("USA") => &wars_a[i],
            _ => &wars_b[i],
        };
        if ("2001-10-07".."2021-08-31").contains(&start.as_str()) {
            assert!(
                us_wars
                    .as_deref()
                    .unwrap_or("")
                    .contains("War in Afghanistan"),
                "{:?}: {us_wars:?}",
                ids[i]
            );
            afghan += 1;
        }
    }
    assert_eq!(afghan, 40);
    let at = |id: &str, column: &str| -> Option<String> {
        let i = ids.iter().position(|x| x.as_deref() == Some(id)).unwrap();
        text(&facts, column)[i].clone()
    };
    assert!(
        at("2025-anchorage", "warrants").unwrap().contains(
            "International Criminal Court arrest warrant for Vladimir Putin (2023-03-17)"
        )
    );
    assert_eq!(
        at("1972-beijing", "sanctions").as_deref(),
        Some("US freeze of the People's Republic of China's assets")
    );
    assert_eq!(at("1945-yalta", "sanctions"), None);
    // The People's Republic was still fighting the Nationalists for the
    // offshore islands while Mao was in Moscow (October 1949 to May 1950).
    assert_eq!(
        at("1949-moscow", "wars_side_a").as_deref(),
        Some("Chinese Civil War: battles for the offshore islands")
    );
    // Russia has had most-favoured-nation treatment since June 1992, so a
    // Clinton–Yeltsin summit of 1993 was held under no sanctions regime.
    assert_eq!(at("1993-vancouver", "sanctions"), None);
    // The war on Iran was under a ceasefire from 8 April 2026: the United
    // States was not at war during Trump's visit to Beijing in May.
    assert_eq!(at("2026-beijing", "wars_side_a"), None);
    assert_eq!(at("2026-beijing", "wars_side_b"), None);
    // Busan met under both sides' technology measures; China suspended
    // its ban on gallium, germanium and antimony ten days later.
    let busan = at("2025-busan", "sanctions").unwrap();
    assert!(
        busan.contains("US export controls on advanced chips"),
        "{busan}"
    );
    assert!(
        busan.contains("Chinese ban on exports of gallium"),
        "{busan}"
    );
    let beijing = at("2026-beijing", "sanctions").unwrap();
    assert!(!beijing.contains("gallium"), "{beijing}");
    // Ukraine's negotiator at Palm Beach stood indicted in Russia.
    assert!(
        at("2025-palm-beach", "warrants").unwrap().contains(
            "Russia's Prosecutor General's Office indictment of Rustem Umerov (2025-12-08)"
        )
    );
}

/// The codebook's tables of counts say what the data holds: rows of each
/// table per collection, and summits per decade.
#[test]
fn codebook_counts_match_the_data() {
    let codebook =
        std::fs::read_to_string(crate::util::in_package("datasets/CODEBOOK.md")).unwrap();
    let data = load::default_data().unwrap();
    for member in data.members() {
        let frames = data.member_frames(member);
        if member.holds(Table::Visits) {
            let visits = &frames[&Table::Visits];
            let ids = text(visits, "visit_id");
            let trips = ids
                .iter()
                .flatten()
                .filter(|id| id.starts_with("hs-trip-"))
                .count();
            let known = visits
                .column("person_id")
                .unwrap()
                .str()
                .unwrap()
                .iter()
                .flatten()
                .count();
            let dates: Vec<String> = text(visits, "start_date").into_iter().flatten().collect();
            let row = format!(
                "| `{}` | {} | {} | {known} | {} | {} |",
                member.name,
                visits.height() - trips,
                trips,
                dates.iter().min().unwrap(),
                dates.iter().max().unwrap()
            );
            assert!(codebook.contains(&row), "CODEBOOK.md lacks {row}");
        }
        if !member.holds(Table::Summits) {
            continue;
        }
        let mut decades: BTreeMap<i32, usize> = BTreeMap::new();
        let dates = frames[&Table::Summits]
            .column("start_date")
            .unwrap()
            .as_materialized_series()
            .date()
            .unwrap()
            .clone();
        for date in dates.as_date_iter().flatten() {
            *decades
                .entry(chrono::Datelike::year(&date) / 10 * 10)
                .or_default() += 1;
        }
        let counts = format!(
            "| `{}` | {} | {} | {} | {} |",
            member.name,
            frames[&Table::Summits].height(),
            frames[&Table::Participants].height(),
            frames[&Table::Statements].height(),
            frames[&Table::Sources].height()
        );
        assert!(codebook.contains(&counts), "CODEBOOK.md lacks {counts}");
        let mut row = format!("| `{}` |", member.name);
        for decade in (1940..=2020).step_by(10) {
            match decades.get(&decade) {
                Some(n) => row.push_str(&format!(" {n} |")),
                None => row.push_str(" |"),
            }
        }
        assert!(codebook.contains(&row), "CODEBOOK.md lacks {row}");
    }
}

/// The codebook's "Quality in numbers" table is what `audit --quality`
/// computes from the shipped data, row for row.
#[test]
fn codebook_quality_table_matches_the_data() {
    let codebook =
        std::fs::read_to_string(crate::util::in_package("datasets/CODEBOOK.md")).unwrap();
    let data = load::default_data().unwrap();
    let table = summitry::analysis::quality::quality(&data).unwrap();
    assert!(table.height() > 10);
    for i in 0..table.height() {
        let cells: Vec<String> = table
            .columns()
            .iter()
            .map(|c| summitry::export::cell_text(&c.get(i).unwrap()))
            .collect();
        let row = format!("| `{}` | {} |", cells[0], cells[1..].join(" | "));
        assert!(codebook.contains(&row), "CODEBOOK.md lacks {row}");
    }
}

/// Every empty `joint_statement` and `agreements_signed`, and every side
/// of a bilateral summit with no one named beyond its leader, has its row
/// in `unsettled.csv` saying what was read and why it did not settle the
/// value: empty means "no source settles it", never "not looked up".
#[test]
fn every_empty_value_the_coverage_targets_count_is_logged() {
    let data = load::default_data().unwrap();
    let log = data.unsettled();
    let logged: BTreeSet<(String, String, String)> = text(log, "summit_id")
        .into_iter()
        .zip(text(log, "field"))
        .zip(text(log, "side"))
        .map(|((id, field), side)| (id.unwrap(), field.unwrap(), side.unwrap_or_default()))
        .collect();
    let tried = text(log, "tried");
    assert!(
        tried.iter().flatten().all(|t| t.len() >= 40),
        "every row says what was tried, in a sentence"
    );
    let outcomes = data.outcomes();
    let mut missing = Vec::new();
    for field in ["joint_statement", "agreements_signed"] {
        let values = outcomes.column(field).unwrap();
        for (id, i) in text(outcomes, "summit_id").into_iter().zip(0..) {
            let id = id.unwrap();
            if values.get(i).unwrap().is_null()
                && !logged.contains(&(id.clone(), field.to_owned(), String::new()))
            {
                missing.push(format!("{id} {field}"));
            }
        }
    }
    let summits = data.summits();
    let participants = data.participants();
    let named: BTreeSet<(String, String)> = text(participants, "summit_id")
        .into_iter()
        .zip(text(participants, "country"))
        .zip(text(participants, "level"))
        .filter(|(_, level)| level.as_deref() != Some("principal"))
        .map(|((id, country), _)| (id.unwrap(), country.unwrap()))
        .collect();
    let formats = text(summits, "format");
    for (((id, a), b), format) in text(summits, "summit_id")
        .into_iter()
        .zip(text(summits, "side_a"))
        .zip(text(summits, "side_b"))
        .zip(formats)
    {
        if format.as_deref() != Some("bilateral") {
            continue;
        }
        let id = id.unwrap();
        for side in [a.unwrap(), b.unwrap()] {
            if !named.contains(&(id.clone(), side.clone()))
                && !logged.contains(&(id.clone(), "delegation".to_owned(), side.clone()))
            {
                missing.push(format!("{id} delegation {side}"));
            }
        }
    }
    assert!(missing.is_empty(), "no row in unsettled.csv: {missing:#?}");
}

/// A signed text is counted once (the codebook's rule under
/// `agreements_signed`): no agreement is a joint text `statements.csv`
/// lists for the same summit, compared on the first three words of the
/// name and the title, which is where the two spell a text alike. Names
/// titled as joint texts are refused by the validator already (rule
/// `agreement-is-joint-text`).
#[test]
fn no_signed_joint_text_is_counted_as_an_agreement() {
    fn words(name: &str) -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let data = load::default_data().unwrap();
    let statements = data.statements();
    let mut joint: BTreeMap<String, Vec<Vec<String>>> = BTreeMap::new();
    for ((id, kind), title) in text(statements, "summit_id")
        .into_iter()
        .zip(text(statements, "kind"))
        .zip(text(statements, "title"))
    {
        if matches!(
            kind.as_deref(),
            Some("joint_statement" | "joint_declaration" | "communique")
        ) {
            joint
                .entry(id.unwrap())
                .or_default()
                .push(words(&title.unwrap_or_default()));
        }
    }
    let outcomes = data.outcomes();
    let mut twice = Vec::new();
    for (id, names) in text(outcomes, "summit_id")
        .into_iter()
        .zip(text(outcomes, "agreements"))
    {
        let id = id.unwrap();
        for name in names
            .iter()
            .flat_map(|n| n.split(';'))
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            let head = words(name);
            let listed = joint.get(&id).is_some_and(|titles| {
                titles
                    .iter()
                    .any(|t| t.len() >= 3 && head.len() >= 3 && t[..3] == head[..3])
            });
            if listed {
                twice.push(format!("{id}: {name}"));
            }
        }
    }
    assert!(
        twice.is_empty(),
        "joint texts counted as agreements: {twice:#?}"
    );
}

/// No source is a copy of a Wikipedia article on another host (a mirror,
/// an offline or IPFS snapshot, a machine translation): the article
/// itself is cited. The hosts are those the collections once cited.
#[test]
fn no_source_is_a_copy_of_wikipedia_on_another_host() {
    const COPIES: &[&str] = &[
        "wikiwand.com",
        "wikimili.com",
        "piglix.com",
        "worddisk.com",
        "clateway.com",
        "richxsearch.com",
        "askwikinow.com",
        "studentb.eu",
        "know.cf",
        "wikiplanet.click",
        "knowpia.com",
        "pinocchiopedia.com",
        "av1.space",
        "kiwix.",
        "datana.cloud",
        "the-uncensored-wiki.com",
        "ipfs",
        "eth.link",
        "azureedge.net",
        "zxc.wiki",
        "qaz.wiki",
        "frwiki.wiki",
        "hmong.ovh",
        "gutenberg.org",
        "encycloreader.org",
        "everybodywiki.com",
        "kashishworld.com",
        "en-academic.com",
        "omicsgroup.org",
        "classicistranieri.com",
        "nearbywiki.org",
        "timenote.info",
    ];
    let data = load::default_data().unwrap();
    let copies: Vec<String> = text(data.sources(), "url")
        .into_iter()
        .chain(text(data.unsettled(), "lead_url"))
        .flatten()
        .filter(|url| COPIES.iter().any(|host| url.contains(host)))
        .collect();
    assert!(copies.is_empty(), "{copies:#?}");
}

/// No source, statement link or row of a table of facts is on a host that
/// republishes others' work (a document-sharing site, a reprint or press
/// aggregator, a proxy, a blog platform, a question-and-answer site) or on
/// a content farm, nor on a gateway or delivery host standing for the
/// publisher's own address: the original publisher's page is cited. The
/// hosts are those the collections once cited, each replaced by the
/// original or dropped in December 2026.
#[test]
fn no_source_is_on_a_host_that_copies_others() {
    const HOSTS: &[&str] = &[
        "fdocuments.",
        "docslib.org",
        "fidonet.itu.se",
        "highergroundtimes.com",
        "hvk.org",
        "kion546.com",
        "kvia.com",
        "newson6.com",
        "oananews.org",
        "usubc.org",
        "usukrainianrelations.org",
        "catch4all.com",
        // Transcriptions of texts: cite the publisher's or an archive's page.
        "wikisource.org",
        "antikor.info",
        "kvsp.com",
        "lfwp.net",
        "yalibnan.com",
        "newssniffer.co.uk",
        "persona.rin.ru",
        "at0086.com",
        "yuzhongnet.com",
        "softbeam.net",
        "scoop.co.nz",
        "whitehousepressbriefings.com",
        "hotbot.com",
        "activistpost.com",
        "world-defense.com",
        "topnews.in",
        "vigile.quebec",
        "noticiabrasil.net.br",
        "jawawa.id",
        "eastidahonews.com",
        "supers.ng",
        "magazine.lk",
        "moskow-city.com",
        "polit.info",
        "padutip.com",
        "masress.com",
        "minplusnews.com",
        "istanbulpost.com.tr",
        "londonlovesbusiness.com",
        "russianreport.wordpress.com",
        "blogspot.com",
        "dzen.ru",
        "baghdad24.news",
        "chinahush.com",
        "russia-ic.com",
        "questia.com",
        "larouchepub.com",
        "chinaculture.org",
        "kinaforum.com",
        "originalsources.com",
        "mapsofworld.com",
        "mheducation.com",
        "country-data.com",
        "everycrsreport.com",
        "staging.cambridgecore.org",
        "alekbo.com",
        "timeghost.tv",
        "dtrumpreport.com",
        "formacion-profesional-a-distancia.com",
        "ipmall.info",
        "pastdaily.com",
        "primidi.com",
        "retronewser.com",
        "debello.ca",
        "ceasefire.ca",
        "enotes.com",
        "museumsportal-berlin.de",
        "culturenow.org",
        "daily8.com",
        "asb-media.info",
        "americanmilitarynews.com",
        // A party's press-clipping archive reprinting newspaper stories.
        "radicali.it",
        // A private copy of the State Department's Washington File.
        "usinfo.org/",
        // A learning-English site copying Voice of America stories.
        "51voa.com",
        // A publisher's own gateways and delivery hosts: its canonical
        // address is cited instead.
        "/gate/big5/",
        "cdn.arcpublishing.com",
        "covid-19.chinadaily.com.cn",
        "pangea-cms.com",
        "x-craft-preview=",
        // Redirectors and the bare root of an archive are no page of a
        // source.
        "?tourl=",
    ];
    let data = load::default_data().unwrap();
    let mut links: Vec<String> = text(data.sources(), "url").into_iter().flatten().collect();
    links.extend(text(data.statements(), "source_url").into_iter().flatten());
    links.extend(text(data.unsettled(), "lead_url").into_iter().flatten());
    for table in Table::CONTEXT_FACTS {
        for column in ["source_url", "end_source_url"] {
            links.extend(text(data.frame(table), column).into_iter().flatten());
        }
    }
    let copies: Vec<&String> = links
        .iter()
        .filter(|url| HOSTS.iter().any(|host| url.contains(host)))
        .collect();
    assert!(copies.is_empty(), "{copies:#?}");
    // A site's home page is no source of a fact: every link names a page.
    let roots: Vec<&String> = links
        .iter()
        .filter(|url| url.splitn(4, '/').nth(3).is_none_or(str::is_empty))
        .collect();
    assert!(roots.is_empty(), "{roots:#?}");
}

/// Distances are measured from the gazetteer's own points: every summit
/// held in a side's capital (a summit whose host country has that capital
/// and whose city is it) sits on the capital's coordinates, so it is 0 km
/// from it, and the two never drift apart.
#[test]
fn summits_in_a_capital_sit_on_its_point() {
    let data = load::default_data().unwrap();
    let summits = data.summits();
    let floats = |name: &str| -> Vec<Option<f64>> {
        summits
            .column(name)
            .unwrap()
            .f64()
            .unwrap()
            .iter()
            .collect()
    };
    let (latitude, longitude) = (floats("latitude"), floats("longitude"));
    let cities = text(summits, "city");
    let hosts = text(summits, "host_country");
    let ids = text(summits, "summit_id");
    let mut checked = 0;
    for i in 0..ids.len() {
        let host = hosts[i].as_deref().unwrap();
        let Some(capital) = summitry::model::capital(host) else {
            continue;
        };
        let city = cities[i].as_deref().unwrap();
        // Kyiv is spelled Kiev in the summits of the 1990s, as then.
        let same = city == capital.city
            || (capital.city, city) == ("Washington, D.C.", "Washington")
            || (capital.city, city) == ("Kyiv", "Kiev");
        if same {
            assert_eq!(
                (latitude[i], longitude[i]),
                (Some(capital.latitude), Some(capital.longitude)),
                "{}",
                ids[i].as_deref().unwrap()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked} summits in a capital");
}

/// A person is one id and one name across every collection: the id is
/// stable (`ushakov-yuri` at every summit, never also `ushakov-yury`), and
/// the name is written one way, so presence counts never split a person.
#[test]
fn each_person_has_one_id_and_one_name() {
    let data = load::default_data().unwrap();
    let participants = data.participants();
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (id, name) in text(participants, "person_id")
        .into_iter()
        .zip(text(participants, "name"))
    {
        let (id, name) = (id.unwrap(), name.unwrap());
        names.entry(id.clone()).or_default().insert(name.clone());
        ids.entry(name).or_default().insert(id);
    }
    let split: Vec<_> = names.iter().filter(|(_, v)| v.len() > 1).collect();
    assert!(split.is_empty(), "ids with several names: {split:?}");
    let split: Vec<_> = ids.iter().filter(|(_, v)| v.len() > 1).collect();
    assert!(split.is_empty(), "names with several ids: {split:?}");
    assert!(names.len() > 300, "{} people", names.len());
}
