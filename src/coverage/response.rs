//! Waits on written channels: a message can arrive at any instant, and is answered when the
//! channel is next worked. The worst case is an arrival just as work stops before the
//! longest closure.

use crate::time::interval::{Instant, Interval, IntervalSet};

/// The longest wait for arrivals in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    /// The arrival instant that waits longest (the earliest one on ties).
    pub arrival: Instant,
    /// When work on it starts; `None` when the channel is not worked again in the evaluated
    /// time at all.
    pub answered: Option<Instant>,
    /// The wait in seconds (up to the end of the evaluated time when never answered).
    pub seconds: i64,
}

/// The worst wait for a message arriving in `arrivals` on a channel worked during `worked`
/// (evaluated until `horizon_end`). `None` when the channel is worked throughout.
pub fn worst_wait(worked: &IntervalSet, arrivals: Interval, horizon_end: Instant) -> Option<Wait> {
    // Candidates: the start of the window, and every moment work stops inside it.
    let candidates = std::iter::once(arrivals.start).chain(
        worked
            .intervals()
            .iter()
            .map(|i| i.end)
            .filter(|&e| e >= arrivals.start && e < arrivals.end),
    );
    let mut worst: Option<Wait> = None;
    for arrival in candidates {
        let answered = worked.next_open(arrival).filter(|&t| t < horizon_end);
        let seconds = answered.unwrap_or(horizon_end) - arrival;
        if seconds > 0 && worst.is_none_or(|w| seconds > w.seconds) {
            worst = Some(Wait {
                arrival,
                answered,
                seconds,
            });
        }
    }
    worst
}

/// Arrival instants in `arrivals` whose wait exceeds `limit` seconds.
pub fn late_arrivals(worked: &IntervalSet, arrivals: Interval, horizon_end: Instant, limit: i64) -> IntervalSet {
    let closed = worked.complement_within(Interval {
        start: arrivals.start,
        end: horizon_end,
    });
    let late = closed.intervals().iter().filter_map(|gap| {
        // A closure that runs to the end of the evaluated time is never answered.
        let last_ok = if gap.end >= horizon_end {
            gap.end
        } else {
            gap.end - limit
        };
        (last_ok > gap.start).then_some(Interval {
            start: gap.start,
            end: last_ok,
        })
    });
    IntervalSet::from_intervals(late).clip(arrivals)
}

/// [`late_arrivals`] as `data.windows` in a zone.
pub fn late_arrivals_json(
    worked: &IntervalSet,
    arrivals: Interval,
    horizon_end: Instant,
    limit: i64,
    tz: chrono_tz::Tz,
) -> serde_json::Value {
    super::windows_json(tz, late_arrivals(worked, arrivals, horizon_end, limit).intervals())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(i64, i64)]) -> IntervalSet {
        IntervalSet::from_intervals(pairs.iter().map(|&(start, end)| Interval { start, end }))
    }

    #[test]
    fn the_worst_arrival_is_when_the_longest_closure_begins() {
        let worked = set(&[(10, 20), (30, 40), (100, 110)]);
        let w = worst_wait(&worked, Interval { start: 0, end: 105 }, 1000).unwrap();
        assert_eq!(
            w,
            Wait {
                arrival: 40,
                answered: Some(100),
                seconds: 60
            }
        );
        // A window that starts while closed counts its start.
        let w = worst_wait(&worked, Interval { start: 0, end: 15 }, 1000).unwrap();
        assert_eq!(
            w,
            Wait {
                arrival: 0,
                answered: Some(10),
                seconds: 10
            }
        );
        // Always worked: no wait.
        assert_eq!(
            worst_wait(&set(&[(0, 1000)]), Interval { start: 0, end: 500 }, 1000),
            None
        );
        // Never worked again.
        let w = worst_wait(&set(&[(0, 10)]), Interval { start: 0, end: 50 }, 1000).unwrap();
        assert_eq!(
            w,
            Wait {
                arrival: 10,
                answered: None,
                seconds: 990
            }
        );
    }

    #[test]
    fn late_arrivals_are_those_too_close_before_a_long_closure() {
        let worked = set(&[(10, 20), (30, 40), (100, 110)]);
        assert_eq!(
            late_arrivals(&worked, Interval { start: 0, end: 105 }, 1000, 15),
            set(&[(40, 85)])
        );
        assert_eq!(
            late_arrivals(&worked, Interval { start: 0, end: 105 }, 1000, 5),
            set(&[(0, 5), (20, 25), (40, 95)])
        );
    }
}
