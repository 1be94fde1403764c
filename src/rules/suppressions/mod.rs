//! Suppressions: `checks: { ignore: [{ rule, path, reason, until }] }` silences findings of
//! one rule at one place of the plan, with the reason written down. Applied once, after
//! every rule has run and severities are set; suppressions that silence nothing or have
//! expired are findings themselves.

pub mod expired_suppression;
pub mod unused_suppression;

pub use expired_suppression::EXPIRED_SUPPRESSION;
pub use unused_suppression::UNUSED_SUPPRESSION;

use crate::diagnostic::Diagnostic;
use crate::model::{PathSelector, Plan, PlanPath, Segment, Suppression};
use chrono::NaiveDate;

/// Whether a finding's path lies at or under a suppression's path.
fn covers(plan: &Plan, selector: &[PathSelector], path: &PlanPath) -> bool {
    if selector.len() > path.0.len() {
        return false;
    }
    let mut section = "";
    for (want, have) in selector.iter().zip(&path.0) {
        let ok = match (want, have) {
            (PathSelector::Key(k), Segment::Key(h)) => {
                section = h;
                k == h
            }
            (PathSelector::Index(i), Segment::Index(h)) => i == h,
            (PathSelector::Id(id), Segment::Index(h)) => plan.id_at(section, *h) == Some(id.as_str()),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

fn matches(plan: &Plan, suppression: &Suppression, d: &Diagnostic) -> bool {
    d.rule.configurable
        && d.rule.name == crate::rules::find(&suppression.rule.value).map_or("", |r| r.name)
        && suppression
            .path
            .as_ref()
            .is_none_or(|p| covers(plan, &p.value, &d.path))
}

/// Remove the findings the plan's suppressions silence, and report suppressions that have
/// expired (their findings come back) or silence nothing.
pub fn apply(plan: &Plan, today: NaiveDate, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut used = vec![false; plan.checks.ignore.len()];
    let mut kept: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    let active = |s: &Suppression| s.until.as_ref().is_none_or(|u| u.value >= today);
    for d in diagnostics {
        let hit = plan
            .checks
            .ignore
            .iter()
            .position(|s| active(s) && matches(plan, s, &d));
        match hit {
            Some(i) => used[i] = true,
            None => kept.push(d),
        }
    }
    for (s, used) in plan.checks.ignore.iter().zip(used) {
        if crate::rules::find(&s.rule.value).is_none() {
            continue; // reported by unknown-reference
        }
        if !active(s) {
            kept.push(expired_suppression::finding(s, today));
        } else if !used {
            kept.push(unused_suppression::finding(s));
        }
    }
    kept
}

/// A suppression's path as written: `channels[email].response`.
fn path_text(s: &Suppression) -> Option<String> {
    s.path.as_ref().map(|p| crate::model::path_selector_text(&p.value))
}

/// A suppression's place, for messages: "`holiday-mismatch` at `channels[phone]`".
fn describe(s: &Suppression, source_path: Option<&str>) -> String {
    match source_path {
        Some(path) => format!("`{}` at `{path}`", s.rule.value),
        None => format!("`{}` in the whole plan", s.rule.value),
    }
}
