//! Rendering after an edit inside one plan, for `serve`: the plan's own pages, the
//! listing pages that show it (before or after the edit), the pages about every plan,
//! and the data files, which are brought up to date plan by plan ([`Live`]) instead of
//! made again from every target. The other plans' files stay as they are.
//!
//! What this writes is what a full build writes for the same site; only the files it
//! leaves alone are taken on trust, and they depend on nothing the edit changed: a
//! listing page shows only the plans whose targets it lists, and the edited plan is
//! re-rendered on every page that lists it before or after.

use std::collections::BTreeSet;

use super::context::RenderContext;
use super::data::{LiveOpenData, OpenData};
use super::memo::{Keys, Memo};
use super::page_list::{Page, plan_at};
use super::search::LiveIndex;
use super::{RenderStats, Rendered, feeds, incremental, links, render_pages};
use crate::content::{Id, Site};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::{Lang, Localized};
use crate::output::Sink;

/// What `serve` keeps between edits besides the prepared context: the search index of
/// each language and the open data, each made of one part per plan.
pub struct Live {
    search: Localized<LiveIndex>,
    open: LiveOpenData,
}

impl Live {
    pub fn new(cx: &RenderContext) -> Live {
        Live {
            search: Localized::from_fn(|lang| LiveIndex::new(cx.view(lang)).0),
            open: LiveOpenData::new(cx.site, cx.index()),
        }
    }
}

/// The registry entries and years whose pages show a target or a plan's card: the
/// target's chain or topic; the regions it is set for, those its breakdown shares
/// among and those of the bodies it names, each with the regions around them; the
/// bodies; the years.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dependents {
    chains: BTreeSet<Id>,
    topics: BTreeSet<Id>,
    regions: BTreeSet<Id>,
    units: BTreeSet<Id>,
    years: BTreeSet<u16>,
}

impl Dependents {
    /// The pages that list target `t` of `site`.
    fn of_target(site: &Site, t: &crate::content::Target) -> Dependents {
        let mut d = Dependents::default();
        match &t.subject {
            crate::content::Subject::Chain(id) => d.chains.insert(id.clone()),
            crate::content::Subject::Topic(id) => d.topics.insert(id.clone()),
        };
        let mut regions: Vec<&Id> = vec![&t.region];
        for part in t.breakdown.iter().flat_map(|b| &b.parts) {
            if let crate::content::PartKey::Region(id) = &part.key {
                regions.push(id);
            }
        }
        for unit in t.lead.iter().chain(&t.responsible) {
            if let Some(home) = site.units.get(unit).and_then(|u| u.region.as_ref()) {
                regions.push(home);
            }
            d.units.insert(unit.clone());
        }
        d.years.extend(t.years());
        d.add_regions(site, regions);
        d
    }

    /// The pages that list plan `p`'s card: its regions, its issuer, its years.
    fn of_card(site: &Site, p: usize) -> Dependents {
        let plan = plan_at(site, p);
        let mut d = Dependents::default();
        d.units.insert(plan.issuer.clone());
        d.years.extend(plan.horizon.start..=plan.horizon.end);
        d.add_regions(site, vec![&plan.region]);
        d
    }

    /// `regions` and every region around them.
    fn add_regions(&mut self, site: &Site, regions: Vec<&Id>) {
        for region in regions {
            let mut current = Some(region.clone());
            // Up the tree to the top, once each (a cycle is refused on load).
            while let Some(id) = current.take() {
                if !self.regions.insert(id.clone()) {
                    break;
                }
                current = site.regions.get(&id).and_then(|r| r.parent.clone());
            }
        }
    }

    /// Both sets of pages: what showed the plan before an edit and what shows it after.
    pub fn union(mut self, other: Dependents) -> Dependents {
        self.chains.extend(other.chains);
        self.topics.extend(other.topics);
        self.regions.extend(other.regions);
        self.units.extend(other.units);
        self.years.extend(other.years);
        self
    }

