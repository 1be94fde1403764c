//! `plan check` in every output format from one shared fixture
//! (`tests/fixtures/formats/plan.yaml`: every severity, related locations, an emoji and
//! umlauts before findings on the same line, a message with `%`, `,` and `:`), plus the
//! contracts each machine format has to keep: SARIF against the official schema, GitHub's
//! escaping, well-formed JUnit XML with one testcase per rule and plan.

use crate::support::{Run, json, root};
use serde_json::Value;

/// Where the fixture is written in the run's directory; a path with a directory shows the
/// `/` separator every format uses.
const PLAN: &str = "plans/nordlicht.yaml";

fn fixture() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/formats/plan.yaml")).expect("the shared fixture")
}

/// `plan check` of the shared fixture in one format (it has errors: exit 1).
fn check(format: &str) -> String {
    Run::new()
        .file(PLAN, fixture())
        .args(["check", "--today", "2026-11-22", "--format", format, PLAN])
        .expect(1)
        .stdout
}

/// The fixture with the duration that makes `invalid-duration` fire replaced: its message
/// quotes the value.
fn fixture_with_duration(value: &str) -> String {
    let text = fixture();
    let original = r#"response: "2m, 50%: soon""#;
    assert!(text.contains(original), "the fixture still has the bad duration");
    text.replace(original, &format!("response: {value}"))
}

fn rule_count() -> usize {
    service_plan::rules::all().count()
}

#[test]
fn human() {
    insta::assert_snapshot!("human", check("human"));
}

#[test]
fn json_format() {
    insta::assert_snapshot!("json", check("json"));
}

#[test]
fn github() {
    insta::assert_snapshot!("github", check("github"));
}

#[test]
fn junit() {
    insta::assert_snapshot!("junit", check("junit"));
}

/// The SARIF log with what other tests check and what changes with every release or new
/// rule left out: the version, the rule list (see `sarif_lists_every_rule_with_its_metadata`)
/// and the rule indexes into it.
#[test]
fn sarif() {
    let mut log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    let driver = &mut log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    driver["version"] = "[version]".into();
    driver["rules"] = "[every rule; checked separately]".into();
    for result in log["runs"][0]["results"].as_array_mut().expect("results") {
        result["ruleIndex"] = "[checked separately]".into();
    }
    insta::assert_json_snapshot!("sarif", log);
}

/// The machine formats agree with `json` on where each finding is: same order, same lines and columns.
#[test]
fn every_format_reports_the_same_places() {
    let doc = json(
        &Run::new()
            .file(PLAN, fixture())
            .args(["check", "--today", "2026-11-22", "--format", "json", PLAN])
            .expect(1),
    );
    let expected: Vec<(String, u64, u64, u64, u64)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().expect("a number");
            (
                d["code"].as_str().expect("code").to_owned(),
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
            )
        })
        .collect();
    assert!(expected.len() >= 5, "{expected:?}");

    let log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    let sarif: Vec<_> = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            let n = |k: &str| region[k].as_u64().expect("a number");
            (
                r["ruleId"].as_str().expect("ruleId").to_owned(),
                n("startLine"),
                n("startColumn"),
                n("endLine"),
                n("endColumn"),
            )
        })
        .collect();
    assert_eq!(sarif, expected);

    let github: Vec<_> = check("github")
        .lines()
        .map(|line| {
            let properties = github_properties(line);
            let n = |key: &str| properties[key].parse::<u64>().expect("a number");
            let code = properties["title"].split(' ').next().expect("a code").to_owned();
            (code, n("line"), n("col"), n("endLine"), n("endColumn"))
        })
        .collect();
    assert_eq!(github, expected);
}

/// The properties of a workflow command (`::error file=…,line=…::message`), still escaped.
fn github_properties(line: &str) -> std::collections::BTreeMap<String, String> {
    let (head, _message) = line
        .strip_prefix("::")
        .and_then(|rest| rest.split_once("::"))
        .unwrap_or_else(|| panic!("not a workflow command: {line}"));
    let (_, properties) = head.split_once(' ').expect("a command name and properties");
    properties
        .split(',')
        .map(|p| {
            let (k, v) = p.split_once('=').expect("key=value");
            (k.to_owned(), v.to_owned())
        })
        .collect()
}

