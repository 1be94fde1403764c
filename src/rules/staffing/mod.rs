//! Staffing family: are there enough agents on duty for the forecast volume and the
//! service target, and is volume forecast when the channel is closed?

pub mod overstaffed;
pub mod understaffed;
pub mod volume_outside_hours;

pub use overstaffed::OVERSTAFFED;
pub use understaffed::UNDERSTAFFED;
pub use volume_outside_hours::VOLUME_OUTSIDE_HOURS;

use crate::staffing::Slot;
use crate::time::interval::Interval;

/// Consecutive slots that share a condition, as windows with their worst slot.
pub fn runs(
    slots: &[Slot],
    keep: impl Fn(&Slot) -> bool,
    worse: impl Fn(&Slot, &Slot) -> bool,
) -> Vec<(Interval, &Slot)> {
    let mut out: Vec<(Interval, &Slot)> = Vec::new();
    for slot in slots.iter().filter(|s| keep(s)) {
        match out.last_mut() {
            Some((window, worst)) if window.end == slot.interval.start => {
                window.end = slot.interval.end;
                if worse(slot, worst) {
                    *worst = slot;
                }
            }
            _ => out.push((slot.interval, slot)),
        }
    }
    out
}

/// `80% in 20s`
pub fn target_text(share: f64, seconds: f64) -> String {
    format!("{}% in {}s", (share * 100.0).round(), seconds.round())
}
