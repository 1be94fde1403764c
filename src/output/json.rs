//! `--format json`: one JSON document with per-plan counts and every finding (SPEC §5).

use super::Report;
use crate::diagnostic::Counts;
use serde_json::{Value, json};

/// The JSON document for a report.
pub fn document(report: &Report<'_>) -> Value {
    let plans: Vec<Value> = report
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            let counts = Counts::of(report.diagnostics.iter().filter(|d| d.file.0 == i));
            json!({
                "file": source.display_path(),
                "errors": counts.errors,
                "warnings": counts.warnings,
                "infos": counts.infos,
            })
        })
        .collect();
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let source = report.source(d);
            let (start, end) = report.range(d);
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|label| {
                    let file = &report.sources[label.file.0];
                    let at = file.line_col(label.span.start);
                    json!({
                        "file": file.display_path(),
                        "line": at.line,
                        "column": at.column,
                        "message": label.message,
                    })
                })
                .collect();
            json!({
                "code": d.rule.code,
                "rule": d.rule.name,
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": source.display_path(),
                "line": start.line,
                "column": start.column,
                "end_line": end.line,
                "end_column": end.column,
                "path": d.path.to_json(),
                "path_text": d
                    .path_text
                    .clone()
                    .unwrap_or_else(|| crate::diagnostic::path_text(&d.path, None)),
                "help": d.help,
                "related": related,
                "data": Value::Object(d.data.clone()),
            })
        })
        .collect();
    json!({ "version": 1, "plans": plans, "diagnostics": diagnostics })
}
