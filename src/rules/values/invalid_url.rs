//! `invalid-url`: a web address, e-mail address or channel address is not one a published
//! document may link to.

use crate::rules::rule;

rule! {
    /// ## What it finds
    ///
    /// A value that documents turn into a link, but that is not a safe link of its kind:
    /// a guide's `url` or a web form's `address` that is not an `https://` (or `http://`)
    /// address with a host; a channel `address` that names any other scheme
    /// (`javascript:`, `data:`, `file:`, or `tel:` on a channel that is not a phone);
    /// an e-mail address (a contact's `email`, an e-mail channel's `address`) with spaces,
    /// `mailto:`, or `?`/`&` parameters such as `?bcc=`.
    ///
    /// ## Why it matters
    ///
    /// These values are published in the customer FAQ and the staff handbook as links. A
    /// `javascript:` link runs code in the reader's browser; a `mailto:` address with a
    /// `?bcc=` part copies every customer's message to someone else. A value that is not a
    /// safe link is left out of the documents, so customers lose the way to reach you.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// self-help:
    ///   guides:
    ///     - id: reset
    ///       title: Reset the error light
    ///       url: "javascript:alert(1)"        # not a web address
    /// channels:
    ///   - id: email
    ///     kind: email
    ///     address: "service@example.com?bcc=all@example.net"
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Write web addresses in full with `https://` (`https://example.com/help/reset`), and
    /// e-mail addresses plainly (`service@example.com`). Handles (`@example`), phone numbers
    /// and postal addresses need no scheme.
    pub static INVALID_URL = "V010", "invalid-url", Values, Error,
        "a web or e-mail address is not a safe link of its kind";
}
