//! Public holidays: the built-in, offline dataset (`data/holidays.txt`, generated from
//! python-holidays, see `data/README.md`) and the holiday set in effect for an owner — a
//! calendar plus the plan's own additions and removals plus dates from an iCalendar file.
//!
//! The data is embedded at compile time. Opening it only indexes the calendars' blocks; a
//! calendar's holidays are materialised the first time it is asked for and then kept, so a
//! plan that uses two calendars pays for two. Holidays are named in English; a country's
//! names in its own language and in the documents' languages are tables from the English
//! name, read the first time a name in another language is asked for.

use chrono::NaiveDate;
use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

/// The first year the dataset covers.
pub const FIRST_YEAR: i32 = 2020;
/// The last year the dataset covers; date checks that look past it warn.
pub const LAST_YEAR: i32 = 2040;

/// The name given to dates a plan adds with `holidays: { add: [...] }`.
pub const ADDED_HOLIDAY_NAME: &str = "Company holiday";

const DATA: &str = include_str!("../../data/holidays.txt");

/// The language of the holiday names in the built-in data's holiday lines (and of the name
/// given to a date a plan adds); names in other languages come from its name tables.
pub const DATA_LANGUAGE: &str = "en";
const INVARIANT: &str = "the built-in holiday data is well-formed (checked by the module's tests)";

/// One holiday: a date and what it is called.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Holiday {
    pub date: NaiveDate,
    /// `Epiphany`; several holidays on one date are joined: `National Day; Father's Day`.
    pub name: String,
    /// The language the name is written in, where it is known: the built-in calendars
    /// name holidays in English; a name from an iCalendar file is in any language.
    pub lang: Option<&'static str>,
    /// For a holiday of a built-in calendar: the calendar's id and its (English) name for
    /// the date, which starts `name` (a file's name on the same date may follow it).
    origin: Option<(&'static str, &'static str)>,
}

impl Holiday {
    /// A holiday whose name is in an unknown language.
    pub fn new(date: NaiveDate, name: impl Into<String>) -> Self {
        Self {
            date,
            name: name.into(),
            lang: None,
            origin: None,
        }
    }

    /// A holiday named in the language `lang`.
    pub fn named_in(date: NaiveDate, name: impl Into<String>, lang: &'static str) -> Self {
        Self {
            lang: Some(lang),
            ..Self::new(date, name)
        }
    }

    /// The name in language `lang` (a tag: `de`, `pt-BR`) and the language it is in. A
    /// built-in calendar's name is given in `lang` where the data has that language (by tag,
    /// then by primary language: `pt` for `pt-BR`), else in the country's own language,
    /// else in English. Any other name (from an iCalendar file, or a plan's addition) is
    /// given as it is, with its own language; so is a name a file's name was joined to,
    /// whose language is then unknown.
    pub fn name_in(&self, lang: &str) -> (Cow<'_, str>, Option<&'static str>) {
        let unchanged = (Cow::Borrowed(self.name.as_str()), self.lang);
        let Some((id, english)) = self.origin else {
            return unchanged;
        };
        let (Some(calendar), Some(rest)) = (calendar(id), self.name.strip_prefix(english)) else {
            return unchanged;
        };
        let Some(target) = calendar.language_for(lang).filter(|&l| l != DATA_LANGUAGE) else {
            return unchanged;
        };
        let mut name = english
            .split("; ")
            .map(|part| calendar.translate(target, part))
            .collect::<Vec<_>>()
            .join("; ");
        if rest.is_empty() {
            (Cow::Owned(name), Some(target))
        } else {
            name.push_str(rest);
            (Cow::Owned(name), None)
        }
    }
}

/// The primary language of a tag: `pt` for `pt-BR`.
pub fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// [`FIRST_YEAR`], for callers that treat the range as data.
pub fn first_year() -> i32 {
    FIRST_YEAR
}

/// [`LAST_YEAR`], for callers that treat the range as data.
pub fn last_year() -> i32 {
    LAST_YEAR
}

/// The dataset's source and version: `python-holidays 0.109`.
pub fn source() -> &'static str {
    dataset().source
}

/// The languages the dataset names holidays in, sorted: `en` and every language of a
/// country's name tables (`da`, `de`, … `pt-BR`, `th`).
pub fn languages() -> Vec<&'static str> {
    let mut languages: Vec<&'static str> = memchr::memmem::find_iter(DATA.as_bytes(), b"\n@names ")
        .filter_map(|i| DATA[i + 8..].lines().next())
        .map(str::trim)
        .chain([DATA_LANGUAGE])
        .collect();
    languages.sort_unstable();
    languages.dedup();
    languages
}

/// A built-in calendar by id: `DE`, `DE-BY`, `GB-SCT`, `US-NY`. Ids are exact (upper case).
pub fn calendar(id: &str) -> Option<&'static Calendar> {
    let calendars = &dataset().calendars;
    calendars.binary_search_by(|c| c.id.cmp(id)).ok().map(|i| &calendars[i])
}

/// Every built-in calendar, sorted by id (each country just before its subdivisions).
pub fn calendars() -> impl Iterator<Item = &'static Calendar> {
    dataset().calendars.iter()
}

/// The countries the dataset has, sorted: `AT`, `AU`, … `US`.
pub fn countries() -> Vec<&'static str> {
    calendars().filter(|c| c.is_country()).map(|c| c.id).collect()
}

