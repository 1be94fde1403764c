//! Readers for the plan's value syntaxes: ids, texts, schedules, holiday calendars, time
//! zones and the scalar syntaxes of [`crate::model::values`], each reporting its own kind
//! of problem.

use super::node::{Node, Value};
use super::problem::{Problem, ProblemKind};
use super::reader::{Reader, path_tail};
use crate::model::values::{self, DayHours, ValueError, WeekdaySet};
use crate::model::{AgeRange, DateRule, DayRule, HolidaySpec, Id, Located, PlanPath, Schedule, Text};
use std::collections::HashMap;

const DURATION: &str = "a duration such as `90s`, `15m`, `4h`, `2 days`, `6 months`";
const SCHEDULE_EXAMPLE: &str = "`{ mon-fri: 08:00-18:00, sat: 09:00-13:00 }` or `24/7`";

/// The longest id, in characters. Ids name files (`faq-<profile>.<lang>.html`), and file
/// systems refuse names longer than 255 bytes; 64 leaves room for the rest of the name and
/// is more than any readable id needs.
pub const MAX_ID_CHARS: usize = 64;

impl Reader<'_> {
    /// An entity's own id: kebab-case, at most [`MAX_ID_CHARS`] characters.
    pub fn id(&mut self, node: &Node, path: &PlanPath) -> Option<Id> {
        let id = self.string(node, path)?;
        let length = id.value.chars().count();
        if length > MAX_ID_CHARS {
            let shown: String = id.value.chars().take(40).collect();
            self.schema(
                node.span,
                path,
                format!("id `{shown}…` is {length} characters long; an id has at most {MAX_ID_CHARS}"),
                "shorten it: ids name the rendered files, and a short id reads better in references too",
            );
            return None;
        }
        let ok = !id.value.is_empty()
            && id
                .value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !id.value.starts_with('-')
            && !id.value.ends_with('-')
            && !id.value.contains("--");
        if !ok {
            let suggestion = kebab(&id.value);
            let help = if suggestion.is_empty() {
                "use lower-case letters, digits and single hyphens, e.g. `first-line`".to_owned()
            } else {
                format!("use lower-case letters, digits and single hyphens, e.g. `{suggestion}`")
            };
            self.schema(node.span, path, format!("id `{}` is not kebab-case", id.value), help);
            return None;
        }
        Some(id)
    }

    /// A web address that documents link to: `https://…` or `http://…` with a host.
    pub fn web_url(&mut self, node: &Node, path: &PlanPath) -> Option<Located<String>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidUrl,
            "a web address such as `https://example.com/help`",
            |s| values::parse_web_url(s).map(|_| s.trim().to_owned()),
        )
    }

    /// An e-mail address that documents link to with `mailto:`.
    pub fn email(&mut self, node: &Node, path: &PlanPath) -> Option<Located<String>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidUrl,
            "an e-mail address such as `service@example.com`",
            values::parse_email,
        )
    }

    /// A channel's address, checked for what its kind may link to (a channel whose kind
    /// could not be read is checked as a chat, where only web links are links).
    pub fn channel_address(
        &mut self,
        node: &Node,
        path: &PlanPath,
        kind: Option<crate::model::ChannelKind>,
    ) -> Option<Located<String>> {
        let kind = kind.unwrap_or(crate::model::ChannelKind::Chat);
        self.parsed(
            node,
            path,
            ProblemKind::InvalidUrl,
            "an address, phone number or web address",
            |s| values::check_channel_address(kind, s).map(|()| s.trim().to_owned()),
        )
    }

    /// A reference to another entity's id (checked by the reference rules).
    pub fn reference(&mut self, node: &Node, path: &PlanPath) -> Option<Id> {
        self.string(node, path)
    }

    /// A list of references, each once.
    pub fn references(&mut self, node: &Node, path: &PlanPath) -> Vec<Id> {
        let items = self
            .list(node, path, "[first-line, technicians]")
            .into_iter()
            .filter_map(|(n, p)| self.reference(n, &p))
            .collect();
        self.distinct(path, items, String::clone)
    }

    /// A list of plain words (skills, needs, topics), each once.
    pub fn words(&mut self, node: &Node, path: &PlanPath) -> Vec<Located<String>> {
        let items = self
            .list(node, path, "[orders, returns, billing]")
            .into_iter()
            .filter_map(|(n, p)| self.string(n, &p))
            .collect();
        self.distinct(path, items, String::clone)
    }

    /// The entries of a list with each value once, in the order first written; every value
    /// written more than once is one duplicate-entry problem at its second entry. One
    /// pass with a map, so a list of thousands of repetitions costs no more than reading it.
    fn distinct<V>(&mut self, list: &PlanPath, items: Vec<Located<V>>, key: impl Fn(&V) -> String) -> Vec<Located<V>> {
        // For each value: its first entry, its second (if any) and how often it is listed.
        let mut seen: HashMap<String, (usize, Option<usize>, usize)> = HashMap::new();
        let mut keep = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let entry = seen.entry(key(&item.value)).or_insert((i, None, 0));
            entry.2 += 1;
            if entry.2 == 1 {
                keep.push(i);
            } else if entry.1.is_none() {
                entry.1 = Some(i);
            }
        }
        let mut repeated: Vec<(String, usize, usize, usize)> = seen
            .into_iter()
            .filter_map(|(value, (first, second, count))| second.map(|second| (value, first, second, count)))
            .collect();
        repeated.sort_by_key(|&(_, _, second, _)| second);
        let name = path_tail(list);
        for (value, first, second, count) in repeated {
            let times = if count == 2 {
                "twice".to_owned()
            } else {
                format!("{count} times")
            };
            self.problems.push(
                Problem::new(
                    ProblemKind::DuplicateEntry,
                    &items[second].loc,
                    format!("`{value}` is listed {times} in `{name}`"),
                )
                .related(&items[first].loc, "first listed here")
                .help("list each entry once: a repetition adds nothing, or was meant to be another entry")
                .data("value", value)
                .data("count", count),
            );
        }
        let mut keep = keep.into_iter().peekable();
        items
            .into_iter()
            .enumerate()
            .filter_map(|(i, item)| keep.next_if_eq(&i).map(|_| item))
            .collect()
    }

    /// A human-readable text: a string, or a map of language → string.
    pub fn text(&mut self, node: &Node, path: &PlanPath) -> Option<Located<Text>> {
        let loc = self.loc(node.span, path);
        match &node.value {
            Value::Map(entries) => {
                let mut items = Vec::new();
                for (key, value) in entries {
                    let p = path.key(&key.name);
                    let lang = match values::parse_language(&key.name) {
                        Ok(l) => Located::new(l, self.loc(key.span, &p)),
                        Err(e) => {
                            let key_node = Node {
                                span: key.span,
                                value: Value::String(key.name.clone()),
                            };
                            self.value_error(ProblemKind::InvalidLanguage, &key_node, &p, &key.name, e);
                            continue;
                        }
                    };
                    match value.scalar_text() {
                        Some(s) => items.push((lang, s)),
                        None => self.wrong_type(value, &p, "text", "\"…\""),
                    }
                }
                Some(Located::new(Text::Translated(items), loc))
            }
            _ => match node.scalar_text() {
                Some(s) => Some(Located::new(Text::Plain(s), loc)),
                None => {
                    self.wrong_type(
                        node,
                        path,
                        "text or a map of language to text",
                        "{ de: \"…\", en: \"…\" }",
                    );
                    None
                }
            },
        }
    }

    pub fn duration(&mut self, node: &Node, path: &PlanPath) -> Option<Located<values::Duration>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidDuration,
            DURATION,
            values::parse_duration,
        )
    }

    pub fn amount(&mut self, node: &Node, path: &PlanPath) -> Option<Located<values::Amount>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidAmount,
            "an amount such as `25 EUR`, `10%` or `unlimited`",
            values::parse_amount,
        )
    }

    pub fn target(&mut self, node: &Node, path: &PlanPath) -> Option<Located<values::Target>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidTarget,
            "a target such as `80% in 20s` or `>= 90%`",
            values::parse_target,
        )
    }

    pub fn date(&mut self, node: &Node, path: &PlanPath) -> Option<Located<chrono::NaiveDate>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidDate,
            "a date such as `2026-06-15`",
            values::parse_date,
        )
    }

    pub fn language(&mut self, node: &Node, path: &PlanPath) -> Option<Located<values::LanguageTag>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidLanguage,
            "a language such as `de` or `pt-BR`",
            values::parse_language,
        )
    }

    /// A list of languages, each once.
    pub fn languages(&mut self, node: &Node, path: &PlanPath) -> Vec<Located<values::LanguageTag>> {
        let items = self
            .list(node, path, "[de, en]")
            .into_iter()
            .filter_map(|(n, p)| self.language(n, &p))
            .collect();
        self.distinct(path, items, values::LanguageTag::to_string)
    }

    /// A list of countries, each once.
    pub fn countries(&mut self, node: &Node, path: &PlanPath) -> Vec<Located<String>> {
        let items = self
            .list(node, path, "[DE, AT]")
            .into_iter()
            .filter_map(|(n, p)| {
                self.parsed(
                    n,
                    &p,
                    ProblemKind::InvalidCountry,
                    "a country code such as `DE`",
                    values::parse_country,
                )
                .map(|c| Located::new(c.value.alpha2().to_owned(), c.loc))
            })
            .collect();
        self.distinct(path, items, String::clone)
    }

    /// `toll-free:` — `true`, `false`, or a list of the countries calls are free from.
    pub fn toll_free(&mut self, node: &Node, path: &PlanPath) -> Option<Located<crate::model::TollFree>> {
        use crate::model::TollFree;
        let loc = self.loc(node.span, path);
        match &node.value {
            Value::Bool(true) => Some(Located::new(TollFree::InItsCountry, loc)),
            Value::Bool(false) => Some(Located::new(TollFree::No, loc)),
            Value::Seq(_) => {
                let countries = self.countries(node, path);
                (!countries.is_empty()).then(|| Located::new(TollFree::From(countries), loc))
            }
            _ => {
                self.wrong_type(
                    node,
                    path,
                    "`true`, `false` or a list of countries",
                    "true  # or [PT, ES]: free from these countries",
                );
                None
            }
        }
    }

    /// `addresses:` — a map from a country code to the channel's address for customers
    /// there, each checked like `address`.
    pub fn country_addresses(
        &mut self,
        node: &Node,
        path: &PlanPath,
        kind: Option<crate::model::ChannelKind>,
    ) -> Vec<crate::model::CountryAddress> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(
                node,
                path,
                "a map of country codes to addresses",
                "{ BR: \"0800 555 0140\" }",
            );
            return Vec::new();
        };
        let mut out: Vec<crate::model::CountryAddress> = Vec::new();
        for (key, value) in entries {
            let p = path.key(&key.name);
            let key_node = Node {
                span: key.span,
                value: Value::String(key.name.clone()),
            };
            let country = self.parsed(
                &key_node,
                &p,
                ProblemKind::InvalidCountry,
                "a country code such as `BR`",
                values::parse_country,
            );
            let address = self.channel_address(value, &p, kind);
            if let (Some(country), Some(address)) = (country, address) {
                out.push(crate::model::CountryAddress {
                    country: Located::new(country.value.alpha2().to_owned(), country.loc),
                    address,
                });
            }
        }
        out
    }

    /// A currency code: `EUR`.
    pub fn currency(&mut self, node: &Node, path: &PlanPath) -> Option<Located<iso_currency::Currency>> {
        self.parsed(
            node,
            path,
            ProblemKind::InvalidAmount,
            "an ISO 4217 currency code such as `EUR`",
            |s| {
                let code = s.trim();
                code.parse::<iso_currency::Currency>().map_err(|_| {
                    let hint = if code.to_uppercase().parse::<iso_currency::Currency>().is_ok() {
                        format!("currency codes are upper case: `{}`", code.to_uppercase())
                    } else {
                        format!("`{code}` is not an ISO 4217 currency code")
                    };
                    ValueError::new(hint, "an ISO 4217 currency code such as `EUR`, `BRL`, `THB`")
                })
            },
        )
    }

    /// An IANA time zone, with a suggestion for near misses.
    pub fn timezone(&mut self, node: &Node, path: &PlanPath) -> Option<Located<chrono_tz::Tz>> {
        self.parsed(node, path, ProblemKind::InvalidTimezone, "an IANA time zone such as `Europe/Berlin`", |s| {
            let name = s.trim();
            name.parse::<chrono_tz::Tz>().map_err(|_| {
                let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
                let hint = crate::suggest::did_you_mean(name, names);
                ValueError::new(
                    format!("`{name}` is not an IANA time zone{hint}"),
                    "an IANA time zone name such as `Europe/Berlin`, `Europe/Riga`, `America/Sao_Paulo`, `Asia/Bangkok`",
                )
            })
        })
    }

    /// An age band: `35-70` or `18+`.
    pub fn age(&mut self, node: &Node, path: &PlanPath) -> Option<Located<AgeRange>> {
        let text = node.scalar_text().unwrap_or_default();
        let t = text.trim();
        let parsed = if let Some(min) = t.strip_suffix('+') {
            min.trim().parse().ok().map(|min| AgeRange { min, max: None })
        } else if let Some((a, b)) = t.split_once('-') {
            match (a.trim().parse(), b.trim().parse()) {
                (Ok(min), Ok(max)) if min <= max => Some(AgeRange { min, max: Some(max) }),
                _ => None,
            }
        } else {
            None
        };
        match parsed {
            Some(age) if age.max.unwrap_or(age.min) <= 130 => Some(Located::new(age, self.loc(node.span, path))),
            _ => {
                self.schema(
                    node.span,
                    path,
                    format!("`{t}` is not an age band"),
                    "write a range such as `35-70` or a lower bound such as `18+`",
                );
                None
            }
        }
    }

    /// A holiday specification: `DE-BE`, or `{ calendar, add, remove }`, or `{ ics }`.
    pub fn holidays(&mut self, node: &Node, path: &PlanPath) -> Option<HolidaySpec> {
        let loc = self.loc(node.span, path);
        if let Value::Map(_) = node.value {
            let f = self.fields(
                node,
                path,
                crate::schema::keys::<HolidaySpec>(),
                "{ calendar: DE-BE, add: [2026-12-24] }",
            )?;
            let calendar = f.get("calendar").and_then(|n| self.calendar(n, &f.path("calendar")));
            let add = f.get("add").map(|n| self.dates(n, &f.path("add"))).unwrap_or_default();
            let remove = f
                .get("remove")
                .map(|n| self.dates(n, &f.path("remove")))
                .unwrap_or_default();
            let ics = f.get("ics").and_then(|n| self.string(n, &f.path("ics")));
            if calendar.is_none() && ics.is_none() && !f.has("calendar") && !f.has("ics") {
                self.schema(
                    node.span,
                    path,
                    "a holiday specification needs `calendar:` or `ics:`".to_owned(),
                    "write `{ calendar: DE-BE, add: [2026-12-24] }` or `{ ics: calendars/company.ics }`",
                );
            }
            return Some(HolidaySpec {
                loc,
                calendar,
                add,
                remove,
                ics,
                ics_holidays: Vec::new(),
            });
        }
        let calendar = self.calendar(node, path)?;
        Some(HolidaySpec {
            loc,
            calendar: Some(calendar),
            add: Vec::new(),
            remove: Vec::new(),
            ics: None,
            ics_holidays: Vec::new(),
        })
    }

    /// A holiday calendar id that is well-formed and has data in the built-in dataset.
    fn calendar(&mut self, node: &Node, path: &PlanPath) -> Option<Located<values::CalendarId>> {
        let id = self.parsed(
            node,
            path,
            ProblemKind::UnknownHolidayCalendar,
            "a holiday calendar such as `DE-BE`",
            values::parse_calendar_id,
        )?;
        let text = id.value.to_string();
        if crate::time::holidays::calendar(&text).is_some() {
            return Some(id);
        }
        let (message, help) = Self::calendar_without_data(&id.value);
        self.problems.push(
            Problem::new(ProblemKind::UnknownHolidayCalendar, &id.loc, message)
                .help(help)
                .data("value", text),
        );
        None
    }

    /// Message and help for a well-formed calendar id the built-in data lacks.
    fn calendar_without_data(id: &values::CalendarId) -> (String, String) {
        use crate::time::holidays;
        const ICS: &str = "or list the dates in an iCalendar file (`holidays: { ics: calendars/holidays.ics }`)";
        let Some(country) = holidays::calendar(&id.country) else {
            return (
                format!("no public-holiday data for `{id}`: the built-in calendars do not cover this country"),
                format!("supported countries: {}; {ICS}", holidays::countries().join(", ")),
            );
        };
        let hint = holidays::suggest(&id.to_string()).map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
        let subdivisions = holidays::subdivisions(&id.country);
        if subdivisions.is_empty() {
            return (
                format!(
                    "no public-holiday data for `{id}`: the built-in calendars have `{}` ({}) as a whole only{hint}",
                    id.country,
                    country.name()
                ),
                format!("use `{}`, {ICS}", id.country),
            );
        }
        (
            format!(
                "no public-holiday data for `{id}`: `{}` is not a subdivision of `{}` ({}) in the built-in calendars{hint}",
                id.subdivision.as_deref().unwrap_or_default(),
                id.country,
                country.name()
            ),
            format!(
                "subdivisions of {}: {}; or use `{}` for the country as a whole",
                id.country,
                subdivisions.join(", "),
                id.country
            ),
        )
    }

    /// A list of dates, each once.
    fn dates(&mut self, node: &Node, path: &PlanPath) -> Vec<Located<chrono::NaiveDate>> {
        let items = self
            .list(node, path, "[2026-12-24, 2026-12-31]")
            .into_iter()
            .filter_map(|(n, p)| self.date(n, &p))
            .collect();
        self.distinct(path, items, chrono::NaiveDate::to_string)
    }

    /// A schedule: `24/7`, or a map of day selectors (plus `holidays:` and `dates:`) to
    /// hours.
    pub fn schedule(&mut self, node: &Node, path: &PlanPath) -> Option<Located<Schedule>> {
        let loc = self.loc(node.span, path);
        let entries = match &node.value {
            Value::String(s) if s.trim() == "24/7" => return Some(Located::new(Schedule::Always, loc)),
            Value::Map(entries) => entries,
            _ => {
                let found = node
                    .scalar_text()
                    .map_or_else(|| node.value.kind().to_owned(), |s| format!("`{s}`"));
                self.report(
                    ProblemKind::InvalidHours,
                    node.span,
                    path,
                    format!(
                        "`{}` should be a map of days to hours or `24/7`, found {found}",
                        path_tail(path)
                    ),
                    format!("write it like {SCHEDULE_EXAMPLE}"),
                );
                return None;
            }
        };
        let mut days: Vec<DayRule> = Vec::new();
        let mut holidays = None;
        let mut dates = Vec::new();
        let mut ok = true;
        for (i, (key, value)) in entries.iter().enumerate() {
            let p = path.key(&key.name);
            if let Some(meant) = self.comma_split(entries, i) {
                let loc = self.loc(key.span, &p);
                self.problems.push(
                    Problem::new(
                        ProblemKind::InvalidHours,
                        &loc,
                        format!(
                            "`{}` is read as a day of its own: inside `{{ … }}` a comma ends the hours before it",
                            key.name
                        ),
                    )
                    .help(format!(
                        "put the ranges in quotes, `{meant}`, or write them as a list, `[{}]`",
                        meant.split_once(": ").map_or("", |(_, v)| v.trim_matches('"'))
                    ))
                    .data("value", key.name.as_str()),
                );
                ok = false;
                continue;
            }
            match key.name.as_str() {
                "holidays" => holidays = self.day_hours(value, &p),
                "dates" => dates = self.date_rules(value, &p),
                selector => {
                    let key_node = Node {
                        span: key.span,
                        value: Value::String(selector.to_owned()),
                    };
                    let Some(set) = self.parsed(
                        &key_node,
                        &p,
                        ProblemKind::InvalidHours,
                        "a day selector",
                        values::parse_day_selector,
                    ) else {
                        ok = false;
                        continue;
                    };
                    let Some(hours) = self.day_hours(value, &p) else {
                        ok = false;
                        continue;
                    };
                    if let Some(earlier) = days
                        .iter()
                        .find(|d| d.days.value.intersection(set.value) != WeekdaySet::default())
                    {
                        let both = earlier.days.value.intersection(set.value).label();
                        let message = format!(
                            "`{selector}` selects {both} again, already selected by `{}`",
                            earlier.days.value.label()
                        );
                        let loc = self.loc(key.span, &p);
                        self.problems.push(
                            Problem::new(ProblemKind::OverlappingHours, &loc, message)
                                .related(&earlier.days.loc, "first selected here")
                                .help("give each weekday its hours under one key; use several ranges (`08:00-12:00, 13:00-17:00`) for a split day"),
                        );
                        ok = false;
                        continue;
                    }
                    days.push(DayRule { days: set, hours });
                }
            }
        }
        ok.then(|| Located::new(Schedule::Weekly { days, holidays, dates }, loc))
    }

    /// A day's hours: `08:00-18:00`, `08:00-12:00, 13:00-17:00`, a list of ranges, or
    /// `closed`.
    fn day_hours(&mut self, node: &Node, path: &PlanPath) -> Option<Located<DayHours>> {
        if let Value::Seq(items) = &node.value {
            let mut ranges = Vec::new();
            for (i, item) in items.iter().enumerate() {
                match self
                    .parsed(
                        item,
                        &path.index(i),
                        ProblemKind::InvalidHours,
                        "a time range such as `08:00-18:00`",
                        values::parse_day_hours,
                    )?
                    .value
                {
                    DayHours::Ranges(r) => {
                        let overlapped = r
                            .iter()
                            .find_map(|new| ranges.iter().find(|old: &&values::TimeRange| old.overlaps(new)));
                        if let Some(earlier) = overlapped {
                            self.report(
                                ProblemKind::OverlappingHours,
                                item.span,
                                &path.index(i),
                                format!(
                                    "`{}` overlaps `{earlier}` earlier in the list",
                                    self.file.slice(item.span).trim_matches(['"', '\'']).trim()
                                ),
                                "give each time of the day once; merge the two ranges".to_owned(),
                            );
                            return None;
                        }
                        ranges.extend(r)
                    }
                    DayHours::Closed => {
                        self.report(
                            ProblemKind::InvalidHours,
                            item.span,
                            &path.index(i),
                            "`closed` cannot be one range among others".to_owned(),
                            "write `closed` alone instead of the list".to_owned(),
                        );
                        return None;
                    }
                }
            }
            if ranges.is_empty() {
                self.report(
                    ProblemKind::InvalidHours,
                    node.span,
                    path,
                    "an empty list of hours".to_owned(),
                    "write `closed` for a day without hours".to_owned(),
                );
                return None;
            }
            return Some(Located::new(DayHours::Ranges(ranges), self.loc(node.span, path)));
        }
        self.parsed(
            node,
            path,
            ProblemKind::InvalidHours,
            "hours such as `08:00-18:00` or `closed`",
            values::parse_day_hours,
        )
    }

    fn date_rules(&mut self, node: &Node, path: &PlanPath) -> Vec<DateRule> {
        let Value::Map(entries) = &node.value else {
            self.report(
                ProblemKind::InvalidHours,
                node.span,
                path,
                format!("`dates` should be a map of dates to hours, found {}", node.value.kind()),
                "write `dates: { 2026-12-24: 08:00-12:00, 2026-12-31: closed }`".to_owned(),
            );
            return Vec::new();
        };
        let mut rules: Vec<DateRule> = Vec::new();
        for (key, value) in entries {
            let p = path.key(&key.name);
            let key_node = Node {
                span: key.span,
                value: Value::String(key.name.clone()),
            };
            let range = self.parsed(
                &key_node,
                &p,
                ProblemKind::InvalidDate,
                "a date or date range",
                values::parse_date_or_range,
            );
            let hours = self.day_hours(value, &p);
            if let (Some(range), Some(hours)) = (range, hours) {
                if let Some(earlier) = rules
                    .iter()
                    .find(|r| r.dates.value.first <= range.value.last && range.value.first <= r.dates.value.last)
                {
                    let loc = self.loc(key.span, &p);
                    self.problems.push(
                        Problem::new(
                            ProblemKind::OverlappingHours,
                            &loc,
                            format!(
                                "`{}` overlaps the dates of `{}`",
                                key.name,
                                self.file.slice(earlier.dates.loc.span)
                            ),
                        )
                        .related(&earlier.dates.loc, "overlapping dates here")
                        .help("give each date its hours once"),
                    );
                    continue;
                }
                rules.push(DateRule { dates: range, hours });
            }
        }
        rules
    }
}

/// A kebab-case rendering of a name, for suggestions: `Tier 3` → `tier-3`.
fn kebab(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}
