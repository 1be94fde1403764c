//! When escalation steps fire: a step with `after: 4h` takes over a contact once four hours
//! of the channel's worked time have passed since it arrived (or four hours of wall-clock
//! time with `4h calendar`). Given when the step's target is unavailable, find the arrivals
//! whose step fires then, exactly, without stepping through time.
//!
//! Worked time is measured on a clock `W` that runs only while the channel is worked: `W(t)`
//! is the worked seconds before `t`. A step fires at the first instant `f ≥ t` with
//! `W(f) = W(t) + after`. Because `W` is monotone, the arrivals that fire inside an interval
//! of worked time are an interval too, found by inverting `W`.

use crate::time::interval::{Instant, Interval, IntervalSet};

/// How long after arrival a step fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delay {
    /// Seconds of the channel's worked time.
    Worked(i64),
    /// Seconds of wall-clock time.
    Calendar(i64),
}

/// Arrivals whose step fires while its target is unavailable, and when those steps fire.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Missed {
    pub arrivals: IntervalSet,
    pub firing: IntervalSet,
}

/// Far enough to stand for "before everything" and "after everything" without overflow.
const FAR: Instant = i64::MAX / 4;

/// The worked-time clock of a set.
struct WorkedClock<'a> {
    intervals: &'a [Interval],
    /// Worked seconds before each interval starts.
    before: Vec<i64>,
}

impl<'a> WorkedClock<'a> {
    fn new(worked: &'a IntervalSet) -> Self {
        let intervals = worked.intervals();
        let mut before = Vec::with_capacity(intervals.len());
        let mut total = 0;
        for i in intervals {
            before.push(total);
            total += i.seconds();
        }
        WorkedClock { intervals, before }
    }

    /// `W(t)`: worked seconds before `t`.
    fn at(&self, t: Instant) -> i64 {
        let j = self.intervals.partition_point(|i| i.start <= t);
        if j == 0 {
            return 0;
        }
        let i = self.intervals[j - 1];
        self.before[j - 1] + (t.min(i.end) - i.start)
    }

    /// The first instant `t` with `W(t) ≥ w`: `-FAR` for `w ≤ 0`, `FAR` beyond the last
    /// worked second.
    fn first_reaching(&self, w: i64) -> Instant {
        if w <= 0 {
            return -FAR;
        }
        let j = self.before.partition_point(|&b| b < w);
        // Interval j-1 holds the w-th second (its `before` is < w).
        match j.checked_sub(1).map(|k| (self.intervals[k], self.before[k])) {
            Some((i, b)) if w - b <= i.seconds() => i.start + (w - b),
            _ => FAR,
        }
    }
}

