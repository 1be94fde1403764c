//! `training-missing`: a team serves customers in areas no training of theirs covers.

use crate::diagnostic::Diagnostic;
use crate::model::{Loc, Plan, StepTarget, Team, Training};
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A team that serves customers — it works a channel, is a step of an escalation path or
    /// approves a remedy — when
    ///
    /// - no training lists the team in `for`, or
    /// - some of the team's `skills` are not among the `topics` of its trainings, or
    /// - a complaint category whose escalation path includes the team is not among those
    ///   topics, neither by its id nor through the topic `complaints` or
    ///   `complaint-handling`.
    ///
    /// One finding per team lists everything that is not covered.
    ///
    /// ## Why it matters
    ///
    /// The plan promises customers that the team can help with these things. Skills nobody
    /// trains fade or are never learnt by new colleagues, and a team that takes escalated
    /// complaints without complaint training settles them unevenly or not at all.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - id: technicians
    ///     skills: [troubleshooting, repairs]
    /// escalation:
    ///   - id: standard
    ///     steps:
    ///       - team: technicians
    /// training:
    ///   - id: repair-course
    ///     topics: [repairs]           # troubleshooting is not trained
    ///     for: [technicians]
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add the missing skills (and `complaints`, or the complaint categories the team takes)
    /// to the topics of one of the team's trainings, or add a training `for` the team.
    pub static TRAINING_MISSING = "O001", "training-missing", People, Warning,
        "a team serves customers in areas no training of theirs covers";
}

/// Topics that cover every complaint category.
const COMPLAINT_TOPICS: [&str; 2] = ["complaints", "complaint-handling"];

/// Why a team's training matters: where it serves customers.
struct Duty<'p> {
    loc: &'p Loc,
    label: String,
    /// The phrase for the message: "works channel `phone`".
    does: String,
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    for team in &plan.teams {
        let duties = duties(plan, &team.id.value);
        let Some(first) = duties.first() else { continue };
        let trainings: Vec<&Training> = plan
            .training
            .iter()
            .filter(|t| t.teams.iter().any(|id| id.value == team.id.value))
            .collect();
        let covered = |topic: &str| trainings.iter().any(|t| t.topics.iter().any(|x| x.value == topic));
        let skills: Vec<&str> = team
            .skills
            .iter()
            .map(|s| s.value.as_str())
            .filter(|s| !covered(s))
            .collect();
        let complaints: Vec<(&str, &Loc)> = if COMPLAINT_TOPICS.iter().any(|t| covered(t)) {
            Vec::new()
        } else {
            complaints_of(plan, team)
                .into_iter()
                .filter(|(id, _)| !covered(id))
                .collect()
        };
        if !trainings.is_empty() && skills.is_empty() && complaints.is_empty() {
            continue;
        }

        let id = &team.id.value;
        let skill_gap = format!("{} {}", plural(skills.len(), "skill", "skills"), code_list(&skills));
        let complaint_ids: Vec<&str> = complaints.iter().map(|(id, _)| *id).collect();
        let complaint_gap = format!(
            "{} {}",
            plural(complaint_ids.len(), "complaint category", "complaint categories"),
            code_list(&complaint_ids)
        );
        let message = if trainings.is_empty() {
            format!("team `{id}` {} but no training is for it", first.does)
        } else if complaints.is_empty() {
            format!("team `{id}` {} but its trainings do not cover {skill_gap}", first.does)
        } else if skills.is_empty() {
            // Only complaints are uncovered: say how they reach the team.
            let these = if complaints.len() == 1 {
                "that category"
            } else {
                "these categories"
            };
            format!(
                "team `{id}` takes {complaint_gap} through escalation, but its trainings cover neither {these} nor `complaints`"
            )
        } else {
            format!(
                "team `{id}` {} but its trainings cover neither {skill_gap} nor {complaint_gap}",
                first.does
            )
        };
        let mut topics: Vec<&str> = if trainings.is_empty() {
            team.skills.iter().map(|s| s.value.as_str()).collect()
        } else {
            skills.clone()
        };
        if !complaints.is_empty() && !topics.contains(&"complaints") {
            topics.push("complaints");
        }
        let help = match (trainings.is_empty(), topics.is_empty()) {
            (true, true) => format!("add a training with `for: [{id}]`"),
            (true, false) => format!(
                "add a training with `for: [{id}]` and `topics: [{}]`",
                topics.join(", ")
            ),
            (false, _) => format!(
                "add {} to the topics of a training for team `{id}`, or add a training for it",
                code_list(&topics)
            ),
        };
        // For a finding only about complaints, the escalation step that brings them matters most.
        let (related, label) = match complaints.first() {
            Some((complaint, step)) if skills.is_empty() && !trainings.is_empty() => {
                (*step, format!("complaint category `{complaint}` reaches the team here"))
            }
            _ => (first.loc, first.label.clone()),
        };
        out.push(
            Diagnostic::new(&TRAINING_MISSING, &team.id.loc, message)
                .related(related, label)
                .help(help)
                .data("team", id.as_str())
                .data(
                    "trainings",
                    trainings.iter().map(|t| t.id.value.clone()).collect::<Vec<_>>(),
                )
                .data("skills", skills.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                .data(
                    "complaints",
                    complaints.iter().map(|(c, _)| c.to_string()).collect::<Vec<_>>(),
                ),
        );
    }
}

