//! What the HTML documents tell browsers and search engines beyond their text: the
//! schema.org data (JSON-LD) of every sample FAQ, read back and checked against the types
//! and properties schema.org defines; the language versions linked with `hreflang`; the
//! page titles and descriptions.

use crate::support::root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

/// The schema.org types the FAQs use and, for each, the properties they may carry (each
/// defined by schema.org on the type or a type it inherits from), with what a value must
/// be. Names are spelled as on schema.org.
const TYPES: &[(&str, &[(&str, Range)])] = &[
    (
        "Organization",
        &[("name", Range::Text), ("contactPoint", Range::Node("ContactPoint"))],
    ),
    (
        "ContactPoint",
        &[
            ("contactType", Range::Text),
            ("name", Range::Text),
            ("description", Range::Text),
            ("telephone", Range::Text),
            ("email", Range::Text),
            ("url", Range::Url),
            ("contactOption", Range::Member(CONTACT_POINT_OPTIONS)),
            ("hoursAvailable", Range::Node("OpeningHoursSpecification")),
            ("areaServed", Range::Text),
            ("availableLanguage", Range::Text),
        ],
    ),
    (
        "OpeningHoursSpecification",
        &[
            ("dayOfWeek", Range::Member(DAYS_OF_WEEK)),
            ("opens", Range::Time),
            ("closes", Range::Time),
            ("validFrom", Range::Text),
            ("validThrough", Range::Text),
        ],
    ),
    (
        "FAQPage",
        &[
            ("name", Range::Text),
            ("inLanguage", Range::Text),
            ("mainEntity", Range::Node("Question")),
        ],
    ),
    (
        "Question",
        &[("name", Range::Text), ("acceptedAnswer", Range::Node("Answer"))],
    ),
    ("Answer", &[("text", Range::Text)]),
];

/// The members of schema.org's `DayOfWeek` enumeration.
const DAYS_OF_WEEK: &[&str] = &[
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
    "https://schema.org/PublicHolidays",
];

/// The members of schema.org's `ContactPointOption` enumeration.
const CONTACT_POINT_OPTIONS: &[&str] = &[
    "https://schema.org/TollFree",
    "https://schema.org/HearingImpairedSupported",
];

/// What a property's value (or each value of a list) must be.
#[derive(Clone, Copy)]
enum Range {
    Text,
    /// An absolute web address.
    Url,
    /// `HH:MM`, 24-hour.
    Time,
    /// A node of this type.
    Node(&'static str),
    /// One of these enumeration members.
    Member(&'static [&'static str]),
}

fn sample(name: &str) -> String {
    root().join("plans").join(name).to_string_lossy().into_owned()
}

/// Render a sample plan into `out` and return its HTML files by name.
fn render(name: &str, out: &Path) -> BTreeMap<String, String> {
    // FAQs are in public/, handbooks in internal/; each folder has an index.html, named
    // here with its folder.
    crate::support::render_documents(Path::new(&sample(name)), out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, text)| match path.split_once('/') {
            Some((_, file)) if file != "index.html" => (file.to_owned(), text),
            _ => (path, text),
        })
        .collect()
}

/// The text of the page's one JSON-LD element.
fn json_ld(html: &str) -> &str {
    const OPEN: &str = "<script type=\"application/ld+json\">";
    assert_eq!(html.matches("<script").count(), 1, "one script element, the JSON-LD");
    let start = html.find(OPEN).expect("a JSON-LD element") + OPEN.len();
    let len = html[start..].find("</script>").expect("the element ends");
    &html[start..start + len]
}

/// Check a node and everything in it; `path` says where it is, for the message.
fn check_node(node: &Value, path: &str, problems: &mut Vec<String>) {
    let Some(object) = node.as_object() else {
        problems.push(format!("{path}: not a node"));
        return;
    };
    let Some(ty) = object.get("@type").and_then(Value::as_str) else {
        problems.push(format!("{path}: no @type"));
        return;
    };
    let Some((_, properties)) = TYPES.iter().find(|(name, _)| *name == ty) else {
        problems.push(format!("{path}: schema.org type `{ty}` is not in the table"));
        return;
    };
    for (key, value) in object {
        if key == "@type" {
            continue;
        }
        let Some((_, range)) = properties.iter().find(|(name, _)| name == key) else {
            problems.push(format!("{path}: `{key}` is not a property of {ty}"));
            continue;
        };
        let values = match value {
            Value::Array(items) => items.iter().collect(),
            one => vec![one],
        };
        for (i, v) in values.into_iter().enumerate() {
            let at = format!("{path}.{key}[{i}]");
            check_value(v, *range, &at, problems);
        }
    }
}

