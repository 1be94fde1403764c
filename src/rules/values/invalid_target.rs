//! `invalid-target`: a service or metric target cannot be read.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A target that cannot be read: a service target that is not `<percent> in <duration>`
    /// (`80% in 20s`), a percentage above 100, or a comparison that is not `>=`, `<=`, `>` or `<`
    /// followed by a percentage, number or duration.
    ///
    /// ## Why it matters
    ///
    /// Targets are what success is measured against and what staffing is computed for; an
    /// unreadable target measures nothing.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// metrics:
    ///   - id: hotline-answer
    ///     target: 80 percent within 20 seconds   # write `80% in 20s`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write `80% in 20s` for service levels and `">= 90%"`, `"<= 2%"`, `">= 4.5"` or
    /// `"<= 24h"` for comparisons (quote them in YAML).
    pub static INVALID_TARGET = "V008", "invalid-target", Values, Error,
        "a service or metric target cannot be read";
}
