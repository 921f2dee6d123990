//! The home page, the plan list, plan pages and target pages.

use serde::Serialize;
use tera::Context;

use super::{Crumb, MetaSpec, PageMeta, PageOut, context, plan_at};
use crate::derive::TargetRef;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::render::charts::{self, Chart};
use crate::render::links;
use crate::render::views::{Citation, Disclosure, PlanCard, TargetDetail};

#[derive(Serialize)]
struct HomePage {
    page: PageMeta,
    /// Plan cards, newest first (see `PlanCard`).
    plans: Vec<tera::Value>,
    commentary: Option<String>,
    stats: Stats,
    chains: Vec<Entry>,
}

#[derive(Serialize)]
struct Stats {
    plans: usize,
    targets: usize,
    chain_targets: usize,
    with_outcomes: usize,
}

/// A registry entry in a list: name, page, number of targets.
#[derive(Serialize)]
pub struct Entry {
    pub name: String,
    pub href: String,
    pub count: usize,
    /// The count as the language says it ("1 target", "3 个目标").
    pub count_text: String,
    pub note: Option<String>,
    pub depth: usize,
}

#[derive(Serialize)]
struct PlansPage {
    page: PageMeta,
    plans: Vec<tera::Value>,
}

#[derive(Serialize)]
struct PlanPage {
    page: PageMeta,
    plan: PlanCard,
    /// The document's disclosure metadata; `None` only when the record is missing,
    /// which loading rules out.
    disclosure: Option<Disclosure>,
    commentary: Option<String>,
    /// Target rows (see `TargetRow`).
    targets: Vec<tera::Value>,
    chart: Option<Chart>,
}

#[derive(Serialize)]
struct TargetPage {
    page: PageMeta,
    /// The plan's card (see `PlanCard`).
    plan: tera::Value,
    target: TargetDetail,
    commentary: Option<String>,
    chart: Option<Chart>,
    breakdown_chart: Option<Chart>,
    citation: Citation,
}

/// Plans newest first, as a portal lists documents.
fn plan_cards(out: &PageOut, lang: Lang) -> Vec<tera::Value> {
    let site = out.cx.site;
    let mut order: Vec<(Option<crate::content::Date>, &crate::content::Id, usize)> = site
        .plans
        .iter()
        .enumerate()
        .map(|(i, p)| (site.records.get(&p.record).map(|r| r.issued), &p.id, i))
        .collect();
    order.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    order
        .into_iter()
        .map(|(_, _, i)| out.cx.card(lang, i))
        .collect()
}

pub fn home(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let site = out.cx.site;
    let index = out.cx.index();
    let commentary = out.commentary(site.home.get(lang).as_ref(), lang);
    let v = out.view(lang);
    let description = site
        .home
        .get(lang)
        .as_ref()
        .and_then(|c| c.summary.clone())
        .unwrap_or_else(|| site.config.description.get(lang).clone());
    let chains = site
        .chains
        .iter()
        .filter_map(|c| {
            let count = index.by_chain.get(&c.id).map_or(0, Vec::len);
            (count > 0).then(|| Entry {
                name: v.text(&c.name).to_string(),
                href: links::href(&links::chain(lang, &c.id)),
                count,
                count_text: v.targets_count(count),
                note: None,
                depth: 0,
            })
        })
        .collect();
    let stats = Stats {
        plans: site.plans.len(),
        targets: site.targets().count(),
        chain_targets: site.targets().filter(|(_, t)| t.chain().is_some()).count(),
        with_outcomes: site
            .targets()
            .filter(|(_, t)| !t.actuals.is_empty())
            .count(),
    };
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "home",
            section: "home",
            title: site.config.title.get(lang).clone(),
            description,
            breadcrumbs: Vec::new(),
        },
    );
    context(&HomePage {
        page,
        plans: plan_cards(out, lang),
        commentary,
        stats,
        chains,
    })
}

