//! Language tags: a BCP 47 primary language subtag (`de`, `lv`, `pt`, `th`, `en`), optionally
//! with a region (`pt-BR`).

use super::ValueError;
use isocountry::CountryCode;
use isolang::Language;
use std::fmt;
use std::ops::Range;

/// A validated language tag, kept in canonical case (`pt-BR`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(pub String);

impl LanguageTag {
    /// The primary language subtag: `pt` for `pt-BR`.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The region subtag, if any: `BR` for `pt-BR`, `419` for `es-419`.
    pub fn region(&self) -> Option<&str> {
        self.0.split_once('-').map(|(_, region)| region)
    }
}

impl fmt::Display for LanguageTag {
    /// The tag in canonical case: `de`, `pt-BR`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const EXPECTED: &str = "a language tag such as `de`, `en`, `th` or `pt-BR` (ISO 639-1 language, optional region)";

/// UN M.49 area codes that BCP 47 allows as regions (`es-419`). Codes of single countries
/// are not among them: those are written with the ISO 3166-1 alpha-2 code.
const M49_AREAS: [&str; 31] = [
    "001", "002", "003", "005", "009", "011", "013", "014", "015", "017", "018", "019", "021", "029", "030", "034",
    "035", "039", "053", "054", "057", "061", "142", "143", "145", "150", "151", "154", "155", "202", "419",
];

/// Parse a language tag: a two-letter ISO 639-1 code (`de`), optionally followed by `-` and
/// an ISO 3166-1 alpha-2 region (`pt-BR`) or a UN M.49 area (`es-419`). Case is
/// canonicalised (`PT-br` is `pt-BR`).
pub fn parse_language(s: &str) -> Result<LanguageTag, ValueError> {
    language(s).map_err(|e| whole(e, s))
}

fn language(s: &str) -> Result<LanguageTag, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the language is empty", EXPECTED));
    }
    let at =
        |range: Range<usize>, message: String| ValueError::at(lead + range.start..lead + range.end, message, EXPECTED);
    if let Some(i) = text.find('_') {
        let fixed = canonical_guess(&text.replace('_', "-"));
        return Err(at(i..i + 1, format!("use `-`, not `_`, in language tags: `{fixed}`")));
    }
    let (primary, region) = match text.split_once('-') {
        Some((primary, region)) => (primary, Some(region)),
        None => (text, None),
    };
    if primary.is_empty() {
        return Err(at(0..1, "missing language before `-`".to_owned()));
    }
    let primary_range = 0..primary.len();
    let language = primary_code(primary).map_err(|m| at(primary_range, m))?;
    let Some(region) = region else {
        return Ok(LanguageTag(language));
    };
    let region_start = primary.len() + 1;
    let region_range = region_start..text.len();
    if region.is_empty() {
        return Err(at(
            primary.len()..region_start,
            format!("missing region after `{primary}-`"),
        ));
    }
    if let Some(i) = region.find('-') {
        let extra = &region[i..];
        return Err(at(
            region_start + i..text.len(),
            format!("unexpected `{extra}`: only a language and a region are supported, as in `pt-BR`"),
        ));
    }
    let region = region_code(region).map_err(|m| at(region_range, m))?;
    Ok(LanguageTag(format!("{language}-{region}")))
}

/// The lower-case ISO 639-1 code for a primary subtag, or why it is not one.
fn primary_code(primary: &str) -> Result<String, String> {
    let lower = primary.to_ascii_lowercase();
    if !lower.bytes().all(|b| b.is_ascii_lowercase()) || !(2..=3).contains(&lower.len()) {
        if let Some(code) = language_by_name(primary) {
            return Err(format!("`{primary}` is a language name; write its code `{code}`"));
        }
        return Err(format!(
            "expected a two-letter ISO 639-1 language code, found `{primary}`"
        ));
    }
    if lower.len() == 3 {
        return Err(match Language::from_639_3(&lower) {
            Some(lang) => match lang.to_639_1() {
                Some(two) => format!("use the two-letter code `{two}` instead of `{primary}`"),
                None => format!(
                    "`{primary}` ({}) has no two-letter ISO 639-1 code, which plans require",
                    lang.to_name()
                ),
            },
            None => format!("unknown language `{primary}`: write a two-letter ISO 639-1 code"),
        });
    }
    match Language::from_639_1(&lower) {
        Some(_) => Ok(lower),
        None => Err(format!(
            "unknown language `{primary}`: write a two-letter ISO 639-1 code such as `de` or `en`"
        )),
    }
}

/// The ISO 639-1 code of an English language name (`German` → `de`).
fn language_by_name(name: &str) -> Option<&'static str> {
    let mut chars = name.chars();
    let first = chars.next()?;
    let capitalised: String = first.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect();
    Language::from_name(&capitalised)?.to_639_1()
}

/// The canonical region subtag, or why it is not one.
fn region_code(region: &str) -> Result<String, String> {
    if region.len() == 2 && region.bytes().all(|b| b.is_ascii_alphabetic()) {
        let upper = region.to_ascii_uppercase();
        return match CountryCode::for_alpha2(&upper) {
            Ok(_) => Ok(upper),
            Err(_) => Err(format!(
                "unknown region `{region}`: write an ISO 3166-1 country code such as `BR`"
            )),
        };
    }
    if region.len() == 3 && region.bytes().all(|b| b.is_ascii_digit()) {
        if M49_AREAS.contains(&region) {
            return Ok(region.to_owned());
        }
        let country = region.parse().ok().and_then(|n| CountryCode::for_id(n).ok());
        return Err(match country {
            Some(country) => format!("write the region `{region}` as its country code `{}`", country.alpha2()),
            None => format!("unknown region `{region}`: not a UN M.49 area code"),
        });
    }
    Err(format!(
        "unexpected region `{region}`: write a two-letter country code (`pt-BR`) or a three-digit area code (`es-419`)"
    ))
}

