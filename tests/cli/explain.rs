//! `plan rules`, `plan explain` and the generated rule reference.

use crate::support::{Run, root};

#[test]
fn explain_by_name_and_by_code_print_the_same_text() {
    let by_name = Run::new().args(["explain", "unknown-reference"]).expect(0).stdout;
    let by_code = Run::new().args(["explain", "R001"]).expect(0).stdout;
    assert_eq!(by_name, by_code);
    assert!(by_name.starts_with("# unknown-reference (R001)\n"));
    for heading in [
        "## What it finds",
        "## Why it matters",
        "## Example",
        "## What to do instead",
    ] {
        assert!(by_name.contains(heading), "{heading}");
    }
    insta::assert_snapshot!("explain_unknown_reference", by_name);
}

#[test]
fn explain_unknown_rule_suggests_one() {
    let out = Run::new().args(["explain", "unknown-refrence"]).expect(2);
    assert!(
        out.stderr.contains("did you mean `unknown-reference`"),
        "{}",
        out.stderr
    );
}

#[test]
fn rules_lists_every_rule() {
    let out = Run::new().args(["rules"]).expect(0).stdout;
    insta::assert_snapshot!("rules_table", out);
    let json = Run::new().args(["rules", "--format", "json"]).expect(0).stdout;
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let codes: Vec<&str> = doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"L001") && codes.contains(&"R003") && codes.contains(&"O005"));
}

#[test]
fn rule_reference_in_docs_is_current() {
    let path = root().join("docs/rules.md");
    let generated = service_plan::rules::reference::markdown();
    if std::env::var_os("PLAN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is stale: run `PLAN_BLESS=1 cargo test` and commit it"
    );
}
