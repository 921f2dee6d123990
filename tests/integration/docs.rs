//! The editors' reference in `docs/` cannot go stale: every example in it is built,
//! every field the loader accepts is documented, and every UI-string key is listed.
//!
//! An example is a fenced block whose info string says `example=KIND` (and optionally
//! `expect=error` or `expect=warning`); `docs/README.md` explains the kinds. Each is
//! applied to a fresh starter site with one extra record, then checked in-process.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use serde_json::Value;

use crate::util::TestSite;

/// The extra record the examples may cite (a bulletin with no clauses).
const STATISTICS_RECORD: &str = "\
title:
  zh: 示例市2024年国民经济和社会发展统计公报
  en: Statistical communiqué of Example City on its 2024 economic and social development
issuer: {zh: 示例市统计局, en: Example City Bureau of Statistics}
issued: 2025-03-20
";

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

/// Every page of the reference, with its text.
fn pages() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir(docs_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    pages.sort();
    pages
}

struct Example {
    /// `page.md:line`.
    at: String,
    kind: String,
    expect: Option<String>,
    text: String,
}

/// The fenced blocks of `text` labelled `example=…`.
fn examples(page: &str, text: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut open: Option<(String, usize)> = None;
    let mut body = String::new();
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some((info.to_string(), range.start));
                body.clear();
            }
            Event::Text(t) if open.is_some() => body.push_str(&t),
            Event::End(TagEnd::CodeBlock) => {
                let Some((info, start)) = open.take() else {
                    continue;
                };
                let attr = |key: &str| {
                    info.split_whitespace()
                        .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
                        .map(str::to_string)
                };
                if let Some(kind) = attr("example") {
                    let line = text[..start].lines().count() + 1;
                    out.push(Example {
                        at: format!("{page}:{line}"),
                        kind,
                        expect: attr("expect"),
                        text: body.clone(),
                    });
                }
            }
            _ => {}
        }
    }
    out
}

/// Applies an example to the site, as `docs/README.md` describes.
fn apply(site: &TestSite, ex: &Example) {
    let append = |rel: &str, text: &str| {
        let mut file = site.read(rel);
        file.push_str(text);
        site.write(rel, file);
    };
    match ex.kind.as_str() {
        "target" => {
            let indented: String = ex
                .text
                .lines()
                .map(|l| {
                    if l.trim().is_empty() {
                        "\n".to_string()
                    } else {
                        format!("  {l}\n")
                    }
                })
                .collect();
            append("content/plans/example-2025/plan.yaml", &indented);
        }
        "chains" | "topics" | "regions" | "units" => {
            append(&format!("content/{}.yaml", ex.kind), &ex.text);
        }
        kind => match kind.strip_prefix("file:") {
            Some(path) => {
                site.write(path, &ex.text);
            }
            None => panic!("{}: unknown example kind `{kind}`", ex.at),
        },
    }
}

#[test]
fn every_example_in_the_docs_builds_or_fails_as_it_says() {
    use rayon::prelude::*;
    let all: Vec<Example> = pages()
        .iter()
        .flat_map(|(page, text)| examples(page, text))
        .collect();
    assert!(all.len() >= 80, "only {} examples found", all.len());
    // Each example is its own site, so they are checked side by side.
    let failures: Vec<String> = all.par_iter().filter_map(check_example).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Applies and checks one example; the failure, if it does not do what it says.
fn check_example(ex: &Example) -> Option<String> {
    let site = TestSite::starter();
    site.write("seeds/statistics-2024.yaml", STATISTICS_RECORD);
    apply(&site, ex);
    let diagnostics = plansite::check::check_site(site.root());
    let errors = diagnostics.count(plansite::diagnostics::Severity::Error);
    let warnings = diagnostics.count(plansite::diagnostics::Severity::Warning);
    let ok = match ex.expect.as_deref() {
        None => errors == 0 && warnings == 0,
        Some("warning") => errors == 0 && warnings > 0,
        Some("error") => errors > 0,
        Some(other) => panic!("{}: unknown expect={other}", ex.at),
    };
    (!ok).then(|| {
        format!(
            "{} ({}, expect {:?}): {errors} errors, {warnings} warnings\n{}",
            ex.at,
            ex.kind,
            ex.expect,
            diagnostics
                .iter()
                .map(|d| d.render(false))
                .collect::<Vec<_>>()
                .join("\n")
        )
    })
}

/// Property names and enumerated words of a schema.
fn words(schema: &Value, out: &mut BTreeSet<String>) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get("properties") {
                out.extend(props.keys().cloned());
            }
            if let Some(Value::Array(values)) = map.get("enum") {
                out.extend(values.iter().filter_map(|v| v.as_str().map(str::to_string)));
            }
            if let Some(Value::String(c)) = map.get("const") {
                out.insert(c.clone());
            }
            map.values().for_each(|v| words(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| words(v, out)),
        _ => {}
    }
}

#[test]
fn every_field_and_word_the_loader_accepts_is_documented() {
    let docs: String = pages().into_iter().map(|(_, t)| t).collect();
    let mut missing = Vec::new();
    for kind in plansite::schema::SchemaKind::ALL {
        let schema = serde_json::to_value(plansite::schema::schema(kind)).unwrap();
        let mut found = BTreeSet::new();
        words(&schema, &mut found);
        for word in found {
            let documented = docs.contains(&format!("`{word}`"))
                || docs.contains(&format!("`{word}:"))
                || docs.contains(&format!(": {word}`"))
                || docs.contains(&format!("| {word} |"));
            if !documented {
                missing.push(format!("{}: `{word}`", kind.key()));
            }
        }
    }
    missing.dedup();
    assert!(missing.is_empty(), "not in docs/: {missing:?}");
}

#[test]
fn every_ui_string_key_is_in_the_strings_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let strings = std::fs::read_to_string(docs_dir().join("strings.md")).unwrap();
    let en: serde_json::Map<String, Value> = serde_yaml::from_str(
        &std::fs::read_to_string(root.join("themes/default/i18n/en.yaml")).unwrap(),
    )
    .unwrap();
    let missing: Vec<&String> = en
        .keys()
        .filter(|k| !strings.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "keys not in docs/strings.md: {missing:?}"
    );
}

#[test]
fn the_readme_links_to_the_reference() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains("docs/README.md"),
        "README does not link to docs/"
    );
}
