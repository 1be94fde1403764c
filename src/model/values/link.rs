//! Links: web addresses, e-mail addresses and phone numbers that published documents turn
//! into something a reader can click.
//!
//! A plan is written by many hands and published to customers, so a value that becomes a
//! link must not be able to run code (`javascript:`, `data:`, `vbscript:`), smuggle headers
//! into an e-mail (`mailto:a@b.example?bcc=…`) or break out of the markup around it. Web
//! addresses are parsed with the `url` crate (the WHATWG URL standard browsers follow) and
//! accepted only with the `https` or `http` scheme and a host; e-mail addresses are
//! accepted only as a plain `name@domain` without a query; phone numbers only as digits
//! with the usual separators. [`href`] is the one place that decides what becomes a link,
//! for every template.

use super::ValueError;
use crate::model::ChannelKind;

const WEB_EXPECTED: &str = "a web address starting with `https://` (or `http://`), such as `https://example.com/help`";
const EMAIL_EXPECTED: &str = "an e-mail address such as `service@example.com`, without `mailto:` or `?…` parameters";

/// The schemes a published link may have.
const WEB_SCHEMES: [&str; 2] = ["https", "http"];

/// A web address: `https://…` or `http://…` with a host. Returns the address as the URL
/// standard writes it (spaces and other characters that cannot stand in a URL are
/// percent-encoded).
pub fn parse_web_url(text: &str) -> Result<String, ValueError> {
    let t = text.trim();
    if let Some(scheme) = scheme_of(t)
        && !WEB_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
    {
        return Err(ValueError::at(
            offset(text, t)..offset(text, t) + scheme.len() + 1,
            format!("`{scheme}:` links are not allowed in documents customers open"),
            WEB_EXPECTED,
        ));
    }
    if t.chars().any(char::is_control) {
        return Err(ValueError::new(
            "a web address cannot contain control characters",
            WEB_EXPECTED,
        ));
    }
    let url = url::Url::parse(t).map_err(|e| {
        let hint = if scheme_of(t).is_none() {
            format!("; write it with its scheme: `https://{t}`")
        } else {
            String::new()
        };
        ValueError::new(format!("`{t}` is not a web address ({e}){hint}"), WEB_EXPECTED)
    })?;
    if url.host_str().is_none_or(str::is_empty) {
        return Err(ValueError::new(format!("`{t}` names no host"), WEB_EXPECTED));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(ValueError::new(
            format!("`{t}` carries a user name or password; published links must not"),
            WEB_EXPECTED,
        ));
    }
    Ok(url.as_str().to_owned())
}

/// An e-mail address: `name@domain.tld`, letters of any script allowed, and none of the
/// characters that would end the address or start parameters in a `mailto:` link.
pub fn parse_email(text: &str) -> Result<String, ValueError> {
    let t = text.trim();
    if let Some(scheme) = scheme_of(t)
        && !t.contains('@')
    {
        return Err(ValueError::new(
            format!("`{scheme}:` is not an e-mail address"),
            EMAIL_EXPECTED,
        ));
    }
    if t.len() > 254 {
        return Err(ValueError::new(
            "an e-mail address has at most 254 characters",
            EMAIL_EXPECTED,
        ));
    }
    if let Some(i) = t.find(|c: char| !allowed_in_email(c)) {
        let c = t[i..].chars().next().unwrap_or(' ');
        let start = offset(text, t) + i;
        let what = if c.is_whitespace() || c.is_control() {
            "a space or control character".to_owned()
        } else {
            format!("`{c}`")
        };
        return Err(ValueError::at(
            start..start + c.len_utf8(),
            format!("{what} cannot stand in an e-mail address that documents link to"),
            EMAIL_EXPECTED,
        ));
    }
    let (local, domain) = match t.split_once('@') {
        Some((l, d)) if !l.is_empty() && !d.contains('@') => (l, d),
        _ => {
            return Err(ValueError::new(
                format!("`{t}` is not an e-mail address: it needs exactly one `@` with a name before it"),
                EMAIL_EXPECTED,
            ));
        }
    };
    let labels_ok = domain.contains('.')
        && domain
            .split('.')
            .all(|l| !l.is_empty() && !l.starts_with('-') && !l.ends_with('-'));
    if !labels_ok || local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(ValueError::new(
            format!("`{t}` is not an e-mail address: `{domain}` is not a domain such as `example.com`"),
            EMAIL_EXPECTED,
        ));
    }
    Ok(t.to_owned())
}

