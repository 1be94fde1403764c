//! The JSON Schema (draft-07) of the plan file, which editors use to complete keys and flag
//! mistakes while a plan is written; `plan schema` prints it. It is generated from the model
//! types (`crate::model`).
//!
//! The schema holds the keys, the required keys and the syntax of each value; whether an id
//! refers to something, overlapping hours and everything else that needs the whole plan is
//! left to `plan check`, and plans are read by [`crate::load`], which reports every problem
//! of a file at once.

use crate::model;
use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::{Transform, transform_subschemas};
use serde_json::Value;
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
            ("/definitions/PlanMeta", plan::PLAN_KEYS),
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
            ("/definitions/VolumeEntry", plan::VOLUME_KEYS),
            ("/definitions/ChecksConfig", plan::CHECKS_KEYS),
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
