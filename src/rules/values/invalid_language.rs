//! `invalid-language`: a language tag is not a BCP 47 language.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A language that is not an ISO 639-1 code with an optional region (`de`, `lv`, `pt-BR`):
    /// language names (`German`), three-letter codes that have a two-letter form (`deu`),
    /// underscores (`pt_BR`), or unknown codes. Applies to `languages:` lists and to the keys of
    /// translated texts.
    ///
    /// ## Why it matters
    ///
    /// Languages decide which documents are rendered and whether a profile's customers can be
    /// served in their language; a text keyed `ger:` is never shown to anyone.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   languages: [de, english]      # write `en`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Use the two-letter code, optionally with a region: `de`, `en`, `lv`, `pt`, `pt-BR`, `th`.
    pub static INVALID_LANGUAGE = "V006", "invalid-language", Values, Error,
        "a language tag is not a BCP 47 language";
}
