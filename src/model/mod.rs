//! The validated plan: every section of the format (SPEC §2) as domain types. Values the
//! rules may point at carry their [`Loc`]; references are kept as written (an id and its
//! location) and resolved by the reference rules, so a plan with a dangling reference still
//! loads and every other rule still runs.
//!
//! These types are also the one description of the file's shape: they derive [`JsonSchema`],
//! the editor schema is generated from them (`crate::schema`), and the loader accepts exactly
//! the keys that schema names. Their doc comments are the descriptions editors show. Fields
//! that are not keys of the file (locations, values the loader works out) are
//! `#[schemars(skip)]`; a value the model keeps in a general type names its written form with
//! `#[schemars(with)]` (see the `syntax` module).

mod location;
mod refs;
mod schedule;
mod syntax;
mod text;
pub mod values;

pub use location::{FileId, Loc, Located, PlanPath, Segment};
pub use refs::{Definition, EntityKind, Reference};
pub use schedule::{DateRule, DayRule, HolidaySpec, Schedule};
pub use text::Text;

use chrono::NaiveDate;
use schemars::JsonSchema;
use std::collections::BTreeMap;
use values::{Amount, CalendarId, Duration, LanguageTag, Target};

/// An id as defined or as referenced, with its location.
pub type Id = Located<String>;

/// A customer-service plan: who serves customers when, on which channels, and what happens
/// when something goes wrong.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(title = "Customer-service plan", rename_all = "kebab-case", deny_unknown_fields)]
pub struct Plan {
    #[schemars(skip)]
    pub file: FileId,
    /// Version of the plan format; this release reads version 1.
    // Optional here so that a plan without it still loads far enough to report it.
    #[schemars(with = "syntax::FormatVersion")]
    pub version: Option<Located<i64>>,
    /// The plan's name and owner, and the defaults for time zone, holidays, currency and
    /// languages.
    #[schemars(rename = "plan")]
    pub meta: PlanMeta,
    /// People staff must be able to reach, such as managers; internal, never shown to
    /// customers.
    #[schemars(default)]
    pub contacts: Vec<Contact>,
    /// The teams that work the channels, with their hours and agents.
    #[schemars(default)]
    pub teams: Vec<Team>,
    /// The ways customers reach the business: phone, chat, e-mail, letters and more.
    #[schemars(default)]
    pub channels: Vec<Channel>,
    /// Customer profiles: who the customers are, what they need and when they expect help.
    #[schemars(default)]
    pub profiles: Vec<Profile>,
    /// Escalation paths: who takes a contact over, and after how long.
    #[schemars(default)]
    pub escalation: Vec<EscalationPath>,
    /// Complaint categories, with their escalation path, deadline and remedies.
    #[schemars(default)]
    pub complaints: Vec<Complaint>,
    /// The most each team or contact (by id) may grant per case without approval, e.g.
    /// `first-line: 50 EUR`.
    // Written as a map from id to amount; kept as a list of entries with their locations.
    #[schemars(default, with = "BTreeMap<String, Amount>")]
    pub authority: Vec<AuthorityEntry>,
    /// Warranty, installation, technical support and returns.
    pub after_sales: Option<AfterSales>,
    /// Training the teams take, and how often.
    #[schemars(default)]
    pub training: Vec<Training>,
    /// Customer education: frequently asked questions and step-by-step guides.
    #[schemars(default)]
    pub self_help: SelfHelp,
    /// How customer feedback is collected.
    #[schemars(default)]
    pub feedback: Vec<Feedback>,
    /// Measured goals and their targets.
    #[schemars(default)]
    pub metrics: Vec<Metric>,
    /// Contact-volume forecasts per channel, to work out the agents needed (Erlang C).
    #[schemars(default)]
    pub staffing: Vec<StaffingForecast>,
    /// Rule configuration for this plan: rules turned off, warned about or denied, and
    /// accepted findings.
    #[schemars(default)]
    pub checks: ChecksConfig,
    /// Where the sections are, for findings about a whole section or a missing key.
    #[schemars(skip)]
    pub sections: Vec<(String, Loc)>,
    /// The location of the document root (the top of the file).
    #[schemars(skip)]
    pub root: Loc,
    /// Where the loader reported a value it could not use (unreadable or out of range), so
    /// that a rule does not also report the value as missing.
    #[schemars(skip)]
    pub unreadable: Vec<PlanPath>,
}

impl Plan {
    /// Whether a value was written at `path` (or inside it) that the loader reported and
    /// left out: the rule that reported it has said all there is to say.
    pub fn unreadable_at(&self, path: &PlanPath) -> bool {
        self.unreadable.iter().any(|p| p.starts_with(path))
    }

