//! Turning the checked site into files: pages, charts and data.
//!
//! [`render_site`] lists every page of the site as a [`Page`], then renders them in
//! parallel (rayon). Each page is a function of (item, language) alone, so the order
//! of work never changes the bytes written.

mod all_rows;
pub mod charts;
mod context;
pub mod data;
pub mod encode;
pub mod feeds;
pub mod format;
pub mod i18n;
mod incremental;
pub mod keys;
pub mod links;
mod live;
pub mod markdown;
pub mod memo;
pub(crate) mod page_list;
mod pages;
pub mod search;
mod strings;
pub mod templates;
#[cfg(test)]
mod test_site;
pub mod theme;
pub mod views;

use rayon::prelude::*;

use crate::content::Site;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::output::Sink;
use theme::Theme;

pub use context::{LISTING_ROOT, Prepared, RenderContext, render_commentary};
pub use live::{Live, PlanShown, render_plan_edit};
pub use memo::{Keys, Memo};
pub use page_list::Page;

/// Counts of what a build wrote, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct RenderStats {
    pub pages: usize,
    pub files: usize,
    /// Pages rendered afresh (the rest were carried over unchanged).
    pub pages_rendered: usize,
    /// After an edit of one plan: how many of its own pages were rendered, of how many.
    pub plan_rendered: Option<(usize, usize)>,
}

/// What rendering a site did.
pub struct Rendered {
    pub stats: RenderStats,
    pub warnings: Diagnostics,
    /// What the next build needs to keep what did not change.
    pub memo: Memo,
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
    let keys = Keys::of(site, theme);
    render_site_with(&cx, sink, &keys, None).map(|r| (r.stats, r.warnings))
}

/// Renders the whole site from a prepared context into `sink`. With the `previous`
/// build's memo, the pages of plans whose inputs are unchanged (`keys`) are carried
/// over from the previous output instead of rendered, when the sink can.
pub fn render_site_with(
    cx: &RenderContext,
    sink: &dyn Sink,
    keys: &Keys,
    previous: Option<&Memo>,
) -> Result<Rendered, Diagnostics> {
    let started = std::time::Instant::now();
    let theme = cx.theme;
    let pages = cx.pages();
    let shared: Vec<Page> = pages.iter().filter(|p| !p.is_plan_own()).cloned().collect();
    let recording = incremental::Recording::new(sink);
    // The data files (open data, search indexes, sitemap, feeds) are built while the
    // pages render, not after them.
    let ((plans, mut diagnostics), data) = rayon::join(
        || {
            rayon::join(
                || incremental::render_plans(cx, keys, previous, sink),
                || render_pages(cx, &shared, &recording),
            )
        },
        || data_files(cx, &pages, &recording),
    );
    crate::timings::trace("pages and data files", started);
    let mut files = pages.len() + data.written;
    diagnostics.extend(plans.problems);
    diagnostics.extend(data.problems);
    for (path, bytes) in &theme.static_files {
        let path = format!("static/{path}");
        if let Err(e) = recording.write(&path, bytes) {
            diagnostics.push(Diagnostic::error(path, format!("cannot write: {e}")));
        }
        files += 1;
    }
    diagnostics.extend(cx.broken_links(|f| sink.has(f)));
    diagnostics.extend(incremental::check_kept_links(
        cx,
        &plans.kept,
        &plans.memos,
        sink,
    ));
    diagnostics.sort();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let memo = Memo {
        version: memo::memo_version(),
        global: Some(keys.global),
        plans: plans.memos,
        shared_files: recording.into_files().into_iter().map(|k| k.path).collect(),
    };
    Ok(Rendered {
        stats: RenderStats {
            pages: pages.len(),
            files,
            pages_rendered: plans.pages_rendered + shared.len(),
            plan_rendered: None,
        },
        warnings: diagnostics,
        memo,
    })
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
        write(links::TARGETS_CSV, open.csv);
        write(links::TARGETS_JSON, open.json);
    }
    let listed = pages
        .iter()
        .filter(|p| p.is_listed())
        .map(|p| (p.path(site), p.lang(site)));
    feeds::sitemaps(site, listed, |path, text| write(path, text));
    write(links::ROBOTS, feeds::robots(site));
    for lang in Lang::ALL {
        let v = cx.view(lang);
        for (path, text) in search::search_index(v) {
            write(&path, text);
        }
        write(&links::feed(lang), feeds::feed(v));
    }
    out
}
