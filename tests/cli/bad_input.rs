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
