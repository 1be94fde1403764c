//! The validating reader: walks the node tree, turns values into model types and records
//! every problem at the exact key or value, without stopping at the first.

use super::node::{Key, Node, Value};
use super::problem::{Problem, ProblemKind};
use crate::model::values::ValueError;
use crate::model::{FileId, Loc, Located, PlanPath};
use crate::source::{SourceFile, Span};
use crate::suggest;

/// Reads one file's tree, collecting problems.
pub struct Reader<'f> {
    pub file: &'f SourceFile,
    pub file_id: FileId,
    pub problems: Vec<Problem>,
}

/// The keys of a map that matched the allowed ones, after unknown keys were reported.
pub struct Fields<'n> {
    pub path: PlanPath,
    pub node: &'n Node,
    entries: &'n [(Key, Node)],
}

impl<'n> Fields<'n> {
    /// The value of a key, if present.
    pub fn get(&self, key: &str) -> Option<&'n Node> {
        self.entries.iter().find(|(k, _)| k.name == key).map(|(_, v)| v)
    }

    /// The key itself, if present.
    pub fn key(&self, key: &str) -> Option<&'n Key> {
        self.entries.iter().find(|(k, _)| k.name == key).map(|(k, _)| k)
    }

    /// The path of a key's value.
    pub fn path(&self, key: &str) -> PlanPath {
        self.path.key(key)
    }

    pub fn has(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn entries(&self) -> &'n [(Key, Node)] {
        self.entries
    }
}

impl<'f> Reader<'f> {
    pub fn new(file: &'f SourceFile, file_id: FileId) -> Self {
        Self {
            file,
            file_id,
            problems: Vec::new(),
        }
    }

    pub fn loc(&self, span: Span, path: &PlanPath) -> Loc {
        Loc {
            file: self.file_id,
            span,
            path: path.clone(),
        }
    }

    /// Report a problem of `kind` at a span.
    pub fn report(&mut self, kind: ProblemKind, span: Span, path: &PlanPath, message: String, help: String) {
        let loc = self.loc(span, path);
        self.problems.push(Problem::new(kind, &loc, message).help(help));
    }

    /// Report a value that does not fit the shape of a plan.
    pub fn schema(&mut self, span: Span, path: &PlanPath, message: String, help: impl Into<String>) {
        self.report(ProblemKind::Schema, span, path, message, help.into());
    }

    /// Report a value that failed to parse, narrowing to the bad part when the scalar is
    /// written plainly enough to map its characters onto the file.
    pub fn value_error(&mut self, kind: ProblemKind, node: &Node, path: &PlanPath, text: &str, err: ValueError) {
        let span = err
            .range
            .as_ref()
            .and_then(|r| self.sub_span(node.span, text, r.clone()))
            .unwrap_or(node.span);
        let loc = self.loc(span, path);
        let kind = if err.overlap {
            ProblemKind::OverlappingHours
        } else {
            kind
        };
        let mut message = err.message;
        if !message.contains(text) || text.is_empty() {
            message = format!("`{}`: {message}", text.trim());
        }
        self.problems.push(
            Problem::new(kind, &loc, message)
                .help(format!("expected {}", err.expected))
                .data("value", text),
        );
    }

    /// The file span of `range` inside the scalar `text` written at `span`, when the
    /// source shows the text verbatim (plain, or quoted without escapes).
    fn sub_span(&self, span: Span, text: &str, range: std::ops::Range<usize>) -> Option<Span> {
        let written = self.file.slice(span);
        let offset = if written == text {
            0
        } else if written.len() == text.len() + 2 && &written[1..written.len() - 1] == text {
            1
        } else {
            return None;
        };
        if range.end > text.len() || range.start > range.end {
            return None;
        }
        Some(Span::new(
            span.start + offset + range.start,
            span.start + offset + range.end,
        ))
    }

    /// "expected a map, found a list" at the node.
    pub fn wrong_type(&mut self, node: &Node, path: &PlanPath, expected: &str, example: &str) {
        let message = format!(
            "`{}` should be {expected}, found {}",
            path_tail(path),
            node.value.kind()
        );
        self.schema(node.span, path, message, format!("write it like: {example}"));
    }

