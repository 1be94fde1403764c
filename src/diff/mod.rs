//! `plan diff`: what a change to a plan does. Two versions of a plan are each analysed as
//! `plan check` analyses them and evaluated over the same days, and compared: the file as
//! written ([`tree`]), coverage per profile, promises, escalation, staffing, findings and
//! the documents `plan render` would write. Changes that make the service worse for
//! customers are collected as [`Reduction`]s and listed first.

pub mod report;
pub mod tree;

use crate::coverage::{DateWindow, Timeline, describe_weekly, format_instant, windows_json};
use crate::diagnostic::Diagnostic;
use crate::load::{self, Format, Node};
use crate::model::values::{Duration, LanguageTag};
use crate::model::{FileId, Plan, StepTarget};
use crate::render::Document;
use crate::source::SourceFile;
use crate::time::interval::{Interval, IntervalSet};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// One version of a plan, analysed.
pub struct Side {
    /// The file's name as reported (`plans/shop.yaml`, `main:plans/shop.yaml`).
    pub file: String,
    /// Where the plan lives, to tell a rename: its path in the repository; the same for
    /// both versions when two files are compared as two versions of one plan.
    pub path: String,
    pub source: SourceFile,
    /// The document as written, when it parses.
    pub tree: Option<Node>,
    /// The plan, when it loads.
    pub plan: Option<Plan>,
    /// Every finding `plan check` reports for it.
    pub findings: Vec<Diagnostic>,
    /// Its schedules over its horizon, as the checks evaluated them.
    pub timeline: Option<Timeline>,
}

impl Side {
    /// One version of a plan as `plan check` analyses it (`crate::analysis`): `file` is
    /// its name in the report, `path` where it lives (to tell a rename).
    pub fn new(file: &str, path: &str, analysis: crate::analysis::Analysis, format: Format) -> Side {
        let tree = load::parse_tree(&analysis.source, format);
        Side {
            file: file.to_owned(),
            path: path.to_owned(),
            source: analysis.source,
            tree,
            plan: analysis.plan,
            findings: analysis.findings,
            timeline: analysis.timeline,
        }
    }

    /// One version of a plan from its text (an older version of a file). The iCalendar files
    /// it names are not read: see [`crate::analysis::analyse_text`].
    pub fn from_text(file: &str, path: &str, text: String, format: Format, today: NaiveDate) -> Side {
        let source = SourceFile::new(file, text);
        Side::new(
            file,
            path,
            crate::analysis::analyse_text(source, FileId(0), format, today, &[]),
            format,
        )
    }
}

/// A value before and after the change.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair<T> {
    pub before: T,
    pub after: T,
}

/// What a change to one plan does.
#[derive(Debug, Clone, Serialize)]
pub struct PlanDiff {
    /// The old file, `null` for a plan added.
    pub old: Option<String>,
    /// The new file, `null` for a plan removed.
    pub new: Option<String>,
    pub status: Status,
    /// The first day and the day after the last of the days compared.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Changes that make the service worse for customers, first.
    pub reductions: Vec<Reduction>,
    /// The file's changes, by path.
    pub changes: Vec<tree::Change>,
    pub coverage: Vec<CoverageChange>,
    pub promises: Vec<PromiseChange>,
    pub escalation: Vec<EscalationChange>,
    pub staffing: Vec<StaffingChange>,
    pub findings: FindingChanges,
    pub documents: DocumentChanges,
}

/// How the file itself changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Added,
    Removed,
    Renamed,
    Modified,
    Unchanged,
}

/// A change customers would notice for the worse.
#[derive(Debug, Clone, Serialize)]
pub struct Reduction {
    /// `less-live-help`, `less-reachable-time`, `longer-wait`, `weaker-promise`,
    /// `channel-removed`, `language-lost`, or `unreadable` for a new version that cannot be
    /// read.
    pub kind: &'static str,
    /// The profile or channel it is about (`profile senioren`, `channel email`).
    pub subject: String,
    /// In words: "profile `senioren` loses 8 h of live help a week: Sat 16:00-20:00".
    pub message: String,
    /// Exact windows lost, in the profile's zone, where the reduction is one of time: the
    /// first [`MAX_WINDOWS`], in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub windows: Vec<serde_json::Value>,
    /// How many windows there are in all.
    #[serde(skip_serializing_if = "is_zero")]
    pub windows_count: usize,
}

