//! What a target measures and the value it aims for.
//!
//! Plans state goals in a handful of shapes: an amount to reach or to exceed, "about"
//! a figure, "at least" a figure, a range (3–5 firms), two tiers (确保 a floor, 力争 a
//! stretch), or a change against a baseline (翻番, 提高15%). [`TargetValue`] has one
//! variant per shape, so formatting, charts and progress handle each one explicitly.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

pub use super::unit::{MeasureUnit, UnitKind};
use super::wording::Qualifier;
pub use crate::vocab::{Date, YEAR_RANGE, Year};

/// What a target measures. The label in each language lives in the theme's UI strings
/// (`metric.<key>`), so a site can word it its own way.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// 产值: gross output of an industry or cluster.
    Output,
    /// 营业收入 / 主营业务收入: operating revenue.
    Revenue,
    /// 增加值: value added.
    ValueAdded,
    /// 投资: investment.
    Investment,
    /// 利润: profit.
    Profit,
    /// 资产总额: total assets.
    Assets,
    /// 融资 / 发债: funds raised.
    Financing,
    /// 降低成本: costs saved for firms.
    CostSaving,
    /// A number of firms, projects, platforms…
    Count,
    /// 占比 / 比重: a part of a whole, in percent.
    Share,
    /// 增长 / 增速: a growth rate.
    Growth,
    /// 率: a rate such as an occupancy or coverage rate.
    Rate,
    /// An area of floor space or land.
    Area,
    /// 亩均: an amount per mu of land.
    Intensity,
    /// A plain ratio such as a plot ratio (容积率).
    Ratio,
    /// A place in a ranking (五十强市, the top 50): lower is better.
    Rank,
}

impl Metric {
    /// All metrics, for documentation and for checking UI strings.
    pub const ALL: [Metric; 16] = [
        Metric::Output,
        Metric::Revenue,
        Metric::ValueAdded,
        Metric::Investment,
        Metric::Profit,
        Metric::Assets,
        Metric::Financing,
        Metric::CostSaving,
        Metric::Count,
        Metric::Share,
        Metric::Growth,
        Metric::Rate,
        Metric::Area,
        Metric::Intensity,
        Metric::Ratio,
        Metric::Rank,
    ];

    /// The key as written in YAML and in UI strings.
    pub fn key(self) -> &'static str {
        match self {
            Metric::Output => "output",
            Metric::Revenue => "revenue",
            Metric::ValueAdded => "value_added",
            Metric::Investment => "investment",
            Metric::Profit => "profit",
            Metric::Assets => "assets",
            Metric::Financing => "financing",
            Metric::CostSaving => "cost_saving",
            Metric::Count => "count",
            Metric::Share => "share",
            Metric::Growth => "growth",
            Metric::Rate => "rate",
            Metric::Area => "area",
            Metric::Intensity => "intensity",
            Metric::Ratio => "ratio",
            Metric::Rank => "rank",
        }
    }

    /// The kinds of unit this metric can be measured in.
    pub fn accepts(self, unit: MeasureUnit) -> bool {
        use UnitKind::*;
        let kind = unit.kind();
        match self {
            Metric::Output
            | Metric::Revenue
            | Metric::ValueAdded
            | Metric::Investment
            | Metric::Profit
            | Metric::Assets
            | Metric::Financing
            | Metric::CostSaving => kind == Money,
            Metric::Count => kind == Count,
            Metric::Share | Metric::Rate | Metric::Growth => {
                matches!(unit, MeasureUnit::Percent | MeasureUnit::PercentagePoints)
            }
            Metric::Area => kind == Area,
            Metric::Intensity => kind == MoneyPerArea,
            Metric::Ratio => unit == MeasureUnit::Ratio,
            Metric::Rank => kind == Rank,
        }
    }

    /// Returns true if and only if the metric is an amount of money.
    pub fn is_money(self) -> bool {
        self.accepts(MeasureUnit::YiYuan)
    }
}

impl fmt::Display for Metric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A finite number read from YAML: `.nan` and `.inf` are rejected where they are read.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize)]
#[serde(transparent)]
pub struct Num(pub f64);

impl<'de> Deserialize<'de> for Num {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Num, D::Error> {
        let v = f64::deserialize(deserializer)?;
        if v.is_finite() {
            Ok(Num(v))
        } else {
            Err(serde::de::Error::custom(format!(
                "`{v}` is not a number a plan can state; write a finite number such as 1200"
            )))
        }
    }
}

