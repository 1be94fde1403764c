//! The customer FAQ's context for one profile in one language. Its types have fields only
//! for what customers may see, so the promise that an FAQ shows nothing internal holds by
//! construction: no template, built-in or custom, can print a contact, an authority limit,
//! a shift or a team's internal name, because the FAQ's context has no field to carry one.

use super::Source;
use super::common::{AfterSales, Closure, ClosureSource, Common, DocumentLink, HoursLine, Validity, closures};
use super::format::{customer_channel_name, fallback_lang, localized, text, week_lines};
use super::hours::{self, View};
use crate::model::values::{Duration, LanguageTag};
use crate::model::{FeedbackKind, Id};
use crate::render::i18n::Language;
use schemars::JsonSchema;
use serde::Serialize;

/// A customer FAQ for one profile in one language.
///
/// Customers read it, so it holds nothing internal, and by type: there is no field for
/// contacts, approval limits, shifts, head counts, escalation paths or the teams that work
/// the channels (of a team, only the languages it speaks reach an FAQ, as language names).
/// The nested types are the FAQ's own, except the shapes it shares with the handbook that
/// hold only what customers may read: hours lines, the days with other hours, the dates
/// the hours hold for, and the after-sales terms. A template therefore cannot leak
/// internal data, whatever it does.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FaqContext {
    /// What every template receives; its fields sit beside the others.
    #[serde(flatten)]
    pub common: Common,
    /// The company's name.
    pub company: Option<String>,
    /// The plan's name (empty text when it has none).
    pub plan_name: String,
    /// The customer profile the FAQ is for.
    pub profile: Profile,
    /// The days the hours below hold for: the plan's horizon from the render date.
    pub valid: Validity,
    /// The channels offered to the profile.
    pub channels: Vec<Channel>,
    /// Days within the horizon on which an offered channel keeps other hours than its
    /// regular ones (public holidays of its or its team's calendar, `dates:` entries of
    /// its hours or its team's shifts), with its hours that day in the profile's zone.
    pub closures: Vec<Closure>,
    /// Self-help articles for the profile: those without `channels:` and `profiles:`, those
    /// about a channel offered to it, and those naming it.
    pub self_help: SelfHelp,
    /// Complaint categories: which kinds of compensation exist (no values or approvers).
    pub complaints: Vec<Complaint>,
    /// After-sales terms, as in the handbook but with only the channels offered to the
    /// profile; `null` when the plan has none.
    pub after_sales: Option<AfterSales>,
    /// The ways of giving feedback customers of the profile take part in: surveys, reviews
    /// and interviews, through a channel offered to them where one is named (complaint
    /// analysis and social listening are not something customers do).
    pub feedback: Vec<Feedback>,
    /// schema.org data about the company, its channels for this profile and its questions
    /// (JSON-LD), serialised so that it can stand inside
    /// `<script type="application/ld+json">` as it is (`<`, `>` and `&` are escaped).
    pub json_ld: String,
}

/// The customer profile an FAQ is for.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Profile {
    /// The profile's id.
    pub id: String,
    /// The profile's name, else the `faq.all_customers` words.
    pub name: String,
    /// The plan's description of the group (written for staff; the built-in FAQ does not
    /// show it).
    pub description: Option<String>,
    /// Every time in the FAQ is local time in this zone (IANA id).
    pub timezone: String,
    /// Its name in words in the document's language (`Mitteleuropäische Zeit`).
    pub timezone_name: String,
}

