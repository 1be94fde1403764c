//! How long Erlang C takes for a large centre, against a baseline measured in the same run
//! (Erlang B for the same traffic, the recursion Erlang C is built on).
//!
//! Run with `cargo bench --bench erlang`.

use service_plan::staffing::erlang::Queue;
use std::hint::black_box;
use std::time::Instant;

fn median_nanos(mut run: impl FnMut(), rounds: usize) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_nanos() as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

fn main() {
    // 5,000 calls an hour at 4 minutes: 333 Erlangs.
    let queue = Queue::new(5000.0, 240.0);
    let required = queue.required(0.8, 20.0, 0.95);
    let solve = median_nanos(
        || {
            black_box(black_box(&queue).required(0.8, 20.0, 0.95));
        },
        2000,
    );
    let baseline = median_nanos(
        || {
            black_box(black_box(&queue).erlang_b(required.agents));
        },
        2000,
    );
    println!(
        "5000 calls/h at 4 min: {} agents, service level {:.3}; solving took {:.1} µs (median of 2000), {:.1}x one Erlang B evaluation ({:.1} µs)",
        required.agents,
        required.service_level,
        solve / 1000.0,
        solve / baseline,
        baseline / 1000.0
    );
}
