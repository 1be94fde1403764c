//! How each value of a plan is written, as JSON Schema: the [`JsonSchema`] impls of the
//! value types, and of a few marker types for values the model keeps in a general type (an
//! id as a `String`, a date as a `NaiveDate`), named in the model with `#[schemars(with)]`.
//!
//! The schema holds the syntax of each value; whether a date exists, a zone is known or an
//! id refers to something is the loader's and the rules' business.

use super::values::{Amount, CalendarId, DayHours, Duration, LanguageTag, Target};
use super::{
    AgeRange, ChannelKind, FeedbackKind, HolidaySpec, Located, RemedyKind, Schedule, StepTarget, Text, TollFree,
};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;

/// A value is written as its value: the location the loader adds is not part of the file.
impl<T: JsonSchema> JsonSchema for Located<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// The hand-written schema of a value type: `inline` ones are written out where they are
/// used, the others once under `definitions`, as `name`.
macro_rules! written {
    ($ty:ty as $name:expr, inline: $inline:expr, |$generator:ident| $schema:expr) => {
        impl JsonSchema for $ty {
            fn inline_schema() -> bool {
                $inline
            }

            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }

            fn json_schema($generator: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

/// A value the model keeps in a general type, described by a type that is never built.
macro_rules! marker {
    ($(#[$doc:meta])* $marker:ident, inline: $inline:expr, |$generator:ident| $schema:expr) => {
        $(#[$doc])*
        pub enum $marker {}

        written!($marker as stringify!($marker), inline: $inline, |$generator| $schema);
    };
}

marker!(
    /// `version: 1`, which the model keeps as the number read.
    FormatVersion, inline: true, |_g| json_schema!({ "type": "integer", "const": 1 })
);

marker!(
    /// An id that defines an entity (`id: first-line`).
    Id, inline: false, |_g| json_schema!({
        "description": "An id: lower-case letters, digits and single hyphens, e.g. `first-line`, at most 64 \
            characters; unique in its section.",
        "type": "string",
        "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
        "maxLength": 64
    })
);

marker!(
    /// An id that names another entity (`team: first-line`); the reference rules check it.
    Reference, inline: true, |_g| json_schema!({ "type": "string" })
);

marker!(
    /// Text read as written: scalars are read as their text, so `address: 1579` is the text
    /// `1579`.
    PlainText, inline: true, |_g| json_schema!({ "type": ["string", "number"] })
);

// The bounds below are those of `value-out-of-range` (`crate::load::bounds`).

marker!(
    /// A team's agents on duty.
    AgentCount, inline: true, |_g| json_schema!({ "type": "integer", "minimum": 0, "maximum": 10_000 })
);

marker!(
    /// Contacts one agent handles at the same time.
    Concurrency, inline: true, |_g| json_schema!({ "type": "integer", "minimum": 1, "maximum": 10 })
);

marker!(
    /// Contacts expected per hour.
    ContactsPerHour, inline: true, |_g| json_schema!({ "type": "number", "minimum": 0, "maximum": 100_000 })
);

marker!(
    /// A share such as `30%`, which the model keeps as the number of percent.
    Percentage, inline: false, |_g| json_schema!({
        "description": "A percentage, e.g. `30%`.",
        "type": "string",
        "pattern": format!("^{NUMBER}\\s*%$")
    })
);

marker!(
    /// A calendar date, kept as a `NaiveDate`.
    Date, inline: false, |_g| json_schema!({
        "description": "A date, `YYYY-MM-DD`.",
        "type": "string",
        "pattern": format!("^{DATE}$")
    })
);

marker!(
    /// A country code, kept as its text.
    Country, inline: false, |_g| json_schema!({
        "description": "A country: an ISO 3166-1 alpha-2 code, e.g. `DE`.",
        "type": "string",
        "pattern": "^[A-Z]{2}$"
    })
);

marker!(
    /// A currency, kept as an `iso_currency::Currency`.
    Currency, inline: false, |_g| json_schema!({
        "description": "A currency: an ISO 4217 code, e.g. `EUR`.",
        "type": "string",
        "pattern": "^[A-Z]{3}$"
    })
);

marker!(
    /// A time zone, kept as a `chrono_tz::Tz`.
    TimeZone, inline: false, |_g| json_schema!({
        "description": "An IANA time zone, e.g. `Europe/Berlin`, `America/Sao_Paulo`, `UTC`.",
        "type": "string",
        "pattern": "^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$"
    })
);

marker!(
    /// A suppression's path, written as one string and kept as its parsed steps.
    PlanPathSelector, inline: false, |_g| json_schema!({
        "description": "A place in the plan: keys separated by `.`, each optionally followed by a list index or an id \
            in brackets, e.g. `channels[email].response`.",
        "type": "string",
        "pattern": "^[A-Za-z0-9_-]+(\\[[A-Za-z0-9_-]+\\])?(\\.[A-Za-z0-9_-]+(\\[[A-Za-z0-9_-]+\\])?)*$"
    })
);

marker!(
    /// A `holidays:` value: a calendar id, or the map [`HolidaySpec`] describes.
    Holidays, inline: false, |g| json_schema!({
        "description": "A public-holiday calendar such as `DE-BE`, or a map that adjusts one or reads an iCalendar file.",
        "anyOf": [g.subschema_for::<CalendarId>(), g.subschema_for::<HolidaySpec>()]
    })
);

written!(Text as "Text", inline: false, |g| json_schema!({
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

written!(ChannelKind as "ChannelKind", inline: false, |_g| json_schema!({
    "description": "A kind of channel: live (phone, chat, video, in-person) or written (email, web-form, social, \
        letter).",
    "type": "string",
    "enum": words(&ChannelKind::ALL)
}));

written!(RemedyKind as "RemedyKind", inline: false, |_g| json_schema!({
    "description": "A kind of remedy.",
    "type": "string",
    "enum": words(&RemedyKind::ALL)
}));

written!(FeedbackKind as "FeedbackKind", inline: false, |_g| json_schema!({
    "description": "A way of collecting feedback.",
    "type": "string",
    "enum": words(&FeedbackKind::ALL)
}));

written!(TollFree as "TollFree", inline: false, |g| json_schema!({
    "description": "Whether calls are free: `true`/`false`, or the countries calls are free from.",
    "anyOf": [
        {
            "description": "`true`: free for callers in the country of the number; `false`: not free.",
            "type": "boolean"
        },
        {
            "description": "Free for callers in these countries.",
            "type": "array",
            "items": g.subschema_for::<Country>()
        }
    ]
}));

// Written as the key that names whom the step reaches; `EscalationStep` flattens these keys
// into its own and requires exactly one of them.
written!(StepTarget as "StepTarget", inline: true, |_g| json_schema!({
    "type": "object",
    "properties": {
        "team": { "description": "The team this step reaches (a team id).", "type": "string" },
        "contact": { "description": "The contact this step reaches (a contact id).", "type": "string" }
    }
}));

written!(AgeRange as "AgeBand", inline: false, |_g| json_schema!({
    "description": "An age band: a range such as `35-70`, or a lower bound such as `18+`.",
    "type": "string",
    "pattern": "^[0-9]+\\s*(-\\s*[0-9]+|\\+)$"
}));

written!(Duration as "Duration", inline: false, |_g| json_schema!({
    "description": "A duration: `90s`, `15m`, `4h`, `1h30m`, `2 days`, `6 months`, `1 year`; `8 business hours` and \
        `2 business days` count only worked hours; `30m calendar` counts wall-clock time.",
    "type": "string",
    "pattern": format!("^{}$", duration())
}));

written!(Amount as "Amount", inline: false, |_g| json_schema!({
    "description": "An amount: `25 EUR` (ISO 4217 currency), a number in the plan's currency, \
        `10%` of the order value, or `unlimited`.",
    "anyOf": [
        { "type": "string", "pattern": format!("^(unlimited|{NUMBER}(\\s*%|\\s*[A-Z]{{3}})?)$") },
        { "type": "number", "minimum": 0 }
    ]
}));

written!(Target as "Target", inline: false, |_g| json_schema!({
    "description": "A target: a share answered within a time, `80% in 20s`, or a comparison, `>= 90%`, `<= 2%`, \
        `>= 4.5`, `<= 24h`.",
    "type": "string",
    "pattern": format!(
        "^({DECIMAL}\\s*%\\s*in\\s+{duration}|(>=|<=|>|<)\\s*(-?{DECIMAL}|{DECIMAL}\\s*%|{duration}))$",
        duration = duration()
    )
}));

written!(LanguageTag as "LanguageTag", inline: false, |_g| json_schema!({
    "description": "A language: a two-letter ISO 639-1 code, optionally with a region, e.g. `de`, `pt-BR`, `es-419`.",
    "type": "string",
    "pattern": "^[A-Za-z]{2}(-([A-Za-z]{2}|[0-9]{3}))?$"
}));

written!(CalendarId as "HolidayCalendar", inline: false, |_g| json_schema!({
    "description": "A built-in public-holiday calendar: a country, or a country and its subdivision, e.g. `DE`, \
        `DE-BY`, `GB-SCT`, `US-NY`.",
    "type": "string",
    "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"
}));

written!(DayHours as "DayHours", inline: false, |_g| json_schema!({
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

written!(Schedule as "Schedule", inline: false, |g| json_schema!({
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
