//! References family: ids that name nothing, name two things, or are never named.

pub mod duplicate_id;
pub mod unknown_reference;
pub mod unused_definition;

pub use duplicate_id::DUPLICATE_ID;
pub use unknown_reference::UNKNOWN_REFERENCE;
pub use unused_definition::UNUSED_DEFINITION;
