//! The template environment: the built-in templates embedded in the binary, overridden file
//! by file from `--templates DIR`, with undefined variables as errors, HTML escaping for
//! `.html` templates and Markdown escaping for `.md` templates. `link(value, kind)` decides
//! which values become links (see [`crate::model::values::href`]); `|autolink` writes one
//! as a Markdown autolink.

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};

/// The auto-escape mode of `.md` templates: [`super::markdown::escape`].
const MARKDOWN: &str = "markdown";
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
            let path = entry.with_context(|| format!("reading {}", current.display()))?.path();
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if name.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text =
                std::fs::read_to_string(&path).with_context(|| format!("reading template {}", path.display()))?;
            if let Some(lang) = name.strip_prefix("i18n/").and_then(|n| n.strip_suffix(".toml")) {
                out.catalogues.insert(lang.to_owned(), text);
            } else if [".md", ".html", ".css"].iter().any(|ext| name.ends_with(ext)) {
                out.templates.insert(name, text);
            }
        }
    }
    Ok(out)
}

/// The environment with the built-in templates and the overrides.
pub fn environment(overrides: &Overrides) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
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
    env.add_filter("autolink", |href: String| Value::from_safe_string(autolink(&href)));
    // Jinja's default whitespace handling, except that a template's final newline is kept
    // (text files end with one).
    let syntax = minijinja::syntax::SyntaxConfig::builder()
        .keep_trailing_newline(true)
        .build()
        .map_err(|e| anyhow::anyhow!("template syntax: {e}"))?;
    env.set_syntax(syntax);
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
