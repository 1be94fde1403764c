//! Durations: `90s`, `15m`, `4h`, `1h30m`, `2 days`, `6 months`, `1 year`,
//! `8 business hours`, `2 business days`, `30m calendar`.

use super::ValueError;
use std::fmt;
use std::ops::Range;

/// A length of time as written in a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Duration {
    /// Elapsed time in seconds (`90s`, `4h`, `2 days`, `1 week`). `calendar` is true when the
    /// text ended in the word `calendar` (`30m calendar`): wall-clock time, stated explicitly.
    Clock { seconds: u64, calendar: bool },
    /// Calendar months (`6 months`, `1 year` = 12): added to dates, not a fixed length.
    Months(u32),
    /// Worked time of the owning channel (`8 business hours`, `90 business minutes`), in seconds.
    BusinessTime { seconds: u64 },
    /// Days on which the owning channel is worked (`2 business days`).
    BusinessDays(u32),
}

impl Duration {
    /// The length in seconds of a clock or business-time duration; `None` for months and
    /// business days, which have no fixed length.
    pub fn seconds(&self) -> Option<u64> {
        match *self {
            Duration::Clock { seconds, .. } | Duration::BusinessTime { seconds } => Some(seconds),
            Duration::Months(_) | Duration::BusinessDays(_) => None,
        }
    }
}

/// The accepted forms, for the help line of every duration error.
const EXPECTED: &str = "a duration such as `90s`, `15m`, `4h`, `1h30m`, `2 days`, `6 months`, `8 business hours`";

const MINUTE: u64 = 60;
const HOUR: u64 = 3_600;
const DAY: u64 = 86_400;
const WEEK: u64 = 7 * DAY;

/// A unit word, from the largest to the smallest (the derived order is used to insist on
/// larger units first, as in `1h30m`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

/// Every unit word the parser accepts.
const UNIT_WORDS: &[(&str, Unit)] = &[
    ("s", Unit::Second),
    ("sec", Unit::Second),
    ("second", Unit::Second),
    ("seconds", Unit::Second),
    ("m", Unit::Minute),
    ("min", Unit::Minute),
    ("minute", Unit::Minute),
    ("minutes", Unit::Minute),
    ("h", Unit::Hour),
    ("hr", Unit::Hour),
    ("hour", Unit::Hour),
    ("hours", Unit::Hour),
    ("d", Unit::Day),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("w", Unit::Week),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("y", Unit::Year),
    ("year", Unit::Year),
    ("years", Unit::Year),
];

impl Unit {
    fn from_word(word: &str) -> Option<Unit> {
        UNIT_WORDS.iter().find(|(w, _)| *w == word).map(|&(_, u)| u)
    }

    /// Seconds in one unit, for the fixed-length units.
    fn seconds(self) -> Option<u64> {
        match self {
            Unit::Second => Some(1),
            Unit::Minute => Some(MINUTE),
            Unit::Hour => Some(HOUR),
            Unit::Day => Some(DAY),
            Unit::Week => Some(WEEK),
            Unit::Month | Unit::Year => None,
        }
    }

    /// Months in one unit, for the calendar units.
    fn months(self) -> Option<u32> {
        match self {
            Unit::Month => Some(1),
            Unit::Year => Some(12),
            _ => None,
        }
    }
}

/// A number or a word of the duration text, with its byte range in the original text.
#[derive(Debug)]
enum Token<'a> {
    /// ASCII digits; `fraction` holds the digits after a decimal separator (`5` in `1.5h`),
    /// which is always an error but shapes the suggestion.
    Number {
        digits: &'a str,
        range: Range<usize>,
        fraction: Option<&'a str>,
    },
    Word {
        text: &'a str,
        range: Range<usize>,
    },
}

impl Token<'_> {
    fn range(&self) -> Range<usize> {
        match self {
            Token::Number { range, .. } | Token::Word { range, .. } => range.clone(),
        }
    }

    fn word(&self) -> Option<&str> {
        match self {
            Token::Word { text, .. } => Some(text),
            Token::Number { .. } => None,
        }
    }
}

