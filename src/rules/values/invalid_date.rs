//! `invalid-date`: a date is not a real `YYYY-MM-DD` date.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A date that is not written `YYYY-MM-DD`, or does not exist (`2026-02-30`), or a date
    /// range `2026-12-24..2026-12-26` that ends before it starts.
    ///
    /// ## Why it matters
    ///
    /// Dates drive the review and training reminders and holiday overrides; a date that
    /// cannot be read turns those checks off without a word.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   review: { last: 15.06.2026, every: 6 months }   # write 2026-06-15
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write ISO dates: `2026-06-15`; ranges as `2026-12-24..2026-12-26`.
    pub static INVALID_DATE = "V005", "invalid-date", Values, Error,
        "a date is not a real `YYYY-MM-DD` date";
}
