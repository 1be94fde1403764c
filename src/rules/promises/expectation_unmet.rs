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

/// One written channel that keeps a profile waiting too long.
struct Late<'p> {
    channel: &'p crate::model::Channel,
    wait: crate::coverage::Wait,
    windows: serde_json::Value,
}

/// One finding per profile, at its accepted wait, naming every written channel that
/// breaks it: the mistake is the one expectation (or the one schedule behind it), and a
/// finding per channel would repeat it.
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
        let tz = times.owner.tz;
        let mut late: Vec<Late<'_>> = Vec::new();
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
            let windows = late_arrivals_json(&ct.staffed, times.window, timeline.evaluated.end, limit, tz);
            late.push(Late {
                channel: &cx.plan.channels[ci],
                wait,
                windows,
            });
        }
        // The worst channel first; it leads the message.
        late.sort_by_key(|l| std::cmp::Reverse(l.wait.seconds));
        let Some(worst) = late.first() else { continue };
        let describe = |l: &Late<'_>| {
            let sent = format!(
                "a message to `{}` sent {}",
                l.channel.id.value,
                format_local(tz, l.wait.arrival)
            );
            match l.wait.answered {
                Some(t) => format!(
                    "{sent} is answered {} ({})",
                    format_local(tz, t),
                    hours_text(l.wait.seconds)
                ),
                None => format!("{sent} is never answered: the channel is not worked again after it"),
            }
        };
        let mut message = format!(
            "profile `{}` accepts a wait of {} on written channels, but {}",
            profile.id.value,
            hours_text(limit),
            describe(worst)
        );
        if late.len() > 1 {
            let others: Vec<String> = late[1..].iter().map(|l| format!("`{}`", l.channel.id.value)).collect();
            message.push_str(&format!(
                "; {} also {} longer",
                crate::rules::and_list(&others),
                if others.len() == 1 {
                    "keeps it waiting"
                } else {
                    "keep it waiting"
                }
            ));
        }
        let mut d = Diagnostic::new(&EXPECTATION_UNMET, &accepted.loc, message);
        for l in &late {
            d = d.related(
                l.channel.response.as_ref().map_or(&l.channel.id.loc, |r| &r.loc),
                format!("the promise of `{}`", l.channel.id.value),
            );
        }
        let channels: Vec<serde_json::Value> = late
            .iter()
            .map(|l| {
                serde_json::json!({
                    "channel": l.channel.id.value,
                    "worst_minutes": l.wait.answered.map(|_| l.wait.seconds / 60),
                    "arrival": crate::coverage::format_instant(tz, l.wait.arrival),
                    "answered": l.wait.answered.map(|t| crate::coverage::format_instant(tz, t)),
                    "windows": l.windows,
                })
            })
            .collect();
        out.push(
            d.help(format!(
                "work the {} on more days, offer the profile a channel worked when it writes, or agree a longer wait",
                if late.len() == 1 { "channel" } else { "channels" }
            ))
            .data("profile", profile.id.value.clone())
            .data("channel", worst.channel.id.value.clone())
            .data("worst_minutes", worst.wait.seconds / 60)
            .data("windows", worst.windows.clone())
            .data("channels", channels),
        );
    }
}
