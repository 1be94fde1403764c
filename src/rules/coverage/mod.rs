//! Coverage family: can each customer profile reach someone when it expects to, in its own
//! zone, language and holidays?

pub mod dst_shift;
pub mod holiday_mismatch;
pub mod language_gap;
pub mod no_live_coverage;
pub mod uncovered_expected_hours;
pub mod unreachable_hours;
pub mod unused_intended_gap;

pub use dst_shift::DST_SHIFT;
pub use holiday_mismatch::HOLIDAY_MISMATCH;
pub use language_gap::LANGUAGE_GAP;
pub use no_live_coverage::NO_LIVE_COVERAGE;
pub use uncovered_expected_hours::UNCOVERED_EXPECTED_HOURS;
pub use unreachable_hours::UNREACHABLE_HOURS;
pub use unused_intended_gap::UNUSED_INTENDED_GAP;

use crate::coverage::{describe_windows, windows_json};
use crate::diagnostic::{Diagnostic, Rule};
use crate::model::{Loc, Profile};
use crate::time::interval::IntervalSet;
use chrono_tz::Tz;

/// A finding about windows of a profile's time: message, exact windows in `data.windows`, and
/// the first one named.
fn windows_finding(
    rule: &'static Rule,
    loc: &Loc,
    profile: &Profile,
    tz: Tz,
    set: &IntervalSet,
    what: &str,
) -> Diagnostic {
    let windows = set.intervals();
    let minutes: i64 = set.total_seconds() / 60;
    Diagnostic::new(
        rule,
        loc,
        format!(
            "profile `{}` {what} {} ({}, {} h in the check window)",
            profile.id.value,
            describe_windows(tz, windows, 3),
            tz.name(),
            (minutes as f64 / 60.0 * 10.0).round() / 10.0
        ),
    )
    .data("profile", profile.id.value.clone())
    .data("timezone", tz.name())
    .data("minutes", minutes)
    .data("windows", windows_json(tz, windows))
}

/// Where a profile's expectation is written, else the profile.
fn expects_loc(profile: &Profile) -> &Loc {
    profile
        .expects
        .as_ref()
        .and_then(|e| e.hours.as_ref())
        .map_or(&profile.id.loc, |h| &h.loc)
}
