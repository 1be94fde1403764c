//! `remedy-over-authority`: a remedy is worth more than its approver may grant.

use super::{authority_of, currency_of, describe_party, share_of, show, show_money};
use crate::diagnostic::Diagnostic;
use crate::model::values::{Amount, Money};
use crate::model::{Complaint, Plan, Remedy};
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A remedy whose `value` is more than its `approver` (a team or a contact) may grant
    /// according to `authority:`, or whose approver has no authority entry at all and so may
    /// grant nothing without asking.
    ///
    /// Money is compared with money in the same currency (a bare number is in the plan's
    /// `currency`), percentages with percentages. A percentage of an unknown order value
    /// cannot be compared with a limit in money, nor money with a percentage limit: only
    /// when the complaint states its largest order value as `order-value-cap` are the two
    /// compared, on that order. An `unlimited` authority never fires.
    ///
    /// ## Why it matters
    ///
    /// The plan tells an agent "you may offer this", and the authority table tells them "you
    /// may not grant that much". The agent either breaks the rule or makes the customer wait
    /// for an approval the plan said was not needed.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// complaints:
    ///   - id: late-delivery
    ///     remedies:
    ///       - { kind: coupon, value: 100 EUR, approver: first-line }
    /// authority:
    ///   first-line: 50 EUR       # may grant at most 50 EUR
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Raise the approver's authority to the remedy's value, lower the remedy to what the
    /// approver may grant, or name an approver with enough authority (usually the next
    /// escalation step). For remedies in percent, state the complaint's `order-value-cap`
    /// (`order-value-cap: 3000 EUR`) so that they can be checked against limits in money.
    pub static REMEDY_OVER_AUTHORITY = "M002", "remedy-over-authority", Compensation, Error,
        "a remedy is worth more than its approver may grant";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    for complaint in &plan.complaints {
        for (index, remedy) in complaint.remedies.iter().enumerate() {
            if let Some(d) = finding(plan, complaint, index, remedy) {
                out.push(d);
            }
        }
    }
}

fn finding(plan: &Plan, complaint: &Complaint, index: usize, remedy: &Remedy) -> Option<Diagnostic> {
    let (Some(value), Some(approver)) = (&remedy.value, &remedy.approver) else {
        return None;
    };
    let who = describe_party(plan, &approver.value)?;
    let kind = remedy.kind.as_str();
    let what = format!(
        "the {kind} of {} in complaint `{}`",
        show(value, plan),
        complaint.id.value
    );

    let Some(entry) = authority_of(plan, &approver.value) else {
        if !grants_something(&value.value) {
            return None;
        }
        return Some(
            Diagnostic::new(
                &REMEDY_OVER_AUTHORITY,
                &value.loc,
                format!(
                    "{what} is approved by {who}, which has no authority entry and may grant nothing without asking"
                ),
            )
            .related(&approver.loc, format!("{who} approves it here"))
            .help(format!(
                "add `{}: <amount>` under `authority:`, or name an approver who may grant {}",
                approver.value,
                show(value, plan)
            ))
            .data("complaint", complaint.id.value.as_str())
            .data("remedy", index)
            .data("kind", kind)
            .data("value", value.value.to_string())
            .data("approver", approver.value.as_str())
            .data("limit", serde_json::Value::Null),
        );
    };

    let limit = &entry.limit.value;
    let cap = complaint.order_value_cap.as_ref().and_then(|c| match &c.value {
        Amount::Money(m) => Some((m, &c.loc)),
        _ => None,
    });
    let over = exceeds(plan, &value.value, limit, cap.map(|(m, _)| m))?;

    let limit_shown = show(limit, plan);
    let worth = match (&over.worth_at_cap, &over.cap) {
        (Some(worth), Some(cap)) => format!("is worth up to {worth} on an order of {cap} (`order-value-cap`),"),
        _ => "is".to_owned(),
    };
    let allowed = match (&over.allowed_at_cap, &over.cap) {
        (Some(allowed), Some(cap)) => format!("{limit_shown} of the order value ({allowed} on an order of {cap})"),
        _ => limit_shown.clone(),
    };
    let mut d = Diagnostic::new(
        &REMEDY_OVER_AUTHORITY,
        &value.loc,
        format!("{what} {worth} more than the {allowed} {who} may grant"),
    )
    .related(&entry.limit.loc, format!("{who} may grant up to {limit_shown}"))
    .help(format!(
        "raise `authority.{}` to at least {}, lower the remedy, or name an approver who may grant it",
        approver.value, over.needed
    ))
    .data("complaint", complaint.id.value.as_str())
    .data("remedy", index)
    .data("kind", kind)
    .data("value", value.value.to_string())
    .data("approver", approver.value.as_str())
    .data("limit", limit.to_string());
    if let (Some((_, cap_loc)), Some(cap)) = (cap, &over.cap) {
        d = d
            .related(cap_loc, "the largest order value of this category")
            .data("order_value_cap", cap.as_str());
    }
    if let Some(worth) = &over.worth_at_cap {
        d = d.data("worth_at_cap", worth.as_str());
    }
    if let Some(allowed) = &over.allowed_at_cap {
        d = d.data("limit_at_cap", allowed.as_str());
    }
    Some(d)
}

