//! Holiday calendar ids (`DE`, `DE-BY`, `GB-SCT`, `US-NY`) and country codes (`DE`): syntax
//! and ISO 3166-1 country validity. Whether a calendar's data exists is decided elsewhere.

use super::ValueError;
use isocountry::CountryCode;
use std::fmt;
use std::ops::Range;

/// A holiday calendar id: an ISO 3166-1 alpha-2 country and an optional subdivision code
/// (the part after the hyphen of an ISO 3166-2 code), both upper case.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarId {
    pub country: String,
    pub subdivision: Option<String>,
}

impl CalendarId {
    /// The country of the calendar.
    pub fn country_code(&self) -> Option<CountryCode> {
        CountryCode::for_alpha2(&self.country).ok()
    }
}

impl fmt::Display for CalendarId {
    /// `DE`, `DE-BY`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.country)?;
        if let Some(subdivision) = &self.subdivision {
            write!(f, "-{subdivision}")?;
        }
        Ok(())
    }
}

const CALENDAR_EXPECTED: &str = "a holiday calendar such as `DE`, `DE-BY`, `GB-SCT`, `US-NY` or `TH`";
const COUNTRY_EXPECTED: &str = "a country code such as `DE`, `AT` or `TH` (ISO 3166-1 alpha-2)";

/// Parse a holiday calendar id: an upper-case ISO 3166-1 alpha-2 country (`DE`), optionally
/// followed by `-` and a subdivision of one to three upper-case letters or digits (`DE-BY`,
/// `GB-SCT`).
pub fn parse_calendar_id(s: &str) -> Result<CalendarId, ValueError> {
    calendar_id(s).map_err(|e| whole(e, s))
}

fn calendar_id(s: &str) -> Result<CalendarId, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the holiday calendar is empty", CALENDAR_EXPECTED));
    }
    let at = |range: Range<usize>, message: String| {
        ValueError::at(lead + range.start..lead + range.end, message, CALENDAR_EXPECTED)
    };
    if let Some(i) = text.find('_') {
        let fixed = text.replace('_', "-").to_uppercase();
        return Err(at(i..i + 1, format!("use `-`, not `_`: `{fixed}`")));
    }
    let (country, subdivision) = match text.split_once('-') {
        Some((country, subdivision)) => (country, Some(subdivision)),
        None => (text, None),
    };
    let has_lower = |part: &str| part.chars().any(char::is_lowercase);
    // Only suggest upper case when that gives a real country; `Germany-Berlin` is better
    // answered by the country-name hint below.
    if has_lower(text) && country_code(&country.to_uppercase()).is_ok() {
        let upper = text.to_uppercase();
        let range = match (has_lower(country), subdivision) {
            (true, Some(sub)) if has_lower(sub) => 0..text.len(),
            (true, _) => 0..country.len(),
            (false, _) => country.len() + 1..text.len(),
        };
        return Err(at(
            range,
            format!("calendar ids are upper case: write `{upper}`, not `{text}`"),
        ));
    }
    if country.is_empty() {
        return Err(at(0..1, "missing country before `-`".to_owned()));
    }
    let country = country_code(country).map_err(|m| at(0..country.len(), m))?;
    let Some(subdivision) = subdivision else {
        return Ok(CalendarId {
            country: country.alpha2().to_owned(),
            subdivision: None,
        });
    };
    let sub_start = text.len() - subdivision.len();
    if subdivision.is_empty() {
        return Err(at(
            sub_start - 1..sub_start,
            format!("missing subdivision after `{}-`", country.alpha2()),
        ));
    }
    let valid = subdivision.len() <= 3
        && subdivision
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if !valid {
        return Err(at(
            sub_start..text.len(),
            format!("subdivision `{subdivision}` should be one to three letters or digits, as in `DE-BY` or `GB-SCT`"),
        ));
    }
    Ok(CalendarId {
        country: country.alpha2().to_owned(),
        subdivision: Some(subdivision.to_owned()),
    })
}

