//! What a check receives: the loaded plan and the date it is checked on.

use crate::model::Plan;
use chrono::NaiveDate;

/// The input of every check.
pub struct Context<'a> {
    pub plan: &'a Plan,
    /// "Today" for date-based checks (`--today`, default the local date).
    pub today: NaiveDate,
}
