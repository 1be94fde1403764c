//! `contact-unreachable`: a contact in an escalation path has no phone and no email.

use crate::diagnostic::Diagnostic;
use crate::model::StepTarget;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// An escalation step that reaches a contact with neither `phone` nor `email`, and a path
    /// whose final step is such a contact.
    ///
    /// ## Why it matters
    ///
    /// The last step of an escalation is the person staff call when nothing else works. A
    /// name without a number in the handbook is no help at 19:30 with an angry customer on
    /// the line.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// contacts:
    ///   - id: anna-weber
    ///     name: Anna Weber          # no phone, no email
    /// escalation:
    ///   - id: standard
    ///     steps:
    ///       - team: first-line
    ///       - contact: anna-weber
    ///         after: 4h
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Give the contact a `phone` (and an `email`), or end the path with someone who has one.
    pub static CONTACT_UNREACHABLE = "E004", "contact-unreachable", Escalation, Error,
        "an escalation step reaches a contact with no phone and no email";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for path in &cx.plan.escalation {
        let last = path.steps.len().saturating_sub(1);
        for (k, step) in path.steps.iter().enumerate() {
            let StepTarget::Contact(id) = &step.target else {
                continue;
            };
            let Some(contact) = cx.plan.contacts.iter().find(|c| c.id.value == id.value) else {
                continue;
            };
            if contact.phone.is_some() || contact.email.is_some() {
                continue;
            }
            let name = contact.name.as_ref().map_or(id.value.as_str(), |n| n.value.any());
            let position = if k == last { "the final step" } else { "a step" };
            out.push(
                Diagnostic::new(
                    &CONTACT_UNREACHABLE,
                    &id.loc,
                    format!(
                        "{name}, {position} of escalation path `{}`, has no phone number and no email address",
                        path.id.value
                    ),
                )
                .related(&contact.id.loc, "the contact is defined here")
                .help(format!("add `phone:` (and `email:`) to contact `{}`", id.value))
                .data("path", path.id.value.clone())
                .data("contact", id.value.clone())
                .data("final", k == last),
            );
        }
    }
}
