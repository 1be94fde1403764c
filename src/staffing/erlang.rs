//! Erlang C: how many agents a queue of calls needs to meet a service target.
//!
//! Contacts arrive at random (Poisson) at `rate` per second and take `handle` seconds on
//! average (exponentially distributed); callers wait in one queue for the first free agent.
//! With `A = rate × handle` Erlangs of traffic and `N` agents, the probability that a caller
//! waits is Erlang C, computed here through the Erlang B recursion
//! `B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))`, then `C = N·B / (N − A·(1 − B))`. The
//! recursion stays in [0, 1] at every step, so it neither overflows nor loses precision for
//! hundreds of agents, unlike the textbook formula with powers and factorials.
//!
//! The search for the fewest agents carries the recursion forward (B(N) from B(N−1))
//! instead of restarting it for every candidate, so it costs O(N) in all rather than O(N²):
//! instant even for the largest centre a plan may describe (800 000 Erlangs).

/// A queue: traffic in Erlangs and the average handle time in seconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Queue {
    /// Offered traffic `A` in Erlangs (contacts per second × handle time).
    pub erlangs: f64,
    /// Average handle time in seconds.
    pub handle_seconds: f64,
}

/// What a number of agents achieves on a queue.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prediction {
    pub agents: u32,
    /// Probability that a contact has to wait.
    pub wait_probability: f64,
    /// Share of contacts answered within the target time.
    pub service_level: f64,
    /// Average speed of answer in seconds.
    pub asa_seconds: f64,
    /// Share of the agents' time spent handling contacts.
    pub occupancy: f64,
}

impl Queue {
    /// A queue of `per_hour` contacts an hour taking `handle_seconds` each.
    pub fn new(per_hour: f64, handle_seconds: f64) -> Queue {
        Queue {
            erlangs: per_hour * handle_seconds / 3600.0,
            handle_seconds,
        }
    }

    /// Erlang B: the probability that all `agents` are busy in a loss system.
    pub fn erlang_b(&self, agents: u32) -> f64 {
        let mut b = 1.0;
        for k in 1..=agents {
            b = self.next_b(b, k);
            // Once B has underflowed to zero it stays zero: the remaining steps cannot change
            // it, and far more agents than traffic would otherwise cost a step each.
            if b == 0.0 {
                break;
            }
        }
        b
    }

    /// One step of the Erlang B recursion: B(k) from B(k−1).
    fn next_b(&self, b: f64, k: u32) -> f64 {
        let a = self.erlangs;
        a * b / (f64::from(k) + a * b)
    }

    /// Erlang C: the probability that a contact waits. 1 when the agents cannot keep up
    /// (`N ≤ A`): the queue grows without end.
    pub fn wait_probability(&self, agents: u32) -> f64 {
        let (n, a) = (f64::from(agents), self.erlangs);
        if a <= 0.0 {
            return 0.0;
        }
        if n <= a {
            return 1.0;
        }
        let b = self.erlang_b(agents);
        n * b / (n - a * (1.0 - b))
    }

    /// What `agents` agents achieve for a target answer time of `target_seconds`. An
    /// overloaded queue predicts a service level of 0 and an endless average wait.
    pub fn predict(&self, agents: u32, target_seconds: f64) -> Prediction {
        self.predict_with(agents, target_seconds, || self.erlang_b(agents))
    }

    /// [`Queue::predict`] with Erlang B for `agents` given by `erlang_b`, which is only
    /// called when the agents can keep up.
    fn predict_with(&self, agents: u32, target_seconds: f64, erlang_b: impl FnOnce() -> f64) -> Prediction {
        let (n, a) = (f64::from(agents), self.erlangs);
        if a <= 0.0 {
            return Prediction {
                agents,
                wait_probability: 0.0,
                service_level: 1.0,
                asa_seconds: 0.0,
                occupancy: 0.0,
            };
        }
        if n <= a {
            return Prediction {
                agents,
                wait_probability: 1.0,
                service_level: 0.0,
                asa_seconds: f64::INFINITY,
                occupancy: 1.0,
            };
        }
        // Erlang C from Erlang B, as in `wait_probability`.
        let b = erlang_b();
        let c = n * b / (n - a * (1.0 - b));
        let service_level = (1.0 - c * (-(n - a) * target_seconds / self.handle_seconds).exp()).clamp(0.0, 1.0);
        Prediction {
            agents,
            wait_probability: c,
            service_level,
            asa_seconds: c * self.handle_seconds / (n - a),
            occupancy: a / n,
        }
    }

