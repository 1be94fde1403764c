//! The staff handbook's context: internal, with contacts, phone numbers, shifts, approval
//! limits, escalation paths, the coverage heatmap and the staffing tables.

use super::Source;
use super::common::{AfterSales, Closure, ClosureSource, Common, DocumentLink, HoursLine, Validity, closures};
use super::format::{
    channel_name, channel_name_by_id, currency, localized, name_or_id, opt_schedule_lines, party_name, plan_zone,
    schedule_lines, team_name, team_week, text, week_lines,
};
use super::hours::{self, View};
use crate::coverage::DateWindow;
use crate::coverage::grid::day_cells;
use crate::model::values::{Duration, Target};
use crate::model::{Plan, StepTarget};
use crate::render::i18n::Language;
use crate::time::schedule::local_datetime;
use chrono::{Datelike, Days, Timelike};
use schemars::JsonSchema;
use serde::Serialize;

/// The staff handbook: internal, with names, phone numbers and approval limits.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct HandbookContext {
    /// What every template receives; its fields sit beside the others.
    #[serde(flatten)]
    pub common: Common,
    /// The plan itself: name, owner, defaults and review.
    pub plan: PlanInfo,
    /// Every contact of the plan.
    pub contacts: Vec<Contact>,
    /// Every team.
    pub teams: Vec<Team>,
    /// The days the channels' hours and the days with other hours hold for: the plan's
    /// horizon from the render date.
    pub valid: Validity,
    /// Every channel.
    pub channels: Vec<Channel>,
    /// Every escalation path.
    pub escalation: Vec<EscalationPath>,
    /// Every complaint category, with its remedies and approvers.
    pub complaints: Vec<Complaint>,
    /// "You may approve up to": the authority table.
    pub authority: Vec<Authority>,
    /// The training calendar.
    pub training: Vec<Training>,
    /// After-sales terms; `null` when the plan has no `after-sales`.
    pub after_sales: Option<AfterSales>,
    /// How feedback is collected.
    pub feedback: Vec<Feedback>,
    /// How success is measured.
    pub metrics: Vec<Metric>,
    /// The week from today, hour by hour, for every profile.
    pub coverage: Coverage,
    /// `null` when no live channel has a `staffing:` forecast; else one entry per channel.
    pub staffing: Option<Vec<Staffing>>,
    /// Public holidays of the plan's calendar within the horizon.
    pub holidays: Vec<PublicHoliday>,
    /// Days within the horizon on which a channel keeps other hours than its regular ones
    /// (public holidays of its or its team's calendar, `dates:` entries of its hours or its
    /// team's shifts), each channel's hours in its own zone.
    pub exceptions: Vec<Closure>,
}

/// The plan: its name, owner, defaults and review.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PlanInfo {
    /// The plan's name.
    pub name: Option<String>,
    /// The company's name.
    pub company: Option<String>,
    /// Who is accountable for the plan.
    pub owner: Option<Contact>,
    /// The plan's default zone (IANA id).
    pub timezone: String,
    /// Its name in words in the document's language (`Mitteleuropäische Zeit`).
    pub timezone_name: String,
    /// The plan's holiday calendar (`DE-BE`).
    pub holidays: Option<String>,
    /// The calendar in words: its country in the document's language, with the id of a
    /// region (`Deutschland (DE-BE)`, `Latvija`).
    pub holidays_name: Option<String>,
    /// The plan's currency, an ISO 4217 code.
    pub currency: Option<String>,
    /// The plan's language tags; `code|language_name` names one in the document's language.
    pub languages: Vec<String>,
    /// `null` when the plan sets no review.
    pub review: Option<Review>,
    /// How many days ahead the handbook looks (holidays).
    pub horizon_days: i64,
}

/// When the plan is reviewed.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Review {
    /// The last review, long date.
    pub last_text: Option<String>,
    /// The review interval (`6 Monate`).
    pub every_text: Option<String>,
    /// The next review's due date.
    pub next_text: Option<String>,
    /// The due date is before today.
    pub overdue: bool,
}

