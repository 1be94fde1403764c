//! Sets of absolute instants: half-open intervals of seconds since the Unix epoch, kept
//! sorted and merged, with the set algebra the checks need (union, intersection, difference,
//! complement) and the questions they ask of a set of worked or open time (is it open at
//! `t`, when does it next open, when have `n` seconds of it passed).
//!
//! Every operation is linear in the sizes of the sets involved or logarithmic for a lookup;
//! nothing walks time minute by minute.

use std::cmp::{max, min};

/// Seconds since the Unix epoch, UTC.
pub type Instant = i64;

/// A half-open interval of instants, `[start, end)`.
///
/// An interval with `start == end` is empty; such values may exist while building a set but
/// are never stored in an [`IntervalSet`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    pub start: Instant,
    pub end: Instant,
}

impl Interval {
    /// The interval `[start, end)`. `start` must not be after `end` (checked in debug
    /// builds); `start == end` gives an empty interval.
    pub fn new(start: Instant, end: Instant) -> Self {
        debug_assert!(start <= end, "interval starts at {start}, after its end {end}");
        Self { start, end }
    }

    /// The length in seconds; 0 for an empty interval.
    pub fn seconds(&self) -> i64 {
        max(self.end - self.start, 0)
    }

    /// Whether the interval holds no instant.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Whether `t` lies in `[start, end)`.
    pub fn contains(&self, t: Instant) -> bool {
        self.start <= t && t < self.end
    }

    /// Whether the two intervals share an instant.
    pub fn overlaps(&self, other: &Interval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The instants in both intervals, or `None` when they share none.
    pub fn intersection(&self, other: &Interval) -> Option<Interval> {
        let (start, end) = (max(self.start, other.start), min(self.end, other.end));
        (start < end).then_some(Interval { start, end })
    }
}

/// A set of instants as sorted, disjoint, non-touching, non-empty intervals.
///
/// "Non-touching" means that no interval ends where the next one starts: `[1, 2)` and
/// `[2, 3)` are stored as `[1, 3)`, so two sets holding the same instants compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IntervalSet {
    intervals: Vec<Interval>,
}

impl IntervalSet {
    /// The empty set.
    pub fn new() -> Self {
        Self::default()
    }

    /// The set of the instants of one interval (empty when the interval is).
    pub fn from_interval(interval: Interval) -> Self {
        Self::from_sorted(if interval.is_empty() {
            Vec::new()
        } else {
            vec![interval]
        })
    }

    /// The set of the instants in any of the intervals, in any order, overlapping or not:
    /// sorts, merges overlapping and touching intervals and drops empty ones. O(n log n).
    pub fn from_intervals(intervals: impl IntoIterator<Item = Interval>) -> Self {
        let mut intervals: Vec<Interval> = intervals.into_iter().filter(|i| !i.is_empty()).collect();
        intervals.sort_unstable();
        Self::from_sorted(intervals)
    }

