//! Erlang C: how many agents a queue of calls needs to meet a service target.
//!
//! Contacts arrive at random (Poisson) at `rate` per second and take `handle` seconds on
//! average (exponentially distributed); callers wait in one queue for the first free agent.
//! With `A = rate × handle` Erlangs of traffic and `N` agents, the probability that a caller
//! waits is Erlang C, computed here through the Erlang B recursion
//! `B(0) = 1, B(k) = A·B(k−1) / (k + A·B(k−1))`, then `C = N·B / (N − A·(1 − B))`. The
//! recursion stays in [0, 1] at every step, so it neither overflows nor loses precision for
//! hundreds of agents, unlike the textbook formula with powers and factorials.

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
        let a = self.erlangs;
        let mut b = 1.0;
        for k in 1..=agents {
            b = a * b / (f64::from(k) + a * b);
        }
        b
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
        let c = self.wait_probability(agents);
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
    /// hit is the minimum.
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
        loop {
            let p = self.predict(agents, target_seconds);
            if p.service_level >= target_share && p.occupancy <= max_occupancy {
                return p;
            }
            agents = agents.saturating_add(1);
            if agents == u32::MAX {
                return p;
            }
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
