//! The pages of a site and the typed context each page kind is rendered with.

use std::collections::HashSet;

use serde::Serialize;
use tera::Context;

use super::charts::{self, Chart};
use super::views::{PlanCard, SourceView, TargetDetail, TargetRow, ViewCtx};
use super::{RenderContext, links, render_commentary};
use crate::content::Site;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::output::Sink;

/// One page to render.
#[derive(Debug, Clone)]
pub enum Page {
    /// `index.html` at the site root: leads to the default language without script.
    Root,
    Home(Lang),
    Plan(Lang, usize),
    Target(Lang, usize, usize),
}

impl Page {
    /// The page's site path.
    pub fn path(&self, site: &Site) -> String {
        match *self {
            Page::Root => String::new(),
            Page::Home(lang) => links::home(lang),
            Page::Plan(lang, p) => links::plan(lang, &plan_at(site, p).id),
            Page::Target(lang, p, t) => {
                let plan = plan_at(site, p);
                links::target(lang, &plan.id, &plan.targets[t].id)
            }
        }
    }
}

fn plan_at(site: &Site, index: usize) -> &crate::content::Plan {
    site.plans
        .iter()
        .nth(index)
        .expect("page built from an existing plan")
}

/// Every page of the site, in a fixed order.
pub fn all_pages(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Root];
    for lang in Lang::ALL {
        pages.push(Page::Home(lang));
        for (p, plan) in site.plans.iter().enumerate() {
            pages.push(Page::Plan(lang, p));
            pages.extend((0..plan.targets.len()).map(|t| Page::Target(lang, p, t)));
        }
    }
    pages
}

/// Site paths of the pages an `@/` link may point to, without the language segment.
pub fn page_paths(site: &Site) -> HashSet<String> {
    let mut paths = HashSet::new();
    paths.insert(String::new());
    for plan in site.plans.iter() {
        paths.insert(format!("plans/{}/", plan.id));
        for t in &plan.targets {
            paths.insert(format!("plans/{}/{}/", plan.id, t.id));
        }
    }
    paths
}

/// What every page's template sees about the page itself.
#[derive(Debug, Serialize)]
pub struct PageMeta {
    /// The page kind, for `<body class>` and templates shared between kinds.
    pub kind: &'static str,
    pub path: String,
    /// Relative path back to the site root; prefix every link with it.
    pub root: String,
    pub title: String,
    pub description: String,
    pub canonical: String,
    /// The same page in the other language, from the root.
    pub twin_href: String,
    pub twin_canonical: String,
    pub breadcrumbs: Vec<Crumb>,
}

#[derive(Debug, Serialize)]
pub struct Crumb {
    pub title: String,
    pub href: String,
}

impl PageMeta {
    fn new(
        cx: &RenderContext,
        lang: Lang,
        kind: &'static str,
        path: String,
        title: String,
        description: String,
        breadcrumbs: Vec<Crumb>,
    ) -> PageMeta {
        let twin = links::twin(&path, lang);
        let base = &cx.site.config.base_url;
        PageMeta {
            kind,
            root: links::root_of(&path),
            canonical: base.join(&path),
            twin_href: links::href(&twin),
            twin_canonical: base.join(&twin),
            path,
            title,
            description,
            breadcrumbs,
        }
    }
}

#[derive(Serialize)]
struct RootPage {
    default_href: String,
    languages: Vec<LanguageLink>,
}

#[derive(Serialize)]
struct LanguageLink {
    href: String,
    html_lang: &'static str,
    label: &'static str,
}

#[derive(Serialize)]
struct HomePage {
    page: PageMeta,
    plans: Vec<PlanCard>,
    commentary: Option<String>,
    stats: Stats,
}

#[derive(Serialize)]
struct Stats {
    plans: usize,
    targets: usize,
    chain_targets: usize,
}

#[derive(Serialize)]
struct PlanPage {
    page: PageMeta,
    plan: PlanCard,
    record: SourceView,
    commentary: Option<String>,
    targets: Vec<TargetRow>,
    chart: Option<Chart>,
}

#[derive(Serialize)]
struct TargetPage {
    page: PageMeta,
    plan: PlanCard,
    target: TargetDetail,
    commentary: Option<String>,
    chart: Option<Chart>,
    breakdown_chart: Option<Chart>,
}

/// Writes a chart's SVG and CSV next to the page at `page_path`.
fn write_chart_files(
    chart: &Chart,
    page_path: &str,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) {
    let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}", chart.svg);
    for (name, bytes) in [
        (&chart.svg_file, svg.as_bytes()),
        (&chart.csv_file, chart.csv.as_bytes()),
    ] {
        let file = format!("{page_path}{name}");
        if let Err(e) = sink.write(&file, bytes) {
            problems.push(Diagnostic::error(file, format!("cannot write: {e}")));
        }
    }
}

/// Renders one page into `sink`; returns the problems met (errors and warnings).
pub fn render_page(cx: &RenderContext, page: &Page, sink: &dyn Sink) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let path = page.path(cx.site);
    let built = match *page {
        Page::Root => root_page(cx).map(|c| (cx.site.config.default_language, "root.html", c)),
        Page::Home(lang) => {
            home_page(cx, lang, path.clone(), &mut problems).map(|c| (lang, "home.html", c))
        }
        Page::Plan(lang, p) => plan_page(cx, lang, p, path.clone(), sink, &mut problems)
            .map(|c| (lang, "plan.html", c)),
        Page::Target(lang, p, t) => target_page(cx, lang, p, t, path.clone(), sink, &mut problems)
            .map(|c| (lang, "target.html", c)),
    };
    let (lang, template, context) = match built {
        Ok(b) => b,
        Err(d) => {
            problems.push(d);
            return problems;
        }
    };
    let mut html = Vec::with_capacity(16 * 1024);
    if let Err(d) = cx.templates.render(lang, template, &context, &mut html) {
        problems.push(d);
        return problems;
    }
    let file = links::file_of(&path);
    if let Err(e) = sink.write(&file, &html) {
        problems.push(Diagnostic::error(file, format!("cannot write: {e}")));
    }
    problems
}

