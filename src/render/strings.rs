//! One language's UI strings, as pages and charts look them up.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Index;

use serde::{Serialize, Serializer};

/// The strings of one language, kept twice: in key order, for everything that lists,
/// prints or hashes them (templates, the build's memo, error messages), and hashed,
/// for the lookups a page makes by the hundred. A chart alone looks up a few dozen:
/// in the ordered map those lookups were a fifteenth of a chart's instructions
/// (callgrind over `cargo bench --bench charts`). With std's SipHash the hashed
/// lookups still cost half of that; `ahash` (built already for tera) a seventh.
#[derive(Clone, Default)]
pub struct Strings {
    ordered: BTreeMap<String, String>,
    hashed: ahash::AHashMap<String, String>,
}

impl Strings {
    pub fn new() -> Strings {
        Strings::default()
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.hashed.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.hashed.contains_key(key)
    }

    /// The keys in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.ordered.keys()
    }

    pub fn insert(&mut self, key: String, value: String) {
        self.hashed.insert(key.clone(), value.clone());
        self.ordered.insert(key, value);
    }
}

impl From<BTreeMap<String, String>> for Strings {
    fn from(ordered: BTreeMap<String, String>) -> Strings {
        let hashed = ordered
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        Strings { ordered, hashed }
    }
}

impl FromIterator<(String, String)> for Strings {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Strings {
        Strings::from(iter.into_iter().collect::<BTreeMap<_, _>>())
    }
}

impl Index<&str> for Strings {
    type Output = String;

    fn index(&self, key: &str) -> &String {
        &self.hashed[key]
    }
}

impl fmt::Debug for Strings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.ordered.fmt(f)
    }
}

impl Serialize for Strings {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.ordered.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_and_listings_agree_and_listings_are_in_key_order() {
        let mut s: Strings = [("b", "2"), ("a", "1")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        s.insert("c".into(), "3".into());
        s.insert("a".into(), "one".into());
        assert_eq!(s.get("a").map(String::as_str), Some("one"));
        assert_eq!(s["c"], "3");
        assert!(s.contains_key("b") && !s.contains_key("d"));
        assert_eq!(s.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert_eq!(format!("{s:?}"), r#"{"a": "one", "b": "2", "c": "3"}"#);
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"a":"one","b":"2","c":"3"}"#
        );
    }
}
