//! The data each template receives, built from the validated plan and its timeline, with
//! every value already formatted in the document's language: one typed context per kind of
//! document ([`handbook::HandbookContext`], [`faq::FaqContext`], [`index::IndexContext`]),
//! each holding the [`common::Common`] part every template gets. The types are what
//! `plan render --dump-context` prints and what `docs/templates.md` documents (its field
//! tables are generated from them by [`reference`]).
//!
//! The customer FAQ's context is built by its own types from the parts of the plan
//! customers may see: it has no field for contacts, authority limits, shifts or teams, so
//! no template can leak them.

pub mod common;
pub mod faq;
mod format;
pub mod handbook;
pub mod hours;
pub mod index;
pub mod reference;

pub use format::localized;

use crate::coverage::Timeline;
use crate::model::Plan;
use chrono::NaiveDate;

/// Everything the contexts are built from.
pub struct Source<'a> {
    /// The plan the documents publish.
    pub plan: &'a Plan,
    /// Its schedules evaluated over the horizon from `today`.
    pub timeline: &'a Timeline,
    /// The render date (`--today`).
    pub today: NaiveDate,
    /// The regular hours of every channel and where its real hours differ, indexed like
    /// `plan.channels`: worked out once for all documents.
    pub channel_hours: Vec<hours::ChannelHours>,
}

impl<'a> Source<'a> {
    /// The source of the documents of `plan` rendered on `today`.
    pub fn new(plan: &'a Plan, timeline: &'a Timeline, today: NaiveDate) -> Source<'a> {
        Source {
            plan,
            timeline,
            today,
            channel_hours: hours::ChannelHours::all(plan, timeline),
        }
    }
}
