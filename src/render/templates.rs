//! The template environment: the built-in templates embedded in the binary, overridden file
//! by file from `--templates DIR`, with undefined variables as errors, HTML escaping for
//! `.html` templates and Markdown escaping for `.md` templates. `link(value, kind)` decides
//! which values become links (see [`crate::model::values::href`]); `|autolink` writes one
//! as a Markdown autolink. A template directory is as untrusted as a plan: its files are
//! read with a size cap, and every render has a budget of work and of output, so a template
//! that loops without end fails with a message instead of hanging or exhausting memory.

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The auto-escape mode of `.md` templates: [`super::markdown::escape`].
const MARKDOWN: &str = "markdown";

/// The work one rendered file may do, in minijinja fuel (about one unit per instruction,
/// and one per 64 bytes of data a template creates). It bounds time (a few seconds) and
/// memory (about 1.3 GB) when a template from `--templates` loops without end or builds
/// huge strings.
///
/// Measured with the built-in templates: the HTML handbook is always a plan's largest file
/// and uses about 0.33 units per byte of output, so a handbook at [`MAX_OUTPUT`] needs
/// about 5.5 million; a generated plan with 400 profiles, 800 channels and 200 teams in five
/// languages uses at most 4.1 million for one file, the benchmark's large plan 1.1 million.
pub const FUEL: u64 = 20_000_000;

/// The largest file a template may render.
pub const MAX_OUTPUT: u64 = 16 * 1024 * 1024;

/// The largest template or catalogue file read from `--templates`.
pub const MAX_TEMPLATE_FILE: u64 = 1024 * 1024;

/// The built-in templates, by name (`handbook.html`, `_style.css`).
pub fn built_in() -> BTreeMap<String, String> {
    let mut env = Environment::new();
    minijinja_embed::load_templates!(&mut env);
    env.templates()
        .map(|(name, t)| (name.to_owned(), t.source().to_owned()))
        .collect()
}

/// The files of an override directory: template files by name, and catalogues by language.
#[derive(Debug, Default)]
pub struct Overrides {
    pub templates: BTreeMap<String, String>,
    pub catalogues: BTreeMap<String, String>,
}

/// Read an override directory. Any problem is a failure of the tool (exit 2).
///
/// Only regular files of at most [`MAX_TEMPLATE_FILE`] bytes are read (a symbolic link to
/// one is followed); hidden files and folders are skipped, and symbolic links to folders
/// are not followed, so a link loop cannot make the walk endless.
pub fn read_overrides(dir: &Path) -> anyhow::Result<Overrides> {
    use anyhow::Context;
    let meta = std::fs::metadata(dir).with_context(|| format!("reading the template directory {}", dir.display()))?;
    anyhow::ensure!(
        meta.is_dir(),
        "the template directory {} is not a directory",
        dir.display()
    );
    let mut out = Overrides::default();
    let mut stack: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        let entries = std::fs::read_dir(&current).with_context(|| format!("reading {}", current.display()))?;
        for entry in entries {
            let entry = entry.with_context(|| format!("reading {}", current.display()))?;
            let path = entry.path();
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let file_type = entry
                .file_type()
                .with_context(|| format!("reading {}", path.display()))?;
            if file_type.is_dir() {
                stack.push(path);
                continue;
            }
            let is_catalogue = name.starts_with("i18n/") && name.ends_with(".toml");
            let is_template = [".md", ".html", ".css"].iter().any(|ext| name.ends_with(ext));
            if !is_catalogue && !is_template {
                continue;
            }
            let text = crate::input::read_text(&path, MAX_TEMPLATE_FILE)
                .with_context(|| format!("reading template {}", path.display()))?;
            match name.strip_prefix("i18n/").and_then(|n| n.strip_suffix(".toml")) {
                Some(lang) => {
                    out.catalogues.insert(lang.to_owned(), text);
                }
                None => {
                    out.templates.insert(name, text);
                }
            }
        }
    }
    Ok(out)
}

