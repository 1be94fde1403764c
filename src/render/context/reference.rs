//! The field tables of `docs/templates.md`, generated from the context types so that the
//! reference cannot drift from what templates receive. The page keeps its hand-written
//! prose; each table sits between two markers,
//! `<!-- generated: NAME -->` and `<!-- end generated -->`, and [`update`] replaces what is
//! between them. A test fails when the page is stale (`PLAN_BLESS=1 cargo test` rewrites it).

use super::common::{AfterSales, Common, HoursLine};
use super::faq::FaqContext;
use super::handbook::{Contact, HandbookContext};
use super::index::IndexContext;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};
use std::fmt::Write;

/// The end of a generated block.
const END: &str = "<!-- end generated -->";

/// A block of generated tables: its name in the page and the type it documents.
struct Block {
    name: &'static str,
    schema: fn() -> Schema,
}

/// Types documented in a block of their own, and the words other tables use for them.
const SHARED: [(&str, &str, &str); 3] = [
    ("HoursLine", "hours line", "hours lines"),
    ("Contact", "contact", "contacts"),
    ("AfterSales", "after-sales terms (see above)", "after-sales terms"),
];

fn schema_of<T: JsonSchema>() -> Schema {
    SchemaGenerator::default().into_root_schema_for::<T>()
}

/// Every block, by the name its markers use.
const BLOCKS: [Block; 7] = [
    Block {
        name: "hours-line",
        schema: schema_of::<HoursLine>,
    },
    Block {
        name: "contact",
        schema: schema_of::<Contact>,
    },
    Block {
        name: "after-sales",
        schema: schema_of::<AfterSales>,
    },
    Block {
        name: "common",
        schema: schema_of::<Common>,
    },
    Block {
        name: "handbook",
        schema: schema_of::<HandbookContext>,
    },
    Block {
        name: "faq",
        schema: schema_of::<FaqContext>,
    },
    Block {
        name: "index",
        schema: schema_of::<IndexContext>,
    },
];

/// The page with every generated block replaced by the tables it names. A marker naming no
/// block is left as it is, and so is everything outside the markers.
pub fn update(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(start) = rest.find("<!-- generated: ") {
        let (before, from_marker) = rest.split_at(start);
        out.push_str(before);
        let Some(line_end) = from_marker.find('\n') else {
            break;
        };
        let marker = &from_marker[..line_end];
        let name = marker
            .trim_start_matches("<!-- generated: ")
            .trim_end_matches("-->")
            .trim();
        let Some(end) = from_marker.find(END) else {
            break;
        };
        match BLOCKS.iter().find(|b| b.name == name) {
            Some(block) => {
                out.push_str(marker);
                out.push_str("\n\n");
                out.push_str(&tables(block));
                out.push('\n');
                out.push_str(END);
            }
            None => out.push_str(&from_marker[..end + END.len()]),
        }
        rest = &from_marker[end + END.len()..];
    }
    out.push_str(rest);
    out
}

