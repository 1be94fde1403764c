//! Phone numbers as customers dial them: which country a number belongs to (from its
//! calling code, or the owner's country for a number written without one) and whether it
//! is toll-free there. The numbering plans are libphonenumber's, through the
//! `phonenumber` crate; a toll-free number is free only for callers in its own country.

use phonenumber::{Type, country};

/// What the numbering plan says about a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneInfo {
    /// The ISO 3166-1 country of the number (`LV` for `+371 …`).
    pub country: Option<String>,
    /// Whether the numbering plan lists it as toll-free.
    pub toll_free: bool,
}

/// The country and kind of `number`. A number without a `+` calling code is read as a
/// number of `region` (an ISO 3166-1 code), the country its owner is in; `None` when the
/// text is not a phone number.
pub fn phone_info(number: &str, region: Option<&str>) -> Option<PhoneInfo> {
    // Reading a number matches it against many of the numbering plan's patterns, each
    // compiled on first use: documents ask about the same few numbers again and again.
    type Known = std::collections::HashMap<(String, Option<String>), Option<PhoneInfo>>;
    thread_local! {
        static KNOWN: std::cell::RefCell<Known> = std::cell::RefCell::new(Known::new());
    }
    let key = (number.to_owned(), region.map(str::to_owned));
    if let Some(known) = KNOWN.with(|k| k.borrow().get(&key).cloned()) {
        return known;
    }
    let info = read_number(number, region);
    KNOWN.with(|k| k.borrow_mut().insert(key, info.clone()));
    info
}

fn read_number(number: &str, region: Option<&str>) -> Option<PhoneInfo> {
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if !(3..=20).contains(&digits) || number.len() > 64 {
        return None;
    }
    let hint: Option<country::Id> = region.and_then(|r| r.parse().ok());
    let number = number.trim();
    // The territories the number can belong to, and only those: building the whole
    // numbering plan compiles thousands of patterns, which took most of a render.
    if let Some(database) = territories::database_for(number, region) {
        let parsed = phonenumber::parse_with(&database, hint, number).ok()?;
        if let Some(metadata) = parsed.metadata(&database) {
            return Some(PhoneInfo {
                country: Some(metadata.id().to_owned()).filter(|id| id != "001"),
                toll_free: parsed.number_type(&database) == Type::TollFree,
            });
        }
    }
    // A number the cut could not place: the whole numbering plan decides.
    let parsed = phonenumber::parse(hint, number).ok()?;
    let toll_free = parsed.number_type(&phonenumber::metadata::DATABASE) == Type::TollFree;
    Some(PhoneInfo {
        country: parsed.country().id().map(|id| id.as_ref().to_owned()),
        toll_free,
    })
}

/// libphonenumber's metadata (`data/phone-metadata.xml`), cut into territories.
mod territories {
    use phonenumber::metadata::{Database, loader};
    use std::collections::HashMap;
    use std::sync::OnceLock;

    const METADATA: &str = include_str!("../../../data/phone-metadata.xml");

    /// One territory: its region id (`DE`, `001` for non-geographic numbers), its calling
    /// code and its XML element.
    struct Territory {
        id: &'static str,
        code: &'static str,
        xml: &'static str,
    }

