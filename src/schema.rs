//! The JSON Schema (draft-07) of the plan file, which editors use to complete keys and flag
//! mistakes while a plan is written; `plan schema` prints it.
//!
//! The schema is generated from the types below. They describe the file's shape and nothing
//! else: plans are read by [`crate::load`], which reports every problem of a file at once.
//! The schema holds the keys, the required keys and the syntax of each value; whether an id
//! refers to something, overlapping hours and everything else that needs the whole plan is
//! left to `plan check`.
#![allow(
    dead_code,
    reason = "the types only describe the file to schemars; nothing builds or reads them"
)]

use crate::model;
use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The schema of the plan file.
pub fn schema() -> Schema {
    SchemaSettings::draft07()
        // First, so that draft-07's own transforms see the result.
        .with(|settings| settings.transforms.insert(0, Box::new(OnlyListsMayBeNull)))
        .into_generator()
        .into_root_schema_for::<PlanFile>()
}

/// The schema as pretty-printed JSON with a trailing newline, as `plan schema` prints it.
pub fn to_json() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// schemars allows `null` for every optional key. The loader reads a key without a value as
/// an empty list where a list is expected and rejects it everywhere else, so `null` is taken
/// back from everything but lists.
#[derive(Clone)]
struct OnlyListsMayBeNull;

impl Transform for OnlyListsMayBeNull {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        let Some(object) = schema.as_object_mut() else {
            return;
        };
        if let Some(Value::Array(types)) = object.get_mut("type")
            && !types.iter().any(|t| t == "array")
        {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                object.insert("type".to_owned(), only);
            }
        }
        if let Some(Value::Array(any_of)) = object.get_mut("anyOf") {
            any_of.retain(|s| s.get("type").and_then(Value::as_str) != Some("null"));
            if let [Value::Object(only)] = any_of.as_slice() {
                let only = only.clone();
                object.remove("anyOf");
                object.extend(only);
            }
        }
    }
}

/// A customer-service plan: who serves customers when, on which channels, and what happens when something goes wrong.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(title = "Customer-service plan")]
struct PlanFile {
    /// Version of the plan format; this release reads version 1.
    version: FormatVersion,
    /// The plan's name and owner, and the defaults for time zone, holidays, currency and languages.
    plan: Plan,
    /// People staff must be able to reach, such as managers; internal, never shown to customers.
    contacts: Option<Vec<Contact>>,
    /// The teams that work the channels, with their hours and agents.
    teams: Option<Vec<Team>>,
    /// The ways customers reach the business: phone, chat, e-mail, letters and more.
    channels: Option<Vec<Channel>>,
    /// Customer profiles: who the customers are, what they need and when they expect help.
    profiles: Option<Vec<Profile>>,
    /// Escalation paths: who takes a contact over, and after how long.
    escalation: Option<Vec<EscalationPath>>,
    /// Complaint categories, with their escalation path, deadline and remedies.
    complaints: Option<Vec<Complaint>>,
    /// The most each team or contact (by id) may grant per case without approval, e.g. `first-line: 50 EUR`.
    authority: Option<BTreeMap<String, Amount>>,
    /// Warranty, installation, technical support and returns.
    after_sales: Option<AfterSales>,
    /// Training the teams take, and how often.
    training: Option<Vec<Training>>,
    /// Customer education: frequently asked questions and step-by-step guides.
    self_help: Option<SelfHelp>,
    /// How customer feedback is collected.
    feedback: Option<Vec<Feedback>>,
    /// Measured goals and their targets.
    metrics: Option<Vec<Metric>>,
    /// Contact-volume forecasts per channel, to work out the agents needed (Erlang C).
    staffing: Option<Vec<StaffingForecast>>,
    /// Rule configuration for this plan: rules turned off, warned about or denied, and accepted findings.
    checks: Option<Checks>,
}

/// The plan's name and owner, and the defaults for every schedule and amount.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Plan {
    /// Name of the plan, shown on the documents.
    name: Option<Text>,
    /// The company whose plan this is.
    company: Option<Text>,
    /// The contact accountable for the plan (a contact id).
    owner: Option<Reference>,
    /// Default time zone of every schedule, e.g. `Europe/Berlin`.
    timezone: Option<TimeZone>,
    /// Default public-holiday calendar, e.g. `DE-BE`.
    holidays: Option<Holidays>,
    /// Default currency of amounts, e.g. `EUR`.
    currency: Option<Currency>,
    /// Languages the documents are rendered in, e.g. `[de, en]`.
    languages: Option<Vec<LanguageTag>>,
    /// When the plan was last reviewed, and how often it is reviewed.
    review: Option<Review>,
    /// How far ahead date-based checks look from today, e.g. `90 days`.
    horizon: Option<Duration>,
}

