//! `currency-mismatch`: an amount of money in another currency than the plan's.

use crate::diagnostic::Diagnostic;
use crate::model::values::Amount;
use crate::model::{Located, Plan};
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// An amount of money — a remedy's `value`, an `authority:` limit, a complaint's
    /// `order-value-cap` or the after-sales installation `price` — in a currency other than
    /// the plan's `currency`. Plans that state no currency are not checked.
    ///
    /// ## Why it matters
    ///
    /// Remedies are checked against authority limits, and percentages against the largest
    /// order value, only in one currency: a limit of 50 EUR says nothing about a coupon of
    /// 60 USD, so a remedy over its approver's authority goes unnoticed. Staff and customers
    /// reading the handbook and the FAQ also expect the currency they pay in.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   currency: EUR
    /// authority:
    ///   first-line: 50 USD
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write the amount in the plan's currency (or as a bare number, which takes the plan's
    /// currency).
    pub static CURRENCY_MISMATCH = "M004", "currency-mismatch", Compensation, Error,
        "an amount of money is not in the plan's currency";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some(plan_currency) = &plan.meta.currency else {
        return;
    };
    for (what, amount) in amounts(plan) {
        let Amount::Money(money) = &amount.value else {
            continue;
        };
        let Some(currency) = money.currency else {
            continue;
        };
        if currency == plan_currency.value {
            continue;
        }
        let (code, plan_code) = (currency.code(), plan_currency.value.code());
        out.push(
            Diagnostic::new(
                &CURRENCY_MISMATCH,
                &amount.loc,
                format!("{what} is {money}, but the plan's currency is {plan_code}"),
            )
            .related(&plan_currency.loc, format!("the plan's amounts are in {plan_code}"))
            .help(format!(
                "write the amount in {plan_code}; amounts in {code} cannot be compared with the plan's limits"
            ))
            .data("amount", money.to_string())
            .data("currency", code)
            .data("plan_currency", plan_code),
        );
    }
}

/// Every amount of the plan, with a description for messages.
fn amounts(plan: &Plan) -> Vec<(String, &Located<Amount>)> {
    let mut all = Vec::new();
    for complaint in &plan.complaints {
        let id = &complaint.id.value;
        if let Some(cap) = &complaint.order_value_cap {
            all.push((format!("the `order-value-cap` of complaint `{id}`"), cap));
        }
        for remedy in &complaint.remedies {
            if let Some(value) = &remedy.value {
                all.push((format!("the {} in complaint `{id}`", remedy.kind.as_str()), value));
            }
        }
    }
    for entry in &plan.authority {
        all.push((format!("the authority of `{}`", entry.who.value), &entry.limit));
    }
    if let Some(price) = plan
        .after_sales
        .as_ref()
        .and_then(|a| a.installation.as_ref())
        .and_then(|i| i.price.as_ref())
    {
        all.push(("the installation price".to_owned(), price));
    }
    all
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    const PLAN: &str = "version: 1
plan:
  name: Test
  currency: EUR
teams:
  - id: first-line
    hours: { mon-fri: 08:00-18:00 }
    agents: 4
complaints:
  - id: late-delivery
    order-value-cap: 3000 CHF
    remedies:
      - { kind: coupon, value: 10 GBP, approver: first-line }
      - { kind: credit, value: 10, approver: first-line }
      - { kind: refund, value: 100%, approver: first-line }
authority:
  first-line: 50 USD
after-sales:
  installation: { offered: true, price: 79 SEK }
";

    #[test]
    fn every_amount_in_another_currency_is_found() {
        let found = findings(PLAN, check);
        let pointed: Vec<&str> = found.iter().map(|d| pointed_at(PLAN, d)).collect();
        assert_eq!(pointed, ["3000 CHF", "10 GBP", "50 USD", "79 SEK"]);
        assert_eq!(
            found[2].message,
            "the authority of `first-line` is 50 USD, but the plan's currency is EUR"
        );
        let related = &found[2].related[0];
        assert_eq!(&PLAN[related.span.start..related.span.end], "EUR");
    }

    #[test]
    fn a_plan_without_a_currency_is_not_checked() {
        let plan = PLAN.replace("  currency: EUR\n", "");
        assert!(findings(&plan, check).is_empty());
    }
}
