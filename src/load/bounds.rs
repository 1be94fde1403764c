//! Plausible bounds on every number and duration of a plan, and the readers that enforce
//! them (`value-out-of-range`).
//!
//! A value outside its bounds is reported at the value and left out of the plan, as one
//! that cannot be read: the checks never see it, so a slip such as `99999 days` or
//! `per-hour: 1e9` neither stalls them (a horizon of centuries evaluated day by day, Erlang
//! C asked for millions of agents) nor draws findings from a figure nobody meant. The
//! bounds are generous: each is well beyond what a real contact centre has.

use super::node::{Node, Value};
use super::problem::{Problem, ProblemKind};
use super::reader::Reader;
use crate::model::values::{Amount, Duration, Measure, Target};
use crate::model::{Located, PlanPath};

const HOUR: u64 = 3_600;
const DAY: u64 = 86_400;
/// A year in days, for durations written in weeks, days, hours or business time: the
/// longest a calendar year can be, so that `366 days` is as good as `1 year`.
const YEAR: u64 = 366 * DAY;

/// The bounds of a duration field.
#[derive(Debug)]
pub struct DurationBound {
    /// The field in words, for messages: "a handle time".
    pub what: &'static str,
    /// The shortest allowed, in seconds, as written in messages; `None` for any length.
    pub min: Option<(u64, &'static str)>,
    /// The longest allowed, in seconds, for durations of fixed length, business time and
    /// business days (a business day counting as a day).
    pub max_seconds: u64,
    /// The longest allowed in calendar months, for `months` and `years`.
    pub max_months: u32,
    /// The longest allowed as written in messages: "8 hours".
    pub max_text: &'static str,
    /// What the field is, for the help line.
    pub help: &'static str,
}

/// `plan.horizon`: at least a day (shorter windows are rounded up to one anyway) and at
/// most three years: the check cost grows with every day of the window.
pub const HORIZON: DurationBound = DurationBound {
    what: "a horizon",
    min: Some((DAY, "1 day")),
    max_seconds: 3 * YEAR,
    max_months: 36,
    max_text: "3 years",
    help: "write how far ahead the date-based checks look from today, such as `90 days` or `1 year`",
};

/// `plan.review.every`.
pub const REVIEW_EVERY: DurationBound = DurationBound {
    what: "a review interval",
    min: None,
    max_seconds: 5 * YEAR,
    max_months: 60,
    max_text: "5 years",
    help: "write how often the plan is reviewed, such as `6 months` or `1 year`",
};

/// `training[].every`.
pub const TRAINING_EVERY: DurationBound = DurationBound {
    what: "a training interval",
    min: None,
    max_seconds: 5 * YEAR,
    max_months: 60,
    max_text: "5 years",
    help: "write how often the training is repeated, such as `12 months`",
};

/// `channels[].response`.
pub const RESPONSE: DurationBound = DurationBound {
    what: "a response promise",
    min: None,
    max_seconds: YEAR,
    max_months: 12,
    max_text: "1 year",
    help: "write the time to first response, such as `2m` or `8 business hours`",
};

/// `profiles[].expects.response`.
pub const EXPECTED_RESPONSE: DurationBound = DurationBound {
    what: "an accepted wait",
    min: None,
    max_seconds: YEAR,
    max_months: 12,
    max_text: "1 year",
    help: "write the longest wait the customers accept on written channels, such as `1 day`",
};

/// Escalation steps' `after`.
pub const ESCALATION_AFTER: DurationBound = DurationBound {
    what: "an escalation delay",
    min: None,
    max_seconds: YEAR,
    max_months: 12,
    max_text: "1 year",
    help: "write when the step takes over, such as `30m` or `1 business day`",
};

/// `complaints[].resolve-within`.
pub const RESOLVE_WITHIN: DurationBound = DurationBound {
    what: "a resolution promise",
    min: None,
    max_seconds: YEAR,
    max_months: 12,
    max_text: "1 year",
    help: "write the time within which a complaint is resolved, such as `5 days`",
};

/// `after-sales.warranty`.
pub const WARRANTY: DurationBound = DurationBound {
    what: "a warranty",
    min: None,
    max_seconds: 50 * YEAR,
    max_months: 600,
    max_text: "50 years",
    help: "write the warranty's length, such as `24 months` or `10 years`",
};

/// `after-sales.returns.within`.
pub const RETURNS: DurationBound = DurationBound {
    what: "a returns period",
    min: None,
    max_seconds: 10 * YEAR,
    max_months: 120,
    max_text: "10 years",
    help: "write the time within which customers may return a purchase, such as `30 days`",
};

/// `staffing[].handle-time`.
pub const HANDLE_TIME: DurationBound = DurationBound {
    what: "a handle time",
    min: None,
    max_seconds: 8 * HOUR,
    max_months: 0,
    max_text: "8 hours",
    help: "write the average time an agent spends on one contact, such as `6m`",
};

/// The time of a service target (`80% in 20s`) or a comparison (`<= 24h`).
pub const TARGET_TIME: DurationBound = DurationBound {
    what: "a target's time",
    min: None,
    max_seconds: YEAR,
    max_months: 12,
    max_text: "1 year",
    help: "write a target such as `80% in 20s` or `<= 24h`",
};

/// The bounds of a whole-number or decimal field.
#[derive(Debug)]
pub struct NumberBound {
    /// The field in words: "the agents of a shift".
    pub what: &'static str,
    /// The smallest allowed.
    pub min: f64,
    /// The largest allowed.
    pub max: f64,
    /// The unit after the range, with a leading space, or nothing.
    pub unit: &'static str,
    /// What the field is, for the help line.
    pub help: &'static str,
}

/// Agents of a team or of one of its shifts.
pub const AGENTS: NumberBound = NumberBound {
    what: "the agents of a shift",
    min: 0.0,
    max: 10_000.0,
    unit: "",
    help: "write the headcount on the rota during the shift; split a larger centre into several teams",
};

/// `staffing[].concurrency`: conversations one agent handles at once.
pub const CONCURRENCY: NumberBound = NumberBound {
    what: "a concurrency",
    min: 1.0,
    max: 10.0,
    unit: " conversations",
    help: "write how many chats one agent handles at once; two or three is usual",
};

/// `staffing[].volume[].per-hour`.
pub const PER_HOUR: NumberBound = NumberBound {
    what: "a volume",
    min: 0.0,
    max: 100_000.0,
    unit: " contacts an hour",
    help: "write the forecast contacts per hour, such as `120`",
};

/// The number of a comparison target (`>= 4.5`), either way.
const TARGET_NUMBER: f64 = 1e9;

/// The most money an amount may be, in units of its currency.
pub const MAX_MONEY_UNITS: i64 = 1_000_000_000_000;

impl Reader<'_> {
    /// A duration within `bound`.
    pub fn bounded_duration(
        &mut self,
        node: &Node,
        path: &PlanPath,
        bound: &DurationBound,
    ) -> Option<Located<Duration>> {
        let d = self.duration(node, path)?;
        self.duration_in(node, path, &d.value, bound).then_some(d)
    }