    /// The ids of a top-level section whose entities have one (`channels`, `teams`, …), in
    /// plan order; `None` for other sections.
    pub fn ids(&self, section: &str) -> Option<Vec<&Id>> {
        fn of<T>(items: &[T], id: fn(&T) -> &Id) -> Vec<&Id> {
            items.iter().map(id).collect()
        }
        Some(match section {
            "contacts" => of(&self.contacts, |x| &x.id),
            "teams" => of(&self.teams, |x| &x.id),
            "channels" => of(&self.channels, |x| &x.id),
            "profiles" => of(&self.profiles, |x| &x.id),
            "escalation" => of(&self.escalation, |x| &x.id),
            "complaints" => of(&self.complaints, |x| &x.id),
            "training" => of(&self.training, |x| &x.id),
            "feedback" => of(&self.feedback, |x| &x.id),
            "metrics" => of(&self.metrics, |x| &x.id),
            _ => return None,
        })
    }

    /// The id of the entry at `index` of a top-level section as the file lists it
    /// (`channels[2]`), found by where the id was written: an entry the loader could not
    /// read is left out of the plan, so the plan's own list may be shorter than the file's.
    pub fn id_at(&self, section: &str, index: usize) -> Option<&str> {
        let at = [Segment::Key(section.to_owned()), Segment::Index(index)];
        self.ids(section)?
            .into_iter()
            .find(|id| id.loc.path.0.starts_with(&at))
            .map(|id| id.value.as_str())
    }

    /// The location of a top-level section's key, if the plan has that section.
    pub fn section(&self, name: &str) -> Option<&Loc> {
        self.sections.iter().find(|(n, _)| n == name).map(|(_, l)| l)
    }
}

/// The plan's name and owner, and the defaults for every schedule and amount (the `plan:`
/// section).
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PlanMeta {
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the plan, shown on the documents.
    pub name: Option<Located<Text>>,
    /// The company whose plan this is.
    pub company: Option<Located<Text>>,
    /// The contact accountable for the plan (a contact id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub owner: Option<Id>,
    /// Default time zone of every schedule, e.g. `Europe/Berlin`.
    #[schemars(with = "Option<syntax::TimeZone>")]
    pub timezone: Option<Located<chrono_tz::Tz>>,
    /// Default public-holiday calendar, e.g. `DE-BE`.
    #[schemars(with = "Option<syntax::Holidays>")]
    pub holidays: Option<HolidaySpec>,
    /// Default currency of amounts, e.g. `EUR`.
    #[schemars(with = "Option<syntax::Currency>")]
    pub currency: Option<Located<iso_currency::Currency>>,
    /// Languages the documents are rendered in, e.g. `[de, en]`.
    #[schemars(default)]
    pub languages: Vec<Located<LanguageTag>>,
    /// When the plan was last reviewed, and how often it is reviewed.
    pub review: Option<Review>,
    /// How far ahead date-based checks look from today, e.g. `90 days`.
    pub horizon: Option<Located<Duration>>,
}

/// When the plan was last reviewed, and how often it is reviewed.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Review {
    #[schemars(skip)]
    pub loc: Loc,
    /// Date of the last review.
    #[schemars(with = "Option<syntax::Date>")]
    pub last: Option<Located<NaiveDate>>,
    /// How often the plan is reviewed, e.g. `6 months`.
    pub every: Option<Located<Duration>>,
    /// Whether `last` and `every` were written at all (a value that does not parse is
    /// reported by its value rule, not as missing).
    #[schemars(skip)]
    pub last_given: bool,
    #[schemars(skip)]
    pub every_given: bool,
}

/// A person staff must be able to reach.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Contact {
    /// Id of the contact, used to refer to them elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Full name; a duty phone may be named per language (`{ de: Schichtleitung, en: Duty
    /// manager }`).
    pub name: Option<Located<Text>>,
    /// Role or job title.
    pub role: Option<Located<Text>>,
    /// Phone number.
    #[schemars(with = "Option<syntax::PlainText>")]
    pub phone: Option<Located<String>>,
    /// E-mail address.
    #[schemars(with = "Option<syntax::PlainText>")]
    pub email: Option<Located<String>>,
    /// When this person can be reached.
    pub hours: Option<Located<Schedule>>,
    /// Time zone of these hours (default: the plan's).
    #[schemars(with = "Option<syntax::TimeZone>")]
    pub timezone: Option<Located<chrono_tz::Tz>>,
    /// Public holidays this person observes (default: the plan's calendar).
    #[schemars(with = "Option<syntax::Holidays>")]
    pub holidays: Option<HolidaySpec>,
    /// Languages this person speaks.
    #[schemars(default)]
    pub languages: Vec<Located<LanguageTag>>,
}

