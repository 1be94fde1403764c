//! Compensation family: complaint categories, the remedies staff may offer in them, and the
//! authority each team or contact has to grant them.
//!
//! Amounts are compared only where the comparison means something: money with money in the
//! same currency, percentages with percentages, and a percentage with money only through a
//! complaint's `order-value-cap`. `unlimited` is larger than any other amount.

pub mod authority_not_increasing;
pub mod complaint_without_remedy;
pub mod currency_mismatch;
pub mod percent_out_of_range;
pub mod remedy_over_authority;

pub use authority_not_increasing::AUTHORITY_NOT_INCREASING;
pub use complaint_without_remedy::COMPLAINT_WITHOUT_REMEDY;
pub use currency_mismatch::CURRENCY_MISMATCH;
pub use percent_out_of_range::PERCENT_OUT_OF_RANGE;
pub use remedy_over_authority::REMEDY_OVER_AUTHORITY;

use crate::model::values::{Amount, Money};
use crate::model::{AuthorityEntry, Plan};
use iso_currency::Currency;
use std::cmp::Ordering;

/// The authority entry of a team or contact, if it has one.
pub(crate) fn authority_of<'p>(plan: &'p Plan, id: &str) -> Option<&'p AuthorityEntry> {
    plan.authority.iter().find(|a| a.who.value == id)
}

/// How an id given as an approver or step target is described: "team `first-line`" or
/// "contact `anna-weber`"; `None` when it names neither (the reference rules report that).
pub(crate) fn describe_party(plan: &Plan, id: &str) -> Option<String> {
    if plan.teams.iter().any(|t| t.id.value == id) {
        Some(format!("team `{id}`"))
    } else if plan.contacts.iter().any(|c| c.id.value == id) {
        Some(format!("contact `{id}`"))
    } else {
        None
    }
}

/// The currency a sum of money is in: its own, or the plan's for a bare number.
pub(crate) fn currency_of(money: &Money, plan: &Plan) -> Option<Currency> {
    money.currency.or_else(|| plan.meta.currency.as_ref().map(|c| c.value))
}

/// Whether two sums of money are in the same currency (two bare numbers in a plan without a
/// currency are).
fn same_currency(a: &Money, b: &Money, plan: &Plan) -> bool {
    currency_of(a, plan) == currency_of(b, plan)
}

/// Compare what two parties may grant, where `None` is someone without an authority entry,
/// who may grant nothing. `None` as the result means the two cannot be compared: money in
/// different currencies, or money against a percentage of an unknown order value.
pub(crate) fn compare_limits(a: Option<&Amount>, b: Option<&Amount>, plan: &Plan) -> Option<Ordering> {
    match (a, b) {
        (None, None) => Some(Ordering::Equal),
        (None, Some(other)) => compare_with_nothing(other).map(Ordering::reverse),
        (Some(one), None) => compare_with_nothing(one),
        (Some(a), Some(b)) => compare_amounts(a, b, plan),
    }
}

fn compare_with_nothing(amount: &Amount) -> Option<Ordering> {
    match amount {
        Amount::Unlimited => Some(Ordering::Greater),
        Amount::Money(m) => Some(m.milli.cmp(&0)),
        Amount::Percent(p) => p.partial_cmp(&0.0),
    }
}

/// Compare two amounts without an order value: money with money in one currency,
/// percentages with percentages; `unlimited` is the largest.
pub(crate) fn compare_amounts(a: &Amount, b: &Amount, plan: &Plan) -> Option<Ordering> {
    match (a, b) {
        (Amount::Unlimited, Amount::Unlimited) => Some(Ordering::Equal),
        (Amount::Unlimited, _) => Some(Ordering::Greater),
        (_, Amount::Unlimited) => Some(Ordering::Less),
        (Amount::Money(a), Amount::Money(b)) if same_currency(a, b, plan) => Some(a.milli.cmp(&b.milli)),
        (Amount::Percent(a), Amount::Percent(b)) => a.partial_cmp(b),
        _ => None,
    }
}

