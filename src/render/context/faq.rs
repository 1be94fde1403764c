//! The customer FAQ's context for one profile in one language. Its types have fields only
//! for what customers may see, so the promise that an FAQ shows nothing internal holds by
//! construction: no template, built-in or custom, can print a contact, an authority limit,
//! a shift or a team's internal name, because the FAQ's context has no field to carry one.

use super::Source;
use super::common::{AfterSales, Common, DocumentLink, HoursLine};
use super::format::{
    channel_name, day_ranges, join_ranges, localized, monday_from, name_or_id, text, typical_week, weekly_lines,
};
use crate::model::Schedule;
use crate::render::i18n::Language;
use crate::time::interval::IntervalSet;
use crate::time::schedule::{local_date, local_start};
use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeSet;

/// A customer FAQ for one profile in one language.
///
/// Customers read it, so it holds nothing internal, and by type: there is no field for
/// contacts, approval limits, shifts, head counts, escalation paths or the teams that work
/// the channels, and every nested type is the FAQ's own (none is shared with the handbook
/// but the after-sales terms, which customers may read). A template therefore cannot leak
/// internal data, whatever it does.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FaqContext {
    #[serde(flatten)]
    pub common: Common,
    /// The company's name.
    pub company: Option<String>,
    /// The plan's name (empty text when it has none).
    pub plan_name: String,
    /// The customer profile the FAQ is for.
    pub profile: Profile,
    /// The channels offered to the profile.
    pub channels: Vec<Channel>,
    /// Days within the horizon on which an offered live channel keeps other hours than
    /// usual (public holidays of the channel's calendar, special dates of its `dates:`).
    pub closures: Vec<Closure>,
    /// Self-help articles.
    pub self_help: SelfHelp,
    /// Complaint categories: which kinds of compensation exist (no values or approvers).
    pub complaints: Vec<Complaint>,
    /// After-sales terms, as in the handbook; `null` when the plan has none.
    pub after_sales: Option<AfterSales>,
    /// How feedback is collected.
    pub feedback: Vec<Feedback>,
}

/// The customer profile an FAQ is for.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Profile {
    /// The profile's id.
    pub id: String,
    /// The profile's name, else its id.
    pub name: String,
    /// The plan's description of the group (written for staff; the built-in FAQ does not
    /// show it).
    pub description: Option<String>,
    /// Every time in the FAQ is local time in this zone.
    pub timezone: String,
}

/// A channel offered to the profile.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Channel {
    /// `phone`, `chat`, `video`, `in-person` (live); `email`, `web-form`, `social`, `letter`
    /// (written). The built-in templates name it with `t.channel.kind[kind]`.
    pub kind: String,
    /// The kind is a live one.
    pub live: bool,
    /// The channel's name.
    pub name: String,
    /// What the channel is for.
    pub description: Option<String>,
    /// Number, e-mail address, web address, postal address or handle, as written: the
    /// channel's address for the first of the profile's countries that has one (see
    /// `addresses:`), else its `address`.
    pub address: Option<String>,
    /// Calls are free of charge from every country the profile lives in.
    pub toll_free: bool,
    /// The hours of an ordinary week (no holidays), converted to the profile's zone,
    /// grouped by days with the same hours. Written channels: when they are worked, or
    /// empty.
    pub hours: Vec<HoursLine>,
    /// True for written channels: they accept messages at any time.
    pub any_time: bool,
    /// The promised time to first response.
    pub response: Option<String>,
}

/// A day with other hours than usual.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Closure {
    /// Long date.
    pub date_text: String,
    /// The holiday's name, or `faq.special_hours` for a special date.
    pub name: String,
    /// Names of channels closed all day.
    pub closed: Vec<String>,
    /// Channels open at other hours that day.
    pub changed: Vec<ChangedHours>,
}

/// A channel's hours on a day with other hours.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangedHours {
    /// The channel's name.
    pub channel: String,
    /// Its hours that day.
    pub hours: Vec<HoursLine>,
}

/// Self-help articles.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct SelfHelp {
    /// Questions and answers.
    pub faq: Vec<Question>,
    /// Step-by-step guides.
    pub guides: Vec<Guide>,
}

/// A question and its answer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Question {
    /// The question.
    pub question: String,
    /// The answer.
    pub answer: String,
}

/// A step-by-step guide.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Guide {
    /// The guide's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its steps.
    pub steps: Vec<String>,
    /// Where it is online.
    pub url: Option<String>,
}

/// A complaint category, as customers see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Complaint {
    /// The category's name, else its id.
    pub name: String,
    /// What it covers.
    pub description: Option<String>,
    /// A duration.
    pub resolve_within: Option<String>,
    /// Remedy kinds (`apology`, `credit`, `coupon`, `free-product`, `replacement`,
    /// `repair`, `refund`): which kinds of compensation exist, without values or approvers.
    pub remedies: Vec<String>,
}

/// A way feedback is collected.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Feedback {
    /// `survey`, `review`, `interview`, `social-listening` or `complaint-analysis`.
    pub kind: String,
    /// The source's name, else its id.
    pub name: String,
}