/// Parse an upper-case ISO 3166-1 alpha-2 country code (`DE`).
pub fn parse_country(s: &str) -> Result<CountryCode, ValueError> {
    country(s).map_err(|e| whole(e, s))
}

fn country(s: &str) -> Result<CountryCode, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the country code is empty", COUNTRY_EXPECTED));
    }
    if let Some(i) = text.find(['-', '_']) {
        let country = &text[..i];
        if country_code(country).is_ok() {
            return Err(ValueError::at(
                lead + i..lead + text.len(),
                format!("a country code has no subdivision: write `{country}`"),
                COUNTRY_EXPECTED,
            ));
        }
    }
    if text.chars().any(char::is_lowercase) {
        let upper = text.to_uppercase();
        if CountryCode::for_alpha2(&upper).is_ok() {
            return Err(ValueError::new(
                format!("country codes are upper case: write `{upper}`, not `{text}`"),
                COUNTRY_EXPECTED,
            ));
        }
    }
    country_code(text).map_err(|m| ValueError::new(m, COUNTRY_EXPECTED))
}

/// The country for an upper-case alpha-2 code, or why the code is not one.
fn country_code(code: &str) -> Result<CountryCode, String> {
    if let Ok(country) = CountryCode::for_alpha2(code) {
        return Ok(country);
    }
    if code.len() == 3
        && let Ok(country) = CountryCode::for_alpha3(code)
    {
        return Err(format!(
            "use the two-letter code `{}` instead of `{code}`",
            country.alpha2()
        ));
    }
    let hint = match code {
        "UK" => "; did you mean `GB`?",
        "EL" => "; did you mean `GR`?",
        _ => "",
    };
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("unknown country `{code}`{hint}"));
    }
    let named = CountryCode::iter().find(|c| c.name().eq_ignore_ascii_case(code));
    if let Some(country) = named {
        return Err(format!(
            "`{code}` is a country name; write its code `{}`",
            country.alpha2()
        ));
    }
    Err(format!("expected a two-letter ISO 3166-1 country code, found `{code}`"))
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

    fn id(s: &str) -> CalendarId {
        parse_calendar_id(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    fn err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_calendar_id(s).expect_err(s);
        assert_eq!(e.expected, CALENDAR_EXPECTED);
        (e.message, e.range)
    }

    fn country_err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_country(s).expect_err(s);
        assert_eq!(e.expected, COUNTRY_EXPECTED);
        (e.message, e.range)
    }

    #[test]
    fn calendar_ids() {
        assert_eq!(
            id("DE"),
            CalendarId {
                country: "DE".into(),
                subdivision: None
            }
        );
        assert_eq!(
            id("DE-BY"),
            CalendarId {
                country: "DE".into(),
                subdivision: Some("BY".into())
            }
        );
        for s in ["GB-SCT", "US-NY", "BR-SP", "TH", "FR-75", "DE-BE", "AT-9"] {
            assert_eq!(id(s).to_string(), s);
        }
        assert_eq!(id(" DE-BY ").to_string(), "DE-BY");
        assert_eq!(id("DE-BY").country_code(), Some(CountryCode::DEU));
    }

    #[test]
    fn case_errors() {
        assert_eq!(
            err("de-by"),
            ("calendar ids are upper case: write `DE-BY`, not `de-by`".into(), None)
        );
        assert_eq!(
            err("DE-by"),
            (
                "calendar ids are upper case: write `DE-BY`, not `DE-by`".into(),
                Some(3..5)
            )
        );
        assert_eq!(
            err("de-BY"),
            (
                "calendar ids are upper case: write `DE-BY`, not `de-BY`".into(),
                Some(0..2)
            )
        );
        assert_eq!(
            err("de"),
            ("calendar ids are upper case: write `DE`, not `de`".into(), None)
        );
        assert_eq!(err("De").1, None);
    }

    #[test]
    fn country_errors() {
        assert_eq!(err(""), ("the holiday calendar is empty".into(), None));
        assert_eq!(err("UK"), ("unknown country `UK`; did you mean `GB`?".into(), None));
        assert_eq!(
            err("UK-SCT"),
            ("unknown country `UK`; did you mean `GB`?".into(), Some(0..2))
        );
        assert_eq!(err("XX"), ("unknown country `XX`".into(), None));
        assert_eq!(
            err("DEU"),
            ("use the two-letter code `DE` instead of `DEU`".into(), None)
        );
        assert_eq!(
            err("D"),
            ("expected a two-letter ISO 3166-1 country code, found `D`".into(), None)
        );
        assert_eq!(err("D1-BY").1, Some(0..2));
        assert_eq!(err("-BY"), ("missing country before `-`".into(), Some(0..1)));
    }

    #[test]
    fn subdivision_errors() {
        assert_eq!(err("DE-"), ("missing subdivision after `DE-`".into(), Some(2..3)));
        assert_eq!(
            err("DE-BAYERN"),
            (
                "subdivision `BAYERN` should be one to three letters or digits, as in `DE-BY` or `GB-SCT`".into(),
                Some(3..9)
            )
        );
        assert_eq!(err("DE-B-Y").1, Some(3..6));
        assert_eq!(err("DE_BY"), ("use `-`, not `_`: `DE-BY`".into(), Some(2..3)));
        assert_eq!(err("de_by").0, "use `-`, not `_`: `DE-BY`");
    }

    #[test]
    fn countries() {
        assert_eq!(parse_country("DE"), Ok(CountryCode::DEU));
        assert_eq!(parse_country(" TH "), Ok(CountryCode::THA));
        assert_eq!(country_err(""), ("the country code is empty".into(), None));
        assert_eq!(
            country_err("de"),
            ("country codes are upper case: write `DE`, not `de`".into(), None)
        );
        assert_eq!(
            country_err("DE-BY"),
            ("a country code has no subdivision: write `DE`".into(), Some(2..5))
        );
        assert_eq!(
            country_err("UK"),
            ("unknown country `UK`; did you mean `GB`?".into(), None)
        );
        assert_eq!(
            country_err("DEU"),
            ("use the two-letter code `DE` instead of `DEU`".into(), None)
        );
        assert_eq!(
            country_err("Germany").0,
            "`Germany` is a country name; write its code `DE`"
        );
        assert_eq!(
            country_err("Atlantis").0,
            "expected a two-letter ISO 3166-1 country code, found `Atlantis`"
        );
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            err("ไทย"),
            (
                "expected a two-letter ISO 3166-1 country code, found `ไทย`".into(),
                None
            )
        );
        assert_eq!(
            err("DÉ-BY"),
            (
                "expected a two-letter ISO 3166-1 country code, found `DÉ`".into(),
                Some(0..3)
            )
        );
        assert_eq!(
            err("DE-BÄ"),
            (
                "subdivision `BÄ` should be one to three letters or digits, as in `DE-BY` or `GB-SCT`".into(),
                Some(3..6)
            )
        );
        assert_eq!(
            err("dé-by").0,
            "expected a two-letter ISO 3166-1 country code, found `dé`"
        );
        assert_eq!(
            err("Germany-Berlin").0,
            "`Germany` is a country name; write its code `DE`"
        );
        assert_eq!(
            country_err("ÄT").0,
            "expected a two-letter ISO 3166-1 country code, found `ÄT`"
        );
    }

    #[test]
    fn never_panics() {
        let alphabet = ["DE", "de", "B", "-", "_", "SCT", "É", "ไ", "1", " "];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("{a}{b}{c}");
                    for e in [parse_calendar_id(&s).err(), parse_country(&s).err()]
                        .into_iter()
                        .flatten()
                    {
                        if let Some(r) = e.range {
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
}
