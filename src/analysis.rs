//! The analysis pipeline every command shares: a plan file is loaded and validated
//! ([`crate::load`]), each load problem becomes the finding of its rule
//! ([`rules::load::finding`]), the rules run over the plan with today's date, and the plan's
//! `checks:` and the command line's severities and the plan's suppressions are applied.
//!
//! Nothing here prints or keeps state between calls: analysing two versions of one plan is
//! two independent calls (give them different [`FileId`]s to tell their findings apart).
//! Commands print what these functions return.

use crate::coverage::Timeline;
use crate::diagnostic::{self, Diagnostic, Family, Override, Severity};
use crate::load::{self, Format, Loaded, Problem};
use crate::model::{FileId, Located, Plan};
use crate::rules::{self, Context};
use crate::source::SourceFile;
use chrono::NaiveDate;
use std::path::Path;

/// One plan as `plan check` sees it.
#[derive(Debug)]
pub struct Analysis {
    /// The file as read, for locations and snippets in the output.
    pub source: SourceFile,
    /// The validated plan, when the file could be read as one; it may still have error
    /// findings.
    pub plan: Option<Plan>,
    /// Every finding as reported, sorted (see [`diagnostic::sort`]): the loader's and the
    /// rules', with the plan's and the given severities and the plan's suppressions
    /// applied, and paths named as suppressions write them.
    pub findings: Vec<Diagnostic>,
    /// The plan's schedules evaluated over its horizon from the analysis date, as the rules
    /// saw them; `None` without a plan. Commands that go on to render or compare reuse it.
    pub timeline: Option<Timeline>,
}

impl Analysis {
    /// True when a finding is an error (after every override).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Analyse a plan file: everything `plan check` reports for it. `overrides` (from the
/// command line) apply after the plan's own `checks:`. I/O failures are errors; everything
/// about the file's content is a finding.
pub fn analyse_file(path: &Path, file: FileId, today: NaiveDate, overrides: &[Override]) -> anyhow::Result<Analysis> {
    Ok(analyse_loaded(load::load_file(path, file)?, today, overrides))
}

/// Analyse a plan already read as text (for instance an older version of a file), as
/// [`analyse_file`] does, except that the iCalendar files the plan names
/// (`holidays: { ics: … }`) are not read: text has no folder to find them in.
pub fn analyse_text(
    source: SourceFile,
    file: FileId,
    format: Format,
    today: NaiveDate,
    overrides: &[Override],
) -> Analysis {
    analyse_loaded(load::load_text(source, file, format), today, overrides)
}

/// Analyse a plan loaded by any of the [`crate::load`] functions (such as
/// [`load::load_bytes`] for bytes that may not be UTF-8).
pub fn analyse_loaded(loaded: Loaded, today: NaiveDate, overrides: &[Override]) -> Analysis {
    let Loaded { source, plan, problems } = loaded;
    let (mut findings, timeline) = evaluate(load_findings(problems), plan.as_ref(), today, overrides);
    diagnostic::sort(&mut findings);
    Analysis {
        source,
        plan,
        findings,
        timeline,
    }
}

/// What [`load_sound`] found.
#[derive(Debug)]
pub enum Soundness {
    /// The plan loaded without load or reference errors.
    Sound { source: SourceFile, plan: Box<Plan> },
    /// The plan could not be loaded, or it has load or reference errors: those errors,
    /// sorted and with their paths named, and no plan.
    Unsound {
        source: SourceFile,
        errors: Vec<Diagnostic>,
    },
}

/// Load a plan file for a command that needs a readable plan whose references are sound
/// (`coverage`, `at`, `staffing`): the plan, or its load and reference errors. Findings of
/// the other rules (gaps, promises) do not stop such a command, whose job is to show them.
/// The plan's `checks:` do not apply here: no severity makes broken references usable.
pub fn load_sound(path: &Path, file: FileId) -> anyhow::Result<Soundness> {
    let loaded = load::load_file(path, file)?;
    let mut found = load_findings(loaded.problems);
    if let Some(plan) = &loaded.plan {
        found.extend(rules::run_family(plan, Family::References));
    }
    let mut errors: Vec<_> = found.into_iter().filter(|d| d.severity == Severity::Error).collect();
    let source = loaded.source;
    match loaded.plan {
        Some(plan) if errors.is_empty() => Ok(Soundness::Sound {
            source,
            plan: Box::new(plan),
        }),
        plan => {
            diagnostic::name_paths(&mut errors, plan.as_ref());
            diagnostic::sort(&mut errors);
            Ok(Soundness::Unsound { source, errors })
        }
    }
}

/// The loader's problems as the findings of their rules.
fn load_findings(problems: Vec<Problem>) -> Vec<Diagnostic> {
    problems.into_iter().map(rules::load::finding).collect()
}

/// The rules over a loaded plan added to the load findings, with the plan's and the given
/// severities and the plan's suppressions applied, and paths named; and the timeline the
/// rules evaluated.
fn evaluate(
    mut found: Vec<Diagnostic>,
    plan: Option<&Plan>,
    today: NaiveDate,
    overrides: &[Override],
) -> (Vec<Diagnostic>, Option<Timeline>) {
    let mut all_overrides = Vec::new();
    let mut timeline = None;
    if let Some(plan) = plan {
        let context = Context::new(plan, today);
        found.extend(rules::run(&context));
        timeline = Some(context.timeline);
        all_overrides = plan_overrides(plan, &mut found);
    }
    all_overrides.extend(overrides.iter().copied());
    let found = diagnostic::apply_overrides(found, &all_overrides);
    // Suppressions come last: they silence findings as finally reported, and the findings
    // they make themselves follow the same overrides.
    let mut found = match plan {
        Some(plan) => diagnostic::apply_overrides(rules::suppressions::apply(plan, today, found), &all_overrides),
        None => found,
    };
    diagnostic::name_paths(&mut found, plan);
    (found, timeline)
}

/// The plan's `checks:` section as overrides. Names that are not rules are reported by
/// `unknown-reference`; rules that cannot be configured are reported here.
fn plan_overrides(plan: &Plan, found: &mut Vec<Diagnostic>) -> Vec<Override> {
    let mut overrides = Vec::new();
    let lists: [(&Vec<Located<String>>, Option<Severity>); 3] = [
        (&plan.checks.allow, None),
        (&plan.checks.warn, Some(Severity::Warning)),
        (&plan.checks.deny, Some(Severity::Error)),
    ];
    for (names, severity) in lists {
        for name in names {
            let Some(rule) = rules::find(&name.value) else { continue };
            if rule.configurable {
                overrides.push(Override { rule, severity });
            } else {
                found.push(
                    Diagnostic::new(
                        &rules::load::SCHEMA_ERROR,
                        &name.loc,
                        format!(
                            "rule `{}` cannot be configured: it reports a plan that cannot be read",
                            rule.name
                        ),
                    )
                    .help("remove it from `checks:`"),
                );
            }
        }
    }
    overrides
}