    fn all() -> &'static [Territory] {
        static ALL: OnceLock<Vec<Territory>> = OnceLock::new();
        ALL.get_or_init(|| {
            let mut found = Vec::new();
            let mut rest = METADATA;
            while let Some(start) = rest.find("<territory ") {
                rest = &rest[start..];
                let Some(end) = rest.find("</territory>") else { break };
                let xml = &rest[..end + "</territory>".len()];
                let head = &xml[..xml.find('>').unwrap_or(xml.len())];
                if let (Some(id), Some(code)) = (attribute(head, "id"), attribute(head, "countryCode")) {
                    found.push(Territory { id, code, xml });
                }
                rest = &rest[xml.len()..];
            }
            found
        })
    }

    fn attribute<'a>(head: &'a str, name: &str) -> Option<&'a str> {
        let key = format!(" {name}=\"");
        let start = head.find(&key)? + key.len();
        let len = head[start..].find('"')?;
        Some(&head[start..start + len])
    }

    /// The calling codes `number` may start with: after `+`, or after the international
    /// prefixes `00` and `011`.
    fn codes(number: &str) -> Vec<&'static str> {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        let mut starts = Vec::new();
        if number.trim_start().starts_with('+') {
            starts.push(digits.as_str());
        } else {
            for prefix in ["00", "011"] {
                if let Some(rest) = digits.strip_prefix(prefix) {
                    starts.push(rest);
                }
            }
        }
        let mut codes = Vec::new();
        for start in starts {
            for t in all() {
                if start.starts_with(t.code) && !codes.contains(&t.code) {
                    codes.push(t.code);
                }
            }
        }
        codes
    }

    /// A numbering plan of the territories `number` can belong to, read as a number of
    /// `region`; `None` when none of them is known.
    pub fn database_for(number: &str, region: Option<&str>) -> Option<Database> {
        let codes = codes(number);
        let chosen: Vec<&Territory> = all()
            .iter()
            .filter(|t| codes.contains(&t.code) || region.is_some_and(|r| r.eq_ignore_ascii_case(t.id)))
            .collect();
        if chosen.is_empty() {
            return None;
        }
        let key: Vec<&str> = chosen.iter().map(|t| t.id).collect();
        let key = key.join(",");
        thread_local! {
            static MADE: std::cell::RefCell<HashMap<String, Database>> = std::cell::RefCell::new(HashMap::new());
        }
        if let Some(database) = MADE.with(|m| m.borrow().get(&key).cloned()) {
            return Some(database);
        }
        let mut xml = String::from("<phoneNumberMetadata><territories>");
        for t in &chosen {
            xml.push_str(t.xml);
        }
        xml.push_str("</territories></phoneNumberMetadata>");
        let metadata = loader::load(std::io::Cursor::new(xml)).ok()?;
        let database = Database::from(metadata).ok()?;
        MADE.with(|m| m.borrow_mut().insert(key, database.clone()));
        Some(database)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(number: &str, region: Option<&str>) -> (Option<String>, bool) {
        let i = phone_info(number, region).expect("a phone number");
        (i.country, i.toll_free)
    }

    #[test]
    fn the_calling_code_names_the_country_and_the_plan_says_toll_free() {
        assert_eq!(info("+371 8000 5550", None), (Some("LV".into()), true));
        assert_eq!(info("+49 800 5550 100", None), (Some("DE".into()), true));
        assert_eq!(info("+49 30 5550 1975", None), (Some("DE".into()), false));
        assert_eq!(info("+66 2 555 0199", Some("LV")), (Some("TH".into()), false));
    }

    #[test]
    fn a_national_number_belongs_to_its_owners_country() {
        assert_eq!(info("0800 555 0140", Some("BR")), (Some("BR".into()), true));
        assert_eq!(info("800 555 014", Some("PT")), (Some("PT".into()), true));
    }

    /// The territories cut from the metadata read every number as the whole numbering plan
    /// (the crate's own database) reads it.
    #[test]
    fn the_territories_of_a_number_read_it_as_the_whole_plan_does() {
        let cases = [
            ("+371 8000 5550", None),
            ("+49 800 5550 100", None),
            ("+49 30 5550 1975", None),
            ("+66 2 555 0199", Some("LV")),
            ("0800 555 0140", Some("BR")),
            ("800 555 014", Some("PT")),
            ("+1 800 555 0199", None),
            ("+1 212 555 0100", Some("DE")),
            ("1579", Some("TH")),
            ("02 555 1579", Some("TH")),
            ("0049 30 5550 1975", Some("AT")),
            ("+351 21 555 0140", None),
            ("+55 11 95555-0190", None),
            ("+800 1234 5678", None),
        ];
        for (number, region) in cases {
            let whole = phonenumber::parse(region.and_then(|r| r.parse().ok()), number)
                .ok()
                .map(|p| PhoneInfo {
                    country: p.country().id().map(|id| id.as_ref().to_owned()),
                    toll_free: p.number_type(&phonenumber::metadata::DATABASE) == Type::TollFree,
                });
            assert_eq!(phone_info(number, region), whole, "{number} in {region:?}");
        }
    }

    #[test]
    fn text_that_is_no_number_has_no_country() {
        assert_eq!(phone_info("@nordlicht", None), None);
        assert_eq!(phone_info("12", Some("DE")), None);
    }
}
