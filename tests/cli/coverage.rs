//! `plan coverage`, `plan at` and the coverage and promises rules on plans whose exact
//! windows are known: DST nights, zones that switch on different dates, Christmas.

use crate::support::{Run, check, json};

/// A plan with one team and the given channels and profiles (YAML fragments).
fn plan(team_hours: &str, channels: &str, profiles: &str) -> String {
    format!(
        r#"version: 1
plan:
  name: Coverage fixture
  owner: anna
  timezone: Europe/Berlin
  holidays: DE
  languages: [en]
  review: {{ last: 2026-09-01, every: 6 months }}
contacts:
  - id: anna
    name: Anna Weber
    phone: "+49 30 5550 1990"
    hours: {{ mon-fri: 08:00-18:00 }}
teams:
  - id: desk
    lead: anna
    languages: [en]
    hours: {team_hours}
    agents: 4
channels:
{channels}profiles:
{profiles}"#
    )
}

const PHONE: &str = "  - { id: phone, kind: phone, team: desk, response: 2m }\n";

fn coverage(text: &str, args: &[&str]) -> serde_json::Value {
    let out = Run::new()
        .file("plan.yaml", text)
        .args(["coverage", "plan.yaml", "--format", "json", "--today", "2026-11-22"])
        .args(args)
        .expect(0);
    json(&out)
}

fn gaps(doc: &serde_json::Value) -> Vec<(String, String, u64)> {
    doc["profiles"][0]["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["start"].as_str().unwrap().to_owned(),
                g["end"].as_str().unwrap().to_owned(),
                g["minutes"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn overnight_expectations_across_both_berlin_dst_nights() {
    // Nobody is ever on shift at night: the whole expected night is a gap. Two days, so
    // that the window holds the whole night.
    let profiles = "  - id: night-owls\n    timezone: Europe/Berlin\n    languages: [en]\n    channels: [phone]\n    expects: { hours: { sat: 22:00-06:00 }, live: true }\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", PHONE, profiles);
    let spring = coverage(&text, &["--from", "2026-03-28", "--days", "2"]);
    assert_eq!(
        gaps(&spring),
        [(
            "2026-03-28T22:00:00+01:00".into(),
            "2026-03-29T06:00:00+02:00".into(),
            420
        )],
        "the spring-forward night lasts 7 h"
    );
    let autumn = coverage(&text, &["--from", "2026-10-24", "--days", "2"]);
    assert_eq!(
        gaps(&autumn),
        [(
            "2026-10-24T22:00:00+02:00".into(),
            "2026-10-25T06:00:00+01:00".into(),
            540
        )],
        "the fall-back night lasts 9 h"
    );
    assert_eq!(autumn["profiles"][0]["expected_minutes"], 540);
}

#[test]
fn new_york_customers_served_from_berlin_while_only_the_us_has_switched() {
    let profiles = "  - id: us\n    timezone: America/New_York\n    holidays: US-NY\n    languages: [en]\n    channels: [phone]\n    expects: { hours: { mon-fri: 09:00-17:00 }, live: true }\n";
    let text = plan("{ mon-fri: 08:00-20:00 }", PHONE, profiles);
    let doc = coverage(&text, &["--from", "2026-03-02", "--days", "30"]);
    let found = gaps(&doc);
    // Berlin 20:00 is New York 14:00 in winter, 15:00 from 8 March (US summer time) until
    // 29 March (EU summer time), then 14:00 again.
    assert!(
        found.contains(&(
            "2026-03-06T14:00:00-05:00".into(),
            "2026-03-06T17:00:00-05:00".into(),
            180
        )),
        "{found:#?}"
    );
    assert!(
        found.contains(&(
            "2026-03-09T15:00:00-04:00".into(),
            "2026-03-09T17:00:00-04:00".into(),
            120
        )),
        "{found:#?}"
    );
    assert!(
        found.contains(&(
            "2026-03-27T15:00:00-04:00".into(),
            "2026-03-27T17:00:00-04:00".into(),
            120
        )),
        "{found:#?}"
    );
    assert!(
        found.contains(&(
            "2026-03-30T14:00:00-04:00".into(),
            "2026-03-30T17:00:00-04:00".into(),
            180
        )),
        "{found:#?}"
    );
    assert_eq!(found.len(), 22, "one gap on each of the 22 weekdays: {found:#?}");
    // And `plan check` tells the manager, with the windows in the customers' zone.
    let out = check(&[("plan.yaml", &text)], &["--format", "json", "--fail-on", "never"], 0);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "uncovered-expected-hours")
        .unwrap();
    assert!(d["message"].as_str().unwrap().contains("America/New_York"), "{d}");
    assert!(
        d["data"]["windows"][0]["start"].as_str().unwrap().ends_with("-05:00"),
        "{d}"
    );
    let shift = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "dst-shift");
    assert!(
        shift.is_none(),
        "the window from 2026-11-22 holds no change of only one side before 2027-02-20"
    );
}

