//! `invalid-timezone`: a time zone is not an IANA zone name.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A `timezone:` that is not an IANA time zone name (`Europe/Berlin`, `America/Sao_Paulo`,
    /// `Asia/Bangkok`). Abbreviations and offsets such as `CET`, `EST` or `UTC+2` are rejected too,
    /// because they do not follow daylight saving time the way the customers' clocks do.
    ///
    /// ## Why it matters
    ///
    /// Every schedule is wall-clock time in its owner's zone. A wrong zone shifts every opening
    /// hour, every gap and every promise the checks compute, and the FAQ would show customers
    /// the wrong times.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   timezone: Europe/Berln     # did you mean `Europe/Berlin`?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Use the zone's IANA name, as the message suggests. Pick the city whose clocks your
    /// staff or customers follow: `Europe/Riga`, not `EET`.
    pub static INVALID_TIMEZONE = "V001", "invalid-timezone", Values, Error,
        "a time zone is not an IANA zone name";
}
