//! Every rule has a fixture in `tests/fixtures/rules/` that makes it fire; the human output
//! of each is a snapshot, so reviewers see what users will see.

use crate::support::{Run, json, root};

#[test]
fn every_rule_fires_on_its_fixture() {
    let dir = root().join("tests/fixtures/rules");
    let mut missing = Vec::new();
    for rule in service_plan::rules::all() {
        let Some(file) = ["yaml", "toml"]
            .iter()
            .map(|ext| dir.join(format!("{}.{ext}", rule.name)))
            .find(|p| p.is_file())
        else {
            missing.push(rule.name);
            continue;
        };
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let run = Run::new().file(&name, std::fs::read(&file).unwrap());
        let out = run
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
        let fired = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == rule.name);
        assert!(fired, "{} does not fire on its fixture:\n{}", rule.name, out.stdout);

        let run = Run::new().file(&name, std::fs::read(&file).unwrap());
        let human = run
            .args(["check", "--today", "2026-11-22", "--fail-on", "never", &name])
            .expect(0)
            .stdout;
        insta::assert_snapshot!(format!("rule_{}", rule.name), human);
    }
    assert!(missing.is_empty(), "rules without a fixture: {missing:?}");
}
