//! `unused-intended-gap`: an intended gap that hides no gap.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};
use crate::time::schedule::HolidayDefault;

rule! {
    /// ## What it finds
    ///
    /// An entry of a profile's `intended-gaps` that excuses nothing in the whole check window:
    /// during its hours the profile gets everything it expects, and outside its expected
    /// hours it can always reach a channel. Removing such an entry changes no finding; an
    /// entry that excuses any gap or unreachable time (for `uncovered-expected-hours`,
    /// `language-gap`, `unreachable-hours` or `holiday-mismatch`) is in use. An entry made
    /// only of `dates:` that all lie after the window is kept for later and not reported.
    ///
    /// ## Why it matters
    ///
    /// Intended gaps silence findings. One that no longer matches anything is a stale
    /// decision: it may hide the next real gap that lands in those hours, and it misleads
    /// the next reader of the plan about how customers are served.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// intended-gaps:
    ///   - hours: { sat: 16:00-20:00 }
    ///     reason: Saturday evenings are email only.   # but the hotline is now open until 20:00
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Remove the entry, or narrow it to the hours that are still a deliberate gap.
    pub static UNUSED_INTENDED_GAP = "C007", "unused-intended-gap", Coverage, Warning,
        "an intended gap excuses no actual gap";
}

/// Whether a schedule consists only of `dates:` entries, all on or after `end`.
fn only_later_dates(schedule: &crate::model::Schedule, end: chrono::NaiveDate) -> bool {
    match schedule {
        crate::model::Schedule::Weekly { days, holidays, dates } => {
            days.is_empty()
                && holidays.is_none()
                && !dates.is_empty()
                && dates.iter().all(|d| d.dates.value.first >= end)
        }
        crate::model::Schedule::Always => false,
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (profile, times) in cx.plan.profiles.iter().zip(&cx.timeline.profiles) {
        // One reading for every rule that honours intended gaps: an entry is in use when it
        // meets a time one of them would otherwise report.
        let excusable = times.excusable();
        for gap in &profile.intended_gaps {
            let hours = times
                .owner
                .evaluate(&gap.hours.value, HolidayDefault::Weekly, times.window);
            if !hours.intersection(&excusable).is_empty() {
                continue;
            }
            // A gap for special dates that all lie after the window is for later, not stale.
            if hours.is_empty() && only_later_dates(&gap.hours.value, cx.timeline.days.to) {
                continue;
            }
            out.push(
                Diagnostic::new(
                    &UNUSED_INTENDED_GAP,
                    &gap.hours.loc,
                    format!(
                        "this intended gap of profile `{}` excuses nothing: the profile gets what it expects during these hours, and can reach a channel, in the whole check window",
                        profile.id.value
                    ),
                )
                .help("remove the entry, or narrow it to hours that are still a deliberate gap")
                .related(&gap.reason.loc, "reason given")
                .data("profile", profile.id.value.clone()),
            );
        }
    }
}
