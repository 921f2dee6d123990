//! The pages of a site and the typed context each page kind is rendered with.
//!
//! [`all_pages`] lists every page in a fixed order; [`render_page`] builds one page's
//! context (a struct per kind, never string keys) and renders its template.

mod listings;
mod plans;
mod special;

use std::collections::HashSet;

use serde::Serialize;
use tera::Context;

use super::charts::Chart;
use super::views::ViewCtx;
use super::{RenderContext, links};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::output::Sink;

/// The UI strings the page builders look up (see `ui_keys`).
pub const KEYS: &[&str] = &[
    "data_description",
    "facts_assignments",
    "facts_part_of",
    "facts_plans",
    "facts_targets",
    "facts_targets_within",
    "intro_chains",
    "intro_regions",
    "intro_topics",
    "intro_units",
    "intro_years",
    "kind_chain",
    "kind_region",
    "kind_topic",
    "kind_unit",
    "kind_year",
    "language_self_name",
    "listing_chain_targets",
    "listing_region_parts",
    "listing_region_plans",
    "listing_region_targets",
    "listing_topic_targets",
    "listing_unit_lead",
    "listing_unit_plans",
    "listing_unit_responsible",
    "listing_year_targets",
    "nav_chains",
    "nav_data",
    "nav_home",
    "nav_plans",
    "nav_progress",
    "nav_regions",
    "nav_search",
    "nav_topics",
    "nav_units",
    "nav_years",
    "not_found_text",
    "not_found_title",
    "plan_targets_count",
    "plans_description",
    "progress_description",
    "search_description",
    "target_region",
    "units_no_region",
];

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
            Plans(l) => links::plans(l),
            Plan(l, p) => links::plan(l, &plan_at(site, p).id),
            Target(l, p, t) => {
                let plan = plan_at(site, p);
                links::target(l, &plan.id, &plan.targets[t].id)
            }
            Chains(l) => links::chains(l),
            Chain(l, i) => links::chain(l, &nth(site.chains.iter(), i).id),
            Topics(l) => links::topics(l),
            Topic(l, i) => links::topic(l, &nth(site.topics.iter(), i).id),
            Regions(l) => links::regions(l),
            Region(l, i) => links::region(l, &nth(site.regions.iter(), i).id),
            Units(l) => links::units(l),
            Unit(l, i) => links::unit(l, &nth(site.units.iter(), i).id),
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

    /// Returns true if and only if the page belongs in the sitemap and search engines'
    /// view (not the redirect and the error pages).
    pub fn is_listed(&self) -> bool {
        !matches!(self, Page::Root | Page::RootNotFound | Page::NotFound(_))
    }
}

fn nth<T>(mut iter: impl Iterator<Item = T>, i: usize) -> T {
    iter.nth(i)
        .expect("page built from an existing registry entry")
}

pub(crate) fn plan_at(site: &Site, index: usize) -> &crate::content::Plan {
    nth(site.plans.iter(), index)
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

/// What every page's template sees about the page itself.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// The page kind, for `data-page` and templates shared between kinds.
    pub kind: &'static str,
    pub path: String,
    /// The path back to the site root; prefix every link with it.
    pub root: String,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// The same page in the other language, from the root.
    pub twin_href: String,
    pub twin_canonical: String,
    pub breadcrumbs: Vec<Crumb>,
    /// The navigation entry to mark as current.
    pub section: &'static str,
    /// False for pages search engines should not index (404).
    pub listed: bool,
}

#[derive(Debug, Serialize)]
pub struct Crumb {
    pub title: String,
    pub href: String,
}

/// The parts of [`PageMeta`] a page builder chooses.
pub struct MetaSpec {
    pub kind: &'static str,
    pub section: &'static str,
    pub title: String,
    pub description: String,
    pub breadcrumbs: Vec<Crumb>,
}

impl PageMeta {
    pub fn new(cx: &RenderContext, lang: Lang, path: String, spec: MetaSpec) -> PageMeta {
        let twin = links::twin(&path, lang);
        let base = &cx.site.config.base_url;
        let canonical_path = path.strip_suffix("index.html").unwrap_or(&path).to_string();
        let twin_canonical = twin.strip_suffix("index.html").unwrap_or(&twin).to_string();
        let root = page_root(cx, &path);
        PageMeta {
            kind: spec.kind,
            root,
            canonical: base.join(&canonical_path),
            twin_href: links::href(&twin),
            twin_canonical: base.join(&twin_canonical),
            path,
            title: spec.title,
            description: spec.description,
            breadcrumbs: spec.breadcrumbs,
            section: spec.section,
            listed: !spec.kind.starts_with("not_found"),
        }
    }
}

/// The path from the page at `path` back to the site root. Error pages are served
/// at any address, so their links start from the site's base path instead.
fn page_root(cx: &RenderContext, path: &str) -> String {
    if path.ends_with("404.html") {
        cx.site.config.base_url.path().to_string()
    } else {
        links::root_of(path)
    }
}