pub fn plans_index(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let page = out.meta(
        lang,
        MetaSpec {
            kind: "plans",
            section: "plans",
            title: v.t("nav_plans").to_string(),
            description: v.t("plans_description").to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    context(&PlansPage {
        page,
        plans: plan_cards(out, lang),
    })
}

pub fn plan(out: &mut PageOut, lang: Lang, index: usize) -> Result<Context, Diagnostic> {
    let plan = plan_at(out.cx.site, index);
    let commentary = out.commentary(plan.commentary.get(lang).as_ref(), lang);
    let v = out.view(lang);
    let card = PlanCard::new(v, plan);
    let description = card
        .summary
        .clone()
        .unwrap_or_else(|| format!("{} · {} · {}", card.title, card.issuer.name, card.horizon));
    let mut page = out.meta(
        lang,
        MetaSpec {
            kind: "plan",
            section: "plans",
            title: card.title.clone(),
            description,
            breadcrumbs: out.crumbs(lang, Some(("nav_plans", links::plans(lang)))),
        },
    );
    let sources = std::iter::once(&plan.record).chain(plan.targets.iter().flat_map(|t| {
        std::iter::once(&t.source.record).chain(t.actuals.iter().map(|a| &a.source.record))
    }));
    page.updated_from(out.cx, lang, sources);
    let disclosure = v
        .site
        .records
        .get(&plan.record)
        .map(|r| Disclosure::new(v, r));
    let chart = charts::plan_chart(v, plan, &page.canonical);
    let root = links::root_of(out.path);
    let targets = (0..plan.targets.len())
        .map(|t| {
            let r = TargetRef {
                plan: index,
                target: t,
            };
            out.cx.row(lang, r, &root, false)
        })
        .collect::<Result<Vec<_>, _>>()?;
    if let Some(c) = &chart {
        out.write_chart_files(c);
    }
    context(&PlanPage {
        page,
        disclosure,
        commentary,
        targets,
        plan: card,
        chart,
    })
}

pub fn target(
    out: &mut PageOut,
    lang: Lang,
    plan_index: usize,
    target_index: usize,
) -> Result<Context, Diagnostic> {
    let plan = plan_at(out.cx.site, plan_index);
    let target = &plan.targets[target_index];
    let commentary = out.commentary(target.commentary.get(lang).as_ref(), lang);
    let v = out.view(lang);
    let row = out.cx.row_fields(
        lang,
        TargetRef {
            plan: plan_index,
            target: target_index,
        },
    );
    let detail = TargetDetail::new(v, target, row);
    let name = v.text(&target.name).to_string();
    let plan_title = v.text(&plan.title);
    let plan_href = links::href(&links::plan(lang, &plan.id));
    let description = target
        .commentary
        .get(lang)
        .as_ref()
        .and_then(|c| c.summary.clone())
        .unwrap_or_else(|| {
            v.tf(
                "target_description",
                &[
                    ("name", &name),
                    ("value", &crate::render::views::value_text(lang, target)),
                    ("period", &crate::render::views::period_text(target, lang)),
                    ("plan", plan_title),
                ],
            )
        });
    let mut breadcrumbs = out.crumbs(lang, Some(("nav_plans", links::plans(lang))));
    breadcrumbs.push(Crumb {
        title: v.text(&plan.short_title).to_string(),
        href: plan_href,
    });
    let mut page = out.meta(
        lang,
        MetaSpec {
            kind: "target",
            section: "plans",
            title: name,
            description,
            breadcrumbs,
        },
    );
    let sources = std::iter::once(&target.source.record)
        .chain(target.actuals.iter().map(|a| &a.source.record));
    page.updated_from(out.cx, lang, sources);
    let citation = Citation::new(v, plan, target, &page.canonical);
    let chart = charts::target_chart(v, target, &page.canonical);
    let breakdown_chart = charts::breakdown_chart(v, target, &page.canonical);
    for c in chart.iter().chain(breakdown_chart.iter()) {
        out.write_chart_files(c);
    }
    context(&TargetPage {
        page,
        plan: out.cx.card(lang, plan_index),
        target: detail,
        commentary,
        chart,
        breakdown_chart,
        citation,
    })
}
