//! Fuzzing the loader, the value grammars and the rules with generated input: arbitrary
//! strings into every value parser, and the sample plans mutated byte by byte and token by
//! token through loading, every rule and rendering. Nothing may panic, and an error must
//! point inside the text it is about.
//!
//! The number of cases is small by default so that the test suite stays fast; set
//! `PROPTEST_CASES` for a longer run, e.g. `PROPTEST_CASES=20000 cargo test --test cli fuzz`.

use crate::support::root;
use proptest::prelude::*;
use service_plan::analysis::analyse_text;
use service_plan::load::Format;
use service_plan::model::values;
use service_plan::model::{ChannelKind, FileId};
use service_plan::source::SourceFile;

/// Cases per property unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 48;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings that look a little like plan values: digits, units, separators, dates, and
/// arbitrary characters (including control characters and non-ASCII letters).
fn value_text() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("9".repeat(30)),
        Just("1e308".to_owned()),
        Just("-".to_owned()),
        Just(":".to_owned()),
        Just("..".to_owned()),
        Just(",".to_owned()),
        Just(" ".to_owned()),
        Just("%".to_owned()),
        Just("24:00".to_owned()),
        Just("2026-02-29".to_owned()),
        Just("days".to_owned()),
        Just("business hours".to_owned()),
        Just("EUR".to_owned()),
        Just("in".to_owned()),
        Just(">=".to_owned()),
        Just("mon-fri".to_owned()),
        Just("https://".to_owned()),
        Just("@".to_owned()),
        "[0-9]{1,12}",
        "\\PC{0,6}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(token, 0..8).prop_map(|parts| parts.concat())
}

