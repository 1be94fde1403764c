//! `percent-out-of-range`: a percentage of the order value that is 0% or more than 100%.

use crate::diagnostic::Diagnostic;
use crate::model::values::Amount;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A remedy `value` or an `authority:` limit given as a percentage of the order value
    /// that is `0%` or more than `100%`: `0%` grants nothing, and `150%` is more than the
    /// customer paid.
    ///
    /// ## Why it matters
    ///
    /// A percentage is read as a share of the order. `0%` is usually a remedy whose value
    /// was never filled in, and more than `100%` is usually a typo (`150%` for `15%`); either
    /// way staff cannot tell what they may offer, and the FAQ promises something odd.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// complaints:
    ///   - id: late-delivery
    ///     remedies:
    ///       - { kind: coupon, value: 150%, approver: first-line }
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write the share you mean, between `0%` (exclusive) and `100%`. To grant more than the
    /// order value, give an amount of money (`250 EUR`); a remedy worth nothing, like an
    /// apology, needs no `value`.
    pub static PERCENT_OUT_OF_RANGE = "M005", "percent-out-of-range", Compensation, Error,
        "a percentage is 0% or more than 100% of the order value";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let remedies = plan.complaints.iter().flat_map(|c| {
        c.remedies.iter().filter_map(move |r| {
            let value = r.value.as_ref()?;
            Some((
                format!("the {} in complaint `{}`", r.kind.as_str(), c.id.value),
                value,
                true,
            ))
        })
    });
    let limits = plan
        .authority
        .iter()
        .map(|a| (format!("the authority of `{}`", a.who.value), &a.limit, false));
    for (what, amount, is_remedy) in remedies.chain(limits) {
        let Amount::Percent(percent) = amount.value else {
            continue;
        };
        if percent > 0.0 && percent <= 100.0 {
            continue;
        }
        let (problem, help) = if percent > 100.0 {
            (
                "more than the whole order value",
                "write a share of at most 100%, or an amount of money to grant more than the order value",
            )
        } else if is_remedy {
            (
                "nothing",
                "write the share the customer gets, or remove `value` from a remedy worth nothing (like an apology)",
            )
        } else {
            (
                "nothing",
                "write the share this approver may grant, or remove the entry if it may grant nothing",
            )
        };
        out.push(
            Diagnostic::new(
                &PERCENT_OUT_OF_RANGE,
                &amount.loc,
                format!("{what} is {percent}% of the order value, which is {problem}"),
            )
            .help(help)
            .data("percent", percent),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    const PLAN: &str = "version: 1
plan:
  name: Test
teams:
  - id: first-line
    hours: { mon-fri: 08:00-18:00 }
    agents: 4
complaints:
  - id: late-delivery
    remedies:
      - { kind: coupon, value: 0%, approver: first-line }
      - { kind: coupon, value: 0.5%, approver: first-line }
      - { kind: refund, value: 100%, approver: first-line }
      - { kind: refund, value: 150%, approver: first-line }
      - { kind: credit, value: 0 EUR, approver: first-line }
authority:
  first-line: 100.5%
";

    #[test]
    fn zero_and_more_than_a_hundred_percent_are_found() {
        let found = findings(PLAN, check);
        let pointed: Vec<&str> = found.iter().map(|d| pointed_at(PLAN, d)).collect();
        assert_eq!(pointed, ["0%", "150%", "100.5%"]);
        assert_eq!(
            found[0].message,
            "the coupon in complaint `late-delivery` is 0% of the order value, which is nothing"
        );
        assert_eq!(
            found[2].message,
            "the authority of `first-line` is 100.5% of the order value, which is more than the whole order value"
        );
    }
}
