//! `plan at [TIME]`: one moment seen from every side — which channels are open and staffed,
//! what each profile can reach, and whom each escalation step would reach.

use crate::ExitStatus;
use crate::cli::{AtArgs, Global, ReportFormat};
use crate::coverage::{DateWindow, Timeline, format_instant, format_local, speaks};
use crate::model::{Plan, StepTarget};
use crate::time::interval::Instant;
use crate::time::schedule::local_date;
use anstyle::{AnsiColor, Style};
use chrono::{DateTime, NaiveDateTime, TimeZone};
use chrono_tz::Tz;
use serde_json::{Value, json};
use std::io::Write;

pub fn run(global: &Global, args: &AtArgs, out: &mut impl Write) -> anyhow::Result<ExitStatus> {
    let Some((_, plan)) = super::load_valid(global, args.format == Some(ReportFormat::Json), &args.plan, out)? else {
        return Ok(ExitStatus::Failure);
    };
    let plan_tz = plan.meta.timezone.as_ref().map_or(Tz::UTC, |t| t.value);
    let t = match &args.time {
        Some(text) => parse_moment(text, plan_tz)?,
        None => chrono::Utc::now().timestamp(),
    };
    let date = local_date(plan_tz, t);
    let from = date.pred_opt().unwrap_or(date);
    let timeline = Timeline::new(&plan, DateWindow::span(from, 3));
    let moment = Moment::at(&timeline, t);
    match args.format.unwrap_or(ReportFormat::Human) {
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &moment.json(&plan, &timeline, plan_tz))?;
            writeln!(out)?;
        }
        ReportFormat::Human => moment.human(&plan, &timeline, plan_tz, out)?,
    }
    Ok(ExitStatus::Success)
}

/// Read a moment: RFC 3339 with an offset, or a local date and time in the plan's zone.
fn parse_moment(text: &str, tz: Tz) -> anyhow::Result<Instant> {
    let text = text.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(t.timestamp());
    }
    for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%d %H:%M%:z"] {
        if let Ok(t) = DateTime::parse_from_str(text, format) {
            return Ok(t.timestamp());
        }
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(naive) = NaiveDateTime::parse_from_str(text, format) {
            return tz
                .from_local_datetime(&naive)
                .earliest()
                .map(|t| t.timestamp())
                .ok_or_else(|| {
                    anyhow::anyhow!(
                        "`{text}` does not exist in {} (the clocks skip it); pick another minute",
                        tz.name()
                    )
                });
        }
    }
    anyhow::bail!(
        "`{text}` is not a moment; write `2026-12-24 18:30` (in the plan's time zone, {}) or `2026-12-24T18:30+01:00`",
        tz.name()
    )
}

/// The state of the plan at one instant.
struct Moment {
    t: Instant,
    /// Per channel: open, staffed, agents on shift.
    channels: Vec<(bool, bool, u32)>,
    /// Per team: agents on shift.
    teams: Vec<u32>,
    /// Per contact: reachable now (`None` when the contact states no hours).
    contacts: Vec<Option<bool>>,
}

impl Moment {
    fn at(timeline: &Timeline, t: Instant) -> Moment {
        let teams: Vec<u32> = timeline
            .teams
            .iter()
            .map(|team| {
                team.shifts
                    .iter()
                    .filter(|(set, _)| set.contains(t))
                    .map(|(_, agents)| *agents)
                    .sum()
            })
            .collect();
        let channels = timeline
            .channels
            .iter()
            .map(|c| {
                (
                    c.open.contains(t),
                    c.staffed.contains(t),
                    c.team.map_or(0, |i| teams[i]),
                )
            })
            .collect();
        let contacts = timeline
            .contacts
            .iter()
            .map(|hours| hours.as_ref().map(|h| h.contains(t)))
            .collect();
        Moment {
            t,
            channels,
            teams,
            contacts,
        }
    }

    /// Whether an escalation step's target is available, and a description of it.
    fn step(&self, plan: &Plan, target: &StepTarget) -> (Option<bool>, String) {
        match target {
            StepTarget::Team(id) => match plan.teams.iter().position(|t| t.id.value == id.value) {
                Some(i) => {
                    let agents = self.teams[i];
                    (Some(agents > 0), format!("team `{}`: {agents} on shift", id.value))
                }
                None => (None, format!("team `{}` (not defined)", id.value)),
            },
            StepTarget::Contact(id) => match plan.contacts.iter().position(|c| c.id.value == id.value) {
                Some(i) => {
                    let c = &plan.contacts[i];
                    let name = c.name.as_ref().map_or(id.value.as_str(), |n| n.value.any());
                    let phone = c.phone.as_ref().map_or("no phone".to_owned(), |p| p.value.clone());
                    let state = match self.contacts[i] {
                        Some(true) => "reachable now",
                        Some(false) => "outside their hours",
                        None => "no hours stated",
                    };
                    (self.contacts[i], format!("{name} ({phone}): {state}"))
                }
                None => (None, format!("contact `{}` (not defined)", id.value)),
            },
        }
    }

