//! `no-feedback`: a plan that serves customers but collects no feedback from them.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A plan with customer profiles or channels whose `feedback` section is missing or
    /// empty: nothing collects what customers think of the service.
    ///
    /// ## Why it matters
    ///
    /// Feedback is how a plan finds out that it no longer fits: which promises customers
    /// find too slow, which channels they miss, which complaints keep coming back. Without
    /// a survey, reviews or an analysis of complaints, the next review of the plan rests on
    /// guesses, and success metrics have nothing to be measured by.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: phone
    ///     kind: phone
    ///     team: first-line
    /// feedback: []          # nobody asks customers how it went
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add at least one way feedback is collected, and a metric that uses it:
    ///
    /// ```yaml
    /// feedback:
    ///   - id: csat-survey
    ///     kind: survey
    ///     via: email
    ///     when: after-resolution
    /// metrics:
    ///   - id: csat
    ///     target: ">= 90%"
    ///     source: csat-survey
    /// ```
    pub static NO_FEEDBACK = "F001", "no-feedback", Feedback, Warning,
        "the plan collects no customer feedback";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    if !plan.feedback.is_empty() || (plan.profiles.is_empty() && plan.channels.is_empty()) {
        return;
    }
    let section = plan.section("feedback");
    let message = match section {
        Some(_) => "the `feedback` section is empty: the plan collects no customer feedback",
        None => "the plan collects no customer feedback: it has no `feedback` section",
    };
    let mut diagnostic = Diagnostic::new(&NO_FEEDBACK, section.unwrap_or(&plan.meta.loc), message)
        .help(
            "add a way to hear from customers, e.g. `feedback: [{ id: csat-survey, kind: survey, via: email, \
             when: after-resolution }]`, and a metric with `source: csat-survey`",
        )
        .data("profiles", plan.profiles.len())
        .data("channels", plan.channels.len());
    // Show whom the missing feedback would come from.
    if let Some(profiles) = plan.section("profiles").filter(|_| !plan.profiles.is_empty()) {
        let n = plan.profiles.len();
        let what = if n == 1 {
            "customer profile"
        } else {
            "customer profiles"
        };
        diagnostic = diagnostic.related(profiles, format!("{n} {what}, none of them asked for feedback"));
    } else if let Some(channels) = plan.section("channels").filter(|_| !plan.channels.is_empty()) {
        let n = plan.channels.len();
        let what = if n == 1 { "channel" } else { "channels" };
        diagnostic = diagnostic.related(
            channels,
            format!("customers are served through {n} {what}, and nobody asks them how it went"),
        );
    }
    out.push(diagnostic);
}