/// When the plan was last reviewed, and how often it is reviewed.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Review {
    /// Date of the last review.
    last: Option<Date>,
    /// How often the plan is reviewed, e.g. `6 months`.
    every: Option<Duration>,
}

/// A person staff must be able to reach.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Contact {
    /// Id of the contact, used to refer to them elsewhere in the plan.
    id: Id,
    /// Full name; a duty phone may be named per language (`{ de: Schichtleitung, en: Duty
    /// manager }`).
    name: Option<Text>,
    /// Role or job title.
    role: Option<Text>,
    /// Phone number.
    phone: Option<PlainText>,
    /// E-mail address.
    email: Option<PlainText>,
    /// When this person can be reached.
    hours: Option<Schedule>,
    /// Time zone of these hours (default: the plan's).
    timezone: Option<TimeZone>,
    /// Public holidays this person observes (default: the plan's calendar).
    holidays: Option<Holidays>,
    /// Languages this person speaks.
    languages: Option<Vec<LanguageTag>>,
}

/// A team: its hours and agents, given as `shifts`, or as `hours` and `agents` for a single shift.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("oneOf" = [
    { "required": ["shifts"], "not": { "anyOf": [{ "required": ["hours"] }, { "required": ["agents"] }] } },
    { "required": ["hours", "agents"], "not": { "required": ["shifts"] } }
]))]
struct Team {
    /// Id of the team, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the team.
    name: Option<Text>,
    /// What the team does.
    description: Option<Text>,
    /// The contact who leads the team (a contact id).
    lead: Option<Reference>,
    /// Languages the team serves customers in.
    languages: Option<Vec<LanguageTag>>,
    /// What the team can handle, e.g. `[orders, returns, billing]`.
    skills: Option<Vec<PlainText>>,
    /// Time zone of the team's hours (default: the plan's).
    timezone: Option<TimeZone>,
    /// Public holidays the team observes (default: the plan's calendar).
    holidays: Option<Holidays>,
    /// When the team works, for a team with a single shift (together with `agents`).
    hours: Option<Schedule>,
    /// Agents on duty during `hours`, for a team with a single shift.
    agents: Option<AgentCount>,
    /// The team's shifts, each with its hours and agents.
    shifts: Option<Vec<Shift>>,
}

/// One shift of a team.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Shift {
    /// Name of the shift, e.g. `Early shift`.
    name: Option<Text>,
    /// When the shift works.
    hours: Schedule,
    /// Agents on duty during the shift.
    agents: AgentCount,
}

/// A way customers reach the business.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Channel {
    /// Id of the channel, used to refer to it elsewhere in the plan.
    id: Id,
    /// Kind of channel: live (phone, chat, video, in-person) or written (email, web-form, social, letter).
    kind: ChannelKind,
    /// Name customers know the channel by.
    name: Option<Text>,
    /// Description for customers.
    description: Option<Text>,
    /// Phone number, e-mail address, web address, handle or street address customers use.
    address: Option<PlainText>,
    /// Addresses for customers in particular countries, e.g. `{ BR: "0800 555 0140" }`; they replace `address` for customers there.
    addresses: Option<std::collections::BTreeMap<String, PlainText>>,
    /// Whether calls are free of charge: `true` for callers in the number's own country, or the countries calls are free from, e.g. `[PT, ES]`.
    toll_free: Option<TollFree>,
    /// The team that works the channel (a team id).
    team: Option<Reference>,
    /// When the channel is open; for written channels, when it is worked (default: the team's hours).
    hours: Option<Schedule>,
    /// Promised time to first response; `8 business hours` counts only hours the channel is worked.
    response: Option<Duration>,
    /// Time zone of the channel's hours (default: the team's, then the plan's).
    timezone: Option<TimeZone>,
    /// Public holidays the channel observes (default: the team's, then the plan's calendar).
    holidays: Option<Holidays>,
}

