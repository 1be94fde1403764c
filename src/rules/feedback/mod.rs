//! Feedback family: whether the plan listens to its customers (feedback sources) and
//! measures its success (metrics with targets and something that measures them).

pub mod metric_unmeasured;
pub mod metric_without_target;
pub mod no_feedback;

pub use metric_unmeasured::METRIC_UNMEASURED;
pub use metric_without_target::METRIC_WITHOUT_TARGET;
pub use no_feedback::NO_FEEDBACK;
