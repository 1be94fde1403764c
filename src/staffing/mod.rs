//! Staffing: how many agents a channel needs, interval by interval, for its forecast volume
//! and service target (Erlang C), against the agents its team's shifts put on duty.
//!
//! The figures are for an ordinary week (no public holidays) starting on the Monday on or
//! after the day the plan is checked, in the channel's time zone. Written channels (email,
//! web forms, social, letters) are not queues answered in seconds and are left out. Chat
//! agents handle several conversations at once (`concurrency`); the model treats an agent as
//! that many servers of the queue, each conversation taking the full handle time. That is
//! optimistic when conversations are not truly independent, and the documentation says so.

pub mod erlang;

use crate::coverage::Owner;
use crate::model::values::{Duration, Target};
use crate::model::{Plan, StaffingForecast};
use crate::time::holidays::HolidaySet;
use crate::time::interval::{Instant, Interval, IntervalSet};
use crate::time::schedule::{HolidayDefault, local_start};
use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;
use erlang::Queue;
use std::collections::HashMap;

/// The figures of one interval.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub interval: Interval,
    /// Forecast contacts per hour.
    pub volume_per_hour: f64,
    /// The fewest agents available that meet the target (Erlang C).
    pub agents_required: u32,
    /// `agents_required` raised by shrinkage: the headcount to put on the rota.
    pub agents_scheduled: u32,
    /// The headcount the team's shifts put on the rota.
    pub agents_on_duty: u32,
    /// Of those, available after shrinkage.
    pub agents_available: u32,
    /// What every channel of the same team needs at this time, together: the team's agents
    /// are shared between its channels.
    pub team_required: u32,
    /// Whether the team works only channels with a forecast (so a surplus is a surplus).
    pub team_fully_forecast: bool,
    /// Predicted for the available agents.
    pub service_level: f64,
    pub occupancy: f64,
    pub asa_seconds: f64,
}

/// One channel's staffing over the week.
#[derive(Debug, Clone)]
pub struct ChannelStaffing {
    /// Index into `plan.channels`.
    pub channel: usize,
    /// Index into `plan.staffing`.
    pub forecast: usize,
    pub tz: Tz,
    /// The service target: share answered within seconds.
    pub target_share: f64,
    pub target_seconds: f64,
    pub slots: Vec<Slot>,
    /// Forecast volume at times the channel is closed.
    pub volume_outside_hours: IntervalSet,
}

/// The Monday on or after a date.
pub fn week_start(today: NaiveDate) -> NaiveDate {
    let back = today.weekday().num_days_from_monday();
    if back == 0 {
        today
    } else {
        today + Days::new(u64::from(7 - back))
    }
}

/// The agents that provide `servers` servers when each handles `concurrency` conversations
/// at once.
///
/// Concurrency enters the model exactly once: an agent is `concurrency` servers of one
/// queue whose traffic is the forecast volume at the full handle time. (Dividing the handle
/// time as well would count it a second time: the traffic in Erlangs would shrink by the
/// concurrency, and so would the servers each agent brings.) The service level rises with
/// every server, so the fewest agents are the servers needed, rounded up to whole agents.
pub fn agents_for_servers(servers: u32, concurrency: u32) -> u32 {
    servers.div_ceil(concurrency.max(1))
}

/// Why a forecast cannot be computed (it is then left out; the loader or other rules
/// report the missing or invalid values).
fn parameters(f: &StaffingForecast) -> Option<(f64, f64, f64)> {
    let handle = match f.handle_time.as_ref()?.value {
        Duration::Clock { seconds, .. } if seconds > 0 => seconds as f64,
        _ => return None,
    };
    let (share, within) = match &f.target.as_ref()?.value {
        Target::Service {
            percent,
            within: Duration::Clock { seconds, .. },
        } => (*percent / 100.0, *seconds as f64),
        _ => return None,
    };
    Some((handle, share, within))
}