/// A person staff may need to reach (handbook only).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Contact {
    /// The contact's id.
    pub id: String,
    /// The person's name, else the id.
    pub name: String,
    /// The person's role.
    pub role: Option<String>,
    /// As written in the plan (`+49 30 5550 1990`).
    pub phone: Option<String>,
    /// The e-mail address.
    pub email: Option<String>,
    /// When the person can be reached, in `timezone`; empty when the plan states none, and
    /// then the person is reachable at any time, as the checks assume (the built-in
    /// handbook shows `handbook.contacts.no_hours`: "at any time").
    pub hours: Vec<HoursLine>,
    /// IANA zone (`Europe/Berlin`).
    pub timezone: String,
    /// Its name in words (`Mitteleuropäische Zeit`).
    pub timezone_name: String,
}

impl Contact {
    /// The contact with this id, `None` when there is none.
    fn of(plan: &Plan, id: &str, lang: &Language) -> Option<Contact> {
        plan.contacts
            .iter()
            .find(|c| c.id.value == id)
            .map(|c| Contact::from_plan(plan, c, lang))
    }

    /// A contact of the plan.
    fn from_plan(plan: &Plan, c: &crate::model::Contact, lang: &Language) -> Contact {
        Contact {
            id: c.id.value.clone(),
            name: name_or_id(c.name.as_ref(), &c.id.value, lang),
            role: text(c.role.as_ref(), lang),
            phone: c.phone.as_ref().map(|p| p.value.clone()),
            email: c.email.as_ref().map(|e| e.value.clone()),
            hours: opt_schedule_lines(c.hours.as_ref(), lang),
            timezone: c
                .timezone
                .as_ref()
                .map_or_else(|| plan_zone(plan), |z| z.value.name().to_owned()),
            timezone_name: lang.zone_name(c.timezone.as_ref().map_or(&plan_zone(plan), |z| z.value.name())),
        }
    }
}

/// A team of agents.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Team {
    /// The team's id.
    pub id: String,
    /// The team's name, else its id.
    pub name: String,
    /// What the team does.
    pub description: Option<String>,
    /// The team's lead.
    pub lead: Option<Contact>,
    /// Language names in the document's language (`Deutsch`, `Englisch`).
    pub languages: Vec<String>,
    /// Skill ids as written (`complaints`, `written-communication`).
    pub skills: Vec<String>,
    /// The team's zone (IANA id).
    pub timezone: String,
    /// Its name in words.
    pub timezone_name: String,
    /// The largest shift's head count.
    pub agents_max: u32,
    /// The team's shifts.
    pub shifts: Vec<Shift>,
}

/// One shift of a team.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Shift {
    /// The shift's name.
    pub name: Option<String>,
    /// Agents on duty.
    pub agents: u32,
    /// The shift's hours as written.
    pub hours: Vec<HoursLine>,
}

/// A channel, as staff see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Channel {
    /// The channel's id.
    pub id: String,
    /// `phone`, `chat`, `video`, `in-person` (live); `email`, `web-form`, `social`, `letter`
    /// (written).
    pub kind: String,
    /// The kind is a live one.
    pub live: bool,
    /// The channel's name; falls back to the id.
    pub name: String,
    /// What the channel is for.
    pub description: Option<String>,
    /// Number, e-mail address, web address, postal address or handle, as written.
    pub address: Option<String>,
    /// Calls are free of charge.
    pub toll_free: bool,
    /// The name of the team that works it.
    pub team: Option<String>,
    /// As written in the plan, in `timezone`; for written channels: when they are worked.
    /// When the plan states none, the regular hours of the team's shifts (no public
    /// holidays, no `dates:` entries).
    pub hours: Vec<HoursLine>,
    /// The promised time to first response (`2 Min.`, `3 Arbeitsstunden`).
    pub response: Option<String>,
    /// The channel's zone (IANA id).
    pub timezone: String,
    /// Its name in words.
    pub timezone_name: String,
}

/// An escalation path.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EscalationPath {
    /// The path's id.
    pub id: String,
    /// The path's name, else its id.
    pub name: String,
    /// What the path is for.
    pub description: Option<String>,
    /// Names of the channels the path serves.
    pub channels: Vec<String>,
    /// Its steps, in order.
    pub steps: Vec<EscalationStep>,
}

