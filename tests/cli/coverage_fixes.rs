//! Regression tests for coverage answers that used to be wrong, repeated or unhelpful
//! (waits, public holidays, overnight ranges, intended gaps, messages), each built from a
//! minimal plan.

use crate::support::{Run, json, root};
use serde_json::Value;

/// A plan with one team (`desk`, its zone and calendar given) and the given channels and
/// profiles (YAML fragments, each line indented for its list).
fn plan(zone: &str, calendar: &str, team_hours: &str, channels: &str, profiles: &str) -> String {
    format!(
        r#"version: 1
plan:
  name: Coverage fixture
  owner: anna
  timezone: {zone}
  holidays: {calendar}
  languages: [en]
  review: {{ last: 2026-09-01, every: 6 months }}
contacts:
  - id: anna
    name: Anna Weber
    phone: "+49 30 5550 1990"
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

/// `plan check` on a plan text, as JSON, with `today` pinned.
fn check_json(text: &str, today: &str) -> Value {
    let out = Run::new()
        .file("plan.yaml", text)
        .args([
            "check",
            "--today",
            today,
            "--fail-on",
            "never",
            "--format",
            "json",
            "plan.yaml",
        ])
        .expect(0);
    json(&out)
}

/// The findings of one rule.
fn of_rule<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    doc["diagnostics"]
        .as_array()
        .expect("a list of findings")
        .iter()
        .filter(|d| d["rule"] == rule)
        .collect()
}

/// `plan coverage --format json` from 2026-11-23 for `days` days.
fn coverage(text: &str, days: &str) -> Value {
    let out = Run::new()
        .file("plan.yaml", text)
        .args([
            "coverage",
            "plan.yaml",
            "--format",
            "json",
            "--today",
            "2026-11-22",
            "--from",
            "2026-11-23",
            "--days",
            days,
        ])
        .expect(0);
    json(&out)
}

/// An email channel worked only in the week of 23 November, then (when `later` is given)
/// once more on that date.
fn email_plan(later: Option<&str>) -> String {
    let extra = later.map_or_else(String::new, |d| format!(", {d}: 10:00-12:00"));
    let channels = format!(
        "  - {{ id: email, kind: email, team: desk, hours: {{ dates: {{ 2026-11-23..2026-11-27: 08:00-18:00{extra} }} }}, response: 1 day }}\n"
    );
    plan(
        "Europe/Berlin",
        "DE",
        "{ mon-fri: 08:00-18:00 }",
        &channels,
        "  - { id: home, languages: [en], channels: [email], expects: { live: false } }\n",
    )
}

#[test]
fn a_wait_that_never_ends_is_reported_so_whatever_the_window() {
    let text = email_plan(None);
    for days in ["7", "30", "90"] {
        let worst = &coverage(&text, days)["channels"][0]["worst_response"];
        assert_eq!(worst["arrival"], "2026-11-27T18:00:00+01:00", "--days {days}: {worst}");
        assert!(worst["answered"].is_null(), "--days {days}: {worst}");
        assert!(
            worst["minutes"].is_null(),
            "--days {days}: never answered has no minutes: {worst}"
        );
    }
    // A window that ends before the last worked day has an ordinary worst wait.
    let worst = &coverage(&text, "1")["channels"][0]["worst_response"];
    assert_eq!(worst["minutes"], 14 * 60, "{worst}");
    // The terminal says so too, instead of a cut-off.
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["coverage", "plan.yaml", "--from", "2026-11-23", "--days", "30"])
        .expect(0);
    assert!(
        out.stdout
            .contains("a message sent Fri 2026-11-27 18:00 +01:00 is never answered"),
        "{}",
        out.stdout
    );
    // `plan check` agrees on the arrival and that it is never answered.
    let doc = check_json(&text, "2026-11-22");
    let promise = of_rule(&doc, "response-unachievable");
    assert_eq!(promise.len(), 1, "{doc:#}");
    assert_eq!(promise[0]["data"]["worst_arrival"], "2026-11-27T18:00:00+01:00");
    assert!(promise[0]["data"]["worst_answered"].is_null(), "{:#}", promise[0]);
    assert!(
        promise[0]["data"]["worst_minutes"].is_null(),
        "a wait without end has no length in minutes: {:#}",
        promise[0]
    );
    assert!(
        promise[0]["message"].as_str().unwrap().contains("never answered"),
        "{:#}",
        promise[0]
    );
}