/// `text` in canonical tag case, for suggestions (`pt-br` → `pt-BR`).
fn canonical_guess(text: &str) -> String {
    match text.split_once('-') {
        Some((primary, region)) => format!("{}-{}", primary.to_ascii_lowercase(), region.to_ascii_uppercase()),
        None => text.to_ascii_lowercase(),
    }
}

/// Drops an error's range when it covers the whole (trimmed) text, so that the error is
/// about the whole value.
fn whole(mut e: ValueError, s: &str) -> ValueError {
    let lead = s.len() - s.trim_start().len();
    if e.range == Some(lead..lead + s.trim().len()) {
        e.range = None;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        parse_language(s)
            .unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
            .0
    }

    fn err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_language(s).expect_err(s);
        assert_eq!(e.expected, EXPECTED);
        (e.message, e.range)
    }

    #[test]
    fn valid_tags_in_canonical_case() {
        for tag in ["de", "en", "lv", "pt", "th"] {
            assert_eq!(ok(tag), tag);
        }
        assert_eq!(ok("pt-BR"), "pt-BR");
        assert_eq!(ok("PT-br"), "pt-BR");
        assert_eq!(ok("DE"), "de");
        assert_eq!(ok(" en-GB "), "en-GB");
        assert_eq!(ok("es-419"), "es-419");
    }

    #[test]
    fn primary_region_and_display() {
        let tag = parse_language("pt-BR").expect("valid");
        assert_eq!((tag.primary(), tag.region()), ("pt", Some("BR")));
        assert_eq!(tag.to_string(), "pt-BR");
        let tag = parse_language("de").expect("valid");
        assert_eq!((tag.primary(), tag.region()), ("de", None));
    }

    #[test]
    fn primary_errors() {
        assert_eq!(err(""), ("the language is empty".into(), None));
        assert_eq!(
            err("xx"),
            (
                "unknown language `xx`: write a two-letter ISO 639-1 code such as `de` or `en`".into(),
                None
            )
        );
        assert_eq!(err("xx-BR").1, Some(0..2));
        assert_eq!(
            err("deu"),
            ("use the two-letter code `de` instead of `deu`".into(), None)
        );
        assert_eq!(
            err("DEU-at"),
            ("use the two-letter code `de` instead of `DEU`".into(), Some(0..3))
        );
        assert_eq!(err("tha").0, "use the two-letter code `th` instead of `tha`");
        assert_eq!(
            err("fil"),
            (
                "`fil` (Filipino) has no two-letter ISO 639-1 code, which plans require".into(),
                None
            )
        );
        assert_eq!(
            err("qqq").0,
            "unknown language `qqq`: write a two-letter ISO 639-1 code"
        );
        assert_eq!(
            err("German"),
            ("`German` is a language name; write its code `de`".into(), None)
        );
        assert_eq!(err("english").0, "`english` is a language name; write its code `en`");
        assert_eq!(
            err("d"),
            ("expected a two-letter ISO 639-1 language code, found `d`".into(), None)
        );
        assert_eq!(err("-BR"), ("missing language before `-`".into(), Some(0..1)));
        assert_eq!(err("d3").0, "expected a two-letter ISO 639-1 language code, found `d3`");
    }

    #[test]
    fn separator_and_region_errors() {
        assert_eq!(
            err("pt_BR"),
            ("use `-`, not `_`, in language tags: `pt-BR`".into(), Some(2..3))
        );
        assert_eq!(err("PT_br").0, "use `-`, not `_`, in language tags: `pt-BR`");
        assert_eq!(err("pt-"), ("missing region after `pt-`".into(), Some(2..3)));
        assert_eq!(
            err("pt-XX"),
            (
                "unknown region `XX`: write an ISO 3166-1 country code such as `BR`".into(),
                Some(3..5)
            )
        );
        assert_eq!(
            err("de-276"),
            ("write the region `276` as its country code `DE`".into(), Some(3..6))
        );
        assert_eq!(
            err("de-999"),
            ("unknown region `999`: not a UN M.49 area code".into(), Some(3..6))
        );
        assert_eq!(
            err("zh-Hant"),
            (
                "unexpected region `Hant`: write a two-letter country code (`pt-BR`) or a three-digit area code (`es-419`)"
                    .into(),
                Some(3..7)
            )
        );
        assert_eq!(
            err("zh-Hant-TW"),
            (
                "unexpected `-TW`: only a language and a region are supported, as in `pt-BR`".into(),
                Some(7..10)
            )
        );
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            err("ไทย"),
            (
                "expected a two-letter ISO 639-1 language code, found `ไทย`".into(),
                None
            )
        );
        assert_eq!(
            err("dé"),
            ("expected a two-letter ISO 639-1 language code, found `dé`".into(), None)
        );
        assert_eq!(err("de-ÄT").1, Some(3..6));
        assert_eq!(err("de-๑๒๓").1, Some(3..12));
    }

    #[test]
    fn never_panics() {
        let alphabet = ["de", "pt", "x", "-", "_", "BR", "419", "é", "ไ", "deu"];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("{a}{b}{c}");
                    if let Err(e) = parse_language(&s)
                        && let Some(r) = e.range
                    {
                        assert!(
                            s.get(r.clone()).is_some_and(|p| !p.is_empty()),
                            "`{s}`: bad range {r:?}"
                        );
                    }
                }
            }
        }
    }
}
