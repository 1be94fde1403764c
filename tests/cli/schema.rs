//! `plan schema` and its copy in `schema/`, which the sample plans name for editors. An
//! independent validator checks the samples against it and agrees with the loader on which
//! plans are well-formed.

use crate::support::{Run, root};
use serde_json::Value;
use service_plan::diagnostic::Severity;
use service_plan::load::{Format, load_text};
use service_plan::model::FileId;
use service_plan::source::SourceFile;
use std::path::{Path, PathBuf};

const SCHEMA: &str = "schema/plan.schema.json";

#[test]
fn schema_file_is_current() {
    let generated = Run::new().args(["schema"]).expect(0).stdout;
    let path = root().join(SCHEMA);
    if std::env::var_os("PLAN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "{SCHEMA} is stale: run `PLAN_BLESS=1 cargo test` and commit it"
    );
}

fn validator() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join(SCHEMA)).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("{SCHEMA} is not a valid draft-07 schema: {e}"))
}

/// A plan as the JSON an editor validates.
fn as_json(format: Format, text: &str) -> Value {
    match format {
        Format::Toml => from_toml(toml::Value::Table(toml::from_str(text).unwrap())),
        Format::Yaml => {
            let options = serde_saphyr::options! { strict_booleans: true };
            serde_saphyr::from_str_with_options(text, options).unwrap()
        }
    }
}

fn from_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        // Plans read TOML dates as text, as YAML gives them.
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(from_toml).collect()),
        toml::Value::Table(table) => Value::Object(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect()),
    }
}

