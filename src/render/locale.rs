//! Locale data for the documents, from Unicode CLDR through ICU4X (compiled into the
//! binary): long and short dates in the locale's calendar, weekday names, numbers with the
//! locale's separators and grouping, amounts of money with the currency's symbol, lists
//! ("A, B und C"), plural categories and time-zone names in words ("Mitteleuropäische
//! Zeit"). The string catalogues keep the sentences; this module formats the values put
//! into them.
//!
//! A plan's language tag is a BCP 47 tag. Three bare tags stand for the variety our
//! readers expect rather than CLDR's default one: `en` is international English (`en-001`:
//! "22 November 2026", not the US "November 22, 2026"), `pt` is European Portuguese
//! (`pt-PT`; `pt-BR` is Brazilian), and `th` is Thai as written in Thailand (`th-TH`, whose
//! dates use the Buddhist era). Any other tag is used as written; one ICU4X cannot read
//! falls back to international English.

use chrono::{Datelike, NaiveDate, Weekday};
use fixed_decimal::Decimal;
use icu_datetime::fieldsets::{E, MD, YMD};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_experimental::dimension::currency::CurrencyCode;
use icu_experimental::dimension::currency::formatter::CurrencyFormatter;
use icu_experimental::displaynames::{DisplayNamesOptions, LocaleDisplayNamesFormatter, RegionDisplayNames};
use icu_list::ListFormatter;
use icu_list::options::{ListFormatterOptions, ListLength};
use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use icu_time::zone::IanaParser;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::str::FromStr;

/// Where the locale data comes from, for `plan --version --verbose`.
pub const DATA: &str = "Unicode CLDR, compiled in with ICU4X 2.1";

/// The ICU4X locale for a plan's language tag (see the module's documentation).
pub fn icu_locale(tag: &str) -> Locale {
    let mapped = match tag.to_ascii_lowercase().as_str() {
        "en" => "en-001",
        "pt" => "pt-PT",
        "th" => "th-TH",
        _ => tag,
    };
    Locale::from_str(mapped)
        .or_else(|_| Locale::from_str("en-001"))
        .expect("en-001 is a valid locale")
}

/// The formatters of one locale, made once per document language.
pub struct LocaleFormats {
    locale: Locale,
    date_long: DateTimeFormatter<YMD>,
    date_short: DateTimeFormatter<MD>,
    weekday_short: DateTimeFormatter<E>,
    weekday_long: DateTimeFormatter<E>,
    decimal: DecimalFormatter,
    currency: CurrencyFormatter,
    and_list: ListFormatter,
    plurals: PluralRules,
    zone_names: NoCalendarFormatter<icu_datetime::fieldsets::zone::GenericLong>,
    language_names: LocaleDisplayNamesFormatter,
    region_names: RegionDisplayNames,
    /// Time-zone names already looked up, by IANA id and date.
    zone_cache: RefCell<HashMap<(String, NaiveDate), String>>,
}

impl std::fmt::Debug for LocaleFormats {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "LocaleFormats({})", self.locale)
    }
}

/// What a locale's formatters could not be made from: the compiled data lacks something.
/// Every locale falls back to CLDR's root data, so this is not expected in practice.
fn load<T, E: std::fmt::Debug>(what: &str, locale: &Locale, made: Result<T, E>) -> T {
    made.unwrap_or_else(|e| panic!("the compiled locale data has {what} for {locale}: {e:?}"))
}

impl LocaleFormats {
    /// The formatters for a plan language tag, made once per tag and process.
    pub fn new(tag: &str) -> Rc<LocaleFormats> {
        thread_local! {
            static MADE: RefCell<HashMap<String, Rc<LocaleFormats>>> = RefCell::new(HashMap::new());
        }
        MADE.with(|made| {
            if let Some(formats) = made.borrow().get(tag) {
                return formats.clone();
            }
            let formats = Self::make(tag);
            made.borrow_mut().insert(tag.to_owned(), formats.clone());
            formats
        })
    }

