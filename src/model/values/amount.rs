//! Amounts: `25 EUR`, `19.99 EUR`, `1 500 THB`, a bare number in the plan's currency, `10%`
//! (of the order value), `unlimited`.
//!
//! Thousands may be grouped with a space (or a no-break, narrow no-break or thin space) in
//! groups of exactly three digits (`1 500`, `1 500 000.50`), which cannot be misread. Commas
//! are rejected: `1,500` is a thousand and a half in some countries and one and a half in
//! others, so the error asks for `1500` or `1 500` (or for `.` as the decimal point).

use super::ValueError;
use iso_currency::Currency;
use std::fmt;
use std::ops::Range;

/// A sum of money. `milli` is the amount in thousandths of the currency unit, so
/// `19.99 EUR` is `19_990`; `currency` is the ISO 4217 code, or `None` for a bare number that
/// takes the plan's default currency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Money {
    pub milli: i64,
    pub currency: Option<iso_currency::Currency>,
}

/// What a remedy is worth or what someone may grant.
#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Money(Money),
    /// A share of the order value, in percent (`10%` is `10.0`); not range-checked here.
    Percent(f64),
    Unlimited,
}

/// The accepted forms, for the help line of every amount error.
const EXPECTED: &str = "an amount such as `25 EUR`, `19.99 EUR`, `1 500 THB`, `10%` or `unlimited`";

/// Most decimals an amount may have (`milli` counts thousandths).
const MAX_DECIMALS: usize = 3;

/// Characters that may separate groups of three digits.
const GROUP_SEPARATORS: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Parse an amount: money with an ISO 4217 code (`25 EUR`, `19.99 EUR`, `1 500 THB`), a bare
/// number in the plan's currency (`25`), a percentage (`10%`, `12.5%`) or `unlimited`.
pub fn parse_amount(s: &str) -> Result<Amount, ValueError> {
    amount(s).map_err(|e| whole(e, s))
}

fn amount(s: &str) -> Result<Amount, ValueError> {
    let lead = s.len() - s.trim_start().len();
    let text = s.trim();
    if text.is_empty() {
        return Err(ValueError::new("the amount is empty", EXPECTED));
    }
    if text == "unlimited" {
        return Ok(Amount::Unlimited);
    }
    if text.eq_ignore_ascii_case("unlimited") {
        return Err(ValueError::new(
            format!("write `unlimited` in lower case, not `{text}`"),
            EXPECTED,
        ));
    }
    let at =
        |range: Range<usize>, message: String| ValueError::at(lead + range.start..lead + range.end, message, EXPECTED);

    let first = text.chars().next().expect("the text is not empty");
    if !first.is_ascii_digit() {
        let len = first.len_utf8();
        return Err(match first {
            '-' => at(0..len, "negative amounts are not allowed: remove the `-`".to_owned()),
            '.' => at(0..len, "write a digit before the decimal point, as in `0.5`".to_owned()),
            c if symbol_code(c).is_some() || c == '$' || c == '¥' => symbol_error(c, 0..len, &at),
            c if c.is_alphabetic() => {
                let word_end = text.find(char::is_whitespace).unwrap_or(text.len());
                let word = &text[..word_end];
                if Currency::from_code(word).is_some()
                    && text[word_end..].trim_start().starts_with(|c: char| c.is_ascii_digit())
                {
                    let number = text[word_end..].trim_start();
                    at(
                        0..word_end,
                        format!("write the number before the currency: `{number} {word}`"),
                    )
                } else {
                    at(0..word_end, format!("expected a number, found `{word}`"))
                }
            }
            c if c.is_numeric() => at(
                0..len,
                format!("`{c}` is not a digit 0-9: write numbers with ASCII digits"),
            ),
            c => at(0..len, format!("expected a number, found `{c}`")),
        });
    }

    let number = Number::scan(text).map_err(|(range, message)| at(range, message))?;
    let rest_start = number.end + (text[number.end..].len() - text[number.end..].trim_start().len());
    let rest = &text[rest_start..];
    let written = &text[..number.end];

    if rest.is_empty() {
        return Ok(Amount::Money(Money {
            milli: number.milli(written).map_err(|m| at(0..number.end, m))?,
            currency: None,
        }));
    }
    if let Some(after) = rest.strip_prefix('%') {
        if !after.is_empty() {
            let start = rest_start + 1 + (after.len() - after.trim_start().len());
            return Err(at(
                start..text.len(),
                format!("unexpected `{}` after the percentage", after.trim_start()),
            ));
        }
        let value = format!(
            "{}.{}",
            number.int,
            if number.frac.is_empty() { "0" } else { &number.frac }
        );
        // A string of hundreds of digits parses as infinity rather than failing.
        let percent = value
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite())
            .ok_or_else(|| at(0..number.end, format!("`{written}` is too large")))?;
        return Ok(Amount::Percent(percent));
    }
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        let end = rest_start + rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        return Err(at(
            rest_start..end,
            format!(
                "unexpected `{}` after `{written}`: group thousands in threes (`1 500`) or write the number without spaces",
                &text[rest_start..end]
            ),
        ));
    }
    let code_end = rest_start + rest.find(char::is_whitespace).unwrap_or(rest.len());
    let code = &text[rest_start..code_end];
    let trailing = text[code_end..].trim_start();
    if !trailing.is_empty() {
        let start = text.len() - trailing.len();
        return Err(at(
            start..text.len(),
            format!("unexpected `{trailing}` after `{written} {code}`"),
        ));
    }
    let currency = currency(code).map_err(|m| at(rest_start..code_end, m))?;
    if let Some(places) = currency.exponent().map(usize::from)
        && number.frac.len() > places
    {
        let mut message = format!(
            "`{code}` has {places} decimal places, but `{written}` has {}",
            number.frac.len()
        );
        if number.frac.len() == 3 && number.groups == 0 {
            let (int, frac) = (&number.int, &number.frac);
            message.push_str(&format!(
                "; if `.` separates thousands, write `{int}{frac} {code}` or `{int} {frac} {code}`"
            ));
        }
        return Err(at(0..number.end, message));
    }
    let milli = number.milli(written).map_err(|m| at(0..number.end, m))?;
    Ok(Amount::Money(Money {
        milli,
        currency: Some(currency),
    }))
}