/// The known subdivision ids of a country, sorted: `subdivisions("GB")` is `GB-ENG`,
/// `GB-NIR`, `GB-SCT`, `GB-WLS`. Empty for a country without subdivisions or without data.
pub fn subdivisions(country: &str) -> Vec<&'static str> {
    calendars()
        .filter(|c| c.country() == country && !c.is_country())
        .map(|c| c.id)
        .collect()
}

/// The known calendar id closest to an unknown `id`, for "did you mean": a subdivision of the
/// same country whose code is one edit away (`GB-SCO` → `GB-SCT`, `US-NYC` → `US-NY`) or
/// whose name starts with the code (`DE-BAY` → `DE-BY`, Bayern); the country itself when it
/// has no subdivisions (`LV-RIX` → `LV`). Nothing is suggested across countries: `AR` is a
/// real country the data lacks, not a typo for `AT`. A known id is returned as it is.
pub fn suggest(id: &str) -> Option<String> {
    let id = id.trim().to_uppercase();
    if calendar(&id).is_some() {
        return Some(id);
    }
    let (country, code) = id.split_once('-')?;
    calendar(country)?;
    let subdivisions = subdivisions(country);
    if subdivisions.is_empty() {
        return Some(country.to_owned());
    }
    let code_of = |sub: &str| sub[country.len() + 1..].to_owned();
    // One edit away; among several (`US-NYC`: `US-NY`, `US-NC`), the one sharing the
    // longest start.
    let by_code = subdivisions
        .iter()
        .filter(|sub| strsim::damerau_levenshtein(code, &code_of(sub)) == 1)
        .map(|sub| (strsim::jaro_winkler(code, &code_of(sub)), *sub))
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    if let Some((_, sub)) = by_code {
        return Some(sub.to_owned());
    }
    subdivisions
        .iter()
        .filter_map(|sub| calendar(sub))
        .find(|c| {
            code.len() >= 2
                && c.name
                    .get(..code.len())
                    .is_some_and(|start| start.eq_ignore_ascii_case(code))
        })
        .map(|c| c.id.to_owned())
}

/// One calendar of the dataset: a country or one of its subdivisions.
pub struct Calendar {
    id: &'static str,
    name: &'static str,
    /// The lines of the calendar's block: every holiday for a country, `+date name` /
    /// `-date` differences for a subdivision.
    body: &'static str,
    /// The block's name tables (`@names de` and its lines), for a subdivision only where
    /// its names differ from its country's.
    names: &'static str,
    /// The country's own language, when it is not English.
    own_language: Option<&'static str>,
    complete_through: i32,
    holidays: OnceLock<Vec<Holiday>>,
    tables: OnceLock<Vec<NameTable>>,
}

/// The names of a calendar's holidays in one language, by English name.
struct NameTable {
    lang: &'static str,
    /// Sorted by English name; a name missing is the same as the English one.
    names: Vec<(&'static str, &'static str)>,
}

impl Calendar {
    /// `DE-BY`.
    pub fn id(&self) -> &str {
        self.id
    }

    /// `Bayern`, `Germany`: the name the source gives it.
    pub fn name(&self) -> &str {
        self.name
    }

    /// The country part of the id: `DE` for `DE-BY`.
    pub fn country(&self) -> &str {
        self.id.split_once('-').map_or(self.id, |(country, _)| country)
    }

    fn is_country(&self) -> bool {
        !self.id.contains('-')
    }

    /// The last year whose holidays are all in the data: [`LAST_YEAR`], or earlier where the
    /// source computes some holidays from tables that end sooner (India's lunar holidays end
    /// in 2035).
    pub fn complete_through(&self) -> i32 {
        self.complete_through
    }

    /// Every holiday of the calendar, sorted by date, one entry per date (several holidays on
    /// one date share an entry: `National Day; National Father's Day`).
    pub fn holidays(&self) -> &[Holiday] {
        self.holidays.get_or_init(|| self.materialise())
    }

    /// The holidays from `from` (inclusive) to `to` (exclusive), sorted.
    pub fn holidays_between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Holiday> {
        between(self.holidays(), from, to)
    }

    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays().binary_search_by_key(&date, |h| h.date).is_ok()
    }

    /// The country's own language (`de` for `DE-BY`), or [`DATA_LANGUAGE`] where that is
    /// English.
    pub fn own_language(&self) -> &'static str {
        self.own_language.unwrap_or(DATA_LANGUAGE)
    }

    /// The languages the calendar's holidays are named in: English first, then those of
    /// its country's name tables.
    pub fn languages(&self) -> Vec<&'static str> {
        std::iter::once(DATA_LANGUAGE)
            .chain(self.country_calendar().tables().iter().map(|t| t.lang))
            .collect()
    }

    fn country_calendar(&self) -> &'static Calendar {
        calendar(self.country()).expect(INVARIANT)
    }

    fn tables(&self) -> &[NameTable] {
        self.tables.get_or_init(|| name_tables(self.names))
    }

    /// The language of the data to name holidays in for a document in `lang`: `lang` by
    /// tag, then by primary language, else the country's own language, else English.
    fn language_for(&self, lang: &str) -> Option<&'static str> {
        let languages = self.languages();
        languages
            .iter()
            .find(|l| l.eq_ignore_ascii_case(lang))
            .or_else(|| {
                languages
                    .iter()
                    .find(|l| primary_language(l).eq_ignore_ascii_case(primary_language(lang)))
            })
            .copied()
            .or(self.own_language)
    }

    /// `english` (one holiday) in `lang`, one of [`Calendar::languages`]: from the
    /// subdivision's own table, else its country's, else the English name itself.
    fn translate(&self, lang: &str, english: &'static str) -> &'static str {
        let country = self.country_calendar();
        let tables = self.tables().iter();
        let in_country = if std::ptr::eq(self, country) {
            None
        } else {
            Some(country.tables().iter())
        };
        tables
            .chain(in_country.into_iter().flatten())
            .filter(|t| t.lang == lang)
            .find_map(|t| {
                t.names
                    .binary_search_by(|(en, _)| en.cmp(&english))
                    .ok()
                    .map(|i| t.names[i].1)
            })
            .unwrap_or(english)
    }

    fn materialise(&self) -> Vec<Holiday> {
        let lines = self
            .body
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with(['#', '@']));
        if self.is_country() {
            return lines.map(|line| entry(self.id, line).expect(INVARIANT)).collect();
        }
        let base = calendar(self.country()).expect(INVARIANT).holidays();
        let mut holidays = Vec::with_capacity(base.len() + 8);
        let mut base = base.iter().peekable();
        for line in lines {
            let (added, diff) = match line.as_bytes()[0] {
                b'+' => (true, &line[1..]),
                b'-' => (false, &line[1..]),
                _ => panic!("{INVARIANT}: `{line}`"),
            };
            let date = parse_date(diff.get(..10).expect(INVARIANT)).expect(INVARIANT);
            while let Some(h) = base.next_if(|h| h.date < date) {
                holidays.push(h.clone());
            }
            // The country's entry on that date is replaced (`+`) or removed (`-`).
            base.next_if(|h| h.date == date);
            if added {
                holidays.push(entry(self.id, diff).expect(INVARIANT));
            }
        }
        holidays.extend(base.cloned());
        holidays
    }
}

