//! Holidays from an iCalendar file (RFC 5545), for `holidays: { ics: calendars/company.ics }`:
//! every VEVENT becomes one holiday per date it covers.
//!
//! What is read: `DTSTART` as a date (`DTSTART;VALUE=DATE:20261224`) or a date-time (its date,
//! as written: no zone conversion); `DTEND` (exclusive) or `DURATION` for events over several
//! days; `SUMMARY` as the name; yearly `RRULE`s (`FREQ=YEARLY` with `COUNT`, `UNTIL`,
//! `INTERVAL`, and `BYMONTH` with `BYMONTHDAY` or one ordinal `BYDAY` such as `4TH`);
//! `RDATE` and `EXDATE` date lists; `RECURRENCE-ID` overrides and `STATUS:CANCELLED`.
//! Other components and properties are ignored. Dates are kept from
//! [`FIRST_YEAR`] through [`LAST_YEAR`], the years the built-in data covers.
//!
//! The parser is small and hand-written rather than taken from a crate: the errors must
//! name the line of the offending property, which neither `ical` nor `icalendar` reports
//! for a value that parses as text but is not a date.
//!
//! Errors are printed into CI logs and reports, and the file may not be a calendar at all
//! (a plan can name any file in its repository): so nothing of a file's text is quoted
//! until its first line has shown it to be iCalendar (`BEGIN:VCALENDAR`), and even then a
//! quoted value is cut to [`SHOWN_CHARS`] characters.

use super::holidays::{FIRST_YEAR, Holiday, LAST_YEAR};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Weekday};
use std::collections::{BTreeSet, HashSet};
use std::fmt;

/// Why an iCalendar file could not be read: the 1-based line (of the first physical line of a
/// folded property) and what is wrong there, with the accepted form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsError {
    pub line: usize,
    pub message: String,
}

impl IcsError {
    fn new(line: usize, message: impl Into<String>) -> Self {
        Self {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for IcsError {}

/// The most characters of a file's text an error quotes.
pub const SHOWN_CHARS: usize = 40;

/// The most characters of a holiday's name kept: a name is shown in documents and
/// findings, and one copy is kept for every date it covers.
const NAME_CHARS: usize = 100;

/// The most holiday dates (counting one per name on a date) a file may list: about ten
/// holidays a week for the data's whole range, and a bound on the memory a file can take.
pub const MAX_HOLIDAY_DATES: usize = 100_000;

/// A value from the file as an error quotes it: at most [`SHOWN_CHARS`] characters.
fn shown(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(SHOWN_CHARS).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// The name of an event without a `SUMMARY`.
const UNNAMED: &str = "Holiday";
const DATE_FORMS: &str = "expected YYYYMMDD (as in `DTSTART;VALUE=DATE:20261224`) or a date-time YYYYMMDDTHHMMSS";
const RRULE_FORMS: &str = "holiday files may repeat yearly only: `FREQ=YEARLY` with optional `COUNT`, `UNTIL`, \
     `INTERVAL`, and `BYMONTH` with `BYMONTHDAY` or one ordinal `BYDAY` (`BYMONTH=11;BYDAY=4TH`)";

/// Every holiday the file's events name, sorted by date and name, without exact duplicates.
pub fn parse_holidays(text: &str) -> Result<Vec<Holiday>, IcsError> {
    let events = read_events(text)?;
    // Instances replaced or cancelled by a RECURRENCE-ID event are left out of their series.
    let overridden: HashSet<(&str, NaiveDate)> = events
        .iter()
        .filter_map(|e| Some((e.uid.as_deref()?, e.recurrence_id?)))
        .collect();
    let mut holidays = BTreeSet::new();
    for event in &events {
        if event.cancelled {
            continue;
        }
        let skip = |start: NaiveDate| {
            event.recurrence_id.is_none()
                && event
                    .uid
                    .as_deref()
                    .is_some_and(|uid| overridden.contains(&(uid, start)))
        };
        // Instances may overlap (a long event repeated yearly): each date once, and never
        // more dates than the data's years hold.
        let mut free_from = NaiveDate::MIN;
        for start in event.starts.iter().copied().filter(|&s| !skip(s)) {
            let end = start.checked_add_days(Days::new(event.days)).unwrap_or(NaiveDate::MAX);
            for date in covered(start.max(free_from), end) {
                holidays.insert((date, event.name.clone()));
                if holidays.len() > MAX_HOLIDAY_DATES {
                    return Err(IcsError::new(
                        event.line,
                        format!(
                            "the file lists more than {MAX_HOLIDAY_DATES} holiday dates; a holiday calendar \
                             has a few dozen a year"
                        ),
                    ));
                }
            }
            free_from = free_from.max(end);
        }
    }
    Ok(holidays
        .into_iter()
        .map(|(date, name)| Holiday::new(date, name))
        .collect())
}

/// One VEVENT, resolved: the first day of each instance and how many days each lasts.
struct Event {
    /// The line of its `BEGIN:VEVENT`.
    line: usize,
    name: String,
    starts: Vec<NaiveDate>,
    days: u64,
    uid: Option<String>,
    recurrence_id: Option<NaiveDate>,
    cancelled: bool,
}

/// The dates `[start, end)` that lie within the data's years.
fn covered(start: NaiveDate, end: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).expect("a valid date");
    let last = NaiveDate::from_ymd_opt(LAST_YEAR, 12, 31).expect("a valid date");
    start.max(first).iter_days().take_while(move |&d| d < end && d <= last)
}

/// A content line after unfolding: `NAME;PARAM=value:value`, with its first physical line.
struct Property<'a> {
    line: usize,
    name: String,
    params: Vec<(String, String)>,
    value: &'a str,
    text: &'a str,
}

impl Property<'_> {
    fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn error(&self, message: impl Into<String>) -> IcsError {
        IcsError::new(self.line, message)
    }
}

/// Joins folded lines (a line starting with a space or tab continues the one before).
fn unfold(text: &str) -> Result<Vec<(usize, String)>, IcsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if let Some(rest) = raw.strip_prefix([' ', '\t']) {
            match lines.last_mut() {
                Some((_, line)) => line.push_str(rest),
                None if raw.trim().is_empty() => {}
                None => {
                    return Err(IcsError::new(
                        i + 1,
                        "a continuation line (starting with a space) with no property before it; \
                         expected `BEGIN:VCALENDAR` first",
                    ));
                }
            }
        } else if !raw.trim().is_empty() {
            lines.push((i + 1, raw.to_owned()));
        }
    }
    Ok(lines)
}

