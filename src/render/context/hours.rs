//! What the documents say about when a channel is open: its regular hours (the recurring
//! week of its schedule and its team's shifts, with no public holiday and no `dates:`
//! entry), split into periods where a clock change moves them as seen from another zone,
//! and every day of the horizon whose hours differ from the regular ones (public holidays
//! of the channel's or its team's calendar, `dates:` entries of either).
//!
//! The regular hours and the days that differ from them are worked out once per channel
//! ([`ChannelHours`]); a document then looks at them from its own zone ([`view`]): the
//! customers' zone for an FAQ, the channel's for the handbook.

use super::Source;
use crate::coverage::{DateWindow, Observed, Timeline};
use crate::model::Plan;
use crate::time::interval::IntervalSet;
use crate::time::schedule::{local_date, local_datetime, local_start};
use chrono::{Datelike, Days, NaiveDate, Offset};
use chrono_tz::Tz;

/// The minutes of one day a channel is open, as `(start, end)` ranges of local time.
pub type DayRanges = Vec<(u16, u16)>;

/// One channel's regular hours and the times its real hours differ from them, over the
/// stretch the timeline evaluates.
#[derive(Debug, Clone, Default)]
pub struct ChannelHours {
    /// Whether the channel's hours are known at all (its own or its team's, all readable).
    pub known: bool,
    /// When it is open and staffed in its recurring week.
    pub regular: IntervalSet,
    /// When it is open and staffed in fact: the regular week changed by public holidays and
    /// `dates:` entries.
    pub actual: IntervalSet,
    /// The times in which the two differ.
    pub changed: IntervalSet,
}

impl ChannelHours {
    /// The hours of every channel of the plan, indexed like `plan.channels`.
    pub fn all(plan: &Plan, timeline: &Timeline) -> Vec<ChannelHours> {
        (0..plan.channels.len())
            .map(|ci| {
                let times = &timeline.channels[ci];
                if !times.hours_known {
                    return ChannelHours::default();
                }
                let span = timeline.evaluated;
                let regular = timeline.channel_staffed(plan, ci, span, Observed::Regular);
                // `staffed` of a written channel also holds the next time it is worked after
                // the evaluated stretch; only the stretch itself is compared.
                let actual = times.staffed.clip(span);
                let changed = regular.difference(&actual).union(&actual.difference(&regular));
                ChannelHours {
                    known: true,
                    regular,
                    actual,
                    changed,
                }
            })
            .collect()
    }
}

/// A stretch of days over which a channel's regular hours look the same from a zone.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// The first day.
    pub from: NaiveDate,
    /// The last day (inclusive).
    pub until: NaiveDate,
    /// The hours of each weekday, Monday first; `None` for a weekday the period does not
    /// contain.
    pub week: [Option<DayRanges>; 7],
}

/// A day whose hours differ from the regular ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Exception {
    /// The day, in the zone the view is from.
    pub date: NaiveDate,
    /// The hours that day; empty when it is closed (not worked) all day.
    pub ranges: DayRanges,
    /// The public holiday of the channel's or its team's calendar that explains it.
    pub holiday: Option<HolidayName>,
}

/// A public holiday; a document names it with [`Holiday::name_in`] in its own language.
pub type HolidayName = crate::time::holidays::Holiday;

/// One channel's hours over the horizon as seen from a zone.
#[derive(Debug, Clone, Default)]
pub struct View {
    /// The periods of its regular hours, in order, covering the horizon; one when no clock
    /// change moves them, none when its hours are not known.
    pub periods: Vec<Period>,
    /// The days that differ from the regular hours, in date order.
    pub exceptions: Vec<Exception>,
}

/// Local ranges of one day of a set, in minutes: pieces are clipped at midnight, and a
/// piece that reaches the end of the day ends at 24:00.
pub fn day_ranges(set: &IntervalSet, tz: Tz, date: NaiveDate) -> DayRanges {
    let day = crate::time::schedule::local_day(tz, date);
    set.clip(day)
        .intervals()
        .iter()
        .map(|i| {
            let minute_of = |t| {
                let dt = local_datetime(tz, t);
                u16::try_from(chrono::Timelike::hour(&dt) * 60 + chrono::Timelike::minute(&dt)).unwrap_or(0)
            };
            let end = if i.end >= day.end { 24 * 60 } else { minute_of(i.end) };
            (minute_of(i.start), end)
        })
        .collect()
}

/// Channel `ci`'s hours over `days`, seen from zone `tz`.
pub fn view(src: &Source<'_>, ci: usize, tz: Tz, days: DateWindow) -> View {
    let hours = &src.channel_hours[ci];
    if !hours.known || days.is_empty() {
        return View::default();
    }
    let times = &src.timeline.channels[ci];
    let mut zones = vec![tz, times.owner.tz];
    if let Some(t) = times.team {
        zones.push(src.timeline.teams[t].owner.tz);
    }
    zones.sort_by_key(|z| z.name());
    zones.dedup();
    View {
        periods: periods(&hours.regular, tz, &zones, days),
        exceptions: exceptions(src, ci, tz, days),
    }
}