/// Parse a duration: a clock duration (`90s`, `15m`, `4h`, `1h30m`, `1h 30m`, `2 days`,
/// `2 weeks`), optionally followed by `calendar`; calendar months (`6 months`, `1 year`,
/// `1 year 6 months`); or business time (`8 business hours`, `90 business minutes`,
/// `2 business days`).
pub fn parse_duration(s: &str) -> Result<Duration, ValueError> {
    duration(s).map_err(|e| whole(e, s))
}

fn duration(s: &str) -> Result<Duration, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = Text { text: s.trim(), lead };
    let mut tokens = text.tokenize()?;
    if tokens.is_empty() {
        return Err(ValueError::new("the duration is empty", EXPECTED));
    }
    let calendar = match tokens.last() {
        Some(Token::Word {
            text: "calendar",
            range,
        }) if tokens.len() > 1 => {
            let range = range.clone();
            tokens.pop();
            Some(range)
        }
        _ => None,
    };
    if let Some(pos) = tokens.iter().position(|t| t.word() == Some("business")) {
        if let Some(range) = calendar {
            return Err(ValueError::at(
                range,
                "`calendar` cannot follow a business duration: business time is never wall-clock time",
                EXPECTED,
            ));
        }
        return text.business(&tokens, pos);
    }
    text.sum(&tokens, calendar)
}

/// The trimmed duration text and its offset inside the string given to the parser, so that
/// error ranges point into the original string.
struct Text<'a> {
    text: &'a str,
    lead: usize,
}

