//! `plansite check`: everything `build` validates, plus a link check of the rendered
//! site, without writing anything.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions};

/// Checks the site at `root`; returns every problem found.
pub fn check_site(root: &Path) -> Diagnostics {
    match pipeline::build_in_memory(root, &BuildOptions::default()) {
        Ok((files, mut diagnostics)) => {
            let base_path = base_path(root);
            diagnostics.extend(check_links(&files, &base_path));
            diagnostics.sort();
            diagnostics
        }
        Err(diagnostics) => diagnostics,
    }
}

/// The path the site is published under (`/plans/`), for links written from it (the
/// 404 pages, which are served at any address).
fn base_path(root: &Path) -> String {
    pipeline::load(root, &BuildOptions::default())
        .map(|(site, _, _)| site.config.base_url.path().to_string())
        .unwrap_or_else(|_| "/".into())
}

/// Checks that every internal `href` and `src` of every HTML file resolves to a file of
/// the site, and every `#anchor` to an element id of its page. Links starting with `/`
/// are read from `base_path`, the path the site is published under.
pub fn check_links(files: &BTreeMap<String, Vec<u8>>, base_path: &str) -> Vec<Diagnostic> {
    let mut ids: HashMap<&str, HashSet<String>> = HashMap::new();
    let pages: Vec<(&String, String)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".svg"))
        .map(|(p, b)| (p, String::from_utf8_lossy(b).into_owned()))
        .collect();
    for (path, html) in &pages {
        ids.insert(
            path.as_str(),
            attribute_values(html, "id").into_iter().collect(),
        );
    }
    let mut problems = Vec::new();
    for (path, html) in &pages {
        for attr in ["href", "src"] {
            for link in attribute_values(html, attr) {
                if let Some(message) = broken(path, &link, base_path, files, &ids) {
                    problems.push(Diagnostic::error(format!("(output) {path}"), message).help(
                        "fix the link in the commentary or template that produced this page",
                    ));
                }
            }
        }
    }
    problems
}

/// Says what is wrong with `link` on the page `page`, or `None` if it resolves.
fn broken(
    page: &str,
    link: &str,
    base_path: &str,
    files: &BTreeMap<String, Vec<u8>>,
    ids: &HashMap<&str, HashSet<String>>,
) -> Option<String> {
    let link = decode_entities(link);
    if link.is_empty() {
        return Some("an empty link".into());
    }
    let external = link.contains(':') && !link.starts_with('#') && !link.starts_with('.');
    if external || link.starts_with("//") {
        return None;
    }
    let (path_part, anchor) = match link.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (link.as_str(), None),
    };
    let path_part = path_part.split('?').next().unwrap_or("");
    let target = if path_part.is_empty() {
        page.to_string()
    } else if let Some(from_base) = path_part.strip_prefix(base_path) {
        if path_part.starts_with('/') {
            from_base.to_string()
        } else {
            match resolve(page, path_part) {
                Some(t) => t,
                None => return Some(format!("the link `{link}` leaves the site")),
            }
        }
    } else if path_part.starts_with('/') {
        return Some(format!(
            "the link `{link}` is outside the site's path {base_path}"
        ));
    } else {
        match resolve(page, path_part) {
            Some(t) => t,
            None => return Some(format!("the link `{link}` leaves the site")),
        }
    };
    let target = if target.is_empty() || target.ends_with('/') {
        format!("{target}index.html")
    } else {
        target
    };
    if !files.contains_key(&target) {
        return Some(format!(
            "the link `{link}` points to a missing file ({target})"
        ));
    }
    match anchor {
        Some(a) if !a.is_empty() => {
            let known = ids.get(target.as_str());
            if known.is_some_and(|set| !set.contains(a)) {
                Some(format!("the anchor `#{a}` does not exist on {target}"))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Resolves a relative link from the page at `page` to a site path.
fn resolve(page: &str, link: &str) -> Option<String> {
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

fn decode_entities(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#x2F;", "/")
        .replace("&#47;", "/")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// The values of every `name="…"` attribute in `html`.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find(&needle) {
        rest = &rest[i + needle.len()..];
        if let Some(end) = rest.find('"') {
            values.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    values
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
        files
            .iter()
            .map(|(p, c)| (p.to_string(), c.as_bytes().to_vec()))
            .collect()
    }

    #[test]
    fn resolves_relative_links_and_anchors() {
        let files = site(&[
            (
                "zh/index.html",
                r#"<a href="plans/a/index.html#t">x</a> <a href="../en/index.html">en</a>"#,
            ),
            (
                "zh/plans/a/index.html",
                r#"<h2 id="t">T</h2><a href="../../index.html#missing">x</a>"#,
            ),
            (
                "en/index.html",
                r#"<img src="../static/x.png"> <a href="https://example.com/">e</a>"#,
            ),
        ]);
        let problems = check_links(&files, "/");
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("#missing")));
        assert!(messages.iter().any(|m| m.contains("static/x.png")));
    }

    #[test]
    fn links_above_the_root_are_broken() {
        let files = site(&[("index.html", r#"<a href="../outside.html">x</a>"#)]);
        assert_eq!(check_links(&files, "/").len(), 1);
    }
}
