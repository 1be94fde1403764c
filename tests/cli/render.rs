//! `plan render`: the documents of every sample plan, determinism, escaping, `--check`,
//! template overrides and their limits, atomic output, what render refuses to replace,
//! partial renders, and what the customer FAQ must never contain.

use crate::support::{Run, root};
use std::collections::BTreeMap;
use std::path::Path;

/// The manifest `plan render` keeps in its output folder.
const MANIFEST: &str = ".plan-render.json";

/// The documents in a folder, by name (the manifest left out).
/// Every file under `dir` but the manifest, by its path inside `dir` (`public/index.html`).
fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == MANIFEST) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let name = path.strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            files.insert(name, std::fs::read(&path).unwrap());
        }
    }
    files
}

fn sample(name: &str) -> String {
    root().join("plans").join(name).to_string_lossy().into_owned()
}

fn render_sample(name: &str, out: &Path, env: &[(&str, &str)]) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_plan"));
    cmd.args(["render", &sample(name), "--today", "2026-11-22", "--out"])
        .arg(out)
        .env("NO_COLOR", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{name}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_sample_renders_its_documents_identically_on_any_machine() {
    let samples = [
        ("nordlicht-haushaltsgeraete.yaml", "de"),
        ("dzintars-online.yaml", "lv"),
        ("nuvem-software.toml", "pt"),
        ("siam-mobile.yaml", "th"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (name, lang) in samples {
        let a = dir.path().join(format!("{name}-a"));
        let b = dir.path().join(format!("{name}-b"));
        render_sample(name, &a, &[("TZ", "UTC"), ("LANG", "C")]);
        render_sample(
            name,
            &b,
            &[("TZ", "Asia/Tokyo"), ("LANG", "th_TH.UTF-8"), ("LC_ALL", "de_DE.UTF-8")],
        );
        let (fa, fb) = (read_dir(&a), read_dir(&b));
        assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
        for (file, bytes) in &fa {
            assert!(bytes == &fb[file], "{name}: {file} differs between machines");
        }
        for expected in [
            format!("internal/handbook.{lang}.md"),
            format!("internal/handbook.{lang}.html"),
            "internal/handbook.en.html".to_owned(),
            "public/index.html".to_owned(),
            "internal/index.html".to_owned(),
        ] {
            assert!(
                fa.contains_key(&expected),
                "{name}: {expected} missing from {:?}",
                fa.keys()
            );
        }
        assert!(
            fa.keys()
                .any(|f| f.starts_with("public/faq-") && f.ends_with(&format!(".{lang}.html"))),
            "{name}: no FAQ in {lang}"
        );
        // Rendering again into the same directory gives the same bytes.
        render_sample(name, &a, &[]);
        assert!(read_dir(&a) == fa, "{name}: a second render differs");
    }
}

#[test]
fn the_faq_contains_nothing_internal() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "nordlicht-haushaltsgeraete.yaml",
        "dzintars-online.yaml",
        "nuvem-software.toml",
        "siam-mobile.yaml",
    ] {
        let out = dir.path().join(name);
        render_sample(name, &out, &[]);
        let plan = std::fs::read_to_string(sample(name)).unwrap();
        // Every contact's phone number, as written in the plan.
        let phones: Vec<String> = plan
            .split("contacts")
            .nth(1)
            .unwrap_or("")
            .split(['\n'])
            .take_while(|l| !l.starts_with("teams") && !l.starts_with("[[teams]]"))
            .filter_map(|l| {
                l.trim()
                    .strip_prefix("phone")
                    .map(|r| r.trim_start_matches([':', '=', ' ']).trim_matches('"').to_owned())
            })
            .collect();
        assert!(!phones.is_empty(), "{name}: found no contact phones to look for");
        for (file, bytes) in read_dir(&out).into_iter().filter(|(f, _)| f.starts_with("public/faq-")) {
            let text = String::from_utf8(bytes).unwrap();
            for phone in &phones {
                assert!(
                    !text.contains(phone.as_str()),
                    "{name}: {file} shows the contact phone {phone}"
                );
            }
        }
    }
}

const HOSTILE: &str = r#"version: 1
plan:
  name: "<script>alert(1)</script> plan"
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  languages: [en, lv, th]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - { id: anna, name: "Anna <script>alert(1)</script>", phone: "+49 30 5550 1990" }
teams:
  - { id: desk, lead: anna, languages: [en, lv, th], hours: { mon-fri: 08:00-18:00 }, agents: 4 }
channels:
  - { id: phone, kind: phone, name: "Hotline <script>alert(1)</script>", team: desk, response: 2m, address: "+49 800 5550 100" }
  - { id: email, kind: email, team: desk, response: 1 business day, address: help@example.com }
profiles:
  - id: bangkok
    name: Customers in Bangkok
    timezone: Asia/Bangkok
    languages: [en, th]
  - id: riga
    name: Customers in Riga
    timezone: Europe/Riga
    languages: [lv]
escalation:
  - { id: standard, channels: [phone, email], steps: [{ team: desk }] }
self-help:
  faq:
    - { question: "<script>alert(1)</script>?", answer: "Never <b>bold</b>." }
"#;

#[test]
fn html_is_escaped_and_hours_are_shown_in_the_customers_zone_and_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(dir.path())
        .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let site = dir.path().join("site");
    let files = read_dir(&site);
    for (file, bytes) in files.iter().filter(|(f, _)| f.ends_with(".html")) {
        let text = String::from_utf8_lossy(bytes);
        assert!(!text.contains("<script>"), "{file} has an unescaped script tag");
        assert!(!text.contains("<b>bold"), "{file} has unescaped markup");
    }
    // Berlin 08:00-18:00 is 14:00-24:00 in Bangkok in November.
    let bangkok = String::from_utf8_lossy(&files["public/faq-bangkok.en.html"]).into_owned();
    assert!(bangkok.contains("14:00–24:00"), "Bangkok times expected:\n{bangkok}");
    assert!(!bangkok.contains("08:00–18:00"));
    // Latvian weekday names in the Latvian FAQ (Riga is one hour ahead of Berlin).
    let riga = String::from_utf8_lossy(&files["public/faq-riga.lv.html"]).into_owned();
    assert!(riga.contains("09:00–19:00"), "{riga}");
    assert!(riga.contains("Pirmd.–Piektd."), "Latvian weekdays expected:\n{riga}");
    // The Thai FAQ renders, with Thai text.
    let thai = String::from_utf8_lossy(&files["public/faq-bangkok.th.html"]).into_owned();
    assert!(thai.contains("lang=\"th\""));
    assert!(
        thai.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)),
        "no Thai text"
    );
}

