//! schema.org data for a customer FAQ, as JSON-LD: the company as an `Organization` with a
//! `ContactPoint` for each channel offered to the profile (its number, address or web
//! address, its regular weekly hours in the channel's own zone, the countries and languages
//! it serves), and an `FAQPage` with the plan's self-help questions. Search engines and
//! assistants read it to answer "how do I reach …" without scraping the page.
//!
//! Like the rest of the FAQ's context it is built only from what customers may see. It is
//! data, not a script: [`script_text`] serialises it so that it can sit inside
//! `<script type="application/ld+json">` without ever closing that element.

use super::context::{Source, localized};
use super::i18n::Language;
use crate::coverage::Owner;
use crate::model::Plan;
use crate::model::values::LanguageTag;
use crate::time::holidays::HolidaySet;
use crate::time::interval::{Interval, IntervalSet};
use crate::time::schedule::{HolidayDefault, local_datetime, local_start};
use chrono::{Datelike, Days, NaiveDate, Timelike};
use serde_json::{Map, Value, json};

/// The vocabulary every node refers to.
const CONTEXT: &str = "https://schema.org";

/// schema.org's `DayOfWeek` members, Monday first, as full IRIs (unambiguous for every
/// JSON-LD reader, where the short names rely on the reader's context handling).
const DAYS: [&str; 7] = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
];

/// The `DayOfWeek` member that stands for every public holiday where the service is.
const PUBLIC_HOLIDAYS: &str = "https://schema.org/PublicHolidays";

/// The `ContactPointOption` of a toll-free number.
const TOLL_FREE: &str = "https://schema.org/TollFree";

/// Minutes in a day: a range ending here ends at midnight.
const DAY_END: u16 = 24 * 60;

/// The JSON-LD of one profile's FAQ in one language: an `@graph` of the `Organization`
/// (with its contact points) and, when the plan has self-help questions, the `FAQPage`.
pub fn faq(src: &Source<'_>, profile_index: usize, lang: &Language) -> Value {
    let plan = src.plan;
    let mut graph = vec![organization(src, profile_index, lang)];
    if !plan.self_help.faq.is_empty() {
        let questions: Vec<Value> = plan
            .self_help
            .faq
            .iter()
            .map(|f| {
                json!({
                    "@type": "Question",
                    "name": localized(&f.question.value, lang),
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": localized(&f.answer.value, lang),
                    },
                })
            })
            .collect();
        graph.push(json!({
            "@type": "FAQPage",
            "name": lang.text("faq.title"),
            "inLanguage": lang.tag,
            "mainEntity": questions,
        }));
    }
    json!({ "@context": CONTEXT, "@graph": graph })
}

/// [`faq`] as the text of its `<script type="application/ld+json">` element (see
/// [`script_text`]): the FAQ context's `json_ld`.
pub fn faq_script(src: &Source<'_>, profile_index: usize, lang: &Language) -> String {
    script_text(&faq(src, profile_index, lang))
}