/// The vendored SARIF schema, with the one fix it needs to compile (see below).
fn sarif_schema() -> Value {
    let text =
        std::fs::read_to_string(root().join("tests/schemas/sarif-schema-2.1.0.json")).expect("the vendored schema");
    let mut schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    // The standard's pattern for a `language` tag has a stray `]`, which ECMA 262 tolerates
    // only outside Unicode mode and the validator rejects as an invalid regular expression.
    // Use the pattern the SARIF SDK corrected it to; `plan` writes no `language`.
    let fixed = fix_patterns(
        &mut schema,
        "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$",
        "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$",
    );
    assert!(fixed > 0, "the schema changed; revisit this fix");
    schema
}

/// Replace every `pattern` that is `from` with `to`; the number replaced.
fn fix_patterns(schema: &mut Value, from: &str, to: &str) -> usize {
    match schema {
        Value::Object(map) => map
            .iter_mut()
            .map(|(key, value)| match value {
                Value::String(s) if key == "pattern" && s == from => {
                    *s = to.to_owned();
                    1
                }
                _ => fix_patterns(value, from, to),
            })
            .sum(),
        Value::Array(items) => items.iter_mut().map(|v| fix_patterns(v, from, to)).sum(),
        _ => 0,
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema = sarif_schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    for text in [check("sarif"), sarif_of_absolute_path()] {
        let log: Value = serde_json::from_str(&text).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "invalid SARIF:\n{}\n{text}", errors.join("\n"));
    }
    // The validator does reject what the standard forbids, formats included.
    let mut log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    log["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&log));
    let mut log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "my plan.yaml".into();
    assert!(!validator.is_valid(&log));
}

/// SARIF for the fixture given by an absolute path with a space and a non-ASCII letter.
fn sarif_of_absolute_path() -> String {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("my plans/öffnungszeiten.yaml");
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create directories");
    std::fs::write(&path, fixture()).expect("write the plan");
    Run::new()
        .args(["check", "--today", "2026-11-22", "--format", "sarif"])
        .arg_path(&path)
        .expect(1)
        .stdout
}

#[test]
fn sarif_points_at_files_the_way_code_scanning_resolves_them() {
    let log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    let run = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let artifact = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(artifact["uri"], PLAN);
    assert_eq!(artifact["uriBaseId"], "%SRCROOT%");

    // After "📞 Störungsdienst" the team's value starts at column 65 counted in code points;
    // in UTF-16 code units (SARIF's default) it would be 66.
    let line = fixture()
        .lines()
        .find(|l| l.contains("second-line"))
        .expect("the hotline")
        .to_owned();
    let byte = line.find("second-line").expect("the team");
    let before = &line[..byte];
    assert_eq!(
        before.encode_utf16().count(),
        before.chars().count() + 1,
        "one character outside the BMP"
    );
    let code_points = before.chars().count() + 1;
    let unknown = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "R001")
        .expect("unknown-reference fires");
    assert_eq!(
        unknown["locations"][0]["physicalLocation"]["region"]["startColumn"],
        code_points
    );

    let log: Value = serde_json::from_str(&sarif_of_absolute_path()).expect("SARIF is JSON");
    let artifact = &log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    let uri = artifact["uri"].as_str().expect("a uri");
    assert!(uri.starts_with("file:///"), "{uri}");
    assert!(uri.ends_with("/my%20plans/%C3%B6ffnungszeiten.yaml"), "{uri}");
    assert_eq!(artifact.get("uriBaseId"), None);
}