/// One step of an escalation path.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct EscalationStep {
    /// The step's number: 1, 2, …
    pub number: usize,
    /// The delay after which this step takes over (`15 Min.`, `8 Arbeitsstunden`); `null`
    /// = at once.
    pub after: Option<String>,
    /// `team` or `contact`.
    pub kind: String,
    /// The team's or the person's name.
    pub name: String,
    /// A contact's role; `null` for a team.
    pub role: Option<String>,
    /// A contact's phone; `null` for a team.
    pub phone: Option<String>,
    /// A contact's e-mail address; `null` for a team.
    pub email: Option<String>,
    /// A contact's hours (empty: reachable at any time), or a team's regular time on
    /// shift (all its shifts, no public holidays, no `dates:` entries).
    pub hours: Vec<HoursLine>,
}

/// A complaint category, as staff handle it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Complaint {
    /// The category's id.
    pub id: String,
    /// The category's name, else its id.
    pub name: String,
    /// What the category covers.
    pub description: Option<String>,
    /// The name of its escalation path.
    pub escalation: Option<String>,
    /// A duration.
    pub resolve_within: Option<String>,
    /// The remedies staff may offer.
    pub remedies: Vec<Remedy>,
}

/// A remedy staff may offer.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Remedy {
    /// A remedy kind: `apology`, `credit`, `coupon`, `free-product`, `replacement`,
    /// `repair`, `refund`.
    pub kind: String,
    /// `25 EUR`, `10 %`, the `amount.unlimited` word.
    pub value: Option<String>,
    /// A team's or person's name.
    pub approver: Option<String>,
    /// What the remedy is, in the plan's words.
    pub description: Option<String>,
}

/// The most a team or a person may grant per case.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Authority {
    /// The team's or person's name.
    pub who: String,
    /// `team` or `contact`.
    pub kind: String,
    /// The amount.
    pub limit: String,
}

/// A training programme.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Training {
    /// The training's id.
    pub id: String,
    /// Its name, else its id.
    pub name: String,
    /// Topics as written.
    pub topics: Vec<String>,
    /// Team names (read it as `tr["for"]`: `for` is a Jinja keyword).
    #[serde(rename = "for")]
    pub for_teams: Vec<String>,
    /// The interval.
    pub every: Option<String>,
    /// When it was last held.
    pub last_text: Option<String>,
    /// When it is due.
    pub next_text: Option<String>,
    /// The due date is before today.
    pub overdue: bool,
}

/// A way feedback is collected.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Feedback {
    /// The source's id.
    pub id: String,
    /// Its name, else its id.
    pub name: String,
    /// `survey`, `review`, `interview`, `social-listening` or `complaint-analysis`.
    pub kind: String,
    /// A channel's name.
    pub via: Option<String>,
    /// As written in the plan (`after-resolution`, `monthly`; the built-in templates show
    /// the words of `t.feedback.when` where there are some).
    pub when: Option<String>,
}

/// A success metric.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Metric {
    /// The metric's id.
    pub id: String,
    /// Its name, else its id.
    pub name: String,
    /// As written in the plan (`>= 90%`, `80% in 20s`).
    pub target: Option<String>,
    /// A feedback source's name.
    pub source: Option<String>,
    /// A channel's name.
    pub channel: Option<String>,
}

/// The coverage heatmap: the week from today.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Coverage {
    /// The first day, long date (today).
    pub from_text: String,
    /// The number of days: 7.
    pub days: u32,
    /// One per customer profile.
    pub profiles: Vec<CoverageProfile>,
}

/// One profile's week, hour by hour.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CoverageProfile {
    /// The profile's id.
    pub id: String,
    /// Its name, else its id.
    pub name: String,
    /// The profile's zone (IANA id): the table is in local time there.
    pub timezone: String,
    /// Its name in words.
    pub timezone_name: String,
    /// One per day.
    pub rows: Vec<CoverageRow>,
    /// The gaps of the week that are not intended (`Sa 28.11. 16:00–18:00`).
    pub gaps: Vec<String>,
}

