//! Turning the checked site into files: pages, charts and data.
//!
//! [`render_site`] lists every page of the site as a [`Page`], then renders them in
//! parallel (rayon). Each page is a function of (item, language) alone, so the order
//! of work never changes the bytes written.

pub mod charts;
pub mod data;
pub mod format;
pub mod i18n;
pub mod links;
pub mod markdown;
mod pages;
pub mod templates;
pub mod theme;
pub mod views;

use std::collections::HashSet;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::Site;
use crate::derive::Index;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, Severity};
use crate::lang::Lang;
use crate::output::Sink;
use markdown::{MarkdownContext, MarkdownProblem};
use templates::Templates;
use theme::Theme;

pub use pages::Page;

/// Counts of what a build wrote, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
}

/// Everything pages are rendered from, prepared once per build.
pub struct RenderContext<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub index: Index,
    pub templates: Templates,
    /// Site paths without the language (`plans/x/`), for checking `@/` links.
    pub page_paths: HashSet<String>,
}

impl<'a> RenderContext<'a> {
    /// Prepares rendering: parses the templates and builds the indexes.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<RenderContext<'a>, Diagnostics> {
        let templates = Templates::new(theme, &site.config).map_err(to_diagnostics)?;
        let index = Index::build(site, crate::derive::status_date(site.config.as_of));
        let page_paths = pages::page_paths(site, &index);
        Ok(RenderContext {
            site,
            theme,
            index,
            templates,
            page_paths,
        })
    }

    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        pages::all_pages(self.site, &self.index)
    }
}

/// Renders the whole site into `sink`. Problems of every page are collected; the
/// result is an error if any of them is an error, and otherwise carries the warnings.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<(RenderStats, Diagnostics), Diagnostics> {
    let cx = RenderContext::new(site, theme)?;
    let pages = cx.pages();
    let mut diagnostics = render_pages(&cx, &pages, sink);
    let mut files = pages.len();
    let mut write = |path: String, bytes: &[u8]| {
        if let Err(e) = sink.write(&path, bytes) {
            diagnostics.push(Diagnostic::error(path, format!("cannot write: {e}")));
        }
        files += 1;
    };
    for (path, bytes) in &theme.static_files {
        write(format!("static/{path}"), bytes);
    }
    for (path, text) in data_files(&cx, &pages) {
        write(path, text.as_bytes());
    }
    diagnostics.sort();
    if diagnostics.has_errors() {
        Err(diagnostics)
    } else {
        Ok((
            RenderStats {
                pages: pages.len(),
                files,
            },
            diagnostics,
        ))
    }
}

/// Renders `pages` in parallel into `sink`; returns the problems of all of them.
pub fn render_pages(cx: &RenderContext, pages: &[Page], sink: &dyn Sink) -> Diagnostics {
    let results: Vec<Vec<Diagnostic>> = pages
        .par_iter()
        .map(|page| pages::render_page(cx, page, sink))
        .collect();
    let mut diagnostics = Diagnostics::new();
    for d in results.into_iter().flatten() {
        diagnostics.push(d);
    }
    diagnostics
}

/// The files that are not pages: open data, search indexes, sitemap, feeds, robots.txt.
fn data_files(cx: &RenderContext, pages: &[Page]) -> Vec<(String, String)> {
    let site = cx.site;
    let mut files = vec![
        (
            data::TARGETS_CSV.to_string(),
            data::targets_csv(site, &cx.index),
        ),
        (
            data::TARGETS_JSON.to_string(),
            data::targets_json(site, &cx.index),
        ),
        ("sitemap.xml".to_string(), data::sitemap(site, pages)),
        ("robots.txt".to_string(), data::robots(site)),
    ];
    for lang in Lang::ALL {
        let v = views::ViewCtx {
            site,
            index: &cx.index,
            lang,
            strings: cx.theme.strings.get(lang),
        };
        files.push((data::search_index_path(lang), data::search_index(v)));
        files.push((format!("{}/atom.xml", lang.code()), data::feed(v)));
    }
    files
}

fn to_diagnostics(ds: Vec<Diagnostic>) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in ds {
        out.push(d);
    }
    out
}

/// Renders a commentary body for the page at `page_path`, turning Markdown problems
/// into diagnostics located in the commentary file.
pub fn render_commentary(
    cx: &RenderContext,
    commentary: &crate::content::Commentary,
    page_path: &str,
    lang: Lang,
    problems: &mut Vec<Diagnostic>,
) -> String {
    let root = links::root_of(page_path);
    let exists = |p: &str| cx.page_paths.contains(p);
    let mcx = MarkdownContext {
        root: &root,
        lang: lang.code(),
        page_exists: &exists,
    };
    let rendered = markdown::render(&commentary.body, &mcx);
    let body_offset = commentary.file.text.len() - commentary.body.len();
    for p in rendered.problems {
        problems.push(markdown_diagnostic(
            &commentary.file.text,
            &commentary.file.display,
            body_offset,
            p,
        ));
    }
    rendered.html
}

fn markdown_diagnostic(
    text: &Arc<str>,
    file: &std::path::Path,
    body_offset: usize,
    p: MarkdownProblem,
) -> Diagnostic {
    let start = body_offset + p.offset;
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let severity = if p.message.contains("was removed") {
        Severity::Warning
    } else {
        Severity::Error
    };
    let d = Diagnostic {
        severity,
        ..Diagnostic::error(file, p.message)
    };
    d.at(text, Location::from_byte_range(text, start..end))
        .help(p.help)
}
