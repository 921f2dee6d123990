//! UI strings per language: `themes/<theme>/i18n/zh.yaml` and `en.yaml`.
//!
//! Each file is a flat map from key to text. A site may override keys in its own
//! `i18n/zh.yaml` / `i18n/en.yaml`. The two languages must define the same keys: a key
//! missing in one language is a build error naming the key and the file that lacks it,
//! so a page can never show a raw key or an empty label to half of its readers.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::lang::{Lang, Localized};
use crate::yaml::{SourceFile, YamlPath};

pub use super::strings::Strings;

/// The strings of one language as a file lists them, in key order.
pub type StringMap = BTreeMap<String, String>;

/// Fills the `{name}` placeholders of a UI string with `args`; a placeholder without
/// an argument stays as written, so a rewording that drops one loses nothing silently.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after
            .find('}')
            .and_then(|close| Some((close, args.iter().find(|(n, _)| *n == &after[..close])?)));
        match value {
            Some((close, (_, v))) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// One language's string file, as loaded.
pub struct StringFile {
    pub file: SourceFile,
    pub strings: StringMap,
}

/// Parses one strings file.
pub fn parse(file: SourceFile) -> Result<StringFile, Diagnostic> {
    let strings: StringMap = file.parse()?;
    for (key, value) in &strings {
        if value.trim().is_empty() {
            return Err(file
                .error_at(
                    &YamlPath::root().key(key),
                    format!("the UI string `{key}` is empty"),
                )
                .help("give every UI string a text"));
        }
    }
    Ok(StringFile { file, strings })
}

/// Merges theme strings with site overrides and checks that both languages define the
/// same keys, including every required key.
pub fn combine(
    theme: Localized<StringFile>,
    site: Localized<Option<StringFile>>,
    required: &[String],
) -> Result<Localized<Strings>, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let merged = Localized::from_fn(|lang| {
        let mut strings = theme.get(lang).strings.clone();
        if let Some(over) = site.get(lang) {
            for (k, v) in &over.strings {
                // A new key is welcome when a template uses it (a site's own template
                // with its own words); otherwise it is a misspelt override.
                if !strings.contains_key(k) && !required.contains(k) {
                    problems.push(unknown_override(&over.file, k, &strings));
                    continue;
                }
                strings.insert(k.clone(), v.clone());
            }
        }
        strings
    });
    for lang in Lang::ALL {
        let other = lang.other();
        let lacking = &theme.get(other).file;
        let mut missing: Vec<&String> = merged
            .get(lang)
            .keys()
            .filter(|k| !merged.get(other).contains_key(*k))
            // A key a template needs is reported once, below, as missing.
            .filter(|k| !required.contains(k))
            .collect();
        missing.sort();
        for key in missing {
            problems.push(
                Diagnostic::error(
                    &lacking.display,
                    format!(
                        "the UI string `{key}` is missing in `{other}` (it exists in `{lang}`)"
                    ),
                )
                .help(
                    match site
                        .get(lang)
                        .as_ref()
                        .filter(|f| f.strings.contains_key(key.as_str()))
                    {
                        Some(_) => format!(
                            "add `{key}: …` to the site's i18n/{}.yaml too",
                            other.code()
                        ),
                        None => format!("add `{key}: …` to {}", lacking.display.display()),
                    },
                ),
            );
        }
        for key in required {
            if !merged.get(lang).contains_key(key) {
                let file = &theme.get(lang).file;
                let other = lang.other();
                let in_site = |l: Lang| {
                    site.get(l)
                        .as_ref()
                        .is_some_and(|f| f.strings.contains_key(key.as_str()))
                };
                let d = if !merged.get(other).contains_key(key) {
                    Diagnostic::error(&file.display, format!("the UI string `{key}` is missing"))
                        .help(format!(
                            "a template uses it: add `{key}: …` to the site's i18n/zh.yaml and i18n/en.yaml"
                        ))
                } else {
                    let message = format!(
                        "the UI string `{key}` is missing in `{lang}` (it exists in `{other}`)"
                    );
                    let help = if in_site(other) {
                        format!("add `{key}: …` to the site's i18n/{}.yaml too", lang.code())
                    } else {
                        format!("add `{key}: …` to {}", file.display.display())
                    };
                    Diagnostic::error(&file.display, message).help(help)
                };
                problems.push(d);
            }
        }
    }
    if problems
        .iter()
        .any(|d| d.severity == crate::diagnostics::Severity::Error)
    {
        Err(problems)
    } else {
        Ok(Localized::from_fn(|lang| {
            Strings::from(merged.get(lang).clone())
        }))
    }
}

