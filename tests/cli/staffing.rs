//! `plan staffing` and the staffing rules on a plan whose figures are known.

use crate::support::{Run, json, root};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(root().join("tests/fixtures/rules").join(name)).unwrap()
}

#[test]
fn staffing_json_has_every_field_of_the_contract() {
    let out = Run::new()
        .file("plan.yaml", fixture("understaffed.yaml"))
        .args([
            "staffing",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--interval",
            "60",
        ])
        .expect(0);
    let doc = json(&out);
    let channel = &doc["channels"][0];
    assert_eq!(channel["id"], "phone");
    let intervals = channel["intervals"].as_array().unwrap();
    assert_eq!(intervals.len(), 5 * 10, "ten open hours on five weekdays");
    let first = &intervals[0];
    assert_eq!(first["start"], "2026-11-23T08:00:00+01:00");
    assert_eq!(first["end"], "2026-11-23T09:00:00+01:00");
    assert_eq!(first["volume_per_hour"], 120.0);
    // 120 calls/h at 6 minutes are 12 Erlangs; 80 % in 20 s needs 16 agents available.
    assert_eq!(first["agents_required"], 16);
    assert_eq!(first["agents_scheduled"], 23, "16 raised by 30 % shrinkage");
    assert_eq!(first["agents_on_duty"], 10);
    // 10 on the rota, 7 available: the queue is overloaded.
    assert_eq!(first["service_level"], 0.0);
    assert!(first["asa_seconds"].is_null());
    assert!(first["occupancy"].is_number());
    let afternoon = &intervals[4];
    assert_eq!(afternoon["volume_per_hour"], 40.0);
    assert!(afternoon["service_level"].as_f64().unwrap() > 0.8, "{afternoon}");
}

#[test]
fn understaffing_is_reported_with_windows_and_figures() {
    let out = Run::new()
        .file("plan.yaml", fixture("understaffed.yaml"))
        .args(["check", "plan.yaml", "--today", "2026-11-22", "--format", "json"])
        .expect(1);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "understaffed")
        .unwrap();
    let message = d["message"].as_str().unwrap();
    for part in [
        "Mon-Fri 08:00-12:00",
        "120 contacts/h",
        "need 16 agents",
        "80% in 20s",
        "put 10 on duty",
        "7 after 30% shrinkage",
        "giving 0%",
    ] {
        assert!(message.contains(part), "`{part}` missing from: {message}");
    }
    assert_eq!(
        d["data"]["windows"][0],
        serde_json::json!({ "start": "2026-11-23T08:00:00+01:00", "end": "2026-11-23T12:00:00+01:00" })
    );
    assert_eq!(d["path"], serde_json::json!(["staffing", 0, "target"]));
}

#[test]
fn staffing_in_the_terminal_and_its_errors() {
    let out = Run::new()
        .file("plan.yaml", fixture("understaffed.yaml"))
        .args(["staffing", "plan.yaml", "--today", "2026-11-22"])
        .expect(0);
    insta::assert_snapshot!("staffing_human", out.stdout);
    let out = Run::new()
        .file("plan.yaml", fixture("understaffed.yaml"))
        .args(["staffing", "plan.yaml", "--interval", "20"])
        .expect(2);
    assert!(out.stderr.contains("15, 30 or 60"), "{}", out.stderr);
    let out = Run::new()
        .file("plan.yaml", fixture("understaffed.yaml"))
        .args(["staffing", "plan.yaml", "--channel", "fax"])
        .expect(2);
    assert!(out.stderr.contains("known: phone"), "{}", out.stderr);
}

/// Text without its ANSI colour codes (`ESC [ … m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn the_table_stays_aligned_whatever_the_colour_setting() {
    let run = |color: &str| {
        Run::new()
            .file("plan.yaml", fixture("understaffed.yaml"))
            .args(["staffing", "plan.yaml", "--today", "2026-11-22", "--color", color])
            .expect(0)
            .stdout
    };
    // The runs have `NO_COLOR` set: `--color always` overrides it.
    let (always, never) = (run("always"), run("never"));
    assert!(!never.contains('\u{1b}'), "{never}");
    let short_row = always
        .lines()
        .find(|l| l.contains("Mon 08:00–12:00"))
        .expect("the morning row");
    assert!(
        short_row.contains('\u{1b}'),
        "the short interval is coloured: {short_row:?}"
    );
    assert_eq!(strip_ansi(&always), never, "colour changes nothing but the colour");
    for text in [strip_ansi(&always), never] {
        let widths: Vec<usize> = text
            .lines()
            .filter(|l| l.starts_with(['┌', '│', '╞', '└']))
            .map(|l| l.chars().count())
            .collect();
        assert!(widths.len() > 4, "{text}");
        assert!(widths.iter().all(|w| *w == widths[0]), "{widths:?}\n{text}");
        // The columns line up: each separator at the same place on every line.
        let columns = |l: &str| -> Vec<usize> {
            l.chars()
                .enumerate()
                .filter(|(_, c)| matches!(c, '┆' | '┬' | '╪' | '┴'))
                .map(|(i, _)| i)
                .collect()
        };
        let lines: Vec<&str> = text.lines().filter(|l| l.starts_with(['┌', '│', '╞', '└'])).collect();
        for line in &lines {
            assert_eq!(columns(line), columns(lines[0]), "{line}\n{text}");
        }
    }
}

