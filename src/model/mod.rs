//! The validated plan: every section of the format (SPEC §2) as domain types. Values the
//! rules may point at carry their [`Loc`]; references are kept as written (an id and its
//! location) and resolved by the reference rules, so a plan with a dangling reference still
//! loads and every other rule still runs.

mod location;
mod refs;
mod schedule;
mod text;
pub mod values;

pub use location::{FileId, Loc, Located, PlanPath, Segment};
pub use refs::{Definition, EntityKind, Reference};
pub use schedule::{DateRule, DayRule, HolidaySpec, Schedule};
pub use text::Text;

use chrono::NaiveDate;
use values::{Amount, CalendarId, Duration, LanguageTag, Target};

/// An id as defined or as referenced, with its location.
pub type Id = Located<String>;

/// A whole plan file.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub file: FileId,
    pub version: Option<Located<i64>>,
    pub meta: PlanMeta,
    pub contacts: Vec<Contact>,
    pub teams: Vec<Team>,
    pub channels: Vec<Channel>,
    pub profiles: Vec<Profile>,
    pub escalation: Vec<EscalationPath>,
    pub complaints: Vec<Complaint>,
    pub authority: Vec<AuthorityEntry>,
    pub after_sales: Option<AfterSales>,
    pub training: Vec<Training>,
    pub self_help: SelfHelp,
    pub feedback: Vec<Feedback>,
    pub metrics: Vec<Metric>,
    pub staffing: Vec<StaffingForecast>,
    pub checks: ChecksConfig,
    /// Where the sections are, for findings about a whole section or a missing key.
    pub sections: Vec<(String, Loc)>,
    /// The location of the document root (the top of the file).
    pub root: Loc,
    /// Where the loader reported a value it could not use (unreadable or out of range), so
    /// that a rule does not also report the value as missing.
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

/// The `plan:` section.
#[derive(Debug, Clone, Default)]
pub struct PlanMeta {
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub company: Option<Located<Text>>,
    pub owner: Option<Id>,
    pub timezone: Option<Located<chrono_tz::Tz>>,
    pub holidays: Option<HolidaySpec>,
    pub currency: Option<Located<iso_currency::Currency>>,
    pub languages: Vec<Located<LanguageTag>>,
    pub review: Option<Review>,
    pub horizon: Option<Located<Duration>>,
}

/// How often the plan is reviewed and when it last was.
#[derive(Debug, Clone)]
pub struct Review {
    pub loc: Loc,
    pub last: Option<Located<NaiveDate>>,
    pub every: Option<Located<Duration>>,
    /// Whether `last` and `every` were written at all (a value that does not parse is
    /// reported by its value rule, not as missing).
    pub last_given: bool,
    pub every_given: bool,
}

/// A person staff must be able to reach.
#[derive(Debug, Clone)]
pub struct Contact {
    pub id: Id,
    pub loc: Loc,
    /// A person's name, or what staff call a duty phone (per language if it is a role).
    pub name: Option<Located<Text>>,
    pub role: Option<Located<Text>>,
    pub phone: Option<Located<String>>,
    pub email: Option<Located<String>>,
    pub hours: Option<Located<Schedule>>,
    pub timezone: Option<Located<chrono_tz::Tz>>,
    pub holidays: Option<HolidaySpec>,
    pub languages: Vec<Located<LanguageTag>>,
}

/// A team of agents.
#[derive(Debug, Clone)]
pub struct Team {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub description: Option<Located<Text>>,
    pub lead: Option<Id>,
    pub languages: Vec<Located<LanguageTag>>,
    pub skills: Vec<Located<String>>,
    pub timezone: Option<Located<chrono_tz::Tz>>,
    pub holidays: Option<HolidaySpec>,
    /// The team's shifts; a team written with `hours:` and `agents:` has one.
    pub shifts: Vec<Shift>,
}

