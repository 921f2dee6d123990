//! The pages of a site and the typed context each page kind is rendered with.
//!
//! [`all_pages`] lists every page in a fixed order; [`render_page`] builds one page's
//! context (a struct per kind, never string keys) and renders its template.

mod all_targets;
mod listings;
mod plans;
mod regions;
mod special;

use serde::Serialize;
use tera::Context;

use super::charts::Chart;
use super::context::RenderContext;
use super::links;
pub use super::page_list::{Page, plan_at};
use super::views::ViewCtx;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::output::Sink;
use crate::vocab::{Date, Id};

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
    /// The date the page's information stands at: the latest date (issued or
    /// published) of the source records it draws on, as the language writes it, and
    /// as `YYYY-MM-DD` for `<time>`. Taken from the content, never the build clock, so
    /// the same content gives the same bytes.
    pub updated: Option<Updated>,
}

#[derive(Debug, Serialize)]
pub struct Updated {
    pub text: String,
    pub iso: String,
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
            updated: updated(cx, lang, cx.prepared.latest_record),
        }
    }

    /// Dates the page from the records `ids` (the page shows their information only).
    pub fn updated_from<'a>(
        &mut self,
        cx: &RenderContext,
        lang: Lang,
        ids: impl Iterator<Item = &'a Id>,
    ) {
        self.updated = updated(cx, lang, super::context::latest_record(cx.site, ids));
    }
}

fn updated(cx: &RenderContext, lang: Lang, date: Option<Date>) -> Option<Updated> {
    date.map(|d| Updated {
        text: cx.view(lang).date(d),
        iso: d.to_string(),
    })
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
        AllTargets(l) => all_targets::page(&mut out, l).map(|c| ("targets.html", c)),
        Home(l) => plans::home(&mut out, l).map(|c| ("home.html", c)),
        Plans(l) => plans::plans_index(&mut out, l).map(|c| ("plans.html", c)),
        Plan(l, p) => plans::plan(&mut out, l, p).map(|c| ("plan.html", c)),
        Target(l, p, t) => plans::target(&mut out, l, p, t).map(|c| ("target.html", c)),
        Chains(l) => listings::chains(&mut out, l).map(|c| ("index_list.html", c)),
        Topics(l) => listings::topics(&mut out, l).map(|c| ("index_list.html", c)),
        Regions(l) => regions::regions(&mut out, l).map(|c| ("index_list.html", c)),
        Units(l) => listings::units(&mut out, l).map(|c| ("index_list.html", c)),
        Years(l) => listings::years(&mut out, l).map(|c| ("index_list.html", c)),
        Chain(l, i) => listings::chain(&mut out, l, i).map(|c| ("listing.html", c)),
        Topic(l, i) => listings::topic(&mut out, l, i).map(|c| ("listing.html", c)),
        Region(l, i) => regions::region(&mut out, l, i).map(|c| ("listing.html", c)),
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
        ViewCtx::of(self.cx.site, self.cx.index(), self.cx.theme, lang)
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

    /// Writes a chart's two drawings next to the page (its data travels in the page
    /// itself).
    pub fn write_chart_files(&mut self, chart: &Chart) {
        for d in [&chart.wide, &chart.narrow] {
            let file = format!("{}{}", self.path, d.file);
            if let Err(e) = self.sink.write(&file, d.svg.as_bytes()) {
                self.problems
                    .push(Diagnostic::error(file, format!("cannot write: {e}")));
            }
        }
    }

    /// Renders a commentary for this page.
    pub fn commentary(
        &mut self,
        c: Option<&crate::content::Commentary>,
        lang: Lang,
    ) -> Option<String> {
        c.map(|c| super::context::render_commentary(self.cx, c, self.path, lang, self.problems))
    }
}

/// Serializes a page's context.
pub fn context<T: Serialize>(value: &T) -> Result<Context, Diagnostic> {
    Context::from_serialize(value).map_err(|e| super::templates::template_error(&e))
}
