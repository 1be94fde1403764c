//! `escalation-unstaffed`: an escalation step takes over when its team or contact is not
//! there.

use super::describe_target;
use crate::coverage::{Delay, describe_windows, format_local, missed_handovers, windows_json};
use crate::diagnostic::Diagnostic;
use crate::model::values::Duration;
use crate::model::{Loc, StepTarget};
use crate::rules::{Context, rule};
use crate::time::interval::IntervalSet;

rule! {
    /// ## What it finds
    ///
    /// An escalation step that, for some contacts arriving on a channel the path serves,
    /// takes over at a moment when its team has nobody on shift or its contact is outside
    /// their `hours`. A step fires once `after` of the channel's worked time has passed since
    /// the contact arrived (wall-clock time when written `30m calendar`); calls arrive while
    /// the channel is open, written messages at any time. The finding gives the arrival
    /// windows, the windows in which the step fires, and the first example.
    ///
    /// ## Why it matters
    ///
    /// An escalation path that ends at a manager who went home at 18:00 fails exactly for the
    /// calls that needed it: the agent follows the handbook and reaches nobody, the customer
    /// waits until the next morning.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// contacts:
    ///   - { id: anna-weber, name: Anna Weber, phone: "+49 30 5550 1990", hours: { mon-fri: 08:00-18:00 } }
    /// channels:
    ///   - { id: phone, kind: phone, team: first-line, hours: { mon-fri: 08:00-20:00 } }
    /// escalation:
    ///   - id: standard
    ///     channels: [phone]
    ///     steps:
    ///       - team: first-line
    ///       - contact: anna-weber
    ///         after: 4h             # calls from 14:00 reach this step after 18:00
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Extend the contact's hours or the team's shifts to cover the firing windows, shorten
    /// `after`, or add a step that is staffed then (a duty manager on call).
    pub static ESCALATION_UNSTAFFED = "E001", "escalation-unstaffed", Escalation, Error,
        "an escalation step fires when its team or contact is not available";
}

/// When a step's target is not available, and where that is written.
fn unavailable(cx: &Context<'_>, target: &StepTarget) -> Option<(IntervalSet, Option<Loc>)> {
    let everything = IntervalSet::from_intervals([cx.timeline.evaluated]);
    match target {
        StepTarget::Team(id) => {
            let i = cx.plan.teams.iter().position(|t| t.id.value == id.value)?;
            // A team whose hours could not be read is reported there, not here.
            if !cx.timeline.teams[i].readable {
                return None;
            }
            let loc = cx.plan.teams[i].shifts.first().map(|s| s.hours.loc.clone());
            Some((everything.difference(&cx.timeline.teams[i].on_shift), loc))
        }
        StepTarget::Contact(id) => {
            let i = cx.plan.contacts.iter().position(|c| c.id.value == id.value)?;
            // A contact without hours is taken to be reachable at any time.
            let hours = cx.timeline.contacts[i].as_ref()?;
            let loc = cx.plan.contacts[i].hours.as_ref().map(|h| h.loc.clone());
            Some((everything.difference(hours), loc))
        }
    }
}

fn delay(after: Option<&Duration>) -> Option<Delay> {
    match after {
        None => Some(Delay::Worked(0)),
        Some(
            Duration::Clock {
                seconds,
                calendar: false,
            }
            | Duration::BusinessTime { seconds },
        ) => Some(Delay::Worked(*seconds as i64)),
        Some(Duration::Clock {
            seconds,
            calendar: true,
        }) => Some(Delay::Calendar(*seconds as i64)),
        // Business days and months have no fixed length in worked time.
        Some(Duration::BusinessDays(_) | Duration::Months(_)) => None,
    }
}

/// One channel of a path whose contacts reach a step while its target is away.
struct Missed<'p> {
    channel: &'p str,
    tz: chrono_tz::Tz,
    arrivals: IntervalSet,
    firing: IntervalSet,
}

