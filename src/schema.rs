//! The JSON Schema (draft-07) of the plan file, which editors use to complete keys and flag
//! mistakes while a plan is written; `plan schema` prints it. It is generated from the model
//! types (`crate::model`), and [`keys`] reads from it the keys each map of the file accepts,
//! so the loader and the schema cannot disagree about the file's shape.
//!
//! The schema holds the keys, the required keys and the syntax of each value; whether an id
//! refers to something, overlapping hours and everything else that needs the whole plan is
//! left to `plan check`, and plans are read by [`crate::load`], which reports every problem
//! of a file at once.

use crate::model;
use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use schemars::{JsonSchema, Schema};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The schema of the plan file, generated on first use.
pub fn schema() -> &'static Schema {
    static SCHEMA: OnceLock<Schema> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        SchemaSettings::draft07()
            // First, so that draft-07's own transforms see the result.
            .with(|settings| {
                settings.transforms.insert(0, Box::new(NullOnlyForOptionalLists));
                settings.transforms.insert(0, Box::new(FlowingDescriptions));
            })
            .into_generator()
            .into_root_schema_for::<model::Plan>()
    })
}

/// The schema as pretty-printed JSON with a trailing newline, as `plan schema` prints it.
pub fn to_json() -> String {
    let mut text = serde_json::to_string_pretty(schema()).expect("a schema is plain JSON");
    text.push('\n');
    text
}

/// The keys a map of the plan accepts, in the order the model type `T` declares them: the
/// property names of `T`'s object in [`schema`] (the top level of the file for
/// [`model::Plan`]).
pub fn keys<T: JsonSchema>() -> &'static [&'static str] {
    static KEYS: OnceLock<BTreeMap<String, Vec<&'static str>>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let root = schema().as_value();
        let definitions = root.get("definitions").and_then(Value::as_object).into_iter().flatten();
        std::iter::once((model::Plan::schema_name().into_owned(), root))
            .chain(definitions.map(|(name, definition)| (name.clone(), definition)))
            .filter_map(|(name, definition)| {
                let properties = definition.get("properties")?.as_object()?;
                Some((name, properties.keys().map(String::as_str).collect()))
            })
            .collect()
    });
    let name = T::schema_name();
    keys.get(name.as_ref())
        .map(Vec::as_slice)
        .unwrap_or_else(|| panic!("`{name}` is not a map of the plan schema"))
}

/// schemars allows `null` for every optional key, and for no other. The loader reads a key
/// without a value as an empty list where a list is expected and rejects it everywhere else,
/// so `null` is taken back from everything but lists, and given to every optional list.
#[derive(Clone)]
struct NullOnlyForOptionalLists;

impl Transform for NullOnlyForOptionalLists {
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
        let required: Vec<Value> = match object.get("required") {
            Some(Value::Array(required)) => required.clone(),
            _ => Vec::new(),
        };
        if let Some(Value::Object(properties)) = object.get_mut("properties") {
            for (key, property) in properties {
                if required.iter().any(|r| r.as_str() == Some(key.as_str())) {
                    continue;
                }
                if let Some(kind) = property.get_mut("type")
                    && kind.as_str() == Some("array")
                {
                    *kind = serde_json::json!(["array", "null"]);
                }
            }
        }
    }
}

/// Doc comments are wrapped to the width of the code; editors show a description as it is,
/// so the lines of each paragraph are joined into one.
#[derive(Clone)]
struct FlowingDescriptions;