/// The most exact windows or gaps a list of the report holds; its `_count` field says how
/// many there are, and the `_text` summary covers them all. A year-long horizon would
/// otherwise list thousands.
pub const MAX_WINDOWS: usize = 50;

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// The first [`MAX_WINDOWS`] of `items`, and how many there were.
fn bounded<T>(mut items: Vec<T>) -> (Vec<T>, usize) {
    let count = items.len();
    items.truncate(MAX_WINDOWS);
    (items, count)
}

/// Coverage of one profile over the days compared, in minutes.
#[derive(Debug, Clone, Serialize)]
pub struct CoverageChange {
    pub profile: String,
    pub timezone: String,
    /// Minutes with live help in the profile's language.
    pub live_minutes: Pair<i64>,
    /// Minutes when some channel can be reached.
    pub reachable_minutes: Pair<i64>,
    /// Live help lost and gained, in the profile's zone (the first [`MAX_WINDOWS`] of
    /// each, with their counts).
    pub live_lost: Vec<serde_json::Value>,
    pub live_lost_count: usize,
    pub live_gained: Vec<serde_json::Value>,
    pub live_gained_count: usize,
    /// Gaps in the profile's expected hours that appear and disappear (bounded likewise).
    pub gaps_added: Vec<Gap>,
    pub gaps_added_count: usize,
    pub gaps_removed: Vec<Gap>,
    pub gaps_removed_count: usize,
    /// Summaries by weekday of `live_lost`, `live_gained`, `gaps_added` and
    /// `gaps_removed` (`Sat 16:00-20:00 (11 times)`).
    pub live_lost_text: String,
    pub live_gained_text: String,
    pub gaps_added_text: String,
    pub gaps_removed_text: String,
}

/// A gap, in the profile's zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Gap {
    pub start: String,
    pub end: String,
    /// `no-live`, `unreachable` or `language`.
    pub kind: String,
}

/// A channel's promise and its worst wait.
#[derive(Debug, Clone, Serialize)]
pub struct PromiseChange {
    pub channel: String,
    /// The promised first response as written (`4h`), `null` for none.
    pub response: Pair<Option<String>>,
    /// The longest a message waits for an answer over the days compared (written
    /// channels), `null` when never answered or not a written channel.
    pub worst_wait_minutes: Pair<Option<i64>>,
}

/// One escalation step's reach while its channels are open.
#[derive(Debug, Clone, Serialize)]
pub struct EscalationChange {
    pub path: String,
    /// The step's number, from 1.
    pub step: usize,
    pub target: String,
    /// Minutes the path's channels are open while the step's team or contact cannot be
    /// reached.
    pub unreachable_minutes: Pair<i64>,
}

/// Agents needed and on duty for a channel in some half hours of an ordinary week.
#[derive(Debug, Clone, Serialize)]
pub struct StaffingChange {
    pub channel: String,
    /// In the channel's zone: `Mon 08:00-12:00`.
    pub when: String,
    pub required: Pair<Option<u32>>,
    pub on_duty: Pair<Option<u32>>,
}

/// Findings that appear and disappear.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FindingChanges {
    pub introduced: Vec<Finding>,
    pub fixed: Vec<Finding>,
}

/// A finding, without its line (which moves with every edit).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub rule: String,
    pub severity: String,
    pub path: String,
    pub message: String,
}

/// Documents `plan render` would write differently.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentChanges {
    pub added: Vec<String>,
    pub removed: Vec<String>,
    pub changed: Vec<String>,
}

impl PlanDiff {
    /// Whether the change does nothing at all.
    pub fn is_empty(&self) -> bool {
        matches!(self.status, Status::Unchanged)
            && self.reductions.is_empty()
            && self.changes.is_empty()
            && self.coverage.is_empty()
            && self.promises.is_empty()
            && self.escalation.is_empty()
            && self.staffing.is_empty()
            && self.findings.introduced.is_empty()
            && self.findings.fixed.is_empty()
            && self.documents.added.is_empty()
            && self.documents.removed.is_empty()
            && self.documents.changed.is_empty()
    }
}