#[test]
fn a_wait_is_followed_to_its_end_however_far_ahead() {
    // Worked again on 1 June 2027, months after any window here ends.
    let text = email_plan(Some("2027-06-01"));
    let minutes = (chrono::NaiveDate::from_ymd_opt(2027, 6, 1).unwrap()
        - chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap())
    .num_minutes()
        + 10 * 60
        - 18 * 60
        - 60; // Berlin is an hour further from UTC in June than in November.
    for days in ["7", "30"] {
        let worst = &coverage(&text, days)["channels"][0]["worst_response"];
        assert_eq!(worst["arrival"], "2026-11-27T18:00:00+01:00", "--days {days}: {worst}");
        assert_eq!(worst["answered"], "2027-06-01T10:00:00+02:00", "--days {days}: {worst}");
        assert_eq!(worst["minutes"], minutes, "--days {days}: {worst}");
    }
    let doc = check_json(&text, "2026-11-22");
    let promise = of_rule(&doc, "response-unachievable");
    assert_eq!(promise[0]["data"]["worst_answered"], "2027-06-01T10:00:00+02:00");
    assert_eq!(promise[0]["data"]["worst_minutes"], minutes);
}

/// A Lisbon desk (Portuguese holidays) serving customers in England.
fn lisbon_plan(channels: &str, profiles: &str) -> String {
    plan("Europe/Lisbon", "PT", "{ mon-fri: 08:00-18:00 }", channels, profiles)
}

const LISBON_CHANNELS: &str = "  - { id: phone, kind: phone, team: desk, response: 2m }\n  - { id: chat, kind: chat, team: desk, response: 2m }\n  - { id: email, kind: email, team: desk, response: 2 business days }\n";

fn english_profile(id: &str, channels: &str) -> String {
    format!(
        "  - id: {id}\n    timezone: Europe/London\n    holidays: GB-ENG\n    languages: [en]\n    channels: [{channels}]\n    expects: {{ hours: {{ mon-fri: 09:00-17:00, holidays: closed }}, live: true }}\n"
    )
}

#[test]
fn holidays_are_found_when_the_weeks_around_them_are_not_ordinary() {
    // 1 and 8 December fall on the same weekday; 8 December is a Portuguese holiday too,
    // and the week before the 1st lies before the window.
    let text = lisbon_plan(LISBON_CHANNELS, &english_profile("england", "phone, chat, email"));
    let doc = check_json(&text, "2026-11-29");
    let found = of_rule(&doc, "holiday-mismatch");
    assert_eq!(found.len(), 1, "one finding for the profile: {doc:#}");
    assert_eq!(
        found[0]["data"]["dates"],
        serde_json::json!(["2026-12-01", "2026-12-08"])
    );
    assert_eq!(found[0]["data"]["channels"], serde_json::json!(["phone", "chat"]));
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.contains("`phone` and `chat` are not staffed on Tue 2026-12-01 (Restoration of Independence Day) and Tue 2026-12-08 (Immaculate Conception)"),
        "{message}"
    );
    assert_eq!(found[0]["path"], serde_json::json!(["profiles", 0, "holidays"]));
}

#[test]
fn holiday_mismatch_fires_once_per_profile_and_not_where_another_channel_covers() {
    let profiles = english_profile("england", "phone, chat, email") + &english_profile("callers", "phone");
    let text = lisbon_plan(LISBON_CHANNELS, &profiles);
    let doc = check_json(&text, "2026-11-29");
    let found = of_rule(&doc, "holiday-mismatch");
    let profiles: Vec<&Value> = found.iter().map(|d| &d["data"]["profile"]).collect();
    assert_eq!(profiles, ["england", "callers"], "{doc:#}");
    // A London team that works through the Portuguese holidays covers the chat.
    let covered = text
        .replace(
            "channels:\n",
            "  - id: london\n    lead: anna\n    languages: [en]\n    timezone: Europe/London\n    holidays: GB-ENG\n    hours: { mon-fri: 09:00-17:00 }\n    agents: 2\nchannels:\n",
        )
        .replace(
            "{ id: chat, kind: chat, team: desk,",
            "{ id: chat, kind: chat, team: london,",
        );
    let doc = check_json(&covered, "2026-11-29");
    let found = of_rule(&doc, "holiday-mismatch");
    assert_eq!(found.len(), 1, "{doc:#}");
    assert_eq!(
        found[0]["data"]["profile"], "callers",
        "england reaches the chat: {doc:#}"
    );
    // A profile that does not expect live help gets it by email: no mismatch at all.
    let written = lisbon_plan(
        LISBON_CHANNELS,
        "  - { id: writers, timezone: Europe/London, holidays: GB-ENG, languages: [en], expects: { hours: { mon-fri: 09:00-17:00 } } }\n",
    );
    assert!(of_rule(&check_json(&written, "2026-11-29"), "holiday-mismatch").is_empty());
}

