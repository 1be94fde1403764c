//! `plan rules`: the rule catalogue as a table or JSON.

use crate::ExitStatus;
use crate::cli::{Global, ReportFormat, RulesArgs};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use std::io::Write;

pub fn run(global: &Global, args: &RulesArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    match args.format.unwrap_or(ReportFormat::Human) {
        ReportFormat::Json => {
            let rules: Vec<_> = crate::rules::all()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name,
                        "family": r.family.as_str(),
                        "severity": r.severity.as_str(),
                        "summary": r.summary,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "rules": rules }))?;
            writeln!(out)?;
        }
        ReportFormat::Human => {
            let mut table = Table::new();
            table
                .load_style(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic);
            table.set_header(["code", "name", "family", "severity", "finds"]);
            for r in crate::rules::all() {
                table.add_row([r.code, r.name, r.family.as_str(), r.severity.as_str(), r.summary]);
            }
            writeln!(out, "{table}")?;
            if !global.quiet {
                writeln!(out, "`plan explain RULE` explains one rule, by code or name.")?;
            }
        }
    }
    Ok(ExitStatus::Success)
}