    /// The pages to render after the edit: these entries' pages in both languages
    /// (those the site still has) and the pages about every plan.
    fn pages(&self, site: &Site, cx: &RenderContext) -> Vec<Page> {
        let years: BTreeSet<u16> = cx.index().by_year.keys().copied().collect();
        let mut pages = Vec::new();
        for lang in Lang::ALL {
            pages.extend([
                Page::Home(lang),
                Page::Plans(lang),
                Page::Progress(lang),
                Page::AllTargets(lang),
                Page::DataDocs(lang),
                Page::Chains(lang),
                Page::Topics(lang),
                Page::Regions(lang),
                Page::Units(lang),
                Page::Years(lang),
            ]);
            // The listing pages of the entries the edit touched, where the site has them.
            let mut listed = |ids: &BTreeSet<Id>,
                              position: &dyn Fn(&Id) -> Option<usize>,
                              page: fn(Lang, usize) -> Page| {
                pages.extend(ids.iter().filter_map(position).map(|i| page(lang, i)));
            };
            listed(&self.chains, &|id| site.chains.position(id), Page::Chain);
            listed(&self.topics, &|id| site.topics.position(id), Page::Topic);
            listed(&self.regions, &|id| site.regions.position(id), Page::Region);
            listed(&self.units, &|id| site.units.position(id), Page::Unit);
            pages.extend(
                self.years
                    .iter()
                    .filter(|y| years.contains(y))
                    .map(|y| Page::Year(lang, *y)),
            );
        }
        pages
    }
}

/// What a plan shows on other pages, taken before and after an edit to tell what
/// the edit changed: each target's fingerprint, rows and the pages listing it, and the
/// plan's card and the pages listing that.
pub struct PlanShown {
    targets: Vec<(super::memo::Key, Localized<tera::Value>, Dependents)>,
    card: Localized<Option<tera::Value>>,
    card_pages: Dependents,
    /// The fingerprint of the plan without its targets: what its target pages show of it.
    shell: super::memo::Key,
}

impl PlanShown {
    /// Plan `p` as `cx` shows it.
    pub fn of(site: &Site, prepared: &super::Prepared, p: usize) -> PlanShown {
        let plan = plan_at(site, p);
        let targets = plan
            .targets
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let rows = Localized::from_fn(|lang| {
                    prepared
                        .plan_rows(lang, p)
                        .get(i)
                        .cloned()
                        .unwrap_or_else(tera::Value::none)
                });
                (
                    super::memo::target_key(t),
                    rows,
                    Dependents::of_target(site, t),
                )
            })
            .collect();
        PlanShown {
            targets,
            card: Localized::from_fn(|lang| prepared.plan_card(lang, p).cloned()),
            card_pages: Dependents::of_card(site, p),
            shell: super::memo::plan_shell_key(plan),
        }
    }

    /// For each target after the edit (by position), whether its pages show what they
    /// showed before: the same target (its fingerprint covers its place, figures and
    /// commentary), the same rows, the same card and the same plan around it. A plan
    /// that gained or lost targets shows every target anew.
    pub fn unchanged(&self, after: &PlanShown) -> Vec<bool> {
        let same_plan = self.targets.len() == after.targets.len()
            && self.shell == after.shell
            && Lang::ALL
                .into_iter()
                .all(|l| self.card.get(l) == after.card.get(l));
        self.targets
            .iter()
            .zip(&after.targets)
            .map(|((k, rows, _), (k2, rows2, _))| {
                same_plan && k == k2 && Lang::ALL.into_iter().all(|l| rows.get(l) == rows2.get(l))
            })
            .collect()
    }

    /// The pages an edit from `self` to `after` changes, besides the plan's own and
    /// the pages about every plan: those listing a target whose fingerprint or row
    /// changed (where it was listed, and where it is), and those listing the card if
    /// it changed. A plan that gained or lost targets changes every page it is on.
    pub fn changed(self, after: PlanShown) -> Dependents {
        let mut d = Dependents::default();
        let same_count = self.targets.len() == after.targets.len();
        for (i, (key, rows, pages)) in self.targets.iter().enumerate() {
            let same = same_count
                && after.targets.get(i).is_some_and(|(k, r, _)| {
                    k == key && Lang::ALL.into_iter().all(|l| r.get(l) == rows.get(l))
                });
            if !same {
                d = d.union(pages.clone());
                if let Some((_, _, now)) = after.targets.get(i) {
                    d = d.union(now.clone());
                }
            }
        }
        for (_, _, now) in after.targets.iter().skip(self.targets.len()) {
            d = d.union(now.clone());
        }
        if Lang::ALL
            .into_iter()
            .any(|l| self.card.get(l) != after.card.get(l))
        {
            d = d.union(self.card_pages).union(after.card_pages);
        }
        d
    }
}