#[test]
fn sarif_lists_every_rule_with_its_metadata() {
    let log: Value = serde_json::from_str(&check("sarif")).expect("SARIF is JSON");
    let run = &log["runs"][0];
    let descriptors = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let registry: Vec<_> = service_plan::rules::all().collect();
    assert_eq!(descriptors.len(), registry.len());
    for (descriptor, rule) in descriptors.iter().zip(&registry) {
        assert_eq!(descriptor["id"], rule.code);
        assert_eq!(descriptor["name"], rule.name);
        assert_eq!(descriptor["shortDescription"]["text"], rule.summary);
        let full = descriptor["fullDescription"]["text"]
            .as_str()
            .expect("a full description");
        assert!(!full.is_empty() && !full.contains("##"), "{}: {full}", rule.name);
        let help = descriptor["help"]["markdown"].as_str().expect("help");
        assert_eq!(help, service_plan::rules::explanation(rule));
        let expected_level = match rule.severity.as_str() {
            "info" => "note",
            other => other,
        };
        assert_eq!(descriptor["defaultConfiguration"]["level"], expected_level);
        assert_eq!(
            descriptor["properties"]["tags"],
            serde_json::json!([rule.family.as_str()])
        );
    }
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(descriptors[index]["id"], result["ruleId"]);
    }
    let levels: Vec<&str> = run["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["level"].as_str())
        .collect();
    for level in ["error", "warning", "note"] {
        assert!(
            levels.contains(&level),
            "the fixture has a finding of level {level}: {levels:?}"
        );
    }
    // One rule's metadata as users' tools show it.
    let unknown = descriptors
        .iter()
        .find(|d| d["id"] == "R001")
        .expect("unknown-reference");
    insta::assert_json_snapshot!("sarif_rule_descriptor", unknown);
}

#[test]
fn github_escapes_message_and_properties() {
    let plan = fixture_with_duration(r#""2m,\r\n50%: soon""#);
    let run = Run::new().file("a,b:c.yaml", plan);
    let out = run
        .args(["check", "--today", "2026-11-22", "--format", "github", "a,b:c.yaml"])
        .expect(1)
        .stdout;
    let line = out
        .lines()
        .find(|l| l.contains("invalid-duration"))
        .expect("invalid-duration fires");
    // The value holds escapes, so the finding covers the whole quoted value.
    assert!(
        line.starts_with("::error file=a%2Cb%3Ac.yaml,line=30,col=88,"),
        "{line}"
    );
    assert!(line.contains(",title=V003 invalid-duration::"), "{line}");
    let message = line
        .split_once("invalid-duration::")
        .map(|(_, m)| m)
        .expect("a message");
    assert_eq!(
        message.split_once(". ").map(|(m, _)| m),
        Some("`2m,%0D%0A50%25: soon`: unexpected `,`")
    );
    // One command a line: every line is a command, nothing else (no summary).
    assert_eq!(out.lines().count(), 5, "{out}");
    assert!(
        out.lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice ")),
        "{out}"
    );
}

#[test]
fn github_prints_nothing_for_a_clean_run() {
    let out = Run::new()
        .file(PLAN, fixture())
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "github",
            "--fail-on",
            "never",
        ])
        .args([
            "--allow",
            "empty-self-help,channel-without-escalation,response-missing,unknown-reference",
        ])
        .args(["--allow", "invalid-duration,percent-out-of-range", PLAN])
        .expect(0);
    assert_eq!(out.stdout, "");
}

/// The parsed JUnit report: per suite, its name and cases as (name, failure type, failure
/// text, system-out, skipped).
type Cases = Vec<(String, Option<String>, String, String, bool)>;

