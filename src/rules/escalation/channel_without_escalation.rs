//! `channel-without-escalation`: no escalation path serves a channel.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A channel that no escalation path lists in its `channels`.
    ///
    /// ## Why it matters
    ///
    /// Contacts that arrive on that channel have no defined way up: when first-line staff
    /// cannot help, nobody knows whom to hand the case to, and complaints from that channel
    /// stall.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - { id: social, kind: social, team: first-line }
    /// escalation:
    ///   - id: standard
    ///     channels: [phone, email]    # social is in no path
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add the channel to the `channels` of the path that fits, or give it its own path.
    pub static CHANNEL_WITHOUT_ESCALATION = "E005", "channel-without-escalation", Escalation, Warning,
        "no escalation path serves a channel";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for channel in &cx.plan.channels {
        let served = cx
            .plan
            .escalation
            .iter()
            .any(|p| p.channels.iter().any(|c| c.value == channel.id.value));
        if served {
            continue;
        }
        let mut d = Diagnostic::new(
            &CHANNEL_WITHOUT_ESCALATION,
            &channel.id.loc,
            format!("no escalation path serves channel `{}`", channel.id.value),
        )
        .help("add the channel to the `channels:` of an escalation path")
        .data("channel", channel.id.value.clone());
        if let Some(path) = cx.plan.escalation.first() {
            d = d.related(&path.id.loc, "an escalation path it could join");
        }
        out.push(d);
    }
}