/// One day of a profile's week.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CoverageRow {
    /// The day (`Mo 23.11.`).
    pub day: String,
    /// 24 states, one per hour from 00 to 23: `gap`, `intended`, `live`, `written` or
    /// `none` (see below).
    pub cells: Vec<String>,
}

/// The staffing table of one channel with a forecast.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Staffing {
    /// The channel's name.
    pub channel: String,
    /// The service target (`80 % / 20 s`).
    pub target: String,
    /// The shrinkage, a percentage.
    pub shrinkage: String,
    /// The channel's zone (IANA id).
    pub timezone: String,
    /// Its name in words.
    pub timezone_name: String,
    /// Consecutive half hours of an ordinary week with the same figures.
    pub rows: Vec<StaffingRow>,
}

/// Consecutive half hours with the same staffing figures.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct StaffingRow {
    /// Like `Mo 08:00–12:00`.
    pub when: String,
    /// Contacts per hour.
    pub volume: String,
    /// The agents Erlang C needs available.
    pub required: u32,
    /// `required` raised by shrinkage.
    pub scheduled: u32,
    /// What the shifts roster.
    pub on_duty: u32,
    /// The predicted share answered within the target, as text.
    pub service_level: String,
    /// The team has fewer agents available than its channels need.
    pub short: bool,
}

/// A public holiday.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct PublicHoliday {
    /// Long date.
    pub date_text: String,
    /// The holiday's name, in the document's language where the data has it.
    pub name: String,
    /// The language of `name` when it is not the document's (the country's own language,
    /// or `en`, where the data lacks the document's); `null` when it is, or is not known.
    pub name_lang: Option<String>,
}