    fn profile_reach(&self, plan: &Plan, timeline: &Timeline, i: usize) -> (Vec<String>, Vec<String>, Vec<String>) {
        let p = &timeline.profiles[i];
        let wanted: Vec<_> = plan.profiles[i].languages.iter().map(|l| l.value.clone()).collect();
        let (mut live, mut other_language, mut written) = (Vec::new(), Vec::new(), Vec::new());
        for &ci in &p.channels {
            let c = &timeline.channels[ci];
            let id = plan.channels[ci].id.value.clone();
            if !c.live {
                written.push(id);
            } else if self.channels[ci].1 {
                if speaks(&c.languages, &wanted) {
                    live.push(id)
                } else {
                    other_language.push(id)
                }
            }
        }
        (live, other_language, written)
    }

    fn json(&self, plan: &Plan, timeline: &Timeline, plan_tz: Tz) -> Value {
        let channels: Vec<Value> = plan
            .channels
            .iter()
            .zip(&self.channels)
            .map(|(c, (open, staffed, agents))| {
                json!({ "id": c.id.value, "kind": c.kind.value.as_str(), "open": open, "staffed": staffed, "agents_on_shift": agents })
            })
            .collect();
        let profiles: Vec<Value> = (0..plan.profiles.len())
            .map(|i| {
                let p = &timeline.profiles[i];
                let (live, other, written) = self.profile_reach(plan, timeline, i);
                json!({
                    "id": plan.profiles[i].id.value,
                    "local_time": format_instant(p.owner.tz, self.t),
                    "expects_help": p.expected.contains(self.t),
                    "live": live,
                    "live_other_language": other,
                    "written": written,
                })
            })
            .collect();
        let escalation: Vec<Value> = plan
            .escalation
            .iter()
            .map(|path| {
                let steps: Vec<Value> = path
                    .steps
                    .iter()
                    .map(|s| {
                        let (available, description) = self.step(plan, &s.target);
                        json!({
                            "target": s.target.id().value,
                            "kind": match s.target { StepTarget::Team(_) => "team", StepTarget::Contact(_) => "contact" },
                            "after": s.after.as_ref().map(|a| a.value.to_string()),
                            "available": available,
                            "description": description,
                        })
                    })
                    .collect();
                json!({ "id": path.id.value, "steps": steps })
            })
            .collect();
        json!({
            "time": format_instant(plan_tz, self.t),
            "channels": channels,
            "profiles": profiles,
            "escalation": escalation,
        })
    }

    fn human(&self, plan: &Plan, timeline: &Timeline, plan_tz: Tz, out: &mut impl Write) -> anyhow::Result<()> {
        let bold = Style::new().bold();
        let yes = AnsiColor::Green.on_default();
        let no = AnsiColor::Red.on_default();
        writeln!(out, "{bold}At {}{bold:#}", format_local(plan_tz, self.t))?;
        writeln!(out)?;
        writeln!(out, "{bold}Channels{bold:#}")?;
        let width = plan
            .channels
            .iter()
            .map(|c| c.id.value.chars().count())
            .max()
            .unwrap_or(0);
        for (c, (open, staffed, agents)) in plan.channels.iter().zip(&self.channels) {
            let state = match (c.kind.value.is_live(), open, staffed) {
                (true, true, true) => format!("{yes}open{yes:#}, {agents} on shift"),
                (true, true, false) => format!("{no}open but nobody on shift{no:#}"),
                (true, false, _) => format!("{no}closed{no:#}"),
                (false, _, true) => format!("{yes}worked now{yes:#}, {agents} on shift; takes messages"),
                (false, _, false) => "not worked now; takes messages".to_owned(),
            };
            writeln!(out, "  {:<width$}  {:<9} {state}", c.id.value, c.kind.value.as_str())?;
        }
        writeln!(out)?;
        writeln!(out, "{bold}Profiles{bold:#}")?;
        for i in 0..plan.profiles.len() {
            let p = &timeline.profiles[i];
            let (live, other, written) = self.profile_reach(plan, timeline, i);
            let expects = if p.expected.contains(self.t) {
                "expects help now"
            } else {
                "outside its expected hours"
            };
            writeln!(
                out,
                "  {} ({}, {expects})",
                plan.profiles[i].id.value,
                format_local(p.owner.tz, self.t)
            )?;
            let list = |v: &[String]| if v.is_empty() { "none".to_owned() } else { v.join(", ") };
            writeln!(out, "    live: {}", list(&live))?;
            if !other.is_empty() {
                writeln!(out, "    live in other languages only: {}", list(&other))?;
            }
            writeln!(out, "    leave a message: {}", list(&written))?;
        }
        if !plan.escalation.is_empty() {
            writeln!(out)?;
            writeln!(out, "{bold}Escalation (who each step reaches now){bold:#}")?;
        }
        for path in &plan.escalation {
            writeln!(out, "  {}", path.id.value)?;
            for (k, s) in path.steps.iter().enumerate() {
                let (available, description) = self.step(plan, &s.target);
                let mark = match available {
                    Some(true) => format!("{yes}✓{yes:#}"),
                    Some(false) => format!("{no}✗{no:#}"),
                    None => "?".to_owned(),
                };
                let after = s
                    .after
                    .as_ref()
                    .map(|a| format!(" after {}", a.value))
                    .unwrap_or_default();
                writeln!(out, "    {mark} step {}{after}: {description}", k + 1)?;
            }
        }
        Ok(())
    }
}
