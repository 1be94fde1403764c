//! `duplicate-entry`: a list names the same entry more than once.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A list that names the same entry twice or more: a language, country, channel, team,
    /// skill, need, topic, holiday date or rule name repeated in one list
    /// (`languages: [de, en, de]`, `channels: [phone, phone]`, `for: [first-line,
    /// first-line]`). The repetition is labelled, with the first entry as the related
    /// place; one finding per repeated value says how many times it is listed. The plan is
    /// then checked as if each entry were listed once.
    ///
    /// A warning rather than an error: each of these lists is a set, so a repetition does
    /// not change what the plan says, and the plan is checked in full. But it is usually a
    /// slip that hides what was meant (`[de, de]` for `[de, en]`), and a list repeated
    /// hundreds of times makes every check that walks it slower for nothing.
    ///
    /// ## Why it matters
    ///
    /// Readers of the plan and of its documents see the entry twice and wonder whether the
    /// second one was meant to be something else; a language listed twice in `plan.languages`
    /// would be rendered twice.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   languages: [de, en, de]       # `de` is listed twice
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Remove the repetition, or replace it with the entry that was meant.
    pub static DUPLICATE_ENTRY = "R004", "duplicate-entry", References, Warning,
        "a list names the same entry more than once";
}