/// The days of `days` on which a clock change in one of `zones` moves the offset between
/// them: the first day whose local noon in `tz` has another offset than the day before's.
/// A single zone never moves against itself, so it has none.
fn change_dates(tz: Tz, zones: &[Tz], days: DateWindow) -> Vec<NaiveDate> {
    if zones.len() < 2 {
        return Vec::new();
    }
    let offsets = |d: NaiveDate| -> Vec<i32> {
        let noon = local_start(tz, d, 12 * 60);
        zones
            .iter()
            .map(|z| local_datetime(*z, noon).offset().fix().local_minus_utc())
            .collect()
    };
    let mut found = Vec::new();
    let Some(last_day) = days.to.pred_opt() else {
        return found;
    };
    // Clocks change a few times a year: compare days a week apart, and look at each day
    // only where the offsets differ across a week.
    let mut day = days.from;
    let mut before = offsets(day);
    while day < last_day {
        let next = day.checked_add_days(Days::new(7)).unwrap_or(last_day).min(last_day);
        let after = offsets(next);
        if after != before {
            let mut previous = before.clone();
            let mut d = day;
            while d < next {
                let Some(following) = d.succ_opt() else { break };
                let current = offsets(following);
                if current != previous {
                    found.push(following);
                }
                previous = current;
                d = following;
            }
        }
        before = after;
        day = next;
    }
    found
}

/// The regular hours of a set over `days` seen from `tz`, in periods split where a clock
/// change in one of `zones` moves them; neighbouring periods with the same hours are one.
fn periods(regular: &IntervalSet, tz: Tz, zones: &[Tz], days: DateWindow) -> Vec<Period> {
    let Some(last_day) = days.to.pred_opt() else {
        return Vec::new();
    };
    let mut bounds = vec![days.from];
    bounds.extend(change_dates(tz, zones, days).into_iter().filter(|d| *d > days.from));
    let mut out: Vec<Period> = Vec::new();
    for (i, &from) in bounds.iter().enumerate() {
        let until = bounds.get(i + 1).and_then(|d| d.pred_opt()).unwrap_or(last_day);
        let period = Period {
            from,
            until,
            week: week_of(regular, tz, from, until),
        };
        match out.last_mut() {
            Some(previous) if same_hours(&previous.week, &period.week) => {
                previous.until = period.until;
                for (mine, theirs) in previous.week.iter_mut().zip(period.week) {
                    if mine.is_none() {
                        *mine = theirs;
                    }
                }
            }
            _ => out.push(period),
        }
    }
    out
}

/// The hours of each weekday between two days (inclusive), each taken from the occurrence
/// of that weekday in the middle of the stretch, away from the clock changes at its ends.
fn week_of(regular: &IntervalSet, tz: Tz, from: NaiveDate, until: NaiveDate) -> [Option<DayRanges>; 7] {
    let mut week: [Option<DayRanges>; 7] = Default::default();
    let span = (until - from).num_days() + 1;
    for (weekday, slot) in week.iter_mut().enumerate() {
        let first_offset = (weekday as i64 - i64::from(from.weekday().num_days_from_monday())).rem_euclid(7);
        if first_offset >= span {
            continue;
        }
        let count = (span - first_offset - 1) / 7 + 1;
        let middle = first_offset + (count / 2) * 7;
        let Some(date) = from.checked_add_days(Days::new(middle.unsigned_abs())) else {
            continue;
        };
        *slot = Some(day_ranges(regular, tz, date));
    }
    week
}

/// Whether two weeks show the same hours on every weekday both contain.
fn same_hours(a: &[Option<DayRanges>; 7], b: &[Option<DayRanges>; 7]) -> bool {
    a.iter().zip(b).all(|(x, y)| match (x, y) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    })
}

/// The days of `days` (in `tz`) on which channel `ci` keeps other hours than its regular
/// ones, with its hours that day.
fn exceptions(src: &Source<'_>, ci: usize, tz: Tz, days: DateWindow) -> Vec<Exception> {
    let hours = &src.channel_hours[ci];
    let window = days.in_zone(tz);
    let mut dates: Vec<NaiveDate> = Vec::new();
    for interval in hours.changed.clip(window).intervals() {
        let mut d = local_date(tz, interval.start);
        let last = local_date(tz, interval.end - 1);
        while d <= last {
            if days.from <= d && d < days.to && dates.last() != Some(&d) {
                dates.push(d);
            }
            let Some(next) = d.succ_opt() else { break };
            d = next;
        }
    }
    dates.dedup();
    dates
        .into_iter()
        .filter_map(|date| {
            let ranges = day_ranges(&hours.actual, tz, date);
            (ranges != day_ranges(&hours.regular, tz, date)).then(|| Exception {
                date,
                ranges,
                holiday: holiday(src, ci, tz, date),
            })
        })
        .collect()
}

/// The public holiday of channel `ci`'s calendar, else its team's, on the channel's dates
/// that overlap `date` in `tz`.
fn holiday(src: &Source<'_>, ci: usize, tz: Tz, date: NaiveDate) -> Option<HolidayName> {
    let times = &src.timeline.channels[ci];
    let day = crate::time::schedule::local_day(tz, date);
    let owner_dates = [
        local_date(times.owner.tz, local_start(tz, date, 12 * 60)),
        local_date(times.owner.tz, day.start),
        local_date(times.owner.tz, day.end - 1),
    ];
    let team = times.team.map(|t| &src.timeline.teams[t].owner.holidays);
    owner_dates.iter().find_map(|d| {
        times
            .owner
            .holidays
            .get(*d)
            .or_else(|| team.and_then(|h| h.get(*d)))
            .cloned()
    })
}
