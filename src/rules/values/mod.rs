//! Values family: a value's syntax is wrong, or it lies outside plausible bounds. Reported
//! by the loader.

mod invalid_amount;
mod invalid_country;
mod invalid_date;
mod invalid_duration;
mod invalid_hours;
mod invalid_language;
mod invalid_target;
mod invalid_timezone;
mod invalid_url;
mod unknown_holiday_calendar;
mod value_out_of_range;

pub use invalid_amount::INVALID_AMOUNT;
pub use invalid_country::INVALID_COUNTRY;
pub use invalid_date::INVALID_DATE;
pub use invalid_duration::INVALID_DURATION;
pub use invalid_hours::INVALID_HOURS;
pub use invalid_language::INVALID_LANGUAGE;
pub use invalid_target::INVALID_TARGET;
pub use invalid_timezone::INVALID_TIMEZONE;
pub use invalid_url::INVALID_URL;
pub use unknown_holiday_calendar::UNKNOWN_HOLIDAY_CALENDAR;
pub use value_out_of_range::VALUE_OUT_OF_RANGE;
