//! Documents published from a plan: the staff handbook in each plan language, a customer
//! FAQ for each profile in each of its languages (Markdown and HTML), and an `index.html`
//! linking them. Rendering is pure: it returns file names and bytes; writing them (atomically)
//! or comparing them with what is on disk (`--check`) is the caller's job.

pub mod context;
pub mod i18n;
pub mod jsonld;
pub mod locale;
pub mod manifest;
pub mod markdown;
pub mod output;
pub mod ownership;
pub mod templates;
pub mod trace;

use crate::coverage::{DateWindow, Timeline};
use crate::model::Plan;
use crate::model::values::LanguageTag;
use chrono::NaiveDate;
use context::common::DocumentLink;
use context::faq::FaqContext;
use context::handbook::HandbookContext;
use context::index::IndexContext;
use i18n::{Catalogue, Language};
use serde_json::Value;
use std::collections::BTreeMap;

/// The folder inside `--out` for what customers may see: the FAQs and their index.
/// Deploying this folder alone is safe: nothing in it links to or contains internal data.
pub const PUBLIC: &str = "public";

/// The folder inside `--out` for staff: the handbooks and their index, which may link to
/// the customer pages in [`PUBLIC`].
pub const INTERNAL: &str = "internal";

/// Which documents to render (`--only`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Handbook,
    Faq,
    Index,
}

impl DocumentKind {
    /// The kind's name in contexts and in the output manifest.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentKind::Handbook => "handbook",
            DocumentKind::Faq => "faq",
            DocumentKind::Index => "index",
        }
    }

    /// The kind of a name written by [`DocumentKind::as_str`].
    pub fn from_name(name: &str) -> Option<DocumentKind> {
        match name {
            "handbook" => Some(DocumentKind::Handbook),
            "faq" => Some(DocumentKind::Faq),
            "index" => Some(DocumentKind::Index),
            _ => None,
        }
    }
}

/// What to render.
#[derive(Debug, Clone)]
pub struct Options {
    pub today: NaiveDate,
    pub only: Option<DocumentKind>,
    /// Only these languages (`--lang`), by tag or primary language.
    pub languages: Option<Vec<String>>,
}

impl Options {
    /// Whether a document of this kind in this language (its tag as the plan writes it) is
    /// part of this render. A partial render replaces exactly the documents it selects.
    pub fn selects(&self, kind: DocumentKind, lang: &str) -> bool {
        self.only.is_none_or(|only| only == kind) && self.selects_language(lang)
    }

    /// Whether `--lang` (if given) names this language, by tag or by primary language.
    pub fn selects_language(&self, lang: &str) -> bool {
        let tag = LanguageTag(lang.to_owned());
        self.languages.as_ref().is_none_or(|langs| {
            langs
                .iter()
                .any(|l| l.eq_ignore_ascii_case(&tag.0) || l.eq_ignore_ascii_case(tag.primary()))
        })
    }

    /// Whether this render leaves out documents a full render would write.
    pub fn is_partial(&self) -> bool {
        self.only.is_some() || self.languages.is_some()
    }
}

