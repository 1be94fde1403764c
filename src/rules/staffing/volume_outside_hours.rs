//! `volume-outside-hours`: contacts are forecast when the channel is closed.

use crate::coverage::{describe_weekly, windows_json};
use crate::diagnostic::Diagnostic;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A staffing forecast whose `volume` hours include times when its channel is closed
    /// (outside the channel's `hours`, or its team's shifts when it has none).
    ///
    /// ## Why it matters
    ///
    /// Either the forecast is wrong, or customers try to reach a closed channel: both mean
    /// the plan and reality disagree, and the staffing figures for those hours mean nothing.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - { id: phone, kind: phone, team: first-line, hours: { mon-fri: 08:00-18:00 } }
    /// staffing:
    ///   - channel: phone
    ///     volume:
    ///       - { hours: { mon-fri: 08:00-20:00 }, per-hour: 80 }   # 18:00-20:00: closed
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Align the forecast with the channel's hours, or open the channel when the calls come.
    pub static VOLUME_OUTSIDE_HOURS = "W002", "volume-outside-hours", Staffing, Warning,
        "contacts are forecast when the channel is closed";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for staffing in crate::staffing::compute(cx.plan, &cx.timeline, cx.today, 30) {
        // Hours or shifts that could not be read are reported where they are written.
        if !cx.timeline.channels[staffing.channel].hours_known {
            continue;
        }
        let windows = staffing.volume_outside_hours.intervals();
        if windows.is_empty() {
            continue;
        }
        let forecast = &cx.plan.staffing[staffing.forecast];
        let channel = &cx.plan.channels[staffing.channel];
        let loc = forecast.volume.first().map_or(&forecast.loc, |v| &v.hours.loc);
        let mut d = Diagnostic::new(
            &VOLUME_OUTSIDE_HOURS,
            loc,
            format!(
                "the forecast for channel `{}` has contacts {} ({}), when the channel is closed",
                channel.id.value,
                describe_weekly(staffing.tz, windows),
                staffing.tz.name()
            ),
        )
        .help("align the forecast's hours with the channel's, or open the channel at those times")
        .data("channel", channel.id.value.clone())
        .data("windows", windows_json(staffing.tz, windows));
        if let Some(hours) = &channel.hours {
            d = d.related(&hours.loc, "the channel's hours");
        }
        out.push(d);
    }
}
