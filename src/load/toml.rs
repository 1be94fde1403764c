//! TOML → [`Node`] through the toml crate's spanned document parser.

use super::node::{Key, Node, Value};
use super::yaml::SyntaxError;
use crate::source::{SourceFile, Span};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Parse TOML text into a node tree, or every syntax error the parser found.
pub fn parse(file: &SourceFile) -> Result<Node, Vec<SyntaxError>> {
    let (table, errors) = DeTable::parse_recoverable(file.text());
    if !errors.is_empty() {
        return Err(errors
            .iter()
            .map(|err| {
                let span = err
                    .span()
                    .map_or(Span::point(0), |r| Span::new(file.clamp(r.start), file.clamp(r.end)));
                SyntaxError {
                    span,
                    message: err.message().trim_end().to_owned(),
                }
            })
            .collect());
    }
    let span = Span::new(0, file.text().len());
    Ok(Node {
        span,
        value: table_value(table.into_inner()),
    })
}

fn table_value(table: DeTable<'_>) -> Value {
    Value::Map(
        table
            .into_iter()
            .map(|(k, v)| {
                let r = k.span();
                let key = Key {
                    span: Span::new(r.start, r.end),
                    name: k.into_inner().into_owned(),
                };
                (key, convert(v))
            })
            .collect(),
    )
}

fn convert(value: Spanned<DeValue<'_>>) -> Node {
    let r = value.span();
    let span = Span::new(r.start, r.end);
    let value = match value.into_inner() {
        DeValue::String(s) => Value::String(s.into_owned()),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            match i64::from_str_radix(&digits, i.radix()) {
                Ok(n) => Value::Integer(n),
                Err(_) => Value::String(i.as_str().to_owned()),
            }
        }
        DeValue::Float(f) => match f.as_str().replace('_', "").parse::<f64>() {
            Ok(x) => Value::Float(x),
            Err(_) => Value::String(f.as_str().to_owned()),
        },
        DeValue::Boolean(b) => Value::Bool(b),
        // Dates and times are read as text, like YAML gives them.
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(items) => Value::Seq(items.into_iter().map(convert).collect()),
        DeValue::Table(t) => table_value(t),
    };
    Node { span, value }
}
