//! `escalation-order`: a step's `after` is not later than the step before it.

use crate::diagnostic::Diagnostic;
use crate::model::values::Duration;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// An escalation step whose `after` is not later than the `after` of an earlier step of
    /// the same path (both measured the same way: worked time, wall-clock time with
    /// `calendar`, or business days), or a step after the first without any `after`.
    ///
    /// ## Why it matters
    ///
    /// Steps are read in order: the technicians after 30 minutes, the manager after 4 hours.
    /// A manager step at 20 minutes after a technicians step at 30 means the path does not do
    /// what it says, and staff cannot tell which of the two holds.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// steps:
    ///   - team: first-line
    ///   - team: technicians
    ///     after: 30m
    ///   - contact: anna-weber
    ///     after: 20m            # earlier than the step before it
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Order the steps by when they take over and give each later step a later `after`.
    pub static ESCALATION_ORDER = "E002", "escalation-order", Escalation, Error,
        "an escalation step does not come later than the step before it";
}

/// A comparable measure of a delay: (how it is measured, amount).
fn measure(d: &Duration) -> Option<(u8, u64)> {
    match *d {
        Duration::Clock {
            seconds,
            calendar: false,
        }
        | Duration::BusinessTime { seconds } => Some((0, seconds)),
        Duration::Clock {
            seconds,
            calendar: true,
        } => Some((1, seconds)),
        Duration::BusinessDays(days) => Some((2, u64::from(days))),
        Duration::Months(_) => None,
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for path in &cx.plan.escalation {
        let mut latest: Option<(usize, &crate::model::Located<Duration>)> = None;
        for (k, step) in path.steps.iter().enumerate() {
            let Some(after) = &step.after else {
                // An `after` that was written but could not be used is reported by its
                // value rule.
                if k > 0 && !cx.plan.unreadable_at(&step.loc.path.key("after")) {
                    out.push(
                        Diagnostic::new(
                            &ESCALATION_ORDER,
                            &step.target.id().loc,
                            format!("step {} of escalation path `{}` has no `after`: it would take over at once, with step 1", k + 1, path.id.value),
                        )
                        .help("add `after:` with the time after which this step takes over, later than the step before it")
                        .data("path", path.id.value.clone())
                        .data("step", k + 1),
                    );
                }
                continue;
            };
            if let Some((earlier_k, earlier)) = latest
                && let (Some(a), Some(b)) = (measure(&earlier.value), measure(&after.value))
                && a.0 == b.0
                && b.1 <= a.1
            {
                out.push(
                    Diagnostic::new(
                        &ESCALATION_ORDER,
                        &after.loc,
                        format!(
                            "step {} of escalation path `{}` takes over after {}, not later than step {} (after {})",
                            k + 1,
                            path.id.value,
                            after.value,
                            earlier_k + 1,
                            earlier.value
                        ),
                    )
                    .related(&earlier.loc, format!("step {} takes over here", earlier_k + 1))
                    .help("give each later step a later `after`, or reorder the steps")
                    .data("path", path.id.value.clone())
                    .data("step", k + 1),
                );
            }
            latest = Some((k, after));
        }
    }
}
