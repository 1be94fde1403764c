//! What a plan's schedules mean over a stretch of days: when each team is on shift, when each
//! channel is open and staffed, and for each customer profile when it expects help, when it
//! can reach someone live (in its language) or leave a message, and where the gaps are.
//!
//! This is the one place that resolves owners (a channel's zone and holidays come from the
//! channel, else its team, else the plan) and turns schedules into interval sets; the
//! coverage, hours and promises rules and the `coverage` and `at` commands all read the
//! [`Timeline`] built here, so they cannot disagree.

mod describe;
pub mod grid;
mod handover;
mod response;

pub use describe::{
    describe_holidays, describe_weekly, describe_windows, format_instant, format_local, format_window, holidays_json,
    windows_json,
};
pub use handover::{Delay, Missed, missed_handovers};
pub use response::{Wait, late_arrivals, late_arrivals_json, worst_wait};

use crate::model::values::{Duration, LanguageTag};
use crate::model::{Channel, HolidaySpec, Plan, Profile, Schedule, Team};
use crate::time::holidays::{self, Holiday, HolidaySet};
use crate::time::interval::{Instant, Interval, IntervalSet};
use crate::time::schedule::{self, HolidayDefault};
use chrono::{Days, Months, NaiveDate};
use chrono_tz::Tz;

/// Days checked when a plan sets no `horizon`.
pub const DEFAULT_HORIZON_DAYS: u64 = 90;

/// Days evaluated beyond the window, so that a wait that begins inside the window can be
/// followed to its end (a message left on 23 December is answered in January).
const LOOKAHEAD_DAYS: u64 = 21;

/// Days searched for the next time a written channel is worked, past the evaluated stretch
/// and past the last `dates:` entry of its hours and its team's shifts. Beyond its last
/// dated entry a schedule repeats every week except on public holidays, and every weekday
/// and every holiday of a calendar recurs within 400 days (movable feasts move by up to five
/// weeks from one year to the next): a channel not worked in that stretch is never worked
/// again.
pub const NEXT_WORK_SEARCH_DAYS: i64 = 400;

/// The furthest the search for the next worked time goes past the evaluated stretch, so
/// that a `dates:` entry in a distant year cannot make a run evaluate centuries day by day.
const NEXT_WORK_SEARCH_LIMIT_DAYS: i64 = 10 * 366;

/// The days a timeline covers: local dates `from` (inclusive) to `to` (exclusive), each owner
/// in its own zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl DateWindow {
    /// The check window: from `today` for the plan's horizon (default 90 days).
    pub fn horizon(plan: &Plan, today: NaiveDate) -> DateWindow {
        let to = match plan.meta.horizon.as_ref().map(|h| &h.value) {
            Some(Duration::Months(m)) => today.checked_add_months(Months::new(*m)),
            Some(Duration::Clock { seconds, .. }) | Some(Duration::BusinessTime { seconds }) => {
                today.checked_add_days(Days::new(seconds.div_ceil(86_400).max(1)))
            }
            Some(Duration::BusinessDays(d)) => today.checked_add_days(Days::new(u64::from(*d).max(1))),
            None => today.checked_add_days(Days::new(DEFAULT_HORIZON_DAYS)),
        };
        DateWindow {
            from: today,
            to: to.unwrap_or(NaiveDate::MAX),
        }
    }

    /// `days` days from `from`.
    pub fn span(from: NaiveDate, days: u32) -> DateWindow {
        DateWindow {
            from,
            to: from
                .checked_add_days(Days::new(u64::from(days.max(1))))
                .unwrap_or(NaiveDate::MAX),
        }
    }

    /// The window as instants in a zone: local midnight of `from` to local midnight of `to`.
    pub fn in_zone(&self, tz: Tz) -> Interval {
        Interval {
            start: schedule::local_start(tz, self.from, 0),
            end: schedule::local_start(tz, self.to, 0),
        }
    }

    /// Number of days.
    pub fn len(&self) -> i64 {
        (self.to - self.from).num_days()
    }

    pub fn is_empty(&self) -> bool {
        self.len() <= 0
    }
}

/// A zone and the public holidays observed there.
#[derive(Debug, Clone)]
pub struct Owner {
    pub tz: Tz,
    pub holidays: HolidaySet,
}