    /// The union of many sets. O(n log n) in the total number of intervals.
    pub fn union_all<'a>(sets: impl IntoIterator<Item = &'a IntervalSet>) -> IntervalSet {
        Self::from_intervals(sets.into_iter().flat_map(|s| s.intervals.iter().copied()))
    }

    /// Build from non-empty intervals sorted by start, merging overlapping and touching ones.
    fn from_sorted(sorted: Vec<Interval>) -> Self {
        let mut intervals: Vec<Interval> = Vec::with_capacity(sorted.len());
        for next in sorted {
            debug_assert!(!next.is_empty());
            match intervals.last_mut() {
                Some(last) if next.start <= last.end => last.end = max(last.end, next.end),
                _ => intervals.push(next),
            }
        }
        Self { intervals }
    }

    /// The intervals, sorted, disjoint and non-touching.
    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    /// The intervals, in order.
    pub fn iter(&self) -> impl Iterator<Item = Interval> + '_ {
        self.intervals.iter().copied()
    }

    /// How many intervals the set holds.
    pub fn len(&self) -> usize {
        self.intervals.len()
    }

    /// Whether the set holds no instant.
    pub fn is_empty(&self) -> bool {
        self.intervals.is_empty()
    }

    /// The instants in either set. Linear.
    pub fn union(&self, other: &IntervalSet) -> IntervalSet {
        let (a, b) = (&self.intervals, &other.intervals);
        let mut merged = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if a[i].start <= b[j].start {
                merged.push(a[i]);
                i += 1;
            } else {
                merged.push(b[j]);
                j += 1;
            }
        }
        merged.extend_from_slice(&a[i..]);
        merged.extend_from_slice(&b[j..]);
        Self::from_sorted(merged)
    }

    /// The instants in both sets. Linear.
    pub fn intersection(&self, other: &IntervalSet) -> IntervalSet {
        let (a, b) = (&self.intervals, &other.intervals);
        let mut out = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            if let Some(common) = a[i].intersection(&b[j]) {
                out.push(common);
            }
            // The interval that ends first cannot meet anything further in the other set.
            if a[i].end <= b[j].end {
                i += 1;
            } else {
                j += 1;
            }
        }
        // Pieces of disjoint, non-touching intervals are themselves disjoint and
        // non-touching.
        Self { intervals: out }
    }

    /// The instants in `self` but not in `other`. Linear.
    pub fn difference(&self, other: &IntervalSet) -> IntervalSet {
        let b = &other.intervals;
        let mut out = Vec::new();
        let mut j = 0;
        for &interval in &self.intervals {
            let mut start = interval.start;
            // Skip what ends before this interval; it cannot cut any later one either.
            while j < b.len() && b[j].end <= start {
                j += 1;
            }
            let mut k = j;
            while k < b.len() && b[k].start < interval.end {
                if b[k].start > start {
                    out.push(Interval::new(start, b[k].start));
                }
                start = max(start, b[k].end);
                k += 1;
            }
            if start < interval.end {
                out.push(Interval::new(start, interval.end));
            }
            // b[k - 1] may reach into the next interval of `self`: keep it in view.
            j = k.saturating_sub(1).max(j);
        }
        Self { intervals: out }
    }

    /// The instants of `window` that are not in the set.
    pub fn complement_within(&self, window: Interval) -> IntervalSet {
        IntervalSet::from_interval(window).difference(&self.clip(window))
    }

    /// The instants of the set that lie in `window`. O(log n + k) for k intervals kept.
    pub fn clip(&self, window: Interval) -> IntervalSet {
        if window.is_empty() {
            return IntervalSet::new();
        }
        let first = self.intervals.partition_point(|i| i.end <= window.start);
        let intervals = self.intervals[first..]
            .iter()
            .take_while(|i| i.start < window.end)
            .filter_map(|i| i.intersection(&window))
            .collect();
        Self { intervals }
    }

    /// The index of the first interval that ends after `t`: the one holding `t`, or else the
    /// next one.
    fn first_ending_after(&self, t: Instant) -> usize {
        self.intervals.partition_point(|i| i.end <= t)
    }

    /// Whether `t` is in the set. O(log n).
    pub fn contains(&self, t: Instant) -> bool {
        self.intervals
            .get(self.first_ending_after(t))
            .is_some_and(|i| i.start <= t)
    }

    /// The interval of the set that holds `t`, if any. O(log n).
    pub fn interval_at(&self, t: Instant) -> Option<Interval> {
        self.intervals
            .get(self.first_ending_after(t))
            .filter(|i| i.start <= t)
            .copied()
    }

    /// `t` itself when `t` is in the set, else the start of the next interval; `None` when
    /// no interval ends after `t`. O(log n).
    pub fn next_open(&self, t: Instant) -> Option<Instant> {
        self.intervals.get(self.first_ending_after(t)).map(|i| max(i.start, t))
    }

    /// The number of seconds in the set.
    pub fn total_seconds(&self) -> i64 {
        self.intervals.iter().map(Interval::seconds).sum()
    }

    /// The longest interval, the earliest of those of equal length.
    pub fn longest(&self) -> Option<Interval> {
        self.intervals
            .iter()
            .copied()
            .reduce(|best, i| if i.seconds() > best.seconds() { i } else { best })
    }

    /// Counting only the seconds that lie in the set, from `t` on: the instant at which
    /// `amount` seconds of the set have passed. An amount that uses up an interval exactly
    /// ends at that interval's end, not at the start of the next one. `amount == 0` gives
    /// [`next_open(t)`](IntervalSet::next_open), the instant the count would start; a
    /// negative amount counts as 0. `None` when the set ends before `amount` seconds have
    /// passed. O(log n + k) for the k intervals crossed.
    pub fn advance(&self, t: Instant, amount: i64) -> Option<Instant> {
        let mut remaining = max(amount, 0);
        if remaining == 0 {
            return self.next_open(t);
        }
        for interval in &self.intervals[self.first_ending_after(t)..] {
            let start = max(interval.start, t);
            let available = interval.end - start;
            if remaining <= available {
                return Some(start + remaining);
            }
            remaining -= available;
        }
        None
    }
}