/// Characters accepted in an e-mail address: letters and digits of any script and
/// `. _ % + - @`; everything else (`? & , ; < > " ' ( ) [ ] \` spaces) could end the address
/// inside a link or start a `mailto:` header.
fn allowed_in_email(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '@')
}

/// A phone number written for people: `+49 30 5550 1990`, `0800 555 0140`, `(02) 555-0199`.
fn is_phone_number(text: &str) -> bool {
    let t = text.trim();
    let digits = t.chars().filter(char::is_ascii_digit).count();
    (3..=20).contains(&digits)
        && t.chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '/' | '.') || (c == '+' && i == 0))
}

/// Check a channel's `address` for its kind: any address that names a scheme
/// (`something:…`) must be a web address, or `mailto:`/`tel:` on the channels where those
/// belong; a web form's address must be a web address; an e-mail channel's address an
/// e-mail address. Postal addresses, handles and phone numbers pass as text.
pub fn check_channel_address(kind: ChannelKind, text: &str) -> Result<(), ValueError> {
    let t = text.trim();
    match kind {
        ChannelKind::Email => {
            if let Some(rest) = strip_scheme(t, "mailto") {
                return Err(ValueError::new(
                    format!("write the address without `mailto:`: `{rest}`"),
                    EMAIL_EXPECTED,
                ));
            }
            parse_email(text).map(drop)
        }
        ChannelKind::WebForm => parse_web_url(text).map(drop),
        _ => match scheme_of(t) {
            Some(s) if s.eq_ignore_ascii_case("tel") && matches!(kind, ChannelKind::Phone | ChannelKind::Video) => {
                let number = &t[s.len() + 1..];
                if is_phone_number(number) {
                    Ok(())
                } else {
                    Err(ValueError::new(
                        format!("`{number}` is not a phone number"),
                        "a phone number such as `+49 30 5550 1990`",
                    ))
                }
            }
            Some(_) => parse_web_url(text).map(drop),
            None => Ok(()),
        },
    }
}

/// The link a document may make of `value`, or `None` when it is to be shown as text.
/// `kind` is the channel kind (`phone`, `email`, …) or `phone`/`email` for a contact's
/// number and address. Web addresses link for every kind; e-mail addresses link as
/// `mailto:` on e-mail channels and contacts; phone numbers as `tel:` on phone and video
/// channels and contacts. Nothing else ever becomes a link.
pub fn href(value: &str, kind: &str) -> Option<String> {
    let t = value.trim();
    if let Some(scheme) = scheme_of(t) {
        if WEB_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str()) {
            return parse_web_url(t).ok().map(|u| encode_for_markup(&u));
        }
        if scheme.eq_ignore_ascii_case("tel") && matches!(kind, "phone" | "video") {
            let number = &t[scheme.len() + 1..];
            return is_phone_number(number).then(|| tel(number));
        }
        return None;
    }
    match kind {
        "email" => parse_email(t).ok().map(|a| format!("mailto:{a}")),
        "phone" | "video" if is_phone_number(t) => Some(tel(t)),
        _ => None,
    }
}

fn tel(number: &str) -> String {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

/// Characters that are valid in a URL but end a Markdown autolink, split a table cell or
/// close an HTML attribute are percent-encoded, which leaves the address the same.
fn encode_for_markup(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '|' => out.push_str("%7C"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            '\'' => out.push_str("%27"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            ' ' => out.push_str("%20"),
            _ => out.push(c),
        }
    }
    out
}

/// The scheme of a value that starts like a URL (`javascript:…`, `https://…`), as written.
/// A word followed by a colon and a space (`Attn: Service`) is text, not a scheme.
fn scheme_of(t: &str) -> Option<&str> {
    let colon = t.find(':')?;
    let scheme = &t[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    let after = t[colon + 1..].chars().next();
    (first_ok && rest_ok && after.is_some_and(|c| !c.is_whitespace())).then_some(scheme)
}

fn strip_scheme<'a>(t: &'a str, scheme: &str) -> Option<&'a str> {
    let s = scheme_of(t)?;
    s.eq_ignore_ascii_case(scheme).then(|| &t[s.len() + 1..])
}

