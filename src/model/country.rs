//! Countries and the organisations that can be absent from a summit's table.
//!
//! Codes are ISO 3166-1 alpha-3, plus `SUN` for the Soviet Union and a few
//! other former states. The Correlates of War project numbers the Soviet
//! Union and Russia alike (365): one state, continued. summitry follows it,
//! so a US–Soviet summit and a US–Russian summit share the dyad `RUS-USA`.

use std::fmt;

use serde::{Deserialize, Serialize};

pub use super::country_table::COUNTRIES;

/// One row of the country table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code (or `SUN`, `DDR`, `YUG`, `CSK`, `XKX`).
    pub alpha3: &'static str,
    /// Correlates of War state number, where the entity is a COW state.
    pub cow: Option<u16>,
    /// Common English name.
    pub en: &'static str,
    /// Common Arabic name.
    pub ar: &'static str,
    /// Common Russian name.
    pub ru: &'static str,
}

impl Country {
    /// The country's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Ar => self.ar,
            Lang::Ru => self.ru,
        }
    }
}

/// An organisation that can be named as an absent stakeholder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Organisation {
    /// Short code used in the data, e.g. `EU`.
    pub code: &'static str,
    /// English name.
    pub en: &'static str,
    /// Arabic name.
    pub ar: &'static str,
    /// Russian name.
    pub ru: &'static str,
}

/// The organisations known to the codebook, sorted by code.
pub const ORGANISATIONS: &[Organisation] = &[
    Organisation {
        code: "ASEAN",
        en: "Association of Southeast Asian Nations",
        ar: "رابطة دول جنوب شرق آسيا",
        ru: "АСЕАН",
    },
    Organisation {
        code: "AU",
        en: "African Union",
        ar: "الاتحاد الأفريقي",
        ru: "Африканский союз",
    },
    Organisation {
        code: "EU",
        en: "European Union",
        ar: "الاتحاد الأوروبي",
        ru: "Европейский союз",
    },
    Organisation {
        code: "IAEA",
        en: "International Atomic Energy Agency",
        ar: "الوكالة الدولية للطاقة الذرية",
        ru: "МАГАТЭ",
    },
    Organisation {
        code: "NATO",
        en: "North Atlantic Treaty Organization",
        ar: "حلف شمال الأطلسي",
        ru: "НАТО",
    },
    Organisation {
        code: "OSCE",
        en: "Organization for Security and Co-operation in Europe",
        ar: "منظمة الأمن والتعاون في أوروبا",
        ru: "ОБСЕ",
    },
    Organisation {
        code: "UN",
        en: "United Nations",
        ar: "الأمم المتحدة",
        ru: "ООН",
    },
];

/// A capital city's position, for distances from a summit's venue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Capital {
    /// The country (alpha-3 code).
    pub country: &'static str,
    /// The capital's English name.
    pub city: &'static str,
    /// Latitude in decimal degrees.
    pub latitude: f64,
    /// Longitude in decimal degrees.
    pub longitude: f64,
}

/// Capitals of the sides of the curated collections, sorted by code, as
/// the gazetteer of the collections places them (Natural Earth, Populated
/// Places 1:10m, version 4.0.0: Washington, D.C.; Moscow, also the Soviet
/// capital; Beijing; Pyongyang; Seoul; Kyiv), so that a summit in a
/// capital is 0 km from it.
pub const CAPITALS: &[Capital] = &[
    Capital {
        country: "CHN",
        city: "Beijing",
        latitude: 39.9289,
        longitude: 116.3883,
    },
    Capital {
        country: "KOR",
        city: "Seoul",
        latitude: 37.5663,
        longitude: 126.9997,
    },
    Capital {
        country: "PRK",
        city: "Pyongyang",
        latitude: 39.0194,
        longitude: 125.7547,
    },
    Capital {
        country: "RUS",
        city: "Moscow",
        latitude: 55.7522,
        longitude: 37.6155,
    },
    Capital {
        country: "SUN",
        city: "Moscow",
        latitude: 55.7522,
        longitude: 37.6155,
    },
    Capital {
        country: "UKR",
        city: "Kyiv",
        latitude: 50.4334,
        longitude: 30.5166,
    },
    Capital {
        country: "USA",
        city: "Washington, D.C.",
        latitude: 38.8995,
        longitude: -77.0094,
    },
];

/// The capital of a country, where the table has it.
pub fn capital(code: &str) -> Option<&'static Capital> {
    CAPITALS
        .binary_search_by(|c| c.country.cmp(code))
        .ok()
        .map(|i| &CAPITALS[i])
}

/// The great-circle distance in kilometres between two points given in
/// decimal degrees (haversine, mean Earth radius 6,371.0088 km).
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6_371.008_8 * h.sqrt().asin()
}

