//! Cross-plan views: a page per chain, topic, region, unit and target year, and the
//! index page of each kind.

use serde::Serialize;
use tera::Context;

use super::plans::Entry;
use super::{MetaSpec, PageMeta, PageOut, context, plan_at};
use crate::content::{Id, Plan, Target};
use crate::derive::{Role, TargetRef};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::render::charts::{self, Chart};
use crate::render::links;
use crate::render::views::ViewCtx;

/// A page listing targets of several plans.
#[derive(Serialize)]
struct ListingPage {
    page: PageMeta,
    /// What kind of thing the page is about ("Industry chain").
    kind_label: String,
    description: Option<String>,
    facts: Vec<Fact>,
    chart: Option<Chart>,
    /// The regions inside a region, with their numbers of targets.
    subregions: Subregions,
    sections: Vec<Section>,
}

/// A region's sub-regions: those with targets, shares or plans, and, folded away, the
/// number and names of those with none.
#[derive(Serialize, Default)]
pub(super) struct Subregions {
    pub active: Vec<Entry>,
    pub quiet: Vec<Entry>,
    /// "3 areas within have no targets yet."
    pub quiet_summary: String,
}

#[derive(Serialize)]
pub(super) struct Fact {
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

#[derive(Serialize, Default)]
pub(super) struct Section {
    pub id: &'static str,
    pub title: String,
    /// Plan cards (see `PlanCard`).
    pub plans: Vec<tera::Value>,
    /// Target rows (see `TargetRow`).
    pub rows: Vec<tera::Value>,
    pub parts: Vec<PartRow>,
    /// Registry entries with their counts (a region's bodies that work on targets set
    /// elsewhere), each linking to its own page.
    pub entries: Vec<Entry>,
}

/// A region's share of a target split among regions.
#[derive(Serialize)]
pub(super) struct PartRow {
    /// The target's row (see `TargetRow`).
    pub target: tera::Value,
    pub part: String,
    pub total: String,
}

/// An index page: entries, possibly in groups.
#[derive(Serialize)]
struct IndexPage {
    page: PageMeta,
    intro: String,
    groups: Vec<Group>,
}

#[derive(Serialize, Default)]
pub(super) struct Group {
    pub title: Option<String>,
    pub entries: Vec<Entry>,
    /// Entries with nothing to show, folded away under `folded_summary`.
    pub folded: Vec<Entry>,
    pub folded_summary: String,
}

pub(super) fn target_of(v: ViewCtx<'_>, r: TargetRef) -> (&Plan, &Target) {
    let plan = plan_at(v.site, r.plan);
    (plan, &plan.targets[r.target])
}

/// The rows of a table listing several plans' targets, for this page.
pub(super) fn rows(
    out: &PageOut,
    lang: Lang,
    refs: &[TargetRef],
) -> Result<Vec<tera::Value>, Diagnostic> {
    let root = crate::render::links::root_of(out.path);
    refs.iter()
        .map(|r| out.cx.row(lang, *r, &root, true))
        .collect()
}

pub(super) fn cards(out: &PageOut, lang: Lang, plans: Option<&Vec<usize>>) -> Vec<tera::Value> {
    plans.map_or_else(Vec::new, |ps| {
        ps.iter().map(|p| out.cx.card(lang, *p)).collect()
    })
}

pub(super) fn section(id: &'static str, title: String) -> Section {
    Section {
        id,
        title,
        ..Section::default()
    }
}

/// What a listing page shows, gathered by the builder of its kind.
pub(super) struct Listing {
    pub kind: &'static str,
    /// The navigation entry and index page it belongs to (`chains`, `regions`…).
    pub section_key: &'static str,
    pub index_path: String,
    pub name: String,
    pub description: Option<String>,
    pub facts: Vec<Fact>,
    pub chart: Option<Chart>,
    pub subregions: Subregions,
    pub sections: Vec<Section>,
    /// The targets and plans the page shows: it is dated by their records, not by
    /// every record of the site.
    pub shows: Vec<TargetRef>,
    pub shows_plans: Vec<usize>,
}

impl Listing {
    pub fn new(
        kind: &'static str,
        section_key: &'static str,
        index_path: String,
        name: String,
    ) -> Listing {
        Listing {
            kind,
            section_key,
            index_path,
            name,
            description: None,
            facts: Vec::new(),
            chart: None,
            subregions: Subregions::default(),
            sections: Vec::new(),
            shows: Vec::new(),
            shows_plans: Vec::new(),
        }
    }

