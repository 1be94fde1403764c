//! `invalid-duration`: a duration cannot be read.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A duration that cannot be read: an unknown unit (`4 hrs`), a fraction (`1.5h`), zero, or
    /// months mixed with hours.
    ///
    /// ## Why it matters
    ///
    /// Durations are promises (`response: 4h`), escalation delays (`after: 30m`) and review
    /// periods (`every: 6 months`); one that cannot be read promises nothing.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: email
    ///     kind: email
    ///     response: 4 hrs           # unknown unit `hrs`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write `90s`, `15m`, `4h`, `1h30m`, `2 days`, `1 week`, `6 months`, `1 year`; add
    /// `business hours` or `business days` to count only the hours a channel is worked, and
    /// `calendar` to `after:` delays to count wall-clock time.
    pub static INVALID_DURATION = "V003", "invalid-duration", Values, Error,
        "a duration cannot be read";
}
