//! Localisation of the documents: the UI string catalogue of each language
//! (`templates/i18n/<lang>.toml`), and the formatting of dates, durations, amounts, targets,
//! hours and lists in that language. Dates, weekday names, numbers, money, lists, plural
//! categories and time-zone names come from CLDR ([`super::locale`]); sentences, units and
//! the forms of counted words from the catalogue.

use super::locale::LocaleFormats;
use crate::model::values::{Amount, Comparison, Duration, LanguageTag, Measure, Target, WeekdaySet};
use chrono::{Datelike, NaiveDate, Weekday};
use std::collections::BTreeMap;
use std::rc::Rc;

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
    locale: Rc<LocaleFormats>,
    /// The render date: time zones are named as on that day.
    today: NaiveDate,
}

/// The date a language names time zones on until [`Language::on`] sets the render date.
const DEFAULT_DAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");

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

/// The catalogue of a tag: the one named by the whole tag (`pt-BR`), compared without regard
/// to case, else the one of its base language (`pt` for `pt-PT`, `de` for `de-AT`).
pub fn catalogue_for<'a>(
    tag: &LanguageTag,
    catalogues: &'a BTreeMap<String, Catalogue>,
) -> Option<(&'a str, &'a Catalogue)> {
    catalogues
        .iter()
        .find(|(code, _)| code.eq_ignore_ascii_case(&tag.0))
        .or_else(|| {
            catalogues
                .iter()
                .find(|(code, _)| code.eq_ignore_ascii_case(tag.primary()))
        })
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
            locale: LocaleFormats::new(&tag.0),
            today: DEFAULT_DAY,
        })
    }

    /// A language with English strings but its own names of days and months (a plan
    /// language without a catalogue).
    pub fn fallback(tag: &LanguageTag, english: &Catalogue) -> Language {
        Language {
            tag: tag.0.clone(),
            catalogue_lang: "en".to_owned(),
            strings: english.clone(),
            locale: LocaleFormats::new(&tag.0),
            today: DEFAULT_DAY,
        }
    }

    /// This language rendering on `today`.
    pub fn on(mut self, today: NaiveDate) -> Language {
        self.today = today;
        self
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

    /// The CLDR plural category of `n` in this language (`one`, `other`, …).
    fn plural(&self, n: u64) -> &'static str {
        self.locale.plural(n)
    }

    /// `{n} days` in this language: a plain string, or a table of plural forms.
    fn counted(&self, key: &str, n: u64) -> String {
        let form = match self.lookup(key) {
            // A catalogue may leave out categories its language shares with `other`
            // (Latvian `zero`).
            Some(toml::Value::Table(forms)) => match forms.get(self.plural(n)).or_else(|| forms.get("other")) {
                Some(toml::Value::String(s)) => s.clone(),
                _ => key.to_owned(),
            },
            _ => self.text(key),
        };
        form.replace("{n}", &self.decimal(n as f64, 0))
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

    /// A long date in the language's calendar: `22. November 2026`, `22 พฤศจิกายน 2569`.
    pub fn date(&self, date: NaiveDate) -> String {
        self.locale.date_long(date)
    }

    /// A date inside a sentence, after "from" or "until" (`format.date_in_text`): `{long}`,
    /// the long date, in most languages; Latvian writes `22.11.2026.` there, because its
    /// month names would need another case. The placeholders are `{long}`, `{dd}` and `{mm}`
    /// (day and month as two digits) and `{yyyy}` (the year).
    pub fn date_in_text(&self, date: NaiveDate) -> String {
        let pattern = self.text("format.date_in_text");
        let mut text = pattern
            .replace("{dd}", &format!("{:02}", date.day()))
            .replace("{mm}", &format!("{:02}", date.month()))
            .replace("{yyyy}", &date.year().to_string());
        if pattern.contains("{long}") {
            text = text.replace("{long}", &self.date(date));
        }
        text
    }

    /// A short date for tables: `23.11.`, `23/11`.
    pub fn date_short(&self, date: NaiveDate) -> String {
        self.locale.date_short(date)
    }

    /// The abbreviated weekday name: `Mo`, `Pirmd.`, `จ.`.
    pub fn weekday_short(&self, day: Weekday) -> String {
        self.locale.weekday_short(day)
    }

    /// The full weekday name.
    pub fn weekday_long(&self, day: Weekday) -> String {
        self.locale.weekday_long(day)
    }

    /// The name of an IANA time zone in words as on the render date (`Mitteleuropäische
    /// Zeit`), or the id when the locale data has no name for it.
    pub fn zone_name(&self, iana: &str) -> String {
        self.locale.zone_name(iana, self.today)
    }

    /// A holiday calendar in words: its country's name, with the calendar's id when it is a
    /// region's (`Deutschland (DE-BE)`, `Latvija`).
    pub fn calendar_name(&self, id: &str) -> String {
        let (country, region) = match id.split_once('-') {
            Some((country, _)) => (country, true),
            None => (id, false),
        };
        match self.locale.region_name(country) {
            Some(name) if region => format!("{name} ({id})"),
            Some(name) => name,
            None => id.to_owned(),
        }
    }

    /// A time of day from minutes since midnight (`format.time`: `08:00`, `08.00`; `24:00`
    /// for the end of a day).
    pub fn time(&self, minute: u16) -> String {
        self.text("format.time")
            .replace("{hh}", &format!("{:02}", minute / 60))
            .replace("{mm}", &format!("{:02}", minute % 60))
    }

    /// A range of times of day (`format.time_range`: `08:00–12:00`, `08.00–12.00 น.`).
    pub fn time_range(&self, start: u16, end: u16) -> String {
        self.text("format.time_range")
            .replace("{start}", &self.time(start))
            .replace("{end}", &self.time(end))
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
        if set == WeekdaySet::ALL {
            return self.text("hours.every_day");
        }
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
        // Weeks only beyond four of them: "7 days" and "14 days" are how promises and
        // conditions are usually written.
        if seconds > 28 * DAY && seconds.is_multiple_of(7 * DAY) {
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

    /// A decimal number with this language's separators and grouping and at most
    /// `decimals` places, without trailing zeros.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        self.locale.decimal(value, decimals)
    }

    /// A percentage: `10 %`, `10%` (`format.percent`).
    pub fn percent(&self, value: f64) -> String {
        self.text("format.percent").replace("{n}", &self.decimal(value, 2))
    }

    /// An amount: `1.500 €`, `R$ 19,90`, `10 %`, or the word for unlimited. Money without a
    /// currency of its own is in `plan_currency`.
    pub fn amount(&self, amount: &Amount, plan_currency: Option<&str>) -> String {
        match amount {
            Amount::Unlimited => self.text("amount.unlimited"),
            Amount::Percent(p) => self.percent(*p),
            Amount::Money(m) => {
                let currency = m
                    .currency
                    .map(|c| c.code().to_owned())
                    .or(plan_currency.map(str::to_owned));
                match currency {
                    Some(code) => self.locale.money(m.milli, &code),
                    None => self.decimal(m.milli as f64 / 1000.0, 3),
                }
            }
        }
    }

    /// A target in words: `80 % in 20 Sekunden`, `mindestens 90 %`.
    pub fn target(&self, target: &Target) -> String {
        match target {
            Target::Service { percent, within } => self
                .text("target.service")
                .replace("{percent}", &self.percent(*percent))
                .replace("{time}", &self.duration(within)),
            Target::Compare { op, value } => {
                let key = match op {
                    Comparison::AtLeast => "target.at_least",
                    Comparison::AtMost => "target.at_most",
                    Comparison::Above => "target.above",
                    Comparison::Below => "target.below",
                };
                let value = match value {
                    Measure::Percent(p) => self.percent(*p),
                    Measure::Number(n) => self.decimal(*n, 2),
                    Measure::Duration(d) => self.duration(d),
                };
                self.text(key).replace("{value}", &value)
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

    /// A list: `a, b and c` as this language joins it.
    pub fn list(&self, items: &[String]) -> String {
        self.locale.and_list(items)
    }

    /// The name of a language tag in this language (`Deutsch`, `vācu`, `português
    /// (Brasil)`), from CLDR.
    pub fn language_name(&self, tag: &str) -> String {
        self.locale.language_name(tag)
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

    /// A table's caption names a landmark region of the page, as the heading of a section
    /// of the page names that section: the two must differ, or a screen reader's list of
    /// landmarks shows two entries with one name.
    #[test]
    fn no_table_caption_repeats_its_sections_heading() {
        // The catalogue tables of the page sections that are landmarks.
        const SECTIONS: [&str; 17] = [
            "handbook.escalation",
            "handbook.contacts",
            "handbook.authority",
            "handbook.complaints",
            "handbook.teams",
            "handbook.channels",
            "handbook.coverage",
            "handbook.staffing",
            "handbook.holidays",
            "handbook.training",
            "handbook.feedback",
            "handbook.plan",
            "faq.contact",
            "faq.closures",
            "faq.self_help",
            "faq.complaints",
            "faq.feedback",
        ];
        for code in ["en", "de", "lv", "pt", "pt-BR", "th"] {
            let l = lang(code);
            for section in SECTIONS {
                let (title, caption) = (format!("{section}.title"), format!("{section}.caption"));
                if l.lookup(&caption).is_some() {
                    assert_ne!(
                        l.text(&title),
                        l.text(&caption),
                        "catalogue `{code}`: {caption} repeats {title}"
                    );
                }
            }
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
    fn targets_times_and_every_day_in_words() {
        let twenty = Duration::Clock {
            seconds: 20,
            calendar: false,
        };
        let service = Target::Service {
            percent: 80.0,
            within: twenty,
        };
        assert_eq!(lang("en").target(&service), "80% in 20 s");
        assert_eq!(lang("de").target(&service), "80\u{a0}% innerhalb von 20\u{a0}Sekunden");
        let at_least = Target::Compare {
            op: Comparison::AtLeast,
            value: Measure::Percent(90.0),
        };
        assert_eq!(lang("en").target(&at_least), "at least 90%");
        assert_eq!(lang("de").target(&at_least), "mindestens 90\u{a0}%");
        assert_eq!(lang("en").time_range(8 * 60, 20 * 60), "08:00–20:00");
        // Thai pages write times with a full stop and น. after the range.
        assert_eq!(lang("th").time_range(8 * 60, 20 * 60), "08.00–20.00 น.");
        assert_eq!(lang("de").weekdays(WeekdaySet::ALL), lang("de").text("hours.every_day"));
        assert_eq!(lang("en").weekdays(WeekdaySet::ALL), "Daily");
    }

    #[test]
    fn regional_tags_find_their_catalogue() {
        let catalogues = built_in_catalogues();
        let of = |tag: &str| {
            Language::new(&LanguageTag(tag.to_owned()), &catalogues)
                .unwrap()
                .catalogue_lang
        };
        assert_eq!(of("pt-BR"), "pt-BR");
        assert_eq!(of("pt-br"), "pt-BR");
        assert_eq!(of("pt-PT"), "pt");
        assert_eq!(of("pt"), "pt");
        assert_eq!(of("de-AT"), "de");
        assert!(Language::new(&LanguageTag("fr".to_owned()), &catalogues).is_none());
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
        assert_eq!(en.list(&["a".into(), "b".into(), "c".into()]), "a, b and c");
        assert_eq!(lang("de").list(&["a".into(), "b".into(), "c".into()]), "a, b und c");
        // Latvian plural: 21 takes the singular form, 11 the plural.
        let lv = lang("lv");
        assert_eq!(lv.plural(21), "one");
        assert_eq!(lv.plural(11), "zero");
        assert_eq!(
            lv.counted("duration.days", 11),
            lv.counted("duration.days", 2).replace('2', "11")
        );
        assert_eq!(lang("th").plural(1), "other");
    }
}
