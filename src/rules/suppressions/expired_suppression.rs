//! `expired-suppression`: a suppression whose `until` date has passed.

use super::{describe, path_text};
use crate::diagnostic::Diagnostic;
use crate::model::Suppression;
use crate::rules::rule;
use chrono::NaiveDate;

rule! {
    /// ## What it finds
    ///
    /// An entry of `checks.ignore` whose `until` date lies before today (`--today`). It no
    /// longer silences anything: its findings are reported again, and so is the entry.
    ///
    /// ## Why it matters
    ///
    /// `until` turns "we accept this for now" into a promise with a date. When the date
    /// passes, someone has to decide again: fix the plan, or accept the finding for longer,
    /// with a reason that still holds.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// checks:
    ///   ignore:
    ///     - rule: uncovered-expected-hours
    ///       path: profiles[home-owners]
    ///       reason: Saturday shift starts after the hiring round.
    ///       until: 2026-09-30              # passed
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Fix what the finding reports and remove the entry, or set a new `until` with a reason
    /// that still holds.
    pub static EXPIRED_SUPPRESSION = "S002", "expired-suppression", Suppressions, Warning,
        "a suppression in `checks.ignore` has passed its `until` date";
}

pub(super) fn finding(s: &Suppression, today: NaiveDate) -> Diagnostic {
    let until = s.until.as_ref().expect("only suppressions with an `until` date expire");
    let at = path_text(s);
    Diagnostic::new(
        &EXPIRED_SUPPRESSION,
        &until.loc,
        format!(
            "the suppression of {} expired on {} ({} days before {today}); its findings are reported again",
            describe(s, at.as_deref()),
            until.value,
            (today - until.value).num_days()
        ),
    )
    .related(&s.reason.loc, "reason given")
    .help("fix what the findings report and remove the entry, or set a new `until` with a reason that still holds")
    .data("rule", s.rule.value.clone())
    .data("until", until.value.to_string())
}
