//! Links and plan text in published documents: a plan cannot put a script link, a
//! `mailto:` with extra headers, raw HTML or Markdown markup into a customer page, even
//! when it is published with `--allow-errors`. The Markdown is read back with an
//! independent CommonMark parser, the HTML by its attributes.

use crate::support::{Run, json, root};
use pulldown_cmark::{Event, Parser, Tag};
use std::path::Path;

/// A plan whose every link and text tries something.
const HOSTILE: &str = r##"version: 1
plan:
  name: "Hostile [plan](javascript:alert(1)) <script>alert(1)</script>"
  company: "<img src=x onerror=alert(1)>"
  owner: anna
  timezone: Europe/Berlin
  languages: [en]
  review: { last: 2026-09-01, every: 6 months }
contacts:
  - id: anna
    name: "Anna ![x](https://evil.example/pixel.png)"
    phone: "+49 30 5550 1990"
    email: "anna@example.com?bcc=everyone@example.net"
teams:
  - id: first-line
    lead: anna
    hours: 24/7
    agents: 4
profiles:
  - id: home-owners
    name: "# Call 0900 instead"
channels:
  - id: chat
    kind: chat
    name: "Chat | with | pipes"
    address: " JaVaScRiPt:alert(document.cookie)"
    team: first-line
    response: 2m
  - id: email
    kind: email
    address: "service@example.com?subject=x&bcc=all@evil.example"
    team: first-line
    response: 4h
  - id: form
    kind: web-form
    address: "vbscript:msgbox(1)"
    team: first-line
    response: 1 day
  - id: social
    kind: social
    description: "[click me](javascript:alert(1)) or <a href=\"javascript:alert(1)\">here</a> &lt;b&gt;"
    address: "data:text/html,<script>alert(1)</script>"
    team: first-line
    response: 1 day
training:
  - { id: basics, topics: [complaints], for: [first-line], every: 12 months, last: 2026-03-01 }
feedback:
  - { id: csat-survey, kind: survey, via: chat, when: after-resolution }
self-help:
  faq:
    - question: "**Free money?** <b>yes</b>"
      answer: "- [Claim it](javascript:alert(1))\n\n<iframe src=https://evil.example>"
  guides:
    - id: reset
      title: Reset the error light
      steps: ["[Step](javascript:alert(1))"]
      url: "javascript:alert(1)"
escalation:
  - { id: standard, channels: [chat, email, form, social], steps: [{ team: first-line }] }
"##;

fn render_hostile() -> (tempfile::TempDir, Vec<(String, String)>) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    Run::new()
        .file("plan.yaml", HOSTILE)
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--allow-errors",
            "--out",
        ])
        .arg_path(&site)
        .expect(0);
    let mut files = Vec::new();
    let mut stack = vec![site];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((path.file_name().unwrap().to_string_lossy().into_owned(), text));
            }
        }
    }
    assert!(files.iter().any(|(n, _)| n.ends_with(".md")), "documents were written");
    (out, files)
}

fn safe_destination(dest: &str) -> bool {
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|s| dest.starts_with(s))
        || (!dest.contains(':') && !dest.starts_with("//"))
}

#[test]
fn every_unsafe_link_is_a_located_finding() {
    let out = Run::new()
        .file("plan.yaml", HOSTILE)
        .args(["check", "--today", "2026-11-22", "--format", "json", "plan.yaml"])
        .expect(1);
    let doc = json(&out);
    let mut found: Vec<(String, u64)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "invalid-url")
        .map(|d| {
            let path: Vec<String> = d["path"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().map_or_else(|| s.to_string(), str::to_owned))
                .collect();
            (path.join("."), d["line"].as_u64().unwrap())
        })
        .collect();
    found.sort_by_key(|(_, line)| *line);
    let expected = [
        ("contacts.0.email", 13),
        ("channels.0.address", 26),
        ("channels.1.address", 31),
        ("channels.2.address", 36),
        ("channels.3.address", 42),
        ("self-help.guides.0.url", 57),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|(p, l)| ((*p).to_owned(), *l)).collect();
    assert_eq!(found, expected);
}

#[test]
fn markdown_documents_hold_no_markup_from_the_plan() {
    let (_dir, files) = render_hostile();
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".md")) {
        for event in Parser::new_ext(text, pulldown_cmark::Options::ENABLE_TABLES) {
            match event {
                Event::Html(h) | Event::InlineHtml(h) => panic!("{name}: raw HTML `{h}`"),
                Event::Start(Tag::Link { dest_url, .. }) => {
                    assert!(safe_destination(&dest_url), "{name}: link to `{dest_url}`")
                }
                Event::Start(Tag::Image { dest_url, .. }) => panic!("{name}: image `{dest_url}`"),
                Event::Start(Tag::Heading { .. }) => {}
                Event::Text(t) if t.contains("Call 0900") => {}
                _ => {}
            }
        }
        assert!(!text.contains("\n# Call"), "{name}: a plan text became a heading");
        assert!(!text.to_lowercase().contains("<javascript"), "{name}");
        assert!(!text.contains("bcc="), "{name}: a mailto header survived");
    }
}

#[test]
fn html_documents_link_only_to_the_web_mail_and_phone() {
    let (_dir, files) = render_hostile();
    for (name, text) in files.iter().filter(|(n, _)| n.ends_with(".html")) {
        for (i, _) in text.match_indices("href=\"") {
            let rest = &text[i + 6..];
            let dest = &rest[..rest.find('"').unwrap()];
            assert!(safe_destination(dest), "{name}: link to `{dest}`");
        }
        let lower = text.to_lowercase();
        for bad in ["<img", "<iframe", "<b>", "javascript:alert(1)\"", "bcc="] {
            assert!(!lower.contains(bad), "{name} contains `{bad}`");
        }
        // The one script element a page may have is the FAQ's JSON-LD: data that browsers
        // do not run, and whose text holds no `<` (so nothing in it can end the element).
        const JSON_LD: &str = "<script type=\"application/ld+json\">";
        let mut outside = lower.clone();
        if let Some(start) = outside.find(JSON_LD) {
            let data = start + JSON_LD.len();
            let end = data + outside[data..].find("</script>").unwrap();
            assert!(!outside[data..end].contains('<'), "{name}: markup in the JSON-LD");
            outside.replace_range(start..end + "</script>".len(), "");
        }
        assert!(!outside.contains("<script"), "{name} contains `<script`");
    }
}

#[test]
fn the_samples_links_survive_escaping() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    Run::new()
        .args(["render", "--today", "2026-11-22", "--out"])
        .arg_path(&site)
        .arg_path(&root().join("plans/nordlicht-haushaltsgeraete.yaml"))
        .expect(0);
    let faq = find(&site, "faq-familien.de.md");
    let links: Vec<String> = Parser::new(&faq)
        .filter_map(|e| match e {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect();
    assert!(
        links.contains(&"https://nordlicht.example/chat".to_owned()),
        "{links:?}"
    );
    assert!(links.contains(&"service@nordlicht.example".to_owned()), "{links:?}");
    assert!(
        links.iter().any(|l| l.starts_with("https://nordlicht.example/hilfe/")),
        "{links:?}"
    );
}

fn find(dir: &Path, name: &str) -> String {
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == name) {
                return std::fs::read_to_string(path).unwrap();
            }
        }
    }
    panic!("{name} not rendered in {}", dir.display())
}
