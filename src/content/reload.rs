//! Reading one plan again, for `serve` after an edit inside that plan's folder.

use std::path::Path;

use super::load::read_plan;
use super::model::Site;
use super::validate::{Problems, Registries};
use crate::diagnostics::Diagnostics;

/// Reads plan `position` of `site` again from its folder, checked against the site's
/// registries, and puts it in place (for `serve`, after an edit inside one plan).
/// On any error the site keeps the plan it had. Returns the plan's warnings.
pub fn reload_plan(
    root: &Path,
    site: &mut Site,
    position: usize,
) -> Result<Diagnostics, Diagnostics> {
    use std::mem::take;
    let reg = Registries {
        chains: take(&mut site.chains),
        topics: take(&mut site.topics),
        regions: take(&mut site.regions),
        units: take(&mut site.units),
        records: take(&mut site.records),
        ..Registries::default()
    };
    let dir = root
        .join("content")
        .join("plans")
        .join(site.plans.at(position).id.as_str());
    let mut problems = Problems::new();
    let plan = read_plan(root, &dir, &reg, &mut problems);
    (
        site.chains,
        site.topics,
        site.regions,
        site.units,
        site.records,
    ) = (reg.chains, reg.topics, reg.regions, reg.units, reg.records);
    let mut diagnostics: Diagnostics = problems.into_iter().collect();
    diagnostics.sort();
    match plan {
        Some(plan) if !diagnostics.has_errors() => {
            *site.plans.get_mut_at(position) = plan;
            Ok(diagnostics)
        }
        _ => Err(diagnostics),
    }
}
