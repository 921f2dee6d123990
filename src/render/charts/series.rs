//! What a chart draws: one list of data points per chart, built from the model. The
//! SVG, the description, the table and the CSV are all made from this list, so they
//! can never disagree.

use crate::content::*;
use crate::lang::Lang;
use crate::render::format;
use crate::render::keys::ChartWord;
use crate::render::views::{ViewCtx, part_label, value_text};
use std::collections::HashMap;

pub use super::path::Trajectory;
pub use super::terms::{ValueTerms, source_words, terms};

/// What a mark stands for: it decides colour, legend entry and wording.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Baseline,
    Actual,
    /// An outcome in another metric (revenue against output): drawn on an axis of
    /// its own, never compared.
    OtherMeasure,
    Target,
    /// The level an average growth rate leads to: arithmetic of the site, not a
    /// figure of the document.
    Implied,
    /// The level a doubling or a rise from the baseline comes to (42 doubled is 84):
    /// exact arithmetic, but the site's, not a figure the document states.
    Worked,
}

impl Kind {
    /// The legend's and the table's order of kinds: oldest first, the target last.
    pub const LEGEND_ORDER: [Kind; 6] = [
        Kind::Baseline,
        Kind::Actual,
        Kind::OtherMeasure,
        Kind::Target,
        Kind::Implied,
        Kind::Worked,
    ];

    /// The word for the kind, in the legend and the table.
    pub fn word(self) -> ChartWord {
        match self {
            Kind::Target => ChartWord::Target,
            Kind::Baseline => ChartWord::Baseline,
            Kind::Actual => ChartWord::Actual,
            Kind::OtherMeasure => ChartWord::OtherMeasure,
            Kind::Implied => ChartWord::Implied,
            Kind::Worked => ChartWord::Worked,
        }
    }
}

/// One bar or column: a value, and optionally an extension above it (stretch tier,
/// top of range).
#[derive(Debug, Clone)]
pub struct Bar {
    /// The category label (bar charts) or the year (column charts).
    pub label: String,
    /// The year a column stands at.
    pub year: u16,
    pub value: f64,
    pub extension: Option<f64>,
    pub kind: Kind,
    /// Wording of the value for the table and the description.
    pub text: String,
    /// A note for the table (the measure, a comparator).
    pub note: String,
    /// The latest comparable outcome, drawn beside a target's bar.
    pub outcome: Option<(u16, f64)>,
    /// The target the bar stands for, for the CSV's qualifier, comparator and source.
    pub value_form: Option<ValueTerms>,
    /// The figure is an aspiration (力争, 争取…), not a firm target: drawn and named
    /// as the stretch of two tiers is.
    pub aspiration: bool,
    /// The target's counting word and noun (家, 台; technologies), for the CSV's unit.
    pub counting: Counting,
}

impl Bar {
    /// The extension, when it reaches above the bar.
    pub fn extension_above(&self) -> Option<f64> {
        self.extension.filter(|e| *e > self.value)
    }

    /// The top of the bar, its extension or its outcome, whichever is highest.
    pub fn top(&self) -> f64 {
        let outcome = self.outcome.map_or(0.0, |(_, v)| v);
        self.extension
            .unwrap_or(self.value)
            .max(self.value)
            .max(outcome)
    }
}

/// The lowest point among `bars`, zero unless one falls below it.
pub fn lowest(bars: &[Bar]) -> f64 {
    bars.iter()
        .map(|b| b.value.min(b.outcome.map_or(0.0, |(_, v)| v)))
        .fold(0.0, f64::min)
}

/// The highest top among `bars` (zero for none).
pub fn highest(bars: &[Bar]) -> f64 {
    bars.iter().map(Bar::top).fold(0.0, f64::max)
}

/// A path drawn in a target's chart, with the words written along it.
#[derive(Debug, Clone)]
pub struct Path {
    pub line: Trajectory,
    /// True for the path an average growth rate implies (dotted, the document's rate
    /// along it); false for the pace a target needs from its baseline (dashed).
    pub implied: bool,
    pub label: String,
}

/// An average growth rate with no published level to grow from: drawn as the rate
/// itself over the years it is to be kept up.
#[derive(Debug, Clone)]
pub struct Rate {
    pub from: u16,
    pub to: u16,
    pub value: f64,
    pub text: String,
}

