//! What the loader finds wrong with a file, in its own words: a [`Problem`] says what kind
//! of problem it is, where, and how to put it right. The loader knows nothing of rules;
//! the rules layer turns each problem into the finding of the rule that reports its kind.

use crate::model::{Loc, Located};

/// The kinds of problem the loader reports, one for each way a file can fail to be read
/// as a plan or a value in it can be unusable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    /// The file is not text in the plan's syntax: not UTF-8, not YAML or TOML, or too
    /// large to read.
    Syntax,
    /// The file parses but does not have the shape of a plan: an unknown key, a value of
    /// the wrong type, a missing key, an id that is not kebab-case.
    Schema,
    /// The plan is written in a format version this release does not read.
    UnsupportedVersion,
    /// A time zone that is not an IANA zone.
    InvalidTimezone,
    /// Hours or a day selector that cannot be read.
    InvalidHours,
    /// A duration that cannot be read.
    InvalidDuration,
    /// An amount, percentage or currency that cannot be read.
    InvalidAmount,
    /// A date or date range that cannot be read.
    InvalidDate,
    /// A language tag that cannot be read.
    InvalidLanguage,
    /// A holiday calendar without data, or an iCalendar file that cannot be read.
    UnknownHolidayCalendar,
    /// A service or metric target that cannot be read.
    InvalidTarget,
    /// A country code that cannot be read.
    InvalidCountry,
    /// A web address, e-mail address or channel address that cannot be read.
    InvalidUrl,
    /// A number or duration outside the bounds a contact centre can have.
    OutOfRange,
    /// A schedule that gives the same weekday, date or time twice.
    OverlappingHours,
    /// A list that names the same entry more than once (the repetition is dropped).
    DuplicateEntry,
}

/// One problem found while loading, at the exact key or value it is about.
#[derive(Debug, Clone)]
pub struct Problem {
    /// What kind of problem it is, which decides the rule it is a finding of.
    pub kind: ProblemKind,
    /// Where: the file, the span of the key or value, and its path in the plan.
    pub loc: Loc,
    /// What is wrong, in a sentence that quotes the value as written.
    pub message: String,
    /// How to put it right.
    pub help: Option<String>,
    /// Other places the problem involves ("first listed here").
    pub related: Vec<Located<String>>,
    /// Facts about the problem for machine-readable output (`value`, `key`, `max`).
    pub data: serde_json::Map<String, serde_json::Value>,
}

impl Problem {
    /// A problem of `kind` about the value at `loc`.
    pub fn new(kind: ProblemKind, loc: &Loc, message: impl Into<String>) -> Self {
        Self {
            kind,
            loc: loc.clone(),
            message: message.into(),
            help: None,
            related: Vec::new(),
            data: serde_json::Map::new(),
        }
    }

    /// With how to put it right.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// With another place the problem involves.
    pub fn related(mut self, loc: &Loc, message: impl Into<String>) -> Self {
        self.related.push(Located::new(message.into(), loc.clone()));
        self
    }

    /// With a fact for machine-readable output.
    pub fn data(mut self, key: &str, value: impl Into<serde_json::Value>) -> Self {
        self.data.insert(key.to_owned(), value.into());
        self
    }
}