/// A channel offered to the profile.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Channel {
    /// `phone`, `chat`, `video`, `in-person` (live); `email`, `web-form`, `social`, `letter`
    /// (written). The built-in templates name it with `t.channel.kind[kind]`.
    pub kind: String,
    /// The kind is a live one.
    pub live: bool,
    /// The channel's name, else the name of its kind (`E-mail`), never its id.
    pub name: String,
    /// What the channel is for.
    pub description: Option<String>,
    /// Number, e-mail address, web address, postal address or handle, as written: the
    /// channel's address for the first of the profile's countries that has one (see
    /// `addresses:`), else its `address`.
    pub address: Option<String>,
    /// Calls are free of charge from every country the profile lives in.
    pub toll_free: bool,
    /// Its regular hours: the recurring week of its schedule (no public holidays, no
    /// `dates:` entries), while its team is on shift, converted to the profile's zone and
    /// grouped by days with the same hours. Written channels: when they are worked.
    /// Empty when the plan states none.
    pub hours: Vec<HoursLine>,
    /// Where a clock change in the profile's zone or the channel's moves its regular hours
    /// as seen from the profile's zone within the horizon, one entry per stretch of days
    /// with the same hours, in order (the first one's hours are `hours`); empty when they
    /// hold for the whole horizon.
    pub periods: Vec<Period>,
    /// True for written channels: they accept messages at any time (`hours` are when the
    /// messages are answered).
    pub any_time: bool,
    /// The promised time to first response.
    pub response: Option<String>,
    /// The promise counts only the hours above (`3 business hours`), not calendar time.
    pub response_business: bool,
    /// The names of the languages its team speaks, in the document's language (`Thai`);
    /// empty when the plan does not say.
    pub languages: Vec<String>,
    /// Those languages as a list in text (`Thai and English`) when none of them is the
    /// document's language, so customers reading this FAQ are served in another one;
    /// `null` when the team speaks the document's language or its languages are not known.
    pub only_in: Option<String>,
}

/// A stretch of days between clock changes with the same regular hours.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Period {
    /// When it holds, ready to print before its hours: `Until 13 March 2027`, `From 14
    /// March 2027 to 27 March 2027`, `From 28 March 2027` (`hours.until`, `hours.between`,
    /// `hours.from`).
    pub label: String,
    /// The regular hours in that stretch, in the profile's zone.
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
    /// The language of `question` when the plan lacks it in the document's language and
    /// another translation is shown; `null` otherwise.
    pub question_lang: Option<String>,
    /// The answer.
    pub answer: String,
    /// The language of `answer`, as for `question_lang`.
    pub answer_lang: Option<String>,
}

/// A step-by-step guide.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Guide {
    /// The guide's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The language of `title` when the plan lacks it in the document's language and
    /// another translation is shown; `null` otherwise.
    pub title_lang: Option<String>,
    /// Its steps.
    pub steps: Vec<String>,
    /// Where it is online.
    pub url: Option<String>,
}