/// A target's column chart: its columns, its outcomes, its path.
pub struct TargetSeries {
    /// The baseline and the target's columns (one per year for a yearly target).
    pub columns: Vec<Bar>,
    /// Outcomes in the target's metric, oldest first: drawn as a line.
    pub outcomes: Vec<Bar>,
    /// Outcomes in another metric: drawn in a panel of their own.
    pub others: Vec<Bar>,
    pub path: Option<Path>,
    pub rate: Option<Rate>,
    /// The main panel's unit: the target's, or percent for a rate.
    pub unit: MeasureUnit,
    /// The citation of the target's clause, and of each outcome's source in the
    /// target's order: made once here for the chart's table, CSV and source lines
    /// (making them again was a twentieth of a target chart's time).
    pub source: String,
    pub outcome_sources: Vec<String>,
}

impl TargetSeries {
    /// Every row of the chart's table, in the legend's order of kinds and by year.
    pub fn rows(&self) -> Vec<&Bar> {
        let mut rows: Vec<&Bar> = self
            .columns
            .iter()
            .chain(&self.outcomes)
            .chain(&self.others)
            .collect();
        rows.sort_by_key(|b| (b.year, b.kind));
        rows
    }

    /// The kinds drawn, in the legend's order.
    pub fn kinds(&self) -> Vec<Kind> {
        Kind::LEGEND_ORDER
            .into_iter()
            .filter(|k| {
                self.columns
                    .iter()
                    .chain(&self.outcomes)
                    .chain(&self.others)
                    .any(|b| b.kind == *k)
                    || (*k == Kind::Target && self.rate.is_some())
            })
            .collect()
    }
}

fn column(cx: ViewCtx, target: &Target, year: u16, value: f64, kind: Kind) -> Bar {
    Bar {
        label: year.to_string(),
        year,
        value,
        extension: None,
        kind,
        text: format::quantity(value, format::Measure::level_of(target), cx.lang),
        note: cx.metric(target.metric).to_string(),
        outcome: None,
        value_form: None,
        aspiration: false,
        counting: target.counting.clone(),
    }
}

/// The marks of a target: baseline, outcomes, the target (with its upper tier, in
/// each year it applies to), the path. `None` for a ranking (a column for "50th
/// place" would grow as the goal gets worse; it is stated in words and in the table,
/// not drawn) and for a change against a baseline the plan does not publish.
pub fn target_series(cx: ViewCtx, target: &Target) -> Option<TargetSeries> {
    if target.unit.kind() == UnitKind::Rank {
        return None;
    }
    let baseline = target.baseline.and_then(|b| b.value.map(|v| (b.year, v)));
    let mut series = TargetSeries {
        columns: Vec::new(),
        outcomes: Vec::new(),
        others: Vec::new(),
        path: None,
        rate: None,
        unit: target.unit.level(),
        source: source_words(cx, &target.source),
        outcome_sources: target
            .actuals
            .iter()
            .map(|a| source_words(cx, &a.source))
            .collect(),
    };
    let growth = match target.value {
        TargetValue::AverageGrowth(b) => Some(b),
        _ => None,
    };
    if let (Some(b), None) = (growth, baseline) {
        let since = target.growth_since.unwrap_or(target.year.saturating_sub(1));
        series.unit = MeasureUnit::Percent;
        series.rate = Some(Rate {
            from: (since + 1).min(target.year),
            to: target.year,
            value: b.value,
            text: value_text(cx.lang, target),
        });
    } else {
        let stated = target.stated_value().filter(|_| growth.is_none());
        let figure = match stated {
            Some(v) => v.implied_figure(target.unit, None, 0),
            None => target.implied_figure(),
        };
        // A doubling of a baseline the plan does not publish has no level to draw;
        // its outcomes, if any, still are.
        if figure.is_none() && target.actuals.is_empty() {
            return None;
        }
        if let Some((year, v)) = baseline {
            series
                .columns
                .push(column(cx, target, year, v, Kind::Baseline));
        }
        if let Some(figure) = figure {
            target_columns(cx, target, &mut series, figure, stated);
            series.path = baseline.map(|from| path(cx, target, &series, from, figure));
        }
    }
    for (a, source) in target.actuals.iter().zip(&series.outcome_sources) {
        // Outcomes of the target's own measure are outcomes even beside a growth
        // rate: they go to a panel of their own (levels, not rates) but are not
        // another measure.
        let same_measure = a.metric == target.metric;
        let comparable = same_measure && series.rate.is_none();
        let kind = if same_measure {
            Kind::Actual
        } else {
            Kind::OtherMeasure
        };
        let mut bar = column(cx, target, a.year, a.value, kind);
        bar.note = cx.metric(a.metric).to_string();
        bar.value_form = Some(ValueTerms {
            source: source.clone(),
            ..ValueTerms::default()
        });
        if comparable {
            series.outcomes.push(bar);
        } else {
            series.others.push(bar);
        }
    }
    series.outcomes.sort_by_key(|b| b.year);
    series.others.sort_by_key(|b| b.year);
    one_measure(&mut series.others);
    Some(series)
}

