//! `unknown-reference`: an id names nothing the plan defines.

use crate::diagnostic::Diagnostic;
use crate::model::{EntityKind, Located};
use crate::rules::{Context, rule};
use crate::suggest;

rule! {
    /// ## What it finds
    ///
    /// An id used to name another entity that the plan does not define: a channel's
    /// `team:`, an escalation step's `team:` or `contact:`, a complaint's `escalation:`, a
    /// remedy's `approver:`, an `authority:` entry, a profile's `channels:`, a training's
    /// `for:`, a metric's `source:`, the plan's `owner:`. Also a rule name in `checks:` that
    /// is not a rule. The message names the ids that do exist, or the closest one.
    ///
    /// ## Why it matters
    ///
    /// A dangling reference is a hole in the plan: a channel worked by a team that does not
    /// exist is worked by nobody, and an escalation step naming an unknown manager reaches
    /// no one.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - { id: first-line, hours: { mon-fri: 08:00-18:00 }, agents: 4 }
    /// channels:
    ///   - id: phone
    ///     kind: phone
    ///     team: tier3            # no team `tier3`; known teams: `first-line`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Correct the id to one the plan defines, or define the missing entity.
    pub static UNKNOWN_REFERENCE = "R001", "unknown-reference", References, Error,
        "an id names nothing the plan defines";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let definitions = plan.definitions();
    for reference in plan.references() {
        let found = definitions
            .iter()
            .any(|d| reference.to.contains(&d.kind) && d.id.value == reference.id.value);
        if found {
            continue;
        }
        let kinds: Vec<&str> = reference.to.iter().map(|k| k.noun()).collect();
        let what = kinds.join(" or ");
        let known: Vec<&str> = definitions
            .iter()
            .filter(|d| reference.to.contains(&d.kind))
            .map(|d| d.id.value.as_str())
            .collect();
        let message = format!(
            "{} names {what} `{}`, which the plan does not define",
            reference.from, reference.id.value
        );
        out.push(
            Diagnostic::new(&UNKNOWN_REFERENCE, &reference.id.loc, message)
                .help(help(&reference.id.value, &known, reference.to))
                .data("id", reference.id.value.as_str())
                .data("kind", what)
                .data("known", known.clone()),
        );
    }
    for list in [&plan.checks.allow, &plan.checks.warn, &plan.checks.deny] {
        for name in list {
            unknown_rule(name, out);
        }
    }
    for suppression in &plan.checks.ignore {
        unknown_rule(&suppression.rule, out);
    }
}

fn unknown_rule(name: &Located<String>, out: &mut Vec<Diagnostic>) {
    if crate::rules::find(&name.value).is_some() {
        return;
    }
    let help = match crate::rules::suggest(&name.value) {
        Some(s) => format!("did you mean `{s}`? `plan rules` lists every rule"),
        None => "`plan rules` lists every rule by code and name".to_owned(),
    };
    out.push(
        Diagnostic::new(&UNKNOWN_REFERENCE, &name.loc, format!("`{}` is not a rule", name.value))
            .help(help)
            .data("id", name.value.as_str())
            .data("kind", "rule"),
    );
}

fn help(id: &str, known: &[&str], kinds: &[EntityKind]) -> String {
    let plural = kinds.iter().map(|k| k.plural()).collect::<Vec<_>>().join(" or ");
    if let Some(close) = suggest::closest(id, known.iter().copied()) {
        return format!("did you mean `{close}`?");
    }
    if known.is_empty() {
        return format!("the plan defines no {plural}; add one with this id");
    }
    let mut list: Vec<String> = known.iter().take(8).map(|k| format!("`{k}`")).collect();
    if known.len() > 8 {
        list.push(format!("and {} more", known.len() - 8));
    }
    format!("known {plural}: {}", list.join(", "))
}
