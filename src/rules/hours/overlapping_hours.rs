//! `overlapping-hours`: a schedule names the same time twice.

use crate::coverage::{Timeline, holiday_set};
use crate::diagnostic::Diagnostic;
use crate::model::values::{DateRange, DayHours, TimeRange};
use crate::model::{DateRule, DayRule, Located, Plan, Schedule};
use crate::rules::{Context, rule};
use crate::time::holidays::HolidaySet;
use crate::time::schedule::HolidayDefault;
use chrono::{Datelike, NaiveDate};

rule! {
    /// ## What it finds
    ///
    /// A schedule that gives the same time twice: a weekday selected by two keys
    /// (`mon-fri` and `fri`), two ranges of one day that overlap (`08:00-12:00, 11:00-13:00`),
    /// two `dates:` entries that share a date, or a range past midnight that runs into the
    /// next day's hours (`mon: 20:00-04:00` with `tue: 02:00-10:00`). That is also an
    /// overnight `dates:` range (`2026-12-03: 20:00-02:00` with `fri: 01:00-05:00`, the 4th
    /// being a Friday), a weekly one that runs into a `dates:` entry, and an overnight
    /// `holidays:` range that runs into the hours of the day after a public holiday in the
    /// check window. The next date's hours are those the schedule gives it: its `dates:`
    /// entry, on a holiday the `holidays:` hours (or none, for teams, channels and contacts,
    /// which close on holidays), else its weekday's.
    ///
    /// ## Why it matters
    ///
    /// Which of the two was meant cannot be guessed: `fri: 08:00-16:00` after `mon-fri:
    /// 08:00-18:00` may be an early Friday closing or a copy-paste slip. Coverage,
    /// promises and the published opening hours would silently follow one of them.
    ///
    /// ## Example
    ///
    /// ```yaml
    /// hours:
    ///   mon-fri: 08:00-18:00
    ///   fri: 08:00-16:00          # Friday is already selected by `mon-fri`
    /// ```
    ///
    /// ## What to do instead
    ///
    /// Give every weekday, date and time once: `mon-thu: 08:00-18:00` and
    /// `fri: 08:00-16:00`; merge overlapping ranges; end an overnight range where the next
    /// day's hours begin.
    pub static OVERLAPPING_HOURS = "H001", "overlapping-hours", Hours, Error,
        "a schedule gives the same weekday, date or time twice";
}

/// What a schedule belongs to: a name for messages, its public holidays and what they
/// mean for it when it has no `holidays:` hours.
pub struct ScheduleOwner<'a> {
    pub name: String,
    pub holidays: std::borrow::Cow<'a, HolidaySet>,
    pub default: HolidayDefault,
}

