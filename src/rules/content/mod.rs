//! Content family: what customers and staff read — texts in every language the plan is
//! published in, and self-help for customers.

pub mod empty_self_help;
pub mod missing_translation;
pub mod untranslated_text;

pub use empty_self_help::EMPTY_SELF_HELP;
pub use missing_translation::MISSING_TRANSLATION;
pub use untranslated_text::UNTRANSLATED_TEXT;

use crate::model::{Located, Plan, Text};

/// What kind of text a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A short name, label or note that may well read the same in every language: names of
    /// entities, roles, shift names, the plan's company.
    Name,
    /// Sentences readers read: descriptions, FAQ questions and answers, guide titles and
    /// steps, remedy descriptions, after-sales conditions, training and feedback names.
    Prose,
}

/// Every human-readable text of a plan, each with what it belongs to ("the answer of FAQ
/// entry 2") and its kind, in the order of the file's sections. A text field added to the model must be
/// added here, or the content rules will not see it. The reasons of `checks:` suppressions
/// are left out: they are notes for whoever maintains the plan and appear in no document.
pub fn texts<'p>(plan: &'p Plan) -> Vec<(&'p Located<Text>, String, Kind)> {
    let mut all = Vec::new();
    let mut add = |text: Option<&'p Located<Text>>, what: String, kind: Kind| {
        if let Some(text) = text {
            all.push((text, what, kind));
        }
    };

    use Kind::{Name, Prose};
    let meta = &plan.meta;
    add(meta.name.as_ref(), "the plan's name".to_owned(), Name);
    add(meta.company.as_ref(), "the plan's company name".to_owned(), Name);
    for c in &plan.contacts {
        add(c.name.as_ref(), format!("the name of contact `{}`", c.id.value), Name);
        add(c.role.as_ref(), format!("the role of contact `{}`", c.id.value), Name);
    }
    for t in &plan.teams {
        add(t.name.as_ref(), format!("the name of team `{}`", t.id.value), Name);
        add(
            t.description.as_ref(),
            format!("the description of team `{}`", t.id.value),
            Prose,
        );
        for (i, shift) in t.shifts.iter().enumerate() {
            add(
                shift.name.as_ref(),
                format!("the name of shift {} of team `{}`", i + 1, t.id.value),
                Name,
            );
        }
    }
    for c in &plan.channels {
        add(c.name.as_ref(), format!("the name of channel `{}`", c.id.value), Name);
        add(
            c.description.as_ref(),
            format!("the description of channel `{}`", c.id.value),
            Prose,
        );
    }
    for p in &plan.profiles {
        let id = &p.id.value;
        add(p.name.as_ref(), format!("the name of profile `{id}`"), Name);
        add(
            p.description.as_ref(),
            format!("the description of profile `{id}`"),
            Prose,
        );
        add(p.gender.as_ref(), format!("the gender of profile `{id}`"), Name);
        add(p.education.as_ref(), format!("the education of profile `{id}`"), Name);
        for (i, gap) in p.intended_gaps.iter().enumerate() {
            add(
                Some(&gap.reason),
                format!("the reason of intended gap {} of profile `{id}`", i + 1),
                Name,
            );
        }
    }
    for e in &plan.escalation {
        add(
            e.name.as_ref(),
            format!("the name of escalation path `{}`", e.id.value),
            Name,
        );
        add(
            e.description.as_ref(),
            format!("the description of escalation path `{}`", e.id.value),
            Prose,
        );
    }
    for c in &plan.complaints {
        let id = &c.id.value;
        add(c.name.as_ref(), format!("the name of complaint `{id}`"), Name);
        add(
            c.description.as_ref(),
            format!("the description of complaint `{id}`"),
            Prose,
        );
        for (i, remedy) in c.remedies.iter().enumerate() {
            let what = format!(
                "the description of remedy {} ({}) of complaint `{id}`",
                i + 1,
                remedy.kind.value.as_str()
            );
            add(remedy.description.as_ref(), what, Prose);
        }
    }
    if let Some(after_sales) = &plan.after_sales {
        let installation = after_sales.installation.as_ref().and_then(|i| i.condition.as_ref());
        add(
            installation,
            "the condition of the installation offer".to_owned(),
            Prose,
        );
        let returns = after_sales.returns.as_ref().and_then(|r| r.condition.as_ref());
        add(returns, "the condition of the returns policy".to_owned(), Prose);
    }
    for t in &plan.training {
        add(t.name.as_ref(), format!("the name of training `{}`", t.id.value), Prose);
    }
    for (i, entry) in plan.self_help.faq.iter().enumerate() {
        add(
            Some(&entry.question),
            format!("the question of FAQ entry {}", i + 1),
            Prose,
        );
        add(Some(&entry.answer), format!("the answer of FAQ entry {}", i + 1), Prose);
    }
    for g in &plan.self_help.guides {
        add(Some(&g.title), format!("the title of guide `{}`", g.id.value), Prose);
        for (i, step) in g.steps.iter().enumerate() {
            add(Some(step), format!("step {} of guide `{}`", i + 1, g.id.value), Prose);
        }
    }
    for f in &plan.feedback {
        add(
            f.name.as_ref(),
            format!("the name of feedback source `{}`", f.id.value),
            Prose,
        );
        // Usually one of the common values documents put in words (`monthly`).
        add(
            f.when.as_ref(),
            format!("when feedback source `{}` asks", f.id.value),
            Name,
        );
    }
    for m in &plan.metrics {
        add(m.name.as_ref(), format!("the name of metric `{}`", m.id.value), Name);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, load_text};
    use crate::model::FileId;
    use crate::source::SourceFile;

    /// A plan with one of every kind of text (two of the repeated ones), each translated.
    const EVERY_TEXT: &str = r#"