#[test]
fn check_reports_stale_missing_and_unexpected_files() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, HOSTILE).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    assert_eq!(run(&["--check"]).status.code(), Some(0));
    let site = dir.path().join("site");
    std::fs::write(site.join("public/faq-riga.lv.md"), "edited").unwrap();
    let out = run(&["--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("stale: site/public/faq-riga.lv.md"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(site.join("public/faq-riga.lv.md")).unwrap(),
        "edited",
        "--check writes nothing"
    );
    // The edited file is no longer render's: a render refuses to overwrite it and names it.
    let refused = run(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("public/faq-riga.lv.md changed since"));
    assert_eq!(
        std::fs::read_to_string(site.join("public/faq-riga.lv.md")).unwrap(),
        "edited"
    );
    std::fs::remove_file(site.join("public/faq-riga.lv.md")).unwrap();
    assert!(run(&[]).status.success());
    std::fs::remove_file(site.join("public/index.html")).unwrap();
    let out = run(&["--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("missing: site/public/index.html"));
    assert!(run(&[]).status.success());
    std::fs::write(&plan, HOSTILE.replace("Customers in Riga", "Customers in Latvia")).unwrap();
    let out = run(&["--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("stale: site/public/faq-riga.lv"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::write(site.join("notes.txt"), "x").unwrap();
    assert!(String::from_utf8_lossy(&run(&["--check"]).stdout).contains("unexpected: site/notes.txt"));
}

#[test]
fn a_broken_override_fails_with_its_name_and_line_and_keeps_the_previous_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&[]).status.success());
    let before = read_dir(&dir.path().join("site"));
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(
        dir.path().join("mine/faq.md"),
        "# {{ profile.name }}\n\n{{ no_such_variable }}\n",
    )
    .unwrap();
    let out = run(&["--templates", "mine"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("faq.md") && err.contains("line 3"), "{err}");
    assert_eq!(
        read_dir(&dir.path().join("site")),
        before,
        "the previous output is untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        leftovers.iter().all(|n| !n.starts_with(".site")),
        "temporary directories left: {leftovers:?}"
    );
    // A working override replaces just that file.
    std::fs::write(dir.path().join("mine/faq.md"), "# {{ profile.name }}\n").unwrap();
    assert!(run(&["--templates", "mine"]).status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("site/public/faq-riga.lv.md")).unwrap(),
        "# Customers in Riga\n"
    );
    // A template directory that does not exist is a tool error.
    assert_eq!(run(&["--templates", "nowhere"]).status.code(), Some(2));
}

#[test]
fn an_error_in_a_macro_names_the_calling_line_the_macro_and_the_field() {
    // The built-in macros plus one that reads a field channels do not have.
    let builtin = std::fs::read_to_string(root().join("templates/_macros.md")).unwrap();
    let macros =
        format!("{builtin}\n{{%- macro card(c) -%}}\n{{{{ c.name }}}}\n{{{{ c.no_such_field }}}}\n{{%- endmacro %}}\n");
    let bad_line = macros.lines().position(|l| l.contains("no_such_field")).unwrap() + 1;
    let faq = "{%- import \"_macros.md\" as m -%}\n# FAQ\n\n{% for c in channels %}\n{{ m.card(c) }}\n{% endfor %}\n";
    let out = Run::new()
        .file("plan.yaml", HOSTILE)
        .file("mine/_macros.md", &macros)
        .file("mine/faq.md", faq)
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "site",
            "--templates",
            "mine",
        ])
        .expect(2);
    let err = out.stderr;
    for part in [
        "faq.md, line 5".to_owned(),
        format!("in macro `card` of _macros.md, line {bad_line}"),
        "`c.no_such_field` is undefined".to_owned(),
    ] {
        assert!(err.contains(&part), "`{part}` missing from: {err}");
    }
    // A bad field passed to a macro names where it came from, too.
    let faq = faq.replace("m.card(c)", "m.md(c.no_such_field)");
    let out = Run::new()
        .file("plan.yaml", HOSTILE)
        .file("mine/faq.md", &faq)
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "site",
            "--templates",
            "mine",
        ])
        .expect(2);
    assert!(
        out.stderr.contains("faq.md, line 5, in macro `md` of _macros.md")
            && out.stderr.contains("`c.no_such_field` is undefined (from faq.md:5)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_contact_without_hours_is_shown_as_reachable_at_any_time() {
    let plan = r#"version: 1
plan:
  name: Hours plan
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  languages: [en, de, lv, pt, th]
contacts:
  - { id: anna, name: Anna Weber, phone: "+49 30 5550 1990" }
  - { id: ben, name: Ben Kurz, phone: "+49 30 5550 1991", hours: { mon-fri: 09:00-17:00 } }
teams:
  - { id: desk, lead: anna, hours: { mon-fri: 08:00-18:00 }, agents: 4 }
channels:
  - { id: phone, kind: phone, team: desk, response: 2m }
escalation:
  - { id: standard, channels: [phone], steps: [{ team: desk }, { contact: anna, after: 2h }, { contact: ben, after: 4h }] }
"#;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(dir.path())
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "site",
            "--allow-errors",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let files = read_dir(&dir.path().join("site"));
    for (lang, any_time, not_stated) in [
        ("en", "at any time", ["no hours stated", "not stated"]),
        ("de", "jederzeit", ["keine Zeiten angegeben", "nicht angegeben"]),
        ("lv", "jebkurā laikā", ["laiks nav norādīts", "nav norādīts"]),
        ("pt", "a qualquer hora", ["horário não informado", "não informado"]),
        ("th", "ตลอดเวลา", ["ไม่ได้ระบุเวลา", "ไม่ได้ระบุ"]),
    ] {
        let md = String::from_utf8_lossy(&files[&format!("internal/handbook.{lang}.md")]).into_owned();
        // Anna's row in the escalation table and in the contact list; Ben keeps his hours.
        let rows: Vec<&str> = md.lines().filter(|l| l.contains("**Anna Weber**")).collect();
        assert_eq!(rows.len(), 2, "{lang}: {rows:?}");
        for row in &rows {
            assert!(row.ends_with(&format!("| {any_time} |")), "{lang}: {row}");
        }
        assert!(
            md.lines()
                .filter(|l| l.contains("**Ben Kurz**"))
                .all(|l| l.contains("09:00–17:00") || l.contains("09.00–17.00 น.")),
            "{lang}"
        );
        let html = String::from_utf8_lossy(&files[&format!("internal/handbook.{lang}.html")]).into_owned();
        let cells = html.matches(&format!("{any_time}</span></td>")).count();
        assert_eq!(cells, 2, "{lang}: Anna's two hours cells");
        for text in [md.as_str(), html.as_str()] {
            for phrase in not_stated {
                assert!(!text.contains(phrase), "{lang}: `{phrase}` is still shown");
            }
        }
    }
}

#[test]
fn a_plan_with_errors_is_not_published() {
    let broken = HOSTILE.replace("team: desk, response: 2m", "team: dsk, response: 2m");
    let out = Run::new()
        .file("plan.yaml", &broken)
        .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
        .expect(1);
    assert!(
        out.stdout.contains("unknown-reference") || out.stdout.contains("R001"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("--allow-errors"));
    // The findings and their counts are those of `plan check`, warnings included.
    let check = Run::new()
        .file("plan.yaml", &broken)
        .args(["check", "plan.yaml", "--today", "2026-11-22"])
        .expect(1);
    let summary = check.stdout.lines().last().unwrap().to_owned();
    assert!(
        summary.starts_with("1 error, ") && !summary.contains(" 0 warnings"),
        "the plan draws warnings too: {summary}"
    );
    assert!(
        out.stdout.starts_with(&check.stdout),
        "render prints what check prints:\n{}\ncheck:\n{}",
        out.stdout,
        check.stdout
    );
    assert_eq!(out.stdout.lines().filter(|l| *l == summary).count(), 1);
    Run::new()
        .file("plan.yaml", &broken)
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "site",
            "--allow-errors",
        ])
        .expect(0);
}