/// Which of an owner's public holidays an evaluation observes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Observed {
    /// Every one: the days as they are.
    All,
    /// Every one but the holiday on this date: the date as an ordinary day.
    AllBut(NaiveDate),
    /// None: an ordinary week.
    None,
    /// None, and no `dates:` entry either: the recurring week alone, as a schedule's
    /// weekly hours promise it. What documents show as regular hours.
    Regular,
}

impl Owner {
    /// Evaluate a schedule for this owner.
    pub fn evaluate(&self, schedule: &Schedule, default: HolidayDefault, window: Interval) -> IntervalSet {
        self.evaluate_observing(schedule, default, window, Observed::All)
    }

    /// Evaluate a schedule for this owner, observing only some of its public holidays.
    pub fn evaluate_observing(
        &self,
        schedule: &Schedule,
        default: HolidayDefault,
        window: Interval,
        observed: Observed,
    ) -> IntervalSet {
        let holidays = &self.holidays;
        let is_holiday = |d: NaiveDate| match observed {
            Observed::All => holidays.is_holiday(d),
            Observed::AllBut(ordinary) => d != ordinary && holidays.is_holiday(d),
            Observed::None | Observed::Regular => false,
        };
        match (observed, schedule) {
            (Observed::Regular, Schedule::Weekly { days, holidays, .. }) => {
                let recurring = Schedule::Weekly {
                    days: days.clone(),
                    holidays: holidays.clone(),
                    dates: Vec::new(),
                };
                schedule::evaluate(&recurring, self.tz, &is_holiday, default, window)
            }
            _ => schedule::evaluate(schedule, self.tz, &is_holiday, default, window),
        }
    }
}

/// When a team has at least one agent on shift within `span`.
fn team_on_shift(team: &Team, owner: &Owner, span: Interval, observed: Observed) -> IntervalSet {
    team.shifts
        .iter()
        .filter(|s| s.agents.value > 0)
        .fold(IntervalSet::new(), |acc, s| {
            acc.union(&owner.evaluate_observing(&s.hours.value, HolidayDefault::Closed, span, observed))
        })
}

/// When a channel is open with its team on shift within `span`: its own hours (else its
/// team's time on shift), while the team has somebody on shift.
fn channel_staffed(
    channel: &Channel,
    owner: &Owner,
    team: Option<(&Team, &Owner)>,
    span: Interval,
    observed: Observed,
) -> IntervalSet {
    let on_shift = team.map(|(t, o)| team_on_shift(t, o, span, observed));
    match (&channel.hours, on_shift) {
        (Some(hours), Some(on_shift)) => owner
            .evaluate_observing(&hours.value, HolidayDefault::Closed, span, observed)
            .intersection(&on_shift),
        (Some(hours), None) => owner.evaluate_observing(&hours.value, HolidayDefault::Closed, span, observed),
        (None, Some(on_shift)) => on_shift,
        (None, None) => IntervalSet::new(),
    }
}

/// The last date a schedule's `dates:` entries name.
fn last_dated(schedule: &Schedule) -> Option<NaiveDate> {
    match schedule {
        Schedule::Weekly { dates, .. } => dates.iter().map(|d| d.dates.value.last).max(),
        Schedule::Always => None,
    }
}

/// The first interval in which a written channel is worked at or after `from`, searched as
/// far as [`NEXT_WORK_SEARCH_DAYS`] says; `None` when it is never worked again.
fn next_worked(channel: &Channel, owner: &Owner, team: Option<(&Team, &Owner)>, from: Instant) -> Option<Interval> {
    const DAY: i64 = 86_400;
    let dated = channel
        .hours
        .iter()
        .map(|h| &h.value)
        .chain(
            team.into_iter()
                .flat_map(|(t, _)| t.shifts.iter().map(|s| &s.hours.value)),
        )
        .filter_map(last_dated)
        .max();
    let after_dated = dated
        .and_then(|d| d.checked_add_days(Days::new(2)))
        .map_or(from, |d| schedule::local_start(owner.tz, d, 0).max(from));
    let until = (after_dated + NEXT_WORK_SEARCH_DAYS * DAY).min(from + NEXT_WORK_SEARCH_LIMIT_DAYS * DAY);
    // Most channels are worked again within days: look a fortnight ahead first, then in
    // growing steps.
    let (mut start, mut step) = (from, 14 * DAY);
    while start < until {
        let end = (start + step).min(until);
        let span = Interval { start, end };
        if let Some(&first) = channel_staffed(channel, owner, team, span, Observed::All)
            .intervals()
            .first()
        {
            return Some(first);
        }
        start = end;
        step *= 4;
    }
    None
}

