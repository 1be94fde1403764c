//! Targets: service targets `80% in 20s` and comparison targets `>= 90%`, `<= 2%`,
//! `>= 4.5`, `<= 24h`.

use super::{Duration, ValueError, parse_duration};
use std::fmt;
use std::ops::Range;

/// A success target of a metric or a staffing forecast.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// `80% in 20s`: that share of contacts answered within that time.
    Service { percent: f64, within: Duration },
    /// `>= 90%`: the measured value compared with a threshold.
    Compare { op: Comparison, value: Measure },
}

/// Comparison operator of a comparison target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    /// `>=`
    AtLeast,
    /// `<=`
    AtMost,
    /// `>`
    Above,
    /// `<`
    Below,
}

/// The threshold of a comparison target.
#[derive(Debug, Clone, PartialEq)]
pub enum Measure {
    Percent(f64),
    Number(f64),
    Duration(Duration),
}

/// The accepted forms, for the help line of every target error.
const EXPECTED: &str = "a target such as `80% in 20s`, `>= 90%`, `<= 2%`, `>= 4.5` or `<= 24h`";

/// Operators, two-character ones first so that `>=` is not read as `>`.
const OPERATORS: [(&str, Comparison); 4] = [
    (">=", Comparison::AtLeast),
    ("<=", Comparison::AtMost),
    (">", Comparison::Above),
    ("<", Comparison::Below),
];

impl Comparison {
    /// The operator as written: `>=`, `<=`, `>`, `<`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::AtLeast => ">=",
            Comparison::AtMost => "<=",
            Comparison::Above => ">",
            Comparison::Below => "<",
        }
    }
}

/// Parse a target: a service target `80% in 20s` (a share from 0% to 100% within a
/// duration), or a comparison `>= 90%`, `<= 2%`, `> 4.5`, `>=4.5`, `<= 24h` (the threshold is
/// a percentage from 0% to 100%, a number, or a duration).
pub fn parse_target(s: &str) -> Result<Target, ValueError> {
    target(s).map_err(|e| whole(e, s))
}

fn target(s: &str) -> Result<Target, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the target is empty", EXPECTED));
    }
    let at =
        |range: Range<usize>, message: String| ValueError::at(lead + range.start..lead + range.end, message, EXPECTED);
    if let Some(&(symbol, op)) = OPERATORS.iter().find(|(symbol, _)| text.starts_with(symbol)) {
        let value = measure(text, symbol.len(), lead)?;
        return Ok(Target::Compare { op, value });
    }
    let first = text.chars().next().expect("the text is not empty");
    let first_range = 0..first.len_utf8();
    match first {
        '≥' => return Err(at(first_range, "write `>=` instead of `≥`".to_owned())),
        '≤' => return Err(at(first_range, "write `<=` instead of `≤`".to_owned())),
        '=' => {
            let end = if text.starts_with("=>") || text.starts_with("=<") || text.starts_with("==") {
                2
            } else {
                1
            };
            return Err(at(
                0..end,
                format!("`{}` is not an operator: use `>=`, `<=`, `>` or `<`", &text[..end]),
            ));
        }
        c if c.is_ascii_digit() => {}
        c if c.is_numeric() => {
            return Err(at(
                first_range,
                format!("`{c}` is not a digit 0-9: write numbers with ASCII digits"),
            ));
        }
        _ => {
            let end = text.find(char::is_whitespace).unwrap_or(text.len());
            return Err(at(
                0..end,
                format!(
                    "expected a share such as `80%` or an operator such as `>=`, found `{}`",
                    &text[..end]
                ),
            ));
        }
    }
    // A service target: `P% in DURATION`.
    let number_end = number_end(text, 0);
    let number = &text[..number_end];
    let after = skip_spaces(text, number_end);
    if !text[after..].starts_with('%') {
        return Err(if text[after..].starts_with("in ") {
            at(
                0..number_end,
                format!("the share needs a percent sign: `{number}% in …`"),
            )
        } else if after == text.len() {
            at(
                0..number_end,
                format!(
                    "`{number}` needs a percent sign and a time, as in `{number}% in 20s`, or an operator, as in `>= {number}`"
                ),
            )
        } else {
            at(0..number_end, format!("expected `%` after `{number}`"))
        });
    }
    let percent_end = after + 1;
    let percent = percent_value(number).ok_or_else(|| at(0..percent_end, out_of_range(number)))?;
    let word_start = skip_spaces(text, percent_end);
    if word_start == text.len() {
        return Err(ValueError::new(
            format!("`{text}` needs a comparison or a time: `>= {number}%` or `{number}% in 20s`"),
            EXPECTED,
        ));
    }
    let word_end = text[word_start..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| word_start + i);
    let word = &text[word_start..word_end];
    if word != "in" {
        return Err(at(
            word_start..word_end,
            format!("expected `in` after `{number}%`, found `{word}`"),
        ));
    }
    let duration_start = skip_spaces(text, word_end);
    if duration_start == text.len() {
        return Err(at(
            word_start..word_end,
            "missing time after `in`, as in `80% in 20s`".to_owned(),
        ));
    }
    let within =
        parse_duration(&text[duration_start..]).map_err(|e| within(e, lead + duration_start..lead + text.len()))?;
    Ok(Target::Service { percent, within })
}