#[test]
fn eject_writes_the_built_in_templates_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["templates", "eject", "mine"]).status.success());
    for name in [
        "handbook.md",
        "handbook.html",
        "faq.md",
        "faq.html",
        "index.html",
        "i18n/en.toml",
        "i18n/th.toml",
    ] {
        assert!(dir.path().join("mine").join(name).is_file(), "{name} not ejected");
    }
    assert_eq!(run(&["templates", "eject", "mine"]).status.code(), Some(2));
    // The ejected templates render the same documents as the built-in ones.
    std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
    assert!(
        run(&["render", "plan.yaml", "--today", "2026-11-22", "--out", "a"])
            .status
            .success()
    );
    assert!(
        run(&[
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "b",
            "--templates",
            "mine"
        ])
        .status
        .success()
    );
    assert!(
        read_dir(&dir.path().join("a")) == read_dir(&dir.path().join("b")),
        "ejected templates render differently"
    );
}

#[test]
fn only_and_lang_select_documents_and_dump_context_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&[
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--out",
            "s",
            "--only",
            "faq",
            "--lang",
            "th"
        ])
        .status
        .success()
    );
    assert_eq!(
        read_dir(&dir.path().join("s")).keys().cloned().collect::<Vec<_>>(),
        ["public/faq-bangkok.th.html", "public/faq-bangkok.th.md"]
    );
    let out = run(&["render", "plan.yaml", "--today", "2026-11-22", "--dump-context"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let faq = &doc["public/faq-bangkok.en"];
    for internal in ["contacts", "authority", "teams", "escalation", "training"] {
        assert!(faq.get(internal).is_none(), "the FAQ context has `{internal}`");
    }
    assert!(doc["internal/handbook.en"]["contacts"].is_array());
    assert!(!dir.path().join("site").exists(), "--dump-context writes nothing");
}

/// A plan with `profiles` customer profiles, every other one with FAQs in two languages.
fn plan_with_profiles(profiles: usize) -> String {
    let mut plan = String::from(
        r#"version: 1
plan:
  name: Scale plan
  owner: anna
  timezone: Europe/Berlin
  holidays: DE-BE
  languages: [en, de]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - { id: anna, name: Anna, phone: "+49 30 5550 1990" }
teams:
  - { id: desk, lead: anna, languages: [en, de], hours: { mon-fri: 08:00-18:00 }, agents: 4 }
channels:
  - { id: phone, kind: phone, team: desk, response: 2m, address: "+49 800 5550 100" }
  - { id: email, kind: email, team: desk, response: 1 business day, address: help@example.com }
escalation:
  - { id: standard, channels: [phone, email], steps: [{ team: desk }] }
self-help:
  faq:
    - { question: Hours?, answer: Weekdays. }
profiles:
"#,
    );
    for i in 0..profiles {
        let langs = if i % 2 == 0 { "[en]" } else { "[de, en]" };
        plan.push_str(&format!(
            "  - {{ id: p{i}, name: Profile {i}, timezone: Europe/Berlin, languages: {langs} }}\n"
        ));
    }
    plan
}

#[test]
fn document_contexts_grow_linearly_with_the_number_of_profiles() {
    let dir = tempfile::tempdir().unwrap();
    let measure = |profiles: usize| {
        let name = format!("plan-{profiles}.yaml");
        std::fs::write(dir.path().join(&name), plan_with_profiles(profiles)).unwrap();
        // The faster of two runs: other tests share the machine.
        let mut elapsed = f64::INFINITY;
        let mut out = None;
        for _ in 0..2 {
            let start = std::time::Instant::now();
            let run = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
                .current_dir(dir.path())
                .args(["render", &name, "--today", "2026-11-22", "--dump-context"])
                .output()
                .unwrap();
            elapsed = elapsed.min(start.elapsed().as_secs_f64());
            out = Some(run);
        }
        let out = out.unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        // An FAQ links to its own profile's other languages and to the index, not to
        // every document of the plan.
        let links = doc["public/faq-p1.de"]["documents"].as_array().unwrap();
        let files: Vec<&str> = links.iter().filter_map(|d| d["file"].as_str()).collect();
        assert_eq!(files, ["faq-p1.de.html", "faq-p1.en.html", "index.html"]);
        (out.stdout.len() as f64, elapsed)
    };
    let (small_bytes, small_time) = measure(150);
    let (large_bytes, large_time) = measure(600);
    let bytes = large_bytes / small_bytes;
    assert!(
        bytes < 5.0,
        "4 times the profiles gives {bytes:.1} times the context bytes ({small_bytes} → {large_bytes})"
    );
    // Time is noisy on a shared machine; the bound only catches quadratic growth (16).
    let time = large_time / small_time;
    assert!(
        time < 8.0,
        "4 times the profiles takes {time:.1} times as long ({small_time:.2} s → {large_time:.2} s)"
    );
}

#[test]
fn templates_that_never_end_or_grow_without_bound_fail_with_their_name() {
    let cases = [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
            "budget",
        ),
        ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}\n", "recursion"),
        (
            "{% set s = \"x\" * 10000000 %}{% for i in range(100000) %}{{ s }}{% endfor %}\n",
            "larger than 16 MiB",
        ),
        (
            "{% set ns = namespace(s=\"x\") %}{% for i in range(100) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}\n",
            "budget",
        ),
    ];
    for (template, why) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
        std::fs::create_dir(dir.path().join("mine")).unwrap();
        std::fs::write(dir.path().join("mine/faq.md"), template).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
            .args(["--templates", "mine"])
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{template}: {err}");
        assert!(
            err.contains("template faq.md") && err.contains("(rendering public/faq-") && err.contains(why),
            "{template}: {err}"
        );
        assert!(!dir.path().join("site").exists(), "nothing is published");
    }
}

