//! Every rule has a fixture in `tests/fixtures/rules/` that makes it fire; the human output
//! of each is a snapshot, so reviewers see what users will see. Rules of the policy families
//! also have a variant, `<rule>.ok.yaml`, that is one fix away and must not fire.

use crate::support::{Run, json, root};
use service_plan::diagnostic::Family;

/// Families whose rules must also show a fixture that does not fire.
const WITH_PASSING_VARIANT: [Family; 6] = [
    Family::Escalation,
    Family::Compensation,
    Family::People,
    Family::Feedback,
    Family::Content,
    Family::Suppressions,
];

fn fixture(rule: &str, suffix: &str) -> Option<std::path::PathBuf> {
    let dir = root().join("tests/fixtures/rules");
    ["yaml", "toml"]
        .iter()
        .map(|ext| dir.join(format!("{rule}{suffix}.{ext}")))
        .find(|p| p.is_file())
}

/// The date a fixture is checked on: 2026-11-22, unless its first line says otherwise
/// (`# today: 2039-06-01`), for rules that only fire near the ends of the holiday data.
fn today(text: &[u8]) -> String {
    let first = String::from_utf8_lossy(text)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    first
        .strip_prefix("# today: ")
        .map_or_else(|| "2026-11-22".to_owned(), |d| d.trim().to_owned())
}

/// Check a fixture: whether the rule fires, and its human output.
fn run(file: &std::path::Path) -> (bool, String, String) {
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let rule = name.split('.').next().unwrap().to_owned();
    let text = std::fs::read(file).unwrap();
    let today = today(&text);
    let args = ["check", "--today", &today, "--fail-on", "never"];
    let out = Run::new()
        .file(&name, &text)
        .args(args)
        .args(["--format", "json", &name])
        .expect(0);
    let doc = json(&out);
    let fired = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["rule"] == rule.as_str());
    let human = Run::new()
        .file(&name, &text)
        .args(args)
        .arg_path(std::path::Path::new(&name))
        .expect(0)
        .stdout;
    (fired, human, out.stdout)
}

#[test]
fn every_rule_fires_on_its_fixture() {
    let mut missing = Vec::new();
    for rule in service_plan::rules::all() {
        let Some(file) = fixture(rule.name, "") else {
            missing.push(rule.name);
            continue;
        };
        let (fired, human, json) = run(&file);
        assert!(fired, "{} does not fire on its fixture:\n{json}", rule.name);
        insta::assert_snapshot!(format!("rule_{}", rule.name), human);
    }
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}

#[test]
fn policy_rules_do_not_fire_on_their_passing_variant() {
    let mut missing = Vec::new();
    for rule in service_plan::rules::all().filter(|r| WITH_PASSING_VARIANT.contains(&r.family)) {
        let Some(file) = fixture(rule.name, ".ok") else {
            missing.push(rule.name);
            continue;
        };
        let (fired, human, json) = run(&file);
        assert!(!fired, "{} fires on its passing variant:\n{json}", rule.name);
        insta::assert_snapshot!(format!("rule_{}_ok", rule.name), human);
    }
    assert!(
        missing.is_empty(),
        "rules without a passing variant (`<rule>.ok.yaml`): {missing:?}"
    );
}