/// The names of the fields every template receives, left out of the documents' own tables.
fn common_fields() -> Vec<String> {
    let schema = schema_of::<Common>();
    properties(schema.as_value())
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn properties(schema: &Value) -> Option<&Map<String, Value>> {
    schema.get("properties").and_then(Value::as_object)
}

/// The tables of one block: the type's own fields, then one table per nested type reached
/// from them, in the order they are reached, each headed by the path to it.
fn tables(block: &Block) -> String {
    let schema = (block.schema)();
    let root = schema.as_value();
    let defs = root
        .get("$defs")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let skip = if block.name == "common" {
        Vec::new()
    } else {
        common_fields()
    };
    let mut out = String::new();
    let mut queue: Vec<(String, Value)> = vec![(String::new(), root.clone())];
    let mut done: Vec<String> = Vec::new();
    while !queue.is_empty() {
        let (path, schema) = queue.remove(0);
        if !path.is_empty() {
            let _ = write!(out, "\n`{path}`");
            if let Some(d) = schema.get("description").and_then(Value::as_str) {
                let _ = write!(out, ": {}", one_line(d));
            }
            out.push_str("\n\n");
        }
        out.push_str("| field | type | nullable | |\n|---|---|---|---|\n");
        let mut nested = Vec::new();
        for (field, prop) in properties(&schema).into_iter().flatten() {
            if path.is_empty() && skip.contains(field) {
                continue;
            }
            let field_path = if path.is_empty() {
                field.clone()
            } else {
                format!("{path}.{field}")
            };
            let kind = describe(prop, &defs);
            if let Some((suffix, def)) = &kind.nested
                && !done.contains(def)
                && let Some(schema) = defs.get(def)
            {
                done.push(def.clone());
                nested.push((format!("{field_path}{suffix}"), schema.clone()));
            }
            let description = prop.get("description").and_then(Value::as_str).map(one_line);
            let _ = writeln!(
                out,
                "| `{field}` | {} | {} | {} |",
                kind.text,
                if kind.nullable { "yes" } else { "no" },
                description.unwrap_or_default()
            );
        }
        // Depth first: a nested type's own nested types come right after it.
        for (i, item) in nested.into_iter().enumerate() {
            queue.insert(i, item);
        }
    }
    out
}

/// What a field holds, in words.
struct Kind {
    text: String,
    nullable: bool,
    /// A nested type to document in a table of its own: the suffix of its path (`[]` for
    /// the items of a list) and its name.
    nested: Option<(&'static str, String)>,
}

fn describe(prop: &Value, defs: &Map<String, Value>) -> Kind {
    if let Some(any_of) = prop.get("anyOf").and_then(Value::as_array) {
        let nullable = any_of
            .iter()
            .any(|s| s.get("type").and_then(Value::as_str) == Some("null"));
        let inner = any_of
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) != Some("null"));
        let mut kind = inner.map_or_else(
            || Kind {
                text: "null".to_owned(),
                nullable: true,
                nested: None,
            },
            |s| describe(s, defs),
        );
        kind.nullable |= nullable;
        return kind;
    }
    if let Some(def) = reference(prop) {
        if let Some((_, one, _)) = SHARED.iter().find(|(name, _, _)| *name == def) {
            return Kind {
                text: (*one).to_owned(),
                nullable: false,
                nested: None,
            };
        }
        return Kind {
            text: "object".to_owned(),
            nullable: false,
            nested: defs.contains_key(&def).then_some(("", def)),
        };
    }
    let types: Vec<&str> = match prop.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let nullable = types.contains(&"null");
    let base = types.iter().find(|t| **t != "null").copied().unwrap_or("");
    let (text, nested) = match base {
        "string" => ("text".to_owned(), None),
        "integer" => ("integer".to_owned(), None),
        "number" => ("number".to_owned(), None),
        "boolean" => ("boolean".to_owned(), None),
        "object" => ("table".to_owned(), None),
        "array" => {
            let items = prop.get("items").unwrap_or(&Value::Null);
            match reference(items) {
                Some(def) => match SHARED.iter().find(|(name, _, _)| *name == def) {
                    Some((_, _, many)) => (format!("list of {many}"), None),
                    None => ("list".to_owned(), defs.contains_key(&def).then_some(("[]", def))),
                },
                None => {
                    let item = describe(items, defs);
                    (format!("list of {}", item.text), None)
                }
            }
        }
        other => (other.to_owned(), None),
    };
    Kind { text, nullable, nested }
}

/// The name of the type a schema refers to (`#/$defs/Team`).
fn reference(schema: &Value) -> Option<String> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/$defs/"))
        .map(str::to_owned)
}

/// A doc comment on one line, safe inside a table cell.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_replaced_and_the_rest_is_kept() {
        let page = "intro\n<!-- generated: hours-line -->\nold\n<!-- end generated -->\nafter\n<!-- generated: nothing -->\nkept\n<!-- end generated -->\n";
        let updated = update(page);
        assert!(updated.starts_with("intro\n<!-- generated: hours-line -->\n\n| field |"));
        assert!(updated.contains("| `days` | text | no |"), "{updated}");
        assert!(!updated.contains("old"));
        assert!(updated.contains("after\n<!-- generated: nothing -->\nkept\n<!-- end generated -->\n"));
        assert_eq!(update(&updated), updated);
    }

    #[test]
    fn every_field_of_every_context_has_a_description() {
        for block in &BLOCKS {
            let text = tables(block);
            for line in text.lines().filter(|l| l.starts_with("| `")) {
                assert!(!line.ends_with("|  |"), "{}: no description in {line}", block.name);
            }
        }
    }
}
