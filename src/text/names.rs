//! Names a sentence needs beyond the country table: the principals of the
//! shipped collections as Arabic and Russian newsrooms spell them, and the
//! Russian case forms of the countries their summits were held in.

use crate::model::Lang;

/// (person_id, Arabic, Russian): every principal of the shipped
/// collections, in the spelling of the Arabic and Russian press (the
/// Russian press writes Zelensky's first name in its Russian form).
const PRINCIPALS: &[(&str, &str, &str)] = &[
    ("biden-joe", "جو بايدن", "Джо Байден"),
    ("brezhnev-leonid", "ليونيد بريجنيف", "Леонид Брежнев"),
    ("bulganin-nikolai", "نيكولاي بولغانين", "Николай Булганин"),
    ("bush-george-hw", "جورج بوش الأب", "Джордж Буш-старший"),
    ("bush-george-w", "جورج بوش الابن", "Джордж Буш-младший"),
    ("carter-jimmy", "جيمي كارتر", "Джимми Картер"),
    ("clinton-bill", "بيل كلينتون", "Билл Клинтон"),
    ("deng-xiaoping", "دنغ شياو بينغ", "Дэн Сяопин"),
    ("eisenhower-dwight", "دوايت أيزنهاور", "Дуайт Эйзенхауэр"),
    ("ford-gerald", "جيرالد فورد", "Джеральд Форд"),
    ("gorbachev-mikhail", "ميخائيل غورباتشوف", "Михаил Горбачёв"),
    ("hu-jintao", "هو جينتاو", "Ху Цзиньтао"),
    ("jiang-zemin", "جيانغ زيمين", "Цзян Цзэминь"),
    ("johnson-lyndon", "ليندون جونسون", "Линдон Джонсон"),
    ("kennedy-john", "جون كينيدي", "Джон Кеннеди"),
    ("khrushchev-nikita", "نيكيتا خروتشوف", "Никита Хрущёв"),
    ("kim-dae-jung", "كيم داي جونغ", "Ким Дэ Чжун"),
    ("kim-jong-il", "كيم جونغ إيل", "Ким Чен Ир"),
    ("kim-jong-un", "كيم جونغ أون", "Ким Чен Ын"),
    ("kosygin-alexei", "أليكسي كوسيغين", "Алексей Косыгин"),
    ("kravchuk-leonid", "ليونيد كرافتشوك", "Леонид Кравчук"),
    ("kuchma-leonid", "ليونيد كوتشما", "Леонид Кучма"),
    ("li-xiannian", "لي شيان نيان", "Ли Сяньнянь"),
    ("mao-zedong", "ماو تسي تونغ", "Мао Цзэдун"),
    ("medvedev-dmitry", "دميتري ميدفيديف", "Дмитрий Медведев"),
    ("moon-jae-in", "مون جاي إن", "Мун Чжэ Ин"),
    ("nixon-richard", "ريتشارد نيكسون", "Ричард Никсон"),
    ("obama-barack", "باراك أوباما", "Барак Обама"),
    ("poroshenko-petro", "بيترو بوروشينكو", "Пётр Порошенко"),
    ("putin-vladimir", "فلاديمير بوتين", "Владимир Путин"),
    ("reagan-ronald", "رونالد ريغان", "Рональд Рейган"),
    ("roh-moo-hyun", "روه مو هيون", "Но Му Хён"),
    ("roosevelt-franklin", "فرانكلين روزفلت", "Франклин Рузвельт"),
    ("stalin-joseph", "جوزيف ستالين", "Иосиф Сталин"),
    ("truman-harry", "هاري ترومان", "Гарри Трумэн"),
    ("trump-donald", "دونالد ترامب", "Дональд Трамп"),
    ("xi-jinping", "شي جين بينغ", "Си Цзиньпин"),
    ("yang-shangkun", "يانغ شانغكون", "Ян Шанкунь"),
    ("yanukovych-viktor", "فيكتور يانوكوفيتش", "Виктор Янукович"),
    ("yeltsin-boris", "بوريس يلتسين", "Борис Ельцин"),
    ("yushchenko-viktor", "فيكتور يوشتشينكو", "Виктор Ющенко"),
    (
        "zelensky-volodymyr",
        "فولوديمير زيلينسكي",
        "Владимир Зеленский",
    ),
];

/// A person's name in `lang`: the principals' from the table above,
/// anyone else's (and every name in English) as the data records it.
pub fn person(person_id: &str, recorded: &str, lang: Lang) -> String {
    let found = PRINCIPALS.iter().find(|(id, ..)| *id == person_id);
    match (lang, found) {
        (Lang::Ar, Some((_, ar, _))) => (*ar).to_owned(),
        (Lang::Ru, Some((_, _, ru))) => (*ru).to_owned(),
        _ => recorded.to_owned(),
    }
}