/// A team: its hours and agents, given as `shifts`, or as `hours` and `agents` for a single
/// shift.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("oneOf" = [
    { "required": ["shifts"], "not": { "anyOf": [{ "required": ["hours"] }, { "required": ["agents"] }] } },
    { "required": ["hours", "agents"], "not": { "required": ["shifts"] } }
]))]
pub struct Team {
    /// Id of the team, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the team.
    pub name: Option<Located<Text>>,
    /// What the team does.
    pub description: Option<Located<Text>>,
    /// The contact who leads the team (a contact id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub lead: Option<Id>,
    /// Languages the team serves customers in.
    #[schemars(default)]
    pub languages: Vec<Located<LanguageTag>>,
    /// What the team can handle, e.g. `[orders, returns, billing]`.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub skills: Vec<Located<String>>,
    /// Time zone of the team's hours (default: the plan's).
    #[schemars(with = "Option<syntax::TimeZone>")]
    pub timezone: Option<Located<chrono_tz::Tz>>,
    /// Public holidays the team observes (default: the plan's calendar).
    #[schemars(with = "Option<syntax::Holidays>")]
    pub holidays: Option<HolidaySpec>,
    /// The team's shifts; a team written with `hours:` and `agents:` has one.
    #[schemars(flatten, with = "TeamShiftKeys")]
    pub shifts: Vec<Shift>,
}

/// The keys a team's shifts are written with: a list of `shifts`, or `hours` and `agents`
/// beside the team's other keys for a single shift. [`Team::shifts`] holds either as a list.
#[derive(JsonSchema)]
#[schemars(rename_all = "kebab-case")]
#[allow(dead_code, reason = "describes keys of the file to the schema; nothing builds it")]
struct TeamShiftKeys {
    /// When the team works, for a team with a single shift (together with `agents`).
    hours: Option<Schedule>,
    /// Agents on duty during `hours`, for a team with a single shift.
    #[schemars(with = "Option<syntax::AgentCount>")]
    agents: Option<u32>,
    /// The team's shifts, each with its hours and agents.
    shifts: Option<Vec<Shift>>,
}

/// One shift of a team.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Shift {
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the shift, e.g. `Early shift`.
    pub name: Option<Located<Text>>,
    /// When the shift works.
    pub hours: Located<Schedule>,
    /// Agents on duty during the shift.
    #[schemars(with = "syntax::AgentCount")]
    pub agents: Located<u32>,
}

/// Kinds of contact channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChannelKind {
    Phone,
    Chat,
    Video,
    InPerson,
    Email,
    WebForm,
    Social,
    Letter,
}

impl ChannelKind {
    pub const ALL: [(&'static str, ChannelKind); 8] = [
        ("phone", ChannelKind::Phone),
        ("chat", ChannelKind::Chat),
        ("video", ChannelKind::Video),
        ("in-person", ChannelKind::InPerson),
        ("email", ChannelKind::Email),
        ("web-form", ChannelKind::WebForm),
        ("social", ChannelKind::Social),
        ("letter", ChannelKind::Letter),
    ];

    /// Live channels reach a person in real time; written ones take messages at any time.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            ChannelKind::Phone | ChannelKind::Chat | ChannelKind::Video | ChannelKind::InPerson
        )
    }

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("phone", |(n, _)| n)
    }
}

/// A way customers reach the business.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Channel {
    /// Id of the channel, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Kind of channel: live (phone, chat, video, in-person) or written (email, web-form,
    /// social, letter).
    pub kind: Located<ChannelKind>,
    /// Name customers know the channel by.
    pub name: Option<Located<Text>>,
    /// Description for customers.
    pub description: Option<Located<Text>>,
    /// Phone number, e-mail address, web address, handle or street address customers use.
    #[schemars(with = "Option<syntax::PlainText>")]
    pub address: Option<Located<String>>,
    /// Addresses for customers in particular countries, e.g. `{ BR: "0800 555 0140" }`; they
    /// replace `address` for customers there.
    // Written as a map from country to address; kept as a list with locations.
    #[schemars(default, with = "BTreeMap<String, syntax::PlainText>")]
    pub addresses: Vec<CountryAddress>,
    /// Whether calls are free of charge: `true` for callers in the number's own country, or
    /// the countries calls are free from, e.g. `[PT, ES]`.
    pub toll_free: Option<Located<TollFree>>,
    /// The team that works the channel (a team id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub team: Option<Id>,
    /// When the channel is open; for written channels, when it is worked (default: the
    /// team's hours).
    pub hours: Option<Located<Schedule>>,
    /// Promised time to first response; `8 business hours` counts only hours the channel is
    /// worked.
    pub response: Option<Located<Duration>>,
    /// Time zone of the channel's hours (default: the team's, then the plan's).
    #[schemars(with = "Option<syntax::TimeZone>")]
    pub timezone: Option<Located<chrono_tz::Tz>>,
    /// Public holidays the channel observes (default: the team's, then the plan's calendar).
    #[schemars(with = "Option<syntax::Holidays>")]
    pub holidays: Option<HolidaySpec>,
}

/// Whether calls to a channel's number are free, and for whom.
#[derive(Debug, Clone, PartialEq)]
pub enum TollFree {
    /// `toll-free: false`.
    No,
    /// `toll-free: true`: free for callers in the country of the number (its calling code,
    /// or the channel's own country for a number written without one).
    InItsCountry,
    /// `toll-free: [PT, ES]`: free for callers in these countries.
    From(Vec<Located<String>>),
}

/// An address of a channel for customers in one country.
#[derive(Debug, Clone)]
pub struct CountryAddress {
    /// The ISO 3166-1 country code.
    pub country: Located<String>,
    pub address: Located<String>,
}