/// A team's time on shift.
#[derive(Debug, Clone)]
pub struct TeamTimes {
    pub owner: Owner,
    /// When at least one agent is on shift.
    pub on_shift: IntervalSet,
    /// Each shift's time and its agents, in the order written.
    pub shifts: Vec<(IntervalSet, u32)>,
    /// False when a value of the team's hours, shifts or agents could not be read: its
    /// times are then not known, and nothing is derived from them (the unreadable value
    /// is reported where it is written).
    pub readable: bool,
}

/// A channel's open and staffed time.
#[derive(Debug, Clone)]
pub struct ChannelTimes {
    pub owner: Owner,
    pub live: bool,
    /// The index of its team in `plan.teams`, when the team exists.
    pub team: Option<usize>,
    /// When the channel is open (live) or worked (written), by its own `hours`, else its
    /// team's hours. Empty when neither is known.
    pub open: IntervalSet,
    /// Open while the team has somebody on shift; equal to `open` when the channel has no
    /// team to check against. For a written channel it also holds the first time it is
    /// worked after the evaluated stretch, however far ahead (see
    /// [`NEXT_WORK_SEARCH_DAYS`]), so that every wait that begins in the window has its
    /// true end; a written channel whose set ends inside the evaluated stretch is never
    /// worked after it.
    pub staffed: IntervalSet,
    /// Whether `open` comes from anything at all (its own hours or a team's shifts), and
    /// every value it comes from could be read.
    pub hours_known: bool,
    /// The languages it is worked in (its team's); empty when unknown.
    pub languages: Vec<LanguageTag>,
}

/// What kind of help is missing in a gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GapKind {
    /// Live help is expected, but no live channel is staffed.
    NoLive,
    /// No channel at all can be reached.
    Unreachable,
    /// Live help is staffed, but not in any of the profile's languages.
    Language,
}

impl GapKind {
    pub fn as_str(self) -> &'static str {
        match self {
            GapKind::NoLive => "no-live",
            GapKind::Unreachable => "unreachable",
            GapKind::Language => "language",
        }
    }
}

/// A maximal stretch of expected hours in which what the profile expects is not available.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub interval: Interval,
    pub kind: GapKind,
    /// Inside one of the profile's `intended-gaps`.
    pub intended: bool,
}

/// A profile's expectations and reach.
#[derive(Debug, Clone)]
pub struct ProfileTimes {
    pub owner: Owner,
    /// The window in the profile's zone.
    pub window: Interval,
    /// The channels offered to it (indexes into `plan.channels`).
    pub channels: Vec<usize>,
    /// Its expected hours within the window (empty when it states none).
    pub expected: IntervalSet,
    /// Whether it expects a live channel.
    pub wants_live: bool,
    /// Its intended gaps within the window.
    pub intended: IntervalSet,
    /// When a live channel offered to it is staffed, in any language.
    pub live: IntervalSet,
    /// When a live channel offered to it is staffed by a team that speaks its language.
    pub live_in_language: IntervalSet,
    /// Whether a written channel is offered to it (messages are accepted at any time).
    pub written: bool,
    /// When it can reach any channel at all.
    pub reachable: IntervalSet,
    /// Gaps inside its expected hours, sorted by start.
    pub gaps: Vec<Gap>,
    /// Times outside its expected hours when it can reach no channel at all (empty when a
    /// written channel is offered), intended or not.
    pub unreachable_outside: IntervalSet,
}

impl ProfileTimes {
    /// Every time an intended gap can excuse: the gaps inside the expected hours, of every
    /// kind, and the unreachable times outside them. The rules that honour intended gaps
    /// report only what lies outside `intended`; `unused-intended-gap` reports an entry that
    /// meets none of these times, so that removing it changes no finding.
    pub fn excusable(&self) -> IntervalSet {
        IntervalSet::from_intervals(self.gaps.iter().map(|g| g.interval)).union(&self.unreachable_outside)
    }

    /// The times outside the expected hours when the profile can reach nothing, less its
    /// intended gaps: what `unreachable-hours` reports.
    pub fn unreachable_unintended(&self) -> IntervalSet {
        self.unreachable_outside.difference(&self.intended)
    }