/// Compare two versions of a plan (`None` for a plan added or removed) on `today`.
pub fn compare(old: Option<&Side>, new: Option<&Side>, today: NaiveDate) -> PlanDiff {
    let status = match (old, new) {
        (None, _) => Status::Added,
        (_, None) => Status::Removed,
        (Some(o), Some(n)) if o.path != n.path => Status::Renamed,
        (Some(o), Some(n)) if o.source.text() == n.source.text() => Status::Unchanged,
        _ => Status::Modified,
    };
    let mut diff = PlanDiff {
        old: old.map(|s| s.file.clone()),
        new: new.map(|s| s.file.clone()),
        status,
        from: None,
        to: None,
        reductions: Vec::new(),
        changes: Vec::new(),
        coverage: Vec::new(),
        promises: Vec::new(),
        escalation: Vec::new(),
        staffing: Vec::new(),
        findings: FindingChanges::default(),
        documents: DocumentChanges::default(),
    };
    // The same text in the same place does the same: nothing to evaluate.
    if status == Status::Unchanged {
        return diff;
    }
    diff.findings = findings(old, new);
    diff.documents = documents(old, new, today);
    // A new version that cannot be read is evaluated for nothing: its old findings are not
    // fixed, and nothing can be published from it.
    if let (Some(o), Some(n)) = (old, new)
        && o.plan.is_some()
        && n.plan.is_none()
    {
        diff.findings.fixed.clear();
        let errors: Vec<&Diagnostic> = n
            .findings
            .iter()
            .filter(|d| d.severity == crate::diagnostic::Severity::Error)
            .collect();
        diff.reductions.push(Reduction {
            kind: "unreadable",
            subject: "plan".to_owned(),
            message: format!(
                "the new version cannot be read ({}): nothing can be checked or published from it",
                errors
                    .first()
                    .map_or_else(|| "it is not a plan".to_owned(), |d| d.message.clone())
            ),
            windows: Vec::new(),
            windows_count: 0,
        });
    }
    if let (Some(o), Some(n)) = (old, new)
        && let (Some(a), Some(b)) = (&o.tree, &n.tree)
    {
        diff.changes = tree::changes(a, &o.source, b, &n.source);
    }
    let plans = (old.and_then(|s| s.plan.as_ref()), new.and_then(|s| s.plan.as_ref()));
    if let (Some(a), Some(b)) = plans {
        // Both versions over the same days: the new plan's horizon.
        let days = DateWindow::horizon(b, today);
        diff.from = Some(days.from.to_string());
        diff.to = Some(days.to.to_string());
        // Each version's own timeline where it covers these days, else one over them.
        let (ta, tb) = (over(old, a, days), over(new, b, days));
        let before = Evaluated { plan: a, timeline: &ta };
        let after = Evaluated { plan: b, timeline: &tb };
        coverage(&before, &after, &mut diff);
        promises(&before, &after, &mut diff);
        offered_channels(&before, &after, &mut diff);
        escalation(&before, &after, &mut diff);
        diff.staffing = staffing(&before, &after, today);
    }
    diff
}

/// A version's own timeline where it covers `days`, else one over them.
fn over<'a>(side: Option<&'a Side>, plan: &Plan, days: DateWindow) -> std::borrow::Cow<'a, Timeline> {
    match side.and_then(|s| s.timeline.as_ref()) {
        Some(t) if t.days == days => std::borrow::Cow::Borrowed(t),
        _ => std::borrow::Cow::Owned(Timeline::new(plan, days)),
    }
}

struct Evaluated<'a> {
    plan: &'a Plan,
    timeline: &'a Timeline,
}

/// The entities with the same id in both versions: (old index, new index), in the new
/// version's order. Entities added or removed are the file changes' business.
fn same_ids<T>(before: &[T], after: &[T], id: impl Fn(&T) -> &String) -> Vec<(usize, usize)> {
    after
        .iter()
        .enumerate()
        .filter_map(|(j, b)| before.iter().position(|a| id(a) == id(b)).map(|i| (i, j)))
        .collect()
}

fn minutes(set: &IntervalSet) -> i64 {
    set.total_seconds() / 60
}