    fn make(tag: &str) -> Rc<LocaleFormats> {
        let locale = icu_locale(tag);
        let wide = ListFormatterOptions::default().with_length(ListLength::Wide);
        Rc::new(LocaleFormats {
            date_long: load(
                "long dates",
                &locale,
                DateTimeFormatter::try_new((&locale).into(), YMD::long()),
            ),
            date_short: load(
                "short dates",
                &locale,
                DateTimeFormatter::try_new((&locale).into(), MD::short()),
            ),
            weekday_short: load(
                "weekday names",
                &locale,
                DateTimeFormatter::try_new((&locale).into(), E::short()),
            ),
            weekday_long: load(
                "weekday names",
                &locale,
                DateTimeFormatter::try_new((&locale).into(), E::long()),
            ),
            decimal: load(
                "number formats",
                &locale,
                DecimalFormatter::try_new((&locale).into(), Default::default()),
            ),
            currency: load(
                "currency formats",
                &locale,
                CurrencyFormatter::try_new((&locale).into(), Default::default()),
            ),
            and_list: load(
                "list patterns",
                &locale,
                ListFormatter::try_new_and((&locale).into(), wide),
            ),
            plurals: load("plural rules", &locale, PluralRules::try_new_cardinal((&locale).into())),
            zone_names: load(
                "time-zone names",
                &locale,
                NoCalendarFormatter::try_new((&locale).into(), icu_datetime::fieldsets::zone::GenericLong),
            ),
            language_names: load(
                "language names",
                &locale,
                LocaleDisplayNamesFormatter::try_new((&locale).into(), DisplayNamesOptions::default()),
            ),
            region_names: load(
                "country names",
                &locale,
                RegionDisplayNames::try_new((&locale).into(), DisplayNamesOptions::default()),
            ),
            zone_cache: RefCell::new(HashMap::new()),
            locale,
        })
    }

    /// A long date in the locale's calendar: `22. November 2026`, `22 พฤศจิกายน 2569`.
    pub fn date_long(&self, date: NaiveDate) -> String {
        self.date_long.format(&iso(date)).to_string()
    }

    /// Day and month, for table rows: `22.11.`, `22/11`.
    pub fn date_short(&self, date: NaiveDate) -> String {
        self.date_short.format(&iso(date)).to_string()
    }

    /// The abbreviated name of a weekday: `Mo`, `seg.`, `Pirmd.`.
    pub fn weekday_short(&self, day: Weekday) -> String {
        self.weekday_short.format(&iso(any_date_on(day))).to_string()
    }

    /// The full name of a weekday: `Montag`, `segunda-feira`.
    pub fn weekday_long(&self, day: Weekday) -> String {
        self.weekday_long.format(&iso(any_date_on(day))).to_string()
    }

    /// A number with at most `decimals` places, without trailing zeros, in the locale's
    /// digits, decimal separator and grouping: `1.500`, `19,5`, `1,500`.
    pub fn decimal(&self, value: f64, decimals: usize) -> String {
        match decimal_of(value, decimals, false) {
            Some(d) => self.decimal.format(&d).to_string(),
            None => value.to_string(),
        }
    }

    /// An amount of money in thousandths of a unit, with the currency as the locale writes
    /// it: `1.500 €`, `R$ 19,90`, `€1,500`. Whole amounts show no decimals; others show
    /// two.
    pub fn money(&self, milli: i64, currency: &str) -> String {
        let value = milli as f64 / 1000.0;
        let code = tinystr::TinyAsciiStr::<3>::try_from_str(currency).ok();
        match (decimal_of(value, 3, milli % 1000 != 0), code) {
            (Some(d), Some(code)) => self.currency.format_fixed_decimal(&d, CurrencyCode(code)).to_string(),
            (Some(d), None) => format!("{} {currency}", self.decimal.format(&d)),
            (None, _) => format!("{value} {currency}"),
        }
    }