    /// The times inside the expected hours when the profile does not get what it expects
    /// (live help when it expects live help, else any channel), less its intended gaps:
    /// what `uncovered-expected-hours` reports.
    pub fn uncovered(&self) -> IntervalSet {
        let mut set = unintended(&self.gaps, GapKind::Unreachable);
        if self.wants_live {
            set = set.union(&unintended(&self.gaps, GapKind::NoLive));
        }
        set
    }
}

/// Every schedule of a plan, evaluated over the same days.
#[derive(Debug, Clone)]
pub struct Timeline {
    pub days: DateWindow,
    /// The plan's own zone and holidays (the default owner).
    pub plan_owner: Owner,
    /// The window in the plan's zone.
    pub window: Interval,
    /// Indexed like `plan.teams`.
    pub teams: Vec<TeamTimes>,
    /// Indexed like `plan.channels`.
    pub channels: Vec<ChannelTimes>,
    /// Indexed like `plan.profiles`.
    pub profiles: Vec<ProfileTimes>,
    /// Indexed like `plan.contacts`: when each contact can be reached, `None` when the
    /// contact states no hours.
    pub contacts: Vec<Option<IntervalSet>>,
    /// The widest stretch evaluated: every window with a day before and the look-ahead after.
    pub evaluated: Interval,
}

/// Resolve a holiday specification into the dates it names.
pub fn holiday_set(spec: Option<&HolidaySpec>) -> HolidaySet {
    let Some(spec) = spec else { return HolidaySet::empty() };
    let calendar = spec
        .calendar
        .as_ref()
        .and_then(|c| holidays::calendar(&c.value.to_string()));
    let add: Vec<NaiveDate> = spec.add.iter().map(|d| d.value).collect();
    let remove: Vec<NaiveDate> = spec.remove.iter().map(|d| d.value).collect();
    let extra: Vec<Holiday> = spec
        .ics_holidays
        .iter()
        .map(|(date, name)| Holiday::new(*date, name.clone()))
        .collect();
    HolidaySet::new(calendar, &add, &remove, &extra)
}

fn zone(explicit: &[Option<Tz>]) -> Tz {
    explicit.iter().flatten().next().copied().unwrap_or(Tz::UTC)
}

impl Timeline {
    /// The longest a message to written channel `i` (an index into `plan.channels`) waits
    /// for work to start, arriving during the days evaluated, in the channel's zone; `None`
    /// for a live channel, one whose hours are not known, or one worked throughout.
    pub fn worst_written_wait(&self, i: usize) -> Option<Wait> {
        let c = &self.channels[i];
        if c.live || !c.hours_known {
            return None;
        }
        worst_wait(&c.staffed, self.days.in_zone(c.owner.tz), self.evaluated.end)
    }

    /// Evaluate every schedule of `plan` over `days`.
    pub fn new(plan: &Plan, days: DateWindow) -> Timeline {
        let plan_tz = zone(&[plan.meta.timezone.as_ref().map(|t| t.value)]);
        let plan_owner = Owner {
            tz: plan_tz,
            holidays: holiday_set(plan.meta.holidays.as_ref()),
        };
        let window = days.in_zone(plan_tz);

        // Every owner's window lies within a day of the plan's (zones differ by < 27 h), so one
        // padded stretch serves all; the look-ahead lets waits run past the end.
        let evaluated = Interval {
            start: window.start - 2 * 86_400,
            end: window.end + (LOOKAHEAD_DAYS as i64 + 2) * 86_400,
        };

        let teams: Vec<TeamTimes> = plan
            .teams
            .iter()
            .map(|team| {
                let owner = Owner {
                    tz: zone(&[team.timezone.as_ref().map(|t| t.value), Some(plan_tz)]),
                    holidays: match &team.holidays {
                        Some(spec) => holiday_set(Some(spec)),
                        None => plan_owner.holidays.clone(),
                    },
                };
                let shifts: Vec<(IntervalSet, u32)> = team
                    .shifts
                    .iter()
                    .map(|s| {
                        (
                            owner.evaluate(&s.hours.value, HolidayDefault::Closed, evaluated),
                            s.agents.value,
                        )
                    })
                    .collect();
                let on_shift = shifts
                    .iter()
                    .filter(|(_, agents)| *agents > 0)
                    .fold(IntervalSet::new(), |acc, (set, _)| acc.union(set));
                let readable = ["hours", "shifts", "agents"]
                    .iter()
                    .all(|key| !plan.unreadable_at(&team.loc.path.key(key)));
                TeamTimes {
                    owner,
                    on_shift,
                    shifts,
                    readable,
                }
            })
            .collect();

        let channels: Vec<ChannelTimes> = plan
            .channels
            .iter()
            .map(|c| channel_times(plan, c, &teams, &plan_owner, evaluated))
            .collect();

        let profiles: Vec<ProfileTimes> = plan
            .profiles
            .iter()
            .map(|p| profile_times(plan, p, &channels, &plan_owner, days))
            .collect();

        let contacts = plan
            .contacts
            .iter()
            .map(|c| {
                let hours = c.hours.as_ref()?;
                let owner = Owner {
                    tz: zone(&[c.timezone.as_ref().map(|t| t.value), Some(plan_tz)]),
                    holidays: match &c.holidays {
                        Some(spec) => holiday_set(Some(spec)),
                        None => plan_owner.holidays.clone(),
                    },
                };
                Some(owner.evaluate(&hours.value, HolidayDefault::Closed, evaluated))
            })
            .collect();

        Timeline {
            days,
            plan_owner,
            window,
            teams,
            channels,
            profiles,
            contacts,
            evaluated,
        }
    }

