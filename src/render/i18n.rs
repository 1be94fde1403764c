//! Localisation of the documents: the UI string catalogue of each language
//! (`templates/i18n/<lang>.toml`), and the formatting of dates, durations, amounts, hours and
//! lists in that language. Weekday and month names come from chrono's locale data; date
//! patterns, units and plural forms from the catalogue, because chrono's own date formats do
//! not work for every language (Thai).

use crate::model::values::{Amount, Duration, LanguageTag, WeekdaySet};
use chrono::Locale as ChronoLocale;
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;

/// Languages with built-in UI strings, and their catalogues.
/// `pt` is European Portuguese and `pt-BR` Brazilian Portuguese; any other regional tag
/// (`de-AT`, `pt-PT`) uses the catalogue of its base language.
pub const BUILT_IN: [(&str, &str); 6] = [
    ("en", include_str!("../../templates/i18n/en.toml")),
    ("de", include_str!("../../templates/i18n/de.toml")),
    ("lv", include_str!("../../templates/i18n/lv.toml")),
    ("pt", include_str!("../../templates/i18n/pt.toml")),
    ("pt-BR", include_str!("../../templates/i18n/pt-BR.toml")),
    ("th", include_str!("../../templates/i18n/th.toml")),
];

/// A catalogue: nested tables of strings, as the templates see it (`t.handbook.title`).
pub type Catalogue = toml::Table;

/// A document language: its tag, its catalogue and how it formats things.
#[derive(Debug, Clone)]
pub struct Language {
    /// The plan's tag for it (`de`, `pt-BR`).
    pub tag: String,
    /// The catalogue's language (`pt` for `pt-BR`; `en` when there is no catalogue).
    pub catalogue_lang: String,
    pub strings: Catalogue,
    locale: ChronoLocale,
}

/// Parse a catalogue's text.
pub fn parse_catalogue(text: &str) -> Result<Catalogue, String> {
    text.parse::<toml::Table>().map_err(|e| e.to_string())
}

/// The catalogue keys of a table, flattened (`handbook.title`), for completeness checks.
pub fn keys(table: &Catalogue) -> Vec<String> {
    fn walk(prefix: &str, table: &Catalogue, out: &mut Vec<String>) {
        for (k, v) in table {
            let key = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            match v {
                toml::Value::Table(t) => walk(&key, t, out),
                _ => out.push(key),
            }
        }
    }
    let mut out = Vec::new();
    walk("", table, &mut out);
    out
}

fn chrono_locale(tag: &LanguageTag) -> ChronoLocale {
    match (tag.primary(), tag.region()) {
        ("de", Some("AT")) => ChronoLocale::de_AT,
        ("de", Some("CH")) => ChronoLocale::de_CH,
        ("de", _) => ChronoLocale::de_DE,
        ("lv", _) => ChronoLocale::lv_LV,
        ("pt", Some("PT")) => ChronoLocale::pt_PT,
        ("pt", _) => ChronoLocale::pt_BR,
        ("th", _) => ChronoLocale::th_TH,
        ("en", Some("US")) => ChronoLocale::en_US,
        _ => ChronoLocale::en_GB,
    }
}

/// The catalogue of a tag: the one named by the whole tag (`pt-BR`), compared without regard
/// to case, else the one of its base language (`pt` for `pt-PT`, `de` for `de-AT`).
pub fn catalogue_for<'a>(
    tag: &LanguageTag,
    catalogues: &'a BTreeMap<String, Catalogue>,
) -> Option<(&'a str, &'a Catalogue)> {
    catalogues
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(&tag.0))
        .or_else(|| catalogues.iter().find(|(code, _)| code.eq_ignore_ascii_case(tag.primary())))
        .map(|(code, table)| (code.as_str(), table))
}