/// `percent` of the order value `cap`, in the cap's currency (rounded to thousandths).
pub(crate) fn share_of(percent: f64, cap: &Money) -> Money {
    // `as` saturates, so a hostile percentage cannot overflow.
    let milli = (percent / 100.0 * cap.milli as f64).round() as i64;
    Money {
        milli,
        currency: cap.currency,
    }
}

/// An amount for a message: bare numbers are shown in the plan's currency.
pub(crate) fn show(amount: &Amount, plan: &Plan) -> String {
    match amount {
        Amount::Money(m) => show_money(m, plan),
        other => other.to_string(),
    }
}

/// A sum of money for a message, in the plan's currency when it is a bare number.
pub(crate) fn show_money(money: &Money, plan: &Plan) -> String {
    Money {
        milli: money.milli,
        currency: currency_of(money, plan),
    }
    .to_string()
}

/// Running one check on a plan written in YAML, for the rules' tests.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diagnostic::Diagnostic;
    use crate::load::{Format, load_text};
    use crate::model::FileId;
    use crate::rules::{Check, Context};
    use crate::source::SourceFile;

    /// The findings of `check` on `yaml`, with their messages.
    pub(crate) fn findings(yaml: &str, check: Check) -> Vec<Diagnostic> {
        let loaded = load_text(SourceFile::new("plan.yaml", yaml.to_owned()), FileId(0), Format::Yaml);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let plan = loaded.plan.expect("the plan loads");
        let mut out = Vec::new();
        check(&Context::without_timeline(&plan), &mut out);
        out
    }

    /// The text a finding points at.
    pub(crate) fn pointed_at<'a>(yaml: &'a str, d: &Diagnostic) -> &'a str {
        &yaml[d.span.start..d.span.end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::values::parse_amount;

    fn amount(s: &str) -> Amount {
        parse_amount(s).expect("a valid amount")
    }

    #[test]
    fn limits_compare_only_like_with_like() {
        let plan = Plan::default();
        let cmp = |a: &str, b: &str| compare_amounts(&amount(a), &amount(b), &plan);
        assert_eq!(cmp("50 EUR", "100 EUR"), Some(Ordering::Less));
        assert_eq!(cmp("unlimited", "100 EUR"), Some(Ordering::Greater));
        assert_eq!(cmp("10%", "5%"), Some(Ordering::Greater));
        assert_eq!(cmp("10%", "5 EUR"), None);
        assert_eq!(cmp("50 EUR", "50 USD"), None);
        assert_eq!(cmp("50", "40"), Some(Ordering::Greater));
        assert_eq!(cmp("50", "40 EUR"), None);
    }

    #[test]
    fn a_bare_number_is_in_the_plan_currency() {
        let mut plan = Plan::default();
        plan.meta.currency = Some(crate::model::Located::new(
            Currency::from_code("EUR").expect("EUR"),
            Default::default(),
        ));
        assert_eq!(
            compare_amounts(&amount("50"), &amount("40 EUR"), &plan),
            Some(Ordering::Greater)
        );
        assert_eq!(show(&amount("50"), &plan), "50 EUR");
    }

    #[test]
    fn nothing_is_less_than_any_positive_amount() {
        let plan = Plan::default();
        assert_eq!(
            compare_limits(None, Some(&amount("1 EUR")), &plan),
            Some(Ordering::Less)
        );
        assert_eq!(compare_limits(Some(&amount("0%")), None, &plan), Some(Ordering::Equal));
        assert_eq!(
            compare_limits(None, Some(&amount("unlimited")), &plan),
            Some(Ordering::Less)
        );
        assert_eq!(compare_limits(None, None, &plan), Some(Ordering::Equal));
    }

    #[test]
    fn a_share_of_the_order_value_cap() {
        let Amount::Money(cap) = amount("3000 EUR") else {
            unreachable!()
        };
        assert_eq!(share_of(10.0, &cap).to_string(), "300 EUR");
        assert_eq!(share_of(12.5, &cap).to_string(), "375 EUR");
        assert_eq!(share_of(f64::MAX, &cap).milli, i64::MAX);
    }
}