impl HandbookContext {
    /// The staff handbook's context in `lang`; `documents` lists every handbook and FAQ.
    pub fn new(src: &Source<'_>, lang: &Language, documents: Vec<DocumentLink>) -> HandbookContext {
        let plan = src.plan;
        let cur = currency(plan);
        let days = src.timeline.days;
        // Each channel in its own zone, as staff who work it see it.
        let views: Vec<View> = (0..plan.channels.len())
            .map(|ci| hours::view(src, ci, src.timeline.channels[ci].owner.tz, days))
            .collect();
        let closure_sources: Vec<ClosureSource<'_>> = plan
            .channels
            .iter()
            .zip(&views)
            .map(|(c, view)| ClosureSource {
                name: channel_name(c, lang),
                live: c.kind.value.is_live(),
                view,
            })
            .collect();
        HandbookContext {
            common: Common::new(lang, src.today, documents),
            plan: plan_info(src, lang),
            contacts: plan
                .contacts
                .iter()
                .map(|c| Contact::from_plan(plan, c, lang))
                .collect(),
            teams: plan
                .teams
                .iter()
                .enumerate()
                .map(|(i, t)| Team {
                    id: t.id.value.clone(),
                    name: team_name(plan, &t.id.value, lang),
                    description: text(t.description.as_ref(), lang),
                    lead: t.lead.as_ref().and_then(|l| Contact::of(plan, &l.value, lang)),
                    languages: t
                        .languages
                        .iter()
                        .map(|l| lang.language_name(l.value.primary()))
                        .collect(),
                    skills: t.skills.iter().map(|s| s.value.clone()).collect(),
                    timezone: src.timeline.teams[i].owner.tz.name().to_owned(),
                    timezone_name: lang.zone_name(src.timeline.teams[i].owner.tz.name()),
                    agents_max: t.shifts.iter().map(|s| s.agents.value).max().unwrap_or(0),
                    shifts: t
                        .shifts
                        .iter()
                        .map(|s| Shift {
                            name: text(s.name.as_ref(), lang),
                            agents: s.agents.value,
                            hours: schedule_lines(&s.hours.value, lang),
                        })
                        .collect(),
                })
                .collect(),
            valid: Validity::of(src, lang),
            channels: channels(src, &views, lang),
            escalation: escalation(src, lang),
            complaints: plan
                .complaints
                .iter()
                .map(|c| Complaint {
                    id: c.id.value.clone(),
                    name: name_or_id(c.name.as_ref(), &c.id.value, lang),
                    description: text(c.description.as_ref(), lang),
                    escalation: c.escalation.as_ref().map(|e| {
                        plan.escalation
                            .iter()
                            .find(|p| p.id.value == e.value)
                            .and_then(|p| p.name.as_ref())
                            .map_or_else(|| e.value.clone(), |n| localized(&n.value, lang))
                    }),
                    resolve_within: c.resolve_within.as_ref().map(|r| lang.duration(&r.value)),
                    remedies: c
                        .remedies
                        .iter()
                        .map(|r| Remedy {
                            kind: r.kind.value.as_str().to_owned(),
                            value: r.value.as_ref().map(|v| lang.amount(&v.value, cur.as_deref())),
                            approver: r.approver.as_ref().map(|a| party_name(plan, &a.value, lang)),
                            description: text(r.description.as_ref(), lang),
                        })
                        .collect(),
                })
                .collect(),
            authority: plan
                .authority
                .iter()
                .map(|a| {
                    let is_contact = plan.contacts.iter().any(|c| c.id.value == a.who.value);
                    Authority {
                        who: party_name(plan, &a.who.value, lang),
                        kind: if is_contact { "contact" } else { "team" }.to_owned(),
                        limit: lang.amount(&a.limit.value, cur.as_deref()),
                    }
                })
                .collect(),
            training: plan
                .training
                .iter()
                .map(|t| {
                    let next = match (&t.last, &t.every) {
                        (Some(l), Some(e)) => crate::rules::people::due_date(l.value, &e.value),
                        _ => None,
                    };
                    Training {
                        id: t.id.value.clone(),
                        name: name_or_id(t.name.as_ref(), &t.id.value, lang),
                        topics: t.topics.iter().map(|s| s.value.clone()).collect(),
                        for_teams: t.teams.iter().map(|id| team_name(plan, &id.value, lang)).collect(),
                        every: t.every.as_ref().map(|e| lang.duration(&e.value)),
                        last_text: t.last.as_ref().map(|l| lang.date(l.value)),
                        next_text: next.map(|n| lang.date(n)),
                        overdue: next.is_some_and(|n| n < src.today),
                    }
                })
                .collect(),
            after_sales: AfterSales::of(src, None, lang),
            feedback: plan
                .feedback
                .iter()
                .map(|f| Feedback {
                    id: f.id.value.clone(),
                    name: name_or_id(f.name.as_ref(), &f.id.value, lang),
                    kind: f.kind.value.as_str().to_owned(),
                    via: f.via.as_ref().map(|v| channel_name_by_id(plan, &v.value, lang)),
                    when: f.when.as_ref().map(|w| localized(&w.value, lang)),
                })
                .collect(),
            metrics: plan
                .metrics
                .iter()
                .map(|m| Metric {
                    id: m.id.value.clone(),
                    name: name_or_id(m.name.as_ref(), &m.id.value, lang),
                    target: m.target.as_ref().map(|t| lang.target(&t.value)),
                    source: m.source.as_ref().map(|s| {
                        plan.feedback
                            .iter()
                            .find(|f| f.id.value == s.value)
                            .and_then(|f| f.name.as_ref())
                            .map_or_else(|| s.value.clone(), |n| localized(&n.value, lang))
                    }),
                    channel: m.channel.as_ref().map(|c| channel_name_by_id(plan, &c.value, lang)),
                })
                .collect(),
            coverage: coverage(src, lang),
            staffing: staffing(src, lang),
            holidays: src
                .timeline
                .plan_owner
                .holidays
                .between(days.from, days.to)
                .map(|h| {
                    let (name, name_lang) = h.name_in(&lang.tag);
                    PublicHoliday {
                        date_text: lang.date(h.date),
                        name: name.into_owned(),
                        name_lang: super::common::other_language(name_lang, lang),
                    }
                })
                .collect(),
            exceptions: closures(&closure_sources, lang),
        }
    }
}

