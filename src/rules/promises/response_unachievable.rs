//! `response-unachievable`: a written channel's promise cannot be kept in the worst case.

use super::hours_text;
use crate::coverage::{format_local, late_arrivals_json, worst_wait};
use crate::diagnostic::Diagnostic;
use crate::model::values::Duration;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A written channel (email, web form, social, letter) whose promised `response` in
    /// calendar time (`4h`, `1 day`) is shorter than the longest time a message can wait for
    /// the channel to be worked again: the worst case is a message that arrives just as work
    /// stops before the longest closure in the check window, such as Christmas Eve evening
    /// before a long weekend. Promises in business time (`8 business hours`) count only worked
    /// time and are kept whenever the channel is worked at all.
    ///
    /// ## Why it matters
    ///
    /// A promise that holds on an ordinary Tuesday but not over Christmas is broken exactly
    /// when customers notice most. The finding names the arrival instant that waits longest
    /// and lists every window of arrivals that miss the promise.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: email
    ///     kind: email
    ///     team: first-line             # mon-fri 08:00-18:00, closed on holidays
    ///     response: 4h                 # a Friday 18:00 email waits 62 h
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Promise business time (`8 business hours`), promise what the worst case allows, or
    /// staff the channel so that no closure is longer than the promise.
    pub static RESPONSE_UNACHIEVABLE = "P001", "response-unachievable", Promises, Error,
        "a channel's response promise cannot be kept in the worst case";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let timeline = &cx.timeline;
    for (channel, times) in cx.plan.channels.iter().zip(&timeline.channels) {
        let Some(response) = &channel.response else { continue };
        let Duration::Clock { seconds: promise, .. } = response.value else {
            continue;
        };
        if times.live || !times.hours_known {
            continue;
        }
        let tz = times.owner.tz;
        let arrivals = timeline.days.in_zone(tz);
        let Some(wait) = worst_wait(&times.staffed, arrivals, timeline.evaluated.end) else {
            continue;
        };
        let promise = promise as i64;
        if wait.seconds <= promise {
            continue;
        }
        let worst = match wait.answered {
            Some(answered) => format!(
                "{} → {}, {}",
                format_local(tz, wait.arrival),
                format_local(tz, answered),
                hours_text(wait.seconds)
            ),
            None => format!(
                "{} → never answered: the channel is not worked again after it",
                format_local(tz, wait.arrival)
            ),
        };
        let mut d = Diagnostic::new(
            &RESPONSE_UNACHIEVABLE,
            &response.loc,
            format!(
                "channel `{}` promises a response within {}, but a message can wait longer for work to start: {worst}",
                channel.id.value,
                hours_text(promise)
            ),
        )
        .help("promise business time (e.g. `8 business hours`), promise what the worst case allows, or staff the longest closures")
        .data("channel", channel.id.value.clone())
        .data("promise_minutes", promise / 60)
        .data("worst_minutes", wait.answered.map(|_| wait.seconds / 60))
        .data("worst_arrival", crate::coverage::format_instant(tz, wait.arrival))
        .data("worst_answered", wait.answered.map(|t| crate::coverage::format_instant(tz, t)))
        .data("windows", late_arrivals_json(&times.staffed, arrivals, timeline.evaluated.end, promise, tz));
        if let Some(team) = times.team.map(|i| &cx.plan.teams[i])
            && let Some(shift) = team.shifts.first()
        {
            d = d.related(
                &shift.hours.loc,
                format!("team `{}` works the channel at these hours", team.id.value),
            );
        }
        out.push(d);
    }
}
