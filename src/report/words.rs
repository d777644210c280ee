//! The words of a report around its sentences: headings, labels of the
//! metrics and the lines that frame the sources, in English, Arabic and
//! Russian. The sentences themselves are the comparison's
//! ([`crate::analysis::sentences`]).

use crate::model::Lang;

/// (key, English, Arabic, Russian).
const WORDS: &[(&str, &str, &str, &str)] = &[
    (
        "side_by_side",
        "The focus summits side by side",
        "القمم موضع الدراسة جنبًا إلى جنب",
        "Саммиты исследования в сравнении",
    ),
    (
        "side_by_side_note",
        "Each value is the summit's own, as its section below states it against its dyad's history, with the sources it rests on.",
        "كل قيمة هنا هي قيمة القمة نفسها، ويضعها القسم الخاص بها أدناه في سياق تاريخ القمم بين البلدين، مع المصادر التي تستند إليها.",
        "Каждое значение относится к самому саммиту; ниже, в его разделе, оно сопоставлено с историей встреч этой пары стран и подкреплено источниками.",
    ),
    ("history", "History", "في القمم السابقة", "Ранее"),
    ("sources", "Sources", "المصادر", "Источники"),
    (
        "context_facts",
        "The context's facts",
        "وقائع السياق ومصادرها",
        "Факты контекста и их источники",
    ),
    ("source", "source", "المصدر", "источник"),
    ("its_end", "its end", "نهايته", "окончание"),
    (
        "still_in_force",
        "still in force",
        "لا يزال ساريًا",
        "действует до сих пор",
    ),
    (
        "official_record",
        "The official record",
        "السجل الرسمي الأمريكي",
        "Официальный реестр США",
    ),
    (
        "historian",
        "Office of the Historian, US Department of State",
        "مكتب المؤرخ في وزارة الخارجية الأمريكية",
        "Историческая служба Государственного департамента США",
    ),
    ("charts", "Charts", "الرسوم البيانية", "Графики"),
    (
        "chart_data",
        "The chart's data (CSV)",
        "بيانات الرسم (CSV)",
        "Данные графика (CSV)",
    ),
    ("cite", "How to cite", "طريقة الاستشهاد", "Как ссылаться"),
    (
        "cite_lead",
        "Cite this report and the data it rests on as:",
        "يُستشهد بهذا التقرير وبالبيانات التي يستند إليها على النحو التالي:",
        "Ссылка на этот отчёт и данные, на которых он основан:",
    ),
    (
        "computed",
        "Computed by summitry {version} from the collection `{collection}`; the manifest beside this report (`manifest.json`) holds the hash of every input and output. The inputs' hash, as the manifest records it (`inputs_sha256`): `{hash}`.",
        "أُعدّ هذا التقرير بأداة summitry {version} من المجموعة `{collection}`، ويسجّل ملف البيان المرفق به (`manifest.json`) بصمة كل ملف من المدخلات والمخرجات. بصمة المدخلات كما يسجّلها البيان (`inputs_sha256`): `{hash}`.",
        "Отчёт рассчитан программой summitry {version} по коллекции `{collection}`; файл `manifest.json` рядом с ним содержит хеши всех входных и выходных файлов. Хеш входных данных, как он записан в манифесте (`inputs_sha256`): `{hash}`.",
    ),
    (
        "in_context",
        "{name} in its history",
        "{name} في سياقها التاريخي",
        "{name}: в исторической перспективе",
    ),
    (
        "sequence",
        "Place in the dyad's history",
        "الترتيب في تاريخ القمم بين البلدين",
        "Место в истории встреч",
    ),
    (
        "gap_days",
        "Days since the previous summit",
        "الأيام منذ القمة السابقة",
        "Дней с предыдущего саммита",
    ),
    (
        "joint_statement",
        "Joint statement",
        "البيان المشترك",
        "Совместное заявление",
    ),
    (
        "joint_press_conference",
        "Joint press conference",
        "المؤتمر الصحفي المشترك",
        "Совместная пресс-конференция",
    ),
    (
        "press_questions_taken",
        "Questions from the press",
        "أسئلة الصحفيين",
        "Вопросы журналистов",
    ),
    (
        "follow_up_agreed",
        "Follow-up agreed",
        "الاتفاق على خطوات لاحقة",
        "Договорённость о дальнейших шагах",
    ),
    (
        "conflict_between",
        "An armed conflict between the two sides",
        "نزاع مسلح بين الطرفين",
        "Вооружённый конфликт между сторонами",
    ),
    (
        "wars_of_either_side",
        "Wars either side was fighting",
        "الحروب التي كان أيٌّ من الطرفين يخوضها",
        "Войны, которые вели стороны",
    ),
    (
        "sanctions_between",
        "Sanctions in force between the two sides",
        "العقوبات السارية بين الطرفين",
        "Действующие санкции между сторонами",
    ),
    (
        "warrant_against_participant",
        "Arrest warrant or indictment against a participant",
        "مذكرة توقيف أو لائحة اتهام بحق أحد المشاركين",
        "Ордер на арест или обвинение против участника",
    ),
    (
        "agreements_signed",
        "Agreements signed",
        "الاتفاقات الموقعة",
        "Подписанные соглашения",
    ),
    (
        "duration_hours",
        "Length of the talks (hours)",
        "مدة المحادثات (بالساعات)",
        "Продолжительность переговоров (часов)",
    ),
    (
        "delegation_size",
        "People named in the delegations",
        "أعضاء الوفدين المذكورون بالاسم",
        "Члены делегаций, названные поимённо",
    ),
    ("venue", "Venue", "مكان الانعقاد", "Место проведения"),
    (
        "distance_from_capitals",
        "Distance from the capitals",
        "المسافة من العاصمتين",
        "Расстояние от столиц",
    ),
    (
        "absent_stakeholders",
        "Absent from the table",
        "الغائبون عن الطاولة",
        "Кого не было за столом",
    ),
    (
        "previous_visit",
        "The visiting side's leaders on the host's soil",
        "زيارات قادة الطرف الضيف إلى البلد المضيف",
        "Визиты лидеров гостей в принимающую страну",
    ),
    (
        "leader_share",
        "Share of the leaders in the delegations",
        "نسبة القادة في الوفدين",
        "Доля лидеров в делегациях",
    ),
    (
        "foreign_share",
        "Share of foreign officials",
        "نسبة مسؤولي السياسة الخارجية",
        "Доля дипломатов и советников по внешней политике",
    ),
    (
        "security_share",
        "Share of security officials",
        "نسبة مسؤولي الدفاع والأمن",
        "Доля представителей силового блока",
    ),
    (
        "economic_share",
        "Share of economic officials",
        "نسبة المسؤولين الاقتصاديين",
        "Доля представителей экономического блока",
    ),
    (
        "interpreting_share",
        "Share of interpreting officials",
        "نسبة المترجمين",
        "Доля переводчиков",
    ),
    (
        "other_share",
        "Share of other officials",
        "نسبة المسؤولين الآخرين",
        "Доля прочих участников",
    ),
    (
        "presence",
        "{name}'s earlier meetings and visits",
        "لقاءات {name} وزياراته السابقة",
        "{name}: прежние встречи и визиты",
    ),
];

/// The word for `key` in `lang`; the key itself if the table lacks it (a
/// test keeps the table complete for every metric).
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

/// The label of a comparison's metric (`presence:` ones name the leader).
pub fn label(metric: &str, name: &str, lang: Lang) -> String {
    if metric.starts_with("presence:") {
        return word("presence", lang).replace("{name}", name);
    }
    word(metric, lang).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Portfolio;

    #[test]
    fn every_metric_has_a_label_in_every_language() {
        let data = crate::load::default_data().unwrap();
        let table =
            crate::analysis::compare::compare(&data, "2025-anchorage", Default::default()).unwrap();
        let metrics = crate::analysis::read::text(&table, "metric").unwrap();
        for metric in metrics.into_iter().flatten() {
            for lang in Lang::ALL {
                let said = label(&metric, "X", lang);
                assert_ne!(said, metric, "{metric} has no label in {lang}");
            }
        }
        for p in Portfolio::ALL {
            assert!(
                WORDS
                    .iter()
                    .any(|(k, ..)| *k == format!("{}_share", p.as_str()))
            );
        }
        for (key, en, ar, ru) in WORDS {
            assert!(!en.is_empty() && !ar.is_empty() && !ru.is_empty(), "{key}");
        }
    }
}
