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
    /// Also an iCalendar file (`holidays: { ics: … }`) that cannot be used: missing, not a
    /// regular file, larger than 4 MiB, not iCalendar, or outside the plan's folder (or the
    /// git repository that holds the plan) by an absolute path, by `..` or by a symbolic
    /// link. Such a file is never read, and the finding never quotes a file that is not
    /// iCalendar, so a plan cannot print a secret into the logs of the run that checks it.
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
    /// lacks, list the holidays in an iCalendar file: `holidays: { ics: calendars/holidays.ics }`,
    /// with a path relative to the plan file that stays inside its folder or repository.
    pub static UNKNOWN_HOLIDAY_CALENDAR = "V007", "unknown-holiday-calendar", Values, Error,
        "a holiday calendar id is not a country or country subdivision";
}