/// The number at the start of an amount: its digits with group separators removed.
struct Number {
    /// Digits before the decimal point.
    int: String,
    /// Digits after the decimal point (at most [`MAX_DECIMALS`]).
    frac: String,
    /// How many separated groups of three followed the first group.
    groups: usize,
    /// Byte position after the number.
    end: usize,
}

impl Number {
    /// Read the number at the start of `text`, which starts with an ASCII digit. Errors carry
    /// a range in `text` and a message.
    fn scan(text: &str) -> Result<Number, (Range<usize>, String)> {
        let digits_at = |pos: usize| {
            text.as_bytes()
                .get(pos..)
                .map_or(0, |b| b.iter().take_while(|b| b.is_ascii_digit()).count())
        };
        let first = digits_at(0);
        let mut int = text[..first].to_owned();
        let mut end = first;
        let mut groups = 0;
        // A separator counts only before exactly three digits, so `25 EUR` and `1 5000` stop.
        while let Some(sep) = text[end..].chars().next().filter(|c| GROUP_SEPARATORS.contains(c)) {
            let group_start = end + sep.len_utf8();
            if digits_at(group_start) != 3 {
                break;
            }
            int.push_str(&text[group_start..group_start + 3]);
            end = group_start + 3;
            groups += 1;
        }
        if groups > 0 && first > 3 {
            return Err((
                0..end,
                format!(
                    "`{}` groups thousands unevenly: write `{int}` or groups of three",
                    &text[..end]
                ),
            ));
        }
        let mut frac = String::new();
        match text[end..].chars().next() {
            Some(',') => {
                let after = digits_at(end + 1);
                let message = if after == 3 && groups == 0 && first <= 3 {
                    let whole = &text[..end];
                    let thousands = &text[end + 1..end + 4];
                    format!(
                        "`,` is ambiguous: write `{whole}{thousands}` or `{whole} {thousands}` for thousands, or use `.` for decimals"
                    )
                } else if after > 0 {
                    format!(
                        "use `.` as the decimal point: `{}.{}`",
                        &text[..end],
                        &text[end + 1..end + 1 + after]
                    )
                } else {
                    "unexpected `,`".to_owned()
                };
                return Err((end..end + 1, message));
            }
            Some('.') => {
                let after = digits_at(end + 1);
                if after == 0 {
                    return Err((end..end + 1, "expected digits after the decimal point".to_owned()));
                }
                frac = text[end + 1..end + 1 + after].to_owned();
                end += 1 + after;
                if after > MAX_DECIMALS {
                    return Err((
                        0..end,
                        format!("`{}` has more than {MAX_DECIMALS} decimals", &text[..end]),
                    ));
                }
            }
            _ => {}
        }
        Ok(Number { int, frac, groups, end })
    }

