//! The part of the context every template receives (language, catalogue, render date and
//! the documents it may link to), and the shapes several documents share: hours lines and
//! after-sales terms.

use super::Source;
use super::format::{channel_name, currency, customer_channel_name, join_ranges, text};
use super::hours::View;
use crate::render::i18n::{Catalogue, Language};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::Serialize;
use std::collections::BTreeMap;

/// One line of hours: a day or group of days and its times, both already in the
/// document's language (`{ "days": "Mo–Fr", "times": "08:00–18:00, 19:00–20:00" }`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct HoursLine {
    /// A weekday or a range of weekdays (`Mo–Fr`, `Sa, So`), the `hours.public_holidays`
    /// word, a date (`24. Dezember 2026`) or a date range, or the `hours.always` words for a
    /// `24/7` schedule.
    pub days: String,
    /// One or more ranges (`08:00–12:00, 13:00–18:00`; `00:00–24:00` with `hours.always`; `format.time_range` gives the form),
    /// or the `hours.closed` word.
    pub times: String,
}

/// The days a document's hours hold for: the plan's horizon from the render date.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Validity {
    /// The first day, a date in text (`29 November 2026`; `format.date_in_text`).
    pub from_text: String,
    /// The last day, a date in text.
    pub to_text: String,
}

impl Validity {
    /// The horizon of the timeline, in `lang`.
    pub fn of(src: &Source<'_>, lang: &Language) -> Validity {
        let days = src.timeline.days;
        Validity {
            from_text: lang.date_in_text(days.from),
            to_text: lang.date_in_text(days.to.pred_opt().unwrap_or(days.from).max(days.from)),
        }
    }
}

/// The render date.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Generated {
    /// The render date, `YYYY-MM-DD`.
    pub today: String,
    /// The render date, long form (`22. November 2026`).
    pub today_text: String,
}

/// A document another document may link to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentLink {
    /// The document's title in its own language (`handbook.title` or `faq.title` of its
    /// catalogue; for the index, the plan's name in the plan's first language, else
    /// `index.title`).
    pub title: String,
    /// The HTML file, relative to the folder of the document that links it
    /// (`faq-familien.de.html` from an FAQ, `../public/faq-familien.de.html` from the staff
    /// pages, `index.html`); the Markdown file of a handbook or an FAQ has the same name
    /// with `.md`.
    pub file: String,
    /// `handbook`, `faq` or (in an FAQ's list only) `index`.
    pub kind: String,
    /// The document's language tag.
    pub lang: String,
    /// For an FAQ, the profile's name in the document's language; `null` for a handbook
    /// and the index.
    pub profile: Option<String>,
    /// For an FAQ, the profile's id (FAQs are grouped by it); `null` for a handbook and
    /// the index.
    pub profile_id: Option<String>,
}

/// What every template receives.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Common {
    /// The document's language tag (`de`, `pt-BR`); for `index.html` the plan's first
    /// language.
    pub lang: String,
    /// The catalogue of the document's language, as nested tables (`t.handbook.title`);
    /// see [String catalogues](#string-catalogues).
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub t: Catalogue,
    /// The render date.
    pub generated: Generated,
    /// The documents this one may link to; which ones depends on the template (below).
    pub documents: Vec<DocumentLink>,
}

impl Common {
    /// The common part of a document in `lang` rendered on `today`.
    pub fn new(lang: &Language, today: NaiveDate, documents: Vec<DocumentLink>) -> Common {
        Common {
            lang: lang.tag.clone(),
            t: lang.strings.clone(),
            generated: Generated {
                today: today.to_string(),
                today_text: lang.date(today),
            },
            documents,
        }
    }
}

/// Service after the sale, as customers may read it (also in the handbook).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct AfterSales {
    /// The warranty, a duration (`2 Jahre`).
    pub warranty: Option<String>,
    /// Installation with a purchase.
    pub installation: Option<Installation>,
    /// Names of the channels that give technical support.
    pub technical_support: Vec<String>,
    /// The returns policy.
    pub returns: Option<Returns>,
}

/// Installation offered with a purchase.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Installation {
    /// Whether installation is offered.
    pub offered: bool,
    /// Its price, an amount, or the `amount.free` words when it is zero.
    pub price: Option<String>,
    /// The conditions under which it is offered.
    pub condition: Option<String>,
}

/// The returns policy.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Returns {
    /// The return period, a duration.
    pub within: Option<String>,
    /// The conditions for returns.
    pub condition: Option<String>,
}

