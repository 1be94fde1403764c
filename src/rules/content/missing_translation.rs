//! `missing-translation`: a text given per language that lacks one of the plan's languages.

use super::texts;
use crate::diagnostic::Diagnostic;
use crate::model::values::LanguageTag;
use crate::model::{Located, Text};
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A text written as a map of language → text (`{ de: "…", en: "…" }`) that has no
    /// text for one or more of the plan's `languages`. Any text of the plan counts: names
    /// and descriptions, roles, intended-gap reasons, remedy descriptions, after-sales
    /// conditions, FAQ questions and answers, guide titles and steps.
    ///
    /// A translation serves every variant of its language: `pt-BR` text serves the plan
    /// language `pt`, and `pt` text serves `pt-BR`, as in the rendered documents. A plain
    /// string is meant to read the same in every language (a name, an address) and never
    /// counts as missing; prose written as a plain string is `untranslated-text`. A plan
    /// with a single language is not checked.
    ///
    /// ## Why it matters
    ///
    /// The handbook and the customer FAQs are rendered once per plan language. A text that
    /// lacks a language shows up in another language, or not at all, in exactly the
    /// documents written for readers of that language.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   languages: [de, en]
    /// self-help:
    ///   faq:
    ///     - question: { de: "Wie setze ich die Fehleranzeige zurück?", en: "How do I reset the error light?" }
    ///       answer: { de: "Halten Sie die Starttaste fünf Sekunden gedrückt." }   # no `en`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Add the missing language to the text
    /// (`answer: { de: "…", en: "Hold the start button for five seconds." }`), or write a
    /// plain string if the text reads the same in every language.
    pub static MISSING_TRANSLATION = "T001", "missing-translation", Content, Warning,
        "a text lacks one of the plan's languages";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let languages = plan_languages(&cx.plan.meta.languages);
    if languages.len() < 2 {
        return;
    }
    for (text, what, _) in texts(cx.plan) {
        let Text::Translated(items) = &text.value else { continue };
        let missing: Vec<&Located<LanguageTag>> = languages
            .iter()
            .copied()
            .filter(|lang| text.value.get(&lang.value).is_none())
            .collect();
        if missing.is_empty() {
            continue;
        }
        let names: Vec<String> = missing.iter().map(|l| format!("`{}`", l.value)).collect();
        let additions: Vec<String> = missing.iter().map(|l| format!("`{}: \"…\"`", l.value)).collect();
        // The plan's `languages` list is not labelled: it is usually far from the text, and
        // the snippet should show the text itself.
        out.push(
            Diagnostic::new(
                &MISSING_TRANSLATION,
                &text.loc,
                format!("{what} has no {} text", either(&names)),
            )
            .help(format!(
                "add {} to the text, or write it as one plain string if it reads the same in every language",
                both(&additions)
            ))
            .data("text", what)
            .data(
                "missing",
                missing.iter().map(|l| l.value.to_string()).collect::<Vec<_>>(),
            )
            .data(
                "present",
                items.iter().map(|(l, _)| l.value.to_string()).collect::<Vec<_>>(),
            ),
        );
    }
}

/// The plan's languages, each once.
pub(super) fn plan_languages(languages: &[Located<LanguageTag>]) -> Vec<&Located<LanguageTag>> {
    let mut distinct: Vec<&Located<LanguageTag>> = Vec::new();
    for lang in languages {
        if !distinct.iter().any(|l| l.value == lang.value) {
            distinct.push(lang);
        }
    }
    distinct
}

/// `a`, `a or b`, `a, b or c`.
fn either(items: &[String]) -> String {
    join(items, "or")
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn both(items: &[String]) -> String {
    join(items, "and")
}

fn join(items: &[String], last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_naturally() {
        let items = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(either(&items(&["`en`"])), "`en`");
        assert_eq!(either(&items(&["`de`", "`en`"])), "`de` or `en`");
        assert_eq!(both(&items(&["`de`", "`en`", "`lv`"])), "`de`, `en` and `lv`");
    }
}
