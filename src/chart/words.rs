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
    (
        "timeline_title",
        "Summits over time",
        "القمم عبر الزمن",
        "Хронология саммитов",
    ),
    (
        "outcomes_title",
        "What summits produced",
        "ما أسفرت عنه القمم",
        "Итоги саммитов",
    ),
    (
        "delegations_title",
        "Delegations by portfolio",
        "تركيبة الوفود بحسب الحقائب",
        "Делегации по направлениям",
    ),
    (
        "decades_title",
        "Summits per decade",
        "عدد القمم في كل عقد",
        "Саммиты по десятилетиям",
    ),
    (
        "rate_title",
        "Share of summits with a joint statement",
        "نسبة القمم التي صدر عنها بيان مشترك",
        "Доля саммитов с совместным заявлением",
    ),
    ("decade", "Decade", "العقد", "Десятилетие"),
    (
        "visits_title",
        "Leaders' visits per decade, in each direction",
        "زيارات القادة بين البلدين في كل عقد",
        "Взаимные визиты лидеров по десятилетиям",
    ),
    ("visits", "Visits", "الزيارات", "Визиты"),
    ("summits", "Summits", "القمم", "Саммиты"),
    (
        "people",
        "People named",
        "الأشخاص المذكورون",
        "Названные участники",
    ),
    (
        "share",
        "Share of coded summits",
        "النسبة من القمم المرمّزة",
        "Доля закодированных саммитов",
    ),
    ("year", "Year", "السنة", "Год"),
    ("yes", "yes", "نعم", "да"),
    ("no", "no", "لا", "нет"),
    ("unknown", "unknown", "غير معروف", "неизвестно"),
    (
        "joint_statement",
        "Joint statement",
        "بيان مشترك",
        "Совместное заявление",
    ),
    (
        "joint_press_conference",
        "Joint press conference",
        "مؤتمر صحفي مشترك",
        "Совместная пресс-конференция",
    ),
    (
        "press_questions_taken",
        "Questions taken",
        "أسئلة الصحفيين",
        "Вопросы прессы",
    ),
    (
        "agreements_signed",
        "Agreements signed",
        "اتفاقات موقعة",
        "Подписанные соглашения",
    ),
    (
        "follow_up_agreed",
        "Follow-up agreed",
        "متابعة متفق عليها",
        "Договорённость о продолжении",
    ),
    ("bilateral", "bilateral", "ثنائية", "двусторонний"),
    ("sideline", "on the sidelines", "على الهامش", "на полях"),
    (
        "multilateral",
        "multilateral",
        "متعددة الأطراف",
        "многосторонний",
    ),
    ("leader", "leaders", "القادة", "лидеры"),
    ("foreign", "foreign", "الخارجية", "внешняя политика"),
    ("security", "security", "الأمن", "безопасность"),
    ("economic", "economic", "الاقتصاد", "экономика"),
    (
        "interpreting",
        "interpreters, note-takers",
        "المترجمون وكتبة المحاضر",
        "переводчики, протокол",
    ),
    ("other", "other", "أخرى", "другое"),
    (
        "era_ww2",
        "Second World War",
        "الحرب العالمية الثانية",
        "Вторая мировая война",
    ),
    (
        "era_cold_war",
        "Cold War",
        "الحرب الباردة",
        "холодная война",
    ),
];

/// The word for `key` in `lang`; the key itself if the table lacks it (a
/// test keeps the table complete for every key used).
pub fn word(key: &str, lang: Lang) -> &str {
    crate::text::pick(WORDS, key, lang)
}

/// A decade's label: `1980s`, `1980-е`, and in Arabic the bare year.
pub fn decade(start: i64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{start}s"),
        Lang::Ru => format!("{start}-е"),
        Lang::Ar => start.to_string(),
    }
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

/// A direction of travel between two countries, as a legend names it:
/// "From Russia to the United States", «Из России в США», «من روسيا إلى
/// الولايات المتحدة». Russian takes its case forms from
/// [`crate::text::ru_country`].
pub fn direction(from: &str, to: &str, lang: Lang) -> String {
    let name = |code: &str| {
        crate::model::country(code).map_or_else(|| code.to_owned(), |c| c.name(lang).to_owned())
    };
    match lang {
        Lang::En => format!(
            "From {} to {}",
            crate::model::in_sentence(from),
            crate::model::in_sentence(to)
        ),
        Lang::Ar => format!("من {} إلى {}", name(from), name(to)),
        Lang::Ru => {
            use crate::text::{RuCase, ru_country};
            let from = ru_country(from, RuCase::Genitive);
            format!("Из {from} {}", ru_country(to, RuCase::Into))
        }
    }
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
        assert_eq!(decade(1980, Lang::Ru), "1980-е");
        assert_eq!(direction("RUS", "USA", Lang::Ru), "Из России в США");
        assert_eq!(direction("USA", "FRA", Lang::Ru), "Из США во Францию");
        assert_eq!(direction("USA", "BRA", Lang::Ru), "Из США в Бразилию");
        assert_eq!(
            direction("USA", "ZMB", Lang::Ru),
            "Из США в страну «Замбия»"
        );
        assert_eq!(
            direction("RUS", "USA", Lang::En),
            "From Russia to the United States"
        );
        assert_eq!(
            direction("USA", "RUS", Lang::Ar),
            "من الولايات المتحدة إلى روسيا"
        );
    }
}
