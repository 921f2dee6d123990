//! A target's breakdown: parts by region or segment, each named once, that add up
//! to the total (a partition) or stay within it (parts "of which").

use std::collections::HashSet;

use super::RegistryKind;
use super::plan::PlanContext;
use super::{Problems, check_text};
use crate::content::model::{Breakdown, Part, PartKey};
use crate::content::raw::{BreakdownKind, RawBreakdown, RawTarget};
use crate::content::value::TargetValue;
use crate::yaml::YamlPath;

impl PlanContext<'_> {
    /// Checks the breakdown `b` of target `t`, whose value (if it passed its own
    /// checks) is `value`.
    pub(super) fn breakdown(
        &self,
        b: &RawBreakdown,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Breakdown> {
        let bpath = path.key("breakdown");
        let before = out.len();
        if b.parts.is_empty() {
            out.push(
                self.file
                    .error_at(&bpath.key("parts"), "the breakdown has no parts")
                    .help("list the parts, or remove `breakdown`"),
            );
        }
        let parts = self.parts(b, t, &bpath, out);
        self.check_total(b.kind, &parts, value, &bpath, out);
        (out.len() == before).then_some(Breakdown {
            kind: b.kind,
            parts,
        })
    }

    /// The parts of a breakdown, each naming a known region or a segment, once.
    fn parts(
        &self,
        b: &RawBreakdown,
        t: &RawTarget,
        bpath: &YamlPath,
        out: &mut Problems,
    ) -> Vec<Part> {
        let mut parts = Vec::new();
        let mut keys = HashSet::new();
        for (i, p) in b.parts.iter().enumerate() {
            let ppath = bpath.key("parts").index(i);
            self.check_figure(p.value.0.0, t.metric, t.unit, &ppath.key("value"), out);
            let key = match (&p.region, &p.segment) {
                (Some(r), None) => {
                    if !self.reg.regions.contains(r) {
                        self.reg.unknown(
                            self.file,
                            &ppath.key("region"),
                            RegistryKind::Region,
                            r,
                            out,
                        );
                    }
                    PartKey::Region(r.clone())
                }
                (None, Some(s)) => {
                    check_text(self.file, &ppath.key("segment"), s, "the segment name", out);
                    PartKey::Segment(s.clone())
                }
                _ => {
                    out.push(
                        self.file
                            .error_at(&ppath, "a part names either a `region` or a `segment`")
                            .help("write `region: <id>` or `segment: {zh: …, en: …}`"),
                    );
                    continue;
                }
            };
            if !keys.insert(format!("{key:?}")) {
                out.push(self.file.error_at(&ppath, "this part is listed twice"));
            }
            parts.push(Part {
                key,
                value: p.value.0.0,
            });
        }
        parts
    }

    /// Checks the parts against the target's figure: a partition adds up to it, no
    /// part "of which" exceeds it, and a change (翻番) has no figure to split.
    fn check_total(
        &self,
        kind: BreakdownKind,
        parts: &[Part],
        value: Option<&TargetValue>,
        bpath: &YamlPath,
        out: &mut Problems,
    ) {
        let total = value.and_then(TargetValue::total);
        match (kind, total) {
            (_, None) if value.is_some() => out.push(
                self.file
                    .error_at(bpath, "a breakdown needs a target stated as a figure")
                    .help("breakdowns split a figure such as `exceed: 1000`, not a change such as `double`"),
            ),
            (BreakdownKind::Partition, Some(total)) if !parts.is_empty() => {
                let sum: f64 = parts.iter().map(|p| p.value).sum();
                if (sum - total).abs() > (total.abs() * 0.005).max(0.01) {
                    out.push(
                        self.file
                            .error_at(
                                &bpath.key("parts"),
                                format!("the parts add up to {} but the total is {}", trim(sum), trim(total)),
                            )
                            .help("fix the figures, or mark the breakdown `kind: of_which` if it lists only some parts"),
                    );
                }
            }
            (BreakdownKind::OfWhich, Some(total)) => {
                for (i, p) in parts.iter().enumerate() {
                    if p.value > total {
                        out.push(self.file.error_at(
                            &bpath.key("parts").index(i).key("value"),
                            format!("the part {} is larger than the total {}", trim(p.value), trim(total)),
                        ));
                    }
                }
            }
            _ => {}
        }
    }
}

/// A figure without float noise, for messages.
fn trim(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
