//! `overstaffed`: many more agents on duty than the forecast needs.

use super::{runs, target_text};
use crate::coverage::{describe_weekly, windows_json};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Intervals of an ordinary week in which the agents available (after shrinkage) exceed
    /// what Erlang C needs for the forecast and target by half again and by at least two.
    ///
    /// ## Why it matters
    ///
    /// Idle agents cost money and morale; the same hours are often short elsewhere in the
    /// week. This is information, not a fault: quiet hours may be used for written channels
    /// or training on purpose.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - { id: first-line, hours: { sat: 09:00-16:00 }, agents: 12 }
    /// staffing:
    ///   - channel: phone
    ///     handle-time: 6m
    ///     target: 80% in 20s
    ///     volume:
    ///       - { hours: { sat: 09:00-16:00 }, per-hour: 20 }   # needs 4
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Move agents to hours that are short, or plan written-channel work and training for
    /// the quiet hours.
    pub static OVERSTAFFED = "W003", "overstaffed", Staffing, Info,
        "far more agents on duty than the forecast volume needs";
}

fn surplus(s: &crate::staffing::Slot) -> bool {
    // Agents of a team that also works channels without a forecast are not idle when the
    // forecast channels are quiet.
    if !s.team_fully_forecast {
        return false;
    }
    let (have, need) = (s.agents_available, s.team_required);
    have >= need + 2 && f64::from(have) > 1.5 * f64::from(need)
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for staffing in crate::staffing::compute(cx.plan, &cx.timeline, cx.today, 30) {
        // Hours or shifts that could not be read are reported where they are written.
        if !cx.timeline.channels[staffing.channel].hours_known {
            continue;
        }
        let spare = runs(&staffing.slots, surplus, |a, b| {
            a.agents_available - a.team_required > b.agents_available - b.team_required
        });
        let Some((_, most)) = spare.iter().max_by_key(|(_, s)| s.agents_available - s.team_required) else {
            continue;
        };
        let forecast = &cx.plan.staffing[staffing.forecast];
        let channel = &cx.plan.channels[staffing.channel];
        let windows: Vec<_> = spare.iter().map(|(w, _)| *w).collect();
        out.push(
            Diagnostic::new(
                &OVERSTAFFED,
                &forecast.loc,
                format!(
                    "channel `{}` has more agents than it needs {} ({}): at most {} available where {} meet {} for {} contacts/h",
                    channel.id.value,
                    describe_weekly(staffing.tz, &windows),
                    staffing.tz.name(),
                    most.agents_available,
                    most.team_required,
                    target_text(staffing.target_share, staffing.target_seconds),
                    most.volume_per_hour
                ),
            )
            .help("move agents to hours that are short, or plan written-channel work or training for these hours")
            .data("channel", channel.id.value.clone())
            .data("windows", windows_json(staffing.tz, &windows)),
        );
    }
}