/// Every schedule in a plan, with what it belongs to.
pub fn schedules<'a>(plan: &'a Plan, timeline: &'a Timeline) -> Vec<(&'a Located<Schedule>, ScheduleOwner<'a>)> {
    use std::borrow::Cow;
    let mut all = Vec::new();
    for c in &plan.contacts {
        let holidays = match &c.holidays {
            Some(spec) => Cow::Owned(holiday_set(Some(spec))),
            None => Cow::Borrowed(&timeline.plan_owner.holidays),
        };
        all.extend(c.hours.iter().map(|h| {
            let owner = ScheduleOwner {
                name: format!("contact `{}`", c.id.value),
                holidays: holidays.clone(),
                default: HolidayDefault::Closed,
            };
            (h, owner)
        }));
    }
    for (t, times) in plan.teams.iter().zip(&timeline.teams) {
        all.extend(t.shifts.iter().map(|s| {
            let owner = ScheduleOwner {
                name: format!("team `{}`", t.id.value),
                holidays: Cow::Borrowed(&times.owner.holidays),
                default: HolidayDefault::Closed,
            };
            (&s.hours, owner)
        }));
    }
    for (c, times) in plan.channels.iter().zip(&timeline.channels) {
        all.extend(c.hours.iter().map(|h| {
            let owner = ScheduleOwner {
                name: format!("channel `{}`", c.id.value),
                holidays: Cow::Borrowed(&times.owner.holidays),
                default: HolidayDefault::Closed,
            };
            (h, owner)
        }));
    }
    for (p, times) in plan.profiles.iter().zip(&timeline.profiles) {
        let owner = |name: String| ScheduleOwner {
            name,
            holidays: Cow::Borrowed(&times.owner.holidays),
            default: HolidayDefault::Weekly,
        };
        let expects = p.expects.as_ref().and_then(|e| e.hours.as_ref());
        all.extend(expects.map(|h| (h, owner(format!("profile `{}`", p.id.value)))));
        all.extend(
            p.intended_gaps
                .iter()
                .map(|g| (&g.hours, owner(format!("an intended gap of profile `{}`", p.id.value)))),
        );
    }
    all
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let window = cx.timeline.days;
    for (schedule, owner) in schedules(cx.plan, &cx.timeline) {
        let Schedule::Weekly { days, holidays, dates } = &schedule.value else {
            continue;
        };
        let spills = Spills {
            days,
            dates,
            holidays: holidays.as_ref(),
            owner: &owner,
        };
        // One finding per overnight range: the first day it runs into says what is wrong,
        // the same clash on further days says nothing new.
        for rule in days {
            if let Some(clash) = spills.weekly(rule) {
                out.push(clash.finding(&rule.hours, &owner.name));
            }
        }
        for rule in dates {
            if let Some(clash) = spills.dated(rule) {
                out.push(clash.finding(&rule.hours, &owner.name));
            }
        }
        if let Some(h) = holidays
            && let Some(clash) = spills.holidays(h, window.from, window.to)
        {
            out.push(clash.finding(h, &owner.name));
        }
    }
}

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The range of a day's hours that runs past midnight into the next day, if any (a day's
/// ranges do not overlap, so it has at most one).
fn overnight(hours: &DayHours) -> Option<TimeRange> {
    match hours {
        DayHours::Ranges(ranges) => ranges.iter().copied().find(|r| r.overnight() && r.end > 0),
        DayHours::Closed => None,
    }
}

/// The first range of the next day's hours that starts before `overnight` ends.
fn clash_with(overnight: TimeRange, next: &DayHours) -> Option<TimeRange> {
    match next {
        DayHours::Ranges(ranges) => ranges.iter().copied().find(|r| r.start < overnight.end),
        DayHours::Closed => None,
    }
}

fn date_text(date: NaiveDate) -> String {
    date.format("%a %Y-%m-%d").to_string()
}

/// The parts of one schedule, and its owner.
struct Spills<'a> {
    days: &'a [DayRule],
    dates: &'a [DateRule],
    holidays: Option<&'a Located<DayHours>>,
    owner: &'a ScheduleOwner<'a>,
}

/// An overnight range that runs into the next day's hours.
struct Clash<'a> {
    overnight: TimeRange,
    /// The day the range starts on, for the message: `Monday`, `Thu 2026-12-24`.
    on: String,
    /// The next day's hours, where they are written, and what the day is called.
    next: &'a Located<DayHours>,
    next_day: String,
    range: TimeRange,
    /// `data.day`: the weekday the range starts on, when it is a weekday rule.
    weekday: Option<usize>,
}

impl Clash<'_> {
    fn finding(&self, hours: &Located<DayHours>, owner: &str) -> Diagnostic {
        let mut d = Diagnostic::new(
            &OVERLAPPING_HOURS,
            &hours.loc,
            format!(
                "{owner}: `{}` on {} runs past midnight into {}'s `{}`",
                self.overnight, self.on, self.next_day, self.range
            ),
        )
        .help("end the overnight range where the next day's hours begin, or start the next day later");
        if self.next.loc != hours.loc {
            d = d.related(&self.next.loc, format!("{}'s hours", self.next_day));
        }
        if let Some(day) = self.weekday {
            d = d.data("day", DAYS[day].to_lowercase());
        }
        d
    }
}

