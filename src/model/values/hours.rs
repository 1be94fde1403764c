//! The grammar pieces of schedules (`hours:`): day selectors (`mon`, `mon-fri`, `fri-mon`,
//! `mon,wed,fri`, `daily`) and a day's hours (`08:00-18:00`, `08:00-12:00, 13:00-17:00`,
//! `22:00-06:00`, `closed`). Assembling a whole schedule from a map is the loader's job.

use super::ValueError;
use std::fmt;
use std::ops::Range;

/// A set of weekdays; bit 0 is Monday … bit 6 is Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekdaySet(pub u8);

/// One time range of a day, in minutes after local midnight. `end` is at most 1440
/// (`24:00`); an `end` not after `start` runs past midnight into the next day
/// (`22:00-06:00`). `00:00-24:00` is the whole day; `start == end` is rejected by the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeRange {
    pub start: u16,
    pub end: u16,
}

/// The hours of one day selector: closed, or one or more ranges in the order written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DayHours {
    Closed,
    Ranges(Vec<TimeRange>),
}

/// Day abbreviations, Monday first, as written in selectors and labels.
const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// Full English day names, also accepted in selectors.
const FULL_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Minutes in a day: the end `24:00`.
const DAY_END: u16 = 24 * 60;

const SELECTOR_EXPECTED: &str = "days such as `mon`, `mon-fri`, `fri-mon`, `mon,wed,fri` or `daily`";
const HOURS_EXPECTED: &str = "hours such as `08:00-18:00`, `08:00-12:00, 13:00-17:00`, `22:00-06:00` or `closed`";

impl WeekdaySet {
    /// Every day of the week.
    pub const ALL: WeekdaySet = WeekdaySet(0x7f);

    /// The set holding only the day with index `day` (0 = Monday … 6 = Sunday); empty for an
    /// index out of range.
    pub fn single(day: usize) -> WeekdaySet {
        if day < 7 { WeekdaySet(1 << day) } else { WeekdaySet(0) }
    }

    /// Whether the day with index `day` (0 = Monday … 6 = Sunday) is in the set.
    pub fn contains(&self, day: usize) -> bool {
        day < 7 && self.0 & (1 << day) != 0
    }

    /// Whether a chrono weekday is in the set.
    pub fn contains_weekday(&self, day: chrono::Weekday) -> bool {
        self.contains(day.num_days_from_monday() as usize)
    }

    /// The indices of the days in the set, Monday first.
    pub fn iter(&self) -> impl Iterator<Item = usize> + use<> {
        let set = *self;
        (0..7).filter(move |&d| set.contains(d))
    }

    /// How many days the set holds.
    pub fn len(&self) -> usize {
        (self.0 & Self::ALL.0).count_ones() as usize
    }

    /// Whether the set holds no day.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The days in either set.
    pub fn union(self, other: WeekdaySet) -> WeekdaySet {
        WeekdaySet((self.0 | other.0) & Self::ALL.0)
    }

    /// The days in both sets.
    pub fn intersection(self, other: WeekdaySet) -> WeekdaySet {
        WeekdaySet(self.0 & other.0 & Self::ALL.0)
    }

