//! The rule catalogue (SPEC §4): one file per rule, grouped by family, and the registry that
//! lists them in code order. A rule's doc comment is the explanation `plan explain` prints.
//!
//! Load and value rules, and `duplicate-entry`, are found by the loader while it reads a
//! plan (a repeated list entry is dropped there, so nothing after it sees the repetition):
//! it reports each as a [`crate::load::Problem`], which [`load::finding`] turns into the
//! finding of its rule. `overlapping-hours` is found both there (what a schedule's text
//! repeats) and by its check. The others are check functions run over a loaded
//! plan. Codes are never reused: a retired rule keeps its code in the registry.

pub mod compensation;
pub mod content;
mod context;
pub mod coverage;
pub mod escalation;
pub mod feedback;
pub mod hours;
pub mod load;
pub mod people;
pub mod promises;
pub mod reference;
pub mod references;
pub mod staffing;
pub mod suppressions;
pub mod values;

pub use context::Context;

use crate::diagnostic::{Diagnostic, Rule};

/// Declares a rule: its doc comment becomes the rule's explanation.
macro_rules! rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $ident:ident = $code:literal, $name:literal, $family:ident, $severity:ident,
        $summary:literal $(, configurable = $conf:literal)? ;
    ) => {
        $(#[doc = $doc])*
        $vis static $ident: crate::diagnostic::Rule = crate::diagnostic::Rule {
            code: $code,
            name: $name,
            family: crate::diagnostic::Family::$family,
            severity: crate::diagnostic::Severity::$severity,
            summary: $summary,
            explanation: concat!($($doc, "\n"),*),
            configurable: rule!(@conf $($conf)?),
        };
    };
    (@conf) => { true };
    (@conf $conf:literal) => { $conf };
}
pub(crate) use rule;

/// A check run over a loaded plan.
pub type Check = fn(&Context<'_>, &mut Vec<Diagnostic>);

/// A registered rule and its check, if it has one (load and value rules are reported by
/// the loader).
pub struct Entry {
    pub rule: &'static Rule,
    pub check: Option<Check>,
}

/// Every rule, in code order.
pub static REGISTRY: &[Entry] = &[
    Entry {
        rule: &coverage::UNCOVERED_EXPECTED_HOURS,
        check: Some(coverage::uncovered_expected_hours::check),
    },
    Entry {
        rule: &coverage::NO_LIVE_COVERAGE,
        check: Some(coverage::no_live_coverage::check),
    },
    Entry {
        rule: &coverage::LANGUAGE_GAP,
        check: Some(coverage::language_gap::check),
    },
    Entry {
        rule: &coverage::UNREACHABLE_HOURS,
        check: Some(coverage::unreachable_hours::check),
    },
    Entry {
        rule: &coverage::HOLIDAY_MISMATCH,
        check: Some(coverage::holiday_mismatch::check),
    },
    Entry {
        rule: &coverage::DST_SHIFT,
        check: Some(coverage::dst_shift::check),
    },
    Entry {
        rule: &coverage::UNUSED_INTENDED_GAP,
        check: Some(coverage::unused_intended_gap::check),
    },
    Entry {
        rule: &escalation::ESCALATION_UNSTAFFED,
        check: Some(escalation::escalation_unstaffed::check),
    },
    Entry {
        rule: &escalation::ESCALATION_ORDER,
        check: Some(escalation::escalation_order::check),
    },
    Entry {
        rule: &escalation::ESCALATION_CYCLE,
        check: Some(escalation::escalation_cycle::check),
    },
    Entry {
        rule: &escalation::CONTACT_UNREACHABLE,
        check: Some(escalation::contact_unreachable::check),
    },
    Entry {
        rule: &escalation::CHANNEL_WITHOUT_ESCALATION,
        check: Some(escalation::channel_without_escalation::check),
    },
    Entry {
        rule: &feedback::NO_FEEDBACK,
        check: Some(feedback::no_feedback::check),
    },
    Entry {
        rule: &feedback::METRIC_WITHOUT_TARGET,
        check: Some(feedback::metric_without_target::check),
    },
    Entry {
        rule: &feedback::METRIC_UNMEASURED,
        check: Some(feedback::metric_unmeasured::check),
    },
    Entry {
        rule: &hours::OVERLAPPING_HOURS,
        check: Some(hours::overlapping_hours::check),
    },
    Entry {
        rule: &hours::CHANNEL_OUTSIDE_TEAM_HOURS,
        check: Some(hours::channel_outside_team_hours::check),
    },
    Entry {
        rule: &hours::HOLIDAY_DATA_HORIZON,
        check: Some(hours::holiday_data_horizon::check),
    },
    Entry {
        rule: &load::SYNTAX_ERROR,
        check: None,
    },
    Entry {
        rule: &load::SCHEMA_ERROR,
        check: None,
    },
    Entry {
        rule: &load::UNSUPPORTED_VERSION,
        check: None,
    },
    Entry {
        rule: &compensation::COMPLAINT_WITHOUT_REMEDY,
        check: Some(compensation::complaint_without_remedy::check),
    },
    Entry {
        rule: &compensation::REMEDY_OVER_AUTHORITY,
        check: Some(compensation::remedy_over_authority::check),
    },
    Entry {
        rule: &compensation::AUTHORITY_NOT_INCREASING,
        check: Some(compensation::authority_not_increasing::check),
    },
    Entry {
        rule: &compensation::CURRENCY_MISMATCH,
        check: Some(compensation::currency_mismatch::check),
    },
    Entry {
        rule: &compensation::PERCENT_OUT_OF_RANGE,
        check: Some(compensation::percent_out_of_range::check),
    },
    Entry {
        rule: &people::TRAINING_MISSING,
        check: Some(people::training_missing::check),
    },
    Entry {
        rule: &people::TRAINING_OVERDUE,
        check: Some(people::training_overdue::check),
    },
    Entry {
        rule: &people::REVIEW_OVERDUE,
        check: Some(people::review_overdue::check),
    },
    Entry {
        rule: &people::REVIEW_MISSING,
        check: Some(people::review_missing::check),
    },
    Entry {
        rule: &people::OWNER_MISSING,
        check: Some(people::owner_missing::check),
    },
    Entry {
        rule: &promises::RESPONSE_UNACHIEVABLE,
        check: Some(promises::response_unachievable::check),
    },
    Entry {
        rule: &promises::EXPECTATION_UNMET,
        check: Some(promises::expectation_unmet::check),
    },
    Entry {
        rule: &promises::RESPONSE_MISSING,
        check: Some(promises::response_missing::check),
    },
    Entry {
        rule: &references::UNKNOWN_REFERENCE,
        check: Some(references::unknown_reference::check),
    },
    Entry {
        rule: &references::DUPLICATE_ID,
        check: Some(references::duplicate_id::check),
    },
    Entry {
        rule: &references::UNUSED_DEFINITION,
        check: Some(references::unused_definition::check),
    },
    Entry {
        rule: &references::DUPLICATE_ENTRY,
        check: None,
    },
    Entry {
        rule: &suppressions::UNUSED_SUPPRESSION,
        check: None,
    },
    Entry {
        rule: &suppressions::EXPIRED_SUPPRESSION,
        check: None,
    },
    Entry {
        rule: &content::MISSING_TRANSLATION,
        check: Some(content::missing_translation::check),
    },
    Entry {
        rule: &content::EMPTY_SELF_HELP,
        check: Some(content::empty_self_help::check),
    },
    Entry {
        rule: &content::UNTRANSLATED_TEXT,
        check: Some(content::untranslated_text::check),
    },
    Entry {
        rule: &values::INVALID_TIMEZONE,
        check: None,
    },
    Entry {
        rule: &values::INVALID_HOURS,
        check: None,
    },
    Entry {
        rule: &values::INVALID_DURATION,
        check: None,
    },
    Entry {
        rule: &values::INVALID_AMOUNT,
        check: None,
    },
    Entry {
        rule: &values::INVALID_DATE,
        check: None,
    },
    Entry {
        rule: &values::INVALID_LANGUAGE,
        check: None,
    },
    Entry {
        rule: &values::UNKNOWN_HOLIDAY_CALENDAR,
        check: None,
    },
    Entry {
        rule: &values::INVALID_TARGET,
        check: None,
    },
    Entry {
        rule: &values::INVALID_COUNTRY,
        check: None,
    },
    Entry {
        rule: &values::INVALID_URL,
        check: None,
    },
    Entry {
        rule: &values::VALUE_OUT_OF_RANGE,
        check: None,
    },
    Entry {
        rule: &staffing::UNDERSTAFFED,
        check: Some(staffing::understaffed::check),
    },
    Entry {
        rule: &staffing::VOLUME_OUTSIDE_HOURS,
        check: Some(staffing::volume_outside_hours::check),
    },
    Entry {
        rule: &staffing::OVERSTAFFED,
        check: Some(staffing::overstaffed::check),
    },
];

/// Items as an English list for messages: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// All rules in code order.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    REGISTRY.iter().map(|e| e.rule)
}

