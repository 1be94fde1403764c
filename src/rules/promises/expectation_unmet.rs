//! `expectation-unmet`: a written channel's worst wait is longer than a profile accepts.

use super::hours_text;
use crate::coverage::{format_local, late_arrivals_json, worst_wait};
use crate::diagnostic::Diagnostic;
use crate::model::values::Duration;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A profile with `expects.response` (the longest wait it accepts on written channels)
    /// that is offered a written channel whose worst-case wait in the check window, measured
    /// in calendar time, is longer.
    ///
    /// ## Why it matters
    ///
    /// The channel's own promise may be honest (`2 business days`) and still not be what
    /// these customers accept. Knowing the difference is the first step to closing it.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// profiles:
    ///   - id: home-owners
    ///     channels: [email]
    ///     expects: { response: 1 day }   # an email sent on Friday evening waits until Monday
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Work the channel on more days, offer the profile a channel that is worked when it
    /// writes, or agree a longer expectation with the customers' representatives.
    pub static EXPECTATION_UNMET = "P002", "expectation-unmet", Promises, Warning,
        "a written channel's worst wait is longer than a profile accepts";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let timeline = &cx.timeline;
    for (profile, times) in cx.plan.profiles.iter().zip(&timeline.profiles) {
        let Some(accepted) = profile.expects.as_ref().and_then(|e| e.response.as_ref()) else {
            continue;
        };
        let Duration::Clock { seconds: limit, .. } = accepted.value else {
            continue;
        };
        let limit = limit as i64;
        for &ci in &times.channels {
            let ct = &timeline.channels[ci];
            if ct.live || !ct.hours_known {
                continue;
            }
            let Some(wait) = worst_wait(&ct.staffed, times.window, timeline.evaluated.end) else {
                continue;
            };
            if wait.seconds <= limit {
                continue;
            }
            let channel = &cx.plan.channels[ci];
            let tz = times.owner.tz;
            let answered = wait.answered.map_or_else(
                || "is not worked again in the following weeks".to_owned(),
                |t| format!("is answered {}", format_local(tz, t)),
            );
            out.push(
                Diagnostic::new(
                    &EXPECTATION_UNMET,
                    &accepted.loc,
                    format!(
                        "profile `{}` accepts a wait of {} on written channels, but a message to `{}` sent {} {answered} ({})",
                        profile.id.value,
                        hours_text(limit),
                        channel.id.value,
                        format_local(tz, wait.arrival),
                        hours_text(wait.seconds)
                    ),
                )
                .related(channel.response.as_ref().map_or(&channel.id.loc, |r| &r.loc), "the channel's promise")
                .help("work the channel on more days, offer the profile a channel worked when it writes, or agree a longer wait")
                .data("profile", profile.id.value.clone())
                .data("channel", channel.id.value.clone())
                .data("worst_minutes", wait.seconds / 60)
                .data("windows", late_arrivals_json(&ct.staffed, times.window, timeline.evaluated.end, limit, tz)),
            );
        }
    }
}
