//! A YAML value on one line, for a spreadsheet cell: `{exceed: 1000, qualifier: ensure}`.
//!
//! Written here because the YAML library emits only block style, which a cell cannot
//! hold. Keys and simple words stay plain; any other text is double-quoted with JSON's
//! escaping, which is valid YAML, so the cell reads back as the same value.

use serde_yaml::Value;

/// `value` in YAML flow style.
pub fn flow(value: &Value) -> String {
    let mut out = String::new();
    write(value, &mut out);
    out
}

fn write(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push('~'),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => scalar(s, out),
        Value::Sequence(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, out);
            }
            out.push(']');
        }
        Value::Mapping(map) => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(k, out);
                out.push_str(": ");
                write(v, out);
            }
            out.push('}');
        }
        Value::Tagged(tagged) => write(&tagged.value, out),
    }
}

/// A plain word when YAML reads it back as the same text, else a quoted string.
fn scalar(s: &str, out: &mut String) {
    let plain = !s.is_empty()
        && s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        out.push_str(s);
    } else {
        out.push_str(&serde_json::Value::String(s.to_string()).to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_reads_back_as_itself() {
        for text in [
            "2600",
            "8.8",
            "double",
            "{exceed: 1000, qualifier: ensure}",
            "{tiers: {floor: {exceed: 1000, qualifier: ensure}, stretch: {reach: 1200}}}",
            "{range: [3, 5], or: more}",
            "{year: {zh: \"原文只说三年内翻番, 没有写明基期\", en: \"It says \\\"three years\\\": no base year\"}}",
            "{value: {zh: \"true\", en: \"1: a\"}}",
        ] {
            let value: Value = serde_yaml::from_str(text).unwrap();
            let written = flow(&value);
            let back: Value = serde_yaml::from_str(&written).unwrap();
            assert_eq!(back, value, "{text} → {written}");
        }
        let v: Value = serde_yaml::from_str("{tiers: {floor: {exceed: 1000}}}").unwrap();
        assert_eq!(flow(&v), "{tiers: {floor: {exceed: 1000}}}");
    }
}
