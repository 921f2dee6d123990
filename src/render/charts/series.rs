//! What a chart draws: one list of data points per chart, built from the model. The
//! SVG, the description, the table and the CSV are all made from this list, so they
//! can never disagree.

use crate::content::*;
use crate::render::format;
use crate::render::keys::ChartWord;
use crate::render::views::{ViewCtx, part_label, value_text};

/// What a bar or column stands for: it decides colour, legend entry and wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Target,
    Baseline,
    Actual,
    /// An outcome in another metric (revenue against output): drawn apart, never compared.
    OtherMeasure,
}

impl Kind {
    /// The legend's order of kinds: oldest first, the target last.
    pub const LEGEND_ORDER: [Kind; 4] = [
        Kind::Baseline,
        Kind::Actual,
        Kind::OtherMeasure,
        Kind::Target,
    ];

    /// The word for the kind, in the legend and the table.
    pub fn word(self) -> ChartWord {
        match self {
            Kind::Target => ChartWord::Target,
            Kind::Baseline => ChartWord::Baseline,
            Kind::Actual => ChartWord::Actual,
            Kind::OtherMeasure => ChartWord::OtherMeasure,
        }
    }
}

/// The name of a bar's extension: a stretch tier, or the top of a range.
pub fn stretch_word(tiers: bool) -> ChartWord {
    if tiers {
        ChartWord::Stretch
    } else {
        ChartWord::TopOfRange
    }
}

/// One bar: a value, and optionally an extension above it (stretch tier, top of range).
#[derive(Debug, Clone)]
pub struct Bar {
    /// Year (column charts) or category label (bar charts).
    pub label: String,
    pub value: f64,
    pub extension: Option<f64>,
    pub kind: Kind,
    /// Wording of the value for the table and the description.
    pub text: String,
    /// A note for the table (the measure, a comparator).
    pub note: String,
}

impl Bar {
    /// The extension, when it reaches above the bar.
    pub fn extension_above(&self) -> Option<f64> {
        self.extension.filter(|e| *e > self.value)
    }

    /// The top of the bar or its extension, whichever is higher.
    pub fn top(&self) -> f64 {
        self.extension.unwrap_or(self.value).max(self.value)
    }
}

/// The highest top among `bars` (zero for none).
pub fn highest(bars: &[Bar]) -> f64 {
    bars.iter().map(Bar::top).fold(0.0, f64::max)
}

/// The path from the baseline to the target: (year, value) at each end.
#[derive(Debug, Clone, Copy)]
pub struct Trajectory {
    pub from: (u16, f64),
    pub to: (u16, f64),
}

impl Trajectory {
    /// A point a year on the path: compound growth between positive ends (the pace a
    /// plan's growth targets assume), a straight line otherwise.
    pub fn points(self) -> Vec<(f64, f64)> {
        let ((y0, v0), (y1, v1)) = (self.from, self.to);
        (y0..=y1)
            .map(|y| {
                let t = f64::from(y - y0) / f64::from((y1 - y0).max(1));
                let v = if v0 > 0.0 && v1 > 0.0 {
                    v0 * (v1 / v0).powf(t)
                } else {
                    v0 + (v1 - v0) * t
                };
                (f64::from(y), v)
            })
            .collect()
    }

    /// The yearly growth, in percent, that takes the baseline to the target; `None`
    /// when it means nothing (no years between, or an end not above zero).
    pub fn yearly_growth(self) -> Option<f64> {
        let ((y0, v0), (y1, v1)) = (self.from, self.to);
        (y1 > y0 && v0 > 0.0 && v1 > 0.0)
            .then(|| ((v1 / v0).powf(1.0 / f64::from(y1 - y0)) - 1.0) * 100.0)
    }
}

/// A target's column chart: its columns, oldest first, and its path.
pub struct TargetSeries {
    pub bars: Vec<Bar>,
    pub path: Option<Trajectory>,
}

/// The columns of a target: baseline, outcomes, the target (with its upper tier).
/// `None` for a ranking (a column for "50th place" would grow as the goal gets
/// worse; it is stated in words and in the table, not drawn) and for a target
/// implying no figure (a doubling of an unpublished baseline).
pub fn target_series(cx: ViewCtx, target: &Target) -> Option<TargetSeries> {
    let lang = cx.lang;
    let unit = target.unit;
    if unit.kind() == UnitKind::Rank {
        return None;
    }
    let baseline = target.baseline.and_then(|b| b.value.map(|v| (b.year, v)));
    let floor = target.implied_figure()?;
    let mut bars = Vec::new();
    if let Some((year, v)) = baseline {
        bars.push(Bar {
            label: year.to_string(),
            value: v,
            extension: None,
            kind: Kind::Baseline,
            text: format::quantity(v, format::Measure::of(target), lang),
            note: cx.metric(target.metric).to_string(),
        });
    }
    for a in &target.actuals {
        let kind = if a.metric == target.metric {
            Kind::Actual
        } else {
            Kind::OtherMeasure
        };
        bars.push(Bar {
            label: a.year.to_string(),
            value: a.value,
            extension: None,
            kind,
            text: format::quantity(a.value, format::Measure::of(target), lang),
            note: cx.metric(a.metric).to_string(),
        });
    }
    bars.push(Bar {
        label: target.year.to_string(),
        value: floor,
        extension: target.value.upper_figure(),
        kind: Kind::Target,
        text: value_text(lang, target),
        note: cx.metric(target.metric).to_string(),
    });
    let path = baseline.map(|from| Trajectory {
        from,
        to: (target.year, floor),
    });
    Some(TargetSeries { bars, path })
}