fn parse_property(line: usize, text: &str) -> Result<Property<'_>, IcsError> {
    let not_a_property = || {
        IcsError::new(
            line,
            format!(
                "`{}` is not an iCalendar property; expected `NAME:value` or `NAME;PARAM=value:value`",
                shown(text)
            ),
        )
    };
    let name_end = text.find([';', ':']).ok_or_else(not_a_property)?;
    let name = &text[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(not_a_property());
    }
    let mut params = Vec::new();
    let mut rest = &text[name_end..];
    while let Some(after) = rest.strip_prefix(';') {
        let (param, tail) = after.split_once('=').ok_or_else(not_a_property)?;
        if param.is_empty() || !param.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            return Err(not_a_property());
        }
        let mut values = Vec::new();
        let mut tail = tail;
        loop {
            let (value, after_value) = if let Some(quoted) = tail.strip_prefix('"') {
                let close = quoted.find('"').ok_or_else(|| {
                    IcsError::new(
                        line,
                        format!("parameter `{}` opens a quote that is never closed", shown(param)),
                    )
                })?;
                (&quoted[..close], &quoted[close + 1..])
            } else {
                let end = tail.find([',', ';', ':']).ok_or_else(not_a_property)?;
                (&tail[..end], &tail[end..])
            };
            values.push(value);
            match after_value.strip_prefix(',') {
                Some(more) => tail = more,
                None => {
                    tail = after_value;
                    break;
                }
            }
        }
        params.push((param.to_ascii_uppercase(), values.join(",")));
        rest = tail;
    }
    let value = rest.strip_prefix(':').ok_or_else(not_a_property)?;
    Ok(Property {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value,
        text,
    })
}