fn check_value(value: &Value, range: Range, at: &str, problems: &mut Vec<String>) {
    let text = value.as_str();
    let ok = match range {
        Range::Node(ty) => {
            if value.get("@type").and_then(Value::as_str) != Some(ty) {
                problems.push(format!("{at}: expected a {ty}"));
            }
            check_node(value, at, problems);
            true
        }
        Range::Text => text.is_some_and(|t| !t.trim().is_empty()),
        Range::Url => text.is_some_and(|t| t.starts_with("https://") || t.starts_with("http://")),
        Range::Time => text.is_some_and(|t| {
            let b = t.as_bytes();
            b.len() == 5
                && b[2] == b':'
                && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
                && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
        }),
        Range::Member(members) => text.is_some_and(|t| members.contains(&t)),
    };
    if !ok {
        problems.push(format!("{at}: {value} is not a valid value"));
    }
}

#[test]
fn every_faq_describes_its_company_and_questions_in_schema_org_terms() {
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for name in [
        "nordlicht-haushaltsgeraete.yaml",
        "dzintars-online.yaml",
        "nuvem-software.toml",
        "siam-mobile.yaml",
    ] {
        let files = render(name, &dir.path().join(name));
        for (file, html) in files.iter().filter(|(f, _)| f.starts_with("faq-")) {
            let text = json_ld(html);
            // Nothing in it can end the element or open a comment inside it.
            assert!(
                !text.contains(['<', '>', '&']),
                "{name} {file}: unescaped markup in JSON-LD"
            );
            let data: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name} {file}: {e}"));
            assert_eq!(data["@context"], "https://schema.org", "{name} {file}");
            let graph = data["@graph"].as_array().expect("an @graph");
            let mut problems = Vec::new();
            for (i, node) in graph.iter().enumerate() {
                check_node(node, &format!("@graph[{i}]"), &mut problems);
            }
            assert!(problems.is_empty(), "{name} {file}:\n{}", problems.join("\n"));

            let org = graph
                .iter()
                .find(|n| n["@type"] == "Organization")
                .expect("an Organization");
            let points = org["contactPoint"].as_array().expect("contact points");
            assert!(!points.is_empty(), "{name} {file}: no contact points");
            assert!(
                points.iter().all(|p| p["contactType"] == "customer service"),
                "{name} {file}"
            );
            // Every live channel with known hours says when it can be reached.
            assert!(
                points.iter().any(|p| p["hoursAvailable"].is_array()),
                "{name} {file}: no contact point has hours"
            );
            let page = graph.iter().find(|n| n["@type"] == "FAQPage").expect("an FAQPage");
            let lang = file.rsplit('.').nth(1).unwrap();
            assert_eq!(page["inLanguage"], lang, "{name} {file}");
            assert!(page["mainEntity"].as_array().is_some_and(|q| !q.is_empty()));
            checked += 1;
        }
    }
    assert!(checked >= 10, "only {checked} FAQs checked");
}

#[test]
fn the_nordlicht_hotline_is_toll_free_with_its_hours_in_berlin() {
    let dir = tempfile::tempdir().unwrap();
    let files = render("nordlicht-haushaltsgeraete.yaml", dir.path());
    let data: Value = serde_json::from_str(json_ld(&files["faq-familien.de.html"])).unwrap();
    let points = data["@graph"][0]["contactPoint"].as_array().unwrap();
    let hotline = points
        .iter()
        .find(|p| p["telephone"] == "+49 800 5550 100")
        .expect("the service hotline");
    assert_eq!(hotline["contactOption"], "https://schema.org/TollFree");
    assert_eq!(hotline["areaServed"], serde_json::json!(["DE"]));
    let hours = hotline["hoursAvailable"].as_array().unwrap();
    let weekdays = &hours[0];
    assert_eq!(weekdays["dayOfWeek"].as_array().unwrap().len(), 5);
    assert_eq!(
        (weekdays["opens"].as_str(), weekdays["closes"].as_str()),
        (Some("08:00"), Some("20:00"))
    );
    // Closed on the public holidays of its calendar: schema.org's "00:00 to 00:00".
    let holidays = hours.last().unwrap();
    assert_eq!(
        holidays["dayOfWeek"],
        serde_json::json!(["https://schema.org/PublicHolidays"])
    );
    assert_eq!(
        (holidays["opens"].as_str(), holidays["closes"].as_str()),
        (Some("00:00"), Some("00:00"))
    );
    // Written channels take messages at any time: no hours.
    let email = points
        .iter()
        .find(|p| p["email"].is_string())
        .expect("the e-mail channel");
    assert!(email.get("hoursAvailable").is_none());
}

#[test]
fn language_versions_link_each_other_and_name_the_default() {
    let dir = tempfile::tempdir().unwrap();
    let files = render("nuvem-software.toml", dir.path());
    for file in ["faq-clientes-portugal.pt.html", "faq-clientes-portugal.en.html"] {
        let html = &files[file];
        for (lang, href) in [
            ("pt", "faq-clientes-portugal.pt.html"),
            ("en", "faq-clientes-portugal.en.html"),
            // The plan's first language.
            ("x-default", "faq-clientes-portugal.pt.html"),
        ] {
            let link = format!("<link rel=\"alternate\" hreflang=\"{lang}\" href=\"{href}\">");
            assert!(html.contains(&link), "{file}: no {link}");
        }
    }
    // A document in one language only has nothing to link.
    assert!(!files["faq-pequenas-empresas.pt-BR.html"].contains("hreflang=\"x-default\""));
    assert!(
        files["handbook.en.html"]
            .contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"handbook.pt-BR.html\">")
    );
}

