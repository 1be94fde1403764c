//! What changed in a plan file as written: the two documents compared key by key, list
//! items with an `id` matched by id, each change named by its path
//! (`channels[hotline].hours`) with the old and new value as the file writes them.

use crate::load::{Node, Value};
use crate::source::SourceFile;
use serde::Serialize;

/// The longest value text a change shows; longer values end in "…".
const MAX_TEXT: usize = 160;

/// One change to the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Where, as `checks.ignore` names it: `channels[hotline].hours`.
    pub path: String,
    /// `changed`, `added` or `removed`.
    pub kind: ChangeKind,
    /// The old value as written (on one line), for `changed` and `removed`.
    pub before: Option<String>,
    /// The new value as written, for `changed` and `added`.
    pub after: Option<String>,
}

/// What happened at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    Changed,
    Added,
    Removed,
}

/// Every change from `old` to `new`, in the order of the new file (removed keys where they
/// stood in the old one).
pub fn changes(old: &Node, old_src: &SourceFile, new: &Node, new_src: &SourceFile) -> Vec<Change> {
    let mut out = Vec::new();
    let sides = Sides { old_src, new_src };
    sides.node("", old, new, &mut out);
    out
}

struct Sides<'a> {
    old_src: &'a SourceFile,
    new_src: &'a SourceFile,
}

impl Sides<'_> {
    fn node(&self, path: &str, old: &Node, new: &Node, out: &mut Vec<Change>) {
        match (&old.value, &new.value) {
            (Value::Map(a), Value::Map(b)) => {
                for (key, new_value) in b {
                    let child = join(path, &key.name);
                    match a.iter().find(|(k, _)| k.name == key.name) {
                        Some((_, old_value)) => self.node(&child, old_value, new_value, out),
                        None => out.push(self.added(child, new_value)),
                    }
                }
                for (key, old_value) in a {
                    if !b.iter().any(|(k, _)| k.name == key.name) {
                        out.push(self.removed(join(path, &key.name), old_value));
                    }
                }
            }
            (Value::Seq(a), Value::Seq(b)) => match (ids(a), ids(b)) {
                (Some(old_ids), Some(new_ids)) => {
                    for (id, new_item) in new_ids.iter().zip(b) {
                        let child = format!("{path}[{id}]");
                        match old_ids.iter().position(|o| o == id) {
                            Some(i) => self.node(&child, &a[i], new_item, out),
                            None => out.push(self.added(child, new_item)),
                        }
                    }
                    for (id, old_item) in old_ids.iter().zip(a) {
                        if !new_ids.contains(id) {
                            out.push(self.removed(format!("{path}[{id}]"), old_item));
                        }
                    }
                }
                _ if a.len() == b.len() => {
                    for (i, (old_item, new_item)) in a.iter().zip(b).enumerate() {
                        self.node(&format!("{path}[{i}]"), old_item, new_item, out);
                    }
                }
                _ => out.push(self.changed(path, old, new)),
            },
            _ if same(old, new) => {}
            _ => out.push(self.changed(path, old, new)),
        }
    }

    fn changed(&self, path: &str, old: &Node, new: &Node) -> Change {
        Change {
            path: path.to_owned(),
            kind: ChangeKind::Changed,
            before: Some(written(self.old_src, old)),
            after: Some(written(self.new_src, new)),
        }
    }

    fn added(&self, path: String, new: &Node) -> Change {
        Change {
            path,
            kind: ChangeKind::Added,
            before: None,
            after: Some(written(self.new_src, new)),
        }
    }

    fn removed(&self, path: String, old: &Node) -> Change {
        Change {
            path,
            kind: ChangeKind::Removed,
            before: Some(written(self.old_src, old)),
            after: None,
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// The ids of a list whose items are all maps with a distinct string `id`.
fn ids(items: &[Node]) -> Option<Vec<String>> {
    let mut ids: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let Value::Map(entries) = &item.value else { return None };
        let id = entries
            .iter()
            .find(|(k, _)| k.name == "id")
            .and_then(|(_, v)| v.scalar_text())?;
        if ids.contains(&id) {
            return None;
        }
        ids.push(id);
    }
    (!ids.is_empty()).then_some(ids)
}

/// Whether two nodes hold the same value, wherever they stand in their files.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.iter().any(|(k2, v2)| k2.name == k.name && same(v, v2)))
        }
        (Value::Seq(x), Value::Seq(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q)),
        (Value::Float(x), Value::Float(y)) => x == y || (x.is_nan() && y.is_nan()),
        (x, y) => x == y,
    }
}