impl<'a> Text<'a> {
    /// The written text at `range` (a range in the original string).
    fn part(&self, range: &Range<usize>) -> &'a str {
        self.text
            .get(range.start.saturating_sub(self.lead)..range.end.saturating_sub(self.lead))
            .unwrap_or(self.text)
    }

    /// Split the text into numbers and words, rejecting signs, symbols and non-ASCII digits.
    fn tokenize(&self) -> Result<Vec<Token<'a>>, ValueError> {
        let (text, lead) = (self.text, self.lead);
        let mut tokens = Vec::new();
        let mut pos = 0;
        while let Some(c) = text[pos..].chars().next() {
            let start = pos;
            if c.is_whitespace() {
                pos += c.len_utf8();
            } else if c.is_ascii_digit() {
                pos = skip_digits(text, pos);
                let digits = &text[start..pos];
                let mut fraction = None;
                if let Some(sep @ ('.' | ',')) = text[pos..].chars().next() {
                    let after = skip_digits(text, pos + 1);
                    if after == pos + 1 {
                        return Err(ValueError::at(
                            lead + pos..lead + pos + 1,
                            format!("unexpected `{sep}` after `{digits}`"),
                            EXPECTED,
                        ));
                    }
                    fraction = Some(&text[pos + 1..after]);
                    pos = after;
                }
                tokens.push(Token::Number {
                    digits,
                    range: lead + start..lead + pos,
                    fraction,
                });
            } else if is_word_char(c) {
                while let Some(c) = text[pos..].chars().next().filter(|&c| is_word_char(c)) {
                    pos += c.len_utf8();
                }
                tokens.push(Token::Word {
                    text: &text[start..pos],
                    range: lead + start..lead + pos,
                });
            } else {
                let range = lead + start..lead + start + c.len_utf8();
                let message = if c == '-' && tokens.is_empty() {
                    "negative durations are not allowed: remove the `-`".to_owned()
                } else if c.is_numeric() {
                    format!("`{c}` is not a digit 0-9: write numbers with ASCII digits")
                } else {
                    format!("unexpected `{c}`")
                };
                return Err(ValueError::at(range, message, EXPECTED));
            }
        }
        Ok(tokens)
    }

    /// `N business UNIT`.
    fn business(&self, tokens: &[Token<'a>], pos: usize) -> Result<Duration, ValueError> {
        let (
            1,
            [
                Token::Number {
                    digits,
                    range,
                    fraction,
                },
                Token::Word { .. },
                Token::Word {
                    text: word,
                    range: unit_range,
                },
            ],
        ) = (pos, tokens)
        else {
            return Err(ValueError::at(
                tokens[pos].range(),
                "`business` goes between one number and its unit, as in `8 business hours` or `2 business days`",
                EXPECTED,
            ));
        };
        let unit = unit(word, unit_range)?;
        let pair = range.start..unit_range.end;
        if unit < Unit::Day {
            return Err(ValueError::at(
                unit_range.clone(),
                format!("business durations count minutes, hours or days, not `{word}`"),
                EXPECTED,
            ));
        }
        if let Some(frac) = fraction {
            let suggestion = (unit > Unit::Day)
                .then(|| fraction_value(digits, frac, unit.seconds()))
                .flatten()
                .map(|seconds| Duration::BusinessTime { seconds });
            return Err(fraction_error(pair.clone(), self.part(&pair), suggestion));
        }
        let n = number_value(digits, range)?;
        if n == 0 {
            return Err(self.zero());
        }
        if unit == Unit::Day {
            let days = u32::try_from(n).map_err(|_| too_large(range.clone(), digits))?;
            return Ok(Duration::BusinessDays(days));
        }
        let per = unit.seconds().expect("hours, minutes and seconds have a fixed length");
        let seconds = n
            .checked_mul(per)
            .ok_or_else(|| too_large(pair.clone(), self.part(&pair)))?;
        Ok(Duration::BusinessTime { seconds })
    }

    /// A sum of `number unit` pairs (`1h30m`, `2 days`, `1 year 6 months`) and the optional
    /// `calendar` flag.
    fn sum(&self, tokens: &[Token<'a>], calendar: Option<Range<usize>>) -> Result<Duration, ValueError> {
        let mut seconds: u64 = 0;
        let mut months: u32 = 0;
        // The first pair of each kind, so that mixing months with fixed units names both.
        let mut first_clock: Option<Range<usize>> = None;
        let mut first_months: Option<Range<usize>> = None;
        let mut previous: Option<(Unit, &str)> = None;
        let mut rest = tokens;
        while let Some(first) = rest.first() {
            let Token::Number {
                digits,
                range,
                fraction,
            } = first
            else {
                let word = first.word().unwrap_or_default();
                let message = if word == "calendar" {
                    "`calendar` must come last, as in `30m calendar`".to_owned()
                } else if Unit::from_word(word).is_some() {
                    format!("missing number before `{word}`")
                } else {
                    format!("expected a number, found `{word}`")
                };
                return Err(ValueError::at(first.range(), message, EXPECTED));
            };
            let Some(Token::Word {
                text: word,
                range: unit_range,
            }) = rest.get(1).filter(|t| t.word() != Some("calendar"))
            else {
                return Err(ValueError::at(
                    range.clone(),
                    format!("missing unit after `{digits}`"),
                    EXPECTED,
                ));
            };
            rest = &rest[2..];
            let unit = unit(word, unit_range)?;
            let pair = range.start..unit_range.end;
            let is_months = unit.months().is_some();
            if let Some(other) = if is_months { &first_clock } else { &first_months } {
                return Err(ValueError::at(
                    pair.clone(),
                    format!(
                        "`{}` cannot be added to `{}`: months have no fixed length, so they do not mix with weeks, days, hours, minutes or seconds",
                        self.part(&pair),
                        self.part(other)
                    ),
                    EXPECTED,
                ));
            }
            if let Some((prev, prev_word)) = previous {
                if prev == unit {
                    return Err(ValueError::at(
                        unit_range.clone(),
                        format!("the unit `{word}` appears twice"),
                        EXPECTED,
                    ));
                }
                if prev > unit {
                    return Err(ValueError::at(
                        unit_range.clone(),
                        format!("`{word}` after `{prev_word}`: write larger units first, as in `1h30m`"),
                        EXPECTED,
                    ));
                }
            }
            previous = Some((unit, word));
            if let Some(frac) = fraction {
                let suggestion = match unit.months() {
                    Some(per) => fraction_value(digits, frac, Some(u64::from(per)))
                        .and_then(|m| u32::try_from(m).ok())
                        .map(Duration::Months),
                    None => fraction_value(digits, frac, unit.seconds()).map(|seconds| Duration::Clock {
                        seconds,
                        calendar: false,
                    }),
                };
                return Err(fraction_error(pair.clone(), self.part(&pair), suggestion));
            }
            let n = number_value(digits, range)?;
            let overflow = || too_large(pair.clone(), self.part(&pair));
            if let Some(per) = unit.months() {
                first_months.get_or_insert(pair.clone());
                months = u32::try_from(n)
                    .ok()
                    .and_then(|n| n.checked_mul(per))
                    .and_then(|m| m.checked_add(months))
                    .ok_or_else(overflow)?;
            } else {
                first_clock.get_or_insert(pair.clone());
                let per = unit
                    .seconds()
                    .expect("every unit but months and years has a fixed length");
                seconds = n
                    .checked_mul(per)
                    .and_then(|s| s.checked_add(seconds))
                    .ok_or_else(overflow)?;
            }
        }
        if first_months.is_some() {
            if let Some(range) = calendar {
                return Err(ValueError::at(
                    range,
                    "`calendar` applies to weeks, days, hours, minutes and seconds, not to months",
                    EXPECTED,
                ));
            }
            if months == 0 {
                return Err(self.zero());
            }
            return Ok(Duration::Months(months));
        }
        if seconds == 0 {
            return Err(self.zero());
        }
        Ok(Duration::Clock {
            seconds,
            calendar: calendar.is_some(),
        })
    }

    fn zero(&self) -> ValueError {
        ValueError::new(
            format!("`{}` is zero: a duration must be longer than zero", self.text),
            EXPECTED,
        )
    }
}

/// Whether `c` belongs to a word: an ASCII letter, or any non-ASCII character but spaces and
/// digits (so that `Stunden`, `ชั่วโมง` and `h€` are each named whole as an unknown unit).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphabetic() || (!c.is_ascii() && !c.is_whitespace() && !c.is_numeric())
}