#[test]
fn each_faq_has_its_own_title_and_description() {
    let dir = tempfile::tempdir().unwrap();
    let files = render("nordlicht-haushaltsgeraete.yaml", dir.path());
    let familien = &files["faq-familien.de.html"];
    assert!(familien.contains(
        "<title>Hilfe und Kontakt – Nordlicht Haushaltsgeräte GmbH – Familien und Eigenheimbesitzer</title>"
    ));
    let description = familien
        .split("<meta name=\"description\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a description");
    assert!(description.contains("Nordlicht Haushaltsgeräte GmbH"), "{description}");
    assert!(description.contains("Familien und Eigenheimbesitzer"), "{description}");
    let titles: Vec<&str> = files
        .iter()
        .filter(|(f, _)| f.starts_with("faq-"))
        .map(|(_, html)| {
            html.split("<title>")
                .nth(1)
                .and_then(|t| t.split("</title>").next())
                .unwrap()
        })
        .collect();
    let mut unique = titles.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "FAQ titles repeat: {titles:?}");
}

#[test]
fn holiday_names_are_in_the_pages_language() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let nordlicht = render("nordlicht-haushaltsgeraete.yaml", &root.join("de"));
    let german = &nordlicht["faq-familien.de.html"];
    assert!(german.contains("<td>Erster Weihnachtstag</td>"), "{german}");
    assert!(german.contains("<td>Zweiter Weihnachtstag</td>"));
    assert!(!german.contains("Christmas"));
    assert!(nordlicht["handbook.de.html"].contains("<td>Erster Weihnachtstag</td>"));
    // An English page is unchanged.
    let english = &nordlicht["faq-expats.en.html"];
    assert!(english.contains("<td>Christmas Day</td>"), "{english}");
    assert!(english.contains("<td>Second Day of Christmas</td>"));

    let dzintars = render("dzintars-online.yaml", &root.join("lv"));
    let latvian = &dzintars["faq-pirceji-latvija.lv.html"];
    assert!(latvian.contains("<td>Pirmie Ziemassvētki</td>"), "{latvian}");
    assert!(latvian.contains("<td>Ziemassvētku vakars</td>"));

    // Portugal's calendar in European Portuguese, Brazil's in Brazilian: both unmarked on
    // a `pt` page.
    let nuvem = render("nuvem-software.toml", &root.join("pt"));
    let portugal = &nuvem["faq-clientes-portugal.pt.html"];
    assert!(portugal.contains("<td>Dia de Natal</td>"), "{portugal}");
    assert!(nuvem["faq-pequenas-empresas.pt-BR.html"].contains("<td>Natal</td>"));

    // Siam Mobile's FAQs change no hours on the holidays of the horizon; its handbook lists
    // them.
    let siam = render("siam-mobile.yaml", &root.join("th"));
    let thai = &siam["handbook.th.html"];
    assert!(thai.contains("<td>วันรัฐธรรมนูญ</td>"), "{thai}");
    assert!(thai.contains("วันพ่อแห่งชาติ</td>"));
    assert!(siam["handbook.en.html"].contains("<td>Constitution Day</td>"));
}

#[test]
fn a_question_shown_in_another_language_than_the_page_says_which() {
    let dir = tempfile::tempdir().unwrap();
    let plan = r#"version: 1
plan: { name: Example, timezone: Europe/Berlin, languages: [de, en] }
teams:
  - { id: desk, hours: { mon-fri: 09:00-17:00 }, agents: 2 }
channels:
  - { id: phone, kind: phone, name: Hotline, team: desk, response: 2m }
profiles:
  - { id: everyone, name: { de: Alle, en: Everyone }, languages: [de, en] }
self-help:
  faq:
    - question: { en: "Do you deliver on Saturdays?" }
      answer: { en: "Yes, until noon." }
    - question: { de: "Wo finde ich die Rechnung?", en: "Where is my invoice?" }
      answer: { de: "Im Kundenkonto.", en: "In your account." }
"#;
    std::fs::write(dir.path().join("plan.yaml"), plan).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plan"))
        .current_dir(dir.path())
        .args([
            "render",
            "plan.yaml",
            "--today",
            "2026-11-29",
            "--allow-errors",
            "--out",
            "site",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let german = std::fs::read_to_string(dir.path().join("site/public/faq-everyone.de.html")).unwrap();
    assert!(
        german.contains("<h4 lang=\"en\">Do you deliver on Saturdays?</h4>"),
        "{german}"
    );
    assert!(german.contains("<p lang=\"en\">Yes, until noon.</p>"));
    assert!(german.contains("<h4>Wo finde ich die Rechnung?</h4>"));
    let english = std::fs::read_to_string(dir.path().join("site/public/faq-everyone.en.html")).unwrap();
    assert!(english.contains("<h4>Do you deliver on Saturdays?</h4>"), "{english}");
}
