//! YAML → [`Node`] through serde-saphyr, the one place that knows its API.
//!
//! serde-saphyr is used rather than the unmaintained serde_yaml: it is pure Rust, rejects
//! duplicate keys, limits alias expansion and nesting, and reports spans for every value.

use super::node::{Key, Node, Value};
use crate::source::{SourceFile, Span};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{MessageFormatter, Spanned, UserMessageFormatter};
use std::fmt;

/// A YAML syntax problem at a byte offset.
#[derive(Debug)]
pub struct SyntaxError {
    pub span: Span,
    pub message: String,
}

/// Parse YAML text into a node tree. An empty document yields a `Null` node.
pub fn parse(file: &SourceFile) -> Result<Node, SyntaxError> {
    // `.nan`, `.inf` and numbers too large for a float are passed on as values, so that the
    // field they are written in reports them at the value; rejecting them here would make
    // the whole file unreadable for one number.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::PassThrough,
    };
    match serde_saphyr::from_str_with_options::<Spanned<Raw>>(file.text(), options) {
        Ok(root) => Ok(convert(file, root)),
        Err(err) => {
            let span = err.location().map_or(Span::point(0), |loc| {
                let at = file.offset_of(loc.line() as usize, loc.column() as usize);
                Span::new(at, at + 1)
            });
            let mut message = UserMessageFormatter.format_message(&err).into_owned();
            if message.contains("limits breached") {
                // The reader's own wording names internal counters; say what it means.
                message = format!("the document is too large or too complex to be read as a plan ({message})");
            }
            Err(SyntaxError {
                span: Span::new(file.clamp(span.start), file.clamp(span.end)),
                message,
            })
        }
    }
}

/// The tree as serde-saphyr hands it over; converted to [`Node`] with byte spans.
enum Raw {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    Seq(Vec<Spanned<Raw>>),
    Map(Vec<(Spanned<String>, Spanned<Raw>)>),
}

fn span_of(file: &SourceFile, loc: &serde_saphyr::Location) -> Span {
    let span = loc.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(start), Some(len)) => Span::new(file.clamp(start as usize), file.clamp((start + len) as usize)),
        _ => {
            let at = file.offset_of(loc.line() as usize, loc.column() as usize);
            Span::point(at)
        }
    }
}

fn convert(file: &SourceFile, raw: Spanned<Raw>) -> Node {
    let span = span_of(file, &raw.referenced);
    let value = match raw.value {
        Raw::Null => Value::Null,
        Raw::Bool(b) => Value::Bool(b),
        Raw::Integer(i) => Value::Integer(i),
        Raw::Float(f) => Value::Float(f),
        Raw::String(s) => Value::String(s),
        Raw::Seq(items) => Value::Seq(items.into_iter().map(|i| convert(file, i)).collect()),
        Raw::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = Key {
                        span: span_of(file, &k.referenced),
                        name: k.value,
                    };
                    (key, convert(file, v))
                })
                .collect(),
        ),
    };
    let span = match value {
        Value::Map(_) | Value::Seq(_) => flow_extent(file.text(), span),
        _ => span,
    };
    Node { span, value }
}

/// The reader gives a flow collection (`{ mon-fri: 08:00-18:00 }`, `[de, en]`) the span of
/// its opening bracket only; widen it to the matching closing bracket so that findings
/// about the whole value underline all of it.
fn flow_extent(text: &str, span: Span) -> Span {
    let bytes = text.as_bytes();
    if !matches!(bytes.get(span.start), Some(b'{' | b'[')) || span.end > span.start + 1 {
        return span;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut i = span.start;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(b'"') if b == b'\\' => i += 1,
            Some(_) => {}
            None => match b {
                // A quote opens a quoted scalar only where a value can begin (`it's` in a
                // plain scalar is text).
                b'"' | b'\''
                    if matches!(
                        bytes[span.start..i].iter().rev().find(|c| !c.is_ascii_whitespace()),
                        Some(b'{' | b'[' | b',' | b':')
                    ) =>
                {
                    quote = Some(b)
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Span::new(span.start, i + 1);
                    }
                }
                b'#' if i > 0 && bytes[i - 1].is_ascii_whitespace() => {
                    // A comment runs to the end of the line.
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    span
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw::Integer(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Integer))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Integer))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Raw, E> {
        Ok(i64::try_from(v).map_or(Raw::Float(v as f64), Raw::Integer))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw::String(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Raw, E> {
        Ok(Raw::String(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<KeyText>>()? {
            let value = map.next_value()?;
            let key = Spanned::new(key.value.0, key.referenced, key.defined);
            entries.push((key, value));
        }
        Ok(Raw::Map(entries))
    }
}

/// A map key read as text whatever its YAML type (`1: x` has the key "1").
struct KeyText(String);

impl<'de> Deserialize<'de> for KeyText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = KeyText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar map key")
            }
            fn visit_str<E>(self, v: &str) -> Result<KeyText, E> {
                Ok(KeyText(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<KeyText, E> {
                Ok(KeyText(v))
            }
            fn visit_bool<E>(self, v: bool) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<KeyText, E> {
                Ok(KeyText(v.to_string()))
            }
            fn visit_unit<E>(self) -> Result<KeyText, E> {
                Ok(KeyText("null".to_owned()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}
