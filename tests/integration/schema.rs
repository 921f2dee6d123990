//! `plansite schema` and the schemas `plansite new` writes. Whether the bundled files
//! validate against them is checked with ajv in `tests/e2e/schema.mjs` (it needs Node).

use std::path::Path;

use serde_json::Value;

use crate::util::TestSite;

fn schema_of(kind: &str) -> Value {
    let out = assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .args(["schema", kind])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every object schema in `schema`, with where it is.
fn objects<'a>(schema: &'a Value, at: String, out: &mut Vec<(String, &'a Value)>) {
    match schema {
        Value::Object(map) => {
            if map.get("type") == Some(&Value::from("object")) {
                out.push((at.clone(), schema));
            }
            for (k, v) in map {
                objects(v, format!("{at}/{k}"), out);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                objects(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_kind_is_a_draft_2020_12_schema_refusing_unknown_fields() {
    for kind in [
        "site", "plan", "record", "registry", "chains", "topics", "regions", "units",
    ] {
        let schema = schema_of(kind);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{kind}"
        );
        let mut found = Vec::new();
        objects(&schema, String::new(), &mut found);
        assert!(!found.is_empty(), "{kind}: no object schema");
        for (at, object) in found {
            assert_eq!(
                object["additionalProperties"],
                Value::Bool(false),
                "{kind} {at}: an unknown field would be accepted"
            );
            let props = object["properties"].as_object().unwrap();
            for (name, prop) in props {
                let described = prop.get("description").and_then(Value::as_str);
                assert!(
                    described.is_some_and(|d| !d.trim().is_empty()),
                    "{kind} {at}/{name}: an editor hovering over the field sees no description"
                );
            }
        }
    }
}

#[test]
fn the_plan_schema_names_what_a_target_requires_and_the_words_it_takes() {
    let plan = schema_of("plan");
    let target = &plan["$defs"]["RawTarget"];
    let required: Vec<&str> = target["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for field in ["id", "name", "metric", "unit", "year", "value", "source"] {
        assert!(
            required.contains(&field),
            "{field} not required: {required:?}"
        );
    }
    assert!(!required.contains(&"chain") && !required.contains(&"baseline"));
    let text = plan.to_string();
    for word in [
        "\"strive\"",
        "\"aim_for\"",
        "\"yi-yuan\"",
        "\"家\"",
        "\"of_which\"",
    ] {
        assert!(text.contains(word), "{word} missing from the plan schema");
    }
    let id = &plan["$defs"]["Id"];
    assert_eq!(id["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
}

#[test]
fn new_sites_carry_their_schemas_and_point_every_file_at_one() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .arg("new")
        .arg(&site)
        .assert()
        .success();
    for (file, schema) in [
        ("site.yaml", "schemas/site.schema.json"),
        ("content/chains.yaml", "../schemas/chains.schema.json"),
        ("content/units.yaml", "../schemas/units.schema.json"),
        (
            "content/plans/example-2025/plan.yaml",
            "../../../schemas/plan.schema.json",
        ),
        ("seeds/example-2025.yaml", "../schemas/record.schema.json"),
    ] {
        let text = std::fs::read_to_string(site.join(file)).unwrap();
        let first = text.lines().next().unwrap();
        assert_eq!(first, format!("# yaml-language-server: $schema={schema}"));
        let target = site.join(file).parent().unwrap().join(schema);
        let written: Value =
            serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
        let kind = schema
            .rsplit('/')
            .next()
            .unwrap()
            .trim_end_matches(".schema.json");
        assert_eq!(written, schema_of(kind), "{file}");
    }
    // The starter with its schemas still builds.
    let test = TestSite::starter();
    test.build_ok();
}

/// The bundled site's `schemas/` are what `plansite schema` writes today: a field
/// added to the loader must reach the editors' schemas in the same commit.
#[test]
fn the_bundled_schemas_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .args(["schema", "--write"])
        .arg(out.path())
        .assert()
        .success();
    for entry in std::fs::read_dir(out.path()).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        let fresh = std::fs::read_to_string(entry.path()).unwrap();
        let committed =
            std::fs::read_to_string(root.join("schemas").join(&name)).unwrap_or_default();
        assert!(
            fresh == committed,
            "schemas/{} is stale; run `cargo run -- schema --write schemas`",
            name.to_string_lossy()
        );
    }
}

#[test]
fn an_unknown_kind_is_a_usage_error_listing_the_kinds() {
    let out = assert_cmd::Command::cargo_bin("plansite")
        .unwrap()
        .args(["schema", "plans"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("site") && err.contains("record"), "{err}");
}
