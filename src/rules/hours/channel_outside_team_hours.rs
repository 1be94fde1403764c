//! `channel-outside-team-hours`: a channel is open when its team has nobody on shift.

use crate::coverage::{describe_holidays, describe_windows, holidays_json, windows_json};
use crate::diagnostic::Diagnostic;
use crate::model::Schedule;
use crate::rules::{Context, rule};
use crate::time::holidays::Holiday;
use crate::time::interval::IntervalSet;

rule! {
    /// ## What it finds
    ///
    /// A channel whose `hours` include times when the team that works it has no shift: the
    /// hotline is open until 20:00, but the last shift ends at 18:00; or it is open `24/7`
    /// while the team is off on public holidays, which the finding names.
    ///
    /// ## Why it matters
    ///
    /// Customers are told the channel is open. A phone that rings with nobody to answer it,
    /// or a chat that shows "online" with nobody behind it, does more harm than a closed one.
    /// For written channels `hours` says when the inbox is worked: work nobody is rostered
    /// for does not happen.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// teams:
    ///   - id: first-line
    ///     hours: { mon-fri: 08:00-18:00 }
    ///     agents: 4
    /// channels:
    ///   - id: phone
    ///     kind: phone
    ///     team: first-line
    ///     hours: { mon-fri: 08:00-20:00 }    # 18:00-20:00: nobody on shift
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add a shift that covers the channel's hours, or shorten the channel's hours to the
    /// team's.
    pub static CHANNEL_OUTSIDE_TEAM_HOURS = "H002", "channel-outside-team-hours", Hours, Warning,
        "a channel is open when its team has nobody on shift";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (channel, times) in cx.plan.channels.iter().zip(&cx.timeline.channels) {
        let (Some(hours), Some(team_index)) = (&channel.hours, times.team) else {
            continue;
        };
        let team = &cx.plan.teams[team_index];
        // A team whose hours could not be read is reported there, not here.
        if !cx.timeline.teams[team_index].readable || !times.hours_known {
            continue;
        }
        let unstaffed = times.open.difference(&times.staffed).clip(cx.timeline.window);
        if unstaffed.is_empty() {
            continue;
        }
        let tz = times.owner.tz;
        let windows = unstaffed.intervals();
        let open_word = if times.live { "is open" } else { "is worked" };
        // Time the team works on an ordinary day but not on its public holidays is named by
        // the holidays: a list of whole days does not say why nobody is there.
        let mut on_holidays = IntervalSet::new();
        let mut holidays: Vec<Holiday> = Vec::new();
        for closure in cx.timeline.team_holiday_closures(cx.plan, team_index) {
            let lost = closure.lost.intersection(&unstaffed);
            if !lost.is_empty() {
                on_holidays = on_holidays.union(&lost);
                holidays.push(closure.holiday);
            }
        }
        let other = unstaffed.difference(&on_holidays);
        let (when, which) = match (other.is_empty(), holidays.is_empty()) {
            (_, true) => (
                format!("{} ({})", describe_windows(tz, windows, 3), tz.name()),
                String::new(),
            ),
            (true, false) => (
                "on public holidays".to_owned(),
                format!(": {}", describe_holidays(&holidays, 4)),
            ),
            (false, false) => (
                format!(
                    "{} ({}), and on public holidays,",
                    describe_windows(tz, other.intervals(), 3),
                    tz.name()
                ),
                format!(": {}", describe_holidays(&holidays, 4)),
            ),
        };
        let help = if holidays.is_empty() {
            format!(
                "add a shift to team `{}` for these hours, or close the channel then",
                team.id.value
            )
        } else {
            let close = match &hours.value {
                Schedule::Always => "write its hours as `{ daily: 00:00-24:00, holidays: closed }` instead of `24/7`",
                Schedule::Weekly { holidays: Some(_), .. } => "make its `holidays:` hours the team's",
                Schedule::Weekly { holidays: None, .. } => "give it the holiday calendar of its team",
            };
            format!(
                "give team `{}` hours on public holidays (`holidays:` in its shift hours), or close the channel on them: {close}",
                team.id.value
            )
        };
        let mut d = Diagnostic::new(
            &CHANNEL_OUTSIDE_TEAM_HOURS,
            &hours.loc,
            format!(
                "channel `{}` {open_word} {when} when team `{}` has nobody on shift{which}",
                channel.id.value, team.id.value
            ),
        )
        .help(help)
        .data("windows", windows_json(tz, windows));
        if !holidays.is_empty() {
            d = d.data("holidays", holidays_json(&holidays));
        }
        if let Some(shift) = team.shifts.first() {
            d = d.related(&shift.hours.loc, format!("team `{}` is on shift here", team.id.value));
        }
        out.push(d);
    }
}