#[test]
fn email_promise_of_four_hours_breaks_over_christmas() {
    let channels = "  - { id: email, kind: email, team: desk, response: 4h }\n";
    let text = plan(
        "{ mon-fri: 08:00-18:00 }",
        channels,
        "  - { id: everyone, languages: [en], expects: { response: 1 day } }\n",
    );
    let out = check(&[("plan.yaml", &text)], &["--format", "json"], 1);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "response-unachievable")
        .unwrap();
    assert_eq!(d["data"]["worst_arrival"], "2026-12-24T18:00:00+01:00");
    assert_eq!(d["data"]["worst_answered"], "2026-12-28T08:00:00+01:00");
    assert_eq!(d["data"]["worst_minutes"], 86 * 60);
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("Thu 2026-12-24 18:00 +01:00 → Mon 2026-12-28 08:00 +01:00, 86 h"),
        "{message}"
    );
    assert_eq!(d["path"], serde_json::json!(["channels", 0, "response"]));
    // The windows of late arrivals include every weekday evening.
    let windows = d["data"]["windows"].as_array().unwrap();
    assert_eq!(
        windows[0]["start"], "2026-11-22T00:00:00+01:00",
        "today is a Sunday: closed until Monday 08:00"
    );
    assert_eq!(windows[0]["end"], "2026-11-23T04:00:00+01:00");
    assert!(windows.iter().any(|w| w["start"] == "2026-12-24T18:00:00+01:00"));
    // The profile accepts a day: the weekend and Christmas break that too.
    let unmet = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "expectation-unmet")
        .unwrap();
    assert_eq!(unmet["data"]["worst_minutes"], 86 * 60);
}

#[test]
fn coverage_json_has_every_field_of_the_contract() {
    let channels = "  - { id: phone, kind: phone, team: desk, response: 2m }\n  - { id: email, kind: email, team: desk, response: 2 business days }\n";
    let profiles = "  - id: home\n    timezone: Asia/Bangkok\n    languages: [en]\n    expects: { hours: { mon-fri: 09:00-17:00 }, live: true }\n    intended-gaps:\n      - { hours: { mon-fri: 09:00-14:00 }, reason: Mornings in Bangkok are email only. }\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", channels, profiles);
    let doc = coverage(&text, &["--from", "2026-11-23", "--days", "1"]);
    assert_eq!(doc["from"], "2026-11-23");
    assert_eq!(doc["to"], "2026-11-24");
    assert_eq!(doc["plan"], "plan.yaml");
    let p = &doc["profiles"][0];
    assert_eq!(p["id"], "home");
    assert_eq!(p["timezone"], "Asia/Bangkok");
    assert_eq!(p["expected_minutes"], 480);
    // Berlin 08:00-18:00 is Bangkok 14:00-24:00 in winter.
    assert_eq!(p["live_minutes"], 180);
    assert_eq!(p["reachable_minutes"], 480);
    assert_eq!(
        p["gaps"],
        serde_json::json!([{ "start": "2026-11-23T09:00:00+07:00", "end": "2026-11-23T14:00:00+07:00", "minutes": 300, "kind": "no-live", "intended": true }])
    );
    let phone = &doc["channels"][0];
    assert_eq!(
        phone["open"],
        serde_json::json!([{ "start": "2026-11-23T08:00:00+01:00", "end": "2026-11-23T18:00:00+01:00" }])
    );
    assert!(phone["worst_response"].is_null());
    let email = &doc["channels"][1];
    assert_eq!(email["worst_response"]["minutes"], 14 * 60, "{email}");
    assert_eq!(email["worst_response"]["arrival"], "2026-11-23T18:00:00+01:00");
    assert_eq!(email["worst_response"]["answered"], "2026-11-24T08:00:00+01:00");
}

