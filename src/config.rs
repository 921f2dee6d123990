//! `site.yaml`: the site's title, address, theme and host organisation.
//!
//! Read with unknown fields denied, then checked into [`Config`] (zola's
//! `Config::parse`): after this module, the base URL is known to be absolute and to
//! end with a slash, and the theme name is a safe directory name.

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::lang::{Lang, Text};
use crate::vocab::{Date, Id};
use crate::yaml::{SourceFile, YamlPath};

/// The file name of the site configuration, at the site root.
pub const CONFIG_FILE: &str = "site.yaml";

/// `site.yaml` as editors write it (public for `plansite schema`; its fields are not).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// The site's name in both languages, shown in every page's header and title.
    title: Text,
    /// One sentence about the site in both languages, for the home page and search engines.
    #[serde(default)]
    description: Option<Text>,
    /// The address the site is published at, such as https://www.example.gov.cn/plans/ (a sub-path is fine).
    base_url: String,
    /// The language the site's root address opens in: zh (the default) or en.
    #[serde(default)]
    default_language: Option<Lang>,
    /// The theme folder under themes/ to use; defaults to the built-in `default`.
    #[serde(default)]
    theme: Option<Id>,
    /// The host organisation and filing numbers shown in every page's footer.
    #[serde(default)]
    footer: Option<RawFooter>,
    /// The date plan statuses (in force / expired) are computed for; defaults to the
    /// build date (or SOURCE_DATE_EPOCH).
    #[serde(default)]
    as_of: Option<Date>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFooter {
    /// The organisation that hosts the site (主办单位), in both languages.
    organisation: Text,
    /// How to reach the host: an address or a telephone number, in both languages.
    #[serde(default)]
    contact: Option<Text>,
    /// A statement shown under the host, such as which language's text prevails.
    #[serde(default)]
    notice: Option<Text>,
    /// The government website identification code (网站标识码).
    #[serde(default)]
    site_code: Option<String>,
    /// ICP and public-security filing numbers, each with an optional link.
    #[serde(default)]
    filings: Vec<RawFiling>,
    /// Where readers report an error on the site (an https:// or http:// address).
    #[serde(default)]
    error_report_url: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFiling {
    /// The filing as shown, such as 赣ICP备00000000号, in both languages.
    label: Text,
    /// The filing's page on the registry (an https:// or http:// address).
    #[serde(default)]
    url: Option<String>,
}

/// The checked site configuration.
#[derive(Debug, Clone)]
pub struct Config {
    pub title: Text,
    pub description: Text,
    pub base_url: BaseUrl,
    pub default_language: Lang,
    pub theme: Id,
    pub footer: Option<Footer>,
    pub as_of: Option<Date>,
}

/// The host organisation, shown in every page's footer as Chinese government sites must.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Footer {
    pub organisation: Text,
    /// How to reach the host (an address, a telephone number).
    pub contact: Option<Text>,
    /// A statement shown under the host, such as which text prevails.
    pub notice: Option<Text>,
    /// 网站标识码.
    pub site_code: Option<String>,
    /// ICP and public-security filing numbers, each with an optional link.
    pub filings: Vec<Filing>,
    pub error_report_url: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Filing {
    pub label: Text,
    pub url: Option<String>,
}

/// The public address of the site: scheme and host, and a path that ends with `/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.gov.cn`
    origin: String,
    /// `/plans/` (or `/`)
    path: String,
}

impl BaseUrl {
    /// Checks and normalises `url` (a missing trailing slash is added).
    pub fn parse(url: &str) -> Result<BaseUrl, String> {
        let url = url.trim();
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| {
                format!("`{url}` is not an absolute address; start it with https:// or http://")
            })?;
        let scheme_len = url.len() - rest.len();
        let (host, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let host_ok = !host.is_empty()
            && host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
        if !host_ok {
            return Err(format!("`{url}` has no valid host name"));
        }
        if path.contains(['?', '#', ' ', '"', '<', '>', '\\']) || path.contains("/../") {
            return Err(format!(
                "`{url}` has a path plansite cannot publish under; use plain path segments such as /plans/"
            ));
        }
        let mut path = path.to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl {
            origin: url[..scheme_len + host.len()].to_string(),
            path,
        })
    }

    /// The path prefix the site is served under, such as `/plans/`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The absolute address of a site-relative path such as `zh/plans/x/`.
    pub fn join(&self, relative: &str) -> String {
        format!("{}{}{}", self.origin, self.path, relative)
    }

    /// The full base URL, ending with `/`.
    pub fn as_str(&self) -> String {
        self.join("")
    }
}