fn plan_info(src: &Source<'_>, lang: &Language) -> PlanInfo {
    let plan = src.plan;
    let review = plan.meta.review.as_ref().map(|r| {
        let next = match (&r.last, &r.every) {
            (Some(l), Some(e)) => crate::rules::people::due_date(l.value, &e.value),
            _ => None,
        };
        Review {
            last_text: r.last.as_ref().map(|l| lang.date(l.value)),
            every_text: r.every.as_ref().map(|e| lang.duration(&e.value)),
            next_text: next.map(|n| lang.date(n)),
            overdue: next.is_some_and(|n| n < src.today),
        }
    });
    PlanInfo {
        name: text(plan.meta.name.as_ref(), lang),
        company: text(plan.meta.company.as_ref(), lang),
        owner: plan.meta.owner.as_ref().and_then(|o| Contact::of(plan, &o.value, lang)),
        timezone: plan_zone(plan),
        timezone_name: lang.zone_name(&plan_zone(plan)),
        holidays: plan
            .meta
            .holidays
            .as_ref()
            .and_then(|h| h.calendar.as_ref())
            .map(|c| c.value.to_string()),
        holidays_name: plan
            .meta
            .holidays
            .as_ref()
            .and_then(|h| h.calendar.as_ref())
            .map(|c| lang.calendar_name(&c.value.to_string())),
        currency: currency(plan),
        languages: plan.meta.languages.iter().map(|l| l.value.0.clone()).collect(),
        review,
        horizon_days: src.timeline.days.len(),
    }
}

fn channels(src: &Source<'_>, views: &[View], lang: &Language) -> Vec<Channel> {
    let plan = src.plan;
    plan.channels
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let times = &src.timeline.channels[i];
            let hours = match &c.hours {
                Some(h) => schedule_lines(&h.value, lang),
                None => views[i]
                    .periods
                    .first()
                    .map_or_else(Vec::new, |p| week_lines(&p.week, lang)),
            };
            Channel {
                id: c.id.value.clone(),
                kind: c.kind.value.as_str().to_owned(),
                live: c.kind.value.is_live(),
                name: channel_name(c, lang),
                description: text(c.description.as_ref(), lang),
                address: c.address.as_ref().map(|a| a.value.clone()),
                toll_free: c.is_toll_free(),
                team: c.team.as_ref().map(|t| team_name(plan, &t.value, lang)),
                hours,
                response: c.response.as_ref().map(|r| lang.duration(&r.value)),
                timezone: times.owner.tz.name().to_owned(),
                timezone_name: lang.zone_name(times.owner.tz.name()),
            }
        })
        .collect()
}

fn escalation(src: &Source<'_>, lang: &Language) -> Vec<EscalationPath> {
    let plan = src.plan;
    plan.escalation
        .iter()
        .map(|p| EscalationPath {
            id: p.id.value.clone(),
            name: name_or_id(p.name.as_ref(), &p.id.value, lang),
            description: text(p.description.as_ref(), lang),
            channels: p
                .channels
                .iter()
                .filter_map(|id| plan.channels.iter().find(|c| c.id.value == id.value))
                .map(|c| channel_name(c, lang))
                .collect(),
            steps: p
                .steps
                .iter()
                .enumerate()
                .map(|(k, s)| {
                    let after = s.after.as_ref().map(|a| lang.duration(&a.value));
                    match &s.target {
                        StepTarget::Team(id) => EscalationStep {
                            number: k + 1,
                            after,
                            kind: "team".to_owned(),
                            name: team_name(plan, &id.value, lang),
                            role: None,
                            phone: None,
                            email: None,
                            hours: plan
                                .teams
                                .iter()
                                .find(|t| t.id.value == id.value)
                                .map_or_else(Vec::new, |t| team_week(src, t, lang)),
                        },
                        StepTarget::Contact(id) => {
                            let c = Contact::of(plan, &id.value, lang);
                            EscalationStep {
                                number: k + 1,
                                after,
                                kind: "contact".to_owned(),
                                name: c.as_ref().map_or_else(|| id.value.clone(), |c| c.name.clone()),
                                role: c.as_ref().and_then(|c| c.role.clone()),
                                phone: c.as_ref().and_then(|c| c.phone.clone()),
                                email: c.as_ref().and_then(|c| c.email.clone()),
                                hours: c.map_or_else(Vec::new, |c| c.hours),
                            }
                        }
                    }
                })
                .collect(),
        })
        .collect()
}

