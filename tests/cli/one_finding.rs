//! One mistake, one finding: a rule reports a mistake once, at the place to fix it, naming
//! everything it affects, rather than once per channel it touches; and a value that cannot
//! be read does not also draw the findings that would be derived from it.

use crate::support::{Run, json, root};
use std::collections::BTreeMap;

fn check_json(plan: &str) -> serde_json::Value {
    let out = Run::new()
        .file("plan.yaml", plan)
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--fail-on",
            "never",
            "--format",
            "json",
            "plan.yaml",
        ])
        .expect(0);
    json(&out)
}

fn of_rule<'a>(doc: &'a serde_json::Value, rule: &str) -> Vec<&'a serde_json::Value> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

/// A plan with a first-line team on weekdays, written channels and an escalation path.
const TWO_CHANNELS: &str = r#"version: 1
plan:
  name: Grouping
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  languages: [en]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - id: anna
    name: Anna Weber
    phone: "+49 30 5550 1990"
    hours: { mon-fri: 09:00-17:00 }
teams:
  - id: first-line
    lead: anna
    languages: [en]
    hours: { mon-fri: 08:00-20:00 }
    agents: 4
channels:
  - id: email
    kind: email
    team: first-line
    response: 3 days
  - id: form
    kind: web-form
    address: https://example.com/contact
    team: first-line
    response: 3 days
  - id: phone
    kind: phone
    team: first-line
    response: 2m
profiles:
  - id: customers
    languages: [en]
    channels: [email, form, phone]
    expects: { hours: { mon-fri: 08:00-20:00 }, live: true, response: 1 day }
escalation:
  - id: standard
    channels: [phone, email, form]
    steps:
      - team: first-line
      - contact: anna
        after: 4h
training:
  - { id: basics, topics: [complaints], for: [first-line], every: 12 months, last: 2026-03-01 }
feedback:
  - { id: csat, kind: survey, via: email, when: after-resolution }
self-help:
  faq:
    - { question: When are you open?, answer: Monday to Friday. }
"#;

