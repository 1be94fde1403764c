//! `plan diff` against `plan check` on the largest sample (`plans/nuvem-software.toml`): a
//! check of the plan, and a diff of it against a version whose Brazilian phone line closes
//! an hour earlier on weekdays (coverage, promises, findings and documents all change).
//! Both run in-process, as the commands do after reading their files; the quality target is
//! a diff within about twice a check.
//!
//! Run with `cargo bench --bench diff`; compare the two medians.

use service_plan::analysis::analyse_text;
use service_plan::diff::{Side, compare};
use service_plan::load::Format;
use service_plan::model::FileId;
use service_plan::source::SourceFile;

fn main() {
    divan::main();
}

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 29).expect("a valid date")
}

fn old_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/nuvem-software.toml");
    std::fs::read_to_string(path).expect("the sample plan is readable")
}

fn new_text() -> String {
    let old = old_text();
    let new = old.replacen(
        r#"hours = { mon-fri = "08:00-20:00", sat = "09:00-13:00", holidays = "closed""#,
        r#"hours = { mon-fri = "08:00-19:00", sat = "09:00-13:00", holidays = "closed""#,
        1,
    );
    assert_ne!(old, new, "the benchmark's change applies to the sample");
    new
}

#[divan::bench]
fn check(bencher: divan::Bencher) {
    let text = new_text();
    bencher.bench(|| {
        let source = SourceFile::new("nuvem-software.toml", text.clone());
        divan::black_box(analyse_text(source, FileId(0), Format::Toml, today(), &[]))
    });
}

#[divan::bench]
fn diff(bencher: divan::Bencher) {
    let (old, new) = (old_text(), new_text());
    bencher.bench(|| {
        let a = Side::from_text(
            "main:nuvem-software.toml",
            "nuvem-software.toml",
            old.clone(),
            Format::Toml,
            today(),
        );
        let b = Side::from_text(
            "nuvem-software.toml",
            "nuvem-software.toml",
            new.clone(),
            Format::Toml,
            today(),
        );
        divan::black_box(compare(Some(&a), Some(&b), today()))
    });
}