    /// The index of a team by id.
    pub fn team_index(plan: &Plan, id: &str) -> Option<usize> {
        plan.teams.iter().position(|t| t.id.value == id)
    }

    /// When channel `ci` of `plan` is open with its team on shift within `span`, observing
    /// the given public holidays: for days as they would be without their holiday, or an
    /// ordinary week.
    pub fn channel_staffed(&self, plan: &Plan, ci: usize, span: Interval, observed: Observed) -> IntervalSet {
        let times = &self.channels[ci];
        let team = times.team.map(|t| (&plan.teams[t], &self.teams[t].owner));
        channel_staffed(&plan.channels[ci], &times.owner, team, span, observed)
    }

    /// When team `ti` of `plan` has somebody on shift within `span`, observing the given
    /// public holidays.
    pub fn team_on_shift(&self, plan: &Plan, ti: usize, span: Interval, observed: Observed) -> IntervalSet {
        team_on_shift(&plan.teams[ti], &self.teams[ti].owner, span, observed)
    }

    /// The public holidays (of the channel's calendar or its team's) on which channel `ci`
    /// is staffed for less time than on an ordinary day, with the time it loses; the holidays
    /// between the day before the window and the day after it, in date order.
    pub fn channel_holiday_closures(&self, plan: &Plan, ci: usize) -> Vec<HolidayClosure> {
        let times = &self.channels[ci];
        let mut holidays: Vec<&Holiday> = self.nearby_holidays(&times.owner.holidays).collect();
        if let Some(t) = times.team {
            holidays.extend(self.nearby_holidays(&self.teams[t].owner.holidays));
        }
        holidays.sort_by_key(|h| h.date);
        holidays.dedup_by_key(|h| h.date);
        holidays
            .into_iter()
            .filter_map(|h| {
                let span = around(times.owner.tz, h.date);
                let ordinary = self.channel_staffed(plan, ci, span, Observed::AllBut(h.date));
                let lost = ordinary.difference(&times.staffed.clip(span));
                (!lost.is_empty()).then(|| HolidayClosure {
                    holiday: h.clone(),
                    lost,
                })
            })
            .collect()
    }

    /// The public holidays of team `ti`'s calendar on which it has somebody on shift for less
    /// time than on an ordinary day, with the time it loses, as for channels.
    pub fn team_holiday_closures(&self, plan: &Plan, ti: usize) -> Vec<HolidayClosure> {
        let times = &self.teams[ti];
        self.nearby_holidays(&times.owner.holidays)
            .filter_map(|h| {
                let span = around(times.owner.tz, h.date);
                let ordinary = self.team_on_shift(plan, ti, span, Observed::AllBut(h.date));
                let lost = ordinary.difference(&times.on_shift.clip(span));
                (!lost.is_empty()).then(|| HolidayClosure {
                    holiday: h.clone(),
                    lost,
                })
            })
            .collect()
    }