    /// Whether `d` lies within `bound`; reports it otherwise.
    fn duration_in(&mut self, node: &Node, path: &PlanPath, d: &Duration, bound: &DurationBound) -> bool {
        let (too_long, too_short) = match *d {
            Duration::Clock { seconds, .. } | Duration::BusinessTime { seconds } => (
                seconds > bound.max_seconds,
                bound.min.is_some_and(|(min, _)| seconds < min),
            ),
            Duration::BusinessDays(days) => (u64::from(days).saturating_mul(DAY) > bound.max_seconds, false),
            Duration::Months(months) => (months > bound.max_months, false),
        };
        if !(too_long || too_short) {
            return true;
        }
        let range = match bound.min {
            Some((_, min)) => format!("from {min} to {}", bound.max_text),
            None => format!("at most {}", bound.max_text),
        };
        let help = bound.help.to_owned();
        self.out_of_range(
            node,
            path,
            format!("{} must be {range}", bound.what),
            help,
            bound.max_text,
        );
        false
    }

    /// A whole number within `bound`.
    pub fn bounded_count(&mut self, node: &Node, path: &PlanPath, bound: &NumberBound) -> Option<Located<u32>> {
        match node.value {
            Value::Integer(i) => {
                if (bound.min..=bound.max).contains(&(i as f64)) {
                    let n = u32::try_from(i).ok()?;
                    return Some(Located::new(n, self.loc(node.span, path)));
                }
                self.number_out_of_range(node, path, bound);
                None
            }
            _ => {
                self.wrong_type(node, path, "a whole number", &bound.min.max(1.0).to_string());
                None
            }
        }
    }

