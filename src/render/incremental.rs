//! Rendering each plan's own pages, or keeping them from the previous build when
//! nothing they are made from changed (see [`super::memo`] for the dependency map).

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use rayon::prelude::*;

use super::context::RenderContext;
use super::memo::{Kept, Keys, Memo, PlanMemo, TargetLinks};
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
            // A plan whose pages had problems is left out of the memo, so the next
            // build renders it again and reports the same warnings.
            let (memo, problems) = render_plan(cx, keys, p, &pages, sink);
            let result = if problems.is_empty() {
                Ok(memo)
            } else {
                Err(problems.into_iter().collect())
            };
            (p, result, false, n)
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

/// Renders plan `p`'s pages after an edit of it, for its memo, except the pages of the
/// targets `unchanged` marks (by position): they show what they showed before, so
/// their files and links are carried over from `previous`, the plan's memo before the
/// edit. A target whose links may now answer differently (a file it links to is
/// gone, an `@/` page it names came or went), and one whose pages had problems (to
/// report them again), is rendered all the same. Returns the memo, how many pages were
/// rendered and their problems.
pub fn render_plan_edit(
    cx: &RenderContext,
    keys: &Keys,
    p: usize,
    sink: &dyn Sink,
    previous: Option<&PlanMemo>,
    unchanged: &[bool],
) -> (PlanMemo, usize, Vec<Diagnostic>) {
    let plan = plan_at(cx.site, p);
    let exists = |path: &str| cx.prepared.page_paths.contains(path);
    let none = TargetLinks::default();
    let kept: BTreeSet<usize> = match previous {
        None => BTreeSet::new(),
        Some(memo) => (0..plan.targets.len())
            .filter(|&t| unchanged.get(t) == Some(&true))
            .filter(|&t| {
                let links = memo
                    .targets
                    .get(plan.targets[t].id.as_str())
                    .unwrap_or(&none);
                !links.problems
                    && links.needs.iter().all(|f| sink.has(f))
                    && links.asked.iter().all(|(page, was)| exists(page) == *was)
            })
            .collect(),
    };
    let pages: Vec<Page> = plan_pages(cx, p)
        .into_iter()
        .filter(|page| !matches!(page, Page::Target(_, _, t) if kept.contains(t)))
        .collect();
    let (mut memo, problems) = render_plan(cx, keys, p, &pages, sink);
    let Some(previous) = previous else {
        return (memo, pages.len(), problems);
    };
    // One pass over the previous files, each placed by its target folder: a plan of
    // hundreds of targets keeps most of them.
    let kept_ids: BTreeSet<&str> = kept.iter().map(|&t| plan.targets[t].id.as_str()).collect();
    memo.files.extend(
        previous
            .files
            .iter()
            .filter(|f| target_of(&f.path, plan.id.as_str()).is_some_and(|t| kept_ids.contains(t)))
            .cloned(),
    );
    for &t in &kept {
        let id = plan.targets[t].id.as_str();
        if let Some(links) = previous.targets.get(id) {
            memo.needs.extend(links.needs.iter().cloned());
            memo.asked.extend(links.asked.iter().cloned());
            memo.targets.insert(id.to_string(), links.clone());
        }
    }
    memo.files.sort_by(|a, b| a.path.cmp(&b.path));
    memo.asked.sort();
    memo.asked.dedup();
    (memo, pages.len(), problems)
}

/// The target whose folder holds the file at `path`, if it lies in one of plan
/// `plan`'s target folders (`<lang>/plans/<plan>/<target>/…`).
fn target_of<'p>(path: &'p str, plan: &str) -> Option<&'p str> {
    let (_, rest) = path.split_once('/')?;
    let rest = rest.strip_prefix("plans/")?.strip_prefix(plan)?;
    let (target, _) = rest.strip_prefix('/')?.split_once('/')?;
    Some(target)
}

/// Renders `pages`, of plan `p`, with a context for each target's pages and one for
/// the plan's own, so the links and `@/` pages each target's commentary names are
/// known target by target. Returns the plan's memo, which lists every file written
/// whatever the problems, and the problems (the links are handed to the site's
/// context for the final check).
fn render_plan(
    cx: &RenderContext,
    keys: &Keys,
    p: usize,
    pages: &[Page],
    sink: &dyn Sink,
) -> (PlanMemo, Vec<Diagnostic>) {
    let plan = plan_at(cx.site, p);
    let mut groups: BTreeMap<Option<usize>, Vec<&Page>> = BTreeMap::new();
    for page in pages {
        let target = match page {
            Page::Target(_, _, t) => Some(*t),
            _ => None,
        };
        groups.entry(target).or_default().push(page);
    }
    let groups: Vec<(Option<usize>, Vec<&Page>)> = groups.into_iter().collect();
    let recording = Recording::new(sink);
    let rendered: Vec<_> = groups
        .par_iter()
        .map(|(target, pages)| {
            let pcx = RenderContext::with(cx.site, cx.theme, cx.prepared.clone());
            let problems: Vec<Diagnostic> = pages
                .iter()
                .flat_map(|page| pages::render_page(&pcx, page, &recording))
                .collect();
            (*target, pcx.take_links(), pcx.take_asked(), problems)
        })
        .collect();
    let mut problems = Vec::new();
    let mut memo = PlanMemo {
        key: keys.plans.get(p).copied().unwrap_or(keys.global),
        files: Vec::new(),
        needs: Vec::new(),
        asked: Vec::new(),
        targets: BTreeMap::new(),
    };
    for (target, links, asked, found) in rendered {
        let needs: Vec<String> = links.iter().map(|l| l.file.clone()).collect();
        if let Some(t) = target
            && (!needs.is_empty() || !asked.is_empty() || !found.is_empty())
        {
            let links = TargetLinks {
                needs: needs.clone(),
                asked: asked.clone(),
                problems: !found.is_empty(),
            };
            memo.targets.insert(plan.targets[t].id.to_string(), links);
        }
        problems.extend(found);
        memo.needs.extend(needs);
        memo.asked.extend(asked);
        cx.add_links(links);
    }
    memo.asked.sort();
    memo.asked.dedup();
    memo.files = recording.into_files();
    (memo, problems)
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
