//! `dst-shift`: a channel's hours move against a profile's clock at a DST change.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::schedule::local_start;
use chrono::{Days, Offset, TimeZone};
use chrono_tz::Tz;

rule! {
    /// ## What it finds
    ///
    /// A live channel offered to a profile in another time zone, where the two zones change
    /// their clocks on different dates (or only one of them does) within the check window:
    /// for some weeks the channel's hours fall an hour earlier or later on the customer's
    /// clock.
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

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let days = cx.timeline.days;
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        for &ci in &times.channels {
            let ct = &cx.timeline.channels[ci];
            if !ct.live || !ct.hours_known || ct.owner.tz == times.owner.tz {
                continue;
            }
            // The difference between the two clocks at local noon of each day.
            let mut runs: Vec<(chrono::NaiveDate, chrono::NaiveDate, i32)> = Vec::new();
            let mut date = days.from;
            while date < days.to {
                let noon = local_start(times.owner.tz, date, 12 * 60);
                let diff = offset_minutes(ct.owner.tz, noon) - offset_minutes(times.owner.tz, noon);
                match runs.last_mut() {
                    Some(run) if run.2 == diff => run.1 = date,
                    _ => runs.push((date, date, diff)),
                }
                let Some(next) = date.checked_add_days(Days::new(1)) else {
                    break;
                };
                date = next;
            }
            if runs.len() < 2 {
                continue;
            }
            let usual = runs.iter().max_by_key(|r| (r.1 - r.0).num_days()).map_or(0, |r| r.2);
            let shifted: Vec<String> = runs
                .iter()
                .filter(|r| r.2 != usual)
                .map(|r| {
                    // A larger lead of the channel's clock puts its hours earlier on the
                    // customer's clock.
                    let delta = r.2 - usual;
                    let sign = if delta > 0 { "earlier" } else { "later" };
                    format!("{} to {}: {} min {sign}", r.0, r.1, delta.abs())
                })
                .collect();
            let channel = &cx.plan.channels[ci];
            let loc = channel.hours.as_ref().map_or(&channel.id.loc, |h| &h.loc);
            out.push(
                Diagnostic::new(
                    &DST_SHIFT,
                    loc,
                    format!(
                        "channel `{}` ({}) keeps its hours in another zone than profile `{}` ({}); on the profile's clock they fall {}",
                        channel.id.value,
                        ct.owner.tz.name(),
                        profile.id.value,
                        times.owner.tz.name(),
                        shifted.join("; ")
                    ),
                )
                .help("check the FAQ's published hours for those weeks, or set the channel's `timezone:` to the customers' zone")
                .data("profile", profile.id.value.clone())
                .data("channel", channel.id.value.clone())
                .data(
                    "periods",
                    runs.iter()
                        .filter(|r| r.2 != usual)
                        .map(|r| serde_json::json!({ "from": r.0.to_string(), "to": r.1.to_string(), "minutes": r.2 - usual }))
                        .collect::<Vec<_>>(),
                ),
            );
        }
    }
}