    /// A number (whole or decimal) within `bound`; not-a-number and infinity are outside
    /// every bound.
    pub fn bounded_number(&mut self, node: &Node, path: &PlanPath, bound: &NumberBound) -> Option<Located<f64>> {
        let value = match node.value {
            Value::Integer(i) => i as f64,
            Value::Float(f) => f,
            _ => {
                self.wrong_type(node, path, "a number", "120");
                return None;
            }
        };
        if value.is_finite() && (bound.min..=bound.max).contains(&value) {
            return Some(Located::new(value, self.loc(node.span, path)));
        }
        self.number_out_of_range(node, path, bound);
        None
    }

    fn number_out_of_range(&mut self, node: &Node, path: &PlanPath, bound: &NumberBound) {
        let message = format!(
            "{} must be from {} to {}{}",
            bound.what, bound.min, bound.max, bound.unit
        );
        self.out_of_range(node, path, message, bound.help.to_owned(), &bound.max.to_string());
    }

    /// An amount whose money is at most [`MAX_MONEY_UNITS`]; percentages are judged by
    /// `percent-out-of-range`, which knows what each one is a share of.
    pub fn bounded_amount(&mut self, node: &Node, path: &PlanPath) -> Option<Located<Amount>> {
        let amount = self.amount(node, path)?;
        if let Amount::Money(money) = &amount.value
            && money.milli / 1000 > MAX_MONEY_UNITS
        {
            self.out_of_range(
                node,
                path,
                format!("an amount must be at most {MAX_MONEY_UNITS} units of its currency"),
                "write the amount in the currency's main unit, such as `50 EUR`".to_owned(),
                &MAX_MONEY_UNITS.to_string(),
            );
            return None;
        }
        Some(amount)
    }

    /// A target whose time and number lie within their bounds.
    pub fn bounded_target(&mut self, node: &Node, path: &PlanPath) -> Option<Located<Target>> {
        let target = self.target(node, path)?;
        let fits = match &target.value {
            Target::Service { within, .. }
            | Target::Compare {
                value: Measure::Duration(within),
                ..
            } => self.duration_in(node, path, within, &TARGET_TIME),
            Target::Compare {
                value: Measure::Number(n),
                ..
            } => {
                let fits = n.is_finite() && n.abs() <= TARGET_NUMBER;
                if !fits {
                    self.out_of_range(
                        node,
                        path,
                        format!("a target's number must be from -{TARGET_NUMBER} to {TARGET_NUMBER}"),
                        "write a target such as `>= 4.5` or `<= 2%`".to_owned(),
                        &TARGET_NUMBER.to_string(),
                    );
                }
                fits
            }
            Target::Compare {
                value: Measure::Percent(_),
                ..
            } => true,
        };
        fits.then_some(target)
    }

    /// Report a value outside its bounds: "`99999 days`: a handle time must be at most 8
    /// hours", quoting the value as written.
    fn out_of_range(&mut self, node: &Node, path: &PlanPath, rule: String, help: String, max: &str) {
        let written = self.written(node);
        let loc = self.loc(node.span, path);
        self.problems.push(
            Problem::new(ProblemKind::OutOfRange, &loc, format!("`{written}`: {rule}"))
                .help(help)
                .data("value", written)
                .data("max", max),
        );
    }

    /// A scalar as the file writes it (without quotes), cut short: a number such as `1e308`
    /// would otherwise be printed with all its digits.
    fn written(&self, node: &Node) -> String {
        let text = self.file.slice(node.span).trim();
        let text = text
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .or_else(|| text.strip_prefix('\'').and_then(|t| t.strip_suffix('\'')))
            .unwrap_or(text);
        let mut chars = text.chars();
        let head: String = chars.by_ref().take(40).collect();
        if chars.next().is_some() {
            format!("{head}…")
        } else {
            head
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each bound's months and seconds say the same length, so that `36 months` and `1096
    /// days` are both inside a bound of three years and neither form is favoured.
    #[test]
    fn month_and_day_limits_agree() {
        for bound in [
            &HORIZON,
            &REVIEW_EVERY,
            &TRAINING_EVERY,
            &RESPONSE,
            &EXPECTED_RESPONSE,
            &ESCALATION_AFTER,
            &RESOLVE_WITHIN,
            &WARRANTY,
            &RETURNS,
            &TARGET_TIME,
        ] {
            assert_eq!(
                u64::from(bound.max_months) * 366 * DAY / 12,
                bound.max_seconds,
                "{}",
                bound.what
            );
        }
        assert_eq!(HANDLE_TIME.max_months, 0);
    }
}
