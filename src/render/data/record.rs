//! The open-data record of one target: every field of `targets.json`, nested as that
//! file nests them. Serializing a record gives the target's JSON line, and the columns
//! of `targets.csv` ([`super::columns`]) read their cells from the same record, so the
//! two files can differ in layout but never in content.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::document::{DocumentRecord, InferredRecord, inferred};
use crate::content::{
    Actual, Bound, Breakdown, Direction, HasId, Id, Noun, PartKey, Plan, Registry, Site, Subject,
    Target, TargetValue,
};
use crate::derive::{Index, PlanStatus, TargetRef};
use crate::lang::{Localized, Text};
use crate::render::{format, links};

/// A registry entry in the open data: its id and names.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub id: String,
    pub name: Text,
}

/// One target as the open data publishes it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRecord {
    pub plan_id: String,
    pub target_id: String,
    pub name: Text,
    pub plan_title: Text,
    pub issuer: Named,
    /// The disclosure metadata of the plan's document.
    pub document: Option<DocumentRecord>,
    /// [`PlanStatus::key`].
    pub plan_status: &'static str,
    pub chain: Option<Named>,
    pub topic: Option<Named>,
    pub region: Named,
    pub metric: &'static str,
    pub unit: &'static str,
    pub year: u16,
    /// For a figure set for each year (quarter, month) of a span: the period and the span.
    pub each: Option<EachRecord>,
    /// Written as an object keyed by the model's own [`TargetValue::form`].
    #[serde(serialize_with = "value_json")]
    pub value: TargetValue,
    /// For average growth, the year the rate counts from.
    pub growth_since: Option<u16>,
    /// The goal's second form, when the document states two.
    #[serde(serialize_with = "also_json")]
    pub also: Option<TargetValue>,
    /// The document's counting word (量词), when it is not the unit's usual one.
    pub counter: Option<&'static str>,
    pub noun: Option<NounRecord>,
    pub value_text: Text,
    pub direction: &'static str,
    pub baseline: Option<BaselineRecord>,
    pub breakdown: Option<BreakdownRecord>,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    pub source: SourceRecord,
    pub actuals: Vec<ActualRecord>,
    pub progress: ProgressRecord,
    pub note: Option<Text>,
    /// Facts the site filled in that the document does not state.
    pub inferred: Vec<InferredRecord>,
    pub url: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct EachRecord {
    /// [`crate::content::Period::key`].
    pub period: &'static str,
    pub from: u16,
    pub to: u16,
}

#[derive(Debug, Clone, Serialize)]
pub struct NounRecord {
    pub one: String,
    pub other: String,
}