/// A group of customers with shared needs and expectations.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Profile {
    /// Id of the profile, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the profile.
    name: Option<Text>,
    /// Who these customers are and what they value.
    description: Option<Text>,
    /// Countries the customers live in, e.g. `[DE, AT]`.
    countries: Option<Vec<Country>>,
    /// Time zone the customers live in.
    timezone: Option<TimeZone>,
    /// Public holidays the customers observe (default: the plan's calendar).
    holidays: Option<Holidays>,
    /// Languages the customers speak.
    languages: Option<Vec<LanguageTag>>,
    /// Age band of the customers, e.g. `35-70` or `18+`.
    age: Option<AgeBand>,
    /// Gender of the customers, e.g. `mixed`.
    gender: Option<Text>,
    /// Education of the customers.
    education: Option<Text>,
    /// What the customers need, e.g. `[durability, installation, price]`.
    needs: Option<Vec<PlainText>>,
    /// Channels offered to these customers (channel ids; default: all).
    channels: Option<Vec<Reference>>,
    /// When these customers expect to reach someone, and how fast they expect an answer.
    expects: Option<Expectation>,
    /// Deliberate gaps in coverage: checks stay quiet about these, and report unused ones.
    intended_gaps: Option<Vec<IntendedGap>>,
}

/// When customers expect to reach someone, and how fast they expect an answer.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Expectation {
    /// When they expect to reach someone.
    hours: Option<Schedule>,
    /// Whether they expect a live channel (phone, chat, video, in person) during those hours.
    live: Option<bool>,
    /// The longest wait for an answer they accept on written channels.
    response: Option<Duration>,
}

/// Hours a profile's expectations are deliberately not covered.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct IntendedGap {
    /// The uncovered hours.
    hours: Schedule,
    /// Why the gap is accepted, for the next reader.
    reason: Text,
}

/// Who takes over a contact on some channels, in order.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct EscalationPath {
    /// Id of the path, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the path.
    name: Option<Text>,
    /// What the path is for.
    description: Option<Text>,
    /// Channels whose contacts follow this path (channel ids).
    channels: Option<Vec<Reference>>,
    /// The steps in order; the first receives the contact.
    steps: Vec<EscalationStep>,
}

/// One step of an escalation path: a team or a contact.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("oneOf" = [{ "required": ["team"] }, { "required": ["contact"] }]))]
struct EscalationStep {
    /// The team this step reaches (a team id).
    team: Option<Reference>,
    /// The contact this step reaches (a contact id).
    contact: Option<Reference>,
    /// When this step takes over, in worked time of the channel since arrival; `30m calendar` is wall-clock time.
    after: Option<Duration>,
}

/// A kind of complaint, and how it is handled.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Complaint {
    /// Id of the complaint category, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the category.
    name: Option<Text>,
    /// What the complaint is about.
    description: Option<Text>,
    /// The escalation path these complaints follow (an escalation id).
    escalation: Option<Reference>,
    /// Time within which a complaint is resolved.
    resolve_within: Option<Duration>,
    /// The largest order value the category covers, which makes percentages comparable with amounts.
    order_value_cap: Option<Amount>,
    /// What staff may offer, and who approves it.
    remedies: Option<Vec<Remedy>>,
}

/// A compensation staff may offer for a complaint.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Remedy {
    /// Kind of remedy.
    kind: RemedyKind,
    /// What it is worth: an amount such as `25 EUR`, a share of the order value such as `10%`, or `unlimited`.
    value: Option<Amount>,
    /// The team or contact who grants it (an id).
    approver: Option<Reference>,
    /// When and how the remedy is offered.
    description: Option<Text>,
}

/// Warranty, installation, technical support and returns.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct AfterSales {
    /// Warranty period, e.g. `24 months`.
    warranty: Option<Duration>,
    /// Whether installation is offered, at what price and on which condition.
    installation: Option<Installation>,
    /// Channels that give technical support (channel ids).
    technical_support: Option<Vec<Reference>>,
    /// How long and on which condition customers may return what they bought.
    returns: Option<Returns>,
}

/// Whether installation is offered, at what price and on which condition.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Installation {
    /// Whether installation is offered.
    offered: bool,
    /// Price of installation, e.g. `79 EUR`; `0` when it is free.
    price: Option<Amount>,
    /// The condition of the offer, e.g. which orders qualify.
    condition: Option<Text>,
}

/// How long and on which condition customers may return what they bought.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Returns {
    /// Time within which a purchase may be returned, e.g. `30 days`.
    within: Option<Duration>,
    /// The condition of a return.
    condition: Option<Text>,
}

/// A training some teams take regularly.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Training {
    /// Id of the training, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the training.
    name: Option<Text>,
    /// Topics covered, e.g. `[de-escalation, compensation-policy]`.
    topics: Option<Vec<PlainText>>,
    /// Teams that take the training (team ids).
    #[serde(rename = "for")]
    for_teams: Option<Vec<Reference>>,
    /// How often the training is repeated, e.g. `12 months`.
    every: Option<Duration>,
    /// Date of the last session.
    last: Option<Date>,
}