/// One shift of a team.
#[derive(Debug, Clone)]
pub struct Shift {
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub hours: Located<Schedule>,
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

/// A way customers contact the business.
#[derive(Debug, Clone)]
pub struct Channel {
    pub id: Id,
    pub loc: Loc,
    pub kind: Located<ChannelKind>,
    pub name: Option<Located<Text>>,
    pub description: Option<Located<Text>>,
    pub address: Option<Located<String>>,
    /// `toll-free:` as written: `true`, `false`, or the countries calls are free from.
    pub toll_free: Option<Located<TollFree>>,
    /// Addresses for customers in particular countries (`addresses: { BR: "+55 …" }`),
    /// which replace `address` for them.
    pub addresses: Vec<CountryAddress>,
    pub team: Option<Id>,
    pub hours: Option<Located<Schedule>>,
    pub response: Option<Located<Duration>>,
    pub timezone: Option<Located<chrono_tz::Tz>>,
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
#[derive(Debug, Clone)]
pub struct Profile {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub description: Option<Located<Text>>,
    pub countries: Vec<Located<String>>,
    pub timezone: Option<Located<chrono_tz::Tz>>,
    pub holidays: Option<HolidaySpec>,
    pub languages: Vec<Located<LanguageTag>>,
    pub age: Option<Located<AgeRange>>,
    pub gender: Option<Located<Text>>,
    pub education: Option<Located<Text>>,
    pub needs: Vec<Located<String>>,
    /// Channels offered to this profile; `None` means all channels.
    pub channels: Option<Vec<Id>>,
    pub expects: Option<Expectation>,
    pub intended_gaps: Vec<IntendedGap>,
}

/// An age band: `35-70` or `18+`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgeRange {
    pub min: u32,
    pub max: Option<u32>,
}

/// When and how a profile expects to reach the business.
#[derive(Debug, Clone)]
pub struct Expectation {
    pub loc: Loc,
    pub hours: Option<Located<Schedule>>,
    pub live: Option<Located<bool>>,
    pub response: Option<Located<Duration>>,
}

/// A deliberate gap in coverage, with the reason it is accepted.
#[derive(Debug, Clone)]
pub struct IntendedGap {
    pub loc: Loc,
    pub hours: Located<Schedule>,
    pub reason: Located<Text>,
}

/// An escalation path: who takes a contact over, and after how long.
#[derive(Debug, Clone)]
pub struct EscalationPath {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub description: Option<Located<Text>>,
    pub channels: Vec<Id>,
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

/// One step of an escalation path.
#[derive(Debug, Clone)]
pub struct EscalationStep {
    pub loc: Loc,
    pub target: StepTarget,
    pub after: Option<Located<Duration>>,
}

/// A complaint category and how it is resolved.
#[derive(Debug, Clone)]
pub struct Complaint {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub description: Option<Located<Text>>,
    pub escalation: Option<Id>,
    pub resolve_within: Option<Located<Duration>>,
    /// The largest order value the category covers, which makes percentages comparable.
    pub order_value_cap: Option<Located<Amount>>,
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

/// A compensation staff may offer in a complaint category.
#[derive(Debug, Clone)]
pub struct Remedy {
    pub loc: Loc,
    pub kind: Located<RemedyKind>,
    pub value: Option<Located<Amount>>,
    pub approver: Option<Id>,
    pub description: Option<Located<Text>>,
}

/// The most a team or contact may grant per case without asking.
#[derive(Debug, Clone)]
pub struct AuthorityEntry {
    pub who: Id,
    pub limit: Located<Amount>,
}

/// Service after the sale.
#[derive(Debug, Clone)]
pub struct AfterSales {
    pub loc: Loc,
    pub warranty: Option<Located<Duration>>,
    pub installation: Option<Installation>,
    pub technical_support: Vec<Id>,
    pub returns: Option<Returns>,
}

/// Installation offered with a purchase.
#[derive(Debug, Clone)]
pub struct Installation {
    pub loc: Loc,
    pub offered: Located<bool>,
    pub price: Option<Located<Amount>>,
    pub condition: Option<Located<Text>>,
}

/// The returns policy.
#[derive(Debug, Clone)]
pub struct Returns {
    pub loc: Loc,
    pub within: Option<Located<Duration>>,
    pub condition: Option<Located<Text>>,
}

/// A training programme for teams.
#[derive(Debug, Clone)]
pub struct Training {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub topics: Vec<Located<String>>,
    pub teams: Vec<Id>,
    pub every: Option<Located<Duration>>,
    pub last: Option<Located<NaiveDate>>,
}

/// Customer self-help.
#[derive(Debug, Clone, Default)]
pub struct SelfHelp {
    pub loc: Option<Loc>,
    pub faq: Vec<FaqEntry>,
    pub guides: Vec<Guide>,
}

/// A question and its answer.
#[derive(Debug, Clone)]
pub struct FaqEntry {
    pub loc: Loc,
    pub question: Located<Text>,
    pub answer: Located<Text>,
    /// The channels it is about: only profiles offered one of them see it; `None` for all.
    pub channels: Option<Vec<Id>>,
    /// The profiles it is for; `None` for all.
    pub profiles: Option<Vec<Id>>,
}

/// A step-by-step guide.
#[derive(Debug, Clone)]
pub struct Guide {
    pub id: Id,
    pub loc: Loc,
    pub title: Located<Text>,
    pub steps: Vec<Located<Text>>,
    pub url: Option<Located<String>>,
    /// The channels it is about: only profiles offered one of them see it; `None` for all.
    pub channels: Option<Vec<Id>>,
    /// The profiles it is for; `None` for all.
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

/// A way feedback is collected.
#[derive(Debug, Clone)]
pub struct Feedback {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub kind: Located<FeedbackKind>,
    pub via: Option<Id>,
    /// When feedback is asked for: a common value (`after-resolution`, `monthly`) that
    /// documents put in words, or a text of the plan's own.
    pub when: Option<Located<Text>>,
}

/// A success metric.
#[derive(Debug, Clone)]
pub struct Metric {
    pub id: Id,
    pub loc: Loc,
    pub name: Option<Located<Text>>,
    pub target: Option<Located<Target>>,
    /// Whether `target` was written (a target that does not parse is `invalid-target`, not
    /// a missing one).
    pub target_given: bool,
    pub source: Option<Id>,
    pub channel: Option<Id>,
}

/// A contact-volume forecast for one channel.
#[derive(Debug, Clone)]
pub struct StaffingForecast {
    pub loc: Loc,
    pub channel: Id,
    pub handle_time: Option<Located<Duration>>,
    pub target: Option<Located<Target>>,
    pub shrinkage: Option<Located<f64>>,
    pub max_occupancy: Option<Located<f64>>,
    pub concurrency: Option<Located<u32>>,
    pub volume: Vec<VolumeEntry>,
}

/// Forecast contacts per hour in some hours of the week.
#[derive(Debug, Clone)]
pub struct VolumeEntry {
    pub loc: Loc,
    pub hours: Located<Schedule>,
    pub per_hour: Located<f64>,
}

/// Rule configuration written in the plan.
#[derive(Debug, Clone, Default)]
pub struct ChecksConfig {
    pub allow: Vec<Located<String>>,
    pub warn: Vec<Located<String>>,
    pub deny: Vec<Located<String>>,
    /// `ignore:` entries: findings suppressed with a reason.
    pub ignore: Vec<Suppression>,
}

/// A finding suppressed on purpose: which rule, where (a path inside the plan, or the whole
/// plan), why, and until when.
#[derive(Debug, Clone)]
pub struct Suppression {
    pub loc: Loc,
    pub rule: Located<String>,
    /// `channels[email].response` or `profiles[0]`: the finding's path must start with it.
    pub path: Option<Located<Vec<PathSelector>>>,
    pub reason: Located<Text>,
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
