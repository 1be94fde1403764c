//! `plan check` on small plans: findings, locations, formats, severities, exit codes.

use crate::support::{Run, check, json};

/// A small valid plan, the base of the broken variants below.
pub const MINIMAL: &str = r#"version: 1
plan:
  name: Minimal plan
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  currency: EUR
  languages: [de, en]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - id: anna
    name: Anna Weber
    phone: "+49 30 5550 1990"
training:
  - { id: basics, topics: [complaints, de-escalation], for: [first-line], every: 12 months, last: 2026-03-01 }
feedback:
  - { id: csat-survey, kind: survey, via: phone, when: after-resolution }
metrics:
  - { id: csat, target: ">= 90%", source: csat-survey }
self-help:
  faq:
    - { question: { de: "Wann sind Sie erreichbar?", en: "When can I reach you?" }, answer: { de: "Montag bis Freitag von 8 bis 18 Uhr.", en: "Monday to Friday, 8 am to 6 pm." } }
escalation:
  - { id: standard, channels: [phone], steps: [{ team: first-line }, { contact: anna, after: 2h }] }
teams:
  - id: first-line
    lead: anna
    hours: { mon-fri: 08:00-18:00 }
    agents: 4
channels:
  - id: phone
    kind: phone
    team: first-line
    response: 2m
"#;

const BROKEN_YAML: &str = r#"version: 1
plan:
  name: Broken plan
  owner: anna
  timezone: Europe/Berlin
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - id: anna
    name: Anna Weber
teams:
  - id: first-line
    lead: anna
    hours: { mon-fri: 08:00-18:00 }
    agents: 4
  - id: technicians
    hours: { mon-fri: 09:00-17:00 }
    agents: 2
    lead: anna
channels:
  - id: email
    kind: email
    team: first-line
    respnse: 4h
  - id: phone
    kind: phone
    team: tier3
    response: 2m
escalation:
  - id: standard
    channels: [phone]
    steps:
      - team: technicians
"#;

const BROKEN_TOML: &str = r#"version = 1

[plan]
name = "Broken plan"
owner = "anna"
timezone = "Europe/Berlin"
review = { last = 2026-09-01, every = "6 months" }

[[contacts]]
id = "anna"
name = "Anna Weber"

[[teams]]
id = "first-line"
lead = "anna"
hours = { mon-fri = "08:00-18:00" }
agents = 4

[[teams]]
id = "technicians"
hours = { mon-fri = "09:00-17:00" }
agents = 2
lead = "anna"

[[channels]]
id = "email"
kind = "email"
team = "first-line"
respnse = "4h"

[[channels]]
id = "phone"
kind = "phone"
team = "tier3"
response = "2m"

[[escalation]]
id = "standard"
channels = ["phone"]
steps = [{ team = "technicians" }]
"#;

