//! `owner-missing`: nobody is accountable for the plan.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A plan without `plan.owner`: the contact accountable for the plan.
    ///
    /// ## Why it matters
    ///
    /// A plan needs someone who keeps it true: who signs off changes to promises and
    /// compensation, who runs the review, whom staff ask when the plan does not cover a
    /// case. The handbook names the owner.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   name: Nordlicht customer service plan
    ///   timezone: Europe/Berlin        # no `owner:`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add `owner: <contact id>` to `plan:`, naming a contact defined under `contacts:`.
    pub static OWNER_MISSING = "O005", "owner-missing", People, Warning,
        "the plan names no owner";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &cx.plan.meta;
    if meta.owner.is_some() {
        return;
    }
    out.push(
        Diagnostic::new(&OWNER_MISSING, &meta.loc, "the plan names no owner accountable for it")
            .help("add `owner: <contact id>` under `plan:`, naming one of the plan's contacts"),
    );
}