impl Config {
    /// Parses and checks `site.yaml`.
    pub fn parse(file: &SourceFile) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = file.parse().map_err(|d| vec![d])?;
        let mut problems = Vec::new();
        let root = YamlPath::root();
        for lang in raw.title.blank_languages() {
            problems.push(file.error_at(
                &root.key("title").key(lang.code()),
                format!("the site title is empty in `{lang}`"),
            ));
        }
        let base_url = match BaseUrl::parse(&raw.base_url) {
            Ok(u) => Some(u),
            Err(msg) => {
                problems.push(
                    file.error_at(&root.key("base_url"), msg)
                        .help("write the address the site will be published at, such as https://www.example.gov.cn/plans/"),
                );
                None
            }
        };
        let footer = raw.footer.map(|f| Footer {
            organisation: f.organisation,
            contact: f.contact,
            notice: f.notice,
            site_code: f.site_code,
            filings: f
                .filings
                .into_iter()
                .map(|x| Filing {
                    label: x.label,
                    url: x.url,
                })
                .collect(),
            error_report_url: f.error_report_url,
        });
        // Every link the footer puts on every page: the error-report address and each
        // filing's link. A `javascript:` or `data:` address here would run on all pages.
        let footer_path = root.key("footer");
        let mut links: Vec<(YamlPath, &str)> = Vec::new();
        if let Some(f) = &footer {
            if let Some(url) = f.error_report_url.as_deref() {
                links.push((footer_path.key("error_report_url"), url));
            }
            for (i, filing) in f.filings.iter().enumerate() {
                if let Some(url) = filing.url.as_deref() {
                    links.push((footer_path.key("filings").index(i).key("url"), url));
                }
            }
        }
        for (path, url) in links.into_iter().filter(|(_, url)| !is_safe_link(url)) {
            problems.push(
                file.error_at(
                    &path,
                    format!("`{url}` is not a link plansite will publish"),
                )
                .help("use an https://, http:// or mailto: address"),
            );
        }
        match (base_url, problems.is_empty()) {
            (Some(base_url), true) => Ok(Config {
                description: raw.description.unwrap_or_else(|| raw.title.clone()),
                title: raw.title,
                base_url,
                default_language: raw.default_language.unwrap_or(Lang::Zh),
                theme: raw
                    .theme
                    .unwrap_or_else(|| Id::parse("default").expect("`default` is a valid id")),
                footer,
                as_of: raw.as_of,
            }),
            _ => Err(problems),
        }
    }
}

/// Returns true if and only if `url` is an absolute web or mail address (no `javascript:`).
pub fn is_safe_link(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        && !url.contains(['"', '<', '>', ' ', '\\'])
        && !url.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_keeps_its_sub_path_and_gains_a_slash() {
        let u = BaseUrl::parse("https://www.example.gov.cn/open/plans").unwrap();
        assert_eq!(u.path(), "/open/plans/");
        assert_eq!(
            u.join("zh/plans/a/"),
            "https://www.example.gov.cn/open/plans/zh/plans/a/"
        );
        let root = BaseUrl::parse("http://localhost:1111").unwrap();
        assert_eq!(root.as_str(), "http://localhost:1111/");
    }

    #[test]
    fn base_url_must_be_absolute() {
        assert!(BaseUrl::parse("/plans/").is_err());
        assert!(BaseUrl::parse("javascript:alert(1)").is_err());
        assert!(BaseUrl::parse("https:///x").is_err());
        assert!(BaseUrl::parse("https://a.b/x?y").is_err());
    }

    #[test]
    fn config_defaults_and_unknown_fields() {
        let f = SourceFile::from_text(
            "site.yaml",
            "title: {zh: 规划, en: Plans}\nbase_url: https://a.example/\n",
        );
        let c = Config::parse(&f).unwrap();
        assert_eq!(c.default_language, Lang::Zh);
        assert_eq!(c.theme.as_str(), "default");
        let bad = SourceFile::from_text(
            "site.yaml",
            "title: {zh: 规划, en: Plans}\nbase_url: https://a.example/\nbase_ulr: x\n",
        );
        let errs = Config::parse(&bad).unwrap_err();
        assert!(errs[0].message.contains("unknown field `base_ulr`"));
        assert_eq!(errs[0].location.as_ref().unwrap().line, 3);
    }

    #[test]
    fn safe_links_exclude_scripts() {
        assert!(is_safe_link("mailto:web@example.gov.cn"));
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("https://x.example/\"onmouseover"));
    }
}