/// Add an `intended-gaps:` entry to the profile whose block starts with `- id: {id}`.
fn with_intended_gap(text: &str, id: &str, entry: &str) -> String {
    let start = text.find(&format!("- id: {id}\n")).expect("the profile");
    // The profile's block ends where the next list entry starts, or with the file.
    let end = text[start..].find("\n  - ").map_or(text.len(), |i| start + i + 1);
    let mut out = text.to_owned();
    out.insert_str(end, &format!("    intended-gaps:\n      - {entry}\n"));
    out
}

#[test]
fn following_the_holiday_mismatch_advice_leaves_a_clean_plan() {
    let text = lisbon_plan(LISBON_CHANNELS, &english_profile("england", "phone, chat, email"));
    let doc = check_json(&text, "2026-11-29");
    let found = of_rule(&doc, "holiday-mismatch");
    let entry = found[0]["data"]["intended_gap"].as_str().unwrap();
    assert_eq!(
        entry,
        "{ hours: { dates: { 2026-12-01: 09:00-17:00, 2026-12-08: 09:00-17:00 } }, reason: … }"
    );
    assert!(found[0]["help"].as_str().unwrap().contains(entry), "{:#}", found[0]);
    let fixed = with_intended_gap(&text, "england", &entry.replace('…', "Closed for Portuguese holidays."));
    let doc = check_json(&fixed, "2026-11-29");
    for rule in ["holiday-mismatch", "unused-intended-gap", "uncovered-expected-hours"] {
        assert!(
            of_rule(&doc, rule).is_empty(),
            "{rule} after following the advice:\n{fixed}\n{doc:#}"
        );
    }
}

#[test]
fn an_intended_gap_that_excuses_unreachable_hours_is_in_use() {
    // A walk-in desk only: outside its hours the profile reaches nothing.
    let channels = "  - { id: shop, kind: in-person, team: desk, response: 2m }\n";
    let profile = "  - id: walk-in\n    languages: [en]\n    channels: [shop]\n    expects: { hours: { mon-fri: 09:00-17:00 }, live: true, response: 1 day }\n";
    let bare = plan("Europe/Berlin", "DE", "24/7", channels, profile);
    let nights = plan(
        "Europe/Berlin",
        "DE",
        "{ daily: 07:00-22:00, holidays: 07:00-22:00 }",
        channels,
        profile,
    );
    assert!(of_rule(&check_json(&bare, "2026-11-22"), "unreachable-hours").is_empty());
    assert_eq!(
        of_rule(&check_json(&nights, "2026-11-22"), "unreachable-hours").len(),
        1
    );
    // The nights are a decision: the gap silences unreachable-hours and is in use.
    let excused = with_intended_gap(
        &nights,
        "walk-in",
        "{ hours: { daily: 22:00-07:00 }, reason: The shop is closed at night. }",
    );
    let doc = check_json(&excused, "2026-11-22");
    assert!(of_rule(&doc, "unreachable-hours").is_empty(), "{doc:#}");
    assert!(of_rule(&doc, "unused-intended-gap").is_empty(), "{doc:#}");
}