/// Staffing of every forecast of the plan for the week from `today`, in slots of
/// `slot_minutes` (15, 30 or 60).
pub fn compute(
    plan: &Plan,
    timeline: &crate::coverage::Timeline,
    today: NaiveDate,
    slot_minutes: u32,
) -> Vec<ChannelStaffing> {
    let monday = week_start(today);
    let mut out = Vec::new();
    for (fi, forecast) in plan.staffing.iter().enumerate() {
        let Some(ci) = plan.channels.iter().position(|c| c.id.value == forecast.channel.value) else {
            continue;
        };
        let channel = &plan.channels[ci];
        let times = &timeline.channels[ci];
        if !channel.kind.value.is_live() {
            continue;
        }
        let Some((handle, share, within)) = parameters(forecast) else {
            continue;
        };
        let tz = times.owner.tz;
        let plain = Owner {
            tz,
            holidays: HolidaySet::empty(),
        };
        let week = Interval {
            start: local_start(tz, monday, 0),
            end: local_start(tz, monday + Days::new(7), 0),
        };
        let padded = Interval {
            start: week.start - 2 * 86_400,
            end: week.end + 2 * 86_400,
        };
        let volumes: Vec<(IntervalSet, f64)> = forecast
            .volume
            .iter()
            .map(|v| {
                (
                    plain
                        .evaluate(&v.hours.value, HolidayDefault::Weekly, padded)
                        .clip(week),
                    v.per_hour.value,
                )
            })
            .collect();
        let open = match (&channel.hours, times.team) {
            (Some(h), _) => plain.evaluate(&h.value, HolidayDefault::Closed, padded),
            (None, Some(t)) => shifts(plan, timeline, t, padded).0,
            (None, None) => IntervalSet::from_intervals([padded]),
        };
        let (_, shift_sets) = match times.team {
            Some(t) => shifts(plan, timeline, t, padded),
            None => (IntervalSet::new(), Vec::new()),
        };
        let with_volume = volumes.iter().fold(IntervalSet::new(), |acc, (set, _)| acc.union(set));
        let volume_outside_hours = with_volume.difference(&open);
        let shrinkage = forecast.shrinkage.as_ref().map_or(0.0, |s| s.value / 100.0);
        let max_occupancy = forecast.max_occupancy.as_ref().map_or(1.0, |m| m.value / 100.0);
        let concurrency = forecast.concurrency.as_ref().map_or(1, |c| c.value).max(1);
        let step = i64::from(slot_minutes) * 60;
        // The volume and the rota change a few times a week, not every slot: solve each
        // distinct queue once. For a large centre one solution walks hundreds of thousands
        // of agents.
        let mut required_for: HashMap<u64, erlang::Prediction> = HashMap::new();
        let mut predicted_for: HashMap<(u64, u32), erlang::Prediction> = HashMap::new();
        let mut slots = Vec::new();
        let mut start = week.start;
        while start < week.end {
            let slot = Interval {
                start,
                end: (start + step).min(week.end),
            };
            start += step;
            let middle: Instant = slot.start + (slot.end - slot.start) / 2;
            let volume: f64 = volumes
                .iter()
                .filter(|(set, _)| set.contains(middle))
                .map(|(_, v)| v)
                .sum();
            if volume <= 0.0 || !open.contains(middle) {
                continue;
            }
            let on_duty: u32 = shift_sets
                .iter()
                .filter(|(set, _)| set.contains(middle))
                .map(|(_, a)| a)
                .sum();
            let queue = Queue::new(volume, handle);
            let required = *required_for
                .entry(volume.to_bits())
                .or_insert_with(|| queue.required(share, within, max_occupancy));
            let agents_required = agents_for_servers(required.agents, concurrency);
            let available = erlang::available(on_duty, shrinkage);
            let servers = available.saturating_mul(concurrency);
            let predicted = *predicted_for
                .entry((volume.to_bits(), servers))
                .or_insert_with(|| queue.predict(servers, within));
            slots.push(Slot {
                interval: slot,
                volume_per_hour: volume,
                agents_required,
                agents_scheduled: erlang::scheduled(agents_required, shrinkage),
                agents_on_duty: on_duty,
                agents_available: available,
                team_required: agents_required,
                team_fully_forecast: false,
                service_level: predicted.service_level,
                occupancy: predicted.occupancy,
                asa_seconds: predicted.asa_seconds,
            });
        }
        out.push(ChannelStaffing {
            channel: ci,
            forecast: fi,
            tz,
            target_share: share,
            target_seconds: within,
            slots,
            volume_outside_hours,
        });
    }
    share_teams(plan, timeline, &mut out);
    out
}

/// A team that works several channels shares its agents between them: add up what they
/// need at each time.
fn share_teams(plan: &Plan, timeline: &crate::coverage::Timeline, all: &mut [ChannelStaffing]) {
    use std::collections::BTreeMap;
    let team_of = |c: &ChannelStaffing| timeline.channels[c.channel].team;
    let mut needed: BTreeMap<(usize, Instant), u32> = BTreeMap::new();
    for c in all.iter() {
        let Some(team) = team_of(c) else { continue };
        for slot in &c.slots {
            *needed.entry((team, slot.interval.start)).or_default() += slot.agents_required;
        }
    }
    let forecast_channels: Vec<usize> = all.iter().map(|c| c.channel).collect();
    for c in all.iter_mut() {
        let Some(team) = timeline.channels[c.channel].team else {
            continue;
        };
        let fully = plan
            .channels
            .iter()
            .enumerate()
            .filter(|(i, _)| timeline.channels[*i].team == Some(team))
            .all(|(i, ch)| ch.kind.value.is_live() && forecast_channels.contains(&i));
        for slot in &mut c.slots {
            slot.team_required = needed
                .get(&(team, slot.interval.start))
                .copied()
                .unwrap_or(slot.agents_required);
            slot.team_fully_forecast = fully;
        }
    }
}

