//! Dates `2026-12-24` and date ranges `2026-12-24..2026-12-26` (inclusive).

use super::ValueError;
use chrono::NaiveDate;
use std::ops::Range;

/// An inclusive range of dates; `first <= last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DateRange {
    /// The range of one day.
    pub fn day(date: NaiveDate) -> DateRange {
        DateRange {
            first: date,
            last: date,
        }
    }

    /// Whether `date` lies in the range.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.first <= date && date <= self.last
    }
}

const DATE_EXPECTED: &str = "a date such as `2026-06-15`";
const RANGE_EXPECTED: &str = "a date such as `2026-12-24` or a date range such as `2026-12-24..2026-12-26`";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Parse a date written strictly as `YYYY-MM-DD` that exists in the calendar.
pub fn parse_date(s: &str) -> Result<NaiveDate, ValueError> {
    date(s).map_err(|e| whole(e, s))
}

fn date(s: &str) -> Result<NaiveDate, ValueError> {
    let lead = s.len() - s.trim_start().len();
    date_at(s.trim(), lead, DATE_EXPECTED)
}

/// Parse a date `2026-12-24` or an inclusive date range `2026-12-24..2026-12-26` (whose last
/// date is not before its first).
pub fn parse_date_or_range(s: &str) -> Result<DateRange, ValueError> {
    date_or_range(s).map_err(|e| whole(e, s))
}

fn date_or_range(s: &str) -> Result<DateRange, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    let Some((first, last)) = text.split_once("..") else {
        return date_at(text, lead, RANGE_EXPECTED).map(DateRange::day);
    };
    let first_at = lead;
    let last_at = lead + first.len() + 2;
    let (first_text, last_text) = (first.trim_end(), last.trim_start());
    let last_at = last_at + (last.len() - last_text.len());
    if first_text.is_empty() {
        return Err(ValueError::at(
            first_at..first_at + 2,
            "missing first date before `..`",
            RANGE_EXPECTED,
        ));
    }
    if last_text.is_empty() {
        let dots = lead + first.len();
        return Err(ValueError::at(
            dots..dots + 2,
            "missing last date after `..`",
            RANGE_EXPECTED,
        ));
    }
    let part = |text: &str, at: usize| {
        date_at(text, at, RANGE_EXPECTED).map_err(|mut e| {
            e.range = e.range.or(Some(at..at + text.len()));
            e
        })
    };
    let first = part(first_text, first_at)?;
    let last = part(last_text, last_at)?;
    if last < first {
        return Err(ValueError::at(
            last_at..last_at + last_text.len(),
            format!("the range ends on `{last_text}`, before it starts on `{first_text}`"),
            RANGE_EXPECTED,
        ));
    }
    Ok(DateRange { first, last })
}