fn coverage(before: &Evaluated<'_>, after: &Evaluated<'_>, diff: &mut PlanDiff) {
    for (i, j) in same_ids(&before.plan.profiles, &after.plan.profiles, |x| &x.id.value) {
        let profile = &after.plan.profiles[j];
        let (pa, pb) = (&before.timeline.profiles[i], &after.timeline.profiles[j]);
        let tz = pb.owner.tz;
        let window = pb.window;
        let (live_a, live_b) = (pa.live_in_language.clip(window), pb.live_in_language.clip(window));
        let (reach_a, reach_b) = (pa.reachable.clip(window), pb.reachable.clip(window));
        let lost = live_a.difference(&live_b);
        let gained = live_b.difference(&live_a);
        let gap = |g: &crate::coverage::Gap| Gap {
            start: format_instant(tz, g.interval.start),
            end: format_instant(tz, g.interval.end),
            kind: g.kind.as_str().to_owned(),
        };
        let (gaps_a, gaps_b): (Vec<Gap>, Vec<Gap>) = (
            pa.gaps.iter().filter(|g| !g.intended).map(gap).collect(),
            pb.gaps.iter().filter(|g| !g.intended).map(gap).collect(),
        );
        // The same gaps as intervals, for the summaries by weekday.
        let only = |these: &[crate::coverage::Gap], other: &[Gap]| -> Vec<Interval> {
            these
                .iter()
                .filter(|g| !g.intended && !other.contains(&gap(g)))
                .map(|g| g.interval)
                .collect()
        };
        let (added_at, removed_at) = (only(&pb.gaps, &gaps_a), only(&pa.gaps, &gaps_b));
        let (live_lost, live_lost_count) = bounded(as_json(tz, &lost));
        let (live_gained, live_gained_count) = bounded(as_json(tz, &gained));
        let (gaps_added, gaps_added_count) = bounded(gaps_b.iter().filter(|g| !gaps_a.contains(g)).cloned().collect());
        let (gaps_removed, gaps_removed_count) =
            bounded(gaps_a.iter().filter(|g| !gaps_b.contains(g)).cloned().collect());
        let change = CoverageChange {
            profile: profile.id.value.clone(),
            timezone: tz.name().to_owned(),
            live_minutes: Pair {
                before: minutes(&live_a),
                after: minutes(&live_b),
            },
            reachable_minutes: Pair {
                before: minutes(&reach_a),
                after: minutes(&reach_b),
            },
            live_lost,
            live_lost_count,
            live_gained,
            live_gained_count,
            gaps_added,
            gaps_added_count,
            gaps_removed,
            gaps_removed_count,
            live_lost_text: describe_weekly(tz, lost.intervals()),
            live_gained_text: describe_weekly(tz, gained.intervals()),
            gaps_added_text: describe_weekly(tz, &added_at),
            gaps_removed_text: describe_weekly(tz, &removed_at),
        };
        let subject = format!("profile {}", profile.id.value);
        if !lost.is_empty() {
            diff.reductions.push(Reduction {
                kind: "less-live-help",
                subject: subject.clone(),
                message: format!(
                    "profile `{}` loses {} of live help in its language: {}",
                    profile.id.value,
                    hours(minutes(&lost)),
                    change.live_lost_text
                ),
                windows: change.live_lost.clone(),
                windows_count: change.live_lost_count,
            });
        }
        let unreachable = reach_a.difference(&reach_b);
        if !unreachable.is_empty() {
            diff.reductions.push(Reduction {
                kind: "less-reachable-time",
                subject,
                message: format!(
                    "profile `{}` can reach no channel for {} more: {}",
                    profile.id.value,
                    hours(minutes(&unreachable)),
                    describe_weekly(tz, unreachable.intervals())
                ),
                windows: bounded(as_json(tz, &unreachable)).0,
                windows_count: unreachable.intervals().len(),
            });
        }
        let changed = change.live_minutes.before != change.live_minutes.after
            || change.reachable_minutes.before != change.reachable_minutes.after
            || !change.gaps_added.is_empty()
            || !change.gaps_removed.is_empty();
        if changed {
            diff.coverage.push(change);
        }
    }
}

fn as_json(tz: chrono_tz::Tz, set: &IntervalSet) -> Vec<serde_json::Value> {
    match windows_json(tz, set.intervals()) {
        serde_json::Value::Array(items) => items,
        other => vec![other],
    }
}

