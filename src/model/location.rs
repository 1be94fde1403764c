//! Where a value of the plan sits: the file, the byte span of the exact key or value, and
//! the path inside the plan (`profiles[0].expects.hours`). Carried into the validated model
//! wherever a rule may need to point at something.

use crate::source::Span;
use serde::Serialize;
use std::fmt;

/// Index of a loaded file in the run's list of sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct FileId(pub usize);

/// One step of a path inside the plan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// A path inside the plan, outermost first.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct PlanPath(pub Vec<Segment>);

impl PlanPath {
    pub fn root() -> Self {
        Self(Vec::new())
    }

    pub fn key(&self, key: &str) -> Self {
        let mut next = self.clone();
        next.0.push(Segment::Key(key.to_owned()));
        next
    }

    pub fn index(&self, index: usize) -> Self {
        let mut next = self.clone();
        next.0.push(Segment::Index(index));
        next
    }

    /// Whether `prefix` is this path or a path that contains it.
    pub fn starts_with(&self, prefix: &PlanPath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// The path as JSON: `["profiles", 0, "expects", "hours"]`.
    pub fn to_json(&self) -> serde_json::Value {
        self.0
            .iter()
            .map(|s| match s {
                Segment::Key(k) => serde_json::Value::from(k.as_str()),
                Segment::Index(i) => serde_json::Value::from(*i),
            })
            .collect()
    }
}

impl fmt::Display for PlanPath {
    /// `profiles[0].expects.hours`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Segment::Key(k) if i == 0 => write!(f, "{k}")?,
                Segment::Key(k) => write!(f, ".{k}")?,
                Segment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for PlanPath {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

/// The location of one key or value in a plan file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
    pub path: PlanPath,
}

/// A value together with where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub loc: Loc,
}

impl<T> Located<T> {
    pub fn new(value: T, loc: Loc) -> Self {
        Self { value, loc }
    }
}

impl<T> std::ops::Deref for Located<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}
