//! The small tables that map the Office of the Historian's names to
//! summitry's: its country ids to country codes, the visitors and
//! presidents the curated collections know to their `person_id`, and the
//! titles a visitor's name may start with. Each entry was read off the
//! records themselves (`../shared/historyatstate/`, snapshots of June and
//! July 2026); a name not listed here keeps a null id, never a guess.

/// The history.state.gov country ids whose English name is not the
/// country table's (ids whose words are the table's English name, such as
/// `united-kingdom`, need no entry), with the code they stand for.
/// `russia` is not here: the records use it for the Soviet Union and for
/// Russia alike, and [`country_code`] tells them apart by date.
const COUNTRY_IDS: &[(&str, &str)] = &[
    ("antigua-barbuda", "ATG"),
    ("bosnia-herzegovina", "BIH"),
    ("burma", "MMR"),
    ("congo-democratic-republic", "COD"),
    ("congo-republic", "COG"),
    ("cote-divoire", "CIV"),
    ("czech-republic", "CZE"),
    ("german-democratic-republic", "DDR"),
    ("guinea-bissau", "GNB"),
    ("holy-see", "VAT"),
    ("korea", "KOR"),
    ("korea-south", "KOR"),
    ("macedonia", "MKD"),
    ("palestinian-authority", "PSE"),
    ("saint-kitts-nevis", "KNA"),
    ("saint-vincent-grenadines", "VCT"),
    ("sao-tome-and-principe", "STP"),
    ("somoa", "WSM"),
    ("swaziland", "SWZ"),
    ("timor-leste", "TLS"),
    ("turkiye", "TUR"),
    ("west-bank", "PSE"),
];

/// The last day of the Soviet Union: Gorbachev resigned on 25 December
/// 1991 and the Soviet flag came down that evening.
const LAST_SOVIET_DAY: &str = "1991-12-25";

/// The country code of a history.state.gov country id on a day
/// (`YYYY-MM-DD`), or `None` when the country table has no code for it
/// (the Kingdom of Hawaii, for one).
///
/// `russia` is the Soviet Union (`SUN`) up to its last day and Russia
/// (`RUS`) after. Other ids are read as the record names them: `germany`
/// before 1990 is the Federal Republic (`DEU`), `vietnam` before 1976 the
/// Republic of Vietnam, which the country table, like the records, does
/// not tell apart from today's Vietnam (`VNM`).
pub fn country_code(id: &str, day: &str) -> Option<&'static str> {
    if id == "russia" {
        return Some(if day <= LAST_SOVIET_DAY { "SUN" } else { "RUS" });
    }
    if let Some((_, code)) = COUNTRY_IDS.iter().find(|(k, _)| *k == id) {
        return Some(code);
    }
    let words = id.replace('-', " ");
    crate::model::country::COUNTRIES
        .iter()
        .find(|c| c.en.eq_ignore_ascii_case(&words))
        .map(|c| c.alpha3)
}

/// Visitors as the records write them (spaces collapsed), with the
/// `person_id` of the curated collections: every leader of the Soviet
/// Union, Russia, China and North Korea the records list who is also in a
/// curated summit.
const VISITORS: &[(&str, &str)] = &[
    ("Chairman Aleksei N. Kosygin", "kosygin-alexei"),
    ("General Secretary Leonid I. Brezhnev", "brezhnev-leonid"),
    (
        "General Secretary Mikhail S. Gorbachev",
        "gorbachev-mikhail",
    ),
    ("Premier Khrushchev", "khrushchev-nikita"),
    ("Premier Li Peng", "li-peng"),
    ("Premier Zhao Ziyang", "zhao-ziyang"),
    ("President Boris N. Yeltsin", "yeltsin-boris"),
    ("President Dimitry A. Medvedev", "medvedev-dmitry"),
    ("President Dimitry Medvedev", "medvedev-dmitry"),
    ("President Dmitri Medvedev", "medvedev-dmitry"),
    ("President Dmitriy Medvedev", "medvedev-dmitry"),
    ("President Hu Jintao", "hu-jintao"),
    ("President Jiang Zemin", "jiang-zemin"),
    ("President Li Xiannian", "li-xiannian"),
    ("President Mikhail S. Gorbachev", "gorbachev-mikhail"),
    ("President Vladimir Putin", "putin-vladimir"),
    ("President Xi Jinping", "xi-jinping"),
    ("Prime Minister Dmitri Medvedev", "medvedev-dmitry"),
    ("Prime Minister Viktor Chernomyrdin", "chernomyrdin-viktor"),
    (
        "Prime Minister Viktor S. Chernomyrdin",
        "chernomyrdin-viktor",
    ),
    ("Vice Premier Deng Xiaoping", "deng-xiaoping"),
];