/// `90 min`, `8 h`, `2 h 30 min`.
fn hours(minutes: i64) -> String {
    match (minutes / 60, minutes % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A promise's length for comparison: clock and business time in seconds, business days
/// and months as whole days (a longer promise is a weaker one only within one unit).
fn promise_length(d: &Duration) -> (u8, u64) {
    match *d {
        Duration::Clock { seconds, .. } => (0, seconds),
        Duration::BusinessTime { seconds } => (1, seconds),
        Duration::BusinessDays(n) => (2, u64::from(n)),
        Duration::Months(m) => (3, u64::from(m)),
    }
}

fn promises(before: &Evaluated<'_>, after: &Evaluated<'_>, diff: &mut PlanDiff) {
    for (i, j) in same_ids(&before.plan.channels, &after.plan.channels, |x| &x.id.value) {
        let channel = &after.plan.channels[j];
        let old = &before.plan.channels[i];
        let written = |d: Option<&crate::model::Located<Duration>>| d.map(|d| d.value.to_string());
        let response = Pair {
            before: written(old.response.as_ref()),
            after: written(channel.response.as_ref()),
        };
        let wait = |e: &Evaluated<'_>, k: usize| e.timeline.worst_written_wait(k).map(|w| w.minutes());
        let waits = Pair {
            before: wait(before, i).flatten(),
            after: wait(after, j).flatten(),
        };
        let id = &channel.id.value;
        match (&old.response, &channel.response) {
            (Some(a), Some(b)) => {
                let (ka, va) = promise_length(&a.value);
                let (kb, vb) = promise_length(&b.value);
                if ka == kb && vb > va {
                    diff.reductions.push(Reduction {
                        kind: "weaker-promise",
                        subject: format!("channel {id}"),
                        message: format!(
                            "channel `{id}` promises a first response within {} instead of {}",
                            b.value, a.value
                        ),
                        windows: Vec::new(),
                        windows_count: 0,
                    });
                }
            }
            (Some(a), None) => diff.reductions.push(Reduction {
                kind: "weaker-promise",
                subject: format!("channel {id}"),
                message: format!(
                    "channel `{id}` no longer promises a first response (it promised {})",
                    a.value
                ),
                windows: Vec::new(),
                windows_count: 0,
            }),
            _ => {}
        }
        let longer = match (waits.before, waits.after) {
            (Some(a), Some(b)) => b > a,
            // Answered before, never answered now.
            (Some(_), None) => wait(after, j).is_some(),
            _ => false,
        };
        if longer {
            let after_text = waits.after.map_or_else(|| "never answered".to_owned(), hours);
            let before_text = waits.before.map_or_else(|| "never answered".to_owned(), hours);
            diff.reductions.push(Reduction {
                kind: "longer-wait",
                subject: format!("channel {id}"),
                message: format!(
                    "a message to channel `{id}` may wait {after_text} for an answer instead of {before_text}"
                ),
                windows: Vec::new(),
                windows_count: 0,
            });
        }
        if response.before != response.after || waits.before != waits.after {
            diff.promises.push(PromiseChange {
                channel: id.clone(),
                response,
                worst_wait_minutes: waits,
            });
        }
    }
}

/// The languages of its own a profile is served in: each of its languages spoken on a
/// channel offered to it (a team that names no languages serves every language), by
/// primary language (`pt` and `pt-BR` are one language to a reader).
fn served_languages(e: &Evaluated<'_>, profile: usize) -> BTreeSet<String> {
    let p = &e.plan.profiles[profile];
    let offered = &e.timeline.profiles[profile].channels;
    p.languages
        .iter()
        .filter(|l| {
            offered.iter().any(|&c| {
                let spoken: &Vec<LanguageTag> = &e.timeline.channels[c].languages;
                spoken.is_empty() || spoken.iter().any(|s| s.primary() == l.value.primary())
            })
        })
        .map(|l| l.value.primary().to_ascii_lowercase())
        .collect()
}

fn offered_channels(before: &Evaluated<'_>, after: &Evaluated<'_>, diff: &mut PlanDiff) {
    for (i, j) in same_ids(&before.plan.profiles, &after.plan.profiles, |x| &x.id.value) {
        let profile = &after.plan.profiles[j];
        let ids = |e: &Evaluated<'_>, k: usize| -> Vec<String> {
            e.timeline.profiles[k]
                .channels
                .iter()
                .map(|&c| e.plan.channels[c].id.value.clone())
                .collect()
        };
        let (old, new) = (ids(before, i), ids(after, j));
        for gone in old.iter().filter(|c| !new.contains(c)) {
            diff.reductions.push(Reduction {
                kind: "channel-removed",
                subject: format!("profile {}", profile.id.value),
                message: format!("profile `{}` is no longer offered channel `{gone}`", profile.id.value),
                windows: Vec::new(),
                windows_count: 0,
            });
        }
        let (old, new) = (served_languages(before, i), served_languages(after, j));
        for lost in old.difference(&new) {
            diff.reductions.push(Reduction {
                kind: "language-lost",
                subject: format!("profile {}", profile.id.value),
                message: format!(
                    "profile `{}` is no longer served in `{lost}` on any channel offered to it",
                    profile.id.value
                ),
                windows: Vec::new(),
                windows_count: 0,
            });
        }
    }
}

fn escalation(before: &Evaluated<'_>, after: &Evaluated<'_>, diff: &mut PlanDiff) {
    let unreachable = |e: &Evaluated<'_>, path: usize, step: usize| -> Option<(String, i64)> {
        let p = &e.plan.escalation[path];
        let s = p.steps.get(step)?;
        let window = e.timeline.window;
        let open = IntervalSet::union_all(
            p.channels
                .iter()
                .filter_map(|id| e.plan.channels.iter().position(|c| c.id.value == id.value))
                .map(|c| &e.timeline.channels[c].open),
        )
        .clip(window);
        let (target, reachable) = match &s.target {
            StepTarget::Team(id) => (
                format!("team {}", id.value),
                e.plan
                    .teams
                    .iter()
                    .position(|t| t.id.value == id.value)
                    .map(|t| e.timeline.teams[t].on_shift.clone()),
            ),
            StepTarget::Contact(id) => (
                format!("contact {}", id.value),
                e.plan.contacts.iter().position(|c| c.id.value == id.value).map(|c| {
                    e.timeline.contacts[c]
                        .clone()
                        .unwrap_or_else(|| IntervalSet::from_interval(window))
                }),
            ),
        };
        let reachable = reachable.unwrap_or_default();
        Some((target, minutes(&open.difference(&reachable))))
    };
    for (i, j) in same_ids(&before.plan.escalation, &after.plan.escalation, |x| &x.id.value) {
        let path = &after.plan.escalation[j];
        for step in 0..path.steps.len().max(before.plan.escalation[i].steps.len()) {
            let (a, b) = (unreachable(before, i, step), unreachable(after, j, step));
            if a.as_ref().map(|x| x.1) == b.as_ref().map(|x| x.1)
                && a.as_ref().map(|x| &x.0) == b.as_ref().map(|x| &x.0)
            {
                continue;
            }
            let target = b.as_ref().or(a.as_ref()).map(|x| x.0.clone()).unwrap_or_default();
            diff.escalation.push(EscalationChange {
                path: path.id.value.clone(),
                step: step + 1,
                target,
                unreachable_minutes: Pair {
                    before: a.map_or(0, |x| x.1),
                    after: b.map_or(0, |x| x.1),
                },
            });
        }
    }
}

