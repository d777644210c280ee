//! The sentences of a comparison ([`super::compare`]) in English, Arabic
//! and Russian: one method a sentence, its three languages side by side,
//! so that a reader of any of them can check one against the others.
//!
//! English keeps the terse register of the comparison table (summit ids,
//! ISO dates, `RUS-USA`), which scripts parse and the tests pin. Arabic and
//! Russian are written for their readers: summits by name and date,
//! countries by name (Russian in the case the sentence needs), numbers and
//! dates as each language writes them, and nouns that agree with their
//! numbers.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::compare::{Against, ordinal};
use super::read;
use crate::load::Collection;
use crate::model::{Lang, in_sentence};
use crate::text::{Noun, RuCase, Style, ru_country};

/// Within this many days, the last time is "the previous", not a "first
/// since": two years.
pub(crate) const RECENT_DAYS: i64 = 730;

/// A unit a history of numbers is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Days,
    Agreements,
    Hours,
    People,
}

impl Unit {
    fn en(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Agreements => "agreements",
            Unit::Hours => "hours",
            Unit::People => "people",
        }
    }

    /// The English words after the median in a verdict.
    fn en_verdict(self) -> &'static str {
        match self {
            Unit::Days => "days",
            Unit::Agreements => "agreements",
            Unit::Hours => "hours of talks",
            Unit::People => "people named",
        }
    }
}

/// A yes-or-no fact a comparison counts, and its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Flag {
    JointStatement,
    JointPressConference,
    PressQuestions,
    FollowUp,
    ConflictBetween,
    SanctionsBetween,
    Warrant,
}