    /// A short selector for the set, in the syntax the parser accepts: `mon-fri`, `sat,sun`,
    /// `mon,wed,fri`, `fri-mon`, `daily`; `none` for the empty set. Runs of three or more
    /// days become ranges; a run through Sunday into Monday is written last (`wed,fri-mon`).
    pub fn label(&self) -> String {
        if self.0 & Self::ALL.0 == Self::ALL.0 {
            return "daily".to_owned();
        }
        if self.is_empty() {
            return "none".to_owned();
        }
        // Start after a day outside the set, so that no run is split; prefer Monday unless a
        // run of three or more wraps from Sunday into Monday.
        let mut start = 0;
        if self.contains(6) && self.contains(0) {
            let wrap_len = (0..7).take_while(|&d| self.contains(d)).count()
                + (0..7).rev().take_while(|&d| self.contains(d)).count();
            if wrap_len >= 3 {
                start = (0..7).find(|&d| !self.contains(d)).unwrap_or(0);
            }
        }
        let mut parts = Vec::new();
        let mut offset = 0;
        while offset < 7 {
            let day = (start + offset) % 7;
            if !self.contains(day) {
                offset += 1;
                continue;
            }
            let mut len = 1;
            // A run continues across Sunday only when the walk started after it.
            while offset + len < 7 && self.contains((start + offset + len) % 7) && (start > 0 || day + len < 7) {
                len += 1;
            }
            let last = (day + len - 1) % 7;
            parts.push(match len {
                1 => DAYS[day].to_owned(),
                2 => format!("{},{}", DAYS[day], DAYS[last]),
                _ => format!("{}-{}", DAYS[day], DAYS[last]),
            });
            offset += len;
        }
        parts.join(",")
    }
}

impl fmt::Display for WeekdaySet {
    /// The [`label`](WeekdaySet::label).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl TimeRange {
    /// Whether the range runs past midnight into the next day (`22:00-06:00`). `00:00-24:00`
    /// does not.
    pub fn overnight(&self) -> bool {
        self.end <= self.start
    }

    /// The length of the range in minutes, counting the part after midnight of an overnight
    /// range.
    pub fn minutes(&self) -> u16 {
        if self.overnight() {
            DAY_END - self.start + self.end
        } else {
            self.end - self.start
        }
    }

    /// Whether two ranges of the same day share any minute.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        let (a, b) = (self.span(), other.span());
        a.start < b.end && b.start < a.end
    }

    /// The range as minutes after this day's midnight, an overnight end counted into the
    /// next day: `22:00-06:00` is `1320..1800`.
    pub fn span(&self) -> Range<u16> {
        self.start..self.start + self.minutes()
    }
}

impl fmt::Display for TimeRange {
    /// `08:00-18:00`, `22:00-06:00`, `00:00-24:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}-{:02}:{:02}",
            self.start / 60,
            self.start % 60,
            self.end / 60,
            self.end % 60
        )
    }
}

impl fmt::Display for DayHours {
    /// `closed`, or the ranges separated by `, `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DayHours::Closed => f.write_str("closed"),
            DayHours::Ranges(ranges) => {
                for (i, range) in ranges.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    range.fmt(f)?;
                }
                Ok(())
            }
        }
    }
}

/// The comma-separated parts of `text`, each trimmed, with its byte range in the parsed
/// string (`lead` is where `text` starts). An empty part is reported at its comma.
fn parts<'a>(
    text: &'a str,
    lead: usize,
    what: &str,
    expected: &'static str,
) -> Result<Vec<(&'a str, Range<usize>)>, ValueError> {
    let mut parts = Vec::new();
    let mut start = 0;
    for raw in text.split(',') {
        let end = start + raw.len();
        let part = raw.trim();
        if part.is_empty() {
            // The comma after the empty part, or before it when it is the last.
            let comma = if end < text.len() { end } else { start.saturating_sub(1) };
            return Err(ValueError::at(
                lead + comma..lead + comma + 1,
                format!("stray `,`: a {what} is missing"),
                expected,
            ));
        }
        let part_start = start + (raw.len() - raw.trim_start().len());
        parts.push((part, lead + part_start..lead + part_start + part.len()));
        start = end + 1;
    }
    Ok(parts)
}

/// Parse a day selector: `mon` … `sun` (or `monday` … `sunday`), a range `mon-fri` (which may
/// wrap: `fri-mon` is Friday to Monday), a list `mon,wed,fri` or `mon-wed,fri`, or `daily`.
/// A day selected twice in one selector is an error.
pub fn parse_day_selector(s: &str) -> Result<WeekdaySet, ValueError> {
    day_selector(s).map_err(|e| whole(e, s))
}

