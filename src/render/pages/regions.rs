//! A page per region and the regions index.
//!
//! A region shows what concerns it under separate labels (see
//! [`crate::derive::RegionTally`]): its own targets, its areas' targets, its shares of
//! wider targets, its areas' shares, and the targets its bodies work on. Each count is
//! given only when it is not zero, so no page says "0" above a table that has rows;
//! areas, and regions on the index, that have nothing at all are folded away.

use std::collections::BTreeMap;

use tera::Context;

use super::PageOut;
use super::listings::{
    Fact, Group, Listing, PartRow, Section, Subregions, alias_fact, cards, index_page, rows,
    section, target_of,
};
use super::plans::Entry;
use crate::content::{Id, PartKey, Region};
use crate::derive::{RegionTally, TargetRef};
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::render::format;
use crate::render::views::ViewCtx;
use crate::render::{i18n, links};

pub fn region(out: &mut PageOut, lang: Lang, i: usize) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let region = v.site.regions.at(i);
    let empty = RegionTally::default();
    let tally = v.index.regions.get(&region.id).unwrap_or(&empty);
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
    let counts = [
        ("facts_region_own", tally.own),
        ("facts_region_within", tally.within),
        ("facts_region_shares", tally.shares),
        ("facts_region_shares_within", tally.shares_within),
        ("facts_region_bodies", tally.bodies.len()),
    ];
    facts.extend(
        counts
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(key, n)| Fact {
                label: v.t(key).to_string(),
                value: n.to_string(),
                href: None,
            }),
    );
    let own: &[TargetRef] = v.index.by_region.get(&region.id).map_or(&[], Vec::as_slice);
    let shares: &[TargetRef] = v
        .index
        .parts_by_region
        .get(&region.id)
        .map_or(&[], Vec::as_slice);
    let mut plans = section("plans", v.t("listing_region_plans").to_string());
    plans.plans = cards(out, lang, v.index.plans_by_region.get(&region.id));
    let mut targets = section("targets", v.t("listing_region_targets").to_string());
    targets.rows = rows(out, lang, own)?;
    let mut parts = section("shares", v.t("listing_region_parts").to_string());
    parts.parts = shares
        .iter()
        .filter_map(|r| part_row(out, lang, *r, &region.id))
        .collect();
    // The bodies, each with how many targets set elsewhere it works on; their own
    // pages list the targets (a city's bureaus may work on thousands).
    let mut bodies = section("bodies", v.t("listing_region_bodies").to_string());
    bodies.entries = bodies_here(v, &region.id, &tally.bodies);
    let sections: Vec<Section> = [plans, targets, parts, bodies]
        .into_iter()
        .filter(|s| {
            !s.plans.is_empty()
                || !s.rows.is_empty()
                || !s.parts.is_empty()
                || !s.entries.is_empty()
        })
        .collect();
    let mut page = Listing::new(
        "region",
        "regions",
        links::regions(lang),
        v.text(&region.name).to_string(),
    );
    page.facts = facts;
    page.subregions = subregions_of(v, &region.id);
    page.sections = sections;
    page.shows = own
        .iter()
        .chain(shares)
        .chain(&tally.bodies)
        .copied()
        .collect();
    page.shows_plans = v
        .index
        .plans_by_region
        .get(&region.id)
        .cloned()
        .unwrap_or_default();
    page.render(out, lang)
}

