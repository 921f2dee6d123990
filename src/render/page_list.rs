//! Every page of a site as a [`Page`] value, its address and its language. Pure
//! functions of the site and its indexes, so the context, the page builders and the
//! data files can all list pages without depending on one another.

use std::collections::HashSet;

use super::links;
use crate::content::Site;
use crate::lang::Lang;

/// One page to render. Numbers are positions in the site's registries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// `index.html` at the site root: leads to the default language without script.
    Root,
    /// `404.html` at the site root, for servers that show it for any missing address.
    RootNotFound,
    Home(Lang),
    NotFound(Lang),
    Search(Lang),
    DataDocs(Lang),
    Progress(Lang),
    /// Every target of the site in one table, to sort and filter.
    AllTargets(Lang),
    Plans(Lang),
    Plan(Lang, usize),
    Target(Lang, usize, usize),
    Chains(Lang),
    Chain(Lang, usize),
    Topics(Lang),
    Topic(Lang, usize),
    Regions(Lang),
    Region(Lang, usize),
    Units(Lang),
    Unit(Lang, usize),
    Years(Lang),
    Year(Lang, u16),
}

impl Page {
    /// The page's site path (a directory, or a file for 404 pages).
    pub fn path(&self, site: &Site) -> String {
        use Page::*;
        match *self {
            Root => String::new(),
            RootNotFound => "404.html".into(),
            Home(l) => links::home(l),
            NotFound(l) => format!("{}/404.html", l.code()),
            Search(l) => links::search(l),
            DataDocs(l) => links::data_docs(l),
            Progress(l) => links::progress(l),
            AllTargets(l) => links::all_targets(l),
            Plans(l) => links::plans(l),
            Plan(l, p) => links::plan(l, &plan_at(site, p).id),
            Target(l, p, t) => {
                let plan = plan_at(site, p);
                links::target(l, &plan.id, &plan.targets[t].id)
            }
            Chains(l) => links::chains(l),
            Chain(l, i) => links::chain(l, &site.chains.at(i).id),
            Topics(l) => links::topics(l),
            Topic(l, i) => links::topic(l, &site.topics.at(i).id),
            Regions(l) => links::regions(l),
            Region(l, i) => links::region(l, &site.regions.at(i).id),
            Units(l) => links::units(l),
            Unit(l, i) => links::unit(l, &site.units.at(i).id),
            Years(l) => links::years(l),
            Year(l, y) => links::year(l, y),
        }
    }

    /// The language of the page; root pages use the default language.
    pub fn lang(&self, site: &Site) -> Lang {
        use Page::*;
        match *self {
            Root | RootNotFound => site.config.default_language,
            Home(l)
            | NotFound(l)
            | Search(l)
            | DataDocs(l)
            | Progress(l)
            | AllTargets(l)
            | Plans(l)
            | Plan(l, _)
            | Target(l, _, _)
            | Chains(l)
            | Chain(l, _)
            | Topics(l)
            | Topic(l, _)
            | Regions(l)
            | Region(l, _)
            | Units(l)
            | Unit(l, _)
            | Years(l)
            | Year(l, _) => l,
        }
    }

    /// Whether the page shows one plan alone (the plan's page and its targets'): an
    /// incremental build keeps these when the plan did not change.
    pub fn is_plan_own(&self) -> bool {
        matches!(self, Page::Plan(..) | Page::Target(..))
    }

    /// Returns true if and only if the page belongs in the sitemap and search engines'
    /// view (not the redirect and the error pages).
    pub fn is_listed(&self) -> bool {
        !matches!(self, Page::Root | Page::RootNotFound | Page::NotFound(_))
    }
}

pub fn plan_at(site: &Site, index: usize) -> &crate::content::Plan {
    site.plans.at(index)
}

/// Every page of the site, in a fixed order.
pub fn all_pages(site: &Site, index: &crate::derive::Index) -> Vec<Page> {
    let mut pages = vec![Page::Root, Page::RootNotFound];
    for lang in Lang::ALL {
        pages.extend([
            Page::Home(lang),
            Page::NotFound(lang),
            Page::Search(lang),
            Page::DataDocs(lang),
            Page::Progress(lang),
            Page::AllTargets(lang),
            Page::Plans(lang),
            Page::Chains(lang),
            Page::Topics(lang),
            Page::Regions(lang),
            Page::Units(lang),
            Page::Years(lang),
        ]);
        for (p, plan) in site.plans.iter().enumerate() {
            pages.push(Page::Plan(lang, p));
            pages.extend((0..plan.targets.len()).map(|t| Page::Target(lang, p, t)));
        }
        pages.extend((0..site.chains.len()).map(|i| Page::Chain(lang, i)));
        pages.extend((0..site.topics.len()).map(|i| Page::Topic(lang, i)));
        pages.extend((0..site.regions.len()).map(|i| Page::Region(lang, i)));
        pages.extend((0..site.units.len()).map(|i| Page::Unit(lang, i)));
        pages.extend(index.by_year.keys().map(|y| Page::Year(lang, *y)));
    }
    pages
}

/// Site paths of the pages an `@/` link may point to, without the language segment.
pub fn page_paths(site: &Site, index: &crate::derive::Index) -> HashSet<String> {
    all_pages(site, index)
        .iter()
        .filter(|p| p.lang(site) == Lang::Zh && !matches!(p, Page::Root | Page::RootNotFound))
        .filter_map(|p| p.path(site).strip_prefix("zh/").map(str::to_string))
        .collect()
}
