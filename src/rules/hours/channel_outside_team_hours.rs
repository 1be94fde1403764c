//! `channel-outside-team-hours`: a channel is open when its team has nobody on shift.

use crate::coverage::{describe_windows, windows_json};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A channel whose `hours` include times when the team that works it has no shift: the
    /// hotline is open until 20:00, but the last shift ends at 18:00.
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
        let mut d = Diagnostic::new(
            &CHANNEL_OUTSIDE_TEAM_HOURS,
            &hours.loc,
            format!(
                "channel `{}` {open_word} {} ({}) when team `{}` has nobody on shift",
                channel.id.value,
                describe_windows(tz, windows, 3),
                tz.name(),
                team.id.value
            ),
        )
        .help(format!(
            "add a shift to team `{}` for these hours, or close the channel then",
            team.id.value
        ))
        .data("windows", windows_json(tz, windows));
        if let Some(shift) = team.shifts.first() {
            d = d.related(&shift.hours.loc, format!("team `{}` is on shift here", team.id.value));
        }
        out.push(d);
    }
}