fn parse_junit(xml: &str) -> Vec<(String, Cases)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not well-formed XML ({e}):\n{xml}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let count = |node: roxmltree::Node<'_, '_>, attr: &str| -> usize {
        node.attribute(attr)
            .unwrap_or_else(|| panic!("{attr}"))
            .parse()
            .expect("a count")
    };
    let mut suites = Vec::new();
    let (mut tests, mut failures, mut skipped) = (0, 0, 0);
    for suite in root.children().filter(|n| n.has_tag_name("testsuite")) {
        let name = suite.attribute("name").expect("a suite name").to_owned();
        let mut cases = Cases::new();
        for case in suite.children().filter(|n| n.has_tag_name("testcase")) {
            assert_eq!(case.attribute("classname"), Some(name.as_str()));
            let child = |tag: &str| case.children().find(|n| n.has_tag_name(tag));
            let failure = child("failure");
            cases.push((
                case.attribute("name").expect("a case name").to_owned(),
                failure.and_then(|f| f.attribute("type")).map(str::to_owned),
                failure.and_then(|f| f.text()).unwrap_or_default().to_owned(),
                child("system-out")
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_owned(),
                child("skipped").is_some(),
            ));
        }
        assert_eq!(count(suite, "tests"), cases.len());
        assert_eq!(count(suite, "failures"), cases.iter().filter(|c| c.1.is_some()).count());
        assert_eq!(count(suite, "skipped"), cases.iter().filter(|c| c.4).count());
        assert_eq!(count(suite, "errors"), 0);
        tests += cases.len();
        failures += count(suite, "failures");
        skipped += count(suite, "skipped");
        suites.push((name, cases));
    }
    assert_eq!(
        (count(root, "tests"), count(root, "failures"), count(root, "skipped")),
        (tests, failures, skipped)
    );
    suites
}

#[test]
fn junit_has_one_testcase_per_rule_and_plan() {
    let out = Run::new()
        .file(PLAN, fixture())
        .file("plans/unreadable.yaml", "version: 1\nplan: [unclosed\n")
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "junit",
            PLAN,
            "plans/unreadable.yaml",
        ])
        .expect(1);
    let suites = parse_junit(&out.stdout);
    let names: Vec<&str> = suites.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, [PLAN, "plans/unreadable.yaml"]);
    let expected: Vec<String> = service_plan::rules::all()
        .map(|r| format!("{} {}", r.code, r.name))
        .collect();
    for (_, cases) in &suites {
        let names: Vec<&String> = cases.iter().map(|c| &c.0).collect();
        assert_eq!(names.len(), rule_count());
        assert!(names.iter().zip(&expected).all(|(a, b)| *a == b));
    }

    let case = |suite: usize, name: &str| {
        suites[suite]
            .1
            .iter()
            .find(|c| c.0.ends_with(name))
            .expect(name)
            .clone()
    };
    let (_, kind, text, _, _) = case(0, " percent-out-of-range");
    assert_eq!(kind.as_deref(), Some("error"));
    assert!(
        text.starts_with("plans/nordlicht.yaml:43:32: the refund in complaint `late-delivery` is 150%"),
        "{text}"
    );
    let (_, kind, _, _, _) = case(0, " channel-without-escalation");
    assert_eq!(kind.as_deref(), Some("warning"));
    // An info finding is a note, not a failure.
    let (_, kind, _, out, _) = case(0, " empty-self-help");
    assert_eq!(kind, None);
    assert!(
        out.starts_with("plans/nordlicht.yaml:5:1: the plan offers customers no self-help"),
        "{out}"
    );

    // The unreadable plan fails its syntax case; the rules that never saw it are skipped.
    let (_, kind, _, _, _) = case(1, " syntax-error");
    assert_eq!(kind.as_deref(), Some("error"));
    assert!(case(1, " uncovered-expected-hours").4);
    assert!(!case(1, " schema-error").4);
    assert!(suites[0].1.iter().all(|c| !c.4));
}

#[test]
fn junit_escapes_markup_and_characters_xml_cannot_carry() {
    let plan = fixture_with_duration(r#""2m <&'\"> \x01 \r\n50%: soon""#);
    let out = Run::new()
        .file("plans/a&b.yaml", plan)
        .args(["check", "--today", "2026-11-22", "--format", "junit", "plans/a&b.yaml"])
        .expect(1);
    assert!(!out.stdout.contains('\u{1}'));
    let suites = parse_junit(&out.stdout);
    assert_eq!(suites[0].0, "plans/a&b.yaml");
    let (_, _, text, _, _) = suites[0]
        .1
        .iter()
        .find(|c| c.0.ends_with(" invalid-duration"))
        .expect("invalid-duration")
        .clone();
    assert!(text.starts_with("plans/a&b.yaml:30:"), "{text:?}");
    assert!(text.contains(": `2m <&'\"> \u{FFFD} \r\n50%: soon`: "), "{text:?}");
}
