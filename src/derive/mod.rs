//! Indexes every cross-plan view needs, computed once from the checked site.
//!
//! Pure functions of the model: data in, data out, no state kept between builds.
//! Every list is in a fixed order (registry order, then plan and target order), so the
//! pages built from them are the same bytes on every build.

pub mod progress;
mod regions;

pub use regions::RegionTally;

use std::collections::BTreeMap;

use crate::content::{Date, Id, PartKey, Site};
pub use progress::{Progress, Status};

/// A target, by its plan's position in `site.plans` and its own position in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetRef {
    pub plan: usize,
    pub target: usize,
}

/// How a unit is named in a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Lead,
    Responsible,
}

/// Whether a plan is still in force on the status date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStatus {
    /// Issued and its period has not ended.
    InForce,
    /// Its period ended before the status date.
    Expired,
    /// Issued after the status date (a site built with an earlier `as_of`).
    NotYetIssued,
}

impl PlanStatus {
    /// The key in the open data and in UI strings (`status_<key>`).
    pub fn key(self) -> &'static str {
        match self {
            PlanStatus::InForce => "in_force",
            PlanStatus::Expired => "expired",
            PlanStatus::NotYetIssued => "not_yet_issued",
        }
    }
}

/// The indexes of a site.
#[derive(Debug, Default)]
pub struct Index {
    /// Targets per chain, in registry order of chains.
    pub by_chain: BTreeMap<Id, Vec<TargetRef>>,
    pub by_topic: BTreeMap<Id, Vec<TargetRef>>,
    /// Targets set for exactly this region (a region's page links to the regions
    /// inside it rather than repeating all their targets).
    pub by_region: BTreeMap<Id, Vec<TargetRef>>,
    /// What each region has to show, apart (see [`RegionTally`]); regions with
    /// nothing have no entry.
    pub regions: BTreeMap<Id, RegionTally>,
    /// Targets whose breakdown gives this region a part.
    pub parts_by_region: BTreeMap<Id, Vec<TargetRef>>,
    /// Plans issued by a unit or covering a region.
    pub plans_by_issuer: BTreeMap<Id, Vec<usize>>,
    pub plans_by_region: BTreeMap<Id, Vec<usize>>,
    /// Every assignment of a unit: (target, role).
    pub by_unit: BTreeMap<Id, Vec<(TargetRef, Role)>>,
    /// Targets per year they apply to: a target set for each year of a span is
    /// listed under every year of it. Every year a plan's period covers has an
    /// entry, empty when no target falls in it.
    pub by_year: BTreeMap<u16, Vec<TargetRef>>,
    /// Plans per year of their period.
    pub plans_by_year: BTreeMap<u16, Vec<usize>>,
    /// Plan status, by plan position.
    pub status: Vec<PlanStatus>,
    /// Each target's progress, by plan and target position.
    pub progress: Vec<Vec<Progress>>,
    /// The date statuses are computed for.
    pub as_of: Option<Date>,
}

impl Index {
    /// The progress of a target.
    pub fn progress_of(&self, r: TargetRef) -> Option<&Progress> {
        self.progress.get(r.plan).and_then(|p| p.get(r.target))
    }

    /// Builds every index of `site`, with plan statuses as of `as_of`. The region
    /// tallies are counted on another core meanwhile: `serve` builds the index again
    /// after each edit, before anything else can start.
    pub fn build(site: &Site, as_of: Date) -> Index {
        let (mut index, regions) =
            rayon::join(|| Index::lists(site, as_of), || regions::tallies(site));
        index.regions = regions;
        index
    }

