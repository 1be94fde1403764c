//! `plan coverage`: who can be reached when. In the terminal, a grid per profile (days ×
//! hours in the profile's zone) with a legend, the gaps, and each written channel's worst
//! wait; in JSON, the exact intervals (SPEC §5).

use crate::ExitStatus;
use crate::cli::{CoverageArgs, Global, ReportFormat};
use crate::coverage::grid::{Cell, day_cells};
use crate::coverage::{DateWindow, GapKind, ProfileTimes, Timeline, format_instant, format_local, format_window};
use crate::model::Plan;
use crate::time::interval::IntervalSet;
use anstyle::{AnsiColor, Style};
use chrono::Days;
use serde_json::{Value, json};
use std::io::Write;

pub fn run(global: &Global, args: &CoverageArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let Some((source, plan)) = super::load_valid(global, args.format == Some(ReportFormat::Json), &args.plan, out)?
    else {
        return Ok(ExitStatus::Failure);
    };
    for (flag, id, known) in [
        (
            "--profile",
            &args.profile,
            plan.profiles.iter().map(|p| p.id.value.as_str()).collect::<Vec<_>>(),
        ),
        (
            "--channel",
            &args.channel,
            plan.channels.iter().map(|c| c.id.value.as_str()).collect(),
        ),
    ] {
        if let Some(id) = id
            && !known.contains(&id.as_str())
        {
            let listed = if known.is_empty() {
                "none".to_owned()
            } else {
                known.join(", ")
            };
            anyhow::bail!("{flag} {id}: the plan has no such id (known: {listed})");
        }
    }
    let from = match args.from {
        Some(date) => date,
        None => super::today(global)?,
    };
    let days = DateWindow::span(from, args.days);
    let timeline = Timeline::new(&plan, days);
    match args.format.unwrap_or(ReportFormat::Human) {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &document(&plan, &source.display_path(), &timeline, args))?;
            writeln!(out)?;
        }
        ReportFormat::Human => human(&plan, &timeline, args, out)?,
    }
    Ok(ExitStatus::Success)
}

fn selected_profiles<'a>(
    plan: &'a Plan,
    timeline: &'a Timeline,
    args: &'a CoverageArgs,
) -> impl Iterator<Item = (usize, &'a ProfileTimes)> {
    timeline
        .profiles
        .iter()
        .enumerate()
        .filter(move |(i, _)| args.profile.as_ref().is_none_or(|id| &plan.profiles[*i].id.value == id))
}

fn selected_channels<'a>(plan: &'a Plan, args: &'a CoverageArgs) -> impl Iterator<Item = usize> + 'a {
    (0..plan.channels.len()).filter(move |&i| args.channel.as_ref().is_none_or(|id| &plan.channels[i].id.value == id))
}

/// The JSON document of SPEC §5. Minutes are counted within the profile's expected hours:
/// how many are expected, how many have live help in its language, and how many can reach
/// any channel.
fn document(plan: &Plan, file: &str, timeline: &Timeline, args: &CoverageArgs) -> Value {
    let minutes = |set: &IntervalSet| set.total_seconds() / 60;
    let profiles: Vec<Value> = selected_profiles(plan, timeline, args)
        .map(|(i, p)| {
            let tz = p.owner.tz;
            let gaps: Vec<Value> = p
                .gaps
                .iter()
                .map(|g| {
                    json!({
                        "start": format_instant(tz, g.interval.start),
                        "end": format_instant(tz, g.interval.end),
                        "minutes": g.interval.seconds() / 60,
                        "kind": g.kind.as_str(),
                        "intended": g.intended,
                    })
                })
                .collect();
            json!({
                "id": plan.profiles[i].id.value,
                "timezone": tz.name(),
                "expected_minutes": minutes(&p.expected),
                "live_minutes": minutes(&p.expected.intersection(&p.live_in_language)),
                "reachable_minutes": minutes(&p.expected.intersection(&p.reachable)),
                "gaps": gaps,
            })
        })
        .collect();
    let channels: Vec<Value> = selected_channels(plan, args)
        .map(|i| {
            let c = &timeline.channels[i];
            let tz = c.owner.tz;
            let window = timeline.days.in_zone(tz);
            let shown = if c.live {
                c.open.clip(window)
            } else {
                c.staffed.clip(window)
            };
            let open: Vec<Value> = shown
                .intervals()
                .iter()
                .map(|w| json!({ "start": format_instant(tz, w.start), "end": format_instant(tz, w.end) }))
                .collect();
            let worst = timeline.worst_written_wait(i).map(|w| {
                // A message that is never answered has no wait in minutes: null, with the
                // arrival after which the channel is never worked again.
                json!({
                    "minutes": w.minutes(),
                    "arrival": format_instant(tz, w.arrival),
                    "answered": w.answered.map(|t| format_instant(tz, t)),
                })
            });
            json!({ "id": plan.channels[i].id.value, "open": open, "worst_response": worst })
        })
        .collect();
    json!({
        "plan": file,
        "from": timeline.days.from.to_string(),
        "to": timeline.days.to.to_string(),
        "profiles": profiles,
        "channels": channels,
    })
}

