//! The two languages a plansite site is published in, and text given in both.
//!
//! plansite publishes every page twice, once per language, so a language is a closed
//! enum rather than a string: a `match` on it makes the compiler point at every place
//! that must say something in both languages.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A language of the site.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Simplified Chinese, the language plans are written in.
    Zh,
    /// English, for foreign readers and investors.
    En,
}

impl Lang {
    /// Both languages, in the order pages and data columns list them.
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The short code used in paths (`/zh/…`) and file names (`index.zh.md`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `lang` and `hreflang` attributes.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-Hans",
            Lang::En => "en",
        }
    }

    /// The other language of the pair: every page links to its twin in it.
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// Parses a language code as used in file names.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A value given once per language, such as a name or a title.
///
/// Both languages are required by construction: a registry entry or a plan cannot be
/// loaded with only a Chinese name.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct Localized<T> {
    /// The Chinese text.
    pub zh: T,
    /// The English text.
    pub en: T,
}

impl<T> Localized<T> {
    /// The value in `lang`.
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// Builds a value by calling `f` once per language.
    /// The value in `lang`, to change.
    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Zh => &mut self.zh,
            Lang::En => &mut self.en,
        }
    }

    pub fn from_fn(mut f: impl FnMut(Lang) -> T) -> Self {
        Localized {
            zh: f(Lang::Zh),
            en: f(Lang::En),
        }
    }

    /// Maps both values.
    pub fn map<U>(&self, mut f: impl FnMut(Lang, &T) -> U) -> Localized<U> {
        Localized {
            zh: f(Lang::Zh, &self.zh),
            en: f(Lang::En, &self.en),
        }
    }
}

/// Localized text; the common case.
pub type Text = Localized<String>;

impl Text {
    /// The languages in which the text is empty or only whitespace.
    pub fn blank_languages(&self) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.get(*l).trim().is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }

    #[test]
    fn other_is_an_involution() {
        for lang in Lang::ALL {
            assert_ne!(lang.other(), lang);
            assert_eq!(lang.other().other(), lang);
        }
    }

    #[test]
    fn blank_languages_lists_missing_text() {
        let t = Text {
            zh: "电子信息".into(),
            en: "  ".into(),
        };
        assert_eq!(t.blank_languages(), vec![Lang::En]);
    }
}
