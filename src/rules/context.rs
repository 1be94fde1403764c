//! What a check receives: the loaded plan, the date it is checked on, and the plan's
//! schedules evaluated over the check window.

use crate::coverage::{DateWindow, Timeline};
use crate::model::Plan;
use chrono::NaiveDate;

/// The input of every check.
pub struct Context<'a> {
    pub plan: &'a Plan,
    /// "Today" for date-based checks (`--today`, default the local date).
    pub today: NaiveDate,
    /// Every schedule evaluated from `today` over the plan's horizon.
    pub timeline: Timeline,
}

impl<'a> Context<'a> {
    pub fn new(plan: &'a Plan, today: NaiveDate) -> Self {
        let timeline = Timeline::new(plan, DateWindow::horizon(plan, today));
        Context { plan, today, timeline }
    }

    /// A context whose timeline covers a single day, for checks that do not look at time.
    pub fn without_timeline(plan: &'a Plan) -> Self {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");
        let timeline = Timeline::new(plan, DateWindow::span(today, 1));
        Context { plan, today, timeline }
    }
}
