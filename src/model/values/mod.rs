//! Value syntaxes of the plan format (SPEC §2): durations, amounts, service targets,
//! schedule grammar pieces, dates, language tags, calendar ids.
//!
//! Every parser takes the text of one scalar and returns either the parsed value or a
//! [`ValueError`] that names the bad part (as a byte range inside that text) and lists the
//! accepted forms, so the loader can point a diagnostic at the exact characters.

mod amount;
mod calendar;
mod date;
mod duration;
mod hours;
mod language;
mod link;
mod phone;
mod target;

pub use amount::{Amount, Money, parse_amount};
pub use calendar::{CalendarId, parse_calendar_id, parse_country};
pub use date::{DateRange, parse_date, parse_date_or_range};
pub use duration::{Duration, parse_duration};
pub use hours::{DayHours, TimeRange, WeekdaySet, parse_day_hours, parse_day_selector};
pub use language::{LanguageTag, parse_language};
pub use link::{check_channel_address, href, parse_email, parse_web_url};
pub use phone::{PhoneInfo, phone_info};
pub use target::{Comparison, Measure, Target, parse_target};

use std::ops::Range;

/// Why a scalar could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValueError {
    /// What is wrong, naming the bad part: "unknown unit `hrs`".
    pub message: String,
    /// Byte range of the bad part inside the parsed text, when narrower than the whole.
    pub range: Option<Range<usize>>,
    /// The accepted forms, for the diagnostic's help line: "`90s`, `15m`, `4h`, …".
    pub expected: &'static str,
    /// The text is well-formed but describes the same time twice (overlapping ranges), which
    /// `overlapping-hours` reports rather than the value's syntax rule.
    pub overlap: bool,
}

impl ValueError {
    /// An error about the whole text.
    pub fn new(message: impl Into<String>, expected: &'static str) -> Self {
        Self {
            message: message.into(),
            range: None,
            expected,
            overlap: false,
        }
    }

    /// An error about part of the text.
    pub fn at(range: Range<usize>, message: impl Into<String>, expected: &'static str) -> Self {
        Self {
            message: message.into(),
            range: Some(range),
            expected,
            overlap: false,
        }
    }

    /// Marks the error as an overlap (see [`ValueError::overlap`]).
    pub fn as_overlap(mut self) -> Self {
        self.overlap = true;
        self
    }
}
