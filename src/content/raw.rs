//! The YAML files exactly as editors write them.
//!
//! Every struct here denies unknown fields, so a misspelt key is an error at its line
//! instead of silently dropped data. These types only describe the *shape* of the files;
//! `validate` turns them into the checked model of `model`, resolving references and
//! reporting problems with the YAML path of the offending value.

mod value;

use serde::Deserialize;

use super::id::Id;
use super::value::{Date, Direction, MeasureUnit, Metric, Num, Year};
use super::wording::{Counter, Noun, Period, ValidityStatus};
use crate::lang::Text;
pub use value::{BoundOrNumber, RawBound, RawTiers, RawValue, VALUE_FORMS, ValueOrWord};

/// `content/chains.yaml`: one entry per industry chain.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChain {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Option<Text>,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `content/topics.yaml`: subjects of targets that are not industry chains.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    pub id: Id,
    pub name: Text,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
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
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
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
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `seeds/<id>.yaml`: the bibliographic facts of one source document.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    pub title: Text,
    /// 发文机关.
    pub issuer: Text,
    /// 成文日期: the date the document was written or issued.
    pub issued: Date,
    /// 文号.
    #[serde(default)]
    pub document_number: Option<String>,
    /// 索引号: the index number a disclosure portal gives the document.
    #[serde(default)]
    pub index_number: Option<String>,
    /// 有效性.
    #[serde(default)]
    pub validity: Option<RawValidity>,
    /// 主题分类.
    #[serde(default)]
    pub subjects: Vec<Text>,
    /// Facts of the record the document does not state, with the reason.
    #[serde(default)]
    pub inferred: RawRecordInferred,
    /// Where the text was published.
    #[serde(default)]
    pub published: Vec<RawPublication>,
    /// The document's numbered parts, in document order.
    #[serde(default)]
    pub clauses: Vec<RawClause>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawValidity {
    pub status: ValidityStatus,
    /// The date the status took effect (in force from, expired or repealed on).
    #[serde(default)]
    pub since: Option<Date>,
    /// The date it stops being in force, when the document says so.
    #[serde(default)]
    pub until: Option<Date>,
    /// The document that replaced this one.
    #[serde(default)]
    pub replaced_by: Option<Text>,
}

/// The reasons for the facts of a record the site inferred, one field each.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRecordInferred {
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub issuer: Option<Text>,
    #[serde(default)]
    pub issued: Option<Text>,
    #[serde(default)]
    pub document_number: Option<Text>,
    #[serde(default)]
    pub published: Option<Text>,
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
    /// A short name for lists and chart labels. The full title is the record's, so
    /// that page, citation, feeds and data use one title.
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
    /// A shorter name for chart labels, in both languages.
    #[serde(default)]
    pub short_name: Option<Text>,
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
    /// The figure applies to each year (每年), quarter or month from `from` to `year`.
    #[serde(default)]
    pub each: Option<Period>,
    /// The first year of `each`; defaults to the plan's first year.
    #[serde(default)]
    pub from: Option<Year>,
    pub value: ValueOrWord,
    /// The same goal in a second form (突破40%，达到42%).
    #[serde(default)]
    pub also: Option<ValueOrWord>,
    /// The counting word as written (户, 家…).
    #[serde(default)]
    pub counter: Option<Counter>,
    /// The English noun of a count, singular and plural.
    #[serde(default)]
    pub noun: Option<Noun>,
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
    /// Facts of the target the document does not state, with the reason.
    #[serde(default)]
    pub inferred: RawTargetInferred,
}

/// The reasons for the facts of a target the site inferred, one field each.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTargetInferred {
    #[serde(default)]
    pub name: Option<Text>,
    #[serde(default)]
    pub subject: Option<Text>,
    #[serde(default)]
    pub region: Option<Text>,
    #[serde(default)]
    pub metric: Option<Text>,
    #[serde(default)]
    pub unit: Option<Text>,
    #[serde(default)]
    pub year: Option<Text>,
    #[serde(default)]
    pub value: Option<Text>,
    #[serde(default)]
    pub baseline: Option<Text>,
    #[serde(default)]
    pub each: Option<Text>,
    #[serde(default)]
    pub counter: Option<Text>,
    #[serde(default)]
    pub clause: Option<Text>,
    #[serde(default)]
    pub responsible: Option<Text>,
    #[serde(default)]
    pub lead: Option<Text>,
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
    /// The document's own sentence for the goal, quoted on the target's page.
    #[serde(default)]
    pub wording: Option<String>,
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