#[test]
fn template_files_larger_than_the_cap_are_not_read_and_folder_links_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.yaml"), HOSTILE).unwrap();
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/faq.md"), "x".repeat(1024 * 1024 + 1)).unwrap();
    // A link back to the folder itself: following it would walk forever.
    #[cfg(unix)]
    std::os::unix::fs::symlink(".", dir.path().join("mine/loop")).unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .current_dir(dir.path())
            .args(["render", "plan.yaml", "--today", "2026-11-22", "--templates", "mine"])
            .output()
            .unwrap()
    };
    let out = run();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("faq.md") && err.contains("larger than 1 MiB"), "{err}");
    std::fs::write(dir.path().join("mine/faq.md"), "# {{ profile.name }}\n").unwrap();
    let out = run();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("site/public/faq-riga.lv.md")).unwrap(),
        "# Customers in Riga\n"
    );
}

/// Run `plan render` in `dir` with a pinned date, returning what it printed.
fn render_in(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(["render", "--today", "2026-11-22"])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every path under `dir`, relative, sorted: a fingerprint of a folder tree.
fn tree(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let entry = entry.unwrap();
            all.push(entry.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            if entry.file_type().unwrap().is_dir() {
                stack.push(entry.path());
            }
        }
    }
    all.sort();
    all
}