    /// Open a map, reporting unknown keys (with a suggestion) against `allowed`.
    pub fn fields<'n>(
        &mut self,
        node: &'n Node,
        path: &PlanPath,
        allowed: &[&str],
        example: &str,
    ) -> Option<Fields<'n>> {
        let Value::Map(entries) = &node.value else {
            self.wrong_type(node, path, "a map", example);
            return None;
        };
        for (i, (key, _)) in entries.iter().enumerate() {
            if allowed.contains(&key.name.as_str()) {
                continue;
            }
            if let Some(meant) = self.comma_split(entries, i) {
                let loc = self.loc(key.span, &path.key(&key.name));
                self.problems.push(
                    Problem::new(
                        ProblemKind::Schema,
                        &loc,
                        format!(
                            "`{}` is read as a key of its own: inside `{{ … }}` a comma ends the value before it",
                            key.name
                        ),
                    )
                    .help(format!("put the whole value in quotes: `{meant}`"))
                    .data("key", key.name.as_str()),
                );
                continue;
            }
            let where_ = if path.0.is_empty() {
                "the top level of a plan".to_owned()
            } else {
                format!("`{}`", path_tail(path))
            };
            let message = format!(
                "unknown key `{}` in {where_}{}",
                key.name,
                suggest::did_you_mean(&key.name, allowed.iter().copied())
            );
            let help = format!(
                "known keys here: {}",
                allowed.iter().map(|k| format!("`{k}`")).collect::<Vec<_>>().join(", ")
            );
            let loc = self.loc(key.span, &path.key(&key.name));
            let mut problem = Problem::new(ProblemKind::Schema, &loc, message)
                .help(help)
                .data("key", key.name.as_str());
            if let Some(s) = suggest::closest(&key.name, allowed.iter().copied()) {
                problem = problem.data("suggestion", s);
            }
            self.problems.push(problem);
        }
        Some(Fields {
            path: path.clone(),
            node,
            entries,
        })
    }

    /// The YAML comma trap: inside `{ … }` an unquoted comma ends a value, so
    /// `{ mon-fri: 07:30-09:00, 18:00-20:00 }` or `{ question: Wann, wo? }` reads the text
    /// after the comma as a key of its own with no value. When entry `i` of a map is such
    /// a key, this returns the rewrite that was meant: `mon-fri: "07:30-09:00, 18:00-20:00"`.
    pub fn comma_split(&self, entries: &[(Key, Node)], i: usize) -> Option<String> {
        if i == 0 || !self.split_off(entries.get(i)?) {
            return None;
        }
        // Several commas split one value into several keys: start from the value itself.
        let mut first = i - 1;
        while first > 0 && self.split_off(&entries[first]) {
            first -= 1;
        }
        let (name, value) = &entries[first];
        let mut joined = value.scalar_text()?.to_string();
        for (key, _) in &entries[first + 1..=i] {
            joined.push_str(", ");
            joined.push_str(&key.name);
        }
        Some(format!("{}: \"{}\"", name.name, joined.replace('"', "\\\"")))
    }

    /// Whether a map entry is a key without a value that follows a comma and is not
    /// followed by a colon: text a comma split off the value before it.
    fn split_off(&self, (key, value): &(Key, Node)) -> bool {
        let text = self.file.text();
        let after = text.get(key.span.end..).unwrap_or("").trim_start_matches([' ', '\t']);
        let before = text.get(..key.span.start).unwrap_or("").trim_end_matches([' ', '\t']);
        value.value == Value::Null && !after.starts_with(':') && before.ends_with(',')
    }

    /// Report a missing required key at the map (or at its parent key's span).
    pub fn missing(&mut self, fields: &Fields<'_>, key: &str, example: &str) {
        let span = Span::new(fields.node.span.start, fields.node.span.start.max(fields.node.span.end));
        let what = if fields.path.0.is_empty() {
            "the plan".to_owned()
        } else {
            format!("`{}`", fields.path)
        };
        self.schema(
            span,
            &fields.path,
            format!("{what} is missing the required key `{key}`"),
            format!("add it, e.g. {example}"),
        );
    }

    /// Items of a list, with their paths.
    pub fn list<'n>(&mut self, node: &'n Node, path: &PlanPath, example: &str) -> Vec<(&'n Node, PlanPath)> {
        match &node.value {
            Value::Seq(items) => items.iter().enumerate().map(|(i, n)| (n, path.index(i))).collect(),
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(node, path, "a list", example);
                Vec::new()
            }
        }
    }

    /// A string value (numbers are accepted as their text).
    pub fn string(&mut self, node: &Node, path: &PlanPath) -> Option<Located<String>> {
        match node.scalar_text() {
            Some(s) => Some(Located::new(s, self.loc(node.span, path))),
            None => {
                self.wrong_type(node, path, "text", "\"…\"");
                None
            }
        }
    }

    /// A boolean.
    pub fn boolean(&mut self, node: &Node, path: &PlanPath) -> Option<Located<bool>> {
        match node.value {
            Value::Bool(b) => Some(Located::new(b, self.loc(node.span, path))),
            _ => {
                self.wrong_type(node, path, "`true` or `false`", "true");
                None
            }
        }
    }

    /// Parse a scalar's text with a value parser; a parse failure is a problem of `kind`.
    pub fn parsed<T>(
        &mut self,
        node: &Node,
        path: &PlanPath,
        kind: ProblemKind,
        expected: &str,
        parse: impl FnOnce(&str) -> Result<T, ValueError>,
    ) -> Option<Located<T>> {
        let Some(text) = node.scalar_text() else {
            self.wrong_type(node, path, expected, expected);
            return None;
        };
        match parse(&text) {
            Ok(v) => Some(Located::new(v, self.loc(node.span, path))),
            Err(e) => {
                self.value_error(kind, node, path, &text, e);
                None
            }
        }
    }
}

/// The last key of a path, for messages: `response`, or `channels[0]`.
pub fn path_tail(path: &PlanPath) -> String {
    use crate::model::Segment;
    match path.0.last() {
        Some(Segment::Key(k)) => k.clone(),
        Some(Segment::Index(_)) => path.to_string(),
        None => "plan".to_owned(),
    }
}
