//! Which ids a plan defines and which it references, in one place, so the reference rules
//! and later the renderer resolve them the same way.

use super::{Id, Plan, StepTarget};

/// The kinds of entity an id can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Contact,
    Team,
    Channel,
    Profile,
    Escalation,
    Complaint,
    Training,
    Feedback,
    Metric,
    Guide,
}

impl EntityKind {
    /// Singular noun: "team".
    pub fn noun(self) -> &'static str {
        match self {
            EntityKind::Contact => "contact",
            EntityKind::Team => "team",
            EntityKind::Channel => "channel",
            EntityKind::Profile => "profile",
            EntityKind::Escalation => "escalation path",
            EntityKind::Complaint => "complaint category",
            EntityKind::Training => "training",
            EntityKind::Feedback => "feedback source",
            EntityKind::Metric => "metric",
            EntityKind::Guide => "guide",
        }
    }

    /// Plural noun: "teams".
    pub fn plural(self) -> &'static str {
        match self {
            EntityKind::Contact => "contacts",
            EntityKind::Team => "teams",
            EntityKind::Channel => "channels",
            EntityKind::Profile => "profiles",
            EntityKind::Escalation => "escalation paths",
            EntityKind::Complaint => "complaint categories",
            EntityKind::Training => "trainings",
            EntityKind::Feedback => "feedback sources",
            EntityKind::Metric => "metrics",
            EntityKind::Guide => "guides",
        }
    }
}

/// An entity's id as defined.
#[derive(Debug, Clone, Copy)]
pub struct Definition<'a> {
    pub kind: EntityKind,
    pub id: &'a Id,
}

/// An id used to name another entity.
#[derive(Debug, Clone)]
pub struct Reference<'a> {
    pub id: &'a Id,
    /// What the id may name: a team or a contact, for approvers.
    pub to: &'static [EntityKind],
    /// Who refers: "channel `phone`".
    pub from: String,
    /// The role of the reference: "team", "approver".
    pub role: &'static str,
}

const CONTACT: &[EntityKind] = &[EntityKind::Contact];
const TEAM: &[EntityKind] = &[EntityKind::Team];
const CHANNEL: &[EntityKind] = &[EntityKind::Channel];
const PROFILE: &[EntityKind] = &[EntityKind::Profile];
const ESCALATION: &[EntityKind] = &[EntityKind::Escalation];
const FEEDBACK: &[EntityKind] = &[EntityKind::Feedback];
const PERSON_OR_TEAM: &[EntityKind] = &[EntityKind::Team, EntityKind::Contact];

impl Plan {
    /// Every defined id, section by section, in file order.
    pub fn definitions(&self) -> Vec<Definition<'_>> {
        let mut out = Vec::new();
        let mut add = |kind, id| out.push(Definition { kind, id });
        self.contacts.iter().for_each(|c| add(EntityKind::Contact, &c.id));
        self.teams.iter().for_each(|t| add(EntityKind::Team, &t.id));
        self.channels.iter().for_each(|c| add(EntityKind::Channel, &c.id));
        self.profiles.iter().for_each(|p| add(EntityKind::Profile, &p.id));
        self.escalation.iter().for_each(|e| add(EntityKind::Escalation, &e.id));
        self.complaints.iter().for_each(|c| add(EntityKind::Complaint, &c.id));
        self.training.iter().for_each(|t| add(EntityKind::Training, &t.id));
        self.feedback.iter().for_each(|f| add(EntityKind::Feedback, &f.id));
        self.metrics.iter().for_each(|m| add(EntityKind::Metric, &m.id));
        self.self_help.guides.iter().for_each(|g| add(EntityKind::Guide, &g.id));
        out
    }

    /// Every reference from one entity to another, in file order.
    pub fn references(&self) -> Vec<Reference<'_>> {
        let mut out = Vec::new();
        let mut add = |id, to, from: String, role| out.push(Reference { id, to, from, role });
        if let Some(owner) = &self.meta.owner {
            add(owner, CONTACT, "the plan".to_owned(), "owner");
        }
        for t in &self.teams {
            if let Some(lead) = &t.lead {
                add(lead, CONTACT, format!("team `{}`", t.id.value), "lead");
            }
        }
        for c in &self.channels {
            if let Some(team) = &c.team {
                add(team, TEAM, format!("channel `{}`", c.id.value), "team");
            }
        }
        for p in &self.profiles {
            for ch in p.channels.iter().flatten() {
                add(ch, CHANNEL, format!("profile `{}`", p.id.value), "channel");
            }
        }
        for e in &self.escalation {
            for ch in &e.channels {
                add(ch, CHANNEL, format!("escalation path `{}`", e.id.value), "channel");
            }
            for (i, step) in e.steps.iter().enumerate() {
                let from = format!("step {} of escalation path `{}`", i + 1, e.id.value);
                match &step.target {
                    StepTarget::Team(id) => add(id, TEAM, from, "team"),
                    StepTarget::Contact(id) => add(id, CONTACT, from, "contact"),
                }
            }
        }
        for c in &self.complaints {
            if let Some(path) = &c.escalation {
                add(
                    path,
                    ESCALATION,
                    format!("complaint category `{}`", c.id.value),
                    "escalation",
                );
            }
            for r in &c.remedies {
                if let Some(approver) = &r.approver {
                    let from = format!("a {} remedy of `{}`", r.kind.value.as_str(), c.id.value);
                    add(approver, PERSON_OR_TEAM, from, "approver");
                }
            }
        }
        for a in &self.authority {
            add(&a.who, PERSON_OR_TEAM, "the authority table".to_owned(), "entry");
        }
        if let Some(after) = &self.after_sales {
            for ch in &after.technical_support {
                add(ch, CHANNEL, "after-sales technical support".to_owned(), "channel");
            }
        }
        for (i, q) in self.self_help.faq.iter().enumerate() {
            let from = || format!("self-help question {}", i + 1);
            for ch in q.channels.iter().flatten() {
                add(ch, CHANNEL, from(), "channel");
            }
            for p in q.profiles.iter().flatten() {
                add(p, PROFILE, from(), "profile");
            }
        }
        for g in &self.self_help.guides {
            let from = || format!("guide `{}`", g.id.value);
            for ch in g.channels.iter().flatten() {
                add(ch, CHANNEL, from(), "channel");
            }
            for p in g.profiles.iter().flatten() {
                add(p, PROFILE, from(), "profile");
            }
        }
        for t in &self.training {
            for team in &t.teams {
                add(team, TEAM, format!("training `{}`", t.id.value), "team");
            }
        }
        for f in &self.feedback {
            if let Some(via) = &f.via {
                add(via, CHANNEL, format!("feedback source `{}`", f.id.value), "channel");
            }
        }
        for m in &self.metrics {
            if let Some(source) = &m.source {
                add(source, FEEDBACK, format!("metric `{}`", m.id.value), "source");
            }
            if let Some(ch) = &m.channel {
                add(ch, CHANNEL, format!("metric `{}`", m.id.value), "channel");
            }
        }
        for s in &self.staffing {
            add(&s.channel, CHANNEL, "a staffing forecast".to_owned(), "channel");
        }
        out
    }
}
