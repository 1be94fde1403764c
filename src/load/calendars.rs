//! Holiday calendars kept in iCalendar files (`holidays: { ics: calendars/company.ics }`):
//! read once the plan is loaded, relative to the plan file, and stored in the model so that
//! the rules, which never read files, see their dates.
//!
//! Only files inside the plan's folder or its git repository are read (see
//! [`super::confine`]), and findings never quote a file that is not an iCalendar file, so a
//! plan cannot print a secret file into the logs of the CI run that checks it.

use super::confine::{Refusal, Root};
use super::problem::{Problem, ProblemKind};
use crate::input::ReadError;
use crate::model::{HolidaySpec, Plan};
use std::collections::BTreeMap;
use std::path::Path;

/// iCalendar files larger than this are not read.
pub const MAX_ICS_BYTES: u64 = 4 * 1024 * 1024;

/// Read every `ics:` file the plan names into its holiday specification. Problems (a path
/// outside the confinement root, a missing file, a file that is not iCalendar) are
/// problems at the `ics` value.
pub fn read_ics_files(plan: &mut Plan, plan_path: &Path, problems: &mut Vec<Problem>) {
    let base = match plan_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let root = Root::of_plan(plan_path);
    let within = root.as_ref().map_or("the plan's folder", Root::describe);
    // The same file named by several owners is read and reported once.
    let mut cache: BTreeMap<String, Result<Vec<(chrono::NaiveDate, String)>, String>> = BTreeMap::new();
    for spec in specs(plan) {
        let Some(ics) = &spec.ics else { continue };
        let result = cache.entry(ics.value.clone()).or_insert_with(|| {
            let read = match &root {
                Some(root) => root.resolve(base, &ics.value).map_err(|r| refusal(r, within)).and_then(|p| read(&p)),
                None => Err("cannot resolve the plan's folder, so no file it names is read".to_owned()),
            };
            if let Err(message) = &read {
                problems.push(
                    Problem::new(ProblemKind::UnknownHolidayCalendar, &ics.loc, format!("`{}`: {message}", ics.value))
                        .help(format!(
                            "give the path of an iCalendar (.ics) file relative to the plan file and inside {within}, such as `calendars/holidays.ics`, with one VEVENT per holiday"
                        ))
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

/// Why a path is not read, and what is read instead.
fn refusal(refusal: Refusal, within: &str) -> String {
    match refusal {
        Refusal::Absolute => {
            format!("an absolute path is not read; write the path relative to the plan file, inside {within}")
        }
        Refusal::Escapes => format!("the path leads outside {within}, and files there are not read"),
        Refusal::LinkOut => {
            format!("a symbolic link on this path leads outside {within}, and files there are not read")
        }
        Refusal::NotFound => "cannot read the file: no such file".to_owned(),
        Refusal::Unresolvable(reason) => format!("cannot read the file: {reason}"),
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