#[test]
fn render_refuses_folders_it_did_not_write_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("plans")).unwrap();
    std::fs::write(root.join("plans/plan.yaml"), HOSTILE).unwrap();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(root.join("src/main.rs"), "fn main() {}\n").unwrap();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::create_dir_all(root.join("vendor/lib/.git")).unwrap();
    std::fs::create_dir_all(root.join("empty")).unwrap();
    let before = tree(root);
    let absolute = root.to_string_lossy().into_owned();
    for (out, why) in [
        ("plans", "holds the plan file"),
        ("plans/plan.yaml", "is the plan file"),
        (absolute.as_str(), "holds the plan file"),
        (".", "holds the plan file"),
        ("src", "was not written by `plan render`"),
        ("vendor", "holds a git repository"),
        (".git", "`.git` folder"),
        (".git/site", "`.git` folder"),
    ] {
        let (code, _, err) = render_in(root, &["plans/plan.yaml", "--out", out]);
        assert_eq!(code, Some(2), "--out {out}: {err}");
        assert!(
            err.contains(why) && err.contains("nothing was changed"),
            "--out {out}: {err}"
        );
        assert_eq!(tree(root), before, "--out {out} changed the project");
    }
    // The current directory, with the plan elsewhere.
    let (code, _, err) = render_in(&root.join("src"), &["../plans/plan.yaml", "--out", "."]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("is the current directory"), "{err}");
    // An empty folder is fine.
    let (code, _, err) = render_in(root, &["plans/plan.yaml", "--out", "empty"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(root.join("empty").join(MANIFEST).is_file());
    // A file render did not write stops the next render, which names it.
    std::fs::write(root.join("empty/notes.txt"), "mine").unwrap();
    std::fs::create_dir(root.join("empty/drafts")).unwrap();
    let before = tree(root);
    let (code, _, err) = render_in(root, &["plans/plan.yaml", "--out", "empty"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(
        err.contains("did not write") && err.contains("notes.txt") && err.contains("drafts"),
        "{err}"
    );
    assert_eq!(tree(root), before);
}

#[test]
fn the_refusal_for_a_foreign_folder_says_why_and_what_to_do() {
    let out = Run::new()
        .file("plan.yaml", HOSTILE)
        .file("site/photo.jpg", "not a document")
        .args(["render", "plan.yaml", "--today", "2026-11-22", "--out", "site"])
        .expect(2);
    assert_eq!(
        out.stderr.trim_end(),
        "error: refusing to render into site: it is not empty and was not written by `plan render` \
         (it has no .plan-render.json); render replaces the folder's contents, so use a new or \
         empty folder, or move its files elsewhere first (nothing was changed)"
    );
}

#[test]
fn lang_and_only_replace_their_own_files_and_keep_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plan.yaml"), HOSTILE).unwrap();
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site"]);
    assert_eq!(code, Some(0), "{err}");
    let full = read_dir(&root.join("site"));
    // The same plan, rendered in part: the whole site stays, byte for byte.
    for partial in [
        &["--lang", "th"][..],
        &["--only", "faq", "--lang", "lv"],
        &["--only", "index"],
    ] {
        let (code, _, err) = render_in(root, &[&["plan.yaml", "--out", "site"][..], partial].concat());
        assert_eq!(code, Some(0), "{partial:?}: {err}");
        assert!(read_dir(&root.join("site")) == full, "{partial:?} changed the site");
        let (code, out, _) = render_in(root, &["plan.yaml", "--out", "site", "--check"]);
        assert_eq!(code, Some(0), "{partial:?}: {out}");
    }
    // Bangkok's customers lose their Thai FAQ and Riga's get a new name: a Thai FAQ render
    // removes the Thai FAQ and touches nothing else.
    let changed = HOSTILE
        .replace("languages: [en, th]\n  - id: riga", "languages: [en]\n  - id: riga")
        .replace("Customers in Riga", "Customers in Latvia");
    std::fs::write(root.join("plan.yaml"), &changed).unwrap();
    let (code, out, err) = render_in(root, &["plan.yaml", "--out", "site", "--only", "faq", "--lang", "th"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("wrote 0 files"), "{out}");
    let now = read_dir(&root.join("site"));
    let mut expected = full.clone();
    expected.remove("public/faq-bangkok.th.html");
    expected.remove("public/faq-bangkok.th.md");
    assert!(now == expected, "{:?}", now.keys());
    // The manifest lists exactly what is there.
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("site").join(MANIFEST)).unwrap()).unwrap();
    let listed: Vec<&str> = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(listed, now.keys().map(String::as_str).collect::<Vec<_>>());
    let lv = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["name"] == "public/faq-riga.lv.html")
        .unwrap();
    assert_eq!((lv["kind"].as_str(), lv["lang"].as_str()), (Some("faq"), Some("lv")));
    // The Latvian FAQ is rendered anew, nothing else.
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site", "--lang", "lv"]);
    assert_eq!(code, Some(0), "{err}");
    let after = read_dir(&root.join("site"));
    for (file, bytes) in &after {
        let same = now.get(file) == Some(bytes);
        assert_eq!(same, !file.ends_with(".lv.html") && !file.ends_with(".lv.md"), "{file}");
    }
    // A language the plan does not have is a usage error.
    let before = tree(root);
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site", "--lang", "fr"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`fr`") && err.contains("en, lv, th"), "{err}");
    assert_eq!(tree(root), before);
}