    /// The public holidays on which channels offered to profile `pi` (its live channels
    /// only, when `live_only`) lose time that falls in `set`: why a profile misses help on
    /// those days. One per date, in date order.
    pub fn staff_holidays_in(&self, plan: &Plan, pi: usize, set: &IntervalSet, live_only: bool) -> Vec<Holiday> {
        let mut found: Vec<Holiday> = Vec::new();
        for &ci in &self.profiles[pi].channels {
            let times = &self.channels[ci];
            if (live_only && !times.live) || !times.hours_known {
                continue;
            }
            found.extend(
                self.channel_holiday_closures(plan, ci)
                    .into_iter()
                    .filter(|c| !c.lost.intersection(set).is_empty())
                    .map(|c| c.holiday),
            );
        }
        found.sort_by_key(|h| h.date);
        found.dedup_by_key(|h| h.date);
        found
    }

    /// The holidays of a set from the day before the window to the day after it: every owner's
    /// window lies within a day of the plan's.
    fn nearby_holidays<'a>(&self, set: &'a HolidaySet) -> impl Iterator<Item = &'a Holiday> {
        let from = self.days.from.pred_opt().unwrap_or(self.days.from);
        let to = self.days.to.succ_opt().unwrap_or(self.days.to);
        set.between(from, to)
    }
}

/// A public holiday on which a channel or team works less than on an ordinary day.
#[derive(Debug, Clone)]
pub struct HolidayClosure {
    pub holiday: Holiday,
    /// The time worked on an ordinary day that is not worked on the holiday (including a
    /// range past midnight into the next day).
    pub lost: IntervalSet,
}

/// The holiday's date and the day after it in a zone, with a day's margin either side, so
/// that an owner in another zone than the calendar's and ranges past midnight are covered.
fn around(tz: Tz, date: NaiveDate) -> Interval {
    let before = date.pred_opt().unwrap_or(date);
    let after = date.checked_add_days(Days::new(3)).unwrap_or(date);
    Interval {
        start: schedule::local_start(tz, before, 0),
        end: schedule::local_start(tz, after, 0).max(schedule::local_start(tz, before, 0)),
    }
}

fn channel_times(
    plan: &Plan,
    channel: &Channel,
    teams: &[TeamTimes],
    plan_owner: &Owner,
    evaluated: Interval,
) -> ChannelTimes {
    let team = channel
        .team
        .as_ref()
        .and_then(|id| Timeline::team_index(plan, &id.value));
    let team_times = team.map(|i| &teams[i]);
    let tz = zone(&[
        channel.timezone.as_ref().map(|t| t.value),
        team_times.map(|t| t.owner.tz),
        Some(plan_owner.tz),
    ]);
    let holidays = match (&channel.holidays, team_times) {
        (Some(spec), _) => holiday_set(Some(spec)),
        (None, Some(t)) => t.owner.holidays.clone(),
        (None, None) => plan_owner.holidays.clone(),
    };
    let owner = Owner { tz, holidays };
    let live = channel.kind.value.is_live();
    // A channel whose own hours, or whose team's times, could not be read is given the
    // benefit of the doubt: open and staffed throughout, with its hours marked unknown, so
    // that no gap, promise or escalation finding is derived from a value already reported
    // as unreadable.
    let channel_readable = !plan.unreadable_at(&channel.loc.path.key("hours"));
    let team_readable = team_times.is_none_or(|t| t.readable);
    let (open, mut staffed, hours_known) = if !channel_readable || (channel.hours.is_none() && !team_readable) {
        let always = IntervalSet::from_intervals([evaluated]);
        (always.clone(), always, false)
    } else {
        let (open, hours_known) = match (&channel.hours, team_times) {
            (Some(hours), _) => (owner.evaluate(&hours.value, HolidayDefault::Closed, evaluated), true),
            (None, Some(t)) => (t.on_shift.clone(), true),
            (None, None) => (IntervalSet::new(), false),
        };
        let staffed = match team_times {
            Some(t) if t.readable => open.intersection(&t.on_shift),
            _ => open.clone(),
        };
        (open, staffed, hours_known && team_readable)
    };
    if !live && hours_known {
        // A message left near the end of the window may wait weeks or months; follow it to
        // the time it is answered, however far ahead.
        let team_ref = team.map(|i| (&plan.teams[i], &teams[i].owner));
        if let Some(next) = next_worked(channel, &owner, team_ref, evaluated.end) {
            staffed = staffed.union(&IntervalSet::from_interval(next));
        }
    }
    let languages = team
        .map(|i| plan.teams[i].languages.iter().map(|l| l.value.clone()).collect())
        .unwrap_or_default();
    ChannelTimes {
        owner,
        live,
        team,
        open,
        staffed,
        hours_known,
        languages,
    }
}