fn day_selector(s: &str) -> Result<WeekdaySet, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the day selector is empty", SELECTOR_EXPECTED));
    }
    if text == "daily" {
        return Ok(WeekdaySet::ALL);
    }
    let parts = parts(text, lead, "day", SELECTOR_EXPECTED)?;
    let mut set = WeekdaySet::default();
    for (part, range) in parts {
        if part == "daily" {
            return Err(ValueError::at(
                range,
                "`daily` already selects every day: write it alone",
                SELECTOR_EXPECTED,
            ));
        }
        let days = match part.split_once('-') {
            None => WeekdaySet::single(day(part, range.clone())?),
            Some((first, last)) => {
                let first_range = range.start..range.start + first.len();
                let last_range = range.end - last.len()..range.end;
                if last.contains('-') {
                    return Err(ValueError::at(
                        range,
                        format!("`{part}` has more than one `-`"),
                        SELECTOR_EXPECTED,
                    ));
                }
                let (first_trimmed, last_trimmed) = (first.trim_end(), last.trim_start());
                if first_trimmed.is_empty() || last_trimmed.is_empty() {
                    return Err(ValueError::at(
                        range,
                        format!("`{part}` needs a day on each side of `-`"),
                        SELECTOR_EXPECTED,
                    ));
                }
                let from = day(
                    first_trimmed,
                    first_range.start..first_range.start + first_trimmed.len(),
                )?;
                let to = day(last_trimmed, last_range.end - last_trimmed.len()..last_range.end)?;
                if from == to {
                    return Err(ValueError::at(
                        range,
                        format!("`{part}` is a single day: write `{}`", DAYS[from]),
                        SELECTOR_EXPECTED,
                    ));
                }
                let len = (to + 7 - from) % 7 + 1;
                (0..len).fold(WeekdaySet::default(), |acc, i| {
                    acc.union(WeekdaySet::single((from + i) % 7))
                })
            }
        };
        let again = set.intersection(days);
        if !again.is_empty() {
            let message = if again.len() == 1 {
                format!("day `{}` is selected twice", again.label())
            } else {
                format!("days `{}` are selected twice", again.label())
            };
            return Err(ValueError::at(range, message, SELECTOR_EXPECTED));
        }
        set = set.union(days);
    }
    Ok(set)
}

/// The index of a day name (0 = Monday), or why it is not one.
fn day(name: &str, range: Range<usize>) -> Result<usize, ValueError> {
    if let Some(i) = DAYS
        .iter()
        .position(|d| *d == name)
        .or_else(|| FULL_DAYS.iter().position(|d| *d == name))
    {
        return Ok(i);
    }
    let lower = name.to_lowercase();
    let message = if let Some(i) = DAYS
        .iter()
        .position(|d| *d == lower)
        .or_else(|| FULL_DAYS.iter().position(|d| *d == lower))
    {
        format!("day names are lower case: write `{}`, not `{name}`", DAYS[i])
    } else if lower == "weekdays" || lower == "workdays" {
        format!("unknown day `{name}`; write `mon-fri`")
    } else if lower == "weekend" || lower == "weekends" {
        format!("unknown day `{name}`; write `sat,sun`")
    } else {
        let hint = crate::suggest::did_you_mean(name, DAYS.iter().chain(FULL_DAYS.iter()).copied());
        format!("unknown day `{name}`{hint}")
    };
    Err(ValueError::at(range, message, SELECTOR_EXPECTED))
}

/// Parse a day's hours: `closed`, or one or more time ranges `HH:MM-HH:MM` separated by
/// commas (`08:00-12:00, 13:00-17:00`). The hour may have one digit (`8:00`); `24:00` may
/// only end a range; an end earlier than the start runs past midnight (`22:00-06:00`).
/// Ranges of one day must not overlap.
pub fn parse_day_hours(s: &str) -> Result<DayHours, ValueError> {
    day_hours(s).map_err(|e| whole(e, s))
}