/// The errors of a run (the broken plans also draw warnings that follow from the errors,
/// such as a channel without `response` because the key is misspelt).
fn findings(out: &crate::support::Output) -> Vec<(String, u64, u64, String)> {
    json(out)["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn minimal_plan_passes() {
    let out = check(&[("plan.yaml", MINIMAL)], &[], 0);
    assert_eq!(out.stdout, "0 errors, 0 warnings in 1 plan\n");
}

#[test]
fn misspelt_key_and_unknown_team_are_both_reported_at_their_values() {
    let out = check(&[("plan.yaml", BROKEN_YAML)], &[], 1);
    insta::assert_snapshot!("broken_yaml_human", out.stdout);
    let out = check(&[("plan.yaml", BROKEN_YAML)], &["--format", "json"], 1);
    let found = findings(&out);
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!(found[0].0, "schema-error");
    assert_eq!((found[0].1, found[0].2), (23, 5));
    assert!(found[0].3.contains("did you mean `response`"), "{}", found[0].3);
    assert_eq!(found[1].0, "unknown-reference");
    assert_eq!((found[1].1, found[1].2), (26, 11));
    let doc = json(&out);
    let reference = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-reference")
        .unwrap();
    let help = reference["help"].as_str().unwrap();
    assert!(
        help.contains("`first-line`") && help.contains("`technicians`"),
        "{help}"
    );
}

#[test]
fn toml_gives_the_same_findings_at_its_own_lines() {
    let yaml = findings(&check(&[("plan.yaml", BROKEN_YAML)], &["--format", "json"], 1));
    let out = check(&[("plan.toml", BROKEN_TOML)], &["--format", "json"], 1);
    let toml = findings(&out);
    let rules = |f: &[(String, u64, u64, String)]| f.iter().map(|x| (x.0.clone(), x.3.clone())).collect::<Vec<_>>();
    assert_eq!(rules(&yaml), rules(&toml));
    assert_eq!((toml[0].1, toml[0].2), (29, 1), "respnse key");
    assert_eq!((toml[1].1, toml[1].2), (34, 8), "the value \"tier3\"");
    insta::assert_snapshot!("broken_toml_human", check(&[("plan.toml", BROKEN_TOML)], &[], 1).stdout);
}

#[test]
fn json_output_has_every_field_of_the_contract() {
    let out = check(&[("plan.yaml", BROKEN_YAML)], &["--format", "json"], 1);
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let counts = &doc["plans"][0];
    assert_eq!(
        (counts["file"].as_str(), counts["errors"].as_u64()),
        (Some("plan.yaml"), Some(2))
    );
    assert!(counts["warnings"].is_u64() && counts["infos"].is_u64(), "{counts}");
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-reference")
        .unwrap();
    let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = vec![
        "code",
        "rule",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "path",
        "path_text",
        "help",
        "related",
        "data",
    ];
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected);
    assert_eq!(d["code"], "R001");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], serde_json::json!(["channels", 1, "team"]));
    assert_eq!(d["path_text"], "channels[phone].team");
    assert_eq!((d["end_line"].as_u64(), d["end_column"].as_u64()), (Some(26), Some(16)));
    assert_eq!(d["data"]["id"], "tier3");
    insta::assert_json_snapshot!("broken_yaml_json", doc);
}

#[test]
fn every_problem_of_a_file_is_reported_in_one_run() {
    let plan = r#"version: 1
plan:
  name: Many problems
  timezone: Europe/Berln
  currency: euro
  languages: [de, english]
  review: { last: 2026-02-30, every: 6 monthz }
contacts:
  - id: Anna Weber
    name: Anna
teams:
  - id: first-line
    hours: { mon-fr: 08:00-18:00 }
    agents: many
channels:
  - id: phone
    kind: telephone
"#;
    let out = check(&[("plan.yaml", plan)], &["--format", "json"], 1);
    let rules: Vec<String> = findings(&out).into_iter().map(|f| f.0).collect();
    for rule in [
        "invalid-timezone",
        "invalid-amount",
        "invalid-language",
        "invalid-date",
        "invalid-duration",
        "schema-error",
        "invalid-hours",
    ] {
        assert!(rules.iter().any(|r| r == rule), "{rule} missing from {rules:?}");
    }
    assert!(rules.len() >= 9, "{rules:?}");
    insta::assert_snapshot!("many_problems_human", check(&[("plan.yaml", plan)], &[], 1).stdout);
}

#[test]
fn severities_follow_plan_config_then_command_line() {
    let plan = MINIMAL.replace("  owner: anna\n", "") + "checks:\n  deny: [owner-missing]\n";
    // owner-missing is a warning by default; the plan raises it to an error.
    let out = check(&[("plan.yaml", &plan)], &["--format", "json"], 1);
    assert_eq!(json(&out)["diagnostics"][0]["severity"], "error");
    // The command line wins over the plan.
    let out = check(
        &[("plan.yaml", &plan)],
        &["--warn", "owner-missing", "--format", "json"],
        0,
    );
    assert_eq!(json(&out)["diagnostics"][0]["severity"], "warning");
    check(&[("plan.yaml", &plan)], &["--allow", "O005"], 0);
    // --fail-on warning fails on the warning.
    check(
        &[("plan.yaml", &plan)],
        &["--warn", "owner-missing", "--fail-on", "warning"],
        1,
    );
    check(&[("plan.yaml", &plan)], &["--fail-on", "never"], 0);
}

