//! Raw HTML in commentary: refusing what would load from other sites, and sanitizing.
//!
//! Two layers, one rule. [`check`] reads every raw HTML fragment of the Markdown
//! with html5ever's tokenizer (entities decoded, any case, any quoting) and reports
//! each attribute that would fetch a file from elsewhere, at its line. [`sanitize`]
//! then drops the same attributes from the rendered page whatever the report
//! said, so nothing the check might miss reaches a reader.

use std::cell::RefCell;
use std::ops::Range;

use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::urls::{is_local_path, is_off_site, is_protocol_relative};
use super::{LocalLink, MarkdownProblem};
use crate::diagnostics::Severity;

/// Attributes a browser fetches a file from, on any element.
const FETCHED: &[&str] = &[
    "src",
    "srcset",
    "imagesrcset",
    "poster",
    "data",
    "background",
    "lowsrc",
    "dynsrc",
    "longdesc",
    "action",
    "formaction",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "classid",
    "icon",
    "xlink:href",
];

/// Elements whose `href` is a link to follow; on any other (`link`, `base`, SVG's
/// `image` and `use`) it is a file to fetch.
const LINKS: &[&str] = &["a", "area"];

/// What is wrong with one attribute, if anything.
enum Refusal<'a> {
    /// It would fetch this file, which is not the site's.
    Fetches(&'a str),
    /// A link that names a host but no scheme.
    NoScheme,
}

fn refusal<'a>(element: &str, attribute: &str, value: &'a str) -> Option<Refusal<'a>> {
    let attribute = attribute.to_ascii_lowercase();
    let fetched = FETCHED.contains(&attribute.as_str())
        || (attribute == "href" && !LINKS.contains(&element.to_ascii_lowercase().as_str()));
    if fetched {
        if attribute.ends_with("srcset") {
            // Candidates: `a.png 1x, b.png 2x`.
            value
                .split(',')
                .filter_map(|c| c.split_whitespace().next())
                .find(|url| is_off_site(url))
                .map(Refusal::Fetches)
        } else {
            is_off_site(value).then_some(Refusal::Fetches(value))
        }
    } else if attribute == "href" && is_protocol_relative(value) {
        Some(Refusal::NoScheme)
    } else {
        None
    }
}

/// One fragment of raw HTML: the text of consecutive raw HTML events, and for each
/// event where its text ends in the fragment and where it lies in the source.
#[derive(Default)]
pub struct Fragment {
    text: String,
    events: Vec<(usize, Range<usize>)>,
}

impl Fragment {
    /// Adds a raw HTML event's text, found at `range` of the source.
    pub fn push(&mut self, html: &str, range: Range<usize>) {
        self.text.push_str(html);
        self.events.push((self.text.len(), range));
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }
}

/// The tokenizer's sink: every attribute of every start tag, with its line.
struct Attributes(RefCell<Vec<(String, String, String, u64)>>);

impl TokenSink for Attributes {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(tag) = token
            && tag.kind == TagKind::StartTag
        {
            let mut found = self.0.borrow_mut();
            for attr in tag.attrs {
                let name = match &attr.name.prefix {
                    Some(p) => format!("{p}:{}", attr.name.local),
                    None => attr.name.local.to_string(),
                };
                found.push((tag.name.to_string(), name, attr.value.to_string(), line));
            }
        }
        TokenSinkResult::Continue
    }
}

/// Reports each attribute of `fragment` that would load a file from another site or
/// link to a host without a scheme, located at the attribute in `source`; collects
/// each link (`<a href>`) and file (`src`) given as a path of the site into `links`.
pub fn check(
    source: &str,
    fragment: &Fragment,
    problems: &mut Vec<MarkdownProblem>,
    links: &mut Vec<LocalLink>,
) {
    let queue = BufferQueue::default();
    queue.push_back(fragment.text.as_str().into());
    let tokenizer = Tokenizer::new(
        Attributes(RefCell::new(Vec::new())),
        TokenizerOpts::default(),
    );
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let found = tokenizer.sink.0.take();
    for (element, attribute, value, line) in found {
        let Some(why) = refusal(&element, &attribute, &value) else {
            let names_a_file = attribute.eq_ignore_ascii_case("src")
                || (attribute.eq_ignore_ascii_case("href")
                    && LINKS.contains(&element.to_ascii_lowercase().as_str()));
            if names_a_file && value.trim_start().starts_with("@/") {
                problems.push(MarkdownProblem {
                    severity: Severity::Error,
                    offset: attribute_offset(source, fragment, &attribute, line),
                    message: format!(
                        "site links (`{}`) are read in Markdown links only, not in HTML",
                        value.trim()
                    ),
                    help: "write it as a Markdown link, [text](@/plans/<plan-id>/), or as a path from this page".into(),
                });
            } else if names_a_file && is_local_path(&value) {
                links.push(LocalLink {
                    offset: attribute_offset(source, fragment, &attribute, line),
                    dest: value,
                });
            }
            continue;
        };
        let (message, help) = match why {
            Refusal::Fetches(url) => (
                format!("`{attribute}` points to `{url}`, which is not a file of the site"),
                "put the file in static/ and point to it with a relative path; pages load nothing from other sites",
            ),
            Refusal::NoScheme => (
                format!("the link `{value}` names no scheme"),
                "write the address in full, starting with https://",
            ),
        };
        problems.push(MarkdownProblem {
            severity: Severity::Error,
            offset: attribute_offset(source, fragment, &attribute, line),
            message,
            help: help.into(),
        });
    }
}

