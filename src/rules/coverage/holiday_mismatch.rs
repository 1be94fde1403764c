//! `holiday-mismatch`: staff are off on a public holiday that is a workday for customers.

use crate::coverage::format_local;
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::local_start;
use chrono::Days;

rule! {
    /// ## What it finds
    ///
    /// A live channel offered to a profile that is closed on a public holiday of the
    /// channel's (or its team's) calendar which is an ordinary day in the profile's calendar,
    /// on which the profile expects help and the channel is open on the same weekday in the
    /// weeks around it. Days excused by the profile's `intended-gaps` are left out.
    ///
    /// ## Why it matters
    ///
    /// A Berlin team is off on 8 March, International Women's Day, a Berlin holiday; customers
    /// in Bavaria or Austria work that day and expect the hotline. The plan may be fine on
    /// every ordinary day and still leave them alone on such days.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan: { timezone: Europe/Berlin, holidays: DE-BE }
    /// profiles:
    ///   - id: austria
    ///     holidays: AT
    ///     expects: { hours: { mon-fri: 08:00-18:00 }, live: true }
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Keep a reduced shift on those days (`holidays:` hours, or `dates:`), route the
    /// profile to a team that works them, or declare the days under `intended-gaps`.
    pub static HOLIDAY_MISMATCH = "C005", "holiday-mismatch", Coverage, Warning,
        "staff have a public holiday that is a workday for the customers";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let days = cx.timeline.days;
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        for &ci in &times.channels {
            let channel = &cx.plan.channels[ci];
            let ct = &cx.timeline.channels[ci];
            if !ct.live || !ct.hours_known {
                continue;
            }
            let mut hit = Vec::new();
            for holiday in ct.owner.holidays.between(days.from, days.to) {
                if times.owner.holidays.is_holiday(holiday.date) {
                    continue;
                }
                let day = |tz, date: chrono::NaiveDate| Interval {
                    start: local_start(tz, date, 0),
                    end: local_start(tz, date.succ_opt().unwrap_or(date), 0),
                };
                let customer_day = IntervalSet::from_intervals([day(times.owner.tz, holiday.date)]);
                let expected = times.expected.intersection(&customer_day).difference(&times.intended);
                if expected.is_empty() || !ct.staffed.intersection(&customer_day).is_empty() {
                    continue;
                }
                // Open on the same weekday a week before or after: an ordinary working day.
                let usual = [
                    holiday.date.checked_sub_days(Days::new(7)),
                    holiday.date.checked_add_days(Days::new(7)),
                ]
                .into_iter()
                .flatten()
                .any(|d| {
                    !ct.staffed
                        .intersection(&IntervalSet::from_intervals([day(ct.owner.tz, d)]))
                        .is_empty()
                });
                if usual {
                    hit.push((holiday, expected));
                }
            }
            let Some((_, first_expected)) = hit.first() else {
                continue;
            };
            let listed: Vec<String> = hit
                .iter()
                .take(4)
                .map(|(h, _)| format!("{} ({})", h.date.format("%a %Y-%m-%d"), h.name))
                .collect();
            let more = if hit.len() > 4 {
                format!(" and {} more", hit.len() - 4)
            } else {
                String::new()
            };
            let windows: Vec<serde_json::Value> = hit
                .iter()
                .flat_map(|(_, e)| e.intervals().to_vec())
                .map(|w| {
                    serde_json::json!({
                        "start": crate::coverage::format_instant(times.owner.tz, w.start),
                        "end": crate::coverage::format_instant(times.owner.tz, w.end),
                    })
                })
                .collect();
            let loc = channel.hours.as_ref().map_or(&channel.id.loc, |h| &h.loc);
            let mut d = Diagnostic::new(
                &HOLIDAY_MISMATCH,
                loc,
                format!(
                    "channel `{}` is closed for public holidays that are workdays for profile `{}`: {}{more}; first missed from {}",
                    channel.id.value,
                    profile.id.value,
                    listed.join(", "),
                    format_local(times.owner.tz, first_expected.intervals()[0].start),
                ),
            )
            .help("keep a reduced shift on those days (`holidays:` or `dates:` hours), or declare them under the profile's `intended-gaps`")
            .data("profile", profile.id.value.clone())
            .data("channel", channel.id.value.clone())
            .data("dates", hit.iter().map(|(h, _)| h.date.to_string()).collect::<Vec<_>>())
            .data("windows", windows);
            if let Some(h) = &profile.holidays {
                d = d.related(&h.loc, "the profile's holidays");
            }
            out.push(d);
        }
    }
}
