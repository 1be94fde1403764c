//! `plan staffing`: agents needed per interval (Erlang C) for each channel with a forecast,
//! against the agents its team's shifts put on duty. A table per channel in the terminal
//! (consecutive intervals with the same figures are merged), every interval in JSON.

use crate::ExitStatus;
use crate::cli::{Global, ReportFormat, StaffingArgs};
use crate::coverage::{DateWindow, Timeline, format_instant};
use crate::staffing::ChannelStaffing;
use crate::time::schedule::local_datetime;
use anstyle::Style;
use chrono::Timelike;
use comfy_table::{Cell, Color, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::{Value, json};
use std::io::Write;

pub fn run(global: &Global, args: &StaffingArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let Some((_, plan)) = super::load_valid(global, args.format == Some(ReportFormat::Json), &args.plan, out)? else {
        return Ok(ExitStatus::Failure);
    };
    if let Some(id) = &args.channel
        && !plan.channels.iter().any(|c| &c.id.value == id)
    {
        let known: Vec<&str> = plan.channels.iter().map(|c| c.id.value.as_str()).collect();
        anyhow::bail!(
            "--channel {id}: the plan has no such channel (known: {})",
            known.join(", ")
        );
    }
    let today = super::today(global)?;
    let timeline = Timeline::new(&plan, DateWindow::horizon(&plan, today));
    let all: Vec<ChannelStaffing> = crate::staffing::compute(&plan, &timeline, today, args.interval)
        .into_iter()
        .filter(|c| {
            args.channel
                .as_ref()
                .is_none_or(|id| &plan.channels[c.channel].id.value == id)
        })
        .collect();
    match args.format.unwrap_or(ReportFormat::Human) {
        ReportFormat::Json => {
            let channels: Vec<Value> = all
                .iter()
                .map(|c| {
                    json!({
                        "id": plan.channels[c.channel].id.value,
                        "intervals": c.slots.iter().map(|s| json!({
                            "start": format_instant(c.tz, s.interval.start),
                            "end": format_instant(c.tz, s.interval.end),
                            "volume_per_hour": s.volume_per_hour,
                            "agents_required": s.agents_required,
                            "agents_scheduled": s.agents_scheduled,
                            "agents_on_duty": s.agents_on_duty,
                            "service_level": round(s.service_level),
                            "occupancy": round(s.occupancy),
                            "asa_seconds": if s.asa_seconds.is_finite() { json!(round(s.asa_seconds)) } else { Value::Null },
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &json!({ "channels": channels }))?;
            writeln!(out)?;
        }
        ReportFormat::Human => {
            if all.is_empty() {
                writeln!(
                    out,
                    "no live channel of this plan has a staffing forecast (`staffing:` in the plan)"
                )?;
            }
            for c in &all {
                human(&plan, c, out)?;
            }
        }
    }
    Ok(ExitStatus::Success)
}

fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

fn human(plan: &crate::model::Plan, c: &ChannelStaffing, out: &mut impl Write) -> anyhow::Result<()> {
    let bold = Style::new().bold();
    let forecast = &plan.staffing[c.forecast];
    let shrinkage = forecast.shrinkage.as_ref().map_or(0.0, |s| s.value);
    // The required agents of a chat read very differently with and without it.
    let concurrency = match forecast.concurrency.as_ref().map_or(1, |c| c.value) {
        n if n > 1 => format!(", {n} conversations per agent"),
        _ => String::new(),
    };
    writeln!(
        out,
        "{bold}{}{bold:#}: target {}% in {}s, shrinkage {shrinkage}%{concurrency}, times in {} (an ordinary week)",
        plan.channels[c.channel].id.value,
        (c.target_share * 100.0).round(),
        c.target_seconds.round(),
        c.tz.name()
    )?;
    let mut table = Table::new();
    table.load_style(UTF8_FULL_CONDENSED);
    // The table lays its columns out by the text of each cell and adds the colour codes
    // afterwards, so they never count toward a column's width. It always writes them, even
    // under `NO_COLOR` (which its terminal library would otherwise obey on its own): `out`
    // decides, and strips them where colour is not wanted (`--color never`, `NO_COLOR` in
    // `auto`, a pipe), which leaves the same layout.
    crossterm::style::force_color_output(true);
    table.enforce_styling();
    table.style_text_only();
    table.set_header([
        "when",
        "contacts/h",
        "required",
        "to schedule",
        "on duty",
        "service level",
        "occupancy",
        "wait (avg)",
    ]);
    for (start, end, s) in crate::staffing::merged(&c.slots) {
        let (a, b) = (local_datetime(c.tz, start), local_datetime(c.tz, end));
        let when = format!(
            "{} {:02}:{:02}–{:02}:{:02}",
            a.format("%a"),
            a.hour(),
            a.minute(),
            b.hour(),
            b.minute()
        );
        let short = s.agents_available < s.team_required;
        let mut sl = Cell::new(format!("{:.0}%", s.service_level * 100.0));
        if short {
            sl = sl.fg(Color::DarkRed);
        }
        let required = if s.team_required > s.agents_required {
            format!("{} ({} team)", s.agents_required, s.team_required)
        } else {
            s.agents_required.to_string()
        };
        table.add_row([
            Cell::new(when),
            Cell::new(s.volume_per_hour),
            Cell::new(required),
            Cell::new(s.agents_scheduled),
            Cell::new(s.agents_on_duty),
            sl,
            Cell::new(format!("{:.0}%", s.occupancy * 100.0)),
            Cell::new(if s.asa_seconds.is_finite() {
                format!("{:.0}s", s.asa_seconds)
            } else {
                "∞".to_owned()
            }),
        ]);
    }
    writeln!(out, "{table}")?;
    writeln!(out)?;
    Ok(())
}