/// One document: the base name of its files (`faq-home-owners.de`), the templates that
/// render it, its language tag, and its context.
#[derive(Debug, Clone)]
pub struct Document {
    pub base: String,
    pub kind: DocumentKind,
    /// The document's language tag as the plan writes it (`pt-BR`).
    pub lang: String,
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
            DocumentKind::Index => vec![(format!("{}.html", self.base), "index.html")],
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

/// The plan's languages (English when it names none): one handbook each.
fn plan_languages(plan: &Plan) -> Vec<LanguageTag> {
    let mut langs: Vec<LanguageTag> = plan.meta.languages.iter().map(|l| l.value.clone()).collect();
    if langs.is_empty() {
        langs.push(LanguageTag("en".to_owned()));
    }
    langs
}

/// The languages of a profile's FAQ: its own, else the plan's.
fn profile_languages(profile: &crate::model::Profile, plan_langs: &[LanguageTag]) -> Vec<LanguageTag> {
    let langs: Vec<LanguageTag> = profile.languages.iter().map(|l| l.value.clone()).collect();
    if langs.is_empty() { plan_langs.to_vec() } else { langs }
}

/// Every language a document can be rendered in: the plan's, then the profiles' own, each
/// once, as the plan writes them. `--lang` accepts these (or their primary language).
pub fn languages(plan: &Plan) -> Vec<String> {
    let plan_langs = plan_languages(plan);
    let mut all: Vec<String> = Vec::new();
    let profile_langs = plan.profiles.iter().flat_map(|p| p.languages.iter().map(|l| &l.value));
    for tag in plan_langs.iter().chain(profile_langs) {
        if !all.iter().any(|a| a.eq_ignore_ascii_case(&tag.0)) {
            all.push(tag.0.clone());
        }
    }
    all
}

/// A document of a full render, before its context is built.
struct Planned {
    kind: DocumentKind,
    base: String,
    tag: LanguageTag,
    profile: Option<usize>,
}

/// The plan's documents with their contexts, and warnings (a language without built-in
/// strings renders with English ones).
///
/// The links between documents (`documents` in a context) always describe a full render,
/// so a file written by a partial render (`--only`, `--lang`) is the same file a full
/// render writes. Each FAQ lists only its own profile's FAQs and the index, which keeps the
/// contexts, and the work of building them, linear in the number of profiles.
pub fn documents(
    plan: &Plan,
    catalogues: &BTreeMap<String, Catalogue>,
    options: &Options,
) -> (Vec<Document>, Vec<String>) {
    let timeline = Timeline::new(plan, DateWindow::horizon(plan, options.today));
    documents_over(plan, &timeline, catalogues, options)
}

/// [`documents`] with the plan's timeline already evaluated over its horizon from
/// `options.today` (as [`crate::analysis::Analysis::timeline`] holds it).
pub fn documents_over(
    plan: &Plan,
    timeline: &Timeline,
    catalogues: &BTreeMap<String, Catalogue>,
    options: &Options,
) -> (Vec<Document>, Vec<String>) {
    let src = context::Source::new(plan, timeline, options.today);
    let plan_langs = plan_languages(plan);

    let mut all: Vec<Planned> = Vec::new();
    for tag in &plan_langs {
        all.push(Planned {
            kind: DocumentKind::Handbook,
            base: format!("{INTERNAL}/handbook.{}", tag.0),
            tag: tag.clone(),
            profile: None,
        });
    }
    for (i, profile) in plan.profiles.iter().enumerate() {
        for tag in profile_languages(profile, &plan_langs) {
            all.push(Planned {
                kind: DocumentKind::Faq,
                base: format!("{PUBLIC}/faq-{}.{}", profile.id.value, tag.0),
                tag,
                profile: Some(i),
            });
        }
    }
    let index_tag = plan_langs[0].clone();

    // One `Language` per tag (each holds a copy of its catalogue), and a warning for each
    // selected document's language without built-in strings.
    let english = catalogues.get("en").cloned().unwrap_or_default();
    let mut languages: BTreeMap<String, Language> = BTreeMap::new();
    let mut warnings = Vec::new();
    let selected_tags = all
        .iter()
        .filter(|p| options.selects(p.kind, &p.tag.0))
        .map(|p| &p.tag)
        .chain(options.selects(DocumentKind::Index, &index_tag.0).then_some(&index_tag));
    for tag in selected_tags {
        if Language::new(tag, catalogues).is_none() {
            let warning = format!(
                "no built-in strings for language `{}`: its documents use English strings",
                tag.0
            );
            if !warnings.contains(&warning) {
                warnings.push(warning);
            }
        }
    }
    for tag in all.iter().map(|p| &p.tag).chain([&index_tag]) {
        if !languages.contains_key(&tag.0) {
            let language = Language::new(tag, catalogues)
                .unwrap_or_else(|| Language::fallback(tag, &english))
                .on(options.today);
            languages.insert(tag.0.clone(), language);
        }
    }
    let language = |tag: &LanguageTag| -> &Language {
        languages
            .get(&tag.0)
            .expect("every document's language was built above")
    };

    let index_lang = language(&index_tag);
    let index_title = plan
        .meta
        .name
        .as_ref()
        .map(|n| context::localized(&n.value, index_lang))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| index_lang.text("index.title"));
    let index_entry = DocumentLink {
        title: index_title,
        file: "index.html".to_owned(),
        kind: DocumentKind::Index.as_str().to_owned(),
        lang: index_tag.0.clone(),
        profile: None,
        profile_id: None,
    };
    let entries: Vec<DocumentLink> = all
        .iter()
        .map(|p| {
            let lang = language(&p.tag);
            let title = match p.kind {
                DocumentKind::Faq => lang.text("faq.title"),
                _ => lang.text("handbook.title"),
            };
            let profile_name = p.profile.map(|i| {
                let profile = &plan.profiles[i];
                profile
                    .name
                    .as_ref()
                    .map_or_else(|| profile.id.value.clone(), |n| context::localized(&n.value, lang))
            });
            // Links are relative to the linking document's folder: an FAQ links to its
            // neighbours in `public/`.
            let file = p.base.rsplit('/').next().unwrap_or(&p.base);
            DocumentLink {
                title,
                file: format!("{file}.html"),
                kind: p.kind.as_str().to_owned(),
                lang: lang.tag.clone(),
                profile: profile_name,
                profile_id: p.profile.map(|i| plan.profiles[i].id.value.clone()),
            }
        })
        .collect();
    // Staff documents in `internal/` reach the FAQs one folder up.
    let internal_listing: Vec<DocumentLink> = entries
        .iter()
        .map(|e| {
            let mut e = e.clone();
            if e.kind == DocumentKind::Faq.as_str() {
                e.file = format!("../{PUBLIC}/{}", e.file);
            }
            e
        })
        .collect();
    let public_listing: Vec<DocumentLink> = entries
        .iter()
        .filter(|e| e.kind == DocumentKind::Faq.as_str())
        .cloned()
        .collect();
    // Each profile's FAQs, and the index, for the links of that profile's FAQs.
    let mut faq_links: Vec<Vec<DocumentLink>> = vec![Vec::new(); plan.profiles.len()];
    for (p, entry) in all.iter().zip(&entries) {
        if let Some(i) = p.profile {
            faq_links[i].push(entry.clone());
        }
    }
    for links in &mut faq_links {
        links.push(index_entry.clone());
    }

