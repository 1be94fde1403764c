//! `syntax-error`: the file is not valid YAML or TOML.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A plan file that is not valid YAML (`.yaml`, `.yml`) or TOML (`.toml`): a tab used for
    /// indentation, an unclosed quote or bracket, a key written twice, text that is not
    /// UTF-8, or a document so deeply nested or alias-heavy that reading it is refused.
    ///
    /// ## Why it matters
    ///
    /// Nothing else can be checked, rendered or published until the file parses. The
    /// finding points at the first character the parser could not accept.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// channels:
    ///   - id: phone
    /// 	kind: phone          # a tab: YAML indents with spaces only
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Fix the text at the reported line and column: indent with spaces, close the quote,
    /// remove the duplicate key, save the file as UTF-8. An editor with a YAML or TOML
    /// language server shows these as you type.
    pub static SYNTAX_ERROR = "L001", "syntax-error", Load, Error,
        "the file is not valid YAML or TOML", configurable = false;
}
