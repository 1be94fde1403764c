//! `invalid-hours`: a schedule is not valid `hours:` syntax.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A schedule (`hours:`) that cannot be read: an unknown day selector (`mo-fr`), a time
    /// that does not exist (`25:00`, `08:70`), a range of zero length (`09:00-09:00`), a range
    /// without a hyphen, or a schedule that is neither a map nor `24/7`. Hours that are
    /// readable but describe the same time twice are `overlapping-hours`.
    ///
    /// ## Why it matters
    ///
    /// Coverage, promises and escalation are all computed from schedules. An unreadable
    /// schedule would silently count as closed, and gaps would be reported that do not exist,
    /// or missed.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// hours:
    ///   mon-fr: 08:00-18:00       # `fr` is not a day; `fri` is
    ///   sat: 09:00-14:70          # minute 70 does not exist
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write each weekday once, with `HH:MM-HH:MM` ranges (several separated by commas, or as a
    /// list), `closed`, or `24/7` for the whole schedule. Day selectors are `mon`…`sun`, ranges
    /// `mon-fri`, lists `mon,wed,fri` and `daily`; `holidays:` and `dates:` are reserved keys.
    pub static INVALID_HOURS = "V002", "invalid-hours", Values, Error,
        "a schedule is not valid `hours:` syntax";
}
