//! Tests of reading YAML sources: locating values, splitting, and parsing.

use super::*;
use serde::Deserialize;

const DOC: &str = "\
title: 示例
targets:
  - id: a
    chain: electronics
  - id: b
    chain: nope
    value: {reach: 5}
";

#[test]
fn locates_a_nested_value() {
    let path = YamlPath::root().key("targets").index(1).key("chain");
    let loc = locate(DOC, &path).unwrap();
    assert_eq!((loc.line, loc.column), (6, 12));
    assert_eq!(&DOC[loc.span], "nope");
}

#[test]
fn locates_inside_flow_mappings() {
    let path = YamlPath::root()
        .key("targets")
        .index(1)
        .key("value")
        .key("reach");
    let loc = locate(DOC, &path).unwrap();
    assert_eq!((loc.line, loc.column), (7, 20));
    assert_eq!(&DOC[loc.span], "5");
}

#[test]
fn missing_value_falls_back_to_its_parent() {
    let path = YamlPath::root().key("targets").index(0).key("unit");
    let loc = locate(DOC, &path).unwrap();
    assert_eq!(loc.line, 3);
    // Only the whole path is located exactly.
    assert_eq!(locate_exactly(DOC, &path), None);
    assert_eq!(
        locate_exactly(DOC, &YamlPath::root().key("targets").index(5)),
        None
    );
    let chain = YamlPath::root().key("targets").index(1).key("chain");
    assert_eq!(locate_exactly(DOC, &chain), locate(DOC, &chain));
}

#[test]
fn a_sequence_splits_into_items_at_their_own_lines() {
    let f = SourceFile::from_text("x.yaml", DOC);
    let split = f.split_sequence("targets").unwrap();
    assert_eq!(split.items.len(), 2);
    assert_eq!(split.rest.text.trim(), "title: 示例");
    let second = &split.items[1].text;
    assert_eq!(second.len(), DOC.len(), "offsets stay the same");
    assert_eq!(second.lines().count(), DOC.lines().count());
    assert!(second.contains("targets:") && second.contains("- id: b"));
    assert!(!second.contains("id: a"));
    let flow = SourceFile::from_text("x.yaml", "targets: [{id: a}, {id: b}]\n");
    assert!(flow.split_sequence("targets").is_none());
}

#[test]
fn an_item_may_start_on_the_line_after_its_dash() {
    let doc = "targets:\n  - id: a\n  - # the second\n    id: b\n";
    let split = SourceFile::from_text("x.yaml", doc)
        .split_sequence("targets")
        .unwrap();
    assert!(
        !split.items[0].text.contains('#'),
        "{:?}",
        split.items[0].text
    );
    assert!(split.items[1].text.contains("- # the second"));
    assert!(split.items[1].text.contains("id: b"));
}

#[test]
fn path_display_reads_like_an_accessor() {
    let path = YamlPath::root().key("targets").index(2).key("value");
    assert_eq!(path.to_string(), "targets[2].value");
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Small {
    id: String,
}

#[test]
fn unknown_field_is_an_error_at_its_line() {
    let f = SourceFile::from_text("x.yaml", "id: a\nidd: b\n");
    let err = f.parse::<Small>().unwrap_err();
    assert!(
        err.message.contains("unknown field `idd`"),
        "{}",
        err.message
    );
    assert_eq!(err.location.unwrap().line, 2);
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Nested {
    id: String,
    list: Option<Vec<Vec<u32>>>,
}

/// `parse` reads the events first only for a large text or one with an escape or a
/// tag, and otherwise after the deserializer fails: each hostile form, on either path,
/// must get the guard's refusal at its place, not the deserializer's less helpful
/// error.
#[test]
fn hostile_files_get_the_guards_refusal_before_or_after_deserializing() {
    // Deep: under the number of brackets that reads the events first, and over it.
    let deep = |n| format!("id: a\nlist: {}{}\n", "[".repeat(n), "]".repeat(n));
    assert!(!guard::needs_events_first(&deep(100)));
    assert!(guard::needs_events_first(&deep(5_000)));
    let cases = [
        (
            deep(100),
            "nested more than 32",
            "id: a\nlist: ".len() + guard::MAX_DEPTH - 1,
        ),
        (
            deep(5_000),
            "nested more than 32",
            "id: a\nlist: ".len() + guard::MAX_DEPTH - 1,
        ),
        (
            "id: a\n---\nid: b\n".into(),
            "a second YAML document",
            "id: a\n".len(),
        ),
        ("id: \"a\\eb\"\n".into(), "U+001B", "id: \"a".len()),
        ("id: a\u{7}b\n".into(), "U+0007", "id: a".len()),
        ("id: !%1B a\n".into(), "`%1B`", "id: !".len()),
    ];
    for (text, message, at) in cases {
        let err = SourceFile::from_text("x.yaml", &text)
            .parse::<Nested>()
            .unwrap_err();
        assert!(
            err.message.contains(message),
            "{text:.40?}: {}",
            err.message
        );
        assert_eq!(err.location.map(|l| l.span.start), Some(at), "{text:.40?}");
    }
    // A backslash that is no escape, a harmless tag, and a plain file: all parse.
    for fine in [
        "id: 'a\\0'\nlist: [[1], [2]]\n",
        "id: a\\b\n",
        "id: !!str 12\n",
        "id: a\n",
    ] {
        let f = SourceFile::from_text("x.yaml", fine);
        assert!(f.parse::<Nested>().is_ok(), "{fine:?}");
    }
}

#[test]
fn byte_order_mark_is_dropped_and_positions_stay_right() {
    let f = SourceFile::from_bytes(Path::new("x.yaml"), b"\xEF\xBB\xBFid: a\nidd: b\n".to_vec())
        .unwrap();
    let err = f.parse::<Small>().unwrap_err();
    let loc = err.location.unwrap();
    assert_eq!((loc.line, loc.column), (2, 1));
}

#[test]
fn non_utf8_bytes_are_reported_with_their_line() {
    let err = SourceFile::from_bytes(Path::new("x.yaml"), b"id: a\nname: \xB5\xE7\n".to_vec())
        .unwrap_err();
    assert!(err.message.contains("not valid UTF-8"));
    assert_eq!(err.location.unwrap().line, 2);
}

#[test]
fn empty_file_is_an_error() {
    let err = SourceFile::from_text("x.yaml", "  \n")
        .parse::<Small>()
        .unwrap_err();
    assert!(err.message.contains("empty"));
}