/// Customer education: frequently asked questions and step-by-step guides.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct SelfHelp {
    /// Frequently asked questions, for the customer FAQ.
    faq: Option<Vec<FaqEntry>>,
    /// Step-by-step guides customers can follow on their own.
    guides: Option<Vec<Guide>>,
}

/// A question customers ask, and its answer.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct FaqEntry {
    /// The question, as a customer would ask it.
    question: Text,
    /// The answer.
    answer: Text,
    /// Ids of the channels the question is about: only customer profiles offered one of them see it in their FAQ (default: every profile).
    channels: Option<Vec<Reference>>,
    /// Ids of the customer profiles whose FAQ shows the question (default: every profile).
    profiles: Option<Vec<Reference>>,
}

/// Steps customers can follow to solve a problem on their own.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Guide {
    /// Id of the guide, used to refer to it elsewhere in the plan.
    id: Id,
    /// Title of the guide.
    title: Text,
    /// The steps, in order.
    steps: Option<Vec<Text>>,
    /// Web address where the guide is published.
    url: Option<PlainText>,
    /// Ids of the channels the guide is about: only customer profiles offered one of them see it in their FAQ (default: every profile).
    channels: Option<Vec<Reference>>,
    /// Ids of the customer profiles whose FAQ shows the guide (default: every profile).
    profiles: Option<Vec<Reference>>,
}

/// A way customer feedback is collected.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Feedback {
    /// Id of the feedback source, used to refer to it elsewhere in the plan.
    id: Id,
    /// Name of the feedback source.
    name: Option<Text>,
    /// How feedback is collected.
    kind: FeedbackKind,
    /// The channel it is collected through (a channel id).
    via: Option<Reference>,
    /// When it is collected: `after-resolution`, `after-contact`, `after-purchase`,
    /// `continuous`, `daily`, `weekly`, `monthly`, `quarterly` or `yearly` (put in words in
    /// each document language), or a text of your own, per language if you like.
    when: Option<Text>,
}

/// A measured goal.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Metric {
    /// Id of the metric, used to refer to it elsewhere in the plan.
    id: Id,
    /// What is measured.
    name: Option<Text>,
    /// The goal: a share answered within a time (`80% in 20s`) or a comparison (`>= 90%`).
    target: Option<Target>,
    /// The feedback source that measures it (a feedback id).
    source: Option<Reference>,
    /// The channel it measures (a channel id).
    channel: Option<Reference>,
}

/// A contact-volume forecast for one channel, to work out the agents needed (Erlang C).
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct StaffingForecast {
    /// The channel forecast (a channel id).
    channel: Reference,
    /// Average time an agent spends on one contact, e.g. `6m`.
    handle_time: Option<Duration>,
    /// The service target to staff for, e.g. `80% in 20s`.
    target: Option<Target>,
    /// Share of paid time agents are not available (breaks, training, absence), from 0% to 99%.
    shrinkage: Option<Percentage>,
    /// Highest share of their time agents should be busy, from 1% to 100%.
    max_occupancy: Option<Percentage>,
    /// Contacts one agent handles at the same time, from 1 to 10 (e.g. chats).
    concurrency: Option<Concurrency>,
    /// Contacts expected per hour, by time of the week.
    volume: Option<Vec<Volume>>,
}

/// Contacts expected per hour at some hours of the week.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Volume {
    /// The hours this volume is expected.
    hours: Schedule,
    /// Contacts expected per hour.
    per_hour: ContactsPerHour,
}

/// Rule configuration for this plan.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Checks {
    /// Rules turned off for this plan, by name or code.
    allow: Option<Vec<PlainText>>,
    /// Rules reported as warnings, by name or code.
    warn: Option<Vec<PlainText>>,
    /// Rules reported as errors, by name or code.
    deny: Option<Vec<PlainText>>,
    /// Findings accepted on purpose, each with a reason.
    ignore: Option<Vec<Suppression>>,
}

/// A finding accepted on purpose.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Suppression {
    /// The rule, by name or code.
    rule: PlainText,
    /// Where in the plan, e.g. `channels[phone]` or `profiles[0].expects` (default: the whole plan).
    path: Option<PlanPathSelector>,
    /// Why the finding is accepted, for the next reader.
    reason: Text,
    /// Date after which the finding is reported again.
    until: Option<Date>,
}

