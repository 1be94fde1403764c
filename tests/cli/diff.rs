//! `plan diff`: what a change to a plan does, between two files and against a git revision.

use crate::support::Run;
use std::path::Path;
use std::process::Command;

/// A small plan: a Berlin hotline worked by one team, for one profile that expects live
/// help on weekdays and Saturdays. `{SAT}` is the team's Saturday hours.
const PLAN: &str = "version: 1
plan: { name: Shop, timezone: Europe/Berlin, holidays: DE-BE, languages: [de], horizon: 28 days }
teams:
  - id: desk
    languages: [de]
    hours: { mon-fri: 08:00-18:00, sat: {SAT} }
    agents: 3
channels:
  - id: hotline
    kind: phone
    team: desk
    response: 2m
    hours: { mon-fri: 08:00-18:00, sat: {SAT} }
  - id: mail
    kind: email
    team: desk
    response: 1 day
profiles:
  - id: kunden
    name: Kundinnen und Kunden
    timezone: Europe/Berlin
    holidays: DE-BE
    languages: [de]
    expects: { live: true, hours: { mon-fri: 08:00-18:00, sat: 09:00-16:00 } }
escalation:
  - id: standard
    channels: [hotline, mail]
    steps: [{ team: desk }]
";

fn plan(saturday: &str) -> String {
    PLAN.replace("{SAT}", saturday)
}

fn diff(old: &str, new: &str, extra: &[&str], code: i32) -> crate::support::Output {
    Run::new()
        .file("old.yaml", old)
        .file("new.yaml", new)
        .args(["diff", "old.yaml", "new.yaml", "--today", "2026-11-30"])
        .args(extra)
        .expect(code)
}

