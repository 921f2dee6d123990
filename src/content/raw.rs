//! The YAML files exactly as editors write them.
//!
//! Every struct here denies unknown fields, so a misspelt key is an error at its line
//! instead of silently dropped data. These types only describe the *shape* of the files;
//! `validate` turns them into the checked model of `model`, resolving references and
//! reporting problems with the YAML path of the offending value.

use serde::Deserialize;

use super::id::Id;
use super::value::{Date, Direction, MeasureUnit, Metric, Num, Year};
use crate::lang::Text;

/// `content/chains.yaml`: one entry per industry chain.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChain {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
}

/// `content/topics.yaml`: subjects of targets that are not industry chains.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: Id,
    pub name: Text,
}

/// `content/regions.yaml`: provinces, cities, new areas, zones and development zones.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    pub id: Id,
    pub name: Text,
    /// The region this one lies in.
    #[serde(default)]
    pub parent: Option<Id>,
}

/// `content/units.yaml`: departments, governments and other bodies given tasks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    pub id: Id,
    pub name: Text,
    /// The region whose body this is.
    #[serde(default)]
    pub region: Option<Id>,
}

/// `seeds/<id>.yaml`: the bibliographic facts of one source document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    pub title: Text,
    pub issuer: Text,
    pub issued: Date,
    #[serde(default)]
    pub document_number: Option<String>,
    /// Where the text was published.
    #[serde(default)]
    pub published: Vec<RawPublication>,
    /// The document's numbered parts, in document order.
    #[serde(default)]
    pub clauses: Vec<RawClause>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPublication {
    pub publisher: Text,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    /// The clause number as the document writes it, such as `二(一)3`.
    pub id: String,
    /// What the clause is about, in our own words.
    pub title: Text,
}

/// `content/plans/<id>/plan.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    pub title: Text,
    /// A short name for lists and chart labels.
    #[serde(default)]
    pub short_title: Option<Text>,
    /// The unit that issued the plan.
    pub issuer: Id,
    pub region: Id,
    /// The `seeds/` record of the source document.
    pub record: Id,
    pub horizon: RawHorizon,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHorizon {
    pub start: Year,
    pub end: Year,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub chain: Option<Id>,
    #[serde(default)]
    pub topic: Option<Id>,
    /// Defaults to the plan's region.
    #[serde(default)]
    pub region: Option<Id>,
    pub metric: Metric,
    pub unit: MeasureUnit,
    pub year: Year,
    /// The figure applies to every year of the plan up to `year` (每年).
    #[serde(default)]
    pub annual: bool,
    #[serde(with = "serde_yaml::with::singleton_map_recursive")]
    pub value: RawValue,
    #[serde(default)]
    pub direction: Option<Direction>,
    #[serde(default)]
    pub baseline: Option<RawBaseline>,
    #[serde(default)]
    pub breakdown: Option<RawBreakdown>,
    #[serde(default)]
    pub responsible: Vec<Id>,
    #[serde(default)]
    pub lead: Vec<Id>,
    pub source: RawSource,
    #[serde(default)]
    pub actuals: Vec<RawActual>,
    #[serde(default)]
    pub note: Option<Text>,
}

/// A target's value, one key naming its form: `{exceed: 1000}`, `{range: [3, 5]}`,
/// `{tiers: {floor: {exceed: 1000}, stretch: {reach: 1200}}}`, `double`, `{increase_by: 15}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawValue {
    Reach(Num),
    Exceed(Num),
    About(Num),
    AtLeast(Num),
    AtMost(Num),
    Range([Num; 2]),
    Tiers { floor: RawBound, stretch: RawBound },
    Double,
    IncreaseBy(Num),
}

/// One tier of a tiered value.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawBound {
    Reach(Num),
    Exceed(Num),
    About(Num),
    AtLeast(Num),
    AtMost(Num),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    pub year: Year,
    /// Unknown when a plan says "double the 2019 level" without the 2019 figure.
    #[serde(default)]
    pub value: Option<Num>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBreakdown {
    /// `partition` (the parts add up to the total) or `of_which` (其中: named parts only).
    #[serde(default)]
    pub kind: BreakdownKind,
    pub parts: Vec<RawPart>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakdownKind {
    #[default]
    Partition,
    OfWhich,
}

impl BreakdownKind {
    /// The key as written in YAML and in the open data.
    pub fn key(self) -> &'static str {
        match self {
            BreakdownKind::Partition => "partition",
            BreakdownKind::OfWhich => "of_which",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    #[serde(default)]
    pub region: Option<Id>,
    #[serde(default)]
    pub segment: Option<Text>,
    pub value: Num,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// Defaults to the plan's record.
    #[serde(default)]
    pub record: Option<Id>,
    pub clause: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    pub year: Year,
    pub value: Num,
    /// The metric reported, when it is not the target's (revenue against output).
    #[serde(default)]
    pub metric: Option<Metric>,
    pub source: RawActualSource,
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActualSource {
    pub record: Id,
    #[serde(default)]
    pub clause: Option<String>,
}

/// Front matter of a commentary file (`index.zh.md`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    /// One or two sentences for lists and the page's description.
    #[serde(default)]
    pub summary: Option<String>,
}