#[test]
fn the_largest_centre_a_plan_allows_is_checked_at_once() {
    // The bounds' maximum: 100 000 contacts an hour at 8 hours each is 800 000 Erlangs, on
    // a rota of 10 000 agents in each of ten shifts, all day for a week.
    let shifts: String = (0..10)
        .map(|_| "      - { hours: { daily: 00:00-24:00 }, agents: 10000 }\n".to_owned())
        .collect();
    let text = fixture("understaffed.yaml")
        .replace(
            "  - { id: first-line, lead: anna, hours: { mon-fri: 08:00-18:00 }, agents: 10 }\n",
            &format!("  - id: first-line\n    lead: anna\n    shifts:\n{shifts}"),
        )
        .replace("hours: { mon-fri: 08:00-18:00 }, response: 2m", "hours: 24/7, response: 2m")
        .replace("handle-time: 6m", "handle-time: 8h")
        .replace(
            "      - { hours: { mon-fri: 08:00-12:00 }, per-hour: 120 }\n      - { hours: { mon-fri: 12:00-18:00 }, per-hour: 40 }\n",
            "      - { hours: 24/7, per-hour: 100000 }\n",
        );
    assert!(
        text.contains("per-hour: 100000") && text.contains("agents: 10000"),
        "{text}"
    );
    let out = Run::new()
        .file("plan.yaml", &text)
        .args([
            "staffing",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--interval",
            "15",
        ])
        .expect_within(0, std::time::Duration::from_secs(20));
    let doc = json(&out);
    let intervals = doc["channels"][0]["intervals"].as_array().unwrap();
    assert_eq!(intervals.len(), 7 * 24 * 4);
    assert!(
        intervals[0]["agents_required"].as_u64().unwrap() > 800_000,
        "{}",
        intervals[0]
    );
    assert_eq!(intervals[0]["agents_on_duty"], 100_000);
}

/// A chat of 40 conversations an hour taking 9 minutes (6 Erlangs), to be answered 80 %
/// within 60 seconds, on a team of `agents` who handle `concurrency` conversations at once.
fn chat_plan(concurrency: u32, agents: u32) -> String {
    format!(
        r#"version: 1
plan: {{ name: Chat, owner: anna, timezone: Europe/Berlin, languages: [en] }}
contacts:
  - {{ id: anna, name: Anna Weber, phone: "+49 30 5550 1990" }}
teams:
  - {{ id: desk, lead: anna, hours: {{ mon-fri: 08:00-18:00 }}, agents: {agents} }}
channels:
  - {{ id: chat, kind: chat, team: desk, response: 1m }}
staffing:
  - channel: chat
    handle-time: 9m
    target: 80% in 60s
    concurrency: {concurrency}
    volume:
      - {{ hours: {{ mon-fri: 08:00-18:00 }}, per-hour: 40 }}
"#
    )
}

#[test]
fn chat_concurrency_counts_once() {
    // 6 Erlangs need 9 servers; an agent with c conversations at once is c of them.
    for (concurrency, required) in [(1, 9), (2, 5), (3, 3), (4, 3)] {
        let out = Run::new()
            .file("plan.yaml", chat_plan(concurrency, 12))
            .args([
                "staffing",
                "plan.yaml",
                "--today",
                "2026-11-22",
                "--format",
                "json",
                "--interval",
                "60",
            ])
            .expect(0);
        let first = &json(&out)["channels"][0]["intervals"][0];
        assert_eq!(first["agents_required"], required, "concurrency {concurrency}: {first}");
        assert_eq!(first["agents_scheduled"], required, "no shrinkage: {first}");
    }
    let out = Run::new()
        .file("plan.yaml", chat_plan(2, 12))
        .args(["staffing", "plan.yaml", "--today", "2026-11-22"])
        .expect(0);
    assert!(out.stdout.contains(", 2 conversations per agent,"), "{}", out.stdout);
    // `understaffed` and the handbook's table use the same figure: 4 agents with two
    // conversations each are short of 5.
    let out = Run::new()
        .file("plan.yaml", chat_plan(2, 4))
        .args(["check", "plan.yaml", "--today", "2026-11-22", "--format", "json"])
        .expect(1);
    let doc = json(&out);
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "understaffed")
        .unwrap_or_else(|| panic!("understaffed fires: {doc:#}"));
    assert!(d["message"].as_str().unwrap().contains("need 5 agents"), "{d}");
    assert_eq!(d["data"]["worst"]["agents_required"], 5, "{d}");
    let out = Run::new()
        .file("plan.yaml", chat_plan(2, 5))
        .args(["check", "plan.yaml", "--today", "2026-11-22", "--format", "json"])
        .expect(0);
    assert!(
        json(&out)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["rule"] != "understaffed" && d["rule"] != "overstaffed"),
        "{}",
        out.stdout
    );
    let out = Run::new()
        .file("plan.yaml", chat_plan(2, 4))
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--dump-context",
            "--allow-errors",
        ])
        .expect(0);
    let table = &json(&out)["internal/handbook.en"]["staffing"][0];
    assert_eq!(table["rows"][0]["required"], 5, "{table}");
    assert_eq!(table["rows"][0]["short"], true, "{table}");
}
