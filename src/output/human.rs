//! `--format human`: rustc-style diagnostics with a source snippet and a caret under the
//! exact key or value, the help line, and the rule's name.

use super::Report;
use crate::diagnostic::{Counts, Diagnostic, Severity};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// Render one finding. `styled` adds terminal colours (stripped later where not wanted).
pub fn render(report: &Report<'_>, d: &Diagnostic, styled: bool) -> String {
    let source = report.source(d);
    let path = source.display_path();
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let mut snippet = Snippet::source(source.text())
        .path(path.as_str())
        .fold(true)
        .annotation(AnnotationKind::Primary.span(caret(source.text(), d.span.start, d.span.end)));
    let mut elsewhere = Vec::new();
    for label in &d.related {
        if label.file == d.file {
            snippet = snippet.annotation(
                AnnotationKind::Context
                    .span(caret(source.text(), label.span.start, label.span.end))
                    .label(label.message.as_str()),
            );
        } else {
            elsewhere.push(label);
        }
    }
    let other_paths: Vec<String> = elsewhere
        .iter()
        .map(|l| report.sources[l.file.0].display_path())
        .collect();
    let mut group = level.primary_title(d.message.as_str()).id(d.rule.code).element(snippet);
    for (label, other_path) in elsewhere.iter().zip(&other_paths) {
        let other = &report.sources[label.file.0];
        group = group.element(
            Snippet::source(other.text())
                .path(other_path.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Context
                        .span(caret(other.text(), label.span.start, label.span.end))
                        .label(label.message.as_str()),
                ),
        );
    }
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    let rule_note = format!(
        "rule {} ({}); `plan explain {}` for more",
        d.rule.name, d.rule.code, d.rule.name
    );
    group = group.element(Level::NOTE.message(rule_note.as_str()));
    let groups: [Group<'_>; 1] = [group];
    let renderer = if styled { Renderer::styled() } else { Renderer::plain() };
    renderer.render(&groups).to_string()
}

/// A span the renderer can underline: never empty, within the text, on char boundaries.
fn caret(text: &str, start: usize, end: usize) -> std::ops::Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(start);
    let mut end = fix(end).max(start);
    if end == start {
        end = text[start..]
            .chars()
            .next()
            .map_or(start, |c| if c == '\n' { start } else { start + c.len_utf8() });
    }
    start..end
}

/// The closing line: `2 errors, 3 warnings in 1 plan`.
pub fn summary(counts: Counts, plans: usize) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = vec![
        plural(counts.errors, "error", "errors"),
        plural(counts.warnings, "warning", "warnings"),
    ];
    if counts.infos > 0 {
        parts.push(plural(counts.infos, "info", "infos"));
    }
    format!("{} in {}", parts.join(", "), plural(plans, "plan", "plans"))
}
