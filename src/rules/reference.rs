//! The rule reference (`docs/rules.md`), generated from the registry so it cannot drift
//! from what `plan explain` prints.

use super::{all, explanation};
use std::fmt::Write;

/// The whole rule reference as Markdown.
pub fn markdown() -> String {
    let mut md = String::new();
    md.push_str("# Rule reference\n\n");
    md.push_str(
        "<!-- Generated from the rule registry; do not edit. Regenerate with `PLAN_BLESS=1 cargo test`. -->\n\n",
    );
    md.push_str("Every rule has a stable code and name; either works in `checks:` (`allow`, `warn`, `deny`),\n");
    md.push_str("on the command line (`--allow`, `--warn`, `--deny`) and in `plan explain`.\n\n");
    md.push_str("| code | name | family | default | finds |\n|---|---|---|---|---|\n");
    for r in all() {
        let _ = writeln!(
            md,
            "| {} | [`{}`](#{}) | {} | {} | {} |",
            r.code,
            r.name,
            r.name,
            r.family.as_str(),
            r.severity.as_str(),
            r.summary
        );
    }
    for r in all() {
        let _ = write!(md, "\n## {}\n\n", r.name);
        let _ = write!(
            md,
            "Code `{}`, family {}, default severity {}.",
            r.code,
            r.family.as_str(),
            r.severity.as_str()
        );
        if !r.configurable {
            md.push_str(" Its severity cannot be changed.");
        }
        md.push_str("\n\n");
        // Demote the explanation's headings below the rule's own.
        for line in explanation(r).lines() {
            if let Some(rest) = line.strip_prefix("## ") {
                let _ = writeln!(md, "### {rest}");
            } else {
                let _ = writeln!(md, "{line}");
            }
        }
    }
    md
}
