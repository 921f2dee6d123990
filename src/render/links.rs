//! Site paths and the relative links between pages.
//!
//! A *site path* names a page from the site root: `zh/plans/ganjiang-2021/` (a directory
//! page, written as `…/index.html`) or `data/targets.csv` (a file). Pages link with paths
//! relative to themselves (`../../en/…/index.html`), so the same output works at a domain
//! root, under a sub-path, and opened from disk, where a directory link would not load
//! its `index.html`.

use crate::content::Id;
use crate::lang::Lang;

/// The relative path from the page at `path` back to the site root: `zh/plans/x/` →
/// `../../../`.
pub fn root_of(path: &str) -> String {
    let depth = path.matches('/').count();
    "../".repeat(depth)
}

/// The file a site path is written to: directory pages get `index.html`.
pub fn file_of(path: &str) -> String {
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The link to a site path from the site root (prefix it with the page's root).
pub fn href(path: &str) -> String {
    file_of(path)
}

pub fn home(lang: Lang) -> String {
    format!("{}/", lang.code())
}

pub fn plan(lang: Lang, plan: &Id) -> String {
    format!("{}/plans/{plan}/", lang.code())
}

pub fn target(lang: Lang, plan: &Id, target: &Id) -> String {
    format!("{}/plans/{plan}/{target}/", lang.code())
}

pub fn plans(lang: Lang) -> String {
    format!("{}/plans/", lang.code())
}

pub fn chains(lang: Lang) -> String {
    format!("{}/chains/", lang.code())
}

pub fn chain(lang: Lang, id: &Id) -> String {
    format!("{}/chains/{id}/", lang.code())
}

pub fn topics(lang: Lang) -> String {
    format!("{}/topics/", lang.code())
}

pub fn topic(lang: Lang, id: &Id) -> String {
    format!("{}/topics/{id}/", lang.code())
}

pub fn regions(lang: Lang) -> String {
    format!("{}/regions/", lang.code())
}

pub fn region(lang: Lang, id: &Id) -> String {
    format!("{}/regions/{id}/", lang.code())
}

pub fn units(lang: Lang) -> String {
    format!("{}/units/", lang.code())
}

pub fn unit(lang: Lang, id: &Id) -> String {
    format!("{}/units/{id}/", lang.code())
}

pub fn years(lang: Lang) -> String {
    format!("{}/years/", lang.code())
}

pub fn year(lang: Lang, year: u16) -> String {
    format!("{}/years/{year}/", lang.code())
}

pub fn search(lang: Lang) -> String {
    format!("{}/search/", lang.code())
}

pub fn data_docs(lang: Lang) -> String {
    format!("{}/data/", lang.code())
}

pub fn progress(lang: Lang) -> String {
    format!("{}/progress/", lang.code())
}

/// Every target in one table.
pub fn all_targets(lang: Lang) -> String {
    format!("{}/targets/", lang.code())
}

/// The open data: every target, one row each.
pub const TARGETS_CSV: &str = "data/targets.csv";
/// The open data: every target, nested, one line each.
pub const TARGETS_JSON: &str = "data/targets.json";
/// The sitemap, or the index of its parts when one file cannot hold every page.
pub const SITEMAP: &str = "sitemap.xml";

/// The `n`th part (from 1) of a sitemap too large for one file.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap{n}.xml")
}

/// Whether `path` names a part of the sitemap (`sitemap7.xml`).
pub fn is_sitemap_part(path: &str) -> bool {
    path.strip_prefix("sitemap")
        .and_then(|rest| rest.strip_suffix(".xml"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
pub const ROBOTS: &str = "robots.txt";

/// The folder of a language's search index, with its trailing slash.
pub fn search_index_dir(lang: Lang) -> String {
    format!("{}/search-index/", lang.code())
}

/// The script the search page loads first: what the index's other files hold.
pub fn search_index(lang: Lang) -> String {
    format!("{}meta.js", search_index_dir(lang))
}

/// The Atom feed of a language's plans.
pub fn feed(lang: Lang) -> String {
    format!("{}/atom.xml", lang.code())
}

/// The subject's page: a chain's or a topic's.
pub fn subject(lang: Lang, subject: &crate::content::Subject) -> String {
    match subject {
        crate::content::Subject::Chain(id) => chain(lang, id),
        crate::content::Subject::Topic(id) => topic(lang, id),
    }
}

/// The same page in the other language: only the first segment differs.
pub fn twin(path: &str, lang: Lang) -> String {
    match path.split_once('/') {
        Some((_, rest)) => format!("{}/{rest}", lang.other().code()),
        None => path.to_string(),
    }
}

/// Resolves a relative link from the page file at `page` (`zh/plans/x/index.html`) to
/// a site path, or `None` if it climbs out of the site.
pub fn resolve(page: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop(); // the page's own file name
    for seg in link.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if link.ends_with('/') {
        out.push('/');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_parts_are_numbered_files_beside_the_sitemap() {
        assert_eq!(sitemap_part(12), "sitemap12.xml");
        assert!(is_sitemap_part(&sitemap_part(1)));
        for not in [
            "sitemap.xml",
            "sitemapx.xml",
            "sitemap1.xml.gz",
            "zh/sitemap1.xml",
            "sitemap-1.xml",
        ] {
            assert!(!is_sitemap_part(not), "{not}");
        }
    }

    #[test]
    fn roots_climb_one_level_per_directory() {
        assert_eq!(root_of(""), "");
        assert_eq!(root_of("zh/"), "../");
        assert_eq!(root_of("zh/plans/a/b/"), "../../../../");
        assert_eq!(root_of("data/targets.csv"), "../");
    }

    #[test]
    fn directory_pages_link_to_their_index() {
        assert_eq!(href("zh/plans/a/"), "zh/plans/a/index.html");
        assert_eq!(href(""), "index.html");
        assert_eq!(href("data/targets.csv"), "data/targets.csv");
    }

    #[test]
    fn twins_swap_the_language_segment() {
        assert_eq!(twin("zh/plans/a/", Lang::Zh), "en/plans/a/");
        assert_eq!(twin("en/", Lang::En), "zh/");
    }
}
