//! Formatting shared by the document contexts: plan texts in the document's language,
//! names that fall back to ids, times and hours lines, and the weekly hours of an interval
//! set as seen in a zone. Everything here returns text ready to print.

use super::Source;
use super::common::HoursLine;
use super::hours::{DayRanges, day_ranges};
use crate::coverage::Observed;
use crate::model::values::{DayHours, LanguageTag, TimeRange, WeekdaySet};
use crate::model::{Channel, Located, Plan, Schedule, Text};
use crate::render::i18n::Language;
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::local_start;
use chrono::{Datelike, Days, NaiveDate};

/// A text in the document's language, else in any language it has.
pub fn localized(t: &Text, lang: &Language) -> String {
    t.get(&LanguageTag(lang.tag.clone()))
        .unwrap_or_else(|| t.any())
        .to_owned()
}

/// The language of the translation [`localized`] falls back to when a text lacks the
/// document's language, so that a page can mark it (`lang="en"`). `None` when the text
/// has the document's language, and for a plain string, whose language is not known.
pub fn fallback_lang(t: &Text, lang: &Language) -> Option<String> {
    match t {
        Text::Plain(_) => None,
        Text::Translated(items) => {
            if t.get(&LanguageTag(lang.tag.clone())).is_some() {
                return None;
            }
            items.first().map(|(l, _)| l.value.0.clone())
        }
    }
}

/// An optional plan text in the document's language.
pub fn text(t: Option<&Located<Text>>, lang: &Language) -> Option<String> {
    t.map(|t| localized(&t.value, lang))
}

/// An entity's name in the document's language, else its id.
pub fn name_or_id(name: Option<&Located<Text>>, id: &str, lang: &Language) -> String {
    name.map_or_else(|| id.to_owned(), |n| localized(&n.value, lang))
}

