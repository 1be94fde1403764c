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
    let parsed = phonenumber::parse(hint, number.trim()).ok()?;
    let toll_free = parsed.number_type(&phonenumber::metadata::DATABASE) == Type::TollFree;
    Some(PhoneInfo {
        country: parsed.country().id().map(|id| id.as_ref().to_owned()),
        toll_free,
    })
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

    #[test]
    fn text_that_is_no_number_has_no_country() {
        assert_eq!(phone_info("@nordlicht", None), None);
        assert_eq!(phone_info("12", Some("DE")), None);
    }
}
