//! Load family: the file could not be read as a plan. Reported by the loader, as
//! [`Problem`]s that [`finding`] turns into the findings of their rules, of this family and
//! of the value, reference and hours families.

mod schema_error;
mod syntax_error;
mod unsupported_version;

pub use schema_error::SCHEMA_ERROR;
pub use syntax_error::SYNTAX_ERROR;
pub use unsupported_version::UNSUPPORTED_VERSION;

use crate::diagnostic::{Diagnostic, Label, Rule};
use crate::load::{Problem, ProblemKind};
use crate::rules::{hours, references, values};

/// The rule whose findings are problems of `kind`.
pub fn rule(kind: ProblemKind) -> &'static Rule {
    match kind {
        ProblemKind::Syntax => &SYNTAX_ERROR,
        ProblemKind::Schema => &SCHEMA_ERROR,
        ProblemKind::UnsupportedVersion => &UNSUPPORTED_VERSION,
        ProblemKind::InvalidTimezone => &values::INVALID_TIMEZONE,
        ProblemKind::InvalidHours => &values::INVALID_HOURS,
        ProblemKind::InvalidDuration => &values::INVALID_DURATION,
        ProblemKind::InvalidAmount => &values::INVALID_AMOUNT,
        ProblemKind::InvalidDate => &values::INVALID_DATE,
        ProblemKind::InvalidLanguage => &values::INVALID_LANGUAGE,
        ProblemKind::UnknownHolidayCalendar => &values::UNKNOWN_HOLIDAY_CALENDAR,
        ProblemKind::InvalidTarget => &values::INVALID_TARGET,
        ProblemKind::InvalidCountry => &values::INVALID_COUNTRY,
        ProblemKind::InvalidUrl => &values::INVALID_URL,
        ProblemKind::OutOfRange => &values::VALUE_OUT_OF_RANGE,
        ProblemKind::OverlappingHours => &hours::OVERLAPPING_HOURS,
        ProblemKind::DuplicateEntry => &references::DUPLICATE_ENTRY,
    }
}

/// A load problem as the finding of its rule, at the rule's default severity, with the
/// problem's message, help, related places and data as they are.
pub fn finding(problem: Problem) -> Diagnostic {
    let mut d = Diagnostic::new(rule(problem.kind), &problem.loc, problem.message);
    d.help = problem.help;
    d.related = problem
        .related
        .into_iter()
        .map(|place| Label {
            file: place.loc.file,
            span: place.loc.span,
            message: place.value,
        })
        .collect();
    d.data = problem.data;
    d
}
