//! Files that are not plans at all: each gets a clear message and the right exit code,
//! never a panic.

use crate::support::{Run, check, json};

fn single(out: &crate::support::Output) -> serde_json::Value {
    let doc = json(out);
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    diagnostics[0].clone()
}

#[test]
fn text_that_is_not_yaml() {
    let out = check(
        &[("plan.yaml", "This is not: a plan: at all\n")],
        &["--format", "json"],
        1,
    );
    let d = single(&out);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(1), Some(20)),
        "the second `: ` on the line"
    );
    insta::assert_snapshot!(
        "not_yaml",
        check(&[("plan.yaml", "This is not: a plan: at all\n")], &[], 1).stdout
    );
}

#[test]
fn yaml_that_is_not_a_map() {
    let out = check(&[("plan.yaml", "- just\n- a list\n")], &["--format", "json"], 1);
    let d = single(&out);
    assert_eq!(d["rule"], "schema-error");
    assert!(d["message"].as_str().unwrap().contains("should be a map"), "{d}");
}

#[test]
fn empty_file() {
    for text in ["", "\n\n", "# only a comment\n"] {
        let out = check(&[("plan.yaml", text)], &["--format", "json"], 1);
        let d = single(&out);
        assert_eq!(d["rule"], "schema-error");
        assert_eq!(d["message"], "the plan file is empty");
        assert_eq!(d["line"], 1);
    }
    for text in ["", "# only a comment\n"] {
        let out = check(&[("plan.toml", text)], &["--format", "json"], 1);
        assert_eq!(single(&out)["message"], "the plan file is empty");
    }
}

#[test]
fn tab_indented_block() {
    let text = "version: 1\nplan:\n\tname: Tabbed\n";
    let out = check(&[("plan.yaml", text)], &["--format", "json"], 1);
    let d = single(&out);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(d["line"], 3);
    assert!(d["message"].as_str().unwrap().contains("tab"), "{d}");
    assert!(d["help"].as_str().unwrap().contains("spaces"));
}

#[test]
fn invalid_utf8() {
    let run = Run::new().file("plan.yaml", b"version: 1\nplan:\n  name: Caf\xe9\n");
    let out = run.args(["check", "--format", "json", "plan.yaml"]).expect(1);
    let d = single(&out);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(3), Some(12)));
    assert!(d["message"].as_str().unwrap().contains("UTF-8"));
}

#[test]
fn broken_toml_reports_its_position() {
    let out = check(
        &[("plan.toml", "version = 1\n[plan\nname = \"x\"\n")],
        &["--format", "json"],
        1,
    );
    let doc = json(&out);
    let d = &doc["diagnostics"][0];
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(d["line"], 2);
}

#[test]
fn duplicate_keys_are_syntax_errors() {
    let out = check(&[("plan.yaml", "version: 1\nversion: 1\n")], &["--format", "json"], 1);
    let d = single(&out);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(d["line"], 2);
}

#[test]
fn hostile_yaml_is_refused_quickly() {
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        bomb.push_str(&format!(
            "{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
        ));
    }
    let out = check(&[("plan.yaml", &bomb)], &["--format", "json"], 1);
    assert_eq!(single(&out)["rule"], "syntax-error");
    let deep = "[".repeat(100_000);
    let out = check(&[("plan.yaml", &deep)], &["--format", "json"], 1);
    assert_eq!(single(&out)["rule"], "syntax-error");
}

#[test]
fn unsupported_version_stops_reading() {
    let out = check(
        &[("plan.yaml", "version: 2\nplan: [not, checked]\n")],
        &["--format", "json"],
        1,
    );
    let d = single(&out);
    assert_eq!(d["rule"], "unsupported-version");
    assert_eq!(d["code"], "L003");
}

#[test]
fn directory_without_plans() {
    let out = Run::new()
        .file("empty/readme.txt", "nothing here")
        .args(["check", "empty"])
        .expect(2);
    assert!(out.stderr.contains("no plan files"), "{}", out.stderr);
    assert_eq!(out.stdout, "");
}