/// A parser's error range must lie inside the text and on character boundaries, or the
/// diagnostic would point at the wrong characters (or panic when sliced).
fn assert_error_in_text<T>(text: &str, result: Result<T, values::ValueError>) {
    if let Err(e) = result {
        assert!(!e.message.is_empty(), "an empty message for {text:?}");
        if let Some(r) = e.range {
            assert!(r.start <= r.end && r.end <= text.len(), "range {r:?} outside {text:?}");
            assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "range {r:?} splits a character of {text:?}"
            );
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn value_grammars_never_panic_and_point_inside_the_text(text in value_text()) {
        assert_error_in_text(&text, values::parse_duration(&text));
        assert_error_in_text(&text, values::parse_amount(&text));
        assert_error_in_text(&text, values::parse_target(&text));
        assert_error_in_text(&text, values::parse_day_hours(&text));
        assert_error_in_text(&text, values::parse_day_selector(&text));
        assert_error_in_text(&text, values::parse_date(&text));
        assert_error_in_text(&text, values::parse_date_or_range(&text));
        assert_error_in_text(&text, values::parse_language(&text));
        assert_error_in_text(&text, values::parse_calendar_id(&text));
        assert_error_in_text(&text, values::parse_country(&text));
        assert_error_in_text(&text, values::parse_web_url(&text));
        assert_error_in_text(&text, values::parse_email(&text));
        for (_, kind) in ChannelKind::ALL {
            assert_error_in_text(&text, values::check_channel_address(kind, &text));
            let _ = values::href(&text, kind.as_str());
        }
        let _ = service_plan::time::ics::parse_holidays(&text);
    }

    #[test]
    fn icalendar_text_never_panics(
        lines in prop::collection::vec(
            prop_oneof![
                Just("BEGIN:VCALENDAR".to_owned()),
                Just("END:VCALENDAR".to_owned()),
                Just("BEGIN:VEVENT".to_owned()),
                Just("END:VEVENT".to_owned()),
                Just("DTSTART;VALUE=DATE:20261224".to_owned()),
                Just("DTEND;VALUE=DATE:20261227".to_owned()),
                Just("RRULE:FREQ=YEARLY;COUNT=99999999".to_owned()),
                Just("SUMMARY:Heiligabend".to_owned()),
                Just(" folded".to_owned()),
                "[A-Z;=:0-9T]{0,30}",
                "\\PC{0,20}",
            ],
            0..24,
        )
    ) {
        let _ = service_plan::time::ics::parse_holidays(&lines.join("\r\n"));
    }
}

/// One change to a plan's text.
#[derive(Debug, Clone)]
enum Mutation {
    /// Remove the bytes at this place (a fraction of the length) of this length.
    Delete(u16, u8),
    /// Insert a token at this place.
    Insert(u16, String),
    /// Repeat a line.
    DuplicateLine(u16),
    /// Replace the first number at or after this place.
    ReplaceNumber(u16, String),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let token = prop_oneof![
        Just(": ".to_owned()),
        Just("\n  - ".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("[".to_owned()),
        Just("\"".to_owned()),
        Just("&a ".to_owned()),
        Just("*a".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("  ".to_owned()),
        Just(",".to_owned()),
        Just("=".to_owned()),
        Just("- 24/7".to_owned()),
        Just("javascript:alert(1)".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        "\\PC{1,8}",
    ];
    let number = prop_oneof![
        Just("0".to_owned()),
        Just("-1".to_owned()),
        Just("99999999999".to_owned()),
        Just("1e9".to_owned()),
        Just(".nan".to_owned()),
        Just("18446744073709551616".to_owned()),
        "[0-9]{1,6}",
    ];
    prop_oneof![
        (any::<u16>(), 1u8..64).prop_map(|(at, len)| Mutation::Delete(at, len)),
        (any::<u16>(), token).prop_map(|(at, t)| Mutation::Insert(at, t)),
        any::<u16>().prop_map(Mutation::DuplicateLine),
        (any::<u16>(), number).prop_map(|(at, n)| Mutation::ReplaceNumber(at, n)),
    ]
}

/// The byte offset `at` (a fraction of 65,536) of `text`, moved back to a character boundary.
fn place(text: &str, at: u16) -> usize {
    let mut i = text.len() * usize::from(at) / 65_536;
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn apply(text: &mut String, m: &Mutation) {
    match m {
        Mutation::Delete(at, len) => {
            let start = place(text, *at);
            let mut end = (start + usize::from(*len)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, "");
        }
        Mutation::Insert(at, token) => {
            let i = place(text, *at);
            text.insert_str(i, token);
        }
        Mutation::DuplicateLine(at) => {
            let i = place(text, *at);
            let start = text[..i].rfind('\n').map_or(0, |p| p + 1);
            let end = text[i..].find('\n').map_or(text.len(), |p| i + p + 1);
            let line = text[start..end].to_owned();
            text.insert_str(start, &line);
        }
        Mutation::ReplaceNumber(at, number) => {
            let i = place(text, *at);
            if let Some(offset) = text[i..].find(|c: char| c.is_ascii_digit()) {
                let start = i + offset;
                let len = text[start..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(text.len() - start);
                text.replace_range(start..start + len, number);
            }
        }
    }
}

fn samples() -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(root().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn mutated_sample_plans_load_check_and_render_without_panicking(
        which in any::<prop::sample::Index>(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let samples = samples();
        let (name, original) = &samples[which.index(samples.len())];
        let mut text = original.clone();
        for m in &mutations {
            apply(&mut text, m);
        }
        let format = if name.ends_with(".toml") { Format::Toml } else { Format::Yaml };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let analysis = analyse_text(SourceFile::new(name.as_str(), text.clone()), FileId(0), format, today, &[]);
        for d in &analysis.findings {
            prop_assert!(d.span.end <= text.len(), "{}: a finding past the end of the file", d.rule.name);
        }
        let Some(plan) = analysis.plan.as_ref() else { return Ok(()) };
        let overrides = service_plan::render::templates::Overrides::default();
        let env = service_plan::render::templates::environment(&overrides).unwrap();
        let catalogues = service_plan::render::catalogues(&overrides).unwrap();
        let options = service_plan::render::Options { today, only: None, languages: None };
        let (docs, _) = service_plan::render::documents(plan, &catalogues, &options);
        let files = service_plan::render::render(&env, &docs);
        prop_assert!(files.is_ok(), "the built-in templates failed: {}", files.unwrap_err());
    }
}
