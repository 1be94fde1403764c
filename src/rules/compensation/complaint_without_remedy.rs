//! `complaint-without-remedy`: a complaint category that says nothing about what staff may
//! offer the customer.

use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A complaint category without `remedies`: the plan says how the complaint is escalated
    /// and how fast it is resolved, but not what the customer may be offered.
    ///
    /// ## Why it matters
    ///
    /// Without a list of remedies every agent decides alone what a customer gets for the same
    /// problem: one offers nothing, the next a refund. Customers compare notes, and staff who
    /// do not know what they may offer escalate cases they could have settled themselves.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// complaints:
    ///   - id: late-delivery
    ///     escalation: standard
    ///     resolve-within: 2 days
    ///     # no remedies: what may the agent offer?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// List what staff may offer and who approves it, from an apology up to a refund:
    ///
    /// ```yaml
    ///     remedies:
    ///       - { kind: apology, approver: first-line }
    ///       - { kind: credit, value: 25 EUR, approver: first-line }
    /// ```
    pub static COMPLAINT_WITHOUT_REMEDY = "M001", "complaint-without-remedy", Compensation, Warning,
        "a complaint category lists no remedies";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for complaint in &cx.plan.complaints {
        if !complaint.remedies.is_empty() {
            continue;
        }
        let id = &complaint.id.value;
        let mut d = Diagnostic::new(
            &COMPLAINT_WITHOUT_REMEDY,
            &complaint.id.loc,
            format!("complaint category `{id}` lists no remedies: staff do not know what they may offer"),
        )
        .help(format!(
            "add `remedies:` to complaint `{id}`, e.g. `- {{ kind: apology, approver: <team> }}` and the credits, \
             coupons or refunds staff may grant"
        ))
        .data("complaint", id.as_str());
        if let Some(path) = &complaint.escalation
            && let Some(first) = cx
                .plan
                .escalation
                .iter()
                .find(|p| p.id.value == path.value)
                .and_then(|p| p.steps.first())
        {
            let target = first.target.id();
            d = d.related(
                &target.loc,
                format!(
                    "`{}` takes these complaints first (escalation path `{}`)",
                    target.value, path.value
                ),
            );
        }
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    #[test]
    fn a_complaint_without_remedies_is_found_at_its_id() {
        let yaml = "version: 1
plan:
  name: Test
teams:
  - id: first-line
    hours: { mon-fri: 08:00-18:00 }
    agents: 4
escalation:
  - id: standard
    steps:
      - team: first-line
complaints:
  - id: late-delivery
    escalation: standard
  - id: billing-error
    remedies:
      - { kind: apology, approver: first-line }
";
        let found = findings(yaml, check);
        assert_eq!(found.len(), 1);
        assert_eq!(pointed_at(yaml, &found[0]), "late-delivery");
        let related = &found[0].related[0];
        assert_eq!(&yaml[related.span.start..related.span.end], "first-line");
    }
}
