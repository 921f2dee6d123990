//! A target's value and every figure a target states: plausible for its unit and
//! metric, a range that is not empty, tiers in the right order.

use super::Problems;
use super::plan::PlanContext;
use crate::content::raw::{RawBound, RawTarget, RawValue};
use crate::content::value::{
    Bound, Comparator, Direction, MeasureUnit, Metric, Num, TargetValue, UnitKind,
};
use crate::yaml::YamlPath;

impl PlanContext<'_> {
    pub(super) fn value(
        &self,
        t: &RawTarget,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<TargetValue> {
        let vpath = path.key("value");
        let bound = |c, v: Num| Bound {
            comparator: c,
            value: v.0,
        };
        let value = match &t.value {
            RawValue::Reach(v) => TargetValue::Single(bound(Comparator::Reach, *v)),
            RawValue::Exceed(v) => TargetValue::Single(bound(Comparator::Exceed, *v)),
            RawValue::About(v) => TargetValue::Single(bound(Comparator::About, *v)),
            RawValue::AtLeast(v) => TargetValue::Single(bound(Comparator::AtLeast, *v)),
            RawValue::AtMost(v) => TargetValue::Single(bound(Comparator::AtMost, *v)),
            RawValue::Range([low, high]) => TargetValue::Range {
                low: low.0,
                high: high.0,
            },
            RawValue::Tiers { floor, stretch } => TargetValue::Tiers {
                floor: raw_bound(floor),
                stretch: raw_bound(stretch),
            },
            RawValue::Double => TargetValue::Double,
            RawValue::IncreaseBy(v) => TargetValue::IncreaseBy(v.0),
        };
        let before = out.len();
        for figure in value.figures() {
            self.check_figure(figure, t.metric, t.unit, &vpath, out);
        }
        if let TargetValue::IncreaseBy(x) = value
            && (x <= 0.0 || x > 1000.0)
        {
            out.push(
                self.file
                    .error_at(&vpath.key("increase_by"), format!("a rise of {x} is not plausible"))
                    .help("`increase_by` is a rise over the baseline in percent (or percentage points), above 0 and at most 1000"),
            );
        }
        match value {
            TargetValue::Range { low, high } if low >= high => out.push(
                self.file
                    .error_at(
                        &vpath.key("range"),
                        format!("the range {low}–{high} is empty"),
                    )
                    .help("write the smaller figure first, as in `range: [3, 5]`"),
            ),
            TargetValue::Tiers { floor, stretch } => {
                let down = t.direction == Some(Direction::Down);
                if (!down && floor.value > stretch.value) || (down && floor.value < stretch.value) {
                    out.push(
                        self.file
                            .error_at(
                                &vpath.key("tiers").key("stretch"),
                                format!(
                                    "the stretch goal ({}) is less ambitious than the floor ({})",
                                    stretch.value, floor.value
                                ),
                            )
                            .help("`floor` is what is ensured (确保), `stretch` what is striven for (力争)"),
                    );
                }
            }
            _ => {}
        }
        (out.len() == before).then_some(value)
    }

    pub(super) fn check_figure(
        &self,
        v: f64,
        metric: Metric,
        unit: MeasureUnit,
        path: &YamlPath,
        out: &mut Problems,
    ) {
        let signed_ok = metric == Metric::Growth || unit == MeasureUnit::PercentagePoints;
        if v < 0.0 && !signed_ok {
            out.push(
                self.file
                    .error_at(path, format!("the figure {v} is negative"))
                    .help("only growth rates and changes in percentage points can be negative; use `at_most` for a ceiling"),
            );
        } else if v.abs() > unit.plausible_max() {
            out.push(
                self.file
                    .error_at(
                        path,
                        format!("the figure {v} is implausibly large for `{unit}`"),
                    )
                    .help("check the unit: 亿元 figures are written in 亿 (2600 for 2600亿元)"),
            );
        } else if unit.kind() == UnitKind::Count && v.fract() != 0.0 {
            out.push(
                self.file
                    .error_at(path, format!("the count {v} is not a whole number"))
                    .help("counts of firms, projects or platforms are whole numbers"),
            );
        } else if matches!(metric, Metric::Share | Metric::Rate)
            && unit == MeasureUnit::Percent
            && v > 100.0
        {
            out.push(
                self.file
                    .error_at(path, format!("a share of {v}% is more than the whole"))
                    .help("shares and rates are between 0 and 100 percent"),
            );
        }
    }
}

fn raw_bound(b: &RawBound) -> Bound {
    let (comparator, value) = match b {
        RawBound::Reach(v) => (Comparator::Reach, v),
        RawBound::Exceed(v) => (Comparator::Exceed, v),
        RawBound::About(v) => (Comparator::About, v),
        RawBound::AtLeast(v) => (Comparator::AtLeast, v),
        RawBound::AtMost(v) => (Comparator::AtMost, v),
    };
    Bound {
        comparator,
        value: value.0,
    }
}

pub(super) fn unit_help(metric: Metric) -> String {
    let units: Vec<&str> = MeasureUnit::ALL
        .into_iter()
        .filter(|u| metric.accepts(*u))
        .map(MeasureUnit::key)
        .collect();
    format!("`{metric}` targets take one of: {}", units.join(", "))
}