/// The second panel holds one measure, never two on one axis: the target's own
/// (levels beside a growth rate) when published, else the latest other measure. The
/// rest stay in the page's table of outcomes.
fn one_measure(others: &mut Vec<Bar>) {
    let keep = match others.iter().any(|b| b.kind == Kind::Actual) {
        true => None,
        false => others.last().map(|b| b.note.clone()),
    };
    others.retain(|b| match &keep {
        None => b.kind == Kind::Actual,
        Some(measure) => &b.note == measure,
    });
}

/// The target's own columns: the level a growth rate implies, the document's level
/// in each year it applies to, or the level the site works out from the baseline.
fn target_columns(
    cx: ViewCtx,
    target: &Target,
    series: &mut TargetSeries,
    figure: f64,
    stated: Option<&TargetValue>,
) {
    if matches!(target.value, TargetValue::AverageGrowth(_)) {
        // Worked out by the site: approximate, never as the document's figure.
        let figure = approximate(figure, target.unit.kind() == UnitKind::Count);
        let mut end = column(cx, target, target.year, figure, Kind::Implied);
        // "≈1.375万亿元（年均增长8%以上）": the level, and the document's words it
        // comes from, with their 以上.
        end.text = cx.aside(&format!("≈{}", end.text), &value_text(cx.lang, target));
        end.value_form = Some(terms(cx, target, &series.source));
        series.columns.push(end);
    } else if let Some(stated) = stated {
        // The same words in every year a yearly target repeats: made once.
        let (text, value_form) = (
            value_text(cx.lang, target),
            terms(cx, target, &series.source),
        );
        for year in target.years() {
            series.columns.push(Bar {
                extension: stated.upper_figure(),
                kind: Kind::Target,
                text: text.clone(),
                value_form: Some(value_form.clone()),
                ..column(cx, target, year, figure, Kind::Target)
            });
        }
    } else {
        // 翻番, 提高1.5个百分点: the level is the site's arithmetic on the baseline.
        let bar = column(cx, target, target.year, figure, Kind::Worked);
        series.columns.push(Bar {
            text: cx.aside(&bar.text, &value_text(cx.lang, target)),
            value_form: Some(terms(cx, target, &series.source)),
            ..bar
        });
    }
}

/// The path from the baseline to the target's level: the one a growth rate implies
/// (dotted, with the rate), or the pace the target needs (dashed).
fn path(
    cx: ViewCtx,
    target: &Target,
    series: &TargetSeries,
    from: (u16, f64),
    figure: f64,
) -> Path {
    let growth = matches!(target.value, TargetValue::AverageGrowth(_));
    let line = Trajectory {
        from,
        to: (target.year, figure),
        shares: !growth && series.unit == MeasureUnit::Percent,
    };
    if growth {
        return Path {
            line,
            implied: true,
            label: value_text(cx.lang, target),
        };
    }
    Path {
        line,
        implied: false,
        // A fall is worded as a fall, a share's pace in points.
        label: line.pace().map_or(String::new(), |pace| {
            let rate = pace.text();
            cx.tf(pace.words().0.key(), &[("rate", &rate)])
        }),
    }
}

