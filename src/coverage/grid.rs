//! A profile's coverage hour by hour, for grids people read (the terminal heatmap of
//! `plan coverage`, the handbook's weekly table).

use super::ProfileTimes;
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::local_start;
use chrono::NaiveDate;

/// What one hour of a profile's day shows, in increasing order of urgency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cell {
    /// No channel can be reached.
    Unreachable,
    /// Only written channels.
    Written,
    /// Live help in the profile's language.
    Live,
    /// Inside an intended gap.
    Intended,
    /// A gap in expected hours.
    Gap,
}

impl Cell {
    /// The name templates and JSON use.
    pub fn as_str(self) -> &'static str {
        match self {
            Cell::Unreachable => "none",
            Cell::Written => "written",
            Cell::Live => "live",
            Cell::Intended => "intended",
            Cell::Gap => "gap",
        }
    }
}

/// The most urgent state within an hour.
pub fn cell(p: &ProfileTimes, hour: Interval) -> Cell {
    let h = IntervalSet::from_intervals([hour]);
    let touches = |set: &IntervalSet| !set.intersection(&h).is_empty();
    let gap = |intended: bool| {
        p.gaps
            .iter()
            .any(|g| g.intended == intended && g.interval.start < hour.end && hour.start < g.interval.end)
    };
    if gap(false) {
        Cell::Gap
    } else if gap(true) {
        Cell::Intended
    } else if touches(&p.live_in_language) {
        Cell::Live
    } else if touches(&p.reachable) {
        Cell::Written
    } else {
        Cell::Unreachable
    }
}

/// The 24 hours of a local day in the profile's zone; `None` for an hour the clocks skip.
pub fn day_cells(p: &ProfileTimes, date: NaiveDate) -> Vec<Option<Cell>> {
    let tz = p.owner.tz;
    (0..24)
        .map(|hour| {
            let span = Interval {
                start: local_start(tz, date, hour * 60),
                end: local_start(tz, date, (hour + 1) * 60),
            };
            (span.start < span.end).then(|| cell(p, span))
        })
        .collect()
}
