//! The policy rules on the cases their issue names: an escalation that ends at a manager
//! who has gone home, and a coupon larger than the team may grant.

use crate::support::{Run, json, root};

fn findings(fixture: &str, rule: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules").join(fixture)).unwrap();
    let out = Run::new()
        .file("plan.yaml", text)
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
    json(&out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == rule)
        .cloned()
        .collect()
}

#[test]
fn a_manager_reachable_until_18_misses_calls_escalated_after_four_hours() {
    let found = findings("escalation-unstaffed.yaml", "escalation-unstaffed");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    // The step's contact, and the manager's hours as the related place.
    assert_eq!(d["path"], serde_json::json!(["escalation", 0, "steps", 1, "contact"]));
    assert_eq!(d["related"][0]["line"], 13, "{d}");
    assert_eq!(
        d["data"]["arrival_windows"][0],
        serde_json::json!({ "start": "2026-11-23T14:00:00+01:00", "end": "2026-11-23T16:00:00+01:00" })
    );
    assert_eq!(
        d["data"]["windows"][0],
        serde_json::json!({ "start": "2026-11-23T18:00:00+01:00", "end": "2026-11-23T20:00:00+01:00" })
    );
    // Every weekday of the window, except the public holidays when the phone is closed.
    let windows = d["data"]["windows"].as_array().unwrap();
    assert!(
        windows
            .iter()
            .all(|w| w["start"].as_str().unwrap().ends_with("T18:00:00+01:00")),
        "{windows:#?}"
    );
    assert!(
        !windows
            .iter()
            .any(|w| w["start"].as_str().unwrap().starts_with("2026-12-25"))
    );
    assert!(d["message"].as_str().unwrap().contains("Mon-Fri 14:00-16:00"), "{d}");
}

#[test]
fn a_coupon_over_the_teams_authority_points_at_the_remedy_and_the_limit() {
    let found = findings("remedy-over-authority.yaml", "remedy-over-authority");
    assert_eq!(found.len(), 1, "{found:#?}");
    let d = &found[0];
    assert_eq!(d["path"], serde_json::json!(["complaints", 0, "remedies", 1, "value"]));
    assert!(
        d["message"].as_str().unwrap().contains("100 EUR") && d["message"].as_str().unwrap().contains("50 EUR"),
        "{d}"
    );
    assert_eq!(d["related"][0]["message"], "team `first-line` may grant up to 50 EUR");
    assert!(findings("remedy-over-authority.ok.yaml", "remedy-over-authority").is_empty());
}

#[test]
fn every_sample_plan_demonstrates_a_suppression_with_a_reason() {
    for entry in std::fs::read_dir(root().join("plans")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let has = if path.extension().is_some_and(|e| e == "toml") {
            text.contains("[[checks.ignore]]") && text.contains("reason = ")
        } else {
            text.contains("  ignore:\n") && text.contains("      reason: ")
        };
        assert!(has, "{} has no suppression with a reason", path.display());
        // And it is used: no unused or expired suppression.
        let out = Run::new()
            .cwd(&root())
            .args(["check", "--today", "2026-11-22", "--format", "json"])
            .arg_path(&path)
            .expect(0);
        let doc = json(&out);
        assert!(
            !doc["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["rule"] == "unused-suppression" || d["rule"] == "expired-suppression"),
            "{}: {doc:#}",
            path.display()
        );
    }
}
