//! `--format human`: rustc-style diagnostics with a source snippet and a caret under the
//! exact key or value, the help line, and the rule's name.

use super::Report;
use crate::diagnostic::{Counts, Diagnostic, Severity};
use crate::source::{Excerpt, Span};
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// Longest stretch of source shown in one snippet; longer ones are named by position only.
const MAX_SNIPPET_BYTES: usize = 16 * 1024;

/// Render one finding. `styled` adds terminal colours (stripped later where not wanted).
pub fn render(report: &Report<'_>, d: &Diagnostic, styled: bool) -> String {
    let source = report.source(d);
    let path = source.display_path();
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let same_file = d.related.iter().filter(|l| l.file == d.file).map(|l| l.span);
    let cut = source.excerpt(std::iter::once(d.span).chain(same_file));
    let mut elsewhere = Vec::new();
    let mut group = Group::with_title(level.primary_title(d.message.as_str()).id(d.rule.code));
    if cut.text.len() > MAX_SNIPPET_BYTES {
        // A hostile or generated file with megabyte-long lines: name the place, show no text.
        let at = source.line_col(d.span.start);
        group = group.element(Origin::path(path.as_str()).line(at.line).char_column(at.column));
        elsewhere.extend(&d.related);
    } else {
        let mut snippet = Snippet::source(cut.text)
            .line_start(cut.first_line)
            .path(path.as_str())
            .fold(true)
            .annotation(AnnotationKind::Primary.span(caret(cut, d.span)));
        for label in &d.related {
            if label.file == d.file {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(caret(cut, label.span))
                        .label(label.message.as_str()),
                );
            } else {
                elsewhere.push(label);
            }
        }
        group = group.element(snippet);
    }
    let other_paths: Vec<String> = elsewhere
        .iter()
        .map(|l| report.sources[l.file.0].display_path())
        .collect();
    for (label, other_path) in elsewhere.iter().zip(&other_paths) {
        let file = &report.sources[label.file.0];
        let other = file.excerpt([label.span]);
        if other.text.len() > MAX_SNIPPET_BYTES {
            let at = file.line_col(label.span.start);
            group = group.element(Origin::path(other_path.as_str()).line(at.line).char_column(at.column));
            continue;
        }
        group = group.element(
            Snippet::source(other.text)
                .line_start(other.first_line)
                .path(other_path.as_str())
                .fold(true)
                .annotation(
                    AnnotationKind::Context
                        .span(caret(other, label.span))
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

/// A file span as a range into an excerpt that the renderer can underline: never empty,
/// within the text, on char boundaries.
fn caret(cut: Excerpt<'_>, span: Span) -> std::ops::Range<usize> {
    let text = cut.text;
    let (start, end) = (
        span.start.saturating_sub(cut.offset),
        span.end.saturating_sub(cut.offset),
    );
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