fn staffing(before: &Evaluated<'_>, after: &Evaluated<'_>, today: NaiveDate) -> Vec<StaffingChange> {
    type Slots = BTreeMap<(String, i64), (Interval, chrono_tz::Tz, u32, u32)>;
    let slots = |e: &Evaluated<'_>| -> Slots {
        let mut all = Slots::new();
        for c in crate::staffing::compute(e.plan, e.timeline, today, 30) {
            let id = e.plan.channels[c.channel].id.value.clone();
            for s in &c.slots {
                all.insert(
                    (id.clone(), s.interval.start),
                    (s.interval, c.tz, s.agents_required, s.agents_on_duty),
                );
            }
        }
        all
    };
    let (a, b) = (slots(before), slots(after));
    let keys: BTreeSet<&(String, i64)> = a.keys().chain(b.keys()).collect();
    // Consecutive half hours of a channel with the same change are one row.
    type Row = (String, chrono_tz::Tz, Interval, Pair<Option<u32>>, Pair<Option<u32>>);
    let mut rows: Vec<Row> = Vec::new();
    for key in keys {
        let (x, y) = (a.get(key), b.get(key));
        let required = Pair {
            before: x.map(|s| s.2),
            after: y.map(|s| s.2),
        };
        let on_duty = Pair {
            before: x.map(|s| s.3),
            after: y.map(|s| s.3),
        };
        if required.before == required.after && on_duty.before == on_duty.after {
            continue;
        }
        let Some(&(interval, tz, _, _)) = y.or(x) else { continue };
        match rows.last_mut() {
            Some(last)
                if last.0 == key.0 && last.2.end == interval.start && last.3 == required && last.4 == on_duty =>
            {
                last.2 = Interval::new(last.2.start, interval.end);
            }
            _ => rows.push((key.0.clone(), tz, interval, required, on_duty)),
        }
    }
    rows.into_iter()
        .map(|(channel, tz, interval, required, on_duty)| StaffingChange {
            channel,
            when: describe_weekly(tz, &[interval]),
            required,
            on_duty,
        })
        .collect()
}