/// The VEVENTs of the file, checked and resolved.
fn read_events(text: &str) -> Result<Vec<Event>, IcsError> {
    let lines = unfold(text)?;
    if lines.is_empty() {
        return Err(IcsError::new(
            1,
            "the file is empty; expected an iCalendar file starting with `BEGIN:VCALENDAR`",
        ));
    }
    // Until the first line shows the file to be iCalendar, nothing of it is quoted: it may be
    // any file at all, secrets included.
    let (first_line, first) = &lines[0];
    let calendar = first.split_once(':').is_some_and(|(name, value)| {
        name.trim().eq_ignore_ascii_case("BEGIN") && value.trim().eq_ignore_ascii_case("VCALENDAR")
    });
    if !calendar {
        return Err(IcsError::new(
            *first_line,
            "not an iCalendar file: its first line should be `BEGIN:VCALENDAR`",
        ));
    }
    let mut events = Vec::new();
    // Open components: name and the line of its BEGIN.
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut event: Vec<Property<'_>> = Vec::new();
    for (line, text) in &lines {
        let property = parse_property(*line, text)?;
        match property.name.as_str() {
            "BEGIN" => {
                let component = property.value.trim().to_ascii_uppercase();
                if open.is_empty() && component != "VCALENDAR" {
                    return Err(property.error(format!(
                        "`{}` outside a calendar; an iCalendar file starts with `BEGIN:VCALENDAR`",
                        shown(property.text)
                    )));
                }
                open.push((component, *line));
            }
            "END" => {
                let component = property.value.trim().to_ascii_uppercase();
                match open.pop() {
                    Some((begun, begun_at)) if begun == component => {
                        if begun == "VEVENT" && !open.iter().any(|(c, _)| c == "VEVENT") {
                            events.push(resolve(begun_at, std::mem::take(&mut event))?);
                        }
                    }
                    Some((begun, begun_at)) => {
                        return Err(property.error(format!(
                            "`END:{}` does not match `BEGIN:{}` on line {begun_at}; expected `END:{}`",
                            shown(&component),
                            shown(&begun),
                            shown(&begun)
                        )));
                    }
                    None => {
                        return Err(property.error(format!("`END:{}` without a matching `BEGIN`", shown(&component))));
                    }
                }
            }
            _ if open.is_empty() => {
                return Err(property.error(format!(
                    "`{}` outside a calendar; an iCalendar file starts with `BEGIN:VCALENDAR`",
                    shown(&property.name)
                )));
            }
            // Only the event's own properties, not those of an alarm inside it.
            _ if open.last().is_some_and(|(c, _)| c == "VEVENT") => event.push(property),
            _ => {}
        }
    }
    if let Some((component, line)) = open.last() {
        return Err(IcsError::new(
            *line,
            format!(
                "`BEGIN:{}` is never closed; expected `END:{}`",
                shown(component),
                shown(component)
            ),
        ));
    }
    Ok(events)
}

/// An event's properties → its instances.
fn resolve(begin_line: usize, properties: Vec<Property<'_>>) -> Result<Event, IcsError> {
    let once = |name: &str| -> Result<Option<&Property<'_>>, IcsError> {
        let mut found = properties.iter().filter(|p| p.name == name);
        let first = found.next();
        if let Some(second) = found.next() {
            return Err(second.error(format!("a second {name} in one event; an event has one {name}")));
        }
        Ok(first)
    };
    let start = once("DTSTART")?.ok_or_else(|| {
        IcsError::new(
            begin_line,
            "this event has no DTSTART; every holiday needs its date, as in `DTSTART;VALUE=DATE:20261224`",
        )
    })?;
    let start = moment(start)?;
    let days = match (once("DTEND")?, once("DURATION")?) {
        (Some(_), Some(duration)) => {
            return Err(duration.error("an event has DTEND or DURATION, not both"));
        }
        (Some(end), None) => {
            let end_moment = moment(end)?;
            if end_moment.at < start.at {
                return Err(end.error(format!(
                    "DTEND `{}` is before DTSTART; DTEND is the end of the event (exclusive)",
                    shown(end.value.trim())
                )));
            }
            days_between(&start, end_moment.at)
        }
        (None, Some(duration)) => {
            let length = parse_duration(duration.value.trim()).ok_or_else(|| {
                duration.error(format!(
                    "DURATION `{}` is not a duration; expected a form such as `P1D`, `P2W` or `PT8H`",
                    shown(duration.value.trim())
                ))
            })?;
            let end = start
                .at
                .checked_add_signed(length)
                .ok_or_else(|| duration.error(format!("DURATION `{}` is too long", shown(duration.value.trim()))))?;
            days_between(&start, end)
        }
        (None, None) => 1,
    };
    let mut starts = BTreeSet::from([start.at.date()]);
    if let Some(rule) = once("RRULE")? {
        starts.extend(expand(rule, start.at.date())?);
    }
    for rdate in properties.iter().filter(|p| p.name == "RDATE") {
        if rdate.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("PERIOD")) {
            return Err(
                rdate.error("RDATE periods are not supported; list dates: `RDATE;VALUE=DATE:20261224,20271224`")
            );
        }
        starts.extend(date_list(rdate)?);
    }
    for exdate in properties.iter().filter(|p| p.name == "EXDATE") {
        for date in date_list(exdate)? {
            starts.remove(&date);
        }
    }
    let name = match once("SUMMARY")? {
        Some(summary) => unescape(summary.value),
        None => String::new(),
    };
    let recurrence_id = once("RECURRENCE-ID")?.map(moment).transpose()?.map(|m| m.at.date());
    Ok(Event {
        line: begin_line,
        name: if name.is_empty() {
            UNNAMED.to_owned()
        } else {
            name.chars().take(NAME_CHARS).collect()
        },
        starts: starts.into_iter().collect(),
        days,
        uid: once("UID")?.map(|p| p.value.trim().to_owned()),
        recurrence_id,
        cancelled: once("STATUS")?.is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED")),
    })
}

