//! `no-live-coverage`: a profile never reaches a person live.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A profile that in the whole check window can reach no live channel (phone, chat,
    /// video, in person) that is staffed: it is offered none, or those it is offered are
    /// never open while their team is on shift. Profiles that state `expects.live: false` are
    /// left alone, and so are those whose missing live hours are already reported by
    /// `uncovered-expected-hours`.
    ///
    /// ## Why it matters
    ///
    /// Some problems cannot wait for an email: a broken heating system, a blocked card.
    /// Customers who can never talk to anybody leave.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// profiles:
    ///   - id: small-business
    ///     channels: [email, web-form]    # no phone or chat at all
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Offer the profile a live channel, or say explicitly that written help is what it
    /// expects (`expects: { live: false }`).
    pub static NO_LIVE_COVERAGE = "C002", "no-live-coverage", Coverage, Warning,
        "a profile can never reach a person live";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        let live_stated = profile.expects.as_ref().and_then(|e| e.live.as_ref()).map(|l| l.value);
        if live_stated == Some(false) || !times.live.is_empty() {
            continue;
        }
        if live_stated == Some(true) && !times.expected.is_empty() {
            continue; // uncovered-expected-hours reports every expected hour already
        }
        let offered_live = times.channels.iter().filter(|&&i| cx.timeline.channels[i].live).count();
        let message = if offered_live == 0 {
            format!(
                "profile `{}` is offered no live channel: it can never talk to a person",
                profile.id.value
            )
        } else {
            format!(
                "profile `{}` is offered {offered_live} live channel(s), but none is open with its team on shift in the check window",
                profile.id.value
            )
        };
        let loc = profile
            .channels
            .as_ref()
            .and_then(|c| c.first())
            .map_or(&profile.id.loc, |c| &c.loc);
        out.push(
            Diagnostic::new(&NO_LIVE_COVERAGE, loc, message)
                .help("offer the profile a staffed phone or chat channel, or state `expects: { live: false }`")
                .data("profile", profile.id.value.clone()),
        );
    }
}
