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
use crate::render::format;
use crate::render::views::ViewCtx;
use crate::render::{i18n, links};

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
struct Subregions {
    active: Vec<Entry>,
    quiet: Vec<Entry>,
    /// "3 areas within have no targets yet."
    quiet_summary: String,
}

#[derive(Serialize)]
struct Fact {
    label: String,
    value: String,
    href: Option<String>,
}

#[derive(Serialize, Default)]
struct Section {
    id: &'static str,
    title: String,
    /// Plan cards (see `PlanCard`).
    plans: Vec<tera::Value>,
    /// Target rows (see `TargetRow`).
    rows: Vec<tera::Value>,
    parts: Vec<PartRow>,
}

/// A region's share of a target split among regions.
#[derive(Serialize)]
struct PartRow {
    /// The target's row (see `TargetRow`).
    target: tera::Value,
    part: String,
    total: String,
}

/// An index page: entries, possibly in groups.
#[derive(Serialize)]
struct IndexPage {
    page: PageMeta,
    intro: String,
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    title: Option<String>,
    entries: Vec<Entry>,
}

fn target_of(v: ViewCtx<'_>, r: TargetRef) -> (&Plan, &Target) {
    let plan = plan_at(v.site, r.plan);
    (plan, &plan.targets[r.target])
}

/// The rows of a table listing several plans' targets, for this page.
fn rows(out: &PageOut, lang: Lang, refs: &[TargetRef]) -> Result<Vec<tera::Value>, Diagnostic> {
    let root = crate::render::links::root_of(out.path);
    refs.iter()
        .map(|r| out.cx.row(lang, *r, &root, true))
        .collect()
}

fn cards(out: &PageOut, lang: Lang, plans: Option<&Vec<usize>>) -> Vec<tera::Value> {
    plans.map_or_else(Vec::new, |ps| {
        ps.iter().map(|p| out.cx.card(lang, *p)).collect()
    })
}

fn section(id: &'static str, title: String) -> Section {
    Section {
        id,
        title,
        ..Section::default()
    }
}

#[allow(clippy::too_many_arguments)]
fn listing(
    out: &PageOut,
    lang: Lang,
    kind: &'static str,
    section_key: &'static str,
    index_path: String,
    name: String,
    description: Option<String>,
    facts: Vec<Fact>,
    chart: Option<Chart>,
    subregions: Subregions,
    sections: Vec<Section>,
) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let count: usize = sections.iter().map(|s| s.rows.len()).sum();
    let summary = description
        .clone()
        .unwrap_or_else(|| format!("{name} · {count} {}", v.t("plan_targets_count")));
    let page = out.meta(
        lang,
        MetaSpec {
            kind,
            section: section_key,
            title: name,
            description: summary,
            breadcrumbs: out.crumbs(lang, Some((nav_key(section_key), index_path))),
        },
    );
    context(&ListingPage {
        page,
        kind_label: v.t(&format!("kind_{kind}")).to_string(),
        description,
        facts,
        chart,
        subregions,
        sections,
    })
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
    let plans: Vec<&Id> = dedup(pairs.iter().map(|(p, _)| &p.id));
    let mut facts = vec![
        Fact {
            label: v.t("facts_targets").to_string(),
            value: refs.len().to_string(),
            href: None,
        },
        Fact {
            label: v.t("facts_plans").to_string(),
            value: plans.len().to_string(),
            href: None,
        },
    ];
    facts.extend(alias_fact(v, &chain.aliases));
    let mut s = section("targets", v.t("listing_chain_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    listing(
        out,
        lang,
        "chain",
        "chains",
        links::chains(lang),
        v.text(&chain.name).to_string(),
        chain.description.as_ref().map(|d| v.text(d).to_string()),
        facts,
        chart,
        Subregions::default(),
        vec![s],
    )
}