#[test]
fn coverage_in_the_terminal_shows_a_grid_legend_gaps_and_waits() {
    let channels = "  - { id: phone, kind: phone, team: desk, response: 2m }\n  - { id: email, kind: email, team: desk, response: 2 business days }\n";
    let profiles = "  - id: home\n    timezone: Europe/Berlin\n    languages: [en]\n    expects: { hours: { mon-sat: 08:00-20:00 }, live: true }\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", channels, profiles);
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["coverage", "plan.yaml", "--from", "2026-11-23"])
        .expect(0);
    insta::assert_snapshot!("coverage_week_human", out.stdout);
}

#[test]
fn coverage_rejects_unknown_ids_and_broken_plans() {
    let text = plan("{ mon-fri: 08:00-18:00 }", PHONE, "  - { id: home, languages: [en] }\n");
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["coverage", "plan.yaml", "--profile", "hme"])
        .expect(2);
    assert!(out.stderr.contains("known: home"), "{}", out.stderr);
    let broken = text.replace("team: desk", "team: dsk");
    let out = Run::new()
        .file("plan.yaml", &broken)
        .args(["coverage", "plan.yaml"])
        .expect(1);
    assert!(
        out.stdout.contains("unknown-reference") || out.stdout.contains("R001"),
        "{}",
        out.stdout
    );
}

#[test]
fn at_one_moment_shows_channels_profiles_and_escalation() {
    let channels = "  - { id: phone, kind: phone, team: desk, response: 2m }\n  - { id: email, kind: email, team: desk, response: 2 business days }\n";
    let profiles = "  - id: home\n    timezone: Asia/Bangkok\n    languages: [en]\n    expects: { hours: { daily: 08:00-22:00 } }\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", channels, profiles)
        + "escalation:\n  - id: standard\n    channels: [phone, email]\n    steps:\n      - team: desk\n      - contact: anna\n        after: 4h\n";
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["at", "plan.yaml", "2026-11-24 17:30", "--format", "json"])
        .expect(0);
    let doc = json(&out);
    assert_eq!(doc["time"], "2026-11-24T17:30:00+01:00");
    assert_eq!(doc["channels"][0]["staffed"], true);
    assert_eq!(doc["channels"][0]["agents_on_shift"], 4);
    assert_eq!(doc["profiles"][0]["local_time"], "2026-11-24T23:30:00+07:00");
    assert_eq!(doc["profiles"][0]["expects_help"], false);
    assert_eq!(doc["profiles"][0]["live"], serde_json::json!(["phone"]));
    assert_eq!(doc["escalation"][0]["steps"][1]["available"], true);
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["at", "plan.yaml", "2026-12-25T10:00+01:00"])
        .expect(0);
    insta::assert_snapshot!("at_christmas_human", out.stdout);
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["at", "plan.yaml", "tomorrow"])
        .expect(2);
    assert!(out.stderr.contains("2026-12-24 18:30"), "{}", out.stderr);
}

#[test]
fn version_verbose_names_the_holiday_data() {
    let out = Run::new().args(["--version", "--verbose"]).expect(0);
    assert!(out.stdout.starts_with("plan "), "{}", out.stdout);
    assert!(out.stdout.contains("holiday data: python-holidays"), "{}", out.stdout);
    assert!(out.stdout.contains("2020 to 2040"), "{}", out.stdout);
}