impl Channel {
    /// Whether the plan calls the channel toll-free at all.
    pub fn is_toll_free(&self) -> bool {
        self.toll_free.as_ref().is_some_and(|t| t.value != TollFree::No)
    }

    /// The address shown to customers living in `countries`: the per-country address of
    /// the first of them that has one, else `address`.
    pub fn address_for(&self, countries: &[String]) -> Option<&Located<String>> {
        countries
            .iter()
            .find_map(|c| self.addresses.iter().find(|a| &a.country.value == c))
            .map(|a| &a.address)
            .or(self.address.as_ref())
    }

    /// The countries from which calling `address` is free. `region` is the channel's own
    /// country, for a number written without its calling code.
    pub fn free_from(&self, address: &str, region: Option<&str>) -> Vec<String> {
        match self.toll_free.as_ref().map(|t| &t.value) {
            None | Some(TollFree::No) => Vec::new(),
            Some(TollFree::From(countries)) => countries.iter().map(|c| c.value.clone()).collect(),
            Some(TollFree::InItsCountry) => values::phone_info(address, region)
                .and_then(|i| i.country)
                .or_else(|| region.map(str::to_owned))
                .into_iter()
                .collect(),
        }
    }
}

impl Plan {
    /// The country a channel is in, from its holiday calendar (its own, its team's, else
    /// the plan's): the country a number written without its calling code belongs to.
    pub fn channel_country(&self, channel: &Channel) -> Option<String> {
        let team = channel
            .team
            .as_ref()
            .and_then(|id| self.teams.iter().find(|t| t.id.value == id.value));
        [
            channel.holidays.as_ref(),
            team.and_then(|t| t.holidays.as_ref()),
            self.meta.holidays.as_ref(),
        ]
        .into_iter()
        .flatten()
        .find_map(|spec| spec.calendar.as_ref().map(|c| c.value.country.clone()))
    }

    /// The countries a profile's customers live in: its `countries`, else the country of
    /// its holiday calendar (its own, else the plan's).
    pub fn profile_countries(&self, profile: &Profile) -> Vec<String> {
        if !profile.countries.is_empty() {
            return profile.countries.iter().map(|c| c.value.clone()).collect();
        }
        [profile.holidays.as_ref(), self.meta.holidays.as_ref()]
            .into_iter()
            .flatten()
            .find_map(|spec| spec.calendar.as_ref().map(|c| c.value.country.clone()))
            .into_iter()
            .collect()
    }
}

/// A group of customers with shared needs and expectations.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Profile {
    /// Id of the profile, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the profile.
    pub name: Option<Located<Text>>,
    /// Who these customers are and what they value.
    pub description: Option<Located<Text>>,
    /// Countries the customers live in, e.g. `[DE, AT]`.
    #[schemars(default, with = "Vec<syntax::Country>")]
    pub countries: Vec<Located<String>>,
    /// Time zone the customers live in.
    #[schemars(with = "Option<syntax::TimeZone>")]
    pub timezone: Option<Located<chrono_tz::Tz>>,
    /// Public holidays the customers observe (default: the plan's calendar).
    #[schemars(with = "Option<syntax::Holidays>")]
    pub holidays: Option<HolidaySpec>,
    /// Languages the customers speak.
    #[schemars(default)]
    pub languages: Vec<Located<LanguageTag>>,
    /// Age band of the customers, e.g. `35-70` or `18+`.
    pub age: Option<Located<AgeRange>>,
    /// Gender of the customers, e.g. `mixed`.
    pub gender: Option<Located<Text>>,
    /// Education of the customers.
    pub education: Option<Located<Text>>,
    /// What the customers need, e.g. `[durability, installation, price]`.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub needs: Vec<Located<String>>,
    /// Channels offered to these customers (channel ids; default: all).
    #[schemars(with = "Option<Vec<syntax::Reference>>")]
    pub channels: Option<Vec<Id>>,
    /// When these customers expect to reach someone, and how fast they expect an answer.
    pub expects: Option<Expectation>,
    /// Deliberate gaps in coverage: checks stay quiet about these, and report unused ones.
    #[schemars(default)]
    pub intended_gaps: Vec<IntendedGap>,
}

/// An age band: `35-70` or `18+`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRange {
    pub min: u32,
    pub max: Option<u32>,
}

/// When customers expect to reach someone, and how fast they expect an answer.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Expectation {
    #[schemars(skip)]
    pub loc: Loc,
    /// When they expect to reach someone.
    pub hours: Option<Located<Schedule>>,
    /// Whether they expect a live channel (phone, chat, video, in person) during those hours.
    pub live: Option<Located<bool>>,
    /// The longest wait for an answer they accept on written channels.
    pub response: Option<Located<Duration>>,
}

/// Hours a profile's expectations are deliberately not covered, with the reason.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct IntendedGap {
    #[schemars(skip)]
    pub loc: Loc,
    /// The uncovered hours.
    pub hours: Located<Schedule>,
    /// Why the gap is accepted, for the next reader.
    pub reason: Located<Text>,
}

