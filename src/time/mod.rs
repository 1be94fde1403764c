//! Time: schedules evaluated over absolute instants, in their owner's zone, across DST
//! changes and public holidays. Pure computation, no I/O: callers hand in text (an
//! iCalendar file's contents) and get intervals back.
//!
//! Instants are seconds since the Unix epoch (UTC). Every set of times the rest of the
//! program reasons about — when a channel is open, when a team is on shift, when a customer
//! expects help — is an [`interval::IntervalSet`] of such instants.

pub mod holidays;
pub mod ics;
pub mod interval;
pub mod schedule;
