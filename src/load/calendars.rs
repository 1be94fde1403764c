//! Holiday calendars kept in iCalendar files (`holidays: { ics: calendars/company.ics }`):
//! read once the plan is loaded, relative to the plan file, and stored in the model so that
//! the rules, which never read files, see their dates.

use crate::diagnostic::Diagnostic;
use crate::input::ReadError;
use crate::model::{HolidaySpec, Plan};
use crate::rules::values::UNKNOWN_HOLIDAY_CALENDAR;
use std::collections::BTreeMap;
use std::path::Path;

/// iCalendar files larger than this are not read.
const MAX_ICS_BYTES: u64 = 4 * 1024 * 1024;

/// Read every `ics:` file the plan names into its holiday specification. Problems (a missing
/// file, a file that is not iCalendar) are findings at the `ics` value.
pub fn read_ics_files(plan: &mut Plan, plan_path: &Path, diagnostics: &mut Vec<Diagnostic>) {
    let base = plan_path.parent().unwrap_or(Path::new("."));
    // The same file named by several owners is read and reported once.
    let mut cache: BTreeMap<String, Result<Vec<(chrono::NaiveDate, String)>, String>> = BTreeMap::new();
    for spec in specs(plan) {
        let Some(ics) = &spec.ics else { continue };
        let result = cache.entry(ics.value.clone()).or_insert_with(|| {
            let read = read(&base.join(&ics.value));
            if let Err(message) = &read {
                diagnostics.push(
                    Diagnostic::new(&UNKNOWN_HOLIDAY_CALENDAR, &ics.loc, format!("`{}`: {message}", ics.value))
                        .help("give the path of an iCalendar (.ics) file relative to the plan file, with one VEVENT per holiday")
                        .data("value", ics.value.clone()),
                );
            }
            read
        });
        if let Ok(days) = result {
            spec.ics_holidays = days.clone();
        }
    }
}

fn read(path: &Path) -> Result<Vec<(chrono::NaiveDate, String)>, String> {
    // A regular file only, and never more than the cap: a FIFO would block the run and a
    // device would never end.
    let text = crate::input::read_text(path, MAX_ICS_BYTES).map_err(|e| match e {
        ReadError::NotFound => "cannot read the file: no such file".to_owned(),
        ReadError::NotRegular(kind) => format!("{kind}, not a regular file; an iCalendar file is expected"),
        ReadError::TooLarge(limit) => format!("the file is larger than {}", crate::input::size(limit)),
        ReadError::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => "the file is not UTF-8 text".to_owned(),
        other => format!("cannot read the file: {other}"),
    })?;
    let holidays = crate::time::ics::parse_holidays(&text).map_err(|e| e.to_string())?;
    Ok(holidays.into_iter().map(|h| (h.date, h.name)).collect())
}

fn specs(plan: &mut Plan) -> Vec<&mut HolidaySpec> {
    let mut all: Vec<&mut HolidaySpec> = Vec::new();
    all.extend(plan.meta.holidays.as_mut());
    all.extend(plan.contacts.iter_mut().filter_map(|c| c.holidays.as_mut()));
    all.extend(plan.teams.iter_mut().filter_map(|t| t.holidays.as_mut()));
    all.extend(plan.channels.iter_mut().filter_map(|c| c.holidays.as_mut()));
    all.extend(plan.profiles.iter_mut().filter_map(|p| p.holidays.as_mut()));
    all
}
