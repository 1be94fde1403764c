//! The context of `index.html`: the pages in `public/` and `internal/` that link the
//! documents of a render.

use super::common::{Common, DocumentLink};
use super::format::{localized, text};
use crate::model::Plan;
use crate::render::i18n::Language;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// The context of `index.html`, in the plan's first language.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct IndexContext {
    /// What every template receives; its fields sit beside the others.
    #[serde(flatten)]
    pub common: Common,
    /// The plan's name in the plan's first language (empty text when it has none).
    pub title: String,
    /// The company's name.
    pub company: Option<String>,
    /// Whom the index is for: `public` (in `public/`, listing the FAQs only) or
    /// `internal` (in `internal/`, listing the handbooks and the FAQs).
    pub audience: String,
}

impl IndexContext {
    /// The index of a plan's documents for `audience`; `documents` lists the documents it
    /// links, relative to its folder.
    pub fn new(
        plan: &Plan,
        lang: &Language,
        today: NaiveDate,
        documents: Vec<DocumentLink>,
        audience: &str,
    ) -> IndexContext {
        IndexContext {
            common: Common::new(lang, today, documents),
            title: plan
                .meta
                .name
                .as_ref()
                .map_or_else(String::new, |n| localized(&n.value, lang)),
            company: text(plan.meta.company.as_ref(), lang),
            audience: audience.to_owned(),
        }
    }
}