/// An override of a string the theme does not have: a misspelt key, which would
/// silently leave the theme's text on every page.
fn unknown_override(file: &SourceFile, key: &str, theme: &StringMap) -> Diagnostic {
    let closest = theme
        .keys()
        .map(|k| (strsim::jaro_winkler(key, k), k))
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .filter(|(score, _)| *score > 0.8);
    let help = match closest {
        Some((_, k)) => format!("did you mean `{k}`? Only the theme's own keys can be overridden"),
        None => "only the theme's own keys can be overridden; see the theme's i18n/ files".into(),
    };
    let message =
        format!("the theme has no UI string `{key}`, so this override would change nothing");
    // The key is what is wrong, not its text: point at the line that starts with it.
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        if line
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let at = crate::diagnostics::Location::from_byte_range(
                &file.text,
                offset..offset + key.len(),
            );
            return Diagnostic::error(&file.display, message)
                .at(&file.text, at)
                .help(help);
        }
        offset += line.len();
    }
    file.error_at(&YamlPath::root().key(key), message)
        .help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(name: &str, text: &str) -> StringFile {
        parse(SourceFile::from_text(name, text)).unwrap()
    }

    fn required() -> Vec<String> {
        vec!["metric_output".to_string()]
    }

    fn all_metrics() -> String {
        required().iter().map(|k| format!("{k}: x\n")).collect()
    }

    #[test]
    fn a_key_missing_in_one_language_names_key_and_file() {
        let zh = strings(
            "i18n/zh.yaml",
            &format!("{}home: 首页\nsearch: 搜索\n", all_metrics()),
        );
        let en = strings("i18n/en.yaml", &format!("{}home: Home\n", all_metrics()));
        let errs = combine(Localized { zh, en }, Localized::default(), &required()).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert!(
            errs[0].message.contains("`search` is missing in `en`"),
            "{}",
            errs[0].message
        );
        assert_eq!(errs[0].file.to_str(), Some("i18n/en.yaml"));
    }

    #[test]
    fn a_site_template_may_bring_its_own_keys_in_both_languages() {
        let theme = || Localized {
            zh: strings("zh.yaml", &all_metrics()),
            en: strings("en.yaml", &all_metrics()),
        };
        let mut needed = required();
        needed.push("hotline".into());
        let both = Localized {
            zh: Some(strings("i18n/zh.yaml", "hotline: 热线\n")),
            en: Some(strings("i18n/en.yaml", "hotline: Hotline\n")),
        };
        let merged = combine(theme(), both, &needed).unwrap();
        assert_eq!(merged.en["hotline"], "Hotline");
        let one = Localized {
            zh: None,
            en: Some(strings("i18n/en.yaml", "hotline: Hotline\n")),
        };
        let errs = combine(theme(), one, &needed).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(
            errs[0].message.contains("`hotline` is missing in `zh`"),
            "{}",
            errs[0].message
        );
        assert!(
            errs[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("the site's i18n/zh.yaml")
        );
        // Unused by any template, the same key is a misspelt override.
        let unused = Localized {
            zh: Some(strings("i18n/zh.yaml", "hotline: 热线\n")),
            en: Some(strings("i18n/en.yaml", "hotline: Hotline\n")),
        };
        let errs = combine(theme(), unused, &required()).unwrap_err();
        assert!(
            errs[0]
                .message
                .contains("the theme has no UI string `hotline`")
        );
    }

    #[test]
    fn site_overrides_replace_theme_strings() {
        let zh = strings("zh.yaml", &format!("{}home: 首页\n", all_metrics()));
        let en = strings("en.yaml", &format!("{}home: Home\n", all_metrics()));
        let over = strings("site/en.yaml", "home: Start\n");
        let merged = combine(
            Localized { zh, en },
            Localized {
                zh: None,
                en: Some(over),
            },
            &required(),
        )
        .unwrap();
        assert_eq!(merged.en["home"], "Start");
        assert_eq!(merged.zh["home"], "首页");
    }

    #[test]
    fn placeholders_are_filled_and_unknown_ones_kept() {
        assert_eq!(
            fill("{year}年：{value}", &[("year", "2021"), ("value", "5家")]),
            "2021年：5家"
        );
        assert_eq!(fill("{a} {b} {", &[("a", "x")]), "x {b} {");
        assert_eq!(fill("无占位", &[]), "无占位");
    }

    #[test]
    fn an_override_of_no_theme_string_is_an_error_suggesting_the_closest_key() {
        let zh = strings(
            "zh.yaml",
            &format!("{}nav_home: 首页\nnav_search: 搜索\n", all_metrics()),
        );
        let en = strings(
            "en.yaml",
            &format!("{}nav_home: Home\nnav_search: Search\n", all_metrics()),
        );
        let over = strings("i18n/en.yaml", "nav_home: Start\nnav_serach: Find\n");
        let errs = combine(
            Localized { zh, en },
            Localized {
                zh: None,
                en: Some(over),
            },
            &required(),
        )
        .unwrap_err();
        assert_eq!(errs.len(), 1);
        let d = &errs[0];
        assert_eq!(d.severity, crate::diagnostics::Severity::Error);
        assert!(d.message.contains("`nav_serach`"), "{}", d.message);
        assert_eq!(d.position(), "i18n/en.yaml:2:1");
        assert!(
            d.help
                .as_deref()
                .is_some_and(|h| h.contains("`nav_search`")),
            "{:?}",
            d.help
        );
    }

    #[test]
    fn required_metric_labels_must_exist() {
        let zh = strings("zh.yaml", "home: 首页\n");
        let en = strings("en.yaml", "home: Home\n");
        let errs = combine(Localized { zh, en }, Localized::default(), &required()).unwrap_err();
        assert!(errs.iter().any(|d| d.message.contains("metric_output")));
    }
}