/// Whether a team speaking `spoken` serves someone speaking one of `wanted`. Unknown on
/// either side counts as served: the plan does not say otherwise.
pub fn speaks(spoken: &[LanguageTag], wanted: &[LanguageTag]) -> bool {
    spoken.is_empty() || wanted.is_empty() || wanted.iter().any(|w| spoken.iter().any(|s| s.primary() == w.primary()))
}

fn profile_times(
    plan: &Plan,
    profile: &Profile,
    channels: &[ChannelTimes],
    plan_owner: &Owner,
    days: DateWindow,
) -> ProfileTimes {
    let tz = zone(&[profile.timezone.as_ref().map(|t| t.value), Some(plan_owner.tz)]);
    let holidays = match &profile.holidays {
        Some(spec) => holiday_set(Some(spec)),
        None => plan_owner.holidays.clone(),
    };
    let owner = Owner { tz, holidays };
    let window = days.in_zone(tz);
    let whole = IntervalSet::from_intervals([window]);

    let offered: Vec<usize> = match &profile.channels {
        Some(ids) => ids
            .iter()
            .filter_map(|id| plan.channels.iter().position(|c| c.id.value == id.value))
            .collect(),
        None => (0..plan.channels.len()).collect(),
    };
    let wanted: Vec<LanguageTag> = profile.languages.iter().map(|l| l.value.clone()).collect();

    let mut live = IntervalSet::new();
    let mut live_in_language = IntervalSet::new();
    let mut written = false;
    for &i in &offered {
        let c = &channels[i];
        if c.live {
            let staffed = c.staffed.clip(window);
            if speaks(&c.languages, &wanted) {
                live_in_language = live_in_language.union(&staffed);
            }
            live = live.union(&staffed);
        } else {
            written = true;
        }
    }
    let reachable = if written { whole.clone() } else { live.clone() };

    let expects = profile.expects.as_ref();
    let expected = expects
        .and_then(|e| e.hours.as_ref())
        .map(|h| owner.evaluate(&h.value, HolidayDefault::Weekly, window))
        .unwrap_or_default();
    let wants_live = expects.and_then(|e| e.live.as_ref()).is_some_and(|l| l.value);
    // An intended gap that could not be read may have excused anything: count the whole
    // window as intended, so no gap finding follows from the unreadable value.
    let intended = if plan.unreadable_at(&profile.loc.path.key("intended-gaps")) {
        whole.clone()
    } else {
        profile.intended_gaps.iter().fold(IntervalSet::new(), |acc, g| {
            acc.union(&owner.evaluate(&g.hours.value, HolidayDefault::Weekly, window))
        })
    };

    let mut pieces: Vec<(IntervalSet, GapKind)> = vec![(expected.difference(&reachable), GapKind::Unreachable)];
    if wants_live {
        pieces.push((expected.intersection(&reachable).difference(&live), GapKind::NoLive));
    }
    if wants_live || !written {
        pieces.push((
            expected.intersection(&live).difference(&live_in_language),
            GapKind::Language,
        ));
    }
    let mut gaps = Vec::new();
    for (set, kind) in pieces {
        for (part, is_intended) in [(set.difference(&intended), false), (set.intersection(&intended), true)] {
            gaps.extend(part.intervals().iter().map(|&interval| Gap {
                interval,
                kind,
                intended: is_intended,
            }));
        }
    }
    gaps.sort_by_key(|g| (g.interval.start, g.kind));
    let unreachable_outside = whole.difference(&reachable).difference(&expected);

    ProfileTimes {
        owner,
        window,
        channels: offered,
        expected,
        wants_live,
        intended,
        live,
        live_in_language,
        written,
        reachable,
        gaps,
        unreachable_outside,
    }
}

/// The gaps of one kind that are not intended, as a set.
pub fn unintended(gaps: &[Gap], kind: GapKind) -> IntervalSet {
    IntervalSet::from_intervals(
        gaps.iter()
            .filter(|g| g.kind == kind && !g.intended)
            .map(|g| g.interval),
    )
}

/// The first instant of the window an instant belongs to, for messages ("first on …").
pub fn first_start(set: &IntervalSet) -> Option<Instant> {
    set.intervals().first().map(|i| i.start)
}