/// The schema's complaints about a plan, each with the place it points at.
fn violations(validator: &jsonschema::Validator, format: Format, text: &str) -> Vec<String> {
    let instance = as_json(format, text);
    validator
        .iter_errors(&instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn sample_plans() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["plans", "examples"] {
        for entry in std::fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "toml")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn every_sample_plan_names_the_schema_and_is_valid() {
    let validator = validator();
    let files = sample_plans();
    assert!(files.len() >= 6, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let format = Format::of(&file);
        let directive = match format {
            Format::Yaml => "# yaml-language-server: $schema=",
            Format::Toml => "#:schema ",
        };
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(directive),
            "{}: the first line should be `{directive}../{SCHEMA}`",
            file.display()
        );
        let target = file.parent().unwrap().join(&first[directive.len()..]);
        assert!(
            target.canonicalize().ok() == root().join(SCHEMA).canonicalize().ok(),
            "{}: `{first}` does not lead to {SCHEMA}",
            file.display()
        );
        let found = violations(&validator, format, &text);
        assert!(found.is_empty(), "{}:\n{}", file.display(), found.join("\n"));
    }
}

fn minimal() -> String {
    std::fs::read_to_string(root().join("examples/minimal.yaml")).unwrap()
}

/// The minimal plan with `from` replaced by `to`, or with `to` added at the end when `from`
/// is empty.
fn variant(from: &str, to: &str) -> String {
    let base = minimal();
    if from.is_empty() {
        return format!("{base}{to}\n");
    }
    assert_eq!(base.matches(from).count(), 1, "`{from}` should occur once");
    base.replace(from, to)
}

#[test]
fn unknown_keys_and_wrong_types_are_rejected_where_they_are() {
    let validator = validator();
    for (from, to, at, naming) in [
        ("response: 2m", "respnse: 2m", "/channels/0", "respnse"),
        ("agents: 4", "agents: many", "/teams/0/agents", "many"),
    ] {
        let found = violations(&validator, Format::Yaml, &variant(from, to));
        assert!(
            found
                .iter()
                .any(|v| v.starts_with(&format!("{at}:")) && v.contains(naming)),
            "`{to}` should be reported at {at}: {found:?}"
        );
    }
}

/// True when the loader reads the plan without errors (references and the other rules are
/// not the schema's business).
fn loader_reads(text: &str) -> bool {
    let source = SourceFile::new(Path::new("plan.yaml"), text.to_owned());
    let loaded = load_text(source, FileId(0), Format::Yaml);
    loaded.plan.is_some()
        && loaded
            .problems
            .iter()
            .all(|problem| service_plan::rules::load::rule(problem.kind).severity != Severity::Error)
}

#[test]
fn schema_and_loader_agree_on_what_a_plan_may_contain() {
    let validator = validator();
    let read: &[(&str, &str)] = &[
        ("{ mon-fri: 08:00-18:00 }", "{ mon-fri: [08:00-12:00, 13:00-18:00] }"),
        (
            "{ mon-fri: 08:00-18:00 }",
            "{ fri-mon: 22:00-06:00, wed: \"8:00-12:00, 13:00-24:00\" }",
        ),
        ("{ mon-fri: 08:00-18:00 }", "{ daily: 00:00-24:00, holidays: closed }"),
        ("{ mon-fri: 08:00-18:00 }", "24/7"),
        (
            "{ mon-fri: 08:00-18:00 }",
            "{ \"mon,wed,fri\": 08:00-18:00, dates: { 2026-12-24..2026-12-26: closed, 2026-12-31: 08:00-12:00 } }",
        ),
        ("agents: 4", "agents: 0"),
        ("response: 2m", "response: 1h30m"),
        ("response: 2m", "response: 8 business hours"),
        ("response: 2m", "response: 30m calendar"),
        ("every: 6 months", "every: 1 year 6 months"),
        (
            "name: Minimal plan",
            "name: { de: Minimalplan, en: Minimal plan, pt-BR: Plano mínimo }",
        ),
        ("languages: [de, en]", "languages: [de, pt-BR, es-419]"),
        (
            "holidays: DE-BE",
            "holidays: { calendar: DE-BE, add: [2026-12-24], remove: [2026-10-31] }",
        ),
        ("timezone: Europe/Berlin", "timezone: America/Argentina/Buenos_Aires"),
        ("", "authority: { first-line: 1 500 EUR, anna: unlimited, nobody: 25 }"),
        (
            "",
            "metrics: [{ id: csat, target: \">= 4.5\" }, { id: answer, target: 80% in 20s }]",
        ),
        (
            "",
            "profiles: [{ id: young, age: 18+, countries: [DE], channels: [phone] }]",
        ),
        (
            "",
            "staffing: [{ channel: phone, shrinkage: 30%, concurrency: 2, volume: [{ hours: 24/7, per-hour: 12.5 }] }]",
        ),
        (
            "",
            "checks: { ignore: [{ rule: R003, path: \"channels[phone].response\", reason: Agreed }] }",
        ),
        ("", "feedback:"),
    ];
    let rejected: &[(&str, &str)] = &[
        ("response: 2m", "respnse: 2m"),
        ("agents: 4", "agents: many"),
        ("agents: 4", "agents: -1"),
        ("kind: phone", "kind: fax"),
        ("response: 2m", "response: 2 minuets"),
        ("response: 2m", "response: 2"),
        ("{ mon-fri: 08:00-18:00 }", "{ mon-fri: 8-18 }"),
        ("{ mon-fri: 08:00-18:00 }", "{ weekdays: 08:00-18:00 }"),
        ("{ mon-fri: 08:00-18:00 }", "{ mon-fri: 08:00-25:00 }"),
        ("{ mon-fri: 08:00-18:00 }", "always"),
        ("holidays: DE-BE", "holidays: de-be"),
        ("holidays: DE-BE", "holidays: { add: [2026-12-24] }"),
        ("languages: [de, en]", "languages: [german]"),
        ("currency: EUR", "currency: eur"),
        ("timezone: Europe/Berlin", "timezone: Europe Berlin"),
        ("id: first-line", "id: First Line"),
        ("last: 2026-09-01", "last: 2026-9-1"),
        ("version: 1", "version: 2"),
        ("name: Anna Weber", "name:"),
        ("    agents: 4\n", ""),
        (
            "    agents: 4\n",
            "    agents: 4\n    shifts: [{ hours: 24/7, agents: 1 }]\n",
        ),
        ("response: 2m", "response: 2m\n    toll-free: yes"),
        (
            "",
            "escalation: [{ id: standard, steps: [{ team: first-line, contact: anna }] }]",
        ),
        ("", "authority: { first-line: 25 €, anna: 10 }"),
        ("", "metrics: [{ id: csat, target: 90% }]"),
    ];
    for (cases, expected) in [(read, true), (rejected, false)] {
        for (from, to) in cases {
            let text = variant(from, to);
            let found = violations(&validator, Format::Yaml, &text);
            assert_eq!(loader_reads(&text), expected, "the loader on `{to}`");
            assert_eq!(found.is_empty(), expected, "the schema on `{to}`: {found:?}");
        }
    }
}

#[test]
fn init_output_is_valid_against_the_schema() {
    let validator = validator();
    for (args, file, format) in [
        (vec!["init", "--today", "2026-11-22"], "plan.yaml", Format::Yaml),
        (
            vec!["init", "--today", "2026-11-22", "--format", "toml"],
            "plan.toml",
            Format::Toml,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let found = violations(&validator, format, &text);
        assert!(found.is_empty(), "{file}:\n{}", found.join("\n"));
    }
}