#[test]
fn unknown_rules_are_reported_in_the_plan_and_refused_on_the_command_line() {
    let plan = MINIMAL.to_owned() + "checks:\n  allow: [unused-defintion]\n";
    let out = check(&[("plan.yaml", &plan)], &["--format", "json"], 1);
    let doc = json(&out);
    assert_eq!(doc["diagnostics"][0]["rule"], "unknown-reference");
    assert!(
        doc["diagnostics"][0]["help"]
            .as_str()
            .unwrap()
            .contains("unused-definition")
    );
    let out = check(&[("plan.yaml", MINIMAL)], &["--allow", "unused-defintion"], 2);
    assert!(
        out.stderr.contains("did you mean `unused-definition`"),
        "{}",
        out.stderr
    );
    let out = check(&[("plan.yaml", MINIMAL)], &["--allow", "syntax-error"], 2);
    assert!(out.stderr.contains("cannot be changed"), "{}", out.stderr);
}

#[test]
fn review_dates_are_checked_against_today() {
    let out = check(
        &[("plan.yaml", MINIMAL)],
        &["--today", "2027-04-10", "--format", "json"],
        0,
    );
    let doc = json(&out);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "review-overdue");
    assert_eq!(d["data"]["due"], "2027-03-01");
    assert_eq!(d["data"]["days_overdue"], 40);
    let no_review = MINIMAL.replace("  review: { last: 2026-09-01, every: 6 months }\n", "");
    let out = check(&[("plan.yaml", &no_review)], &["--format", "json"], 0);
    assert_eq!(json(&out)["diagnostics"][0]["rule"], "review-missing");
}

#[test]
fn directories_and_several_files_are_checked_together() {
    let run = Run::new()
        .file("plans/a.yaml", MINIMAL)
        .file("plans/nested/b.toml", BROKEN_TOML)
        .file("plans/.github/workflow.yml", "on: push\n")
        .file("plans/notes.yaml", "just: notes\n")
        .file("extra.yaml", MINIMAL);
    let out = run
        .args(["check", "--today", "2026-11-22", "plans", "extra.yaml"])
        .expect(1);
    assert!(
        out.stdout
            .lines()
            .last()
            .is_some_and(|l| l.starts_with("2 errors, ") && l.ends_with(" in 3 plans")),
        "{}",
        out.stdout
    );
    // With no path, plans/ is searched.
    let out = Run::new()
        .file("plans/a.yaml", MINIMAL)
        .args(["check", "--today", "2026-11-22"])
        .expect(0);
    assert!(out.stdout.contains("in 1 plan"));
}

