//! `invalid-amount`: an amount or currency cannot be read.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// An amount that cannot be read: a currency that is not an ISO 4217 code (`25 euro`), a
    /// negative value, more than three decimals, or a plan `currency:` that is not a real code.
    ///
    /// ## Why it matters
    ///
    /// Amounts say what staff may grant and what compensation is worth. A value the tool
    /// cannot read cannot be compared with approval limits, and the handbook would print it
    /// wrongly.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// authority:
    ///   first-line: 50 euro          # use the ISO 4217 code `EUR`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write `25 EUR` (number, space, ISO 4217 code), `19.99 EUR`, a bare number in the
    /// plan's `currency`, `10%` for a share of the order value, or `unlimited`.
    pub static INVALID_AMOUNT = "V004", "invalid-amount", Values, Error,
        "an amount or currency cannot be read";
}