/// Where a team serves customers: the channels it works, the escalation steps it takes and
/// the remedies it approves, in that order.
fn duties<'p>(plan: &'p Plan, team: &str) -> Vec<Duty<'p>> {
    let mut duties = Vec::new();
    for channel in &plan.channels {
        if let Some(t) = channel.team.as_ref().filter(|t| t.value == team) {
            duties.push(Duty {
                loc: &t.loc,
                label: format!("channel `{}` is worked by this team", channel.id.value),
                does: format!("works channel `{}`", channel.id.value),
            });
        }
    }
    for path in &plan.escalation {
        for (i, step) in path.steps.iter().enumerate() {
            if let StepTarget::Team(t) = &step.target
                && t.value == team
            {
                duties.push(Duty {
                    loc: &t.loc,
                    label: format!("step {} of escalation path `{}`", i + 1, path.id.value),
                    does: format!("is step {} of escalation path `{}`", i + 1, path.id.value),
                });
            }
        }
    }
    for complaint in &plan.complaints {
        for remedy in &complaint.remedies {
            if let Some(a) = remedy.approver.as_ref().filter(|a| a.value == team) {
                duties.push(Duty {
                    loc: &a.loc,
                    label: format!("approves a remedy of complaint category `{}`", complaint.id.value),
                    does: format!("approves remedies of complaint category `{}`", complaint.id.value),
                });
            }
        }
    }
    duties
}

/// The complaint categories whose escalation path includes the team, each with the step
/// that names the team.
fn complaints_of<'p>(plan: &'p Plan, team: &Team) -> Vec<(&'p str, &'p Loc)> {
    plan.complaints
        .iter()
        .filter_map(|c| {
            let path_id = c.escalation.as_ref()?;
            let path = plan.escalation.iter().find(|p| p.id.value == path_id.value)?;
            let step = path.steps.iter().find_map(|s| match &s.target {
                StepTarget::Team(t) if t.value == team.id.value => Some(&t.loc),
                _ => None,
            })?;
            Some((c.id.value.as_str(), step))
        })
        .collect()
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// `` `a`, `b` and `c` ``
fn code_list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    crate::rules::and_list(&quoted)
}

#[cfg(test)]
mod tests {
    use super::check;
    use crate::rules::compensation::testing::{findings, pointed_at};

    /// A team with `skills` that works a channel and takes complaints through `standard`,
    /// and `training`.
    fn plan(skills: &str, training: &str) -> String {
        format!(
            "version: 1
plan:
  name: Test
teams:
  - id: first-line
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 4
    skills: [{skills}]
  - id: back-office
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 2
    skills: [accounting]
channels:
  - id: phone
    kind: phone
    team: first-line
escalation:
  - id: standard
    steps:
      - team: first-line
complaints:
  - id: late-delivery
    escalation: standard
training:
{training}
"
        )
    }

    fn messages(skills: &str, training: &str) -> Vec<String> {
        findings(&plan(skills, training), check)
            .into_iter()
            .map(|d| d.message)
            .collect()
    }

    #[test]
    fn a_team_without_training_is_found_at_its_id() {
        let yaml = plan("orders", "  - id: other\n    topics: [orders]\n    for: [back-office]");
        let found = findings(&yaml, check);
        assert_eq!(found.len(), 1, "back-office serves no customers");
        assert_eq!(
            found[0].message,
            "team `first-line` works channel `phone` but no training is for it"
        );
        assert_eq!(pointed_at(&yaml, &found[0]), "first-line");
        assert_eq!(
            found[0].help.as_deref(),
            Some("add a training with `for: [first-line]` and `topics: [orders, complaints]`")
        );
    }

    #[test]
    fn skills_and_complaints_no_topic_covers_are_listed() {
        assert_eq!(
            messages(
                "orders, returns",
                "  - id: basics\n    topics: [orders]\n    for: [first-line]"
            ),
            [
                "team `first-line` works channel `phone` but its trainings cover neither skill `returns` nor complaint category `late-delivery`"
            ]
        );
        assert_eq!(
            messages(
                "orders, returns",
                "  - id: basics\n    topics: [orders, complaints]\n    for: [first-line]"
            ),
            ["team `first-line` works channel `phone` but its trainings do not cover skill `returns`"]
        );
    }

    #[test]
    fn complaints_are_covered_by_id_or_by_a_complaint_topic() {
        for topic in ["complaints", "complaint-handling", "late-delivery"] {
            let training = format!("  - id: basics\n    topics: [orders, {topic}]\n    for: [first-line]");
            assert!(messages("orders", &training).is_empty(), "{topic}");
        }
        assert_eq!(
            messages("orders", "  - id: basics\n    topics: [orders]\n    for: [first-line]"),
            [
                "team `first-line` takes complaint category `late-delivery` through escalation, but its trainings cover neither that category nor `complaints`"
            ]
        );
    }
}
