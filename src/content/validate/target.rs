//! A target of a plan: its subject, region, unit, direction, baseline, units named
//! responsible and source; its value, breakdown and outcomes have modules of their
//! own.

use std::collections::HashSet;

use super::Problems;
use super::RegistryKind;
use super::check_text;
use super::plan::PlanContext;
use super::value::unit_help;
use super::wording::target_inferred;
use crate::content::id::Id;
use crate::content::model::{Baseline, Commentary, SourceRef, Subject, Target};
use crate::content::raw::{RawSource, RawTarget};
use crate::content::value::{Direction, TargetValue};
use crate::diagnostics::Severity;
use crate::lang::Localized;
use crate::yaml::YamlPath;

impl PlanContext<'_> {
    pub(super) fn target(
        &self,
        t: RawTarget,
        path: &YamlPath,
        commentary: Localized<Option<Commentary>>,
        out: &mut Problems,
    ) -> Option<Target> {
        let before = out.len();
        let file = self.file;
        check_text(file, &path.key("name"), &t.name, "the name", out);
        if let Some(s) = &t.short_name {
            check_text(file, &path.key("short_name"), s, "the short name", out);
        }
        if let Some(n) = &t.note {
            check_text(file, &path.key("note"), n, "the note", out);
        }
        let subject = self.subject(&t, path, out);
        let region = t.region.clone().unwrap_or_else(|| self.region.clone());
        if t.region.is_some() && !self.reg.regions.contains(&region) {
            self.reg.unknown(
                file,
                &path.key("region"),
                RegistryKind::Region,
                &region,
                out,
            );
        }
        if !t.metric.accepts(t.unit) {
            out.push(
                file.error_at(
                    &path.key("unit"),
                    format!("a `{}` target cannot be measured in `{}`", t.metric, t.unit),
                )
                .help(unit_help(t.metric)),
            );
        }
        let values = self.values(&t, path, out);
        let value = values.map(|(v, _)| v);
        let direction = self.direction(&t, value.as_ref(), path, out);
        let baseline = self.baseline(&t, value.as_ref(), path, out);
        if !(self.horizon.start..=self.horizon.end).contains(&t.year.0) {
            out.push(file.warning_at(
                &path.key("year"),
                format!(
                    "the target year {} lies outside the plan's horizon {}–{}",
                    t.year, self.horizon.start, self.horizon.end
                ),
            ));
        }
        // A breakdown splits the figure the goal names, in either of its forms.
        let split = values.map(|(v, also)| match (v.total(), also) {
            (None, Some(a)) => a,
            _ => v,
        });
        let breakdown = t
            .breakdown
            .as_ref()
            .and_then(|b| self.breakdown(b, &t, split.as_ref(), path, out));
        let responsible = self.units(&t.responsible, &path.key("responsible"), out);
        let lead = self.units(&t.lead, &path.key("lead"), out);
        let source = self.source(&t.source, &path.key("source"), out);
        let actuals = self.actuals(&t, path, out);
        let counting = self.counting(&t, path, out);
        let each = self.recurrence(&t, path, out);
        let inferred = target_inferred(file, &t.inferred, &path.key("inferred"), out);
        let had_error = out[before..].iter().any(|d| d.severity == Severity::Error);
        if had_error {
            return None;
        }
        Some(Target {
            position: 0,
            plan: self.plan.clone(),
            id: t.id,
            name: t.name,
            short_name: t.short_name,
            subject: subject?,
            region,
            metric: t.metric,
            unit: t.unit,
            year: t.year.0,
            each,
            growth_since: value
                .filter(TargetValue::is_average_growth)
                .map(|_| baseline.map_or(self.horizon.start.saturating_sub(1), |b| b.year)),
            value: value?,
            also: values.and_then(|(_, also)| also),
            counting,
            direction,
            baseline,
            breakdown,
            responsible,
            lead,
            source: source?,
            actuals,
            note: t.note,
            inferred,
            commentary,
        })
    }

    pub(super) fn subject(
        &self,
        t: &RawTarget,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Subject> {
        match (&t.chain, &t.topic) {
            (Some(chain), None) => {
                if self.reg.chains.contains(chain) {
                    Some(Subject::Chain(chain.clone()))
                } else {
                    self.reg.unknown(
                        self.file,
                        &path.key("chain"),
                        RegistryKind::Chain,
                        chain,
                        out,
                    );
                    None
                }
            }
            (None, Some(topic)) => {
                if self.reg.topics.contains(topic) {
                    Some(Subject::Topic(topic.clone()))
                } else {
                    self.reg.unknown(
                        self.file,
                        &path.key("topic"),
                        RegistryKind::Topic,
                        topic,
                        out,
                    );
                    None
                }
            }
            (Some(_), Some(_)) => {
                out.push(
                    self.file
                        .error_at(
                            &path.key("topic"),
                            "a target has a `chain` or a `topic`, not both",
                        )
                        .help("keep `chain` for industry-chain targets and `topic` for the others"),
                );
                None
            }
            (None, None) => {
                out.push(
                    self.file
                        .error_at(path, format!("the target `{}` has neither `chain` nor `topic`", t.id))
                        .help("add `chain: <id>` for an industry chain or `topic: <id>` for other goals"),
                );
                None
            }
        }
    }

    pub(super) fn direction(
        &self,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Direction {
        let implied = value.map_or(Direction::Up, TargetValue::implied_direction);
        match t.direction {
            Some(Direction::Up) if implied == Direction::Down => {
                out.push(
                    self.file
                        .error_at(&path.key("direction"), "`at_most` targets aim down, not up")
                        .help("remove `direction`, or use another comparator"),
                );
                Direction::Up
            }
            Some(d) => d,
            None => implied,
        }
    }

    pub(super) fn baseline(
        &self,
        t: &RawTarget,
        value: Option<&TargetValue>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Baseline> {
        let bpath = path.key("baseline");
        match &t.baseline {
            None => {
                if value.is_some_and(TargetValue::needs_baseline) {
                    out.push(
                        self.file
                            .error_at(&path.key("value"), "this value is stated against a baseline, but the target has none")
                            .help("add `baseline: {year: 2020}` (and its `value` if the plan gives it)"),
                    );
                }
                None
            }
            Some(b) => {
                if b.year >= t.year {
                    out.push(
                        self.file
                            .error_at(
                                &bpath.key("year"),
                                format!(
                                    "the baseline year {} is not before the target year {}",
                                    b.year, t.year
                                ),
                            )
                            .help("the baseline is the starting point; its year comes first"),
                    );
                }
                if let Some(v) = b.value {
                    self.check_figure(v.0, t.metric, t.unit, &bpath.key("value"), out);
                }
                Some(Baseline {
                    year: b.year.0,
                    value: b.value.map(|v| v.0),
                })
            }
        }
    }

    pub(super) fn units(&self, ids: &[Id], path: &YamlPath, out: &mut Problems) -> Vec<Id> {
        let mut seen = HashSet::new();
        let mut units = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            if !self.reg.units.contains(id) {
                self.reg
                    .unknown(self.file, &path.index(i), RegistryKind::Department, id, out);
            } else if !seen.insert(id) {
                out.push(self.file.warning_at(
                    &path.index(i),
                    format!("the department `{id}` is listed twice"),
                ));
            } else {
                units.push(id.clone());
            }
        }
        units
    }

    pub(super) fn source(
        &self,
        s: &RawSource,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<SourceRef> {
        let record_id = s.record.clone().unwrap_or_else(|| self.record.clone());
        if let Some(w) = &s.wording
            && w.trim().is_empty()
        {
            out.push(
                self.file
                    .error_at(&path.key("wording"), "the quoted wording is empty")
                    .help("quote the document's sentence for the goal, or remove `wording`"),
            );
        }
        let mut source = self.source_ref(record_id, Some(&s.clause), path, out)?;
        source.wording = s.wording.clone().filter(|w| !w.trim().is_empty());
        Some(source)
    }

    pub(super) fn source_ref(
        &self,
        record_id: Id,
        clause: Option<&String>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<SourceRef> {
        let Some(record) = self.reg.records.get(&record_id) else {
            if self.reg.record_unreadable(&record_id) {
                return None;
            }
            out.push(
                self.file
                    .error_at(
                        &path.key("record"),
                        format!("unknown source record `{record_id}`"),
                    )
                    .help(format!("add seeds/{record_id}.yaml, or fix the spelling")),
            );
            return None;
        };
        if let Some(clause) = clause
            && record.clause(clause).is_none()
        {
            let known: Vec<&str> = record.clauses.iter().map(|c| c.id.as_str()).collect();
            out.push(
                self.file
                    .error_at(
                        &path.key("clause"),
                        format!("the record `{record_id}` has no clause `{clause}`"),
                    )
                    .help(if known.is_empty() {
                        format!("list the document's clauses in seeds/{record_id}.yaml")
                    } else {
                        format!("known clauses: {}", known.join(", "))
                    }),
            );
            return None;
        }
        Some(SourceRef {
            record: record_id,
            clause: clause.cloned(),
            wording: None,
        })
    }
}
