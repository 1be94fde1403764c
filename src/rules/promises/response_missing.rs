//! `response-missing`: a channel promises no response time.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A channel without `response:`, the time to first response it promises.
    ///
    /// ## Why it matters
    ///
    /// A promise nobody wrote down cannot be checked, staffed for or published. Customers
    /// will assume one anyway, usually a shorter one than you can keep.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: email
    ///     kind: email
    ///     team: first-line          # how soon is an email answered?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add `response:` with the time you can keep: `2m` on a hotline, `4h` or
    /// `8 business hours` for email.
    pub static RESPONSE_MISSING = "P003", "response-missing", Promises, Warning,
        "a channel promises no response time";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // A promise that was written but could not be used is reported by its value rule.
    let missing =
        |c: &&crate::model::Channel| c.response.is_none() && !cx.plan.unreadable_at(&c.loc.path.key("response"));
    for channel in cx.plan.channels.iter().filter(missing) {
        let example = if channel.kind.value.is_live() {
            "`response: 2m`"
        } else {
            "`response: 8 business hours`"
        };
        out.push(
            Diagnostic::new(
                &RESPONSE_MISSING,
                &channel.id.loc,
                format!("channel `{}` promises no response time", channel.id.value),
            )
            .help(format!("add the time to first response you can keep, e.g. {example}"))
            .data("channel", channel.id.value.clone()),
        );
    }
}
