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
pub use value::{
    BoundOrNumber, PlainFigure, RawBound, RawTiers, RawValue, VALUE_FORMS, ValueOrWord,
};

/// `content/chains.yaml`: one entry per industry chain.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawChain {
    /// The chain's id, used in targets' `chain:` and in addresses.
    pub id: Id,
    /// The chain's name in both languages.
    pub name: Text,
    /// A sentence about the chain in both languages, shown on its page.
    #[serde(default)]
    pub description: Option<Text>,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `content/topics.yaml`: subjects of targets that are not industry chains.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTopic {
    /// The topic's id, used in targets' `topic:` and in addresses.
    pub id: Id,
    /// The topic's name in both languages.
    pub name: Text,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `content/regions.yaml`: provinces, cities, new areas, zones and development zones.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRegion {
    /// The region's id, used in plans', targets' and breakdown parts' `region:`.
    pub id: Id,
    /// The region's name in both languages.
    pub name: Text,
    /// The id of the region this one lies in.
    #[serde(default)]
    pub parent: Option<Id>,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `content/units.yaml`: departments, governments and other bodies given tasks.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawUnit {
    /// The department's id, used in plans' `issuer:` and targets' `responsible:` and `lead:`.
    pub id: Id,
    /// The department's full name in both languages.
    pub name: Text,
    /// The id of the region whose department this is.
    #[serde(default)]
    pub region: Option<Id>,
    /// Other names readers search by (short forms, former names), in any language.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// `seeds/<id>.yaml`: the bibliographic facts of one source document.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecord {
    /// The document's full title in both languages; pages, citations and data use it.
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

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValidity {
    /// in_force (现行有效), expired (已失效), repealed (已废止) or replaced (已被替代).
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
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRecordInferred {
    /// Why the title is not the document's own, when the site supplied it.
    #[serde(default)]
    pub title: Option<Text>,
    /// Why the issuer is inferred, when the document does not name it.
    #[serde(default)]
    pub issuer: Option<Text>,
    /// Why the date is inferred, when the document does not state it.
    #[serde(default)]
    pub issued: Option<Text>,
    /// Why the document number is inferred.
    #[serde(default)]
    pub document_number: Option<Text>,
    /// Why the place of publication is inferred.
    #[serde(default)]
    pub published: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPublication {
    /// Who published the text, such as a government's website, in both languages.
    pub publisher: Text,
    /// The date it was published.
    #[serde(default)]
    pub date: Option<Date>,
    /// The address of the published text (https:// or http://).
    #[serde(default)]
    pub url: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    /// The clause number as the document writes it, such as `二(一)3`.
    pub id: String,
    /// What the clause is about, in our own words.
    pub title: Text,
}

/// `content/plans/<id>/plan.yaml`.
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlan {
    /// A short name for lists and chart labels. The full title is the record's, so
    /// that page, citation, feeds and data use one title.
    #[serde(default)]
    pub short_title: Option<Text>,
    /// The id of the department (content/units.yaml) that issued the plan.
    pub issuer: Id,
    /// The id of the region the plan covers; its targets' default region.
    pub region: Id,
    /// The id of the source record in seeds/ that holds the document's facts and clauses.
    pub record: Id,
    /// The plan's period: its first and last year.
    pub horizon: RawHorizon,
    /// The plan's quantified targets, one entry per goal the document quantifies.
    #[serde(default)]
    pub targets: Vec<RawTarget>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHorizon {
    /// The plan's first year.
    pub start: Year,
    /// The plan's last year.
    pub end: Year,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    /// The target's id, unique within its plan; it becomes the page's address.
    pub id: Id,
    /// What is measured, in both languages, such as 电子信息产业营业收入.
    pub name: Text,
    /// A shorter name for chart labels, in both languages.
    #[serde(default)]
    pub short_name: Option<Text>,
    /// The id of the industry chain the target is about (or give `topic`).
    #[serde(default)]
    pub chain: Option<Id>,
    /// The id of the topic, for a goal that is not about one chain (or give `chain`).
    #[serde(default)]
    pub topic: Option<Id>,
    /// Defaults to the plan's region.
    #[serde(default)]
    pub region: Option<Id>,
    /// What the figure measures: output, revenue, value_added, investment, count, share, growth…
    pub metric: Metric,
    /// The unit of measure the figure is stated in: yi-yuan, wan-yuan, percent, firms…
    pub unit: MeasureUnit,
    /// The year the figure is due (for a yearly figure, the last year).
    pub year: Year,
    /// The figure applies to each year (每年), quarter or month from `from` to `year`.
    #[serde(default)]
    pub each: Option<Period>,
    /// The first year of `each`; defaults to the plan's first year.
    #[serde(default)]
    pub from: Option<Year>,
    /// The figure in the document's form, such as `{reach: 2600}` or `{range: [3, 5]}`.
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
    /// Which way is better, `up` or `down`, when the metric does not tell (costs, rankings).
    #[serde(default)]
    pub direction: Option<Direction>,
    /// The year (and figure, if the document gives it) a rise or doubling is measured from.
    #[serde(default)]
    pub baseline: Option<RawBaseline>,
    /// The figure split into parts: by region or segment (partition), or named parts only (of_which, 其中).
    #[serde(default)]
    pub breakdown: Option<RawBreakdown>,
    /// Ids of the departments responsible (责任单位).
    #[serde(default)]
    pub responsible: Vec<Id>,
    /// Ids of the departments that lead (牵头单位).
    #[serde(default)]
    pub lead: Vec<Id>,
    /// The clause of the document the target comes from.
    pub source: RawSource,
    /// Published outcomes: the figure reached in a year, with its source record.
    #[serde(default)]
    pub actuals: Vec<RawActual>,
    /// A note shown with the target, in both languages.
    #[serde(default)]
    pub note: Option<Text>,
    /// Facts of the target the document does not state, with the reason.
    #[serde(default)]
    pub inferred: RawTargetInferred,
}

/// The reasons for the facts of a target the site inferred, one field each.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawTargetInferred {
    /// Why the name is the site's, when the document does not name the measure.
    #[serde(default)]
    pub name: Option<Text>,
    /// Why the chain or topic is inferred.
    #[serde(default)]
    pub subject: Option<Text>,
    /// Why the region is inferred.
    #[serde(default)]
    pub region: Option<Text>,
    /// Why the metric is inferred.
    #[serde(default)]
    pub metric: Option<Text>,
    /// Why the unit is inferred.
    #[serde(default)]
    pub unit: Option<Text>,
    /// Why the year is inferred, such as from the plan's period.
    #[serde(default)]
    pub year: Option<Text>,
    /// Why the value's form is inferred.
    #[serde(default)]
    pub value: Option<Text>,
    /// Why the baseline is inferred.
    #[serde(default)]
    pub baseline: Option<Text>,
    /// Why the recurrence (each year) is inferred.
    #[serde(default)]
    pub each: Option<Text>,
    /// Why the counting word is inferred.
    #[serde(default)]
    pub counter: Option<Text>,
    /// Why the clause is inferred.
    #[serde(default)]
    pub clause: Option<Text>,
    /// Why the responsible departments are inferred.
    #[serde(default)]
    pub responsible: Option<Text>,
    /// Why the lead departments are inferred.
    #[serde(default)]
    pub lead: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBaseline {
    /// The year the change is measured from.
    pub year: Year,
    /// Unknown when a plan says "double the 2019 level" without the 2019 figure.
    #[serde(default)]
    pub value: Option<Num>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBreakdown {
    /// `partition` (the parts add up to the total) or `of_which` (其中: named parts only).
    #[serde(default)]
    pub kind: BreakdownKind,
    /// The parts, each with a `region` or a `segment` and its figure.
    pub parts: Vec<RawPart>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, serde::Serialize, schemars::JsonSchema,
)]
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

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPart {
    /// The id of the region this part is for.
    #[serde(default)]
    pub region: Option<Id>,
    /// The name of the part, in both languages, when it is not a region (a product, a park).
    #[serde(default)]
    pub segment: Option<Text>,
    /// The part's figure, in the target's unit.
    pub value: PlainFigure,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// The id of the source record, when it is not the plan's own.
    #[serde(default)]
    pub record: Option<Id>,
    /// The clause number as the document writes it, such as 二(一)3; it must be one of the record's clauses.
    pub clause: String,
    /// The document's own sentence for the goal, quoted on the target's page.
    #[serde(default)]
    pub wording: Option<String>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActual {
    /// The year the outcome is for.
    pub year: Year,
    /// The figure reached, in the target's unit.
    pub value: PlainFigure,
    /// The metric reported, when it is not the target's (revenue against output).
    #[serde(default)]
    pub metric: Option<Metric>,
    /// Where the outcome was published.
    pub source: RawActualSource,
    /// A note on the outcome, in both languages.
    #[serde(default)]
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawActualSource {
    /// The id of the source record (in seeds/) that published the outcome.
    pub record: Id,
    /// The part of that record, when it has clauses.
    #[serde(default)]
    pub clause: Option<String>,
}

/// Front matter of a commentary file (`index.zh.md`).
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    /// One or two sentences for lists and the page's description.
    #[serde(default)]
    pub summary: Option<String>,
}