/// Renders what an edit of plan `p` alone changes into `sink`: the plan's pages, the
/// pages that list what changed (against `before`, the plan as it was shown), the
/// pages about every plan, and the data files from `live`. The other plans' files are left as the
/// `previous` render made them.
pub fn render_plan_edit(
    cx: &RenderContext,
    sink: &dyn Sink,
    keys: &Keys,
    previous: &Memo,
    live: &mut Live,
    p: usize,
    before: PlanShown,
) -> Result<Rendered, Diagnostics> {
    let after = PlanShown::of(cx.site, &cx.prepared, p);
    let unchanged = before.unchanged(&after);
    let shared = before.changed(after).pages(cx.site, cx);
    let was = previous.plans.get(plan_at(cx.site, p).id.as_str());
    let recording = incremental::Recording::new(sink);
    let ((plan, mut diagnostics), data) = rayon::join(
        || {
            rayon::join(
                || incremental::render_plan_edit(cx, keys, p, sink, was, &unchanged),
                || render_pages(cx, &shared, &recording),
            )
        },
        || data_files(cx, live, p, &recording),
    );
    diagnostics.extend(data);
    let mut memo = previous.clone();
    // The plan's memo lists the files its pages wrote even when they had problems:
    // the next edit tells from it which files are gone. (Errors fail the edit, and
    // the next one builds everything.)
    let (plan_memo, rendered, problems) = plan;
    diagnostics.extend(problems);
    let pages_rendered = shared.len() + rendered;
    let plan_rendered = Some((rendered, incremental::plan_pages(cx, p).len()));
    memo.plans
        .insert(plan_at(cx.site, p).id.as_str().to_string(), plan_memo);
    diagnostics.extend(cx.broken_links(|f| sink.has(f)));
    diagnostics.sort();
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut shared_files: BTreeSet<String> = memo.shared_files.into_iter().collect();
    shared_files.extend(recording.into_files().into_iter().map(|k| k.path));
    memo.shared_files = shared_files.into_iter().collect();
    memo.global = Some(keys.global);
    Ok(Rendered {
        stats: RenderStats {
            pages: cx.pages().len(),
            files: 0,
            pages_rendered,
            plan_rendered,
        },
        warnings: diagnostics,
        memo,
    })
}

/// The data files after an edit of plan `p`: open data and search indexes from their
/// kept parts, the sitemap and the feeds made afresh (both are quick).
fn data_files(cx: &RenderContext, live: &mut Live, p: usize, sink: &dyn Sink) -> Diagnostics {
    let (site, index) = (cx.site, cx.index());
    let mut problems = Diagnostics::new();
    let mut write = |path: &str, text: &str| {
        if let Err(e) = sink.write(path, text.as_bytes()) {
            problems.push(Diagnostic::error(path, format!("cannot write: {e}")));
        }
    };
    if !live.open.update_plan(site, index, p) {
        live.open = LiveOpenData::new(site, index);
    }
    let OpenData { csv, json } = live.open.files(site);
    write(links::TARGETS_CSV, &csv);
    write(links::TARGETS_JSON, &json);
    let pages = cx.pages();
    let listed = pages
        .iter()
        .filter(|p| p.is_listed())
        .map(|p| (p.path(site), p.lang(site)));
    feeds::sitemaps(site, listed, |path, text| write(path, &text));
    for lang in Lang::ALL {
        let v = cx.view(lang);
        let index = live.search.get_mut(lang);
        let files = index.update_plan(v, p).unwrap_or_else(|| {
            let (fresh, files) = LiveIndex::new(v);
            *index = fresh;
            files
        });
        for (path, text) in files {
            write(&path, &text);
        }
        write(&links::feed(lang), &feeds::feed(v));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::test_site::starter;

    /// A target's pages count as unchanged only while the target, its rows, the plan's
    /// card and the rest of the plan (its shell) all are: a change to any one of them
    /// renders the target again, and a change to the shell renders every target.
    #[test]
    fn a_target_is_unchanged_only_with_its_rows_card_and_plan_around_it() {
        let s = starter();
        let theme = s.theme();
        let prepared = super::super::Prepared::new(&s.site, &theme).unwrap();
        let shown = || PlanShown::of(&s.site, &prepared, 0);
        assert_eq!(shown().unchanged(&shown()), [true, true]);

        let mut after = shown();
        after.targets[1].0 = after.targets[0].0;
        assert_eq!(shown().unchanged(&after), [true, false]);

        let mut after = shown();
        after.targets[0].1 = Localized::from_fn(|_| tera::Value::none());
        assert_eq!(shown().unchanged(&after), [false, true]);

        let mut after = shown();
        let mut plan = s.site.plans.at(0).clone();
        plan.horizon.end += 1;
        after.shell = crate::render::memo::plan_shell_key(&plan);
        assert_ne!(after.shell, shown().shell);
        assert_eq!(shown().unchanged(&after), [false, false]);

        let mut after = shown();
        after.card = Localized::from_fn(|_| None);
        assert_eq!(shown().unchanged(&after), [false, false]);

        let mut after = shown();
        after.targets.pop();
        assert_eq!(shown().unchanged(&after), [false]);
    }
}