impl Language {
    /// The language for a plan tag, with `catalogues` holding the catalogue of each
    /// language code (built-in or overridden). `None` when there is no catalogue for it: the
    /// caller falls back to English and warns.
    pub fn new(tag: &LanguageTag, catalogues: &BTreeMap<String, Catalogue>) -> Option<Language> {
        let (catalogue_lang, strings) = catalogue_for(tag, catalogues)?;
        Some(Language {
            tag: tag.0.clone(),
            catalogue_lang: catalogue_lang.to_owned(),
            strings: strings.clone(),
            locale: chrono_locale(tag),
        })
    }

    /// A language with English strings but its own names of days and months (a plan
    /// language without a catalogue).
    pub fn fallback(tag: &LanguageTag, english: &Catalogue) -> Language {
        Language {
            tag: tag.0.clone(),
            catalogue_lang: "en".to_owned(),
            strings: english.clone(),
            locale: chrono_locale(tag),
        }
    }

    /// A catalogue string by dotted key; the key itself when missing (a test ensures every
    /// built-in catalogue has every key).
    pub fn text(&self, key: &str) -> String {
        let mut value: Option<&toml::Value> = None;
        let mut table = &self.strings;
        for part in key.split('.') {
            value = table.get(part);
            if let Some(toml::Value::Table(t)) = value {
                table = t;
            }
        }
        match value {
            Some(toml::Value::String(s)) => s.clone(),
            Some(toml::Value::Integer(i)) => i.to_string(),
            _ => key.to_owned(),
        }
    }

    fn number(&self, key: &str) -> i64 {
        self.text(key).parse().unwrap_or(0)
    }

