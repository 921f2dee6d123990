//! `plansite check`: everything `build` validates, plus a link check of the rendered
//! site, without writing anything.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::pipeline::{self, BuildOptions};
use crate::render::links::resolve;

/// Checks the site at `root`; returns every problem found. The site is loaded once
/// and rendered in memory; the link check then reads what was rendered.
pub fn check_site(root: &Path) -> Diagnostics {
    let (site, theme, mut diagnostics) = match pipeline::load(root, &BuildOptions::default()) {
        Ok(loaded) => loaded,
        Err(diagnostics) => return diagnostics,
    };
    match pipeline::render_in_memory(&site, &theme) {
        Ok((files, warnings)) => {
            diagnostics.extend(warnings);
            for d in check_links(&files, site.config.base_url.path()) {
                diagnostics.push(d);
            }
            diagnostics.sort();
            diagnostics
        }
        Err(errors) => {
            diagnostics.extend(errors);
            diagnostics.sort();
            diagnostics
        }
    }
}

/// Checks that every internal `href` and `src` of every HTML file resolves to a file of
/// the site, and every `#anchor` to an element id of its page. Links starting with `/`
/// are read from `base_path`, the path the site is published under.
pub fn check_links(files: &BTreeMap<String, Vec<u8>>, base_path: &str) -> Vec<Diagnostic> {
    let scans: Vec<(&String, PageScan)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html") || p.ends_with(".svg"))
        .map(|(p, b)| (p, scan(&String::from_utf8_lossy(b))))
        .collect();
    let ids: HashMap<&str, &HashSet<String>> =
        scans.iter().map(|(p, s)| (p.as_str(), &s.ids)).collect();
    let mut problems = Vec::new();
    for (path, page) in &scans {
        for link in &page.links {
            if let Some(message) = broken(path, link, base_path, files, &ids) {
                problems
                    .push(Diagnostic::error(format!("(output) {path}"), message).help(
                        "fix the link in the commentary or template that produced this page",
                    ));
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
    ids: &HashMap<&str, &HashSet<String>>,
) -> Option<String> {
    if link.is_empty() {
        return Some("an empty link".into());
    }
    let external = link.contains(':') && !link.starts_with('#') && !link.starts_with('.');
    if external || link.starts_with("//") {
        return None;
    }
    let (path_part, anchor) = match link.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (link, None),
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

/// What the link check needs of one page: its element ids and its link targets.
#[derive(Default)]
struct PageScan {
    ids: HashSet<String>,
    links: Vec<String>,
}

/// Reads a page for the link check: its element ids and its link targets.
fn scan(html: &str) -> PageScan {
    let mut page = PageScan::default();
    for_each_attribute(html, |name, value| match name {
        "id" => {
            page.ids.insert(value.to_string());
        }
        "href" | "src" => page.links.push(value.to_string()),
        _ => {}
    });
    page
}

/// The values of every `name` attribute of every start tag in `html`.
pub fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let mut values = Vec::new();
    for_each_attribute(html, |n, v| {
        if n == name {
            values.push(v.to_string());
        }
    });
    values
}

/// Calls `f(name, value)` for every attribute of every start tag, reading the page with
/// an HTML tokenizer (html5ever) so attributes in any quoting, on several lines and with
/// character references are read as a browser reads them.
fn for_each_attribute(html: &str, f: impl FnMut(&str, &str)) {
    use html5ever::tendril::StrTendril;
    use html5ever::tokenizer::{
        BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    };
    use std::cell::RefCell;

    struct Sink<F>(RefCell<F>);
    impl<F: FnMut(&str, &str)> TokenSink for Sink<F> {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(tag) = token
                && tag.kind == TagKind::StartTag
            {
                let mut f = self.0.borrow_mut();
                for attr in &tag.attrs {
                    f(&attr.name.local, &attr.value);
                }
            }
            TokenSinkResult::Continue
        }
    }

    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink(RefCell::new(f)), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
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
    fn attributes_are_read_in_any_quoting_across_lines_and_with_references() {
        let page = scan(
            "<a class=x\n   href='one.html'>1</a><a href=two.html>2</a>\
             <img\n src=\"a&amp;b.png\"><h2 id='sec'>S</h2><p>href=\"not-a-link\"</p>",
        );
        assert_eq!(page.links, ["one.html", "two.html", "a&b.png"]);
        assert!(page.ids.contains("sec"));
    }

    #[test]
    fn a_single_quoted_broken_link_is_found() {
        let files = site(&[("index.html", "<a href='missing.html'>x</a>")]);
        let problems = check_links(&files, "/");
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("missing.html"));
    }

    #[test]
    fn links_above_the_root_are_broken() {
        let files = site(&[("index.html", r#"<a href="../outside.html">x</a>"#)]);
        assert_eq!(check_links(&files, "/").len(), 1);
    }
}
