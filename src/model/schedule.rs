//! Schedules (`hours:`) and holiday specifications as written: the grammar, validated.
//! Evaluating them over time is the time engine's job.

use super::Located;
use super::values::{CalendarId, DateRange, DayHours, WeekdaySet};
use chrono::NaiveDate;
use schemars::JsonSchema;

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

/// Which public holidays apply: a built-in calendar with the plan's own additions and
/// removals, or an iCalendar file. A calendar alone (`holidays: DE-BE`) is read as this map
/// with just `calendar`.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(rename = "HolidayAdjustments", rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["calendar"] }, { "required": ["ics"] }]))]
pub struct HolidaySpec {
    #[schemars(skip)]
    pub loc: super::Loc,
    /// The built-in calendar, e.g. `DE-BE`.
    pub calendar: Option<Located<CalendarId>>,
    /// Further days off, e.g. `[2026-12-24]`.
    #[schemars(default, with = "Vec<super::syntax::Date>")]
    pub add: Vec<Located<NaiveDate>>,
    /// Public holidays that are working days all the same.
    #[schemars(default, with = "Vec<super::syntax::Date>")]
    pub remove: Vec<Located<NaiveDate>>,
    /// An iCalendar file with the holidays, relative to the plan file.
    #[schemars(with = "Option<super::syntax::PlainText>")]
    pub ics: Option<Located<String>>,
    /// The dates and names read from the `ics` file (filled in by the loader, which reads
    /// files; empty when there is none or it could not be read).
    #[schemars(skip)]
    pub ics_holidays: Vec<(NaiveDate, String)>,
}