/// A DTSTART/DTEND value: a date (midnight) or a date-time (as written, any zone).
struct Moment {
    at: NaiveDateTime,
    has_time: bool,
}

fn moment(property: &Property<'_>) -> Result<Moment, IcsError> {
    let value = property.value.trim();
    let (date, has_time) = parse_date_or_time(value).ok_or_else(|| {
        property.error(format!(
            "{} `{}` is not a date; {DATE_FORMS}",
            property.name,
            shown(value)
        ))
    })?;
    if property.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE")) && has_time {
        return Err(property.error(format!(
            "{} `{}` has a time but says VALUE=DATE; expected YYYYMMDD",
            property.name,
            shown(value)
        )));
    }
    Ok(Moment { at: date, has_time })
}

/// How many calendar days an event from `start` to `end` (exclusive) touches; at least one.
fn days_between(start: &Moment, end: NaiveDateTime) -> u64 {
    let mut last = end.date();
    // An end at midnight does not touch the day it ends on, and an all-day end never does.
    if !start.has_time || end.time() == NaiveTime::MIN {
        last = last.pred_opt().unwrap_or(last);
    }
    let days = (last - start.at.date()).num_days() + 1;
    u64::try_from(days).unwrap_or(0).max(1)
}

/// `20261224` or `20261224T090000` / `20261224T090000Z`.
fn parse_date_or_time(value: &str) -> Option<(NaiveDateTime, bool)> {
    let (date, time) = match value.split_once(['T', 't']) {
        Some((date, time)) => (date, Some(time)),
        None => (value, None),
    };
    let date = parse_date(date)?;
    let Some(time) = time else {
        return Some((date.and_time(NaiveTime::MIN), false));
    };
    let time = time.strip_suffix(['Z', 'z']).unwrap_or(time);
    if time.len() != 6 || !time.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |i: usize| time[i..i + 2].parse::<u32>().ok();
    // A leap second (60) is allowed by RFC 5545; it does not change the date.
    let time = NaiveTime::from_hms_opt(n(0)?, n(2)?, n(4)?.min(59))?;
    Some((date.and_time(time), true))
}

fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 8 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(
        value[..4].parse().ok()?,
        value[4..6].parse().ok()?,
        value[6..].parse().ok()?,
    )
}

/// `RDATE`/`EXDATE`: comma-separated dates or date-times.
fn date_list(property: &Property<'_>) -> Result<Vec<NaiveDate>, IcsError> {
    property
        .value
        .split(',')
        .map(|item| {
            let item = item.trim();
            parse_date_or_time(item).map(|(at, _)| at.date()).ok_or_else(|| {
                property.error(format!(
                    "{} `{}` is not a date; {DATE_FORMS}",
                    property.name,
                    shown(item)
                ))
            })
        })
        .collect()
}

/// `P1D`, `P2W`, `PT8H`, `P1DT12H`: RFC 5545 durations (no years or months).
fn parse_duration(value: &str) -> Option<TimeDelta> {
    let rest = value.strip_prefix('+').unwrap_or(value).strip_prefix('P')?;
    let (date_part, time_part) = match rest.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (rest, None),
    };
    let mut seconds: i64 = 0;
    let mut any = false;
    let mut add = |part: &str, units: &[(char, i64)]| -> Option<()> {
        let mut number = String::new();
        for c in part.chars() {
            if c.is_ascii_digit() {
                number.push(c);
            } else {
                let (_, factor) = units.iter().find(|(u, _)| *u == c)?;
                let n: i64 = number.parse().ok()?;
                seconds = seconds.checked_add(n.checked_mul(*factor)?)?;
                number.clear();
                any = true;
            }
        }
        number.is_empty().then_some(())
    };
    add(date_part, &[('W', 7 * 86_400), ('D', 86_400)])?;
    if let Some(time) = time_part {
        if time.is_empty() {
            return None;
        }
        add(time, &[('H', 3_600), ('M', 60), ('S', 1)])?;
    }
    any.then(|| TimeDelta::try_seconds(seconds)).flatten()
}

