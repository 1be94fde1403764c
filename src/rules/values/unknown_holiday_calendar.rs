//! `unknown-holiday-calendar`: a holiday calendar id is not a country or country subdivision
//! with built-in holiday data.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A `holidays:` calendar that is not an ISO 3166 country code or country-subdivision
    /// code (`DE`, `DE-BY`, `GB-SCT`, `US-NY`), written in lower case, naming a country that
    /// does not exist, or naming a country or subdivision the built-in holiday data does not
    /// have (`DE-XX`, or a country outside the dataset); the message suggests the closest
    /// known calendar and lists the country's known subdivisions.
    ///
    /// ## Why it matters
    ///
    /// Public holidays close channels and change what customers expect; with the wrong
    /// calendar, Christmas or Songkran would look like ordinary working days.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   holidays: Germany-Berlin      # write `DE-BE`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write the ISO 3166-1 country code, optionally with the ISO 3166-2 subdivision after a
    /// hyphen: `DE-BE`, `GB-SCT`, `BR-SP`, `TH`. For a country or region the built-in data
    /// lacks, list the holidays in an iCalendar file: `holidays: { ics: calendars/holidays.ics }`.
    pub static UNKNOWN_HOLIDAY_CALENDAR = "V007", "unknown-holiday-calendar", Values, Error,
        "a holiday calendar id is not a country or country subdivision";
}
