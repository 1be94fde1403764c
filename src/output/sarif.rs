//! `--format sarif`: a SARIF 2.1.0 log (SPEC §5) for code-scanning services and editors.
//!
//! One run whose tool lists every rule of the registry, so a result's `ruleIndex` means the
//! same in every log this release writes. Columns count Unicode code points, like every
//! other output (the run says so with `columnKind`), rather than SARIF's default UTF-16
//! code units.

use super::Report;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::rules;
use crate::source::{SourceFile, Span};
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// Where the SARIF 2.1.0 schema (OASIS Standard, errata 01) is published.
const SCHEMA_URI: &str = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The base that relative file paths are resolved against: the directory the check ran in,
/// by convention the repository root.
const SOURCE_ROOT: &str = "%SRCROOT%";

/// The SARIF log for a report.
pub fn document(report: &Report<'_>) -> Value {
    let rules: Vec<&'static Rule> = rules::all().collect();
    let index: BTreeMap<&str, usize> = rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let descriptors: Vec<Value> = rules.iter().map(|r| descriptor(r)).collect();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| result(report, d, index.get(d.rule.code).copied()))
        .collect();
    json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "plan",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": descriptors,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

/// A rule's metadata: `reportingDescriptor` in SARIF's words.
fn descriptor(rule: &Rule) -> Value {
    let explanation = rules::explanation(rule);
    let finds = section(&explanation, "What it finds").unwrap_or_else(|| rule.summary.to_owned());
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": finds },
        "help": { "text": explanation, "markdown": explanation },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": { "tags": [rule.family.as_str()] },
    })
}

/// One finding: `result` in SARIF's words.
fn result(report: &Report<'_>, d: &Diagnostic, rule_index: Option<usize>) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(d.rule.code));
    if let Some(i) = rule_index {
        result.insert("ruleIndex".into(), json!(i));
    }
    result.insert("level".into(), json!(level(d.severity)));
    result.insert("message".into(), json!({ "text": message_text(d) }));
    result.insert("locations".into(), json!([location(report.source(d), d.span)]));
    if !d.related.is_empty() {
        let related = d.related.iter().enumerate().map(|(i, label)| {
            let mut location = Map::new();
            location.insert("id".into(), json!(i + 1));
            location.extend(location_fields(&report.sources[label.file.0], label.span));
            location.insert("message".into(), json!({ "text": label.message }));
            Value::Object(location)
        });
        result.insert("relatedLocations".into(), related.collect());
    }
    let mut properties = Map::new();
    properties.insert("rule".into(), json!(d.rule.name));
    properties.insert("path".into(), d.path.to_json());
    if let Some(help) = &d.help {
        properties.insert("help".into(), json!(help));
    }
    properties.insert("data".into(), Value::Object(d.data.clone()));
    result.insert("properties".into(), Value::Object(properties));
    Value::Object(result)
}

/// The message followed by the help line as a second sentence: code-scanning services show
/// only the message, and the help line is what tells the reader what to change.
pub(crate) fn message_text(d: &Diagnostic) -> String {
    let Some(help) = d.help.as_deref().filter(|h| !h.trim().is_empty()) else {
        return d.message.clone();
    };
    let message = d.message.trim_end();
    let stop = if message.ends_with(['.', '!', '?']) { "" } else { "." };
    let mut chars = help.trim().chars();
    let first = chars.next().map(|c| c.to_uppercase().to_string()).unwrap_or_default();
    format!("{message}{stop} {first}{}", chars.as_str())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A place in a plan file: the file as a URI and the 1-based region of the span.
fn location(file: &SourceFile, span: Span) -> Value {
    Value::Object(location_fields(file, span))
}

fn location_fields(file: &SourceFile, span: Span) -> Map<String, Value> {
    let (start, end) = (file.line_col(span.start), file.line_col(span.end.max(span.start)));
    let physical = json!({
        "artifactLocation": artifact(file),
        "region": {
            "startLine": start.line,
            "startColumn": start.column,
            "endLine": end.line,
            "endColumn": end.column,
        }
    });
    Map::from_iter([("physicalLocation".to_owned(), physical)])
}

/// The file as given on the command line: a relative path stays relative to the directory
/// the check ran in; an absolute one becomes a `file:` URI.
fn artifact(file: &SourceFile) -> Value {
    let path = file.display_path();
    if file.path().is_absolute() {
        // `C:/plans/a.yaml` on Windows becomes `file:///C:/plans/a.yaml`.
        let rooted = if path.starts_with('/') {
            path
        } else {
            format!("/{path}")
        };
        json!({ "uri": format!("file://{}", encode_path(&rooted, true)) })
    } else {
        json!({ "uri": encode_path(&path, false), "uriBaseId": SOURCE_ROOT })
    }
}

/// Percent-encode a `/`-separated path for a URI. A colon is kept only in absolute paths
/// (a drive letter); in a relative one it would read as a URI scheme.
fn encode_path(path: &str, keep_colon: bool) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        let plain = byte.is_ascii_alphanumeric()
            || matches!(byte, b'/' | b'-' | b'.' | b'_' | b'~')
            || (keep_colon && byte == b':');
        if plain {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The text under one `## heading` of an explanation, with the lines of each paragraph
/// joined (the explanation is wrapped for a terminal; SARIF viewers wrap text themselves).
/// Lists and code blocks keep their lines.
fn section(explanation: &str, heading: &str) -> Option<String> {
    let mut lines = explanation.lines().skip_while(|l| l.trim() != format!("## {heading}"));
    lines.next()?;
    let mut text = String::new();
    let (mut in_code, mut in_paragraph) = (false, false);
    for line in lines.take_while(|l| !l.starts_with("## ")) {
        let trimmed = line.trim();
        let fence = trimmed.starts_with("```");
        let plain = !in_code
            && !fence
            && !trimmed.is_empty()
            && !line.starts_with(' ')
            && !trimmed.starts_with(['-', '*', '|', '>']);
        if plain && in_paragraph {
            text.push(' ');
            text.push_str(trimmed);
        } else {
            text.push('\n');
            text.push_str(if in_code || fence { line } else { trimmed });
        }
        in_paragraph = plain;
        in_code ^= fence;
    }
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(encode_path("plans/nordlicht.yaml", false), "plans/nordlicht.yaml");
        assert_eq!(encode_path("my plans/a:b%.yaml", false), "my%20plans/a%3Ab%25.yaml");
        assert_eq!(encode_path("/C:/plans/ä.yaml", true), "/C:/plans/%C3%A4.yaml");
    }

    #[test]
    fn sections_are_cut_at_the_next_heading_and_unwrapped() {
        let text =
            "## What it finds\n\nA channel that\nnobody staffs.\n\n- one\n- two\n\n## Why it matters\n\nBecause.\n";
        assert_eq!(
            section(text, "What it finds").as_deref(),
            Some("A channel that nobody staffs.\n\n- one\n- two")
        );
        assert_eq!(section(text, "Why it matters").as_deref(), Some("Because."));
        assert_eq!(section(text, "Example"), None);
    }

    #[test]
    fn every_rule_has_a_full_description() {
        for rule in rules::all() {
            let finds = section(&rules::explanation(rule), "What it finds");
            assert!(
                finds.is_some_and(|f| !f.is_empty()),
                "{} has no `What it finds`",
                rule.name
            );
        }
    }
}