#[test]
fn a_folder_with_plan_yaml_and_plan_toml_checks_both_and_says_so() {
    let run = || {
        Run::new()
            .file("plan.yaml", MINIMAL)
            .file("plan.toml", BROKEN_TOML)
            .file("plans/other.yaml", MINIMAL)
    };
    let out = run().args(["check", "--today", "2026-11-22"]).expect(1);
    assert!(
        out.stderr.contains("plan.yaml and plan.toml") && out.stderr.contains("checking all of them"),
        "{}",
        out.stderr
    );
    assert!(
        out.stdout.contains("plan.toml:"),
        "the TOML plan's findings: {}",
        out.stdout
    );
    assert!(out.stdout.trim_end().ends_with(" in 2 plans"), "{}", out.stdout);
    let out = run()
        .args(["check", "--today", "2026-11-22", "--format", "json"])
        .expect(1);
    let files: Vec<String> = json(&out)["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, ["plan.yaml", "plan.toml"]);
    // Naming one checks only that one, without a note.
    let out = run().args(["check", "--today", "2026-11-22", "plan.yaml"]).expect(0);
    assert_eq!(out.stderr, "");
    assert!(out.stdout.ends_with(" in 1 plan\n"), "{}", out.stdout);
    // A single plan.yaml is checked as before, without a note.
    let out = Run::new()
        .file("plan.yaml", MINIMAL)
        .args(["check", "--today", "2026-11-22"])
        .expect(0);
    assert_eq!(out.stderr, "");
}

#[test]
fn quiet_prints_findings_without_summary() {
    let out = check(&[("plan.yaml", MINIMAL)], &["-q"], 0);
    assert_eq!(out.stdout, "");
}

#[test]
fn suppressions_silence_one_rule_at_one_place_with_a_reason() {
    let plan = MINIMAL.replace("    response: 2m\n", "")
        + "  - id: email\n    kind: email\n    team: first-line\n"
        + "checks:\n  ignore:\n    - rule: response-missing\n      path: channels[phone]\n      reason: The hotline's promise is being renegotiated.\n";
    let out = check(&[("plan.yaml", &plan)], &["--format", "json", "--fail-on", "never"], 0);
    let doc = json(&out);
    let missing: Vec<_> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "response-missing")
        .collect();
    assert_eq!(missing.len(), 1, "only the email's finding is left: {missing:#?}");
    assert_eq!(missing[0]["path"], serde_json::json!(["channels", 1, "id"]));
    // By index, and for the whole plan.
    let by_index = plan.replace("path: channels[phone]", "path: channels[0]");
    let doc = json(&check(
        &[("plan.yaml", &by_index)],
        &["--format", "json", "--fail-on", "never"],
        0,
    ));
    assert_eq!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["rule"] == "response-missing")
            .count(),
        1
    );
    let everywhere = plan.replace("      path: channels[phone]\n", "");
    let doc = json(&check(
        &[("plan.yaml", &everywhere)],
        &["--format", "json", "--fail-on", "never"],
        0,
    ));
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "response-missing"),
        "{doc:#}"
    );
    // A reason is required, the rule must exist, and the path must be readable.
    let no_reason = plan.replace("      reason: The hotline's promise is being renegotiated.\n", "");
    let doc = json(&check(&[("plan.yaml", &no_reason)], &["--format", "json"], 1));
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "schema-error")
        .unwrap();
    assert!(d["message"].as_str().unwrap().contains("reason"), "{d}");
    let unknown = plan.replace("rule: response-missing", "rule: response-mising");
    let doc = json(&check(&[("plan.yaml", &unknown)], &["--format", "json"], 1));
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-reference")
        .unwrap();
    assert!(d["help"].as_str().unwrap().contains("response-missing"), "{d}");
    let bad_path = plan.replace("path: channels[phone]", "path: channels[phone");
    let doc = json(&check(&[("plan.yaml", &bad_path)], &["--format", "json"], 1));
    assert!(
        doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "schema-error" && d["path"] == serde_json::json!(["checks", "ignore", 0, "path"]))
    );
    // An expired suppression no longer silences, and says so.
    let expired = plan.replace("      reason:", "      until: 2026-11-01\n      reason:");
    let doc = json(&check(
        &[("plan.yaml", &expired)],
        &["--format", "json", "--fail-on", "never"],
        0,
    ));
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules.iter().filter(|r| **r == "response-missing").count(),
        2,
        "{rules:?}"
    );
    assert!(rules.contains(&"expired-suppression"), "{rules:?}");
}

/// A plan whose findings sit at places of every kind: a list entry by index, entities by
/// id, and keys that are not plain words (a day list, a date range).
const PATHS: &str = r#"version: 1
plan:
  name: Paths plan
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  currency: EUR
  languages: [de, en, de]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - id: anna
    name: Anna Weber
    phone: "+49 30 5550 1990"