/// The threshold after the operator `text[..op_end]`; `lead` is where `text` starts in the
/// parsed string.
fn measure(text: &str, op_end: usize, lead: usize) -> Result<Measure, ValueError> {
    let at =
        |range: Range<usize>, message: String| ValueError::at(lead + range.start..lead + range.end, message, EXPECTED);
    let op = &text[..op_end];
    let start = skip_spaces(text, op_end);
    let value = &text[start..];
    if value.is_empty() {
        return Err(at(0..op_end, format!("missing value after `{op}`")));
    }
    if value.starts_with(['=', '<', '>']) {
        return Err(at(
            0..start + 1,
            format!(
                "`{}` is not an operator: use `>=`, `<=`, `>` or `<`",
                &text[..start + 1]
            ),
        ));
    }
    let digits_start = if value.starts_with('-') { start + 1 } else { start };
    if !text[digits_start..].starts_with(|c: char| c.is_ascii_digit()) {
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| start + i);
        let found = &text[start..end];
        return Err(at(
            start..end,
            format!("expected a percentage, a number or a duration after `{op}`, found `{found}`"),
        ));
    }
    let end = number_end(text, digits_start);
    let number = &text[start..end];
    if text[end..].starts_with(',') && text[end + 1..].starts_with(|c: char| c.is_ascii_digit()) {
        let frac_end = number_end(text, end + 1);
        return Err(at(
            end..end + 1,
            format!("use `.` as the decimal point: `{number}.{}`", &text[end + 1..frac_end]),
        ));
    }
    let rest = skip_spaces(text, end);
    if rest == text.len() {
        // A string of hundreds of digits parses as infinity rather than failing.
        let n = number
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| at(start..end, format!("`{number}` is too large")))?;
        return Ok(Measure::Number(n));
    }
    if text[rest..].starts_with('%') {
        if rest + 1 != text.len() {
            let extra = text[rest + 1..].trim_start();
            let extra_start = text.len() - extra.len();
            return Err(at(
                extra_start..text.len(),
                format!("unexpected `{extra}` after the percentage"),
            ));
        }
        return percent_value(number)
            .map(Measure::Percent)
            .ok_or_else(|| at(start..rest + 1, out_of_range(number)));
    }
    if digits_start != start {
        return Err(at(
            start..start + 1,
            "a duration cannot be negative: remove the `-`".to_owned(),
        ));
    }
    parse_duration(value)
        .map(Measure::Duration)
        .map_err(|e| within(e, lead + start..lead + text.len()))
}

/// A share written as `number%`, when it lies between 0 and 100.
fn percent_value(number: &str) -> Option<f64> {
    number.parse::<f64>().ok().filter(|p| (0.0..=100.0).contains(p))
}

fn out_of_range(number: &str) -> String {
    format!("`{number}%` is not a share from 0% to 100%")
}

/// The position after the digits and an optional `.digits` starting at `pos`.
fn number_end(text: &str, pos: usize) -> usize {
    let digits = |pos: usize| {
        text.as_bytes()
            .get(pos..)
            .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let end = pos + digits(pos);
    if text[end..].starts_with('.') && digits(end + 1) > 0 {
        end + 1 + digits(end + 1)
    } else {
        end
    }
}

/// The position after the whitespace starting at `pos`.
fn skip_spaces(text: &str, pos: usize) -> usize {
    text.len() - text[pos..].trim_start().len()
}

/// An error of the duration parser, moved to where the duration `part` is inside the target
/// (an error about the whole duration points at all of `part`).
fn within(mut e: ValueError, part: Range<usize>) -> ValueError {
    e.range = Some(
        e.range
            .map_or(part.clone(), |r| r.start + part.start..r.end + part.start),
    );
    e
}

impl fmt::Display for Comparison {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

impl fmt::Display for Measure {
    /// `90%`, `4.5`, `24h`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Measure::Percent(p) => write!(f, "{p}%"),
            Measure::Number(n) => write!(f, "{n}"),
            Measure::Duration(d) => write!(f, "{d}"),
        }
    }
}