/// The byte position after the ASCII digits starting at `pos`.
fn skip_digits(text: &str, pos: usize) -> usize {
    pos + text
        .as_bytes()
        .get(pos..)
        .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
}

/// Look up a unit word, or explain why it is not one.
fn unit(word: &str, range: &Range<usize>) -> Result<Unit, ValueError> {
    if let Some(unit) = Unit::from_word(word) {
        return Ok(unit);
    }
    let lower = word.to_lowercase();
    let hint = if Unit::from_word(&lower).is_some() {
        format!("; units are lower case: `{lower}`")
    } else if lower.starts_with("mo") || lower.starts_with("mth") {
        "; did you mean `months`?".to_owned()
    } else {
        // Single letters are left out of the suggestions: `mo` is not a typo of `m`.
        crate::suggest::did_you_mean(word, UNIT_WORDS.iter().map(|(w, _)| *w).filter(|w| w.len() > 1))
    };
    Err(ValueError::at(
        range.clone(),
        format!("unknown unit `{word}`{hint}"),
        EXPECTED,
    ))
}

/// The value of a run of ASCII digits.
fn number_value(digits: &str, range: &Range<usize>) -> Result<u64, ValueError> {
    digits.parse::<u64>().map_err(|_| too_large(range.clone(), digits))
}

/// `int.frac` times `per`, when that is a positive whole number.
fn fraction_value(int: &str, frac: &str, per: Option<u64>) -> Option<u64> {
    let per = u128::from(per?);
    let scale = 10u128.checked_pow(u32::try_from(frac.len()).ok()?)?;
    let int: u128 = int.parse().ok()?;
    let frac: u128 = frac.parse().ok()?;
    let scaled = int.checked_mul(scale)?.checked_add(frac)?.checked_mul(per)?;
    if scaled % scale != 0 {
        return None;
    }
    u64::try_from(scaled / scale).ok().filter(|&n| n > 0)
}

fn fraction_error(range: Range<usize>, written: &str, suggestion: Option<Duration>) -> ValueError {
    let message = match suggestion {
        Some(d) => format!("fractions are not allowed: write `{d}` instead of `{written}`"),
        None => format!("fractions are not allowed in `{written}`: write a whole number of units"),
    };
    ValueError::at(range, message, EXPECTED)
}