#[test]
fn holidays_from_an_icalendar_file_close_the_team() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20261127\r\nSUMMARY:Company outing\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", PHONE, "  - id: home\n    timezone: Europe/Berlin\n    languages: [en]\n    expects: { hours: { mon-fri: 09:00-17:00 }, live: true }\n")
        .replace("  holidays: DE\n", "  holidays: { calendar: DE, ics: calendars/company.ics }\n");
    let out = Run::new()
        .file("plan.yaml", &text)
        .file("calendars/company.ics", ics)
        .args([
            "coverage",
            "plan.yaml",
            "--format",
            "json",
            "--from",
            "2026-11-23",
            "--days",
            "7",
        ])
        .expect(0);
    let doc = json(&out);
    assert_eq!(
        gaps(&doc),
        [(
            "2026-11-27T09:00:00+01:00".into(),
            "2026-11-27T17:00:00+01:00".into(),
            480
        )],
        "the company outing on Friday closes the desk"
    );
    // A missing file is a finding at the `ics` value, not a crash.
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["check", "plan.yaml", "--format", "json"])
        .expect(1);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-holiday-calendar")
        .unwrap();
    assert!(d["message"].as_str().unwrap().contains("calendars/company.ics"), "{d}");
    assert!(d["message"].as_str().unwrap().contains("no such file"), "{d}");
    assert_eq!(d["path"], serde_json::json!(["plan", "holidays", "ics"]));
    // A file that is not iCalendar names its line.
    let out = Run::new()
        .file("plan.yaml", &text)
        .file(
            "calendars/company.ics",
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026-13-01\nEND:VEVENT\nEND:VCALENDAR\n",
        )
        .args(["check", "plan.yaml", "--format", "json"])
        .expect(1);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "unknown-holiday-calendar")
        .unwrap();
    assert!(d["message"].as_str().unwrap().contains("line 3"), "{d}");
}

#[test]
fn intended_gaps_for_later_dates_are_not_unused_yet() {
    let profiles = "  - id: home\n    timezone: Europe/Berlin\n    languages: [en]\n    expects: { hours: { mon-fri: 09:00-17:00 }, live: true }\n    intended-gaps:\n      - { hours: { dates: { 2027-09-01: 09:00-17:00 } }, reason: Company outing. }\n      - { hours: { dates: { 2026-11-01: 09:00-17:00 } }, reason: Last year's outing. }\n";
    let text = plan("{ mon-fri: 08:00-18:00 }", PHONE, profiles);
    let out = check(&[("plan.yaml", &text)], &["--format", "json", "--fail-on", "never"], 0);
    let unused: Vec<_> = json(&out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unused-intended-gap")
        .cloned()
        .collect();
    assert_eq!(unused.len(), 1, "only the past outing is stale: {unused:#?}");
    assert_eq!(
        unused[0]["path"],
        serde_json::json!(["profiles", 0, "intended-gaps", 1, "hours"])
    );
}

#[test]
fn json_output_stays_json_when_the_plan_has_load_errors() {
    let plan = "version: 1\nplan: { name: Broken, timezone: Mars/Olympus }\nteams:\n  - { id: desk, hours: { mon-fri: 8-18 }, agents: 2 }\n";
    for command in ["coverage", "staffing", "at"] {
        let mut args = vec![command, "plan.yaml", "--format", "json", "--today", "2026-11-22"];
        if command == "at" {
            args.push("2026-11-23 10:00");
        }
        let out = Run::new().file("plan.yaml", plan).args(&args).expect(1);
        let doc = json(&out);
        assert_eq!(doc["version"], 1, "{command}");
        assert_eq!(doc["plans"][0]["errors"], 2, "{command}: {}", out.stdout);
        let rules: Vec<&str> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap())
            .collect();
        assert_eq!(rules, ["invalid-timezone", "invalid-hours"], "{command}");
        assert_eq!(doc["diagnostics"][0]["line"], 2, "{command}");
    }
}
