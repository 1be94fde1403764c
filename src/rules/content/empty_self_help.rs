//! `empty-self-help`: the plan gives customers no way to help themselves.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A plan with customer profiles or channels whose `self-help` section is missing or
    /// has neither FAQ entries (`faq:`) nor step-by-step guides (`guides:`).
    ///
    /// ## Why it matters
    ///
    /// Many customers would rather find the answer themselves, at any hour, than call or
    /// write. Every question answered in the FAQ or a guide is a contact the team does not
    /// have to take, and the customer FAQ that `plan render` publishes has nothing to offer
    /// besides the ways to reach you.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// self-help:
    ///   faq: []
    ///   guides: []
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Answer the questions customers ask most often, and describe the fixes agents explain
    /// again and again:
    ///
    /// ```yaml
    /// self-help:
    ///   faq:
    ///     - question: "How do I reset the error light?"
    ///       answer: "Hold the start button for five seconds."
    ///   guides:
    ///     - id: e24
    ///       title: "Dishwasher shows E24"
    ///       steps: ["Switch the dishwasher off", "Clean the filter"]
    /// ```
    pub static EMPTY_SELF_HELP = "T002", "empty-self-help", Content, Info,
        "the plan offers customers no self-help";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let self_help = &plan.self_help;
    if !self_help.faq.is_empty() || !self_help.guides.is_empty() {
        return;
    }
    if plan.profiles.is_empty() && plan.channels.is_empty() {
        return;
    }
    let section = plan.section("self-help");
    let message = match section {
        Some(_) => "`self-help` has no FAQ entries and no guides: customers find no answers of their own",
        None => "the plan offers customers no self-help: it has no `self-help` section",
    };
    out.push(
        Diagnostic::new(&EMPTY_SELF_HELP, section.unwrap_or(&plan.meta.loc), message)
            .help(
                "add the questions customers ask most under `self-help.faq` (`- { question: …, answer: … }`) \
                 and step-by-step `guides` for fixes they can make themselves",
            )
            .data("faq", self_help.faq.len())
            .data("guides", self_help.guides.len()),
    );
}