fn too_large(range: Range<usize>, written: &str) -> ValueError {
    ValueError::at(range, format!("`{written}` is too large"), EXPECTED)
}

impl fmt::Display for Duration {
    /// The canonical form: `2m`, `4h`, `1h30m`, `2 days`, `2 weeks`, `6 months`, `1 year`,
    /// `8 business hours`, `90 business minutes`, `2 business days`, `30m calendar`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Duration::Clock { seconds, calendar } => {
                if seconds > 0 && seconds % WEEK == 0 {
                    write_count(f, seconds / WEEK, "week")?;
                } else if seconds > 0 && seconds % DAY == 0 {
                    write_count(f, seconds / DAY, "day")?;
                } else {
                    let (h, m, s) = (seconds / HOUR, seconds % HOUR / MINUTE, seconds % MINUTE);
                    if h > 0 {
                        write!(f, "{h}h")?;
                    }
                    if m > 0 {
                        write!(f, "{m}m")?;
                    }
                    if s > 0 || seconds == 0 {
                        write!(f, "{s}s")?;
                    }
                }
                if calendar {
                    f.write_str(" calendar")?;
                }
                Ok(())
            }
            Duration::Months(m) if m > 0 && m % 12 == 0 => write_count(f, u64::from(m / 12), "year"),
            Duration::Months(m) => write_count(f, u64::from(m), "month"),
            Duration::BusinessTime { seconds } if seconds % HOUR == 0 => {
                write_count(f, seconds / HOUR, "business hour")
            }
            Duration::BusinessTime { seconds } if seconds % MINUTE == 0 => {
                write_count(f, seconds / MINUTE, "business minute")
            }
            Duration::BusinessTime { seconds } => write_count(f, seconds, "business second"),
            Duration::BusinessDays(d) => write_count(f, u64::from(d), "business day"),
        }
    }
}

