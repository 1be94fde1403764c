//! `holiday-data-horizon`: the check window runs past the built-in holiday data.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::holidays;
use chrono::Datelike;

rule! {
    /// ## What it finds
    ///
    /// A check window (from `--today` for `plan.horizon`) that reaches a year the built-in
    /// public-holiday data does not cover (`plan --version --verbose` prints its years).
    ///
    /// ## Why it matters
    ///
    /// Outside the data, no day is a public holiday: coverage on Christmas Day or New Year's
    /// Day would look like any other weekday, and gaps on those days would go unreported.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   holidays: DE-BE
    ///   horizon: 2 years            # checked in 2040: runs into 2042
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Shorten the horizon, use a release of `plan` with newer holiday data, or list the
    /// dates yourself in an iCalendar file (`holidays: { ics: calendars/company.ics }`).
    pub static HOLIDAY_DATA_HORIZON = "H003", "holiday-data-horizon", Hours, Warning,
        "the check window runs past the built-in holiday data";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let days = cx.timeline.days;
    let last_day = days.to.pred_opt().unwrap_or(days.to);
    let (first, last) = (holidays::first_year(), holidays::last_year());
    if days.from.year() >= first && last_day.year() <= last {
        return;
    }
    let meta = &cx.plan.meta;
    let loc = meta.horizon.as_ref().map_or(&meta.loc, |h| &h.loc);
    out.push(
        Diagnostic::new(
            &HOLIDAY_DATA_HORIZON,
            loc,
            format!(
                "the check window {} to {last_day} runs past the holiday data, which covers {first} to {last}: \
                 public holidays outside those years are not known",
                days.from
            ),
        )
        .help("shorten `plan.horizon`, or list the dates in an iCalendar file (`holidays: { ics: … }`)")
        .data("from", days.from.to_string())
        .data("to", last_day.to_string())
        .data("data_first_year", first)
        .data("data_last_year", last),
    );
}
