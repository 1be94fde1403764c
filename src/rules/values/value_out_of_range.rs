//! `value-out-of-range`: a number or duration is far outside what a contact centre can have.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A number or duration that reads correctly but lies outside the bounds a real
    /// contact centre can have. The bounds, and the fields they apply to:
    ///
    /// - `plan.horizon`: from 1 day to 3 years;
    /// - `plan.review.every`, `training[].every`: at most 5 years;
    /// - `channels[].response`, `profiles[].expects.response`, escalation steps' `after`,
    ///   `complaints[].resolve-within`, and the time of a service or metric target
    ///   (`80% in 20s`, `<= 24h`): at most 1 year;
    /// - `after-sales.warranty`: at most 50 years; `after-sales.returns.within`: at most 10
    ///   years;
    /// - `staffing[].handle-time`: at most 8 hours;
    /// - `staffing[].volume[].per-hour`: from 0 to 100000 contacts an hour;
    /// - `staffing[].concurrency`: from 1 to 10 conversations;
    /// - agents of a team or shift: from 0 to 10000;
    /// - amounts of money (authority limits, remedies, `order-value-cap`, installation
    ///   price): at most 1000000000000 (10¹²) units of the currency;
    /// - the number of a metric target (`>= 4.5`): at most 1000000000 either way.
    ///
    /// A year counts as 366 days for a duration written in weeks, days, hours or business
    /// time, and as 12 months for one written in months or years.
    ///
    /// ## Why it matters
    ///
    /// Such a value is almost always a slip (`99999 days` for `9 days`, `1e9` for `100`), and
    /// the checks would act on it literally: a horizon of centuries is evaluated day by day,
    /// a million contacts an hour asks Erlang C for millions of agents. The value is left
    /// out of the plan, like one that cannot be read, so the checks stay fast and no
    /// finding is drawn from it.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// staffing:
    ///   - channel: phone
    ///     handle-time: 99999 days     # a handle time must be at most 8 hours
    ///     volume: [{ hours: { mon-fri: 08:00-18:00 }, per-hour: 1e9 }]
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write the value that was meant (`handle-time: 6m`, `per-hour: 120`). A value that is
    /// really larger than a bound is beyond what the checks model: split the centre, or
    /// keep the figure outside the plan.
    pub static VALUE_OUT_OF_RANGE = "V011", "value-out-of-range", Values, Error,
        "a number or duration is outside the range a contact centre can have";
}