/// A language summitry writes labels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Lang {
    /// English.
    En,
    /// Arabic (written right to left).
    Ar,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order outputs list them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ar, Lang::Ru];

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Ru => "ru",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The country with this code, if the table knows it.
pub fn country(code: &str) -> Option<&'static Country> {
    COUNTRIES
        .binary_search_by(|c| c.alpha3.cmp(code))
        .ok()
        .map(|i| &COUNTRIES[i])
}

/// The organisation with this code, if the table knows it.
pub fn organisation(code: &str) -> Option<&'static Organisation> {
    ORGANISATIONS
        .binary_search_by(|o| o.code.cmp(code))
        .ok()
        .map(|i| &ORGANISATIONS[i])
}

/// A country's English name as it reads in a sentence, with `the` where
/// English puts it (`the United States`, `the Soviet Union`, `the
/// Netherlands`, `the Marshall Islands`); the code itself if the table
/// lacks it.
pub fn in_sentence(code: &str) -> String {
    let name = country(code).map_or(code, |c| c.en);
    let article = [
        "United ",
        "Soviet ",
        "Republic ",
        "Kingdom ",
        "Czech ",
        "Holy ",
    ]
    .iter()
    .any(|w| name.starts_with(w))
        || [
            "Netherlands",
            "Philippines",
            "Bahamas",
            "Gambia",
            "Maldives",
        ]
        .contains(&name)
        || name.ends_with(" Islands");
    if article {
        format!("the {name}")
    } else {
        name.to_owned()
    }
}

/// The state a country code continues as today: `SUN` (Soviet Union) is
/// continued by `RUS`; every other code stands for itself.
pub fn continuing_state(code: &str) -> &str {
    match code {
        "SUN" => "RUS",
        other => other,
    }
}

/// The dyad of two sides: each mapped to its continuing state, sorted, and
/// joined by `-`. `dyad("USA", "SUN")` is `RUS-USA`.
pub fn dyad(side_a: &str, side_b: &str) -> String {
    let a = continuing_state(side_a);
    let b = continuing_state(side_b);
    let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
    format!("{lo}-{hi}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_unique_so_binary_search_works() {
        assert!(COUNTRIES.windows(2).all(|w| w[0].alpha3 < w[1].alpha3));
        assert!(ORGANISATIONS.windows(2).all(|w| w[0].code < w[1].code));
    }

    #[test]
    fn every_country_has_three_names_and_a_three_letter_code() {
        for c in COUNTRIES {
            assert!(
                c.alpha3.len() == 3 && c.alpha3.bytes().all(|b| b.is_ascii_uppercase()),
                "{}",
                c.alpha3
            );
            assert!(
                !c.en.is_empty() && !c.ar.is_empty() && !c.ru.is_empty(),
                "{}",
                c.alpha3
            );
        }
    }

    #[test]
    fn soviet_union_and_russia_share_a_cow_number_and_a_dyad() {
        assert_eq!(country("SUN").unwrap().cow, Some(365));
        assert_eq!(country("RUS").unwrap().cow, Some(365));
        assert_eq!(dyad("USA", "SUN"), "RUS-USA");
        assert_eq!(dyad("RUS", "USA"), "RUS-USA");
        assert_eq!(dyad("USA", "CHN"), "CHN-USA");
    }

    #[test]
    fn distances_match_known_great_circles() {
        // Moscow to Washington is about 7,820 km.
        let moscow = capital("RUS").unwrap();
        let washington = capital("USA").unwrap();
        let d = distance_km(
            moscow.latitude,
            moscow.longitude,
            washington.latitude,
            washington.longitude,
        );
        assert!((d - 7_820.0).abs() < 30.0, "{d}");
        assert_eq!(distance_km(10.0, 20.0, 10.0, 20.0), 0.0);
        assert!(CAPITALS.windows(2).all(|w| w[0].country < w[1].country));
    }

    #[test]
    fn names_in_sentences_take_the_article_english_gives_them() {
        assert_eq!(in_sentence("USA"), "the United States");
        assert_eq!(in_sentence("SUN"), "the Soviet Union");
        assert_eq!(in_sentence("RUS"), "Russia");
        assert_eq!(in_sentence("XYZ"), "XYZ");
    }

    #[test]
    fn lookups_find_known_codes_and_reject_unknown_ones() {
        assert_eq!(country("USA").unwrap().cow, Some(2));
        assert_eq!(country("PRK").unwrap().en, "North Korea");
        assert!(country("XYZ").is_none());
        assert!(country("usa").is_none());
        assert_eq!(organisation("EU").unwrap().ru, "Европейский союз");
        assert!(organisation("XX").is_none());
    }
}