fn context<T: Serialize>(value: &T) -> Result<Context, Diagnostic> {
    Context::from_serialize(value).map_err(|e| super::templates::template_error(&e))
}

fn view<'a>(cx: &RenderContext<'a>, lang: Lang) -> ViewCtx<'a> {
    ViewCtx {
        site: cx.site,
        lang,
        strings: cx.theme.strings.get(lang),
    }
}

fn home_crumb(cx: &RenderContext, lang: Lang) -> Crumb {
    Crumb {
        title: view(cx, lang).t("nav_home").to_string(),
        href: links::href(&links::home(lang)),
    }
}

fn root_page(cx: &RenderContext) -> Result<Context, Diagnostic> {
    let default = cx.site.config.default_language;
    let mut languages: Vec<LanguageLink> = Lang::ALL
        .iter()
        .map(|&l| LanguageLink {
            href: links::href(&links::home(l)),
            html_lang: l.html_tag(),
            label: match l {
                Lang::Zh => "中文",
                Lang::En => "English",
            },
        })
        .collect();
    languages.sort_by_key(|l| l.html_lang != default.html_tag());
    context(&RootPage {
        default_href: links::href(&links::home(default)),
        languages,
    })
}

fn home_page(
    cx: &RenderContext,
    lang: Lang,
    path: String,
    problems: &mut Vec<Diagnostic>,
) -> Result<Context, Diagnostic> {
    let v = view(cx, lang);
    let site = cx.site;
    let mut plans: Vec<PlanCard> = site.plans.iter().map(|p| PlanCard::new(v, p)).collect();
    // Newest first, as a portal lists documents.
    plans.sort_by(|a, b| b.issued_iso.cmp(&a.issued_iso).then(a.id.cmp(&b.id)));
    let commentary = site
        .home
        .get(lang)
        .as_ref()
        .map(|c| render_commentary(cx, c, &path, lang, problems));
    let description = site
        .home
        .get(lang)
        .as_ref()
        .and_then(|c| c.summary.clone())
        .unwrap_or_else(|| site.config.description.get(lang).clone());
    let stats = Stats {
        plans: site.plans.len(),
        targets: site.targets().count(),
        chain_targets: site.targets().filter(|(_, t)| t.chain().is_some()).count(),
    };
    let page = PageMeta::new(
        cx,
        lang,
        "home",
        path,
        site.config.title.get(lang).clone(),
        description,
        Vec::new(),
    );
    context(&HomePage {
        page,
        plans,
        commentary,
        stats,
    })
}

fn plan_page(
    cx: &RenderContext,
    lang: Lang,
    index: usize,
    path: String,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) -> Result<Context, Diagnostic> {
    let v = view(cx, lang);
    let plan = plan_at(cx.site, index);
    let card = PlanCard::new(v, plan);
    let commentary = plan
        .commentary
        .get(lang)
        .as_ref()
        .map(|c| render_commentary(cx, c, &path, lang, problems));
    let description = card
        .summary
        .clone()
        .unwrap_or_else(|| format!("{} · {} · {}", card.title, card.issuer, card.horizon));
    let page = PageMeta::new(
        cx,
        lang,
        "plan",
        path,
        card.title.clone(),
        description,
        vec![home_crumb(cx, lang)],
    );
    let record = SourceView::new(
        v,
        &crate::content::SourceRef {
            record: plan.record.clone(),
            clause: None,
        },
    );
    let chart = charts::plan_chart(v, plan);
    if let Some(c) = &chart {
        write_chart_files(c, &page.path, sink, problems);
    }
    context(&PlanPage {
        page,
        record,
        commentary,
        targets: plan.targets.iter().map(|t| TargetRow::new(v, t)).collect(),
        plan: card,
        chart,
    })
}

fn target_page(
    cx: &RenderContext,
    lang: Lang,
    plan_index: usize,
    target_index: usize,
    path: String,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) -> Result<Context, Diagnostic> {
    let v = view(cx, lang);
    let plan = plan_at(cx.site, plan_index);
    let target = &plan.targets[target_index];
    let detail = TargetDetail::new(v, target);
    let card = PlanCard::new(v, plan);
    let commentary = target
        .commentary
        .get(lang)
        .as_ref()
        .map(|c| render_commentary(cx, c, &path, lang, problems));
    let description = target
        .commentary
        .get(lang)
        .as_ref()
        .and_then(|c| c.summary.clone())
        .unwrap_or_else(|| {
            format!(
                "{}: {} ({}) · {}",
                detail.row.name, detail.row.value, detail.row.year, card.title
            )
        });
    let page = PageMeta::new(
        cx,
        lang,
        "target",
        path,
        detail.row.name.clone(),
        description,
        vec![
            home_crumb(cx, lang),
            Crumb {
                title: card.short_title.clone(),
                href: card.href.clone(),
            },
        ],
    );
    let chart = charts::target_chart(v, target);
    let breakdown_chart = charts::breakdown_chart(v, target);
    for c in chart.iter().chain(breakdown_chart.iter()) {
        write_chart_files(c, &page.path, sink, problems);
    }
    context(&TargetPage {
        page,
        plan: card,
        target: detail,
        commentary,
        chart,
        breakdown_chart,
    })
}