/// One finding per step, at the step's team or contact, naming every channel of the path
/// whose contacts reach it while nobody is there: the mistake is the step's timing (or its
/// target's hours), not each channel.
pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for path in &cx.plan.escalation {
        for (k, step) in path.steps.iter().enumerate() {
            let Some(delay) = delay(step.after.as_ref().map(|a| &a.value)) else {
                continue;
            };
            let Some((away, target_loc)) = unavailable(cx, &step.target) else {
                continue;
            };
            let mut missed_by: Vec<Missed<'_>> = Vec::new();
            for channel_id in &path.channels {
                let Some(ci) = cx.plan.channels.iter().position(|c| c.id.value == channel_id.value) else {
                    continue;
                };
                if missed_by.iter().any(|m| m.channel == channel_id.value) {
                    continue;
                }
                let times = &cx.timeline.channels[ci];
                if !times.hours_known {
                    continue;
                }
                let tz = times.owner.tz;
                let window = IntervalSet::from_intervals([cx.timeline.days.in_zone(tz)]);
                let arrivals = if times.live {
                    times.staffed.intersection(&window)
                } else {
                    window
                };
                let missed = missed_handovers(&times.staffed, &arrivals, delay, &away);
                if missed.arrivals.intervals().is_empty() || missed.firing.intervals().is_empty() {
                    continue;
                }
                missed_by.push(Missed {
                    channel: &channel_id.value,
                    tz,
                    arrivals: missed.arrivals,
                    firing: missed.firing,
                });
            }
            // The channel whose contacts reach the step first leads the message.
            missed_by.sort_by_key(|m| m.firing.intervals().first().map(|i| i.start));
            let Some(first) = missed_by.first() else { continue };
            let (Some(first_arrival), Some(first_firing)) =
                (first.arrivals.intervals().first(), first.firing.intervals().first())
            else {
                continue;
            };
            let tz = first.tz;
            let after = step
                .after
                .as_ref()
                .map_or_else(|| "at once".to_owned(), |a| format!("after {}", a.value));
            let mut message = format!(
                "step {} of escalation path `{}` reaches {} {after}, {}: `{}` contacts arriving {} reach the step {} ({}); first a contact at {} reaches it at {}",
                k + 1,
                path.id.value,
                describe_target(cx.plan, &step.target),
                match step.target {
                    StepTarget::Team(_) => "at times when the team has nobody on shift",
                    StepTarget::Contact(_) => "at times outside the contact's hours",
                },
                first.channel,
                describe_windows(tz, first.arrivals.intervals(), 2),
                describe_windows(tz, first.firing.intervals(), 2),
                tz.name(),
                format_local(tz, first_arrival.start),
                format_local(tz, first_firing.start),
            );
            if missed_by.len() > 1 {
                let others: Vec<String> = missed_by[1..].iter().map(|m| format!("`{}`", m.channel)).collect();
                message.push_str(&format!(
                    "; contacts on {} also reach it when nobody is there",
                    crate::rules::and_list(&others)
                ));
            }
            let channels: Vec<serde_json::Value> = missed_by
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "channel": m.channel,
                        "windows": windows_json(m.tz, m.firing.intervals()),
                        "arrival_windows": windows_json(m.tz, m.arrivals.intervals()),
                    })
                })
                .collect();
            let mut d = Diagnostic::new(&ESCALATION_UNSTAFFED, &step.target.id().loc, message)
                .help("extend the hours or shifts of this step's team or contact to the firing windows, shorten `after`, or add a step that is staffed then")
                .data("path", path.id.value.clone())
                .data("step", k + 1)
                .data("channel", first.channel.to_owned())
                .data("windows", windows_json(tz, first.firing.intervals()))
                .data("arrival_windows", windows_json(tz, first.arrivals.intervals()))
                .data("channels", channels);
            if let Some(loc) = &target_loc {
                d = d.related(loc, "the hours of this step's team or contact");
            }
            out.push(d);
        }
    }
}
