//! Commentary Markdown to HTML.
//!
//! - Tables, footnotes, strikethrough and heading attributes are on; a heading may
//!   take an id and classes (`{#id .class}`), any other attribute is an error.
//! - Headings are demoted one level, because the page's title is its only `<h1>`.
//! - Headings get readable ids, Chinese kept as it is (`#发展目标`), deduplicated.
//! - `@/plans/<plan>/<target>/` links to a page of the site in the same language,
//!   written relative so the site works under a sub-path and from disk.
//! - Links with script schemes are dropped, links without a scheme (`//host`) refused;
//!   images must be local, and so must every file raw HTML would load (`src`,
//!   `srcset`, `poster`…): no request may leave the site.
//! - Raw HTML is sanitized with ammonia, but only in documents that contain some, so
//!   ordinary commentary pays nothing for it.

use crate::diagnostics::Severity;
mod align;
mod chinese;
mod headings;
mod markup;
mod raw_html;
mod urls;

use align::align_by_class;
pub use chinese::mark_html as mark_chinese;
pub use headings::slug;
use headings::{HeadingIds, assign_heading_id, demote, refuse_heading_attributes};

pub use markup::unexpected_markup;
pub use raw_html::sanitize;
use urls::{is_off_site, is_protocol_relative, is_script_url};

use pulldown_cmark::{Alignment, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// What the renderer needs to know about the page the Markdown appears on.
pub struct MarkdownContext<'a> {
    /// Relative path from the page to the site root, such as `../../../`.
    pub root: &'a str,
    /// The language tree links stay in, such as `zh`.
    pub lang: &'a str,
    /// Returns true if and only if a site path (`plans/x/`) is a page of the site.
    pub page_exists: &'a (dyn Fn(&str) -> bool + Sync),
}

/// A problem found in the Markdown, with the byte offset it starts at.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkdownProblem {
    /// Whether the build may go on: a removed script link is a warning (the page is
    /// safe without it), a link to no page or a remote image is an error.
    pub severity: Severity,
    pub offset: usize,
    pub message: String,
    pub help: String,
}

/// A link or image to another file of the site, written as a path (`../x/`): whether
/// that file exists is known only once the whole site is written, so the caller checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalLink {
    /// The address as written.
    pub dest: String,
    /// Where it is written in the source.
    pub offset: usize,
}

/// Rendered HTML and the problems met on the way.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub problems: Vec<MarkdownProblem>,
    /// Every path to another file of the site, for the caller to check.
    pub local_links: Vec<LocalLink>,
    /// True if the source contained raw HTML and was sanitized.
    pub sanitized: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `source`.