/// A complaint category, as customers see it.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Complaint {
    /// The category's name, else the `faq.other_complaints` words.
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
    /// The source's name, else the name of its kind (`t.feedback.kind`).
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
        let countries = plan.profile_countries(profile);
        let views: Vec<(usize, View)> = times
            .channels
            .iter()
            .map(|&ci| (ci, hours::view(src, ci, tz, src.timeline.days)))
            .collect();
        let channels = views
            .iter()
            .map(|(ci, view)| {
                let c = &plan.channels[*ci];
                let live = c.kind.value.is_live();
                let spoken = &src.timeline.channels[*ci].languages;
                let mut languages: Vec<String> = Vec::new();
                for l in spoken {
                    // `pt` and `pt-BR` are one language to a reader.
                    let name = lang.language_name(&l.primary().to_ascii_lowercase());
                    if !languages.contains(&name) {
                        languages.push(name);
                    }
                }
                let reader = LanguageTag(lang.tag.clone());
                let speaks_reader = spoken
                    .iter()
                    .any(|l| l.primary().eq_ignore_ascii_case(reader.primary()));
                let only_in = (!spoken.is_empty() && !speaks_reader).then(|| lang.list(&languages));
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
                    name: customer_channel_name(c, lang),
                    description: text(c.description.as_ref(), lang),
                    address: address.map(|a| a.value.clone()),
                    toll_free: free,
                    hours: view
                        .periods
                        .first()
                        .map_or_else(Vec::new, |p| week_lines(&p.week, lang)),
                    periods: periods(view, src.timeline.days, lang),
                    any_time: !live,
                    response: c.response.as_ref().map(|r| lang.duration(&r.value)),
                    response_business: c
                        .response
                        .as_ref()
                        .is_some_and(|r| matches!(r.value, Duration::BusinessTime { .. } | Duration::BusinessDays(_))),
                    languages: languages.clone(),
                    only_in,
                }
            })
            .collect();
        // Self-help that names channels is for the profiles offered one of them; self-help
        // that names profiles is for those profiles.
        let offered = |id: &Id| times.channels.iter().any(|&ci| plan.channels[ci].id.value == id.value);
        let for_profile = |channels: Option<&[Id]>, profiles: Option<&[Id]>| {
            channels.is_none_or(|ids| ids.iter().any(offered))
                && profiles.is_none_or(|ids| ids.iter().any(|id| id.value == profile.id.value))
        };
        let closure_sources: Vec<ClosureSource<'_>> = views
            .iter()
            .map(|(ci, view)| ClosureSource {
                name: customer_channel_name(&plan.channels[*ci], lang),
                live: plan.channels[*ci].kind.value.is_live(),
                view,
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
                name: profile
                    .name
                    .as_ref()
                    .map_or_else(|| lang.text("faq.all_customers"), |n| localized(&n.value, lang)),
                description: text(profile.description.as_ref(), lang),
                timezone: tz.name().to_owned(),
                timezone_name: lang.zone_name(tz.name()),
            },
            valid: Validity::of(src, lang),
            json_ld: crate::render::jsonld::faq_script(src, profile_index, lang),
            channels,
            closures: closures(&closure_sources, lang),
            self_help: SelfHelp {
                faq: plan
                    .self_help
                    .faq
                    .iter()
                    .filter(|f| for_profile(f.channels.as_deref(), f.profiles.as_deref()))
                    .map(|f| Question {
                        question: localized(&f.question.value, lang),
                        question_lang: fallback_lang(&f.question.value, lang),
                        answer: localized(&f.answer.value, lang),
                        answer_lang: fallback_lang(&f.answer.value, lang),
                    })
                    .collect(),
                guides: plan
                    .self_help
                    .guides
                    .iter()
                    .filter(|g| for_profile(g.channels.as_deref(), g.profiles.as_deref()))
                    .map(|g| Guide {
                        id: g.id.value.clone(),
                        title: localized(&g.title.value, lang),
                        title_lang: fallback_lang(&g.title.value, lang),
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
                        name: c
                            .name
                            .as_ref()
                            .map_or_else(|| lang.text("faq.other_complaints"), |n| localized(&n.value, lang)),
                        description: text(c.description.as_ref(), lang),
                        resolve_within: c.resolve_within.as_ref().map(|r| lang.duration(&r.value)),
                        remedies: kinds,
                    }
                })
                .collect(),
            after_sales: AfterSales::of(src, Some(&times.channels), lang),
            feedback: plan
                .feedback
                .iter()
                .filter(|f| customers_take_part(f.kind.value) && f.via.as_ref().is_none_or(offered))
                .map(|f| Feedback {
                    kind: f.kind.value.as_str().to_owned(),
                    name: f.name.as_ref().map_or_else(
                        || lang.text(&format!("feedback.kind.{}", f.kind.value.as_str())),
                        |n| localized(&n.value, lang),
                    ),
                })
                .collect(),
        }
    }
}

/// The periods of a channel's regular hours, labelled; none when one period covers the
/// horizon.
fn periods(view: &View, days: crate::coverage::DateWindow, lang: &Language) -> Vec<Period> {
    if view.periods.len() < 2 {
        return Vec::new();
    }
    let last = days.to.pred_opt().unwrap_or(days.from);
    view.periods
        .iter()
        .map(|p| {
            let label = if p.from <= days.from {
                lang.text("hours.until").replace("{date}", &lang.date_in_text(p.until))
            } else if p.until >= last {
                lang.text("hours.from").replace("{date}", &lang.date_in_text(p.from))
            } else {
                lang.text("hours.between")
                    .replace("{from}", &lang.date_in_text(p.from))
                    .replace("{to}", &lang.date_in_text(p.until))
            };
            Period {
                label,
                hours: week_lines(&p.week, lang),
            }
        })
        .collect()
}

/// Whether customers take part in a kind of feedback: they answer surveys, write reviews
/// and give interviews; complaint analysis and social listening happen without them.
fn customers_take_part(kind: FeedbackKind) -> bool {
    match kind {
        FeedbackKind::Survey | FeedbackKind::Review | FeedbackKind::Interview => true,
        FeedbackKind::SocialListening | FeedbackKind::ComplaintAnalysis => false,
    }
}