/// A value as the file writes it, on one line and shortened: `{ mon-fri: 08:00-18:00 }`.
fn written(src: &SourceFile, node: &Node) -> String {
    let (start, end) = extent(node);
    let text = src.text().get(start..end).unwrap_or_default();
    let mut one_line = String::with_capacity(text.len().min(MAX_TEXT + 4));
    let mut last_space = false;
    for c in text.chars() {
        let space = c.is_whitespace();
        if space && last_space {
            continue;
        }
        one_line.push(if space { ' ' } else { c });
        last_space = space;
        if one_line.chars().count() > MAX_TEXT {
            one_line.push('…');
            break;
        }
    }
    let trimmed = one_line.trim();
    if trimmed.is_empty() {
        // A value whose span is empty (a key without a value).
        match &node.value {
            Value::Null => "null".to_owned(),
            other => other.kind().to_owned(),
        }
    } else {
        trimmed.to_owned()
    }
}

/// Where a node's text starts and ends: its own span, or for a block map or list (whose
/// span the parser leaves empty) from its first key or item to the end of its last value.
fn extent(node: &Node) -> (usize, usize) {
    if node.span.end > node.span.start {
        return (node.span.start, node.span.end);
    }
    match &node.value {
        Value::Map(entries) => match (entries.first(), entries.last()) {
            (Some((first, _)), Some((_, last))) => (first.span.start, extent(last).1.max(first.span.end)),
            _ => (node.span.start, node.span.end),
        },
        Value::Seq(items) => match (items.first(), items.last()) {
            (Some(first), Some(last)) => (extent(first).0, extent(last).1),
            _ => (node.span.start, node.span.end),
        },
        _ => (node.span.start, node.span.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Format, parse_tree};

    fn tree(text: &str) -> (SourceFile, Node) {
        let src = SourceFile::new("plan.yaml", text.to_owned());
        let node = parse_tree(&src, Format::Yaml).expect("valid YAML");
        (src, node)
    }

    #[test]
    fn items_are_matched_by_id_and_values_shown_as_written() {
        let (a_src, a) =
            tree("channels:\n  - id: phone\n    hours: { mon-fri: 08:00-18:00 }\n  - id: chat\n    kind: chat\n");
        let (b_src, b) =
            tree("channels:\n  - id: mail\n    kind: email\n  - id: phone\n    hours: { mon-fri: 09:00-17:00 }\n");
        let found = changes(&a, &a_src, &b, &b_src);
        assert_eq!(
            found,
            vec![
                Change {
                    path: "channels[mail]".into(),
                    kind: ChangeKind::Added,
                    before: None,
                    after: Some("id: mail kind: email".into()),
                },
                Change {
                    path: "channels[phone].hours.mon-fri".into(),
                    kind: ChangeKind::Changed,
                    before: Some("08:00-18:00".into()),
                    after: Some("09:00-17:00".into()),
                },
                Change {
                    path: "channels[chat]".into(),
                    kind: ChangeKind::Removed,
                    before: Some("id: chat kind: chat".into()),
                    after: None,
                },
            ]
        );
    }

    #[test]
    fn the_same_plan_written_otherwise_has_no_changes() {
        let (a_src, a) = tree("plan: { name: A, languages: [de, en] }\n");
        let (b_src, b) = tree("plan:\n  languages:\n    - de\n    - en\n  name: A\n");
        assert!(changes(&a, &a_src, &b, &b_src).is_empty());
    }
}
