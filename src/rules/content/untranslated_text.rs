//! `untranslated-text`: prose written as one plain string in a plan with several languages.

use super::missing_translation::{both, plan_languages};
use super::{Kind, texts};
use crate::diagnostic::Diagnostic;
use crate::model::Text;
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// Prose written as one plain string in a plan with two or more `languages`: the
    /// descriptions of teams, channels, profiles, escalation paths and complaints, remedy
    /// descriptions, after-sales conditions, training and feedback names, FAQ questions and
    /// answers, guide titles and steps. Each such text is one finding, at the text.
    ///
    /// Short names and notes are not reported: the names of the plan, teams, channels,
    /// profiles, complaints, escalation paths, shifts and metrics, contacts' roles, the
    /// company, profiles' gender and education and the reasons of intended gaps often read
    /// the same in every language, and addresses and phone numbers are not texts at all. A
    /// plan with a single language is not checked.
    ///
    /// This is a rule of its own rather than part of `missing-translation`: that rule
    /// reports a translation map that forgets a language, which is almost always a
    /// mistake, and is a warning. A plain string may be deliberate (a product term, a
    /// text only staff of one language read), so this rule is informational, and each
    /// can be allowed, raised or suppressed on its own.
    ///
    /// ## Why it matters
    ///
    /// The handbook and the customer FAQs are rendered once per plan language, and a plain
    /// string is shown as written in every one of them: readers of the German handbook get
    /// the English description. Unlike a missing translation, nothing else would tell the
    /// author.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// plan:
    ///   languages: [de, en]
    /// channels:
    ///   - id: phone
    ///     kind: phone
    ///     description: "Free of charge from German landlines."
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write the text per language:
    ///
    /// ```yaml
    ///     description:
    ///       de: "Aus dem deutschen Festnetz kostenlos."
    ///       en: "Free of charge from German landlines."
    /// ```
    ///
    /// If the text is meant to read the same in every language, say why with a
    /// suppression: `checks: { ignore: [{ rule: untranslated-text, path: channels[phone].description, reason: "…" }] }`.
    pub static UNTRANSLATED_TEXT = "T003", "untranslated-text", Content, Info,
        "prose is written in one language in a plan with several";
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let languages = plan_languages(&cx.plan.meta.languages);
    if languages.len() < 2 {
        return;
    }
    let tags: Vec<String> = languages.iter().map(|l| l.value.to_string()).collect();
    let shown: Vec<String> = tags.iter().map(|t| format!("`{t}`")).collect();
    let map = tags
        .iter()
        .map(|t| format!("{t}: \"…\""))
        .collect::<Vec<_>>()
        .join(", ");
    for (text, what, kind) in texts(cx.plan) {
        if kind != Kind::Prose || !matches!(text.value, Text::Plain(_)) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &UNTRANSLATED_TEXT,
                &text.loc,
                format!(
                    "{what} is one plain string, so it reads the same in the {} documents",
                    both(&shown)
                ),
            )
            .help(format!(
                "write it per language, `{{ {map} }}`, or suppress this finding with the reason it reads the same in every language"
            ))
            .data("text", what)
            .data("languages", tags.clone()),
        );
    }
}