impl<'a> Spills<'a> {
    /// The weekly rule selecting a weekday.
    fn weekly_on(&self, day: usize) -> Option<&'a DayRule> {
        self.days.iter().find(|r| r.days.value.contains(day))
    }

    /// The `dates:` entry holding a date.
    fn dated_on(&self, date: NaiveDate) -> Option<&'a DateRule> {
        self.dates.iter().find(|r| r.dates.value.contains(date))
    }

    /// The hours a date has, by the priority of the evaluation: its `dates:` entry; on a
    /// public holiday the `holidays:` hours, or none for an owner closed on holidays;
    /// otherwise its weekday's. `None` when it has no written hours.
    fn hours_on(&self, date: NaiveDate) -> Option<&'a Located<DayHours>> {
        if let Some(rule) = self.dated_on(date) {
            return Some(&rule.hours);
        }
        if self.owner.holidays.is_holiday(date) {
            match (self.holidays, self.owner.default) {
                (Some(h), _) => return Some(h),
                (None, HolidayDefault::Closed) => return None,
                (None, HolidayDefault::Weekly) => {}
            }
        }
        self.weekly_on(date.weekday().num_days_from_monday() as usize)
            .map(|r| &r.hours)
    }

    /// A weekly overnight range that runs into the next weekday's hours (whatever the
    /// holidays, as the schedule is written), or into a `dates:` entry on the day after one
    /// of its days.
    fn weekly(&self, rule: &'a DayRule) -> Option<Clash<'a>> {
        let overnight = overnight(&rule.hours.value)?;
        let into_week = rule.days.value.iter().find_map(|day| {
            let next_rule = self.weekly_on((day + 1) % 7)?;
            let range = clash_with(overnight, &next_rule.hours.value)?;
            Some(Clash {
                overnight,
                on: DAYS[day].to_owned(),
                next: &next_rule.hours,
                next_day: DAYS[(day + 1) % 7].to_owned(),
                range,
                weekday: Some(day),
            })
        });
        into_week.or_else(|| {
            self.dates.iter().find_map(|next| {
                let before = next.dates.value.first.pred_opt()?;
                if !self.hours_on(before).is_some_and(|h| std::ptr::eq(h, &rule.hours)) {
                    return None;
                }
                let range = clash_with(overnight, &next.hours.value)?;
                Some(Clash {
                    overnight,
                    on: date_text(before),
                    next: &next.hours,
                    next_day: date_text(next.dates.value.first),
                    range,
                    weekday: Some(before.weekday().num_days_from_monday() as usize),
                })
            })
        })
    }

    /// An overnight range of a `dates:` entry that runs into its own next day, or into the
    /// hours of the day after its last date.
    fn dated(&self, rule: &'a DateRule) -> Option<Clash<'a>> {
        let overnight = overnight(&rule.hours.value)?;
        let DateRange { first, last } = rule.dates.value;
        if first < last
            && let Some(range) = clash_with(overnight, &rule.hours.value)
        {
            return Some(Clash {
                overnight,
                on: date_text(first),
                next: &rule.hours,
                next_day: first.succ_opt().map_or_else(String::new, date_text),
                range,
                weekday: None,
            });
        }
        let next_date = last.succ_opt()?;
        let next = self.hours_on(next_date)?;
        let range = clash_with(overnight, &next.value)?;
        Some(Clash {
            overnight,
            on: date_text(last),
            next,
            next_day: date_text(next_date),
            range,
            weekday: None,
        })
    }

    /// An overnight range of the `holidays:` hours that runs into the next day's hours, on
    /// the public holidays of the check window that keep these hours.
    fn holidays(&self, hours: &'a Located<DayHours>, from: NaiveDate, to: NaiveDate) -> Option<Clash<'a>> {
        let overnight = overnight(&hours.value)?;
        self.owner.holidays.between(from, to).find_map(|holiday| {
            if self.dated_on(holiday.date).is_some() {
                return None;
            }
            let next_date = holiday.date.succ_opt()?;
            let next = self.hours_on(next_date)?;
            let range = clash_with(overnight, &next.value)?;
            Some(Clash {
                overnight,
                on: format!("{} ({})", date_text(holiday.date), holiday.name),
                next,
                next_day: date_text(next_date),
                range,
                weekday: None,
            })
        })
    }
}
