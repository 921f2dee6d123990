//! A target's progress in words: its badge and the sentence that explains it.

use rayon::prelude::*;
use serde::Serialize;

use super::ViewCtx;
use super::lists::value_text;
use crate::content::*;
use crate::derive::TargetRef;
use crate::derive::progress::{Progress, Reason, Status};
use crate::render::format;

/// A target's progress, for a badge and its explanation.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressView {
    pub key: &'static str,
    pub label: String,
    /// Why: the outcome and how it compares, in a sentence.
    pub explanation: String,
    /// For two tiers: whether the floor and the stretch were met.
    pub tiers: Option<String>,
}

/// A target with a published outcome, as the progress page lists it: its table row
/// (see [`super::TargetRow`]) and the sentence judging it.
#[derive(Serialize)]
struct AssessedRow {
    row: super::TargetRow,
    explanation: String,
    tiers: Option<String>,
}

/// The progress page's rows of `plan`'s targets that have outcomes, ready for
/// templates. `serve` keeps them plan by plan, so an edit makes only its plan's again.
pub fn assessed_rows(v: ViewCtx, plan: &Plan) -> Vec<tera::Value> {
    plan.targets
        .iter()
        .filter(|t| !t.actuals.is_empty())
        .map(|t| {
            let progress = v.progress_view(t);
            tera::Value::from_serializable(&AssessedRow {
                row: super::TargetRow::new(v, t),
                explanation: progress.explanation,
                tiers: progress.tiers,
            })
        })
        .collect()
}

/// [`assessed_rows`] of every plan of the site, plan by plan, on every core.
pub fn assessed_rows_by_plan(v: ViewCtx) -> Vec<Vec<tera::Value>> {
    let plans: Vec<&Plan> = v.site.plans.iter().collect();
    plans
        .par_iter()
        .map(|plan| assessed_rows(v, plan))
        .collect()
}