#[cfg(unix)]
#[test]
fn a_symbolic_link_out_is_written_through_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plan.yaml"), HOSTILE).unwrap();
    std::fs::create_dir(root.join("published")).unwrap();
    std::os::unix::fs::symlink("published", root.join("site")).unwrap();
    for _ in 0..2 {
        let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site"]);
        assert_eq!(code, Some(0), "{err}");
        assert!(
            std::fs::symlink_metadata(root.join("site"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(root.join("published/public/index.html").is_file());
        assert!(root.join("published").join(MANIFEST).is_file());
    }
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["plan.yaml", "published", "site"]);
}

#[test]
fn check_reports_links_inside_out_and_does_not_follow_a_loop() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plan.yaml"), HOSTILE).unwrap();
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site"]);
    assert_eq!(code, Some(0), "{err}");
    #[cfg(unix)]
    {
        std::fs::create_dir(root.join("site/sub")).unwrap();
        std::os::unix::fs::symlink("..", root.join("site/sub/loop")).unwrap();
        let (code, out, _) = render_in(root, &["plan.yaml", "--out", "site", "--check"]);
        assert_eq!(code, Some(1), "{out}");
        assert!(out.contains("unexpected: site/sub/loop (a symbolic link)"), "{out}");
    }
}

/// Whether permissions stop this process from writing into `dir` (they do not for root).
#[cfg(unix)]
fn permissions_apply(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let denied = std::fs::write(&probe, "x").is_err();
    let _ = std::fs::remove_file(probe);
    denied
}

