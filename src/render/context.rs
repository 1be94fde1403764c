//! The data each template receives, built from the validated plan and its timeline, with
//! every value already formatted in the document's language. The customer FAQ's context is
//! built by its own functions from the parts of the plan customers may see: contacts,
//! authority limits, shifts and teams never enter it, so no template can leak them.

use super::i18n::Language;
use crate::coverage::grid::day_cells;
use crate::coverage::{DateWindow, Owner, Timeline};
use crate::model::values::{DayHours, LanguageTag, TimeRange};
use crate::model::{Channel, Plan, Schedule, StepTarget, Text};
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::{HolidayDefault, local_date, local_datetime, local_start};
use chrono::{Datelike, Days, NaiveDate, Timelike};
use serde_json::{Value, json};

/// Everything the contexts are built from.
pub struct Source<'a> {
    pub plan: &'a Plan,
    pub timeline: &'a Timeline,
    pub today: NaiveDate,
}

fn text(t: Option<&crate::model::Located<Text>>, lang: &Language) -> Value {
    match t {
        Some(t) => Value::from(localized(&t.value, lang)),
        None => Value::Null,
    }
}

/// A text in the document's language, else in any language it has.
pub fn localized(t: &Text, lang: &Language) -> String {
    t.get(&LanguageTag(lang.tag.clone()))
        .unwrap_or_else(|| t.any())
        .to_owned()
}

/// An entity's name in the document's language, else its id.
fn name_or_id(name: Option<&crate::model::Located<Text>>, id: &str, lang: &Language) -> String {
    name.map_or_else(|| id.to_owned(), |n| localized(&n.value, lang))
}