    /// The page's context.
    pub fn render(self, out: &PageOut, lang: Lang) -> Result<Context, Diagnostic> {
        let v = out.view(lang);
        let count: usize = self.sections.iter().map(|s| s.rows.len()).sum();
        let summary = self
            .description
            .clone()
            .unwrap_or_else(|| format!("{} · {}", self.name, v.targets_count(count)));
        let mut page = out.meta(
            lang,
            MetaSpec {
                kind: self.kind,
                section: self.section_key,
                title: self.name,
                description: summary,
                breadcrumbs: out.crumbs(lang, Some((nav_key(self.section_key), self.index_path))),
            },
        );
        let site = v.site;
        let targets = self.shows.iter().map(|r| target_of(v, *r).1);
        let plans = self.shows_plans.iter().map(|p| plan_at(site, *p));
        let records = targets
            .flat_map(|t| {
                std::iter::once(&t.source.record).chain(t.actuals.iter().map(|a| &a.source.record))
            })
            .chain(plans.map(|p| &p.record));
        page.updated_from(out.cx, lang, records);
        context(&ListingPage {
            page,
            kind_label: v.t(&format!("kind_{}", self.kind)).to_string(),
            description: self.description,
            facts: self.facts,
            chart: self.chart,
            subregions: self.subregions,
            sections: self.sections,
        })
    }
}

fn nav_key(section: &str) -> &'static str {
    match section {
        "chains" => "nav_chains",
        "topics" => "nav_topics",
        "regions" => "nav_regions",
        "units" => "nav_units",
        "years" => "nav_years",
        _ => "nav_plans",
    }
}

pub fn chain(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let chain = v.site.chains.at(i);
    let refs = v.index.by_chain.get(&chain.id).cloned().unwrap_or_default();
    let pairs: Vec<(&Plan, &Target)> = refs.iter().map(|r| target_of(v, *r)).collect();
    let page_url = v
        .site
        .config
        .base_url
        .join(out.path.strip_suffix("index.html").unwrap_or(out.path));
    let chart = charts::chain_chart(v, chain, &pairs, &page_url);
    if let Some(c) = &chart {
        out.write_chart_files(c);
    }
    let plans = distinct(pairs.iter().map(|(p, _)| &p.id));
    let mut facts = vec![
        Fact {
            label: v.t("facts_targets").to_string(),
            value: refs.len().to_string(),
            href: None,
        },
        Fact {
            label: v.t("facts_plans").to_string(),
            value: plans.to_string(),
            href: None,
        },
    ];
    facts.extend(alias_fact(v, &chain.aliases));
    let mut s = section("targets", v.t("listing_chain_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    let mut page = Listing::new(
        "chain",
        "chains",
        links::chains(lang),
        v.text(&chain.name).to_string(),
    );
    page.description = chain.description.as_ref().map(|d| v.text(d).to_string());
    page.facts = facts;
    page.chart = chart;
    page.sections = vec![s];
    page.shows = refs;
    page.render(out, lang)
}

/// How many different ids there are: a set, as a chain can hold thousands of targets.
fn distinct<'a>(ids: impl Iterator<Item = &'a Id>) -> usize {
    ids.collect::<std::collections::HashSet<_>>().len()
}