    /// Items joined as the locale joins a list with "and": `A, B und C`, `A, B e C`.
    pub fn and_list(&self, items: &[String]) -> String {
        self.and_list.format(items.iter().map(String::as_str)).to_string()
    }

    /// The name of a language tag in this locale's language: `Deutsch`, `portugiesisch`
    /// in lower case where the language writes it so (`vācu`, `alemão`), `português
    /// (Brasil)` for `pt-BR`; the tag itself when it is not a valid tag.
    pub fn language_name(&self, tag: &str) -> String {
        match Locale::from_str(tag) {
            Ok(locale) => self.language_names.of(&locale).into_owned(),
            Err(_) => tag.to_owned(),
        }
    }

    /// The name of a country (ISO 3166-1 alpha-2 code) in this locale's language.
    pub fn region_name(&self, code: &str) -> Option<String> {
        let region = icu_locale_core::subtags::Region::try_from_str(code).ok()?;
        self.region_names.of(region).map(str::to_owned)
    }

    /// The CLDR plural category of a count: `zero`, `one`, `two`, `few`, `many` or `other`.
    pub fn plural(&self, n: u64) -> &'static str {
        match self.plurals.category_for(n) {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }

    /// The name in words of an IANA time zone as it reads on `date` (`Mitteleuropäische
    /// Zeit`, `Horário de Brasília`); the id itself when the locale data names it by an
    /// offset only or does not know it.
    pub fn zone_name(&self, iana: &str, date: NaiveDate) -> String {
        let key = (iana.to_owned(), date);
        if let Some(name) = self.zone_cache.borrow().get(&key) {
            return name.clone();
        }
        let zone = IanaParser::new().parse(iana);
        let name = if zone.is_unknown() {
            iana.to_owned()
        } else {
            let info = zone.with_offset(None).at_date_time_iso(icu_time::DateTime {
                date: iso(date),
                time: icu_time::Time::start_of_day(),
            });
            let name = self.zone_names.format(&info).to_string();
            // An offset ("GMT+03:00") says less than the id staff know.
            if name.starts_with("GMT") || name.starts_with("UTC") {
                iana.to_owned()
            } else {
                name
            }
        };
        self.zone_cache.borrow_mut().insert(key, name.clone());
        name
    }
}

/// A chrono date as an ICU4X ISO date.
fn iso(date: NaiveDate) -> icu_calendar::Date<icu_calendar::Iso> {
    let month = u8::try_from(date.month()).expect("a month fits in u8");
    let day = u8::try_from(date.day()).expect("a day fits in u8");
    icu_calendar::Date::try_new_iso(date.year(), month, day).expect("a chrono date is a valid ISO date")
}

/// Some date that falls on `day` (2024-01-01 is a Monday).
fn any_date_on(day: Weekday) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid date")
        + chrono::Days::new(u64::from(day.num_days_from_monday()))
}

