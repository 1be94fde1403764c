//! Instants and windows as people read them: local time with its UTC offset, long lists
//! of windows folded into weekly patterns ("Mon-Fri 18:00-20:00, 13 times"), and public
//! holidays by date and name.

use crate::model::values::WeekdaySet;
use crate::time::holidays::Holiday;
use crate::time::interval::{Instant, Interval};
use chrono::{DateTime, Datelike, TimeZone, Timelike};
use chrono_tz::Tz;
use std::collections::BTreeMap;

fn local(tz: Tz, t: Instant) -> DateTime<Tz> {
    tz.timestamp_opt(t, 0)
        .single()
        .unwrap_or_else(|| tz.timestamp_opt(0, 0).unwrap())
}

/// `+01:00`: a UTC offset as RFC 3339 writes it.
fn offset(t: &DateTime<Tz>) -> String {
    use chrono::Offset;
    let seconds = t.offset().fix().local_minus_utc();
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60)
}

// Formatted field by field: these run for every window of every finding, and chrono's
// format strings are parsed anew on each call.

/// RFC 3339 with the zone's offset: `2026-12-24T18:00:00+01:00`.
pub fn format_instant(tz: Tz, t: Instant) -> String {
    let l = local(tz, t);
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute(),
        l.second(),
        offset(&l)
    )
}

/// For messages: `Thu 2026-12-24 18:00 +01:00`.
pub fn format_local(tz: Tz, t: Instant) -> String {
    let l = local(tz, t);
    format!(
        "{} {:04}-{:02}-{:02} {:02}:{:02} {}",
        l.weekday(),
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute(),
        offset(&l)
    )
}

/// A window for people: `Mon 2026-11-23 18:00-20:00 +01:00` within a day and offset,
/// else both ends in full.
pub fn format_window(tz: Tz, window: Interval) -> String {
    let (start, end) = (local(tz, window.start), local(tz, window.end));
    let same_offset = start.format("%:z").to_string() == end.format("%:z").to_string();
    let to_midnight = end.date_naive() == start.date_naive().succ_opt().unwrap_or(start.date_naive())
        && end.hour() == 0
        && end.minute() == 0;
    if same_offset && (end.date_naive() == start.date_naive() || to_midnight) {
        let until = if to_midnight { "24:00".to_owned() } else { hhmm(&end) };
        format!(
            "{} {}-{until} {}",
            start.format("%a %Y-%m-%d"),
            hhmm(&start),
            start.format("%:z")
        )
    } else {
        format!("{} to {}", format_local(tz, window.start), format_local(tz, window.end))
    }
}

/// `data.windows` of a finding: `[{ "start", "end" }]` in RFC 3339 with offset.
pub fn windows_json(tz: Tz, windows: &[Interval]) -> serde_json::Value {
    windows
        .iter()
        .map(|w| serde_json::json!({ "start": format_instant(tz, w.start), "end": format_instant(tz, w.end) }))
        .collect()
}

fn hhmm(t: &DateTime<Tz>) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

fn title_case(label: &str) -> String {
    label
        .split(['-', ','])
        .zip(
            label
                .match_indices(['-', ','])
                .map(|(_, sep)| sep)
                .chain(std::iter::once("")),
        )
        .map(|(part, sep)| {
            let mut chars = part.chars();
            let first = chars
                .next()
                .map(|c| c.to_uppercase().collect::<String>())
                .unwrap_or_default();
            format!("{first}{}{sep}", chars.as_str())
        })
        .collect()
}

