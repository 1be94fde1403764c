//! Documents published from a plan: the staff handbook in each plan language, a customer
//! FAQ for each profile in each of its languages (Markdown and HTML), and an `index.html`
//! linking them. Rendering is pure: it returns file names and bytes; writing them (atomically)
//! or comparing them with what is on disk (`--check`) is the caller's job.

pub mod context;
pub mod i18n;
pub mod markdown;
pub mod output;
pub mod templates;

use crate::coverage::{DateWindow, Timeline};
use crate::model::Plan;
use crate::model::values::LanguageTag;
use chrono::NaiveDate;
use i18n::{Catalogue, Language};
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Which documents to render (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Handbook,
    Faq,
    Index,
}

/// What to render.
#[derive(Debug, Clone)]
pub struct Options {
    pub today: NaiveDate,
    pub only: Option<DocumentKind>,
    /// Only these languages (`--lang`), by tag or primary language.
    pub languages: Option<Vec<String>>,
}

/// One document: the base name of its files (`faq-home-owners.de`), the templates that
/// render it, and its context.
#[derive(Debug, Clone)]
pub struct Document {
    pub base: String,
    pub kind: DocumentKind,
    pub context: Value,
}

impl Document {
    /// The files of this document: (file name, template name).
    pub fn files(&self) -> Vec<(String, &'static str)> {
        match self.kind {
            DocumentKind::Handbook => {
                vec![
                    (format!("{}.md", self.base), "handbook.md"),
                    (format!("{}.html", self.base), "handbook.html"),
                ]
            }
            DocumentKind::Faq => vec![
                (format!("{}.md", self.base), "faq.md"),
                (format!("{}.html", self.base), "faq.html"),
            ],
            DocumentKind::Index => vec![("index.html".to_owned(), "index.html")],
        }
    }
}

/// A template that failed to render.
#[derive(Debug)]
pub struct RenderError {
    pub template: String,
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for RenderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "template {} (rendering {}): {}",
            self.template, self.file, self.message
        )
    }
}

impl std::error::Error for RenderError {}

/// The catalogues in effect: the built-in ones, replaced by any in the override directory.
pub fn catalogues(overrides: &templates::Overrides) -> anyhow::Result<BTreeMap<String, Catalogue>> {
    let mut all = i18n::built_in_catalogues();
    for (lang, text) in &overrides.catalogues {
        let table = i18n::parse_catalogue(text).map_err(|e| anyhow::anyhow!("catalogue i18n/{lang}.toml: {e}"))?;
        all.insert(lang.clone(), table);
    }
    Ok(all)
}

fn wanted(tag: &LanguageTag, options: &Options) -> bool {
    options.languages.as_ref().is_none_or(|langs| {
        langs
            .iter()
            .any(|l| l.eq_ignore_ascii_case(&tag.0) || l.eq_ignore_ascii_case(tag.primary()))
    })
}

/// The plan's documents with their contexts, and warnings (a language without built-in
/// strings renders with English ones).
pub fn documents(
    plan: &Plan,
    catalogues: &BTreeMap<String, Catalogue>,
    options: &Options,
) -> (Vec<Document>, Vec<String>) {
    let timeline = Timeline::new(plan, DateWindow::horizon(plan, options.today));
    let src = context::Source {
        plan,
        timeline: &timeline,
        today: options.today,
    };
    let mut warnings = Vec::new();
    let english = catalogues.get("en").cloned().unwrap_or_default();
    let mut language = |tag: &LanguageTag| {
        Language::new(tag, catalogues).unwrap_or_else(|| {
            let warning = format!(
                "no built-in strings for language `{}`: its documents use English strings",
                tag.0
            );
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
            Language::fallback(tag, &english)
        })
    };
    let mut plan_langs: Vec<LanguageTag> = plan.meta.languages.iter().map(|l| l.value.clone()).collect();
    if plan_langs.is_empty() {
        plan_langs.push(LanguageTag("en".to_owned()));
    }

    // (kind, base, language, profile index)
    let mut planned: Vec<(DocumentKind, String, Language, Option<usize>)> = Vec::new();
    let include = |kind: DocumentKind| options.only.is_none_or(|only| only == kind);
    if include(DocumentKind::Handbook) {
        for tag in plan_langs.iter().filter(|t| wanted(t, options)) {
            planned.push((
                DocumentKind::Handbook,
                format!("handbook.{}", tag.0),
                language(tag),
                None,
            ));
        }
    }
    if include(DocumentKind::Faq) {
        for (i, profile) in plan.profiles.iter().enumerate() {
            let mut langs: Vec<LanguageTag> = profile.languages.iter().map(|l| l.value.clone()).collect();
            if langs.is_empty() {
                langs = plan_langs.clone();
            }
            for tag in langs.iter().filter(|t| wanted(t, options)) {
                planned.push((
                    DocumentKind::Faq,
                    format!("faq-{}.{}", profile.id.value, tag.0),
                    language(tag),
                    Some(i),
                ));
            }
        }
    }

    let listing: Value = planned
        .iter()
        .map(|(kind, base, lang, profile)| {
            let (kind_name, title) = match kind {
                DocumentKind::Faq => ("faq", lang.text("faq.title")),
                _ => ("handbook", lang.text("handbook.title")),
            };
            let profile_name = profile.map(|i| {
                let p = &plan.profiles[i];
                p.name.as_ref().map_or_else(|| p.id.value.clone(), |n| context::localized(&n.value, lang))
            });
            json!({ "title": title, "file": format!("{base}.html"), "kind": kind_name, "lang": lang.tag, "profile": profile_name })
        })
        .collect();

    let mut docs: Vec<Document> = planned
        .into_iter()
        .map(|(kind, base, lang, profile)| {
            let context = match profile {
                Some(i) => context::faq(&src, i, &lang, &listing),
                None => context::handbook(&src, &lang, &listing),
            };
            Document { base, kind, context }
        })
        .collect();
    if include(DocumentKind::Index) {
        let lang = language(&plan_langs[0]);
        let mut map = context::common(&lang, options.today, &listing);
        let title = plan
            .meta
            .name
            .as_ref()
            .map_or_else(String::new, |n| context::localized(&n.value, &lang));
        map.insert("title".into(), Value::from(title));
        map.insert(
            "company".into(),
            plan.meta
                .company
                .as_ref()
                .map_or(Value::Null, |c| Value::from(context::localized(&c.value, &lang))),
        );
        docs.push(Document {
            base: "index".to_owned(),
            kind: DocumentKind::Index,
            context: Value::Object(map),
        });
    }
    (docs, warnings)
}

/// Render every file of the documents: file name → text.
pub fn render(env: &minijinja::Environment<'_>, docs: &[Document]) -> Result<BTreeMap<String, String>, RenderError> {
    let mut files = BTreeMap::new();
    for doc in docs {
        let ctx = minijinja::Value::from(minijinja::value::Serde(&doc.context));
        for (file, template) in doc.files() {
            let error = |e: minijinja::Error| RenderError {
                template: e.name().unwrap_or(template).to_owned() + &templates::line_of(&e),
                file: file.clone(),
                message: e.detail().map_or_else(|| e.kind().to_string(), str::to_owned),
            };
            let t = env.get_template(template).map_err(error)?;
            let text = t.render(ctx.clone()).map_err(error)?;
            files.insert(file, text);
        }
    }
    Ok(files)
}