    /// The plural form of `n` (`one` or `other`) in this language.
    fn plural(&self, n: u64) -> &'static str {
        let one = match self.catalogue_lang.as_str() {
            "lv" => n % 10 == 1 && n % 100 != 11,
            "th" => false,
            _ => n == 1,
        };
        if one { "one" } else { "other" }
    }

    /// `{n} days` in this language: a plain string, or a table of plural forms.
    fn counted(&self, key: &str, n: u64) -> String {
        let form = match self.lookup(key) {
            Some(toml::Value::Table(_)) => self.text(&format!("{key}.{}", self.plural(n))),
            _ => self.text(key),
        };
        form.replace("{n}", &n.to_string())
    }

    fn lookup(&self, key: &str) -> Option<&toml::Value> {
        let mut table = &self.strings;
        let mut value = None;
        for part in key.split('.') {
            value = table.get(part);
            if let Some(toml::Value::Table(t)) = value {
                table = t
            }
        }
        value
    }

    /// A long date: `22. November 2026`, `2026. gada 22. novembris`, `22 พฤศจิกายน 2569`.
    pub fn date(&self, date: NaiveDate) -> String {
        let month = date.format_localized("%B", self.locale).to_string();
        let weekday = self.weekday_long(date.weekday());
        self.text("format.date_long")
            .replace("{day}", &date.day().to_string())
            .replace("{month}", month.trim())
            .replace(
                "{year}",
                &(i64::from(date.year()) + self.number("format.year_offset")).to_string(),
            )
            .replace("{weekday}", &weekday)
    }

    /// A date inside a sentence, after "from" or "until" (`format.date_in_text`): `13 March
    /// 2027`, `13.03.2027.` in Latvian, whose month names would need another case there.
    /// Besides the placeholders of `format.date_long` it fills `{dd}` and `{mm}`, the day
    /// and the month as two digits.
    pub fn date_in_text(&self, date: NaiveDate) -> String {
        let month = date.format_localized("%B", self.locale).to_string();
        self.text("format.date_in_text")
            .replace("{dd}", &format!("{:02}", date.day()))
            .replace("{mm}", &format!("{:02}", date.month()))
            .replace("{day}", &date.day().to_string())
            .replace("{month}", month.trim())
            .replace(
                "{year}",
                &(i64::from(date.year()) + self.number("format.year_offset")).to_string(),
            )
            .replace("{weekday}", &self.weekday_long(date.weekday()))
    }

    /// A short date for tables: `23.11.` in most languages, `11/23` in US English.
    pub fn date_short(&self, date: NaiveDate) -> String {
        match self.locale {
            ChronoLocale::en_US => format!("{}/{}", date.month(), date.day()),
            _ => format!("{}.{}.", date.day(), date.month()),
        }
    }

    /// The abbreviated weekday name: `Mo`, `P`, `จ.`.
    pub fn weekday_short(&self, day: Weekday) -> String {
        // Any date with that weekday; 2024-01-01 is a Monday.
        let date = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date")
            + chrono::Days::new(u64::from(day.num_days_from_monday()));
        date.format_localized("%a", self.locale).to_string().trim().to_owned()
    }

    /// The full weekday name.
    pub fn weekday_long(&self, day: Weekday) -> String {
        let date = NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date")
            + chrono::Days::new(u64::from(day.num_days_from_monday()));
        date.format_localized("%A", self.locale).to_string().trim().to_owned()
    }

    /// A set of weekdays: `Mo–Fr`, `Sa, So`, or every day's name when the set is irregular.
    pub fn weekdays(&self, set: WeekdaySet) -> String {
        const ORDER: [Weekday; 7] = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        let days: Vec<usize> = set.iter().collect();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for d in days {
            match runs.last_mut() {
                Some(run) if run.1 + 1 == d => run.1 = d,
                _ => runs.push((d, d)),
            }
        }
        runs.iter()
            .map(|&(a, b)| match b - a {
                0 => self.weekday_short(ORDER[a]),
                1 => format!("{}, {}", self.weekday_short(ORDER[a]), self.weekday_short(ORDER[b])),
                _ => format!("{}–{}", self.weekday_short(ORDER[a]), self.weekday_short(ORDER[b])),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// A duration: `2 min`, `4 Stunden`, `8 business hours`, `6 months`.
    pub fn duration(&self, d: &Duration) -> String {
        match *d {
            Duration::Months(m) if m % 12 == 0 => self.counted("duration.years", u64::from(m / 12)),
            Duration::Months(m) => self.counted("duration.months", u64::from(m)),
            Duration::BusinessDays(n) => self.counted("duration.business_days", u64::from(n)),
            Duration::BusinessTime { seconds } if seconds % 3600 == 0 => {
                self.counted("duration.business_hours", seconds / 3600)
            }
            Duration::BusinessTime { seconds } => self.counted("duration.business_minutes", seconds.div_ceil(60)),
            Duration::Clock { seconds, .. } => self.clock(seconds),
        }
    }

    fn clock(&self, seconds: u64) -> String {
        const DAY: u64 = 86_400;
        if seconds >= 7 * DAY && seconds.is_multiple_of(7 * DAY) {
            self.counted("duration.weeks", seconds / (7 * DAY))
        } else if seconds >= DAY && seconds.is_multiple_of(DAY) {
            self.counted("duration.days", seconds / DAY)
        } else if seconds >= 3600 && seconds.is_multiple_of(3600) {
            self.counted("duration.hours", seconds / 3600)
        } else if seconds >= 3600 {
            let hours = self.counted("duration.hours", seconds / 3600);
            let minutes = self.counted("duration.minutes", (seconds % 3600).div_ceil(60));
            format!("{hours} {minutes}")
        } else if seconds >= 60 && seconds.is_multiple_of(60) {
            self.counted("duration.minutes", seconds / 60)
        } else {
            self.counted("duration.seconds", seconds)
        }
    }

    /// A decimal number with this language's separator and at most `decimals` places,
    /// without trailing zeros.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        let mut text = format!("{value:.decimals$}");
        if text.contains('.') {
            text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
        }
        text.replace('.', &self.text("format.decimal_separator"))
    }

    /// An amount: `25 EUR`, `19,99 EUR`, `10 %`, or the word for unlimited.
    pub fn amount(&self, amount: &Amount, plan_currency: Option<&str>) -> String {
        match amount {
            Amount::Unlimited => self.text("amount.unlimited"),
            Amount::Percent(p) => self.text("format.percent").replace("{n}", &self.decimal(*p, 2)),
            Amount::Money(m) => {
                let value = self.decimal(m.milli as f64 / 1000.0, 2);
                let currency = m
                    .currency
                    .map(|c| c.code().to_owned())
                    .or(plan_currency.map(str::to_owned));
                match currency {
                    Some(code) => format!("{value} {code}"),
                    None => value,
                }
            }
        }
    }

    /// A price: an amount, or the word for free of charge (`amount.free`) when it is zero,
    /// so that no document says "Price: 0".
    pub fn price(&self, amount: &Amount, plan_currency: Option<&str>) -> String {
        match amount {
            Amount::Money(m) if m.milli == 0 => self.text("amount.free"),
            _ => self.amount(amount, plan_currency),
        }
    }

    /// A list: `a, b and c` in this language.
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => format!("{}{}{last}", init.join(", "), self.text("format.list_and")),
        }
    }

    /// The name of a language in this language (`Deutsch`, `vācu`), from the catalogue's
    /// `[language]` table, else the code.
    pub fn language_name(&self, code: &str) -> String {
        match self.lookup(&format!("language.{code}")) {
            Some(toml::Value::String(s)) => s.clone(),
            _ => code.to_owned(),
        }
    }
}