impl From<&Noun> for NounRecord {
    fn from(n: &Noun) -> Self {
        NounRecord {
            one: n.one.clone(),
            other: n.other.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct BaselineRecord {
    pub year: u16,
    pub value: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BreakdownRecord {
    /// [`crate::content::raw::BreakdownKind::key`].
    pub kind: &'static str,
    pub parts: Vec<PartRecord>,
}

/// A part of a breakdown: a region's share, or a named segment's.
#[derive(Debug, Clone, Serialize)]
pub struct PartRecord {
    pub region: Option<String>,
    pub segment: Option<Text>,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct SourceRecord {
    pub record: String,
    pub clause: Option<String>,
    /// The source document's title, so a reader of the file need not look it up.
    pub document: Option<Text>,
    /// The document's own sentence for the goal, when the editor gives it.
    pub wording: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActualRecord {
    pub year: u16,
    pub value: f64,
    pub metric: &'static str,
    /// False when the outcome reports another measure than the target's.
    pub comparable: bool,
    pub source_record: String,
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProgressRecord {
    /// [`crate::derive::Status::key`], or `no_data` for a target never assessed.
    pub status: &'static str,
    pub floor_met: Option<bool>,
    pub stretch_met: Option<bool>,
}

impl TargetRecord {
    /// The record of the target at `at`; `plan` is the plan at `at.plan`.
    pub fn new(site: &Site, index: &Index, plan: &Plan, at: TargetRef) -> TargetRecord {
        let t = &plan.targets[at.target];
        let record = site.records.get(&plan.record);
        let base = &site.config.base_url;
        TargetRecord {
            plan_id: plan.id.to_string(),
            target_id: t.id.to_string(),
            name: t.name.clone(),
            plan_title: plan.title.clone(),
            issuer: named(&plan.issuer, &site.units, |u| &u.name),
            document: record.map(DocumentRecord::new),
            plan_status: index
                .status
                .get(at.plan)
                .copied()
                .unwrap_or(PlanStatus::InForce)
                .key(),
            chain: match &t.subject {
                Subject::Chain(id) => Some(named(id, &site.chains, |c| &c.name)),
                Subject::Topic(_) => None,
            },
            topic: match &t.subject {
                Subject::Topic(id) => Some(named(id, &site.topics, |c| &c.name)),
                Subject::Chain(_) => None,
            },
            region: named(&t.region, &site.regions, |r| &r.name),
            metric: t.metric.key(),
            unit: t.unit.key(),
            year: t.year,
            each: t.each.map(|r| EachRecord {
                period: r.each.key(),
                from: r.from,
                to: r.to,
            }),
            value: t.value,
            growth_since: t.growth_since,
            also: t.also,
            counter: t.counting.counter.map(|c| c.zh()),
            noun: t.counting.noun.as_ref().map(NounRecord::from),
            // The words the pages show (`views::value_text`), made by `format` itself so
            // the open data needs nothing from the views.
            value_text: Localized::from_fn(|l| format::target_text(t, l)),
            direction: match t.direction {
                Direction::Up => "up",
                Direction::Down => "down",
            },
            baseline: t.baseline.map(|b| BaselineRecord {
                year: b.year,
                value: b.value,
            }),
            breakdown: t.breakdown.as_ref().map(breakdown),
            lead: t.lead.iter().map(Id::to_string).collect(),
            responsible: t.responsible.iter().map(Id::to_string).collect(),
            source: SourceRecord {
                record: t.source.record.to_string(),
                clause: t.source.clause.clone(),
                document: site.records.get(&t.source.record).map(|r| r.title.clone()),
                wording: t.source.wording.clone(),
            },
            actuals: t.actuals.iter().map(|a| actual(t, a)).collect(),
            progress: progress(index, at),
            note: t.note.clone(),
            inferred: inferred(&t.inferred, |f| f.key()),
            url: Localized::from_fn(|l| base.join(&links::target(l, &plan.id, &t.id))),
        }
    }
}

fn named<T: HasId>(id: &Id, reg: &Registry<T>, name: impl Fn(&T) -> &Text) -> Named {
    Named {
        id: id.to_string(),
        name: reg.get(id).map(&name).cloned().unwrap_or_default(),
    }
}

fn breakdown(b: &Breakdown) -> BreakdownRecord {
    BreakdownRecord {
        kind: b.kind.key(),
        parts: b
            .parts
            .iter()
            .map(|part| PartRecord {
                region: match &part.key {
                    PartKey::Region(id) => Some(id.to_string()),
                    PartKey::Segment(_) => None,
                },
                segment: match &part.key {
                    PartKey::Segment(s) => Some(s.clone()),
                    PartKey::Region(_) => None,
                },
                value: part.value,
            })
            .collect(),
    }
}

fn actual(t: &Target, a: &Actual) -> ActualRecord {
    ActualRecord {
        year: a.year,
        value: a.value,
        metric: a.metric.key(),
        comparable: a.metric == t.metric,
        source_record: a.source.record.to_string(),
        note: a.note.clone(),
    }
}

fn progress(index: &Index, at: TargetRef) -> ProgressRecord {
    let progress = index.progress_of(at);
    let tiers = progress.and_then(|p| p.tiers);
    ProgressRecord {
        status: progress.map_or("no_data", |p| p.status.key()),
        floor_met: tiers.map(|t| t.floor),
        stretch_met: tiers.map(|t| t.stretch),
    }
}

/// A target's value as an object: `form` (the variant) first, then the figures the
/// variant has and its modal word, so a reader can tell the shapes apart by one field.
fn value_json<S: Serializer>(value: &TargetValue, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct BoundJson {
        comparator: &'static str,
        value: f64,
        qualifier: Option<&'static str>,
    }
    let bound = |b: Bound| BoundJson {
        comparator: b.comparator.key(),
        value: b.value,
        qualifier: b.qualifier.map(|q| q.key()),
    };
    let mut map = s.serialize_map(None)?;
    map.serialize_entry("form", value.form())?;
    match *value {
        TargetValue::Single(b) => {
            map.serialize_entry("comparator", b.comparator.key())?;
            map.serialize_entry("value", &b.value)?;
        }
        TargetValue::Range { low, high, or, .. } => {
            map.serialize_entry("low", &low)?;
            map.serialize_entry("high", &high)?;
            map.serialize_entry("or", &or.map(|o| o.key()))?;
        }
        TargetValue::Tiers { floor, stretch } => {
            map.serialize_entry("floor", &bound(floor))?;
            map.serialize_entry("stretch", &bound(stretch))?;
        }
        TargetValue::Double { .. } => {}
        TargetValue::IncreaseBy(x) => map.serialize_entry("increase_by", &bound(x))?,
        TargetValue::AverageGrowth(x) => map.serialize_entry("average_growth", &bound(x))?,
    }
    map.serialize_entry("qualifier", &value.qualifier().map(|q| q.key()))?;
    map.end()
}

fn also_json<S: Serializer>(value: &Option<TargetValue>, s: S) -> Result<S::Ok, S::Error> {
    struct Value<'a>(&'a TargetValue);
    impl Serialize for Value<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            value_json(self.0, s)
        }
    }
    value.as_ref().map(Value).serialize(s)
}

#[cfg(test)]
mod tests {
    use crate::content::raw::BreakdownKind;

    #[test]
    fn breakdown_kinds_are_written_as_in_yaml() {
        for kind in [BreakdownKind::Partition, BreakdownKind::OfWhich] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.key());
        }
    }
}
