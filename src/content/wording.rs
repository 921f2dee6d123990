//! The document's own words around a figure: the modal word before it (确保, 力争…),
//! the counting word after it (家, 户…), the period it recurs over (每年, 每季度), and the
//! facts the site filled in that the document does not state.
//!
//! These are kept as closed vocabularies, not free strings, so a page can say them in
//! both languages and a misspelling is an error that lists the words accepted.

use serde::{Deserialize, Serialize};

use crate::lang::Text;

/// The modal word a plan puts before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// 确保: a firm commitment.
    Ensure,
    /// 力争: strive for.
    Strive,
    /// 争取: seek.
    Seek,
    /// 争创: aim for (a title or a rank).
    AimFor,
    /// 努力: endeavour.
    Endeavour,
}

impl Qualifier {
    pub const ALL: [Qualifier; 5] = [
        Qualifier::Ensure,
        Qualifier::Strive,
        Qualifier::Seek,
        Qualifier::AimFor,
        Qualifier::Endeavour,
    ];

    /// The key as written in YAML, in UI strings (`qualifier.<key>`) and in open data.
    pub fn key(self) -> &'static str {
        match self {
            Qualifier::Ensure => "ensure",
            Qualifier::Strive => "strive",
            Qualifier::Seek => "seek",
            Qualifier::AimFor => "aim_for",
            Qualifier::Endeavour => "endeavour",
        }
    }

    /// The word as the document writes it.
    pub fn zh(self) -> &'static str {
        match self {
            Qualifier::Ensure => "确保",
            Qualifier::Strive => "力争",
            Qualifier::Seek => "争取",
            Qualifier::AimFor => "争创",
            Qualifier::Endeavour => "努力",
        }
    }

    /// Returns true if and only if the word states an aspiration rather than a commitment.
    pub fn is_aspiration(self) -> bool {
        self != Qualifier::Ensure
    }
}

/// The Chinese counting word (量词) written after a count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
pub enum Counter {
    #[serde(rename = "家")]
    Jia,
    #[serde(rename = "户")]
    Hu,
    #[serde(rename = "个")]
    Ge,
    #[serde(rename = "项")]
    Xiang,
    #[serde(rename = "名")]
    Ming,
    #[serde(rename = "人")]
    Ren,
    #[serde(rename = "位")]
    Wei,
    #[serde(rename = "场")]
    Chang,
    #[serde(rename = "次")]
    Ci,
    #[serde(rename = "座")]
    Zuo,
    #[serde(rename = "条")]
    Tiao,
    #[serde(rename = "所")]
    Suo,
    #[serde(rename = "批")]
    Pi,
    #[serde(rename = "处")]
    Chu,
    #[serde(rename = "件")]
    Jian,
    #[serde(rename = "种")]
    Zhong,
    #[serde(rename = "支")]
    Zhi,
    #[serde(rename = "台")]
    Tai,
    #[serde(rename = "套")]
    Tao,
}

impl Counter {
    /// The word as written.
    pub fn zh(self) -> &'static str {
        match self {
            Counter::Jia => "家",
            Counter::Hu => "户",
            Counter::Ge => "个",
            Counter::Xiang => "项",
            Counter::Ming => "名",
            Counter::Ren => "人",
            Counter::Wei => "位",
            Counter::Chang => "场",
            Counter::Ci => "次",
            Counter::Zuo => "座",
            Counter::Tiao => "条",
            Counter::Suo => "所",
            Counter::Pi => "批",
            Counter::Chu => "处",
            Counter::Jian => "件",
            Counter::Zhong => "种",
            Counter::Zhi => "支",
            Counter::Tai => "台",
            Counter::Tao => "套",
        }
    }
}

/// The English noun of a count, when the unit's own does not fit (1 technology,
/// 2 technologies).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Noun {
    /// The noun for one thing, such as `technology`.
    pub one: String,
    /// The noun for several things, such as `technologies`.
    pub other: String,
}

impl Noun {
    /// The form for `n` things.
    pub fn for_count(&self, n: f64) -> &str {
        if n == 1.0 { &self.one } else { &self.other }
    }
}