fn day_hours(s: &str) -> Result<DayHours, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new(
            "the hours are empty: write `closed` for a day without hours",
            HOURS_EXPECTED,
        ));
    }
    if text == "closed" {
        return Ok(DayHours::Closed);
    }
    if text.eq_ignore_ascii_case("closed") {
        return Err(ValueError::new(
            format!("write `closed` in lower case, not `{text}`"),
            HOURS_EXPECTED,
        ));
    }
    if text == "24/7" {
        return Err(ValueError::new(
            "`24/7` describes a whole schedule; for one day's hours write `00:00-24:00`",
            HOURS_EXPECTED,
        ));
    }
    let at = |range: Range<usize>, message: String| ValueError::at(range, message, HOURS_EXPECTED);
    let mut ranges: Vec<(TimeRange, &str)> = Vec::new();
    for (part, range) in parts(text, lead, "time range", HOURS_EXPECTED)? {
        if part.eq_ignore_ascii_case("closed") {
            return Err(at(range, "`closed` cannot be combined with time ranges".to_owned()));
        }
        let time_range = time_range(part, range.clone()).map_err(|(r, m)| at(r, m))?;
        if let Some((_, earlier)) = ranges.iter().find(|(r, _)| {
            let (a, b) = (r.span(), time_range.span());
            a.start < b.end && b.start < a.end
        }) {
            return Err(at(range, format!("`{part}` overlaps `{earlier}`")).as_overlap());
        }
        ranges.push((time_range, part));
    }
    Ok(DayHours::Ranges(ranges.into_iter().map(|(r, _)| r).collect()))
}

/// One range `HH:MM-HH:MM` written at `range`. Errors carry a range in the parsed string.
fn time_range(part: &str, range: Range<usize>) -> Result<TimeRange, (Range<usize>, String)> {
    let Some((first, last)) = part.split_once('-') else {
        return Err((range, format!("`{part}` needs an end time, as in `08:00-18:00`")));
    };
    if last.contains('-') {
        return Err((
            range,
            format!("`{part}` has more than one `-`: separate ranges with commas"),
        ));
    }
    let dash = range.start + first.len();
    let (start_text, end_text) = (first.trim(), last.trim());
    if start_text.is_empty() {
        return Err((dash..dash + 1, format!("missing start time before `-` in `{part}`")));
    }
    if end_text.is_empty() {
        return Err((dash..dash + 1, format!("missing end time after `-` in `{part}`")));
    }
    let start_at = range.start + (first.len() - first.trim_start().len());
    let end_at = dash + 1 + (last.len() - last.trim_start().len());
    let start = time(start_text, start_at)?;
    let end = time(end_text, end_at)?;
    if start == DAY_END {
        return Err((
            start_at..start_at + start_text.len(),
            "`24:00` can only end a range; write `00:00`".to_owned(),
        ));
    }
    if start == end {
        let message = if start == 0 {
            format!("`{part}` has no length; write `00:00-24:00` for the whole day")
        } else {
            format!("`{part}` has no length: it starts and ends at the same time")
        };
        return Err((range, message));
    }
    Ok(TimeRange { start, end })
}

/// A time `H:MM` or `HH:MM` (up to `24:00`) written at byte `at`, in minutes after midnight.
fn time(text: &str, at: usize) -> Result<u16, (Range<usize>, String)> {
    let whole = at..at + text.len();
    let shape = || {
        (
            whole.clone(),
            format!("expected a time such as `08:00`, found `{text}`"),
        )
    };
    let (hours, minutes) = text.split_once(':').ok_or_else(shape)?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hours) || !digits(minutes) || hours.len() > 2 || minutes.len() != 2 {
        return Err(shape());
    }
    let (h, m): (u16, u16) = (
        hours.parse().map_err(|_| shape())?,
        minutes.parse().map_err(|_| shape())?,
    );
    let minutes_at = at + hours.len() + 1;
    if h > 24 {
        return Err((
            at..at + hours.len(),
            format!("hour `{hours}` does not exist: hours run from 00 to 24"),
        ));
    }
    if m > 59 {
        return Err((
            minutes_at..minutes_at + 2,
            format!("minute `{minutes}` does not exist: minutes run from 00 to 59"),
        ));
    }
    if h == 24 && m > 0 {
        return Err((
            whole,
            format!("`{text}` is past the end of the day; the latest time is `24:00`"),
        ));
    }
    Ok(h * 60 + m)
}

