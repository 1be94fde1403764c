//! `plan check`: load, validate and lint plans, print the findings, fail on the threshold.

use crate::ExitStatus;
use crate::analysis;
use crate::cli::{CheckArgs, CheckFormat, FailOn, Global};
use crate::diagnostic::{self, Counts, Override, Severity};
use crate::load;
use crate::model::FileId;
use crate::output::{Report, github, human, json, junit, sarif};
use crate::rules;
use std::io::Write;

pub fn run(global: &Global, args: &CheckArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let cli_overrides = command_line_overrides(args)?;
    if args.paths.is_empty() && !global.quiet {
        let defaults = load::default_plans();
        if defaults.len() > 1 {
            // Checking one of them silently would let a broken twin pass unnoticed.
            let names: Vec<String> = defaults.iter().map(|p| p.display().to_string()).collect();
            eprintln!(
                "note: found {}; checking all of them (name one to check only it)",
                names.join(" and ")
            );
        }
    }
    let files = load::plan_files(&args.paths)?;
    let today = super::today(global)?;

    let mut sources = Vec::new();
    let mut all = Vec::new();
    for (i, path) in files.iter().enumerate() {
        let analysis = analysis::analyse_file(path, FileId(i), today, &cli_overrides)?;
        all.extend(analysis.findings);
        sources.push(analysis.source);
    }
    diagnostic::sort(&mut all);

    let report = Report {
        sources: &sources,
        diagnostics: &all,
    };
    let counts = Counts::of(&all);
    match args.format.unwrap_or(CheckFormat::Human) {
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &json::document(&report))?;
            writeln!(out)?;
        }
        CheckFormat::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif::document(&report))?;
            writeln!(out)?;
        }
        CheckFormat::Github => write!(out, "{}", github::commands(&report))?,
        CheckFormat::Junit => write!(out, "{}", junit::document(&report))?,
        CheckFormat::Human => {
            for d in &all {
                writeln!(out, "{}", human::render(&report, d, true))?;
            }
            if !global.quiet {
                writeln!(out, "{}", human::summary(counts, sources.len()))?;
            }
        }
    }
    let failed = match args.fail_on {
        FailOn::Error => counts.errors > 0,
        FailOn::Warning => counts.errors + counts.warnings > 0,
        FailOn::Never => false,
    };
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// `--allow/--warn/--deny`, applied after the plan's own `checks:`; unknown rules are a
/// usage error.
fn command_line_overrides(args: &CheckArgs) -> anyhow::Result<Vec<Override>> {
    let mut overrides = Vec::new();
    for (names, severity, flag) in [
        (&args.allow, None, "--allow"),
        (&args.warn, Some(Severity::Warning), "--warn"),
        (&args.deny, Some(Severity::Error), "--deny"),
    ] {
        for name in names {
            let Some(rule) = rules::find(name.trim()) else {
                let hint = rules::suggest(name).map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
                anyhow::bail!("{flag} {name}: no such rule{hint} (`plan rules` lists them all)");
            };
            if !rule.configurable {
                anyhow::bail!(
                    "{flag} {name}: rule `{}` reports a plan that cannot be read; its severity cannot be changed",
                    rule.name
                );
            }
            overrides.push(Override { rule, severity });
        }
    }
    Ok(overrides)
}