training:
  - { id: basics, topics: [complaints, de-escalation], for: [first-line], every: 12 months, last: 2026-03-01 }
feedback:
  - { id: csat-survey, kind: survey, via: phone, when: after-resolution }
metrics:
  - { id: csat, target: ">= 90%", source: csat-survey }
self-help:
  faq:
    - { question: Wann sind Sie erreichbar?, answer: Montag bis Freitag von 8 bis 18 Uhr. }
escalation:
  - { id: standard, channels: [phone, email], steps: [{ team: first-line }, { contact: anna, after: 2h }] }
teams:
  - id: first-line
    lead: anna
    hours:
      fri: 09:00-10:00
      "mon,wed,fri": 08:00-18:00
      dates: { 2026-12-25: 10:00-12:00, 2026-12-24..2026-12-26: closed }
    agents: 4
channels:
  - id: phone
    kind: phone
    team: first-line
  - id: email
    kind: email
    team: first-line
"#;

/// (rule, path_text) of every finding of a plan.
fn paths_of(text: &str) -> Vec<(String, String)> {
    let out = check(&[("plan.yaml", text)], &["--format", "json", "--fail-on", "never"], 0);
    json(&out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["path_text"]
                    .as_str()
                    .expect("every finding has a path_text")
                    .to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_path_text_of_a_finding_suppresses_exactly_that_finding() {
    let duplicate = PATHS.replace("  - id: email\n    kind: email", "  - id: phone\n    kind: email");
    for plan in [PATHS.to_owned(), duplicate] {
        let all = paths_of(&plan);
        assert!(all.len() >= 5, "{all:?}");
        for (i, (rule, path)) in all.iter().enumerate() {
            // Quoted as JSON, which YAML reads as a double-quoted string.
            let ignored = format!(
                "{plan}checks:\n  ignore:\n    - rule: {rule}\n      path: {}\n      reason: Accepted for this test.\n",
                serde_json::to_string(path).unwrap()
            );
            let mut expected = all.clone();
            expected.remove(i);
            assert_eq!(paths_of(&ignored), expected, "ignoring {rule} at {path}");
        }
    }
    // What the paths look like: entities by id, a repeated id by index, other keys quoted.
    let texts: Vec<String> = paths_of(PATHS).into_iter().map(|(_, p)| p).collect();
    for expected in [
        "plan.languages[2]",
        r#"teams[first-line].hours["mon,wed,fri"]"#,
        r#"teams[first-line].hours.dates["2026-12-24..2026-12-26"]"#,
        "channels[phone].id",
        "channels[email].id",
    ] {
        assert!(texts.iter().any(|t| t == expected), "{expected} not in {texts:?}");
    }
    let duplicate = PATHS.replace("  - id: email\n    kind: email", "  - id: phone\n    kind: email");
    let texts: Vec<String> = paths_of(&duplicate).into_iter().map(|(_, p)| p).collect();
    assert!(texts.iter().any(|t| t == "channels[1].id"), "{texts:?}");
    assert!(!texts.iter().any(|t| t.starts_with("channels[phone]")), "{texts:?}");
}

#[test]
fn a_value_that_cannot_be_read_is_not_also_reported_missing() {
    let rules = |text: &str| -> Vec<String> {
        let out = check(&[("plan.yaml", text)], &["--format", "json"], 1);
        json(&out)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect()
    };
    let text = MINIMAL.replace("response: 2m", "response: 4 hrs");
    assert_eq!(rules(&text), ["invalid-duration"]);
    let text = MINIMAL.replace("after: 2h", "after: 2 hrs");
    assert_eq!(rules(&text), ["invalid-duration"]);
    // A misspelt key is another matter: the value is missing where the rule looks.
    let text = MINIMAL.replace("response: 2m", "respnse: 2m");
    assert_eq!(rules(&text), ["response-missing", "schema-error"]);
}