    /// The fewest agents meeting `target_share` answered within `target_seconds` with an
    /// occupancy of at most `max_occupancy` (1 for none). Searches upward from the least
    /// that can keep up, `⌊A⌋ + 1`; the service level rises with every agent, so the first
    /// hit is the minimum. Erlang B is computed once for the first candidate and then
    /// carried forward one step per agent, the same steps [`Queue::erlang_b`] takes, so the
    /// figures are exactly those of evaluating each candidate on its own.
    pub fn required(&self, target_share: f64, target_seconds: f64, max_occupancy: f64) -> Prediction {
        if self.erlangs <= 0.0 {
            return self.predict(0, target_seconds);
        }
        let mut agents = (self.erlangs.floor() as u32).saturating_add(1).max(1);
        let max_occupancy = if max_occupancy > 0.0 {
            max_occupancy.min(1.0)
        } else {
            1.0
        };
        let mut b = self.erlang_b(agents);
        loop {
            let p = self.predict_with(agents, target_seconds, || b);
            if p.service_level >= target_share && p.occupancy <= max_occupancy {
                return p;
            }
            agents = agents.saturating_add(1);
            if agents == u32::MAX {
                return p;
            }
            b = self.next_b(b, agents);
        }
    }
}

/// Agents to put on the rota so that `on_duty` are available after `shrinkage` (breaks,
/// training, absence; a share of 0 to < 1).
pub fn scheduled(on_duty: u32, shrinkage: f64) -> u32 {
    let available = 1.0 - shrinkage.clamp(0.0, 0.99);
    (f64::from(on_duty) / available - 1e-9).ceil() as u32
}

