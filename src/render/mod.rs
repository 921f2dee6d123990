//! Turning the checked site into files: pages, charts and data.
//!
//! [`render_site`] lists every page of the site as a [`Page`], then renders them in
//! parallel (rayon). Each page is a function of (item, language) alone, so the order
//! of work never changes the bytes written.

pub mod charts;
pub mod data;
pub mod encode;
pub mod format;
pub mod i18n;
pub mod links;
pub mod markdown;
mod pages;
pub mod svg;
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
use crate::lang::Localized;
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

/// What pages are rendered from besides the site itself: the parsed templates, the
/// indexes and each target's table row, prepared once per build. None of it depends
/// on commentary bodies, so `serve` keeps it across commentary edits.
pub struct Prepared {
    pub index: Index,
    pub templates: Templates,
    /// Site paths without the language (`plans/x/`), for checking `@/` links.
    pub page_paths: HashSet<String>,
    /// Each target's table row as markup, by language, plan and target position. A
    /// target appears in up to ten tables (its plan, chain, region, units, year…); its
    /// row is rendered once, then shared (a cheap clone). Only the markup is kept: the
    /// row's fields, which few pages show, are built when a page asks
    /// ([`RenderContext::row_fields`]), so a large site does not hold them all.
    rows: Localized<Vec<Vec<tera::Value>>>,
    /// Each plan's card for lists, by language and plan position.
    cards: Localized<Vec<tera::Value>>,
}

impl Prepared {
    /// Parses the templates, builds the indexes and every row and card.
    pub fn new(site: &Site, theme: &Theme) -> Result<Prepared, Diagnostics> {
        let templates = Templates::new(theme, &site.config).map_err(Diagnostics::from_iter)?;
        let index = Index::build(site, crate::derive::status_date(site.config.as_of));
        let page_paths = pages::page_paths(site, &index);
        let view = |lang| views::ViewCtx {
            site,
            index: &index,
            lang,
            strings: theme.strings.get(lang),
        };
        let plans: Vec<&crate::content::Plan> = site.plans.iter().collect();
        let mut rows = Localized::<Vec<Vec<tera::Value>>>::default();
        for lang in Lang::ALL {
            let v = view(lang);
            let built: Result<Vec<Vec<tera::Value>>, Diagnostic> = plans
                .par_iter()
                .map(|plan| {
                    plan.targets
                        .iter()
                        .map(|t| cached_row(&templates, v, t))
                        .collect()
                })
                .collect();
            let built = built.map_err(Diagnostics::from)?;
            match lang {
                Lang::Zh => rows.zh = built,
                Lang::En => rows.en = built,
            }
        }
        let cards = Localized::from_fn(|lang| {
            let v = view(lang);
            site.plans
                .iter()
                .map(|p| tera::Value::from_serializable(&views::PlanCard::new(v, p)))
                .collect()
        });
        Ok(Prepared {
            index,
            templates,
            page_paths,
            rows,
            cards,
        })
    }
}

/// Everything one build's pages are rendered from.
pub struct RenderContext<'a> {
    pub site: &'a Site,
    pub theme: &'a Theme,
    pub prepared: Arc<Prepared>,
}

impl<'a> RenderContext<'a> {
    /// Prepares rendering: parses the templates and builds the indexes.
    pub fn new(site: &'a Site, theme: &'a Theme) -> Result<RenderContext<'a>, Diagnostics> {
        Ok(RenderContext {
            site,
            theme,
            prepared: Arc::new(Prepared::new(site, theme)?),
        })
    }

    /// A target's table row (`row.html.head`, `.plan`, `.tail`), ready for templates.
    pub fn row(&self, lang: Lang, r: crate::derive::TargetRef) -> tera::Value {
        self.prepared.rows.get(lang)[r.plan][r.target].clone()
    }

    /// A target's row fields (name, links, value, status…), for the pages that show
    /// them one by one: its own page, the progress page, breakdown parts.
    pub fn row_fields(&self, lang: Lang, r: crate::derive::TargetRef) -> tera::Value {
        let view = views::ViewCtx {
            site: self.site,
            index: self.index(),
            lang,
            strings: self.theme.strings.get(lang),
        };
        let target = &pages::plan_at(self.site, r.plan).targets[r.target];
        tera::Value::from_serializable(&views::TargetRow::new(view, target))
    }

    /// A plan's card, ready for templates.
    pub fn card(&self, lang: Lang, plan: usize) -> tera::Value {
        self.prepared.cards.get(lang)[plan].clone()
    }

    /// The indexes of the site.
    pub fn index(&self) -> &Index {
        &self.prepared.index
    }

    /// Every page of the site.
    pub fn pages(&self) -> Vec<Page> {
        pages::all_pages(self.site, self.index())
    }
}

