//! Where a template error happened, in words a template author can follow: from the line of
//! the document's template, through `{% include %}`s and macro calls, to the template and
//! line that failed.
//!
//! minijinja reports an error where it happened and wraps it once for each
//! `{% include %}`, at the including line. A macro call is not wrapped: an error inside a
//! macro names only the macro's template and line, so whoever overrides `faq.md` and calls
//! a macro of `_macros.md` would not learn which of their lines led there. That line is
//! found here by reading the templates: the macro that encloses the failing line, and the
//! lines of the calling template that call it (or call a macro of the same template that
//! calls it).

use minijinja::{Environment, Error, ErrorKind};

/// How many macros deep the search for a call goes: a macro calling a macro calling a
/// macro is already unusual in a document template, and each level reads the templates
/// again.
const MAX_MACRO_DEPTH: usize = 4;

/// At most this many candidate lines are named for one call.
const MAX_LINES: usize = 5;

/// The place of an error, from the document's template to where it failed
/// (`faq.md, line 5, in macro `card` of _macros.md, line 12`), and the error that happened
/// there: the innermost of the chain, which is the one that says what went wrong.
pub fn locate<'e>(env: &Environment<'_>, template: &str, error: &'e Error) -> (String, &'e Error) {
    let mut places = Vec::new();
    let mut caller = template.to_owned();
    let mut current = error;
    loop {
        let name = current.name().unwrap_or(&caller).to_owned();
        places.push(place(env, &caller, &name, current.line()));
        let Some(inner) = included_error(current) else { break };
        // The included template runs next; its name is in the wrapper's detail.
        caller = included_name(current).unwrap_or_else(|| inner.name().unwrap_or(&name).to_owned());
        current = inner;
    }
    (places.join(", including "), current)
}

/// The error inside an `{% include %}` that failed.
fn included_error(e: &Error) -> Option<&Error> {
    if e.kind() != ErrorKind::BadInclude {
        return None;
    }
    std::error::Error::source(e)?.downcast_ref::<Error>()
}

/// The template an include wrapper names: minijinja writes `error in "faq-extra.md"`.
fn included_name(e: &Error) -> Option<String> {
    let detail = e.detail()?;
    let name = detail.strip_prefix("error in \"")?.strip_suffix('"')?;
    Some(name.to_owned())
}

/// How `caller` got to `line` of `name`: directly, through a macro of `name` that `caller`
/// calls, or while importing `name`.
fn place(env: &Environment<'_>, caller: &str, name: &str, line: Option<usize>) -> String {
    let Some(line) = line else {
        return if caller == name {
            name.to_owned()
        } else {
            format!("{caller}, in {name}")
        };
    };
    let Some(text) = source(env, name) else {
        return format!("{name}, line {line}");
    };
    let macros = macros(&text);
    let Some(target) = macros
        .iter()
        .filter(|m| m.start <= line && line <= m.end)
        .max_by_key(|m| m.start)
    else {
        if caller == name {
            return format!("{name}, line {line}");
        }
        // Top-level code of another template runs when it is imported.
        let importing = source(env, caller)
            .map(|text| lines_mentioning(&text, &format!("\"{name}\"")))
            .unwrap_or_default();
        return if importing.is_empty() {
            format!("{caller}, in {name}, line {line}")
        } else {
            format!("{caller}, {}, in {name}, line {line}", lines_text(&importing))
        };
    };
    let last = format!("in macro `{}` of {name}, line {line}", target.name);
    match route(env, caller, name, target, MAX_MACRO_DEPTH) {
        Some(steps) => {
            let mut parts: Vec<String> = steps.iter().map(Step::text).collect();
            parts.push(last);
            parts.join(", ")
        }
        None => format!("{caller}, {last}"),
    }
}

/// A macro definition: its name and the lines from `{% macro %}` to `{% endmacro %}`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Macro {
    name: String,
    start: usize,
    end: usize,
}

/// One step of the way to a macro: lines of a template, in a macro of it or in its own
/// body, that call the next step.
struct Step {
    template: String,
    within: Option<String>,
    lines: Vec<usize>,
}