/// Renders one page into `sink`; returns the problems met (errors and warnings).
pub fn render_page(cx: &RenderContext, page: &Page, sink: &dyn Sink) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let path = page.path(cx.site);
    let lang = page.lang(cx.site);
    let mut out = PageOut {
        cx,
        path: &path,
        sink,
        problems: &mut problems,
    };
    use Page::*;
    let built = match *page {
        Root => special::root(&mut out).map(|c| ("root.html", c)),
        RootNotFound | NotFound(_) => special::not_found(&mut out, lang).map(|c| ("404.html", c)),
        Search(l) => special::search(&mut out, l).map(|c| ("search.html", c)),
        DataDocs(l) => special::data_docs(&mut out, l).map(|c| ("data.html", c)),
        Progress(l) => special::progress(&mut out, l).map(|c| ("progress.html", c)),
        Home(l) => plans::home(&mut out, l).map(|c| ("home.html", c)),
        Plans(l) => plans::plans_index(&mut out, l).map(|c| ("plans.html", c)),
        Plan(l, p) => plans::plan(&mut out, l, p).map(|c| ("plan.html", c)),
        Target(l, p, t) => plans::target(&mut out, l, p, t).map(|c| ("target.html", c)),
        Chains(l) => listings::chains(&mut out, l).map(|c| ("index_list.html", c)),
        Topics(l) => listings::topics(&mut out, l).map(|c| ("index_list.html", c)),
        Regions(l) => listings::regions(&mut out, l).map(|c| ("index_list.html", c)),
        Units(l) => listings::units(&mut out, l).map(|c| ("index_list.html", c)),
        Years(l) => listings::years(&mut out, l).map(|c| ("index_list.html", c)),
        Chain(l, i) => listings::chain(&mut out, l, i).map(|c| ("listing.html", c)),
        Topic(l, i) => listings::topic(&mut out, l, i).map(|c| ("listing.html", c)),
        Region(l, i) => listings::region(&mut out, l, i).map(|c| ("listing.html", c)),
        Unit(l, i) => listings::unit(&mut out, l, i).map(|c| ("listing.html", c)),
        Year(l, y) => listings::year(&mut out, l, y).map(|c| ("listing.html", c)),
    };
    let (template, context) = match built {
        Ok(b) => b,
        Err(d) => {
            problems.push(d);
            return problems;
        }
    };
    let mut html = Vec::with_capacity(16 * 1024);
    if let Err(d) = cx
        .prepared
        .templates
        .render(lang, template, &context, &mut html)
    {
        problems.push(d);
        return problems;
    }
    let file = links::file_of(&path);
    if let Err(e) = sink.write(&file, &html) {
        problems.push(Diagnostic::error(file, format!("cannot write: {e}")));
    }
    problems
}

/// Where a page builder writes its side files and reports its problems.
pub struct PageOut<'a, 'b> {
    pub cx: &'a RenderContext<'a>,
    pub path: &'b str,
    pub sink: &'b dyn Sink,
    pub problems: &'b mut Vec<Diagnostic>,
}

impl<'a> PageOut<'a, '_> {
    pub fn view(&self, lang: Lang) -> ViewCtx<'a> {
        ViewCtx {
            site: self.cx.site,
            index: self.cx.index(),
            lang,
            strings: self.cx.theme.strings.get(lang),
        }
    }

    pub fn meta(&self, lang: Lang, spec: MetaSpec) -> PageMeta {
        PageMeta::new(self.cx, lang, self.path.to_string(), spec)
    }

    /// The "home" breadcrumb, and optionally the section index after it.
    pub fn crumbs(&self, lang: Lang, section: Option<(&str, String)>) -> Vec<Crumb> {
        let v = self.view(lang);
        let mut crumbs = vec![Crumb {
            title: v.t("nav_home").to_string(),
            href: links::href(&links::home(lang)),
        }];
        if let Some((key, path)) = section {
            crumbs.push(Crumb {
                title: v.t(key).to_string(),
                href: links::href(&path),
            });
        }
        crumbs
    }

    /// Writes a chart's SVG next to the page (its data travels in the page itself).
    pub fn write_chart_files(&mut self, chart: &Chart) {
        let file = format!("{}{}", self.path, chart.svg_file);
        if let Err(e) = self.sink.write(&file, chart.svg.as_bytes()) {
            self.problems
                .push(Diagnostic::error(file, format!("cannot write: {e}")));
        }
    }

    /// Renders a commentary for this page.
    pub fn commentary(
        &mut self,
        c: Option<&crate::content::Commentary>,
        lang: Lang,
    ) -> Option<String> {
        c.map(|c| super::render_commentary(self.cx, c, self.path, lang, self.problems))
    }
}

/// Serializes a page's context.
pub fn context<T: Serialize>(value: &T) -> Result<Context, Diagnostic> {
    Context::from_serialize(value).map_err(|e| super::templates::template_error(&e))
}