/// `value` rounded to `decimals` places as a decimal without trailing zeros, or with
/// exactly two places when `two_places` is set.
fn decimal_of(value: f64, decimals: usize, two_places: bool) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    let mut text = format!("{value:.decimals$}");
    if text.contains('.') {
        text = text.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    if two_places {
        text = format!("{:.2}", text.parse::<f64>().ok()?);
    }
    Decimal::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    // Expected values are CLDR's, as published in its by-type charts.
    #[test]
    fn dates_follow_each_locale() {
        let date = d(2026, 11, 22);
        assert_eq!(LocaleFormats::new("de").date_long(date), "22. November 2026");
        assert_eq!(LocaleFormats::new("en").date_long(date), "22 November 2026");
        assert_eq!(LocaleFormats::new("en-US").date_long(date), "November 22, 2026");
        assert_eq!(LocaleFormats::new("pt").date_long(date), "22 de novembro de 2026");
        // Thai dates count years in the Buddhist era.
        assert_eq!(LocaleFormats::new("th").date_long(date), "22 พฤศจิกายน 2569");
        assert!(LocaleFormats::new("lv").date_long(date).contains("novembris"));
        assert_eq!(LocaleFormats::new("de").date_short(date), "22.11.");
        assert_eq!(LocaleFormats::new("pt-BR").date_short(date), "22/11");
        assert_eq!(LocaleFormats::new("de").weekday_short(Weekday::Mon), "Mo");
        assert_eq!(LocaleFormats::new("pt-BR").weekday_long(Weekday::Mon), "segunda-feira");
    }

    #[test]
    fn numbers_and_money_follow_each_locale() {
        assert_eq!(LocaleFormats::new("de").decimal(1500.0, 2), "1.500");
        assert_eq!(LocaleFormats::new("de").decimal(19.5, 2), "19,5");
        assert_eq!(LocaleFormats::new("en").decimal(12345.25, 2), "12,345.25");
        assert_eq!(LocaleFormats::new("de").money(1_500_000, "EUR"), "1.500\u{a0}€");
        assert_eq!(LocaleFormats::new("de").money(19_900, "EUR"), "19,90\u{a0}€");
        assert_eq!(LocaleFormats::new("en").money(25_000, "EUR"), "€25");
        assert_eq!(LocaleFormats::new("pt-BR").money(1_500_000, "BRL"), "R$\u{a0}1.500");
        // European Portuguese groups only from five digits.
        assert_eq!(LocaleFormats::new("pt").money(1_500_000, "EUR"), "1500\u{a0}€");
        assert_eq!(LocaleFormats::new("th").money(99_000, "THB"), "฿99");
    }

    #[test]
    fn lists_plurals_and_zones_follow_each_locale() {
        let items = ["E-Mail".to_owned(), "Brief".to_owned(), "Chat".to_owned()];
        assert_eq!(LocaleFormats::new("de").and_list(&items), "E-Mail, Brief und Chat");
        assert_eq!(LocaleFormats::new("en").and_list(&items), "E-Mail, Brief and Chat");
        assert_eq!(LocaleFormats::new("en-US").and_list(&items), "E-Mail, Brief, and Chat");
        assert_eq!(LocaleFormats::new("lv").and_list(&items[..2]), "E-Mail un Brief");
        let lv = LocaleFormats::new("lv");
        assert_eq!(
            (lv.plural(1), lv.plural(21), lv.plural(11), lv.plural(2)),
            ("one", "one", "zero", "other")
        );
        let date = d(2026, 11, 22);
        assert_eq!(
            LocaleFormats::new("de").zone_name("Europe/Berlin", date),
            "Mitteleuropäische Zeit"
        );
        assert_eq!(
            LocaleFormats::new("lv").zone_name("Europe/Riga", date),
            "Austrumeiropas laiks"
        );
        assert_eq!(
            LocaleFormats::new("pt").zone_name("Europe/Lisbon", date),
            "Hora da Europa Ocidental"
        );
        assert_eq!(
            LocaleFormats::new("pt-BR").zone_name("America/Sao_Paulo", date),
            "Horário de Brasília"
        );
        assert_eq!(
            LocaleFormats::new("en").zone_name("Asia/Bangkok", date),
            "Indochina Time"
        );
        assert_eq!(
            LocaleFormats::new("de").zone_name("Etc/Unknown/Nowhere", date),
            "Etc/Unknown/Nowhere"
        );
        assert_eq!(LocaleFormats::new("de").language_name("en"), "Englisch");
        assert_eq!(LocaleFormats::new("lv").region_name("LV").as_deref(), Some("Latvija"));
        assert_eq!(LocaleFormats::new("th").region_name("TH").as_deref(), Some("ไทย"));
        assert_eq!(LocaleFormats::new("lv").language_name("de"), "vācu");
        assert_eq!(LocaleFormats::new("th").language_name("th"), "ไทย");
        assert_ne!(
            LocaleFormats::new("pt").language_name("pt-BR"),
            LocaleFormats::new("pt").language_name("pt")
        );
    }
}