/// Whether calls are free: `true`/`false`, or the countries calls are free from.
#[derive(JsonSchema)]
#[serde(untagged)]
enum TollFree {
    /// `true`: free for callers in the country of the number; `false`: not free.
    Flag(bool),
    /// Free for callers in these countries.
    From(Vec<Country>),
}

/// A public-holiday calendar such as `DE-BE`, or a map that adjusts one or reads an iCalendar file.
#[derive(JsonSchema)]
#[serde(untagged)]
enum Holidays {
    Calendar(HolidayCalendar),
    Adjusted(HolidayAdjustments),
}

/// A built-in holiday calendar with the plan's own additions and removals, or an iCalendar file.
#[derive(JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
#[schemars(extend("anyOf" = [{ "required": ["calendar"] }, { "required": ["ics"] }]))]
struct HolidayAdjustments {
    /// The built-in calendar, e.g. `DE-BE`.
    calendar: Option<HolidayCalendar>,
    /// Further days off, e.g. `[2026-12-24]`.
    add: Option<Vec<Date>>,
    /// Public holidays that are working days all the same.
    remove: Option<Vec<Date>>,
    /// An iCalendar file with the holidays, relative to the plan file.
    ics: Option<PlainText>,
}

/// A value syntax with a hand-written schema: `inline` ones are written out where they are
/// used, the others once under `definitions`.
macro_rules! syntax {
    ($name:ident, inline: $inline:expr, |$generator:ident| $schema:expr) => {
        struct $name;

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                $inline
            }

            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema($generator: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

syntax!(FormatVersion, inline: true, |_g| json_schema!({ "type": "integer", "const": 1 }));

syntax!(Reference, inline: true, |_g| json_schema!({ "type": "string" }));

// Scalars are read as their text, so `address: 1579` is the text `1579`.
syntax!(PlainText, inline: true, |_g| json_schema!({ "type": ["string", "number"] }));

// The bounds of `value-out-of-range` (`crate::load::bounds`).
syntax!(AgentCount, inline: true, |_g| json_schema!({ "type": "integer", "minimum": 0, "maximum": 10_000 }));

syntax!(Concurrency, inline: true, |_g| json_schema!({ "type": "integer", "minimum": 1, "maximum": 10 }));

syntax!(ContactsPerHour, inline: true, |_g| json_schema!({ "type": "number", "minimum": 0, "maximum": 100_000 }));

syntax!(Id, inline: false, |_g| json_schema!({
    "description": "An id: lower-case letters, digits and single hyphens, e.g. `first-line`, at most 64 characters; unique in its section.",
    "type": "string",
    "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
    "maxLength": 64
}));

syntax!(Text, inline: false, |g| json_schema!({
    "description": "A text, or a map of language to text: `{ de: \"…\", en: \"…\" }`.",
    "anyOf": [
        { "type": ["string", "number"] },
        {
            "type": "object",
            "propertyNames": g.subschema_for::<LanguageTag>(),
            "additionalProperties": { "type": ["string", "number"] }
        }
    ]
}));

syntax!(ChannelKind, inline: false, |_g| json_schema!({
    "description": "A kind of channel: live (phone, chat, video, in-person) or written (email, web-form, social, \
        letter).",
    "type": "string",
    "enum": words(&model::ChannelKind::ALL)
}));

syntax!(RemedyKind, inline: false, |_g| json_schema!({
    "description": "A kind of remedy.",
    "type": "string",
    "enum": words(&model::RemedyKind::ALL)
}));

syntax!(FeedbackKind, inline: false, |_g| json_schema!({
    "description": "A way of collecting feedback.",
    "type": "string",
    "enum": words(&model::FeedbackKind::ALL)
}));

syntax!(Duration, inline: false, |_g| json_schema!({
    "description": "A duration: `90s`, `15m`, `4h`, `1h30m`, `2 days`, `6 months`, `1 year`; `8 business hours` and \
        `2 business days` count only worked hours; `30m calendar` counts wall-clock time.",
    "type": "string",
    "pattern": format!("^{}$", duration())
}));

syntax!(Amount, inline: false, |_g| json_schema!({
    "description": "An amount: `25 EUR` (ISO 4217 currency), a number in the plan's currency, \
        `10%` of the order value, or `unlimited`.",
    "anyOf": [
        { "type": "string", "pattern": format!("^(unlimited|{NUMBER}(\\s*%|\\s*[A-Z]{{3}})?)$") },
        { "type": "number", "minimum": 0 }
    ]
}));

syntax!(Percentage, inline: false, |_g| json_schema!({
    "description": "A percentage, e.g. `30%`.",
    "type": "string",
    "pattern": format!("^{NUMBER}\\s*%$")
}));

syntax!(Target, inline: false, |_g| json_schema!({
    "description": "A target: a share answered within a time, `80% in 20s`, or a comparison, `>= 90%`, `<= 2%`, \
        `>= 4.5`, `<= 24h`.",
    "type": "string",
    "pattern": format!(
        "^({DECIMAL}\\s*%\\s*in\\s+{duration}|(>=|<=|>|<)\\s*(-?{DECIMAL}|{DECIMAL}\\s*%|{duration}))$",
        duration = duration()
    )
}));

syntax!(Date, inline: false, |_g| json_schema!({
    "description": "A date, `YYYY-MM-DD`.",
    "type": "string",
    "pattern": format!("^{DATE}$")
}));

syntax!(LanguageTag, inline: false, |_g| json_schema!({
    "description": "A language: a two-letter ISO 639-1 code, optionally with a region, e.g. `de`, `pt-BR`, `es-419`.",
    "type": "string",
    "pattern": "^[A-Za-z]{2}(-([A-Za-z]{2}|[0-9]{3}))?$"
}));

syntax!(Country, inline: false, |_g| json_schema!({
    "description": "A country: an ISO 3166-1 alpha-2 code, e.g. `DE`.",
    "type": "string",
    "pattern": "^[A-Z]{2}$"
}));

syntax!(Currency, inline: false, |_g| json_schema!({
    "description": "A currency: an ISO 4217 code, e.g. `EUR`.",
    "type": "string",
    "pattern": "^[A-Z]{3}$"
}));

syntax!(TimeZone, inline: false, |_g| json_schema!({
    "description": "An IANA time zone, e.g. `Europe/Berlin`, `America/Sao_Paulo`, `UTC`.",
    "type": "string",
    "pattern": "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
}));

syntax!(HolidayCalendar, inline: false, |_g| json_schema!({
    "description": "A built-in public-holiday calendar: a country, or a country and its subdivision, e.g. `DE`, \
        `DE-BY`, `GB-SCT`, `US-NY`.",
    "type": "string",
    "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
}));

syntax!(AgeBand, inline: false, |_g| json_schema!({
    "description": "An age band: a range such as `35-70`, or a lower bound such as `18+`.",
    "type": "string",
    "pattern": "^[0-9]+\\s*(-\\s*[0-9]+|\\+)$"
}));

syntax!(PlanPathSelector, inline: false, |_g| json_schema!({
    "description": "A place in the plan: keys separated by `.`, each optionally followed by a list index or an id \
        in brackets, e.g. `channels[email].response`.",
    "type": "string",
    "pattern": "^[A-Za-z0-9_-]+(\\[[A-Za-z0-9_-]+\\])?(\\.[A-Za-z0-9_-]+(\\[[A-Za-z0-9_-]+\\])?)*$"
}));

syntax!(DayHours, inline: false, |_g| json_schema!({
    "description": "The hours of a day: `08:00-18:00`, several ranges `08:00-12:00, 13:00-17:00` (or a list of them), \
        `22:00-06:00` past midnight, or `closed`.",
    "anyOf": [
        { "type": "string", "pattern": format!("^(closed|{ranges})$", ranges = time_ranges()) },
        {
            "type": "array",
            "minItems": 1,
            "items": { "type": "string", "pattern": format!("^{}$", time_ranges()) }
        }
    ]
}));

syntax!(Schedule, inline: false, |g| json_schema!({
    "description": "Hours: a map of days (`mon`…`sun`, `mon-fri`, `fri-mon`, `mon,wed,fri`, `daily`) to hours, \
        e.g. `{ mon-fri: 08:00-18:00, sat: 09:00-13:00 }`, or `24/7`.",
    "anyOf": [
        { "type": "string", "enum": ["24/7"] },
        {
            "type": "object",
            "properties": {
                "holidays": {
                    "description": "Hours on the public holidays of the owner's calendar \
                        (default for teams and channels: closed).",
                    "allOf": [g.subschema_for::<DayHours>()]
                },
                "dates": {
                    "description": "Hours on particular dates or date ranges (`2026-12-24..2026-12-26`), \
                        replacing the weekly hours.",
                    "type": "object",
                    "propertyNames": { "pattern": format!("^{DATE}(\\s*\\.\\.\\s*{DATE})?$") },
                    "additionalProperties": g.subschema_for::<DayHours>()
                }
            },
            "patternProperties": { day_selector(): g.subschema_for::<DayHours>() },
            "additionalProperties": false
        }
    ]
}));

/// The names of a closed set of words, such as the kinds of channel.
fn words<T>(all: &[(&'static str, T)]) -> Vec<&'static str> {
    all.iter().map(|(word, _)| *word).collect()
}

/// `2026-12-24`; the loader checks that the date exists.
const DATE: &str = "[0-9]{4}-[0-9]{2}-[0-9]{2}";

/// `12.5`.
const DECIMAL: &str = "[0-9]+(\\.[0-9]+)?";

/// A number as amounts write it: `1500`, `19.99`, or grouped in threes, `1 500`.
const NUMBER: &str = "([0-9]{1,3}([ \\u00a0\\u2009\\u202f][0-9]{3})+|[0-9]+)(\\.[0-9]{1,3})?";

/// `1h30m`, `2 days`, `30m calendar`, `8 business hours`; unit order and mixing are checked
/// by the loader.
fn duration() -> String {
    let unit = "(seconds?|sec|s|minutes?|min|m|hours?|hr|h|days?|d|weeks?|w|months?|years?|y)";
    let business_unit = "(seconds?|sec|s|minutes?|min|m|hours?|hr|h|days?|d)";
    format!("([0-9]+\\s*{unit}(\\s*[0-9]+\\s*{unit})*(\\s+calendar)?|[0-9]+\\s*business\\s+{business_unit})")
}

/// `08:00-12:00, 13:00-17:00`: `24:00` may end a range.
fn time_ranges() -> String {
    let start = "([01]?[0-9]|2[0-3]):[0-5][0-9]";
    let end = "(([01]?[0-9]|2[0-3]):[0-5][0-9]|24:00)";
    let range = format!("{start}\\s*-\\s*{end}");
    format!("{range}(\\s*,\\s*{range})*")
}

/// `mon`, `mon-fri`, `fri-mon`, `mon,wed,fri`, `daily`; full day names work too.
fn day_selector() -> String {
    let day = "(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)";
    let part = format!("{day}(\\s*-\\s*{day})?");
    format!("^(daily|{part}(\\s*,\\s*{part})*)$")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::plan;
    use std::collections::BTreeSet;

    /// The property names of the object schema at `pointer`.
    fn properties(schema: &Value, pointer: &str) -> BTreeSet<String> {
        schema
            .pointer(&format!("{pointer}/properties"))
            .and_then(Value::as_object)
            .unwrap_or_else(|| panic!("no properties at {pointer}"))
            .keys()
            .cloned()
            .collect()
    }

    #[test]
    fn every_map_has_the_keys_the_loader_accepts() {
        let schema = serde_json::to_value(schema()).unwrap();
        let maps: &[(&str, &[&str])] = &[
            ("", plan::SECTIONS),
            ("/definitions/Plan", plan::PLAN_KEYS),
            ("/definitions/Review", plan::REVIEW_KEYS),
            ("/definitions/Contact", plan::CONTACT_KEYS),
            ("/definitions/Team", plan::TEAM_KEYS),
            ("/definitions/Shift", plan::SHIFT_KEYS),
            ("/definitions/Channel", plan::CHANNEL_KEYS),
            ("/definitions/Profile", plan::PROFILE_KEYS),
            ("/definitions/Expectation", plan::EXPECTATION_KEYS),
            ("/definitions/IntendedGap", plan::INTENDED_GAP_KEYS),
            ("/definitions/EscalationPath", plan::ESCALATION_KEYS),
            ("/definitions/EscalationStep", plan::STEP_KEYS),
            ("/definitions/Complaint", plan::COMPLAINT_KEYS),
            ("/definitions/Remedy", plan::REMEDY_KEYS),
            ("/definitions/AfterSales", plan::AFTER_SALES_KEYS),
            ("/definitions/Installation", plan::INSTALLATION_KEYS),
            ("/definitions/Returns", plan::RETURNS_KEYS),
            ("/definitions/Training", plan::TRAINING_KEYS),
            ("/definitions/SelfHelp", plan::SELF_HELP_KEYS),
            ("/definitions/FaqEntry", plan::FAQ_KEYS),
            ("/definitions/Guide", plan::GUIDE_KEYS),
            ("/definitions/Feedback", plan::FEEDBACK_KEYS),
            ("/definitions/Metric", plan::METRIC_KEYS),
            ("/definitions/StaffingForecast", plan::STAFFING_KEYS),
            ("/definitions/Volume", plan::VOLUME_KEYS),
            ("/definitions/Checks", plan::CHECKS_KEYS),
            ("/definitions/Suppression", plan::SUPPRESSION_KEYS),
        ];
        for (pointer, keys) in maps {
            let expected: BTreeSet<String> = keys.iter().map(|k| (*k).to_owned()).collect();
            assert_eq!(properties(&schema, pointer), expected, "keys of `{pointer}`");
            for key in *keys {
                let description = schema.pointer(&format!("{pointer}/properties/{key}/description"));
                assert!(
                    description.and_then(Value::as_str).is_some_and(|d| !d.is_empty()),
                    "`{pointer}` key `{key}` has no description"
                );
            }
            let closed = schema.pointer(&format!("{pointer}/additionalProperties"));
            assert_eq!(
                closed,
                Some(&Value::Bool(false)),
                "`{pointer}` must reject unknown keys"
            );
        }
        // Every other map is compared too: the holiday specification in the next test.
        let definitions = schema["definitions"].as_object().unwrap();
        let checked: BTreeSet<&str> = maps
            .iter()
            .map(|(p, _)| p.trim_start_matches("/definitions/"))
            .collect();
        for (name, definition) in definitions {
            if definition.get("properties").is_some() {
                assert!(
                    checked.contains(name.as_str()) || name == "HolidayAdjustments",
                    "`{name}` has keys but is not compared with the loader's"
                );
            }
        }
    }

    /// The holiday specification's keys are read with the value syntaxes; the loader's own
    /// "known keys" help for an unknown one names them.
    #[test]
    fn holiday_adjustments_have_the_keys_the_loader_accepts() {
        let source = crate::source::SourceFile::new(
            std::path::Path::new("plan.yaml"),
            "version: 1\nplan: { holidays: { not-a-key: DE } }\n".to_owned(),
        );
        let loaded = crate::load::load_text(source, model::FileId(0), crate::load::Format::Yaml);
        let help = loaded
            .diagnostics
            .iter()
            .find(|d| d.data.get("key").and_then(Value::as_str) == Some("not-a-key"))
            .and_then(|d| d.help.clone())
            .expect("an unknown key is reported with the known ones");
        let known: BTreeSet<String> = help.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        let schema = serde_json::to_value(schema()).unwrap();
        assert_eq!(properties(&schema, "/definitions/HolidayAdjustments"), known);
    }

    /// Every place `null` is allowed, as the JSON pointers of the schemas allowing it.
    fn nullable(schema: &Value, pointer: String, found: &mut Vec<String>) {
        match schema {
            Value::Object(object) => {
                let null = Value::from("null");
                let allows_null = match object.get("type") {
                    Some(Value::Array(types)) => types.contains(&null),
                    Some(t) => t == &null,
                    None => false,
                };
                if allows_null {
                    found.push(pointer.clone());
                }
                for (key, value) in object {
                    nullable(value, format!("{pointer}/{key}"), found);
                }
            }
            Value::Array(items) => {
                for (i, value) in items.iter().enumerate() {
                    nullable(value, format!("{pointer}/{i}"), found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn only_lists_may_be_left_empty() {
        let schema = serde_json::to_value(schema()).unwrap();
        let mut found = Vec::new();
        nullable(&schema, String::new(), &mut found);
        assert!(found.contains(&"/properties/contacts".to_owned()), "{found:?}");
        for pointer in &found {
            let types = schema.pointer(&format!("{pointer}/type")).unwrap();
            assert_eq!(types, &serde_json::json!(["array", "null"]), "{pointer}");
        }
        let channel = &schema["definitions"]["Channel"]["properties"];
        assert_eq!(channel["toll-free"]["allOf"][0]["$ref"], "#/definitions/TollFree");
        let toll_free = schema["definitions"]["TollFree"].to_string();
        assert!(
            toll_free.contains("boolean") && toll_free.contains("array"),
            "{toll_free}"
        );
        assert_eq!(channel["response"]["allOf"][0]["$ref"], "#/definitions/Duration");
    }

    #[test]
    fn is_draft_07_and_ends_with_a_newline() {
        let text = to_json();
        assert!(text.ends_with("}\n"));
        let schema: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(schema["required"], serde_json::json!(["version", "plan"]));
        assert_eq!(schema["properties"]["version"]["const"], 1);
    }
}