/// Where `attribute` lies in the source: its last mention before the end of the
/// fragment's `line` (1-based), or the fragment's start.
fn attribute_offset(source: &str, fragment: &Fragment, attribute: &str, line: u64) -> usize {
    let Some((_, first)) = fragment.events.first() else {
        return 0;
    };
    let line_end = fragment
        .text
        .match_indices('\n')
        .nth(line.saturating_sub(1) as usize)
        .map_or(fragment.text.len(), |(i, _)| i);
    let until = fragment
        .events
        .iter()
        .find(|(end, _)| line_end < *end)
        .or(fragment.events.last())
        .map_or(first.end, |(_, range)| range.end);
    let searched = &source[first.start..until.min(source.len())];
    let lower = searched.to_ascii_lowercase();
    let attribute = attribute.to_ascii_lowercase();
    let named = lower.match_indices(attribute.as_str()).filter(|(i, _)| {
        let before = lower[..*i].chars().next_back();
        let after = lower[i + attribute.len()..].trim_start();
        before.is_some_and(|c| c.is_whitespace() || matches!(c, '"' | '\'' | '/'))
            && after.starts_with('=')
    });
    first.start + named.last().map_or(0, |(i, _)| i)
}

/// Cleans HTML that contains raw markup from the author: keeps ordinary structure
/// (tables, lists, emphasis, links, heading ids, footnotes), drops scripts, styles,
/// event handlers, script URLs and whatever would load from another site.
pub fn sanitize(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "lang"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .attribute_filter(
            |element, attribute, value| match refusal(element, attribute, value) {
                Some(_) => None,
                None => Some(value.into()),
            },
        )
        .link_rel(Some("noopener noreferrer"));
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(source: &str) -> Vec<(String, usize)> {
        let mut fragment = Fragment::default();
        fragment.push(source, 0..source.len());
        let mut out = Vec::new();
        check(source, &fragment, &mut out, &mut Vec::new());
        out.into_iter().map(|p| (p.message, p.offset)).collect()
    }

    #[test]
    fn links_and_files_given_as_paths_are_collected_at_their_attribute() {
        let src = "<p><a href=\"#here\">a</a> <A\n HREF='../x/'>b</A> <img src=\"pic.png\" alt=\"\">\n<link href=\"s.css\"></p>";
        // As Markdown gives an HTML block: one event per line.
        let mut fragment = Fragment::default();
        let mut start = 0;
        for line in src.split_inclusive('\n') {
            fragment.push(line, start..start + line.len());
            start += line.len();
        }
        let mut links = Vec::new();
        check(src, &fragment, &mut Vec::new(), &mut links);
        let found: Vec<(&str, &str)> = links
            .iter()
            .map(|l| (l.dest.as_str(), &src[l.offset..l.offset + 4]))
            .collect();
        assert_eq!(found, [("../x/", "HREF"), ("pic.png", "src=")]);
    }

    #[test]
    fn remote_files_are_found_however_written() {
        let src = "<IMG\n  alt=x SRC='https://a.example/x.png'>";
        assert_eq!(
            problems(src),
            [(
                "`src` points to `https://a.example/x.png`, which is not a file of the site"
                    .to_string(),
                src.find("SRC").unwrap()
            )]
        );
        assert_eq!(problems("<img src=&#104;ttps://a.example/>").len(), 1);
        assert_eq!(problems("<img src=\"//a.example/x\">").len(), 1);
        assert_eq!(
            problems("<img srcset=\"a.png 1x, //b.example/b.png 2x\">").len(),
            1
        );
        assert_eq!(problems("<video poster=\"https://a.example/p\">").len(), 1);
        assert_eq!(
            problems("<link rel=x href=\"https://a.example/s.css\">").len(),
            1
        );
        assert_eq!(problems("<a href=\"/\\evil.example\">x</a>").len(), 1);
    }

    #[test]
    fn local_files_and_full_links_pass() {
        assert!(problems("<img src=\"../static/a.png\" srcset=\"a.png 1x, b.png 2x\">").is_empty());
        assert!(problems("<a href=\"https://www.example.gov.cn/\">x</a>").is_empty());
        assert!(problems("<a href=\"../x/index.html\">x</a>").is_empty());
    }

    #[test]
    fn sanitizing_drops_what_the_check_refuses() {
        let html = sanitize(
            "<p><img src=\"https://a.example/x.png\" alt=\"a\"><img src=\"b.png\" alt=\"b\">\
             <a href=\"//evil.example/\">c</a><a href=\"https://ok.example/\">d</a></p>",
        );
        assert!(!html.contains("a.example"), "{html}");
        assert!(!html.contains("evil.example"), "{html}");
        assert!(html.contains("src=\"b.png\""), "{html}");
        assert!(html.contains("href=\"https://ok.example/\""), "{html}");
    }
}