/// Rule and message of every finding but those of `unused-intended-gap`, sorted.
fn other_findings(doc: &Value) -> Vec<(String, String)> {
    let mut all: Vec<(String, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] != "unused-intended-gap")
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn removing_an_intended_gap_reported_unused_changes_no_finding() {
    let channels = "  - { id: shop, kind: in-person, team: desk, response: 2m }\n";
    let entries = [
        "{ hours: { daily: 22:00-07:00 }, reason: Closed at night. }",
        "{ hours: { sun: 12:00-14:00 }, reason: Sunday lunch. }",
        "{ hours: { sat: 08:00-09:00 }, reason: Saturday mornings. }",
        "{ hours: { mon: 10:00-11:00 }, reason: Monday meeting. }",
    ];
    let profile = "  - id: walk-in\n    languages: [en]\n    channels: [shop]\n    expects: { hours: { mon-sat: 08:00-18:00 }, live: true }\n";
    let base = plan(
        "Europe/Berlin",
        "DE",
        "{ mon-fri: 08:00-20:00, sat: 09:00-18:00, sun: 10:00-16:00 }",
        channels,
        profile,
    );
    let with = |skip: Option<usize>| {
        let list: String = entries
            .iter()
            .enumerate()
            .filter(|(i, _)| Some(*i) != skip)
            .map(|(_, e)| format!("      - {e}\n"))
            .collect();
        base.clone() + "    intended-gaps:\n" + &list
    };
    let all = check_json(&with(None), "2026-11-22");
    let unused: Vec<Value> = of_rule(&all, "unused-intended-gap")
        .iter()
        .map(|d| d["path"][3].clone())
        .collect();
    // Sunday lunch is inside the shop's hours and outside the expected ones: unused. The
    // others excuse an unreachable night, a late Saturday opening, or nothing (Monday).
    assert_eq!(unused, [serde_json::json!(1), serde_json::json!(3)], "{all:#}");
    for (i, _) in entries.iter().enumerate() {
        let without = check_json(&with(Some(i)), "2026-11-22");
        let changed = other_findings(&without) != other_findings(&all);
        let reported = unused.contains(&serde_json::json!(i));
        assert_eq!(
            changed, !reported,
            "entry {i}: reported unused = {reported}, removing it changes findings = {changed}\n{without:#}"
        );
    }
}

/// A plan whose team's hours are the given schedule, with one phone channel.
fn team_hours_plan(calendar: &str, hours: &str) -> String {
    plan(
        "Europe/Berlin",
        calendar,
        hours,
        "  - { id: phone, kind: phone, team: desk, response: 2m }\n",
        "  - { id: home, languages: [en], expects: { live: false } }\n",
    )
}