    /// The value in thousandths; `written` is the number as written, for the message.
    fn milli(&self, written: &str) -> Result<i64, String> {
        let frac = format!("{:0<3}", self.frac);
        self.int
            .parse::<i64>()
            .ok()
            .and_then(|int| int.checked_mul(1000))
            .and_then(|m| m.checked_add(frac.parse::<i64>().ok()?))
            .ok_or_else(|| format!("`{written}` is too large"))
    }
}

/// The currency for an ISO 4217 code, or why the code is not one.
fn currency(code: &str) -> Result<Currency, String> {
    if let Some(currency) = Currency::from_code(code) {
        return Ok(currency);
    }
    let upper = code.to_uppercase();
    if Currency::from_code(&upper).is_some() {
        return Err(format!("currency codes are upper case: write `{upper}`, not `{code}`"));
    }
    if let Some(c) = code.chars().next().filter(|_| code.chars().count() == 1)
        && let Some(iso) = symbol_code(c)
    {
        return Err(format!(
            "write the ISO 4217 code `{iso}` instead of the symbol `{code}`"
        ));
    }
    Err(format!(
        "unknown currency `{code}`: write an ISO 4217 code such as `EUR`, `USD` or `THB`"
    ))
}

/// The ISO 4217 code of an unambiguous currency symbol.
fn symbol_code(c: char) -> Option<&'static str> {
    match c {
        '€' => Some("EUR"),
        '£' => Some("GBP"),
        '฿' => Some("THB"),
        '₹' => Some("INR"),
        _ => None,
    }
}

fn symbol_error(c: char, range: Range<usize>, at: &impl Fn(Range<usize>, String) -> ValueError) -> ValueError {
    match symbol_code(c) {
        Some(iso) => at(
            range,
            format!("write the ISO 4217 code after the number, as in `25 {iso}`, instead of `{c}`"),
        ),
        None => at(
            range,
            format!("write an ISO 4217 code after the number, as in `25 USD`, instead of `{c}`"),
        ),
    }
}

impl fmt::Display for Money {
    /// `25 EUR`, `19.99 EUR`, `19.90 EUR` (padded to the currency's decimals), `0.125 KWD`,
    /// or a bare `25` / `2.5` without a currency. No thousands separators, so the output
    /// parses back to the same amount.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.milli < 0 { "-" } else { "" };
        let abs = self.milli.unsigned_abs();
        let (int, frac) = (abs / 1000, abs % 1000);
        write!(f, "{sign}{int}")?;
        if frac != 0 {
            let digits = format!("{frac:03}");
            let mut digits = digits.trim_end_matches('0').to_owned();
            let places = self
                .currency
                .and_then(Currency::exponent)
                .map_or(0, usize::from)
                .min(MAX_DECIMALS);
            while digits.len() < places {
                digits.push('0');
            }
            write!(f, ".{digits}")?;
        }
        if let Some(currency) = self.currency {
            write!(f, " {}", currency.code())?;
        }
        Ok(())
    }
}