impl fmt::Debug for Calendar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("id", &self.id)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

/// The holidays in effect for an owner: a calendar, plus the plan's `add:` dates, plus
/// holidays from an iCalendar file, minus the plan's `remove:` dates. A removal wins over
/// everything: it is the plan's explicit word that the business works that day.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HolidaySet {
    /// Sorted by date, one entry per date.
    holidays: Vec<Holiday>,
}

impl HolidaySet {
    pub fn new(calendar: Option<&Calendar>, add: &[NaiveDate], remove: &[NaiveDate], extra: &[Holiday]) -> Self {
        let mut holidays: Vec<Holiday> = calendar.map(|c| c.holidays().to_vec()).unwrap_or_default();
        holidays.extend(extra.iter().cloned());
        holidays.extend(
            add.iter()
                .map(|&date| Holiday::named_in(date, ADDED_HOLIDAY_NAME, DATA_LANGUAGE)),
        );
        // Stable: on a shared date the calendar's name comes first, then the file's, then
        // the plan's own addition, which adds nothing when the date already has a name.
        holidays.sort_by_key(|h| h.date);
        let mut merged: Vec<Holiday> = Vec::with_capacity(holidays.len());
        for h in holidays {
            if remove.contains(&h.date) {
                continue;
            }
            match merged.last_mut() {
                Some(last) if last.date == h.date => {
                    let known = last.name.split("; ").any(|n| n == h.name);
                    if !known && h.name != ADDED_HOLIDAY_NAME {
                        last.name = format!("{}; {}", last.name, h.name);
                        if last.lang != h.lang {
                            last.lang = None;
                        }
                    }
                }
                _ => merged.push(h),
            }
        }
        Self { holidays: merged }
    }

    /// No holidays at all.
    pub fn empty() -> Self {
        Self::default()
    }

    /// O(log n).
    pub fn is_holiday(&self, date: NaiveDate) -> bool {
        self.holidays.binary_search_by_key(&date, |h| h.date).is_ok()
    }

    /// The holiday on `date`, if any.
    pub fn get(&self, date: NaiveDate) -> Option<&Holiday> {
        let i = self.holidays.binary_search_by_key(&date, |h| h.date).ok()?;
        Some(&self.holidays[i])
    }

    /// The holidays from `from` (inclusive) to `to` (exclusive), sorted.
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Holiday> {
        between(&self.holidays, from, to)
    }

    pub fn is_empty(&self) -> bool {
        self.holidays.is_empty()
    }

    pub fn len(&self) -> usize {
        self.holidays.len()
    }
}

fn between(holidays: &[Holiday], from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Holiday> {
    let start = holidays.partition_point(|h| h.date < from);
    let end = holidays.partition_point(|h| h.date < to).max(start);
    holidays[start..end].iter()
}

struct Dataset {
    source: &'static str,
    calendars: Vec<Calendar>,
}

fn dataset() -> &'static Dataset {
    static DATASET: OnceLock<Dataset> = OnceLock::new();
    DATASET.get_or_init(|| index(DATA))
}