fn findings(old: Option<&Side>, new: Option<&Side>) -> FindingChanges {
    let set = |side: Option<&Side>| -> BTreeSet<Finding> {
        side.map(|s| {
            s.findings
                .iter()
                .map(|d| Finding {
                    rule: d.rule.name.to_owned(),
                    severity: d.severity.as_str().to_owned(),
                    path: d.path_text.clone().unwrap_or_else(|| d.path.to_string()),
                    message: d.message.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
    };
    let (a, b) = (set(old), set(new));
    FindingChanges {
        introduced: b.difference(&a).cloned().collect(),
        fixed: a.difference(&b).cloned().collect(),
    }
}

/// The documents of a plan as `plan render` builds them (their contexts), by base name;
/// none when the plan does not load.
fn documents_of(side: Option<&Side>, catalogues: &Catalogues, today: NaiveDate) -> BTreeMap<String, Document> {
    let Some(plan) = side.and_then(|s| s.plan.as_ref()) else {
        return BTreeMap::new();
    };
    let options = crate::render::Options {
        today,
        only: None,
        languages: None,
    };
    let (docs, _) = match side.and_then(|s| s.timeline.as_ref()) {
        Some(timeline) => crate::render::documents_over(plan, timeline, catalogues, &options),
        None => crate::render::documents(plan, catalogues, &options),
    };
    docs.into_iter().map(|d| (d.base.clone(), d)).collect()
}

type Catalogues = BTreeMap<String, crate::render::i18n::Catalogue>;

/// The files `plan render` would write differently. A document whose context is the same in
/// both versions renders the same; the others are rendered in both and their files compared.
fn documents(old: Option<&Side>, new: Option<&Side>, today: NaiveDate) -> DocumentChanges {
    let overrides = crate::render::templates::Overrides::default();
    let (Ok(env), Ok(catalogues)) = (
        crate::render::templates::environment(&overrides),
        crate::render::catalogues(&overrides),
    ) else {
        return DocumentChanges::default();
    };
    let (a, b) = (
        documents_of(old, &catalogues, today),
        documents_of(new, &catalogues, today),
    );
    let files = |d: &Document| -> Vec<String> { d.files().into_iter().map(|(name, _)| name).collect() };
    let mut changes = DocumentChanges::default();
    for (base, doc) in &b {
        match a.get(base) {
            None => changes.added.extend(files(doc)),
            Some(before) if before.context == doc.context => {}
            Some(before) => {
                let (Ok(x), Ok(y)) = (
                    crate::render::render(&env, std::slice::from_ref(before)),
                    crate::render::render(&env, std::slice::from_ref(doc)),
                ) else {
                    changes.changed.extend(files(doc));
                    continue;
                };
                changes
                    .changed
                    .extend(y.iter().filter(|(k, v)| x.get(*k) != Some(*v)).map(|(k, _)| k.clone()));
            }
        }
    }
    for (base, doc) in &a {
        if !b.contains_key(base) {
            changes.removed.extend(files(doc));
        }
    }
    for list in [&mut changes.added, &mut changes.removed, &mut changes.changed] {
        list.sort();
    }
    changes
}
