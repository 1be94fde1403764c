//! `holiday-mismatch`: staff are off on a public holiday that is a workday for customers.

use crate::coverage::{describe_holidays, format_instant, format_window};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::holidays::Holiday;
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::{local_datetime, local_day};
use chrono::{NaiveDate, Timelike};
use chrono_tz::Tz;
use std::collections::BTreeMap;

rule! {
    /// ## What it finds
    ///
    /// A profile that does not get the help it expects on a public holiday of the staff
    /// (the calendar of a live channel offered to it, or of the channel's team) that is an
    /// ordinary day in the profile's own calendar, because those channels close or shorten
    /// their hours for the holiday and no other channel offered to the profile covers the
    /// time: no live channel when it expects live help, no channel at all otherwise. One
    /// finding per profile lists the days and the channels. Times excused by the profile's
    /// `intended-gaps` are left out.
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
    /// profile to a team that works them, or, where the closure is a decision, declare the
    /// days under `intended-gaps` with the reason: the finding's help gives the entry.
    pub static HOLIDAY_MISMATCH = "C005", "holiday-mismatch", Coverage, Warning,
        "staff have a public holiday that is a workday for the customers";
}

/// One holiday of the staff that a profile misses.
struct MissedDay {
    name: String,
    /// Indexes of the channels that close for it.
    channels: Vec<usize>,
    /// The expected time the profile misses because of it.
    missed: IntervalSet,
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        // What the profile misses in its expected hours, less its intended gaps: the times
        // `uncovered-expected-hours` reports. A holiday closure that another channel covers
        // is no gap, and one excused by an intended gap is no finding.
        let missing = times.uncovered();
        if missing.is_empty() {
            continue;
        }
        let mut days: BTreeMap<NaiveDate, MissedDay> = BTreeMap::new();
        for &ci in &times.channels {
            let ct = &cx.timeline.channels[ci];
            if !ct.live || !ct.hours_known {
                continue;
            }
            for closure in cx.timeline.channel_holiday_closures(cx.plan, ci) {
                if times.owner.holidays.is_holiday(closure.holiday.date) {
                    continue;
                }
                let missed = closure.lost.intersection(&missing);
                if missed.is_empty() {
                    continue;
                }
                let day = days.entry(closure.holiday.date).or_insert_with(|| MissedDay {
                    name: closure.holiday.name.clone(),
                    channels: Vec::new(),
                    missed: IntervalSet::new(),
                });
                day.channels.push(ci);
                day.missed = day.missed.union(&missed);
            }
        }
        if days.is_empty() {
            continue;
        }
        out.push(finding(cx, profile, times.owner.tz, &days));
    }
}

fn finding(
    cx: &Context<'_>,
    profile: &crate::model::Profile,
    tz: Tz,
    days: &BTreeMap<NaiveDate, MissedDay>,
) -> Diagnostic {
    let id = |ci: &usize| format!("`{}`", cx.plan.channels[*ci].id.value);
    let mut channels: Vec<usize> = days.values().flat_map(|d| d.channels.iter().copied()).collect();
    channels.sort_unstable();
    channels.dedup();
    let same_channels = days.values().all(|d| d.channels == channels);
    let listed: Vec<Holiday> = days
        .iter()
        .map(|(date, d)| {
            let name = if same_channels {
                d.name.clone()
            } else {
                let ids: Vec<String> = d.channels.iter().map(id).collect();
                format!("{}: {}", d.name, ids.join(", "))
            };
            Holiday::new(*date, name)
        })
        .collect();
    let missed = days.values().fold(IntervalSet::new(), |acc, d| acc.union(&d.missed));
    let first = missed
        .intervals()
        .first()
        .map_or_else(String::new, |w| format!("; first missed {}", format_window(tz, *w)));
    let names: Vec<String> = channels.iter().map(id).collect();
    let verb = if names.len() == 1 { "is" } else { "are" };
    let message = format!(
        "profile `{}` works on public holidays of the staff, and no other channel covers them: {} {verb} not staffed on {}{first} ({})",
        profile.id.value,
        join(&names),
        describe_holidays(&listed, 4),
        tz.name(),
    );
    let entry = intended_gap_entry(tz, &missed);
    let loc = profile.holidays.as_ref().map_or_else(
        || {
            profile
                .expects
                .as_ref()
                .and_then(|e| e.hours.as_ref())
                .map_or(&profile.id.loc, |h| &h.loc)
        },
        |h| &h.loc,
    );
    let mut d = Diagnostic::new(&HOLIDAY_MISMATCH, loc, message)
        .help(format!(
            "keep a reduced shift on those days (`holidays:` or `dates:` hours of the channel and its team); if the closure is a decision, add to the profile's `intended-gaps`: {entry}"
        ))
        .data("profile", profile.id.value.clone())
        // `channel` is kept from when the rule reported each channel on its own.
        .data("channel", cx.plan.channels[channels[0]].id.value.clone())
        .data(
            "channels",
            channels
                .iter()
                .map(|&ci| cx.plan.channels[ci].id.value.clone())
                .collect::<Vec<_>>(),
        )
        .data("dates", days.keys().map(|d| d.to_string()).collect::<Vec<_>>())
        .data(
            "holidays",
            days.iter()
                .map(|(date, d)| {
                    serde_json::json!({
                        "date": date.to_string(),
                        "name": d.name,
                        "channels": d.channels.iter().map(|&ci| cx.plan.channels[ci].id.value.clone()).collect::<Vec<_>>(),
                    })
                })
                .collect::<Vec<_>>(),
        )
        .data(
            "windows",
            missed
                .intervals()
                .iter()
                .map(|w| serde_json::json!({ "start": format_instant(tz, w.start), "end": format_instant(tz, w.end) }))
                .collect::<Vec<_>>(),
        )
        .data("intended_gap", entry);
    for &ci in channels.iter().take(3) {
        let c = &cx.plan.channels[ci];
        let at = c.hours.as_ref().map_or(&c.id.loc, |h| &h.loc);
        d = d.related(at, format!("`{}` is not staffed on these holidays", c.id.value));
    }
    d
}

/// `a`, `a and b`, `a, b and c`.
fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The `intended-gaps` entry that excuses exactly `missed`: its windows as `dates:` hours in
/// the profile's zone, split at local midnights.
fn intended_gap_entry(tz: Tz, missed: &IntervalSet) -> String {
    let mut by_date: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    for w in missed.intervals() {
        let mut start = w.start;
        while start < w.end {
            let date = local_datetime(tz, start).date_naive();
            let day = local_day(tz, date);
            let end = w.end.min(day.end.max(start + 1));
            by_date
                .entry(date)
                .or_default()
                .push(range(tz, Interval { start, end }, day.end));
            start = end;
        }
    }
    let dates: Vec<String> = by_date
        .iter()
        .map(|(date, ranges)| match ranges.as_slice() {
            [one] => format!("{date}: {one}"),
            many => format!("{date}: [{}]", many.join(", ")),
        })
        .collect();
    format!("{{ hours: {{ dates: {{ {} }} }}, reason: … }}", dates.join(", "))
}

/// `08:00-18:00` in local time; an end at the next midnight is `24:00`.
fn range(tz: Tz, w: Interval, midnight: i64) -> String {
    let hhmm = |t: i64| {
        let l = local_datetime(tz, t);
        format!("{:02}:{:02}", l.hour(), l.minute())
    };
    let end = if w.end >= midnight {
        "24:00".to_owned()
    } else {
        hhmm(w.end)
    };
    format!("{}-{end}", hhmm(w.start))
}