impl fmt::Display for Target {
    /// `80% in 20s`, `>= 90%`, `<= 24h`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::Service { percent, within } => write!(f, "{percent}% in {within}"),
            Target::Compare { op, value } => write!(f, "{op} {value}"),
        }
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

    fn ok(s: &str) -> Target {
        parse_target(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    /// The message and range of the error for `s`, which must list the target forms.
    fn err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_target(s).expect_err(s);
        assert_eq!(e.expected, EXPECTED);
        (e.message, e.range)
    }

    fn compare(op: Comparison, value: Measure) -> Target {
        Target::Compare { op, value }
    }

    fn clock(seconds: u64) -> Duration {
        Duration::Clock {
            seconds,
            calendar: false,
        }
    }

    #[test]
    fn service_targets() {
        assert_eq!(
            ok("80% in 20s"),
            Target::Service {
                percent: 80.0,
                within: clock(20)
            }
        );
        assert_eq!(
            ok("90% in 4h"),
            Target::Service {
                percent: 90.0,
                within: clock(4 * 3600)
            }
        );
        assert_eq!(
            ok(" 95.5 %  in  1h30m "),
            Target::Service {
                percent: 95.5,
                within: clock(5400)
            }
        );
        assert_eq!(
            ok("100% in 2 business days"),
            Target::Service {
                percent: 100.0,
                within: Duration::BusinessDays(2)
            }
        );
        assert_eq!(
            ok("0% in 1m"),
            Target::Service {
                percent: 0.0,
                within: clock(60)
            }
        );
    }

    #[test]
    fn comparison_targets() {
        assert_eq!(ok(">= 90%"), compare(Comparison::AtLeast, Measure::Percent(90.0)));
        assert_eq!(ok("<= 2%"), compare(Comparison::AtMost, Measure::Percent(2.0)));
        assert_eq!(ok("> 4.5"), compare(Comparison::Above, Measure::Number(4.5)));
        assert_eq!(ok(">=4.5"), compare(Comparison::AtLeast, Measure::Number(4.5)));
        assert_eq!(ok("< 3"), compare(Comparison::Below, Measure::Number(3.0)));
        assert_eq!(ok(">= -10"), compare(Comparison::AtLeast, Measure::Number(-10.0)));
        assert_eq!(
            ok("<= 24h"),
            compare(Comparison::AtMost, Measure::Duration(clock(86_400)))
        );
        assert_eq!(
            ok("<= 2 days"),
            compare(Comparison::AtMost, Measure::Duration(clock(2 * 86_400)))
        );
        assert_eq!(
            ok("<= 8 business hours"),
            compare(
                Comparison::AtMost,
                Measure::Duration(Duration::BusinessTime { seconds: 28_800 })
            )
        );
        assert_eq!(ok(">= 100%"), compare(Comparison::AtLeast, Measure::Percent(100.0)));
    }

    #[test]
    fn display_is_canonical() {
        for (input, shown) in [
            ("80% in 20s", "80% in 20s"),
            ("80 % in 1h 30m", "80% in 1h30m"),
            (">= 90%", ">= 90%"),
            ("<=2%", "<= 2%"),
            ("> 4.5", "> 4.5"),
            ("<3", "< 3"),
            (">= -10", ">= -10"),
            ("<= 4h", "<= 4h"),
            ("<= 24h", "<= 1 day"),
        ] {
            let target = ok(input);
            assert_eq!(target.to_string(), shown, "{input}");
            assert_eq!(ok(shown), target, "`{shown}` parses back");
        }
    }

    #[test]
    fn percent_out_of_range() {
        assert_eq!(
            err("120% in 20s"),
            ("`120%` is not a share from 0% to 100%".into(), Some(0..4))
        );
        assert_eq!(
            err(">= 101%"),
            ("`101%` is not a share from 0% to 100%".into(), Some(3..7))
        );
        assert_eq!(
            err(">= -5%"),
            ("`-5%` is not a share from 0% to 100%".into(), Some(3..6))
        );
    }

    #[test]
    fn service_target_errors() {
        assert_eq!(
            err("80 in 20s"),
            ("the share needs a percent sign: `80% in …`".into(), Some(0..2))
        );
        assert_eq!(
            err("80"),
            (
                "`80` needs a percent sign and a time, as in `80% in 20s`, or an operator, as in `>= 80`".into(),
                None
            )
        );
        assert_eq!(err("80 percent"), ("expected `%` after `80`".into(), Some(0..2)));
        assert_eq!(
            err("80%"),
            (
                "`80%` needs a comparison or a time: `>= 80%` or `80% in 20s`".into(),
                None
            )
        );
        assert_eq!(
            err("80% within 20s"),
            ("expected `in` after `80%`, found `within`".into(), Some(4..10))
        );
        assert_eq!(
            err("80% in"),
            ("missing time after `in`, as in `80% in 20s`".into(), Some(4..6))
        );
    }

    #[test]
    fn duration_errors_point_into_the_target() {
        let e = parse_target("80% in 20 Stunden").expect_err("unknown unit");
        assert_eq!((e.message.as_str(), e.range), ("unknown unit `Stunden`", Some(10..17)));
        assert!(e.expected.starts_with("a duration"));
        let e = parse_target("<= 0h").expect_err("zero");
        assert_eq!(
            (e.message.as_str(), e.range),
            ("`0h` is zero: a duration must be longer than zero", Some(3..5))
        );
        let e = parse_target(" <= 1.5h").expect_err("fraction");
        assert_eq!(e.range, Some(4..8));
        assert_eq!(
            err(">= -3h"),
            ("a duration cannot be negative: remove the `-`".into(), Some(3..4))
        );
    }

    #[test]
    fn operator_errors() {
        assert_eq!(err(""), ("the target is empty".into(), None));
        assert_eq!(err("≥ 90%"), ("write `>=` instead of `≥`".into(), Some(0..3)));
        assert_eq!(err("≤ 2%"), ("write `<=` instead of `≤`".into(), Some(0..3)));
        assert_eq!(
            err("= 90%"),
            ("`=` is not an operator: use `>=`, `<=`, `>` or `<`".into(), Some(0..1))
        );
        assert_eq!(err("=> 90%").1, Some(0..2));
        assert_eq!(err("== 90%").1, Some(0..2));
        assert_eq!(
            err(">>= 3"),
            ("`>>` is not an operator: use `>=`, `<=`, `>` or `<`".into(), Some(0..2))
        );
        assert_eq!(err(">="), ("missing value after `>=`".into(), None));
        assert_eq!(err(">=  "), ("missing value after `>=`".into(), None));
        assert_eq!(
            err(">= abc"),
            (
                "expected a percentage, a number or a duration after `>=`, found `abc`".into(),
                Some(3..6)
            )
        );
        assert_eq!(
            err("x"),
            (
                "expected a share such as `80%` or an operator such as `>=`, found `x`".into(),
                None
            )
        );
        assert_eq!(err("at least 90%").1, Some(0..2));
    }

    #[test]
    fn value_errors() {
        assert_eq!(
            err(">= 1,5"),
            ("use `.` as the decimal point: `1.5`".into(), Some(4..5))
        );
        assert_eq!(
            err(">= 90% x"),
            ("unexpected `x` after the percentage".into(), Some(7..8))
        );
        let e = parse_target(">= 4.5x").expect_err("unit");
        assert_eq!((e.message.as_str(), e.range), ("unknown unit `x`", Some(6..7)));
    }

    #[test]
    fn huge_numbers_are_errors_not_infinity() {
        let digits = "9".repeat(400);
        assert_eq!(err(&format!(">= {digits}")).0, format!("`{digits}` is too large"));
        assert_eq!(ok(">= 1000000000"), compare(Comparison::AtLeast, Measure::Number(1e9)));
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            err("๘๐% in 20s"),
            (
                "`๘` is not a digit 0-9: write numbers with ASCII digits".into(),
                Some(0..3)
            )
        );
        assert_eq!(
            err(">= ๙๐%"),
            (
                "expected a percentage, a number or a duration after `>=`, found `๙๐%`".into(),
                Some(3..10)
            )
        );
        let e = parse_target("80% in ๔h").expect_err("thai digit");
        assert_eq!(e.range, Some(7..10));
    }

    #[test]
    fn never_panics() {
        let alphabet = ["80", "%", " ", "in", ">", "=", "<", "-", ".", ",", "4h", "≥", "๔", "ä"];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    for d in ["", " 20s", "%"] {
                        let s = format!("{a}{b}{c}{d}");
                        if let Err(e) = parse_target(&s)
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
}