impl AfterSales {
    /// The plan's after-sales terms, `None` when it has none. With `offered` (indexes into
    /// `plan.channels`) the terms are for customers: only those channels are named, and a
    /// channel without a name is called by its kind, not by its id.
    pub fn of(src: &Source<'_>, offered: Option<&[usize]>, lang: &Language) -> Option<AfterSales> {
        let plan = src.plan;
        let a = plan.after_sales.as_ref()?;
        let cur = currency(plan);
        Some(AfterSales {
            warranty: a.warranty.as_ref().map(|w| lang.duration(&w.value)),
            installation: a.installation.as_ref().map(|i| Installation {
                offered: i.offered.value,
                price: i.price.as_ref().map(|p| lang.price(&p.value, cur.as_deref())),
                condition: text(i.condition.as_ref(), lang),
            }),
            technical_support: a
                .technical_support
                .iter()
                .filter_map(|id| plan.channels.iter().position(|c| c.id.value == id.value))
                .filter(|ci| offered.is_none_or(|o| o.contains(ci)))
                .map(|ci| match offered {
                    Some(_) => customer_channel_name(&plan.channels[ci], lang),
                    None => channel_name(&plan.channels[ci], lang),
                })
                .collect(),
            returns: a.returns.as_ref().map(|r| Returns {
                within: r.within.as_ref().map(|w| lang.duration(&w.value)),
                condition: text(r.condition.as_ref(), lang),
            }),
        })
    }
}

/// A day on which some channels keep other hours than their regular ones.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Closure {
    /// Long date.
    pub date_text: String,
    /// The public holiday's name, or `faq.special_hours` for a day with special hours (a
    /// `dates:` entry).
    pub name: String,
    /// The language of `name` when it is not the document's: a built-in calendar's name is
    /// in the document's language where the data has it, else in the country's own
    /// language (`lv`), else in English (`en`); `null` for a name in the document's
    /// language or in an unknown one (from an iCalendar file). Templates mark such a name
    /// with a `lang` attribute.
    pub name_lang: Option<String>,
    /// Names of live channels closed all day.
    pub closed: Vec<String>,
    /// Names of written channels not worked all day: messages still arrive, and wait.
    pub unanswered: Vec<String>,
    /// Channels open (live) or worked (written) at other hours that day.
    pub changed: Vec<ChangedHours>,
}

/// A channel's hours on a day with other hours.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangedHours {
    /// The channel's name.
    pub channel: String,
    /// The channel is a live one (else its hours are when messages are worked).
    pub live: bool,
    /// Its hours that day: one line, the weekday and the times.
    pub hours: Vec<HoursLine>,
}

/// A channel whose days with other hours go into a list of closures.
pub struct ClosureSource<'v> {
    /// The channel's name as the document shows it.
    pub name: String,
    /// Whether it is a live channel (else a written one).
    pub live: bool,
    /// Its hours, seen from the document's zone.
    pub view: &'v View,
}

/// The days with other hours of several channels, one entry per date in date order, the
/// channels of each in the order given.
pub fn closures(channels: &[ClosureSource<'_>], lang: &Language) -> Vec<Closure> {
    let mut by_date: BTreeMap<NaiveDate, (Option<super::hours::HolidayName>, Closure)> = BTreeMap::new();
    for channel in channels {
        for exception in &channel.view.exceptions {
            let (holiday, closure) = by_date.entry(exception.date).or_insert_with(|| {
                (
                    None,
                    Closure {
                        date_text: lang.date(exception.date),
                        name: String::new(),
                        name_lang: None,
                        closed: Vec::new(),
                        unanswered: Vec::new(),
                        changed: Vec::new(),
                    },
                )
            });
            if holiday.is_none() {
                holiday.clone_from(&exception.holiday);
            }
            if exception.ranges.is_empty() {
                if channel.live {
                    closure.closed.push(channel.name.clone());
                } else {
                    closure.unanswered.push(channel.name.clone());
                }
            } else {
                closure.changed.push(ChangedHours {
                    channel: channel.name.clone(),
                    live: channel.live,
                    hours: vec![HoursLine {
                        days: lang.weekday_short(exception.date.weekday()),
                        times: join_ranges(&exception.ranges, lang),
                    }],
                });
            }
        }
    }
    by_date
        .into_values()
        .map(|(holiday, mut closure)| {
            match holiday {
                Some(holiday) => {
                    let (name, name_lang) = holiday.name_in(&lang.tag);
                    closure.name = name.into_owned();
                    closure.name_lang = other_language(name_lang, lang);
                }
                None => closure.name = lang.text("faq.special_hours"),
            }
            closure
        })
        .collect()
}

/// `name_lang`, the language a name is in, as a document in `lang` marks it: `None` when it
/// is the page's language (`pt-BR` on a `pt` page too) or unknown.
pub fn other_language(name_lang: Option<&str>, lang: &Language) -> Option<String> {
    use crate::time::holidays::primary_language;
    name_lang
        .filter(|l| !primary_language(l).eq_ignore_ascii_case(primary_language(&lang.tag)))
        .map(str::to_owned)
}
