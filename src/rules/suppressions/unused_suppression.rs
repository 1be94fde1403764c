//! `unused-suppression`: a suppression that silences nothing.

use super::{describe, path_text};
use crate::diagnostic::Diagnostic;
use crate::model::Suppression;
use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// An entry of `checks.ignore` that matches no finding: the rule does not fire at that
    /// path (any more), or the path names nothing.
    ///
    /// ## Why it matters
    ///
    /// A suppression records a decision ("we accept this gap, because…"). One that no longer
    /// matches is stale: it will silently swallow the next, different finding of that rule at
    /// that place, and it tells readers about a problem that is gone.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// checks:
    ///   ignore:
    ///     - rule: channel-outside-team-hours
    ///       path: channels[phone].hours      # the phone's hours were fixed in May
    ///       reason: The late shift starts in June.
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Remove the entry, or correct its `rule` or `path` (`plan check --format json` shows
    /// every finding's path as a suppression writes it, in `path_text`).
    pub static UNUSED_SUPPRESSION = "S001", "unused-suppression", Suppressions, Warning,
        "a suppression in `checks.ignore` silences no finding";
}

pub(super) fn finding(s: &Suppression) -> Diagnostic {
    let at = path_text(s);
    let loc = s.path.as_ref().map_or(&s.rule.loc, |p| &p.loc);
    Diagnostic::new(
        &UNUSED_SUPPRESSION,
        loc,
        format!("the suppression of {} silences no finding", describe(s, at.as_deref())),
    )
    .related(&s.reason.loc, "reason given")
    .help("remove the entry, or correct its `rule` or `path` (`plan check --format json` shows each finding's path, as `path_text`)")
    .data("rule", s.rule.value.clone())
    .data("path", at)
}
