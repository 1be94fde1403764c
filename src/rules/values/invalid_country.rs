//! `invalid-country`: a country is not an ISO 3166-1 alpha-2 code.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A profile's `countries:` entry that is not an upper-case ISO 3166-1 alpha-2 code
    /// (`DE`, `LV`, `BR`, `TH`).
    ///
    /// ## Why it matters
    ///
    /// Countries say where customers live; they are shown in the handbook and used to pick
    /// the right holidays and languages. A name like `Germany` cannot be matched to anything.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// profiles:
    ///   - id: home-owners
    ///     countries: [Germany]        # write `DE`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Use the two-letter code in upper case: `DE`, `AT`, `LV`, `PT`, `BR`, `TH`.
    pub static INVALID_COUNTRY = "V009", "invalid-country", Values, Error,
        "a country is not an ISO 3166-1 alpha-2 code";
}
