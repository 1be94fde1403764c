//! `dst-shift`: a channel's hours move against a profile's clock at a DST change.

use crate::coverage::{Observed, describe_weekly};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::local_start;
use chrono::{Days, NaiveDate, Offset, TimeZone};
use chrono_tz::Tz;

rule! {
    /// ## What it finds
    ///
    /// A live channel offered to a profile in another time zone, where the two zones change
    /// their clocks on different dates (or only one of them does) within the check window:
    /// for some weeks the channel's hours fall an hour earlier or later on the customer's
    /// clock. The finding gives the first and last date of each such period and the hours
    /// in an ordinary week: in the channel's zone, on the customer's clock during the period
    /// and on the customer's clock otherwise. Periods in which the channel is never open
    /// are left out.
    ///
    /// ## Why it matters
    ///
    /// Customers in New York served from Berlin find the hotline closing an hour earlier for
    /// three weeks every March, when the US has switched to summer time and Europe has not.
    /// Published hours in the customer's zone are wrong during those weeks.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan: { timezone: Europe/Berlin }
    /// profiles:
    ///   - id: us-customers
    ///     timezone: America/New_York
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Check that the expected hours are still covered in those weeks (the coverage rules do
    /// this); tell customers about the shift in the FAQ, or schedule the channel in the
    /// customers' zone (`timezone:` on the channel).
    pub static DST_SHIFT = "C006", "dst-shift", Coverage, Info,
        "a channel's hours move against a profile's clock at a DST change";
}

fn offset_minutes(tz: Tz, t: i64) -> i32 {
    let utc = chrono::DateTime::from_timestamp(t, 0).unwrap_or_default().naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc() / 60
}

/// Days in a row (profile-local dates, inclusive) on which the channel's clock leads the
/// profile's by the same number of minutes.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: NaiveDate,
    last: NaiveDate,
    minutes: i32,
}

/// The channel's hours on up to a week of the run's days, as an ordinary week (no public
/// holidays): the intervals that start on those days in the profile's zone. The first day
/// of a longer run is left out, so that the night of the change does not show.
fn sample(cx: &Context<'_>, ci: usize, profile_tz: Tz, run: &Run) -> IntervalSet {
    let first = if (run.last - run.first).num_days() >= 7 {
        run.first.succ_opt().unwrap_or(run.first)
    } else {
        run.first
    };
    let end = first
        .checked_add_days(Days::new(7))
        .unwrap_or(first)
        .min(run.last.succ_opt().unwrap_or(run.last));
    let span = Interval {
        start: local_start(profile_tz, first, 0),
        end: local_start(profile_tz, end, 0),
    };
    let padded = Interval {
        start: span.start,
        end: span.end + 86_400,
    };
    let staffed = cx.timeline.channel_staffed(cx.plan, ci, padded, Observed::None);
    IntervalSet::from_intervals(staffed.intervals().iter().copied().filter(|i| span.contains(i.start)))
}

/// `1 h`, `30 min`, `1 h 30 min`.
fn shift_text(minutes: i32) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// One period in which the hours fall elsewhere on the profile's clock, for messages and data.
struct Shifted {
    run: Run,
    /// Minutes later (positive) or earlier (negative) on the profile's clock than usual.
    later: i32,
    /// The hours in the channel's zone.
    own: String,
    /// The hours in the profile's zone during the period.
    theirs: String,
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let days = cx.timeline.days;
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        for &ci in &times.channels {
            let ct = &cx.timeline.channels[ci];
            if !ct.live || !ct.hours_known || ct.owner.tz == times.owner.tz {
                continue;
            }
            // The difference between the two clocks at local noon of each day.
            let mut runs: Vec<Run> = Vec::new();
            let mut date = days.from;
            while date < days.to {
                let noon = local_start(times.owner.tz, date, 12 * 60);
                let diff = offset_minutes(ct.owner.tz, noon) - offset_minutes(times.owner.tz, noon);
                match runs.last_mut() {
                    Some(run) if run.minutes == diff => run.last = date,
                    _ => runs.push(Run {
                        first: date,
                        last: date,
                        minutes: diff,
                    }),
                }
                let Some(next) = date.checked_add_days(Days::new(1)) else {
                    break;
                };
                date = next;
            }
            let Some(usual) = runs.iter().max_by_key(|r| (r.last - r.first).num_days()).copied() else {
                continue;
            };
            let (ptz, ctz) = (times.owner.tz, ct.owner.tz);
            let usual_hours = describe_weekly(ptz, sample(cx, ci, ptz, &usual).intervals());
            let shifted: Vec<Shifted> = runs
                .iter()
                .filter(|r| r.minutes != usual.minutes)
                .filter_map(|r| {
                    let hours = sample(cx, ci, ptz, r);
                    // A period in which the channel is not open at all shows customers nothing.
                    (!hours.is_empty()).then(|| Shifted {
                        run: *r,
                        // A larger lead of the channel's clock puts its hours earlier on the
                        // customer's clock.
                        later: usual.minutes - r.minutes,
                        own: describe_weekly(ctz, hours.intervals()),
                        theirs: describe_weekly(ptz, hours.intervals()),
                    })
                })
                .collect();
            if shifted.is_empty() {
                continue;
            }
            let periods: Vec<String> = shifted
                .iter()
                .map(|s| {
                    let direction = if s.later > 0 { "later" } else { "earlier" };
                    let instead = if usual_hours.is_empty() {
                        String::new()
                    } else {
                        format!(" instead of {usual_hours}")
                    };
                    format!(
                        "from {} to {} its hours {} ({}) are {} on the profile's clock{instead}, {} {direction}",
                        s.run.first.format("%a %Y-%m-%d"),
                        s.run.last.format("%a %Y-%m-%d"),
                        s.own,
                        ctz.name(),
                        s.theirs,
                        shift_text(s.later.abs()),
                    )
                })
                .collect();
            let channel = &cx.plan.channels[ci];
            let loc = channel.hours.as_ref().map_or(&channel.id.loc, |h| &h.loc);
            out.push(
                Diagnostic::new(
                    &DST_SHIFT,
                    loc,
                    format!(
                        "channel `{}` keeps its hours in {}, which changes its clocks on other dates than {} of profile `{}`: {}",
                        channel.id.value,
                        ctz.name(),
                        ptz.name(),
                        profile.id.value,
                        periods.join("; ")
                    ),
                )
                .help("check the FAQ's published hours for those weeks, or set the channel's `timezone:` to the customers' zone")
                .data("profile", profile.id.value.clone())
                .data("channel", channel.id.value.clone())
                .data("usual_hours", usual_hours.clone())
                .data(
                    "periods",
                    shifted
                        .iter()
                        .map(|s| {
                            serde_json::json!({
                                "from": s.run.first.to_string(),
                                "to": s.run.last.to_string(),
                                "minutes": s.run.minutes - usual.minutes,
                                "channel_hours": s.own,
                                "hours": s.theirs,
                            })
                        })
                        .collect::<Vec<_>>(),
                ),
            );
        }
    }
}
