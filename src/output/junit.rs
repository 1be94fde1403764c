//! `--format junit`: JUnit XML for CI test reports (SPEC §5: one testcase per rule and
//! plan).
//!
//! Each plan is a `<testsuite>`, and each rule of the registry a `<testcase>` in it, so a
//! report always lists the same cases and a rule that starts failing is easy to spot. A rule
//! with error or warning findings fails, with every finding listed in the `<failure>` body;
//! the failure's `type` is the highest severity among them. Info findings do not fail a
//! case: they are notes, not defects, so they go to the case's `<system-out>`. When a plan
//! could not be read at all (a syntax error, an unsupported format version), no other rule
//! could look at it, and those cases are `<skipped>` rather than reported as passing.

use super::Report;
use crate::diagnostic::{Diagnostic, Rule, Severity};
use crate::rules;
use std::fmt::Write;

/// The JUnit XML document for a report.
pub fn document(report: &Report<'_>) -> String {
    let rules: Vec<&'static Rule> = rules::all().collect();
    let suites: Vec<Suite> = (0..report.sources.len())
        .map(|file| Suite::new(report, file, &rules))
        .collect();
    let total = |f: fn(&Suite) -> usize| suites.iter().map(f).sum::<usize>();
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        xml,
        "<testsuites name=\"plan check\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
        total(|s| s.cases.len()),
        total(Suite::failures),
        total(Suite::skipped),
    );
    for suite in &suites {
        suite.write(&mut xml);
    }
    xml.push_str("</testsuites>\n");
    xml
}

/// One plan's results.
struct Suite {
    file: String,
    cases: Vec<Case>,
}

/// One rule's results for one plan.
struct Case {
    rule: &'static Rule,
    /// Error and warning findings, formatted.
    failures: Vec<String>,
    /// The highest severity among the failures.
    worst: Option<Severity>,
    /// The first failing finding's message, for the failure's one-line summary.
    headline: Option<String>,
    /// Info findings, formatted.
    notes: Vec<String>,
    skipped: bool,
}

impl Suite {
    fn new(report: &Report<'_>, file: usize, rules: &[&'static Rule]) -> Self {
        let found: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.file.0 == file).collect();
        let unread = found.iter().any(|d| {
            std::ptr::eq(d.rule, &rules::load::SYNTAX_ERROR) || std::ptr::eq(d.rule, &rules::load::UNSUPPORTED_VERSION)
        });
        let cases = rules
            .iter()
            .map(|&rule| {
                let mut case = Case {
                    rule,
                    failures: Vec::new(),
                    worst: None,
                    headline: None,
                    notes: Vec::new(),
                    skipped: unread && !matches!(rule.family, crate::diagnostic::Family::Load),
                };
                for d in found.iter().filter(|d| std::ptr::eq(d.rule, rule)) {
                    let line = finding(report, d);
                    if d.severity == Severity::Info {
                        case.notes.push(line);
                    } else {
                        case.worst = case.worst.max(Some(d.severity));
                        case.headline.get_or_insert_with(|| d.message.clone());
                        case.failures.push(line);
                    }
                }
                case
            })
            .collect();
        Self {
            file: report.sources[file].display_path(),
            cases,
        }
    }

    fn failures(&self) -> usize {
        self.cases.iter().filter(|c| !c.failures.is_empty()).count()
    }

    fn skipped(&self) -> usize {
        self.cases.iter().filter(|c| c.skipped && c.failures.is_empty()).count()
    }

    fn write(&self, xml: &mut String) {
        let file = escape(&self.file);
        let _ = writeln!(
            xml,
            "  <testsuite name=\"{file}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">",
            self.cases.len(),
            self.failures(),
            self.skipped(),
        );
        for case in &self.cases {
            let name = escape(&format!("{} {}", case.rule.code, case.rule.name));
            let open = format!("    <testcase classname=\"{file}\" name=\"{name}\"");
            if case.failures.is_empty() && case.notes.is_empty() && !case.skipped {
                let _ = writeln!(xml, "{open}/>");
                continue;
            }
            let _ = writeln!(xml, "{open}>");
            if let (Some(worst), Some(headline)) = (case.worst, &case.headline) {
                let more = case.failures.len() - 1;
                let message = match more {
                    0 => headline.clone(),
                    n => format!("{headline} (and {n} more)"),
                };
                let _ = writeln!(
                    xml,
                    "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                    escape(&message),
                    worst.as_str(),
                    escape_text(&case.failures.concat()),
                );
            } else if case.skipped {
                xml.push_str("      <skipped message=\"the plan could not be read, so this rule did not run\"/>\n");
            }
            if !case.notes.is_empty() {
                let _ = writeln!(
                    xml,
                    "      <system-out>{}</system-out>",
                    escape_text(&case.notes.concat())
                );
            }
            xml.push_str("    </testcase>\n");
        }
        xml.push_str("  </testsuite>\n");
    }
}

/// A finding as a line of a failure or note: `file:line:col: message`, then its help.
fn finding(report: &Report<'_>, d: &Diagnostic) -> String {
    let (start, _) = report.range(d);
    let mut text = format!(
        "{}:{}:{}: {}\n",
        report.source(d).display_path(),
        start.line,
        start.column,
        d.message
    );
    if let Some(help) = &d.help {
        let _ = writeln!(text, "  help: {help}");
    }
    text
}

/// Escape text for an XML attribute: line breaks and tabs become character references, so
/// the value keeps them.
fn escape(text: &str) -> String {
    escape_with(text, true)
}

/// Escape text for element content, where line breaks stay as they are.
fn escape_text(text: &str) -> String {
    escape_with(text, false)
}

/// Characters XML 1.0 cannot carry at all (most control characters) become U+FFFD.
fn escape_with(text: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\n' | '\t' if !attribute => out.push(c),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if allowed_in_xml(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// The characters XML 1.0 allows in a document (its `Char` production), less those handled
/// above.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_control_characters_are_escaped() {
        let text = "a<b>&\"c\" 'd'\r\n\t\u{1}\u{FFFE}ä📞";
        assert_eq!(
            escape(text),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#13;&#10;&#9;\u{FFFD}\u{FFFD}ä📞"
        );
        assert_eq!(
            escape_text(text),
            "a&lt;b&gt;&amp;&quot;c&quot; &apos;d&apos;&#13;\n\t\u{FFFD}\u{FFFD}ä📞"
        );
    }
}