/// A list of windows as a short phrase: windows that recur at the same local times are
/// folded into one weekly pattern (`Mon-Fri 18:00-20:00 (65 times)`), others are listed by
/// date (`Thu 2026-12-24 08:00-20:00`); at most `max` items, then "and N more".
pub fn describe_windows(tz: Tz, windows: &[Interval], max: usize) -> String {
    // Windows at the same local times fold into a weekly pattern when they recur on a
    // weekday at least three times; on weekdays where they are rare next to the pattern's
    // usual days they are one-offs (a holiday, a special date), named by their date.
    let mut groups: BTreeMap<(String, String, i64), BTreeMap<u32, Vec<Instant>>> = BTreeMap::new();
    for w in windows {
        let (start, end) = (local(tz, w.start), local(tz, w.end));
        let spans = (end.date_naive() - start.date_naive()).num_days();
        let weekday = start.weekday().num_days_from_monday();
        groups
            .entry((hhmm(&start), hhmm(&end), spans))
            .or_default()
            .entry(weekday)
            .or_default()
            .push(w.start);
    }
    let mut items: Vec<(Instant, String)> = Vec::new();
    for ((from, to, spans), by_day) in groups {
        let usual = by_day.values().map(Vec::len).max().unwrap_or(0);
        let mut days = WeekdaySet::default();
        let (mut count, mut first) = (0, Instant::MAX);
        for (weekday, starts) in by_day {
            if usual >= 3 && starts.len() * 2 >= usual {
                days = days.union(WeekdaySet::single(weekday as usize));
                count += starts.len();
                first = first.min(starts[0]);
                continue;
            }
            for start in starts {
                let first_local = local(tz, start);
                let text = if spans == 0 {
                    format!("{} {from}-{to}", first_local.format("%a %Y-%m-%d"))
                } else {
                    let end = first_local + chrono::Duration::days(spans);
                    format!(
                        "{} {from} to {} {to}",
                        first_local.format("%a %Y-%m-%d"),
                        end.format("%a %Y-%m-%d")
                    )
                };
                items.push((start, text));
            }
        }
        if count > 0 {
            let label = title_case(&days.label());
            let to = if spans > 0 { format!("{to} (+{spans}d)") } else { to };
            items.push((first, format!("{label} {from}-{to} ({count} times)")));
        }
    }
    items.sort();
    let total = items.len();
    let mut shown: Vec<String> = items.into_iter().take(max).map(|(_, t)| t).collect();
    if total > max {
        return format!("{} and {} more", shown.join(", "), total - max);
    }
    match shown.pop() {
        None => String::new(),
        Some(last) if shown.is_empty() => last,
        Some(last) => format!("{} and {last}", shown.join(", ")),
    }
}

/// Public holidays for messages: `Fri 2026-12-25 (Christmas Day) and Fri 2027-01-01 (New
/// Year's Day)`, in the order given; at most `max`, then "and N more".
pub fn describe_holidays(holidays: &[Holiday], max: usize) -> String {
    let mut shown: Vec<String> = holidays
        .iter()
        .take(max)
        .map(|h| format!("{} ({})", h.date.format("%a %Y-%m-%d"), h.name))
        .collect();
    if holidays.len() > max {
        return format!("{} and {} more", shown.join(", "), holidays.len() - max);
    }
    match shown.pop() {
        None => String::new(),
        Some(last) if shown.is_empty() => last,
        Some(last) => format!("{} and {last}", shown.join(", ")),
    }
}

/// `data.holidays` of a finding: `[{ "date", "name" }]`.
pub fn holidays_json(holidays: &[Holiday]) -> serde_json::Value {
    holidays
        .iter()
        .map(|h| serde_json::json!({ "date": h.date.to_string(), "name": h.name }))
        .collect()
}

