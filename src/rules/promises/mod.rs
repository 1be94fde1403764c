//! Promises family: can every promised response time be kept, and does it meet what the
//! customers accept?

pub mod expectation_unmet;
pub mod response_missing;
pub mod response_unachievable;

pub use expectation_unmet::EXPECTATION_UNMET;
pub use response_missing::RESPONSE_MISSING;
pub use response_unachievable::RESPONSE_UNACHIEVABLE;

/// Seconds as hours for messages: `86 h`, `1.5 h`, `45 min`.
pub fn hours_text(seconds: i64) -> String {
    if seconds < 3600 {
        return format!("{} min", seconds / 60);
    }
    let hours = seconds as f64 / 3600.0;
    if (hours - hours.round()).abs() < 0.05 {
        format!("{} h", hours.round())
    } else {
        format!("{hours:.1} h")
    }
}