/// JSON-LD as the text of a `<script type="application/ld+json">` element: compact JSON
/// with `<`, `>` and `&` written as `\u003c`, `\u003e` and `\u0026`, so that no plan text
/// can end the element (`</script>`) or open a comment in it (`<!--`). The escapes are
/// JSON's own, so every JSON reader gets the original text back. U+2028 and U+2029 are
/// escaped too, for readers that treat the text as JavaScript.
pub fn script_text(data: &Value) -> String {
    let json = data.to_string();
    let mut out = String::with_capacity(json.len());
    // These characters can only occur inside JSON strings, where `\uXXXX` means the same.
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// The company, with a contact point for each channel offered to the profile.
fn organization(src: &Source<'_>, profile_index: usize, lang: &Language) -> Value {
    let plan = src.plan;
    let profile = &plan.profiles[profile_index];
    let mut org = Map::new();
    org.insert("@type".into(), Value::from("Organization"));
    // A plan without a company is still somebody's service: its name is the best we have.
    let name = plan
        .meta
        .company
        .as_ref()
        .or(plan.meta.name.as_ref())
        .map(|n| localized(&n.value, lang))
        .filter(|n| !n.is_empty());
    if let Some(name) = name {
        org.insert("name".into(), Value::from(name));
    }
    let countries: Vec<Value> = src
        .plan
        .profile_countries(profile)
        .into_iter()
        .map(Value::from)
        .collect();
    let profile_languages = profile_languages(plan, profile_index, lang);
    let monday = monday_from(src.today);
    let points: Vec<Value> = src.timeline.profiles[profile_index]
        .channels
        .iter()
        .map(|&ci| contact_point(src, ci, monday, &countries, &profile_languages, lang))
        .collect();
    if !points.is_empty() {
        org.insert("contactPoint".into(), Value::Array(points));
    }
    Value::Object(org)
}

/// The languages a profile is served in: its own, else the plan's, else the document's.
fn profile_languages(plan: &Plan, profile_index: usize, lang: &Language) -> Vec<String> {
    let own = &plan.profiles[profile_index].languages;
    let tags: Vec<String> = if own.is_empty() {
        plan.meta.languages.iter().map(|l| l.value.0.clone()).collect()
    } else {
        own.iter().map(|l| l.value.0.clone()).collect()
    };
    if tags.is_empty() { vec![lang.tag.clone()] } else { tags }
}

/// One channel as a `ContactPoint`.
fn contact_point(
    src: &Source<'_>,
    ci: usize,
    monday: NaiveDate,
    countries: &[Value],
    profile_languages: &[String],
    lang: &Language,
) -> Value {
    let channel = &src.plan.channels[ci];
    let times = &src.timeline.channels[ci];
    let kind = channel.kind.value.as_str();
    let mut point = Map::new();
    point.insert("@type".into(), Value::from("ContactPoint"));
    point.insert("contactType".into(), Value::from("customer service"));
    let name = channel
        .name
        .as_ref()
        .map_or_else(|| channel.id.value.clone(), |n| localized(&n.value, lang));
    point.insert("name".into(), Value::from(name));
    if let Some(d) = &channel.description {
        point.insert("description".into(), Value::from(localized(&d.value, lang)));
    }
    // Only what the documents would link to: a number that makes a `tel:` link, an address
    // that makes a `mailto:` link, a web address. A postal address or a social media
    // handle has no property of its own here and stays in the page's text.
    let codes: Vec<String> = countries.iter().filter_map(|c| c.as_str().map(str::to_owned)).collect();
    let address = channel.address_for(&codes);
    if let Some(address) = address {
        match crate::model::values::href(&address.value, kind) {
            Some(href) if href.starts_with("tel:") => {
                point.insert("telephone".into(), Value::from(address.value.trim()));
            }
            Some(href) if href.starts_with("mailto:") => {
                point.insert("email".into(), Value::from(address.value.trim()));
            }
            Some(href) => {
                point.insert("url".into(), Value::from(href));
            }
            None => {}
        }
    }
    // Free only when it is free from every country the profile lives in, as the page says.
    let free = address.is_some_and(|a| {
        let from = channel.free_from(&a.value, src.plan.channel_country(channel).as_deref());
        !codes.is_empty() && codes.iter().all(|k| from.contains(k))
    });
    if free {
        point.insert("contactOption".into(), Value::from(TOLL_FREE));
    }
    // Written channels take messages at any time; the hours they are worked are not hours
    // in which a customer can reach somebody, so they get none. Unknown hours get none
    // either, rather than a guess.
    if times.live && times.hours_known {
        let hours = hours_available(src.plan, ci, times, monday);
        if !hours.is_empty() {
            point.insert("hoursAvailable".into(), Value::Array(hours));
        }
    }
    if !countries.is_empty() {
        point.insert("areaServed".into(), Value::Array(countries.to_vec()));
    }
    let languages: Vec<Value> = if times.languages.is_empty() {
        profile_languages.iter().cloned().map(Value::from).collect()
    } else {
        times
            .languages
            .iter()
            .map(|l: &LanguageTag| Value::from(l.0.clone()))
            .collect()
    };
    point.insert("availableLanguage".into(), Value::Array(languages));
    Value::Object(point)
}

/// A channel's regular weekly hours in its own zone as `OpeningHoursSpecification`s, one per
/// opening and closing time with the days it applies to, then its hours on public holidays
/// when its calendar has any (`00:00`–`00:00` when it is closed on them).
fn hours_available(plan: &Plan, ci: usize, times: &crate::coverage::ChannelTimes, monday: NaiveDate) -> Vec<Value> {
    let tz = times.owner.tz;
    // The week from `monday`, with two days either side for ranges that run past midnight.
    let window = Interval {
        start: local_start(tz, monday, 0) - 2 * 86_400,
        end: local_start(tz, monday + Days::new(7), 0) + 2 * 86_400,
    };
    let ordinary = Owner {
        tz,
        holidays: HolidaySet::empty(),
    };
    let week = week_ranges(&open_set(plan, ci, times, &ordinary, window), tz, monday);
    let mut specs = specifications(&week);
    if !times.owner.holidays.is_empty() {
        // Every day of the window a holiday: each day then has the holiday hours, and the
        // same pass that reads weekly hours reads them, overnight ranges included.
        let dates: Vec<NaiveDate> = (0..11)
            .filter_map(|d| monday.checked_sub_days(Days::new(2))?.checked_add_days(Days::new(d)))
            .collect();
        let holidays = Owner {
            tz,
            holidays: HolidaySet::new(None, &dates, &[], &[]),
        };
        let holiday_week = week_ranges(&open_set(plan, ci, times, &holidays, window), tz, monday);
        // Wednesday: any day of a week of holidays would do.
        let ranges = &holiday_week[2];
        if ranges.is_empty() {
            specs.push(specification(&[PUBLIC_HOLIDAYS], "00:00", "00:00"));
        }
        for &(start, end) in ranges {
            specs.push(specification(&[PUBLIC_HOLIDAYS], &opens(start), &closes(start, end)));
        }
    }
    specs
}

/// When a channel is open, for an owner: by its own hours, else by its team's shifts (as
/// the FAQ's hours are read).
fn open_set(
    plan: &Plan,
    ci: usize,
    times: &crate::coverage::ChannelTimes,
    owner: &Owner,
    window: Interval,
) -> IntervalSet {
    let channel = &plan.channels[ci];
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

/// The open ranges of each day of the week from `monday` in minutes, Monday first. A range
/// that runs past midnight into the next day's first range is kept whole on the day it
/// starts, its end before its start; `(0, 1440)` is a whole day.
fn week_ranges(set: &IntervalSet, tz: chrono_tz::Tz, monday: NaiveDate) -> [Vec<(u16, u16)>; 7] {
    let mut days: [Vec<(u16, u16)>; 7] = Default::default();
    for (d, ranges) in days.iter_mut().enumerate() {
        *ranges = day_ranges(set, tz, monday + Days::new(d as u64));
    }
    // The week repeats, so Sunday runs into Monday.
    for d in 0..7 {
        let next = (d + 1) % 7;
        let ends_at_midnight = days[d].last().is_some_and(|&(s, e)| e == DAY_END && s != 0);
        let starts_at_midnight = days[next].first().is_some_and(|&(s, e)| s == 0 && e != DAY_END);
        if ends_at_midnight && starts_at_midnight {
            let (_, end) = days[next].remove(0);
            if let Some(last) = days[d].last_mut() {
                last.1 = end;
            }
        }
    }
    days
}

/// The ranges of one local day of a set, in minutes, clipped at midnight.
fn day_ranges(set: &IntervalSet, tz: chrono_tz::Tz, date: NaiveDate) -> Vec<(u16, u16)> {
    let day = Interval {
        start: local_start(tz, date, 0),
        end: local_start(tz, date.succ_opt().unwrap_or(date), 0),
    };
    let minute_of = |t| {
        let dt = local_datetime(tz, t);
        (dt.hour() * 60 + dt.minute()) as u16
    };
    set.clip(day)
        .intervals()
        .iter()
        .map(|i| {
            let end = if i.end >= day.end { DAY_END } else { minute_of(i.end) };
            (minute_of(i.start), end)
        })
        .collect()
}

/// One specification per distinct range, with every day that has it, in the order the
/// ranges first occur in the week.
fn specifications(week: &[Vec<(u16, u16)>; 7]) -> Vec<Value> {
    let mut grouped: Vec<((u16, u16), Vec<&str>)> = Vec::new();
    for (d, ranges) in week.iter().enumerate() {
        for &range in ranges {
            match grouped.iter_mut().find(|(r, _)| *r == range) {
                Some((_, days)) => days.push(DAYS[d]),
                None => grouped.push((range, vec![DAYS[d]])),
            }
        }
    }
    grouped
        .into_iter()
        .map(|((start, end), days)| specification(&days, &opens(start), &closes(start, end)))
        .collect()
}

fn specification(days: &[&str], opens: &str, closes: &str) -> Value {
    json!({
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": days,
        "opens": opens,
        "closes": closes,
    })
}

fn clock(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

fn opens(start: u16) -> String {
    clock(start)
}

/// The closing time as schema.org readers expect it: `23:59` for a whole day (the
/// convention for "open 24 hours"), `00:00` for a range that ends at midnight, and a time
/// before the opening time for a range that runs past midnight.
fn closes(start: u16, end: u16) -> String {
    match (start, end) {
        (0, DAY_END) => "23:59".to_owned(),
        (_, DAY_END) => "00:00".to_owned(),
        (_, end) => clock(end),
    }
}

/// The Monday on or after a date: the week the FAQ's hours are read from.
fn monday_from(date: NaiveDate) -> NaiveDate {
    let ahead = (7 - date.weekday().num_days_from_monday()) % 7;
    date + Days::new(u64::from(ahead))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_cannot_close_the_element_and_reads_back_the_same() {
        let data = json!({ "name": "</script><!-- a & b > c \u{2028}" });
        let text = script_text(&data);
        assert!(
            !text.contains('<') && !text.contains('>') && !text.contains('&'),
            "{text}"
        );
        assert!(!text.contains('\u{2028}'));
        let back: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back, data);
    }

    #[test]
    fn overnight_ranges_stay_whole_and_whole_days_close_at_23_59() {
        let mut week: [Vec<(u16, u16)>; 7] = Default::default();
        week[0] = vec![(8 * 60, 18 * 60)];
        week[4] = vec![(20 * 60, 2 * 60)];
        week[6] = vec![(0, DAY_END)];
        let specs = specifications(&week);
        assert_eq!(specs.len(), 3);
        assert_eq!(specs[1]["opens"], "20:00");
        assert_eq!(specs[1]["closes"], "02:00");
        assert_eq!(specs[2]["closes"], "23:59");
        assert_eq!(specs[2]["dayOfWeek"], json!(["https://schema.org/Sunday"]));
    }

    #[test]
    fn monday_from_keeps_a_monday_and_moves_other_days_ahead() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a date");
        assert_eq!(monday_from(d("2026-11-23")), d("2026-11-23"));
        assert_eq!(monday_from(d("2026-11-29")), d("2026-11-30"));
        assert_eq!(monday_from(d("2026-11-24")), d("2026-11-30"));
    }
}