pub fn topic(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let topic = v.site.topics.at(i);
    let refs = v.index.by_topic.get(&topic.id).cloned().unwrap_or_default();
    let mut s = section("targets", v.t("listing_topic_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    let mut page = Listing::new(
        "topic",
        "topics",
        links::topics(lang),
        v.text(&topic.name).to_string(),
    );
    page.facts = alias_fact(v, &topic.aliases).into_iter().collect();
    page.sections = vec![s];
    page.shows = refs;
    page.render(out, lang)
}

/// The other names an entry is searched by, as a fact of its page.
pub(super) fn alias_fact(v: ViewCtx, aliases: &[String]) -> Option<Fact> {
    (!aliases.is_empty()).then(|| Fact {
        label: v.t("facts_aliases").to_string(),
        value: aliases.join(v.t("list_separator")),
        href: None,
    })
}

pub fn unit(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let unit = v.site.units.at(i);
    let mut facts = Vec::new();
    if let Some(region) = &unit.region {
        let r = v.region_ref(region);
        facts.push(Fact {
            label: v.t("target_region").to_string(),
            value: r.name,
            href: Some(r.href),
        });
    }
    let assignments = v.index.by_unit.get(&unit.id).cloned().unwrap_or_default();
    let by_role = |role: Role| -> Vec<TargetRef> {
        assignments
            .iter()
            .filter(|(_, r)| *r == role)
            .map(|(t, _)| *t)
            .collect()
    };
    let mut issued = section("plans", v.t("listing_unit_plans").to_string());
    issued.plans = cards(out, lang, v.index.plans_by_issuer.get(&unit.id));
    let mut lead = section("lead", v.t("listing_unit_lead").to_string());
    lead.rows = rows(out, lang, &by_role(Role::Lead))?;
    let mut responsible = section("responsible", v.t("listing_unit_responsible").to_string());
    responsible.rows = rows(out, lang, &by_role(Role::Responsible))?;
    facts.push(Fact {
        label: v.t("facts_assignments").to_string(),
        value: assignments.len().to_string(),
        href: None,
    });
    facts.extend(alias_fact(v, &unit.aliases));
    let sections = [issued, lead, responsible]
        .into_iter()
        .filter(|s| !s.plans.is_empty() || !s.rows.is_empty())
        .collect();
    let mut page = Listing::new(
        "unit",
        "units",
        links::units(lang),
        v.text(&unit.name).to_string(),
    );
    page.facts = facts;
    page.sections = sections;
    page.shows = assignments.iter().map(|(t, _)| *t).collect();
    page.shows_plans = v
        .index
        .plans_by_issuer
        .get(&unit.id)
        .cloned()
        .unwrap_or_default();
    page.render(out, lang)
}

pub fn year(out: &mut PageOut, lang: Lang, year: u16) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let refs = v.index.by_year.get(&year).cloned().unwrap_or_default();
    let mut s = section("targets", v.t("listing_year_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    let mut plans = section("plans", v.t("listing_year_plans").to_string());
    plans.plans = cards(out, lang, v.index.plans_by_year.get(&year));
    let mut page = Listing::new("year", "years", links::years(lang), v.year(year));
    page.sections = vec![s, plans];
    page.shows = refs;
    page.shows_plans = v
        .index
        .plans_by_year
        .get(&year)
        .cloned()
        .unwrap_or_default();
    page.render(out, lang)
}

pub(super) fn index_page(
    out: &PageOut,
    lang: Lang,
    kind: &'static str,
    section: &'static str,
    groups: Vec<Group>,
) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let page = out.meta(
        lang,
        MetaSpec {
            kind,
            section,
            title: v.t(nav_key(section)).to_string(),
            description: v.t(&format!("intro_{section}")).to_string(),
            breadcrumbs: out.crumbs(lang, None),
        },
    );
    context(&IndexPage {
        page,
        intro: v.t(&format!("intro_{section}")).to_string(),
        groups,
    })
}

pub fn chains(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let entries = v
        .site
        .chains
        .iter()
        .map(|c| Entry {
            name: v.text(&c.name).to_string(),
            href: links::href(&links::chain(lang, &c.id)),
            count: v.index.by_chain.get(&c.id).map_or(0, Vec::len),
            count_text: v.targets_count(v.index.by_chain.get(&c.id).map_or(0, Vec::len)),
            note: c.description.as_ref().map(|d| v.text(d).to_string()),
            depth: 0,
        })
        .collect();
    index_page(
        out,
        lang,
        "chains",
        "chains",
        vec![Group {
            title: None,
            entries,
            ..Group::default()
        }],
    )
}

pub fn topics(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let entries = v
        .site
        .topics
        .iter()
        .map(|t| Entry {
            name: v.text(&t.name).to_string(),
            href: links::href(&links::topic(lang, &t.id)),
            count: v.index.by_topic.get(&t.id).map_or(0, Vec::len),
            count_text: v.targets_count(v.index.by_topic.get(&t.id).map_or(0, Vec::len)),
            note: None,
            depth: 0,
        })
        .collect();
    index_page(
        out,
        lang,
        "topics",
        "topics",
        vec![Group {
            title: None,
            entries,
            ..Group::default()
        }],
    )
}

/// Units grouped by their region, regions in registry order.
pub fn units(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let mut groups: std::collections::BTreeMap<usize, Group> = std::collections::BTreeMap::new();
    for unit in v.site.units.iter() {
        let region = unit.region.as_ref();
        let position = region
            .and_then(|r| v.site.regions.position(r))
            .unwrap_or(usize::MAX);
        let group = groups.entry(position).or_insert_with(|| Group {
            title: Some(
                region.map_or_else(|| v.t("units_no_region").to_string(), |r| v.region_name(r)),
            ),
            entries: Vec::new(),
            ..Group::default()
        });
        group.entries.push(Entry {
            name: v.text(&unit.name).to_string(),
            href: links::href(&links::unit(lang, &unit.id)),
            count: v.index.by_unit.get(&unit.id).map_or(0, Vec::len),
            count_text: v.targets_count(v.index.by_unit.get(&unit.id).map_or(0, Vec::len)),
            note: None,
            depth: 0,
        });
    }
    index_page(out, lang, "units", "units", groups.into_values().collect())
}

pub fn years(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let entries = v
        .index
        .by_year
        .iter()
        .map(|(year, refs)| Entry {
            name: v.year(*year),
            href: links::href(&links::year(lang, *year)),
            count: refs.len(),
            count_text: v.targets_count(refs.len()),
            note: None,
            depth: 0,
        })
        .collect();
    index_page(
        out,
        lang,
        "years",
        "years",
        vec![Group {
            title: None,
            entries,
            ..Group::default()
        }],
    )
}