/// Windows of one ordinary week as weekday patterns: `Mon-Fri 08:00-12:00, Sat 09:00-16:00`.
pub fn describe_weekly(tz: Tz, windows: &[Interval]) -> String {
    let mut groups: BTreeMap<(String, String, i64), (WeekdaySet, Instant)> = BTreeMap::new();
    for w in windows {
        let (start, end) = (local(tz, w.start), local(tz, w.end));
        let spans = (end.date_naive() - start.date_naive()).num_days();
        let day = WeekdaySet::single(start.weekday().num_days_from_monday() as usize);
        let entry = groups
            .entry((hhmm(&start), hhmm(&end), spans))
            .or_insert((WeekdaySet::default(), w.start));
        entry.0 = entry.0.union(day);
        entry.1 = entry.1.min(w.start);
    }
    let mut items: Vec<(Instant, String)> = groups
        .into_iter()
        .map(|((from, to, spans), (days, first))| {
            let to = if spans > 0 && to == "00:00" {
                "24:00".to_owned()
            } else {
                to
            };
            (first, format!("{} {from}-{to}", title_case(&days.label())))
        })
        .collect();
    items.sort();
    items.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(tz: Tz, s: &str) -> Instant {
        let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        tz.from_local_datetime(&naive).earliest().unwrap().timestamp()
    }

    #[test]
    fn recurring_windows_fold_into_weekly_patterns() {
        let tz = chrono_tz::Europe::Berlin;
        let mut windows = Vec::new();
        for week in 0..3 {
            for day in 23..28 {
                let day = format!("2026-11-{day}");
                let start = at(tz, &format!("{day} 18:00")) + week * 7 * 86_400;
                windows.push(Interval {
                    start,
                    end: start + 2 * 3600,
                });
            }
        }
        windows.push(Interval {
            start: at(tz, "2026-12-24 08:00"),
            end: at(tz, "2026-12-24 20:00"),
        });
        // A Saturday pattern with two holiday Fridays at the same hours: the Fridays are one-offs.
        let mut saturdays: Vec<Interval> = [
            "2026-11-28",
            "2026-12-05",
            "2026-12-12",
            "2026-12-19",
            "2026-12-25",
            "2027-01-01",
        ]
        .iter()
        .map(|d| Interval {
            start: at(tz, &format!("{d} 08:00")),
            end: at(tz, &format!("{d} 20:00")),
        })
        .collect();
        saturdays.push(Interval {
            start: at(tz, "2026-12-26 08:00"),
            end: at(tz, "2026-12-26 20:00"),
        });
        assert_eq!(
            describe_windows(tz, &saturdays, 5),
            "Sat 08:00-20:00 (5 times), Fri 2026-12-25 08:00-20:00 and Fri 2027-01-01 08:00-20:00"
        );
        assert_eq!(
            describe_windows(tz, &windows, 3),
            "Mon-Fri 18:00-20:00 (15 times) and Thu 2026-12-24 08:00-20:00"
        );
        assert_eq!(
            describe_windows(tz, &windows, 1),
            "Mon-Fri 18:00-20:00 (15 times) and 1 more"
        );
        assert_eq!(format_local(tz, windows[15].start), "Thu 2026-12-24 08:00 +01:00");
        assert_eq!(format_instant(tz, windows[15].start), "2026-12-24T08:00:00+01:00");
        assert_eq!(format_window(tz, windows[15]), "Thu 2026-12-24 08:00-20:00 +01:00");
        let night = Interval {
            start: at(tz, "2026-10-24 22:00"),
            end: at(tz, "2026-10-25 06:00"),
        };
        assert_eq!(
            format_window(tz, night),
            "Sat 2026-10-24 22:00 +02:00 to Sun 2026-10-25 06:00 +01:00"
        );
        let evening = Interval {
            start: at(tz, "2026-12-24 18:00"),
            end: at(tz, "2026-12-25 00:00"),
        };
        assert_eq!(format_window(tz, evening), "Thu 2026-12-24 18:00-24:00 +01:00");
        // Two holiday Fridays are two dates, not a pattern.
        let fridays: Vec<Interval> = ["2026-12-25", "2027-01-01"]
            .iter()
            .map(|d| Interval {
                start: at(tz, &format!("{d} 08:00")),
                end: at(tz, &format!("{d} 20:00")),
            })
            .collect();
        assert_eq!(
            describe_windows(tz, &fridays, 3),
            "Fri 2026-12-25 08:00-20:00 and Fri 2027-01-01 08:00-20:00"
        );
    }

    #[test]
    fn holidays_by_date_and_name() {
        let day = |d: &str, name: &str| Holiday::new(d.parse().unwrap(), name);
        let three = [
            day("2026-12-25", "Christmas Day"),
            day("2026-12-26", "Second Day of Christmas"),
            day("2027-01-01", "New Year's Day"),
        ];
        assert_eq!(
            describe_holidays(&three, 3),
            "Fri 2026-12-25 (Christmas Day), Sat 2026-12-26 (Second Day of Christmas) and Fri 2027-01-01 (New Year's Day)"
        );
        assert_eq!(
            describe_holidays(&three, 1),
            "Fri 2026-12-25 (Christmas Day) and 2 more"
        );
        assert_eq!(describe_holidays(&three[..1], 3), "Fri 2026-12-25 (Christmas Day)");
    }

    #[test]
    fn overnight_and_multi_day_windows() {
        let tz = chrono_tz::Asia::Bangkok;
        let w = Interval {
            start: at(tz, "2026-12-24 18:00"),
            end: at(tz, "2026-12-28 08:00"),
        };
        assert_eq!(
            describe_windows(tz, &[w], 3),
            "Thu 2026-12-24 18:00 to Mon 2026-12-28 08:00"
        );
        let nights: Vec<Interval> = ["2026-11-27", "2026-12-04"]
            .iter()
            .map(|d| Interval {
                start: at(tz, &format!("{d} 22:00")),
                end: at(tz, &format!("{d} 22:00")) + 8 * 3600,
            })
            .collect();
        assert_eq!(
            describe_windows(tz, &nights, 3),
            "Fri 2026-11-27 22:00 to Sat 2026-11-28 06:00 and Fri 2026-12-04 22:00 to Sat 2026-12-05 06:00"
        );
    }
}