/// The yearly rule's start dates after `start`, through [`LAST_YEAR`].
fn expand(rule: &Property<'_>, start: NaiveDate) -> Result<Vec<NaiveDate>, IcsError> {
    let mut freq = None;
    let mut count: Option<u32> = None;
    let mut until: Option<NaiveDate> = None;
    let mut interval: i32 = 1;
    let mut month: Option<u32> = None;
    let mut month_day: Option<u32> = None;
    let mut by_day: Option<(i32, Weekday)> = None;
    let bad = |part: &str| rule.error(format!("RRULE `{}` is not supported; {RRULE_FORMS}", shown(part)));
    for part in rule.value.trim().split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part.split_once('=').ok_or_else(|| bad(part))?;
        let number = |max: u32| value.parse::<u32>().ok().filter(|n| (1..=max).contains(n));
        match key.to_ascii_uppercase().as_str() {
            "FREQ" => freq = Some(value.to_ascii_uppercase()),
            "COUNT" => count = Some(number(u32::MAX).ok_or_else(|| bad(part))?),
            "INTERVAL" => {
                interval = number(1000)
                    .and_then(|n| i32::try_from(n).ok())
                    .ok_or_else(|| bad(part))?;
            }
            "UNTIL" => {
                let (at, _) = parse_date_or_time(value)
                    .ok_or_else(|| rule.error(format!("RRULE UNTIL `{}` is not a date; {DATE_FORMS}", shown(value))))?;
                until = Some(at.date());
            }
            "BYMONTH" => month = Some(number(12).ok_or_else(|| bad(part))?),
            "BYMONTHDAY" => month_day = Some(number(31).ok_or_else(|| bad(part))?),
            "BYDAY" => by_day = Some(ordinal_weekday(value).ok_or_else(|| bad(part))?),
            // Only matters for weekly rules.
            "WKST" => {}
            _ => return Err(bad(part)),
        }
    }
    match freq.as_deref() {
        Some("YEARLY") => {}
        Some(other) => return Err(bad(&format!("FREQ={other}"))),
        None => return Err(rule.error(format!("RRULE without FREQ; {RRULE_FORMS}"))),
    }
    if by_day.is_some() && (month.is_none() || month_day.is_some()) {
        return Err(bad("BYDAY without BYMONTH, or with BYMONTHDAY"));
    }
    let month = month.unwrap_or(start.month());
    let day = month_day.unwrap_or(start.day());
    let mut dates = Vec::new();
    // DTSTART is the first instance and counts towards COUNT even when the rule would not
    // produce it.
    let mut produced: u32 = 1;
    let mut year = start.year();
    while year <= LAST_YEAR {
        if count.is_some_and(|c| produced >= c) {
            break;
        }
        let date = match by_day {
            Some((n, weekday)) => nth_weekday(year, month, n, weekday),
            // A date that does not exist that year (29 February) is skipped (RFC 5545 3.3.10).
            None => NaiveDate::from_ymd_opt(year, month, day),
        };
        if let Some(date) = date {
            if until.is_some_and(|u| date > u) {
                break;
            }
            if date > start {
                dates.push(date);
                produced += 1;
            }
        }
        year = match year.checked_add(interval) {
            Some(y) => y,
            None => break,
        };
    }
    Ok(dates)
}

/// `4TH`, `-1MO`, `+2SU`: the n-th (from the end when negative) weekday of a month.
fn ordinal_weekday(value: &str) -> Option<(i32, Weekday)> {
    let split = value.len().checked_sub(2)?;
    let (n, day) = (value.get(..split)?, value.get(split..)?);
    let n: i32 = n.strip_prefix('+').unwrap_or(n).parse().ok()?;
    if n == 0 || !(-5..=5).contains(&n) {
        return None;
    }
    let weekday = match day.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    Some((n, weekday))
}