/// The parts of a target's breakdown, largest first, each citing `source` (the
/// target's clause, [`source_words`]).
pub fn breakdown_bars(cx: ViewCtx, target: &Target, source: &str) -> Option<Vec<Bar>> {
    let b = target.breakdown.as_ref()?;
    let mut bars: Vec<Bar> = b
        .parts
        .iter()
        .map(|p| Bar {
            label: part_label(cx, &p.key),
            note: String::new(),
            value_form: Some(ValueTerms {
                source: source.to_string(),
                ..ValueTerms::default()
            }),
            ..column(cx, target, target.year, p.value, Kind::Target)
        })
        .collect();
    largest_first(&mut bars);
    Some(bars)
}

/// Bars of one metric in one unit: a panel of a small-multiples chart.
pub struct Panel {
    pub metric: Metric,
    pub unit: MeasureUnit,
    pub bars: Vec<Bar>,
}

/// A target as a bar among others: its name (or short name), figure, upper tier and
/// latest comparable outcome.
fn target_bar(cx: ViewCtx, t: &Target, label: String, note: String) -> Option<Bar> {
    // A growth rate states no level: the level it implies is the site's arithmetic,
    // drawn on the target's own chart, not among the document's figures.
    if matches!(t.value, TargetValue::AverageGrowth(_)) {
        return None;
    }
    let outcome = t
        .actuals
        .iter()
        .filter(|a| a.metric == t.metric)
        .max_by_key(|a| a.year)
        .map(|a| (a.year, a.value));
    // The document's own level, or the site's arithmetic on the baseline, marked so.
    let (value, extension, kind) = match t.stated_value() {
        Some(v) => (
            v.implied_figure(t.unit, None, 0)?,
            v.upper_figure(),
            Kind::Target,
        ),
        None => (t.implied_figure()?, None, Kind::Worked),
    };
    let text = match kind {
        Kind::Worked => {
            let level = format::quantity(value, format::Measure::level_of(t), cx.lang);
            cx.aside(&level, &value_text(cx.lang, t))
        }
        _ => value_text(cx.lang, t),
    };
    Some(Bar {
        label,
        year: t.year,
        value,
        extension,
        kind,
        text,
        note,
        outcome,
        value_form: Some(terms(cx, t, &source_words(cx, &t.source))),
        // Two tiers are a firm floor with a stretch above it; a lone figure may be
        // an aspiration only.
        aspiration: !matches!(t.value, TargetValue::Tiers { .. })
            && t.value.qualifier().is_some_and(Qualifier::is_aspiration),
        counting: t.counting.clone(),
    })
}

/// The label a target goes by in a chart: its short name, or its name.
pub fn chart_name<'t>(cx: ViewCtx, t: &'t Target) -> &'t str {
    t.short_name
        .as_ref()
        .map_or(cx.text(&t.name), |s| cx.text(s))
}

/// Splits `items` into panels, one per metric and unit, the fullest first: bars of
/// different measures never share an axis.
fn panels<'t, T>(
    items: impl Iterator<Item = T>,
    target: impl Fn(&T) -> &'t Target,
) -> Vec<(Metric, MeasureUnit, Vec<T>)> {
    let mut groups: Vec<(Metric, MeasureUnit, Vec<T>)> = Vec::new();
    for item in items {
        let t = target(&item);
        if t.unit.kind() == UnitKind::Rank {
            continue;
        }
        // Bars are levels: a rise in points is drawn as the share it reaches.
        let (metric, unit) = (t.metric, t.unit.level());
        match groups
            .iter_mut()
            .find(|(m, u, _)| *m == metric && *u == unit)
        {
            Some((_, _, list)) => list.push(item),
            None => groups.push((metric, unit, vec![item])),
        }
    }
    groups.sort_by(|a, b| b.2.len().cmp(&a.2.len()).then((a.0, a.1).cmp(&(b.0, b.1))));
    groups
}

