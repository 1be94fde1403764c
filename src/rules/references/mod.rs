//! References family: ids that name nothing, name two things, or are never named, and
//! lists that name one thing twice.

pub mod duplicate_entry;
pub mod duplicate_id;
pub mod unknown_reference;
pub mod unused_definition;

pub use duplicate_entry::DUPLICATE_ENTRY;
pub use duplicate_id::DUPLICATE_ID;
pub use unknown_reference::UNKNOWN_REFERENCE;
pub use unused_definition::UNUSED_DEFINITION;