/// Ranges of minutes as `08:00–12:00, 13:00–18:00` (`format.time_range`).
pub fn join_ranges(ranges: &[(u16, u16)], lang: &Language) -> String {
    ranges
        .iter()
        .map(|&(s, e)| lang.time_range(s, e))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The times of one day as written: its ranges, or the word for closed.
pub fn ranges(hours: &DayHours, lang: &Language) -> String {
    match hours {
        DayHours::Closed => lang.text("hours.closed"),
        DayHours::Ranges(r) => r
            .iter()
            .map(|TimeRange { start, end }| lang.time_range(*start, *end))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The line of a `24/7` schedule.
fn always_line(lang: &Language) -> HoursLine {
    HoursLine {
        days: lang.text("hours.always"),
        times: lang.time_range(0, 24 * 60),
    }
}

/// A schedule as written, one line per day selector, then holidays and special dates.
pub fn schedule_lines(schedule: &Schedule, lang: &Language) -> Vec<HoursLine> {
    match schedule {
        Schedule::Always => vec![always_line(lang)],
        Schedule::Weekly { days, holidays, dates } => {
            let mut lines: Vec<HoursLine> = days
                .iter()
                .map(|d| HoursLine {
                    days: lang.weekdays(d.days.value),
                    times: ranges(&d.hours.value, lang),
                })
                .collect();
            if let Some(h) = holidays {
                lines.push(HoursLine {
                    days: lang.text("hours.public_holidays"),
                    times: ranges(&h.value, lang),
                });
            }
            for d in dates {
                let when = if d.dates.value.first == d.dates.value.last {
                    lang.date(d.dates.value.first)
                } else {
                    format!("{} – {}", lang.date(d.dates.value.first), lang.date(d.dates.value.last))
                };
                lines.push(HoursLine {
                    days: when,
                    times: ranges(&d.hours.value, lang),
                });
            }
            lines
        }
    }
}

/// The lines of an optional schedule; none when it is not given.
pub fn opt_schedule_lines(schedule: Option<&Located<Schedule>>, lang: &Language) -> Vec<HoursLine> {
    schedule.map_or_else(Vec::new, |s| schedule_lines(&s.value, lang))
}

/// The weekly hours of a set as seen in a zone, one line per group of days with the same
/// hours, over the week beginning `monday`. A range that runs past midnight is shown on the
/// day it starts.
pub fn weekly_lines(set: &IntervalSet, tz: chrono_tz::Tz, monday: NaiveDate, lang: &Language) -> Vec<HoursLine> {
    let week: [Option<DayRanges>; 7] = std::array::from_fn(|d| Some(day_ranges(set, tz, monday + Days::new(d as u64))));
    week_lines(&week, lang)
}

/// The hours of a week, Monday first, as lines: one per group of days with the same hours
/// (a weekday without hours, or missing from the week, is left out). A range that ends at
/// midnight and the next day's range from midnight are one range, shown on the day it
/// starts.
pub fn week_lines(week: &[Option<DayRanges>; 7], lang: &Language) -> Vec<HoursLine> {
    let mut days: Vec<DayRanges> = week.iter().map(|d| d.clone().unwrap_or_default()).collect();
    for d in 0..6 {
        let next = d + 1;
        if let (Some(&(s, 1440)), Some(&(0, e))) = (days[d].last(), days[next].first())
            && e < 1440
        {
            let last = days[d].len() - 1;
            days[d][last] = (s, e);
            days[next].remove(0);
        }
    }
    let mut lines: Vec<(WeekdaySet, String)> = Vec::new();
    for (d, r) in days.iter().enumerate() {
        if r.is_empty() {
            continue;
        }
        let text = join_ranges(r, lang);
        match lines.iter_mut().find(|(_, t)| *t == text) {
            Some((set, _)) => *set = set.union(WeekdaySet::single(d)),
            None => lines.push((WeekdaySet::single(d), text)),
        }
    }
    if lines.len() == 1 && lines[0].0 == WeekdaySet::ALL && lines[0].1 == lang.time_range(0, 24 * 60) {
        return vec![always_line(lang)];
    }
    lines
        .into_iter()
        .map(|(set, times)| HoursLine {
            days: lang.weekdays(set),
            times,
        })
        .collect()
}

/// The Monday on or after a date.
pub fn monday_from(date: NaiveDate) -> NaiveDate {
    let back = date.weekday().num_days_from_monday();
    if back == 0 {
        date
    } else {
        date + Days::new(u64::from(7 - back))
    }
}

/// When a team has somebody on shift in its regular week (no public holidays, no `dates:`
/// entries), as lines: its shifts merged, in its own zone.
pub fn team_week(src: &Source<'_>, team: &crate::model::Team, lang: &Language) -> Vec<HoursLine> {
    let plan = src.plan;
    let Some(i) = plan.teams.iter().position(|t| t.id.value == team.id.value) else {
        return Vec::new();
    };
    let tz = src.timeline.teams[i].owner.tz;
    let monday = monday_from(src.today);
    let window = Interval {
        start: local_start(tz, monday, 0) - 2 * 86_400,
        end: local_start(tz, monday + Days::new(7), 0) + 2 * 86_400,
    };
    let week = src.timeline.team_on_shift(plan, i, window, Observed::Regular);
    weekly_lines(&week, tz, monday, lang)
}

/// A channel's name in the document's language, else its id.
pub fn channel_name(c: &Channel, lang: &Language) -> String {
    c.name
        .as_ref()
        .map_or_else(|| c.id.value.clone(), |n| localized(&n.value, lang))
}

/// A channel's name as customers see it: its name in the document's language, else the
/// name of its kind (`E-mail`), never its id.
pub fn customer_channel_name(c: &Channel, lang: &Language) -> String {
    c.name.as_ref().map_or_else(
        || lang.text(&format!("channel.kind.{}", c.kind.value.as_str())),
        |n| localized(&n.value, lang),
    )
}

/// The name of the channel with this id, else the id.
pub fn channel_name_by_id(plan: &Plan, id: &str, lang: &Language) -> String {
    plan.channels
        .iter()
        .find(|c| c.id.value == id)
        .map_or_else(|| id.to_owned(), |c| channel_name(c, lang))
}

/// The plan's default zone.
pub fn plan_zone(plan: &Plan) -> String {
    plan.meta.timezone.as_ref().map_or("UTC", |z| z.value.name()).to_owned()
}

/// A team's name in the document's language, else its id.
pub fn team_name(plan: &Plan, id: &str, lang: &Language) -> String {
    plan.teams
        .iter()
        .find(|t| t.id.value == id)
        .and_then(|t| t.name.as_ref())
        .map_or_else(|| id.to_owned(), |n| localized(&n.value, lang))
}

/// A contact's or a team's name, else the id.
pub fn party_name(plan: &Plan, id: &str, lang: &Language) -> String {
    match plan.contacts.iter().find(|c| c.id.value == id) {
        Some(c) => name_or_id(c.name.as_ref(), id, lang),
        None => team_name(plan, id, lang),
    }
}

/// The plan's currency code, the default for amounts.
pub fn currency(plan: &Plan) -> Option<String> {
    plan.meta.currency.as_ref().map(|c| c.value.code().to_owned())
}