/// Arrivals in `arrivals` whose step, delayed by `delay` on a channel worked during
/// `worked`, fires inside `unavailable`.
pub fn missed_handovers(
    worked: &IntervalSet,
    arrivals: &IntervalSet,
    delay: Delay,
    unavailable: &IntervalSet,
) -> Missed {
    match delay {
        Delay::Calendar(d) => {
            let shifted = |set: &IntervalSet, by: i64| {
                IntervalSet::from_intervals(set.intervals().iter().map(|i| Interval {
                    start: i.start + by,
                    end: i.end + by,
                }))
            };
            let late = shifted(unavailable, -d).intersection(arrivals);
            let firing = shifted(&late, d);
            Missed { arrivals: late, firing }
        }
        Delay::Worked(d) if d <= 0 => {
            // The step takes over as soon as the channel is worked.
            let firing_at = worked.intersection(unavailable);
            let mut late = Vec::new();
            for f in firing_at.intervals() {
                late.push(*f);
                if worked.intervals().iter().any(|w| w.start == f.start) {
                    // Arrivals while the channel was not worked are taken up at f.start too.
                    let before = worked
                        .intervals()
                        .iter()
                        .rev()
                        .find(|w| w.end < f.start)
                        .map_or(-FAR, |w| w.end);
                    late.push(Interval {
                        start: before,
                        end: f.start,
                    });
                }
            }
            let late = IntervalSet::from_intervals(late).intersection(arrivals);
            let firing = IntervalSet::from_intervals(late.intervals().iter().filter_map(|a| {
                let (start, end) = (worked.next_open(a.start)?, worked.next_open(a.end - 1)? + 1);
                (start < end).then_some(Interval { start, end })
            }))
            .intersection(&firing_at);
            Missed { arrivals: late, firing }
        }
        Delay::Worked(d) => {
            let clock = WorkedClock::new(worked);
            let firing_at = worked.intersection(unavailable);
            let late = IntervalSet::from_intervals(firing_at.intervals().iter().filter_map(|f| {
                let start = clock.first_reaching(clock.at(f.start) - d);
                let end = clock.first_reaching(clock.at(f.end) - d);
                (start < end).then_some(Interval { start, end })
            }))
            .intersection(arrivals);
            let firing = IntervalSet::from_intervals(late.intervals().iter().filter_map(|a| {
                let start = worked.advance(a.start, d)?;
                let end = worked.advance(a.end, d).unwrap_or(FAR);
                (start < end).then_some(Interval { start, end })
            }))
            .intersection(&firing_at);
            Missed { arrivals: late, firing }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(i64, i64)]) -> IntervalSet {
        IntervalSet::from_intervals(pairs.iter().map(|&(start, end)| Interval { start, end }))
    }

    /// Second by second: the independent model of when a step fires. Each arrival second is
    /// sampled at its middle (in half-seconds), so that no arrival uses up worked time
    /// exactly at the end of an interval, an instant of no length that the two models may
    /// treat differently.
    fn naive(
        worked: &IntervalSet,
        arrivals: &IntervalSet,
        delay: Delay,
        unavailable: &IntervalSet,
        until: i64,
    ) -> IntervalSet {
        let twice = |set: &IntervalSet| {
            IntervalSet::from_intervals(set.intervals().iter().map(|i| Interval {
                start: 2 * i.start,
                end: 2 * i.end,
            }))
        };
        let (worked, unavailable) = (twice(worked), twice(unavailable));
        let mut late = Vec::new();
        for t in 0..until {
            if !arrivals.contains(t) {
                continue;
            }
            let arrival = 2 * t + 1;
            let fire = match delay {
                Delay::Calendar(d) => Some(arrival + 2 * d),
                Delay::Worked(d) => {
                    let mut left = 2 * d;
                    let mut s = arrival;
                    loop {
                        if s >= until * 8 {
                            break None;
                        }
                        if worked.contains(s) {
                            if left == 0 {
                                break Some(s);
                            }
                            left -= 1;
                        }
                        s += 1;
                    }
                }
            };
            if fire.is_some_and(|f| unavailable.contains(f)) {
                late.push(Interval { start: t, end: t + 1 });
            }
        }
        IntervalSet::from_intervals(late)
    }

    #[test]
    fn a_manager_gone_at_18_misses_calls_from_14_to_16_with_four_hours_delay() {
        // One day in minutes: the phone is worked 08:00-20:00, the manager reachable 08:00-18:00.
        let h = |x: i64| x * 60;
        let worked = set(&[(h(8), h(20))]);
        let manager_away = set(&[(0, h(8)), (h(18), h(24))]);
        let m = missed_handovers(&worked, &worked, Delay::Worked(h(4)), &manager_away);
        assert_eq!(m.arrivals, set(&[(h(14), h(16))]));
        assert_eq!(m.firing, set(&[(h(18), h(20))]));
    }

    #[test]
    fn worked_time_skips_closures() {
        // Worked 0-10 and 20-30; the target is away 22-25. A 5 s delay from arrival 7 fires at 22.
        let worked = set(&[(0, 10), (20, 30)]);
        let away = set(&[(22, 25)]);
        let all = set(&[(0, 40)]);
        let m = missed_handovers(&worked, &all, Delay::Worked(5), &away);
        // Arrivals 7-10 fire at 22-25; those in the closure 10-20 fire at 25, when it is back.
        assert_eq!(m.arrivals, set(&[(7, 10)]));
        assert_eq!(m.firing, set(&[(22, 25)]));
        assert_eq!(m.arrivals, naive(&worked, &all, Delay::Worked(5), &away, 40));
    }

    #[test]
    fn calendar_delays_shift_by_wall_clock_time() {
        let worked = set(&[(0, 100)]);
        let away = set(&[(50, 60)]);
        let m = missed_handovers(&worked, &worked, Delay::Calendar(30), &away);
        assert_eq!(m.arrivals, set(&[(20, 30)]));
        assert_eq!(m.firing, set(&[(50, 60)]));
    }

    #[test]
    fn immediate_steps_take_over_when_work_starts() {
        let worked = set(&[(10, 20), (30, 40)]);
        let away = set(&[(30, 35)]);
        let all = set(&[(0, 50)]);
        let m = missed_handovers(&worked, &all, Delay::Worked(0), &away);
        assert_eq!(m.arrivals, set(&[(20, 35)]));
        assert_eq!(m.firing, set(&[(30, 35)]));
    }

    #[test]
    fn agrees_with_the_minute_model_on_many_small_cases() {
        // Deterministic pseudo-random small cases.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: i64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as i64
        };
        for _ in 0..300 {
            let mut random_set = |count: usize| {
                let mut v = Vec::new();
                for _ in 0..count {
                    let a = next(60);
                    v.push(Interval {
                        start: a,
                        end: a + 1 + next(12),
                    });
                }
                IntervalSet::from_intervals(v)
            };
            let worked = random_set(4);
            let away = random_set(3);
            let arrivals = random_set(3);
            let delay = if next(3) == 0 {
                Delay::Calendar(next(15))
            } else {
                Delay::Worked(next(15))
            };
            let m = missed_handovers(&worked, &arrivals, delay, &away);
            assert_eq!(
                m.arrivals,
                naive(&worked, &arrivals, delay, &away, 80),
                "worked {worked:?} away {away:?} arrivals {arrivals:?} delay {delay:?}"
            );
        }
    }
}