    let mut docs: Vec<Document> = all
        .into_iter()
        .filter(|p| options.selects(p.kind, &p.tag.0))
        .map(|p| {
            let lang = language(&p.tag);
            let context = match p.profile {
                Some(i) => to_value(&FaqContext::new(&src, i, lang, faq_links[i].clone())),
                None => to_value(&HandbookContext::new(&src, lang, internal_listing.clone())),
            };
            Document {
                base: p.base,
                kind: p.kind,
                lang: p.tag.0,
                context,
            }
        })
        .collect();
    if options.selects(DocumentKind::Index, &index_tag.0) {
        // One index per folder: the customers' lists the FAQs only; the staff's lists
        // everything.
        for (folder, listing) in [(PUBLIC, &public_listing), (INTERNAL, &internal_listing)] {
            let context = IndexContext::new(plan, index_lang, options.today, listing.clone(), folder);
            docs.push(Document {
                base: format!("{folder}/index"),
                kind: DocumentKind::Index,
                lang: index_tag.0.clone(),
                context: to_value(&context),
            });
        }
    }
    (docs, warnings)
}

/// A context as the JSON value templates and `--dump-context` read. The contexts are plain
/// data (text, numbers, lists, maps with text keys), which always serialise.
fn to_value(context: &impl serde::Serialize) -> Value {
    serde_json::to_value(context).expect("a context is plain data")
}

/// Where one rendered file goes: bytes in memory, refused past [`templates::MAX_OUTPUT`]
/// so that a template printing in a loop fails with a message instead of exhausting memory.
struct CappedOutput {
    bytes: Vec<u8>,
    limit: usize,
}

/// The error a [`CappedOutput`] gives when the output would pass its limit.
#[derive(Debug)]
struct OutputTooLarge;

impl std::fmt::Display for OutputTooLarge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "output larger than {}", crate::input::size(templates::MAX_OUTPUT))
    }
}

impl std::error::Error for OutputTooLarge {}

impl std::io::Write for CappedOutput {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len().saturating_add(buf.len()) > self.limit {
            return Err(std::io::Error::other(OutputTooLarge));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What went wrong in a template, in words a template author can act on.
fn render_error_message(e: &minijinja::Error) -> String {
    use minijinja::ErrorKind;
    match e.kind() {
        ErrorKind::OutOfFuel => format!(
            "the template did more work than any document needs (its budget is {} units of \
             steps and data): look for loops over large ranges, macros that call themselves, or \
             strings that keep growing",
            templates::FUEL
        ),
        ErrorKind::WriteFailure => format!(
            "the document would be larger than {}: look for loops that print without end",
            crate::input::size(templates::MAX_OUTPUT)
        ),
        _ => e.detail().map_or_else(|| e.kind().to_string(), str::to_owned),
    }
}

/// Render every file of the documents: file name → text. Each file is rendered with the
/// environment's fuel and at most [`templates::MAX_OUTPUT`] bytes of output.
pub fn render(env: &minijinja::Environment<'_>, docs: &[Document]) -> Result<BTreeMap<String, String>, RenderError> {
    let limit = usize::try_from(templates::MAX_OUTPUT).unwrap_or(usize::MAX);
    let mut files = BTreeMap::new();
    for doc in docs {
        let ctx = minijinja::Value::from(minijinja::value::Serde(&doc.context));
        for (file, template) in doc.files() {
            let error = |e: minijinja::Error| {
                let (place, cause) = trace::locate(env, template, &e);
                RenderError {
                    template: place,
                    file: file.clone(),
                    message: render_error_message(cause),
                }
            };
            let t = env.get_template(template).map_err(error)?;
            let mut output = CappedOutput {
                bytes: Vec::new(),
                limit,
            };
            // minijinja 3 names its writer-based render `render_captured_to`.
            t.render_captured_to(ctx.clone(), &mut output).map_err(error)?;
            // Templates write `str`s only, so the bytes are UTF-8.
            let text = String::from_utf8(output.bytes).map_err(|_| RenderError {
                template: template.to_owned(),
                file: file.clone(),
                message: "the output is not UTF-8 text".to_owned(),
            })?;
            files.insert(file, text);
        }
    }
    Ok(files)
}