/// A trimmed date `text` starting at byte `at` of the parsed string.
fn date_at(text: &str, at: usize, expected: &'static str) -> Result<NaiveDate, ValueError> {
    if text.is_empty() {
        return Err(ValueError::new("the date is empty", expected));
    }
    let err =
        |range: Range<usize>, message: String| ValueError::at(at + range.start..at + range.end, message, expected);
    let shape = || ValueError::new(format!("`{text}` is not a date in the form `YYYY-MM-DD`"), expected);
    let digits_from = |pos: usize| {
        pos + text
            .as_bytes()
            .get(pos..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };

    // Year, month and day: each a run of digits, separated by `-`.
    let year_end = digits_from(0);
    let month_start = year_end + 1;
    let month_end = digits_from(month_start);
    let day_start = month_end + 1;
    let day_end = digits_from(day_start);
    let separator = |pos: usize| text[pos.min(text.len())..].chars().next();
    if year_end == 0 {
        return Err(shape());
    }
    for pos in [year_end, month_end] {
        match separator(pos) {
            Some('-') => {}
            Some(c @ ('/' | '.')) => {
                return Err(err(
                    pos..pos + 1,
                    format!("write dates as `YYYY-MM-DD` with `-`, not `{c}`"),
                ));
            }
            _ => return Err(shape()),
        }
    }
    let (year, month, day) = (
        &text[..year_end],
        &text[month_start..month_end],
        &text[day_start..day_end],
    );
    if year.len() != 4 {
        return Err(if year.is_empty() {
            shape()
        } else {
            err(0..year_end, format!("year `{year}` needs four digits"))
        });
    }
    for (name, field, start, end) in [
        ("month", month, month_start, month_end),
        ("day", day, day_start, day_end),
    ] {
        if field.is_empty() {
            return Err(shape());
        }
        if field.len() != 2 {
            let hint = if field.len() == 1 {
                format!(": `0{field}`")
            } else {
                String::new()
            };
            return Err(err(start..end, format!("{name} `{field}` needs two digits{hint}")));
        }
    }
    if day_end < text.len() {
        let rest = &text[day_end..];
        return Err(err(day_end..text.len(), format!("unexpected `{rest}` after the date")));
    }
    let (y, m, d): (i32, u32, u32) = (
        year.parse().map_err(|_| shape())?,
        month.parse().map_err(|_| shape())?,
        day.parse().map_err(|_| shape())?,
    );
    if !(1..=12).contains(&m) {
        return Err(err(month_start..month_end, format!("month `{month}` does not exist")));
    }
    NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| {
        let month_name = MONTHS[(m - 1) as usize];
        let days = days_in_month(y, m).map_or(String::new(), |n| format!(" (it has {n} days)"));
        err(
            day_start..day_end,
            format!("day `{day}` does not exist in {month_name} {year}{days}"),
        )
    })
}

