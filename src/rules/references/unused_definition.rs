//! `unused-definition`: something is defined that nothing uses.

use crate::diagnostic::Diagnostic;
use crate::model::EntityKind;
use crate::rules::{Context, rule};
use std::collections::HashSet;

rule! {
    /// ## What it finds
    ///
    /// A contact, team or escalation path that nothing in the plan refers to, and a
    /// channel that no profile is offered. A contact is used as the plan's owner, a team
    /// lead, an escalation step, an approver or an authority entry; a team by a channel,
    /// an escalation step, an approver, an authority entry or a training; an escalation
    /// path by a complaint category or by serving channels.
    ///
    /// ## Why it matters
    ///
    /// Usually a leftover or a typo elsewhere: a manager who was meant to be the last
    /// escalation step but is not, a team that was renamed in one place only. It also
    /// keeps the published handbook free of people and teams nobody is sent to.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// contacts:
    ///   - id: night-manager         # defined, but no escalation step names it
    ///     name: Jonas Brandt
    ///     phone: "+49 30 5550 1991"
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Refer to it where it was meant to be used, or delete it. When it is deliberate, turn
    /// the rule off for the plan with `checks: { allow: [unused-definition] }`.
    pub static UNUSED_DEFINITION = "R003", "unused-definition", References, Warning,
        "a contact, team, escalation path or channel is never used";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let used: HashSet<(EntityKind, &str)> = plan
        .references()
        .iter()
        .flat_map(|r| r.to.iter().map(move |k| (*k, r.id.value.as_str())))
        .collect();
    let is_used = |kind, id: &str| used.contains(&(kind, id));

    for c in &plan.contacts {
        if !is_used(EntityKind::Contact, &c.id.value) {
            push(
                out,
                &c.id,
                "contact",
                "no escalation step, approver, authority entry, team lead or plan owner names it",
            );
        }
    }
    for t in &plan.teams {
        if !is_used(EntityKind::Team, &t.id.value) {
            push(
                out,
                &t.id,
                "team",
                "no channel, escalation step, approver, authority entry or training names it",
            );
        }
    }
    for e in &plan.escalation {
        if e.channels.is_empty() && !is_used(EntityKind::Escalation, &e.id.value) {
            push(
                out,
                &e.id,
                "escalation path",
                "it serves no channels and no complaint category uses it",
            );
        }
    }
    // A channel is offered to a profile that lists it or lists no channels at all.
    if !plan.profiles.is_empty() {
        for c in &plan.channels {
            let offered = plan.profiles.iter().any(|p| match &p.channels {
                None => true,
                Some(list) => list.iter().any(|id| id.value == c.id.value),
            });
            if !offered {
                push(
                    out,
                    &c.id,
                    "channel",
                    "no profile's `channels:` includes it, so no customer is told about it",
                );
            }
        }
    }
}

fn push(out: &mut Vec<Diagnostic>, id: &crate::model::Id, noun: &str, why: &str) {
    out.push(
        Diagnostic::new(
            &UNUSED_DEFINITION,
            &id.loc,
            format!("{noun} `{}` is never used: {why}", id.value),
        )
        .help(format!(
            "refer to `{}` where it was meant to be used, or remove it",
            id.value
        ))
        .data("id", id.value.as_str())
        .data("kind", noun),
    );
}