/// An escalation path: who takes over a contact on some channels, in order, and after how
/// long.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct EscalationPath {
    /// Id of the path, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the path.
    pub name: Option<Located<Text>>,
    /// What the path is for.
    pub description: Option<Located<Text>>,
    /// Channels whose contacts follow this path (channel ids).
    #[schemars(default, with = "Vec<syntax::Reference>")]
    pub channels: Vec<Id>,
    /// The steps in order; the first receives the contact.
    pub steps: Vec<EscalationStep>,
}

/// Whom a step reaches.
#[derive(Debug, Clone)]
pub enum StepTarget {
    Team(Id),
    Contact(Id),
}

impl StepTarget {
    pub fn id(&self) -> &Id {
        match self {
            StepTarget::Team(id) | StepTarget::Contact(id) => id,
        }
    }
}

/// One step of an escalation path: a team or a contact.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("oneOf" = [{ "required": ["team"] }, { "required": ["contact"] }]))]
pub struct EscalationStep {
    #[schemars(skip)]
    pub loc: Loc,
    /// Whom the step reaches, written as `team:` or `contact:`.
    #[schemars(flatten)]
    pub target: StepTarget,
    /// When this step takes over, in worked time of the channel since arrival; `30m calendar`
    /// is wall-clock time.
    pub after: Option<Located<Duration>>,
}

/// A kind of complaint, and how it is handled.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Complaint {
    /// Id of the complaint category, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the category.
    pub name: Option<Located<Text>>,
    /// What the complaint is about.
    pub description: Option<Located<Text>>,
    /// The escalation path these complaints follow (an escalation id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub escalation: Option<Id>,
    /// Time within which a complaint is resolved.
    pub resolve_within: Option<Located<Duration>>,
    /// The largest order value the category covers, which makes percentages comparable with
    /// amounts.
    pub order_value_cap: Option<Located<Amount>>,
    /// What staff may offer, and who approves it.
    #[schemars(default)]
    pub remedies: Vec<Remedy>,
}

/// Kinds of compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RemedyKind {
    Apology,
    Credit,
    Coupon,
    FreeProduct,
    Replacement,
    Repair,
    Refund,
}

impl RemedyKind {
    pub const ALL: [(&'static str, RemedyKind); 7] = [
        ("apology", RemedyKind::Apology),
        ("credit", RemedyKind::Credit),
        ("coupon", RemedyKind::Coupon),
        ("free-product", RemedyKind::FreeProduct),
        ("replacement", RemedyKind::Replacement),
        ("repair", RemedyKind::Repair),
        ("refund", RemedyKind::Refund),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("apology", |(n, _)| n)
    }
}

/// A compensation staff may offer for a complaint.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Remedy {
    #[schemars(skip)]
    pub loc: Loc,
    /// Kind of remedy.
    pub kind: Located<RemedyKind>,
    /// What it is worth: an amount such as `25 EUR`, a share of the order value such as
    /// `10%`, or `unlimited`.
    pub value: Option<Located<Amount>>,
    /// The team or contact who grants it (an id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub approver: Option<Id>,
    /// When and how the remedy is offered.
    pub description: Option<Located<Text>>,
}

/// The most a team or contact may grant per case without asking.
#[derive(Debug, Clone)]
pub struct AuthorityEntry {
    pub who: Id,
    pub limit: Located<Amount>,
}

/// Warranty, installation, technical support and returns.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct AfterSales {
    #[schemars(skip)]
    pub loc: Loc,
    /// Warranty period, e.g. `24 months`.
    pub warranty: Option<Located<Duration>>,
    /// Whether installation is offered, at what price and on which condition.
    pub installation: Option<Installation>,
    /// Channels that give technical support (channel ids).
    #[schemars(default, with = "Vec<syntax::Reference>")]
    pub technical_support: Vec<Id>,
    /// How long and on which condition customers may return what they bought.
    pub returns: Option<Returns>,
}

/// Whether installation is offered with a purchase, at what price and on which condition.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Installation {
    #[schemars(skip)]
    pub loc: Loc,
    /// Whether installation is offered.
    pub offered: Located<bool>,
    /// Price of installation, e.g. `79 EUR`; `0` when it is free.
    pub price: Option<Located<Amount>>,
    /// The condition of the offer, e.g. which orders qualify.
    pub condition: Option<Located<Text>>,
}

/// The returns policy: how long and on which condition customers may return what they
/// bought.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Returns {
    #[schemars(skip)]
    pub loc: Loc,
    /// Time within which a purchase may be returned, e.g. `30 days`.
    pub within: Option<Located<Duration>>,
    /// The condition of a return.
    pub condition: Option<Located<Text>>,
}