/// `1 day`, `2 days`.
fn write_count(f: &mut fmt::Formatter<'_>, n: u64, unit: &str) -> fmt::Result {
    if n == 1 {
        write!(f, "1 {unit}")
    } else {
        write!(f, "{n} {unit}s")
    }
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

    fn clock(seconds: u64) -> Duration {
        Duration::Clock {
            seconds,
            calendar: false,
        }
    }

    fn ok(s: &str) -> Duration {
        parse_duration(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    /// The message and range of the error for `s`.
    fn err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_duration(s).expect_err(s);
        assert_eq!(e.expected, EXPECTED);
        (e.message, e.range)
    }

    #[test]
    fn clock_durations() {
        assert_eq!(ok("90s"), clock(90));
        assert_eq!(ok("15m"), clock(900));
        assert_eq!(ok("4h"), clock(4 * 3600));
        assert_eq!(ok("1h30m"), clock(5400));
        assert_eq!(ok("1h 30m"), clock(5400));
        assert_eq!(ok("1 hour 30 minutes"), clock(5400));
        assert_eq!(ok("2 days"), clock(2 * DAY));
        assert_eq!(ok("1 day"), clock(DAY));
        assert_eq!(ok("2d"), clock(2 * DAY));
        assert_eq!(ok("1 week"), clock(WEEK));
        assert_eq!(ok("2 weeks"), clock(2 * WEEK));
        assert_eq!(ok("2w"), clock(2 * WEEK));
        assert_eq!(ok("1d 12h"), clock(36 * 3600));
        assert_eq!(ok("  4h\t"), clock(4 * 3600));
    }

    #[test]
    fn every_unit_word() {
        for (word, seconds) in [
            ("s", 1),
            ("sec", 1),
            ("second", 1),
            ("seconds", 1),
            ("m", 60),
            ("min", 60),
            ("minute", 60),
            ("minutes", 60),
            ("h", 3600),
            ("hr", 3600),
            ("hour", 3600),
            ("hours", 3600),
            ("d", DAY),
            ("day", DAY),
            ("days", DAY),
            ("w", WEEK),
            ("week", WEEK),
            ("weeks", WEEK),
        ] {
            assert_eq!(ok(&format!("3{word}")), clock(3 * seconds), "{word}");
            assert_eq!(ok(&format!("3 {word}")), clock(3 * seconds), "{word}");
        }
        for (word, months) in [("month", 1), ("months", 1), ("y", 12), ("year", 12), ("years", 12)] {
            assert_eq!(ok(&format!("2 {word}")), Duration::Months(2 * months), "{word}");
        }
    }

    #[test]
    fn months_and_years() {
        assert_eq!(ok("6 months"), Duration::Months(6));
        assert_eq!(ok("1 month"), Duration::Months(1));
        assert_eq!(ok("1 year"), Duration::Months(12));
        assert_eq!(ok("2 years"), Duration::Months(24));
        assert_eq!(ok("1y"), Duration::Months(12));
        assert_eq!(ok("1 year 6 months"), Duration::Months(18));
    }

    #[test]
    fn business_time_and_days() {
        assert_eq!(ok("8 business hours"), Duration::BusinessTime { seconds: 8 * 3600 });
        assert_eq!(ok("1 business hour"), Duration::BusinessTime { seconds: 3600 });
        assert_eq!(ok("90 business minutes"), Duration::BusinessTime { seconds: 5400 });
        assert_eq!(ok("8 business h"), Duration::BusinessTime { seconds: 8 * 3600 });
        assert_eq!(ok("2 business days"), Duration::BusinessDays(2));
        assert_eq!(ok("1 business day"), Duration::BusinessDays(1));
    }

    #[test]
    fn calendar_suffix() {
        assert_eq!(
            ok("30m calendar"),
            Duration::Clock {
                seconds: 1800,
                calendar: true
            }
        );
        assert_eq!(
            ok("2 days calendar"),
            Duration::Clock {
                seconds: 2 * DAY,
                calendar: true
            }
        );
        assert_eq!(
            ok("1h30m  calendar "),
            Duration::Clock {
                seconds: 5400,
                calendar: true
            }
        );
    }

    #[test]
    fn seconds_of_fixed_lengths_only() {
        assert_eq!(ok("4h").seconds(), Some(14_400));
        assert_eq!(ok("30m calendar").seconds(), Some(1800));
        assert_eq!(ok("8 business hours").seconds(), Some(28_800));
        assert_eq!(ok("6 months").seconds(), None);
        assert_eq!(ok("2 business days").seconds(), None);
    }

    #[test]
    fn display_is_canonical() {
        for (input, shown) in [
            ("2m", "2m"),
            ("120s", "2m"),
            ("4h", "4h"),
            ("90m", "1h30m"),
            ("1h 30m", "1h30m"),
            ("90s", "1m30s"),
            ("1h0m5s", "1h5s"),
            ("48h", "2 days"),
            ("1 day", "1 day"),
            ("36h", "36h"),
            ("14 days", "2 weeks"),
            ("1w", "1 week"),
            ("6 months", "6 months"),
            ("1 month", "1 month"),
            ("12 months", "1 year"),
            ("2y", "2 years"),
            ("1 year 6 months", "18 months"),
            ("8 business hours", "8 business hours"),
            ("1 business hour", "1 business hour"),
            ("90 business minutes", "90 business minutes"),
            ("45 business seconds", "45 business seconds"),
            ("2 business days", "2 business days"),
            ("1 business day", "1 business day"),
            ("30m calendar", "30m calendar"),
            ("1 day calendar", "1 day calendar"),
        ] {
            let d = ok(input);
            assert_eq!(d.to_string(), shown, "{input}");
            assert_eq!(ok(shown), d, "`{shown}` parses back");
        }
        assert_eq!(clock(0).to_string(), "0s");
    }

    #[test]
    fn empty_and_zero() {
        assert_eq!(err(""), ("the duration is empty".into(), None));
        assert_eq!(err("   "), ("the duration is empty".into(), None));
        assert_eq!(
            err("0m"),
            ("`0m` is zero: a duration must be longer than zero".into(), None)
        );
        assert_eq!(
            err(" 0h 0m "),
            ("`0h 0m` is zero: a duration must be longer than zero".into(), None)
        );
        assert_eq!(err("0 months").1, None);
        assert_eq!(err("0 business hours").1, None);
        assert_eq!(err("0 business days").1, None);
    }

    #[test]
    fn negative() {
        assert_eq!(
            err("-4h"),
            ("negative durations are not allowed: remove the `-`".into(), Some(0..1))
        );
        assert_eq!(err("  - 4h").1, Some(2..3));
        assert_eq!(err("4h -30m"), ("unexpected `-`".into(), Some(3..4)));
    }

    #[test]
    fn fractions_suggest_whole_units() {
        assert_eq!(
            err("1.5h"),
            (
                "fractions are not allowed: write `1h30m` instead of `1.5h`".into(),
                None
            )
        );
        assert_eq!(
            err("1,5h"),
            (
                "fractions are not allowed: write `1h30m` instead of `1,5h`".into(),
                None
            )
        );
        assert_eq!(err("1.5h calendar").1, Some(0..4));
        assert_eq!(
            err("0.5 days").0,
            "fractions are not allowed: write `12h` instead of `0.5 days`"
        );
        assert_eq!(
            err("1.5 years").0,
            "fractions are not allowed: write `18 months` instead of `1.5 years`"
        );
        assert_eq!(
            err("2h 0.5m"),
            (
                "fractions are not allowed: write `30s` instead of `0.5m`".into(),
                Some(3..7)
            )
        );
        assert_eq!(
            err("1.5 business hours").0,
            "fractions are not allowed: write `90 business minutes` instead of `1.5 business hours`"
        );
        assert_eq!(
            err("1.5 months"),
            (
                "fractions are not allowed in `1.5 months`: write a whole number of units".into(),
                None
            )
        );
        assert_eq!(
            err("0.1s").0,
            "fractions are not allowed in `0.1s`: write a whole number of units"
        );
        assert_eq!(
            err("1.5 business days").0,
            "fractions are not allowed in `1.5 business days`: write a whole number of units"
        );
        assert_eq!(err("1. h"), ("unexpected `.` after `1`".into(), Some(1..2)));
    }

    #[test]
    fn months_do_not_mix_with_clock_units() {
        assert_eq!(
            err("6 months 2 days"),
            (
                "`2 days` cannot be added to `6 months`: months have no fixed length, so they do not mix with weeks, days, hours, minutes or seconds"
                    .into(),
                Some(9..15)
            )
        );
        assert_eq!(err("1w 1 month").1, Some(3..10));
        assert_eq!(
            err("1 year 4h").0.split(':').next(),
            Some("`4h` cannot be added to `1 year`")
        );
    }

    #[test]
    fn unknown_units_are_named_and_located() {
        assert_eq!(
            err("4 hrs"),
            ("unknown unit `hrs`; did you mean `hr`?".into(), Some(2..5))
        );
        assert_eq!(err("4 Stunden"), ("unknown unit `Stunden`".into(), Some(2..9)));
        assert_eq!(
            err("6mo"),
            ("unknown unit `mo`; did you mean `months`?".into(), Some(1..3))
        );
        assert_eq!(
            err("4H"),
            ("unknown unit `H`; units are lower case: `h`".into(), Some(1..2))
        );
        assert_eq!(err("2 Days").0, "unknown unit `Days`; units are lower case: `days`");
        assert_eq!(err("1 mins").0, "unknown unit `mins`; did you mean `min`?");
        assert_eq!(err("3 dias").1, Some(2..6));
        // Byte ranges count bytes, not characters.
        assert_eq!(err("4 häuser").1, Some(2..9));
    }

    #[test]
    fn structure_errors() {
        assert_eq!(err("90"), ("missing unit after `90`".into(), None));
        assert_eq!(err("1h30"), ("missing unit after `30`".into(), Some(2..4)));
        assert_eq!(err("1 2h"), ("missing unit after `1`".into(), Some(0..1)));
        assert_eq!(err("h"), ("missing number before `h`".into(), None));
        assert_eq!(err("4h h"), ("missing number before `h`".into(), Some(3..4)));
        assert_eq!(err("hrs"), ("expected a number, found `hrs`".into(), None));
        assert_eq!(err("about 4h"), ("expected a number, found `about`".into(), Some(0..5)));
        assert_eq!(
            err("30m 1h"),
            (
                "`h` after `m`: write larger units first, as in `1h30m`".into(),
                Some(5..6)
            )
        );
        assert_eq!(err("1h 1h"), ("the unit `h` appears twice".into(), Some(4..5)));
        assert_eq!(err("1 hour 2h"), ("the unit `h` appears twice".into(), Some(8..9)));
        assert_eq!(err("4h, 30m"), ("unexpected `,`".into(), Some(2..3)));
        assert_eq!(err("4h+30m"), ("unexpected `+`".into(), Some(2..3)));
    }

    #[test]
    fn calendar_errors() {
        assert_eq!(
            err("calendar"),
            ("`calendar` must come last, as in `30m calendar`".into(), None)
        );
        assert_eq!(
            err("calendar 30m"),
            ("`calendar` must come last, as in `30m calendar`".into(), Some(0..8))
        );
        assert_eq!(err("4h calendar calendar").1, Some(3..11));
        assert_eq!(err("30 calendar"), ("missing unit after `30`".into(), Some(0..2)));
        assert_eq!(
            err("6 months calendar"),
            (
                "`calendar` applies to weeks, days, hours, minutes and seconds, not to months".into(),
                Some(9..17)
            )
        );
        assert_eq!(
            err("8 business hours calendar"),
            (
                "`calendar` cannot follow a business duration: business time is never wall-clock time".into(),
                Some(17..25)
            )
        );
    }

    #[test]
    fn business_errors() {
        let misplaced =
            "`business` goes between one number and its unit, as in `8 business hours` or `2 business days`";
        assert_eq!(err("business 8 hours"), (misplaced.into(), Some(0..8)));
        assert_eq!(err("8 hours business"), (misplaced.into(), Some(8..16)));
        assert_eq!(err("1h 2 business hours"), (misplaced.into(), Some(5..13)));
        assert_eq!(err("8 business"), (misplaced.into(), Some(2..10)));
        assert_eq!(
            err("2 business weeks"),
            (
                "business durations count minutes, hours or days, not `weeks`".into(),
                Some(11..16)
            )
        );
        assert_eq!(err("2 business months").1, Some(11..17));
        assert_eq!(
            err("2 business dayz"),
            ("unknown unit `dayz`; did you mean `day`?".into(), Some(11..15))
        );
    }

    #[test]
    fn overflow() {
        assert_eq!(
            err("99999999999999999999s"),
            ("`99999999999999999999` is too large".into(), Some(0..20))
        );
        assert_eq!(
            err("99999999999999999 weeks"),
            ("`99999999999999999 weeks` is too large".into(), None)
        );
        assert_eq!(
            err("1h 18446744073709551615s").0,
            "`18446744073709551615s` is too large"
        );
        assert_eq!(err("4294967296 months").0, "`4294967296 months` is too large");
        assert_eq!(err("400000000 years").0, "`400000000 years` is too large");
        assert_eq!(
            err("4294967296 business days"),
            ("`4294967296` is too large".into(), Some(0..10))
        );
        assert_eq!(err("9999999999999999 business hours").1, None);
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            err("๔h"),
            (
                "`๔` is not a digit 0-9: write numbers with ASCII digits".into(),
                Some(0..3)
            )
        );
        assert_eq!(err("4h ๓๐m").1, Some(3..6));
        assert_eq!(err("4 ชั่วโมง"), ("unknown unit `ชั่วโมง`".into(), Some(2..23)));
        assert_eq!(err("4h€"), ("unknown unit `h€`".into(), Some(1..5)));
        assert_eq!(err("€4h"), ("expected a number, found `€`".into(), Some(0..3)));
    }

    #[test]
    fn never_panics() {
        let alphabet = [
            "1", "0", ".", ",", " ", "-", "h", "m", "s", "d", "ä", "๔", "€", "business", "calendar", "months",
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("{a}{b}{c}");
                    if let Err(e) = parse_duration(&s)
                        && let Some(r) = e.range
                    {
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
