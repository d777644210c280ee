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
        "مقارنة مباشرة بين القمم موضع الدراسة",
        "Рассматриваемые саммиты в сравнении",
    ),
    (
        "side_by_side_note",
        "Each value is the summit's own, as its section below states it against its dyad's history, with the sources it rests on.",
        "تعرض القيم أعلاه بيانات كل قمة على حدة، ويضعها القسم المخصص لها أدناه في سياق تاريخ القمم بين البلدين المعنيين، مع ذكر المصادر.",
        "Каждое значение относится к самому саммиту; ниже, в его разделе, оно сопоставлено с историей встреч этой пары стран и подкреплено источниками.",
    ),
    ("history", "History", "تاريخيًا", "В истории встреч"),
    ("sources", "Sources", "المصادر", "Источники"),
    (
        "context_facts",
        "The context's facts",
        "وقائع السياق ومصادرها",
        "Контекст: факты и источники",
    ),
    ("source", "source", "المصدر", "источник"),
    ("its_end", "its end", "تاريخ الانتهاء", "окончание"),
    (
        "still_in_force",
        "still in force",
        "استمرار السريان",
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
        "Управление историка Государственного департамента США",
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
        "أُعدّ هذا التقرير بأداة summitry {version} استنادًا إلى بيانات المجموعة `{collection}`، ويسجّل ملف الوصف المرفق به (`manifest.json`) البصمة الرقمية لكل ملف من المدخلات والمخرجات. البصمة الرقمية للمدخلات كما يسجّلها ملف الوصف (`inputs_sha256`): `{hash}`.",
        "Отчёт сформирован программой summitry {version} на основе коллекции `{collection}`; в файле `manifest.json`, который лежит рядом с отчётом, записаны хеши всех входных и выходных файлов. Хеш входных данных (поле `inputs_sha256` манифеста): `{hash}`.",
    ),
    (
        "in_context",
        "{name} in its history",
        "{name} في ميزان التاريخ",
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
        "Перерыв после предыдущего саммита",
    ),
    (
        "joint_statement",
        "Joint statement",
        "صدور بيان مشترك",
        "Совместное заявление",
    ),
    (
        "joint_press_conference",
        "Joint press conference",
        "عقد مؤتمر صحفي مشترك",
        "Совместная пресс-конференция",
    ),
    (
        "press_questions_taken",
        "Questions from the press",
        "الرد على أسئلة الصحفيين",
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
        "وجود نزاع مسلح بين الطرفين",
        "Вооружённый конфликт между сторонами",
    ),
    (
        "wars_of_either_side",
        "Wars either side was fighting",
        "انخراط كلٍّ من الطرفين في حروب",
        "Войны, которые вели стороны",
    ),
    (
        "sanctions_between",
        "Sanctions in force between the two sides",
        "سريان عقوبات بين الطرفين",
        "Действующие санкции между сторонами",
    ),
    (
        "warrant_against_participant",
        "Arrest warrant or indictment against a participant",
        "وجود مذكرة توقيف أو لائحة اتهام بحق أيٍّ من المشاركين",
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
        "Продолжительность переговоров, ч",
    ),
    (
        "delegation_size",
        "People named in the delegations",
        "أعضاء الوفدين المذكورون بالاسم",
        "Число членов делегаций, названных поимённо",
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
        "الأطراف الغائبة عن طاولة المفاوضات",
        "Кого не было за столом переговоров",
    ),
    (
        "previous_visit",
        "The visiting side's leaders on the host's soil",
        "زيارات زعماء الطرف الزائر إلى البلد المضيف",
        "Визиты лидеров гостевой стороны в принимающую страну",
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
        "{name} — прежние встречи и визиты",
    ),
];

/// The word for `key` in `lang`; the key itself if the table lacks it (a
/// test keeps the table complete for every metric).
pub fn word(key: &str, lang: Lang) -> &str {
    crate::text::pick(WORDS, key, lang)
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
