//! `review-missing`: the plan does not say when it was last reviewed or how often.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A plan without `plan.review`, or whose `review` lacks `last` (when it was last
    /// reviewed) or `every` (how often it is reviewed).
    ///
    /// ## Why it matters
    ///
    /// Customers, channels and teams change; a plan nobody reviews on a schedule slowly
    /// stops describing how the business actually serves its customers. Without both dates
    /// `plan` cannot tell you when the review is due.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   name: Nordlicht customer service plan
    ///   review: { every: 6 months }     # when was it last reviewed?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add `review: { last: <date of the last review>, every: 6 months }` (or the period your
    /// business keeps) to the `plan:` section.
    pub static REVIEW_MISSING = "O004", "review-missing", People, Warning,
        "the plan has no review date or review period";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &cx.plan.meta;
    let (loc, message) = match &meta.review {
        None => (&meta.loc, "the plan does not say when it is reviewed".to_owned()),
        Some(r) => match (r.last_given, r.every_given) {
            (true, true) => return,
            (false, true) => (&r.loc, "the plan's review has no `last` date".to_owned()),
            (true, false) => (&r.loc, "the plan's review has no `every` period".to_owned()),
            (false, false) => (&r.loc, "the plan's review has neither `last` nor `every`".to_owned()),
        },
    };
    out.push(
        Diagnostic::new(&REVIEW_MISSING, loc, message)
            .help("add `review: { last: YYYY-MM-DD, every: 6 months }` under `plan:`"),
    );
}
