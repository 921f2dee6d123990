//! A target's value and every figure a target states: plausible for its unit and
//! metric, a range that is not empty, tiers in the right order.

use super::Problems;
use super::plan::PlanContext;
use crate::content::raw::{RawBound, RawTarget, RawValue, VALUE_FORMS};
use crate::content::value::{
    Bound, Comparator, Direction, MeasureUnit, Metric, Num, TargetValue, UnitKind,
};
use crate::content::wording::Qualifier;
use crate::yaml::YamlPath;

impl PlanContext<'_> {
    /// The target's value and, when the document states it twice, its second form.
    pub(super) fn values(
        &self,
        t: &RawTarget,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<(TargetValue, Option<TargetValue>)> {
        let before = out.len();
        let value = self.value(&t.value.0, t, &path.key("value"), out);
        let also = t.also.as_ref().and_then(|a| {
            let apath = path.key("also");
            if a.0.tiers.is_some() {
                out.push(
                    self.file
                        .error_at(
                            &apath.key("tiers"),
                            "`also` states one more form, not tiers",
                        )
                        .help("put the tiers in `value` and the other form in `also`"),
                );
                return None;
            }
            self.value(&a.0, t, &apath, out)
        });
        (out.len() == before).then_some((value?, also))
    }

    /// One value: exactly one form, its figures plausible, its modifiers where they apply.
    fn value(
        &self,
        raw: &RawValue,
        t: &RawTarget,
        vpath: &YamlPath,
        out: &mut Problems,
    ) -> Option<TargetValue> {
        let forms = raw.forms();
        let [form] = forms.as_slice() else {
            let message = if forms.is_empty() {
                "the value names no form".to_string()
            } else {
                format!(
                    "the value names {} forms: {}",
                    forms.len(),
                    forms.join(", ")
                )
            };
            out.push(
                self.file
                    .error_at(vpath, message)
                    .help(format!("write one of {VALUE_FORMS} with its figure, as in `{{reach: 2600}}`; a second form goes in `also`")),
            );
            return None;
        };
        if raw.or.is_some() && *form != "range" {
            out.push(
                self.file
                    .error_at(&vpath.key("or"), "`or` (more or less) follows a range")
                    .help("for one figure use `at_least` (以上) or `at_most` (以下)"),
            );
        }
        let q = raw.qualifier;
        let one = |c, v: Num| Bound {
            comparator: c,
            value: v.0,
            qualifier: q,
        };
        let before = out.len();
        let value = match *form {
            "range" => {
                let [low, high] = raw.range?;
                TargetValue::Range {
                    low: low.0,
                    high: high.0,
                    or: raw.or,
                    qualifier: q,
                }
            }
            "tiers" => {
                let tiers = raw.tiers.as_ref()?;
                if q.is_some() {
                    out.push(
                        self.file
                            .error_at(&vpath.key("qualifier"), "each tier has its own qualifier")
                            .help("write it inside `floor` or `stretch`, as in `floor: {exceed: 1000, qualifier: ensure}`"),
                    );
                }
                let tpath = vpath.key("tiers");
                let floor = self.bound(&tiers.floor, None, &tpath.key("floor"), out)?;
                let stretch = self.bound(
                    &tiers.stretch,
                    Some(Qualifier::Strive),
                    &tpath.key("stretch"),
                    out,
                )?;
                TargetValue::Tiers { floor, stretch }
            }
            "double" => {
                if raw.double == Some(false) {
                    out.push(
                        self.file
                            .error_at(&vpath.key("double"), "`double: false` states no goal")
                            .help("write `double` (or `{double: true}`) for 翻番, or another form such as `{reach: 2600}`"),
                    );
                    return None;
                }
                TargetValue::Double { qualifier: q }
            }
            "increase_by" | "average_growth" => {
                let raw_bound = if *form == "increase_by" {
                    &raw.increase_by
                } else {
                    &raw.average_growth
                };
                let fpath = vpath.key(form);
                let mut b = self.bound(&raw_bound.as_ref()?.0, None, &fpath, out)?;
                if b.qualifier.is_some() && q.is_some() {
                    out.push(
                        self.file
                            .error_at(&fpath.key("qualifier"), "the qualifier is written twice")
                            .help("keep one `qualifier`"),
                    );
                }
                b.qualifier = b.qualifier.or(q);
                if !(b.value > 0.0 && b.value <= 1000.0) {
                    out.push(
                        self.file
                            .error_at(&fpath, format!("a rise of {} is not plausible", b.value))
                            .help(format!("`{form}` is a rise in percent (or percentage points), above 0 and at most 1000")),
                    );
                }
                if *form == "increase_by" {
                    TargetValue::IncreaseBy(b)
                } else {
                    TargetValue::AverageGrowth(b)
                }
            }
            "reach" => TargetValue::Single(one(Comparator::Reach, raw.reach?)),
            "exceed" => TargetValue::Single(one(Comparator::Exceed, raw.exceed?)),
            "about" => TargetValue::Single(one(Comparator::About, raw.about?)),
            "at_least" => TargetValue::Single(one(Comparator::AtLeast, raw.at_least?)),
            "at_most" => TargetValue::Single(one(Comparator::AtMost, raw.at_most?)),
            _ => TargetValue::Single(one(Comparator::Nearly, raw.nearly?)),
        };
        for figure in value.figures() {
            self.check_figure(figure, t.metric, t.unit, vpath, out);
        }
        match value {
            TargetValue::Range { low, high, .. } if low >= high => out.push(
                self.file
                    .error_at(
                        &vpath.key("range"),
                        format!("the range {low}–{high} is empty"),
                    )
                    .help("write the smaller figure first, as in `range: [3, 5]`"),
            ),
            TargetValue::Tiers { floor, stretch } => {
                // `{floor: {at_most: 0.45}, stretch: {at_most: 0.4}}` aims down by
                // its wording, as a lone `at_most` does.
                let down = t.direction == Some(Direction::Down)
                    || value.implied_direction() == Direction::Down;
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

    /// One figure with its comparator; `default` is the qualifier when none is written.
    fn bound(
        &self,
        raw: &RawBound,
        default: Option<Qualifier>,
        path: &YamlPath,
        out: &mut Problems,
    ) -> Option<Bound> {
        let keys = raw.comparators();
        let [key] = keys.as_slice() else {
            out.push(
                self.file
                    .error_at(path, format!("a figure takes one comparator, found {}", keys.len()))
                    .help("write one of reach, exceed, about, at_least, at_most, nearly, as in `{exceed: 1000}`"),
            );
            return None;
        };
        let (comparator, value) = match *key {
            "reach" => (Comparator::Reach, raw.reach),
            "exceed" => (Comparator::Exceed, raw.exceed),
            "about" => (Comparator::About, raw.about),
            "at_least" => (Comparator::AtLeast, raw.at_least),
            "at_most" => (Comparator::AtMost, raw.at_most),
            _ => (Comparator::Nearly, raw.nearly),
        };
        Some(Bound {
            comparator,
            value: value?.0,
            qualifier: raw.qualifier.or(default),
        })
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

pub(super) fn unit_help(metric: Metric) -> String {
    let units: Vec<&str> = MeasureUnit::ALL
        .into_iter()
        .filter(|u| metric.accepts(*u))
        .map(MeasureUnit::key)
        .collect();
    format!("`{metric}` targets take one of: {}", units.join(", "))
}
