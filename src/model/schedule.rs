//! Schedules (`hours:`) and holiday specifications as written: the grammar, validated.
//! Evaluating them over time is the time engine's job.

use super::Located;
use super::values::{CalendarId, DateRange, DayHours, WeekdaySet};
use chrono::NaiveDate;

/// When something is open, staffed, reachable or expected.
#[derive(Debug, Clone, PartialEq)]
pub enum Schedule {
    /// `24/7`: always.
    Always,
    Weekly {
        /// Day selectors in the order written; no weekday is selected twice.
        days: Vec<DayRule>,
        /// `holidays:` hours on public holidays; `None` when not written.
        holidays: Option<Located<DayHours>>,
        /// `dates:` overrides, replacing the weekly hours on those dates.
        dates: Vec<DateRule>,
    },
}

/// One day selector and its hours: `mon-fri: 08:00-18:00`.
#[derive(Debug, Clone, PartialEq)]
pub struct DayRule {
    pub days: Located<WeekdaySet>,
    pub hours: Located<DayHours>,
}

/// One date override: `2026-12-24: 08:00-12:00`.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRule {
    pub dates: Located<DateRange>,
    pub hours: Located<DayHours>,
}

/// Which public holidays apply: a calendar plus additions and removals, or an iCalendar
/// file.
#[derive(Debug, Clone, PartialEq)]
pub struct HolidaySpec {
    pub loc: super::Loc,
    pub calendar: Option<Located<CalendarId>>,
    pub add: Vec<Located<NaiveDate>>,
    pub remove: Vec<Located<NaiveDate>>,
    pub ics: Option<Located<String>>,
    /// The dates and names read from the `ics` file (filled in by the loader, which reads
    /// files; empty when there is none or it could not be read).
    pub ics_holidays: Vec<(NaiveDate, String)>,
}