/// Consecutive slots with the same figures, merged: (start, end, the first slot).
pub fn merged(slots: &[Slot]) -> Vec<(Instant, Instant, &Slot)> {
    let mut rows: Vec<(Instant, Instant, &Slot)> = Vec::new();
    for s in slots {
        let same = |o: &Slot| {
            o.volume_per_hour == s.volume_per_hour
                && o.agents_required == s.agents_required
                && o.agents_on_duty == s.agents_on_duty
                && o.team_required == s.team_required
        };
        match rows.last_mut() {
            Some((_, end, first)) if *end == s.interval.start && same(first) => *end = s.interval.end,
            _ => rows.push((s.interval.start, s.interval.end, s)),
        }
    }
    rows
}

/// A team's time on shift in an ordinary week, and each shift's set and agents.
fn shifts(
    plan: &Plan,
    timeline: &crate::coverage::Timeline,
    team: usize,
    window: Interval,
) -> (IntervalSet, Vec<(IntervalSet, u32)>) {
    let owner = Owner {
        tz: timeline.teams[team].owner.tz,
        holidays: HolidaySet::empty(),
    };
    let sets: Vec<(IntervalSet, u32)> = plan.teams[team]
        .shifts
        .iter()
        .map(|s| {
            (
                owner.evaluate(&s.hours.value, HolidayDefault::Closed, window),
                s.agents.value,
            )
        })
        .collect();
    let union = sets
        .iter()
        .filter(|(_, a)| *a > 0)
        .fold(IntervalSet::new(), |acc, (s, _)| acc.union(s));
    (union, sets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::coverage::{DateWindow, Timeline};
    use crate::load::{Format, load_text};
    use crate::model::FileId;
    use crate::source::SourceFile;

    /// A chat of 40 conversations an hour taking 9 minutes each (6 Erlangs), to be answered
    /// 80 % within 60 seconds, worked by agents who handle `concurrency` at once.
    fn chat(concurrency: u32) -> String {
        format!(
            r#"version: 1
plan: {{ name: Chat, timezone: Europe/Berlin }}
teams:
  - {{ id: desk, hours: {{ mon-fri: 08:00-18:00 }}, agents: 12 }}
channels:
  - {{ id: chat, kind: chat, team: desk }}
staffing:
  - channel: chat
    handle-time: 9m
    target: 80% in 60s
    concurrency: {concurrency}
    volume:
      - {{ hours: {{ mon-fri: 08:00-18:00 }}, per-hour: 40 }}
"#
        )
    }

    fn first_slot(text: &str) -> Slot {
        let loaded = load_text(
            SourceFile::new(std::path::Path::new("plan.yaml"), text.to_owned()),
            FileId(0),
            Format::Yaml,
        );
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let plan = loaded.plan.expect("the plan loads");
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
        let timeline = Timeline::new(&plan, DateWindow::horizon(&plan, today));
        let all = compute(&plan, &timeline, today, 60);
        all[0].slots[0].clone()
    }

    #[test]
    fn concurrency_multiplies_the_servers_of_one_queue_once() {
        // 6 Erlangs need 9 servers for 80 % in 60 s at a 9-minute handle time; an agent
        // with `c` conversations at once is `c` of them.
        assert_eq!(erlang::Queue::new(40.0, 540.0).required(0.8, 60.0, 1.0).agents, 9);
        for (concurrency, agents) in [(1, 9), (2, 5), (3, 3), (4, 3)] {
            let slot = first_slot(&chat(concurrency));
            assert_eq!(slot.agents_required, agents, "concurrency {concurrency}");
            assert_eq!(slot.team_required, agents, "concurrency {concurrency}");
            assert_eq!(agents_for_servers(9, concurrency), agents);
        }
        // The prediction for the agents on duty uses the same servers: 12 agents with two
        // conversations each are 24 servers for 6 Erlangs.
        let slot = first_slot(&chat(2));
        assert!((slot.occupancy - 6.0 / 24.0).abs() < 1e-9, "{}", slot.occupancy);
    }
}