#[test]
fn an_expectation_broken_by_two_channels_is_one_finding_naming_both() {
    let doc = check_json(TWO_CHANNELS);
    let found = of_rule(&doc, "expectation-unmet");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!(d["path"], serde_json::json!(["profiles", 0, "expects", "response"]));
    let message = d["message"].as_str().unwrap();
    assert!(message.contains("`email`") && message.contains("`form`"), "{message}");
    let channels: Vec<&str> = d["data"]["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels.len(), 2, "{d}");
    assert!(channels.contains(&"email") && channels.contains(&"form"));
    assert_eq!(d["related"].as_array().unwrap().len(), 2, "both promises are labelled");
}

#[test]
fn an_unstaffed_step_is_one_finding_naming_every_channel_of_the_path() {
    let doc = check_json(TWO_CHANNELS);
    let found = of_rule(&doc, "escalation-unstaffed");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = found[0];
    assert_eq!(d["path"], serde_json::json!(["escalation", 0, "steps", 1, "contact"]));
    let channels: Vec<&str> = d["data"]["channels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["channel"].as_str().unwrap())
        .collect();
    assert_eq!(channels.len(), 3, "{d}");
    let message = d["message"].as_str().unwrap();
    for c in ["`phone`", "`email`", "`form`"] {
        assert!(message.contains(c), "{c} missing from: {message}");
    }
}

/// Every rule reports at most one finding at one place, in every sample plan and every
/// rule fixture.
#[test]
fn no_rule_reports_twice_at_one_place() {
    let mut files: Vec<std::path::PathBuf> = Vec::new();
    for dir in ["plans", "tests/fixtures/rules", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if matches!(ext, "yaml" | "toml") && !path.to_string_lossy().contains("/ci/") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut repeated = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let out = Run::new()
            .file(&name, std::fs::read(path).unwrap())
            .args([
                "check",
                "--today",
                "2026-11-22",
                "--fail-on",
                "never",
                "--format",
                "json",
                &name,
            ])
            .expect(0);
        let doc = json(&out);
        let mut seen: BTreeMap<(String, u64, u64), usize> = BTreeMap::new();
        for d in doc["diagnostics"].as_array().unwrap() {
            let key = (
                d["rule"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            );
            *seen.entry(key).or_default() += 1;
        }
        for ((rule, line, column), n) in seen {
            if n > 1 {
                repeated.push(format!("{name}:{line}:{column}: {rule} ×{n}"));
            }
        }
    }
    assert!(
        repeated.is_empty(),
        "findings repeated at one place:\n{}",
        repeated.join("\n")
    );
}

/// The rules that draw conclusions from a plan's hours, shifts and promises.
const DERIVED: [&str; 13] = [
    "uncovered-expected-hours",
    "no-live-coverage",
    "language-gap",
    "unreachable-hours",
    "holiday-mismatch",
    "response-unachievable",
    "expectation-unmet",
    "escalation-unstaffed",
    "channel-outside-team-hours",
    "understaffed",
    "overstaffed",
    "volume-outside-hours",
    "unused-intended-gap",
];

fn rules_of(doc: &serde_json::Value) -> Vec<String> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn an_unreadable_channel_schedule_draws_no_findings_about_that_channel() {
    let plan = TWO_CHANNELS.replacen(
        "    team: first-line\n    response: 3 days\n  - id: form",
        "    team: first-line\n    hours: { mon-fri: 8-18 }\n    response: 3 days\n  - id: form",
        1,
    );
    assert_ne!(plan, TWO_CHANNELS);
    let doc = check_json(&plan);
    let hours_errors = of_rule(&doc, "invalid-hours");
    assert_eq!(hours_errors.len(), 1, "{doc:#}");
    for d in doc["diagnostics"].as_array().unwrap() {
        if DERIVED.contains(&d["rule"].as_str().unwrap()) {
            assert!(
                !d["message"].as_str().unwrap().contains("`email`"),
                "a finding derived from the unreadable hours: {d}"
            );
        }
    }
    // The other written channel is still checked.
    assert!(
        !of_rule(&doc, "response-unachievable").is_empty(),
        "{:?}",
        rules_of(&doc)
    );
}

#[test]
fn an_unreadable_team_schedule_or_head_count_is_the_only_finding_about_its_times() {
    for (from, to) in [
        (
            "    hours: { mon-fri: 08:00-20:00 }\n    agents: 4",
            "    hours: { mon-fri: 8-20 }\n    agents: 4",
        ),
        (
            "    hours: { mon-fri: 08:00-20:00 }\n    agents: 4",
            "    hours: { mon-fri: 08:00-20:00 }\n    agents: 4000000",
        ),
    ] {
        let plan = TWO_CHANNELS.replacen(from, to, 1);
        assert_ne!(plan, TWO_CHANNELS);
        let doc = check_json(&plan);
        let rules = rules_of(&doc);
        let derived: Vec<&String> = rules.iter().filter(|r| DERIVED.contains(&r.as_str())).collect();
        assert!(derived.is_empty(), "{to}: derived findings {derived:?} in {rules:?}");
        assert!(
            rules.iter().any(|r| r == "invalid-hours" || r == "value-out-of-range"),
            "{rules:?}"
        );
    }
}

#[test]
fn an_unreadable_intended_gap_draws_no_gap_findings() {
    let plan = TWO_CHANNELS.replacen(
        "    expects: { hours: { mon-fri: 08:00-20:00 }, live: true, response: 1 day }\n",
        "    expects: { hours: { mon-sat: 08:00-20:00 }, live: true, response: 1 day }\n    intended-gaps:\n      - { hours: { sat: 8-20 }, reason: Saturdays are not served. }\n",
        1,
    );
    assert_ne!(plan, TWO_CHANNELS);
    let doc = check_json(&plan);
    let rules = rules_of(&doc);
    assert!(rules.iter().any(|r| r == "invalid-hours"), "{rules:?}");
    for rule in [
        "uncovered-expected-hours",
        "no-live-coverage",
        "unreachable-hours",
        "unused-intended-gap",
    ] {
        let found = of_rule(&doc, rule);
        assert!(
            found.iter().all(|d| !d["message"].as_str().unwrap().contains("Sat")),
            "{rule} reports Saturdays although the gap that excuses them could not be read: {found:#?}"
        );
    }
}

/// `{ mon-fri: 07:30-09:00, 18:00-20:00 }` and unquoted texts with commas in `{ … }`.
const COMMA_TRAP: &str = r#"version: 1
plan: { name: Comma, owner: anna, timezone: Europe/Berlin, review: { last: 2026-09-01, every: 6 months } }
contacts:
  - { id: anna, name: Anna Weber, phone: "+49 30 5550 1990" }
teams:
  - { id: desk, lead: anna, hours: { mon-fri: 07:30-09:00, 18:00-20:00 }, agents: 2 }
channels:
  - { id: phone, kind: phone, team: desk, response: 2m }
escalation:
  - { id: standard, channels: [phone], steps: [{ team: desk }] }
training:
  - { id: basics, topics: [complaints], for: [desk], every: 12 months, last: 2026-03-01 }
feedback:
  - { id: csat, kind: survey, via: phone, when: after-resolution }
self-help:
  faq:
    - { question: Wann, wo und wie erreiche ich Sie?, answer: Montag bis Freitag, 8 bis 18 Uhr. }
"#;

#[test]
fn the_yaml_comma_trap_is_one_finding_per_value_that_says_to_quote_it() {
    let doc = check_json(COMMA_TRAP);
    let errors: Vec<&serde_json::Value> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let mut plan = COMMA_TRAP.to_owned();
    for d in &errors {
        let help = d["help"].as_str().unwrap();
        assert!(d["message"].as_str().unwrap().contains("a comma ends"), "{d}");
        // The help's first suggestion, applied as written, fixes the value.
        let meant = help.split('`').nth(1).unwrap();
        let (key, _) = meant.split_once(": ").unwrap();
        let line = plan
            .lines()
            .nth(d["line"].as_u64().unwrap() as usize - 1)
            .unwrap()
            .to_owned();
        let start = line.find(&format!("{key}: ")).unwrap();
        let end = line[start..].find(" }").map(|e| start + e).unwrap();
        let end = if key == "question" {
            line.find(", answer:").unwrap()
        } else {
            end
        };
        let fixed = format!("{}{meant}{}", &line[..start], &line[end..]);
        plan = plan.replacen(&line, &fixed, 1);
    }
    let doc = check_json(&plan);
    let rules = rules_of(&doc);
    assert!(
        !rules.iter().any(|r| r == "schema-error" || r == "invalid-hours"),
        "{plan}\n{rules:?}"
    );
    // The hours both ranges were meant to give.
    let out = Run::new()
        .file("plan.yaml", &plan)
        .args([
            "at",
            "plan.yaml",
            "2026-11-23 18:30",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ])
        .expect(0);
    let at = json(&out);
    assert_eq!(at["channels"][0]["id"], "phone", "{at}");
    assert_eq!(at["channels"][0]["open"], true, "the second range is read: {at}");
}