pub fn render(source: &str, ctx: &MarkdownContext) -> Rendered {
    let mut problems = Vec::new();
    let mut local_links = Vec::new();
    // The start of the last line where stray `**` were reported: once per line is enough.
    let mut stars_line = None;
    let mut images_open = 0usize;
    let mut has_raw_html = false;
    // Whether a table aligns a column: only then (or with raw HTML) does the HTML
    // carry inline styles to turn into classes. Known here; searching every page's
    // HTML for them cost a fortieth of a build.
    let mut aligned = false;
    let mut events: Vec<Event> = Vec::new();
    let mut ids = HeadingIds::default();
    let mut heading_start: Option<usize> = None;
    let mut fragment = raw_html::Fragment::default();
    for (event, range) in Parser::new_ext(source, options()).into_offset_iter() {
        // Consecutive lines of an HTML block make one fragment; anything else ends it.
        let continues = matches!(event, Event::Html(_));
        if !continues && !fragment.is_empty() {
            raw_html::check(
                source,
                &std::mem::take(&mut fragment),
                &mut problems,
                &mut local_links,
            );
        }
        match event {
            Event::Html(ref html) | Event::InlineHtml(ref html) => {
                has_raw_html = true;
                fragment.push(html, range);
                if !continues {
                    raw_html::check(
                        source,
                        &std::mem::take(&mut fragment),
                        &mut problems,
                        &mut local_links,
                    );
                }
                events.push(event);
            }
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                refuse_heading_attributes(&attrs, range.start, &mut problems);
                heading_start = Some(events.len());
                events.push(Event::Start(Tag::Heading {
                    level: demote(level),
                    id,
                    classes,
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = heading_start.take() {
                    assign_heading_id(&mut events, start, &mut ids);
                }
                events.push(Event::End(TagEnd::Heading(demote(level))));
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if urls::is_local_path(&dest_url) {
                    local_links.push(LocalLink {
                        dest: dest_url.to_string(),
                        offset: range.start,
                    });
                }
                let dest = rewrite_link(&dest_url, ctx, range.start, &mut problems);
                if dest_url.starts_with("@/static/") {
                    local_links.push(LocalLink {
                        dest: dest_url.to_string(),
                        offset: range.start,
                    });
                }
                events.push(Event::Start(Tag::Link {
                    link_type: if dest.is_empty() {
                        LinkType::Inline
                    } else {
                        link_type
                    },
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                if urls::is_local_path(&dest_url) {
                    local_links.push(LocalLink {
                        dest: dest_url.to_string(),
                        offset: range.start,
                    });
                }
                images_open += 1;
                let dest = rewrite_image(&dest_url, ctx, range.start, &mut problems);
                if dest_url.starts_with("@/") {
                    local_links.push(LocalLink {
                        dest: dest_url.to_string(),
                        offset: range.start,
                    });
                }
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: dest,
                    title,
                    id,
                }));
            }
            Event::Text(text) => {
                unopened_emphasis(source, range.start, &mut stars_line, &mut problems);
                // English pages mark their Chinese words as Chinese; an image's alt
                // text is an attribute, where no element can go.
                if ctx.lang == "en" && images_open == 0 {
                    events.extend(chinese::mark(text));
                } else {
                    events.push(Event::Text(text));
                }
            }
            Event::Start(Tag::Table(ref alignments)) => {
                aligned |= alignments.iter().any(|a| *a != Alignment::None);
                events.push(event);
            }
            Event::End(TagEnd::Image) => {
                images_open = images_open.saturating_sub(1);
                events.push(event);
            }
            other => events.push(other),
        }
    }
    if !fragment.is_empty() {
        raw_html::check(source, &fragment, &mut problems, &mut local_links);
    }
    let mut html = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    if aligned || (has_raw_html && html.contains(" style=\"text-align: ")) {
        html = align_by_class(&html);
    }
    if has_raw_html {
        html = sanitize(&html);
    }
    Rendered {
        html,
        problems,
        local_links,
        sanitized: has_raw_html,
    }
}

/// Reports `**` or `__` left as text, once per line: CommonMark opens and closes
/// emphasis only where its delimiter touches a letter or a space, so in
/// `**“重点任务”**一节` the closing `**` (between a quotation mark and a Chinese
/// character) closes nothing, and both pairs of stars are shown. pulldown-cmark gives
/// such stars as text events of their own, found here by the source they come from
/// (an escaped `\*` is written with its backslash, so it is not taken for one).
fn unopened_emphasis(
    source: &str,
    offset: usize,
    reported_line: &mut Option<usize>,
    problems: &mut Vec<MarkdownProblem>,
) {
    let rest = &source[offset..];
    let Some(pair) = ["**", "__"].into_iter().find(|p| rest.starts_with(p)) else {
        return;
    };
    let line = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    if *reported_line == Some(line) {
        return;
    }
    *reported_line = Some(line);
    problems.push(MarkdownProblem {
        severity: Severity::Warning,
        offset,
        message: format!("`{pair}` will be shown as it is, not as emphasis"),
        help: "emphasis must start and end beside a character, not beside punctuation next to Chinese text: write “**重点任务**”一节, not **“重点任务”**一节".into(),
    });
}

/// Resolves `@/path#anchor` to a relative link and drops script links.
fn rewrite_link<'a>(
    dest: &CowStr<'a>,
    ctx: &MarkdownContext,
    offset: usize,
    problems: &mut Vec<MarkdownProblem>,
) -> CowStr<'a> {
    if is_script_url(dest) {
        problems.push(MarkdownProblem {
            severity: Severity::Warning,
            offset,
            message: "a link to a script address was removed".into(),
            help: "link to a page or an https:// address".into(),
        });
        return CowStr::from("");
    }
    if is_protocol_relative(dest) {
        problems.push(MarkdownProblem {
            severity: Severity::Error,
            offset,
            message: format!("the link `{dest}` names no scheme"),
            help: "write the address in full, starting with https://".into(),
        });
    }
    let Some(internal) = dest.strip_prefix("@/") else {
        return dest.clone();
    };
    // A file of static/ (a PDF, a spreadsheet) is linked by its own path, as images are;
    // whether it exists is checked with the other links once the site is written.
    if internal.starts_with("static/") {
        return CowStr::from(format!("{}{}", ctx.root, internal));
    }
    let (path, anchor) = internal.split_once('#').unwrap_or((internal, ""));
    let mut path = path.trim_start_matches('/').to_string();
    if !path.is_empty() && !path.ends_with('/') {
        path.push('/');
    }
    if !(ctx.page_exists)(&path) {
        problems.push(MarkdownProblem {
            severity: Severity::Error,
            offset,
            message: format!("the link `{dest}` points to no page of the site"),
            help: "internal links look like @/plans/<plan-id>/ or @/plans/<plan-id>/<target-id>/, \
                   and links to files of static/ like @/static/<file>"
                .into(),
        });
    }
    let fragment = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{anchor}")
    };
    CowStr::from(format!(
        "{}{}/{}index.html{}",
        ctx.root, ctx.lang, path, fragment
    ))
}