/// How a target's counting is worded: the Chinese counting word and the English noun,
/// each `None` when the unit's usual word is right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counting {
    pub counter: Option<Counter>,
    pub noun: Option<Noun>,
}

/// The period a figure recurs over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// 每年: the figure applies to each year.
    Year,
    /// 每季度: to each quarter.
    Quarter,
    /// 每月: to each month.
    Month,
}

impl Period {
    pub fn key(self) -> &'static str {
        match self {
            Period::Year => "year",
            Period::Quarter => "quarter",
            Period::Month => "month",
        }
    }
}

/// A figure that applies to each period of a span of years, both years included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recurrence {
    pub each: Period,
    pub from: u16,
    pub to: u16,
}

impl Recurrence {
    /// The years the figure applies to.
    pub fn years(&self) -> std::ops::RangeInclusive<u16> {
        self.from..=self.to
    }
}

/// A fact the site filled in that the document does not state, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Inference<F> {
    pub field: F,
    pub reason: Text,
}

/// The facts of one record or target that the site inferred, in the order the fields are listed.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred<F>(pub Vec<Inference<F>>);

impl<F> Default for Inferred<F> {
    fn default() -> Self {
        Inferred(Vec::new())
    }
}

impl<F: Copy + PartialEq> Inferred<F> {
    /// The reason `field` was inferred, if it was.
    pub fn reason(&self, field: F) -> Option<&Text> {
        self.0.iter().find(|i| i.field == field).map(|i| &i.reason)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Inference<F>> {
        self.0.iter()
    }
}

/// The fields of a target that may be marked inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetField {
    Name,
    Subject,
    Region,
    Metric,
    Unit,
    Year,
    Value,
    Baseline,
    Each,
    Counter,
    Clause,
    Responsible,
    Lead,
}

impl TargetField {
    pub const ALL: [TargetField; 13] = [
        TargetField::Name,
        TargetField::Subject,
        TargetField::Region,
        TargetField::Metric,
        TargetField::Unit,
        TargetField::Year,
        TargetField::Value,
        TargetField::Baseline,
        TargetField::Each,
        TargetField::Counter,
        TargetField::Clause,
        TargetField::Responsible,
        TargetField::Lead,
    ];

    /// The key as written in YAML, in UI strings (`field.<key>`) and in open data.
    pub fn key(self) -> &'static str {
        match self {
            TargetField::Name => "name",
            TargetField::Subject => "subject",
            TargetField::Region => "region",
            TargetField::Metric => "metric",
            TargetField::Unit => "unit",
            TargetField::Year => "year",
            TargetField::Value => "value",
            TargetField::Baseline => "baseline",
            TargetField::Each => "each",
            TargetField::Counter => "counter",
            TargetField::Clause => "clause",
            TargetField::Responsible => "responsible",
            TargetField::Lead => "lead",
        }
    }
}

/// The fields of a source record that may be marked inferred.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordField {
    Title,
    Issuer,
    Issued,
    DocumentNumber,
    Published,
}

impl RecordField {
    pub const ALL: [RecordField; 5] = [
        RecordField::Title,
        RecordField::Issuer,
        RecordField::Issued,
        RecordField::DocumentNumber,
        RecordField::Published,
    ];

    pub fn key(self) -> &'static str {
        match self {
            RecordField::Title => "title",
            RecordField::Issuer => "issuer",
            RecordField::Issued => "issued",
            RecordField::DocumentNumber => "document_number",
            RecordField::Published => "published",
        }
    }
}

/// Whether a document is in force, as a disclosure portal states it (有效性).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValidityStatus {
    /// 现行有效.
    InForce,
    /// 已失效: its period ended.
    Expired,
    /// 已废止.
    Repealed,
    /// 已被替代: another document replaced it.
    Replaced,
}

impl ValidityStatus {
    pub const ALL: [ValidityStatus; 4] = [
        ValidityStatus::InForce,
        ValidityStatus::Expired,
        ValidityStatus::Repealed,
        ValidityStatus::Replaced,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ValidityStatus::InForce => "in_force",
            ValidityStatus::Expired => "expired",
            ValidityStatus::Repealed => "repealed",
            ValidityStatus::Replaced => "replaced",
        }
    }
}
