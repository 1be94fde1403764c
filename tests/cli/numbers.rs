//! Numbers that work: a toll-free number is called free only for customers in the country
//! of its calling code (or in the countries the plan names), and customers see the address
//! for their own country.

use crate::support::{Run, json};

/// A plan with a Latvian toll-free hotline offered to customers in Latvia and in
/// Thailand, and a Brazilian hotline with a number for customers in Portugal.
fn plan(lv_toll_free: &str) -> String {
    format!(
        r#"version: 1
plan:
  name: Numbers
  owner: anna
  timezone: Europe/Riga
  holidays: LV
  languages: [en]
  review: {{ last: 2026-09-01, every: 6 months }}
contacts:
  - {{ id: anna, name: Anna, phone: "+371 6755 0100" }}
teams:
  - {{ id: desk, lead: anna, languages: [en], hours: {{ mon-fri: 09:00-17:00 }}, agents: 3 }}
  - {{ id: brasil, lead: anna, languages: [en], timezone: America/Sao_Paulo, holidays: BR, hours: {{ mon-fri: 09:00-17:00 }}, agents: 3 }}
channels:
  - {{ id: hotline, kind: phone, name: Hotline, address: "+371 8000 5550", toll-free: {lv_toll_free}, team: desk, response: 2m }}
  - id: central
    kind: phone
    name: Central
    address: "0800 555 0140"
    addresses: {{ PT: "+351 800 555 014" }}
    toll-free: true
    team: brasil
    response: 2m
profiles:
  - {{ id: latvia, name: Latvia, countries: [LV], languages: [en], channels: [hotline] }}
  - {{ id: thailand, name: Thailand, countries: [TH], languages: [en], channels: [hotline] }}
  - {{ id: brazil, name: Brazil, countries: [BR], languages: [en], channels: [central] }}
  - {{ id: portugal, name: Portugal, countries: [PT], languages: [en], channels: [central] }}
escalation:
  - {{ id: standard, channels: [hotline, central], steps: [{{ team: desk }}] }}
"#
    )
}

fn faq_channel(doc: &serde_json::Value, profile: &str) -> serde_json::Value {
    doc[format!("public/faq-{profile}.en")]["channels"][0].clone()
}

fn contexts(text: &str) -> serde_json::Value {
    let out = Run::new()
        .file("plan.yaml", text)
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-22",
            "--allow-errors",
            "--dump-context",
        ])
        .expect(0);
    json(&out)
}

#[test]
fn a_latvian_free_number_is_free_in_latvia_only() {
    let doc = contexts(&plan("true"));
    assert_eq!(faq_channel(&doc, "latvia")["toll_free"], true);
    let thai = faq_channel(&doc, "thailand");
    assert_eq!(thai["toll_free"], false, "{thai}");
    assert_eq!(thai["address"], "+371 8000 5550");
}

#[test]
fn the_plan_can_name_the_countries_a_number_is_free_from() {
    let doc = contexts(&plan("[LV, TH]"));
    assert_eq!(faq_channel(&doc, "thailand")["toll_free"], true);
    let doc = contexts(&plan("false"));
    assert_eq!(faq_channel(&doc, "latvia")["toll_free"], false);
}

#[test]
fn customers_see_the_number_for_their_country() {
    let doc = contexts(&plan("true"));
    let brazil = faq_channel(&doc, "brazil");
    assert_eq!(brazil["address"], "0800 555 0140");
    assert_eq!(
        brazil["toll_free"], true,
        "a national number is read in the team's country"
    );
    let portugal = faq_channel(&doc, "portugal");
    assert_eq!(portugal["address"], "+351 800 555 014");
    assert_eq!(portugal["toll_free"], true);
}

#[test]
fn a_country_address_is_checked_like_an_address() {
    let text = plan("true").replace(
        r#"addresses: { PT: "+351 800 555 014" }"#,
        r#"addresses: { Portugal: "+351 800 555 014", ES: "javascript:alert(1)" }"#,
    );
    let out = Run::new()
        .file("plan.yaml", &text)
        .args(["check", "plan.yaml", "--today", "2026-11-22", "--format", "json"])
        .expect(1);
    let doc = json(&out);
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "invalid-country" || d["rule"] == "invalid-url")
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["invalid-country", "invalid-url"], "{doc:#}");
}