impl schemars::JsonSchema for Num {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Number".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "number" })
    }
}

/// Which way is better for a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Up,
    Down,
}

/// How a single figure is to be met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// 达到: reach.
    Reach,
    /// 突破 / 超: exceed.
    Exceed,
    /// 左右: about.
    About,
    /// 以上 / 不低于 / 不少于: at least.
    AtLeast,
    /// 以内 / 不超过: at most.
    AtMost,
    /// 近: nearly.
    Nearly,
}

impl Comparator {
    pub fn key(self) -> &'static str {
        match self {
            Comparator::Reach => "reach",
            Comparator::Exceed => "exceed",
            Comparator::About => "about",
            Comparator::AtLeast => "at_least",
            Comparator::AtMost => "at_most",
            Comparator::Nearly => "nearly",
        }
    }
}

/// One figure with the way it is to be met, such as "突破1000", and the modal word
/// before it, such as 力争.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub comparator: Comparator,
    pub value: f64,
    pub qualifier: Option<Qualifier>,
}

impl Bound {
    /// A figure with no modal word before it.
    pub fn plain(comparator: Comparator, value: f64) -> Bound {
        Bound {
            comparator,
            value,
            qualifier: None,
        }
    }
}

/// "or more" / "or less" after a range (3—5家以上).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OpenEnd {
    More,
    Less,
}

impl OpenEnd {
    pub fn key(self) -> &'static str {
        match self {
            OpenEnd::More => "more",
            OpenEnd::Less => "less",
        }
    }
}

/// The value a target aims for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum TargetValue {
    /// One figure: 达到2600, 突破1000, 8.8左右, 350以上, 力争达到2600.
    Single(Bound),
    /// A range: 3–5 firms, 1–2项以上.
    Range {
        low: f64,
        high: f64,
        or: Option<OpenEnd>,
        qualifier: Option<Qualifier>,
    },
    /// Two tiers: 确保 (floor) and 力争 (stretch).
    Tiers { floor: Bound, stretch: Bound },
    /// 翻番: double the baseline.
    Double { qualifier: Option<Qualifier> },
    /// A rise over the baseline: in percentage points when the unit is percentage
    /// points (提升2个百分点), otherwise in percent of the baseline (提高15%以上).
    IncreaseBy(Bound),
    /// 年均增长9%左右: a yearly growth rate in percent, kept up from the baseline year
    /// (or the year before the plan starts) to the target year.
    AverageGrowth(Bound),
}