/// Images must be files of the site: a remote image would make a request leave it.
fn rewrite_image<'a>(
    dest: &CowStr<'a>,
    ctx: &MarkdownContext,
    offset: usize,
    problems: &mut Vec<MarkdownProblem>,
) -> CowStr<'a> {
    if is_off_site(dest) {
        problems.push(MarkdownProblem {
            severity: Severity::Error,
            offset,
            message: format!("the image `{dest}` is not a file of the site"),
            help: "put the image in static/ and write it as @/static/<file>; pages load nothing from other sites".into(),
        });
        return CowStr::from("");
    }
    match dest.strip_prefix("@/") {
        Some(path) => CowStr::from(format!("{}{}", ctx.root, path)),
        None => dest.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_that_cannot_become_emphasis_are_reported_where_they_are() {
        let source = "- **“重点任务”**一节\n- “**重点任务**”一节\n";
        let r = html(source);
        let found: Vec<(usize, &str)> = r
            .problems
            .iter()
            .map(|p| (p.offset, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [(2, "`**` will be shown as it is, not as emphasis")],
            "once, at the first stars of the line"
        );
        assert!(
            r.html.contains("“<strong>重点任务</strong>”一节"),
            "{}",
            r.html
        );
        assert!(html("`a**b` and a\\*\\*b").problems.is_empty());
    }

    #[test]
    fn table_columns_are_aligned_by_class_not_by_style() {
        for source in [
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
            "<b>raw</b>\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n",
        ] {
            let out = html(source).html;
            assert!(!out.contains("style="), "{out}");
            for class in ["align-left", "align-center", "align-right"] {
                assert!(out.contains(&format!("<td class=\"{class}\">")), "{out}");
            }
        }
    }

    fn ctx_with(exists: &'static (dyn Fn(&str) -> bool + Sync)) -> MarkdownContext<'static> {
        MarkdownContext {
            root: "../../",
            lang: "zh",
            page_exists: exists,
        }
    }

    fn html(src: &str) -> Rendered {
        render(src, &ctx_with(&|p| p == "plans/a/"))
    }

    #[test]
    fn aligned_columns_get_classes_and_other_styles_are_left_alone() {
        let r = html("| a | b | c | d |\n|:--|:-:|--:|---|\n| 1 | 2 | 3 | 4 |\n");
        for side in ["left", "center", "right"] {
            assert_eq!(
                r.html.matches(&format!(" class=\"align-{side}\"")).count(),
                2,
                "{}",
                r.html
            );
        }
        assert!(!r.html.contains("style="), "{}", r.html);
        let plain = html("| a | b |\n|---|---|\n| 1 | 2 |\n");
        assert!(!plain.html.contains("align-"), "{}", plain.html);
    }

    #[test]
    fn headings_are_demoted_and_get_readable_ids() {
        let r = html("# 发展目标\n\n## Key targets\n\n## Key targets\n");
        assert!(
            r.html.contains("<h2 id=\"发展目标\">发展目标</h2>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<h3 id=\"key-targets\">"), "{}", r.html);
        assert!(r.html.contains("<h3 id=\"key-targets-2\">"), "{}", r.html);
    }

    #[test]
    fn a_heading_named_like_a_numbered_twin_still_gets_an_id_of_its_own() {
        let r = html("## a\n\n## a-2\n\n## a\n\n## Other {#a-3}\n");
        let ids: Vec<&str> = r
            .html
            .split("id=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
            .collect();
        assert_eq!(ids.len(), 4, "{}", r.html);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), 4, "every id once: {ids:?}");
    }

    #[test]
    fn explicit_heading_ids_are_kept() {
        let r = html("## 目标 {#goals}\n");
        assert!(r.html.contains("<h3 id=\"goals\">目标</h3>"), "{}", r.html);
    }

    #[test]
    fn heading_attributes_other_than_id_and_class_are_errors_and_dropped() {
        let r = html("## T {#t .wide onfocus=alert(1) autofocus style=color:red}\n");
        assert!(
            r.html.contains("<h3 id=\"t\" class=\"wide\">T</h3>"),
            "{}",
            r.html
        );
        let messages: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "the heading attribute `onfocus` is not allowed",
                "the heading attribute `autofocus` is not allowed",
                "the heading attribute `style` is not allowed",
            ]
        );
        assert!(!r.sanitized);
    }

    #[test]
    fn markdown_alone_writes_only_known_markup() {
        let r = html(
            "# H {#x .y}\n\n## H {z=1}\n\n[a](b.html \"t\") ![i](c.png) `c` ~~d~~\n\n\
             | a | b |\n|:--|--:|\n| 1 | 2 |\n\nN[^1]\n\n[^1]: F\n\n3. x\n\n```rs\ncode\n```\n\n> q\n\n---\n",
        );
        assert_eq!(unexpected_markup(&r.html), None, "{}", r.html);
    }

    #[test]
    fn tables_and_footnotes_render() {
        let r = html("| a | b |\n|---|---|\n| 1 | 2 |\n\nText[^1].\n\n[^1]: Note.\n");
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("footnote"));
        assert!(!r.sanitized);
    }

    #[test]
    fn internal_links_become_relative() {
        let r = html("[plan](@/plans/a/#targets)");
        assert!(
            r.html
                .contains("href=\"../../zh/plans/a/index.html#targets\""),
            "{}",
            r.html
        );
        assert!(r.problems.is_empty());
        let broken = html("[x](@/plans/missing)");
        assert_eq!(broken.problems.len(), 1);
        assert!(broken.problems[0].message.contains("points to no page"));
    }

    #[test]
    fn script_links_are_dropped_even_without_raw_html() {
        let r = html("[click](javascript:alert(1)) and [x]( JaVaScRiPt:alert(2))");
        assert!(!r.html.to_lowercase().contains("javascript"), "{}", r.html);
        assert!(!r.problems.is_empty());
    }

    #[test]
    fn raw_html_is_sanitized_keeping_tables() {
        let r = html(
            "<script>alert(1)</script>\n\n<table><tr><td onclick=\"x()\">1</td></tr></table>\n\n\
             <a href=\"javascript:alert(1)\">x</a> <img src=x onerror=alert(1)>",
        );
        assert!(r.sanitized);
        assert!(!r.html.contains("<script"), "{}", r.html);
        assert!(!r.html.contains("onclick"), "{}", r.html);
        assert!(!r.html.contains("onerror"), "{}", r.html);
        assert!(!r.html.contains("javascript:"), "{}", r.html);
        assert!(r.html.contains("<td>1</td>"), "{}", r.html);
    }

    /// Regression: the first crash `cargo fuzz run markdown` reported. The word
    /// "javascript:" in prose beside raw HTML is text, kept and escaped, while a
    /// `javascript:` address in the same document is dropped.
    #[test]
    fn the_word_javascript_in_prose_is_text_not_a_link() {
        let r = html(
            "specialties such as buildinjavascript:g materials <develop>x</develop>\n\n\
             <a href=\" javascript:alert(1)\">y</a>",
        );
        assert!(r.sanitized);
        assert!(
            r.html.contains("buildinjavascript:g materials"),
            "{}",
            r.html
        );
        assert!(!r.html.contains("href=\" javascript"), "{}", r.html);
        assert!(!r.html.contains("href=\"javascript"), "{}", r.html);
        assert!(!r.html.contains("<develop>"), "{}", r.html);
    }

    #[test]
    fn remote_images_are_refused() {
        let r = html("![logo](https://cdn.example.com/x.png)");
        assert!(!r.html.contains("cdn.example.com"));
        assert_eq!(r.problems.len(), 1);
    }

    #[test]
    fn text_is_escaped() {
        let r = html("a < b & \"c\"");
        assert!(
            r.html.contains("a &lt; b &amp; &quot;c&quot;")
                || r.html.contains("a &lt; b &amp; \"c\""),
            "{}",
            r.html
        );
    }

    #[test]
    fn slugs_keep_chinese_and_drop_punctuation() {
        assert_eq!(slug("一、总体目标"), "一-总体目标");
        assert_eq!(slug("Hello, World!"), "hello-world");
        assert_eq!(slug("!!!"), "section");
    }
}