fn time(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

fn ranges(hours: &DayHours, lang: &Language) -> String {
    match hours {
        DayHours::Closed => lang.text("hours.closed"),
        DayHours::Ranges(r) => r
            .iter()
            .map(|TimeRange { start, end }| format!("{}–{}", time(*start), time(*end)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// A schedule as written, one line per day selector, then holidays and special dates.
pub fn schedule_lines(schedule: &Schedule, lang: &Language) -> Value {
    match schedule {
        Schedule::Always => json!([{ "days": lang.text("hours.always"), "times": "00:00–24:00" }]),
        Schedule::Weekly { days, holidays, dates } => {
            let mut lines: Vec<Value> = days
                .iter()
                .map(|d| json!({ "days": lang.weekdays(d.days.value), "times": ranges(&d.hours.value, lang) }))
                .collect();
            if let Some(h) = holidays {
                lines.push(json!({ "days": lang.text("hours.public_holidays"), "times": ranges(&h.value, lang) }));
            }
            for d in dates {
                let when = if d.dates.value.first == d.dates.value.last {
                    lang.date(d.dates.value.first)
                } else {
                    format!("{} – {}", lang.date(d.dates.value.first), lang.date(d.dates.value.last))
                };
                lines.push(json!({ "days": when, "times": ranges(&d.hours.value, lang) }));
            }
            Value::Array(lines)
        }
    }
}

fn opt_schedule_lines(schedule: Option<&crate::model::Located<Schedule>>, lang: &Language) -> Value {
    schedule.map_or_else(|| json!([]), |s| schedule_lines(&s.value, lang))
}

/// Local ranges of one day of a set, in minutes: pieces are clipped at midnight.
fn day_ranges(set: &IntervalSet, owner_tz: chrono_tz::Tz, date: NaiveDate) -> Vec<(u16, u16)> {
    let day = Interval {
        start: local_start(owner_tz, date, 0),
        end: local_start(owner_tz, date.succ_opt().unwrap_or(date), 0),
    };
    set.clip(day)
        .intervals()
        .iter()
        .map(|i| {
            let minute_of = |t| {
                let dt = local_datetime(owner_tz, t);
                (dt.hour() * 60 + dt.minute()) as u16
            };
            let end = if i.end >= day.end { 24 * 60 } else { minute_of(i.end) };
            (minute_of(i.start), end)
        })
        .collect()
}

/// The weekly hours of a set as seen in a zone, one line per group of days with the same
/// hours, over the week beginning `monday`. A range that runs past midnight is shown on the
/// day it starts.
fn weekly_lines(set: &IntervalSet, tz: chrono_tz::Tz, monday: NaiveDate, lang: &Language) -> Value {
    let mut days: Vec<Vec<(u16, u16)>> = (0..7).map(|d| day_ranges(set, tz, monday + Days::new(d))).collect();
    // Join a range ending at midnight with the next day's range starting at midnight.
    for d in 0..7 {
        let next = (d + 1) % 7;
        if d == 6 {
            break;
        }
        if let (Some(&(s, 1440)), Some(&(0, e))) = (days[d].last(), days[next].first())
            && e < 1440
        {
            let last = days[d].len() - 1;
            days[d][last] = (s, e);
            days[next].remove(0);
        }
    }
    let mut lines: Vec<(crate::model::values::WeekdaySet, String)> = Vec::new();
    for (d, r) in days.iter().enumerate() {
        if r.is_empty() {
            continue;
        }
        let text = r
            .iter()
            .map(|(s, e)| format!("{}–{}", time(*s), time(*e)))
            .collect::<Vec<_>>()
            .join(", ");
        match lines.iter_mut().find(|(_, t)| *t == text) {
            Some((set, _)) => *set = set.union(crate::model::values::WeekdaySet::single(d)),
            None => lines.push((crate::model::values::WeekdaySet::single(d), text)),
        }
    }
    if lines.len() == 1 && lines[0].0 == crate::model::values::WeekdaySet::ALL && lines[0].1 == "00:00–24:00" {
        return json!([{ "days": lang.text("hours.always"), "times": "00:00–24:00" }]);
    }
    lines
        .into_iter()
        .map(|(set, times)| json!({ "days": lang.weekdays(set), "times": times }))
        .collect()
}

/// The Monday on or after a date.
fn monday_from(date: NaiveDate) -> NaiveDate {
    let back = date.weekday().num_days_from_monday();
    if back == 0 {
        date
    } else {
        date + Days::new(u64::from(7 - back))
    }
}

/// An owner without public holidays in `tz`, and the week from `monday` with two days
/// either side (ranges past midnight and zone differences reach into them).
fn ordinary_week(tz: chrono_tz::Tz, monday: NaiveDate) -> (Owner, Interval) {
    let owner = Owner {
        tz,
        holidays: crate::time::holidays::HolidaySet::empty(),
    };
    let window = Interval {
        start: local_start(tz, monday, 0) - 2 * 86_400,
        end: local_start(tz, monday + Days::new(7), 0) + 2 * 86_400,
    };
    (owner, window)
}

/// When a team has somebody on shift in an ordinary week, as lines: its shifts merged.
fn team_week(plan: &Plan, src: &Source<'_>, team: &crate::model::Team, lang: &Language) -> Value {
    let Some(i) = plan.teams.iter().position(|t| t.id.value == team.id.value) else {
        return json!([]);
    };
    let tz = src.timeline.teams[i].owner.tz;
    let monday = monday_from(src.today);
    let (owner, window) = ordinary_week(tz, monday);
    let week = team
        .shifts
        .iter()
        .filter(|s| s.agents.value > 0)
        .fold(IntervalSet::new(), |acc, s| {
            acc.union(&owner.evaluate(&s.hours.value, HolidayDefault::Closed, window))
        });
    weekly_lines(&week, tz, monday, lang)
}

/// A channel's open hours in an ordinary week (no public holidays), as a set.
fn typical_week(plan: &Plan, timeline: &Timeline, ci: usize, monday: NaiveDate) -> IntervalSet {
    let channel = &plan.channels[ci];
    let times = &timeline.channels[ci];
    let (owner, window) = ordinary_week(times.owner.tz, monday);
    match (&channel.hours, times.team) {
        (Some(h), _) => owner.evaluate(&h.value, HolidayDefault::Closed, window),
        (None, Some(t)) => plan.teams[t]
            .shifts
            .iter()
            .filter(|s| s.agents.value > 0)
            .fold(IntervalSet::new(), |acc, s| {
                acc.union(&owner.evaluate(&s.hours.value, HolidayDefault::Closed, window))
            }),
        (None, None) => IntervalSet::new(),
    }
}

fn channel_name(c: &Channel, lang: &Language) -> String {
    c.name
        .as_ref()
        .map_or_else(|| c.id.value.clone(), |n| localized(&n.value, lang))
}

fn contact_json(plan: &Plan, id: &str, lang: &Language) -> Value {
    let Some(c) = plan.contacts.iter().find(|c| c.id.value == id) else {
        return Value::Null;
    };
    json!({
        "id": c.id.value,
        "name": c.name.as_ref().map_or(c.id.value.as_str(), |n| n.value.as_str()),
        "role": text(c.role.as_ref(), lang),
        "phone": c.phone.as_ref().map(|p| p.value.clone()),
        "email": c.email.as_ref().map(|e| e.value.clone()),
        "hours": opt_schedule_lines(c.hours.as_ref(), lang),
        "timezone": c.timezone.as_ref().map_or_else(|| plan_zone(plan), |z| z.value.name().to_owned()),
    })
}

fn plan_zone(plan: &Plan) -> String {
    plan.meta.timezone.as_ref().map_or("UTC", |z| z.value.name()).to_owned()
}

fn team_name(plan: &Plan, id: &str, lang: &Language) -> String {
    plan.teams
        .iter()
        .find(|t| t.id.value == id)
        .and_then(|t| t.name.as_ref())
        .map_or_else(|| id.to_owned(), |n| localized(&n.value, lang))
}

fn party_name(plan: &Plan, id: &str, lang: &Language) -> String {
    match plan.contacts.iter().find(|c| c.id.value == id) {
        Some(c) => c.name.as_ref().map_or_else(|| id.to_owned(), |n| n.value.clone()),
        None => team_name(plan, id, lang),
    }
}

fn currency(plan: &Plan) -> Option<String> {
    plan.meta.currency.as_ref().map(|c| c.value.code().to_owned())
}

fn after_sales(plan: &Plan, lang: &Language) -> Value {
    let Some(a) = &plan.after_sales else { return Value::Null };
    let cur = currency(plan);
    json!({
        "warranty": a.warranty.as_ref().map(|w| lang.duration(&w.value)),
        "installation": a.installation.as_ref().map(|i| json!({
            "offered": i.offered.value,
            "price": i.price.as_ref().map(|p| lang.amount(&p.value, cur.as_deref())),
            "condition": text(i.condition.as_ref(), lang),
        })),
        "technical_support": a.technical_support.iter().filter_map(|id| plan.channels.iter().find(|c| c.id.value == id.value)).map(|c| channel_name(c, lang)).collect::<Vec<_>>(),
        "returns": a.returns.as_ref().map(|r| json!({
            "within": r.within.as_ref().map(|w| lang.duration(&w.value)),
            "condition": text(r.condition.as_ref(), lang),
        })),
    })
}

/// What every document receives.
pub fn common(lang: &Language, today: NaiveDate, documents: &Value) -> serde_json::Map<String, Value> {
    let mut map = serde_json::Map::new();
    map.insert("lang".into(), Value::from(lang.tag.clone()));
    map.insert("t".into(), serde_json::to_value(&lang.strings).unwrap_or(Value::Null));
    map.insert(
        "generated".into(),
        json!({ "today": today.to_string(), "today_text": lang.date(today) }),
    );
    map.insert("documents".into(), documents.clone());
    map
}

/// The staff handbook's context.
pub fn handbook(src: &Source<'_>, lang: &Language, documents: &Value) -> Value {
    let plan = src.plan;
    let cur = currency(plan);
    let mut map = common(lang, src.today, documents);
    let review = plan.meta.review.as_ref().map(|r| {
        let next = match (&r.last, &r.every) {
            (Some(l), Some(e)) => crate::rules::people::due_date(l.value, &e.value),
            _ => None,
        };
        json!({
            "last_text": r.last.as_ref().map(|l| lang.date(l.value)),
            "every_text": r.every.as_ref().map(|e| lang.duration(&e.value)),
            "next_text": next.map(|n| lang.date(n)),
            "overdue": next.is_some_and(|n| n < src.today),
        })
    });
    map.insert(
        "plan".into(),
        json!({
            "name": text(plan.meta.name.as_ref(), lang),
            "company": text(plan.meta.company.as_ref(), lang),
            "owner": plan.meta.owner.as_ref().map_or(Value::Null, |o| contact_json(plan, &o.value, lang)),
            "timezone": plan_zone(plan),
            "holidays": plan.meta.holidays.as_ref().and_then(|h| h.calendar.as_ref()).map(|c| c.value.to_string()),
            "currency": cur,
            "languages": plan.meta.languages.iter().map(|l| l.value.0.clone()).collect::<Vec<_>>(),
            "review": review,
            "horizon_days": src.timeline.days.len(),
        }),
    );
    map.insert(
        "contacts".into(),
        plan.contacts
            .iter()
            .map(|c| contact_json(plan, &c.id.value, lang))
            .collect(),
    );
    map.insert(
        "teams".into(),
        plan.teams
            .iter()
            .enumerate()
            .map(|(i, t)| {
                json!({
                    "id": t.id.value,
                    "name": team_name(plan, &t.id.value, lang),
                    "description": text(t.description.as_ref(), lang),
                    "lead": t.lead.as_ref().map_or(Value::Null, |l| contact_json(plan, &l.value, lang)),
                    "languages": t.languages.iter().map(|l| lang.language_name(l.value.primary())).collect::<Vec<_>>(),
                    "skills": t.skills.iter().map(|s| s.value.clone()).collect::<Vec<_>>(),
                    "timezone": src.timeline.teams[i].owner.tz.name(),
                    "agents_max": t.shifts.iter().map(|s| s.agents.value).max().unwrap_or(0),
                    "shifts": t.shifts.iter().map(|s| json!({
                        "name": text(s.name.as_ref(), lang),
                        "agents": s.agents.value,
                        "hours": schedule_lines(&s.hours.value, lang),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect(),
    );
    map.insert(
        "channels".into(),
        plan.channels
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let times = &src.timeline.channels[i];
                let hours = match (&c.hours, times.team) {
                    (Some(h), _) => schedule_lines(&h.value, lang),
                    (None, Some(_)) => {
                        let monday = monday_from(src.today);
                        weekly_lines(
                            &typical_week(plan, src.timeline, i, monday),
                            times.owner.tz,
                            monday,
                            lang,
                        )
                    }
                    (None, None) => json!([]),
                };
                json!({
                    "id": c.id.value,
                    "kind": c.kind.value.as_str(),
                    "live": c.kind.value.is_live(),
                    "name": channel_name(c, lang),
                    "description": text(c.description.as_ref(), lang),
                    "address": c.address.as_ref().map(|a| a.value.clone()),
                    "toll_free": c.toll_free.as_ref().is_some_and(|t| t.value),
                    "team": c.team.as_ref().map(|t| team_name(plan, &t.value, lang)),
                    "hours": hours,
                    "response": c.response.as_ref().map(|r| lang.duration(&r.value)),
                    "timezone": times.owner.tz.name(),
                })
            })
            .collect(),
    );
    map.insert(
        "escalation".into(),
        plan.escalation
            .iter()
            .map(|p| {
                json!({
                    "id": p.id.value,
                    "name": name_or_id(p.name.as_ref(), &p.id.value, lang),
                    "description": text(p.description.as_ref(), lang),
                    "channels": p.channels.iter().filter_map(|id| plan.channels.iter().find(|c| c.id.value == id.value)).map(|c| channel_name(c, lang)).collect::<Vec<_>>(),
                    "steps": p.steps.iter().enumerate().map(|(k, s)| {
                        let after = s.after.as_ref().map(|a| lang.duration(&a.value));
                        match &s.target {
                            StepTarget::Team(id) => {
                                let team = plan.teams.iter().find(|t| t.id.value == id.value);
                                json!({
                                    "number": k + 1, "after": after, "kind": "team",
                                    "name": team_name(plan, &id.value, lang), "role": Value::Null,
                                    "phone": Value::Null, "email": Value::Null,
                                    "hours": team.map_or(json!([]), |t| team_week(plan, src, t, lang)),
                                })
                            }
                            StepTarget::Contact(id) => {
                                let c = contact_json(plan, &id.value, lang);
                                json!({
                                    "number": k + 1, "after": after, "kind": "contact",
                                    "name": c.get("name").cloned().unwrap_or_else(|| Value::from(id.value.clone())),
                                    "role": c.get("role").cloned().unwrap_or(Value::Null),
                                    "phone": c.get("phone").cloned().unwrap_or(Value::Null),
                                    "email": c.get("email").cloned().unwrap_or(Value::Null),
                                    "hours": c.get("hours").cloned().unwrap_or_else(|| json!([])),
                                })
                            }
                        }
                    }).collect::<Vec<_>>(),
                })
            })
            .collect(),
    );
    map.insert(
        "complaints".into(),
        plan.complaints
            .iter()
            .map(|c| {
                json!({
                    "id": c.id.value,
                    "name": name_or_id(c.name.as_ref(), &c.id.value, lang),
                    "description": text(c.description.as_ref(), lang),
                    "escalation": c.escalation.as_ref().map(|e| plan.escalation.iter().find(|p| p.id.value == e.value).and_then(|p| p.name.as_ref()).map_or_else(|| e.value.clone(), |n| localized(&n.value, lang))),
                    "resolve_within": c.resolve_within.as_ref().map(|r| lang.duration(&r.value)),
                    "remedies": c.remedies.iter().map(|r| json!({
                        "kind": r.kind.value.as_str(),
                        "value": r.value.as_ref().map(|v| lang.amount(&v.value, cur.as_deref())),
                        "approver": r.approver.as_ref().map(|a| party_name(plan, &a.value, lang)),
                        "description": text(r.description.as_ref(), lang),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect(),
    );
    map.insert(
        "authority".into(),
        plan.authority
            .iter()
            .map(|a| {
                let kind = if plan.contacts.iter().any(|c| c.id.value == a.who.value) { "contact" } else { "team" };
                json!({ "who": party_name(plan, &a.who.value, lang), "kind": kind, "limit": lang.amount(&a.limit.value, cur.as_deref()) })
            })
            .collect(),
    );
    map.insert(
        "training".into(),
        plan.training
            .iter()
            .map(|t| {
                let next = match (&t.last, &t.every) {
                    (Some(l), Some(e)) => crate::rules::people::due_date(l.value, &e.value),
                    _ => None,
                };
                json!({
                    "id": t.id.value,
                    "name": name_or_id(t.name.as_ref(), &t.id.value, lang),
                    "topics": t.topics.iter().map(|s| s.value.clone()).collect::<Vec<_>>(),
                    "for": t.teams.iter().map(|id| team_name(plan, &id.value, lang)).collect::<Vec<_>>(),
                    "every": t.every.as_ref().map(|e| lang.duration(&e.value)),
                    "last_text": t.last.as_ref().map(|l| lang.date(l.value)),
                    "next_text": next.map(|n| lang.date(n)),
                    "overdue": next.is_some_and(|n| n < src.today),
                })
            })
            .collect(),
    );
    map.insert("after_sales".into(), after_sales(plan, lang));
    map.insert(
        "feedback".into(),
        plan.feedback
            .iter()
            .map(|f| {
                json!({
                    "id": f.id.value,
                    "name": name_or_id(f.name.as_ref(), &f.id.value, lang),
                    "kind": f.kind.value.as_str(),
                    "via": f.via.as_ref().map(|v| plan.channels.iter().find(|c| c.id.value == v.value).map_or_else(|| v.value.clone(), |c| channel_name(c, lang))),
                    "when": f.when.as_ref().map(|w| w.value.clone()),
                })
            })
            .collect(),
    );
    map.insert(
        "metrics".into(),
        plan.metrics
            .iter()
            .map(|m| {
                json!({
                    "id": m.id.value,
                    "name": name_or_id(m.name.as_ref(), &m.id.value, lang),
                    "target": m.target.as_ref().map(|t| t.value.to_string()),
                    "source": m.source.as_ref().map(|s| plan.feedback.iter().find(|f| f.id.value == s.value).and_then(|f| f.name.as_ref()).map_or_else(|| s.value.clone(), |n| localized(&n.value, lang))),
                    "channel": m.channel.as_ref().map(|c| plan.channels.iter().find(|x| x.id.value == c.value).map_or_else(|| c.value.clone(), |x| channel_name(x, lang))),
                })
            })
            .collect(),
    );
    map.insert("coverage".into(), coverage(src, lang));
    map.insert("staffing".into(), staffing(src, lang));
    let days = src.timeline.days;
    map.insert(
        "holidays".into(),
        src.timeline
            .plan_owner
            .holidays
            .between(days.from, days.to)
            .map(|h| json!({ "date_text": lang.date(h.date), "name": h.name }))
            .collect(),
    );
    Value::Object(map)
}

/// The staffing table of each channel with a forecast (an ordinary week), or null.
fn staffing(src: &Source<'_>, lang: &Language) -> Value {
    let all = crate::staffing::compute(src.plan, src.timeline, src.today, 30);
    if all.is_empty() {
        return Value::Null;
    }
    let percent = |x: f64| {
        lang.text("format.percent")
            .replace("{n}", &lang.decimal((x * 100.0).round(), 0))
    };
    all.iter()
        .map(|c| {
            let forecast = &src.plan.staffing[c.forecast];
            let rows: Vec<Value> = crate::staffing::merged(&c.slots)
                .into_iter()
                .map(|(start, end, s)| {
                    let (a, b) = (local_datetime(c.tz, start), local_datetime(c.tz, end));
                    let until = if b.date_naive() != a.date_naive() && b.hour() == 0 && b.minute() == 0 {
                        "24:00".to_owned()
                    } else {
                        format!("{:02}:{:02}", b.hour(), b.minute())
                    };
                    json!({
                        "when": format!("{} {:02}:{:02}–{until}", lang.weekday_short(a.weekday()), a.hour(), a.minute()),
                        "volume": lang.decimal(s.volume_per_hour, 1),
                        "required": s.agents_required,
                        "scheduled": s.agents_scheduled,
                        "on_duty": s.agents_on_duty,
                        "service_level": percent(s.service_level),
                        "short": s.agents_available < s.team_required,
                    })
                })
                .collect();
            json!({
                "channel": channel_name(&src.plan.channels[c.channel], lang),
                "target": format!("{} / {}", percent(c.target_share), lang.duration(&crate::model::values::Duration::Clock { seconds: c.target_seconds as u64, calendar: false })),
                "shrinkage": percent(forecast.shrinkage.as_ref().map_or(0.0, |s| s.value / 100.0)),
                "timezone": c.tz.name(),
                "rows": rows,
            })
        })
        .collect()
}

/// The week from today, hour by hour, for every profile.
fn coverage(src: &Source<'_>, lang: &Language) -> Value {
    let week = DateWindow::span(src.today, 7);
    let profiles: Vec<Value> = src
        .plan
        .profiles
        .iter()
        .zip(&src.timeline.profiles)
        .map(|(profile, times)| {
            let tz = times.owner.tz;
            let rows: Vec<Value> = (0..7)
                .map(|d| {
                    let date = week.from + Days::new(d);
                    let cells: Vec<&str> = day_cells(times, date).iter().map(|c| c.map_or("none", |c| c.as_str())).collect();
                    json!({ "day": format!("{} {}", lang.weekday_short(date.weekday()), lang.date_short(date)), "cells": cells })
                })
                .collect();
            let week_span = week.in_zone(tz);
            let gaps: Vec<String> = times
                .gaps
                .iter()
                .filter(|g| !g.intended && g.interval.start < week_span.end && week_span.start < g.interval.end)
                .map(|g| {
                    let (s, e) = (local_datetime(tz, g.interval.start), local_datetime(tz, g.interval.end));
                    format!(
                        "{} {} {:02}:{:02}–{:02}:{:02}",
                        lang.weekday_short(s.weekday()),
                        lang.date_short(s.date_naive()),
                        s.hour(),
                        s.minute(),
                        e.hour(),
                        e.minute()
                    )
                })
                .collect();
            json!({
                "id": profile.id.value,
                "name": name_or_id(profile.name.as_ref(), &profile.id.value, lang),
                "timezone": tz.name(),
                "rows": rows,
                "gaps": gaps,
            })
        })
        .collect();
    json!({ "from_text": lang.date(src.today), "days": 7, "profiles": profiles })
}

/// The customer FAQ's context for one profile. Built only from what customers may see.
pub fn faq(src: &Source<'_>, profile_index: usize, lang: &Language, documents: &Value) -> Value {
    let plan = src.plan;
    let profile = &plan.profiles[profile_index];
    let times = &src.timeline.profiles[profile_index];
    let tz = times.owner.tz;
    let mut map = common(lang, src.today, documents);
    map.insert("company".into(), text(plan.meta.company.as_ref(), lang));
    map.insert(
        "plan_name".into(),
        plan.meta
            .name
            .as_ref()
            .map_or_else(|| Value::from(""), |n| Value::from(localized(&n.value, lang))),
    );
    map.insert(
        "profile".into(),
        json!({
            "id": profile.id.value,
            "name": name_or_id(profile.name.as_ref(), &profile.id.value, lang),
            "description": text(profile.description.as_ref(), lang),
            "timezone": tz.name(),
        }),
    );
    let monday = monday_from(src.today);
    let typical: Vec<(usize, IntervalSet)> = times
        .channels
        .iter()
        .map(|&ci| (ci, typical_week(plan, src.timeline, ci, monday)))
        .collect();
    map.insert(
        "channels".into(),
        typical
            .iter()
            .map(|(ci, week)| {
                let c = &plan.channels[*ci];
                let live = c.kind.value.is_live();
                let hours = if live || src.timeline.channels[*ci].hours_known {
                    weekly_lines(week, tz, monday, lang)
                } else {
                    json!([])
                };
                json!({
                    "kind": c.kind.value.as_str(),
                    "live": live,
                    "name": channel_name(c, lang),
                    "description": text(c.description.as_ref(), lang),
                    "address": c.address.as_ref().map(|a| a.value.clone()),
                    "toll_free": c.toll_free.as_ref().is_some_and(|t| t.value),
                    "hours": hours,
                    "any_time": !live,
                    "response": c.response.as_ref().map(|r| lang.duration(&r.value)),
                })
            })
            .collect(),
    );
    map.insert("closures".into(), closures(src, profile_index, &typical, lang));
    map.insert(
        "self_help".into(),
        json!({
            "faq": plan.self_help.faq.iter().map(|f| json!({
                "question": localized(&f.question.value, lang),
                "answer": localized(&f.answer.value, lang),
            })).collect::<Vec<_>>(),
            "guides": plan.self_help.guides.iter().map(|g| json!({
                "id": g.id.value,
                "title": localized(&g.title.value, lang),
                "steps": g.steps.iter().map(|s| localized(&s.value, lang)).collect::<Vec<_>>(),
                "url": g.url.as_ref().map(|u| u.value.clone()),
            })).collect::<Vec<_>>(),
        }),
    );
    map.insert(
        "complaints".into(),
        plan.complaints
            .iter()
            .map(|c| {
                let mut kinds: Vec<&str> = c.remedies.iter().map(|r| r.kind.value.as_str()).collect();
                kinds.dedup();
                json!({
                    "name": name_or_id(c.name.as_ref(), &c.id.value, lang),
                    "description": text(c.description.as_ref(), lang),
                    "resolve_within": c.resolve_within.as_ref().map(|r| lang.duration(&r.value)),
                    "remedies": kinds,
                })
            })
            .collect(),
    );
    map.insert("after_sales".into(), after_sales(plan, lang));
    map.insert(
        "feedback".into(),
        plan.feedback
            .iter()
            .map(|f| {
                json!({
                    "kind": f.kind.value.as_str(),
                    "name": name_or_id(f.name.as_ref(), &f.id.value, lang),
                })
            })
            .collect(),
    );
    map.insert(
        "json_ld".into(),
        Value::from(super::jsonld::faq_script(src, profile_index, lang)),
    );
    Value::Object(map)
}

/// Upcoming days in the horizon on which an offered live channel keeps other hours than in
/// an ordinary week: public holidays of its calendar and special dates.
fn closures(src: &Source<'_>, profile_index: usize, typical: &[(usize, IntervalSet)], lang: &Language) -> Value {
    let plan = src.plan;
    let tz = src.timeline.profiles[profile_index].owner.tz;
    let mut out = Vec::new();
    for date in candidate_dates(src, typical) {
        let mut closed = Vec::new();
        let mut changed = Vec::new();
        let mut name: Option<String> = None;
        for (ci, week) in typical {
            let times = &src.timeline.channels[*ci];
            if !times.live {
                continue;
            }
            // The same weekday in the typical week.
            let same_day = monday_from(src.today) + Days::new(u64::from(date.weekday().num_days_from_monday()));
            let usual = day_ranges(week, tz, same_day);
            let actual = day_ranges(&times.open, tz, date);
            if usual == actual {
                continue;
            }
            if name.is_none() {
                let owner_date = local_date(times.owner.tz, local_start(tz, date, 12 * 60));
                name = times.owner.holidays.get(owner_date).map(|h| h.name.clone());
            }
            let channel = channel_name(&plan.channels[*ci], lang);
            if actual.is_empty() {
                closed.push(channel);
            } else {
                let hours = actual
                    .iter()
                    .map(|(s, e)| format!("{}–{}", time(*s), time(*e)))
                    .collect::<Vec<_>>()
                    .join(", ");
                changed.push(json!({ "channel": channel, "hours": [{ "days": lang.weekday_short(date.weekday()), "times": hours }] }));
            }
        }
        if !closed.is_empty() || !changed.is_empty() {
            out.push(json!({
                "date_text": lang.date(date),
                "name": name.unwrap_or_else(|| lang.text("faq.special_hours")),
                "closed": closed,
                "changed": changed,
            }));
        }
    }
    Value::Array(out)
}

/// The days in the horizon on which a channel may keep other hours than in an ordinary
/// week: its owner's public holidays and the `dates:` of its hours or its team's shifts,
/// each with the days either side (the customers' zone may put them on another date).
/// Looking only at these keeps the FAQ cheap for long horizons.
fn candidate_dates(src: &Source<'_>, typical: &[(usize, IntervalSet)]) -> std::collections::BTreeSet<NaiveDate> {
    let days = src.timeline.days;
    let mut dates = std::collections::BTreeSet::new();
    let mut add = |d: NaiveDate| {
        for candidate in [d.pred_opt(), Some(d), d.succ_opt()].into_iter().flatten() {
            if days.from <= candidate && candidate < days.to {
                dates.insert(candidate);
            }
        }
    };
    for (ci, _) in typical {
        let times = &src.timeline.channels[*ci];
        let start = days.from.pred_opt().unwrap_or(days.from);
        for h in times
            .owner
            .holidays
            .between(start, days.to.succ_opt().unwrap_or(days.to))
        {
            add(h.date);
        }
        let channel = &src.plan.channels[*ci];
        let team_shifts = times.team.map(|t| {
            src.plan.teams[t]
                .shifts
                .iter()
                .map(|s| &s.hours.value)
                .collect::<Vec<_>>()
        });
        let schedules = channel
            .hours
            .iter()
            .map(|h| &h.value)
            .chain(team_shifts.into_iter().flatten());
        for schedule in schedules {
            if let Schedule::Weekly { dates: special, .. } = schedule {
                for rule in special {
                    let mut d = rule.dates.value.first.max(days.from.pred_opt().unwrap_or(days.from));
                    while d <= rule.dates.value.last && d < days.to {
                        add(d);
                        let Some(next) = d.succ_opt() else { break };
                        d = next;
                    }
                }
            }
        }
    }
    dates
}
