//! The few interface words charts use, in English, Arabic and Russian.
//! Country names come from the country table, summit names from the data.

use crate::model::Lang;

/// (key, English, Arabic, Russian).
const WORDS: &[(&str, &str, &str, &str)] = &[
    ("days", "Days", "أيام", "Дни"),
    (
        "gaps_title",
        "Days since the previous summit",
        "الأيام منذ القمة السابقة",
        "Дней с предыдущего саммита",
    ),
    ("median", "median", "الوسيط", "медиана"),
    ("source", "Source", "المصدر", "Источник"),
    ("summit", "Summit", "القمة", "Саммит"),
    (
        "longest_since",
        "longest since",
        "الأطول منذ",
        "самый долгий с",
    ),
    (
        "longest_ever",
        "the longest on record",
        "الأطول على الإطلاق",
        "самый долгий за всю историю",
    ),
    ("days_unit", "days", "يومًا", "дн."),
];

/// The word for `key` in `lang`; the key itself if the table lacks it (a
/// test keeps the table complete for every key used).
pub fn word(key: &str, lang: Lang) -> &str {
    WORDS
        .iter()
        .find(|(k, ..)| *k == key)
        .map_or(key, |(_, en, ar, ru)| match lang {
            Lang::En => en,
            Lang::Ar => ar,
            Lang::Ru => ru,
        })
}

/// A dyad's name in `lang`: its two countries' names joined by a dash,
/// e.g. `Russia–United States`.
pub fn dyad_name(dyad: &str, lang: Lang) -> String {
    let dash = if lang == Lang::Ar { " - " } else { "–" };
    dyad.split('-')
        .map(|code| crate::model::country(code).map_or(code, |c| c.name(lang)))
        .collect::<Vec<_>>()
        .join(dash)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_exists_in_every_language() {
        for (key, en, ar, ru) in WORDS {
            assert!(!en.is_empty() && !ar.is_empty() && !ru.is_empty(), "{key}");
        }
        assert_eq!(word("median", Lang::Ru), "медиана");
        assert_eq!(dyad_name("RUS-USA", Lang::Ar), "روسيا - الولايات المتحدة");
        assert_eq!(dyad_name("RUS-USA", Lang::En), "Russia–United States");
    }
}
