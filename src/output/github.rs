//! `--format github`: GitHub Actions workflow commands, one line per finding, which the
//! runner turns into annotations on the pull request's changed lines:
//!
//! ```text
//! ::error file=plans/a.yaml,line=30,col=65,endLine=30,endColumn=76,title=R001 unknown-reference::channel `hotline` names …
//! ```
//!
//! No summary line follows: every line of this output is a command, so nothing the runner
//! reads is taken for a log message, and the annotations already count themselves. The exit
//! code tells whether the step failed.

use super::Report;
use crate::diagnostic::{Diagnostic, Severity};

/// The workflow commands for a report, each ending in a newline.
pub fn commands(report: &Report<'_>) -> String {
    report.diagnostics.iter().map(|d| command(report, d) + "\n").collect()
}

/// One finding as a workflow command.
fn command(report: &Report<'_>, d: &Diagnostic) -> String {
    let name = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let (start, end) = report.range(d);
    let properties = [
        ("file", report.source(d).display_path()),
        ("line", start.line.to_string()),
        ("col", start.column.to_string()),
        ("endLine", end.line.to_string()),
        ("endColumn", end.column.to_string()),
        ("title", format!("{} {}", d.rule.code, d.rule.name)),
    ];
    let properties: Vec<String> = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect();
    format!(
        "::{name} {}::{}",
        properties.join(","),
        escape_data(&super::sarif::message_text(d))
    )
}

/// Escape the message of a command: `%`, carriage return and line feed.
fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escape a property value: as the message, and also `:` and `,`, which end a value.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("50%: a, b\r\nc"), "50%25: a, b%0D%0Ac");
    }

    #[test]
    fn properties_also_escape_colon_and_comma() {
        assert_eq!(escape_property("a,b:c%\n.yaml"), "a%2Cb%3Ac%25%0A.yaml");
    }
}