/// (English noun phrase; Arabic: it happened, it did not, it happened at
/// `{k}` of `{n}` `{scope}`; Russian: the same three.)
struct FlagWords {
    en: &'static str,
    ar: [&'static str; 3],
    ru: [&'static str; 3],
}

impl Flag {
    fn words(self) -> FlagWords {
        match self {
            Flag::JointStatement => FlagWords {
                en: "a joint statement",
                ar: [
                    "صدر بيان مشترك",
                    "لم يصدر بيان مشترك",
                    "صدر بيان مشترك عن {k} من أصل {n} من {scope}",
                ],
                ru: [
                    "принято совместное заявление",
                    "совместного заявления не было",
                    "такое заявление принималось по итогам {k} из {n} {scope}",
                ],
            },
            Flag::JointPressConference => FlagWords {
                en: "a joint press conference",
                ar: [
                    "عُقد مؤتمر صحفي مشترك",
                    "لم يُعقد مؤتمر صحفي مشترك",
                    "عُقد مؤتمر صحفي مشترك في {k} من أصل {n} من {scope}",
                ],
                ru: [
                    "прошла совместная пресс-конференция",
                    "совместной пресс-конференции не было",
                    "совместная пресс-конференция проводилась на {k} из {n} {scope}",
                ],
            },
            Flag::PressQuestions => FlagWords {
                en: "questions from the press",
                ar: [
                    "ردّ الجانبان على أسئلة الصحفيين",
                    "لم يردّ الجانبان على أسئلة الصحفيين",
                    "ردّ الجانبان على أسئلة الصحفيين في {k} من أصل {n} من {scope}",
                ],
                ru: [
                    "лидеры ответили на вопросы журналистов",
                    "на вопросы журналистов лидеры не отвечали",
                    "лидеры отвечали на них во время {k} из {n} {scope}",
                ],
            },
            Flag::FollowUp => FlagWords {
                en: "a follow-up agreed",
                ar: [
                    "اتفق الطرفان على خطوات لاحقة",
                    "لم يتفق الطرفان على خطوات لاحقة",
                    "اتفق الطرفان على خطوات لاحقة في {k} من أصل {n} من {scope}",
                ],
                ru: [
                    "стороны договорились о дальнейших шагах",
                    "о дальнейших шагах стороны не договорились",
                    "такая договорённость достигалась на {k} из {n} {scope}",
                ],
            },
            Flag::ConflictBetween => FlagWords {
                en: "an armed conflict between the two sides",
                ar: [
                    "كان بين الطرفين نزاع مسلح",
                    "لم يكن بين الطرفين نزاع مسلح",
                    "انعقدت {k} من أصل {n} من {scope} في ظل نزاع مسلح بين الطرفين",
                ],
                ru: [
                    "между сторонами шёл вооружённый конфликт",
                    "вооружённого конфликта между сторонами не было",
                    "вооружённый конфликт между сторонами шёл во время {k} из {n} {scope}",
                ],
            },
            Flag::SanctionsBetween => FlagWords {
                en: "sanctions in force between the two sides",
                ar: [
                    "كانت بين الطرفين عقوبات سارية",
                    "لم تكن بين الطرفين عقوبات سارية",
                    "انعقدت {k} من أصل {n} من {scope} في ظل عقوبات سارية بين الطرفين",
                ],
                ru: [
                    "между сторонами действовали санкции",
                    "санкций между сторонами не было",
                    "санкции между сторонами действовали во время {k} из {n} {scope}",
                ],
            },
            Flag::Warrant => FlagWords {
                en: "an arrest warrant or indictment against a participant",
                ar: [
                    "كان مشارك واحد على الأقل مطلوبًا بمذكرة توقيف أو ملاحَقًا بلائحة اتهام",
                    "لم يكن أيٌّ من المشاركين مطلوبًا بمذكرة توقيف أو ملاحَقًا بلائحة اتهام",
                    "كان مشارك واحد على الأقل مطلوبًا بمذكرة توقيف أو ملاحَقًا بلائحة اتهام في {k} من أصل {n} من {scope}",
                ],
                ru: [
                    "в отношении кого-то из участников был выдан ордер на арест или предъявлено обвинение",
                    "ордеров на арест и обвинений против участников не было",
                    "подобное случалось во время {k} из {n} {scope}",
                ],
            },
        }
    }
}

/// A summit as a sentence names it in Arabic or Russian.
struct Named {
    ar: String,
    ru: String,
    start: NaiveDate,
}

/// Writes the sentences of comparisons in one language.
pub struct Say {
    /// The language and digits.
    pub style: Style,
    summits: HashMap<String, Named>,
}

impl Say {
    /// Sentences in `style` about the summits of `data`.
    pub fn new(style: Style, data: &Collection) -> crate::Result<Say> {
        let frame = data.summits();
        let ids = read::text(frame, "summit_id")?;
        let names = read::text(frame, "name")?;
        let name_ar = read::text(frame, "name_ar")?;
        let name_ru = read::text(frame, "name_ru")?;
        let starts = read::date(frame, "start_date")?;
        let mut summits = HashMap::new();
        for i in 0..ids.len() {
            let (Some(id), Some(start)) = (ids[i].clone(), starts[i]) else {
                continue;
            };
            let english = names[i].clone().unwrap_or_else(|| id.clone());
            summits.insert(
                id,
                Named {
                    ar: name_ar[i].clone().unwrap_or_else(|| english.clone()),
                    ru: name_ru[i].clone().unwrap_or(english),
                    start,
                },
            );
        }
        Ok(Say { style, summits })
    }

    fn lang(&self) -> Lang {
        self.style.lang
    }

    fn int(&self, n: i64) -> String {
        self.style.int(n)
    }

    fn count(&self, n: i64, noun: Noun) -> String {
        self.style.count(n, noun)
    }

    /// A summit in a sentence: its id in English; its name and date in
    /// Arabic and Russian.
    pub fn summit(&self, id: &str) -> String {
        match (self.lang(), self.summits.get(id)) {
            (Lang::Ar, Some(s)) => format!("{} ({})", s.ar, self.style.date(s.start)),
            (Lang::Ru, Some(s)) => format!("«{}», {}", s.ru, self.style.date(s.start)),
            _ => id.to_owned(),
        }
    }

    /// A country as the subject of a sentence.
    pub fn country(&self, code: &str) -> String {
        match self.lang() {
            Lang::En => in_sentence(code),
            lang => crate::model::country(code)
                .map_or_else(|| code.to_owned(), |c| c.name(lang).to_owned()),
        }
    }

    /// The two countries of a dyad as a phrase: `RUS-USA` in English;
    /// «روسيا والولايات المتحدة»; «России и США» (genitive).
    pub fn pair(&self, dyad: &str) -> String {
        let mut codes = dyad.split('-');
        let (a, b) = (codes.next().unwrap_or(""), codes.next().unwrap_or(""));
        match self.lang() {
            Lang::En => dyad.to_owned(),
            Lang::Ar => format!("{} و{}", self.country(a), self.country(b)),
            Lang::Ru => format!(
                "{} и {}",
                ru_country(a, RuCase::Genitive),
                ru_country(b, RuCase::Genitive)
            ),
        }
    }

    /// The summits compared against: `earlier RUS-USA summits`; in
    /// Russian in the genitive plural, to follow «из N».
    pub fn scope(&self, against: Against, last: Option<usize>, dyad: &str) -> String {
        let pair = self.pair(dyad);
        match (self.lang(), against, last) {
            (Lang::En, Against::Dyad, None) => format!("earlier {dyad} summits"),
            (Lang::En, Against::Dyad, Some(n)) => format!("last {n} earlier {dyad} summits"),
            (Lang::En, Against::All, None) => "earlier summits of all dyads".to_owned(),
            (Lang::En, Against::All, Some(n)) => format!("last {n} earlier summits of all dyads"),
            (Lang::Ar, Against::Dyad, last) => {
                format!("القمم السابقة بين {pair}{}", self.last(last))
            }
            (Lang::Ar, Against::All, last) => {
                format!("القمم السابقة بين مختلف الدول{}", self.last(last))
            }
            // The section names the pair: «предыдущих саммитов» is enough.
            (Lang::Ru, Against::Dyad, last) => format!("предыдущих саммитов{}", self.last(last)),
            (Lang::Ru, Against::All, last) => {
                format!("предыдущих саммитов всех пар стран{}", self.last(last))
            }
        }
    }

    fn last(&self, last: Option<usize>) -> String {
        match (self.lang(), last) {
            (_, None) => String::new(),
            (Lang::Ar, Some(n)) => format!(" (آخر {} منها)", self.int(n as i64)),
            (_, Some(n)) => format!(" (последних {})", self.int(n as i64)),
        }
    }

    /// The summits compared against after the number `n` («из 21»): in
    /// Russian the genitive singular after a number ending in one (not
    /// eleven), the plural otherwise; other languages as they are.
    fn after(&self, n: usize, scope: &str) -> String {
        if self.lang() != Lang::Ru || n % 10 != 1 || n % 100 == 11 {
            return scope.to_owned();
        }
        scope
            .split(' ')
            .map(|word| {
                // A word with its punctuation: «саммитов,».
                let core = word.trim_end_matches([',', ')']);
                let rest = &word[core.len()..];
                let singular = match core {
                    "предыдущих" => "предыдущего".to_owned(),
                    "саммитов" => "саммита".to_owned(),
                    "которым" => "которому".to_owned(),
                    w if w.ends_with("ских") => format!("{}ского", w.trim_end_matches("ских")),
                    w => w.to_owned(),
                };
                singular + rest
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A place in an Arabic ranking: «في المرتبة الثالثة», or for a tie
    /// the range of places the tied summits share, «في المراتب من 21 إلى
    /// 96»; ordinal words up to the tenth, as the press writes them.
    fn ar_place(&self, rank: i64, tied: usize) -> String {
        const ORDINALS: [&str; 10] = [
            "الأولى",
            "الثانية",
            "الثالثة",
            "الرابعة",
            "الخامسة",
            "السادسة",
            "السابعة",
            "الثامنة",
            "التاسعة",
            "العاشرة",
        ];
        match tied {
            0 => match usize::try_from(rank - 1).ok().and_then(|i| ORDINALS.get(i)) {
                Some(word) => format!("في المرتبة {word}"),
                None => format!("في المرتبة {}", self.int(rank)),
            },
            1 => format!(
                "في المرتبتين {} و{} (بالتساوي)",
                self.int(rank),
                self.int(rank + 1)
            ),
            _ => format!(
                "في المراتب من {} إلى {} (بالتساوي)",
                self.int(rank),
                self.int(rank + tied as i64)
            ),
        }
    }

    /// A place in a Russian ranking: «3-е место», or for a tie the range
    /// of places the tied summits share, «21–96-е места».
    fn ru_place(&self, rank: i64, tied: usize) -> String {
        if tied == 0 {
            format!("{}-е место", self.int(rank))
        } else {
            format!(
                "{}–{}-е места",
                self.int(rank),
                self.int(rank + tied as i64)
            )
        }
    }

    /// No summit before this one.
    pub fn no_earlier(&self) -> String {
        match self.lang() {
            Lang::En => "no earlier summits",
            Lang::Ar => "لا قمم سابقة",
            Lang::Ru => "предыдущих саммитов нет",
        }
        .to_owned()
    }

    /// A value no source settles.
    pub fn unknown(&self) -> String {
        match self.lang() {
            Lang::En => "unknown",
            Lang::Ar => "لا بيانات",
            Lang::Ru => "неизвестно",
        }
        .to_owned()
    }

    /// Yes, no or unknown.
    pub fn yes_no(&self, v: Option<bool>) -> String {
        match (self.lang(), v) {
            (_, None) => return self.unknown(),
            (Lang::En, Some(true)) => "yes",
            (Lang::En, Some(false)) => "no",
            (Lang::Ar, Some(true)) => "نعم",
            (Lang::Ar, Some(false)) => "لا",
            (Lang::Ru, Some(true)) => "да",
            (Lang::Ru, Some(false)) => "нет",
        }
        .to_owned()
    }

    // The place in the dyad's history.

    /// `96th of 96`.
    pub fn sequence(&self, seq: i64, n: usize) -> String {
        match self.lang() {
            Lang::En => format!("{} of {n}", ordinal(seq)),
            Lang::Ar => format!("الـ{} من أصل {}", self.int(seq), self.int(n as i64)),
            Lang::Ru => format!("{}-й из {}", self.int(seq), self.int(n as i64)),
        }
    }

    /// `96 summits 1943–2025`.
    pub fn sequence_history(&self, n: usize, first: &str, last: &str) -> String {
        let (first, last) = (self.style.numbers(first), self.style.numbers(last));
        match self.lang() {
            Lang::En => format!("{n} summits {first}–{last}"),
            Lang::Ar => format!(
                "{} بين عامي {first} و{last}",
                self.count(n as i64, Noun::Summit)
            ),
            Lang::Ru => format!(
                "всего {} в {first}–{last}\u{A0}гг.",
                self.count(n as i64, Noun::Summit)
            ),
        }
    }

    /// `the 96th RUS-USA summit`.
    pub fn sequence_verdict(&self, seq: i64, dyad: &str) -> String {
        match self.lang() {
            Lang::En => format!("the {} {dyad} summit", ordinal(seq)),
            Lang::Ar => format!(
                "القمة الـ{} في تاريخ القمم بين {}",
                self.int(seq),
                self.pair(dyad)
            ),
            Lang::Ru => format!("{}-й по счёту {}", self.int(seq), ru_summit(dyad)),
        }
    }

    // The gap since the previous summit.

    /// `1,521 days since 2021-geneva`.
    pub fn gap(&self, days: i64, previous: &str) -> String {
        match self.lang() {
            Lang::En => format!("{} days since {previous}", self.int(days)),
            Lang::Ar => format!(
                "{} منذ القمة السابقة، وهي {}",
                self.count(days, Noun::Day),
                self.summit(previous)
            ),
            Lang::Ru => format!(
                "{}; предыдущий саммит — {}",
                self.count(days, Noun::Day),
                self.summit(previous)
            ),
        }
    }

    /// No gap: the dyad's first summit.
    pub fn no_gap(&self) -> String {
        match self.lang() {
            Lang::En => "none",
            Lang::Ar => "لا قمة قبلها",
            Lang::Ru => "предыдущего саммита не было",
        }
        .to_owned()
    }

    /// `1,521 days: the longest gap since 1979–1985 (5 of 95 gaps, 1 =
    /// longest)`.
    pub fn gap_longest_since(&self, days: i64, from: &str, to: &str, rank: i64, n: i64) -> String {
        let (from, to) = (self.style.numbers(from), self.style.numbers(to));
        let rank = self.gap_rank(rank, n);
        match self.lang() {
            Lang::En => format!(
                "{} days: the longest gap since {from}–{to} {rank}",
                self.int(days)
            ),
            Lang::Ar => format!(
                "{}، وهي أطول فترة انقطاع عن القمم منذ الفترة الفاصلة بين عامي {from} و{to} {rank}",
                self.count(days, Noun::Day)
            ),
            Lang::Ru => format!(
                "{} — самый долгий перерыв со времён паузы {from}–{to}\u{A0}гг. {rank}",
                self.count(days, Noun::Day)
            ),
        }
    }

    /// A gap shorter than the one just before it: its rank alone.
    pub fn gap_shorter(&self, days: i64, rank: i64, n: i64) -> String {
        let rank = self.gap_rank(rank, n);
        match self.lang() {
            Lang::En => format!(
                "{} days: shorter than the gap before it {rank}",
                self.int(days)
            ),
            Lang::Ar => format!(
                "{}، أقصر من الفترة التي سبقتها {rank}",
                self.count(days, Noun::Day)
            ),
            Lang::Ru => format!(
                "{} — короче предыдущего перерыва {rank}",
                self.count(days, Noun::Day)
            ),
        }
    }

    /// A gap's rank among the dyad's gaps, in brackets: `(5 of 95 gaps,
    /// 1 = longest)`.
    fn gap_rank(&self, rank: i64, n: i64) -> String {
        match self.lang() {
            Lang::En => format!("({rank} of {n} gaps, 1 = longest)"),
            Lang::Ar => format!(
                "(في المرتبة {} من حيث الطول بين {})",
                self.int(rank),
                self.count(n, Noun::Gap)
            ),
            Lang::Ru => format!(
                "({}-е место по длительности из {})",
                self.int(rank),
                self.int(n)
            ),
        }
    }

    /// `1,521 days: the longest gap in the dyad's history so far`.
    pub fn gap_longest_ever(&self, days: i64) -> String {
        match self.lang() {
            Lang::En => format!(
                "{} days: the longest gap in the dyad's history so far",
                self.int(days)
            ),
            Lang::Ar => format!(
                "{}، وهي أطول فترة انقطاع عن القمم في تاريخ البلدين حتى الآن",
                self.count(days, Noun::Day)
            ),
            Lang::Ru => format!(
                "{} — самый долгий перерыв за всю историю встреч",
                self.count(days, Noun::Day)
            ),
        }
    }

    /// `the first RUS-USA summit`.
    pub fn first_summit(&self, dyad: &str) -> String {
        match self.lang() {
            Lang::En => format!("the first {dyad} summit"),
            Lang::Ar => format!("أول قمة بين {}", self.pair(dyad)),
            Lang::Ru => format!("первый {}", ru_summit(dyad)),
        }
    }

    // Numbers against their history.

    /// `median 160.5 days (range 4–3,653, n = 94)`.
    pub(crate) fn numbers(&self, values: &[f64], unit: Unit) -> String {
        let Some(m) = super::compare::median(values) else {
            return self.none_recorded();
        };
        let min = values.iter().copied().fold(f64::INFINITY, f64::min);
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (m, min, max) = (
            self.style.number(m),
            self.style.number(min),
            self.style.number(max),
        );
        let n = values.len() as i64;
        match self.lang() {
            Lang::En => format!("median {m} {} (range {min}–{max}, n = {n})", unit.en()),
            Lang::Ar if min == max => format!(
                "القيمة {m} في جميعها (على أساس {})",
                self.count(n, Noun::Summit)
            ),
            Lang::Ar => format!(
                "الوسيط {m}، وتتراوح القيم بين {min} و{max} (على أساس {})",
                self.count(n, Noun::Summit)
            ),
            Lang::Ru if min == max => {
                format!("во всех случаях {m} (саммитов с данными: {})", self.int(n))
            }
            Lang::Ru => format!(
                "медиана {m}, разброс от {min} до {max} (саммитов с данными: {})",
                self.int(n)
            ),
        }
    }

    /// `median 0.20, highest 0.75 (n = 95)`.
    pub fn fractions(&self, values: &[f64]) -> String {
        let Some(m) = super::compare::median(values) else {
            return self.none_recorded();
        };
        let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let (m, max) = (self.share(m), self.share(max));
        let n = values.len() as i64;
        match self.lang() {
            Lang::En => format!("median {m}, highest {max} (n = {n})"),
            Lang::Ar => format!(
                "الوسيط {m}، وأعلى نسبة {max} (على أساس {})",
                self.count(n, Noun::Summit)
            ),
            Lang::Ru => format!(
                "медиана {m}, максимум {max} (саммитов с данными: {})",
                self.int(n)
            ),
        }
    }

    /// A share of a delegation: `0.27` (`0,27`), in Arabic `27%`, as the
    /// Arabic press writes shares.
    pub fn share(&self, x: f64) -> String {
        match self.lang() {
            Lang::Ar => self.style.numbers(&format!("{:.0}%", x * 100.0)),
            _ => self.style.fraction(x),
        }
    }

    /// A sentence as Russian typesetting wants it: a dash never starts a
    /// line (a no-break space before it).
    pub fn finish(&self, text: String) -> String {
        match self.lang() {
            Lang::Ru => text.replace(" — ", "\u{A0}— "),
            _ => text,
        }
    }

    fn none_recorded(&self) -> String {
        match self.lang() {
            Lang::En => "none recorded",
            Lang::Ar => "لا بيانات مسجّلة",
            Lang::Ru => "данных нет",
        }
        .to_owned()
    }

    /// A number of the summit: `2.75`, `2,75`; unknown when not recorded.
    pub fn value(&self, x: Option<f64>) -> String {
        x.map_or_else(|| self.unknown(), |x| self.style.numbers(&format!("{x}")))
    }

    /// `above the median of 1.5 hours of talks`.
    pub(crate) fn against_median(&self, this: Option<f64>, values: &[f64], unit: Unit) -> String {
        let lang = self.lang();
        let (x, m) = match (this, super::compare::median(values)) {
            (None, _) => {
                return match lang {
                    Lang::En => "not recorded",
                    Lang::Ar => "لا بيانات عن هذه القمة",
                    Lang::Ru => "нет данных",
                }
                .to_owned();
            }
            (Some(_), None) => return self.nothing_to_compare(),
            (Some(x), Some(m)) => (x, m),
        };
        let median = self.style.number(m);
        let (en, ar, ru) = if x > m {
            ("above", "أعلى من الوسيط", "выше медианы")
        } else if x < m {
            ("below", "أدنى من الوسيط", "ниже медианы")
        } else {
            ("at", "عند مستوى الوسيط", "на уровне медианы")
        };
        match lang {
            Lang::En => format!("{en} the median of {median} {}", unit.en_verdict()),
            Lang::Ar => format!("{ar} ({median})"),
            Lang::Ru => format!("{ru} ({median})"),
        }
    }

    fn nothing_to_compare(&self) -> String {
        match self.lang() {
            Lang::En => "nothing to compare with",
            Lang::Ar => "لا يوجد ما يُقارَن به",
            Lang::Ru => "сравнивать не с чем",
        }
        .to_owned()
    }

    // Yes-or-no facts as rates.

    /// The history of a flag: `49 of 59 coded (83%)`; `coded` says the
    /// fact is coded by hand, not computed from a table of facts.
    pub(crate) fn flag_history(
        &self,
        yes: usize,
        known: usize,
        earlier: usize,
        coded: bool,
        scope: &str,
    ) -> String {
        let lang = self.lang();
        if earlier == 0 {
            return self.no_earlier();
        }
        if known == 0 {
            return match (lang, coded) {
                (Lang::En, true) => format!("not coded for the {scope}"),
                (Lang::En, false) => format!("not known for the {scope}"),
                (Lang::Ar, true) => format!("لا بيانات عنه في {scope}"),
                (Lang::Ar, false) => format!("غير معروف في {scope}"),
                (Lang::Ru, true) => format!("нет данных ни по одному из {scope}"),
                (Lang::Ru, false) => format!("неизвестно для {scope}"),
            };
        }
        let (k, n, p) = (
            self.int(yes as i64),
            self.int(known as i64),
            self.style.percent(yes, known),
        );
        match (lang, coded) {
            (Lang::En, true) => format!("{k} of {n} coded ({p})"),
            (Lang::En, false) => format!("{k} of {n} ({p})"),
            (Lang::Ar, true) => format!("{k} من أصل {n} من القمم التي تتوفر عنها بيانات ({p})"),
            (Lang::Ar, false) => format!(
                "{k} من أصل {} ({p})",
                self.count(known as i64, Noun::Summit)
            ),
            (Lang::Ru, true) => format!("{k} из {n} с данными ({p})"),
            (Lang::Ru, false) => format!("{k} из {n} ({p})"),
        }
    }

    /// A flag no source settles (`coded`) or no table covers.
    pub(crate) fn flag_unknown(&self, coded: bool) -> String {
        match (self.lang(), coded) {
            (Lang::En, true) => "not coded (no source settles it)",
            (Lang::En, false) => "unknown (the collection has no table of these facts)",
            (Lang::Ar, true) => "لا تحسمه المصادر المتاحة",
            (Lang::Ar, false) => "غير معروف (لا تتضمن المجموعة جدولًا بهذه الوقائع)",
            (Lang::Ru, true) => "нет данных (ни в одном источнике это не указано)",
            (Lang::Ru, false) => "неизвестно (в коллекции нет таблицы этих фактов)",
        }
        .to_owned()
    }

    /// The verdict of a flag: what this summit had (with the names of the
    /// facts that make a computed flag true), and how often the earlier
    /// summits had it, marked unusual when this one went against the
    /// majority.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn flag_verdict(
        &self,
        flag: Flag,
        this: bool,
        because: Option<&str>,
        yes: usize,
        known: usize,
        coded: bool,
        scope: &str,
    ) -> String {
        let words = flag.words();
        let unusual = known > 0
            && if this {
                yes * 2 < known
            } else {
                yes * 2 > known
            };
        if self.lang() == Lang::En {
            let had = match (this, because) {
                (true, Some(what)) => format!("{}: {what}", words.en),
                (true, None) => words.en.to_owned(),
                (false, _) => format!(
                    "no {}",
                    words.en.trim_start_matches("a ").trim_start_matches("an ")
                ),
            };
            if known == 0 {
                return format!("{had}; nothing to compare with");
            }
            return format!(
                "{had}; {yes} of the {known} {scope}{} had {}{}",
                if coded { " coded" } else { "" },
                words.en,
                if unusual { " (unusual)" } else { "" }
            );
        }
        let forms = if self.lang() == Lang::Ar {
            words.ar
        } else {
            words.ru
        };
        let mut had = forms[if this { 0 } else { 1 }].to_owned();
        if let (true, Some(what)) = (this, because) {
            had.push_str(&format!(" ({what})"));
        }
        if known == 0 {
            return match self.lang() {
                Lang::Ar => format!("{had}، ولا يوجد ما يُقارَن به"),
                _ => format!("{had}; сравнивать не с чем"),
            };
        }
        let mut scope = scope.to_owned();
        if coded {
            scope.push_str(match self.lang() {
                Lang::Ar => " التي تتوفر عنها بيانات",
                _ => ", по которым есть данные",
            });
        }
        let scope = self.after(known, &scope);
        // "0 of 95 had it" reads as nothing in Arabic and Russian: a
        // summit without it is like all before it, one with it is a first.
        if yes == 0 && !this {
            return match self.lang() {
                Lang::Ar => format!(
                    "{had}، كما هي الحال في جميع {scope} ({})",
                    self.count(known as i64, Noun::Summit)
                ),
                _ => format!(
                    "{had}, как и во время всех {} {scope}",
                    self.int(known as i64)
                ),
            };
        }
        if yes == 0 {
            return match self.lang() {
                Lang::Ar => format!(
                    "{had}، ولم يسبق أن حدث ذلك في أيٍّ من {scope} ({})",
                    self.count(known as i64, Noun::Summit)
                ),
                _ => format!(
                    "{had}, что беспрецедентно: такого не было ни на одном из {} {scope}",
                    self.int(known as i64)
                ),
            };
        }
        let rate = {
            forms[2]
                .replace("{k}", &self.int(yes as i64))
                .replace("{n}", &self.int(known as i64))
                .replace("{scope}", &scope)
        };
        match (self.lang(), unusual) {
            // Not the clause again: "unlike at 49 of the 59 earlier
            // summits", "as at 51 of 62", "only at 5 of 75".
            (Lang::Ar, true) if this => format!(
                "{had}، خلافًا للمعتاد؛ إذ لم يحدث ذلك إلا في {} من أصل {} من {scope}",
                self.int(yes as i64),
                self.int(known as i64)
            ),
            (Lang::Ar, true) if yes == known => format!(
                "{had}، خلافًا لما جرى في جميع {scope} ({})",
                self.count(known as i64, Noun::Summit)
            ),
            (Lang::Ar, true) => format!(
                "{had}، خلافًا لما جرى في {} من أصل {} من {scope}",
                self.int(yes as i64),
                self.int(known as i64)
            ),
            (Lang::Ar, false) if this && yes == known => format!(
                "{had}، كما هي الحال في جميع {scope} ({})",
                self.count(known as i64, Noun::Summit)
            ),
            (Lang::Ar, false) if this => format!(
                "{had}، كما هي الحال في {} من أصل {} من {scope}",
                self.int(yes as i64),
                self.int(known as i64)
            ),
            (Lang::Ar, false) => format!(
                "{had}، كما هي الحال في {} من أصل {} من {scope}",
                self.int((known - yes) as i64),
                self.int(known as i64)
            ),
            (_, true) => format!("{had}, что нетипично: {rate}"),
            // Not the clause again: "as at 51 of the 62 earlier summits".
            (_, false) if this => format!(
                "{had}, как и на {} из {} {scope}",
                self.int(yes as i64),
                self.int(known as i64)
            ),
            (_, false) => format!("{had}; {rate}"),
        }
    }

    // The wars of either side.

    /// `USA: none; RUS: Russo-Ukrainian War`.
    pub fn wars(&self, sides: [(&str, Option<&str>); 2]) -> String {
        let none = match self.lang() {
            Lang::En => "none",
            Lang::Ar => "لا حرب",
            Lang::Ru => "нет",
        };
        let side = |(code, wars): (&str, Option<&str>)| {
            let name = match self.lang() {
                Lang::En => code.to_owned(),
                _ => self.country(code),
            };
            format!("{name}: {}", wars.unwrap_or(none))
        };
        let sep = if self.lang() == Lang::Ar { "؛ " } else { "; " };
        format!("{}{sep}{}", side(sides[0]), side(sides[1]))
    }

    /// `65 of 95 earlier RUS-USA summits held while a side fought a war`.
    pub fn wars_history(&self, at_war: usize, earlier: usize, scope: &str) -> String {
        if earlier == 0 {
            return self.no_earlier();
        }
        let (k, n) = (self.int(at_war as i64), self.int(earlier as i64));
        match self.lang() {
            Lang::En => format!("{k} of {n} {scope} held while a side fought a war"),
            Lang::Ar => {
                format!(
                    "انعقدت {k} من أصل {n} من {scope} بينما كان أحد الطرفين على الأقل في حالة حرب"
                )
            }
            Lang::Ru => format!(
                "хотя бы одна из сторон вела войну во время {k} из {n} {}",
                self.after(earlier, scope)
            ),
        }
    }

    /// The wars unknown: no table of armed conflicts.
    pub fn wars_unknown(&self) -> String {
        match self.lang() {
            Lang::En => "unknown (the collection has no table of armed conflicts)",
            Lang::Ar => "غير معروف (لا تتضمن المجموعة جدول النزاعات المسلحة)",
            Lang::Ru => "неизвестно (в коллекции нет таблицы вооружённых конфликтов)",
        }
        .to_owned()
    }

    /// Which side was at war: the side at war first.
    pub fn wars_verdict(&self, sides: [(&str, Option<&str>); 2]) -> String {
        let [a, b] = sides;
        let (first, second) = match (a.1, b.1) {
            (None, None) => {
                return match self.lang() {
                    Lang::En => "neither side was at war",
                    Lang::Ar => "لم يكن أيٌّ من الطرفين في حالة حرب",
                    Lang::Ru => "ни одна из сторон не вела войну",
                }
                .to_owned();
            }
            (Some(_), _) => (a, b),
            (None, Some(_)) => (b, a),
        };
        let (name1, name2) = (self.country(first.0), self.country(second.0));
        let wars1 = first.1.unwrap_or_default();
        match (self.lang(), second.1) {
            (Lang::En, None) => format!("{name1} was at war ({wars1}); {name2} was not"),
            (Lang::En, Some(w)) => {
                format!("{name1} was at war ({wars1}); {name2} was at war ({w})")
            }
            (Lang::Ar, None) => format!("{name1} في حالة حرب ({wars1})، بخلاف {name2}"),
            (Lang::Ar, Some(w)) => {
                format!("كلٌّ من {name1} ({wars1}) و{name2} ({w}) في حالة حرب")
            }
            (_, None) => format!("{name1} в состоянии войны ({wars1}), {name2} — нет"),
            (_, Some(w)) => {
                format!("обе стороны в состоянии войны: {name1} ({wars1}), {name2} ({w})")
            }
        }
    }

    // The delegations.

    /// How a portfolio's share of the delegation ranks among the earlier
    /// summits with participants recorded.
    pub fn share_verdict(&self, this: Option<f64>, shares: &[f64], scope: &str) -> String {
        let lang = self.lang();
        let Some(s) = this else {
            return match lang {
                Lang::En => "no participants recorded",
                Lang::Ar => "لا مشاركين مسجّلين",
                Lang::Ru => "участники не записаны",
            }
            .to_owned();
        };
        if shares.is_empty() {
            return self.nothing_to_compare();
        }
        let above = shares.iter().filter(|x| **x > s).count();
        let below = shares.iter().filter(|x| **x < s).count();
        let tied = shares.len() - above - below;
        let n = shares.len();
        if above == 0 && below == 0 {
            return match lang {
                Lang::En => {
                    format!("the same as all {n} {scope} with participants recorded")
                }
                Lang::Ar => format!(
                    "تساوي نظيرتها في جميع {scope} المعروف أعضاء وفودها ({})",
                    self.count(n as i64, Noun::Summit)
                ),
                Lang::Ru => format!(
                    "как у всех {} {} с известным составом",
                    self.int(n as i64),
                    self.after(n, scope)
                ),
            };
        }
        let rank = above as i64 + 1;
        if below == 0 && lang != Lang::En {
            let (of, n) = (self.int(n as i64 + 1), self.int(n as i64));
            return match lang {
                Lang::Ar => format!(
                    "{} من أصل {of}: لا تتجاوز نظيرتها في أيٍّ من {scope} المعروف أعضاء وفودها (وعددها {n})",
                    self.ar_place(rank, tied)
                ),
                _ => format!(
                    "{} из {of}: ни у одного из {n} {} с известным составом доля не была ниже",
                    self.ru_place(rank, tied),
                    self.after(shares.len(), scope)
                ),
            };
        }
        let (of, below, n) = (
            self.int(n as i64 + 1),
            self.int(below as i64),
            self.int(n as i64),
        );
        match lang {
            Lang::En => format!(
                "the {}{} highest of {of}: higher than {below} of the {n} {scope} with participants recorded",
                if tied > 0 { "joint " } else { "" },
                ordinal(rank),
            ),
            Lang::Ar if below == n => format!(
                "{} من أصل {of}: تتجاوز نظيرتها في جميع {scope} المعروف أعضاء وفودها (وعددها {n})",
                self.ar_place(rank, tied)
            ),
            Lang::Ar => format!(
                "{} من أصل {of}: تتجاوز نظيرتها في {below} من أصل {n} من {scope} المعروف أعضاء وفودها",
                self.ar_place(rank, tied)
            ),
            Lang::Ru => format!(
                "{} из {of}: выше, чем у {below} из {n} {} с известным составом",
                self.ru_place(rank, tied),
                self.after(shares.len(), scope)
            ),
        }
    }

    // Where it was held.

    /// `Anchorage, USA (side_a)`; in Arabic and Russian the host country
    /// and whose soil it is.
    pub fn venue(&self, city: &str, host: &str, host_side: Option<&str>) -> String {
        match self.lang() {
            Lang::En => format!(
                "{city}, {host} ({})",
                host_side.unwrap_or("host side unknown")
            ),
            Lang::Ar => format!(
                "{}، {} ({})",
                crate::text::city(city, Lang::Ar),
                self.country(host),
                match host_side {
                    Some("third_country") => "بلد ثالث",
                    Some(_) => "على أرض أحد الطرفين",
                    None => "الطرف المضيف غير معروف",
                }
            ),
            Lang::Ru => format!(
                "{}, {} ({})",
                crate::text::city(city, Lang::Ru),
                self.country(host),
                match host_side {
                    Some("third_country") => "третья страна",
                    Some(_) => "на территории одной из сторон",
                    None => "принимающая сторона неизвестна",
                }
            ),
        }
    }

    /// `20 of 95 earlier RUS-USA summits in USA; 54 in a third country`.
    pub fn venue_history(
        &self,
        here: usize,
        earlier: usize,
        third: usize,
        host: &str,
        scope: &str,
    ) -> String {
        let (k, n, t) = (
            self.int(here as i64),
            self.int(earlier as i64),
            self.int(third as i64),
        );
        match self.lang() {
            Lang::En => format!("{k} of {n} {scope} in {host}; {t} in a third country"),
            Lang::Ar => format!(
                "انعقدت {k} من أصل {n} من {scope} في {}، و{t} خارج أراضي الطرفين",
                self.country(host)
            ),
            Lang::Ru => format!(
                "{} — {k} из {n} {}, в третьих странах — {t}",
                ru_country(host, RuCase::In),
                self.after(earlier, scope)
            ),
        }
    }

    /// `the first RUS-USA summit in the United States since 2015-new-york
    /// (2015)`, or the first there of all.
    pub fn venue_verdict_recent(&self, dyad: Option<&str>, host: &str, id: &str) -> String {
        match self.lang() {
            Lang::En => format!(
                "the previous {} in {}: {id}",
                dyad.map_or_else(|| "summit".to_owned(), |d| format!("{d} summit")),
                in_sentence(host)
            ),
            Lang::Ar => format!(
                "آخر قمة سابقة{} في {}: {}",
                dyad.map_or_else(String::new, |d| format!(" بين {}", self.pair(d))),
                self.country(host),
                self.summit(id)
            ),
            Lang::Ru => format!(
                "предыдущий саммит {} — {}",
                ru_country(host, RuCase::In),
                self.summit(id)
            ),
        }
    }

    /// `the first RUS-USA summit in the United States since 2015-new-york
    /// (2015)`, or the first there of all; within two years of the last
    /// one there, that one ([`Say::venue_verdict_recent`]).
    pub fn venue_verdict(
        &self,
        dyad: Option<&str>,
        host: &str,
        last_here: Option<(&str, NaiveDate)>,
        scope: &str,
    ) -> String {
        match (self.lang(), last_here) {
            (Lang::En, Some((id, day))) => format!(
                "the first {} in {} since {id} ({})",
                dyad.map_or_else(|| "summit".to_owned(), |d| format!("{d} summit")),
                in_sentence(host),
                day.format("%Y")
            ),
            (Lang::En, None) => format!(
                "the first {} in {} among the {scope}",
                dyad.map_or_else(|| "summit".to_owned(), |d| format!("{d} summit")),
                in_sentence(host)
            ),
            (Lang::Ar, Some((id, _))) => format!(
                "أول قمة{} في {} منذ {}",
                dyad.map_or_else(String::new, |d| format!(" بين {}", self.pair(d))),
                self.country(host),
                self.summit(id)
            ),
            (Lang::Ar, None) => format!("لم يُعقد في {} أيٌّ من {scope}", self.country(host)),
            (_, Some((id, day))) => format!(
                "первый с {} года {} {} (предыдущий — {})",
                self.style.year(day),
                dyad.map_or_else(|| "саммит".to_owned(), ru_summit),
                ru_country(host, RuCase::In),
                self.summit(id)
            ),
            (_, None) => format!(
                "ни один из {scope} не проходил {}",
                ru_country(host, RuCase::In)
            ),
        }
    }

    // The visiting side on the host's soil.

    /// `a leader of Russia in the United States`.
    pub fn visit(&self, visitor: &str, host: &str) -> String {
        match self.lang() {
            Lang::En => format!(
                "a leader of {} in {}",
                in_sentence(visitor),
                in_sentence(host)
            ),
            Lang::Ar => format!(
                "زيارة زعيم {} إلى {}",
                self.country(visitor),
                self.country(host)
            ),
            Lang::Ru => format!(
                "визит лидера {} {}",
                ru_country(visitor, RuCase::Genitive),
                ru_country(host, RuCase::Into)
            ),
        }
    }

    /// The official record's earlier visits: `31 earlier in the official
    /// record, 1959–2015 (leaders of the Soviet Union and Russia); latest
    /// 2015-09-28, President Vladimir Putin`.
    #[allow(clippy::too_many_arguments)]
    pub fn visits_history(
        &self,
        n: usize,
        first: NaiveDate,
        latest: NaiveDate,
        person: &str,
        origins: &[String],
    ) -> String {
        let (y1, y2) = (self.style.year(first), self.style.year(latest));
        match self.lang() {
            Lang::En => format!(
                "{n} earlier in the official record, {y1}–{y2} (leaders of {}); latest {latest}, {person}",
                origins
                    .iter()
                    .map(|c| in_sentence(c))
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Lang::Ar => format!(
                "{} سابقة في السجل الرسمي الأمريكي بين عامي {y1} و{y2} (زعماء {})، آخرها في {} ({person})",
                self.count(n as i64, Noun::Visit),
                origins
                    .iter()
                    .map(|c| self.country(c))
                    .collect::<Vec<_>>()
                    .join(" ثم "),
                self.style.date(latest)
            ),
            Lang::Ru => format!(
                "{} в официальном реестре США за {y1}–{y2}\u{A0}гг. (лидеры {}); последний — {}, {person}",
                self.count(n as i64, Noun::Visit),
                origins
                    .iter()
                    .map(|c| ru_country(c, RuCase::Genitive))
                    .collect::<Vec<_>>()
                    .join(", затем "),
                self.style.date(latest)
            ),
        }
    }

    /// The official record does not cover the two sides.
    pub fn record_us_only(&self) -> String {
        match self.lang() {
            Lang::En => "the official record covers only visits to and from the United States",
            Lang::Ar => "لا يغطي السجل الرسمي الأمريكي إلا الزيارات من الولايات المتحدة وإليها",
            Lang::Ru => "официальный реестр США учитывает только визиты в США и из США",
        }
        .to_owned()
    }

    /// No earlier visit in the official record.
    pub fn no_visits(&self, visitor: &str, host: &str) -> String {
        match self.lang() {
            Lang::En => format!(
                "no earlier visit by a leader of {} to {} in the official record",
                in_sentence(visitor),
                in_sentence(host)
            ),
            Lang::Ar => format!(
                "لا يتضمن السجل الرسمي الأمريكي أي زيارة سابقة لزعيم {} إلى {}",
                self.country(visitor),
                self.country(host)
            ),
            Lang::Ru => format!(
                "более ранних визитов лидеров {} {} в официальном реестре США нет",
                ru_country(visitor, RuCase::Genitive),
                ru_country(host, RuCase::Into)
            ),
        }
    }

    /// `the first visit by a leader of Russia to the United States since
    /// 2015 (hs-visit-2805, 3,609 days before)`, with where the official
    /// record ends when it ends before the summit.
    pub fn visit_verdict(
        &self,
        visitor: &str,
        host: &str,
        latest: Option<(NaiveDate, &str, i64)>,
        record_ends: Option<NaiveDate>,
        record_covers: bool,
    ) -> String {
        if !record_covers && latest.is_none() {
            return match self.lang() {
                Lang::En => format!(
                    "the first summit of a leader of {} in {} in the collection",
                    in_sentence(visitor),
                    in_sentence(host)
                ),
                Lang::Ar => format!(
                    "أول قمة لزعيم {} في {} بحسب بيانات المجموعة",
                    self.country(visitor),
                    self.country(host)
                ),
                _ => format!(
                    "первый в коллекции саммит лидера {} {}",
                    ru_country(visitor, RuCase::Genitive),
                    ru_country(host, RuCase::In)
                ),
            };
        }
        let coverage = match (self.lang(), record_ends) {
            (_, None) => String::new(),
            (Lang::En, Some(last)) => format!("; the official record runs to {last}"),
            (Lang::Ar, Some(last)) => {
                format!(
                    "؛ علمًا بأن السجل الرسمي يتوقف عند {}",
                    self.style.date(last)
                )
            }
            (_, Some(last)) => format!(
                "; данные официального реестра охватывают период до {}",
                self.style.date(last)
            ),
        };
        // The latest visit is a summit of the collection or a visit of
        // the official record.
        let what = |id: &str| match (self.lang(), self.summits.contains_key(id)) {
            (Lang::En, _) | (_, true) => self.summit(id),
            (Lang::Ar, false) => "زيارة مدرجة في السجل الرسمي".to_owned(),
            (_, false) => "визит, учтённый в официальном реестре".to_owned(),
        };
        // Within two years of the last one, that one, not "the first since".
        if let Some((_, id, days)) = latest.filter(|(_, _, days)| *days < RECENT_DAYS) {
            return match self.lang() {
                Lang::En => format!(
                    "the previous visit by a leader of {} to {}: {id}, {} days before{coverage}",
                    in_sentence(visitor),
                    in_sentence(host),
                    self.int(days)
                ),
                Lang::Ar => format!(
                    "آخر زيارة سابقة لزعيم {} إلى {}: {}، قبل هذه القمة بـ{}{coverage}",
                    self.country(visitor),
                    self.country(host),
                    what(id),
                    self.count(days, Noun::Day)
                ),
                _ => format!(
                    "предыдущий визит лидера {} {} — {}, за {} до саммита{coverage}",
                    ru_country(visitor, RuCase::Genitive),
                    ru_country(host, RuCase::Into),
                    what(id),
                    self.count(days, Noun::Day)
                ),
            };
        }
        match (self.lang(), latest) {
            (Lang::En, Some((day, id, days))) => format!(
                "the first visit by a leader of {} to {} since {} ({id}, {} days before){coverage}",
                in_sentence(visitor),
                in_sentence(host),
                day.format("%Y"),
                self.int(days)
            ),
            (Lang::En, None) => format!(
                "the first visit by a leader of {} to {} in the official record and the collection{coverage}",
                in_sentence(visitor),
                in_sentence(host)
            ),
            (Lang::Ar, Some((day, id, days))) => format!(
                "أول زيارة لزعيم {} إلى {} منذ عام {}، وكانت سابقتها {}، قبل هذه القمة بـ{}{coverage}",
                self.country(visitor),
                self.country(host),
                self.style.year(day),
                what(id),
                self.count(days, Noun::Day)
            ),
            (Lang::Ar, None) => format!(
                "أول زيارة لزعيم {} إلى {} بحسب السجل الرسمي وبيانات المجموعة{coverage}",
                self.country(visitor),
                self.country(host)
            ),
            (_, Some((day, id, days))) => format!(
                "визит лидера {} {} — первый с {} года (предыдущий — {}, за {} до саммита){coverage}",
                ru_country(visitor, RuCase::Genitive),
                ru_country(host, RuCase::Into),
                self.style.year(day),
                what(id),
                self.count(days, Noun::Day)
            ),
            (_, None) => format!(
                "первый визит лидера {} {} по данным официального реестра и коллекции{coverage}",
                ru_country(visitor, RuCase::Genitive),
                ru_country(host, RuCase::Into)
            ),
        }
    }

    // The distance from the capitals.

    /// `5,410 km from Washington, D.C., 6,992 km from Moscow`; a venue in
    /// a capital (the gazetteer's point of the city) is said to be in it,
    /// first: `in Moscow, 7,820 km from Washington, D.C.`.
    pub fn distance(&self, sides: [(&str, &str, i64); 2]) -> String {
        let lang = self.lang();
        let from = |(code, english, km): (&str, &str, i64)| match lang {
            Lang::En => format!("{} km from {english}", self.int(km)),
            Lang::Ar => format!(
                "{} من {}",
                self.count(km, Noun::Kilometre),
                capital(code, Lang::Ar, false)
            ),
            Lang::Ru => format!(
                "{} от {}",
                self.count(km, Noun::Kilometre),
                capital(code, Lang::Ru, false)
            ),
        };
        let [a, b] = sides;
        match (a.2 == 0, b.2 == 0) {
            (false, false) => match lang {
                Lang::Ar => format!("{}، و{}", from(a), from(b)),
                _ => format!("{}, {}", from(a), from(b)),
            },
            (true, true) => capital_in(a.0, a.1, lang),
            (a_in, _) => {
                let (home, away) = if a_in { (a, b) } else { (b, a) };
                let home = capital_in(home.0, home.1, lang);
                match lang {
                    Lang::En => format!("{home}, {}", from(away)),
                    Lang::Ar => format!("{home}، على بعد {}", from(away)),
                    Lang::Ru => format!("{home}, в {}", from(away)),
                }
            }
        }
    }

    /// Which capital the venue is closer to.
    pub fn closer(&self, nearer: Option<(&str, &str)>) -> String {
        match (self.lang(), nearer) {
            (Lang::En, Some((_, capital))) => format!("closer to {capital}"),
            (Lang::En, None) => "as far from both capitals".to_owned(),
            (Lang::Ar, Some((code, _))) => format!("أقرب إلى {}", capital(code, Lang::Ar, true)),
            (Lang::Ar, None) => "على المسافة نفسها من العاصمتين".to_owned(),
            (_, Some((code, _))) => format!("ближе к {}", capital(code, Lang::Ru, true)),
            (_, None) => "на равном расстоянии от обеих столиц".to_owned(),
        }
    }

    /// The venue's position or a capital's is not recorded.
    pub fn distance_unknown(&self) -> String {
        match self.lang() {
            Lang::En => "the venue's position or a capital's is not recorded",
            Lang::Ar => "إحداثيات مكان القمة أو إحدى العاصمتين غير مسجّلة",
            Lang::Ru => "координаты места встречи или одной из столиц не записаны",
        }
        .to_owned()
    }

    // Who was absent.

    /// The absent parties' codes (English) or names.
    pub fn absent(&self, codes: Option<&str>) -> String {
        match (self.lang(), codes) {
            (Lang::En, Some(codes)) => codes.to_owned(),
            (Lang::En, None) => "none recorded".to_owned(),
            (_, Some(codes)) => self.names_of(codes),
            (Lang::Ar, None) => "لا أطراف غائبة مسجّلة".to_owned(),
            (_, None) => "не записаны".to_owned(),
        }
    }

    /// `51 of 95 earlier RUS-USA summits had stakeholders absent`.
    pub fn absent_history(&self, with_absent: usize, earlier: usize, scope: &str) -> String {
        let (k, n) = (self.int(with_absent as i64), self.int(earlier as i64));
        match self.lang() {
            Lang::En => format!("{k} of {n} {scope} had stakeholders absent"),
            Lang::Ar => format!("غابت أطراف معنية عن {k} من أصل {n} من {scope}"),
            Lang::Ru => format!(
                "заинтересованные стороны отсутствовали на {k} из {n} {}",
                self.after(earlier, scope)
            ),
        }
    }

    /// `absent from the table: Ukraine, European Union`.
    pub fn absent_verdict(&self, codes: Option<&str>) -> String {
        match (self.lang(), codes) {
            (Lang::En, Some(c)) => format!("absent from the table: {}", self.names_of(c)),
            (Lang::En, None) => "no absent stakeholders recorded".to_owned(),
            (Lang::Ar, Some(c)) => format!("غاب عن طاولة المفاوضات: {}", self.names_of(c)),
            (Lang::Ar, None) => "لم تُسجَّل أطراف معنية غائبة".to_owned(),
            (_, Some(c)) => format!("отсутствующие стороны: {}", self.names_of(c)),
            (_, None) => "отсутствующие заинтересованные стороны не записаны".to_owned(),
        }
    }

    /// Codes of countries and organisations as names.
    fn names_of(&self, codes: &str) -> String {
        let lang = self.lang();
        let codes: Vec<&str> = codes
            .split(';')
            .map(|c| {
                crate::model::country(c)
                    .map(|x| x.name(lang))
                    .or_else(|| {
                        crate::model::organisation(c).map(|o| match lang {
                            Lang::En => o.en,
                            Lang::Ar => o.ar,
                            Lang::Ru => o.ru,
                        })
                    })
                    .unwrap_or(c)
            })
            .collect::<Vec<_>>();
        match (lang, codes.split_last()) {
            // «أوكرانيا والاتحاد الأوروبي».
            (Lang::Ar, Some((last, rest))) if !rest.is_empty() => {
                format!("{} و{last}", rest.join("، "))
            }
            _ => codes.join(", "),
        }
    }

    // Each principal's last meetings.

    /// `last met RUS at 2021-geneva, 1,521 days before`, or the first
    /// summit with that side.
    pub fn met_before(&self, counterpart: &str, last: Option<(&str, i64)>) -> String {
        match (self.lang(), last) {
            (Lang::En, Some((id, days))) => format!(
                "last met {counterpart} at {id}, {} days before",
                self.int(days)
            ),
            (Lang::En, None) => format!("first summit with {counterpart} in the data"),
            (Lang::Ar, Some((id, days))) => format!(
                "آخر قمة جمعته بزعيم {} كانت {}، قبل هذه القمة بـ{}",
                self.country(counterpart),
                self.summit(id),
                self.count(days, Noun::Day)
            ),
            (Lang::Ar, None) => {
                format!(
                    "أول قمة تجمعه بزعيم {} بحسب البيانات",
                    self.country(counterpart)
                )
            }
            (_, Some((id, days))) => format!(
                "предыдущая встреча на высшем уровне с лидером {} — {}, за {} до этого саммита",
                ru_country(counterpart, RuCase::Genitive),
                self.summit(id),
                self.count(days, Noun::Day)
            ),
            (_, None) => format!(
                "первая в данных встреча на высшем уровне с лидером {}",
                ru_country(counterpart, RuCase::Genitive)
            ),
        }
    }

    /// Where a principal was last on the counterpart's soil, at a summit
    /// (`at`) or on a visit of the official record (`visit`: its id, first
    /// and last days, and the days before), or both.
    pub fn soil(
        &self,
        counterpart: &str,
        at: Option<(&str, i64)>,
        visit: Option<(&str, NaiveDate, NaiveDate, i64)>,
        record_covers: bool,
    ) -> String {
        let lang = self.lang();
        let on = match lang {
            Lang::En => format!("on {counterpart} soil"),
            Lang::Ar => format!("على أرض {}", self.country(counterpart)),
            _ => ru_country(counterpart, RuCase::In),
        };
        let listed = |(id, start, end): (&str, NaiveDate, NaiveDate)| match lang {
            Lang::En => format!("{id}, {start} to {end}"),
            _ => self.style.days_span(start, end),
        };
        let days = |d: i64| match lang {
            Lang::En => format!("{} days before", self.int(d)),
            Lang::Ar => format!("قبل هذه القمة بـ{}", self.count(d, Noun::Day)),
            _ => format!("за {} до саммита", self.count(d, Noun::Day)),
        };
        match (at, visit) {
            (None, None) => match lang {
                Lang::En => {
                    format!("no earlier summit or official visit {on} in the data")
                }
                Lang::Ar => format!("لا تتضمن البيانات أي قمة سابقة أو زيارة رسمية له {on}"),
                _ => format!("ни саммитов, ни официальных визитов {on} в данных нет"),
            },
            // The official record's silence is news only where it covers
            // the two sides (visits to and from the United States).
            (Some((id, d)), None) => match (lang, record_covers) {
                (Lang::En, true) => format!(
                    "last {on} at {id}, {}; no earlier visit in the official record",
                    days(d)
                ),
                (Lang::En, false) => format!("last {on} at {id}, {}", days(d)),
                (Lang::Ar, true) => format!(
                    "كان آخر وجود له {on} في {}، {}؛ ولا يتضمن السجل الرسمي أي زيارة سابقة له",
                    self.summit(id),
                    days(d)
                ),
                (Lang::Ar, false) => {
                    format!("كان آخر وجود له {on} في {}، {}", self.summit(id), days(d))
                }
                (_, true) => format!(
                    "последний раз был {on} {}: {}; визитов в официальном реестре нет",
                    days(d),
                    self.summit(id)
                ),
                (_, false) => format!("последний раз был {on} {}: {}", days(d), self.summit(id)),
            },
            (None, Some((vid, start, end, vd))) => match lang {
                Lang::En => format!(
                    "last {on} on a visit of the official record ({}), {}",
                    listed((vid, start, end)),
                    days(vd)
                ),
                Lang::Ar => format!(
                    "كان آخر وجود له {on} في زيارة مدرجة في السجل الرسمي ({})، {}",
                    listed((vid, start, end)),
                    days(vd)
                ),
                _ => format!(
                    "последний раз был {on} с визитом, учтённым в официальном реестре ({}), {}",
                    listed((vid, start, end)),
                    days(vd)
                ),
            },
            (Some((id, d)), Some((vid, start, end, vd))) => {
                let stay = (end - start).num_days();
                let visit = listed((vid, start, end));
                if vd <= d && d <= vd + stay {
                    match lang {
                        Lang::En => format!(
                            "last {on} at {id}, {}, during a visit of the official record ({visit})",
                            days(d)
                        ),
                        Lang::Ar => format!(
                            "كان آخر وجود له {on} في {}، {}، خلال زيارة مدرجة في السجل الرسمي ({visit})",
                            self.summit(id),
                            days(d)
                        ),
                        _ => format!(
                            "последний раз был {on} {}: {}, во время визита, учтённого в официальном реестре ({visit})",
                            days(d),
                            self.summit(id)
                        ),
                    }
                } else if vd < d {
                    match lang {
                        Lang::En => format!(
                            "last {on} on a visit of the official record ({visit}), {}; at a summit: {id}, {}",
                            days(vd),
                            days(d)
                        ),
                        Lang::Ar => format!(
                            "كان آخر وجود له {on} في زيارة مدرجة في السجل الرسمي ({visit})، {}؛ وآخر قمة له هناك: {}، {}",
                            days(vd),
                            self.summit(id),
                            days(d)
                        ),
                        _ => format!(
                            "последний раз был {on} с визитом, учтённым в официальном реестре ({visit}), {}; на саммите — {}, {}",
                            days(vd),
                            self.summit(id),
                            days(d)
                        ),
                    }
                } else {
                    match lang {
                        Lang::En => format!(
                            "last {on} at {id}, {}; on a visit of the official record before that ({visit}), {}",
                            days(d),
                            days(vd)
                        ),
                        Lang::Ar => format!(
                            "كان آخر وجود له {on} في {}، {}؛ وقبل ذلك في زيارة مدرجة في السجل الرسمي ({visit})، {}",
                            self.summit(id),
                            days(d),
                            days(vd)
                        ),
                        _ => format!(
                            "последний раз был {on} {}: {}; до этого — с визитом, учтённым в официальном реестре ({visit}), {}",
                            days(d),
                            self.summit(id),
                            days(vd)
                        ),
                    }
                }
            }
        }
    }
}

/// (dyad, adjective): the dyads of the shipped collections as the Russian
/// press names their summits, the Soviet and the Russian years together.
const RU_DYADS: &[(&str, &str)] = &[
    ("CHN-RUS", "советско-/российско-китайский"),
    ("CHN-USA", "американо-китайский"),
    ("KOR-PRK", "межкорейский"),
    ("PRK-USA", "американо-северокорейский"),
    ("RUS-USA", "советско-/российско-американский"),
    ("UKR-USA", "украинско-американский"),
];

/// «советско-/российско-американский саммит», or for a dyad the table
/// lacks «саммит Франции и США».
fn ru_summit(dyad: &str) -> String {
    if let Some((_, adjective)) = RU_DYADS.iter().find(|(d, ..)| *d == dyad) {
        return format!("{adjective} саммит");
    }
    let mut codes = dyad.split('-');
    let (a, b) = (codes.next().unwrap_or(""), codes.next().unwrap_or(""));
    format!(
        "саммит {} и {}",
        ru_country(a, RuCase::Genitive),
        ru_country(b, RuCase::Genitive)
    )
}

/// (country, Arabic, Russian genitive, Russian dative, Russian
/// prepositional): the capitals of the sides of the shipped collections.
const CAPITALS: &[(&str, &str, &str, &str, &str)] = &[
    ("CHN", "بكين", "Пекина", "Пекину", "Пекине"),
    ("KOR", "سيول", "Сеула", "Сеулу", "Сеуле"),
    ("PRK", "بيونغ يانغ", "Пхеньяна", "Пхеньяну", "Пхеньяне"),
    ("RUS", "موسكو", "Москвы", "Москве", "Москве"),
    ("SUN", "موسكو", "Москвы", "Москве", "Москве"),
    ("UKR", "كييف", "Киева", "Киеву", "Киеве"),
    ("USA", "واشنطن", "Вашингтона", "Вашингтону", "Вашингтоне"),
];

/// "In" a side's capital: `in Moscow`, «في موسكو», «в Москве».
fn capital_in(code: &str, english: &str, lang: Lang) -> String {
    let found = CAPITALS.iter().find(|(c, ..)| *c == code);
    match (lang, found) {
        (Lang::En, _) => format!("in {english}"),
        (Lang::Ar, _) => format!("في {}", capital(code, Lang::Ar, false)),
        (_, Some((.., prepositional))) => format!("в {prepositional}"),
        (_, None) => format!("в столице {}", ru_country(code, RuCase::Genitive)),
    }
}

/// A side's capital in a sentence: in Arabic by name; in Russian in the
/// genitive («от Москвы») or, `towards` it, the dative («к Москве»); a
/// side the table lacks as «its capital».
fn capital(code: &str, lang: Lang, towards: bool) -> String {
    let found = CAPITALS.iter().find(|(c, ..)| *c == code);
    match (lang, found) {
        (Lang::Ar, Some((_, ar, ..))) => (*ar).to_owned(),
        (Lang::Ar, None) => format!(
            "عاصمة {}",
            crate::model::country(code).map_or(code, |c| c.ar)
        ),
        (_, Some((_, _, genitive, dative, _))) => {
            (if towards { *dative } else { *genitive }).to_owned()
        }
        (_, None) => format!("столицы {}", ru_country(code, RuCase::Genitive)),
    }
}