impl Transform for FlowingDescriptions {
    fn transform(&mut self, schema: &mut Schema) {
        transform_subschemas(self, schema);
        if let Some(Value::String(description)) = schema.get_mut("description") {
            *description = description
                .split("\n\n")
                .map(|paragraph| paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" "))
                .collect::<Vec<_>>()
                .join("\n\n");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
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

    /// Every map of the schema, by name, with its JSON pointer.
    fn maps(schema: &Value) -> BTreeMap<String, String> {
        let mut maps = BTreeMap::from([("Plan".to_owned(), String::new())]);
        for (name, definition) in schema["definitions"].as_object().unwrap() {
            if definition.get("properties").is_some() {
                maps.insert(name.clone(), format!("/definitions/{name}"));
            }
        }
        maps
    }

    #[test]
    fn every_map_rejects_unknown_keys_and_describes_its_own() {
        let schema = schema().as_value();
        for (name, pointer) in maps(schema) {
            let closed = schema.pointer(&format!("{pointer}/additionalProperties"));
            assert_eq!(closed, Some(&Value::Bool(false)), "`{name}` must reject unknown keys");
            for key in properties(schema, &pointer) {
                let description = schema.pointer(&format!("{pointer}/properties/{key}/description"));
                assert!(
                    description.and_then(Value::as_str).is_some_and(|d| !d.is_empty()),
                    "`{name}` key `{key}` has no description"
                );
            }
        }
    }

    /// The loader asks for the keys of these types; each is a map of the schema, and every
    /// map of the schema is one of them.
    #[test]
    fn the_loader_finds_the_keys_of_every_map() {
        let asked: BTreeMap<String, &[&str]> = [
            (Plan::schema_name(), keys::<Plan>()),
            (PlanMeta::schema_name(), keys::<PlanMeta>()),
            (Review::schema_name(), keys::<Review>()),
            (Contact::schema_name(), keys::<Contact>()),
            (Team::schema_name(), keys::<Team>()),
            (Shift::schema_name(), keys::<Shift>()),
            (Channel::schema_name(), keys::<Channel>()),
            (Profile::schema_name(), keys::<Profile>()),
            (Expectation::schema_name(), keys::<Expectation>()),
            (IntendedGap::schema_name(), keys::<IntendedGap>()),
            (EscalationPath::schema_name(), keys::<EscalationPath>()),
            (EscalationStep::schema_name(), keys::<EscalationStep>()),
            (Complaint::schema_name(), keys::<Complaint>()),
            (Remedy::schema_name(), keys::<Remedy>()),
            (AfterSales::schema_name(), keys::<AfterSales>()),
            (Installation::schema_name(), keys::<Installation>()),
            (Returns::schema_name(), keys::<Returns>()),
            (Training::schema_name(), keys::<Training>()),
            (SelfHelp::schema_name(), keys::<SelfHelp>()),
            (FaqEntry::schema_name(), keys::<FaqEntry>()),
            (Guide::schema_name(), keys::<Guide>()),
            (Feedback::schema_name(), keys::<Feedback>()),
            (Metric::schema_name(), keys::<Metric>()),
            (StaffingForecast::schema_name(), keys::<StaffingForecast>()),
            (VolumeEntry::schema_name(), keys::<VolumeEntry>()),
            (ChecksConfig::schema_name(), keys::<ChecksConfig>()),
            (Suppression::schema_name(), keys::<Suppression>()),
            (HolidaySpec::schema_name(), keys::<HolidaySpec>()),
        ]
        .into_iter()
        .map(|(name, keys)| (name.into_owned(), keys))
        .collect();
        let schema = schema().as_value();
        let maps = maps(schema);
        assert_eq!(asked.keys().collect::<Vec<_>>(), maps.keys().collect::<Vec<_>>());
        for (name, pointer) in &maps {
            let keys: BTreeSet<String> = asked[name].iter().map(|k| (*k).to_owned()).collect();
            assert_eq!(keys, properties(schema, pointer), "keys of `{name}`");
        }
    }

    /// Messages list the known keys in the order the model declares them, which is the
    /// order of the format's description.
    #[test]
    fn keys_come_in_the_order_of_the_model() {
        assert_eq!(
            keys::<Plan>(),
            [
                "version",
                "plan",
                "contacts",
                "teams",
                "channels",
                "profiles",
                "escalation",
                "complaints",
                "authority",
                "after-sales",
                "training",
                "self-help",
                "feedback",
                "metrics",
                "staffing",
                "checks",
            ]
        );
        assert_eq!(
            keys::<Team>(),
            [
                "id",
                "name",
                "description",
                "lead",
                "languages",
                "skills",
                "timezone",
                "holidays",
                "hours",
                "agents",
                "shifts",
            ]
        );
        assert_eq!(keys::<EscalationStep>(), ["team", "contact", "after"]);
        assert_eq!(keys::<Training>(), ["id", "name", "topics", "for", "every", "last"]);
        assert_eq!(keys::<HolidaySpec>(), ["calendar", "add", "remove", "ics"]);
    }

    /// The holiday specification is read with the value syntaxes; the loader's "known keys"
    /// help for an unknown key there names the schema's keys.
    #[test]
    fn holiday_adjustments_have_the_keys_the_loader_accepts() {
        let source = crate::source::SourceFile::new(
            std::path::Path::new("plan.yaml"),
            "version: 1\nplan: { holidays: { not-a-key: DE } }\n".to_owned(),
        );
        let loaded = crate::load::load_text(source, model::FileId(0), crate::load::Format::Yaml);
        let help = loaded
            .problems
            .iter()
            .find(|d| d.data.get("key").and_then(Value::as_str) == Some("not-a-key"))
            .and_then(|d| d.help.clone())
            .expect("an unknown key is reported with the known ones");
        let known: BTreeSet<String> = help.split('`').skip(1).step_by(2).map(str::to_owned).collect();
        assert_eq!(
            properties(schema().as_value(), "/definitions/HolidayAdjustments"),
            known
        );
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
    fn only_optional_lists_may_be_left_empty() {
        let schema = schema().as_value();
        let mut found = Vec::new();
        nullable(schema, String::new(), &mut found);
        for list in ["/properties/contacts", "/definitions/Team/properties/shifts"] {
            assert!(found.contains(&list.to_owned()), "{list}: {found:?}");
        }
        let steps = "/definitions/EscalationPath/properties/steps";
        assert!(!found.contains(&steps.to_owned()), "{steps} is required");
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
