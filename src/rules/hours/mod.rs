//! Hours family: schedules that contradict themselves or each other, and evaluation windows
//! the holiday data does not cover.

pub mod channel_outside_team_hours;
pub mod holiday_data_horizon;
pub mod overlapping_hours;

pub use channel_outside_team_hours::CHANNEL_OUTSIDE_TEAM_HOURS;
pub use holiday_data_horizon::HOLIDAY_DATA_HORIZON;
pub use overlapping_hours::OVERLAPPING_HOURS;
