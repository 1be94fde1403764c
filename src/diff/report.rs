//! The diff in words: for a terminal ([`human`]) and for a pull-request comment or a CI job
//! summary ([`markdown`]: a short table first, the details folded). Customer-visible
//! reductions come first in both.

use super::{Pair, PlanDiff, Status, hours};
use crate::render::markdown::escape;
use std::fmt::Write as _;

fn status_word(status: Status) -> &'static str {
    match status {
        Status::Added => "added",
        Status::Removed => "removed",
        Status::Renamed => "renamed",
        Status::Modified => "modified",
        Status::Unchanged => "unchanged",
    }
}

/// The plan's name in a heading: `plans/a.yaml`, or `old → new` for a rename.
fn title(d: &PlanDiff) -> String {
    match (&d.old, &d.new) {
        // `main:plans/a.yaml` and `plans/a.yaml` are one file at two revisions.
        (Some(o), Some(n)) if o != n && !o.ends_with(&format!(":{n}")) => format!("{o} → {n}"),
        (_, Some(n)) => n.clone(),
        (Some(o), None) => o.clone(),
        (None, None) => String::new(),
    }
}

fn opt_minutes(m: Option<i64>) -> String {
    m.map_or_else(|| "never answered".to_owned(), hours)
}

fn opt_count(n: Option<u32>) -> String {
    n.map_or_else(|| "–".to_owned(), |n| n.to_string())
}

fn pair<T: PartialEq>(p: &Pair<T>, show: impl Fn(&T) -> String) -> String {
    if p.before == p.after {
        show(&p.after)
    } else {
        format!("{} → {}", show(&p.before), show(&p.after))
    }
}

/// ` at channels[mail].response`, or nothing for a finding about the whole file.
fn at(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!(" at {path}")
    }
}

/// Every plan's diff for a terminal.
pub fn human(diffs: &[PlanDiff]) -> String {
    let mut out = String::new();
    for d in diffs {
        if d.is_empty() {
            let _ = writeln!(out, "{}: no changes", title(d));
            continue;
        }
        let _ = writeln!(out, "{} ({})", title(d), status_word(d.status));
        if !d.reductions.is_empty() {
            let _ = writeln!(out, "  Reductions for customers:");
            for r in &d.reductions {
                let _ = writeln!(out, "    ! {}", r.message);
            }
        }
        if !d.changes.is_empty() {
            let _ = writeln!(out, "  Changes in the file:");
            for c in &d.changes {
                let line = match (&c.before, &c.after) {
                    (Some(b), Some(a)) => format!("    ~ {}: {b} → {a}", c.path),
                    (None, Some(a)) => format!("    + {}: {a}", c.path),
                    (Some(b), None) => format!("    - {}: {b}", c.path),
                    (None, None) => format!("    ~ {}", c.path),
                };
                let _ = writeln!(out, "{line}");
            }
        }
        if !d.coverage.is_empty() {
            let days = match (&d.from, &d.to) {
                (Some(f), Some(t)) => format!(" ({f} to {t})"),
                _ => String::new(),
            };
            let _ = writeln!(out, "  Coverage{days}:");
            for c in &d.coverage {
                let _ = writeln!(
                    out,
                    "    profile {} ({}): live help {}; reachable {}",
                    c.profile,
                    c.timezone,
                    pair(&c.live_minutes, |m| hours(*m)),
                    pair(&c.reachable_minutes, |m| hours(*m))
                );
                if !c.live_lost_text.is_empty() {
                    let _ = writeln!(out, "      live help lost: {}", c.live_lost_text);
                }
                if !c.live_gained_text.is_empty() {
                    let _ = writeln!(out, "      live help gained: {}", c.live_gained_text);
                }
                if !c.gaps_added.is_empty() {
                    let _ = writeln!(out, "      gaps added: {}", c.gaps_added_text);
                }
                if !c.gaps_removed.is_empty() {
                    let _ = writeln!(out, "      gaps closed: {}", c.gaps_removed_text);
                }
            }
        }
        if !d.promises.is_empty() {
            let _ = writeln!(out, "  Promises:");
            for p in &d.promises {
                let _ = writeln!(
                    out,
                    "    channel {}: first response {}; worst wait {}",
                    p.channel,
                    pair(&p.response, |r| r.clone().unwrap_or_else(|| "not promised".to_owned())),
                    pair(&p.worst_wait_minutes, |m| opt_minutes(*m))
                );
            }
        }
        if !d.escalation.is_empty() {
            let _ = writeln!(out, "  Escalation:");
            for e in &d.escalation {
                let _ = writeln!(
                    out,
                    "    path {} step {} ({}): unreachable while its channels are open {}",
                    e.path,
                    e.step,
                    e.target,
                    pair(&e.unreachable_minutes, |m| hours(*m))
                );
            }
        }
        if !d.staffing.is_empty() {
            let _ = writeln!(out, "  Staffing (an ordinary week):");
            for s in &d.staffing {
                let _ = writeln!(
                    out,
                    "    channel {} {}: agents needed {}; on duty {}",
                    s.channel,
                    s.when,
                    pair(&s.required, |n| opt_count(*n)),
                    pair(&s.on_duty, |n| opt_count(*n))
                );
            }
        }
        let f = &d.findings;
        if !f.introduced.is_empty() || !f.fixed.is_empty() {
            let _ = writeln!(
                out,
                "  Findings: {} introduced, {} fixed",
                f.introduced.len(),
                f.fixed.len()
            );
            for x in &f.introduced {
                let _ = writeln!(out, "    + {} {}{}: {}", x.severity, x.rule, at(&x.path), x.message);
            }
            for x in &f.fixed {
                let _ = writeln!(out, "    - {} {}{}: {}", x.severity, x.rule, at(&x.path), x.message);
            }
        }
        let docs = &d.documents;
        let count = docs.added.len() + docs.removed.len() + docs.changed.len();
        if count > 0 {
            let _ = writeln!(out, "  Documents: {count} would change");
            for (sign, names) in [("+", &docs.added), ("-", &docs.removed), ("~", &docs.changed)] {
                for n in names {
                    let _ = writeln!(out, "    {sign} {n}");
                }
            }
        }
    }
    let reductions: usize = diffs.iter().map(|d| d.reductions.len()).sum();
    let _ = writeln!(
        out,
        "{} plan{} compared, {reductions} reduction{} for customers",
        diffs.len(),
        if diffs.len() == 1 { "" } else { "s" },
        if reductions == 1 { "" } else { "s" }
    );
    // File names from a repository and values from a plan reach the terminal here: no
    // control character of theirs may move the cursor or recolour it.
    out.chars()
        .map(|c| if c.is_control() && c != '\n' { '\u{fffd}' } else { c })
        .collect()
}