/// Drops an error's range when it covers the whole (trimmed) text, so that the error is
/// about the whole value.
fn whole(mut e: ValueError, s: &str) -> ValueError {
    let lead = s.len() - s.trim_start().len();
    if e.range == Some(lead..lead + s.trim().len()) {
        e.range = None;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set of the named days (0 = Monday).
    fn days(indices: &[usize]) -> WeekdaySet {
        indices
            .iter()
            .fold(WeekdaySet::default(), |set, &d| set.union(WeekdaySet::single(d)))
    }

    fn sel(s: &str) -> WeekdaySet {
        parse_day_selector(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    fn sel_err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_day_selector(s).expect_err(s);
        assert_eq!(e.expected, SELECTOR_EXPECTED);
        (e.message, e.range)
    }

    fn hours(s: &str) -> DayHours {
        parse_day_hours(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    fn hours_err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_day_hours(s).expect_err(s);
        assert_eq!(e.expected, HOURS_EXPECTED);
        (e.message, e.range)
    }

    fn ranges(list: &[(u16, u16)]) -> DayHours {
        DayHours::Ranges(list.iter().map(|&(start, end)| TimeRange { start, end }).collect())
    }

    #[test]
    fn single_days_and_full_names() {
        for (i, (short, full)) in DAYS.iter().zip(FULL_DAYS).enumerate() {
            assert_eq!(sel(short), days(&[i]));
            assert_eq!(sel(full), days(&[i]));
        }
        assert_eq!(sel("  sat "), days(&[5]));
    }

    #[test]
    fn ranges_lists_and_daily() {
        assert_eq!(sel("mon-fri"), days(&[0, 1, 2, 3, 4]));
        assert_eq!(sel("fri-mon"), days(&[4, 5, 6, 0]));
        assert_eq!(sel("sun-tue"), days(&[6, 0, 1]));
        assert_eq!(sel("monday-friday"), days(&[0, 1, 2, 3, 4]));
        assert_eq!(sel("mon,wed,fri"), days(&[0, 2, 4]));
        assert_eq!(sel("mon, wed , fri"), days(&[0, 2, 4]));
        assert_eq!(sel("mon-wed,fri"), days(&[0, 1, 2, 4]));
        assert_eq!(sel("mon - wed"), days(&[0, 1, 2]));
        assert_eq!(sel("daily"), WeekdaySet::ALL);
        assert_eq!(sel("mon-sun"), WeekdaySet::ALL);
        assert_eq!(sel("tue-mon"), WeekdaySet::ALL);
    }

    #[test]
    fn selector_errors() {
        assert_eq!(sel_err(""), ("the day selector is empty".into(), None));
        assert_eq!(
            sel_err("Mon"),
            ("day names are lower case: write `mon`, not `Mon`".into(), None)
        );
        assert_eq!(
            sel_err("mon-Friday"),
            (
                "day names are lower case: write `fri`, not `Friday`".into(),
                Some(4..10)
            )
        );
        assert_eq!(
            sel_err("mnday"),
            ("unknown day `mnday`; did you mean `monday`?".into(), None)
        );
        assert_eq!(
            sel_err("mon,tues"),
            ("unknown day `tues`; did you mean `tue`?".into(), Some(4..8))
        );
        assert_eq!(
            sel_err("mon-frii"),
            ("unknown day `frii`; did you mean `fri`?".into(), Some(4..8))
        );
        assert_eq!(sel_err("xyz"), ("unknown day `xyz`".into(), None));
        assert_eq!(
            sel_err("weekdays"),
            ("unknown day `weekdays`; write `mon-fri`".into(), None)
        );
        assert_eq!(
            sel_err("weekend"),
            ("unknown day `weekend`; write `sat,sun`".into(), None)
        );
        assert_eq!(sel_err("mon,,fri"), ("stray `,`: a day is missing".into(), Some(4..5)));
        assert_eq!(sel_err("mon,"), ("stray `,`: a day is missing".into(), Some(3..4)));
        assert_eq!(sel_err(",mon"), ("stray `,`: a day is missing".into(), Some(0..1)));
        assert_eq!(sel_err("mon, ,fri").1, Some(5..6));
        assert_eq!(sel_err("mon-"), ("`mon-` needs a day on each side of `-`".into(), None));
        assert_eq!(
            sel_err("sat,-sun"),
            ("`-sun` needs a day on each side of `-`".into(), Some(4..8))
        );
        assert_eq!(
            sel_err("mon-wed-fri"),
            ("`mon-wed-fri` has more than one `-`".into(), None)
        );
        assert_eq!(
            sel_err("mon-mon"),
            ("`mon-mon` is a single day: write `mon`".into(), None)
        );
        assert_eq!(
            sel_err("daily,sat"),
            ("`daily` already selects every day: write it alone".into(), Some(0..5))
        );
    }

    #[test]
    fn a_day_selected_twice() {
        assert_eq!(
            sel_err("mon-fri,wed"),
            ("day `wed` is selected twice".into(), Some(8..11))
        );
        assert_eq!(
            sel_err("mon,monday"),
            ("day `mon` is selected twice".into(), Some(4..10))
        );
        assert_eq!(
            sel_err("mon-wed,tue-thu"),
            ("days `tue,wed` are selected twice".into(), Some(8..15))
        );
        assert_eq!(sel_err("fri-mon,sat-sun").0, "days `sat,sun` are selected twice");
    }

    #[test]
    fn weekday_set_helpers() {
        let weekdays = sel("mon-fri");
        assert!(weekdays.contains(0) && weekdays.contains(4));
        assert!(!weekdays.contains(5) && !weekdays.contains(7) && !weekdays.contains(usize::MAX));
        assert!(weekdays.contains_weekday(chrono::Weekday::Wed));
        assert!(!weekdays.contains_weekday(chrono::Weekday::Sun));
        assert_eq!(weekdays.iter().collect::<Vec<_>>(), [0, 1, 2, 3, 4]);
        assert_eq!(weekdays.len(), 5);
        assert!(!weekdays.is_empty());
        assert!(WeekdaySet::default().is_empty());
        assert_eq!(weekdays.union(sel("sat")), sel("mon-sat"));
        assert_eq!(weekdays.intersection(sel("fri-mon")), sel("mon,fri"));
        assert_eq!(weekdays.intersection(sel("sat,sun")), WeekdaySet::default());
        assert_eq!(WeekdaySet::single(7), WeekdaySet::default());
        // Bits above Sunday are ignored.
        assert_eq!(WeekdaySet(0xff).len(), 7);
        assert_eq!(WeekdaySet(0x80).label(), "none");
    }

    #[test]
    fn labels_read_back_as_the_same_set() {
        for (input, label) in [
            ("mon-fri", "mon-fri"),
            ("mon", "mon"),
            ("sat,sun", "sat,sun"),
            ("sat-sun", "sat,sun"),
            ("mon,wed,fri", "mon,wed,fri"),
            ("mon-wed,fri", "mon-wed,fri"),
            ("fri-mon", "fri-mon"),
            ("sat-mon", "sat-mon"),
            ("sun,mon", "mon,sun"),
            ("wed,fri-mon", "wed,fri-mon"),
            ("thu-tue", "thu-tue"),
            ("daily", "daily"),
            ("tue-mon", "daily"),
        ] {
            let set = sel(input);
            assert_eq!(set.label(), label, "{input}");
            assert_eq!(set.to_string(), label);
            assert_eq!(sel(label), set, "`{label}` parses back");
        }
        assert_eq!(WeekdaySet::default().label(), "none");
        // Every set but the empty one has a label that parses back to it.
        for bits in 1..=0x7f {
            let set = WeekdaySet(bits);
            assert_eq!(sel(&set.label()), set, "{bits:#b}");
        }
    }

    #[test]
    fn day_hours() {
        assert_eq!(hours("closed"), DayHours::Closed);
        assert_eq!(hours(" closed "), DayHours::Closed);
        assert_eq!(hours("08:00-18:00"), ranges(&[(480, 1080)]));
        assert_eq!(hours("8:00-18:00"), ranges(&[(480, 1080)]));
        assert_eq!(hours("08:00 - 18:00"), ranges(&[(480, 1080)]));
        assert_eq!(hours("08:00-12:00, 13:00-17:00"), ranges(&[(480, 720), (780, 1020)]));
        assert_eq!(hours("13:00-17:00,08:00-12:00"), ranges(&[(780, 1020), (480, 720)]));
        assert_eq!(hours("22:00-06:00"), ranges(&[(1320, 360)]));
        assert_eq!(hours("00:00-24:00"), ranges(&[(0, 1440)]));
        assert_eq!(hours("18:00-24:00"), ranges(&[(1080, 1440)]));
        assert_eq!(hours("08:00-12:00, 12:00-16:00"), ranges(&[(480, 720), (720, 960)]));
        // An overnight range and a morning range of the same day do not overlap.
        assert_eq!(hours("22:00-06:00, 05:00-07:00"), ranges(&[(1320, 360), (300, 420)]));
    }

    #[test]
    fn time_range_helpers() {
        let day = TimeRange { start: 480, end: 1080 };
        let night = TimeRange { start: 1320, end: 360 };
        let whole = TimeRange { start: 0, end: 1440 };
        let to_midnight = TimeRange { start: 1080, end: 0 };
        assert!(!day.overnight() && night.overnight() && !whole.overnight() && to_midnight.overnight());
        assert_eq!(
            (day.minutes(), night.minutes(), whole.minutes(), to_midnight.minutes()),
            (600, 480, 1440, 360)
        );
        assert_eq!(day.to_string(), "08:00-18:00");
        assert_eq!(night.to_string(), "22:00-06:00");
        assert_eq!(whole.to_string(), "00:00-24:00");
        assert_eq!(hours("8:00-12:00,13:00-17:30").to_string(), "08:00-12:00, 13:00-17:30");
        assert_eq!(DayHours::Closed.to_string(), "closed");
    }

    #[test]
    fn day_hours_shape_errors() {
        assert_eq!(
            hours_err(""),
            (
                "the hours are empty: write `closed` for a day without hours".into(),
                None
            )
        );
        assert_eq!(
            hours_err("Closed"),
            ("write `closed` in lower case, not `Closed`".into(), None)
        );
        assert_eq!(
            hours_err("24/7"),
            (
                "`24/7` describes a whole schedule; for one day's hours write `00:00-24:00`".into(),
                None
            )
        );
        assert_eq!(
            hours_err("08:00"),
            ("`08:00` needs an end time, as in `08:00-18:00`".into(), None)
        );
        assert_eq!(
            hours_err("garbage"),
            ("`garbage` needs an end time, as in `08:00-18:00`".into(), None)
        );
        assert_eq!(hours_err("08:00-12:00, 13:00").1, Some(13..18));
        assert_eq!(
            hours_err("08:00-12:00 13:00-17:00"),
            (
                "`08:00-12:00 13:00-17:00` has more than one `-`: separate ranges with commas".into(),
                None
            )
        );
        assert_eq!(
            hours_err("08:00-"),
            ("missing end time after `-` in `08:00-`".into(), Some(5..6))
        );
        assert_eq!(
            hours_err("-18:00"),
            ("missing start time before `-` in `-18:00`".into(), Some(0..1))
        );
        assert_eq!(
            hours_err("08:00-12:00,"),
            ("stray `,`: a time range is missing".into(), Some(11..12))
        );
        assert_eq!(
            hours_err("closed, 08:00-12:00"),
            ("`closed` cannot be combined with time ranges".into(), Some(0..6))
        );
    }

    #[test]
    fn time_errors() {
        assert_eq!(
            hours_err("0800-1800"),
            ("expected a time such as `08:00`, found `0800`".into(), Some(0..4))
        );
        assert_eq!(hours_err("8-18").1, Some(0..1));
        assert_eq!(
            hours_err("8:5-9:00"),
            ("expected a time such as `08:00`, found `8:5`".into(), Some(0..3))
        );
        assert_eq!(hours_err("008:00-09:00").1, Some(0..6));
        assert_eq!(hours_err("8am-5pm").0, "expected a time such as `08:00`, found `8am`");
        assert_eq!(
            hours_err("08:00:00-09:00").0,
            "expected a time such as `08:00`, found `08:00:00`"
        );
        assert_eq!(
            hours_err("08:60-09:00"),
            (
                "minute `60` does not exist: minutes run from 00 to 59".into(),
                Some(3..5)
            )
        );
        assert_eq!(
            hours_err("25:00-26:00"),
            ("hour `25` does not exist: hours run from 00 to 24".into(), Some(0..2))
        );
        assert_eq!(hours_err("08:00-9:99").1, Some(8..10));
        assert_eq!(
            hours_err("08:00-24:30"),
            (
                "`24:30` is past the end of the day; the latest time is `24:00`".into(),
                Some(6..11)
            )
        );
        assert_eq!(
            hours_err("24:00-08:00"),
            ("`24:00` can only end a range; write `00:00`".into(), Some(0..5))
        );
    }

    #[test]
    fn zero_length_and_overlaps() {
        assert_eq!(
            hours_err("08:00-08:00"),
            (
                "`08:00-08:00` has no length: it starts and ends at the same time".into(),
                None
            )
        );
        assert_eq!(
            hours_err("00:00-00:00"),
            (
                "`00:00-00:00` has no length; write `00:00-24:00` for the whole day".into(),
                None
            )
        );
        assert_eq!(hours_err("08:00-12:00, 9:00-9:00").1, Some(13..22));
        assert_eq!(
            hours_err("08:00-12:00, 11:00-13:00"),
            ("`11:00-13:00` overlaps `08:00-12:00`".into(), Some(13..24))
        );
        assert_eq!(
            hours_err("22:00-06:00, 23:00-23:30").0,
            "`23:00-23:30` overlaps `22:00-06:00`"
        );
        assert_eq!(
            hours_err("22:00-02:00, 20:00-01:00").0,
            "`20:00-01:00` overlaps `22:00-02:00`"
        );
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(sel_err("mö"), ("unknown day `mö`".into(), None));
        assert_eq!(sel_err("mon-จันทร์").1, Some(4..22));
        assert_eq!(sel_err("mon，fri").0, "unknown day `mon，fri`; did you mean `mon`?");
        assert_eq!(
            hours_err("๐๘:00-18:00"),
            ("expected a time such as `08:00`, found `๐๘:00`".into(), Some(0..9))
        );
        assert_eq!(
            hours_err("08:00–18:00").0,
            "`08:00–18:00` needs an end time, as in `08:00-18:00`"
        );
    }

    #[test]
    fn never_panics() {
        let alphabet = [
            "mon", "fri", "-", ",", " ", "08", ":", "00", "24", "closed", "ö", "๔", "–",
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in ["", "-18:00", ":00"] {
                        let s = format!("{a}{b}{c}{d}");
                        for e in [parse_day_selector(&s).err(), parse_day_hours(&s).err()]
                            .into_iter()
                            .flatten()
                        {
                            if let Some(r) = e.range {
                                assert!(
                                    s.get(r.clone()).is_some_and(|p| !p.is_empty()),
                                    "`{s}`: bad range {r:?}"
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}
