//! People family: accountability and upkeep of the plan (owner, reviews) and the training
//! of the teams that serve customers.

pub mod owner_missing;
pub mod review_missing;
pub mod review_overdue;
pub mod training_missing;
pub mod training_overdue;

pub use owner_missing::OWNER_MISSING;
pub use review_missing::REVIEW_MISSING;
pub use review_overdue::REVIEW_OVERDUE;
pub use training_missing::TRAINING_MISSING;
pub use training_overdue::TRAINING_OVERDUE;

use crate::model::values::Duration;
use chrono::{Days, Months, NaiveDate};

/// The date something done on `last` is due again, `every` later. Calendar months are
/// added as months (31 January + 1 month is 28 or 29 February); elapsed and business
/// durations count whole days, rounded up.
pub fn due_date(last: NaiveDate, every: &Duration) -> Option<NaiveDate> {
    match *every {
        Duration::Months(m) => last.checked_add_months(Months::new(m)),
        Duration::Clock { seconds, .. } | Duration::BusinessTime { seconds } => {
            last.checked_add_days(Days::new(seconds.div_ceil(86_400)))
        }
        Duration::BusinessDays(d) => last.checked_add_days(Days::new(u64::from(d))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_are_calendar_months() {
        assert_eq!(due_date(d("2026-06-15"), &Duration::Months(6)), Some(d("2026-12-15")));
        assert_eq!(due_date(d("2026-01-31"), &Duration::Months(1)), Some(d("2026-02-28")));
        let two_days = Duration::Clock {
            seconds: 2 * 86_400,
            calendar: false,
        };
        assert_eq!(due_date(d("2026-12-30"), &two_days), Some(d("2027-01-01")));
    }
}
