//! `plan explain RULE`: what a rule finds, why it matters, an example and the fix.

use crate::ExitStatus;
use crate::cli::{ExplainArgs, ReportFormat};
use std::io::Write;

pub fn run(args: &ExplainArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let Some(rule) = crate::rules::find(&args.rule) else {
        let hint = match crate::rules::suggest(&args.rule) {
            Some(s) => format!("; did you mean `{s}`?"),
            None => String::new(),
        };
        anyhow::bail!("no rule is called `{}`{hint} (`plan rules` lists them all)", args.rule);
    };
    let text = crate::rules::explanation(rule);
    match args.format.unwrap_or(ReportFormat::Human) {
        ReportFormat::Json => {
            let doc = serde_json::json!({
                "code": rule.code,
                "name": rule.name,
                "family": rule.family.as_str(),
                "severity": rule.severity.as_str(),
                "summary": rule.summary,
                "explanation": text,
            });
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        ReportFormat::Human => {
            writeln!(out, "# {} ({})", rule.name, rule.code)?;
            writeln!(out)?;
            writeln!(
                out,
                "Family: {}. Default severity: {}.",
                rule.family.as_str(),
                rule.severity
            )?;
            writeln!(out)?;
            write!(out, "{text}")?;
        }
    }
    Ok(ExitStatus::Success)
}