#[cfg(unix)]
#[test]
fn a_read_only_out_or_parent_fails_cleanly_and_keeps_the_previous_output() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plan.yaml"), HOSTILE).unwrap();
    std::fs::create_dir(root.join("docs")).unwrap();
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "docs/site"]);
    assert_eq!(code, Some(0), "{err}");
    let before = read_dir(&root.join("docs/site"));
    let changed = HOSTILE.replace("Customers in Riga", "Customers in Latvia");
    std::fs::write(root.join("plan.yaml"), changed).unwrap();
    let mode = |path: &Path, mode: u32| std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    for read_only in ["docs/site", "docs"] {
        mode(&root.join(read_only), 0o555);
        let enforced = permissions_apply(&root.join(read_only));
        let (code, _, err) = render_in(root, &["plan.yaml", "--out", "docs/site"]);
        mode(&root.join(read_only), 0o755);
        if !enforced {
            // Running as root: permissions do not stop writing, so there is nothing to test.
            assert_eq!(code, Some(0), "{err}");
            continue;
        }
        assert_eq!(code, Some(2), "{read_only}: {err}");
        assert!(err.contains("docs"), "{err}");
        assert!(
            read_dir(&root.join("docs/site")) == before,
            "{read_only}: the previous output changed"
        );
        let beside: Vec<String> = std::fs::read_dir(root.join("docs"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside, ["site"], "{read_only}: left behind");
    }
}