fn nth_weekday(year: i32, month: u32, n: i32, weekday: Weekday) -> Option<NaiveDate> {
    let n_u8 = u8::try_from(n.unsigned_abs()).ok()?;
    if n > 0 {
        return NaiveDate::from_weekday_of_month_opt(year, month, weekday, n_u8);
    }
    let next_month = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = next_month.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    let date = last.checked_sub_days(Days::new(u64::from(back) + 7 * u64::from(n_u8 - 1)))?;
    (date.month() == month).then_some(date)
}

/// TEXT value escapes: `\,` `\;` `\\`, and `\n` (a line break, shown as a space in a name).
fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push(' '),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn calendar(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//EN\r\n{events}END:VCALENDAR\r\n")
    }

    fn dates(text: &str) -> Vec<NaiveDate> {
        parse_holidays(text)
            .unwrap_or_else(|e| panic!("{e}"))
            .into_iter()
            .map(|h| h.date)
            .collect()
    }

    fn error(text: &str) -> String {
        parse_holidays(text).expect_err("should fail").to_string()
    }

    #[test]
    fn single_day() {
        let text = calendar(
            "BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20261224\r\nDTEND;VALUE=DATE:20261225\r\n\
             SUMMARY:Christmas Eve\\, closed\r\nEND:VEVENT\r\n",
        );
        let holidays = parse_holidays(&text).unwrap();
        assert_eq!(holidays, [Holiday::new(d(2026, 12, 24), "Christmas Eve, closed")]);
        // Without DTEND, and with a date-time start: one day, named "Holiday".
        let text = calendar("BEGIN:VEVENT\nDTSTART;TZID=\"Europe/Berlin\":20261231T140000\nEND:VEVENT\n");
        assert_eq!(
            parse_holidays(&text).unwrap(),
            [Holiday::new(d(2026, 12, 31), "Holiday")]
        );
    }

    #[test]
    fn multi_day() {
        let text = calendar(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261227\nSUMMARY:Christmas\nEND:VEVENT\n",
        );
        assert_eq!(dates(&text), [d(2026, 12, 24), d(2026, 12, 25), d(2026, 12, 26)]);
        // Date-times: the days touched; an end at midnight does not touch its day.
        let text = calendar("BEGIN:VEVENT\nDTSTART:20261230T120000\nDTEND:20270101T000000\nEND:VEVENT\n");
        assert_eq!(dates(&text), [d(2026, 12, 30), d(2026, 12, 31)]);
        let text = calendar("BEGIN:VEVENT\nDTSTART:20261224T090000Z\nDTEND:20261224T170000Z\nEND:VEVENT\n");
        assert_eq!(dates(&text), [d(2026, 12, 24)]);
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260601\nDURATION:P1W\nEND:VEVENT\n");
        assert_eq!(dates(&text).len(), 7);
        // DTEND equal to DTSTART, as some exporters write it: one day.
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260601\nDTEND;VALUE=DATE:20260601\nEND:VEVENT\n");
        assert_eq!(dates(&text), [d(2026, 6, 1)]);
    }

    #[test]
    fn yearly_rules() {
        let text = calendar(
            "BEGIN:VEVENT\nUID:eve\nDTSTART;VALUE=DATE:20381224\nRRULE:FREQ=YEARLY\nSUMMARY:Eve\nEND:VEVENT\n",
        );
        assert_eq!(dates(&text), [d(2038, 12, 24), d(2039, 12, 24), d(2040, 12, 24)]);
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;COUNT=2\nEND:VEVENT\n");
        assert_eq!(dates(&text), [d(2026, 12, 24), d(2027, 12, 24)]);
        let text = calendar(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nRRULE:FREQ=YEARLY;UNTIL=20281224T000000Z;INTERVAL=2\n\
             EXDATE;VALUE=DATE:20261224\nRDATE;VALUE=DATE:20271231\nEND:VEVENT\n",
        );
        assert_eq!(dates(&text), [d(2027, 12, 31), d(2028, 12, 24)]);
        // 29 February only in leap years; dates before the data's first year are dropped.
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20160229\nRRULE:FREQ=YEARLY;COUNT=3\nEND:VEVENT\n");
        assert_eq!(dates(&text), [d(2020, 2, 29), d(2024, 2, 29)]);
        // US Thanksgiving and Memorial Day.
        let text = calendar(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261126\nRRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3\nEND:VEVENT\n\
             BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260525\nRRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=2\nEND:VEVENT\n",
        );
        assert_eq!(
            dates(&text),
            [
                d(2026, 5, 25),
                d(2026, 11, 26),
                d(2027, 5, 31),
                d(2027, 11, 25),
                d(2028, 11, 23)
            ]
        );
        // A moved instance replaces its occurrence in the series; a cancelled one removes it.
        let text = calendar(
            "BEGIN:VEVENT\nUID:x\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=YEARLY;COUNT=3\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:x\nRECURRENCE-ID;VALUE=DATE:20270101\nDTSTART;VALUE=DATE:20270102\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:x\nRECURRENCE-ID;VALUE=DATE:20280101\nSTATUS:CANCELLED\nDTSTART;VALUE=DATE:20280101\nEND:VEVENT\n",
        );
        assert_eq!(dates(&text), [d(2026, 1, 1), d(2027, 1, 2)]);
    }

    #[test]
    fn folded_lines() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DA\r\n TE:2026\r\n\t1224\r\nSUMMARY:Company \r\n \
                    closing day\r\nBEGIN:VALARM\r\nSUMMARY:ignored\r\nEND:VALARM\r\nEND:VEVENT\r\nEND:VCALENDAR";
        assert_eq!(
            parse_holidays(text).unwrap(),
            [Holiday::new(d(2026, 12, 24), "Company closing day")]
        );
        // The error names the first physical line of a folded property.
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:\n 2026-13-01\nEND:VEVENT\nEND:VCALENDAR\n";
        assert_eq!(
            error(text),
            format!("line 3: DTSTART `2026-13-01` is not a date; {DATE_FORMS}")
        );
    }

    #[test]
    fn errors_name_the_line_and_the_accepted_form() {
        assert_eq!(
            error(""),
            "line 1: the file is empty; expected an iCalendar file starting with `BEGIN:VCALENDAR`"
        );
        assert_eq!(
            error("Hello, world"),
            "line 1: not an iCalendar file: its first line should be `BEGIN:VCALENDAR`"
        );
        assert_eq!(
            error("\n\nBEGIN:VEVENT\nEND:VEVENT"),
            "line 3: not an iCalendar file: its first line should be `BEGIN:VCALENDAR`"
        );
        assert!(
            error("BEGIN:VCALENDAR\nHello, world\nEND:VCALENDAR")
                .starts_with("line 2: `Hello, world` is not an iCalendar property")
        );
        assert!(error("BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VEVENT\nEND:VEVENT").contains("outside a calendar"));
        let text = calendar("BEGIN:VEVENT\nSUMMARY:No date\nEND:VEVENT\n");
        assert_eq!(
            error(&text),
            "line 4: this event has no DTSTART; every holiday needs its date, as in `DTSTART;VALUE=DATE:20261224`"
        );
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nRRULE:FREQ=WEEKLY\nEND:VEVENT\n");
        assert!(error(&text).starts_with("line 6: RRULE `FREQ=WEEKLY` is not supported; holiday files"));
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nDTEND;VALUE=DATE:20261220\nEND:VEVENT\n");
        assert!(error(&text).starts_with("line 6: DTEND `20261220` is before DTSTART"));
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224T100000\nEND:VEVENT\n");
        assert!(error(&text).contains("has a time but says VALUE=DATE"));
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261224\nEND:VCALENDAR\n";
        assert_eq!(
            error(text),
            "line 4: `END:VCALENDAR` does not match `BEGIN:VEVENT` on line 2; expected `END:VEVENT`"
        );
        assert_eq!(
            error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20261224\nEND:VEVENT\n"),
            "line 1: `BEGIN:VCALENDAR` is never closed; expected `END:VCALENDAR`"
        );
        let text = calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nDTSTART;VALUE=DATE:20261225\nEND:VEVENT\n");
        assert!(error(&text).starts_with("line 6: a second DTSTART"));
        assert!(error(" folded first\nBEGIN:VCALENDAR").starts_with("line 1: a continuation line"));
    }

    #[test]
    fn files_that_are_not_calendars_are_never_quoted() {
        for text in [
            "TOKEN=ghp_abc123\n",
            "TOKEN:ghp_abc123\n",
            "BEGIN:ghp_abc123\n",
            "export TOKEN=ghp_abc123\nBEGIN:VCALENDAR\n",
            "\u{feff}TOKEN;ghp_abc123:x\n",
        ] {
            let message = error(text);
            assert!(!message.contains("ghp_abc123"), "{message}");
            assert!(message.contains("not an iCalendar file"), "{message}");
        }
    }

    #[test]
    fn quoted_values_are_cut_short() {
        let long = "9".repeat(500);
        let text = calendar(&format!("BEGIN:VEVENT\nDTSTART;VALUE=DATE:{long}\nEND:VEVENT\n"));
        let message = error(&text);
        assert!(
            message.contains(&format!("`{}…`", "9".repeat(SHOWN_CHARS))),
            "{message}"
        );
        assert!(!message.contains(&"9".repeat(SHOWN_CHARS + 1)), "{message}");
        let name = "n".repeat(5000);
        let text = calendar(&format!(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20261224\nSUMMARY:{name}\nEND:VEVENT\n"
        ));
        assert_eq!(parse_holidays(&text).unwrap()[0].name.chars().count(), NAME_CHARS);
    }

    #[test]
    fn the_number_of_holiday_dates_is_bounded() {
        // Events covering the data's whole range, each under another name: a small file
        // that would otherwise expand to millions of dates.
        let mut events = String::new();
        for i in 0..20 {
            events.push_str(&format!(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:{FIRST_YEAR}0101\nDTEND;VALUE=DATE:{}0101\nSUMMARY:h{i}\nEND:VEVENT\n",
                LAST_YEAR + 1
            ));
        }
        let message = error(&calendar(&events));
        assert!(
            message.contains(&format!("more than {MAX_HOLIDAY_DATES} holiday dates")),
            "{message}"
        );
    }

    #[test]
    fn garbage_never_panics() {
        let pieces = [
            "BEGIN:VCALENDAR",
            "BEGIN:VEVENT",
            "END:VEVENT",
            "END:VCALENDAR",
            "DTSTART:",
            "DTSTART;VALUE=DATE:99991231",
            "DTEND:00000101",
            "DTSTART:20261224T250000",
            "RRULE:FREQ=YEARLY;COUNT=0",
            "RRULE:FREQ=YEARLY;BYDAY=9XX",
            "RRULE:FREQ=YEARLY;INTERVAL=999999999999",
            "RRULE:FREQ=YEARLY;BYMONTH=2;BYDAY=-5SU",
            "DURATION:P99999999999W",
            "DURATION:PT",
            "SUMMARY:\\",
            "X;A=\"unclosed:1",
            ";:",
            ":",
            " ",
            "\u{feff}",
            "ไทย:ข้อความ",
            "\r",
            "RDATE:1,,2",
            "EXDATE;VALUE=DATE:20261224",
            "RRULE:FREQ=YEARLY;UNTIL=1",
            "DTSTART;VALUE=DATE:00010101",
            "RRULE:FREQ=YEARLY",
            "DTEND;VALUE=DATE:99991231",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                text.push(if seed.is_multiple_of(5) { '\r' } else { '\n' });
            }
            if let Err(e) = parse_holidays(&text) {
                assert!(e.line >= 1 && e.line <= text.split('\n').count(), "{e} for {text:?}");
                assert!(!e.message.is_empty());
            }
        }
        // A huge range is clamped to the data's years rather than materialised.
        let text = calendar(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:00010101\nDTEND;VALUE=DATE:99991231\nRRULE:FREQ=YEARLY\nEND:VEVENT\n",
        );
        let all = dates(&text);
        assert_eq!(all.first(), Some(&d(FIRST_YEAR, 1, 1)));
        assert_eq!(all.last(), Some(&d(LAST_YEAR, 12, 31)));
    }

    #[test]
    fn durations_and_ordinals() {
        assert_eq!(parse_duration("P1D"), TimeDelta::try_days(1));
        assert_eq!(parse_duration("P1DT12H"), TimeDelta::try_hours(36));
        assert_eq!(parse_duration("PT90M"), TimeDelta::try_minutes(90));
        for bad in ["", "P", "PT", "P1Y", "1D", "P1H", "PD"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        assert_eq!(nth_weekday(2026, 5, -1, Weekday::Mon), Some(d(2026, 5, 25)));
        assert_eq!(nth_weekday(2026, 2, 5, Weekday::Mon), None);
        assert_eq!(nth_weekday(2026, 12, -1, Weekday::Thu), Some(d(2026, 12, 31)));
        assert_eq!(ordinal_weekday("+2SU"), Some((2, Weekday::Sun)));
        assert_eq!(ordinal_weekday("MO"), None);
        assert_eq!(ordinal_weekday("ไท"), None);
    }
}
