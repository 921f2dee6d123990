//! The one list of UI-string keys a build needs: those the generator's code looks up
//! and those the templates use (`t.<key>`). The theme's and a site's language files
//! are checked against it when the theme loads, so a key used anywhere but missing in
//! a language is a build error naming the key and the file, never an empty label.
//!
//! Each module that looks strings up keeps its own `KEYS` list beside its code; this
//! module only gathers them, which keeps the arrows one way (it depends on the views,
//! the views do not depend on it).

use std::collections::BTreeMap;
use std::collections::BTreeSet;

use crate::derive::progress::Status;

/// Every key the build needs, sorted.
pub fn required(templates: &BTreeMap<String, String>) -> Vec<String> {
    let mut keys: BTreeSet<String> = code_keys().into_iter().collect();
    for text in templates.values() {
        keys.extend(template_keys(text));
    }
    keys.into_iter().collect()
}

/// The keys the Rust code looks up.
pub fn code_keys() -> Vec<String> {
    let lists: &[&[&str]] = &[super::views::KEYS, super::pages::KEYS];
    let mut keys: Vec<String> = lists
        .iter()
        .flat_map(|l| l.iter().map(|k| k.to_string()))
        .collect();
    keys.extend(super::keys::required());
    keys.extend(Status::ALL.iter().map(|s| format!("progress_{}", s.key())));
    keys
}

/// The keys a template reads as `t.<key>`.
fn template_keys(text: &str) -> impl Iterator<Item = String> + '_ {
    text.match_indices("t.").filter_map(|(i, _)| {
        let before = text[..i].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        let key: String = text[i + 2..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        (!key.is_empty()).then_some(key)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_keys_are_read_from_t_dot_key_only() {
        let keys: Vec<String> =
            template_keys("{{ t.nav_home }} {{ site.t.x }} {{ t.col_year ~ page.t }} it.y")
                .collect();
        assert_eq!(keys, ["nav_home", "col_year"]);
    }

    #[test]
    fn every_literal_key_in_the_code_is_in_the_list() {
        // The code looks strings up as `t("key")`; each such key must be listed, or a
        // theme lacking it would show an empty label without a build error.
        let listed: BTreeSet<String> = code_keys().into_iter().collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            for (i, _) in text.match_indices(".t(\"") {
                let rest = &text[i + 4..];
                let key: String = rest.chars().take_while(|c| *c != '"').collect();
                let is_key = key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
                if is_key && !key.is_empty() && !listed.contains(&key) {
                    missing.push(format!("{}: {key}", entry.path().display()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "keys looked up but not listed: {missing:#?}"
        );
    }
}
