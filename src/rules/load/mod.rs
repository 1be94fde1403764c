//! Load family: the file could not be read as a plan. Reported by the loader.

mod schema_error;
mod syntax_error;
mod unsupported_version;

pub use schema_error::SCHEMA_ERROR;
pub use syntax_error::SYNTAX_ERROR;
pub use unsupported_version::UNSUPPORTED_VERSION;