impl Step {
    fn text(&self) -> String {
        match &self.within {
            None => format!("{}, {}", self.template, lines_text(&self.lines)),
            Some(m) => format!("in macro `{m}` of {}, {}", self.template, lines_text(&self.lines)),
        }
    }
}

/// The lines of `caller` that lead to the macro `target` of `home`: direct calls, or calls
/// of another macro of `home` that calls it, up to `depth` macros deep.
fn route(env: &Environment<'_>, caller: &str, home: &str, target: &Macro, depth: usize) -> Option<Vec<Step>> {
    let text = source(env, caller)?;
    // A macro's own body calling it is recursion, not the call that entered it.
    let own = (caller == home).then_some(target);
    let direct = calls(&text, &target.name, own);
    if !direct.is_empty() {
        return Some(vec![Step {
            template: caller.to_owned(),
            within: None,
            lines: direct,
        }]);
    }
    if depth == 0 {
        return None;
    }
    let home_text = source(env, home)?;
    for outer in macros(&home_text).iter().filter(|m| *m != target) {
        let inside: Vec<usize> = calls(&home_text, &target.name, Some(target))
            .into_iter()
            .filter(|l| outer.start <= *l && *l <= outer.end)
            .collect();
        if inside.is_empty() {
            continue;
        }
        if let Some(mut steps) = route(env, caller, home, outer, depth - 1) {
            steps.push(Step {
                template: home.to_owned(),
                within: Some(outer.name.clone()),
                lines: inside,
            });
            return Some(steps);
        }
    }
    None
}

/// A template's text (only read when a render has failed).
fn source(env: &Environment<'_>, name: &str) -> Option<String> {
    env.get_template(name).ok().map(|t| t.source().to_owned())
}

/// The macro definitions of a template, outermost and innermost alike.
fn macros(source: &str) -> Vec<Macro> {
    let mut open: Vec<(String, usize)> = Vec::new();
    let mut done = Vec::new();
    let mut rest = source;
    let mut line = 1;
    while let Some(at) = rest.find("{%") {
        line += rest[..at].matches('\n').count();
        rest = &rest[at + 2..];
        let tag = rest.trim_start_matches(['-', '+']).trim_start();
        let word: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        match word.as_str() {
            "macro" => {
                let name: String = tag["macro".len()..]
                    .trim_start()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                open.push((name, line));
            }
            "endmacro" => {
                if let Some((name, start)) = open.pop() {
                    done.push(Macro { name, start, end: line });
                }
            }
            _ => {}
        }
    }
    done
}

/// The lines (1-based) that call macro `name` (`name(`, `m.name(`, `{% call name(`), not
/// counting its definition, nor the lines of `except`.
fn calls(source: &str, name: &str, except: Option<&Macro>) -> Vec<usize> {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    source
        .lines()
        .enumerate()
        .map(|(i, text)| (i + 1, text))
        .filter(|(line, _)| except.is_none_or(|m| *line < m.start || *line > m.end))
        .filter(|(_, text)| {
            text.match_indices(name).any(|(at, _)| {
                let before = &text[..at];
                let after = text[at + name.len()..].trim_start();
                !before.chars().next_back().is_some_and(is_word)
                    && after.starts_with('(')
                    && !before.trim_end().ends_with("macro")
            })
        })
        .map(|(line, _)| line)
        .collect()
}

/// The lines (1-based) that contain `needle`.
fn lines_mentioning(source: &str, needle: &str) -> Vec<usize> {
    source
        .lines()
        .enumerate()
        .filter(|(_, text)| text.contains(needle))
        .map(|(i, _)| i + 1)
        .collect()
}

