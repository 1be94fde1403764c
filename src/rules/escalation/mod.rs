//! Escalation family: does every escalation path hand a contact over to someone who is
//! there, reachable, and later in a sensible order?

pub mod channel_without_escalation;
pub mod contact_unreachable;
pub mod escalation_cycle;
pub mod escalation_order;
pub mod escalation_unstaffed;

pub use channel_without_escalation::CHANNEL_WITHOUT_ESCALATION;
pub use contact_unreachable::CONTACT_UNREACHABLE;
pub use escalation_cycle::ESCALATION_CYCLE;
pub use escalation_order::ESCALATION_ORDER;
pub use escalation_unstaffed::ESCALATION_UNSTAFFED;

use crate::model::{Plan, StepTarget};

/// What a step reaches, for messages: "team `first-line`" or "Anna Weber (contact `anna-weber`)".
pub fn describe_target(plan: &Plan, target: &StepTarget) -> String {
    match target {
        StepTarget::Team(id) => format!("team `{}`", id.value),
        StepTarget::Contact(id) => match plan
            .contacts
            .iter()
            .find(|c| c.id.value == id.value)
            .and_then(|c| c.name.as_ref())
        {
            Some(name) => format!("{} (contact `{}`)", name.value.any(), id.value),
            None => format!("contact `{}`", id.value),
        },
    }
}
