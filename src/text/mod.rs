//! How summitry writes for readers of English, Arabic and Russian: numbers,
//! dates, counted nouns and the names of people and countries in a
//! sentence. Charts, comparisons and reports all write through here, so a
//! number reads the same in a chart and in the sentence beside it.

mod names;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::Lang;
pub use names::{RuCase, city, person, ru_country};

/// The digits numbers are written with in Arabic text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Digits {
    /// 0123456789.
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩, with the Arabic thousands separator, decimal point and
    /// percent sign.
    ArabicIndic,
}

/// How one language writes: the language and, for Arabic, its digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The language.
    pub lang: Lang,
    /// The digits (Arabic only; English and Russian always use Western).
    pub digits: Digits,
}

impl Style {
    /// English, as the tables and the command line write it.
    pub const ENGLISH: Style = Style {
        lang: Lang::En,
        digits: Digits::Western,
    };

    /// `lang` with Western digits.
    pub fn of(lang: Lang) -> Style {
        Style {
            lang,
            digits: Digits::Western,
        }
    }

    /// Text with its numbers written as this style writes them (see
    /// [`numbers`]).
    pub fn numbers(&self, text: &str) -> String {
        numbers(text, self.lang, self.digits)
    }

    /// A whole number: `1,521`, `1 521` (a narrow no-break space),
    /// `1,521` or `١٬٥٢١`.
    pub fn int(&self, n: i64) -> String {
        match (self.lang, self.digits) {
            // Arabic print sets Western digits without the Latin comma.
            (Lang::Ar, Digits::Western) => n.to_string(),
            _ => self.numbers(&thousands(n)),
        }
    }

    /// A number with one decimal place when it has a fraction: `1,132.5`,
    /// `1 132,5`.
    pub fn number(&self, x: f64) -> String {
        let tenths = (x * 10.0).round() as i64;
        let whole = match (self.lang, self.digits) {
            (Lang::Ar, Digits::Western) => (tenths / 10).to_string(),
            _ => thousands(tenths / 10),
        };
        let western = if tenths % 10 == 0 {
            whole
        } else {
            format!("{whole}.{}", (tenths % 10).abs())
        };
        self.numbers(&western)
    }

    /// A fraction with two decimal places: `0.25`, `0,25`.
    pub fn fraction(&self, x: f64) -> String {
        self.numbers(&format!("{x:.2}"))
    }

    /// `k` of `n` as a whole percentage: `43%`, `43 %` in Russian (a
    /// no-break space, as Russian typography sets it), `٤٣٪`.
    pub fn percent(&self, k: usize, n: usize) -> String {
        let p = format!("{:.0}", 100.0 * k as f64 / n.max(1) as f64);
        match self.lang {
            Lang::Ru => format!("{p}\u{A0}%"),
            _ => self.numbers(&format!("{p}%")),
        }
    }

    /// A year: `2025`, `٢٠٢٥`.
    pub fn year(&self, day: NaiveDate) -> String {
        self.numbers(&day.year().to_string())
    }

    /// A day as readers of the language write it in running text:
    /// `2025-08-15` (English tables keep ISO dates), `15 أغسطس 2025`,
    /// `15 августа 2025 г.`
    pub fn date(&self, day: NaiveDate) -> String {
        let month = day.month0() as usize;
        match self.lang {
            Lang::En => day.to_string(),
            Lang::Ar => self.numbers(&format!(
                "{} {} {}",
                day.day(),
                AR_MONTHS[month],
                day.year()
            )),
            Lang::Ru => format!("{} {} {}\u{A0}г.", day.day(), RU_MONTHS[month], day.year()),
        }
    }

    /// A span of days: one date when it is one day, else both ends.
    pub fn days_span(&self, start: NaiveDate, end: NaiveDate) -> String {
        if start == end {
            return self.date(start);
        }
        // Within one month: «من 8 إلى 10 نوفمبر 2017», «с 8 по 10 ноября
        // 2017 г.».
        if (start.year(), start.month()) == (end.year(), end.month()) {
            let first = self.numbers(&start.day().to_string());
            match self.lang {
                Lang::Ar => return format!("من {first} إلى {}", self.date(end)),
                Lang::Ru => return format!("с {first} по {}", self.date(end)),
                Lang::En => {}
            }
        }
        match self.lang {
            Lang::En => format!("{start} to {end}"),
            Lang::Ar => format!("من {} إلى {}", self.date(start), self.date(end)),
            Lang::Ru => format!("с {} по {}", self.date(start), self.date(end)),
        }
    }