/// Splits the data into calendar blocks without reading their holidays: only the header
/// lines (`[DE-BY] Bayern`) are looked at, found with a substring search.
fn index(data: &'static str) -> Dataset {
    let first_block = data.find("\n[").map_or(data.len(), |i| i + 1);
    let source = data[..first_block]
        .lines()
        .find_map(|line| line.strip_prefix("@source "))
        .unwrap_or_default()
        .trim();
    let bytes = data.as_bytes();
    let starts: Vec<usize> = std::iter::once(first_block)
        .chain(memchr::memmem::find_iter(&bytes[first_block..], b"\n[").map(|i| first_block + i + 1))
        .filter(|&i| i < data.len())
        .collect();
    let mut calendars: Vec<Calendar> = Vec::with_capacity(starts.len());
    let mut country_complete = LAST_YEAR;
    let mut country_language = None;
    for (n, &start) in starts.iter().enumerate() {
        let end = starts.get(n + 1).copied().unwrap_or(data.len());
        let block = &data[start..end];
        let (header, rest) = block.split_once('\n').unwrap_or((block, ""));
        let (id, name) = header[1..].split_once(']').expect(INVARIANT);
        let (body, names) = match memchr::memmem::find(rest.as_bytes(), b"@names ") {
            Some(i) if i == 0 || rest.as_bytes()[i - 1] == b'\n' => rest.split_at(i),
            _ => (rest, ""),
        };
        let header_line = |key: &str| {
            body.lines()
                .take_while(|line| line.starts_with('@'))
                .find_map(|line| line.strip_prefix(key))
                .map(str::trim)
        };
        let complete_through = header_line("@complete-through ").map(|year| year.parse().expect(INVARIANT));
        if !id.contains('-') {
            country_complete = complete_through.unwrap_or(LAST_YEAR);
            country_language = header_line("@language ");
        }
        calendars.push(Calendar {
            id,
            name: name.trim(),
            body,
            names,
            own_language: country_language,
            complete_through: country_complete,
            holidays: OnceLock::new(),
            tables: OnceLock::new(),
        });
    }
    calendars.sort_unstable_by(|a, b| a.id.cmp(b.id));
    Dataset { source, calendars }
}

/// `2026-01-06 Epiphany`, a holiday of calendar `id`.
fn entry(id: &'static str, line: &'static str) -> Option<Holiday> {
    let date = parse_date(line.get(..10)?)?;
    let name = line.get(11..)?.trim_end();
    (!name.is_empty()).then(|| Holiday {
        origin: Some((id, name)),
        ..Holiday::named_in(date, name, DATA_LANGUAGE)
    })
}

/// A block's name tables: `@names de` lines, each followed by `English name = Name` lines.
fn name_tables(text: &'static str) -> Vec<NameTable> {
    let mut tables: Vec<NameTable> = Vec::new();
    for line in text.lines().filter(|l| !l.is_empty()) {
        if let Some(lang) = line.strip_prefix("@names ") {
            tables.push(NameTable {
                lang: lang.trim(),
                names: Vec::new(),
            });
        } else {
            let pair = line.split_once(" = ").expect(INVARIANT);
            tables.last_mut().expect(INVARIANT).names.push(pair);
        }
    }
    for table in &mut tables {
        table.names.sort_unstable_by(|a, b| a.0.cmp(b.0));
    }
    tables
}

