//! What the published documents tell customers and staff, on small generated plans: regular
//! hours and every day that differs from them, hours across clock changes, the languages a
//! channel is worked in, and only what the customers of a profile should see.

use crate::support::Run;
use std::collections::BTreeMap;

/// Render `plan` (YAML) for `today` and return every document written, by its path in
/// the output folder (`public/faq-….en.md`, `internal/handbook.en.md`).
fn render(plan: &str, today: &str) -> BTreeMap<String, String> {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    Run::new()
        .file("plan.yaml", plan)
        .args(["render", "plan.yaml", "--today", today, "--out"])
        .arg_path(&site)
        .expect(0);
    let mut files = BTreeMap::new();
    for folder in ["public", "internal"] {
        for entry in std::fs::read_dir(site.join(folder)).unwrap() {
            let p = entry.unwrap().path();
            if p.extension().is_some_and(|x| x == "md" || x == "html") {
                let name = format!("{folder}/{}", p.file_name().unwrap().to_string_lossy());
                files.insert(name, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    files
}

/// The lines of a Markdown document that start with `prefix`.
fn lines_with<'a>(doc: &'a str, prefix: &str) -> Vec<&'a str> {
    doc.lines().filter(|l| l.starts_with(prefix)).collect()
}

const SPECIAL_DATE: &str = r#"version: 1
plan:
  name: Example service
  company: Example Ltd
  timezone: Europe/Berlin
  holidays: DE-BE
  languages: [en]
  horizon: 30 days
teams:
  - { id: desk, name: Desk, languages: [en], hours: { daily: 00:00-24:00 }, agents: 2 }
  - id: chat-team
    name: Chat team
    languages: [en]
    hours: { mon-fri: 10:00-16:00, dates: { 2026-12-03: closed } }
    agents: 2
channels:
  - id: phone
    kind: phone
    name: Hotline
    team: desk
    response: 2m
    hours: { mon-fri: 09:00-17:00, dates: { 2026-12-01: 12:00-23:00 } }
  - { id: chat, kind: chat, name: Chat, team: chat-team, response: 1m }
profiles:
  - { id: everyone, name: Everyone, timezone: Europe/Berlin, languages: [en] }
"#;

#[test]
fn regular_hours_come_from_the_recurring_week_and_every_other_day_is_listed() {
    let files = render(SPECIAL_DATE, "2026-11-29");
    let faq = &files["public/faq-everyone.en.md"];
    // The one-off date in the week of --today is not the Tuesday's regular hours.
    assert!(!faq.contains("Tue 12:00–23:00"), "{faq}");
    assert!(
        faq.contains("- Opening hours: Mon–Fri 09:00–17:00\n"),
        "the hotline's regular hours:\n{faq}"
    );
    // The chat has no hours of its own: its team's recurring shifts, not its closed date.
    assert!(faq.contains("- Opening hours: Mon–Fri 10:00–16:00\n"), "{faq}");
    let rows = lines_with(faq, "| ");
    let row = |date: &str| {
        rows.iter()
            .find(|r| r.starts_with(&format!("| {date} |")))
            .unwrap_or_else(|| panic!("no row for {date} in:\n{faq}"))
            .to_string()
    };
    // A `dates:` entry of the channel, with its hours that day.
    assert!(row("1 December 2026").contains("Hotline: 12:00–23:00"), "{faq}");
    // A `dates:` entry of the team that works the chat.
    assert!(row("3 December 2026").contains("| Chat |"), "{faq}");
    // Public holidays of the channels' calendar.
    let christmas = row("25 December 2026");
    assert!(christmas.contains("Christmas Day"), "{christmas}");
    assert!(christmas.contains("Hotline and Chat"), "{christmas}");
    assert!(
        !faq.contains("| 2 December 2026 |"),
        "an ordinary day is not listed:\n{faq}"
    );

    // The handbook lists the same days, with each channel's hours.
    let handbook = &files["internal/handbook.en.md"];
    let rows = lines_with(handbook, "| 1 December 2026 |");
    assert!(rows.iter().any(|r| r.contains("Hotline: 12:00–23:00")), "{handbook}");
    assert!(
        lines_with(handbook, "| 3 December 2026 |")
            .iter()
            .any(|r| r.contains("Chat")),
        "{handbook}"
    );
    // The HTML FAQ says the same as the Markdown one.
    let html = &files["public/faq-everyone.en.html"];
    assert!(!html.contains("Tue</span> 12:00–23:00"), "{html}");
    assert!(html.contains("Hotline: 12:00–23:00"), "{html}");
}

const CLOCK_CHANGES: &str = r#"version: 1
plan:
  name: Example service
  timezone: Europe/Lisbon
  languages: [en]
  horizon: 60 days
teams:
  - { id: desk, name: Desk, languages: [en], hours: { mon-fri: 09:00-17:00 }, agents: 2 }
channels:
  - { id: phone, kind: phone, name: Hotline, team: desk, response: 2m }
profiles:
  - { id: new-york, name: Customers in New York, timezone: America/New_York, languages: [en] }
"#;

#[test]
fn hours_are_shown_in_periods_where_the_two_zones_change_clocks_on_different_dates() {
    // The United States change clocks on 14 March 2027, the European Union on 28 March.
    let files = render(CLOCK_CHANGES, "2027-03-01");
    let faq = &files["public/faq-new-york.en.md"];
    assert!(
        faq.contains(
            "- Opening hours:\n  \
             - Until 13 March 2027: Mon–Fri 04:00–12:00\n  \
             - From 14 March 2027 to 27 March 2027: Mon–Fri 05:00–13:00\n  \
             - From 28 March 2027: Mon–Fri 04:00–12:00\n"
        ),
        "{faq}"
    );
    // The clock changes are not days with other hours.
    assert!(
        faq.contains("No closures or special opening hours are coming up."),
        "{faq}"
    );
    // Each document says for which days its hours hold.
    assert!(
        faq.contains("These times apply from 1 March 2027 to 29 April 2027."),
        "{faq}"
    );
    let handbook = &files["internal/handbook.en.md"];
    assert!(
        handbook.contains("These hours apply from 1 March 2027 to 29 April 2027"),
        "{handbook}"
    );
    let html = &files["public/faq-new-york.en.html"];
    assert!(html.contains("From 14 March 2027 to 27 March 2027:"), "{html}");
    assert!(
        html.contains("<span class=\"days\">Mon–Fri</span> 05:00–13:00"),
        "{html}"
    );

    // Without a clock change in the horizon the hours are one list.
    let files = render(CLOCK_CHANGES, "2026-11-29");
    let faq = &files["public/faq-new-york.en.md"];
    assert!(faq.contains("- Opening hours: Mon–Fri 04:00–12:00\n"), "{faq}");
    assert!(
        faq.contains("These times apply from 29 November 2026 to 27 January 2027."),
        "{faq}"
    );
}

const LANGUAGES: &str = r#"version: 1
plan:
  name: Example mobile
  timezone: Asia/Bangkok
  languages: [en, th]
  horizon: 30 days
teams:
  - { id: thai-desk, name: Thai desk, languages: [th], hours: { daily: 08:00-20:00 }, agents: 4 }
  - { id: mail-desk, name: Mail desk, languages: [en, th], hours: { mon-fri: 08:00-17:00 }, agents: 2 }
channels:
  - { id: hotline, kind: phone, name: Hotline, team: thai-desk, response: 2m, address: "1234" }
  - { id: email, kind: email, name: E-mail, team: mail-desk, response: 1 business hour, address: help@example.com }
profiles:
  - { id: expats, name: Expats, timezone: Asia/Bangkok, languages: [en] }
  - { id: locals, name: Locals, timezone: Asia/Bangkok, languages: [th, en] }
"#;

/// The section of a Markdown FAQ about one channel: from its heading to the next one.
fn channel_section<'a>(faq: &'a str, name: &str) -> &'a str {
    let start = faq
        .find(&format!("#### {name}\n"))
        .unwrap_or_else(|| panic!("no channel {name} in:\n{faq}"));
    let rest = &faq[start + 5..];
    let end = rest.find("\n#").map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[test]
fn the_faq_names_a_channels_languages_and_when_messages_are_answered() {
    let files = render(LANGUAGES, "2026-11-29");
    let faq = &files["public/faq-expats.en.md"];
    let hotline = channel_section(faq, "Hotline");
    assert!(hotline.contains("- In Thai only\n"), "{hotline}");
    let email = channel_section(faq, "E-mail");
    assert!(!email.contains("only"), "the e-mail team speaks English:\n{email}");
    // A written channel says when messages are answered, which is what a business hour counts.
    assert!(email.contains("- You can write to us at any time.\n"), "{email}");
    assert!(email.contains("- We answer messages: Mon–Fri 08:00–17:00\n"), "{email}");
    assert!(email.contains("- We reply within 1 business hour.\n"), "{email}");
    assert!(email.contains("- Only the hours above count.\n"), "{email}");
    let html = &files["public/faq-expats.en.html"];
    assert!(html.contains("<strong>In Thai only</strong>"), "{html}");
    assert!(html.contains("<dt>We answer messages</dt>"), "{html}");

    // The Thai FAQ's readers are served in their language; the English FAQ of the same
    // profile says the hotline speaks Thai only.
    let thai = &files["public/faq-locals.th.md"];
    assert!(!thai.contains("ให้บริการเฉพาะ"), "{thai}");
    let english_for_locals = &files["public/faq-locals.en.md"];
    assert!(channel_section(english_for_locals, "Hotline").contains("In Thai only"));
}

const AUDIENCES: &str = r#"version: 1
plan:
  name: Example appliances
  timezone: Europe/Berlin
  languages: [en]
teams:
  - { id: desk, name: Desk, languages: [en], hours: { mon-fri: 08:00-18:00 }, agents: 3 }
channels:
  - { id: hotline, kind: phone, name: Hotline, team: desk, response: 2m }
  - { id: repair, kind: phone, name: Repair line, team: desk, response: 5m }
  - { id: email, kind: email, name: E-mail, team: desk, response: 1 business day }
profiles:
  - { id: buyers, name: Buyers, languages: [en], channels: [hotline, email] }
  - { id: owners, name: Owners, languages: [en], channels: [repair] }
after-sales:
  warranty: 2 years
  technical-support: [repair, email]
self-help:
  faq:
    - { question: For everyone?, answer: Yes. }
    - { question: About repairs?, answer: Call the repair line., channels: [repair] }
    - { question: For owners?, answer: Yes., profiles: [owners] }
    - { question: Hotline for owners?, answer: Never shown., channels: [hotline], profiles: [owners] }
  guides:
    - { id: descale, title: Descale the machine, steps: [Fill, Run], channels: [repair] }
    - { id: order, title: Order online, steps: [Choose, Pay], profiles: [buyers] }
"#;

#[test]
fn self_help_and_after_sales_channels_are_only_those_of_the_profile() {
    let files = render(AUDIENCES, "2026-11-29");
    let buyers = &files["public/faq-buyers.en.md"];
    let owners = &files["public/faq-owners.en.md"];
    for (faq, shown, hidden) in [
        (
            buyers,
            &["For everyone?", "Order online"][..],
            &[
                "About repairs?",
                "For owners?",
                "Hotline for owners?",
                "Descale the machine",
            ][..],
        ),
        (
            owners,
            &["For everyone?", "About repairs?", "For owners?", "Descale the machine"][..],
            &["Hotline for owners?", "Order online"][..],
        ),
    ] {
        for text in shown {
            assert!(faq.contains(&format!("#### {text}\n")), "{text} missing:\n{faq}");
        }
        for text in hidden {
            assert!(!faq.contains(text), "{text} shown:\n{faq}");
        }
    }
    assert!(buyers.contains("- Technical support: E-mail\n"), "{buyers}");
    assert!(owners.contains("- Technical support: Repair line\n"), "{owners}");
    // The handbook names every channel.
    assert!(files["internal/handbook.en.md"].contains("- Technical support: Repair line and E-mail\n"));
    assert!(files["public/faq-owners.en.html"].contains("Descale the machine"));
    assert!(!files["public/faq-buyers.en.html"].contains("Descale the machine"));
}

#[test]
fn self_help_audiences_must_name_existing_channels_and_profiles() {
    let plan = AUDIENCES
        .replace(
            "channels: [repair] }\n    - { question: For owners?",
            "channels: [repairs] }\n    - { question: For owners?",
        )
        .replace("profiles: [buyers] }", "profiles: [buyer] }");
    let out = Run::new()
        .file("plan.yaml", plan)
        .args(["check", "plan.yaml", "--today", "2026-11-29", "--format", "json"])
        .expect(1);
    let json = crate::support::json(&out);
    let unknown: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unknown-reference")
        .map(|d| {
            (
                d["path_text"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(unknown.len(), 2, "{unknown:?}");
    assert!(unknown[0].0.starts_with("self-help.faq[1].channels"), "{unknown:?}");
    assert!(unknown[0].1.contains("repairs"), "{unknown:?}");
    assert!(unknown[1].0.starts_with("self-help.guides[1].profiles"), "{unknown:?}");
    assert!(unknown[1].1.contains("buyer"), "{unknown:?}");
}

const PLAIN: &str = r#"version: 1
plan:
  name: Example shop
  timezone: Europe/Berlin
  currency: EUR
  languages: [en, de]
teams:
  - { id: desk, name: Desk, languages: [en, de], hours: { mon-fri: 08:00-18:00 }, agents: 3 }
channels:
  - { id: support-mail, kind: email, team: desk, response: 1 business day, address: help@example.com }
  - { id: hotline-1, kind: phone, team: desk, response: 2m, address: "+49 30 1234" }
  - { id: shop-reviews, kind: social, name: Reviews page, team: desk, response: 2 business days }
profiles:
  - { id: web-buyers, languages: [en, de], channels: [support-mail, hotline-1] }
complaints:
  - id: late-delivery
    resolve-within: 2 days
    remedies: [{ kind: apology }]
after-sales:
  installation: { offered: true, price: 0 EUR }
  technical-support: [support-mail, hotline-1]
feedback:
  - { id: csat, kind: survey, via: support-mail, when: after-resolution }
  - { id: reviews, kind: review, via: shop-reviews }
  - { id: interviews, kind: interview, name: Customer interviews }
  - { id: complaint-causes, kind: complaint-analysis, name: Complaint causes }
  - { id: listening, kind: social-listening, name: Mentions online }
"#;

#[test]
fn the_faq_shows_names_not_ids_and_only_feedback_customers_take_part_in() {
    let files = render(PLAIN, "2026-11-29");
    let faq = &files["public/faq-web-buyers.en.md"];
    for id in [
        "support-mail",
        "hotline-1",
        "shop-reviews",
        "web-buyers",
        "late-delivery",
        "csat",
    ] {
        assert!(!faq.contains(id), "the id {id} is shown:\n{faq}");
    }
    // Channels without a name are called by their kind.
    assert!(faq.contains("#### E-mail\n"), "{faq}");
    assert!(faq.contains("#### Phone\n"), "{faq}");
    assert!(faq.contains("- Technical support: E-mail and Phone\n"), "{faq}");
    // A profile and a complaint category without a name.
    assert!(faq.contains("Customer group: all our customers"), "{faq}");
    assert!(faq.contains("### Other matters\n"), "{faq}");
    // A price of 0 is free of charge.
    assert!(faq.contains("Price: free of charge"), "{faq}");
    assert!(!faq.contains("Price: 0"), "{faq}");
    // Feedback: what customers take part in, through channels they are offered.
    let feedback = &faq[faq.find("## Tell us what you think").expect("a feedback section")..];
    assert!(feedback.contains("- Survey\n"), "{feedback}");
    // A name that already says what kind of source it is is not followed by the kind.
    assert!(feedback.contains("- Customer interviews\n"), "{feedback}");
    for hidden in ["Complaint causes", "Mentions online", "Reviews"] {
        assert!(!feedback.contains(hidden), "{hidden} shown:\n{feedback}");
    }
    let german = &files["public/faq-web-buyers.de.md"];
    assert!(german.contains("#### E-Mail\n"), "{german}");
    assert!(german.contains("kostenlos"), "{german}");
    let html = &files["public/faq-web-buyers.en.html"];
    assert!(html.contains("<h4>E-mail</h4>"), "{html}");
    assert!(!html.contains("support-mail<"), "{html}");
    assert!(!html.contains("Complaint causes"), "{html}");
    // Staff see every feedback source and the price as it is.
    let handbook = &files["internal/handbook.en.md"];
    assert!(handbook.contains("Complaint causes"), "{handbook}");
    assert!(handbook.contains("Price: free of charge"), "{handbook}");
}

#[test]
fn a_lisbon_hotline_moves_for_customers_in_sao_paulo_when_only_lisbon_changes_clocks() {
    // Brazil keeps its clocks all year; Portugal moves them on 28 March 2027. São Paulo is
    // three hours behind Lisbon until then, four hours after.
    let plan = CLOCK_CHANGES
        .replace("America/New_York", "America/Sao_Paulo")
        .replace("new-york", "sao-paulo")
        .replace("Customers in New York", "Customers in São Paulo");
    let files = render(&plan, "2027-03-01");
    let faq = &files["public/faq-sao-paulo.en.md"];
    assert!(
        faq.contains(
            "- Opening hours:\n  \
             - Until 27 March 2027: Mon–Fri 06:00–14:00\n  \
             - From 28 March 2027: Mon–Fri 05:00–13:00\n"
        ),
        "{faq}"
    );
    // Customers read the zone's name in words, not its id.
    assert!(faq.contains("this time zone: Brasilia Time."), "{faq}");
    assert!(!faq.contains("America/Sao_Paulo"), "{faq}");
}
