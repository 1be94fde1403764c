//! `uncovered-expected-hours`: a profile expects help and cannot get what it expects.

use super::{expects_loc, windows_finding};
use crate::coverage::{describe_holidays, holidays_json};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Times inside a profile's `expects.hours` (in the profile's own time zone and public
    /// holidays) when what it expects is not there: with `live: true`, no live channel offered
    /// to it (phone, chat, video, in person) is open with its team on shift; otherwise, no
    /// channel at all can be reached. Times inside the profile's `intended-gaps` are left out.
    ///
    /// ## Why it matters
    ///
    /// This is the gap customers find before you do: they call on Saturday afternoon because
    /// they were told they could, and nobody answers. Every window is listed in the finding's
    /// data with its local start and end.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - { id: phone, kind: phone, team: first-line, hours: { mon-fri: 08:00-18:00 } }
    /// profiles:
    ///   - id: home-owners
    ///     timezone: Europe/Berlin
    ///     expects: { hours: { mon-sat: 08:00-20:00 }, live: true }   # evenings and Saturdays uncovered
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Extend the channel and a team's shifts to the expected hours, offer the profile another
    /// channel that is open then, or, where the gap is a decision, declare it under
    /// `intended-gaps` with the reason.
    pub static UNCOVERED_EXPECTED_HOURS = "C001", "uncovered-expected-hours", Coverage, Error,
        "a profile cannot reach the help it expects during its expected hours";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (pi, (profile, times)) in cx.plan.profiles.iter().zip(&cx.timeline.profiles).enumerate() {
        let set = times.uncovered();
        if set.is_empty() {
            continue;
        }
        let what = if times.wants_live {
            "expects live help but reaches no staffed live channel on"
        } else {
            "expects to reach someone but has no channel on"
        };
        let mut d = windows_finding(&UNCOVERED_EXPECTED_HOURS, expects_loc(profile), profile, times.owner.tz, &set, what)
            .help("extend a live channel and its team's shifts to these hours, or declare them under `intended-gaps` with a reason");
        // A gap that comes from the staff's public holidays says which ones: a window of
        // dates alone does not tell the reader why nobody is there.
        let holidays = cx.timeline.staff_holidays_in(cx.plan, pi, &set, times.wants_live);
        if !holidays.is_empty() {
            d.message.push_str(&format!(
                "; these include public holidays on which its channels are not staffed: {}",
                describe_holidays(&holidays, 4)
            ));
            d = d.data("holidays", holidays_json(&holidays));
        }
        for &i in times.channels.iter().filter(|&&i| cx.timeline.channels[i].live).take(2) {
            let c = &cx.plan.channels[i];
            d = match &c.hours {
                Some(hours) => d.related(&hours.loc, format!("`{}` is open at these hours", c.id.value)),
                None => d.related(&c.id.loc, format!("`{}` is open when its team is on shift", c.id.value)),
            };
        }
        out.push(d);
    }
}