/// The staffing table of each channel with a forecast (an ordinary week), or `None`.
fn staffing(src: &Source<'_>, lang: &Language) -> Option<Vec<Staffing>> {
    let all = crate::staffing::compute(src.plan, src.timeline, src.today, 30);
    if all.is_empty() {
        return None;
    }
    let percent = |x: f64| {
        lang.text("format.percent")
            .replace("{n}", &lang.decimal((x * 100.0).round(), 0))
    };
    let tables = all
        .iter()
        .map(|c| {
            let forecast = &src.plan.staffing[c.forecast];
            let rows = crate::staffing::merged(&c.slots)
                .into_iter()
                .map(|(start, end, s)| {
                    let (a, b) = (local_datetime(c.tz, start), local_datetime(c.tz, end));
                    let minute = |t: chrono::DateTime<chrono_tz::Tz>| (t.hour() * 60 + t.minute()) as u16;
                    let until = if b.date_naive() != a.date_naive() && minute(b) == 0 {
                        24 * 60
                    } else {
                        minute(b)
                    };
                    StaffingRow {
                        when: format!(
                            "{} {}",
                            lang.weekday_short(a.weekday()),
                            lang.time_range(minute(a), until)
                        ),
                        volume: lang.decimal(s.volume_per_hour, 1),
                        required: s.agents_required,
                        scheduled: s.agents_scheduled,
                        on_duty: s.agents_on_duty,
                        service_level: percent(s.service_level),
                        short: s.agents_available < s.team_required,
                    }
                })
                .collect();
            let target_time = Duration::Clock {
                seconds: c.target_seconds as u64,
                calendar: false,
            };
            Staffing {
                channel: channel_name(&src.plan.channels[c.channel], lang),
                target: lang.target(&Target::Service {
                    percent: c.target_share * 100.0,
                    within: target_time,
                }),
                shrinkage: percent(forecast.shrinkage.as_ref().map_or(0.0, |s| s.value / 100.0)),
                timezone: c.tz.name().to_owned(),
                timezone_name: lang.zone_name(c.tz.name()),
                rows,
            }
        })
        .collect();
    Some(tables)
}

/// The week from today, hour by hour, for every profile.
fn coverage(src: &Source<'_>, lang: &Language) -> Coverage {
    let week = DateWindow::span(src.today, 7);
    let profiles = src
        .plan
        .profiles
        .iter()
        .zip(&src.timeline.profiles)
        .map(|(profile, times)| {
            let tz = times.owner.tz;
            let rows = (0..7)
                .map(|d| {
                    let date = week.from + Days::new(d);
                    CoverageRow {
                        day: format!("{} {}", lang.weekday_short(date.weekday()), lang.date_short(date)),
                        cells: day_cells(times, date)
                            .iter()
                            .map(|c| c.map_or("none", |c| c.as_str()).to_owned())
                            .collect(),
                    }
                })
                .collect();
            let week_span = week.in_zone(tz);
            let gaps = times
                .gaps
                .iter()
                .filter(|g| !g.intended && g.interval.start < week_span.end && week_span.start < g.interval.end)
                .map(|g| {
                    let (s, e) = (local_datetime(tz, g.interval.start), local_datetime(tz, g.interval.end));
                    let minute = |t: chrono::DateTime<chrono_tz::Tz>| (t.hour() * 60 + t.minute()) as u16;
                    format!(
                        "{} {} {}",
                        lang.weekday_short(s.weekday()),
                        lang.date_short(s.date_naive()),
                        lang.time_range(minute(s), minute(e))
                    )
                })
                .collect();
            CoverageProfile {
                id: profile.id.value.clone(),
                name: name_or_id(profile.name.as_ref(), &profile.id.value, lang),
                timezone: tz.name().to_owned(),
                timezone_name: lang.zone_name(tz.name()),
                rows,
                gaps,
            }
        })
        .collect();
    Coverage {
        from_text: lang.date(src.today),
        days: 7,
        profiles,
    }
}