/// A plan's industry-chain targets, a panel per measure, largest first in each.
pub fn plan_panels(cx: ViewCtx, plan: &Plan) -> Option<Vec<Panel>> {
    let chained = plan.targets.iter().filter(|t| t.chain().is_some());
    let out: Vec<Panel> = panels(chained, |t| *t)
        .into_iter()
        .filter_map(|(metric, unit, targets)| {
            let mut bars: Vec<Bar> = targets
                .iter()
                .filter_map(|t| target_bar(cx, t, chart_name(cx, t).to_string(), cx.year(t.year)))
                .collect();
            largest_first(&mut bars);
            (!bars.is_empty()).then_some(Panel { metric, unit, bars })
        })
        .collect();
    (!out.is_empty()).then_some(out)
}

/// The targets of one chain across plans, a panel per measure, by year in each.
pub fn chain_panels(cx: ViewCtx, targets: &[(&Plan, &Target)]) -> Option<Vec<Panel>> {
    let out: Vec<Panel> = panels(targets.iter(), |(_, t)| *t)
        .into_iter()
        .filter_map(|(metric, unit, mut list)| {
            list.sort_by(|a, b| (a.1.year, &a.0.id, &a.1.id).cmp(&(b.1.year, &b.0.id, &b.1.id)));
            // A bar is told apart by where and when; its plan is in the table. Bars
            // of one place and year (several targets of one plan) are named too.
            let labelled: Vec<(String, &Plan, &Target)> = list
                .iter()
                .map(|(p, t)| {
                    let label = format!("{} · {}", cx.region_name(&t.region), cx.year(t.year));
                    (label, *p, *t)
                })
                .collect();
            // Counted once: a chain of thousands of targets would otherwise compare
            // every label with every other.
            let mut uses: HashMap<&str, usize> = HashMap::new();
            for (label, ..) in &labelled {
                *uses.entry(label.as_str()).or_default() += 1;
            }
            let bars: Vec<Bar> = labelled
                .iter()
                .filter_map(|(label, p, t)| {
                    let shared = uses[label.as_str()] > 1;
                    let label = if shared {
                        format!("{} · {label}", chart_name(cx, t))
                    } else {
                        label.clone()
                    };
                    let note = format!("{} · {}", chart_name(cx, t), cx.text(&p.short_title));
                    target_bar(cx, t, label, note)
                })
                .collect();
            (!bars.is_empty()).then_some(Panel { metric, unit, bars })
        })
        .collect();
    (!out.is_empty()).then_some(out)
}

/// A level the site works out, rounded as an estimate is: whole for counts (no
/// 10.2 firms), otherwise to at most four significant figures and one decimal (two
/// significant figures below 1), so no scale of an English unit shows digits the
/// arithmetic cannot vouch for.
fn approximate(v: f64, whole: bool) -> f64 {
    if whole || !v.is_finite() || v == 0.0 {
        return if whole { v.round() } else { v };
    }
    let e = v.abs().log10().floor() as i32;
    let digits = (3 - e).min((1 - e).max(1));
    if digits >= 0 {
        let scale = 10f64.powi(digits);
        (v * scale).round() / scale
    } else {
        let scale = 10f64.powi(-digits);
        (v / scale).round() * scale
    }
}

fn largest_first(bars: &mut [Bar]) {
    // Stable: parts of equal value keep the document's order, the same in both languages.
    bars.sort_by(|a, b| b.value.total_cmp(&a.value));
}

/// The target's modal word (确保, 力争) or, without one, "target".
pub fn modal_word(cx: ViewCtx, target: &Target) -> String {
    match target.value.qualifier() {
        Some(q) => capitalized(format::qualifier_word(q, cx.lang), cx.lang),
        None => cx.t(ChartWord::Target.key()).to_string(),
    }
}

/// A word as it opens a legend entry: capitalised in English.
pub fn capitalized(word: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => word.to_string(),
        Lang::En => {
            let mut chars = word.chars();
            chars
                .next()
                .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_out_levels_are_rounded_as_estimates() {
        assert_eq!(approximate(10.2, true), 10.0);
        assert_eq!(approximate(76.18738, false), 76.2);
        assert_eq!(approximate(761_873.8, false), 761_900.0);
        assert_eq!(approximate(0.04, false), 0.04);
        assert_eq!(approximate(0.1234, false), 0.12);
        assert_eq!(approximate(-1234.56, false), -1235.0);
        assert_eq!(approximate(0.0, false), 0.0);
    }
}