#[test]
fn missing_file_is_a_tool_error() {
    let out = Run::new().args(["check", "nowhere.yaml"]).expect(2);
    assert!(out.stderr.starts_with("error: reading nowhere.yaml"), "{}", out.stderr);
}

#[test]
fn no_plan_in_the_current_directory() {
    let out = Run::new().args(["check"]).expect(2);
    assert!(out.stderr.contains("no plan found"), "{}", out.stderr);
}

#[test]
fn bad_arguments_are_usage_errors() {
    Run::new().args(["check", "--today", "22.11.2026"]).expect(2);
    Run::new().args(["check", "--format", "xml"]).expect(2);
    Run::new().args(["frobnicate"]).expect(2);
}

#[test]
fn closed_stdout_ends_quietly() {
    // Enough findings that the output cannot fit in the pipe before the reader goes away.
    let mut plan = String::from("version: 1\nplan:\n  name: Many contacts\ncontacts:\n");
    for i in 0..3000 {
        plan.push_str(&format!("  - id: c{i}\n    name: Contact {i}\n"));
    }
    for format in ["json", "human"] {
        let run = Run::new().file("plan.yaml", &plan);
        let out = run
            .args(["check", "--format", format, "plan.yaml"])
            .expect_with_closed_stdout();
        assert_eq!(out.stderr, "", "{format}");
        assert_eq!(out.code, 0, "{format}: a closed pipe is a normal end");
    }
}

/// Long enough for a debug build on a busy machine; a blocked read never ends at all.
const PROMPTLY: std::time::Duration = std::time::Duration::from_secs(20);

/// Make a named pipe; `false` where the system has no `mkfifo`.
fn mkfifo(path: &std::path::Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_fifo_as_plan_is_refused_without_waiting_for_a_writer() {
    let run = Run::new();
    if !mkfifo(&run.dir().join("plan.yaml")) {
        return;
    }
    let out = run.args(["check", "plan.yaml"]).expect_within(2, PROMPTLY);
    assert_eq!(
        out.stderr.trim_end(),
        "error: reading plan.yaml: is a named pipe (FIFO), not a regular file"
    );
}

#[cfg(unix)]
#[test]
fn a_device_as_plan_is_refused_without_reading_it() {
    let out = Run::new().args(["check", "/dev/zero"]).expect_within(2, PROMPTLY);
    assert_eq!(
        out.stderr.trim_end(),
        "error: reading /dev/zero: is a device, not a regular file"
    );
}

#[test]
fn searching_a_directory_skips_pipes_and_reads_only_the_start_of_files() {
    let plan = "version: 1\nplan:\n  name: Found\n";
    // A plan whose `version` line comes after a long header is still found; a large YAML
    // file without one near its start is not a plan and is not read to its end.
    let long_header = format!("{}{plan}", "# header\n".repeat(1000));
    let data = format!("items:\n{}version: 1\n", "  - x\n".repeat(100_000));
    let run = Run::new()
        .file("plans/a.yaml", plan)
        .file("plans/b.yaml", &long_header)
        .file("plans/data.yaml", &data);
    if !mkfifo(&run.dir().join("plans/pipe.yaml")) {
        return;
    }
    let out = run
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--fail-on",
            "never",
            "plans",
        ])
        .expect_within(0, PROMPTLY);
    let files: Vec<String> = json(&out)["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, ["plans/a.yaml", "plans/b.yaml"]);
}

#[test]
fn a_plan_over_the_size_cap_is_a_finding_and_is_not_read() {
    let run = Run::new();
    let path = run.dir().join("plan.yaml");
    // Sparse: the length is what matters, and nothing is read.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(65 * 1024 * 1024).unwrap();
    let out = run
        .args(["check", "--format", "json", "plan.yaml"])
        .expect_within(1, PROMPTLY);
    let d = single(&out);
    assert_eq!(d["rule"], "syntax-error");
    assert_eq!(
        d["message"],
        "the file is 65 MiB; plans larger than 64 MiB are not read"
    );
}

