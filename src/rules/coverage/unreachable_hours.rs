//! `unreachable-hours`: times when a profile can reach no channel at all.

use super::windows_finding;
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Times outside a profile's expected hours (those are `uncovered-expected-hours`) when
    /// it can reach no channel at all: every channel offered to it is live, and none is
    /// staffed. A profile that is offered a written channel (email, web form, social, letter)
    /// can always leave a message, so it never has such times.
    ///
    /// ## Why it matters
    ///
    /// A customer with an urgent problem at night or on a holiday has nowhere to turn, not
    /// even to leave a message that is answered in the morning.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// profiles:
    ///   - id: walk-in
    ///     channels: [shop]          # in person only: nothing when the shop is closed
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Offer the profile a written channel, such as email or a web form, that takes messages
    /// at any time; or declare the times under `intended-gaps` with the reason.
    pub static UNREACHABLE_HOURS = "C004", "unreachable-hours", Coverage, Warning,
        "a profile can reach no channel at all at some times";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        let set = times.unreachable_unintended();
        if set.is_empty() {
            continue;
        }
        let loc = profile
            .channels
            .as_ref()
            .and_then(|c| c.first())
            .map_or(&profile.id.loc, |c| &c.loc);
        out.push(
            windows_finding(
                &UNREACHABLE_HOURS,
                loc,
                profile,
                times.owner.tz,
                &set,
                "can reach no channel at all on",
            )
            .help("offer the profile a written channel (email, web form) that takes messages at any time"),
        );
    }
}