version: 1
plan:
  name: { de: Plan, en: Plan }
  company: { de: Firma, en: Company }
  timezone: Europe/Berlin
  languages: [de, en]
contacts:
  - id: anna
    name: { de: Schichtleitung, en: Shift lead }
    role: { de: Leiterin, en: Head }
    phone: "+49 30 5550 1990"
teams:
  - id: desk
    name: { de: Service, en: Service desk }
    description: { de: Erste Ebene, en: First line }
    shifts:
      - name: { de: Früh, en: Early }
        hours: { mon-fri: 08:00-14:00 }
        agents: 2
      - name: { de: Spät, en: Late }
        hours: { mon-fri: 14:00-20:00 }
        agents: 2
channels:
  - id: phone
    kind: phone
    name: { de: Hotline, en: Hotline }
    description: { de: Kostenlos, en: Free }
    team: desk
    response: 2m
profiles:
  - id: owners
    name: { de: Eigentümer, en: Owners }
    description: { de: Kaufen selten, en: Buy rarely }
    gender: { de: gemischt, en: mixed }
    education: { de: gemischt, en: mixed }
    languages: [de]
    intended-gaps:
      - hours: { sat: 16:00-20:00 }
        reason: { de: Beschlossen, en: Decided }
escalation:
  - id: standard
    name: { de: Standard, en: Standard }
    description: { de: Zur Leitung, en: To the head }
    channels: [phone]
    steps:
      - team: desk
      - contact: anna
        after: 30m
complaints:
  - id: late
    name: { de: Verspätung, en: Late delivery }
    description: { de: Zu spät, en: Too late }
    escalation: standard
    remedies:
      - kind: apology
        approver: desk
      - kind: coupon
        value: 10%
        approver: desk
        description: { de: Gutschein, en: Voucher }
after-sales:
  installation: { offered: true, condition: { de: ab 500 EUR, en: over 500 EUR } }
  returns: { within: 30 days, condition: { de: Unbenutzt, en: Unused } }
training:
  - id: basics
    name: { de: Grundlagen, en: Basics }
    topics: [orders]
    for: [desk]
self-help:
  faq:
    - question: { de: Frage 1, en: Question 1 }
      answer: { de: Antwort 1, en: Answer 1 }
    - question: { de: Frage 2, en: Question 2 }
      answer: { de: Antwort 2, en: Answer 2 }
  guides:
    - id: reset
      title: { de: Zurücksetzen, en: Reset }
      steps: [{ de: Aus, en: Off }, { de: An, en: On }]
feedback:
  - id: survey
    name: { de: Umfrage, en: Survey }
    kind: survey
    when: { de: nach jedem Anruf, en: after each call }
    via: phone
metrics:
  - id: csat
    name: { de: Zufriedenheit, en: Satisfaction }
    target: ">= 90%"
    source: survey
"#;

    #[test]
    fn every_text_of_the_plan_is_listed() {
        let loaded = load_text(
            SourceFile::new("every-text.yaml", EVERY_TEXT.to_owned()),
            FileId(0),
            Format::Yaml,
        );
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let plan = loaded.plan.expect("the plan loads");
        let listed = texts(&plan);
        let what: Vec<&str> = listed.iter().map(|(_, what, _)| what.as_str()).collect();
        assert_eq!(
            what,
            [
                "the plan's name",
                "the plan's company name",
                "the name of contact `anna`",
                "the role of contact `anna`",
                "the name of team `desk`",
                "the description of team `desk`",
                "the name of shift 1 of team `desk`",
                "the name of shift 2 of team `desk`",
                "the name of channel `phone`",
                "the description of channel `phone`",
                "the name of profile `owners`",
                "the description of profile `owners`",
                "the gender of profile `owners`",
                "the education of profile `owners`",
                "the reason of intended gap 1 of profile `owners`",
                "the name of escalation path `standard`",
                "the description of escalation path `standard`",
                "the name of complaint `late`",
                "the description of complaint `late`",
                "the description of remedy 2 (coupon) of complaint `late`",
                "the condition of the installation offer",
                "the condition of the returns policy",
                "the name of training `basics`",
                "the question of FAQ entry 1",
                "the answer of FAQ entry 1",
                "the question of FAQ entry 2",
                "the answer of FAQ entry 2",
                "the title of guide `reset`",
                "step 1 of guide `reset`",
                "step 2 of guide `reset`",
                "the name of feedback source `survey`",
                "when feedback source `survey` asks",
                "the name of metric `csat`",
            ]
        );
        let prose: Vec<&str> = listed
            .iter()
            .filter(|(_, _, kind)| *kind == Kind::Prose)
            .map(|(_, what, _)| what.as_str())
            .collect();
        assert_eq!(
            prose,
            [
                "the description of team `desk`",
                "the description of channel `phone`",
                "the description of profile `owners`",
                "the description of escalation path `standard`",
                "the description of complaint `late`",
                "the description of remedy 2 (coupon) of complaint `late`",
                "the condition of the installation offer",
                "the condition of the returns policy",
                "the name of training `basics`",
                "the question of FAQ entry 1",
                "the answer of FAQ entry 1",
                "the question of FAQ entry 2",
                "the answer of FAQ entry 2",
                "the title of guide `reset`",
                "step 1 of guide `reset`",
                "step 2 of guide `reset`",
                "the name of feedback source `survey`",
            ]
        );
        // Every text of the file is translated, and each one is listed once.
        let translated = EVERY_TEXT.matches("{ de: ").count();
        assert_eq!(listed.len(), translated);
        assert!(
            listed
                .iter()
                .all(|(t, _, _)| matches!(t.value, Text::Translated(ref items) if items.len() == 2))
        );
    }
}
