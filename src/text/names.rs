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
    ("yushchenko-viktor", "فيكتور يوشينكو", "Виктор Ющенко"),
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

/// (city as the data records it, Arabic, Russian): every city of the
/// shipped collections' summits as the Arabic and Russian press name it,
/// in the order of the English names.
const CITIES: &[(&str, &str, &str)] = &[
    ("Anchorage", "أنكوريج", "Анкоридж"),
    ("Antalya", "أنطاليا", "Анталья"),
    ("Astana", "أستانا", "Астана"),
    ("Auckland", "أوكلاند", "Окленд"),
    ("Bali", "بالي", "Бали"),
    (
        "Bandar Seri Begawan",
        "بندر سري بكاوان",
        "Бандар-Сери-Бегаван",
    ),
    ("Bangkok", "بانكوك", "Бангкок"),
    ("Beijing", "بكين", "Пекин"),
    ("Birmingham", "برمنغهام", "Бирмингем"),
    ("Brasilia", "برازيليا", "Бразилиа"),
    ("Brasília", "برازيليا", "Бразилиа"),
    ("Bratislava", "براتيسلافا", "Братислава"),
    ("Brussels", "بروكسل", "Брюссель"),
    ("Buenos Aires", "بوينس آيرس", "Буэнос-Айрес"),
    ("Busan", "بوسان", "Пусан"),
    ("Bénouville", "بينوفيل", "Бенувиль"),
    ("Camp David", "كامب ديفيد", "Кэмп-Дэвид"),
    ("Cologne", "كولونيا", "Кёльн"),
    ("Copenhagen", "كوبنهاغن", "Копенгаген"),
    ("Crawford", "كروفورد", "Кроуфорд"),
    ("Da Nang", "دا نانغ", "Дананг"),
    ("Davos", "دافوس", "Давос"),
    ("Deauville", "دوفيل", "Довиль"),
    ("Denver", "دنفر", "Денвер"),
    ("Dushanbe", "دوشنبه", "Душанбе"),
    ("Enniskillen", "إنيسكيلين", "Эннискиллен"),
    ("Fasano", "فازانو", "Фазано"),
    ("Fortaleza", "فورتاليزا", "Форталеза"),
    ("Geneva", "جنيف", "Женева"),
    ("Genoa", "جنوة", "Генуя"),
    ("Glassboro", "غلاسبورو", "Глассборо"),
    ("Halifax", "هاليفاكس", "Галифакс"),
    ("Hamburg", "هامبورغ", "Гамбург"),
    ("Hangzhou", "هانغتشو", "Ханчжоу"),
    ("Hanoi", "هانوي", "Ханой"),
    ("Heiligendamm", "هايليغندام", "Хайлигендамм"),
    ("Helsinki", "هلسنكي", "Хельсинки"),
    ("Hiroshima", "هيروشيما", "Хиросима"),
    ("Honolulu", "هونولولو", "Гонолулу"),
    ("Hyde Park", "هايد بارك", "Гайд-Парк"),
    ("Istanbul", "إسطنبول", "Стамбул"),
    ("Jakarta", "جاكرتا", "Джакарта"),
    ("Kazan", "قازان", "Казань"),
    ("Kennebunkport", "كينيبنكبورت", "Кеннебанкпорт"),
    ("Kiev", "كييف", "Киев"),
    ("Kranj", "كراني", "Крань"),
    ("Kyiv", "كييف", "Киев"),
    ("Le Bourget", "لو بورجيه", "Ле-Бурже"),
    ("Lima", "ليما", "Лима"),
    ("London", "لندن", "Лондон"),
    ("Los Cabos", "لوس كابوس", "Лос-Кабос"),
    ("Madrid", "مدريد", "Мадрид"),
    ("Manila", "مانيلا", "Манила"),
    ("Moscow", "موسكو", "Москва"),
    ("Nago", "ناغو", "Наго"),
    ("Naples", "نابولي", "Неаполь"),
    ("New York", "نيويورك", "Нью-Йорк"),
    ("Nusa Dua, Bali", "نوسا دوا، بالي", "Нуса-Дуа, Бали"),
    ("Osaka", "أوساكا", "Осака"),
    ("Palm Beach", "بالم بيتش", "Палм-Бич"),
    ("Panmunjom", "بانمونجوم", "Пханмунджом"),
    ("Paris", "باريس", "Париж"),
    ("Potsdam", "بوتسدام", "Потсдам"),
    ("Prague", "براغ", "Прага"),
    ("Pyongyang", "بيونغ يانغ", "Пхеньян"),
    ("Rancho Mirage", "رانشو ميراج", "Ранчо-Мираж"),
    ("Reykjavik", "ريكيافيك", "Рейкьявик"),
    ("Saint Petersburg", "سانت بطرسبرغ", "Санкт-Петербург"),
    ("Samarkand", "سمرقند", "Самарканд"),
    ("Santiago", "سانتياغو", "Сантьяго"),
    ("Sanya", "سانيا", "Санья"),
    ("Seattle", "سياتل", "Сиэтл"),
    ("Seoul", "سيول", "Сеул"),
    ("Shanghai", "شنغهاي", "Шанхай"),
    ("Singapore", "سنغافورة", "Сингапур"),
    ("Sochi", "سوتشي", "Сочи"),
    ("Sydney", "سيدني", "Сидней"),
    ("Tashkent", "طشقند", "Ташкент"),
    ("Tehran", "طهران", "Тегеран"),
    ("The Hague", "لاهاي", "Гаага"),
    ("Tokyo", "طوكيو", "Токио"),
    ("Toronto", "تورونتو", "Торонто"),
    ("Toyako", "توياكو", "Тояко"),
    ("Tōyako", "توياكو", "Тояко"),
    ("Ufa", "أوفا", "Уфа"),
    ("Valletta", "فاليتا", "Валлетта"),
    ("Vancouver", "فانكوفر", "Ванкувер"),
    ("Vatican City", "الفاتيكان", "Ватикан"),
    ("Vienna", "فيينا", "Вена"),
    ("Vilnius", "فيلنيوس", "Вильнюс"),
    ("Vladivostok", "فلاديفوستوك", "Владивосток"),
    ("Washington", "واشنطن", "Вашингтон"),
    ("Washington, D.C.", "واشنطن", "Вашингтон"),
    ("Woodside", "وودسايد", "Вудсайд"),
    ("Xiamen", "شيامن", "Сямынь"),
    ("Yalta", "يالطا", "Ялта"),
    ("Yokohama", "يوكوهاما", "Иокогама"),
    ("Évian-les-Bains", "إيفيان ليه بان", "Эвиан-ле-Бен"),
];

/// A city's name in `lang`: from the table above, or as the data records
/// it where the table lacks it (and always in English).
pub fn city(recorded: &str, lang: Lang) -> String {
    let found = CITIES.binary_search_by(|(c, ..)| (*c).cmp(recorded)).ok();
    match (lang, found.map(|i| CITIES[i])) {
        (Lang::Ar, Some((_, ar, _))) => ar.to_owned(),
        (Lang::Ru, Some((_, _, ru))) => ru.to_owned(),
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
    fn every_city_of_the_shipped_data_is_named_in_arabic_and_russian() {
        let data = crate::load::default_data().unwrap();
        let cities = crate::analysis::read::text(data.summits(), "city").unwrap();
        for name in cities.into_iter().flatten() {
            assert!(
                CITIES
                    .binary_search_by(|(c, ..)| (*c).cmp(name.as_str()))
                    .is_ok(),
                "{name} has no Arabic or Russian name"
            );
        }
        assert_eq!(city("Anchorage", Lang::Ar), "أنكوريج");
        assert_eq!(city("Kyiv", Lang::Ru), "Киев");
        assert_eq!(city("Atlantis", Lang::Ru), "Atlantis");
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