impl ViewCtx<'_> {
    /// The progress of `target`, from the index.
    pub fn progress_of(&self, target: &Target) -> Option<Progress> {
        let plan = self.site.plans.position(&target.plan)?;
        self.index
            .progress_of(TargetRef {
                plan,
                target: target.position,
            })
            .copied()
    }

    pub fn status_label(&self, status: Status) -> String {
        self.t(&format!("progress_{}", status.key())).to_string()
    }

    /// The badge and the sentence explaining a target's progress.
    pub fn progress_view(&self, target: &Target) -> ProgressView {
        let p = self.progress_of(target).unwrap_or(Progress {
            status: Status::NoData,
            reason: Reason::NoOutcome,
            tiers: None,
        });
        // How such a goal is judged, only where an outcome was judged: after "no
        // outcome is published" the rule explains nothing.
        let judged = matches!(
            p.reason,
            Reason::Met { .. }
                | Reason::MetYear { .. }
                | Reason::MissedYear { .. }
                | Reason::NotYetRanked { .. }
                | Reason::Missed { .. }
                | Reason::Ratio { .. }
                | Reason::Gap { .. }
        );
        let explanation = if judged {
            format!(
                "{} {}",
                self.explain(target, p.reason),
                self.t(TargetForm::of(target).key())
            )
        } else {
            self.explain(target, p.reason)
        };
        let tiers = p.tiers.map(|t| {
            let floor = if t.floor {
                "tiers_floor_met"
            } else {
                "tiers_floor_missed"
            };
            let stretch = if t.stretch {
                "tiers_stretch_met"
            } else {
                "tiers_stretch_missed"
            };
            format!(
                "{}{}{}",
                self.t(floor),
                self.t("list_separator"),
                self.t(stretch)
            )
        });
        ProgressView {
            key: p.status.key(),
            label: self.status_label(p.status),
            explanation,
            tiers,
        }
    }

    /// Why a target has its status, in a sentence of the page's language.
    fn explain(&self, target: &Target, reason: Reason) -> String {
        let q = |v: f64| format::quantity(v, format::Measure::level_of(target), self.lang);
        let fill = |key: &str, pairs: &[(&str, String)]| {
            let args: Vec<(&str, &str)> = pairs.iter().map(|(n, v)| (*n, v.as_str())).collect();
            self.tf(key, &args)
        };
        match reason {
            Reason::NoOutcome => self.t("reason_no_outcome").to_string(),
            Reason::NoFinalFigure => self.t("reason_no_final").to_string(),
            Reason::NoFigure => self.t("reason_no_figure").to_string(),
            Reason::NoBaseline => self.t("reason_no_baseline").to_string(),
            Reason::NotComputable => self.t("reason_not_computable").to_string(),
            Reason::OtherMeasure(metric) => {
                let reported = target
                    .actuals
                    .iter()
                    .filter(|a| a.metric == metric)
                    .max_by_key(|a| a.year)
                    .map(|a| self.aside(&q(a.value), &self.year(a.year)))
                    .unwrap_or_default();
                fill(
                    "reason_other_measure",
                    &[
                        ("metric", in_sentence(self.metric(metric))),
                        ("reported", reported),
                        ("target_metric", in_sentence(self.metric(target.metric))),
                        ("target", value_text(self.lang, target)),
                    ],
                )
            }
            Reason::Met { year, value } => fill(
                "reason_met",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::Missed { year, value } => fill(
                "reason_missed",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::MetYear { year, value } => fill(
                "reason_met_year",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::MissedYear { year, value } => fill(
                "reason_missed_year",
                &[("year", year.to_string()), ("value", q(value))],
            ),
            Reason::NotYetRanked { year, value } => fill(
                "reason_not_yet_ranked",
                &[
                    ("year", year.to_string()),
                    ("value", q(value)),
                    ("target_year", target.year.to_string()),
                ],
            ),
            Reason::Ratio { year, value, ratio } => fill(
                "reason_ratio",
                &[
                    ("year", year.to_string()),
                    ("value", q(value)),
                    ("ratio", format::plain(ratio, 2)),
                ],
            ),
            Reason::Gap {
                year,
                value,
                closed,
                elapsed,
            } => fill(
                // A gap that grew is said so, not as a negative share closed.
                if closed < 0.0 {
                    "reason_gap_widened"
                } else {
                    "reason_gap"
                },
                &[
                    ("year", year.to_string()),
                    ("value", q(value)),
                    ("closed", format::plain(closed * 100.0, 0)),
                    ("elapsed", format::plain(elapsed * 100.0, 0)),
                ],
            ),
        }
    }
}

/// The shape of a goal, for the sentence saying how such a goal is judged: a ranking
/// is not a level that grows, a figure for each year is judged year by year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetForm {
    Level,
    Range,
    Share,
    Growth,
    Count,
    Ranking,
    Annual,
}

impl TargetForm {
    pub const ALL: [TargetForm; 7] = [
        TargetForm::Level,
        TargetForm::Range,
        TargetForm::Share,
        TargetForm::Growth,
        TargetForm::Count,
        TargetForm::Ranking,
        TargetForm::Annual,
    ];

    pub fn of(target: &Target) -> TargetForm {
        if target.unit == MeasureUnit::Place {
            TargetForm::Ranking
        } else if target.each.is_some() {
            TargetForm::Annual
        } else if target.value.is_average_growth() || target.metric == Metric::Growth {
            TargetForm::Growth
        } else if matches!(target.value, TargetValue::Range { .. }) {
            TargetForm::Range
        } else if target.unit.kind() == UnitKind::Percent {
            TargetForm::Share
        } else if target.unit.kind() == UnitKind::Count {
            TargetForm::Count
        } else {
            TargetForm::Level
        }
    }

    /// The UI string saying how a goal of this form is judged.
    pub fn key(self) -> &'static str {
        match self {
            TargetForm::Level => "assess_level",
            TargetForm::Range => "assess_range",
            TargetForm::Share => "assess_share",
            TargetForm::Growth => "assess_growth",
            TargetForm::Count => "assess_count",
            TargetForm::Ranking => "assess_ranking",
            TargetForm::Annual => "assess_annual",
        }
    }
}

/// A label written to stand alone ("Operating revenue") as it reads inside an English
/// sentence ("operating revenue"); acronyms ("GDP") and Chinese stay as they are.
fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_ascii_uppercase() && !second.is_uppercase() => {
            first.to_ascii_lowercase().to_string() + &label[1..]
        }
        _ => label.to_string(),
    }
}