    /// `n` of a thing, the noun agreeing with the number as the language
    /// wants: `1,521 days`, `1 521 день`, `1521 يومًا`.
    pub fn count(&self, n: i64, noun: Noun) -> String {
        let forms = noun.forms();
        match self.lang {
            Lang::En => {
                let word = if n == 1 { forms.en.0 } else { forms.en.1 };
                format!("{} {word}", self.int(n))
            }
            // A no-break space: a line never parts a number from its noun.
            Lang::Ru => format!("{}\u{A0}{}", self.int(n), ru_plural(n, forms.ru)),
            Lang::Ar => ar_counted(self, n, forms.ar),
        }
    }
}

/// A noun counted in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Noun {
    /// A day.
    Day,
    /// A summit.
    Summit,
    /// A visit.
    Visit,
    /// A gap between two summits.
    Gap,
    /// A kilometre.
    Kilometre,
}

/// A noun's forms: English (singular, plural); Russian (one, few, many:
/// 1 день, 2 дня, 5 дней); Arabic (one with the number word that agrees
/// with it, two, three to ten, eleven to ninety-nine: يوم واحد، يومين،
/// ثلاثة أيام، أحد عشر يومًا; a round hundred takes the singular). The
/// Arabic dual is in the oblique case, as it stands after the
/// prepositions (منذ، قبل، بعد) these sentences put before a count.
struct Forms {
    en: (&'static str, &'static str),
    ru: [&'static str; 3],
    ar: [&'static str; 5],
}

impl Noun {
    fn forms(self) -> Forms {
        match self {
            Noun::Day => Forms {
                en: ("day", "days"),
                ru: ["день", "дня", "дней"],
                ar: ["يوم", "واحد", "يومين", "أيام", "يومًا"],
            },
            Noun::Summit => Forms {
                en: ("summit", "summits"),
                ru: ["саммит", "саммита", "саммитов"],
                ar: ["قمة", "واحدة", "قمتين", "قمم", "قمة"],
            },
            Noun::Visit => Forms {
                en: ("visit", "visits"),
                ru: ["визит", "визита", "визитов"],
                ar: ["زيارة", "واحدة", "زيارتين", "زيارات", "زيارة"],
            },
            Noun::Gap => Forms {
                en: ("gap", "gaps"),
                ru: ["перерыв", "перерыва", "перерывов"],
                ar: ["فترة", "واحدة", "فترتين", "فترات", "فترة"],
            },
            Noun::Kilometre => Forms {
                en: ("km", "km"),
                ru: ["км", "км", "км"],
                ar: ["كيلومتر", "واحد", "كيلومترين", "كيلومترات", "كيلومترًا"],
            },
        }
    }
}

/// The Russian form of a noun after the number `n`.
fn ru_plural(n: i64, forms: [&'static str; 3]) -> &'static str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (_, 11..=14) => forms[2],
        (1, _) => forms[0],
        (2..=4, _) => forms[1],
        _ => forms[2],
    }
}

/// `n` of a noun in Arabic: one and two in words, as Arabic says them
/// (يوم واحد، يومين), the plural after three to ten, the singular in the
/// accusative after eleven to ninety-nine, the singular after a round
/// hundred.
fn ar_counted(style: &Style, n: i64, forms: [&'static str; 5]) -> String {
    let number = style.int(n);
    match n.unsigned_abs() {
        1 => format!("{} {}", forms[0], forms[1]),
        2 => forms[2].to_owned(),
        m => {
            let word = match m % 100 {
                3..=10 => forms[3],
                11..=99 => forms[4],
                _ => forms[0],
            };
            format!("{number} {word}")
        }
    }
}

const AR_MONTHS: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Months in the genitive, as a Russian date has them.
const RU_MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// A table of words: (key, English, Arabic, Russian).
pub type Words = [(&'static str, &'static str, &'static str, &'static str)];

/// The word for `key` in `lang` from a table of words; the key itself if
/// the table lacks it (the tables' tests keep them complete).
pub fn pick<'a>(table: &'static Words, key: &'a str, lang: Lang) -> &'a str {
    table
        .iter()
        .find(|(k, ..)| *k == key)
        .map_or(key, |(_, en, ar, ru)| match lang {
            Lang::En => en,
            Lang::Ar => ar,
            Lang::Ru => ru,
        })
}

/// `1,521`: a whole number with its thousands separated by commas, as
/// English writes it (and the base every other style rewrites).
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// Text with its numbers rewritten for `lang`: Russian groups thousands
/// with a narrow no-break space and uses a decimal comma; Arabic with
/// [`Digits::ArabicIndic`] writes Arabic-Indic digits with the Arabic
/// thousands separator, decimal separator and percent sign. English, and
/// Arabic with Western digits, are left as they are. A comma or point
/// counts as part of a number only between digits (a thousands comma has
/// exactly three after it), so the punctuation of the sentence stays.
pub fn numbers(text: &str, lang: Lang, digits: Digits) -> String {
    match (lang, digits) {
        (Lang::Ru, _) => rewrite(text, |c, digit| match c {
            ',' if digit(-1) && (1..=3).all(digit) && !digit(4) => '\u{202F}',
            '.' if digit(-1) && digit(1) => ',',
            _ => c,
        }),
        (Lang::Ar, Digits::ArabicIndic) => rewrite(text, |c, digit| match c {
            '0'..='9' => char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c),
            ',' if digit(-1) && digit(1) => '\u{066C}',
            '.' if digit(-1) && digit(1) => '\u{066B}',
            '%' if digit(-1) => '\u{066A}',
            _ => c,
        }),
        _ => text.to_owned(),
    }
}

/// Rewrites text character by character: `map` sees each character and
/// whether the one at an offset from it is an ASCII digit.
fn rewrite(text: &str, map: impl Fn(char, &dyn Fn(isize) -> bool) -> char) -> String {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .map(|i| {
            let digit = |k: isize| {
                i.checked_add_signed(k)
                    .and_then(|j| chars.get(j))
                    .is_some_and(char::is_ascii_digit)
            };
            map(chars[i], &digit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn numbers_as_each_language_writes_them() {
        let ru = Style::of(Lang::Ru);
        let ar = Style::of(Lang::Ar);
        let ar_indic = Style {
            lang: Lang::Ar,
            digits: Digits::ArabicIndic,
        };
        assert_eq!(Style::ENGLISH.int(1521), "1,521");
        assert_eq!(ru.int(1521), "1\u{202F}521");
        assert_eq!(ru.number(1132.5), "1\u{202F}132,5");
        assert_eq!(ar.int(1521), "1521");
        assert_eq!(ar_indic.number(1132.5), "١٬١٣٢٫٥");
        assert_eq!(ar_indic.percent(3, 7), "٤٣٪");
        assert_eq!(ru.percent(3, 7), "43\u{A0}%");
        // The sentence's own punctuation is not a number's.
        assert_eq!(ru.numbers("1, 2 and 3.5."), "1, 2 and 3,5.");
    }

    #[test]
    fn dates_as_each_language_writes_them() {
        let d = day(2025, 8, 15);
        assert_eq!(Style::ENGLISH.date(d), "2025-08-15");
        assert_eq!(Style::of(Lang::Ar).date(d), "15 أغسطس 2025");
        assert_eq!(Style::of(Lang::Ru).date(d), "15 августа 2025\u{A0}г.");
        assert_eq!(
            Style::of(Lang::Ru).days_span(day(1985, 11, 19), day(1985, 11, 20)),
            "с 19 по 20 ноября 1985\u{A0}г."
        );
        assert_eq!(
            Style::of(Lang::Ar).days_span(day(1989, 12, 2), day(1990, 1, 3)),
            "من 2 ديسمبر 1989 إلى 3 يناير 1990"
        );
    }

    #[test]
    fn counted_nouns_agree_with_their_numbers() {
        let ru = Style::of(Lang::Ru);
        let ar = Style::of(Lang::Ar);
        assert_eq!(Style::ENGLISH.count(1, Noun::Day), "1 day");
        assert_eq!(Style::ENGLISH.count(1521, Noun::Day), "1,521 days");
        assert_eq!(ru.count(1, Noun::Day), "1\u{A0}день");
        assert_eq!(ru.count(22, Noun::Day), "22\u{A0}дня");
        assert_eq!(ru.count(11, Noun::Day), "11\u{A0}дней");
        assert_eq!(ru.count(1521, Noun::Day), "1\u{202F}521\u{A0}день");
        assert_eq!(ru.count(45, Noun::Summit), "45\u{A0}саммитов");
        assert_eq!(ar.count(1, Noun::Day), "يوم واحد");
        assert_eq!(ar.count(2, Noun::Summit), "قمتين");
        assert_eq!(ar.count(7, Noun::Day), "7 أيام");
        assert_eq!(ar.count(1521, Noun::Day), "1521 يومًا");
        assert_eq!(ar.count(300, Noun::Day), "300 يوم");
        assert_eq!(ar.count(45, Noun::Summit), "45 قمة");
    }
}