/// The bodies of `region` (or of a region inside it) that work on the targets
/// `elsewhere`, each with how many of them, in registry order.
fn bodies_here(v: ViewCtx, region: &Id, elsewhere: &[TargetRef]) -> Vec<Entry> {
    let inside = |unit: &Id| {
        let mut at = v.site.units.get(unit).and_then(|u| u.region.clone());
        // Up the tree from the body's region (a cycle is refused on load).
        for _ in 0..32 {
            match at {
                Some(r) if &r == region => return true,
                Some(r) => at = v.site.regions.get(&r).and_then(|r| r.parent.clone()),
                None => return false,
            }
        }
        false
    };
    let mut counts: BTreeMap<&Id, usize> = BTreeMap::new();
    for r in elsewhere {
        let (_, t) = target_of(v, *r);
        let mut named: Vec<&Id> = t.lead.iter().chain(&t.responsible).collect();
        named.sort();
        named.dedup();
        for unit in named.into_iter().filter(|u| inside(u)) {
            *counts.entry(unit).or_default() += 1;
        }
    }
    v.site
        .units
        .iter()
        .filter_map(|u| {
            let n = *counts.get(&u.id)?;
            Some(Entry {
                name: v.text(&u.name).to_string(),
                href: links::href(&links::unit(v.lang, &u.id)),
                count: n,
                count_text: v.targets_count(n),
                note: None,
                depth: 0,
            })
        })
        .collect()
}

/// A region as an entry of a list: its targets (its own and its areas'), and what
/// else it holds as a note.
fn entry(v: ViewCtx, region: &Region, depth: usize) -> (Entry, bool) {
    let empty = RegionTally::default();
    let tally = v.index.regions.get(&region.id).unwrap_or(&empty);
    let targets = tally.own + tally.within;
    let mut notes = Vec::new();
    for (key, n) in [
        ("listing_region_shares_note", tally.shares),
        ("listing_region_shares_within_note", tally.shares_within),
    ] {
        if n > 0 {
            notes.push(i18n::fill(v.t(key), &[("n", &n.to_string())]));
        }
    }
    if !tally.bodies.is_empty() {
        notes.push(i18n::fill(
            v.t("listing_region_bodies_note"),
            &[("n", &tally.bodies.len().to_string())],
        ));
    }
    let entry = Entry {
        name: v.text(&region.name).to_string(),
        href: links::href(&links::region(v.lang, &region.id)),
        count: targets,
        // A region that only holds shares is not "0 targets".
        count_text: if targets == 0 && !notes.is_empty() {
            String::new()
        } else {
            v.targets_count(targets)
        },
        note: (!notes.is_empty()).then(|| notes.join(v.t("list_separator"))),
        depth,
    };
    (entry, tally.is_empty())
}

/// The regions directly inside `region`; those with nothing at all apart, to be
/// folded away.
fn subregions_of(v: ViewCtx, region: &Id) -> Subregions {
    let mut out = Subregions::default();
    for r in v
        .site
        .regions
        .iter()
        .filter(|r| r.parent.as_ref() == Some(region))
    {
        let (entry, empty) = entry(v, r, 0);
        if empty {
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
        .find(|p| p.key == PartKey::Region(region.clone()))?;
    Some(PartRow {
        target: out.cx.row_fields(lang, r),
        part: format::quantity(part.value, format::Measure::of(target), v.lang),
        total: crate::render::views::value_text(v.lang, target),
    })
}

/// Regions as a tree: each region followed by the regions inside it. Regions with
/// nothing to show are listed apart, folded away.
pub fn regions(out: &mut PageOut, lang: Lang) -> Result<Context, Diagnostic> {
    let v = out.view(lang);
    let mut group = Group::default();
    let roots = v.site.regions.iter().filter(|r| {
        r.parent
            .as_ref()
            .is_none_or(|p| !v.site.regions.contains(p))
    });
    for r in roots {
        push_region_tree(v, r, 0, &mut group);
    }
    if !group.folded.is_empty() {
        group.folded_summary = i18n::fill(
            v.t("listing_regions_quiet"),
            &[("n", &group.folded.len().to_string())],
        );
    }
    index_page(out, lang, "regions", "regions", vec![group])
}

fn push_region_tree(v: ViewCtx, region: &Region, depth: usize, group: &mut Group) {
    if depth > 16 {
        return;
    }
    let (entry, empty) = entry(v, region, depth);
    if empty {
        group.folded.push(Entry { depth: 0, ..entry });
    } else {
        group.entries.push(entry);
    }
    for child in v
        .site
        .regions
        .iter()
        .filter(|c| c.parent.as_ref() == Some(&region.id))
    {
        push_region_tree(v, child, depth + 1, group);
    }
}