    /// Every index of `site` but the region tallies.
    fn lists(site: &Site, as_of: Date) -> Index {
        let mut index = Index {
            as_of: Some(as_of),
            ..Index::default()
        };
        for (p, plan) in site.plans.iter().enumerate() {
            index
                .plans_by_issuer
                .entry(plan.issuer.clone())
                .or_default()
                .push(p);
            for region in ancestors(site, &plan.region) {
                index
                    .plans_by_region
                    .entry(region.clone())
                    .or_default()
                    .push(p);
            }
            for year in plan.horizon.start..=plan.horizon.end {
                index.plans_by_year.entry(year).or_default().push(p);
                index.by_year.entry(year).or_default();
            }
            let issued = site.records.get(&plan.record).map(|r| r.issued);
            index.status.push(status(issued, plan.horizon.end, as_of));
            index.progress.push(
                plan.targets
                    .iter()
                    .map(|t| progress::assess(t, as_of.year))
                    .collect(),
            );
            for (t, target) in plan.targets.iter().enumerate() {
                let r = TargetRef { plan: p, target: t };
                match &target.subject {
                    crate::content::Subject::Chain(id) => {
                        index.by_chain.entry(id.clone()).or_default().push(r)
                    }
                    crate::content::Subject::Topic(id) => {
                        index.by_topic.entry(id.clone()).or_default().push(r)
                    }
                }
                index
                    .by_region
                    .entry(target.region.clone())
                    .or_default()
                    .push(r);
                if let Some(b) = &target.breakdown {
                    for part in &b.parts {
                        if let PartKey::Region(id) = &part.key {
                            let list = index.parts_by_region.entry(id.clone()).or_default();
                            if list.last() != Some(&r) {
                                list.push(r);
                            }
                        }
                    }
                }
                for id in &target.lead {
                    index
                        .by_unit
                        .entry(id.clone())
                        .or_default()
                        .push((r, Role::Lead));
                }
                for id in &target.responsible {
                    index
                        .by_unit
                        .entry(id.clone())
                        .or_default()
                        .push((r, Role::Responsible));
                }
                for year in target.years() {
                    index.by_year.entry(year).or_default().push(r);
                }
            }
        }
        index
    }
}

/// The region and every region it lies in, innermost first (a cycle, refused on load,
/// would stop at the first region met again).
fn ancestors<'s>(site: &'s Site, region: &'s Id) -> Vec<&'s Id> {
    let mut out = Vec::new();
    let mut current = Some(region);
    while let Some(id) = current {
        if out.contains(&id) {
            break;
        }
        current = site.regions.get(id).and_then(|r| r.parent.as_ref());
        out.push(id);
    }
    out
}

/// A plan is in force from its issue date to the end of its last year.
pub fn status(issued: Option<Date>, horizon_end: u16, as_of: Date) -> PlanStatus {
    if issued.is_some_and(|d| d > as_of) {
        PlanStatus::NotYetIssued
    } else if as_of.year > horizon_end {
        PlanStatus::Expired
    } else {
        PlanStatus::InForce
    }
}

/// The date statuses are computed for: `as_of` from site.yaml, else the reproducible
/// build date `SOURCE_DATE_EPOCH`, else today (in China Standard Time).
pub fn status_date(configured: Option<Date>) -> Date {
    if let Some(d) = configured {
        return d;
    }
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    date_from_unix(seconds + 8 * 3600)
}

/// The civil date of a Unix time (days from 1970-01-01, Howard Hinnant's algorithm).
fn date_from_unix(seconds: i64) -> Date {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::ymd(year.clamp(1949, 2100) as u16, month as u8, day as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn unix_dates_convert_to_the_calendar() {
        assert_eq!(date_from_unix(0), d("1970-01-01"));
        assert_eq!(date_from_unix(1_700_000_000), d("2023-11-14"));
        assert_eq!(date_from_unix(951_782_400), d("2000-02-29"));
    }

    #[test]
    fn a_plan_expires_after_its_last_year() {
        let issued = Some(d("2021-04-07"));
        assert_eq!(status(issued, 2023, d("2023-12-31")), PlanStatus::InForce);
        assert_eq!(status(issued, 2023, d("2024-01-01")), PlanStatus::Expired);
        assert_eq!(
            status(issued, 2023, d("2021-01-01")),
            PlanStatus::NotYetIssued
        );
    }

    #[test]
    fn configured_date_wins() {
        assert_eq!(status_date(Some(d("2022-06-01"))), d("2022-06-01"));
    }
}