/// Agents available from `rostered` after `shrinkage`: the whole agents that remain.
pub fn available(rostered: u32, shrinkage: f64) -> u32 {
    (f64::from(rostered) * (1.0 - shrinkage.clamp(0.0, 1.0)) + 1e-9).floor() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    /// The textbook example: 100 calls in 30 minutes, 180 s handle time, 80 % in 20 s.
    #[test]
    fn published_reference_values() {
        let q = Queue::new(200.0, 180.0);
        assert!(close(q.erlangs, 10.0, 1e-12));
        let p = q.required(0.8, 20.0, 1.0);
        assert_eq!(p.agents, 14);
        assert!(close(p.wait_probability, 0.174, 0.001), "{}", p.wait_probability);
        assert!(close(p.service_level, 0.888, 0.001), "{}", p.service_level);
        assert!(close(p.occupancy, 0.714, 0.001), "{}", p.occupancy);
        assert!(close(p.asa_seconds, 7.8, 0.05), "{}", p.asa_seconds);
        assert_eq!(scheduled(14, 0.30), 20);
        let eleven = q.predict(11, 20.0);
        assert!(close(eleven.service_level, 0.390, 0.001), "{}", eleven.service_level);
    }

    /// Values checked against a second, independent implementation: the textbook formula in
    /// exact rational arithmetic (Python's `fractions`), rounded here.
    #[test]
    fn independent_cases() {
        // A = 2 Erlangs, 3 agents: C = 4/9 = 0.444…
        let q = Queue {
            erlangs: 2.0,
            handle_seconds: 300.0,
        };
        assert!(close(q.wait_probability(3), 4.0 / 9.0, 1e-12));
        // A = 1, 2 agents: C = 1/3.
        let q = Queue {
            erlangs: 1.0,
            handle_seconds: 60.0,
        };
        assert!(close(q.wait_probability(2), 1.0 / 3.0, 1e-12));
        // A = 5, 6 agents: C = (5^6/6! · 6) / (Σ_{k<6} 5^k/k! + 5^6/6! · 6) = 0.587516…
        let q = Queue {
            erlangs: 5.0,
            handle_seconds: 120.0,
        };
        assert!(
            close(q.wait_probability(6), 0.587_516_450, 1e-8),
            "{}",
            q.wait_probability(6)
        );
        // The reference case to more places: A = 10, 14 agents.
        let q = Queue {
            erlangs: 10.0,
            handle_seconds: 180.0,
        };
        assert!(close(q.wait_probability(14), 0.174_131_933_6, 1e-9));
        assert!(close(q.predict(14, 20.0).service_level, 0.888_350_019, 1e-8));
        assert!(close(q.predict(11, 20.0).service_level, 0.389_613_812, 1e-8));
    }

    #[test]
    fn large_centres_are_stable_and_fast() {
        let q = Queue::new(5000.0, 240.0);
        assert!(close(q.erlangs, 333.333, 0.001));
        let start = std::time::Instant::now();
        let p = q.required(0.8, 20.0, 0.95);
        let elapsed = start.elapsed();
        assert!(p.agents > 333 && p.agents < 400, "{}", p.agents);
        assert!(p.service_level >= 0.8 && p.service_level.is_finite());
        assert!(q.predict(p.agents - 1, 20.0).service_level < 0.8 || q.predict(p.agents - 1, 20.0).occupancy > 0.95);
        // Generous even for a debug build on a busy machine; release takes microseconds.
        assert!(elapsed.as_millis() < 200, "{elapsed:?}");
        // Thousands of agents neither overflow nor give NaN.
        let huge = Queue::new(200_000.0, 300.0);
        let p = huge.required(0.9, 15.0, 1.0);
        assert!(p.wait_probability.is_finite() && p.agents > 16_666);
    }

    /// The search as it was: every candidate evaluated on its own, restarting Erlang B.
    fn required_per_candidate(q: &Queue, target_share: f64, target_seconds: f64, max_occupancy: f64) -> Prediction {
        if q.erlangs <= 0.0 {
            return q.predict(0, target_seconds);
        }
        let mut agents = (q.erlangs.floor() as u32).saturating_add(1).max(1);
        let max_occupancy = if max_occupancy > 0.0 {
            max_occupancy.min(1.0)
        } else {
            1.0
        };
        loop {
            let p = q.predict_with(agents, target_seconds, || erlang_b_in_full(q, agents));
            if p.service_level >= target_share && p.occupancy <= max_occupancy {
                return p;
            }
            agents += 1;
        }
    }

    /// Erlang B restarted from 1 for `agents`, without stopping early.
    fn erlang_b_in_full(q: &Queue, agents: u32) -> f64 {
        let mut b = 1.0;
        for k in 1..=agents {
            b = q.erlangs * b / (f64::from(k) + q.erlangs * b);
        }
        b
    }

    #[test]
    fn carrying_erlang_b_forward_gives_exactly_the_per_candidate_figures() {
        let mut compared = 0;
        for per_hour in [0.0, 0.5, 1.0, 7.0, 40.0, 120.0, 333.0, 1000.0, 2500.0, 5000.0] {
            for handle in [10.0, 45.0, 180.0, 240.0, 360.0, 900.0] {
                for (share, within, occupancy) in
                    [(0.8, 20.0, 1.0), (0.9, 15.0, 0.85), (0.5, 60.0, 0.95), (0.95, 5.0, 0.0)]
                {
                    let q = Queue::new(per_hour, handle);
                    assert_eq!(
                        q.required(share, within, occupancy),
                        required_per_candidate(&q, share, within, occupancy),
                        "{per_hour}/h at {handle}s for {share} in {within}s, occupancy {occupancy}"
                    );
                    compared += 1;
                }
            }
        }
        assert_eq!(compared, 240);
        // Stopping Erlang B once it is zero changes nothing.
        for (erlangs, agents) in [(0.0, 5), (2.0, 3), (10.0, 14), (10.0, 5000), (333.3, 2000)] {
            let q = Queue {
                erlangs,
                handle_seconds: 60.0,
            };
            assert_eq!(
                q.erlang_b(agents),
                erlang_b_in_full(&q, agents),
                "{erlangs} E, {agents} agents"
            );
        }
    }

    #[test]
    fn the_largest_centre_a_plan_allows_is_solved_at_once() {
        // 100 000 contacts an hour at 8 hours each: 800 000 Erlangs, the bounds' maximum.
        let q = Queue::new(100_000.0, 8.0 * 3600.0);
        let start = std::time::Instant::now();
        let p = q.required(0.8, 20.0, 1.0);
        let elapsed = start.elapsed();
        assert!(p.agents > 800_000 && p.service_level >= 0.8, "{p:?}");
        // Thousands of agents more than the traffic: Erlang B reaches zero and stops.
        let more = q.predict(p.agents.saturating_mul(10), 20.0);
        assert!(more.service_level >= p.service_level);
        // A restarted recursion per candidate would take minutes here in a debug build.
        assert!(elapsed.as_secs() < 5, "{elapsed:?}");
    }

    #[test]
    fn overloaded_and_empty_queues() {
        let q = Queue::new(120.0, 360.0); // 12 Erlangs
        let p = q.predict(10, 20.0);
        assert_eq!((p.service_level, p.wait_probability), (0.0, 1.0));
        assert!(p.asa_seconds.is_infinite());
        let none = Queue::new(0.0, 360.0);
        assert_eq!(none.required(0.8, 20.0, 0.85).agents, 0);
        assert_eq!(available(10, 0.3), 7);
        assert_eq!(scheduled(7, 0.3), 10);
    }

    mod properties {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn service_level_rises_with_agents(per_hour in 1.0f64..3000.0, handle in 10.0f64..1200.0, target in 1.0f64..120.0) {
                let q = Queue::new(per_hour, handle);
                let start = q.erlangs.floor() as u32 + 1;
                let mut last = -1.0;
                for n in start..start + 40 {
                    let sl = q.predict(n, target).service_level;
                    prop_assert!(sl >= last - 1e-12, "n={n}: {sl} < {last}");
                    last = sl;
                }
            }

            #[test]
            fn required_is_the_smallest_meeting_the_target(per_hour in 1.0f64..2000.0, handle in 10.0f64..900.0, share in 0.5f64..0.95, target in 5.0f64..60.0) {
                let q = Queue::new(per_hour, handle);
                let p = q.required(share, target, 1.0);
                prop_assert!(p.service_level >= share);
                if p.agents > 0 {
                    prop_assert!(q.predict(p.agents - 1, target).service_level < share);
                }
            }
        }
    }
}