impl TargetValue {
    /// The variant's key, as used in the open data.
    pub fn form(&self) -> &'static str {
        match self {
            TargetValue::Single(_) => "single",
            TargetValue::Range { .. } => "range",
            TargetValue::Tiers { .. } => "tiers",
            TargetValue::Double { .. } => "double",
            TargetValue::IncreaseBy(_) => "increase_by",
            TargetValue::AverageGrowth(_) => "average_growth",
        }
    }

    /// The modal word of the value (for tiers, of the floor).
    pub fn qualifier(&self) -> Option<Qualifier> {
        match *self {
            TargetValue::Single(b) | TargetValue::IncreaseBy(b) | TargetValue::AverageGrowth(b) => {
                b.qualifier
            }
            TargetValue::Range { qualifier, .. } | TargetValue::Double { qualifier } => qualifier,
            TargetValue::Tiers { floor, .. } => floor.qualifier,
        }
    }

    /// Whether the document states the level itself (a figure, a range, two tiers),
    /// rather than a change from the baseline that leaves the level to arithmetic.
    pub fn states_level(&self) -> bool {
        matches!(
            self,
            TargetValue::Single(_) | TargetValue::Range { .. } | TargetValue::Tiers { .. }
        )
    }

    /// The figure to compare a whole against (a breakdown's total): the single value,
    /// the floor of two tiers, or the top of a range. `None` for changes against a baseline.
    pub fn total(&self) -> Option<f64> {
        match *self {
            TargetValue::Single(b) => Some(b.value),
            TargetValue::Range { high, .. } => Some(high),
            TargetValue::Tiers { floor, .. } => Some(floor.value),
            TargetValue::Double { .. }
            | TargetValue::IncreaseBy(_)
            | TargetValue::AverageGrowth(_) => None,
        }
    }

    /// The direction implied by the value's wording.
    pub fn implied_direction(&self) -> Direction {
        match self {
            TargetValue::Single(Bound {
                comparator: Comparator::AtMost,
                ..
            })
            | TargetValue::Range {
                or: Some(OpenEnd::Less),
                ..
            }
            | TargetValue::Tiers {
                floor:
                    Bound {
                        comparator: Comparator::AtMost,
                        ..
                    },
                ..
            } => Direction::Down,
            _ => Direction::Up,
        }
    }

    /// Every figure stated in the target's unit, for range checks.
    pub fn figures(&self) -> Vec<f64> {
        match *self {
            TargetValue::Single(b) => vec![b.value],
            TargetValue::Range { low, high, .. } => vec![low, high],
            TargetValue::Tiers { floor, stretch } => vec![floor.value, stretch.value],
            TargetValue::Double { .. }
            | TargetValue::IncreaseBy(_)
            | TargetValue::AverageGrowth(_) => vec![],
        }
    }

    /// The figure the target implies, given the baseline value and the years from the
    /// baseline to the target: the single value, the floor of two tiers, the bottom of a
    /// range, or the baseline doubled, raised or grown.
    pub fn implied_figure(
        &self,
        unit: MeasureUnit,
        baseline: Option<f64>,
        years: u16,
    ) -> Option<f64> {
        match *self {
            TargetValue::Single(b) => Some(b.value),
            TargetValue::Range { low, .. } => Some(low),
            TargetValue::Tiers { floor, .. } => Some(floor.value),
            TargetValue::Double { .. } => baseline.map(|b| b * 2.0),
            TargetValue::IncreaseBy(x) => baseline.map(|b| match unit {
                MeasureUnit::PercentagePoints => b + x.value,
                _ => b * (1.0 + x.value / 100.0),
            }),
            TargetValue::AverageGrowth(r) => {
                baseline.map(|b| b * (1.0 + r.value / 100.0).powi(i32::from(years)))
            }
        }
    }

    /// The top of the goal: the stretch tier or the top of a range, when there is one.
    pub fn upper_figure(&self) -> Option<f64> {
        match *self {
            TargetValue::Range { high, .. } => Some(high),
            TargetValue::Tiers { stretch, .. } => Some(stretch.value),
            _ => None,
        }
    }

    /// Returns true if and only if the value is defined against a baseline.
    pub fn needs_baseline(&self) -> bool {
        matches!(
            self,
            TargetValue::Double { .. } | TargetValue::IncreaseBy(_)
        )
    }

    /// Returns true if and only if the value is a rate kept up every year.
    pub fn is_average_growth(&self) -> bool {
        matches!(self, TargetValue::AverageGrowth(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_accept_only_matching_units() {
        assert!(Metric::Output.accepts(MeasureUnit::YiYuan));
        assert!(!Metric::Output.accepts(MeasureUnit::Percent));
        assert!(Metric::Growth.accepts(MeasureUnit::Percent));
        assert!(Metric::Share.accepts(MeasureUnit::PercentagePoints));
        assert!(Metric::Count.accepts(MeasureUnit::Firms));
        assert!(!Metric::Count.accepts(MeasureUnit::WanM2));
        assert!(Metric::Intensity.accepts(MeasureUnit::WanYuanPerMu));
        assert!(Metric::Revenue.is_money());
        assert!(!Metric::Share.is_money());
    }

    #[test]
    fn total_of_each_form() {
        let b = |v| Bound::plain(Comparator::Exceed, v);
        assert_eq!(TargetValue::Single(b(5.0)).total(), Some(5.0));
        assert_eq!(
            TargetValue::Tiers {
                floor: b(1000.0),
                stretch: b(1200.0)
            }
            .total(),
            Some(1000.0)
        );
        let double = TargetValue::Double { qualifier: None };
        assert_eq!(double.total(), None);
        assert!(double.needs_baseline());
        let growth = TargetValue::AverageGrowth(Bound::plain(Comparator::About, 10.0));
        let grown = growth.implied_figure(MeasureUnit::YiYuan, Some(100.0), 2);
        assert!((grown.unwrap() - 121.0).abs() < 1e-9);
        assert_eq!(growth.total(), None);
    }

    #[test]
    fn nan_is_rejected_when_read() {
        let r: Result<Num, _> = serde_yaml::from_str(".nan");
        assert!(r.is_err());
        let r: Result<Num, _> = serde_yaml::from_str("-.inf");
        assert!(r.is_err());
        assert_eq!(serde_yaml::from_str::<Num>("12.5").unwrap(), Num(12.5));
    }
}
