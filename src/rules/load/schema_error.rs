//! `schema-error`: the file parses but does not have the shape of a plan.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A key the plan format does not know (with the closest known key as a suggestion),
    /// a value of the wrong type (a list where a map belongs, text where a number belongs),
    /// a required key that is missing (every entity needs an `id`, a channel needs its
    /// `kind`), an id that is not kebab-case, or a word outside a fixed set (a channel
    /// `kind`, a remedy `kind`).
    ///
    /// ## Why it matters
    ///
    /// A misspelt key is silently meaningless: `respnse: 4h` promises nothing, and the
    /// handbook would show the channel without a response time. Every problem is reported
    /// at the exact key or value, all in one run.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: email
    ///     kind: email
    ///     respnse: 4h        # unknown key: did you mean `response`?
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Use the key or value the message suggests; `plan schema` prints the whole format,
    /// and SPEC-style examples are in `plans/`.
    pub static SCHEMA_ERROR = "L002", "schema-error", Load, Error,
        "a key, type or required field does not match the plan format", configurable = false;
}