#[test]
fn a_plan_against_itself_reports_nothing() {
    let out = diff(
        &plan("09:00-16:00"),
        &plan("09:00-16:00"),
        &["--fail-on", "reduction"],
        0,
    );
    assert!(out.stdout.contains("no changes"), "{}", out.stdout);
    assert!(out.stdout.contains("0 reductions"), "{}", out.stdout);
    let json = diff(&plan("09:00-16:00"), &plan("09:00-16:00"), &["--format", "json"], 0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(doc["reductions"], 0);
    let p = &doc["plans"][0];
    for key in [
        "changes",
        "coverage",
        "promises",
        "escalation",
        "staffing",
        "reductions",
    ] {
        assert_eq!(p[key], serde_json::json!([]), "{key}: {p}");
    }
    assert_eq!(p["findings"]["introduced"], serde_json::json!([]));
    assert_eq!(p["documents"]["changed"], serde_json::json!([]));
}

#[test]
fn narrowing_a_teams_hours_is_a_reduction_with_its_windows() {
    let old = plan("09:00-16:00");
    let new = plan("09:00-12:00");
    let out = diff(&old, &new, &["--fail-on", "reduction"], 1);
    // The file's change, as written.
    assert!(
        out.stdout
            .contains("~ teams[desk].hours.sat: 09:00-16:00 → 09:00-12:00"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("~ channels[hotline].hours.sat: 09:00-16:00 → 09:00-12:00")
    );
    // The lost coverage, first, in the customers' zone.
    let reductions = out.stdout.find("Reductions for customers").expect("reductions listed");
    let changes = out.stdout.find("Changes in the file").expect("changes listed");
    assert!(reductions < changes, "reductions come first:\n{}", out.stdout);
    assert!(
        out.stdout
            .contains("profile `kunden` loses 12 h of live help in its language: Sat 12:00-16:00"),
        "{}",
        out.stdout
    );
    // Without --fail-on it is a report, not a failure.
    diff(&old, &new, &[], 0);

    let json = diff(&old, &new, &["--format", "json"], 0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let p = &doc["plans"][0];
    let coverage = &p["coverage"][0];
    assert_eq!(coverage["profile"], "kunden");
    assert_eq!(
        coverage["live_minutes"]["before"].as_i64().unwrap() - coverage["live_minutes"]["after"].as_i64().unwrap(),
        3 * 4 * 60,
        "three Saturdays of four hours: {coverage}"
    );
    // Saturday 5 December 2026, 12:00 to 16:00 Berlin time, is one of the windows lost.
    assert!(
        coverage["live_lost"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["start"] == "2026-12-05T12:00:00+01:00" && w["end"] == "2026-12-05T16:00:00+01:00"),
        "{coverage}"
    );
    let kinds: Vec<&str> = p["reductions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"less-live-help"), "{kinds:?}");
    // The findings the change introduces, and the documents it changes.
    let introduced = p["findings"]["introduced"].as_array().unwrap();
    assert!(
        introduced.iter().any(|f| f["rule"] == "uncovered-expected-hours"),
        "{introduced:?}"
    );
    let changed = p["documents"]["changed"].as_array().unwrap();
    assert!(changed.iter().any(|d| d == "public/faq-kunden.de.md"), "{changed:?}");
}

#[test]
fn widening_a_teams_hours_is_a_gain() {
    let out = diff(
        &plan("09:00-12:00"),
        &plan("09:00-16:00"),
        &["--fail-on", "reduction"],
        0,
    );
    assert!(
        out.stdout.contains("live help gained: Sat 12:00-16:00"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("Reductions for customers"), "{}", out.stdout);
    assert!(out.stdout.contains("0 reductions"), "{}", out.stdout);
    // Any change fails under --fail-on change.
    diff(&plan("09:00-12:00"), &plan("09:00-16:00"), &["--fail-on", "change"], 1);
}

#[test]
fn a_weaker_promise_a_lost_channel_and_a_lost_language_are_reductions() {
    let old = plan("09:00-16:00");
    let new = plan("09:00-16:00")
        .replace("response: 1 day", "response: 3 days")
        .replace("    expects:", "    channels: [hotline]\n    expects:");
    let json = diff(&old, &new, &["--format", "json", "--fail-on", "reduction"], 1);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let messages: Vec<&str> = doc["plans"][0]["reductions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"channel `mail` promises a first response within 3 days instead of 1 day"),
        "{messages:?}"
    );
    assert!(
        messages.contains(&"profile `kunden` is no longer offered channel `mail`"),
        "{messages:?}"
    );
    // A team that stops speaking the profile's language.
    let english = plan("09:00-16:00").replace("    languages: [de]\n    hours", "    languages: [en]\n    hours");
    let json = diff(&old, &english, &["--format", "json"], 0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let kinds: Vec<&str> = doc["plans"][0]["reductions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(kinds.contains(&"language-lost"), "{kinds:?}");
    assert!(kinds.contains(&"less-live-help"), "{kinds:?}");
}

#[test]
fn markdown_for_a_pull_request_starts_with_a_short_table() {
    let out = diff(&plan("09:00-16:00"), &plan("09:00-12:00"), &["--format", "markdown"], 0);
    let md = &out.stdout;
    assert!(md.starts_with("## Service plan changes\n"), "{md}");
    assert!(md.contains("| Plan | Status | Reductions |"), "{md}");
    assert!(
        md.contains("<details><summary>Changes in the file (2)</summary>"),
        "{md}"
    );
    // An independent Markdown parser sees one table before the details.
    let events: Vec<pulldown_cmark::Event> =
        pulldown_cmark::Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES).collect();
    assert!(
        events
            .iter()
            .any(|e| matches!(e, pulldown_cmark::Event::Start(pulldown_cmark::Tag::Table(_)))),
        "no table in:\n{md}"
    );
}

#[test]
fn two_files_are_required_without_a_base() {
    let out = Run::new()
        .file("a.yaml", plan("09:00-16:00"))
        .args(["diff", "a.yaml"])
        .expect(2);
    assert!(out.stderr.contains("needs two plan files"), "{}", out.stderr);
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn base_compares_the_plans_of_a_revision_with_the_working_tree() {
    let run = Run::new()
        .file("plans/shop.yaml", plan("09:00-16:00"))
        .file("plans/old-shop.yaml", plan("10:00-14:00"))
        .file("plans/moved.yaml", plan("09:00-13:00"));
    let dir = run.dir().to_path_buf();
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "plans"]);
    // Narrow one plan, remove one, rename one, add one.
    std::fs::write(dir.join("plans/shop.yaml"), plan("09:00-12:00")).unwrap();
    std::fs::remove_file(dir.join("plans/old-shop.yaml")).unwrap();
    git(&dir, &["mv", "plans/moved.yaml", "plans/renamed.yaml"]);
    std::fs::write(dir.join("plans/new-shop.yaml"), plan("09:00-16:00")).unwrap();

    let out = run
        .args(["diff", "--base", "main", "--format", "json", "--today", "2026-11-30"])
        .expect(0);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let plans = doc["plans"].as_array().unwrap();
    let find = |new: Option<&str>, old: Option<&str>| {
        plans
            .iter()
            .find(|p| p["new"].as_str() == new && p["old"].as_str() == old)
            .unwrap_or_else(|| panic!("no entry for {old:?} → {new:?} in {plans:#?}"))
    };
    let shop = find(Some("plans/shop.yaml"), Some("main:plans/shop.yaml"));
    assert_eq!(shop["status"], "modified");
    assert!(!shop["reductions"].as_array().unwrap().is_empty());
    assert_eq!(find(Some("plans/new-shop.yaml"), None)["status"], "added");
    assert_eq!(find(None, Some("main:plans/old-shop.yaml"))["status"], "removed");
    let renamed = find(Some("plans/renamed.yaml"), Some("main:plans/moved.yaml"));
    assert_eq!(renamed["status"], "renamed");
    assert_eq!(renamed["changes"], serde_json::json!([]));
}

#[test]
fn base_refuses_what_is_not_a_revision() {
    let run = Run::new().file("plan.yaml", plan("09:00-16:00"));
    let dir = run.dir().to_path_buf();
    git(&dir, &["init", "-q", "-b", "main"]);
    git(&dir, &["add", "."]);
    git(&dir, &["commit", "-q", "-m", "plan"]);
    let out = run.args(["diff", "--base=-x"]).expect(2);
    assert!(out.stderr.contains("not a revision"), "{}", out.stderr);
    let out = Run::new()
        .file("plan.yaml", plan("09:00-16:00"))
        .args(["diff", "--base", "nope"])
        .expect(2);
    assert!(
        out.stderr.contains("git repository") || out.stderr.contains("no such revision"),
        "{}",
        out.stderr
    );
}

#[test]
fn the_ci_examples_are_valid_yaml_and_use_flags_diff_knows() {
    let dir = crate::support::root().join("examples/ci");
    for name in ["github-workflow.yml", "gitlab-ci.yml"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let parsed: Result<serde_json::Value, _> = serde_saphyr::from_str(&text);
        assert!(parsed.is_ok(), "{name}: {parsed:?}");
        assert!(
            text.contains("plan diff --base"),
            "{name} compares with the base branch"
        );
        for flag in ["--format markdown", "--fail-on reduction"] {
            assert!(text.contains(flag), "{name} uses {flag}");
        }
    }
    // The flags the examples use are accepted.
    let help = Run::new().args(["diff", "--help"]).expect(0).stdout;
    for flag in ["--base", "--format", "--fail-on", "markdown", "reduction"] {
        assert!(help.contains(flag), "{flag} in:\n{help}");
    }
}

#[test]
fn a_new_version_that_cannot_be_read_fixes_nothing_and_fails_a_reduction_check() {
    let out = diff(
        &plan("09:00-16:00"),
        "version: 1\nplan: { name: [broken\n",
        &["--fail-on", "reduction"],
        1,
    );
    assert!(out.stdout.contains("the new version cannot be read"), "{}", out.stdout);
    assert!(out.stdout.contains("0 fixed"), "{}", out.stdout);
    assert!(
        out.stdout.contains("+ error syntax-error: invalid YAML"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_year_of_lost_windows_is_listed_in_part_with_its_count() {
    let old = plan("09:00-16:00").replace("horizon: 28 days", "horizon: 365 days");
    // Every weekday evening of a year closes an hour earlier.
    let new = old.replace("mon-fri: 08:00-18:00, sat", "mon-fri: 08:00-17:00, sat");
    let json = diff(&old, &new, &["--format", "json"], 0);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let coverage = &doc["plans"][0]["coverage"][0];
    let listed = coverage["live_lost"].as_array().unwrap().len();
    let count = coverage["live_lost_count"].as_u64().unwrap();
    assert_eq!(listed, 50, "{coverage}");
    assert!(count > 200, "every weekday of a year that is not a holiday: {count}");
    assert_eq!(coverage["live_lost_text"], "Mon-Fri 17:00-18:00");
    let reduction = &doc["plans"][0]["reductions"][0];
    assert_eq!(reduction["windows"].as_array().unwrap().len(), 50);
    assert_eq!(reduction["windows_count"].as_u64().unwrap(), count);
}
