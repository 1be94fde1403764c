//! The documents in each reader's language: one snapshot per language of a sample's FAQ and
//! handbook, and checks that dates, numbers, money, lists, time zones and wording follow
//! the language and its country (European and Brazilian Portuguese apart).

use crate::support::root;
use std::collections::BTreeMap;
use std::path::Path;

/// Render a sample plan into `out`; its Markdown documents by path (`public/faq-x.de.md`).
fn render_markdown(name: &str, out: &Path) -> BTreeMap<String, String> {
    render_markdown_of(&root().join("plans").join(name), out)
}

/// Render the plan at `plan` into `out`; its Markdown documents by path.
fn render_markdown_of(plan: &Path, out: &Path) -> BTreeMap<String, String> {
    crate::support::render_documents(plan, out)
        .into_iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .collect()
}

/// One sample per built-in language, with the FAQ and the handbook snapshotted in it.
const SNAPSHOTS: [(&str, &str, &str, &str); 6] = [
    (
        "de",
        "nordlicht-haushaltsgeraete.yaml",
        "public/faq-senioren.de.md",
        "internal/handbook.de.md",
    ),
    (
        "en",
        "nordlicht-haushaltsgeraete.yaml",
        "public/faq-expats.en.md",
        "internal/handbook.en.md",
    ),
    (
        "lv",
        "dzintars-online.yaml",
        "public/faq-pirceji-latvija.lv.md",
        "internal/handbook.lv.md",
    ),
    (
        "pt",
        "nuvem-software.toml",
        "public/faq-clientes-portugal.pt.md",
        "internal/handbook.pt.md",
    ),
    (
        "pt-BR",
        "nuvem-software.toml",
        "public/faq-pequenas-empresas.pt-BR.md",
        "internal/handbook.pt-BR.md",
    ),
    (
        "th",
        "siam-mobile.yaml",
        "public/faq-thai-prepaid.th.md",
        "internal/handbook.th.md",
    ),
];

#[test]
fn each_language_reads_as_its_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let mut rendered: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    for (lang, sample, faq, handbook) in SNAPSHOTS {
        let files = rendered
            .entry(sample)
            .or_insert_with(|| render_markdown(sample, &dir.path().join(sample)));
        insta::assert_snapshot!(format!("faq_{lang}"), files[faq]);
        insta::assert_snapshot!(format!("handbook_{lang}"), files[handbook]);
    }
}

#[test]
fn european_and_brazilian_portuguese_differ_where_the_languages_do() {
    let dir = tempfile::tempdir().unwrap();
    let files = render_markdown("nuvem-software.toml", dir.path());
    let portugal = &files["public/faq-clientes-portugal.pt.md"];
    let brazil = &files["public/faq-pequenas-empresas.pt-BR.md"];
    // Wording of each country.
    assert!(portugal.contains("Fale connosco"), "{portugal}");
    assert!(brazil.contains("Fale com a gente"), "{brazil}");
    assert!(!portugal.contains("Fale com a gente"));
    assert!(files["internal/handbook.pt.md"].starts_with("# Manual da equipa"));
    assert!(files["internal/handbook.pt-BR.md"].starts_with("# Manual da equipe"));
    // Each reads the name of its own time zone as its country writes it.
    assert!(portugal.contains("Hora da Europa Ocidental"), "{portugal}");
    assert!(brazil.contains("Horário de Brasília"), "{brazil}");
    // Money as each country writes it: the symbol before the amount and grouped thousands
    // in Brazil, after it in Portugal, which groups from five digits (Markdown escapes `$`).
    assert!(files["internal/handbook.pt-BR.md"].contains("| R\\$\u{a0}1.500 |"));
    assert!(files["internal/handbook.pt.md"].contains("| 1500\u{a0}R\\$ |"));
}

#[test]
fn numbers_lists_dates_and_zones_follow_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let nordlicht = render_markdown("nordlicht-haushaltsgeraete.yaml", &dir.path().join("de"));
    let de = &nordlicht["internal/handbook.de.md"];
    let en = &nordlicht["internal/handbook.en.md"];
    // Grouping, decimal separator and currency symbol.
    assert!(de.contains("1.500\u{a0}€"), "{de}");
    assert!(en.contains("€1,500"), "{en}");
    // Lists.
    assert!(de.contains("Deutsch und Englisch"), "{de}");
    assert!(en.contains("German and English"), "{en}");
    // Zones in words, with the id for staff.
    assert!(de.contains("Mitteleuropäische Zeit (Europe/Berlin)"), "{de}");
    assert!(en.contains("Central European Time (Europe/Berlin)"), "{en}");
    // Dates: international English puts the day first.
    assert!(de.contains("29. November 2026"));
    assert!(en.contains("29 November 2026"));
    // Targets in words.
    assert!(de.contains("80\u{a0}% innerhalb von 20\u{a0}Sekunden"), "{de}");
    assert!(en.contains("80% in 20"), "{en}");

    let siam = render_markdown("siam-mobile.yaml", &dir.path().join("th"));
    let th = &siam["public/faq-thai-prepaid.th.md"];
    // Buddhist-era years, times as Thai pages write them, the zone in Thai.
    assert!(th.contains("2569"), "{th}");
    assert!(th.contains(".00 น."), "{th}");
    assert!(th.contains("เวลาอินโดจีน"), "{th}");

    let dzintars = render_markdown("dzintars-online.yaml", &dir.path().join("lv"));
    let lv = &dzintars["public/faq-pirceji-latvija.lv.md"];
    assert!(lv.contains("Austrumeiropas laiks"), "{lv}");
    assert!(lv.contains("Pirmd."), "{lv}");
}

#[test]
fn a_thai_faq_names_thai_holidays_in_thai() {
    // A Bangkok shop closed on public holidays: its Thai FAQ lists the closures of the
    // horizon by their Thai names, its English one by their English names.
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.yaml");
    std::fs::write(
        &plan,
        "version: 1
plan: { name: Shop, timezone: Asia/Bangkok, holidays: TH, languages: [th, en] }
teams:
  - id: shop
    hours: { mon-sat: 10:00-20:00 }
    agents: 3
channels:
  - id: counter
    kind: in-person
    name: { th: หน้าร้าน, en: Counter }
    team: shop
    response: 10m
    hours: { mon-sat: 10:00-20:00, holidays: closed }
profiles:
  - id: bangkok
    name: { th: ลูกค้าในกรุงเทพฯ, en: Customers in Bangkok }
    timezone: Asia/Bangkok
    holidays: TH
    languages: [th, en]
",
    )
    .unwrap();
    let files = render_markdown_of(&plan, &dir.path().join("out"));
    let faq = files
        .iter()
        .find(|(k, _)| k.ends_with(".th.md") && k.starts_with("public/faq-"))
        .unwrap()
        .1;
    assert!(faq.contains("วันพ่อแห่งชาติ"), "{faq}");
    assert!(faq.contains("วันรัฐธรรมนูญ"), "{faq}");
    assert!(!faq.contains("Constitution Day"), "{faq}");
    let english = files
        .iter()
        .find(|(k, _)| k.ends_with(".en.md") && k.starts_with("public/faq-"))
        .unwrap()
        .1;
    assert!(english.contains("Constitution Day"), "{english}");
}
