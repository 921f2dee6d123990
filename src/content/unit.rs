//! The units a plan states its figures in, and their families.
//!
//! Apart from [`super::value`] because units are their own vocabulary: the YAML
//! keys, the schema's list, the plausible ranges and the family each belongs to.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Broad families of units, for checking a unit against a metric.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Money,
    MoneyPerArea,
    Percent,
    Count,
    Area,
    Rank,
    Plain,
}

/// The unit a value is stated in, as the plans state it.
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
#[serde(rename_all = "kebab-case")]
pub enum MeasureUnit {
    /// 亿元: 100 million yuan.
    YiYuan,
    /// 万元: 10,000 yuan.
    WanYuan,
    /// 万元/亩: 10,000 yuan per mu of land.
    WanYuanPerMu,
    /// %.
    Percent,
    /// 个百分点.
    PercentagePoints,
    /// 万平方米: 10,000 square metres.
    WanM2,
    /// 亩: a Chinese unit of land, about 667 m².
    Mu,
    /// 家 (or 户): firms and organisations.
    Firms,
    /// 个: projects.
    Projects,
    /// 个 / 家: research, innovation or service platforms.
    Platforms,
    /// 个: development zones and parks.
    Zones,
    /// 人 / 位: people.
    People,
    /// 个: teams.
    Teams,
    /// 项: items such as technologies or tasks.
    Items,
    /// 场 / 次: events.
    Events,
    /// 个: industries (千亿级产业).
    Industries,
    /// 个: industrial clusters.
    Clusters,
    /// A place in a ranking (第5名; 五十强 is "at most place 50").
    Place,
    /// A plain number without unit.
    Ratio,
}

impl MeasureUnit {
    /// Every unit, for help messages and documentation.
    pub const ALL: [MeasureUnit; 19] = [
        MeasureUnit::YiYuan,
        MeasureUnit::WanYuan,
        MeasureUnit::WanYuanPerMu,
        MeasureUnit::Percent,
        MeasureUnit::PercentagePoints,
        MeasureUnit::WanM2,
        MeasureUnit::Mu,
        MeasureUnit::Firms,
        MeasureUnit::Projects,
        MeasureUnit::Platforms,
        MeasureUnit::Zones,
        MeasureUnit::People,
        MeasureUnit::Teams,
        MeasureUnit::Items,
        MeasureUnit::Events,
        MeasureUnit::Industries,
        MeasureUnit::Clusters,
        MeasureUnit::Place,
        MeasureUnit::Ratio,
    ];

    /// The unit a level of this measure is stated in. A change in percentage points
    /// is a change of a share, and the share itself (baseline, outcome, the level
    /// reached) is a percent: "2.1%" rising by 1.5 points to "3.6%".
    pub fn level(self) -> MeasureUnit {
        match self {
            MeasureUnit::PercentagePoints => MeasureUnit::Percent,
            u => u,
        }
    }

    pub fn kind(self) -> UnitKind {
        use MeasureUnit::*;
        match self {
            YiYuan | WanYuan => UnitKind::Money,
            WanYuanPerMu => UnitKind::MoneyPerArea,
            Percent | PercentagePoints => UnitKind::Percent,
            WanM2 | Mu => UnitKind::Area,
            Firms | Projects | Platforms | Zones | People | Teams | Items | Events | Industries
            | Clusters => UnitKind::Count,
            Place => UnitKind::Rank,
            Ratio => UnitKind::Plain,
        }
    }

    /// The key as written in YAML.
    pub fn key(self) -> &'static str {
        use MeasureUnit::*;
        match self {
            YiYuan => "yi-yuan",
            WanYuan => "wan-yuan",
            WanYuanPerMu => "wan-yuan-per-mu",
            Percent => "percent",
            PercentagePoints => "percentage-points",
            WanM2 => "wan-m2",
            Mu => "mu",
            Firms => "firms",
            Projects => "projects",
            Platforms => "platforms",
            Zones => "zones",
            People => "people",
            Teams => "teams",
            Items => "items",
            Events => "events",
            Industries => "industries",
            Clusters => "clusters",
            Place => "place",
            Ratio => "ratio",
        }
    }

    /// The largest value that is plausible in this unit; above it a value is a typo.
    pub fn plausible_max(self) -> f64 {
        match self.kind() {
            // 10 million 亿元 is ten times China's GDP.
            UnitKind::Money => 1e7,
            UnitKind::MoneyPerArea => 1e6,
            UnitKind::Percent => 1e4,
            UnitKind::Count => 1e8,
            UnitKind::Area => 1e8,
            // No ranking of cities or zones runs to ten thousand places.
            UnitKind::Rank => 1e4,
            UnitKind::Plain => 1e6,
        }
    }
}

impl fmt::Display for MeasureUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}