/// The parts of a target's breakdown, largest first.
pub fn breakdown_bars(cx: ViewCtx, target: &Target) -> Option<Vec<Bar>> {
    let b = target.breakdown.as_ref()?;
    let mut bars: Vec<Bar> = b
        .parts
        .iter()
        .map(|p| Bar {
            label: part_label(cx, &p.key),
            value: p.value,
            extension: None,
            kind: Kind::Target,
            text: format::quantity(p.value, format::Measure::of(target), cx.lang),
            note: String::new(),
        })
        .collect();
    largest_first(&mut bars);
    Some(bars)
}

/// A plan's industry-chain targets, largest first, in the plan's most common chain
/// unit (so the bars share one scale). `None` when no target can be drawn.
pub fn plan_bars(cx: ViewCtx, plan: &Plan) -> Option<(Vec<Bar>, MeasureUnit)> {
    let targets: Vec<&Target> = plan
        .targets
        .iter()
        .filter(|t| t.chain().is_some())
        .collect();
    let unit = common_unit(&targets)?;
    let mut bars: Vec<Bar> = targets
        .iter()
        .filter(|t| t.unit == unit)
        .filter_map(|t| {
            Some(Bar {
                label: cx.text(&t.name).to_string(),
                value: t.implied_figure()?,
                extension: t.value.upper_figure(),
                kind: Kind::Target,
                text: value_text(cx.lang, t),
                note: format!("{} · {}", cx.metric(t.metric), t.year),
            })
        })
        .collect();
    if bars.is_empty() {
        return None;
    }
    largest_first(&mut bars);
    Some((bars, unit))
}

/// The targets of one chain across plans, by year, in their most common unit.
pub fn chain_bars(cx: ViewCtx, targets: &[(&Plan, &Target)]) -> Option<(Vec<Bar>, MeasureUnit)> {
    let only: Vec<&Target> = targets.iter().map(|(_, t)| *t).collect();
    let unit = common_unit(&only)?;
    let mut items: Vec<&(&Plan, &Target)> =
        targets.iter().filter(|(_, t)| t.unit == unit).collect();
    items.sort_by(|a, b| {
        a.1.year
            .cmp(&b.1.year)
            .then(a.0.id.cmp(&b.0.id))
            .then(a.1.id.cmp(&b.1.id))
    });
    // A bar is told apart by where and when (plan titles are too long for a label);
    // when the plans measure the chain differently (output in one, revenue in
    // another), the measure goes into the label too, so no reader takes the bars
    // for one series.
    let mixed_metrics = items.iter().any(|(_, t)| t.metric != items[0].1.metric);
    let bars: Vec<Bar> = items
        .iter()
        .filter_map(|(p, t)| {
            let mut label = format!("{} · {}", cx.region_name(&t.region), t.year);
            if mixed_metrics {
                label = format!("{label} · {}", cx.metric(t.metric));
            }
            Some(Bar {
                label,
                value: t.implied_figure()?,
                extension: t.value.upper_figure(),
                kind: Kind::Target,
                text: value_text(cx.lang, t),
                note: format!("{} · {}", cx.text(&t.name), cx.text(&p.short_title)),
            })
        })
        .collect();
    (!bars.is_empty()).then_some((bars, unit))
}

fn largest_first(bars: &mut [Bar]) {
    bars.sort_by(|a, b| b.value.total_cmp(&a.value).then(a.label.cmp(&b.label)));
}

/// The unit most of `targets` share (the smallest such unit on a tie).
fn common_unit(targets: &[&Target]) -> Option<MeasureUnit> {
    let mut counts: Vec<(MeasureUnit, usize)> = Vec::new();
    for t in targets {
        match counts.iter_mut().find(|(u, _)| *u == t.unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((t.unit, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.first().map(|(u, _)| *u)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_grows_at_a_steady_rate_between_positive_ends() {
        let path = Trajectory {
            from: (2020, 100.0),
            to: (2022, 121.0),
        };
        let points = path.points();
        assert_eq!(points.len(), 3);
        assert!((points[1].1 - 110.0).abs() < 1e-9, "{points:?}");
        assert!((path.yearly_growth().unwrap() - 10.0).abs() < 1e-9);
        let from_zero = Trajectory {
            from: (2020, 0.0),
            to: (2022, 10.0),
        };
        assert_eq!(from_zero.points()[1], (2021.0, 5.0));
        assert_eq!(from_zero.yearly_growth(), None);
    }
}
