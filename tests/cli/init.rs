//! `plan init`, shell completions and the man page.

use crate::support::Run;

#[test]
fn init_writes_starter_plans_that_pass_check_in_yaml_and_toml() {
    let run = Run::new().args(["init", "--today", "2026-11-22"]);
    let out = run.expect(0);
    assert!(out.stdout.contains("wrote plan.yaml"), "{}", out.stdout);
    for (args, file) in [
        (vec!["init", "--today", "2026-11-22"], "plan.yaml"),
        (vec!["init", "--today", "2026-11-22", "--format", "toml"], "plan.toml"),
        (
            vec!["init", "--today", "2026-11-22", "nested/dir/mine.toml"],
            "nested/dir/mine.toml",
        ),
        (
            vec!["init", "--today", "2026-11-22", "--format", "yaml", "custom.yml"],
            "custom.yml",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
                .current_dir(dir.path())
                .args(args)
                .output()
                .unwrap()
        };
        assert!(run(&args).status.success(), "{args:?}");
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        let directive = if file.ends_with(".toml") {
            "#:schema "
        } else {
            "# yaml-language-server: $schema="
        };
        assert!(text.starts_with(directive), "{file} lacks the schema directive");
        assert!(
            text.lines().filter(|l| l.trim_start().starts_with('#')).count() >= 10,
            "{file} explains its sections"
        );
        let check = run(&["check", "--today", "2026-11-22", "--fail-on", "warning", file]);
        assert!(
            check.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&check.stdout)
        );
        assert_eq!(
            String::from_utf8_lossy(&check.stdout),
            "0 errors, 0 warnings in 1 plan\n"
        );
        // Refuses to overwrite.
        let again = run(&args);
        assert_eq!(again.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    }
}

#[test]
fn init_format_is_yaml_or_toml_only() {
    let out = Run::new().args(["init", "--format", "json"]).expect(2);
    assert!(out.stderr.contains("possible values: yaml, toml"), "{}", out.stderr);
    let out = Run::new().args(["rules", "--format", "yaml"]).expect(2);
    assert!(out.stderr.contains("possible values: human, json"), "{}", out.stderr);
}

/// The `--format` line of a command's short help, with its continuation lines.
fn format_help(command: &[&str]) -> String {
    let out = Run::new().args(command).args(["-h"]).expect(0);
    let mut lines = out
        .stdout
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("--format"));
    let mut text = lines.next().unwrap_or_default().to_owned();
    for line in lines.take_while(|l| l.starts_with("    ") && !l.trim_start().starts_with('-')) {
        text.push(' ');
        text.push_str(line.trim());
    }
    text
}

#[test]
fn each_command_offers_only_its_own_formats() {
    for (command, values) in [
        (vec!["init"], "yaml, toml"),
        (vec!["check"], "human, json, sarif, github, junit"),
        (vec!["coverage"], "human, json"),
        (vec!["staffing"], "human, json"),
        (vec!["at"], "human, json"),
        (vec!["rules"], "human, json"),
        (vec!["explain"], "human, json"),
        (vec!["schema"], "json"),
    ] {
        let help = format_help(&command);
        assert!(
            help.contains(&format!("[possible values: {values}]")),
            "plan {command:?} -h: {help}"
        );
    }
    // Commands that print one kind of output have no `--format` at all.
    for command in [
        vec!["render"],
        vec!["templates", "eject"],
        vec!["man"],
        vec!["completions"],
    ] {
        assert_eq!(format_help(&command), "", "plan {command:?}");
    }
    // Nor does `plan` itself list one: each command lists its own.
    assert_eq!(format_help(&[]), "");

    // A value the command does not offer is a usage error naming the accepted ones, after
    // the command or before it.
    let out = Run::new()
        .args(["staffing", "plan.yaml", "--format", "sarif"])
        .expect(2);
    assert!(out.stderr.contains("[possible values: human, json]"), "{}", out.stderr);
    let out = Run::new()
        .args(["--format", "sarif", "staffing", "plan.yaml"])
        .expect(2);
    assert!(
        out.stderr.contains("`plan staffing` accepts human, json"),
        "{}",
        out.stderr
    );
    let out = Run::new().args(["--format", "json", "render", "plan.yaml"]).expect(2);
    assert!(
        out.stderr.contains("`plan render` has no output formats"),
        "{}",
        out.stderr
    );

    // Before or after the command, and `table` for `human` in tabular commands.
    let plan = crate::check::MINIMAL;
    for args in [
        vec!["--format", "json", "check", "plan.yaml", "--today", "2026-11-22"],
        vec!["check", "plan.yaml", "--today", "2026-11-22", "--format", "json"],
    ] {
        let out = Run::new().file("plan.yaml", plan).args(&args).expect(0);
        assert!(out.stdout.starts_with('{'), "{args:?}: {}", out.stdout);
    }
    let out = Run::new().args(["rules", "--format", "table"]).expect(0);
    assert!(out.stdout.contains("unknown-reference"));
    let out = Run::new().args(["--format", "table", "rules"]).expect(0);
    assert!(out.stdout.contains("unknown-reference"));
    Run::new().args(["check", "--format", "table"]).expect(2);
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Run::new().args(["completions", shell]).expect(0);
        assert!(out.stdout.contains("plan"), "{shell}");
        assert!(out.stdout.contains("coverage"), "{shell} completes subcommands");
    }
    let out = Run::new().args(["man"]).expect(0);
    assert!(
        out.stdout.contains(".TH plan"),
        "{}",
        &out.stdout[..200.min(out.stdout.len())]
    );
    // The page printed alone refers to no other page: it lists the commands as typed.
    let references = page_references(&out.stdout);
    assert!(references.is_empty(), "{references:?}");
    for command in ["plan check", "plan staffing", "plan templates eject"] {
        assert!(out.stdout.contains(&format!("\\fB{command}\\fR")), "{command}");
    }
    // `--out DIR` writes a page for every command, and every page referred to is there.
    let pages = tempfile::tempdir().unwrap();
    let dir = pages.path().join("man");
    let out = Run::new().args(["man", "--out"]).arg_path(&dir).expect(0);
    assert!(out.stdout.contains("man"), "{}", out.stdout);
    let mut referred = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for page in page_references(&text) {
            assert!(
                dir.join(format!("{page}.1")).is_file(),
                "{page}(1) is referred to but missing"
            );
            referred += 1;
        }
    }
    assert!(referred >= 12, "plan(1) refers to each command's page");
    assert!(dir.join("plan.1").is_file() && dir.join("plan-templates-eject.1").is_file());
    // `plan man | head -1` and `plan completions bash | head -1` end quietly.
    for args in [vec!["man"], vec!["completions", "bash"]] {
        let out = Run::new().args(&args).expect_with_closed_stdout();
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{args:?}");
    }
}

/// The man pages a roff page refers to (`plan\-check(1)` → `plan-check`).
fn page_references(roff: &str) -> Vec<String> {
    let text = roff.replace("\\-", "-");
    let mut pages = Vec::new();
    for (at, _) in text.match_indices("(1)") {
        let name: String = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if !name.is_empty() {
            pages.push(name);
        }
    }
    pages
}