/// A training some teams take regularly.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Training {
    /// Id of the training, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the training.
    pub name: Option<Located<Text>>,
    /// Topics covered, e.g. `[de-escalation, compensation-policy]`.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub topics: Vec<Located<String>>,
    /// Teams that take the training (team ids).
    #[schemars(rename = "for", default, with = "Vec<syntax::Reference>")]
    pub teams: Vec<Id>,
    /// How often the training is repeated, e.g. `12 months`.
    pub every: Option<Located<Duration>>,
    /// Date of the last session.
    #[schemars(with = "Option<syntax::Date>")]
    pub last: Option<Located<NaiveDate>>,
}

/// Customer education: frequently asked questions and step-by-step guides.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct SelfHelp {
    #[schemars(skip)]
    pub loc: Option<Loc>,
    /// Frequently asked questions, for the customer FAQ.
    #[schemars(default)]
    pub faq: Vec<FaqEntry>,
    /// Step-by-step guides customers can follow on their own.
    #[schemars(default)]
    pub guides: Vec<Guide>,
}

/// A question customers ask, and its answer.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct FaqEntry {
    #[schemars(skip)]
    pub loc: Loc,
    /// The question, as a customer would ask it.
    pub question: Located<Text>,
    /// The answer.
    pub answer: Located<Text>,
    /// Ids of the channels the question is about: only customer profiles offered one of them
    /// see it in their FAQ (default: every profile).
    #[schemars(with = "Option<Vec<syntax::Reference>>")]
    pub channels: Option<Vec<Id>>,
    /// Ids of the customer profiles whose FAQ shows the question (default: every profile).
    #[schemars(with = "Option<Vec<syntax::Reference>>")]
    pub profiles: Option<Vec<Id>>,
}

/// Steps customers can follow to solve a problem on their own.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Guide {
    /// Id of the guide, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Title of the guide.
    pub title: Located<Text>,
    /// The steps, in order.
    #[schemars(default)]
    pub steps: Vec<Located<Text>>,
    /// Web address where the guide is published.
    #[schemars(with = "Option<syntax::PlainText>")]
    pub url: Option<Located<String>>,
    /// Ids of the channels the guide is about: only customer profiles offered one of them see
    /// it in their FAQ (default: every profile).
    #[schemars(with = "Option<Vec<syntax::Reference>>")]
    pub channels: Option<Vec<Id>>,
    /// Ids of the customer profiles whose FAQ shows the guide (default: every profile).
    #[schemars(with = "Option<Vec<syntax::Reference>>")]
    pub profiles: Option<Vec<Id>>,
}

/// Kinds of feedback collection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FeedbackKind {
    Survey,
    Review,
    Interview,
    SocialListening,
    ComplaintAnalysis,
}

impl FeedbackKind {
    pub const ALL: [(&'static str, FeedbackKind); 5] = [
        ("survey", FeedbackKind::Survey),
        ("review", FeedbackKind::Review),
        ("interview", FeedbackKind::Interview),
        ("social-listening", FeedbackKind::SocialListening),
        ("complaint-analysis", FeedbackKind::ComplaintAnalysis),
    ];

    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("survey", |(n, _)| n)
    }
}

/// A way customer feedback is collected.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Feedback {
    /// Id of the feedback source, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// Name of the feedback source.
    pub name: Option<Located<Text>>,
    /// How feedback is collected.
    pub kind: Located<FeedbackKind>,
    /// The channel it is collected through (a channel id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub via: Option<Id>,
    /// When it is collected: `after-resolution`, `after-contact`, `after-purchase`,
    /// `continuous`, `daily`, `weekly`, `monthly`, `quarterly` or `yearly` (put in words in
    /// each document language), or a text of your own, per language if you like.
    pub when: Option<Located<Text>>,
}

/// A measured goal.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Metric {
    /// Id of the metric, used to refer to it elsewhere in the plan.
    #[schemars(with = "syntax::Id")]
    pub id: Id,
    #[schemars(skip)]
    pub loc: Loc,
    /// What is measured.
    pub name: Option<Located<Text>>,
    /// The goal: a share answered within a time (`80% in 20s`) or a comparison (`>= 90%`).
    pub target: Option<Located<Target>>,
    /// Whether `target` was written (a target that does not parse is `invalid-target`, not
    /// a missing one).
    #[schemars(skip)]
    pub target_given: bool,
    /// The feedback source that measures it (a feedback id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub source: Option<Id>,
    /// The channel it measures (a channel id).
    #[schemars(with = "Option<syntax::Reference>")]
    pub channel: Option<Id>,
}

/// A contact-volume forecast for one channel, to work out the agents needed (Erlang C).
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct StaffingForecast {
    #[schemars(skip)]
    pub loc: Loc,
    /// The channel forecast (a channel id).
    #[schemars(with = "syntax::Reference")]
    pub channel: Id,
    /// Average time an agent spends on one contact, e.g. `6m`.
    pub handle_time: Option<Located<Duration>>,
    /// The service target to staff for, e.g. `80% in 20s`.
    pub target: Option<Located<Target>>,
    /// Share of paid time agents are not available (breaks, training, absence), from 0% to
    /// 99%.
    #[schemars(with = "Option<syntax::Percentage>")]
    pub shrinkage: Option<Located<f64>>,
    /// Highest share of their time agents should be busy, from 1% to 100%.
    #[schemars(with = "Option<syntax::Percentage>")]
    pub max_occupancy: Option<Located<f64>>,
    /// Contacts one agent handles at the same time, from 1 to 10 (e.g. chats).
    #[schemars(with = "Option<syntax::Concurrency>")]
    pub concurrency: Option<Located<u32>>,
    /// Contacts expected per hour, by time of the week.
    #[schemars(default)]
    pub volume: Vec<VolumeEntry>,
}