/// The `person_id` of a visitor as the record writes them, where the
/// curated collections know the person.
pub fn visitor_id(visitor: &str) -> Option<&'static str> {
    VISITORS
        .iter()
        .find(|(name, _)| *name == visitor)
        .map(|(_, id)| *id)
}

/// `presidents.xml` ids of the presidents who took part in a curated
/// summit, with their `person_id` there.
const PRESIDENTS: &[(&str, &str)] = &[
    ("biden-joseph-r", "biden-joe"),
    ("bush-george-h-w", "bush-george-hw"),
    ("bush-george-w", "bush-george-w"),
    ("carter-jimmy", "carter-jimmy"),
    ("clinton-william-j", "clinton-bill"),
    ("eisenhower-dwight-d", "eisenhower-dwight"),
    ("ford-gerald-r", "ford-gerald"),
    ("johnson-lyndon-b", "johnson-lyndon"),
    ("kennedy-john-f", "kennedy-john"),
    ("nixon-richard-m", "nixon-richard"),
    ("obama-barack", "obama-barack"),
    ("reagan-ronald", "reagan-ronald"),
    ("roosevelt-franklin-d", "roosevelt-franklin"),
    ("truman-harry-s", "truman-harry"),
    ("trump-donald-j", "trump-donald"),
];

/// The `person_id` of a president, by their `presidents.xml` id, where
/// the curated collections know them.
pub fn president_id(who: &str) -> Option<&'static str> {
    PRESIDENTS
        .iter()
        .find(|(k, _)| *k == who)
        .map(|(_, id)| *id)
}

/// The titles a visitor's name starts with in the records, the longer
/// of two that share a beginning first (`Prime Minister` before `Prime`
/// could ever match, `Crown Prince` before `Prince` would not, as titles
/// match only at the start).
const TITLES: &[&str] = &[
    "Acting President",
    "Acting Prime Minister",
    "Amir",
    "Chairman",
    "Chancellor",
    "Chief of State",
    "Crown Prince",
    "Emir",
    "Emperor",
    "First Secretary",
    "General Secretary",
    "Governor General",
    "Grand Duchess",
    "Grand Duke",
    "Head of State",
    "Interim President",
    "Interim Prime Minister",
    "King",
    "Pope",
    "Premier",
    "President",
    "Prime Minister",
    "Prince",
    "Princess",
    "Provisional President",
    "Queen",
    "Regent Prince",
    "Shah",
    "Sheikh",
    "Sultan",
    "Vice Premier",
    "Vice President",
];

/// The title a visitor's name starts with, if it is one of the records'
/// titles: the longest that matches, followed by a space.
pub fn title_of(visitor: &str) -> Option<&'static str> {
    TITLES
        .iter()
        .filter(|t| {
            visitor
                .strip_prefix(**t)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .max_by_key(|t| t.len())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russia_is_the_soviet_union_to_its_last_day() {
        assert_eq!(country_code("russia", "1991-12-25"), Some("SUN"));
        assert_eq!(country_code("russia", "1991-12-26"), Some("RUS"));
        assert_eq!(country_code("russia", "1959-09-15"), Some("SUN"));
    }

    #[test]
    fn ids_map_by_table_or_by_english_name() {
        assert_eq!(country_code("united-kingdom", "2000-01-01"), Some("GBR"));
        assert_eq!(country_code("korea-south", "2000-01-01"), Some("KOR"));
        assert_eq!(country_code("china", "1972-02-21"), Some("CHN"));
        assert_eq!(country_code("hawaii", "1874-12-12"), None);
        for (id, code) in COUNTRY_IDS {
            assert!(crate::model::country(code).is_some(), "{id} -> {code}");
        }
    }

    #[test]
    fn titles_take_the_longest_match_at_the_start_only() {
        assert_eq!(
            title_of("Prime Minister Kyriakos Mitsotakis"),
            Some("Prime Minister")
        );
        assert_eq!(title_of("Crown Prince Hussein"), Some("Crown Prince"));
        assert_eq!(
            title_of("Interim President Juan Guaidó"),
            Some("Interim President")
        );
        assert_eq!(title_of("Presidential guest"), None);
        assert_eq!(title_of("Valdas Adamkus"), None);
    }

    #[test]
    fn every_alias_names_a_person_of_the_curated_collections() {
        let data = crate::load::default_data().unwrap();
        let people = data
            .participants()
            .column("person_id")
            .unwrap()
            .str()
            .unwrap()
            .clone();
        let known: std::collections::BTreeSet<&str> = people.iter().flatten().collect();
        for (name, id) in VISITORS.iter().chain(PRESIDENTS) {
            assert!(known.contains(id), "{name} -> {id}");
        }
        assert_eq!(
            visitor_id("President Vladimir Putin"),
            Some("putin-vladimir")
        );
        assert_eq!(president_id("trump-donald-j"), Some("trump-donald"));
        assert_eq!(president_id("wilson-woodrow"), None);
    }
}
