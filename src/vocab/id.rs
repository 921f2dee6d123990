//! Identifiers of plans, targets and registry entries.
//!
//! Ids become directory names in the output (`/zh/plans/<id>/`), so they are checked
//! when they are read: lowercase ASCII letters, digits and single hyphens. That rules
//! out path traversal (`..`, `/`), spaces and characters a URL would need to escape;
//! the names Windows keeps for devices (`con`, `nul`, `com1`…) are refused too.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The longest id accepted; ids appear in every URL, so they stay readable.
pub const MAX_ID_LEN: usize = 80;

/// A validated slug, cheap to clone.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    /// Checks `s` and makes an id of it, or says what is wrong with it.
    pub fn parse(s: &str) -> Result<Id, String> {
        if s.is_empty() {
            return Err("an id cannot be empty".into());
        }
        if s.len() > MAX_ID_LEN {
            return Err(format!(
                "the id `{s}` is longer than {MAX_ID_LEN} characters"
            ));
        }
        let ok_chars = s
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !ok_chars || s.starts_with('-') || s.ends_with('-') || s.contains("--") {
            return Err(format!(
                "`{s}` is not a valid id: use lowercase letters a–z, digits and single hyphens, \
                 such as `electronic-information`"
            ));
        }
        if is_windows_device(s) {
            return Err(format!(
                "`{s}` cannot be an id: Windows reserves the name for a device, so a folder \
                 named after it could not be copied to or opened on Windows; choose another, \
                 such as `{s}-plan`"
            ));
        }
        Ok(Id(Arc::from(s)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Returns true if and only if Windows reserves `name` for a device (`con`, `nul`,
/// `com1`…), in any case and with any extension: ids become folder and file names
/// of the output, which has to be copied to Windows servers too.
pub fn is_windows_device(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    match stem.as_str() {
        "con" | "prn" | "aux" | "nul" => true,
        _ => {
            let numbered = stem
                .strip_prefix("com")
                .or_else(|| stem.strip_prefix("lpt"));
            numbered.is_some_and(|n| n.len() == 1 && matches!(n.as_bytes()[0], b'1'..=b'9'))
        }
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Id, D::Error> {
        let s = String::deserialize(deserializer)?;
        Id::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// For editors' schemas: the same rule as [`Id::parse`], as a pattern (the Windows
/// device names are left to the loader, which says why).
impl schemars::JsonSchema for Id {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$",
            "maxLength": MAX_ID_LEN,
            "description": "An id: lowercase letters a–z, digits and single hyphens, such as `electronic-information`.",
        })
    }
}

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_slugs() {
        for ok in ["a", "electronic-information", "ganzhou-2021", "x1-2-3"] {
            assert!(Id::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_names_windows_reserves() {
        for bad in ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"] {
            let err = Id::parse(bad).unwrap_err();
            assert!(err.contains("Windows"), "{bad}: {err}");
        }
        for ok in ["cons", "console", "com10", "com", "lpt", "nul-2", "a-con"] {
            assert!(Id::parse(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_paths_spaces_and_capitals() {
        for bad in [
            "", "..", "../etc", "a/b", "a b", "Ab", "-a", "a-", "a--b", "电子", "a.b", "a\\b",
        ] {
            assert!(Id::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(Id::parse(&"a".repeat(MAX_ID_LEN + 1)).is_err());
    }
}