/// Contacts expected per hour at some hours of the week.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct VolumeEntry {
    #[schemars(skip)]
    pub loc: Loc,
    /// The hours this volume is expected.
    pub hours: Located<Schedule>,
    /// Contacts expected per hour.
    #[schemars(with = "syntax::ContactsPerHour")]
    pub per_hour: Located<f64>,
}

/// Rule configuration for this plan.
#[derive(Debug, Clone, Default, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ChecksConfig {
    /// Rules turned off for this plan, by name or code.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub allow: Vec<Located<String>>,
    /// Rules reported as warnings, by name or code.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub warn: Vec<Located<String>>,
    /// Rules reported as errors, by name or code.
    #[schemars(default, with = "Vec<syntax::PlainText>")]
    pub deny: Vec<Located<String>>,
    /// Findings accepted on purpose, each with a reason.
    #[schemars(default)]
    pub ignore: Vec<Suppression>,
}

/// A finding accepted on purpose: which rule, where (a path inside the plan, or the whole
/// plan), why, and until when.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Suppression {
    #[schemars(skip)]
    pub loc: Loc,
    /// The rule, by name or code.
    #[schemars(with = "syntax::PlainText")]
    pub rule: Located<String>,
    /// Where in the plan, e.g. `channels[phone]` or `profiles[0].expects` (default: the whole
    /// plan); the finding's path must start with it.
    #[schemars(with = "Option<syntax::PlanPathSelector>")]
    pub path: Option<Located<Vec<PathSelector>>>,
    /// Why the finding is accepted, for the next reader.
    pub reason: Located<Text>,
    /// Date after which the finding is reported again.
    #[schemars(with = "Option<syntax::Date>")]
    pub until: Option<Located<NaiveDate>>,
}

/// One step of a suppression's path: a key, a list index, or an entity by its id
/// (`channels[email]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSelector {
    Key(String),
    Index(usize),
    Id(String),
}

/// Whether a key can be written bare in a path (`expects`, `first-line`, `mon-fri`); any
/// other key is written quoted (`hours["mon,wed,fri"]`).
fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Read a suppression path: keys separated by `.`, each optionally followed by `[index]`,
/// `[id]` or `["key"]` (for a key that is not a plain word, such as the day selector
/// `mon,wed,fri` or the date range `2026-12-24..2026-12-26`): `channels[email].response`,
/// `profiles[0].expects.hours`, `teams[desk].hours["mon,wed,fri"]`. Inside the quotes,
/// `\"` and `\\` stand for `"` and `\`.
pub fn parse_path_selector(text: &str) -> Result<Vec<PathSelector>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("the path is empty; leave `path` out to mean the whole plan".to_owned());
    }
    let mut out = Vec::new();
    let mut rest = text;
    // A key comes first and after each `.`; brackets may follow a key or a bracket.
    let mut want_key = true;
    while !rest.is_empty() {
        if let Some(inner) = rest.strip_prefix('[') {
            let (selector, after) = bracket(inner)?;
            out.push(selector);
            rest = after;
            want_key = false;
        } else if want_key {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let key = &rest[..end];
            if !is_word(key) {
                return Err(format!(
                    "`{key}` is not a key; write keys separated by `.`, as in `channels[email].response`, \
                     and a key that is not a plain word in quotes, as in `hours[\"mon,wed,fri\"]`"
                ));
            }
            out.push(PathSelector::Key(key.to_owned()));
            rest = &rest[end..];
            want_key = false;
        } else if let Some(after) = rest.strip_prefix('.') {
            if after.is_empty() {
                return Err("the path ends with `.`; a key must follow it".to_owned());
            }
            rest = after;
            want_key = true;
        } else {
            return Err(format!(
                "`{rest}`: expected `.` or `[` after `{}`",
                text[..text.len() - rest.len()].trim_end()
            ));
        }
    }
    Ok(out)
}