/// `YYYY-MM-DD`, without the generality (and cost) of a format string.
fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter()
            .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap_or_else(|| panic!("bad test date {s}"))
    }

    fn cal(id: &str) -> &'static Calendar {
        calendar(id).unwrap_or_else(|| panic!("no calendar {id}"))
    }

    #[track_caller]
    fn holiday(id: &str, date: &str) {
        assert!(cal(id).is_holiday(d(date)), "{id} {date} should be a holiday");
    }

    #[track_caller]
    fn working_day(id: &str, date: &str) {
        let c = cal(id);
        let found = c.holidays_between(d(date), d(date).succ_opt().unwrap()).next();
        assert!(found.is_none(), "{id} {date} should not be a holiday: {found:?}");
    }

    fn name(id: &str, date: &str) -> &'static str {
        let found = cal(id).holidays().iter().find(|h| h.date == d(date));
        &found.unwrap_or_else(|| panic!("{id} {date} is not a holiday")).name
    }

    #[test]
    fn header_matches_the_constants() {
        let years = DATA.lines().find_map(|l| l.strip_prefix("@years ")).unwrap();
        assert_eq!(years, format!("{FIRST_YEAR} {LAST_YEAR}"));
        assert!(source().starts_with("python-holidays 0."), "{}", source());
        assert!(DATA.lines().next().unwrap().contains(source()));
    }

    #[test]
    fn every_calendar_materialises_sorted_within_the_years() {
        let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap();
        let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).unwrap();
        let mut count = 0;
        for c in calendars() {
            let holidays = c.holidays();
            assert!(
                holidays.len() >= 4 * 21,
                "{} has only {} holidays",
                c.id,
                holidays.len()
            );
            assert!(holidays.windows(2).all(|w| w[0].date < w[1].date), "{} unsorted", c.id);
            assert!(
                holidays
                    .iter()
                    .all(|h| h.date >= first && h.date <= last && !h.name.is_empty())
            );
            for year in FIRST_YEAR..=c.complete_through() {
                assert!(
                    holidays.iter().any(|h| h.date.year() == year),
                    "{} has nothing in {year}",
                    c.id
                );
            }
            assert!(!c.name().is_empty());
            count += 1;
        }
        assert!(count > 400, "{count} calendars");
    }

    #[test]
    fn required_countries_and_subdivisions() {
        let required = "DE AT CH LV LT EE PT BR ES FR IT NL BE PL SE DK FI NO IE GB US CA AU NZ IN JP SG TH";
        for country in required.split(' ') {
            assert_eq!(cal(country).country(), country);
        }
        assert_eq!(countries().len(), 28);
        assert_eq!(subdivisions("DE").len(), 16);
        assert_eq!(subdivisions("GB"), ["GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS"]);
        assert_eq!(subdivisions("BR").len(), 27);
        let us = subdivisions("US");
        assert!(
            us.len() >= 51 && us.contains(&"US-DC") && us.contains(&"US-NY"),
            "{us:?}"
        );
        assert!(subdivisions("LV").is_empty());
        assert!(subdivisions("ZZ").is_empty());
        assert_eq!(cal("DE-BY").name(), "Bayern");
        assert_eq!(cal("DE").name(), "Germany");
        assert_eq!(cal("IN").complete_through(), 2035);
        assert_eq!(cal("IN-MH").complete_through(), 2035);
        assert_eq!(cal("DE").complete_through(), LAST_YEAR);
        assert!(calendar("de").is_none() && calendar("DE-XX").is_none() && calendar("").is_none());
    }

    /// The dates the plan format's documentation and examples rely on.
    #[test]
    fn acceptance_dates() {
        for date in ["2026-01-06", "2026-06-04", "2026-11-01"] {
            holiday("DE-BY", date);
        }
        holiday("DE-BE", "2026-03-08");
        assert_eq!(name("DE-BE", "2026-03-08"), "Women's Day");
        for date in ["2026-04-13", "2026-04-14", "2026-04-15"] {
            holiday("TH", date);
            assert!(name("TH", date).contains("Songkran"));
        }
        holiday("GB-SCT", "2026-01-02");
        holiday("GB-SCT", "2026-11-30");
        holiday("GB-SCT", "2025-12-01");
        assert_eq!(name("GB-SCT", "2025-12-01"), "Saint Andrew's Day (observed)");
        holiday("US-NY", "2026-07-03");
        assert_eq!(name("US-NY", "2026-07-03"), "Independence Day (observed)");
        working_day("US-NY", "2026-07-04");
    }

    // Sample dates from official lists that do not come from python-holidays, at least three
    // per country. Each line names its source.
    #[test]
    fn germany_and_neighbours() {
        // Einigungsvertrag Art. 2 (2): Tag der Deutschen Einheit; Länder Feiertagsgesetze.
        holiday("DE", "2026-10-03");
        holiday("DE", "2026-04-03"); // Karfreitag, all Länder
        holiday("DE", "2026-12-26");
        working_day("DE", "2026-01-06"); // Heilige Drei Könige only in BW, BY, ST
        // Bayerisches Feiertagsgesetz Art. 1: Mariä Himmelfahrt only in mainly Catholic
        // municipalities, so not for the whole Land.
        working_day("DE-BY", "2026-08-15");
        working_day("DE-BE", "2026-01-06"); // Berliner Sonn- und Feiertagsgesetz § 1
        holiday("DE-BB", "2026-10-31"); // Brandenburg FTG § 2: Reformationstag
        holiday("DE-TH", "2026-09-20"); // Thüringer FTG § 2: Weltkindertag (since 2019)
        holiday("DE-SN", "2026-11-18"); // Sächsisches SFG § 1: Buß- und Bettag
        holiday("DE-MV", "2026-03-08"); // FTG M-V § 2: Frauentag (since 2023)
        holiday("DE-NW", "2026-11-01"); // FeiertagsG NW § 2: Allerheiligen
        // Austria, Feiertagsruhegesetz 1957 § 1.
        holiday("AT", "2026-01-06");
        holiday("AT", "2026-08-15");
        holiday("AT", "2026-10-26");
        holiday("AT", "2026-12-08");
        // Switzerland: Bundesverfassung Art. 110 (1 August); cantonal laws.
        holiday("CH", "2026-08-01");
        holiday("CH", "2026-01-01");
        holiday("CH", "2026-05-14"); // Auffahrt, all cantons
        holiday("CH-GE", "2026-09-10"); // Loi genevoise J 1 45: Jeûne genevois
        holiday("CH-GE", "2026-12-31"); // Restauration de la République
        holiday("CH-ZH", "2026-04-03"); // Zürich Ruhetags- und Ladenöffnungsgesetz § 1
        holiday("CH-ZH", "2026-05-01");
    }

    #[test]
    fn baltics_and_nordics() {
        // Latvia, law "Par svētku, atceres un atzīmējamām dienām" § 1.
        holiday("LV", "2026-05-04");
        holiday("LV", "2026-06-23");
        holiday("LV", "2026-06-24");
        holiday("LV", "2026-11-18");
        // Lithuania, Labour Code art. 123.
        holiday("LT", "2026-02-16");
        holiday("LT", "2026-03-11");
        holiday("LT", "2026-07-06");
        holiday("LT", "2026-11-02");
        holiday("LT", "2026-12-24");
        // Estonia, Public Holidays and Days of National Importance Act § 2.
        holiday("EE", "2026-02-24");
        holiday("EE", "2026-06-23");
        holiday("EE", "2026-06-24");
        holiday("EE", "2026-08-20");
        // Sweden, Lag (1989:253) om allmänna helgdagar.
        holiday("SE", "2026-01-06");
        holiday("SE", "2026-06-06");
        holiday("SE", "2026-06-20"); // Midsommardagen: the Saturday from 20 to 26 June
        holiday("SE", "2026-10-31"); // Alla helgons dag: the Saturday from 31 Oct to 6 Nov
        // Denmark, helligdagsloven; Store Bededag abolished from 2024 (lov nr. 214, 2023).
        holiday("DK", "2026-04-02");
        holiday("DK", "2026-05-14");
        holiday("DK", "2026-12-26");
        holiday("DK", "2023-05-05");
        working_day("DK", "2026-05-01");
        // Finland, Vuosilomalaki and Kirkkolaki: kirkolliset juhlapyhät; itsenäisyyspäivä.
        holiday("FI", "2026-01-06");
        holiday("FI", "2026-05-01");
        holiday("FI", "2026-06-20"); // Juhannuspäivä
        holiday("FI", "2026-12-06");
        // Norway, lov om helligdager og helligdagsfred; lov om 1. og 17. mai som høgtidsdager.
        holiday("NO", "2026-04-02");
        holiday("NO", "2026-05-01");
        holiday("NO", "2026-05-17");
        holiday("NO", "2026-12-26");
    }

    #[test]
    fn western_and_southern_europe() {
        // Portugal, Código do Trabalho art. 234.
        holiday("PT", "2026-04-25");
        holiday("PT", "2026-06-04"); // Corpo de Deus
        holiday("PT", "2026-06-10");
        holiday("PT", "2026-10-05");
        holiday("PT", "2026-12-01");
        // Spain, BOE resolution of the 2026 national public holidays; Catalan DOGC calendar.
        holiday("ES", "2026-01-06");
        holiday("ES", "2026-10-12");
        holiday("ES", "2026-12-08");
        holiday("ES-CT", "2026-06-24");
        holiday("ES-CT", "2026-09-11");
        // France, Code du travail L3133-1; Alsace-Moselle local law (Code local, art. 105 a).
        holiday("FR", "2026-05-08");
        holiday("FR", "2026-05-14");
        holiday("FR", "2026-07-14");
        holiday("FR", "2026-11-11");
        working_day("FR", "2026-04-03");
        holiday("FR-57", "2026-04-03");
        holiday("FR-57", "2026-12-26");
        // Italy, Legge 260/1949 and Legge 151/2025 (4 October again a national holiday from
        // 2026); patron saints of Rome and Milan.
        holiday("IT", "2026-04-25");
        holiday("IT", "2026-06-02");
        holiday("IT", "2026-10-04");
        holiday("IT", "2026-12-08");
        holiday("IT-RM", "2026-06-29");
        holiday("IT-MI", "2026-12-07");
        // Netherlands, Algemene termijnenwet; Koningsdag moves to Saturday when 27 April is a
        // Sunday (Besluit Koningsdag); Bevrijdingsdag a day off in lustrum years.
        holiday("NL", "2026-04-06");
        holiday("NL", "2026-04-27");
        holiday("NL", "2025-04-26");
        working_day("NL", "2025-04-27");
        holiday("NL", "2025-05-05");
        // Belgium, Arrêté royal of 18 April 1974 (jours fériés légaux).
        holiday("BE", "2026-04-06");
        holiday("BE", "2026-05-25");
        holiday("BE", "2026-07-21");
        holiday("BE", "2026-11-11");
        // Poland, Ustawa o dniach wolnych od pracy; 24 December free from 2025.
        holiday("PL", "2026-01-06");
        holiday("PL", "2026-05-03");
        holiday("PL", "2026-11-11");
        holiday("PL", "2026-12-24");
        working_day("PL", "2024-12-24");
        // Ireland, Organisation of Working Time Act 1997, Schedule 2 (citizensinformation.ie).
        holiday("IE", "2026-02-02"); // St Brigid's Day: first Monday in February
        holiday("IE", "2026-03-17");
        holiday("IE", "2026-06-01");
        holiday("IE", "2026-08-03");
        holiday("IE", "2026-10-26");
    }

    #[test]
    fn united_kingdom() {
        // gov.uk/bank-holidays, England and Wales 2026.
        for date in [
            "2026-04-03",
            "2026-04-06",
            "2026-05-04",
            "2026-05-25",
            "2026-08-31",
            "2026-12-28",
        ] {
            holiday("GB-ENG", date);
        }
        assert_eq!(name("GB-ENG", "2026-12-28"), "Boxing Day (observed)");
        working_day("GB-ENG", "2026-12-26"); // Saturday: replaced by the substitute day
        holiday("GB-WLS", "2026-08-31");
        // gov.uk/bank-holidays, Northern Ireland: 12 July 2026 is a Sunday.
        holiday("GB-NIR", "2026-03-17");
        holiday("GB-NIR", "2026-07-13");
        working_day("GB-NIR", "2026-07-12");
        // gov.uk/bank-holidays, Scotland.
        holiday("GB-SCT", "2026-08-03");
        working_day("GB-SCT", "2025-11-30");
        working_day("GB-SCT", "2026-04-06"); // no Easter Monday
        working_day("GB-SCT", "2026-08-31"); // summer holiday is the first Monday
    }

    #[test]
    fn americas() {
        // OPM federal holidays 2026, 2027 and 2021 (observed dates).
        holiday("US", "2026-01-19");
        holiday("US", "2026-02-16");
        holiday("US", "2026-06-19");
        holiday("US", "2026-07-03");
        working_day("US", "2026-07-04");
        holiday("US", "2026-11-26");
        holiday("US", "2027-07-05");
        holiday("US", "2021-12-24");
        holiday("US", "2021-12-31"); // New Year's Day 2022 observed
        // State law: California Government Code § 6700 (César Chávez Day), Massachusetts
        // General Laws ch. 4 § 7 (Patriots' Day), Texas Government Code § 662.003.
        holiday("US-CA", "2026-03-31");
        holiday("US-MA", "2026-04-20");
        holiday("US-TX", "2026-03-02");
        // Canada: Holidays Act (Canada Day); Ontario Employment Standards Act s. 1 (Family
        // Day, Victoria Day); Québec Loi sur la fête nationale.
        holiday("CA", "2026-07-01");
        holiday("CA", "2026-09-07");
        holiday("CA", "2026-12-25");
        holiday("CA-ON", "2026-02-16");
        holiday("CA-ON", "2026-05-18");
        holiday("CA-QC", "2026-06-24");
        // Brazil, Lei 662/1949, Lei 6.802/1980, Lei 14.759/2023 (Consciência Negra);
        // São Paulo Lei estadual 9.497/1997.
        holiday("BR", "2026-04-21");
        holiday("BR", "2026-09-07");
        holiday("BR", "2026-11-15");
        holiday("BR", "2026-11-20");
        holiday("BR-SP", "2026-07-09");
    }

    #[test]
    fn asia_pacific() {
        // Australia: Fair Work Ombudsman public holidays; NSW, Victoria, Queensland and WA
        // government lists for 2026.
        holiday("AU", "2026-01-26");
        holiday("AU", "2026-04-25");
        holiday("AU", "2026-04-06");
        holiday("AU-NSW", "2026-06-08");
        holiday("AU-NSW", "2026-10-05");
        holiday("AU-VIC", "2026-11-03"); // Melbourne Cup
        holiday("AU-QLD", "2026-05-04");
        holiday("AU-WA", "2026-06-01");
        // New Zealand, employment.govt.nz public holidays 2026 (Matariki per Te Kāhui o
        // Matariki Public Holiday Act 2022, Schedule 1).
        holiday("NZ", "2026-02-06");
        holiday("NZ", "2026-04-27"); // ANZAC Day on a Saturday, Mondayised
        holiday("NZ", "2026-06-01");
        holiday("NZ", "2026-07-10");
        holiday("NZ", "2026-10-26");
        holiday("NZ-AUK", "2026-01-26");
        holiday("NZ-WGN", "2026-01-19");
        // India, the three national holidays (Ministry of Personnel, holidays for 2026).
        holiday("IN", "2026-01-26");
        holiday("IN", "2026-08-15");
        holiday("IN", "2026-10-02");
        // Japan, Cabinet Office list of national holidays 2026 (substitute holiday and
        // "citizens' holiday" included).
        holiday("JP", "2026-01-12");
        holiday("JP", "2026-02-23");
        holiday("JP", "2026-03-20");
        holiday("JP", "2026-05-06");
        holiday("JP", "2026-09-22");
        // Singapore, Ministry of Manpower public holidays 2026.
        holiday("SG", "2026-02-17");
        holiday("SG", "2026-02-18");
        holiday("SG", "2026-05-01");
        holiday("SG", "2026-08-09");
        holiday("SG", "2026-08-10"); // National Day on a Sunday
        // Thailand, cabinet announcement of the 2026 public holidays.
        holiday("TH", "2026-06-03");
        holiday("TH", "2026-07-28");
        holiday("TH", "2026-10-13");
        holiday("TH", "2026-12-05");
        holiday("TH", "2026-12-10");
    }

    #[test]
    fn between_is_half_open_and_sorted() {
        let by = cal("DE-BY");
        let dates: Vec<_> = by
            .holidays_between(d("2026-01-01"), d("2026-01-06"))
            .map(|h| h.date)
            .collect();
        assert_eq!(dates, [d("2026-01-01")]);
        let dates: Vec<_> = by
            .holidays_between(d("2026-01-01"), d("2026-01-07"))
            .map(|h| h.date)
            .collect();
        assert_eq!(dates, [d("2026-01-01"), d("2026-01-06")]);
        assert_eq!(by.holidays_between(d("2026-02-01"), d("2026-01-01")).count(), 0);
        assert_eq!(by.holidays_between(d("2019-01-01"), d("2020-01-01")).count(), 0);
        assert_eq!(by.holidays_between(d("2026-01-01"), d("2027-01-01")).count(), 12);
    }

    #[test]
    fn subdivision_differences_apply() {
        // Renamed on a shared date: Swiss cantons and US states name some days differently.
        let de = cal("DE").holidays().len();
        let by = cal("DE-BY").holidays().len();
        assert_eq!(by, de + 3 * 21);
        // GB-SCT lacks England's Easter Monday but has 2 January.
        assert!(cal("GB").is_holiday(d("2026-04-06")) || cal("GB-ENG").is_holiday(d("2026-04-06")));
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("GB-SCO").as_deref(), Some("GB-SCT"));
        assert_eq!(suggest("US-NYC").as_deref(), Some("US-NY"));
        assert_eq!(suggest("DE-BAY").as_deref(), Some("DE-BY"));
        assert_eq!(suggest("DE-BYX").as_deref(), Some("DE-BY"));
        assert_eq!(suggest("LV-RIX").as_deref(), Some("LV"));
        assert_eq!(suggest("DE-BY").as_deref(), Some("DE-BY"));
        assert_eq!(suggest("de-by").as_deref(), Some("DE-BY"));
        assert_eq!(suggest("DE-XYZ"), None);
        assert_eq!(suggest("AR"), None);
        assert_eq!(suggest("ZZ-AB"), None);
        assert_eq!(suggest(""), None);
        assert_eq!(suggest("-"), None);
        assert_eq!(suggest("DE-ÄÖ"), None);
    }

    #[test]
    fn holiday_set_combines_calendar_additions_removals_and_file() {
        let be = cal("DE-BE");
        let extra = [
            Holiday::new(d("2026-12-31"), "New Year's Eve"),
            Holiday::new(d("2026-12-25"), "Christmas"),
        ];
        let set = HolidaySet::new(
            Some(be),
            &[d("2026-12-24"), d("2026-12-25")],
            &[d("2026-03-08"), d("2026-12-31")],
            &extra,
        );
        assert!(set.is_holiday(d("2026-12-24")));
        assert_eq!(set.get(d("2026-12-24")).unwrap().name, ADDED_HOLIDAY_NAME);
        assert_eq!(set.get(d("2026-12-25")).unwrap().name, "Christmas Day; Christmas");
        assert!(!set.is_holiday(d("2026-03-08")));
        assert!(!set.is_holiday(d("2026-12-31")), "a removal wins over the file");
        assert!(set.is_holiday(d("2026-10-03")));
        let december: Vec<_> = set.between(d("2026-12-01"), d("2027-01-01")).map(|h| h.date).collect();
        assert_eq!(december, [d("2026-12-24"), d("2026-12-25"), d("2026-12-26")]);
        assert_eq!(set.len(), be.holidays().len() + 1 - 1);

        let only_added = HolidaySet::new(None, &[d("2026-12-24"), d("2026-12-24")], &[], &[]);
        assert_eq!(only_added.len(), 1);
        assert!(HolidaySet::empty().is_empty());
        assert!(!HolidaySet::empty().is_holiday(d("2026-12-25")));
    }

    fn named(id: &str, date: &str, lang: &str) -> (String, Option<&'static str>) {
        let found = cal(id).holidays().iter().find(|h| h.date == d(date));
        let (name, in_lang) = found
            .unwrap_or_else(|| panic!("{id} {date} is not a holiday"))
            .name_in(lang);
        (name.into_owned(), in_lang)
    }

    #[test]
    fn names_in_a_language_by_tag_then_primary_language_then_the_countrys_then_english() {
        let de = |s: &str| (s.to_owned(), Some("de"));
        // By tag, and by primary language.
        assert_eq!(named("DE", "2026-12-25", "de"), de("Erster Weihnachtstag"));
        assert_eq!(named("DE-BY", "2026-01-06", "de-AT"), de("Heilige Drei Könige"));
        assert_eq!(named("BR", "2026-12-25", "pt-BR"), ("Natal".to_owned(), Some("pt-BR")));
        assert_eq!(named("BR", "2026-12-25", "pt"), ("Natal".to_owned(), Some("pt-BR")));
        assert_eq!(
            named("PT", "2026-12-25", "pt-BR"),
            ("Dia de Natal".to_owned(), Some("pt"))
        );
        assert_eq!(named("TH", "2026-12-10", "th").1, Some("th"));
        // English is always there: an English page is unchanged.
        assert_eq!(
            named("DE", "2026-12-25", "en"),
            ("Christmas Day".to_owned(), Some("en"))
        );
        assert_eq!(
            named("DE", "2026-12-25", "en-GB"),
            ("Christmas Day".to_owned(), Some("en"))
        );
        // No Latvian for Germany: German, the country's own language.
        assert_eq!(named("DE", "2026-12-25", "lv"), de("Erster Weihnachtstag"));
        assert_eq!(cal("DE-BE").own_language(), "de");
        // No German for the US, whose own language is English.
        assert_eq!(
            named("US", "2026-12-25", "de"),
            ("Christmas Day".to_owned(), Some("en"))
        );
        // A name the same in the language is given in it.
        assert_eq!(named("DE", "2026-05-25", "de"), de("Pfingstmontag"));
        // Several holidays on one date, each translated, in the English names' order.
        assert_eq!(
            named("LV", "2026-05-01", "lv").0,
            "Latvijas Republikas Satversmes sapulces sasaukšanas diena; Darba svētki"
        );
        // A subdivision's own name wins over its country's.
        assert_eq!(
            named("ES-ML", "2026-05-27", "es").0,
            "Fiesta del Sacrificio-Aid Al Adha"
        );
        assert_eq!(named("ES-CE", "2026-05-27", "es").0, "Fiesta del Sacrificio-Eidul Adha");
    }

    #[test]
    fn names_from_a_file_keep_their_own_language() {
        let file = Holiday::new(d("2026-12-31"), "Silvester");
        assert_eq!(file.name_in("de"), (Cow::Borrowed("Silvester"), None));
        let added = Holiday::named_in(d("2026-12-24"), ADDED_HOLIDAY_NAME, DATA_LANGUAGE);
        assert_eq!(added.name_in("de"), (Cow::Borrowed(ADDED_HOLIDAY_NAME), Some("en")));
        // A file's name joined to a calendar's: the calendar's part is translated, and the
        // whole is in no one language.
        let set = HolidaySet::new(
            Some(cal("DE-BE")),
            &[],
            &[],
            &[Holiday::new(d("2026-12-25"), "Christmas")],
        );
        let christmas = set.get(d("2026-12-25")).unwrap();
        assert_eq!(
            christmas.name_in("de"),
            (Cow::Borrowed("Erster Weihnachtstag; Christmas"), None)
        );
        assert_eq!(christmas.name_in("en").0, "Christmas Day; Christmas");
    }

    #[test]
    fn every_name_table_line_is_well_formed() {
        for c in calendars() {
            for table in c.tables() {
                assert!(
                    !table.lang.is_empty() && table.names.iter().all(|(en, name)| !en.is_empty() && !name.is_empty())
                );
            }
        }
        let languages = languages();
        for lang in ["en", "de", "lv", "pt", "pt-BR", "th"] {
            assert!(languages.contains(&lang), "{languages:?}");
        }
        assert_eq!(cal("BR").own_language(), "pt-BR");
        assert_eq!(cal("GB-SCT").own_language(), "en");
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2026-02-28"), NaiveDate::from_ymd_opt(2026, 2, 28));
        for bad in [
            "2026-02-29",
            "2026-2-28",
            "2026/02/28",
            "20260228",
            "2026-02-2x",
            "",
            "२०२६-02-28",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