/// A target's table row as the templates see it: its rendered markup.
#[derive(serde::Serialize)]
struct CachedRow {
    html: templates::RowHtml,
}

fn cached_row(
    templates: &Templates,
    v: views::ViewCtx,
    t: &crate::content::Target,
) -> Result<tera::Value, Diagnostic> {
    let row = views::TargetRow::new(v, t);
    let html = templates.render_row(v.lang, &row)?;
    Ok(tera::Value::from_serializable(&CachedRow { html }))
}

/// Renders the whole site into `sink`. Problems of every page are collected; the
/// result is an error if any of them is an error, and otherwise carries the warnings.
pub fn render_site(
    site: &Site,
    theme: &Theme,
    sink: &dyn Sink,
) -> Result<(RenderStats, Diagnostics), Diagnostics> {
    let started = std::time::Instant::now();
    let cx = RenderContext::new(site, theme)?;
    crate::timings::trace("prepare (templates, indexes, rows)", started);
    render_site_with(&cx, sink)
}

/// Renders the whole site from a prepared context into `sink`.
pub fn render_site_with(
    cx: &RenderContext,
    sink: &dyn Sink,
) -> Result<(RenderStats, Diagnostics), Diagnostics> {
    let started = std::time::Instant::now();
    let theme = cx.theme;
    let pages = cx.pages();
    // The data files (open data, search indexes, sitemap, feeds) are built while the
    // pages render, not after them.
    let (mut diagnostics, data) = rayon::join(
        || render_pages(cx, &pages, sink),
        || data_files(cx, &pages, sink),
    );
    crate::timings::trace("pages and data files", started);
    let mut files = pages.len() + data.written;
    diagnostics.extend(data.problems);
    for (path, bytes) in &theme.static_files {
        let path = format!("static/{path}");
        if let Err(e) = sink.write(&path, bytes) {
            diagnostics.push(Diagnostic::error(path, format!("cannot write: {e}")));
        }
        files += 1;
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
    results.into_iter().flatten().collect()
}

/// What writing the data files did.
struct DataWritten {
    written: usize,
    problems: Diagnostics,
}

/// Writes the files that are not pages: open data, search indexes, sitemap, feeds
/// and robots.txt, each as soon as it is made, so no two are held in memory at once.
fn data_files(cx: &RenderContext, pages: &[Page], sink: &dyn Sink) -> DataWritten {
    let site = cx.site;
    let mut out = DataWritten {
        written: 0,
        problems: Diagnostics::new(),
    };
    let mut write = |path: &str, text: String| {
        if let Err(e) = sink.write(path, text.as_bytes()) {
            out.problems
                .push(Diagnostic::error(path, format!("cannot write: {e}")));
        }
        out.written += 1;
    };
    {
        let open = data::OpenData::new(site, cx.index());
        write(data::TARGETS_CSV, open.csv);
        write(data::TARGETS_JSON, open.json);
    }
    write("sitemap.xml", data::sitemap(site, pages));
    write("robots.txt", data::robots(site));
    for lang in Lang::ALL {
        let v = views::ViewCtx {
            site,
            index: cx.index(),
            lang,
            strings: cx.theme.strings.get(lang),
        };
        write(&data::search_index_path(lang), data::search_index(v));
        write(&format!("{}/atom.xml", lang.code()), data::feed(v));
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
    let exists = |p: &str| cx.prepared.page_paths.contains(p);
    let mcx = MarkdownContext {
        root: &root,
        lang: lang.code(),
        page_exists: &exists,
    };
    let rendered = markdown::render(commentary.body(), &mcx);
    let body_offset = commentary.body_start;
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
