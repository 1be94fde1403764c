//! `overlapping-hours`: a schedule names the same time twice.

use crate::diagnostic::Diagnostic;
use crate::model::{DayRule, Located, Plan, Schedule};
use crate::rules::{Context, rule};

rule! {
    /// ## What it finds
    ///
    /// A schedule that gives the same time twice: a weekday selected by two keys
    /// (`mon-fri` and `fri`), two ranges of one day that overlap (`08:00-12:00, 11:00-13:00`),
    /// two `dates:` entries that share a date, or a range past midnight that runs into the
    /// next day's hours (`mon: 20:00-04:00` with `tue: 02:00-10:00`).
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

/// Every schedule in a plan, with what it belongs to (for messages).
pub fn schedules(plan: &Plan) -> Vec<(&Located<Schedule>, String)> {
    let mut all = Vec::new();
    for c in &plan.contacts {
        all.extend(c.hours.iter().map(|h| (h, format!("contact `{}`", c.id.value))));
    }
    for t in &plan.teams {
        all.extend(t.shifts.iter().map(|s| (&s.hours, format!("team `{}`", t.id.value))));
    }
    for c in &plan.channels {
        all.extend(c.hours.iter().map(|h| (h, format!("channel `{}`", c.id.value))));
    }
    for p in &plan.profiles {
        let expects = p.expects.as_ref().and_then(|e| e.hours.as_ref());
        all.extend(expects.map(|h| (h, format!("profile `{}`", p.id.value))));
        all.extend(
            p.intended_gaps
                .iter()
                .map(|g| (&g.hours, format!("an intended gap of profile `{}`", p.id.value))),
        );
    }
    all
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (schedule, owner) in schedules(cx.plan) {
        let Schedule::Weekly { days, .. } = &schedule.value else {
            continue;
        };
        for rule in days {
            spill_into_next_day(rule, days, &owner, out);
        }
    }
}

/// An overnight range of one day that runs into a range of the next day.
fn spill_into_next_day(rule: &DayRule, all: &[DayRule], owner: &str, out: &mut Vec<Diagnostic>) {
    let crate::model::values::DayHours::Ranges(ranges) = &rule.hours.value else {
        return;
    };
    for overnight in ranges.iter().filter(|r| r.overnight() && r.end > 0) {
        for day in rule.days.value.iter() {
            let next = (day + 1) % 7;
            let Some(next_rule) = all.iter().find(|r| r.days.value.contains(next)) else {
                continue;
            };
            let crate::model::values::DayHours::Ranges(next_ranges) = &next_rule.hours.value else {
                continue;
            };
            let Some(clash) = next_ranges.iter().find(|r| r.start < overnight.end) else {
                continue;
            };
            const DAYS: [&str; 7] = [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday",
            ];
            out.push(
                Diagnostic::new(
                    &OVERLAPPING_HOURS,
                    &rule.hours.loc,
                    format!(
                        "{owner}: `{overnight}` on {} runs past midnight into {}'s `{clash}`",
                        DAYS[day], DAYS[next]
                    ),
                )
                .related(&next_rule.hours.loc, format!("{}'s hours", DAYS[next]))
                .help("end the overnight range where the next day's hours begin, or start the next day later")
                .data("day", DAYS[day].to_lowercase()),
            );
            // One finding per range is enough: the same clash on every selected day says nothing new.
            break;
        }
    }
}