/// `line 5`, `line 5 or 9`, `line 5, 9 or 12`: the call was one of these.
fn lines_text(lines: &[usize]) -> String {
    let shown: Vec<String> = lines.iter().take(MAX_LINES).map(usize::to_string).collect();
    let more = if lines.len() > MAX_LINES { " or another" } else { "" };
    match shown.split_last() {
        None => String::new(),
        Some((last, [])) => format!("line {last}{more}"),
        Some((last, rest)) if more.is_empty() => format!("line {} or {last}", rest.join(", ")),
        Some((last, rest)) => format!("line {}, {last}{more}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MACROS: &str = "{%- macro lang(code) -%}\n{{ code }}\n{%- endmacro %}\n\n{%- macro card(c) -%}\n{{ c.name }}\n{{ c.nothing }}\n{%- endmacro %}\n{% macro list(cs) %}{% for c in cs %}{{ card(c) }}{% endfor %}{% endmacro %}\n";

    #[test]
    fn macros_are_found_with_their_lines() {
        let found = macros(MACROS);
        let names: Vec<(&str, usize, usize)> = found.iter().map(|m| (m.name.as_str(), m.start, m.end)).collect();
        assert_eq!(names, [("lang", 1, 3), ("card", 5, 8), ("list", 9, 9)]);
    }

    #[test]
    fn calls_are_lines_that_call_the_macro() {
        let text =
            "{% import \"_macros.md\" as m %}\n# {{ m.card(x) }}\n{{ discard(y) }}\n{% call card (z) %}{% endcall %}\n";
        assert_eq!(calls(text, "card", None), [2, 4]);
        assert_eq!(calls(MACROS, "card", None), [9]);
    }

    #[test]
    fn lines_read_as_alternatives() {
        assert_eq!(lines_text(&[5]), "line 5");
        assert_eq!(lines_text(&[5, 9]), "line 5 or 9");
        assert_eq!(lines_text(&[5, 9, 12]), "line 5, 9 or 12");
        assert_eq!(lines_text(&[1, 2, 3, 4, 5, 6]), "line 1, 2, 3, 4, 5 or another");
    }

    fn env(templates: &[(&'static str, &'static str)]) -> Environment<'static> {
        let mut env = Environment::new();
        env.set_debug(true);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, text) in templates {
            env.add_template(name, text).expect("the test templates compile");
        }
        env
    }

    fn failure(env: &Environment<'_>, template: &str) -> (String, String) {
        let ctx = minijinja::context! { channels => vec![minijinja::context! { name => "Hotline" }] };
        let error = env
            .get_template(template)
            .and_then(|t| t.render(ctx))
            .expect_err("the template fails");
        let (place, inner) = locate(env, template, &error);
        (place, inner.detail().unwrap_or_default().to_owned())
    }

    #[test]
    fn an_error_in_a_macro_names_the_calling_line_the_macro_and_the_field() {
        let env = env(&[
            ("_macros.md", MACROS),
            (
                "faq.md",
                "{%- import \"_macros.md\" as m -%}\n# FAQ\n\n{% for c in channels %}\n{{ m.card(c) }}\n{% endfor %}\n",
            ),
        ]);
        let (place, detail) = failure(&env, "faq.md");
        assert_eq!(place, "faq.md, line 5, in macro `card` of _macros.md, line 7");
        assert!(detail.contains("c.nothing"), "{detail}");
    }

    #[test]
    fn a_macro_reached_through_another_macro_and_an_include() {
        let env = env(&[
            ("_macros.md", MACROS),
            (
                "part.md",
                "{%- import \"_macros.md\" as m -%}\n\n{{ m.list(channels) }}\n",
            ),
            ("faq.md", "# FAQ\n{% include \"part.md\" %}\n"),
        ]);
        let (place, detail) = failure(&env, "faq.md");
        assert_eq!(
            place,
            "faq.md, line 2, including part.md, line 3, in macro `list` of _macros.md, line 9, in macro `card` of _macros.md, line 7"
        );
        assert!(detail.contains("c.nothing"), "{detail}");
    }

    #[test]
    fn an_error_in_the_template_itself_is_its_line() {
        let env = env(&[("faq.md", "# FAQ\n\n{{ nothing }}\n")]);
        let (place, detail) = failure(&env, "faq.md");
        assert_eq!(place, "faq.md, line 3");
        assert!(detail.contains("nothing"), "{detail}");
    }
}
