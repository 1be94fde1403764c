//! `training-overdue`: a training has not been held as often as the plan says.

use super::due_date;
use crate::diagnostic::Diagnostic;
use crate::model::values::Duration;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A training whose `last` date plus `every` lies before today (`--today`), or a training
    /// with `every` that has no `last` date: it has never been held.
    ///
    /// ## Why it matters
    ///
    /// Products, prices, systems and remedies change, and staff turn over. A refresher that
    /// is a year late means agents answer customers from what they remember, and new
    /// colleagues may never have been trained at all.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// training:
    ///   - id: complaint-handling
    ///     topics: [de-escalation, compensation-policy]
    ///     for: [first-line]
    ///     every: 12 months
    ///     last: 2025-01-20          # due 2026-01-20
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Hold the training, then set `last` to the date it took place. If it is held less
    /// often on purpose, change `every`.
    pub static TRAINING_OVERDUE = "O002", "training-overdue", People, Warning,
        "a training is overdue or was never held";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for training in &cx.plan.training {
        let id = &training.id.value;
        let Some(every) = &training.every else { continue };
        let Some(last) = &training.last else {
            out.push(
                Diagnostic::new(
                    &TRAINING_OVERDUE,
                    &training.id.loc,
                    format!(
                        "training `{id}` is held {} but has never been held: it has no `last` date",
                        period(&every.value)
                    ),
                )
                .related(&every.loc, "training period")
                .help(format!(
                    "hold training `{id}`, then add `last: <date>` with the date it took place"
                ))
                .data("training", id.as_str())
                .data("last", serde_json::Value::Null),
            );
            continue;
        };
        let Some(due) = due_date(last.value, &every.value) else {
            continue;
        };
        if due >= cx.today {
            continue;
        }
        let late = (cx.today - due).num_days();
        let message = format!(
            "training `{id}` was last held on {} and is held {}: it was due on {due}, {late} {} before {}",
            last.value,
            period(&every.value),
            if late == 1 { "day" } else { "days" },
            cx.today
        );
        out.push(
            Diagnostic::new(&TRAINING_OVERDUE, &last.loc, message)
                .related(&every.loc, "training period")
                .help(format!(
                    "hold training `{id}`, then set its `last` to the date it took place"
                ))
                .data("training", id.as_str())
                .data("last", last.value.to_string())
                .data("due", due.to_string())
                .data("days_overdue", late),
        );
    }
}

/// "every 6 months", "every year" (not "every 1 year").
fn period(every: &Duration) -> String {
    let text = every.to_string();
    match text.strip_prefix("1 ") {
        Some(unit) => format!("every {unit}"),
        None => format!("every {text}"),
    }
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    /// Checks run on 2026-01-01 (a context without a timeline).
    fn plan(training: &str) -> String {
        format!(
            "version: 1
plan:
  name: Test
teams:
  - id: first-line
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 4
training:
  - id: complaint-handling
    topics: [complaints]
    for: [first-line]
{training}
"
        )
    }

    #[test]
    fn an_overdue_training_is_found_at_its_last_date() {
        let yaml = plan("    every: 12 months\n    last: 2024-12-20");
        let found = findings(&yaml, check);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "training `complaint-handling` was last held on 2024-12-20 and is held every year: it was due on 2025-12-20, 12 days before 2026-01-01"
        );
        assert_eq!(pointed_at(&yaml, &found[0]), "2024-12-20");
        assert_eq!(found[0].data["days_overdue"], 12);
    }

    #[test]
    fn a_training_due_today_or_later_is_fine() {
        assert!(findings(&plan("    every: 12 months\n    last: 2025-01-01"), check).is_empty());
        assert!(findings(&plan("    every: 6 months\n    last: 2025-09-01"), check).is_empty());
    }

    #[test]
    fn a_training_never_held_is_found_at_its_id() {
        let yaml = plan("    every: 6 months");
        let found = findings(&yaml, check);
        assert_eq!(
            found[0].message,
            "training `complaint-handling` is held every 6 months but has never been held: it has no `last` date"
        );
        assert_eq!(pointed_at(&yaml, &found[0]), "complaint-handling");
    }

    #[test]
    fn a_training_without_a_period_is_not_checked() {
        assert!(findings(&plan("    last: 2020-01-01"), check).is_empty());
    }
}
