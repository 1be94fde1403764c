//! `authority-not-increasing`: a later step of an escalation path may grant less than an
//! earlier one.

use super::{authority_of, compare_limits, describe_party, show};
use crate::diagnostic::Diagnostic;
use crate::model::values::Amount;
use crate::model::{AuthorityEntry, EscalationStep, Plan};
use crate::rules::{Context, rule};
use std::cmp::Ordering;

rule! {
    /// ## What it finds
    ///
    /// An escalation path in which a later step may grant less, according to `authority:`,
    /// than an earlier step. A step without an authority entry may grant nothing;
    /// `unlimited` is more than any amount. Money is compared with money in the same
    /// currency and percentages with percentages; other pairs are left alone.
    ///
    /// ## Why it matters
    ///
    /// A customer is escalated because the first person could not settle the case, often
    /// because the remedy needs more authority. Handing the case to someone who may grant
    /// even less only adds a wait, and the case comes back up the ladder.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// escalation:
    ///   - id: standard
    ///     steps:
    ///       - team: first-line
    ///       - team: technicians      # may grant 20 EUR, less than first-line
    ///         after: 30m
    /// authority:
    ///   first-line: 50 EUR
    ///   technicians: 20 EUR
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Give each step at least the authority of the steps before it, or reorder the steps so
    /// that cases move to people who may grant more.
    pub static AUTHORITY_NOT_INCREASING = "M003", "authority-not-increasing", Compensation, Warning,
        "a later escalation step may grant less than an earlier one";
}

/// A step whose target is a known team or contact, with what it may grant.
struct Rung<'p> {
    /// 1-based position in the path.
    number: usize,
    id: &'p str,
    who: String,
    entry: Option<&'p AuthorityEntry>,
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    for path in &plan.escalation {
        let rungs: Vec<(Rung<'_>, &EscalationStep)> = path
            .steps
            .iter()
            .enumerate()
            .filter_map(|(i, step)| {
                let id = step.target.id().value.as_str();
                let who = describe_party(plan, id)?;
                let rung = Rung {
                    number: i + 1,
                    id,
                    who,
                    entry: authority_of(plan, id),
                };
                Some((rung, step))
            })
            .collect();
        for (later_index, (later, step)) in rungs.iter().enumerate() {
            let Some(earlier) = highest_above(plan, &rungs[..later_index], later) else {
                continue;
            };
            let Some(earlier_entry) = earlier.entry else {
                continue;
            };
            let earlier_limit = show(&earlier_entry.limit.value, plan);
            let later_grants = match later.entry {
                Some(e) => format!("may grant up to {}", show(&e.limit.value, plan)),
                None => "has no authority entry and may grant nothing".to_owned(),
            };
            let message = format!(
                "escalation path `{}`: step {}, {}, {later_grants}, less than step {}, {} ({earlier_limit})",
                path.id.value, later.number, later.who, earlier.number, earlier.who
            );
            let mut d = Diagnostic::new(&AUTHORITY_NOT_INCREASING, &step.target.id().loc, message)
                .related(
                    &earlier_entry.limit.loc,
                    format!(
                        "{} (step {}) may grant up to {earlier_limit}",
                        earlier.who, earlier.number
                    ),
                )
                .help(format!(
                    "give `{}` at least {earlier_limit} under `authority:`, or move it before step {} of the path",
                    later.id, earlier.number
                ))
                .data("path", path.id.value.as_str())
                .data("step", later.number)
                .data("target", later.id)
                .data("limit", later.entry.map(|e| e.limit.value.to_string()))
                .data("earlier_step", earlier.number)
                .data("earlier_target", earlier.id)
                .data("earlier_limit", earlier_entry.limit.value.to_string());
            if let Some(entry) = later.entry {
                d = d.related(
                    &entry.limit.loc,
                    format!("{} may grant up to {}", later.who, show(&entry.limit.value, plan)),
                );
            }
            out.push(d);
        }
    }
}

/// What a step may grant: its authority limit, or `None` for nothing.
fn limit<'p>(rung: &Rung<'p>) -> Option<&'p Amount> {
    rung.entry.map(|e| &e.limit.value)
}

/// Of the earlier steps that may grant more than `later`, the one that may grant the most.
fn highest_above<'a, 'p>(
    plan: &Plan,
    earlier: &'a [(Rung<'p>, &EscalationStep)],
    later: &Rung<'p>,
) -> Option<&'a Rung<'p>> {
    let mut best: Option<&Rung<'p>> = None;
    for (rung, _) in earlier {
        if compare_limits(limit(rung), limit(later), plan) != Some(Ordering::Greater) {
            continue;
        }
        if best.is_none_or(|b| compare_limits(limit(rung), limit(b), plan) == Some(Ordering::Greater)) {
            best = Some(rung);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    fn plan(steps: &str, authority: &str) -> String {
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
  - id: technicians
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 2
escalation:
  - id: standard
    steps:
{steps}
authority:
{authority}
"
        )
    }

    const THREE_STEPS: &str = "      - team: first-line
      - team: technicians
        after: 30m
      - contact: anna
        after: 4h";

    fn messages(steps: &str, authority: &str) -> Vec<String> {
        findings(&plan(steps, authority), check)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_later_step_with_less_authority_is_found_at_its_target() {
        let yaml = plan(
            THREE_STEPS,
            "  first-line: 50 EUR\n  technicians: 20 EUR\n  anna: unlimited",
        );
        let found = findings(&yaml, check);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "escalation path `standard`: step 2, team `technicians`, may grant up to 20 EUR, less than step 1, team `first-line` (50 EUR)"
        );
        assert_eq!(pointed_at(&yaml, &found[0]), "technicians");
        let related = &found[0].related[0];
        assert_eq!(&yaml[related.span.start..related.span.end], "50 EUR");
    }

    #[test]
    fn increasing_or_equal_authority_is_fine() {
        assert!(
            messages(
                THREE_STEPS,
                "  first-line: 50 EUR\n  technicians: 200 EUR\n  anna: unlimited"
            )
            .is_empty()
        );
        assert!(messages(THREE_STEPS, "  first-line: 50 EUR\n  technicians: 50 EUR\n  anna: 50").is_empty());
    }

    #[test]
    fn each_offending_step_is_compared_with_the_highest_earlier_one() {
        assert_eq!(
            messages(
                THREE_STEPS,
                "  first-line: 50 EUR\n  technicians: unlimited\n  anna: 500 EUR"
            ),
            [
                "escalation path `standard`: step 3, contact `anna`, may grant up to 500 EUR, less than step 2, team `technicians` (unlimited)"
            ]
        );
        assert_eq!(
            messages(
                THREE_STEPS,
                "  first-line: 50 EUR\n  technicians: 20 EUR\n  anna: 30 EUR"
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_step_without_an_entry_may_grant_nothing() {
        assert_eq!(
            messages(THREE_STEPS, "  first-line: 50 EUR\n  anna: unlimited"),
            [
                "escalation path `standard`: step 2, team `technicians`, has no authority entry and may grant nothing, less than step 1, team `first-line` (50 EUR)"
            ]
        );
    }

    #[test]
    fn amounts_that_cannot_be_compared_are_left_alone() {
        assert!(
            messages(
                THREE_STEPS,
                "  first-line: 50 EUR\n  technicians: 20 USD\n  anna: unlimited"
            )
            .is_empty()
        );
        assert!(
            messages(
                THREE_STEPS,
                "  first-line: 50 EUR\n  technicians: 10%\n  anna: unlimited"
            )
            .is_empty()
        );
    }
}