/// Find a rule by code (`R001`, any case) or name (`unknown-reference`).
pub fn find(key: &str) -> Option<&'static Rule> {
    all().find(|r| r.name == key || r.code.eq_ignore_ascii_case(key))
}

/// The closest rule name to a misspelt one, for "did you mean".
pub fn suggest(key: &str) -> Option<&'static str> {
    crate::suggest::closest(key, all().map(|r| r.name))
}

/// Run every check over a loaded plan.
pub fn run(cx: &Context<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in REGISTRY {
        if let Some(check) = entry.check {
            check(cx, &mut out);
        }
    }
    out
}

/// Run the checks of one family only (the reference checks need no time window).
pub fn run_family(plan: &crate::model::Plan, family: crate::diagnostic::Family) -> Vec<Diagnostic> {
    let cx = Context::without_timeline(plan);
    let mut out = Vec::new();
    for entry in REGISTRY.iter().filter(|e| e.rule.family == family) {
        if let Some(check) = entry.check {
            check(&cx, &mut out);
        }
    }
    out
}

/// A rule's explanation as plain text: the doc comment with its one leading space removed.
pub fn explanation(rule: &Rule) -> String {
    let mut text = String::new();
    for line in rule.explanation.lines() {
        text.push_str(line.strip_prefix(' ').unwrap_or(line));
        text.push('\n');
    }
    text.trim_end().to_owned() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_in_code_order_with_unique_codes_and_names() {
        let rules: Vec<_> = all().collect();
        for pair in rules.windows(2) {
            assert!(pair[0].code < pair[1].code, "{} before {}", pair[0].code, pair[1].code);
        }
        let mut names: Vec<_> = rules.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), rules.len());
    }

    #[test]
    fn every_explanation_has_the_four_headings() {
        for rule in all() {
            let text = explanation(rule);
            for heading in [
                "## What it finds",
                "## Why it matters",
                "## Example",
                "## What to do instead",
            ] {
                assert!(text.contains(heading), "{} lacks {heading}", rule.name);
            }
        }
    }

    #[test]
    fn rules_are_found_by_code_and_name() {
        assert_eq!(find("unknown-reference").map(|r| r.code), Some("R001"));
        assert_eq!(find("r001").map(|r| r.name), Some("unknown-reference"));
        assert_eq!(suggest("unknown-refrence"), Some("unknown-reference"));
    }
}