/// Whether a remedy of this value is worth anything at all.
fn grants_something(value: &Amount) -> bool {
    match value {
        Amount::Money(m) => m.milli > 0,
        Amount::Percent(p) => *p > 0.0,
        Amount::Unlimited => true,
    }
}

/// How a remedy exceeds a limit.
#[derive(Default)]
struct Excess {
    /// The least authority that would cover the remedy, for the help line.
    needed: String,
    /// The order value a percentage was worked out on (`order-value-cap`), if one was.
    cap: Option<String>,
    /// What a percentage remedy is worth on that order.
    worth_at_cap: Option<String>,
    /// What a percentage limit allows on that order.
    allowed_at_cap: Option<String>,
}

/// Whether `value` is more than `limit`; `None` when it is not or when the two cannot be
/// compared.
fn exceeds(plan: &Plan, value: &Amount, limit: &Amount, cap: Option<&Money>) -> Option<Excess> {
    match (value, limit) {
        (_, Amount::Unlimited) => None,
        (Amount::Unlimited, _) => Some(Excess {
            needed: "`unlimited`".to_owned(),
            ..Excess::default()
        }),
        (Amount::Money(v), Amount::Money(l)) => (currency_of(v, plan) == currency_of(l, plan) && v.milli > l.milli)
            .then(|| Excess {
                needed: show_money(v, plan),
                ..Excess::default()
            }),
        (Amount::Percent(v), Amount::Percent(l)) => (v > l).then(|| Excess {
            needed: format!("{v}%"),
            ..Excess::default()
        }),
        // A share of the largest order against a limit in money: the remedy is worth this
        // much on the largest order of the category.
        (Amount::Percent(v), Amount::Money(l)) => {
            let cap = cap.filter(|c| currency_of(c, plan) == currency_of(l, plan))?;
            let worth = share_of(*v, cap);
            (worth.milli > l.milli).then(|| Excess {
                needed: show_money(&worth, plan),
                cap: Some(show_money(cap, plan)),
                worth_at_cap: Some(show_money(&worth, plan)),
                allowed_at_cap: None,
            })
        }
        // Money against a share of the order value: a share of the largest order is the
        // most the approver may ever grant, so more than that is too much for every order.
        (Amount::Money(v), Amount::Percent(l)) => {
            let cap = cap.filter(|c| currency_of(c, plan) == currency_of(v, plan))?;
            let allowed = share_of(*l, cap);
            (v.milli > allowed.milli).then(|| Excess {
                needed: show_money(v, plan),
                cap: Some(show_money(cap, plan)),
                worth_at_cap: None,
                allowed_at_cap: Some(show_money(&allowed, plan)),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    /// A plan in EUR with one complaint whose remedies are `remedies`, and `authority`.
    fn plan(cap: &str, remedies: &str, authority: &str) -> String {
        format!(
            "version: 1
plan:
  name: Test
  currency: EUR
contacts:
  - id: anna
    name: Anna Weber
teams:
  - id: first-line
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 4
complaints:
  - id: late-delivery
{cap}    remedies:
{remedies}
authority:
{authority}
"
        )
    }

    fn messages(cap: &str, remedies: &str, authority: &str) -> Vec<String> {
        findings(&plan(cap, remedies, authority), check)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn money_over_the_limit_points_at_the_value_and_labels_the_entry() {
        let yaml = plan(
            "",
            "      - { kind: coupon, value: 100 EUR, approver: first-line }",
            "  first-line: 50 EUR",
        );
        let found = findings(&yaml, check);
        assert_eq!(found.len(), 1);
        let d = &found[0];
        assert_eq!(
            d.message,
            "the coupon of 100 EUR in complaint `late-delivery` is more than the 50 EUR team `first-line` may grant"
        );
        assert_eq!(pointed_at(&yaml, d), "100 EUR");
        assert_eq!(&yaml[d.related[0].span.start..d.related[0].span.end], "50 EUR");
        assert_eq!(d.data["limit"], "50 EUR");
    }

    #[test]
    fn money_within_the_limit_or_unlimited_is_fine() {
        let coupon = "      - { kind: coupon, value: 50 EUR, approver: first-line }";
        assert!(messages("", coupon, "  first-line: 50 EUR").is_empty());
        assert!(messages("", coupon, "  first-line: 50").is_empty());
        assert!(messages("", coupon, "  first-line: unlimited").is_empty());
        let unlimited = "      - { kind: refund, value: unlimited, approver: anna }";
        assert!(messages("", unlimited, "  anna: unlimited").is_empty());
        assert_eq!(messages("", unlimited, "  anna: 500 EUR").len(), 1);
    }

    #[test]
    fn a_bare_number_is_in_the_plan_currency_and_other_currencies_are_not_compared() {
        let bare = "      - { kind: credit, value: 60, approver: first-line }";
        assert_eq!(
            messages("", bare, "  first-line: 50 EUR"),
            ["the credit of 60 EUR in complaint `late-delivery` is more than the 50 EUR team `first-line` may grant"]
        );
        let dollars = "      - { kind: credit, value: 60 USD, approver: first-line }";
        assert!(messages("", dollars, "  first-line: 50 EUR").is_empty());
    }

    #[test]
    fn an_approver_without_an_entry_may_grant_nothing() {
        let coupon = "      - { kind: coupon, value: 10 EUR, approver: anna }";
        assert_eq!(
            messages("", coupon, "  first-line: 50 EUR"),
            [
                "the coupon of 10 EUR in complaint `late-delivery` is approved by contact `anna`, which has no authority entry and may grant nothing without asking"
            ]
        );
        let free = "      - { kind: apology, value: 0 EUR, approver: anna }";
        assert!(messages("", free, "  first-line: 50 EUR").is_empty());
    }

    #[test]
    fn remedies_without_value_or_known_approver_are_skipped() {
        let remedies = "      - { kind: apology, approver: first-line }
      - { kind: coupon, value: 100 EUR }
      - { kind: coupon, value: 100 EUR, approver: nobody }";
        assert!(messages("", remedies, "  first-line: 50 EUR").is_empty());
    }

    #[test]
    fn percentages_against_money_need_the_order_value_cap() {
        let coupon = "      - { kind: coupon, value: 10%, approver: first-line }";
        assert!(messages("", coupon, "  first-line: 200 EUR").is_empty());
        let cap = "    order-value-cap: 3000 EUR\n";
        assert_eq!(
            messages(cap, coupon, "  first-line: 200 EUR"),
            [
                "the coupon of 10% in complaint `late-delivery` is worth up to 300 EUR on an order of 3000 EUR (`order-value-cap`), more than the 200 EUR team `first-line` may grant"
            ]
        );
        assert!(messages(cap, coupon, "  first-line: 300 EUR").is_empty());
        assert!(messages("    order-value-cap: 3000 USD\n", coupon, "  first-line: 200 EUR").is_empty());
    }

    #[test]
    fn percentages_compare_with_percentages() {
        let refund = "      - { kind: refund, value: 100%, approver: first-line }";
        assert_eq!(messages("", refund, "  first-line: 50%").len(), 1);
        assert!(messages("", refund, "  first-line: 100%").is_empty());
    }

    #[test]
    fn money_against_a_percentage_limit_uses_the_largest_order() {
        let credit = "      - { kind: credit, value: 400 EUR, approver: first-line }";
        assert!(messages("", credit, "  first-line: 10%").is_empty());
        let cap = "    order-value-cap: 3000 EUR\n";
        assert_eq!(
            messages(cap, credit, "  first-line: 10%"),
            [
                "the credit of 400 EUR in complaint `late-delivery` is more than the 10% of the order value (300 EUR on an order of 3000 EUR) team `first-line` may grant"
            ]
        );
        assert!(messages(cap, credit, "  first-line: 20%").is_empty());
    }
}
