//! A target's outcomes: figures reported for a year, each with its source.

use std::collections::HashSet;

use super::plan::PlanContext;
use super::{Problems, check_text};
use crate::content::model::Actual;
use crate::content::raw::RawTarget;
use crate::yaml::YamlPath;

impl PlanContext<'_> {
    pub(super) fn actuals(
        &self,
        t: &RawTarget,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Vec<Actual> {
        let mut seen = HashSet::new();
        let mut actuals = Vec::new();
        for (i, a) in t.actuals.iter().enumerate() {
            let apath = path.key("actuals").index(i);
            let metric = a.metric.unwrap_or(t.metric);
            if metric != t.metric && !metric.accepts(t.unit) {
                out.push(
                    self.file
                        .error_at(
                            &apath.key("metric"),
                            format!("a `{metric}` figure cannot be given in `{}`", t.unit),
                        )
                        .help("an outcome in another metric must still be in the target's unit"),
                );
                continue;
            }
            self.check_figure(a.value.0.0, metric, t.unit, &apath.key("value"), out);
            if !seen.insert((a.year, metric)) {
                out.push(
                    self.file
                        .error_at(
                            &apath.key("year"),
                            format!("a second `{metric}` outcome for {}", a.year),
                        )
                        .help("keep one outcome per year and metric"),
                );
            }
            if let Some(n) = &a.note {
                check_text(self.file, &apath.key("note"), n, "the note", out);
            }
            let Some(source) = self.source_ref(
                a.source.record.clone(),
                a.source.clause.as_ref(),
                &apath.key("source"),
                out,
            ) else {
                continue;
            };
            actuals.push(Actual {
                year: a.year.0,
                value: a.value.0.0,
                metric,
                source,
                note: a.note.clone(),
            });
        }
        actuals.sort_by_key(|a| (a.year, a.metric));
        actuals
    }
}
