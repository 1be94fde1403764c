//! `escalation-cycle`: a path hands a contact back to someone it already passed.

use super::describe_target;
use crate::diagnostic::Diagnostic;
use crate::model::StepTarget;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// An escalation path that returns to a team or contact of an earlier step
    /// (first-line → technicians → first-line): the hand-over goes round in a circle.
    ///
    /// ## Why it matters
    ///
    /// An escalation exists to bring a case to someone with more knowledge or authority. A
    /// path that hands it back has no top: the customer's case bounces between the same
    /// people, and nobody can tell who owns it in the end.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// steps:
    ///   - team: first-line
    ///   - team: technicians
    ///     after: 30m
    ///   - team: first-line       # back to the start
    ///     after: 2h
    /// ```
    ///
    /// ## What to do instead
    ///
    /// End the path with someone who can decide (a manager with a phone number); if the
    /// case really goes back, say so in the complaint procedure, not as a step.
    pub static ESCALATION_CYCLE = "E003", "escalation-cycle", Escalation, Error,
        "an escalation path returns to a team or contact it already passed";
}

fn same(a: &StepTarget, b: &StepTarget) -> bool {
    matches!((a, b), (StepTarget::Team(x), StepTarget::Team(y)) | (StepTarget::Contact(x), StepTarget::Contact(y)) if x.value == y.value)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for path in &cx.plan.escalation {
        for (k, step) in path.steps.iter().enumerate() {
            let Some(first) = path.steps[..k].iter().position(|s| same(&s.target, &step.target)) else {
                continue;
            };
            // Only the first return is reported; a path that loops once is wrong already.
            if path.steps[..k]
                .iter()
                .skip(first + 1)
                .any(|s| same(&s.target, &step.target))
            {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &ESCALATION_CYCLE,
                    &step.target.id().loc,
                    format!(
                        "step {} of escalation path `{}` hands the case back to {}, already step {}",
                        k + 1,
                        path.id.value,
                        describe_target(cx.plan, &step.target),
                        first + 1
                    ),
                )
                .related(&path.steps[first].target.id().loc, format!("step {}", first + 1))
                .help("end the path with someone who can decide; remove the step that goes back")
                .data("path", path.id.value.clone())
                .data("step", k + 1)
                .data("first_step", first + 1),
            );
        }
    }
}
