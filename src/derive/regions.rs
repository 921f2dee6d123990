//! What each region has to show: its own targets, its areas' targets, its shares of
//! wider targets, its areas' shares, and the targets its bodies work on.
//!
//! A region page and the regions index state these apart, each labelled, because one
//! number cannot say them all: a district with no target of its own may hold shares
//! of a city's targets, and its government may be responsible for a province's.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::rc::Rc;

use super::TargetRef;
use crate::content::{Id, PartKey, Site};

/// The counts of one region, and the targets only this tally finds.
#[derive(Debug, Default, Clone)]
pub struct RegionTally {
    /// Targets set for exactly this region.
    pub own: usize,
    /// Targets set for a region inside it.
    pub within: usize,
    /// Targets whose breakdown gives this region a share.
    pub shares: usize,
    /// Shares of targets that the regions inside it hold.
    pub shares_within: usize,
    /// Targets set for somewhere else (a wider region, another one) that a body of
    /// this region, or of a region inside it, leads or is responsible for.
    pub bodies: Vec<TargetRef>,
    /// Plans issued for this region or a region inside it.
    pub plans: usize,
}

impl RegionTally {
    /// Whether the region has nothing to show at all.
    pub fn is_empty(&self) -> bool {
        self.own + self.within + self.shares + self.shares_within + self.bodies.len() + self.plans
            == 0
    }
}

/// The tally of every region that has anything, by region id.
///
/// Counting walks up the region tree for every target; the walk of each region is
/// made once and looked up after, and counts are kept by reference until the end:
/// `serve` counts the whole site again after every edit.
pub fn tallies(site: &Site) -> BTreeMap<Id, RegionTally> {
    let mut lines = Lines {
        site,
        known: HashMap::new(),
    };
    let mut out: HashMap<&Id, RegionTally> = HashMap::new();
    let mut bodies: HashMap<&Id, BTreeSet<TargetRef>> = HashMap::new();
    for (p, plan) in site.plans.iter().enumerate() {
        for region in lines.of(&plan.region).iter().copied() {
            out.entry(region).or_default().plans += 1;
        }
        for (t, target) in plan.targets.iter().enumerate() {
            let r = TargetRef { plan: p, target: t };
            let set_for = lines.of(&target.region);
            for (depth, region) in set_for.iter().copied().enumerate() {
                let tally = out.entry(region).or_default();
                if depth == 0 {
                    tally.own += 1;
                } else {
                    tally.within += 1;
                }
            }
            let mut shared: BTreeSet<&Id> = BTreeSet::new();
            for part in target.breakdown.iter().flat_map(|b| &b.parts) {
                if let PartKey::Region(id) = &part.key
                    && shared.insert(id)
                {
                    for (depth, region) in lines.of(id).iter().copied().enumerate() {
                        let tally = out.entry(region).or_default();
                        if depth == 0 {
                            tally.shares += 1;
                        } else {
                            tally.shares_within += 1;
                        }
                    }
                }
            }
            let units = target.lead.iter().chain(&target.responsible);
            for unit in units.filter_map(|u| site.units.get(u)) {
                let Some(home) = &unit.region else { continue };
                for region in lines.of(home).iter().copied() {
                    // A target set for the region (or inside it) is already counted.
                    if !set_for.contains(&region) {
                        bodies.entry(region).or_default().insert(r);
                    }
                }
            }
        }
    }
    for (region, refs) in bodies {
        out.entry(region).or_default().bodies = refs.into_iter().collect();
    }
    out.into_iter()
        .map(|(id, tally)| (id.clone(), tally))
        .collect()
}

/// Each region's [`super::ancestors`], walked once per region.
struct Lines<'s> {
    site: &'s Site,
    known: HashMap<&'s Id, Rc<[&'s Id]>>,
}

impl<'s> Lines<'s> {
    fn of(&mut self, region: &'s Id) -> Rc<[&'s Id]> {
        let site = self.site;
        Rc::clone(
            self.known
                .entry(region)
                .or_insert_with(|| super::ancestors(site, region).into()),
        )
    }
}
