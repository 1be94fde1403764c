//! `unsupported-version`: the plan declares a format version this tool does not read.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A `version:` other than `1`, the only plan format version this release reads.
    ///
    /// ## Why it matters
    ///
    /// Keys and their meaning may differ between format versions; reading a plan under the
    /// wrong version would check it against rules it was not written for. The rest of the
    /// file is not checked.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// version: 2
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write `version: 1`, or use the release of `plan` that reads the newer format.
    pub static UNSUPPORTED_VERSION = "L003", "unsupported-version", Load, Error,
        "the plan's format version is not supported", configurable = false;
}