/// The environment with the built-in templates and the overrides.
pub fn environment(overrides: &Overrides) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    // Errors then name the expression that was undefined (`c.adress`), not just "undefined
    // value"; the extra work happens only when a template fails.
    env.set_debug(true);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom(MARKDOWN.into())
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(|out, state, value| match state.auto_escape() {
        AutoEscape::Custom(name) if name == MARKDOWN => if value.is_safe() {
            write!(out, "{value}")
        } else if value.is_undefined() {
            Ok(())
        } else {
            write!(out, "{}", super::markdown::escape(&value.to_string()))
        }
        .map_err(|e| minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())),
        _ => minijinja::escape_formatter(out, state, value),
    });
    env.add_function("link", |value: String, kind: String| {
        crate::model::values::href(&value, &kind).map_or(Value::from(()), Value::from)
    });
    // `items|and_list` joins a list as the document's language does ("A, B und C");
    // `items|and_list(labels)` shows `labels[item]` for each item (`t.remedy.in_text`).
    env.add_filter(
        "and_list",
        |state: &minijinja::State, items: Vec<Value>, labels: Option<Value>| -> String {
            let lang = state.lookup("lang").map_or_else(|| "en".to_owned(), |v| v.to_string());
            let words: Vec<String> = items
                .iter()
                .map(|item| {
                    labels
                        .as_ref()
                        .and_then(|l| l.get_item(item).ok())
                        .filter(|v| !v.is_undefined() && !v.is_none())
                        .unwrap_or_else(|| item.clone())
                        .to_string()
                })
                .collect();
            super::locale::LocaleFormats::new(&lang).and_list(&words)
        },
    );
    // `code|language_name`: the name of a language tag in the document's language;
    // `code|endonym`: its name in itself, capitalised, for links to other languages.
    env.add_filter("language_name", |state: &minijinja::State, code: String| -> String {
        let lang = state.lookup("lang").map_or_else(|| "en".to_owned(), |v| v.to_string());
        super::locale::LocaleFormats::new(&lang).language_name(&code)
    });
    env.add_filter("endonym", |code: String| -> String {
        let name = super::locale::LocaleFormats::new(&code).language_name(&code);
        let mut chars = name.chars();
        chars
            .next()
            .map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
    });
    env.add_filter("autolink", |href: String| Value::from_safe_string(autolink(&href)));
    // Jinja's default whitespace handling, except that a template's final newline is kept
    // (text files end with one).
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| anyhow::anyhow!("template syntax: {e}"))?;
    env.set_syntax(syntax);
    // Templates can come from the user (`--templates`): bound the work of each render.
    env.set_fuel(Some(FUEL));
    for (name, source) in built_in() {
        env.add_template_owned(name, source)
            .map_err(|e| anyhow::anyhow!("built-in template: {e:#}"))?;
    }
    for (name, source) in &overrides.templates {
        env.add_template_owned(name.clone(), source.clone()).map_err(|e| {
            anyhow::anyhow!(
                "template {name}{}: {}",
                line_of(&e),
                e.detail().unwrap_or(&e.to_string())
            )
        })?;
    }
    Ok(env)
}

/// A link made by `link()` in Markdown: `<https://…>`, `<name@example.com>`, or, for an
/// e-mail address that CommonMark's autolinks do not accept (letters outside ASCII), a
/// link with the address as its text.
fn autolink(href: &str) -> String {
    match href.strip_prefix("mailto:") {
        Some(address) if address.is_ascii() => format!("<{address}>"),
        Some(address) => format!("[{}](<{href}>)", super::markdown::escape(address)),
        None => format!("<{href}>"),
    }
}

/// `, line N` for a template error that knows its line.
pub fn line_of(e: &minijinja::Error) -> String {
    e.line().map_or_else(String::new, |l| format!(", line {l}"))
}

/// Write the built-in templates and catalogues into `dir` for customising. Refuses to
/// overwrite files that exist.
pub fn eject(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context;
    let mut files: Vec<(String, String)> = built_in().into_iter().collect();
    for (lang, text) in super::i18n::BUILT_IN {
        files.push((format!("i18n/{lang}.toml"), text.to_owned()));
    }
    let existing: Vec<String> = files
        .iter()
        .filter(|(n, _)| dir.join(n).exists())
        .map(|(n, _)| n.clone())
        .collect();
    anyhow::ensure!(
        existing.is_empty(),
        "{} already holds {}; choose an empty directory (nothing was written)",
        dir.display(),
        existing.join(", ")
    );
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(&name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}
