//! Waits on written channels: a message can arrive at any instant, and is answered when the
//! channel is next worked. The worst case is an arrival just as work stops before the
//! longest closure.

use crate::time::interval::{Instant, Interval, IntervalSet};

/// The longest wait for arrivals in a window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    /// The arrival instant that waits longest (the earliest one on ties).
    pub arrival: Instant,
    /// When work on it starts; `None` when the channel is never worked after it.
    pub answered: Option<Instant>,
    /// The wait in seconds. When it is never answered this is no wait but a lower bound:
    /// the time to `horizon_end` plus [`NEXT_WORK_SEARCH_DAYS`](super::NEXT_WORK_SEARCH_DAYS),
    /// which is longer than any promise a plan can make, so every promise counts as broken.
    pub seconds: i64,
}

impl Wait {
    /// Whether the arrival is never answered.
    pub fn is_never_answered(&self) -> bool {
        self.answered.is_none()
    }

    /// The wait in minutes; `None` when the arrival is never answered.
    pub fn minutes(&self) -> Option<i64> {
        self.answered.map(|_| self.seconds / 60)
    }
}

/// The worst wait for a message arriving in `arrivals` on a channel worked during `worked`.
/// `worked` is followed as far as it goes (a timeline's written channels hold the next time
/// they are worked, however far ahead); `horizon_end` is the end of the evaluated time,
/// from which the lower bound of a wait that never ends is counted. An arrival that is
/// never answered is worse than any that is. `None` when the channel is worked throughout.
pub fn worst_wait(worked: &IntervalSet, arrivals: Interval, horizon_end: Instant) -> Option<Wait> {
    // Candidates: the start of the window, and every moment work stops inside it.
    let candidates = std::iter::once(arrivals.start).chain(
        worked
            .intervals()
            .iter()
            .map(|i| i.end)
            .filter(|&e| e >= arrivals.start && e < arrivals.end),
    );
    let never = horizon_end.max(arrivals.end) + super::NEXT_WORK_SEARCH_DAYS * 86_400;
    let mut worst: Option<Wait> = None;
    for arrival in candidates {
        let answered = worked.next_open(arrival);
        let seconds = answered.unwrap_or(never) - arrival;
        let key = |w: &Wait| (w.is_never_answered(), w.seconds);
        let wait = Wait {
            arrival,
            answered,
            seconds,
        };
        if seconds > 0 && worst.as_ref().is_none_or(|w| key(&wait) > key(w)) {
            worst = Some(wait);
        }
    }
    worst
}

/// Arrival instants in `arrivals` whose wait exceeds `limit` seconds; arrivals after the
/// last time `worked` holds are never answered, so all of them.
pub fn late_arrivals(worked: &IntervalSet, arrivals: Interval, horizon_end: Instant, limit: i64) -> IntervalSet {
    let end = worked
        .intervals()
        .last()
        .map_or(horizon_end, |last| last.end.max(horizon_end))
        .max(arrivals.end);
    let closed = worked.complement_within(Interval {
        start: arrivals.start,
        end,
    });
    let late = closed.intervals().iter().filter_map(|gap| {
        // A closure that runs to the end of everything worked is never answered.
        let last_ok = if gap.end >= end { gap.end } else { gap.end - limit };
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
        // Never worked again: worse than any wait that ends, and no minutes.
        let never = 1000 + crate::coverage::NEXT_WORK_SEARCH_DAYS * 86_400;
        let w = worst_wait(&set(&[(0, 10)]), Interval { start: 0, end: 50 }, 1000).unwrap();
        assert_eq!(
            w,
            Wait {
                arrival: 10,
                answered: None,
                seconds: never - 10
            }
        );
        assert_eq!(w.minutes(), None);
        let w = worst_wait(&set(&[(0, 10), (40, 45)]), Interval { start: 0, end: 50 }, 100).unwrap();
        assert_eq!((w.arrival, w.answered), (45, None));
        // Work far past the evaluated time still answers: the wait is exact.
        let far = 10_000_000;
        let w = worst_wait(&set(&[(0, 10), (far, far + 10)]), Interval { start: 0, end: 50 }, 1000).unwrap();
        assert_eq!(
            (w.arrival, w.answered, w.minutes()),
            (10, Some(far), Some((far - 10) / 60))
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
        // After the last worked time nothing is answered; work past the horizon still is.
        assert_eq!(
            late_arrivals(&set(&[(10, 20)]), Interval { start: 0, end: 50 }, 100, 5),
            set(&[(0, 5), (20, 50)])
        );
        assert_eq!(
            late_arrivals(&set(&[(10, 20), (500, 510)]), Interval { start: 0, end: 50 }, 100, 5),
            set(&[(0, 5), (20, 50)])
        );
        assert_eq!(
            late_arrivals(&set(&[(10, 20), (500, 510)]), Interval { start: 0, end: 50 }, 100, 470),
            set(&[(20, 30)])
        );
    }
}