/// One `[…]` of a path, from after its `[`: the selector and the text after its `]`.
fn bracket(inner: &str) -> Result<(PathSelector, &str), String> {
    if let Some(quoted) = inner.strip_prefix('"') {
        let mut key = String::new();
        let mut chars = quoted.char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some((_, escaped @ ('"' | '\\'))) => key.push(escaped),
                    _ => return Err(format!("`[\"{quoted}`: only `\\\"` and `\\\\` may follow a `\\`")),
                },
                '"' => {
                    let after = &quoted[i + 1..];
                    let Some(after) = after.strip_prefix(']') else {
                        return Err(format!("`[\"{key}\"`: a quoted key must be followed by `]`"));
                    };
                    return Ok((PathSelector::Key(key), after));
                }
                c => key.push(c),
            }
        }
        return Err(format!("`[\"{quoted}`: the quote is not closed"));
    }
    let Some(end) = inner.find(']') else {
        return Err(format!("`[{inner}`: `[` without a closing `]`"));
    };
    let content = &inner[..end];
    let selector = if let Ok(i) = content.parse::<usize>() {
        PathSelector::Index(i)
    } else if is_word(content) {
        PathSelector::Id(content.to_owned())
    } else {
        return Err(format!("`[{content}]` is neither a list index nor an id"));
    };
    Ok((selector, &inner[end + 1..]))
}

/// A path written as [`parse_path_selector`] reads it: `channels[email].response`,
/// `teams[0].hours["mon,wed,fri"]`.
pub fn path_selector_text(selector: &[PathSelector]) -> String {
    let mut text = String::new();
    for step in selector {
        match step {
            PathSelector::Key(k) if is_word(k) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(k);
            }
            PathSelector::Key(k) => {
                text.push_str("[\"");
                text.push_str(&k.replace('\\', "\\\\").replace('"', "\\\""));
                text.push_str("\"]");
            }
            PathSelector::Index(i) => text.push_str(&format!("[{i}]")),
            PathSelector::Id(id) => text.push_str(&format!("[{id}]")),
        }
    }
    text
}

/// The selector a suppression needs for exactly the place `path`: an entry of a top-level
/// section by its id when the plan gives it one no other entry shares (so the suppression
/// survives reordering), any other list entry by its index, keys as written.
pub fn path_selector_for(path: &PlanPath, plan: Option<&Plan>) -> Vec<PathSelector> {
    path.0
        .iter()
        .enumerate()
        .map(|(i, segment)| match segment {
            Segment::Key(k) => PathSelector::Key(k.clone()),
            Segment::Index(n) => {
                let section = match path.0.first() {
                    Some(Segment::Key(section)) if i == 1 => Some(section.as_str()),
                    _ => None,
                };
                let unique_id = section.zip(plan).and_then(|(section, plan)| {
                    let id = plan.id_at(section, *n).filter(|id| is_word(id))?;
                    let same = plan.ids(section)?.iter().filter(|other| other.value == id).count();
                    (same == 1).then(|| id.to_owned())
                });
                unique_id.map_or(PathSelector::Index(*n), PathSelector::Id)
            }
        })
        .collect()
}

/// The holiday calendar id of a spec, if it names one.
pub fn calendar_of(spec: &HolidaySpec) -> Option<&CalendarId> {
    spec.calendar.as_ref().map(|c| &c.value)
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn paths_read_as_before_and_quoted_keys_too() {
        use PathSelector::{Id, Index, Key};
        let k = |s: &str| Key(s.to_owned());
        assert_eq!(
            parse_path_selector("channels[email].response"),
            Ok(vec![k("channels"), Id("email".into()), k("response")])
        );
        assert_eq!(
            parse_path_selector(" profiles[0].expects.hours "),
            Ok(vec![k("profiles"), Index(0), k("expects"), k("hours")])
        );
        assert_eq!(
            parse_path_selector(r#"teams[desk].hours["mon,wed,fri"]"#),
            Ok(vec![k("teams"), Id("desk".into()), k("hours"), k("mon,wed,fri")])
        );
        assert_eq!(
            parse_path_selector(r#"a["x\"y\\z"][1]"#),
            Ok(vec![k("a"), k("x\"y\\z"), Index(1)])
        );
        for bad in [
            "",
            "channels[phone",
            "channels[a b]",
            "channels.",
            ".channels",
            "channels..id",
            "channels[0]x",
            r#"a["x"#,
            r#"a["x"y]"#,
            "mon,wed",
        ] {
            assert!(parse_path_selector(bad).is_err(), "{bad:?} is accepted");
        }
    }

    #[test]
    fn written_paths_read_back_as_themselves() {
        use PathSelector::{Id, Index, Key};
        let k = |s: &str| Key(s.to_owned());
        for selector in [
            vec![k("channels"), Id("email".into()), k("response")],
            vec![k("teams"), Index(0), k("hours"), k("mon,wed,fri")],
            vec![
                k("teams"),
                Index(0),
                k("hours"),
                k("dates"),
                k("2026-12-24..2026-12-26"),
            ],
            vec![k("plan"), k("name"), k("a \"quoted\" \\ key")],
            vec![k("odd.key"), Index(3), Index(4)],
        ] {
            let text = path_selector_text(&selector);
            assert_eq!(parse_path_selector(&text), Ok(selector.clone()), "{text}");
        }
        assert_eq!(
            path_selector_text(&[k("teams"), Index(0), k("hours"), k("mon,wed,fri")]),
            r#"teams[0].hours["mon,wed,fri"]"#
        );
    }
}