fn dedup<'a>(ids: impl Iterator<Item = &'a Id>) -> Vec<&'a Id> {
    let mut out: Vec<&Id> = Vec::new();
    for id in ids {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

pub fn topic(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let topic = v.site.topics.at(i);
    let refs = v.index.by_topic.get(&topic.id).cloned().unwrap_or_default();
    let mut s = section("targets", v.t("listing_topic_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    listing(
        out,
        lang,
        "topic",
        "topics",
        links::topics(lang),
        v.text(&topic.name).to_string(),
        None,
        alias_fact(v, &topic.aliases).into_iter().collect(),
        None,
        Subregions::default(),
        vec![s],
    )
}

pub fn region(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let region = v.site.regions.at(i);
    let mut facts = Vec::new();
    if let Some(parent) = &region.parent {
        let r = v.region_ref(parent);
        facts.push(Fact {
            label: v.t("facts_part_of").to_string(),
            value: r.name,
            href: Some(r.href),
        });
    }
    facts.extend(alias_fact(v, &region.aliases));
    let subregions = subregions_of(v, &region.id);
    let count = |map: &std::collections::BTreeMap<Id, Vec<TargetRef>>| {
        map.get(&region.id).map_or(0, Vec::len)
    };
    let own = count(&v.index.by_region);
    let within = v.index.region_totals.get(&region.id).copied().unwrap_or(0) - own;
    let mut counts = vec![
        ("facts_region_own", own),
        ("facts_region_shares", count(&v.index.parts_by_region)),
    ];
    if !subregions.active.is_empty() || !subregions.quiet.is_empty() {
        counts.push(("facts_region_within", within));
    }
    facts.extend(counts.into_iter().map(|(key, n)| Fact {
        label: v.t(key).to_string(),
        value: n.to_string(),
        href: None,
    }));
    let mut plans = section("plans", v.t("listing_region_plans").to_string());
    plans.plans = cards(out, lang, v.index.plans_by_region.get(&region.id));
    let mut targets = section("targets", v.t("listing_region_targets").to_string());
    targets.rows = rows(
        out,
        lang,
        v.index.by_region.get(&region.id).map_or(&[], Vec::as_slice),
    )?;
    let mut parts = section("shares", v.t("listing_region_parts").to_string());
    parts.parts = v
        .index
        .parts_by_region
        .get(&region.id)
        .map(|refs| {
            refs.iter()
                .filter_map(|r| part_row(out, lang, *r, &region.id))
                .collect()
        })
        .unwrap_or_default();
    let sections = [plans, targets, parts]
        .into_iter()
        .filter(|s| !s.plans.is_empty() || !s.rows.is_empty() || !s.parts.is_empty())
        .collect();
    listing(
        out,
        lang,
        "region",
        "regions",
        links::regions(lang),
        v.text(&region.name).to_string(),
        None,
        facts,
        None,
        subregions,
        sections,
    )
}

/// The other names an entry is searched by, as a fact of its page.
fn alias_fact(v: ViewCtx, aliases: &[String]) -> Option<Fact> {
    (!aliases.is_empty()).then(|| Fact {
        label: v.t("facts_aliases").to_string(),
        value: aliases.join(v.t("list_separator")),
        href: None,
    })
}

/// The regions directly inside `region`: each with its targets (its own and its
/// areas'), and its shares of wider targets as a note; those with nothing at all
/// apart, to be folded away.
fn subregions_of(v: ViewCtx, region: &Id) -> Subregions {
    let mut out = Subregions::default();
    for r in v
        .site
        .regions
        .iter()
        .filter(|r| r.parent.as_ref() == Some(region))
    {
        let count = v.index.region_totals.get(&r.id).copied().unwrap_or(0);
        let shares = v.index.parts_by_region.get(&r.id).map_or(0, Vec::len);
        let plans = v.index.plans_by_region.get(&r.id).map_or(0, Vec::len);
        let entry = Entry {
            name: v.text(&r.name).to_string(),
            href: links::href(&links::region(v.lang, &r.id)),
            count,
            note: (shares > 0).then(|| {
                i18n::fill(
                    v.t("listing_region_shares_note"),
                    &[("n", &shares.to_string())],
                )
            }),
            depth: 0,
        };
        if count + shares + plans == 0 {
            out.quiet.push(entry);
        } else {
            out.active.push(entry);
        }
    }
    if !out.quiet.is_empty() {
        out.quiet_summary = i18n::fill(
            v.t("listing_subregions_quiet"),
            &[("n", &out.quiet.len().to_string())],
        );
    }
    out
}

fn part_row(out: &PageOut, lang: Lang, r: TargetRef, region: &Id) -> Option<PartRow> {
    let v = out.view(lang);
    let (_, target) = target_of(v, r);
    let breakdown = target.breakdown.as_ref()?;
    let part = breakdown
        .parts
        .iter()
        .find(|p| p.key == crate::content::PartKey::Region(region.clone()))?;
    Some(PartRow {
        target: out.cx.row_fields(lang, r),
        part: format::quantity(part.value, format::Measure::of(target), v.lang),
        total: crate::render::views::value_text(v.lang, target),
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
    listing(
        out,
        lang,
        "unit",
        "units",
        links::units(lang),
        v.text(&unit.name).to_string(),
        None,
        facts,
        None,
        Subregions::default(),
        sections,
    )
}

pub fn year(out: &mut PageOut, lang: Lang, year: u16) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let refs = v.index.by_year.get(&year).cloned().unwrap_or_default();
    let mut s = section("targets", v.t("listing_year_targets").to_string());
    s.rows = rows(out, lang, &refs)?;
    let mut plans = section("plans", v.t("listing_year_plans").to_string());
    plans.plans = cards(out, lang, v.index.plans_by_year.get(&year));
    let name = v.year(year);
    listing(
        out,
        lang,
        "year",
        "years",
        links::years(lang),
        name,
        None,
        Vec::new(),
        None,
        Subregions::default(),
        vec![s, plans],
    )
}

fn index_page(
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
        }],
    )
}

/// Regions as a tree: each region followed by the regions inside it.
pub fn regions(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let mut entries = Vec::new();
    let roots: Vec<&crate::content::Region> = v
        .site
        .regions
        .iter()
        .filter(|r| {
            r.parent
                .as_ref()
                .is_none_or(|p| !v.site.regions.contains(p))
        })
        .collect();
    for r in roots {
        push_region_tree(v, r, 0, &mut entries);
    }
    index_page(
        out,
        lang,
        "regions",
        "regions",
        vec![Group {
            title: None,
            entries,
        }],
    )
}

fn push_region_tree(
    v: ViewCtx,
    region: &crate::content::Region,
    depth: usize,
    out: &mut Vec<Entry>,
) {
    if depth > 16 {
        return;
    }
    out.push(Entry {
        name: v.text(&region.name).to_string(),
        href: links::href(&links::region(v.lang, &region.id)),
        count: v.index.by_region.get(&region.id).map_or(0, Vec::len),
        note: None,
        depth,
    });
    for child in v
        .site
        .regions
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&region.id))
    {
        push_region_tree(v, child, depth + 1, out);
    }
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
        });
        group.entries.push(Entry {
            name: v.text(&unit.name).to_string(),
            href: links::href(&links::unit(lang, &unit.id)),
            count: v.index.by_unit.get(&unit.id).map_or(0, Vec::len),
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
        }],
    )
}
