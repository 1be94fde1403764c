//! A generated large plan (200 channels, 50 teams, 100 profiles, 20 time zones, 10 holiday
//! calendars, 365-day horizon): how long loading and checking it takes, and rendering every
//! document in five languages, against checking the shipped Nordlicht sample in the same run.
//! Also checks that the cost grows about linearly: a plan of half the size should take about
//! half the time.
//!
//! Run with `cargo bench --bench large_plan`.

use service_plan::analysis::analyse_text;
use service_plan::load::Format;
use service_plan::model::FileId;
use service_plan::render::{self, Options, templates};
use service_plan::source::SourceFile;
use std::fmt::Write;
use std::time::Instant;

const ZONES: [&str; 20] = [
    "Europe/Berlin",
    "Europe/Riga",
    "Europe/Lisbon",
    "Asia/Bangkok",
    "America/New_York",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Warsaw",
    "Europe/Stockholm",
    "Europe/Helsinki",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Australia/Sydney",
    "Pacific/Auckland",
    "America/Toronto",
    "America/Los_Angeles",
];
const CALENDARS: [&str; 10] = ["DE-BE", "LV", "PT", "TH", "US-NY", "BR", "GB-ENG", "FR", "ES", "JP"];
const LANGS: [&str; 5] = ["en", "de", "lv", "pt", "th"];

/// A plan with `scale` × (4 channels, 1 team, 2 profiles).
fn generate(scale: usize) -> String {
    let mut p = String::new();
    let _ = writeln!(
        p,
        "version: 1\nplan:\n  name: Large plan\n  owner: c0\n  timezone: Europe/Berlin\n  holidays: DE-BE\n  currency: EUR\n  languages: [en, de, lv, pt, th]\n  review: {{ last: 2026-09-01, every: 6 months }}\n  horizon: 365 days\ncontacts:"
    );
    for t in 0..scale {
        let _ = writeln!(
            p,
            "  - {{ id: c{t}, name: Contact {t}, phone: \"+49 30 5550 {t:04}\", hours: {{ mon-fri: 08:00-18:00 }} }}"
        );
    }
    p.push_str("teams:\n");
    for t in 0..scale {
        let zone = ZONES[t % 20];
        let cal = CALENDARS[t % 10];
        let _ = writeln!(
            p,
            "  - id: t{t}\n    lead: c{t}\n    timezone: {zone}\n    holidays: {cal}\n    languages: [{}, en]\n    skills: [orders, returns]\n    shifts:\n      - {{ hours: {{ mon-fri: 08:00-14:00 }}, agents: 6 }}\n      - {{ hours: {{ mon-fri: 14:00-20:00, sat: 09:00-16:00 }}, agents: 4 }}",
            LANGS[t % 5]
        );
    }
    p.push_str("channels:\n");
    for t in 0..scale {
        for (k, kind) in ["phone", "chat", "email", "social"].iter().enumerate() {
            let _ = writeln!(
                p,
                "  - {{ id: ch{t}-{k}, kind: {kind}, team: t{t}, response: {} }}",
                if k < 2 { "2m" } else { "1 business day" }
            );
        }
    }
    p.push_str("profiles:\n");
    for t in 0..scale {
        for k in 0..2 {
            let zone = ZONES[(t + k) % 20];
            let cal = CALENDARS[(t + k) % 10];
            let _ = writeln!(
                p,
                "  - id: p{t}-{k}\n    name: Profile {t}-{k}\n    timezone: {zone}\n    holidays: {cal}\n    languages: [{}]\n    channels: [ch{t}-0, ch{t}-1, ch{t}-2]\n    expects: {{ hours: {{ mon-fri: 09:00-17:00 }}, live: true }}",
                LANGS[(t + k) % 5]
            );
        }
    }
    p.push_str("escalation:\n");
    for t in 0..scale {
        let _ = writeln!(
            p,
            "  - {{ id: e{t}, channels: [ch{t}-0, ch{t}-1, ch{t}-2, ch{t}-3], steps: [{{ team: t{t} }}, {{ contact: c{t}, after: 30m }}] }}"
        );
    }
    p.push_str("training:\n  - { id: basics, topics: [orders, returns, complaints], for: [");
    p.push_str(&(0..scale).map(|t| format!("t{t}")).collect::<Vec<_>>().join(", "));
    p.push_str("], every: 12 months, last: 2026-03-01 }\n");
    p.push_str("feedback:\n  - { id: survey, kind: survey, via: ch0-2, when: after-resolution }\n");
    p.push_str("self-help:\n  faq:\n    - { question: Hours?, answer: Weekdays. }\n");
    p
}

fn median_millis(mut run: impl FnMut(), rounds: usize) -> f64 {
    let mut samples: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `plan check` on one plan: loading, every rule, severities and suppressions.
fn check(text: &str, today: chrono::NaiveDate) -> usize {
    let analysis = analyse_text(
        SourceFile::new("plan.yaml", text.to_owned()),
        FileId(0),
        Format::Yaml,
        today,
        &[],
    );
    assert!(analysis.plan.is_some(), "the generated plan loads");
    analysis.findings.len()
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let sample = std::fs::read_to_string("plans/nordlicht-haushaltsgeraete.yaml").expect("the sample plan");
    let large = generate(50);
    let half = generate(25);
    let baseline = median_millis(
        || {
            std::hint::black_box(check(&sample, today));
        },
        20,
    );
    let full = median_millis(
        || {
            std::hint::black_box(check(&large, today));
        },
        5,
    );
    let halved = median_millis(
        || {
            std::hint::black_box(check(&half, today));
        },
        5,
    );
    println!("check, Nordlicht sample: {baseline:.1} ms (baseline)");
    println!(
        "check, large plan (200 channels, 50 teams, 100 profiles, 365 days): {full:.1} ms, {:.1}x the sample",
        full / baseline
    );
    println!(
        "check, half the large plan: {halved:.1} ms; full / half = {:.2} (2.0 is linear)",
        full / halved
    );

    let analysis = analyse_text(
        SourceFile::new("plan.yaml", large.clone()),
        FileId(0),
        Format::Yaml,
        today,
        &[],
    );
    let plan = analysis.plan.expect("the generated plan loads");
    let overrides = templates::Overrides::default();
    let env = templates::environment(&overrides).expect("templates");
    let catalogues = render::catalogues(&overrides).expect("catalogues");
    let options = Options {
        today,
        only: None,
        languages: None,
    };
    let mut files = 0;
    let rendering = median_millis(
        || {
            let (docs, _) = render::documents(&plan, &catalogues, &options);
            files = render::render(&env, &docs).expect("renders").len();
        },
        3,
    );
    println!(
        "render, large plan in 5 languages: {files} files in {rendering:.1} ms, {:.1}x checking the sample",
        rendering / baseline
    );
}