/// Byte offset of `inner` (a subslice) inside `outer`.
fn offset(outer: &str, inner: &str) -> usize {
    (inner.as_ptr() as usize).saturating_sub(outer.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_need_a_web_scheme_and_a_host() {
        assert_eq!(
            parse_web_url("https://nordlicht.example/hilfe/e24").as_deref(),
            Ok("https://nordlicht.example/hilfe/e24")
        );
        assert!(parse_web_url("HTTP://Example.com").is_ok());
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "https://",
            "nordlicht.example/hilfe",
            "https://user:secret@example.com/",
            "https://exa\u{0}mple.com",
        ] {
            assert!(parse_web_url(bad).is_err(), "{bad} must be refused");
        }
        let e = parse_web_url("javascript:alert(1)").unwrap_err();
        assert_eq!(e.range, Some(0..11), "points at the scheme");
    }

    #[test]
    fn email_addresses_cannot_carry_headers() {
        assert!(parse_email("anna.weber@nordlicht.example").is_ok());
        assert!(parse_email("ilze.ozola@dzintars.example").is_ok());
        assert!(parse_email("kundenservice@müller.example").is_ok());
        for bad in [
            "a@b.example?bcc=all@x.example",
            "a@b.example&cc=x",
            "a b@example.com",
            "\"a\"@example.com",
            "a@example",
            "@example.com",
            "a@@example.com",
            "mailto:a@b.example",
            "a@b.example>",
        ] {
            assert!(parse_email(bad).is_err(), "{bad} must be refused");
        }
        let e = parse_email("a@b.example?bcc=x").unwrap_err();
        assert_eq!(e.range, Some(11..12), "points at the `?`");
    }

    #[test]
    fn channel_addresses_are_checked_for_their_kind() {
        assert!(check_channel_address(ChannelKind::Phone, "+49 800 5550 100").is_ok());
        assert!(check_channel_address(ChannelKind::Phone, "tel:+498005550100").is_ok());
        assert!(check_channel_address(ChannelKind::Social, "@nordlicht").is_ok());
        assert!(check_channel_address(ChannelKind::Social, "LINE @siammobile").is_ok());
        assert!(check_channel_address(ChannelKind::Letter, "Attn: Service, Beispielallee 12").is_ok());
        assert!(check_channel_address(ChannelKind::Chat, "https://nordlicht.example/chat").is_ok());
        assert!(check_channel_address(ChannelKind::Chat, "javascript:alert(1)").is_err());
        assert!(check_channel_address(ChannelKind::Social, "data:text/html,x").is_err());
        assert!(check_channel_address(ChannelKind::Chat, "tel:+49123").is_err());
        assert!(check_channel_address(ChannelKind::WebForm, "nordlicht.example/kontakt").is_err());
        assert!(check_channel_address(ChannelKind::Email, "mailto:a@b.example").is_err());
        assert!(check_channel_address(ChannelKind::Email, "a@b.example?subject=x").is_err());
    }

    #[test]
    fn only_safe_values_become_links() {
        assert_eq!(
            href("https://x.example/a b", "chat").as_deref(),
            Some("https://x.example/a%20b")
        );
        assert_eq!(
            href("https://x.example/a|b", "chat").as_deref(),
            Some("https://x.example/a%7Cb")
        );
        assert_eq!(href("javascript:alert(1)", "chat"), None);
        assert_eq!(
            href("service@x.example", "email").as_deref(),
            Some("mailto:service@x.example")
        );
        assert_eq!(href("service@x.example?bcc=y@z.example", "email"), None);
        assert_eq!(
            href("+49 (30) 5550-1990", "phone").as_deref(),
            Some("tel:+493055501990")
        );
        assert_eq!(href("+49 30 5550 1990", "social"), None);
        assert_eq!(href("@nordlicht", "social"), None);
        assert_eq!(href("Beispielallee 12, 12099 Berlin", "letter"), None);
    }
}
