//! `duplicate-id`: two entities of one section share an id.

use crate::diagnostic::Diagnostic;
use crate::model::EntityKind;
use crate::rules::{Context, rule};
use std::collections::HashMap;

rule! {
    /// ## What it finds
    ///
    /// Two entities in the same section with the same `id` (two channels called `email`),
    /// and an id used by both a team and a contact, which `approver:` and `authority:`
    /// could not tell apart. Both places are labelled.
    ///
    /// ## Why it matters
    ///
    /// References pick one of the two at random from a reader's point of view: an
    /// escalation step or a metric may silently point at the wrong entity, and documents
    /// would show one of them twice.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - { id: email, kind: email, address: service@example.com }
    ///   - { id: email, kind: email, address: orders@example.com }
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Give each entity its own id (`service-email`, `order-email`) and update the
    /// references that meant the second one.
    pub static DUPLICATE_ID = "R002", "duplicate-id", References, Error,
        "two entities share an id";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let definitions = cx.plan.definitions();
    // Teams and contacts share one namespace: approvers and authority entries name either.
    let namespace = |kind: EntityKind| match kind {
        EntityKind::Contact => EntityKind::Team,
        other => other,
    };
    let mut first: HashMap<(EntityKind, &str), usize> = HashMap::new();
    for (i, def) in definitions.iter().enumerate() {
        let key = (namespace(def.kind), def.id.value.as_str());
        let Some(&j) = first.get(&key) else {
            first.insert(key, i);
            continue;
        };
        let earlier = &definitions[j];
        let message = if earlier.kind == def.kind {
            format!("{} id `{}` is defined twice", def.kind.noun(), def.id.value)
        } else {
            format!(
                "`{}` is the id of both a {} and a {}",
                def.id.value,
                earlier.kind.noun(),
                def.kind.noun()
            )
        };
        let help = if earlier.kind == def.kind {
            "give each one its own id and update the references meant for this one"
        } else {
            "approvers and authority entries name teams and contacts alike: rename one of them"
        };
        out.push(
            Diagnostic::new(&DUPLICATE_ID, &def.id.loc, message)
                .related(&earlier.id.loc, "first defined here")
                .help(help)
                .data("id", def.id.value.as_str()),
        );
    }
}
