//! Findings: what a rule reports, where, and how severe it is; sorting; and the one place
//! where severity overrides (`checks:` in a plan, `--allow/--warn/--deny` on the command
//! line) are applied.

use crate::model::FileId;
use crate::model::{Loc, PlanPath};
use crate::source::Span;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family a rule belongs to (SPEC §4); the code's letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    Load,
    Values,
    References,
    Hours,
    Coverage,
    Promises,
    Escalation,
    Compensation,
    People,
    Feedback,
    Content,
    Suppressions,
    Staffing,
}

impl Family {
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Load => "load",
            Family::Values => "values",
            Family::References => "references",
            Family::Hours => "hours",
            Family::Coverage => "coverage",
            Family::Promises => "promises",
            Family::Escalation => "escalation",
            Family::Compensation => "compensation",
            Family::Feedback => "feedback",
            Family::Content => "content",
            Family::Suppressions => "suppressions",
            Family::Staffing => "staffing",
            Family::People => "people",
        }
    }
}

/// A rule's declaration: stable code and name, default severity, one-line summary and the
/// long explanation `plan explain` prints (the doc comment of its declaration).
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub family: Family,
    pub severity: Severity,
    pub summary: &'static str,
    pub explanation: &'static str,
    /// False for rules whose findings mean the plan could not be read at all; their
    /// severity cannot be changed.
    pub configurable: bool,
}

/// A secondary location of a finding ("defined here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

/// One finding.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    pub message: String,
    pub file: FileId,
    pub span: Span,
    pub path: PlanPath,
    /// `path` written as `checks.ignore` reads it (`channels[email].response`), naming
    /// entities by id where the plan gives them one; set by [`name_paths`] once the plan
    /// is known.
    pub path_text: Option<String>,
    pub help: Option<String>,
    pub related: Vec<Label>,
    pub data: serde_json::Map<String, serde_json::Value>,
}

impl Diagnostic {
    /// A finding of `rule` at its default severity, about the value at `loc`.
    pub fn new(rule: &'static Rule, loc: &Loc, message: impl Into<String>) -> Self {
        Self {
            rule,
            severity: rule.severity,
            message: message.into(),
            file: loc.file,
            span: loc.span,
            path: loc.path.clone(),
            path_text: None,
            help: None,
            related: Vec::new(),
            data: serde_json::Map::new(),
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn related(mut self, loc: &Loc, message: impl Into<String>) -> Self {
        self.related.push(Label {
            file: loc.file,
            span: loc.span,
            message: message.into(),
        });
        self
    }

    pub fn data(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.data.insert(key.to_owned(), value.into());
        self
    }

    /// Narrow the primary span (a part of the value the finding is about).
    pub fn at_span(mut self, span: Span) -> Self {
        self.span = span;
        self
    }
}

/// Write each finding's path as a suppression of it would (see
/// [`crate::model::path_selector_for`]), so that a reader can copy it into
/// `checks: { ignore: [{ rule, path, reason }] }`.
pub fn name_paths(diagnostics: &mut [Diagnostic], plan: Option<&crate::model::Plan>) {
    for d in diagnostics {
        d.path_text = Some(path_text(&d.path, plan));
    }
}

/// A path as [`name_paths`] writes it; without a plan, entries are named by index.
pub fn path_text(path: &PlanPath, plan: Option<&crate::model::Plan>) -> String {
    crate::model::path_selector_text(&crate::model::path_selector_for(path, plan))
}

/// Sort findings by file, position and code, the order every output uses.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file, a.span.start, a.span.end, a.rule.code, &a.message).cmp(&(
            b.file,
            b.span.start,
            b.span.end,
            b.rule.code,
            &b.message,
        ))
    });
}

/// A change of severity for one rule: `None` turns the rule off.
#[derive(Debug, Clone, Copy)]
pub struct Override {
    pub rule: &'static Rule,
    pub severity: Option<Severity>,
}

/// Apply severity overrides in order (later ones win) and drop findings of rules turned
/// off. Rules that are not configurable keep their severity.
pub fn apply_overrides(diagnostics: Vec<Diagnostic>, overrides: &[Override]) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .filter_map(|mut d| {
            if !d.rule.configurable {
                return Some(d);
            }
            let last = overrides.iter().rev().find(|o| std::ptr::eq(o.rule, d.rule));
            match last {
                None => Some(d),
                Some(Override { severity: None, .. }) => None,
                Some(Override { severity: Some(s), .. }) => {
                    d.severity = *s;
                    Some(d)
                }
            }
        })
        .collect()
}

/// Counts per severity, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Counts {
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut counts = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}
