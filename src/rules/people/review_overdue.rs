//! `review-overdue`: the plan's last review is older than its review period.

use super::due_date;
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A plan whose `review.last` date plus `review.every` lies before today (`--today`).
    ///
    /// ## Why it matters
    ///
    /// A service plan that worked well years ago no longer fits: customers move to new
    /// channels, teams change, promises drift from what is staffed. A review date that has
    /// passed means nobody has looked at the whole plan when they said they would.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   review: { last: 2025-09-01, every: 6 months }   # due 2026-03-01
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Review the plan with its owner, then set `review.last` to the date of the review.
    pub static REVIEW_OVERDUE = "O003", "review-overdue", People, Warning,
        "the plan's review is overdue";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(review) = &cx.plan.meta.review else { return };
    let (Some(last), Some(every)) = (&review.last, &review.every) else {
        return;
    };
    let Some(due) = due_date(last.value, &every.value) else {
        return;
    };
    if due >= cx.today {
        return;
    }
    let late = (cx.today - due).num_days();
    let message = format!(
        "the plan was last reviewed on {} and is reviewed every {}: the review was due on {due}, {late} {} before {}",
        last.value,
        every.value,
        if late == 1 { "day" } else { "days" },
        cx.today
    );
    out.push(
        Diagnostic::new(&REVIEW_OVERDUE, &last.loc, message)
            .related(&every.loc, "review period")
            .help("review the plan with its owner, then set `review.last` to the date of the review")
            .data("last", last.value.to_string())
            .data("due", due.to_string())
            .data("days_overdue", late),
    );
}