/// The number of days of a month.
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next?.pred_opt().map(|d| chrono::Datelike::day(&d))
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

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a real date")
    }

    fn date_err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_date(s).expect_err(s);
        assert_eq!(e.expected, DATE_EXPECTED);
        (e.message, e.range)
    }

    fn range_err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_date_or_range(s).expect_err(s);
        assert_eq!(e.expected, RANGE_EXPECTED);
        (e.message, e.range)
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2026-12-24"), Ok(d(2026, 12, 24)));
        assert_eq!(parse_date(" 2026-06-15 "), Ok(d(2026, 6, 15)));
        assert_eq!(parse_date("2024-02-29"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("2000-02-29"), Ok(d(2000, 2, 29)));
    }

    #[test]
    fn dates_that_do_not_exist() {
        assert_eq!(
            date_err("2026-02-30"),
            (
                "day `30` does not exist in February 2026 (it has 28 days)".into(),
                Some(8..10)
            )
        );
        assert_eq!(
            date_err("2026-02-29").0,
            "day `29` does not exist in February 2026 (it has 28 days)"
        );
        assert_eq!(
            date_err("1900-02-29").0,
            "day `29` does not exist in February 1900 (it has 28 days)"
        );
        assert_eq!(
            date_err("2026-04-31").0,
            "day `31` does not exist in April 2026 (it has 30 days)"
        );
        assert_eq!(
            date_err("2026-12-32").0,
            "day `32` does not exist in December 2026 (it has 31 days)"
        );
        assert_eq!(
            date_err("2026-01-00"),
            (
                "day `00` does not exist in January 2026 (it has 31 days)".into(),
                Some(8..10)
            )
        );
        assert_eq!(date_err("2026-13-01"), ("month `13` does not exist".into(), Some(5..7)));
        assert_eq!(date_err("2026-00-10").0, "month `00` does not exist");
    }

    #[test]
    fn strict_shape() {
        assert_eq!(date_err(""), ("the date is empty".into(), None));
        assert_eq!(
            date_err("x"),
            ("`x` is not a date in the form `YYYY-MM-DD`".into(), None)
        );
        assert_eq!(
            date_err("2026-12").0,
            "`2026-12` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(
            date_err("2026-12-").0,
            "`2026-12-` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(
            date_err("2026"),
            ("`2026` is not a date in the form `YYYY-MM-DD`".into(), None)
        );
        assert_eq!(
            date_err("2026-1-5"),
            ("month `1` needs two digits: `01`".into(), Some(5..6))
        );
        assert_eq!(
            date_err("2026-01-5"),
            ("day `5` needs two digits: `05`".into(), Some(8..9))
        );
        assert_eq!(
            date_err("2026-001-05"),
            ("month `001` needs two digits".into(), Some(5..8))
        );
        assert_eq!(date_err("26-12-24"), ("year `26` needs four digits".into(), Some(0..2)));
        assert_eq!(
            date_err("2026/12/24"),
            ("write dates as `YYYY-MM-DD` with `-`, not `/`".into(), Some(4..5))
        );
        assert_eq!(
            date_err("24.12.2026"),
            ("write dates as `YYYY-MM-DD` with `-`, not `.`".into(), Some(2..3))
        );
        assert_eq!(
            date_err("2026-12-24T10:00"),
            ("unexpected `T10:00` after the date".into(), Some(10..16))
        );
        assert_eq!(date_err("2026-12-24..2026-12-26").1, Some(10..22));
    }

    #[test]
    fn ranges() {
        assert_eq!(parse_date_or_range("2026-12-24"), Ok(DateRange::day(d(2026, 12, 24))));
        let holidays = DateRange {
            first: d(2026, 12, 24),
            last: d(2026, 12, 26),
        };
        assert_eq!(parse_date_or_range("2026-12-24..2026-12-26"), Ok(holidays));
        assert_eq!(parse_date_or_range(" 2026-12-24 .. 2026-12-26 "), Ok(holidays));
        assert_eq!(
            parse_date_or_range("2026-12-24..2026-12-24"),
            Ok(DateRange::day(d(2026, 12, 24)))
        );
        assert!(holidays.contains(d(2026, 12, 25)) && !holidays.contains(d(2026, 12, 27)));
    }

    #[test]
    fn range_errors() {
        assert_eq!(
            range_err("2026-12-26..2026-12-24"),
            (
                "the range ends on `2026-12-24`, before it starts on `2026-12-26`".into(),
                Some(12..22)
            )
        );
        assert_eq!(
            range_err("2026-12-24.."),
            ("missing last date after `..`".into(), Some(10..12))
        );
        assert_eq!(
            range_err("..2026-12-24"),
            ("missing first date before `..`".into(), Some(0..2))
        );
        assert_eq!(
            range_err("2026-12-24...2026-12-26"),
            (
                "`.2026-12-26` is not a date in the form `YYYY-MM-DD`".into(),
                Some(12..23)
            )
        );
        assert_eq!(range_err("2026-12-24..2026-02-30").1, Some(20..22));
        assert_eq!(range_err("2026-12-32..2027-01-02").1, Some(8..10));
        assert_eq!(
            range_err("christmas").0,
            "`christmas` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(range_err("christmas").1, None);
        assert_eq!(
            range_err("2026-12-24 - 2026-12-26"),
            ("unexpected ` - 2026-12-26` after the date".into(), Some(10..23))
        );
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            date_err("๒๐๒๖-12-24").0,
            "`๒๐๒๖-12-24` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(
            date_err("2026-12-๒๔").0,
            "`2026-12-๒๔` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(
            date_err("2026–12–24").0,
            "`2026–12–24` is not a date in the form `YYYY-MM-DD`"
        );
        assert_eq!(
            date_err("2026-12-24ä"),
            ("unexpected `ä` after the date".into(), Some(10..12))
        );
    }

    #[test]
    fn never_panics() {
        let alphabet = ["2026", "12", "1", "-", ".", "..", "/", " ", "ä", "๒", "–"];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for e in ["", "-24", "..2026-12-26"] {
                        let s = format!("{a}{b}{c}{e}");
                        for err in [parse_date(&s).err(), parse_date_or_range(&s).err()]
                            .into_iter()
                            .flatten()
                        {
                            if let Some(r) = err.range {
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