impl FaqContext {
    /// The FAQ of profile `profile_index` in `lang`; `documents` lists the profile's FAQs
    /// and the index.
    pub fn new(src: &Source<'_>, profile_index: usize, lang: &Language, documents: Vec<DocumentLink>) -> FaqContext {
        let plan = src.plan;
        let profile = &plan.profiles[profile_index];
        let times = &src.timeline.profiles[profile_index];
        let tz = times.owner.tz;
        let monday = monday_from(src.today);
        let countries = plan.profile_countries(profile);
        let typical: Vec<(usize, IntervalSet)> = times
            .channels
            .iter()
            .map(|&ci| (ci, typical_week(plan, src.timeline, ci, monday)))
            .collect();
        let channels = typical
            .iter()
            .map(|(ci, week)| {
                let c = &plan.channels[*ci];
                let live = c.kind.value.is_live();
                let hours = if live || src.timeline.channels[*ci].hours_known {
                    weekly_lines(week, tz, monday, lang)
                } else {
                    Vec::new()
                };
                // The number for these customers, called free only when it is free from
                // every country they live in.
                let address = c.address_for(&countries);
                let free = address.is_some_and(|a| {
                    let from = c.free_from(&a.value, plan.channel_country(c).as_deref());
                    !countries.is_empty() && countries.iter().all(|k| from.contains(k))
                });
                Channel {
                    kind: c.kind.value.as_str().to_owned(),
                    live,
                    name: channel_name(c, lang),
                    description: text(c.description.as_ref(), lang),
                    address: address.map(|a| a.value.clone()),
                    toll_free: free,
                    hours,
                    any_time: !live,
                    response: c.response.as_ref().map(|r| lang.duration(&r.value)),
                }
            })
            .collect();
        FaqContext {
            common: Common::new(lang, src.today, documents),
            company: text(plan.meta.company.as_ref(), lang),
            plan_name: plan
                .meta
                .name
                .as_ref()
                .map_or_else(String::new, |n| localized(&n.value, lang)),
            profile: Profile {
                id: profile.id.value.clone(),
                name: name_or_id(profile.name.as_ref(), &profile.id.value, lang),
                description: text(profile.description.as_ref(), lang),
                timezone: tz.name().to_owned(),
            },
            channels,
            closures: closures(src, profile_index, &typical, lang),
            self_help: SelfHelp {
                faq: plan
                    .self_help
                    .faq
                    .iter()
                    .map(|f| Question {
                        question: localized(&f.question.value, lang),
                        answer: localized(&f.answer.value, lang),
                    })
                    .collect(),
                guides: plan
                    .self_help
                    .guides
                    .iter()
                    .map(|g| Guide {
                        id: g.id.value.clone(),
                        title: localized(&g.title.value, lang),
                        steps: g.steps.iter().map(|s| localized(&s.value, lang)).collect(),
                        url: g.url.as_ref().map(|u| u.value.clone()),
                    })
                    .collect(),
            },
            complaints: plan
                .complaints
                .iter()
                .map(|c| {
                    let mut kinds: Vec<String> = c.remedies.iter().map(|r| r.kind.value.as_str().to_owned()).collect();
                    kinds.dedup();
                    Complaint {
                        name: name_or_id(c.name.as_ref(), &c.id.value, lang),
                        description: text(c.description.as_ref(), lang),
                        resolve_within: c.resolve_within.as_ref().map(|r| lang.duration(&r.value)),
                        remedies: kinds,
                    }
                })
                .collect(),
            after_sales: AfterSales::of(src, lang),
            feedback: plan
                .feedback
                .iter()
                .map(|f| Feedback {
                    kind: f.kind.value.as_str().to_owned(),
                    name: name_or_id(f.name.as_ref(), &f.id.value, lang),
                })
                .collect(),
        }
    }
}

/// Upcoming days in the horizon on which an offered live channel keeps other hours than in
/// an ordinary week: public holidays of its calendar and special dates.
fn closures(src: &Source<'_>, profile_index: usize, typical: &[(usize, IntervalSet)], lang: &Language) -> Vec<Closure> {
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
                changed.push(ChangedHours {
                    channel,
                    hours: vec![HoursLine {
                        days: lang.weekday_short(date.weekday()),
                        times: join_ranges(&actual),
                    }],
                });
            }
        }
        if !closed.is_empty() || !changed.is_empty() {
            out.push(Closure {
                date_text: lang.date(date),
                name: name.unwrap_or_else(|| lang.text("faq.special_hours")),
                closed,
                changed,
            });
        }
    }
    out
}

/// The days in the horizon on which a channel may keep other hours than in an ordinary
/// week: its owner's public holidays and the `dates:` of its hours or its team's shifts,
/// each with the days either side (the customers' zone may put them on another date).
/// Looking only at these keeps the FAQ cheap for long horizons.
fn candidate_dates(src: &Source<'_>, typical: &[(usize, IntervalSet)]) -> BTreeSet<NaiveDate> {
    let days = src.timeline.days;
    let mut dates = BTreeSet::new();
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