/// What a pull request could try to print into CI logs.
const TOKEN: &str = "ghp_abc123";

/// A plan whose five owners name holiday files: `names` in the order plan, contact, team,
/// channel, profile.
fn plan_naming_calendars(names: [&str; 5]) -> String {
    let [plan, contact, team, channel, profile] = names.map(|n| format!("{{ ics: \"{n}\" }}"));
    format!(
        "version: 1
plan:
  name: Calendars
  owner: anna
  timezone: Europe/Berlin
  holidays: {plan}
contacts:
  - id: anna
    name: Anna Weber
    phone: \"+49 30 5550 1990\"
    holidays: {contact}
teams:
  - id: first-line
    lead: anna
    hours: {{ mon-fri: 08:00-18:00 }}
    agents: 4
    holidays: {team}
channels:
  - id: phone
    kind: phone
    team: first-line
    response: 2m
    holidays: {channel}
profiles:
  - id: home
    holidays: {profile}
"
    )
}

/// The `(line, column, message)` of each `unknown-holiday-calendar` finding, in file order.
fn calendar_findings(out: &crate::support::Output) -> Vec<(u64, u64, String)> {
    json(out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unknown-holiday-calendar")
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Line and column (1-based) where `needle` starts in `text`.
fn position(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("`{needle}` in the plan"));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

#[test]
fn holiday_files_outside_the_plan_folder_are_not_read_or_quoted() {
    let run = Run::new()
        .file("secret.txt", format!("TOKEN={TOKEN}\n"))
        .file("plans/notes.txt", format!("TOKEN={TOKEN}\nBEGIN:VCALENDAR\n"));
    let absolute = run.dir().join("secret.txt");
    let absolute = absolute.to_str().unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(run.dir().join("secret.txt"), run.dir().join("plans/link.ics")).unwrap();
    let names = [
        "../secret.txt",
        absolute,
        "link.ics",
        "notes.txt",
        "calendars/../../secret.txt",
    ];
    let text = plan_naming_calendars(names);
    let dir = run.dir().to_path_buf();
    std::fs::write(dir.join("plans/plan.yaml"), &text).unwrap();
    for format in ["human", "json", "github", "sarif"] {
        let out = Run::new()
            .cwd(&dir)
            .args(["check", "--today", "2026-11-22", "--format", format, "plans/plan.yaml"])
            .expect(1);
        assert!(
            !out.stdout.contains(TOKEN) && !out.stderr.contains(TOKEN),
            "{format} output quotes the secret:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
    let out = Run::new()
        .cwd(&dir)
        .args(["check", "--today", "2026-11-22", "--format", "json", "plans/plan.yaml"])
        .expect(1);
    let found = calendar_findings(&out);
    let expected: Vec<(u64, u64, &str)> = vec![
        (
            position(&text, "\"../secret.txt\"").0,
            position(&text, "\"../secret.txt\"").1,
            "`../secret.txt`: the path leads outside the plan's folder, and files there are not read",
        ),
        (
            position(&text, &format!("\"{absolute}\"")).0,
            position(&text, &format!("\"{absolute}\"")).1,
            "an absolute path is not read; write the path relative to the plan file, inside the plan's folder",
        ),
        (
            position(&text, "\"link.ics\"").0,
            position(&text, "\"link.ics\"").1,
            if cfg!(unix) {
                "`link.ics`: a symbolic link on this path leads outside the plan's folder, and files there are not read"
            } else {
                "`link.ics`: cannot read the file: no such file"
            },
        ),
        (
            position(&text, "\"notes.txt\"").0,
            position(&text, "\"notes.txt\"").1,
            "`notes.txt`: line 1: not an iCalendar file: its first line should be `BEGIN:VCALENDAR`",
        ),
        (
            position(&text, "\"calendars/../../secret.txt\"").0,
            position(&text, "\"calendars/../../secret.txt\"").1,
            "`calendars/../../secret.txt`: the path leads outside the plan's folder, and files there are not read",
        ),
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for ((line, column, message), (want_line, want_column, want)) in found.iter().zip(&expected) {
        assert_eq!((line, column), (want_line, want_column), "{message}");
        assert!(message.ends_with(want), "{message}\nshould end with\n{want}");
    }
}

#[test]
fn holiday_files_elsewhere_in_the_plans_git_repository_are_read() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261127\nEND:VEVENT\nEND:VCALENDAR\n";
    let names = ["../calendars/company.ics"; 5];
    let run = Run::new()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/calendars/company.ics", ics)
        .file("repo/plans/plan.yaml", plan_naming_calendars(names))
        .file("outside.ics", ics);
    let args = [
        "check",
        "--today",
        "2026-11-22",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let out = run.args(args).args(["repo/plans/plan.yaml"]).expect(0);
    assert_eq!(calendar_findings(&out), [], "inside the repository");
    let names = ["../../outside.ics"; 5];
    let out = Run::new()
        .file("repo/.git/HEAD", "ref: refs/heads/main\n")
        .file("repo/plans/plan.yaml", plan_naming_calendars(names))
        .file("outside.ics", ics)
        .args(args)
        .args(["repo/plans/plan.yaml"])
        .expect(0);
    let found = calendar_findings(&out);
    assert_eq!(found.len(), 1, "one finding for the one file: {found:#?}");
    assert!(
        found[0]
            .2
            .ends_with("the path leads outside the git repository that holds the plan, and files there are not read"),
        "{}",
        found[0].2
    );
}

#[test]
fn a_fifo_as_holiday_file_is_a_finding_without_waiting_for_a_writer() {
    let names = ["pipe.ics", "pipe.ics", "pipe.ics", "pipe.ics", "pipe.ics"];
    let run = Run::new().file("plan.yaml", plan_naming_calendars(names));
    if !mkfifo(&run.dir().join("pipe.ics")) {
        return;
    }
    let out = run
        .args(["check", "--today", "2026-11-22", "--format", "json", "plan.yaml"])
        .expect_within(1, PROMPTLY);
    let found = calendar_findings(&out);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].2,
        "`pipe.ics`: a named pipe (FIFO), not a regular file; an iCalendar file is expected"
    );
}

#[cfg(unix)]
#[test]
fn searching_a_directory_does_not_follow_links_out_of_it() {
    let run = Run::new()
        .file("secret.yaml", format!("version: 1\nTOKEN: {TOKEN}\n"))
        .file("plans/a.yaml", "version: 1\nplan:\n  name: Found\n")
        .file("plans/b.yaml", "version: 1\nplan:\n  name: Linked\n");
    std::os::unix::fs::symlink(run.dir().join("secret.yaml"), run.dir().join("plans/evil.yaml")).unwrap();
    std::os::unix::fs::symlink(run.dir().join("plans/b.yaml"), run.dir().join("plans/c.yaml")).unwrap();
    let out = run
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--fail-on",
            "never",
            "plans",
        ])
        .expect(0);
    assert!(!out.stdout.contains(TOKEN), "{}", out.stdout);
    let files: Vec<String> = json(&out)["plans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["file"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(files, ["plans/a.yaml", "plans/b.yaml", "plans/c.yaml"]);
}

/// A plan with every bounded field set by `values` (field → value as written).
fn plan_with_values(values: &[(&str, &str)]) -> String {
    let v = |key: &str, default: &str| {
        values
            .iter()
            .find(|(k, _)| *k == key)
            .map_or(default.to_owned(), |(_, v)| (*v).to_owned())
    };
    format!(
        "version: 1
plan:
  name: Bounds
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  currency: EUR
  languages: [de]
  review: {{ last: 2026-09-01, every: {review} }}
  horizon: {horizon}
contacts:
  - {{ id: anna, name: Anna Weber, phone: \"+49 30 5550 1990\" }}
teams:
  - id: first-line
    lead: anna
    shifts:
      - {{ hours: {{ mon-fri: 08:00-18:00 }}, agents: {agents} }}
channels:
  - {{ id: phone, kind: phone, team: first-line, response: {response} }}
  - {{ id: chat, kind: chat, team: first-line, response: 1m }}
profiles:
  - {{ id: home, expects: {{ hours: {{ mon-fri: 09:00-17:00, holidays: closed }}, response: {expects} }} }}
escalation:
  - {{ id: standard, channels: [phone, chat], steps: [{{ team: first-line }}, {{ contact: anna, after: {after} }}] }}
complaints:
  - id: late
    escalation: standard
    resolve-within: {resolve}
    order-value-cap: {cap}
    remedies: [{{ kind: refund, value: {remedy}, approver: anna }}]
authority:
  first-line: {authority}
  anna: unlimited
after-sales:
  warranty: {warranty}
  installation: {{ offered: true, price: {price} }}
  returns: {{ within: {returns} }}
training:
  - {{ id: basics, topics: [complaints], for: [first-line], every: {training}, last: 2026-03-01 }}
metrics:
  - {{ id: answer, channel: phone, target: \"{metric}\" }}
staffing:
  - channel: chat
    handle-time: {handle}
    target: \"{staffing_target}\"
    concurrency: {concurrency}
    volume:
      - {{ hours: {{ mon-fri: 08:00-18:00 }}, per-hour: {per_hour} }}
",
        review = v("review", "6 months"),
        horizon = v("horizon", "90 days"),
        agents = v("agents", "4"),
        response = v("response", "2m"),
        expects = v("expects", "1 day"),
        after = v("after", "4h"),
        resolve = v("resolve", "5 days"),
        cap = v("cap", "500 EUR"),
        remedy = v("remedy", "100%"),
        authority = v("authority", "50 EUR"),
        warranty = v("warranty", "24 months"),
        price = v("price", "0 EUR"),
        returns = v("returns", "30 days"),
        training = v("training", "12 months"),
        metric = v("metric", "80% in 20s"),
        handle = v("handle", "6m"),
        staffing_target = v("staffing_target", "80% in 20s"),
        concurrency = v("concurrency", "2"),
        per_hour = v("per_hour", "20"),
    )
}

/// The error findings of a check as `(rule, line text, message)`.
fn errors(text: &str) -> Vec<(String, String, String)> {
    let out = Run::new()
        .file("plan.yaml", text)
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--fail-on",
            "never",
            "plan.yaml",
        ])
        .expect_within(0, PROMPTLY);
    let lines: Vec<&str> = text.lines().collect();
    json(&out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            let line = d["line"].as_u64().unwrap() as usize;
            (
                d["rule"].as_str().unwrap().to_owned(),
                lines[line - 1].trim().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn the_plan_within_bounds_has_no_errors() {
    assert_eq!(errors(&plan_with_values(&[])), []);
}

#[test]
fn values_out_of_range_are_findings_at_the_value_and_nothing_else() {
    let cases: &[(&str, &str, &str)] = &[
        ("horizon", "99999999999 days", "a horizon must be from 1 day to 3 years"),
        ("horizon", "100000 years", "a horizon must be from 1 day to 3 years"),
        ("horizon", "12h", "a horizon must be from 1 day to 3 years"),
        ("horizon", "37 months", "a horizon must be from 1 day to 3 years"),
        ("review", "6 years", "a review interval must be at most 5 years"),
        ("agents", "20000", "the agents of a shift must be from 0 to 10000"),
        ("agents", "-5", "the agents of a shift must be from 0 to 10000"),
        (
            "agents",
            "99999999999999",
            "the agents of a shift must be from 0 to 10000",
        ),
        ("response", "400 days", "a response promise must be at most 1 year"),
        (
            "response",
            "9999 business days",
            "a response promise must be at most 1 year",
        ),
        ("expects", "2 years", "an accepted wait must be at most 1 year"),
        (
            "after",
            "99999 business hours",
            "an escalation delay must be at most 1 year",
        ),
        ("resolve", "13 months", "a resolution promise must be at most 1 year"),
        (
            "cap",
            "2000000000000 EUR",
            "an amount must be at most 1000000000000 units of its currency",
        ),
        (
            "authority",
            "5000000000000",
            "an amount must be at most 1000000000000 units of its currency",
        ),
        (
            "price",
            "1000000000001 EUR",
            "an amount must be at most 1000000000000 units of its currency",
        ),
        ("warranty", "51 years", "a warranty must be at most 50 years"),
        ("returns", "11 years", "a returns period must be at most 10 years"),
        (
            "training",
            "100000 years",
            "a training interval must be at most 5 years",
        ),
        ("metric", "80% in 400 days", "a target's time must be at most 1 year"),
        (
            "metric",
            ">= 99999999999",
            "a target's number must be from -1000000000 to 1000000000",
        ),
        ("handle", "99999 days", "a handle time must be at most 8 hours"),
        ("handle", "1 month", "a handle time must be at most 8 hours"),
        (
            "staffing_target",
            "80% in 2 years",
            "a target's time must be at most 1 year",
        ),
        ("concurrency", "11", "a concurrency must be from 1 to 10 conversations"),
        ("concurrency", "0", "a concurrency must be from 1 to 10 conversations"),
        ("per_hour", "1e9", "a volume must be from 0 to 100000 contacts an hour"),
        (
            "per_hour",
            "1e308",
            "a volume must be from 0 to 100000 contacts an hour",
        ),
        ("per_hour", ".nan", "a volume must be from 0 to 100000 contacts an hour"),
        ("per_hour", ".inf", "a volume must be from 0 to 100000 contacts an hour"),
        ("per_hour", "-5", "a volume must be from 0 to 100000 contacts an hour"),
    ];
    for (field, value, rule) in cases {
        let text = plan_with_values(&[(field, value)]);
        let mut found = errors(&text);
        if *field == "agents" {
            // A shift without a readable headcount is left out, as with any unreadable
            // value of a shift, so the team has nobody on the rota: the coverage rules say so.
            found.retain(|(rule, ..)| rule != "uncovered-expected-hours");
        }
        assert_eq!(
            found.len(),
            1,
            "`{field}: {value}` should give one error and no others drawn from it: {found:#?}"
        );
        let (rule_name, line, message) = &found[0];
        assert_eq!(rule_name, "value-out-of-range", "{field}: {value}");
        assert!(line.contains(value), "{field}: {value} reported on `{line}`");
        assert_eq!(message, &format!("`{value}`: {rule}"), "{field}: {value}");
    }
}

#[test]
fn values_the_parsers_cannot_hold_are_findings_not_panics() {
    let digits = "9".repeat(400);
    let cases = [
        ("response", "99999999999999999999s".to_owned(), "invalid-duration"),
        ("horizon", "4294967296 months".to_owned(), "invalid-duration"),
        ("authority", "99999999999999999999 EUR".to_owned(), "invalid-amount"),
        ("remedy", format!("{digits}%"), "invalid-amount"),
        ("metric", format!(">= {digits}"), "invalid-target"),
        ("per_hour", format!("1{}", "0".repeat(400)), "value-out-of-range"),
        ("per_hour", "1e999".to_owned(), "value-out-of-range"),
    ];
    for (field, value, rule) in cases {
        let text = plan_with_values(&[(field, &value)]);
        let found = errors(&text);
        assert_eq!(found.len(), 1, "`{field}: {value}`: {found:#?}");
        assert_eq!(found[0].0, rule, "`{field}: {value}`: {found:#?}");
    }
}

#[test]
fn a_value_out_of_range_is_not_also_reported_missing() {
    for (field, value, missing) in [
        ("response", "400 days", "response-missing"),
        ("after", "2 years", "escalation-order"),
    ] {
        let text = plan_with_values(&[(field, value)]);
        let out = Run::new()
            .file("plan.yaml", &text)
            .args([
                "check",
                "--today",
                "2026-11-22",
                "--format",
                "json",
                "--fail-on",
                "never",
                "plan.yaml",
            ])
            .expect(0);
        let rules: Vec<String> = json(&out)["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect();
        assert!(!rules.contains(&missing.to_owned()), "`{field}: {value}`: {rules:?}");
    }
}

#[test]
fn a_thousand_repeated_entries_are_one_finding_each_and_checked_once() {
    let many = |item: &str| vec![item; 1000].join(", ");
    let text = plan_with_values(&[])
        .replace("  languages: [de]\n", &format!("  languages: [{}]\n", many("de")))
        .replace(
            "  - { id: home, expects:",
            &format!(
                "  - {{ id: home, languages: [{}], countries: [{}], expects:",
                many("de"),
                many("DE")
            ),
        )
        .replace(
            "channels: [phone, chat]",
            &format!("channels: [{}, chat]", many("phone")),
        )
        .replace("topics: [complaints]", &format!("topics: [{}]", many("complaints")));
    let out = Run::new()
        .file("plan.yaml", &text)
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--fail-on",
            "never",
            "plan.yaml",
        ])
        .expect_within(0, PROMPTLY);
    let doc = json(&out);
    let findings = doc["diagnostics"].as_array().unwrap();
    let repeated: Vec<(String, u64)> = findings
        .iter()
        .filter(|d| d["rule"] == "duplicate-entry")
        .map(|d| {
            assert_eq!(d["severity"], "warning");
            assert_eq!(d["related"][0]["message"], "first listed here");
            (
                d["message"].as_str().unwrap().to_owned(),
                d["data"]["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        repeated,
        [
            ("`de` is listed 1000 times in `languages`".to_owned(), 1000),
            ("`de` is listed 1000 times in `languages`".to_owned(), 1000),
            ("`DE` is listed 1000 times in `countries`".to_owned(), 1000),
            ("`phone` is listed 1000 times in `channels`".to_owned(), 1000),
            ("`complaints` is listed 1000 times in `topics`".to_owned(), 1000),
        ]
    );
    // The rest of the program sees each entry once: the plan is otherwise as clean as the
    // one without repetitions.
    let others = findings.iter().filter(|d| d["rule"] != "duplicate-entry").count();
    let clean = Run::new()
        .file("plan.yaml", plan_with_values(&[]))
        .args([
            "check",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--fail-on",
            "never",
            "plan.yaml",
        ])
        .expect(0);
    assert_eq!(others, json(&clean)["diagnostics"].as_array().unwrap().len());
}

#[test]
fn an_id_too_long_for_a_file_name_is_reported_by_check_at_the_id() {
    let long = ["home", &"-owners".repeat(35)].concat();
    assert_eq!(long.len(), 249);
    let text = plan_with_values(&[]).replace("  - { id: home,", &format!("  - {{ id: {long},"));
    let found = errors(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (rule, line, message) = &found[0];
    assert_eq!(rule, "schema-error");
    assert!(line.contains(&long), "{line}");
    assert_eq!(
        message,
        &format!("id `{}…` is 249 characters long; an id has at most 64", &long[..40])
    );
    // 64 characters are fine.
    let text = plan_with_values(&[]).replace("  - { id: home,", &format!("  - {{ id: {},", &long[..64]));
    assert_eq!(errors(&text), []);
    // Render refuses the plan with the finding rather than failing on the file name.
    let text = plan_with_values(&[]).replace("  - { id: home,", &format!("  - {{ id: {long},"));
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
        .expect(1);
    assert!(out.stdout.contains("an id has at most 64"), "{}", out.stdout);
    assert!(!out.stderr.contains("too long"), "{}", out.stderr);
}
