//! Human-readable text: a plain string, or a map of language → string.

use super::Located;
use super::values::LanguageTag;

/// A text field as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    Plain(String),
    /// Translations in the order written.
    Translated(Vec<(Located<LanguageTag>, String)>),
}

impl Text {
    /// The text in a language: its own translation, else the primary language's (`pt`
    /// for `pt-BR`), else the plain text; `None` when a translated text lacks the language.
    pub fn get(&self, lang: &LanguageTag) -> Option<&str> {
        match self {
            Text::Plain(s) => Some(s),
            Text::Translated(items) => items
                .iter()
                .find(|(l, _)| l.value == *lang)
                .or_else(|| items.iter().find(|(l, _)| l.value.primary() == lang.primary()))
                .map(|(_, s)| s.as_str()),
        }
    }

    /// Some text to show when no language is asked for: the plain text or the first
    /// translation.
    pub fn any(&self) -> &str {
        match self {
            Text::Plain(s) => s,
            Text::Translated(items) => items.first().map_or("", |(_, s)| s.as_str()),
        }
    }
}