impl From<Interval> for IntervalSet {
    fn from(interval: Interval) -> Self {
        Self::from_interval(interval)
    }
}

impl FromIterator<Interval> for IntervalSet {
    fn from_iter<I: IntoIterator<Item = Interval>>(iter: I) -> Self {
        Self::from_intervals(iter)
    }
}

impl<'a> IntoIterator for &'a IntervalSet {
    type Item = &'a Interval;
    type IntoIter = std::slice::Iter<'a, Interval>;

    fn into_iter(self) -> Self::IntoIter {
        self.intervals.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(pairs: &[(Instant, Instant)]) -> IntervalSet {
        IntervalSet::from_intervals(pairs.iter().map(|&(s, e)| Interval::new(s, e)))
    }

    fn pairs(set: &IntervalSet) -> Vec<(Instant, Instant)> {
        set.iter().map(|i| (i.start, i.end)).collect()
    }

    #[test]
    fn interval_basics() {
        let i = Interval::new(10, 20);
        assert_eq!(i.seconds(), 10);
        assert!(i.contains(10) && i.contains(19));
        assert!(!i.contains(20) && !i.contains(9));
        assert!(Interval::new(5, 5).is_empty());
        assert_eq!(Interval::new(5, 5).seconds(), 0);
        assert!(i.overlaps(&Interval::new(19, 30)));
        assert!(!i.overlaps(&Interval::new(20, 30)), "touching is not overlapping");
        assert_eq!(i.intersection(&Interval::new(15, 30)), Some(Interval::new(15, 20)));
        assert_eq!(i.intersection(&Interval::new(20, 30)), None);
    }

    #[test]
    fn normalises_unsorted_overlapping_touching_nested_and_empty() {
        let s = set(&[
            (30, 40),
            (0, 10),
            (10, 15),
            (5, 8),
            (50, 50),
            (38, 45),
            (60, 70),
            (61, 62),
        ]);
        assert_eq!(pairs(&s), vec![(0, 15), (30, 45), (60, 70)]);
        assert!(set(&[(3, 3), (7, 7)]).is_empty());
        assert_eq!(IntervalSet::from_interval(Interval::new(4, 4)), IntervalSet::new());
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn union_merges_touching_sets() {
        let a = set(&[(0, 10), (20, 30)]);
        let b = set(&[(10, 20), (40, 50)]);
        assert_eq!(pairs(&a.union(&b)), vec![(0, 30), (40, 50)]);
        assert_eq!(a.union(&IntervalSet::new()), a);
        assert_eq!(
            pairs(&IntervalSet::union_all(&[a.clone(), b, set(&[(45, 60)])])),
            vec![(0, 30), (40, 60)]
        );
        assert_eq!(IntervalSet::union_all(&[]), IntervalSet::new());
    }

    #[test]
    fn intersection_of_touching_is_empty_and_of_nested_is_inner() {
        let a = set(&[(0, 10), (20, 30)]);
        assert!(a.intersection(&set(&[(10, 20)])).is_empty());
        assert_eq!(
            pairs(&a.intersection(&set(&[(2, 4), (6, 25)]))),
            vec![(2, 4), (6, 10), (20, 25)]
        );
        assert_eq!(pairs(&a.intersection(&set(&[(-5, 100)]))), pairs(&a));
        assert!(a.intersection(&IntervalSet::new()).is_empty());
    }

    #[test]
    fn difference_cuts_holes_and_spans() {
        let a = set(&[(0, 10), (20, 30)]);
        assert_eq!(
            pairs(&a.difference(&set(&[(2, 4), (6, 8)]))),
            vec![(0, 2), (4, 6), (8, 10), (20, 30)]
        );
        // One interval of `other` reaching across a gap of `self`.
        assert_eq!(pairs(&a.difference(&set(&[(5, 25)]))), vec![(0, 5), (25, 30)]);
        assert_eq!(
            pairs(&a.difference(&set(&[(10, 20)]))),
            pairs(&a),
            "touching removes nothing"
        );
        assert!(a.difference(&a).is_empty());
        assert!(a.difference(&set(&[(-1, 31)])).is_empty());
        assert_eq!(a.difference(&IntervalSet::new()), a);
    }

    #[test]
    fn complement_and_clip() {
        let a = set(&[(0, 10), (20, 30)]);
        assert_eq!(
            pairs(&a.complement_within(Interval::new(-5, 25))),
            vec![(-5, 0), (10, 20)]
        );
        assert_eq!(pairs(&a.complement_within(Interval::new(0, 30))), vec![(10, 20)]);
        assert!(a.complement_within(Interval::new(3, 3)).is_empty());
        assert_eq!(
            pairs(&IntervalSet::new().complement_within(Interval::new(1, 2))),
            vec![(1, 2)]
        );
        assert_eq!(pairs(&a.clip(Interval::new(5, 25))), vec![(5, 10), (20, 25)]);
        assert!(a.clip(Interval::new(10, 20)).is_empty());
        assert!(a.clip(Interval::new(7, 7)).is_empty());
    }

    #[test]
    fn contains_and_next_open_at_boundaries() {
        let a = set(&[(0, 10), (20, 30)]);
        assert!(a.contains(0) && a.contains(9) && !a.contains(10) && a.contains(20) && !a.contains(30));
        assert!(!a.contains(-1) && !a.contains(15));
        assert_eq!(a.next_open(-100), Some(0));
        assert_eq!(a.next_open(0), Some(0));
        assert_eq!(a.next_open(5), Some(5));
        assert_eq!(a.next_open(10), Some(20), "an interval's end is outside it");
        assert_eq!(a.next_open(29), Some(29));
        assert_eq!(a.next_open(30), None);
        assert_eq!(IntervalSet::new().next_open(0), None);
        assert_eq!(a.interval_at(25), Some(Interval::new(20, 30)));
        assert_eq!(a.interval_at(10), None);
    }

    #[test]
    fn totals_and_longest() {
        let a = set(&[(0, 10), (20, 25), (30, 40)]);
        assert_eq!(a.total_seconds(), 25);
        assert_eq!(a.longest(), Some(Interval::new(0, 10)), "the earliest of equal length");
        assert_eq!(set(&[(0, 1), (5, 9)]).longest(), Some(Interval::new(5, 9)));
        assert_eq!(IntervalSet::new().longest(), None);
        assert_eq!(IntervalSet::new().total_seconds(), 0);
    }

    #[test]
    fn advance_counts_only_time_in_the_set() {
        let a = set(&[(0, 10), (20, 30), (50, 60)]);
        assert_eq!(a.advance(0, 0), Some(0));
        assert_eq!(a.advance(12, 0), Some(20), "zero waits for the next opening");
        assert_eq!(a.advance(60, 0), None);
        assert_eq!(a.advance(0, 5), Some(5));
        assert_eq!(a.advance(0, 10), Some(10), "using up an interval ends at its end");
        assert_eq!(a.advance(0, 11), Some(21));
        assert_eq!(a.advance(5, 10), Some(25));
        assert_eq!(a.advance(12, 15), Some(55));
        assert_eq!(a.advance(-40, 30), Some(60));
        assert_eq!(a.advance(0, 31), None, "the set runs out first");
        assert_eq!(a.advance(3, -7), Some(3), "a negative amount counts as zero");
        assert_eq!(IntervalSet::new().advance(0, 1), None);
    }

    #[test]
    fn collects_from_iterators() {
        let s: IntervalSet = [Interval::new(5, 6), Interval::new(1, 2), Interval::new(2, 3)]
            .into_iter()
            .collect();
        assert_eq!(pairs(&s), vec![(1, 3), (5, 6)]);
        assert_eq!(IntervalSet::from(Interval::new(1, 4)).total_seconds(), 3);
        assert_eq!((&s).into_iter().count(), 2);
    }
}

/// Every operation against a naive model: a set of seconds in `0..RANGE` as a bit mask.
#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    const RANGE: i64 = 120;

    fn bits(set: &IntervalSet) -> u128 {
        set.iter()
            .flat_map(|i| i.start..i.end)
            .fold(0, |acc, t| acc | 1u128 << t)
    }

    fn from_bits(mask: u128) -> IntervalSet {
        IntervalSet::from_intervals(
            (0..RANGE)
                .filter(|&t| mask >> t & 1 == 1)
                .map(|t| Interval::new(t, t + 1)),
        )
    }

    fn has(mask: u128, t: i64) -> bool {
        (0..RANGE).contains(&t) && mask >> t & 1 == 1
    }

    fn intervals() -> impl Strategy<Value = Vec<Interval>> {
        prop::collection::vec((0..RANGE - 10, 0i64..12), 0..8)
            .prop_map(|v| v.into_iter().map(|(s, len)| Interval::new(s, s + len)).collect())
    }

    fn window() -> impl Strategy<Value = Interval> {
        (0..RANGE, 0..RANGE).prop_map(|(a, b)| Interval::new(a.min(b), a.max(b)))
    }

    fn assert_normalised(set: &IntervalSet) {
        for i in set.iter() {
            assert!(i.start < i.end, "{set:?} holds an empty interval");
        }
        for pair in set.intervals().windows(2) {
            assert!(
                pair[0].end < pair[1].start,
                "{set:?} is not sorted, disjoint and non-touching"
            );
        }
    }

    proptest! {
        #[test]
        fn operations_match_the_bit_model(a in intervals(), b in intervals(), w in window()) {
            let model_a = a.iter().flat_map(|i| i.start..i.end).fold(0u128, |acc, t| acc | 1 << t);
            let model_b = b.iter().flat_map(|i| i.start..i.end).fold(0u128, |acc, t| acc | 1 << t);
            let model_w = (w.start..w.end).fold(0u128, |acc, t| acc | 1 << t);
            let (a, b) = (IntervalSet::from_intervals(a), IntervalSet::from_intervals(b));
            prop_assert_eq!(bits(&a), model_a);
            prop_assert_eq!(&a, &from_bits(model_a), "one normal form per set");

            let results = [
                (a.union(&b), model_a | model_b),
                (a.intersection(&b), model_a & model_b),
                (a.difference(&b), model_a & !model_b),
                (a.complement_within(w), model_w & !model_a),
                (a.clip(w), model_a & model_w),
                (IntervalSet::union_all([&a, &b]), model_a | model_b),
            ];
            for (result, model) in results {
                assert_normalised(&result);
                prop_assert_eq!(&result, &from_bits(model));
            }
            prop_assert_eq!(a.total_seconds(), i64::from(model_a.count_ones()));
        }

        #[test]
        fn lookups_match_the_bit_model(a in intervals(), t in -5..RANGE + 5, amount in 0i64..40) {
            let a = IntervalSet::from_intervals(a);
            let mask = bits(&a);
            prop_assert_eq!(a.contains(t), has(mask, t));
            prop_assert_eq!(a.next_open(t), (t..RANGE).find(|&u| has(mask, u)));
            // The instant after the `amount`-th second of the set at or after `t`.
            let expected = if amount == 0 {
                (t..RANGE).find(|&u| has(mask, u))
            } else {
                (t.max(0)..RANGE).filter(|&u| has(mask, u)).nth(amount as usize - 1).map(|u| u + 1)
            };
            prop_assert_eq!(a.advance(t, amount), expected);

            // The longest run of seconds, the earliest on ties.
            let mut best: Option<Interval> = None;
            let mut run_start = None;
            for u in 0..=RANGE {
                match (has(mask, u), run_start) {
                    (true, None) => run_start = Some(u),
                    (false, Some(s)) => {
                        if best.is_none_or(|b| u - s > b.seconds()) {
                            best = Some(Interval::new(s, u));
                        }
                        run_start = None;
                    }
                    _ => {}
                }
            }
            prop_assert_eq!(a.longest(), best);
        }
    }
}