/// (code, genitive, «в» + accusative, «в» + prepositional): the Russian
/// forms of the sides of the shipped collections and of every country
/// their summits were held in (with «во» and «на» where Russian has them).
const RU_CASES: &[(&str, &str, &str, &str)] = &[
    ("ARG", "Аргентины", "в Аргентину", "в Аргентине"),
    ("AUS", "Австралии", "в Австралию", "в Австралии"),
    ("AUT", "Австрии", "в Австрию", "в Австрии"),
    ("BEL", "Бельгии", "в Бельгию", "в Бельгии"),
    ("BRA", "Бразилии", "в Бразилию", "в Бразилии"),
    ("BRN", "Брунея", "в Бруней", "в Брунее"),
    ("CAN", "Канады", "в Канаду", "в Канаде"),
    ("CHE", "Швейцарии", "в Швейцарию", "в Швейцарии"),
    ("CHL", "Чили", "в Чили", "в Чили"),
    ("CHN", "Китая", "в Китай", "в Китае"),
    ("CZE", "Чехии", "в Чехию", "в Чехии"),
    ("DEU", "Германии", "в Германию", "в Германии"),
    ("DNK", "Дании", "в Данию", "в Дании"),
    ("ESP", "Испании", "в Испанию", "в Испании"),
    ("FIN", "Финляндии", "в Финляндию", "в Финляндии"),
    ("FRA", "Франции", "во Францию", "во Франции"),
    (
        "GBR",
        "Великобритании",
        "в Великобританию",
        "в Великобритании",
    ),
    ("IDN", "Индонезии", "в Индонезию", "в Индонезии"),
    ("IND", "Индии", "в Индию", "в Индии"),
    ("IRN", "Ирана", "в Иран", "в Иране"),
    ("ISL", "Исландии", "в Исландию", "в Исландии"),
    ("ITA", "Италии", "в Италию", "в Италии"),
    ("JPN", "Японии", "в Японию", "в Японии"),
    ("KAZ", "Казахстана", "в Казахстан", "в Казахстане"),
    ("KOR", "Южной Кореи", "в Южную Корею", "в Южной Корее"),
    ("LTU", "Литвы", "в Литву", "в Литве"),
    ("MEX", "Мексики", "в Мексику", "в Мексике"),
    ("MLT", "Мальты", "на Мальту", "на Мальте"),
    ("NLD", "Нидерландов", "в Нидерланды", "в Нидерландах"),
    (
        "NZL",
        "Новой Зеландии",
        "в Новую Зеландию",
        "в Новой Зеландии",
    ),
    ("PER", "Перу", "в Перу", "в Перу"),
    ("PHL", "Филиппин", "на Филиппины", "на Филиппинах"),
    ("PRK", "КНДР", "в КНДР", "в КНДР"),
    ("RUS", "России", "в Россию", "в России"),
    ("SGP", "Сингапура", "в Сингапур", "в Сингапуре"),
    ("SUN", "СССР", "в СССР", "в СССР"),
    ("SVK", "Словакии", "в Словакию", "в Словакии"),
    ("SVN", "Словении", "в Словению", "в Словении"),
    ("THA", "Таиланда", "в Таиланд", "в Таиланде"),
    ("TJK", "Таджикистана", "в Таджикистан", "в Таджикистане"),
    ("TUR", "Турции", "в Турцию", "в Турции"),
    ("UKR", "Украины", "в Украину", "в Украине"),
    ("USA", "США", "в США", "в США"),
    ("UZB", "Узбекистана", "в Узбекистан", "в Узбекистане"),
    ("VAT", "Ватикана", "в Ватикан", "в Ватикане"),
    ("VNM", "Вьетнама", "во Вьетнам", "во Вьетнаме"),
];

/// A case of a country's name in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuCase {
    /// «России».
    Genitive,
    /// «в Россию».
    Into,
    /// «в России».
    In,
}

/// A country's name in a Russian case; a country the table lacks is
/// named in the nominative after «страна», which needs no declension.
pub fn ru_country(code: &str, case: RuCase) -> String {
    if let Some((_, genitive, into, within)) = RU_CASES.iter().find(|(c, ..)| *c == code) {
        return match case {
            RuCase::Genitive => genitive,
            RuCase::Into => into,
            RuCase::In => within,
        }
        .to_string();
    }
    let name = crate::model::country(code).map_or(code, |c| c.ru);
    match case {
        RuCase::Genitive => format!("страны «{name}»"),
        RuCase::Into => format!("в страну «{name}»"),
        RuCase::In => format!("в стране «{name}»"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_principal_of_the_shipped_data_is_named_in_arabic_and_russian() {
        let data = crate::load::default_data().unwrap();
        let people = data.participants();
        let ids = crate::analysis::read::text(people, "person_id").unwrap();
        let levels = crate::analysis::read::text(people, "level").unwrap();
        for (id, level) in ids.iter().zip(&levels) {
            if level.as_deref() == Some("principal") {
                let id = id.as_deref().unwrap();
                assert!(
                    PRINCIPALS.iter().any(|(p, ..)| *p == id),
                    "{id} has no Arabic or Russian name"
                );
            }
        }
        assert_eq!(
            person("putin-vladimir", "Vladimir Putin", Lang::Ar),
            "فلاديمير بوتين"
        );
        assert_eq!(
            person("rubio-marco", "Marco Rubio", Lang::Ru),
            "Marco Rubio"
        );
    }

    #[test]
    fn every_host_of_the_shipped_data_has_its_russian_cases() {
        let data = crate::load::default_data().unwrap();
        let hosts = crate::analysis::read::text(data.summits(), "host_country").unwrap();
        for host in hosts.into_iter().flatten() {
            assert!(RU_CASES.iter().any(|(c, ..)| *c == host), "{host}");
        }
        assert!(RU_CASES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(ru_country("FRA", RuCase::In), "во Франции");
        assert_eq!(ru_country("BRA", RuCase::Into), "в Бразилию");
        assert_eq!(
            ru_country("ZAF", RuCase::In),
            "в стране «Южно-Африканская Республика»"
        );
    }
}