impl fmt::Display for Amount {
    /// `25 EUR`, `10%`, `12.5%`, `unlimited`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Money(money) => money.fmt(f),
            Amount::Percent(p) => write!(f, "{p}%"),
            Amount::Unlimited => f.write_str("unlimited"),
        }
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

    fn money(milli: i64, code: &str) -> Amount {
        Amount::Money(Money {
            milli,
            currency: Some(Currency::from_code(code).expect("a real code")),
        })
    }

    fn ok(s: &str) -> Amount {
        parse_amount(s).unwrap_or_else(|e| panic!("`{s}` should parse: {e:?}"))
    }

    /// The message and range of the error for `s`.
    fn err(s: &str) -> (String, Option<Range<usize>>) {
        let e = parse_amount(s).expect_err(s);
        assert_eq!(e.expected, EXPECTED);
        (e.message, e.range)
    }

    #[test]
    fn money_with_currency() {
        assert_eq!(ok("25 EUR"), money(25_000, "EUR"));
        assert_eq!(ok("19.99 EUR"), money(19_990, "EUR"));
        assert_eq!(ok("19.9 EUR"), money(19_900, "EUR"));
        assert_eq!(ok("1500 THB"), money(1_500_000, "THB"));
        assert_eq!(ok("0 EUR"), money(0, "EUR"));
        assert_eq!(ok("0.125 KWD"), money(125, "KWD"));
        assert_eq!(ok("500 JPY"), money(500_000, "JPY"));
        assert_eq!(ok("  25   EUR "), money(25_000, "EUR"));
        assert_eq!(ok("25EUR"), money(25_000, "EUR"));
    }

    #[test]
    fn thousands_groups_of_three() {
        assert_eq!(ok("1 500 THB"), money(1_500_000, "THB"));
        assert_eq!(ok("1 500 000 THB"), money(1_500_000_000, "THB"));
        assert_eq!(ok("1\u{a0}500.50 THB"), money(1_500_500, "THB"));
        assert_eq!(ok("12\u{202f}500 EUR"), money(12_500_000, "EUR"));
        assert_eq!(
            ok("100\u{2009}000"),
            Amount::Money(Money {
                milli: 100_000_000,
                currency: None
            })
        );
    }

    #[test]
    fn bare_numbers_percentages_and_unlimited() {
        assert_eq!(
            ok("25"),
            Amount::Money(Money {
                milli: 25_000,
                currency: None
            })
        );
        assert_eq!(
            ok("2.5"),
            Amount::Money(Money {
                milli: 2_500,
                currency: None
            })
        );
        assert_eq!(ok("10%"), Amount::Percent(10.0));
        assert_eq!(ok("12.5%"), Amount::Percent(12.5));
        assert_eq!(ok("10 %"), Amount::Percent(10.0));
        assert_eq!(ok("150%"), Amount::Percent(150.0));
        assert_eq!(ok("0%"), Amount::Percent(0.0));
        assert_eq!(ok("unlimited"), Amount::Unlimited);
        assert_eq!(ok(" unlimited "), Amount::Unlimited);
    }

    #[test]
    fn display() {
        for (input, shown) in [
            ("25 EUR", "25 EUR"),
            ("19.99 EUR", "19.99 EUR"),
            ("19.9 EUR", "19.90 EUR"),
            ("1 500 THB", "1500 THB"),
            ("0 EUR", "0 EUR"),
            ("0.125 KWD", "0.125 KWD"),
            ("500 JPY", "500 JPY"),
            ("25", "25"),
            ("2.50", "2.5"),
            ("0.001", "0.001"),
            ("10%", "10%"),
            ("12.5%", "12.5%"),
            ("unlimited", "unlimited"),
        ] {
            let amount = ok(input);
            assert_eq!(amount.to_string(), shown, "{input}");
            assert_eq!(ok(shown), amount, "`{shown}` parses back");
        }
        assert_eq!(
            Money {
                milli: -1_500,
                currency: None
            }
            .to_string(),
            "-1.5"
        );
        assert_eq!(
            Money {
                milli: i64::MIN,
                currency: None
            }
            .to_string(),
            "-9223372036854775.808"
        );
    }

    #[test]
    fn empty_and_unlimited_case() {
        assert_eq!(err(""), ("the amount is empty".into(), None));
        assert_eq!(
            err("Unlimited"),
            ("write `unlimited` in lower case, not `Unlimited`".into(), None)
        );
    }

    #[test]
    fn currency_errors() {
        assert_eq!(
            err("25 eur"),
            (
                "currency codes are upper case: write `EUR`, not `eur`".into(),
                Some(3..6)
            )
        );
        assert_eq!(err("25 Eur").0, "currency codes are upper case: write `EUR`, not `Eur`");
        assert_eq!(
            err("25 EUX"),
            (
                "unknown currency `EUX`: write an ISO 4217 code such as `EUR`, `USD` or `THB`".into(),
                Some(3..6)
            )
        );
        assert_eq!(err("25 Euro").1, Some(3..7));
        assert_eq!(err("4 Stunden").1, Some(2..9));
        assert_eq!(
            err("25 €"),
            (
                "write the ISO 4217 code `EUR` instead of the symbol `€`".into(),
                Some(3..6)
            )
        );
        assert_eq!(
            err("€25"),
            (
                "write the ISO 4217 code after the number, as in `25 EUR`, instead of `€`".into(),
                Some(0..3)
            )
        );
        assert_eq!(
            err("$5"),
            (
                "write an ISO 4217 code after the number, as in `25 USD`, instead of `$`".into(),
                Some(0..1)
            )
        );
        assert_eq!(
            err("EUR 25"),
            ("write the number before the currency: `25 EUR`".into(), Some(0..3))
        );
        assert_eq!(
            err("25 EUR extra"),
            ("unexpected `extra` after `25 EUR`".into(), Some(7..12))
        );
    }

    #[test]
    fn decimals() {
        assert_eq!(
            err("1.2345 EUR"),
            ("`1.2345` has more than 3 decimals".into(), Some(0..6))
        );
        assert_eq!(err("1.2345").0, "`1.2345` has more than 3 decimals");
        assert_eq!(err("1.2345%").1, Some(0..6));
        assert_eq!(
            err("1.500 EUR"),
            (
                "`EUR` has 2 decimal places, but `1.500` has 3; if `.` separates thousands, write `1500 EUR` or `1 500 EUR`"
                    .into(),
                Some(0..5)
            )
        );
        assert_eq!(
            err("1.5 JPY"),
            ("`JPY` has 0 decimal places, but `1.5` has 1".into(), Some(0..3))
        );
        assert_eq!(
            err("5."),
            ("expected digits after the decimal point".into(), Some(1..2))
        );
        assert_eq!(
            err(".5"),
            ("write a digit before the decimal point, as in `0.5`".into(), Some(0..1))
        );
    }

    #[test]
    fn commas_are_ambiguous() {
        let ambiguous = "`,` is ambiguous: write `1500` or `1 500` for thousands, or use `.` for decimals";
        assert_eq!(err("1,500 EUR"), (ambiguous.into(), Some(1..2)));
        assert_eq!(err("1,500.50 USD"), (ambiguous.into(), Some(1..2)));
        assert_eq!(
            err("19,99 EUR"),
            ("use `.` as the decimal point: `19.99`".into(), Some(2..3))
        );
        assert_eq!(err("1,5%").0, "use `.` as the decimal point: `1.5`");
        assert_eq!(err("1, EUR"), ("unexpected `,`".into(), Some(1..2)));
    }

    #[test]
    fn uneven_groups() {
        assert_eq!(
            err("1 5000 THB"),
            (
                "unexpected `5000` after `1`: group thousands in threes (`1 500`) or write the number without spaces"
                    .into(),
                Some(2..6)
            )
        );
        assert_eq!(err("1 50 THB").1, Some(2..4));
        assert_eq!(
            err("1500 000"),
            (
                "`1500 000` groups thousands unevenly: write `1500000` or groups of three".into(),
                None
            )
        );
        assert_eq!(err("1500 000 EUR").1, Some(0..8));
    }

    #[test]
    fn sign_and_garbage() {
        assert_eq!(
            err("-5 EUR"),
            ("negative amounts are not allowed: remove the `-`".into(), Some(0..1))
        );
        assert_eq!(err("-5%").1, Some(0..1));
        assert_eq!(err("+5 EUR"), ("expected a number, found `+`".into(), Some(0..1)));
        assert_eq!(err("ten EUR"), ("expected a number, found `ten`".into(), Some(0..3)));
        assert_eq!(err("lots"), ("expected a number, found `lots`".into(), None));
        assert_eq!(
            err("10% off"),
            ("unexpected `off` after the percentage".into(), Some(4..7))
        );
        assert_eq!(err("10%%").1, Some(3..4));
    }

    #[test]
    fn overflow() {
        assert_eq!(
            err("99999999999999999999 EUR"),
            ("`99999999999999999999` is too large".into(), Some(0..20))
        );
        assert_eq!(err("9223372036854776 EUR").1, Some(0..16));
        assert_eq!(err("9223372036854776").1, None);
        // Hundreds of digits parse as an infinite float; a percentage must not.
        let digits = "9".repeat(400);
        assert_eq!(err(&format!("{digits}%")).0, format!("`{digits}` is too large"));
    }

    #[test]
    fn non_ascii_text() {
        assert_eq!(
            err("๔"),
            ("`๔` is not a digit 0-9: write numbers with ASCII digits".into(), None)
        );
        assert_eq!(err("๔๐ EUR").1, Some(0..3));
        assert_eq!(
            err("25 บาท").0,
            "unknown currency `บาท`: write an ISO 4217 code such as `EUR`, `USD` or `THB`"
        );
        assert_eq!(
            err("25 ฿"),
            (
                "write the ISO 4217 code `THB` instead of the symbol `฿`".into(),
                Some(3..6)
            )
        );
    }

    #[test]
    fn never_panics() {
        let alphabet = [
            "1",
            "0",
            "500",
            ".",
            ",",
            " ",
            "\u{a0}",
            "-",
            "%",
            "E",
            "EUR",
            "eur",
            "€",
            "๔",
            "ä",
            "unlimited",
        ];
        for a in alphabet {
            for b in alphabet {
                for c in alphabet {
                    let s = format!("{a}{b}{c}");
                    if let Err(e) = parse_amount(&s)
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