fn glyph(cell: Cell) -> (&'static str, Style) {
    match cell {
        Cell::Live => ("█", AnsiColor::Green.on_default()),
        Cell::Written => ("▒", AnsiColor::Cyan.on_default()),
        Cell::Unreachable => ("·", Style::new().dimmed()),
        Cell::Intended => ("~", AnsiColor::Yellow.on_default()),
        Cell::Gap => ("✗", AnsiColor::Red.on_default().bold()),
    }
}

fn human(plan: &Plan, timeline: &Timeline, args: &CoverageArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let bold = Style::new().bold();
    writeln!(
        out,
        "Coverage from {} for {} day{}",
        timeline.days.from,
        timeline.days.len(),
        if timeline.days.len() == 1 { "" } else { "s" }
    )?;
    let legend: Vec<String> = [
        (Cell::Live, "live help in the profile's language"),
        (Cell::Written, "written channels only"),
        (Cell::Unreachable, "no channel"),
        (Cell::Intended, "intended gap"),
        (Cell::Gap, "gap in expected hours"),
    ]
    .iter()
    .map(|(c, text)| {
        let (g, style) = glyph(*c);
        format!("{style}{g}{style:#} {text}")
    })
    .collect();
    writeln!(out, "{}", legend.join("   "))?;
    for (i, p) in selected_profiles(plan, timeline, args) {
        let profile = &plan.profiles[i];
        let tz = p.owner.tz;
        writeln!(out)?;
        writeln!(out, "{bold}Profile {}{bold:#} ({})", profile.id.value, tz.name())?;
        writeln!(out, "                 0     6     12    18   24")?;
        let mut date = timeline.days.from;
        while date < timeline.days.to {
            let mut row = String::new();
            for hour in day_cells(p, date) {
                match hour {
                    // An hour skipped by a DST change.
                    None => row.push(' '),
                    Some(c) => {
                        let (g, style) = glyph(c);
                        row.push_str(&format!("{style}{g}{style:#}"));
                    }
                }
            }
            writeln!(out, "  {}  {row}", date.format("%a %Y-%m-%d"))?;
            let Some(next) = date.checked_add_days(Days::new(1)) else {
                break;
            };
            date = next;
        }
        let expected_minutes = p.expected.total_seconds() / 60;
        let live = p.expected.intersection(&p.live_in_language).total_seconds() / 60;
        if expected_minutes > 0 {
            writeln!(
                out,
                "  expected {} h, with live help in its language {} h ({}%)",
                expected_minutes / 60,
                live / 60,
                live * 100 / expected_minutes
            )?;
        } else {
            writeln!(out, "  no expected hours stated")?;
        }
        if p.gaps.is_empty() {
            writeln!(out, "  no gaps")?;
        }
        for g in &p.gaps {
            let what = match g.kind {
                GapKind::NoLive => "no live channel staffed",
                GapKind::Unreachable => "no channel at all",
                GapKind::Language => "live help only in other languages",
            };
            let intended = if g.intended { " (intended)" } else { "" };
            writeln!(out, "  gap {}: {what}{intended}", format_window(tz, g.interval))?;
        }
    }
    let written: Vec<usize> = selected_channels(plan, args)
        .filter(|&i| !timeline.channels[i].live)
        .collect();
    if !written.is_empty() {
        writeln!(out)?;
        writeln!(out, "{bold}Written channels: worst wait for work to start{bold:#}")?;
    }
    for i in written {
        let c = &timeline.channels[i];
        let id = &plan.channels[i].id.value;
        let tz = c.owner.tz;
        let line = match (c.hours_known, timeline.worst_written_wait(i)) {
            (false, _) => "no team or hours: unknown".to_owned(),
            (true, None) => "worked throughout".to_owned(),
            (true, Some(w)) => match w.answered {
                Some(t) => format!(
                    "{} h: a message sent {} waits until {}",
                    w.seconds / 3600,
                    format_local(tz, w.arrival),
                    format_local(tz, t)
                ),
                None => format!(
                    "a message sent {} is never answered: the channel is not worked again after it",
                    format_local(tz, w.arrival)
                ),
            },
        };
        let promise = plan.channels[i]
            .response
            .as_ref()
            .map(|r| format!(" (promise: {})", r.value))
            .unwrap_or_default();
        writeln!(out, "  {id}{promise}: {line}")?;
    }
    Ok(())
}
