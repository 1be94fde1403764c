//! `understaffed`: fewer agents on duty than Erlang C needs for the target.

use super::{runs, target_text};
use crate::coverage::{describe_weekly, windows_json};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Intervals of an ordinary week in which the agents the team's shifts put on duty,
    /// less `shrinkage`, are fewer than Erlang C needs to answer the forecast volume
    /// (`staffing[].volume`, contacts per hour, with `handle-time`) within the `target`
    /// (`80% in 20s`) at no more than `max-occupancy`. The message gives the figures of the
    /// worst interval: volume, agents needed, agents on duty, and the service level they
    /// would achieve.
    ///
    /// ## Why it matters
    ///
    /// A promise of "80 % answered within 20 seconds" is only as good as the people on the
    /// phones. With too few agents the queue does not just get a little slower: it grows,
    /// and the service level collapses well below the target.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - { id: first-line, hours: { mon-fri: 08:00-20:00 }, agents: 10 }
    /// staffing:
    ///   - channel: phone
    ///     handle-time: 6m
    ///     target: 80% in 20s
    ///     shrinkage: 30%
    ///     volume:
    ///       - { hours: { mon-fri: 08:00-12:00 }, per-hour: 120 }   # needs 15 on duty
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add a shift or agents for those hours (`plan staffing` shows how many per interval),
    /// move volume to other channels, or agree a target the team can meet.
    pub static UNDERSTAFFED = "W001", "understaffed", Staffing, Error,
        "fewer agents on duty than the forecast volume and target need";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for staffing in crate::staffing::compute(cx.plan, &cx.timeline, cx.today, 30) {
        // Hours or shifts that could not be read are reported where they are written.
        if !cx.timeline.channels[staffing.channel].hours_known {
            continue;
        }
        let short = runs(
            &staffing.slots,
            |s| s.agents_available < s.team_required,
            |a, b| {
                a.team_required - a.agents_available.min(a.team_required)
                    > b.team_required - b.agents_available.min(b.team_required)
            },
        );
        let Some((_, worst)) = short
            .iter()
            .max_by_key(|(_, s)| s.team_required - s.agents_available.min(s.team_required))
        else {
            continue;
        };
        let forecast = &cx.plan.staffing[staffing.forecast];
        let channel = &cx.plan.channels[staffing.channel];
        let shrinkage = forecast.shrinkage.as_ref().map_or(0.0, |s| s.value);
        let windows: Vec<_> = short.iter().map(|(w, _)| *w).collect();
        let mut d = Diagnostic::new(
            &UNDERSTAFFED,
            forecast.target.as_ref().map_or(&forecast.loc, |t| &t.loc),
            format!(
                "channel `{}` is understaffed {} ({}): at worst {} contacts/h need {} agents available for {}{}; the shifts put {} on duty{}, giving {}%",
                channel.id.value,
                describe_weekly(staffing.tz, &windows),
                staffing.tz.name(),
                worst.volume_per_hour,
                worst.agents_required,
                target_text(staffing.target_share, staffing.target_seconds),
                if worst.team_required > worst.agents_required {
                    format!(" ({} with the team's other channels)", worst.team_required)
                } else {
                    String::new()
                },
                worst.agents_on_duty,
                if shrinkage > 0.0 { format!(" ({} after {shrinkage}% shrinkage)", worst.agents_available) } else { String::new() },
                (worst.service_level * 100.0).round()
            ),
        )
        .help(format!(
            "put at least {} agents on the rota at those times (`plan staffing` shows every interval), or agree a target the team can meet",
            worst.agents_scheduled
        ))
        .data("channel", channel.id.value.clone())
        .data("windows", windows_json(staffing.tz, &windows))
        .data("worst", serde_json::json!({
            "volume_per_hour": worst.volume_per_hour,
            "agents_required": worst.agents_required,
            "agents_scheduled": worst.agents_scheduled,
            "agents_on_duty": worst.agents_on_duty,
            "service_level": worst.service_level,
        }));
        if let Some(team) = channel
            .team
            .as_ref()
            .and_then(|t| cx.plan.teams.iter().find(|x| x.id.value == t.value))
            && let Some(shift) = team.shifts.first()
        {
            d = d.related(&shift.agents.loc, format!("agents of team `{}`", team.id.value));
        }
        out.push(d);
    }
}