#[test]
fn an_interrupted_render_is_recovered_and_its_leftovers_removed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("plan.yaml"), HOSTILE).unwrap();
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site"]);
    assert_eq!(code, Some(0), "{err}");
    let full = read_dir(&root.join("site"));
    let manifest = std::fs::read(root.join("site").join(MANIFEST)).unwrap();
    // A render killed between its two moves: the output moved aside, the new one staged.
    std::fs::rename(root.join("site"), root.join(".site.plan-old-Ab12Cd")).unwrap();
    std::fs::create_dir(root.join(".site.plan-new-Xy34Zw")).unwrap();
    std::fs::write(root.join(".site.plan-new-Xy34Zw/index.html"), "new").unwrap();
    std::fs::write(root.join(".site.plan-new-Xy34Zw").join(MANIFEST), &manifest).unwrap();
    // A render killed while writing, and a folder of someone else's that only looks like ours.
    std::fs::create_dir(root.join(".site.plan-new-Empty1")).unwrap();
    std::fs::create_dir(root.join(".site.plan-new-NotOur")).unwrap();
    std::fs::write(root.join(".site.plan-new-NotOur/keep.txt"), "mine").unwrap();
    // A partial render: the handbooks it keeps can only come from the restored output.
    let (code, _, err) = render_in(root, &["plan.yaml", "--out", "site", "--only", "faq"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("put back the previous output"), "{err}");
    assert!(read_dir(&root.join("site")) == full);
    let mut names: Vec<String> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".site.plan-new-NotOur", "plan.yaml", "site"]);
    assert!(root.join(".site.plan-new-NotOur/keep.txt").is_file());
}

#[test]
fn source_date_epoch_pins_the_documents_date_and_a_bad_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample("nordlicht-haushaltsgeraete.yaml");
    // 2026-11-22 12:00 UTC.
    let render = |out: &Path, epoch: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
            .args(["render", &plan, "--out"])
            .arg(out)
            .env("SOURCE_DATE_EPOCH", epoch)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    let a = dir.path().join("a");
    let out = render(&a, "1795348800");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let b = dir.path().join("b");
    render_sample("nordlicht-haushaltsgeraete.yaml", &b, &[]);
    assert_eq!(
        read_dir(&a),
        read_dir(&b),
        "SOURCE_DATE_EPOCH gives the same documents as --today"
    );
    let bad = render(&dir.path().join("c"), "yesterday");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("SOURCE_DATE_EPOCH"));
    assert!(!dir.path().join("c").exists(), "nothing is written");
}

#[test]
fn public_holds_only_customer_pages_that_link_nowhere_internal() {
    let dir = tempfile::tempdir().unwrap();
    for name in [
        "nordlicht-haushaltsgeraete.yaml",
        "dzintars-online.yaml",
        "nuvem-software.toml",
        "siam-mobile.yaml",
    ] {
        let out = dir.path().join(name);
        render_sample(name, &out, &[]);
        let files = read_dir(&out);
        for (file, bytes) in &files {
            let top = file.split('/').next().unwrap();
            assert!(
                top == "public" || top == "internal",
                "{name}: {file} outside public/ and internal/"
            );
            let kind_ok = if top == "public" {
                file.starts_with("public/faq-") || file == "public/index.html"
            } else {
                file.starts_with("internal/handbook.") || file == "internal/index.html"
            };
            assert!(kind_ok, "{name}: {file} is in the wrong folder");
            if top != "public" || !file.ends_with(".html") {
                continue;
            }
            let text = String::from_utf8_lossy(bytes);
            for (i, _) in text.match_indices("href=\"") {
                let rest = &text[i + 6..];
                let href = rest[..rest.find('"').unwrap()].replace("&#x2f;", "/");
                let external = ["https:", "http:", "mailto:", "tel:", "#"]
                    .iter()
                    .any(|p| href.starts_with(p));
                assert!(
                    external || (!href.contains('/') && files.contains_key(&format!("public/{href}"))),
                    "{name}: {file} links to {href}, which is not a customer page"
                );
            }
            assert!(!text.contains("handbook"), "{name}: {file} mentions a handbook");
        }
        // The staff index reaches every FAQ in public/.
        let internal = String::from_utf8_lossy(&files["internal/index.html"]).replace("&#x2f;", "/");
        for faq in files
            .keys()
            .filter(|f| f.starts_with("public/faq-") && f.ends_with(".html"))
        {
            assert!(
                internal.contains(&format!("href=\"../{faq}\"")),
                "{name}: internal index misses {faq}"
            );
        }
    }
}

#[test]
fn template_reference_in_docs_is_current() {
    let path = root().join("docs/templates.md");
    let page = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = service_plan::render::context::reference::update(&page);
    if std::env::var_os("PLAN_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current.contains("<!-- generated: faq -->"),
        "docs/templates.md has lost its generated field tables"
    );
    assert!(
        current == generated,
        "docs/templates.md is stale: run `PLAN_BLESS=1 cargo test` and commit it"
    );
}