/// Every catalogue, built in or from `--templates DIR/i18n/<lang>.toml`.
pub fn built_in_catalogues() -> BTreeMap<String, Catalogue> {
    BUILT_IN
        .iter()
        .map(|(lang, text)| {
            let table =
                parse_catalogue(text).unwrap_or_else(|e| panic!("built-in catalogue {lang} is valid TOML: {e}"));
            ((*lang).to_owned(), table)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(code: &str) -> Language {
        Language::new(&LanguageTag(code.to_owned()), &built_in_catalogues()).unwrap()
    }

    #[test]
    fn every_catalogue_has_every_english_key() {
        let catalogues = built_in_catalogues();
        let english = keys(&catalogues["en"]);
        for (code, table) in &catalogues {
            let have = keys(table);
            let missing: Vec<&String> = english.iter().filter(|k| !have.contains(k)).collect();
            assert!(missing.is_empty(), "catalogue `{code}` lacks {missing:?}");
            let extra: Vec<&String> = have.iter().filter(|k| !english.contains(k)).collect();
            assert!(extra.is_empty(), "catalogue `{code}` has keys English lacks: {extra:?}");
        }
    }

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert!(lang("de").date(d).contains("November 2026"), "{}", lang("de").date(d));
        assert!(lang("lv").date(d).contains("novembr"), "{}", lang("lv").date(d));
        assert!(
            lang("th").date(d).contains("2569"),
            "Buddhist Era: {}",
            lang("th").date(d)
        );
        assert!(lang("pt").date(d).contains("novembro"), "{}", lang("pt").date(d));
        assert_eq!(lang("en").date_in_text(d), "22 November 2026");
        assert_eq!(lang("lv").date_in_text(d), "22.11.2026.");
        assert!(lang("th").date_in_text(d).ends_with("2569"));
        assert_eq!(lang("de").weekday_short(Weekday::Mon), "Mo");
        assert!(!lang("lv").weekday_short(Weekday::Mon).ends_with(' '));
    }

    #[test]
    fn weekday_sets_durations_amounts_lists() {
        let en = lang("en");
        assert_eq!(
            en.weekdays(WeekdaySet(0b0011111)),
            format!("{}–{}", en.weekday_short(Weekday::Mon), en.weekday_short(Weekday::Fri))
        );
        assert_eq!(en.duration(&Duration::Months(12)), en.counted("duration.years", 1));
        assert_eq!(lang("de").decimal(19.5, 2), "19,5");
        assert_eq!(
            en.list(&["a".into(), "b".into(), "c".into()]),
            format!("a, b{}c", en.text("format.list_and"))
        );
        // Latvian plural: 21 takes the singular form, 11 the plural.
        let lv = lang("lv");
        assert_eq!(lv.plural(21), "one");
        assert_eq!(lv.plural(11), "other");
        assert_eq!(lang("th").plural(1), "other");
    }
}