fn overlaps(text: &str) -> Vec<String> {
    of_rule(&check_json(text, "2026-11-22"), "overlapping-hours")
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn overnight_dates_and_holiday_ranges_that_run_into_the_next_day_overlap() {
    // 4 December 2026 is a Friday.
    let dated = team_hours_plan(
        "DE",
        "{ fri: 01:00-05:00, mon-thu: 08:00-18:00, dates: { 2026-12-03: 20:00-02:00 } }",
    );
    assert_eq!(
        overlaps(&dated),
        ["team `desk`: `20:00-02:00` on Thu 2026-12-03 runs past midnight into Fri 2026-12-04's `01:00-05:00`"]
    );
    // On 25 December the team is off for Christmas: the Friday hours do not apply.
    let christmas = team_hours_plan(
        "DE",
        "{ fri: 01:00-05:00, mon-thu: 08:00-18:00, dates: { 2026-12-24: 20:00-02:00 } }",
    );
    assert!(overlaps(&christmas).is_empty(), "{:?}", overlaps(&christmas));
    // Without public holidays it is a Friday like any other.
    let no_holidays = christmas.replace("  holidays: DE\n", "");
    assert_eq!(overlaps(&no_holidays).len(), 1, "{:?}", overlaps(&no_holidays));
    // A holiday night runs into the next day's weekly hours: New Year's Day is a Friday.
    let holidays = team_hours_plan(
        "DE",
        "{ sat: 02:00-08:00, mon-fri: 08:00-18:00, holidays: 22:00-06:00 }",
    );
    assert_eq!(
        overlaps(&holidays),
        [
            "team `desk`: `22:00-06:00` on Fri 2027-01-01 (New Year's Day) runs past midnight into Sat 2027-01-02's `02:00-08:00`"
        ]
    );
    // A weekly night runs into a date's own hours, and a range of dates into itself.
    let weekly_into_date = team_hours_plan(
        "DE",
        "{ thu: 20:00-04:00, mon-wed: 08:00-18:00, dates: { 2026-12-04: 02:00-10:00 } }",
    );
    assert_eq!(
        overlaps(&weekly_into_date).len(),
        1,
        "{:?}",
        overlaps(&weekly_into_date)
    );
    let range = team_hours_plan(
        "DE",
        "{ mon-fri: 08:00-18:00, dates: { 2026-12-02..2026-12-04: [20:00-02:00, 01:00-03:00] } }",
    );
    assert_eq!(overlaps(&range).len(), 1, "{:?}", overlaps(&range));
}

#[test]
fn a_channel_open_24_7_names_the_holidays_its_team_is_off() {
    let text = plan(
        "Europe/Berlin",
        "DE",
        "{ daily: 00:00-24:00 }",
        "  - { id: phone, kind: phone, team: desk, hours: 24/7, response: 2m }\n",
        "  - { id: home, languages: [en], expects: { hours: 24/7, live: true } }\n",
    );
    let doc = check_json(&text, "2026-11-22");
    let outside = of_rule(&doc, "channel-outside-team-hours");
    assert_eq!(outside.len(), 1, "{doc:#}");
    let message = outside[0]["message"].as_str().unwrap();
    assert_eq!(
        message,
        "channel `phone` is open on public holidays when team `desk` has nobody on shift: Fri 2026-12-25 (Christmas Day), Sat 2026-12-26 (Second Day of Christmas) and Fri 2027-01-01 (New Year's Day)"
    );
    assert_eq!(outside[0]["data"]["holidays"][0]["name"], "Christmas Day");
    let uncovered = of_rule(&doc, "uncovered-expected-hours");
    let message = uncovered[0]["message"].as_str().unwrap();
    assert!(message.contains("Fri 2026-12-25 (Christmas Day)"), "{message}");
}

#[test]
fn dst_shift_names_the_date_and_the_hours_before_and_after() {
    let text = plan(
        "Europe/Berlin",
        "DE",
        "{ mon-fri: 08:00-20:00 }",
        "  - { id: phone, kind: phone, team: desk, response: 2m }\n",
        "  - { id: us, timezone: America/New_York, holidays: US-NY, languages: [en] }\n",
    )
    .replace("  review:", "  horizon: 180 days\n  review:");
    let doc = check_json(&text, "2026-11-22");
    let shift = of_rule(&doc, "dst-shift");
    assert_eq!(shift.len(), 1, "{doc:#}");
    let message = shift[0]["message"].as_str().unwrap();
    assert!(
        message.contains(
            "from Sun 2027-03-14 to Sat 2027-03-27 its hours Mon-Fri 08:00-20:00 (Europe/Berlin) are Mon-Fri 03:00-15:00 on the profile's clock instead of Mon-Fri 02:00-14:00, 1 h later"
        ),
        "{message}"
    );
    assert_eq!(shift[0]["data"]["periods"][0]["hours"], "Mon-Fri 03:00-15:00");
}

/// Rules whose findings these fixes changed: none may report twice at one place.
const TOUCHED: [&str; 10] = [
    "uncovered-expected-hours",
    "language-gap",
    "unreachable-hours",
    "holiday-mismatch",
    "dst-shift",
    "unused-intended-gap",
    "overlapping-hours",
    "channel-outside-team-hours",
    "response-unachievable",
    "expectation-unmet",
];

fn plan_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml" || e == "yml" || e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn no_rule_reports_twice_at_one_place_in_any_sample() {
    let files = plan_files("plans")
        .into_iter()
        .chain(plan_files("examples"))
        .chain(plan_files("tests/fixtures/rules"));
    for file in files {
        for today in ["2026-11-22", "2026-11-29"] {
            let out = Run::new()
                .cwd(&root())
                .args(["check", "--today", today, "--fail-on", "never", "--format", "json"])
                .arg_path(&file)
                .expect(0);
            let doc = json(&out);
            let mut seen = std::collections::BTreeSet::new();
            for d in doc["diagnostics"].as_array().unwrap() {
                if !TOUCHED.contains(&d["rule"].as_str().unwrap_or_default()) {
                    continue;
                }
                let key = (
                    d["rule"].to_string(),
                    d["file"].to_string(),
                    d["line"].to_string(),
                    d["column"].to_string(),
                );
                assert!(
                    seen.insert(key.clone()),
                    "{} on {today}: two findings of {key:?}",
                    file.display()
                );
            }
            if file.starts_with(root().join("plans")) || file.starts_with(root().join("examples")) {
                assert_eq!(
                    doc["plans"][0]["errors"],
                    0,
                    "{} on {today}: {}",
                    file.display(),
                    out.stdout
                );
            }
        }
    }
}

#[test]
fn no_rule_reports_twice_at_one_place_when_profiles_share_channels() {
    let profiles = english_profile("england", "phone, chat, email")
        + &english_profile("callers", "phone")
        + &english_profile("chatters", "chat");
    let doc = check_json(&lisbon_plan(LISBON_CHANNELS, &profiles), "2026-11-29");
    let mut seen = std::collections::BTreeSet::new();
    for d in doc["diagnostics"].as_array().unwrap() {
        let key = (d["rule"].to_string(), d["line"].to_string(), d["column"].to_string());
        assert!(seen.insert(key.clone()), "two findings of {key:?}: {doc:#}");
    }
}
