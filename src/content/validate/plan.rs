//! A plan: its own fields, its targets (each checked by [`super::target`]), and the
//! commentary files that belong to it.

use std::collections::HashMap;

use super::RegistryKind;
use super::{Problems, Registries, check_text, check_unique};
use crate::content::id::Id;
use crate::content::model::{Commentary, Horizon, Plan, Target};
use crate::content::raw::{RawPlan, RawTarget};
use crate::diagnostics::Diagnostic;
use crate::lang::{Lang, Localized};
use crate::yaml::{SourceFile, YamlPath};

/// Commentary files found in a plan's directory.
#[derive(Debug, Default)]
pub struct PlanCommentary {
    pub plan: Localized<Option<Commentary>>,
    /// Per target id; the source file name is kept to report orphans.
    pub targets: HashMap<Id, Localized<Option<Commentary>>>,
}

/// Checks a plan and its targets.
pub fn plan(
    id: Id,
    file: &SourceFile,
    raw: RawPlan,
    mut commentary: PlanCommentary,
    reg: &Registries,
    out: &mut Problems,
) -> Option<Plan> {
    let horizon = plan_fields(file, &raw, reg, out);
    let ctx = PlanContext {
        plan: &id,
        region: &raw.region,
        record: &raw.record,
        horizon,
        reg,
        file,
    };
    let targets = ctx.targets(raw.targets, &mut commentary.targets, out);
    orphan_commentary(commentary.targets, out);
    // One title per document: the record's, so page, citation, feeds and data agree.
    let title = reg.records.get(&raw.record)?.title.clone();
    Some(Plan {
        short_title: raw.short_title.unwrap_or_else(|| title.clone()),
        title,
        issuer: raw.issuer,
        region: raw.region,
        record: raw.record,
        horizon,
        targets,
        commentary: commentary.plan,
        id,
    })
}

/// Checks the plan's own fields (all but its targets); returns its horizon.
fn plan_fields(file: &SourceFile, raw: &RawPlan, reg: &Registries, out: &mut Problems) -> Horizon {
    let root = YamlPath::root();
    if let Some(s) = &raw.short_title {
        check_text(file, &root.key("short_title"), s, "the short title", out);
    }
    if !reg.units.contains(&raw.issuer) {
        reg.unknown(
            file,
            &root.key("issuer"),
            RegistryKind::Department,
            &raw.issuer,
            out,
        );
    }
    if !reg.regions.contains(&raw.region) {
        reg.unknown(
            file,
            &root.key("region"),
            RegistryKind::Region,
            &raw.region,
            out,
        );
    }
    let record = reg.records.get(&raw.record);
    if record.is_none() && !reg.record_unreadable(&raw.record) {
        out.push(
            file.error_at(
                &root.key("record"),
                format!("unknown source record `{}`", raw.record),
            )
            .help(format!(
                "add seeds/{}.yaml, or fix the spelling",
                raw.record
            )),
        );
    }
    let horizon = Horizon {
        start: raw.horizon.start.0,
        end: raw.horizon.end.0,
    };
    if horizon.start > horizon.end {
        out.push(
            file.error_at(
                &root.key("horizon").key("end"),
                format!(
                    "the horizon ends ({}) before it starts ({})",
                    horizon.end, horizon.start
                ),
            )
            .help("swap `start` and `end`"),
        );
    }
    horizon
}

/// Reports commentary files left over once every target took its own: they are
/// named after no target of the plan.
fn orphan_commentary(orphans: HashMap<Id, Localized<Option<Commentary>>>, out: &mut Problems) {
    for (orphan, files) in orphans {
        for c in Lang::ALL.iter().filter_map(|l| files.get(*l).as_ref()) {
            out.push(
                Diagnostic::error(
                    &c.file.display,
                    format!("commentary for `{orphan}`, which is not a target of this plan"),
                )
                .help("rename the file after a target id in plan.yaml, or delete it"),
            );
        }
    }
}

/// What the targets of a plan are checked against.
pub(super) struct PlanContext<'a> {
    pub(super) plan: &'a Id,
    pub(super) region: &'a Id,
    pub(super) record: &'a Id,
    pub(super) horizon: Horizon,
    pub(super) reg: &'a Registries,
    pub(super) file: &'a SourceFile,
}

impl PlanContext<'_> {
    /// Checks the targets of the plan, each with the commentary named after it
    /// (taken out of `commentary`); a target whose id was used before is skipped.
    fn targets(
        &self,
        raw: Vec<RawTarget>,
        commentary: &mut HashMap<Id, Localized<Option<Commentary>>>,
        out: &mut Problems,
    ) -> Vec<Target> {
        let mut seen = HashMap::new();
        let mut targets = Vec::new();
        for (i, t) in raw.into_iter().enumerate() {
            let path = YamlPath::root().key("targets").index(i);
            if !check_unique(&mut seen, &t.id, i, self.file, &path, out) {
                continue;
            }
            let target_commentary = commentary.remove(&t.id).unwrap_or_default();
            if let Some(mut target) = self.target(t, &path, target_commentary, out) {
                target.position = targets.len();
                targets.push(target);
            }
        }
        targets
    }
}
