//! Rendering each plan's own pages, or keeping them from the previous build when
//! nothing they are made from changed (see [`super::memo`] for the dependency map).

use std::collections::BTreeMap;
use std::sync::Mutex;

use rayon::prelude::*;

use super::context::RenderContext;
use super::memo::{Kept, Keys, Memo, PlanMemo};
use super::page_list::{Page, plan_at};
use super::pages;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::output::{MemorySink, Sink, Stamp};

/// What rendering (or keeping) the plans' pages gave.
pub struct PlansRendered {
    pub problems: Diagnostics,
    /// By plan id; plans whose pages had problems are left out, so the next build
    /// renders them again and reports the same warnings.
    pub memos: BTreeMap<String, PlanMemo>,
    /// Plans kept from the previous build, by position: their links are checked once
    /// every file is written ([`check_kept_links`]).
    pub kept: Vec<usize>,
    pub pages_rendered: usize,
}

/// The pages that belong to plan `p`, in both languages.
pub fn plan_pages(cx: &RenderContext, p: usize) -> Vec<Page> {
    let targets = plan_at(cx.site, p).targets.len();
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            std::iter::once(Page::Plan(lang, p))
                .chain((0..targets).map(move |t| Page::Target(lang, p, t)))
        })
        .collect()
}

/// Renders every plan's pages into `sink`, except those `previous` says are unchanged
/// and whose files the sink could carry over.
pub fn render_plans(
    cx: &RenderContext,
    keys: &Keys,
    previous: Option<&Memo>,
    sink: &dyn Sink,
) -> PlansRendered {
    let positions: Vec<usize> = (0..cx.site.plans.len()).collect();
    let results: Vec<(usize, Result<PlanMemo, Diagnostics>, bool, usize)> = positions
        .par_iter()
        .map(|&p| {
            let plan = plan_at(cx.site, p);
            let exists = |path: &str| cx.prepared.page_paths.contains(path);
            if let Some(memo) = previous.and_then(|m| m.reusable(keys, plan, p, exists))
                && keep_all(memo, sink)
            {
                return (p, Ok(memo.clone()), true, 0);
            }
            let pages = plan_pages(cx, p);
            let n = pages.len();
            (p, render_plan(cx, keys, p, &pages, sink), false, n)
        })
        .collect();
    let mut out = PlansRendered {
        problems: Diagnostics::new(),
        memos: BTreeMap::new(),
        kept: Vec::new(),
        pages_rendered: 0,
    };
    for (p, result, kept, rendered) in results {
        out.pages_rendered += rendered;
        if kept {
            out.kept.push(p);
        }
        match result {
            Ok(memo) => {
                out.memos
                    .insert(plan_at(cx.site, p).id.as_str().to_string(), memo);
            }
            Err(problems) => out.problems.extend(problems),
        }
    }
    out
}

/// Renders plan `p`'s pages alone (after an edit of it), for its memo.
pub fn render_one_plan(
    cx: &RenderContext,
    keys: &Keys,
    p: usize,
    sink: &dyn Sink,
) -> Result<PlanMemo, Diagnostics> {
    render_plan(cx, keys, p, &plan_pages(cx, p), sink)
}

/// Carries every file of a kept plan over; false (and nothing carried) if any one is
/// missing or changed since, so the plan is rendered whole instead.
fn keep_all(memo: &PlanMemo, sink: &dyn Sink) -> bool {
    // Checked before any is carried: a half-kept plan would be written over.
    let intact = memo
        .files
        .iter()
        .all(|f| f.stamp.is_some() && sink.can_keep(&f.path, f.stamp));
    intact
        && memo
            .files
            .iter()
            .all(|f| sink.keep(&f.path, f.stamp).unwrap_or(false))
}

/// Renders plan `p`'s pages with a context of their own, so the links and `@/` pages
/// their commentary names are the plan's alone. Returns the plan's memo, or its
/// problems (the links are handed to the site's context for the final check).
fn render_plan(
    cx: &RenderContext,
    keys: &Keys,
    p: usize,
    pages: &[Page],
    sink: &dyn Sink,
) -> Result<PlanMemo, Diagnostics> {
    let pcx = RenderContext::with(cx.site, cx.theme, cx.prepared.clone());
    let recording = Recording::new(sink);
    let problems: Vec<Diagnostic> = pages
        .par_iter()
        .flat_map_iter(|page| pages::render_page(&pcx, page, &recording))
        .collect();
    let links = pcx.take_links();
    let needs: Vec<String> = links.iter().map(|l| l.file.clone()).collect();
    let asked = pcx.take_asked();
    cx.add_links(links);
    if !problems.is_empty() {
        return Err(problems.into_iter().collect());
    }
    let key = keys.plans.get(p).copied().unwrap_or(keys.global);
    Ok(PlanMemo {
        key,
        files: recording.into_files(),
        needs,
        asked,
    })
}

/// Checks the links of kept plans against the files now written: a page they link to
/// may be gone. A plan with a broken link is rendered again, into memory, for the
/// located errors.
pub fn check_kept_links(
    cx: &RenderContext,
    kept: &[usize],
    memos: &BTreeMap<String, PlanMemo>,
    sink: &dyn Sink,
) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    for &p in kept {
        let plan = plan_at(cx.site, p);
        let Some(memo) = memos.get(plan.id.as_str()) else {
            continue;
        };
        if memo.needs.iter().all(|f| sink.has(f)) {
            continue;
        }
        let pcx = RenderContext::with(cx.site, cx.theme, cx.prepared.clone());
        let scratch = MemorySink::new();
        for page in plan_pages(cx, p) {
            problems.extend(pages::render_page(&pcx, &page, &scratch));
        }
        problems.extend(pcx.broken_links(|f| sink.has(f)));
    }
    problems
}

/// A sink that remembers each file written through it and how it looks on disk.
pub struct Recording<'a> {
    inner: &'a dyn Sink,
    files: Mutex<Vec<Kept>>,
}

impl<'a> Recording<'a> {
    pub fn new(inner: &'a dyn Sink) -> Recording<'a> {
        Recording {
            inner,
            files: Mutex::new(Vec::new()),
        }
    }

    /// The files written, sorted by path.
    pub fn into_files(self) -> Vec<Kept> {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort_by(|a, b| a.path.cmp(&b.path));
        files
    }

    fn record(&self, path: &str, stamp: Option<Stamp>) {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(Kept {
                path: path.to_string(),
                stamp,
            });
    }
}

impl Sink for Recording<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.write_stamped(path, bytes).map(|_| ())
    }

    fn write_stamped(&self, path: &str, bytes: &[u8]) -> std::io::Result<Option<Stamp>> {
        let stamp = self.inner.write_stamped(path, bytes)?;
        self.record(path, stamp);
        Ok(stamp)
    }

    fn has(&self, path: &str) -> bool {
        self.inner.has(path)
    }

    fn can_keep(&self, path: &str, stamp: Option<Stamp>) -> bool {
        self.inner.can_keep(path, stamp)
    }

    fn keep(&self, path: &str, stamp: Option<Stamp>) -> std::io::Result<bool> {
        let kept = self.inner.keep(path, stamp)?;
        if kept {
            self.record(path, self.inner.stamp(path));
        }
        Ok(kept)
    }

    fn stamp(&self, path: &str) -> Option<Stamp> {
        self.inner.stamp(path)
    }
}