/// A message in Markdown: the ids it quotes in backticks stay code, the rest is escaped.
fn message(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 && !part.is_empty() {
                // Ids and values quoted by the messages hold no backtick; a longer fence
                // keeps any that might.
                let fence = if part.contains('`') { "``" } else { "`" };
                format!("{fence}{}{fence}", part.replace(['\n', '\r', '|'], " "))
            } else {
                escape(part)
            }
        })
        .collect()
}

/// A value in a Markdown table cell: escaped, or a dash for nothing.
fn cell(text: &str) -> String {
    if text.is_empty() {
        "–".to_owned()
    } else {
        escape(text)
    }
}

/// Every plan's diff as Markdown for a pull-request comment or a job summary.
pub fn markdown(diffs: &[PlanDiff], base: Option<&str>) -> String {
    let mut out = String::new();
    let reductions: usize = diffs.iter().map(|d| d.reductions.len()).sum();
    let _ = writeln!(out, "## Service plan changes\n");
    if let Some(base) = base {
        let _ = writeln!(out, "Compared with {}.\n", cell(base));
    }
    let _ = writeln!(
        out,
        "{}\n",
        match reductions {
            0 => "No reductions for customers.".to_owned(),
            1 => "**1 reduction for customers.**".to_owned(),
            n => format!("**{n} reductions for customers.**"),
        }
    );
    let _ = writeln!(
        out,
        "| Plan | Status | Reductions | File changes | Findings introduced | Findings fixed | Documents changed |"
    );
    let _ = writeln!(out, "|---|---|---:|---:|---:|---:|---:|");
    for d in diffs {
        let docs = d.documents.added.len() + d.documents.removed.len() + d.documents.changed.len();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            cell(&title(d)),
            status_word(d.status),
            d.reductions.len(),
            d.changes.len(),
            d.findings.introduced.len(),
            d.findings.fixed.len(),
            docs
        );
    }
    for d in diffs.iter().filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "\n### {}\n", cell(&title(d)));
        if !d.reductions.is_empty() {
            let _ = writeln!(out, "**Reductions for customers**\n");
            for r in &d.reductions {
                let _ = writeln!(out, "- {}", message(&r.message));
            }
            let _ = writeln!(out);
        }
        let mut fold = |summary: String, body: String| {
            let _ = writeln!(out, "<details><summary>{summary}</summary>\n\n{body}\n</details>\n");
        };
        if !d.changes.is_empty() {
            let mut body = String::from("| Path | Before | After |\n|---|---|---|\n");
            for c in &d.changes {
                let _ = writeln!(
                    body,
                    "| {} | {} | {} |",
                    cell(&c.path),
                    cell(c.before.as_deref().unwrap_or("")),
                    cell(c.after.as_deref().unwrap_or(""))
                );
            }
            fold(format!("Changes in the file ({})", d.changes.len()), body);
        }
        if !d.coverage.is_empty() {
            let mut body = String::from(
                "| Profile | Live help | Reachable | Live help lost | Live help gained | Gaps added | Gaps closed |\n|---|---|---|---|---|---|---|\n",
            );
            for c in &d.coverage {
                let _ = writeln!(
                    body,
                    "| {} ({}) | {} | {} | {} | {} | {} | {} |",
                    cell(&c.profile),
                    cell(&c.timezone),
                    pair(&c.live_minutes, |m| hours(*m)),
                    pair(&c.reachable_minutes, |m| hours(*m)),
                    cell(&c.live_lost_text),
                    cell(&c.live_gained_text),
                    cell(&c.gaps_added_text),
                    cell(&c.gaps_removed_text)
                );
            }
            let days = match (&d.from, &d.to) {
                (Some(f), Some(t)) => format!(", {f} to {t}"),
                _ => String::new(),
            };
            fold(format!("Coverage ({} profiles{days})", d.coverage.len()), body);
        }
        if !d.promises.is_empty() {
            let mut body = String::from("| Channel | First response | Worst wait |\n|---|---|---|\n");
            for p in &d.promises {
                let _ = writeln!(
                    body,
                    "| {} | {} | {} |",
                    cell(&p.channel),
                    cell(&pair(&p.response, |r| r
                        .clone()
                        .unwrap_or_else(|| "not promised".to_owned()))),
                    pair(&p.worst_wait_minutes, |m| opt_minutes(*m))
                );
            }
            fold(format!("Promises ({})", d.promises.len()), body);
        }
        if !d.escalation.is_empty() {
            let mut body =
                String::from("| Path | Step | Whom | Unreachable while its channels are open |\n|---|---:|---|---|\n");
            for e in &d.escalation {
                let _ = writeln!(
                    body,
                    "| {} | {} | {} | {} |",
                    cell(&e.path),
                    e.step,
                    cell(&e.target),
                    pair(&e.unreachable_minutes, |m| hours(*m))
                );
            }
            fold(format!("Escalation ({})", d.escalation.len()), body);
        }
        if !d.staffing.is_empty() {
            let mut body = String::from("| Channel | When | Agents needed | On duty |\n|---|---|---|---|\n");
            for s in &d.staffing {
                let _ = writeln!(
                    body,
                    "| {} | {} | {} | {} |",
                    cell(&s.channel),
                    cell(&s.when),
                    pair(&s.required, |n| opt_count(*n)),
                    pair(&s.on_duty, |n| opt_count(*n))
                );
            }
            fold(format!("Staffing ({})", d.staffing.len()), body);
        }
        let f = &d.findings;
        if !f.introduced.is_empty() || !f.fixed.is_empty() {
            let mut body = String::from("| | Severity | Rule | Where | Finding |\n|---|---|---|---|---|\n");
            for (sign, list) in [("introduced", &f.introduced), ("fixed", &f.fixed)] {
                for x in list.iter() {
                    let _ = writeln!(
                        body,
                        "| {sign} | {} | {} | {} | {} |",
                        x.severity,
                        cell(&x.rule),
                        cell(&x.path),
                        message(&x.message)
                    );
                }
            }
            fold(
                format!("Findings ({} introduced, {} fixed)", f.introduced.len(), f.fixed.len()),
                body,
            );
        }
        let docs = &d.documents;
        if !(docs.added.is_empty() && docs.removed.is_empty() && docs.changed.is_empty()) {
            let mut body = String::new();
            for (word, names) in [
                ("added", &docs.added),
                ("removed", &docs.removed),
                ("changed", &docs.changed),
            ] {
                for n in names {
                    let _ = writeln!(body, "- {word}: {}", cell(n));
                }
            }
            fold(
                format!(
                    "Documents ({} would change)",
                    docs.added.len() + docs.removed.len() + docs.changed.len()
                ),
                body,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_do_not_reach_the_terminal() {
        let diff = PlanDiff {
            old: Some("plans/\u{1b}[31mred.yaml".to_owned()),
            new: None,
            status: Status::Removed,
            from: None,
            to: None,
            reductions: Vec::new(),
            changes: Vec::new(),
            coverage: Vec::new(),
            promises: Vec::new(),
            escalation: Vec::new(),
            staffing: Vec::new(),
            findings: Default::default(),
            documents: Default::default(),
        };
        let text = human(&[diff]);
        assert!(!text.contains('\u{1b}'), "{text:?}");
        assert!(text.contains("plans/\u{fffd}[31mred.yaml (removed)"), "{text:?}");
    }
}
